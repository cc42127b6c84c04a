//! A second holdspace on the same data folder never treats a running session as interrupted:
//! it follows it as the co-facilitator, adding what a co-facilitator may to the same journal,
//! and both fold the same events. The facilitator can hand over the flow; if their holdspace
//! stops, the co-facilitator's can take the session over.

use crate::fixture;
use crate::screen;

use fixture::{at, co_facilitator, meta, people, press, t0};
use holdspace::domain::{Author, Command, Event, EventKind, Session};
use holdspace::session::recorder::Recorder;
use holdspace::session::recovery::{Found, inspect};
use holdspace::store::journal::{self, Journal};
use holdspace::store::paths::DataDir;
use holdspace::ui::app::{App, Followed, Outcome, Screen};
use holdspace::util::format::Zone;
use std::io::Write;

#[test]
fn a_running_session_is_left_alone_until_its_journal_is_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = DataDir::open(tmp.path()).unwrap();
    let path = dir.journal_path("running").expect("a session ID");
    let running = Recorder::start(&dir, meta("running"), t0()).unwrap();

    assert!(
        matches!(inspect(&path), Found::Running(ref found) if *found == path),
        "a journal in use is never offered for resuming"
    );
    let err = Journal::reopen(dir.disk().clone(), &path).unwrap_err();
    assert_eq!(err.source.kind(), std::io::ErrorKind::WouldBlock, "{err}");
    assert!(err.to_string().contains("another holdspace has this file open"));

    drop(running);
    assert!(
        soon(|_| matches!(inspect(&path), Found::Resumable(_))),
        "closed, it can be resumed"
    );
}

/// Whether `done` (given the try's number) comes true within two seconds. A journal closed
/// here can stay locked a moment longer: a process another test is starting at that instant is
/// a fork of this one, and holds every open file until it execs.
fn soon(mut done: impl FnMut(i64) -> bool) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    let mut attempt = 0;
    loop {
        if done(attempt) {
            return true;
        }
        if std::time::Instant::now() > deadline {
            return false;
        }
        attempt += 1;
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn decide(recorder: &mut Recorder, command: Command, minutes: i64) {
    let now = at(minutes, 0);
    let kind = recorder.session.decide(&command, now).expect("allowed");
    assert!(recorder.record(kind, now), "{:?}", recorder.not_saved);
}

fn shown(app: &App) -> String {
    screen::screen(&screen::draw(app, 120, 40))
}

#[test]
fn the_co_facilitator_adds_hands_notes_and_follow_ups_and_both_agree() {
    let (_tmp, dir) = fixture::data_dir();
    let mut first = Recorder::start(&dir, people("shared", &["Ana", "Ben"]), t0()).unwrap();
    decide(&mut first, Command::Next, 3);
    let mut co = co_facilitator(&dir, "shared");
    assert_eq!(co.recorder.session, first.session, "it opens on what is on disk");
    assert_eq!(co.followed, Some(Followed::Running));

    // What the facilitator records reaches the co-facilitator on its next tick.
    decide(&mut first, Command::TogglePause, 5);
    co.tick(at(6, 0));
    assert_eq!(co.recorder.session, first.session);

    // Moving the session on stays with the facilitator, and the co-facilitator is told why.
    let before = co.recorder.session.last_seq;
    for keys in ["n", " ", "+", "r", "s", "O"] {
        press(&mut co, keys);
        assert_eq!(
            co.recorder.session.last_seq, before,
            "{keys:?} changed the session"
        );
        assert!(co.message.is_some(), "{keys:?} gave no reason");
    }
    // Handing the flow over is moving the session on too, and says so the same way.
    assert!(
        co.message
            .as_deref()
            .unwrap()
            .contains("the flow is with the facilitator")
    );
    press(&mut co, "n");
    assert!(
        co.message
            .as_deref()
            .unwrap()
            .contains("the flow is with the facilitator"),
        "{:?}",
        co.message
    );
    // The co-facilitator raises a hand, adds a note and flags a follow-up, into the journal.
    co.tick(at(7, 0));
    press(&mut co, "hBen⏎");
    press(&mut co, ":Ben looked tired⏎");
    press(&mut co, "a↓!call him⏎⎋");
    let people = &co.recorder.session.record.people;
    assert!(
        people[1].flags.iter().any(|flag| flag.note == "call him"),
        "{people:?}"
    );
    assert_eq!(co.recorder.session.floor.queue.len(), 1);
    let by: Vec<Author> = co.recorder.events.iter().map(|event| event.by).collect();
    assert_eq!(
        by.iter().filter(|by| **by == Author::CoFacilitator).count(),
        3,
        "{by:?}"
    );

    let screen = shown(&co);
    assert!(screen.contains("CO-FACILITATOR"), "{screen}");
    assert!(screen.contains("co-facilitator · saved #6"), "{screen}");

    // The facilitator's holdspace takes in the co-facilitator's events, then adds its own after.
    let mut app = App::new(
        first,
        dir.clone(),
        holdspace::ui::theme::themes::fallback(true),
        Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap()),
        at(7, 0),
    );
    app.tick(at(8, 0));
    assert_eq!(app.recorder.session, co.recorder.session);
    press(&mut app, "s");
    assert_eq!(
        app.recorder.session.floor.turn.as_ref().map(|turn| turn.who),
        Some(1),
        "Ben has the floor"
    );
    co.tick(at(9, 0));
    assert_eq!(co.recorder.session, app.recorder.session);
    assert_eq!(
        journal_fold(&dir, "shared"),
        app.recorder.session,
        "the journal says the same"
    );

    // The co-facilitator cannot end the session: q only leaves its view.
    press(&mut co, "q");
    assert_eq!(co.outcome, Some(Outcome::Left));
}

/// The session the journal `id` folds to.
fn journal_fold(dir: &DataDir, id: &str) -> Session {
    let contents = journal::read(&dir.journal_path(id).expect("a session ID")).unwrap();
    assert!(contents.bad_lines.is_empty() && contents.torn_tail.is_empty());
    Session::from_events(&contents.events).unwrap()
}

#[test]
fn the_facilitator_hands_the_flow_over_and_takes_it_back() {
    let (_tmp, dir) = fixture::data_dir();
    let zone = Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap());
    let first = Recorder::start(&dir, meta("flow"), t0()).unwrap();
    let mut app = App::new(
        first,
        dir.clone(),
        holdspace::ui::theme::themes::fallback(true),
        zone,
        t0(),
    );
    let mut co = co_facilitator(&dir, "flow");

    press(&mut app, "O");
    assert_eq!(app.recorder.session.flow, Author::CoFacilitator);
    assert!(shown(&app).contains("The co-facilitator moves the session on; O takes the flow back"));
    co.tick(at(1, 0));
    assert!(shown(&co).contains("you move the session on, O hands it back"));
    press(&mut co, "n");
    assert_eq!(
        co.recorder.session.current,
        Some(1),
        "the co-facilitator moved the session on"
    );
    press(&mut co, "O");
    assert_eq!(
        co.recorder.session.flow,
        Author::Facilitator,
        "and handed the flow back"
    );
    press(&mut co, "n");
    assert_eq!(co.recorder.session.current, Some(1), "now refused");
    app.tick(at(2, 0));
    assert_eq!(app.recorder.session, co.recorder.session);
    assert_eq!(journal_fold(&dir, "flow"), co.recorder.session);
}

#[test]
fn a_facilitator_that_stops_can_be_taken_over() {
    let (_tmp, dir) = fixture::data_dir();
    let mut first = Recorder::start(&dir, meta("stops"), t0()).unwrap();
    let mut co = co_facilitator(&dir, "stops");
    press(&mut co, "t");
    assert!(
        co.message
            .as_deref()
            .unwrap()
            .contains("only once the facilitator's holdspace has stopped")
    );
    decide(&mut first, Command::Next, 2);
    drop(first);
    let stopped = soon(|attempt| {
        co.tick(at(3, attempt));
        co.followed == Some(Followed::Stopped)
    });
    assert!(stopped, "{:?}", co.followed);
    assert_eq!(
        co.recorder.session.last_seq, 2,
        "what it wrote before stopping is taken in"
    );
    assert!(shown(&co).contains("has stopped: t takes the session over"));

    press(&mut co, "t");
    assert_eq!(co.followed, None);
    assert!(!co.recorder.is_co_facilitator());
    assert_eq!(co.recorder.session.recoveries.len(), 1, "the gap is marked");
    press(&mut co, "n");
    assert_eq!(co.recorder.session.current, Some(2), "it runs the session now");
    assert!(
        matches!(
            inspect(&dir.journal_path("stops").expect("a session ID")),
            Found::Running(_)
        ),
        "and holds the journal as the facilitator did"
    );
    assert_eq!(journal_fold(&dir, "stops"), co.recorder.session);
}

#[test]
fn the_co_facilitator_is_told_when_the_session_is_finished() {
    let (_tmp, dir) = fixture::data_dir();
    let mut first = Recorder::start(&dir, meta("finished"), t0()).unwrap();
    let mut co = co_facilitator(&dir, "finished");
    decide(&mut first, Command::End, 30);
    co.tick(at(30, 1));
    assert_eq!(
        co.screen,
        Screen::Review,
        "it follows the facilitator into the review"
    );
    press(&mut co, "p");
    assert_eq!(
        co.recorder.session, first.session,
        "the review is the facilitator's"
    );
    first.finish(&dir).unwrap();
    drop(first);
    co.tick(at(31, 0));
    assert_eq!(co.followed, Some(Followed::Finished));
    assert!(shown(&co).contains("finished the session and saved its log"));
}

/// Thousands of events from two writers at once: every one lands once, in one order that both
/// holdspaces and the journal agree on.
#[test]
fn two_writers_appending_at_once_converge() {
    const EACH: usize = 1500;
    let (_tmp, dir) = fixture::data_dir();
    let first = Recorder::start(&dir, people("busy", &["Ana", "Ben"]), t0()).unwrap();
    let co = Recorder::join(&dir, &dir.journal_path("busy").expect("a session ID")).unwrap();
    let writer = |mut recorder: Recorder, facilitator: bool| {
        std::thread::spawn(move || {
            for n in 0..EACH {
                let now = at(1, 0) + chrono::TimeDelta::milliseconds(n as i64);
                let kind = if facilitator {
                    recorder.session.decide(&Command::TogglePause, now).unwrap()
                } else {
                    recorder
                        .session
                        .decide(&Command::Note(format!("co note {n}")), now)
                        .unwrap()
                };
                assert!(recorder.record(kind, now), "event {n} was not saved");
            }
            recorder.follow().unwrap();
            recorder
        })
    };
    let (first, co) = (writer(first, true), writer(co, false));
    let (mut first, mut co) = (first.join().unwrap(), co.join().unwrap());
    first.follow().unwrap();
    co.follow().unwrap();
    assert_eq!(first.session, co.session);
    assert_eq!(first.events, co.events);
    let folded = journal_fold(&dir, "busy");
    assert_eq!(folded, first.session);
    assert_eq!(folded.last_seq as usize, 1 + 2 * EACH);
    assert_eq!(folded.notes.len(), EACH);
}

/// A writer that dies mid-line leaves bytes with no newline; the next writer, holding the
/// append lock, sets them aside instead of gluing its own line onto them.
#[test]
fn a_line_left_unfinished_by_one_writer_does_not_break_the_other() {
    let (_tmp, dir) = fixture::data_dir();
    let mut first = Recorder::start(&dir, meta("torn"), t0()).unwrap();
    let path = dir.journal_path("torn").expect("a session ID");
    let mut next = first.session.clone();
    let event: Event = next.stamp(EventKind::Note { text: "half".into() }, at(1, 0));
    next.apply(&event).unwrap();
    let line = serde_json::to_string(&event).unwrap();
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .and_then(|mut file| file.write_all(&line.as_bytes()[..line.len() / 2]))
        .unwrap();
    let mut co = co_facilitator(&dir, "torn");
    decide(&mut first, Command::Next, 2);
    co.tick(at(2, 1));
    assert_eq!(co.recorder.session, first.session);
    assert_eq!(journal_fold(&dir, "torn"), first.session);
    let aside = std::fs::read(journal::torn_path(&path)).unwrap();
    assert_eq!(
        aside,
        &line.as_bytes()[..line.len() / 2],
        "the unfinished line is kept aside"
    );
}

#[test]
fn a_partial_line_is_left_for_the_next_poll() {
    let (_tmp, dir) = fixture::data_dir();
    let first = Recorder::start(&dir, meta("partial"), t0()).unwrap();
    let path = dir.journal_path("partial").expect("a session ID");
    let mut tail = journal::Tail::new(&path, std::fs::metadata(&path).unwrap().len(), 1);
    let next = first.session.clone();
    let event = next.stamp(EventKind::Paused, at(1, 0));
    let line = format!("{}\n", serde_json::to_string(&event).unwrap());
    let (head, rest) = line.split_at(line.len() / 2);
    let mut file = std::fs::OpenOptions::new().append(true).open(&path).unwrap();
    file.write_all(head.as_bytes()).unwrap();
    assert!(tail.poll().unwrap().is_empty(), "half a line is not an event yet");
    file.write_all(rest.as_bytes()).unwrap();
    assert_eq!(tail.poll().unwrap(), vec![event]);
    file.write_all(b"not json\n").unwrap();
    let err = tail.poll().unwrap_err().to_string();
    assert!(err.contains("line 3") && err.contains("partial.jsonl"), "{err}");
}

/// Item 5 with two writers: the facilitator's holdspace finds the journal removed and writes it
/// again from memory; the co-facilitator's goes on in that new file, and nothing either
/// acknowledged is missing from it.
#[test]
fn item5_a_removed_shared_journal_is_written_again_and_both_go_on_in_it() {
    let (_tmp, dir) = fixture::data_dir();
    let path = dir.journal_path("shared").expect("a session ID");
    let mut first = Recorder::start(&dir, people("shared", &["Ana", "Ben"]), t0()).unwrap();
    let mut co = Recorder::join(&dir, &path).unwrap();
    decide(&mut co, Command::Note("from the co-facilitator".into()), 1);
    std::fs::remove_file(&path).expect("removed");
    decide(&mut first, Command::Note("after the removal".into()), 2);
    assert_eq!(journal::read(&path).expect("it is back").events, first.events);
    decide(&mut co, Command::Note("the co-facilitator again".into()), 3);
    decide(&mut first, Command::Next, 4);
    let on_disk = journal::read(&path).expect("the journal reads").events;
    assert_eq!(on_disk, first.events, "the facilitator's view is the file");
    assert_eq!(co.follow().ok(), Some(1));
    assert_eq!(co.events, on_disk, "and so is the co-facilitator's");
    let seqs: Vec<u64> = on_disk.iter().map(|event| event.seq).collect();
    assert_eq!(seqs, (1..=5).collect::<Vec<_>>(), "no event lost or repeated");
}
