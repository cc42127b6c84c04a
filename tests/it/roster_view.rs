//! The roster on screen, from the home screen: number keys set the selected person's status
//! under the same places rule as the command line, saved at once; every size draws cleanly.

use crate::screen;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use holdspace::domain::roster::{Referral, Roster, Status};
use holdspace::store::disk::Os;
use holdspace::store::roster;
use holdspace::ui::before::roster::RosterView;
use holdspace::ui::theme::themes::fallback;
use holdspace::ui::typing::Field;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use screen::{HOSTILE_NAMES, assert_no_control, assert_shows};
use tempfile::TempDir;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("a day")
}

/// A group of two places with `names` referred, in that order, in a folder of its own.
fn referred(names: &[&str]) -> (TempDir, RosterView) {
    let tmp = tempfile::tempdir().expect("a folder");
    let path = roster::path(tmp.path());
    let mut list = Roster::default();
    for name in names {
        let referral = Referral {
            name: (*name).to_owned(),
            referred_by: "CMHT North".to_owned(),
            referred_on: today(),
            adjustments: String::new(),
            reach: holdspace::domain::roster::Reach::default(),
        };
        list.add(referral, 2, today()).expect("referred");
    }
    list.save(&Os, &path).expect("saved");
    let view = RosterView::open("Tuesday group", 2, path).expect("the roster");
    (tmp, view)
}

fn press(view: &mut RosterView, keys: &str) -> bool {
    keys.chars().all(|c| {
        let code = match c {
            '↓' => KeyCode::Down,
            '⎋' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        view.on_key(KeyEvent::new(code, KeyModifiers::NONE), &Os, today())
    })
}

fn draw(view: &RosterView, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| {
            holdspace::ui::view::roster::render(view, frame.area(), frame.buffer_mut(), &fallback(true));
        })
        .expect("drawn");
    terminal
}

#[test]
fn a_number_sets_the_status_and_it_is_saved_at_once() {
    let (_tmp, mut view) = referred(&["Ana", "Bo", "Cy"]);
    assert!(press(&mut view, "5"));
    assert_eq!(
        view.message.as_deref(),
        Some(
            "Ana: referred → confirmed (2 of 2 places held). Their confidentiality waiver has not \
             come back: ask for it before the session."
        )
    );
    let saved = Roster::load(&view.path).expect("the saved roster");
    assert_eq!(saved.members[0].status, Status::Confirmed);
    assert_eq!(saved, view.roster);
    assert_shows(
        &draw(&view, 110, 12),
        &["▸ Ana", "confirmed", "2 of 2 places held · 1 waiting"],
    );
}

/// Item 7: nothing is typed on the roster, so a paste does nothing; its digits as keys would
/// set statuses, and its "q" would close the view.
#[test]
fn item7_a_paste_on_the_roster_changes_nothing() {
    let (_tmp, mut view) = referred(&["Ana", "Bo"]);
    view.on_paste("5\n↓6q");
    assert_eq!((view.selected, view.message.as_deref()), (0, None));
    assert_eq!(Roster::load(&view.path).expect("the saved roster"), view.roster);
    assert!(
        view.roster
            .members
            .iter()
            .all(|member| member.status == Status::Referred)
    );
}

#[test]
fn a_place_is_not_given_beyond_capacity() {
    let (_tmp, mut view) = referred(&["Ana", "Bo", "Cy"]);
    let before = view.roster.clone();
    assert!(press(&mut view, "↓↓5"));
    let said = view.message.clone().unwrap_or_default();
    assert!(said.contains("2 of 2"), "{said}");
    assert_eq!(view.roster, before, "nothing changed");
    // Once Bo leaves, Cy can take the place.
    assert!(press(&mut view, "k8j5"));
    let statuses: Vec<Status> = view.roster.members.iter().map(|member| member.status).collect();
    assert_eq!(statuses, [Status::Referred, Status::Left, Status::Confirmed]);
    assert!(!press(&mut view, "⎋"), "Esc goes back");
}

#[test]
fn every_size_draws_hostile_names_without_control_characters() {
    let names: Vec<&str> = HOSTILE_NAMES.iter().take(2).copied().collect();
    let (_tmp, view) = referred(&names);
    for width in (0..=120).step_by(9) {
        for height in 0..=20 {
            assert_no_control(draw(&view, width, height).backend().buffer());
        }
    }
}

/// `d` notes what is owed to the selected person done from the screen, as `roster GROUP done`
/// does: the kind by its key, then how and to whom (a paste goes into the note), saved with
/// Enter. A kind with nothing owed is refused and nothing is saved; Esc leaves it at any step.
#[test]
fn d_notes_a_safeguarding_concern_done_with_how_and_to_whom() {
    use holdspace::domain::owed::{Held, Seen};
    use holdspace::domain::record::{Attendance, Flag, FollowUp};
    let (_tmp, view) = referred(&["Ana", "Bo"]);
    let flag = Flag {
        follow_up: FollowUp::Safeguarding,
        note: "worried about housing".to_owned(),
        at: chrono::DateTime::UNIX_EPOCH,
    };
    let held = vec![Held {
        on: today(),
        people: vec![Seen {
            name: "Ana".to_owned(),
            attendance: Some(Attendance::Present),
            flags: vec![flag],
        }],
    }];
    let mut view = view.with_sessions(held, None);
    let before = std::fs::read(&view.path).expect("the roster reads");

    press(&mut view, "dc");
    assert_shows(&draw(&view, 120, 12), &["Done for Ana · call: how and to whom?"]);
    press(&mut view, "x");
    view.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), &Os, today());
    assert!(
        view.message
            .as_deref()
            .is_some_and(|said| said.contains("nothing")),
        "{:?}",
        view.message
    );
    assert_eq!(std::fs::read(&view.path).expect("reads"), before, "nothing saved");

    press(&mut view, "d");
    assert_shows(
        &draw(&view, 150, 12),
        &["Done for Ana: s safeguarding · o one-to-one · c call · r referrer · w waiver · e welcome"],
    );
    press(&mut view, "s");
    view.on_paste("passed to J Smith by phone\n");
    view.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), &Os, today());
    assert_eq!(
        view.message.as_deref(),
        Some("Done: Ana · safeguarding on 2026-11-27 (passed to J Smith by phone).")
    );
    let saved = Roster::load(&view.path).expect("the saved roster");
    assert_eq!(saved.done.len(), 1);
    assert_eq!(saved.done[0].note, "passed to J Smith by phone");
    assert!(press(&mut view, "d⎋"), "Esc cancels, the view stays");
    assert_eq!(view.done, None);
}

/// A 100 KB paste into the note of something done is refused, saying why, and the roster file
/// is as it was: no paste can grow it past what holdspace reads back.
#[test]
fn a_huge_paste_as_a_done_note_is_refused_and_saves_nothing() {
    use holdspace::domain::owed::{Held, Seen};
    use holdspace::domain::record::{Attendance, Flag, FollowUp};
    let (_tmp, view) = referred(&["Ana"]);
    let held = vec![Held {
        on: today(),
        people: vec![Seen {
            name: "Ana".to_owned(),
            attendance: Some(Attendance::Present),
            flags: vec![Flag {
                follow_up: FollowUp::CallBeforeNext,
                note: String::new(),
                at: chrono::DateTime::UNIX_EPOCH,
            }],
        }],
    }];
    let mut view = view.with_sessions(held, None);
    let before = std::fs::read(&view.path).expect("the roster reads");
    press(&mut view, "dc");
    view.on_paste(&"passed on by phone. ".repeat(5_000));
    view.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), &Os, today());
    assert_eq!(
        view.message.as_deref(),
        Some("the note of what was done is longer than 1000 characters: keep it to a few sentences")
    );
    assert_eq!(std::fs::read(&view.path).expect("reads"), before, "nothing saved");
}

/// At 120 columns the keys wrap between phrases, never inside one: each status keeps its number.
#[test]
fn the_roster_keys_wrap_between_phrases_at_120_columns() {
    let (_tmp, view) = referred(&["Ana"]);
    let terminal = draw(&view, 120, 12);
    let screen: Vec<String> = (0..12)
        .map(|y| {
            (0..120)
                .map(|x| terminal.backend().buffer()[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect();
    let footer = screen[9..].join("\n");
    for (number, status) in Status::ALL.iter().enumerate() {
        let phrase = format!("{} {}", number + 1, status.describe());
        assert!(footer.contains(&phrase), "{phrase:?} is cut in:\n{footer}");
    }
}

/// Issue point 3: `?` shows the roster's keys over it; the next key only closes them.
#[test]
fn question_mark_shows_the_rosters_keys() {
    let (_tmp, mut view) = referred(&["Ana", "Bo"]);
    assert!(press(&mut view, "?"));
    let shown = crate::screen::screen(&draw(&view, 100, 20));
    for row in [
        "Keys",
        "1-8  sets the selected person's status",
        "Esc q  back",
        "d  done",
    ] {
        assert!(shown.contains(row), "{row}\n{shown}");
    }
    let before = view.roster.members[0].status.describe();
    assert!(press(&mut view, "1"), "the key that closes the help");
    assert_eq!(
        view.roster.members[0].status.describe(),
        before,
        "and sets nothing"
    );
    assert!(!view.help);
    assert!(!press(&mut view, "⎋"));
}
