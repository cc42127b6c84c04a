//! The records kept about a session: attendance, follow-up flags, record notes and feedback,
//! decided and folded like every other event, accepted after the end, and kept by the recorder.

use crate::fixture;

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use fixture::{at, data_dir, people, started, t0};

/// The shared session driver, with this area's commands on top (other areas add their own).
struct Run(fixture::Run);

impl std::ops::Deref for Run {
    type Target = fixture::Run;
    fn deref(&self) -> &fixture::Run {
        &self.0
    }
}

impl std::ops::DerefMut for Run {
    fn deref_mut(&mut self) -> &mut fixture::Run {
        &mut self.0
    }
}
use holdspace::domain::feedback::Answer;
use holdspace::domain::hands::FloorCommand as F;
use holdspace::domain::record::{Attendance as A, Flag, FollowUp, MAX_TEXT_CHARS, RecordCommand as R};
use holdspace::domain::{Command, Event, EventKind as E, Session};
use holdspace::session::recorder::Recorder;
use holdspace::session::records::{Occasion, to_do};
use holdspace::store::journal;
use holdspace::store::log::{SessionLog, load};
use holdspace::store::paths::DataDir;
use holdspace::util::format::Zone;
use proptest::prelude::*;

const TOO_LONG: &str = "that is too long for a record: keep it to a few sentences";
const ENDED: &str = "the session has ended";

/// The record's commands on a session driven as the app drives it: decide, stamp, apply.
impl Run {
    fn new(names: &[&str]) -> Self {
        Self(fixture::Run::begin(started(people("record", names))))
    }

    fn rec(&mut self, command: R, now: DateTime<Utc>) -> E {
        self.run(Command::Record(command), now)
    }

    /// The reason a record command is refused.
    fn refused(&self, command: R) -> &'static str {
        let command = Command::Record(command);
        self.s.decide(&command, at(99, 0)).expect_err("it is refused")
    }

    fn person(&self, who: usize) -> &holdspace::domain::record::PersonRecord {
        &self.s.record.people[who]
    }
}

/// An event kind as a journal line spells it.
fn kind(json: &str) -> E {
    serde_json::from_str(json).expect("an event kind")
}

/// The sequence number and message of the fold error for the events so far and then `json`.
fn fold_err(r: &Run, json: &str) -> (u64, String) {
    let mut events = r.events.clone();
    events.push(r.s.stamp(kind(json), at(99, 0)));
    let err = Session::from_events(&events).expect_err("the fold rejects it");
    (err.seq, err.message)
}

fn attend(who: usize, attendance: A) -> R {
    R::Attend { who, attendance }
}

fn flag(who: usize, follow_up: FollowUp, note: &str) -> R {
    let note = note.to_owned();
    R::Flag { who, follow_up, note }
}

fn unflag(who: usize, follow_up: FollowUp) -> R {
    R::Unflag { who, follow_up }
}

fn note(who: usize, text: &str) -> R {
    let text = text.to_owned();
    R::RecordNote { who, text }
}

fn rate(who: usize, rating: Option<u8>) -> R {
    R::Rate { who, rating }
}

fn comment(who: usize, text: &str) -> R {
    let text = text.to_owned();
    R::Comment { who, text }
}

fn add(name: &str) -> Command {
    Command::Floor(F::AddParticipant(name.to_owned()))
}

/// Every record request that takes a text, made for `who` (which the summary ignores).
const TEXTS: [fn(usize, String) -> R; 6] = [
    |who, text| R::RecordNote { who, text },
    |who, text| R::Comment { who, text },
    |who, text| R::Takeaway { who, text },
    |who, text| R::Goal { who, text },
    |_, text| R::Summary(text),
    |who, note| flag(who, FollowUp::CallBeforeNext, &note),
];

/// Requests that belong to the running session alone.
fn live_commands() -> Vec<Command> {
    vec![
        Command::Next,
        Command::Back,
        Command::TogglePause,
        Command::AddMinute,
        Command::RemoveMinute,
        Command::Rebalance,
        Command::RevisitRules,
        Command::DismissWarning,
        Command::Note("a thought".into()),
        Command::Floor(F::RaiseHand(0)),
        Command::Floor(F::RaiseHand(1)),
        Command::Floor(F::NextSpeaker),
        Command::Floor(F::ToggleGentlePriority),
    ]
}

#[test]
fn attendance_is_set_and_changed_but_never_repeated() {
    let mut r = Run::new(&["Ana", "Ben"]);
    for person in &r.s.record.people {
        assert_eq!(
            (person.expected, person.attendance),
            (true, None),
            "expected, not yet marked"
        );
    }
    let late = r.rec(attend(0, A::Late), at(5, 0));
    assert_eq!(late, kind(r#"{"type":"attended","who":0,"attendance":"late"}"#));
    assert_eq!(r.refused(attend(0, A::Late)), "already recorded");
    r.rec(attend(0, A::Present), at(6, 0));
    assert_eq!(r.person(0).attendance, Some(A::Present));
    assert_eq!(r.person(1).attendance, None);
    assert_eq!(r.refused(attend(2, A::Absent)), "no such participant");
    r.run(add("Cy"), at(10, 0));
    r.run(Command::End, at(90, 0));
    r.run(add("Di"), at(95, 0));
    for person in &r.s.record.people[2..] {
        assert_eq!(
            (person.expected, person.attendance),
            (false, Some(A::Present)),
            "added"
        );
    }
    r.rec(attend(3, A::LeftEarly), at(96, 0));
    assert_eq!(r.s.floor.participants.len(), r.s.record.people.len());
}

#[test]
fn those_who_spoke_are_present_at_the_end_unless_marked_otherwise() {
    let mut r = Run::new(&["Ana", "Ben", "Cy"]);
    let turn = |r: &mut Run, who, from, to| {
        r.run(Command::Floor(F::RaiseHand(who)), at(from, 0));
        r.run(Command::Floor(F::NextSpeaker), at(from, 0));
        r.run(Command::Floor(F::NextSpeaker), at(to, 0));
    };
    turn(&mut r, 0, 5, 8);
    // Given the floor by mistake and taken back at once: no talk time, so no word of them.
    turn(&mut r, 1, 10, 10);
    r.rec(attend(2, A::Absent), at(11, 0));
    turn(&mut r, 2, 12, 14);
    assert_eq!(r.person(0).attendance, None, "only once the session has ended");
    r.run(Command::End, at(90, 0));
    let marked: Vec<_> = r.s.record.people.iter().map(|p| p.attendance).collect();
    assert_eq!(marked, [Some(A::Present), None, Some(A::Absent)]);
    assert_eq!(&Session::from_events(&r.events).expect("replay"), &r.s);
    let log = SessionLog::of(&r.s, &r.events).expect("ended");
    assert_eq!(
        log.participants[0].attendance,
        Some(A::Present),
        "saved in the log"
    );
    r.rec(attend(0, A::LeftEarly), at(95, 0));
    assert_eq!(
        r.person(0).attendance,
        Some(A::LeftEarly),
        "the facilitator's word stands"
    );
    assert_eq!(&Session::from_events(&r.events).expect("replay"), &r.s);
}

#[test]
fn flags_carry_a_note_that_a_second_flag_replaces() {
    let mut r = Run::new(&["Ana"]);
    let safeguarding = FollowUp::Safeguarding;
    r.rec(flag(0, safeguarding, "  said things were hard  "), at(5, 0));
    let mut first = Flag {
        follow_up: safeguarding,
        note: "said things were hard".to_owned(),
        at: at(5, 0),
    };
    assert_eq!(r.person(0).flags, std::slice::from_ref(&first));
    r.rec(flag(0, safeguarding, ""), at(7, 0));
    first.note.clear();
    assert_eq!(
        r.person(0).flags,
        [first],
        "the note replaced, dated when first set"
    );
    r.rec(flag(0, FollowUp::OneToOne, "offered"), at(8, 0));
    assert!(r.s.record.flagged(0, FollowUp::OneToOne) && r.s.record.flagged(0, safeguarding));
    let cleared = kind(r#"{"type":"unflagged","who":0,"follow_up":"safeguarding"}"#);
    assert_eq!(r.rec(unflag(0, safeguarding), at(9, 0)), cleared);
    assert!(!r.s.record.flagged(0, safeguarding));
    let not_set = "that flag is not set";
    assert_eq!(r.refused(unflag(0, safeguarding)), not_set);
    assert_eq!(r.refused(unflag(0, FollowUp::CallBeforeNext)), not_set);
    assert_eq!(r.refused(unflag(1, safeguarding)), "no such participant");
}

#[test]
fn record_notes_are_written_and_reset_to_the_prefilled_one() {
    let mut r = Run::new(&["Ana"]);
    let reset = R::ResetRecordNote { who: 0 };
    let prefilled = "the record note is already the pre-filled one";
    assert_eq!(r.refused(reset.clone()), prefilled);
    for empty in ["", "  \t "] {
        let why = r.refused(note(0, empty));
        assert!(why.starts_with("an empty record note is not saved"), "{why}");
    }
    r.rec(note(0, "  Own words.  "), at(95, 0));
    assert_eq!(r.person(0).record_note.as_deref(), Some("Own words."));
    let back = kind(r#"{"type":"record_note_written","who":0,"text":null}"#);
    assert_eq!(r.rec(reset.clone(), at(96, 0)), back);
    assert_eq!(r.person(0).record_note, None);
    assert_eq!(r.refused(reset), prefilled);
}

#[test]
fn ratings_run_from_one_to_five_and_clear() {
    let mut r = Run::new(&["Ana"]);
    for bad in [0, 6, u8::MAX] {
        assert_eq!(r.refused(rate(0, Some(bad))), "a rating is from 1 to 5");
    }
    for good in [1, 5] {
        r.rec(rate(0, Some(good)), at(95, 0));
        assert_eq!(r.person(0).rating, Some(good));
    }
    r.rec(rate(0, None), at(96, 0));
    assert_eq!(r.person(0).rating, None);
    let seven = fold_err(&r, r#"{"type":"rated","who":0,"rating":7}"#);
    assert_eq!(seven, (5, "a rating is from 1 to 5".to_owned()));
}

#[test]
fn text_is_trimmed_and_kept_brief_counting_characters() {
    for make in TEXTS {
        let mut r = Run::new(&["Ana"]);
        assert_eq!(r.refused(make(0, "é".repeat(MAX_TEXT_CHARS + 1))), TOO_LONG);
        r.rec(make(0, "é".repeat(MAX_TEXT_CHARS)), at(95, 0));
        let kept = r.rec(make(0, " \tkept\n ".to_owned()), at(96, 0));
        let json = serde_json::to_string(&kept).expect("serialise");
        assert!(json.contains("\"kept\""), "{json}");
    }
    let mut r = Run::new(&["Ana"]);
    r.rec(comment(0, "warm"), at(95, 0));
    r.rec(comment(0, "  "), at(96, 0));
    assert_eq!(r.person(0).comment, "", "an empty comment clears it");
}

#[test]
fn after_the_end_only_the_records_and_new_people_are_accepted() {
    let mut r = Run::new(&["Ana"]);
    r.run(Command::Floor(F::RaiseHand(0)), at(5, 0));
    r.run(Command::End, at(90, 0));
    let record = [
        attend(0, A::Absent),
        flag(0, FollowUp::OneToOne, "n"),
        unflag(0, FollowUp::OneToOne),
        rate(0, Some(3)),
    ];
    let texts = TEXTS.map(|make| make(0, "text".into()));
    let reset = R::ResetRecordNote { who: 0 };
    for command in record.into_iter().chain(texts).chain([reset]) {
        assert!(r.rec(command, at(95, 0)).is_review());
    }
    r.run(add("Bo"), at(96, 0));
    for command in live_commands().into_iter().chain([Command::End]) {
        assert_eq!(r.s.decide(&command, at(97, 0)), Err(ENDED), "{command:?}");
    }
    let next = r.s.last_seq + 1;
    let after = (next, "the session had already ended".to_owned());
    for json in [r#"{"type":"paused"}"#, r#"{"type":"hand_raised","who":0}"#] {
        assert_eq!(fold_err(&r, json), after);
    }
    let nobody = fold_err(&r, r#"{"type":"attended","who":9,"attendance":"present"}"#);
    assert_eq!(nobody, (next, "no such participant".to_owned()));
}

fn text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec!["", "  ", "spoke about work", "  padded  ", "é"]);
    prop_oneof![
        4 => words.prop_map(str::to_owned),
        1 => Just("x".repeat(MAX_TEXT_CHARS + 1)),
    ]
}

fn record_command() -> impl Strategy<Value = R> {
    let who = 0usize..5;
    let follow_up = prop::sample::select(FollowUp::ALL.to_vec());
    let texts = (who.clone(), prop::sample::select(TEXTS.to_vec()), text());
    prop_oneof![
        1 => (who.clone(), prop::sample::select(A::ALL.to_vec())).prop_map(|(who, a)| attend(who, a)),
        1 => (who.clone(), follow_up.clone(), text()).prop_map(|(who, f, note)| flag(who, f, &note)),
        1 => (who.clone(), follow_up).prop_map(|(who, f)| unflag(who, f)),
        1 => who.clone().prop_map(|who| R::ResetRecordNote { who }),
        1 => (who, prop::option::of(0u8..=6)).prop_map(|(who, rating)| rate(who, rating)),
        3 => texts.prop_map(|(who, make, text)| make(who, text)),
        // Members' own feedback, with nobody's number: entered, and taken back by its place.
        1 => (prop::sample::select(Answer::ALL.to_vec()), text(), text())
            .prop_map(|(answer, good, better)| R::GiveFeedback { answer, good, better }),
        1 => (0usize..4).prop_map(|entry| R::WithdrawFeedback { entry }),
    ]
}

fn command() -> impl Strategy<Value = Command> {
    let name = prop::sample::select(vec!["Ana", "Cy", "Di", " "]);
    prop_oneof![
        6 => record_command().prop_map(Command::Record),
        3 => prop::sample::select(live_commands()),
        1 => name.prop_map(add),
    ]
}

proptest! {
    #[test]
    fn records_replay_and_round_trip_through_the_log(
        expected in 0usize..=3,
        live in prop::collection::vec((command(), 0i64..400), 0..60),
        review in prop::collection::vec((command(), 0i64..120), 0..40),
    ) {
        let mut r = Run::new(&["Ana", "Ben", "Cy"][..expected]);
        let mut now = r.s.started_at;
        for (command, advance) in &live {
            now += TimeDelta::seconds(*advance);
            // The clock's own events, as the app records them on each tick.
            for kind in r.s.due(now) {
                let event = r.s.stamp(kind, now);
                r.s.apply(&event).expect("a due event applies");
                r.events.push(event);
            }
            let _ = r.try_do(command, now);
        }
        prop_assert!(SessionLog::of(&r.s, &r.events).is_none());
        r.run(Command::End, now);
        for (command, advance) in &review {
            now += TimeDelta::seconds(*advance);
            let review = matches!(command, Command::Record(_) | Command::Floor(F::AddParticipant(_)));
            match r.try_do(command, now) {
                Ok(kind) => prop_assert!(kind.is_review(), "{:?} after the end", kind),
                Err(why) => prop_assert!(review || why == ENDED, "{:?}: {}", command, why),
            }
        }

        for person in &r.s.record.people {
            prop_assert!(person.rating.is_none_or(|rating| (1..=5).contains(&rating)));
            prop_assert!(person.record_note.as_ref().is_none_or(|note| !note.is_empty()));
            let mut kinds: Vec<FollowUp> = person.flags.iter().map(|flag| flag.follow_up).collect();
            kinds.sort();
            kinds.dedup();
            prop_assert_eq!(kinds.len(), person.flags.len());
        }
        prop_assert_eq!(r.s.record.people.len(), r.s.floor.participants.len());
        prop_assert_eq!(&Session::from_events(&r.events).expect("replay"), &r.s);
        let json = serde_json::to_string(&r.events).expect("serialise");
        let parsed: Vec<Event> = serde_json::from_str(&json).expect("parse");
        prop_assert_eq!(&parsed, &r.events);
        prop_assert_eq!(&Session::from_events(&parsed).expect("replay parsed"), &r.s);
        let log = SessionLog::of(&r.s, &r.events).expect("the session has ended");
        let back: SessionLog = serde_json::from_slice(&log.to_json()).expect("the log parses");
        prop_assert_eq!(back, log);
    }
}

/// Records what `command` comes to, as the app does; false if refused or not saved.
fn record(recorder: &mut Recorder, command: R, now: DateTime<Utc>) -> bool {
    let decided = recorder.session.decide(&Command::Record(command), now);
    decided.is_ok_and(|kind| recorder.record(kind, now))
}

/// A recorder on a fresh data folder with Ana expected, ended at 19:30 with her marked present.
fn ended(dir: &DataDir) -> Recorder {
    let meta = people("rec", &["Ana"]);
    let mut recorder = Recorder::start(dir, meta, t0()).expect("the session starts");
    assert!(record(&mut recorder, attend(0, A::Present), at(30, 0)));
    assert!(recorder.record(E::Ended { interrupted: false }, at(90, 0)));
    recorder
}

#[test]
fn the_log_is_written_the_journal_retired_and_restored_for_a_later_review() {
    let (_tmp, dir) = data_dir();
    let mut recorder = ended(&dir);
    let journal_path = dir.journal_path("rec").expect("a session ID");
    let path = recorder.write_log(&dir).expect("the log is written");
    assert_eq!(path, dir.log_path("rec").expect("a session ID"));
    assert!(journal_path.exists(), "the review still writes to the journal");
    assert!(record(&mut recorder, rate(0, Some(4)), at(95, 0)));
    let early = load(&path).expect("the log loads").log;
    assert_eq!(early.events.len(), 3);
    let err = Recorder::restore(&dir, &early).expect_err("the journal is still there");
    assert_eq!(err.path, journal_path);
    assert!(
        err.to_string().contains(&journal_path.display().to_string()),
        "{err}"
    );
    assert_eq!(
        journal::read(&journal_path).expect("reads").events,
        recorder.events
    );

    assert_eq!(recorder.finish(&dir).expect("finished"), path);
    assert!(!journal_path.exists());
    drop(recorder);
    let saved = load(&path).expect("the log loads").log;
    assert_eq!(saved.participants[0].rating, Some(4));
    let mut recorder = Recorder::restore(&dir, &saved).expect("restored");
    assert_eq!(recorder.journal_path(), journal_path);
    assert_eq!(journal::read(&journal_path).expect("reads").events, saved.events);
    assert_eq!(recorder.session.record.people[0].attendance, Some(A::Present));
    assert!(
        Recorder::restore(&dir, &saved).is_err(),
        "one journal per session"
    );

    assert!(!recorder.record(E::Paused, at(100, 0)), "the session has ended");
    assert!(record(&mut recorder, comment(0, "late word"), at(100, 0)));
    let call = flag(0, FollowUp::CallBeforeNext, "");
    assert!(record(&mut recorder, call, at(101, 0)));
    let contents = journal::read(&journal_path).expect("reads");
    assert_eq!(contents.events, recorder.events);
    assert_eq!(contents.events.len(), saved.events.len() + 2);
    assert_eq!(recorder.finish(&dir).expect("finished"), path);
    assert!(!journal_path.exists());
    let log = load(&path).expect("the log loads").log;
    assert_eq!(log.events, recorder.events);
    assert_eq!(log.participants[0].comment, "late word");
    assert_eq!(log.participants[0].follow_ups.len(), 1);
}

#[test]
fn prefilled_notes_say_how_each_person_attended() {
    let occasion = Occasion {
        group: "Tuesday group",
        started_at: at(0, 0),
        ended_at: at(92, 0),
        zone: Zone::Fixed(FixedOffset::east_opt(0).expect("UTC")),
    };
    let on = "peer support group 'Tuesday group' on 26 Nov 2026, 18:00–19:32";
    let cases = [
        (Some(A::Present), format!("Attended {on}.")),
        (Some(A::Late), format!("Attended {on}, arriving late.")),
        (Some(A::LeftEarly), format!("Attended {on}, leaving early.")),
        (Some(A::Absent), format!("Did not attend {on}.")),
        (None, format!("Attendance at {on} was not recorded.")),
    ];
    for (attendance, wanted) in cases {
        assert_eq!(occasion.prefilled(attendance), wanted);
        assert_eq!(occasion.record_note(None, attendance), wanted);
        assert_eq!(occasion.record_note(Some("Own."), attendance), "Own.");
    }
}

#[test]
fn the_to_do_list_puts_safeguarding_first_then_people_in_order() {
    use FollowUp::{CallBeforeNext, OneToOne, Safeguarding};
    let set = |follow_up, note: &str| Flag {
        follow_up,
        note: note.to_owned(),
        at: t0(),
    };
    let ana = [set(CallBeforeNext, "Thu"), set(Safeguarding, "a")];
    let (ben, cy) = ([set(OneToOne, "")], [set(Safeguarding, "c"), set(OneToOne, "o")]);
    let people = [("Ana", &ana[..]), ("Ben", &ben[..]), ("Dee", &[])];
    let list = to_do(people.into_iter().chain([("Cy", &cy[..])]));
    let list: Vec<_> = list
        .iter()
        .map(|item| (item.who, item.name, item.follow_up, item.note))
        .collect();
    assert_eq!(
        list,
        [
            (0, "Ana", Safeguarding, "a"),
            (3, "Cy", Safeguarding, "c"),
            (0, "Ana", CallBeforeNext, "Thu"),
            (1, "Ben", OneToOne, ""),
            (3, "Cy", OneToOne, "o"),
        ]
    );
    assert!(to_do([("Ana", &[][..])]).is_empty());
}

/// The end checklist comes from the session's start; space ticks and unticks an item with its
/// time, after the end too, and an item it does not have is refused, not guessed.
#[test]
fn the_end_checklist_ticks_and_unticks_and_refuses_an_item_it_lacks() {
    let meta = holdspace::domain::SessionMeta {
        end_checklist: vec!["Room left as found".to_owned()],
        ..people("record", &["Ana"])
    };
    let mut r = Run(fixture::Run::begin(started(meta)));
    r.run(Command::End, at(90, 0));
    let tick = R::TickClosing { item: 0 };
    assert_eq!(
        r.rec(tick.clone(), at(91, 0)),
        E::ClosingTicked {
            item: 0,
            ticked: true
        }
    );
    assert_eq!(r.s.record.closing[0].ticked_at, Some(at(91, 0)));
    r.rec(tick, at(92, 0));
    assert_eq!(r.s.record.closing[0].ticked_at, None);
    assert_eq!(r.refused(R::TickClosing { item: 1 }), "no such checklist item");
}
