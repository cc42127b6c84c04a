//! The attendance list during the session and the review after it, driven key by key at fixed
//! times, with every step drawn at the largest and smallest supported sizes.

use crate::fixture;

use fixture::{at, code, key, people, start_meta};
use holdspace::domain::record::{Attendance as A, FollowUp};
use holdspace::domain::{EventKind as E, SessionMeta};
use holdspace::store::journal;
use holdspace::store::log::{SessionLog, load};
use holdspace::ui::app::{App, Input, Outcome, Overlay, Screen};
use holdspace::ui::keys::defaults::Mode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

const NO_ONE: &str = "no one to mark yet: + adds someone";
const COURSE_ONLY: &str = "takeaways and goals are for the last session of a course (--last-session)";
/// The review's wording for the session below once ended at 19:32.
const ON: &str = "peer support group 'Peer support group' on 26 Nov 2026, 18:00–19:32";

/// A running app at `t0` for session "test" expecting `names`, showing UTC.
fn start(names: &[&str], last_session: bool) -> (TempDir, App) {
    let meta = SessionMeta {
        last_session,
        ..people("test", names)
    };
    start_meta(meta, false)
}

fn draw(app: &App) {
    for (width, height) in [(120, 40), (60, 15)] {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        terminal
            .draw(|f| f.render_widget(app, f.area()))
            .expect("the frame draws");
    }
}

/// Presses each key in turn as `fixture::code` reads it (↑ ↓ ⏎ ⎋ ⌫ stand for the arrows, Enter,
/// Esc and Backspace), drawing after each.
fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, code(c));
        draw(app);
    }
}

fn ctrl_c(app: &mut App) {
    fixture::ctrl_c(app);
    draw(app);
}

/// The events recorded since `before` events.
fn since(app: &App, before: usize) -> Vec<E> {
    let events = &app.recorder.events[before..];
    events.iter().map(|event| event.kind.clone()).collect()
}

fn count(app: &App) -> usize {
    app.recorder.events.len()
}

fn message(app: &App) -> &str {
    app.message.as_deref().unwrap_or("")
}

fn attendance(app: &App) -> Vec<Option<A>> {
    let people = &app.recorder.session.record.people;
    people.iter().map(|person| person.attendance).collect()
}

#[allow(
    clippy::unnecessary_wraps,
    reason = "compared with the app's overlay, an Option"
)]
fn input(purpose: Input, text: &str) -> Option<Overlay> {
    Some(Overlay::Input {
        purpose,
        text: text.to_owned(),
    })
}

fn assert_journal_matches(app: &App) {
    let on_disk = journal::read(app.recorder.journal_path()).expect("the journal reads");
    assert_eq!(on_disk.events, app.recorder.events);
}

/// Ends the session at 19:32 with q then y.
fn end(app: &mut App) {
    app.tick(at(92, 0));
    press(app, "q");
    assert_eq!(app.overlay, Some(Overlay::ConfirmEnd));
    press(app, "y");
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.mode(), Mode::Review);
}

fn saved_log(app: &App) -> SessionLog {
    load(&app.dir.log_path("test").expect("a session ID"))
        .expect("the log loads")
        .log
}

#[test]
fn the_attendance_list_marks_flags_and_adds_people() {
    let (_tmp, mut app) = start(&["Ana", "Ben", "Cleo"], false);
    draw(&app);
    app.tick(at(5, 0));
    press(&mut app, "a");
    assert_eq!(
        (app.overlay.clone(), app.mode()),
        (Some(Overlay::People), Mode::People)
    );
    let before = count(&app);
    press(&mut app, "plen");
    assert_eq!(
        attendance(&app),
        [Some(A::Present), Some(A::Late), Some(A::LeftEarly)]
    );
    assert_eq!(app.person, 2, "the last person stays selected");
    assert_eq!(
        app.recorder.session.current,
        Some(0),
        "n does not move on from the list"
    );
    press(&mut app, "ka");
    assert_eq!(attendance(&app)[1], Some(A::Absent));
    assert_eq!(message(&app), "Ben: absent");
    assert_eq!(since(&app, before).len(), 4);

    press(&mut app, "↑↑!");
    let flag_note = Input::FlagNote {
        who: 0,
        follow_up: FollowUp::Safeguarding,
    };
    assert_eq!(app.overlay, input(flag_note, ""));
    press(&mut app, "spoke of a crisis⏎");
    assert_eq!(app.overlay, Some(Overlay::People));
    let flagged = |note: &str| E::Flagged {
        who: 0,
        follow_up: FollowUp::Safeguarding,
        note: note.to_owned(),
    };
    assert_eq!(since(&app, before + 4), [flagged("spoke of a crisis")]);
    press(&mut app, "!");
    let unflagged = E::Unflagged {
        who: 0,
        follow_up: FollowUp::Safeguarding,
    };
    assert_eq!(since(&app, before + 5), [unflagged]);
    assert_eq!(app.overlay, Some(Overlay::People));
    press(&mut app, "b⏎");
    assert!(app.recorder.session.record.flagged(0, FollowUp::CallBeforeNext));
    let before = count(&app);
    press(&mut app, "ounsaid⎋");
    assert_eq!(
        (app.overlay.clone(), count(&app)),
        (Some(Overlay::People), before)
    );

    press(&mut app, "+");
    assert_eq!(app.overlay, input(Input::NewPerson, ""));
    press(&mut app, "Dee⏎");
    assert_eq!(since(&app, before), [E::ParticipantAdded { name: "Dee".into() }]);
    assert_eq!((app.person, app.overlay.clone()), (3, Some(Overlay::People)));
    assert_eq!(message(&app), "Dee added, marked present");
    let dee = &app.recorder.session.record.people[3];
    assert_eq!((dee.expected, dee.attendance), (false, Some(A::Present)));
    press(&mut app, "⎋");
    assert_eq!((app.overlay.clone(), app.mode()), (None, Mode::Live));
    press(&mut app, "n");
    assert_eq!(app.recorder.session.current, Some(1), "live keys work again");
    assert_journal_matches(&app);
}

#[test]
fn q_y_ends_into_the_review_and_q_finishes_it() {
    let (_tmp, mut app) = start(&["Ana", "Ben"], false);
    press(&mut app, "apa⎋");
    end(&mut app);
    let log_path = app.dir.log_path("test").expect("a session ID");
    assert!(log_path.exists() && app.recorder.journal_path().exists());
    assert!(
        message(&app).starts_with("session ended and its log saved"),
        "{}",
        message(&app)
    );
    assert_eq!(saved_log(&app).events, app.recorder.events);

    press(&mut app, "↑r");
    let present = format!("Attended {ON}.");
    assert_eq!(app.overlay, input(Input::RecordNote(0), &present));
    let before = count(&app);
    press(&mut app, "⎋");
    assert_eq!(
        (app.overlay.clone(), count(&app)),
        (None, before),
        "Esc keeps nothing"
    );
    press(&mut app, "r⌫, and led the closing round.⏎");
    let own = format!("Attended {ON}, and led the closing round.");
    let written = |text: Option<&str>| E::RecordNoteWritten {
        who: 0,
        text: text.map(str::to_owned),
    };
    assert_eq!(since(&app, before), [written(Some(&own))]);
    assert_eq!(message(&app), "saved");
    press(&mut app, "⏎");
    assert_eq!(
        app.overlay,
        input(Input::RecordNote(0), &own),
        "Enter opens the note as well"
    );
    press(&mut app, &format!("{}⏎", "⌫".repeat(own.chars().count())));
    assert!(message(&app).starts_with("an empty record note is not saved"));
    press(&mut app, "RR");
    assert_eq!(since(&app, before), [written(Some(&own)), written(None)]);
    assert_eq!(message(&app), "the record note is already the pre-filled one");

    press(&mut app, "j");
    press(&mut app, "r");
    assert_eq!(
        app.overlay,
        input(Input::RecordNote(1), &format!("Did not attend {ON}."))
    );
    press(&mut app, "⎋lr");
    let late = format!("Attended {ON}, arriving late.");
    assert_eq!(
        app.overlay,
        input(Input::RecordNote(1), &late),
        "Ben is marked late now"
    );
    press(&mut app, "⎋↑e↑r");
    let early = format!("Attended {ON}, leaving early.");
    assert_eq!(app.overlay, input(Input::RecordNote(0), &early));
    press(&mut app, "⎋");

    let before = count(&app);
    press(&mut app, "40c  Found it helpful ⏎");
    let rated = |rating| E::Rated { who: 0, rating };
    let comment = E::Commented {
        who: 0,
        text: "Found it helpful".into(),
    };
    assert_eq!(since(&app, before), [rated(Some(4)), rated(None), comment]);
    press(&mut app, "c");
    assert_eq!(app.overlay, input(Input::Comment(0), "Found it helpful"));
    press(&mut app, "⎋");
    for key in ["t", "G"] {
        press(&mut app, key);
        assert_eq!((app.overlay.clone(), message(&app)), (None, COURSE_ONLY));
    }
    press(&mut app, "sA calm group.⏎");
    assert_eq!(app.recorder.session.record.summary, "A calm group.");
    press(&mut app, "s");
    assert_eq!(app.overlay, input(Input::Summary, "A calm group."));
    press(&mut app, "⎋o⏎+Eve⏎4");
    assert_eq!(app.person, 2);
    assert_eq!(app.recorder.session.record.people[2].rating, Some(4));
    assert_eq!(app.overlay, None, "inputs in the review go back to the review");
    assert_journal_matches(&app);

    press(&mut app, "q");
    assert_eq!(app.outcome, Some(Outcome::Finished(log_path)));
    assert!(!app.recorder.journal_path().exists(), "the journal is retired");
    let log = saved_log(&app);
    assert_eq!(log.events, app.recorder.events);
    assert_eq!(log.summary, "A calm group.");
    let names: Vec<&str> = log
        .participants
        .iter()
        .map(|person| person.name.as_str())
        .collect();
    assert_eq!(names, ["Ana", "Ben", "Eve"]);
    let ana = &log.participants[0];
    assert_eq!(
        (ana.attendance, ana.record_note.as_deref()),
        (Some(A::LeftEarly), None)
    );
    assert_eq!((ana.rating, ana.comment.as_str()), (None, "Found it helpful"));
    assert_eq!(ana.follow_ups.len(), 1);
    assert_eq!(log.participants[1].attendance, Some(A::Late));
}

#[test]
fn the_last_session_of_a_course_takes_takeaways_and_goals() {
    let (_tmp, mut app) = start(&["Ana"], true);
    end(&mut app);
    let before = count(&app);
    press(&mut app, "t");
    assert_eq!(app.overlay, input(Input::Takeaway(0), ""));
    press(&mut app, "breathing helps⏎G");
    assert_eq!(app.overlay, input(Input::Goal(0), ""));
    press(&mut app, " walk daily ⏎t");
    assert_eq!(app.overlay, input(Input::Takeaway(0), "breathing helps"));
    press(&mut app, "⎋");
    let takeaway = E::TakeawayWritten {
        who: 0,
        text: "breathing helps".into(),
    };
    let goal = E::GoalWritten {
        who: 0,
        text: "walk daily".into(),
    };
    assert_eq!(since(&app, before), [takeaway, goal]);
    ctrl_c(&mut app);
    assert_eq!(
        app.outcome,
        Some(Outcome::Finished(app.dir.log_path("test").expect("a session ID")))
    );
    let ana = &saved_log(&app).participants[0];
    assert_eq!(
        (ana.takeaway.as_str(), ana.goal.as_str()),
        ("breathing helps", "walk daily")
    );
}

#[test]
fn with_no_one_listed_the_person_keys_say_so_and_plus_adds_someone() {
    let (_tmp, mut app) = start(&[], false);
    press(&mut app, "a");
    let before = count(&app);
    for key in ["j", "k", "p", "l", "e", "a", "o", "!", "b"] {
        press(&mut app, key);
        assert_eq!(app.overlay, Some(Overlay::People), "{key}");
    }
    assert_eq!((count(&app), message(&app)), (before, NO_ONE));
    press(&mut app, "+Zed⏎l");
    assert_eq!(attendance(&app), [Some(A::Late)]);
    press(&mut app, "⎋");
    assert_journal_matches(&app);

    let (_tmp, mut app) = start(&[], false);
    end(&mut app);
    let before = count(&app);
    for key in ["r", "R", "4", "0", "c", "p", "!"] {
        press(&mut app, key);
        assert_eq!((app.overlay.clone(), message(&app)), (None, NO_ONE), "{key}");
    }
    assert_eq!(count(&app), before);
    press(&mut app, "+Zed⏎r");
    assert_eq!(
        app.overlay,
        input(Input::RecordNote(0), &format!("Attended {ON}."))
    );
    press(&mut app, "⎋");
    ctrl_c(&mut app);
    assert!(matches!(app.outcome, Some(Outcome::Finished(_))));
    assert_eq!(saved_log(&app).participants.len(), 1);
}

#[test]
fn confirming_the_untouched_prefilled_note_keeps_it_prefilled() {
    let (_tmp, mut app) = start(&["Ana"], false);
    press(&mut app, "ap⎋");
    end(&mut app);
    press(&mut app, "r⏎a");
    let ana = &app.recorder.session.record.people[0];
    assert_eq!(ana.record_note, None);
    let note = app
        .occasion()
        .record_note(ana.record_note.as_deref(), ana.attendance);
    assert_eq!(note, format!("Did not attend {ON}."));
}

/// What the roster says of someone shows in the attendance list beside their name, and marking
/// them present while their confidentiality waiver is out asks for it.
#[test]
fn the_roster_shows_in_the_attendance_list_and_an_outstanding_waiver_is_asked_for() {
    use holdspace::ui::app::Known;
    let (_tmp, mut app) = start(&["Ana", "Ben"], false);
    app.known = vec![
        Known {
            name: "ana".to_owned(),
            adjustments: "a seat near the door".to_owned(),
            waiver_out: true,
        },
        Known {
            name: "Ben".to_owned(),
            adjustments: String::new(),
            waiver_out: false,
        },
    ];
    press(&mut app, "a");
    let shown = crate::screen::screen(&crate::screen::draw(&app, 120, 40));
    let ana = shown
        .lines()
        .find(|line| line.contains("▸ Ana"))
        .expect("Ana selected");
    assert!(ana.contains("Ana  a seat near the door"), "{shown}");
    press(&mut app, "p");
    assert_eq!(
        message(&app),
        "Ana: present · their confidentiality waiver has not come back: ask for it"
    );
    press(&mut app, "p");
    assert_eq!(message(&app), "Ben: present", "Ben's waiver is back");
}

/// A group's session asks its end checklist when the review is finished: space ticks the item
/// chosen (saved as it is pressed), Esc goes back to the review, Enter finishes. `w` marks
/// someone absent who sent word, and the pre-filled record note says so.
#[test]
fn finishing_the_review_asks_the_end_checklist_and_saves_its_ticks() {
    let meta = SessionMeta {
        end_checklist: vec![
            "Room left as found".to_owned(),
            "Follow-ups written down".to_owned(),
        ],
        ..people("test", &["Ana", "Ben"])
    };
    let (_tmp, mut app) = start_meta(meta, false);
    end(&mut app);
    press(&mut app, "↑↑w");
    assert_eq!(attendance(&app), [Some(A::SentWord), None]);
    assert_eq!(message(&app), "Ana: absent, sent word");
    let note = app.occasion().prefilled(Some(A::SentWord));
    assert!(note.ends_with("; sent word beforehand."), "{note}");

    press(&mut app, "q");
    assert_eq!(app.overlay, Some(Overlay::Closing { selected: 0 }));
    let before = count(&app);
    press(&mut app, "j j");
    assert_eq!(
        since(&app, before),
        [E::ClosingTicked {
            item: 1,
            ticked: true
        }]
    );
    press(&mut app, "⎋");
    assert_eq!(
        (app.overlay.clone(), app.outcome.clone()),
        (None, None),
        "Esc goes back"
    );
    press(&mut app, "q⏎");
    assert!(
        matches!(app.outcome, Some(Outcome::Finished(_))),
        "{:?}",
        app.outcome
    );
    let log = saved_log(&app);
    let ticked: Vec<bool> = log
        .closing
        .iter()
        .map(|check| check.ticked_at.is_some())
        .collect();
    assert_eq!(ticked, [false, true]);
    assert_eq!(log.participants[0].attendance, Some(A::SentWord));
    assert_eq!(log.events, app.recorder.events);
}

/// Ctrl-c in the review finishes it at once, checklist or not: leaving in a hurry is allowed.
#[test]
fn ctrl_c_in_the_review_finishes_without_the_checklist() {
    let meta = SessionMeta {
        end_checklist: vec!["Room left as found".to_owned()],
        ..people("test", &["Ana"])
    };
    let (_tmp, mut app) = start_meta(meta, false);
    end(&mut app);
    ctrl_c(&mut app);
    assert!(
        matches!(app.outcome, Some(Outcome::Finished(_))),
        "{:?}",
        app.outcome
    );
}

/// Notes are seen during the session (`v` lists them with their times) and a note that names
/// someone (`@Ana`) shows under that person's record note in the review, to write it from; a
/// longer name that starts the same (`@Anabel`) is someone else.
#[test]
fn notes_are_listed_live_and_a_named_one_shows_under_that_persons_record() {
    let (_tmp, mut app) = start(&["Ana", "Anabel"], false);
    press(&mut app, ":@ana asked about the walking group⏎");
    press(&mut app, ":@Anabel brought biscuits⏎");
    press(&mut app, "v");
    assert_eq!(app.overlay, Some(Overlay::Notes));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("drawn");
    let screen = format!("{:?}", terminal.backend());
    for shown in [
        "Session notes · 2",
        "18:00 @ana asked about the walking group",
        "18:00 @Anabel brought biscuits",
    ] {
        assert!(screen.contains(shown), "{shown:?} not in:\n{screen}");
    }
    press(&mut app, "⎋");
    assert_eq!(app.overlay, None);
    end(&mut app);
    let review = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
        terminal.draw(|f| f.render_widget(app, f.area())).expect("drawn");
        format!("{:?}", terminal.backend())
    };
    press(&mut app, "↑");
    let ana = review(&app);
    assert!(
        ana.contains("note 18:00 @ana asked about the walking group"),
        "{ana}"
    );
    assert!(!ana.contains("biscuits"), "{ana}");
    press(&mut app, "↓");
    let anabel = review(&app);
    assert!(anabel.contains("note 18:00 @Anabel brought biscuits"), "{anabel}");
    assert!(!anabel.contains("walking group\""), "{anabel}");
}
