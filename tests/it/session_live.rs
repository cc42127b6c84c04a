//! The rules of a live session, without a terminal: what time records, the wall clock watched,
//! following and taking over from a co-facilitator's holdspace, passing the flow, leaving,
//! ending and finishing.

use crate::fixture;

use chrono::TimeDelta;
use fixture::{at, meta, t0};
use holdspace::domain::{Author, Command, EventKind};
use holdspace::session::live::{self, Followed, NotTaken};
use holdspace::session::recorder::Recorder;
use holdspace::store::paths::DataDir;

fn kinds(recorder: &Recorder) -> Vec<EventKind> {
    recorder.events.iter().map(|event| event.kind.clone()).collect()
}

fn join(dir: &DataDir, id: &str) -> Recorder {
    Recorder::join(dir, &dir.journal_path(id).expect("a session ID")).expect("the session can be joined")
}

#[test]
fn time_records_what_is_due_for_the_facilitator_only_and_says_when_it_warned() {
    let (_tmp, dir) = fixture::data_dir();
    let mut facilitator = Recorder::start(&dir, meta("due"), t0()).unwrap();
    let mut co = join(&dir, "due");
    assert!(!live::tick(&mut facilitator, at(1, 0)), "nothing to warn of yet");
    assert!(
        live::tick(&mut facilitator, at(81, 0)),
        "ten minutes before the end"
    );
    assert!(kinds(&facilitator).contains(&EventKind::WarningRaised));
    assert!(
        !live::tick(&mut facilitator, at(82, 0)),
        "the warning is raised once"
    );

    let before = co.events.len();
    assert!(!live::tick(&mut co, at(95, 0)));
    assert_eq!(
        co.events.len(),
        before,
        "a co-facilitator records nothing of time's"
    );
}

#[test]
fn a_wall_clock_set_away_is_recorded_once_per_change() {
    let (_tmp, dir) = fixture::data_dir();
    let mut recorder = Recorder::start(&dir, meta("wall"), t0()).unwrap();
    let mut wall = None;
    assert_eq!(
        live::watch_wall(&mut recorder, &mut wall, TimeDelta::zero(), at(1, 0)),
        None
    );
    let ahead = TimeDelta::hours(2);
    assert_eq!(
        live::watch_wall(&mut recorder, &mut wall, ahead, at(2, 0)),
        Some(ahead)
    );
    assert_eq!(live::watch_wall(&mut recorder, &mut wall, ahead, at(3, 0)), None);
    let changes = kinds(&recorder)
        .into_iter()
        .filter(|kind| matches!(kind, EventKind::ClockChanged { .. }))
        .count();
    assert_eq!(changes, 1);
}

#[test]
fn the_flow_passes_to_the_co_facilitator_and_back_and_only_the_facilitator_hands_it() {
    let (_tmp, dir) = fixture::data_dir();
    let mut facilitator = Recorder::start(&dir, meta("flow"), t0()).unwrap();
    let mut co = join(&dir, "flow");
    let refused = live::pass_flow(&mut co, at(1, 0)).unwrap_err();
    assert!(
        refused.contains("only the facilitator hands the flow over"),
        "{refused}"
    );
    assert_eq!(
        live::pass_flow(&mut facilitator, at(2, 0)),
        Ok(Author::CoFacilitator)
    );
    assert_eq!(facilitator.session.flow, Author::CoFacilitator);
    assert_eq!(
        live::pass_flow(&mut facilitator, at(3, 0)),
        Ok(Author::Facilitator)
    );
    assert_eq!(facilitator.session.flow, Author::Facilitator);
}

#[test]
fn a_co_facilitator_follows_and_takes_over_only_once_the_facilitator_has_stopped() {
    let (_tmp, dir) = fixture::data_dir();
    let mut facilitator = Recorder::start(&dir, meta("over"), t0()).unwrap();
    let mut co = join(&dir, "over");
    let mut followed = Some(Followed::Running);
    let mut none = None;
    assert_eq!(
        live::take_over(&mut facilitator, &mut none, &dir, at(1, 0)),
        Err(NotTaken::AlreadyRuns)
    );
    assert_eq!(
        live::take_over(&mut co, &mut followed, &dir, at(1, 0)),
        Err(NotTaken::StillRunning)
    );

    live::run(&mut facilitator, &Command::Next, at(2, 0)).expect("the facilitator moves on");
    assert_eq!(live::follow(&mut co, &mut followed), None);
    assert_eq!(
        (&co.session, &followed),
        (&facilitator.session, &Some(Followed::Running))
    );

    drop(facilitator);
    live::follow(&mut co, &mut followed);
    assert_eq!(followed, Some(Followed::Stopped));
    assert_eq!(live::take_over(&mut co, &mut followed, &dir, at(5, 0)), Ok(()));
    assert_eq!((followed, co.is_co_facilitator()), (None, false));
    assert_eq!(kinds(&co).last(), Some(&EventKind::Recovered));
    assert!(live::may_end(&co));
}

#[test]
fn ending_writes_the_log_at_once_and_finishing_retires_the_journal() {
    let (_tmp, dir) = fixture::data_dir();
    let mut recorder = Recorder::start(&dir, meta("end"), t0()).unwrap();
    assert!(!live::unsaved(&recorder), "every event is on disk");
    let ended = live::end(&mut recorder, &dir, at(80, 0));
    assert_eq!(ended.recorded, Ok(None));
    let log = ended.log.expect("the log is written");
    assert!(log.is_file());
    assert!(
        recorder.journal_path().exists(),
        "the journal stays for the review"
    );
    assert_eq!(
        live::finish(&mut recorder, &dir).expect("the log is written again"),
        log
    );
    assert!(!recorder.journal_path().exists(), "the journal is retired");
}
