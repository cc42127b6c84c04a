//! The home screen: the saved groups with their places and, for the selected one, who to
//! contact; its keys; and every size drawn without a panic or a control character.

use crate::screen;

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use holdspace::domain::roster::{Reason, ToContact};
use holdspace::ui::before::home::{GroupLine, Home, Picked};
use holdspace::ui::theme::themes::fallback;
use holdspace::ui::typing::Field;
use holdspace::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use screen::{HOSTILE_NAMES, assert_no_control, assert_shows};

fn monday_evening() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 30)
        .and_then(|day| day.and_hms_opt(18, 30, 0))
        .expect("a time")
}

fn groups() -> Vec<GroupLine> {
    vec![
        GroupLine {
            name: "Online Thursday".to_owned(),
            meets: "thursdays at 19:00, online".to_owned(),
            next: None,
            roster: Ok((3, 8, 0)),
            to_contact: Vec::new(),
        },
        GroupLine {
            name: "Tuesday group".to_owned(),
            meets: "tuesdays at 18:30, Room 2 (in-person)".to_owned(),
            next: Some(monday_evening() + chrono::TimeDelta::days(1)),
            roster: Ok((8, 8, 1)),
            to_contact: vec![
                ToContact {
                    name: "Bo".to_owned(),
                    why: "reminder: the group meets tomorrow".to_owned(),
                    since: monday_evening().date(),
                    reason: Reason::Reminder,
                },
                ToContact {
                    name: "Cy".to_owned(),
                    why: "call to introduce the group".to_owned(),
                    since: monday_evening().date(),
                    reason: Reason::Introduce,
                },
            ],
        },
        GroupLine {
            name: "Broken roster".to_owned(),
            meets: "no day set, in-person".to_owned(),
            next: None,
            roster: Err("roster.toml: line 3: status: unknown variant `maybe`".to_owned()),
            to_contact: Vec::new(),
        },
    ]
}

fn draw(home: &Home, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| view::home::render(home, frame.area(), frame.buffer_mut(), &fallback(true)))
        .expect("drawn");
    terminal
}

fn press(home: &mut Home, keys: &str) -> Option<Picked> {
    let mut picked = None;
    for c in keys.chars() {
        let code = match c {
            '⏎' => KeyCode::Enter,
            '⎋' => KeyCode::Esc,
            '↓' => KeyCode::Down,
            '⌫' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        picked = home.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
    picked
}

#[test]
fn the_selected_group_shows_who_to_contact() {
    let mut home = Home::new(groups());
    press(&mut home, "↓");
    let terminal = draw(&home, 90, 16);
    assert_shows(
        &terminal,
        &[
            "▸ Tuesday group",
            "next Tue 1 Dec, 18:30 · 8 of 8 places · 1 waiting · 2 to contact",
            "· Bo  reminder: the group meets tomorrow",
            "· Cy  call to introduce the group",
            "roster unreadable: roster.toml: line 3",
        ],
    );
    insta::assert_snapshot!("home_90x16", terminal.backend());
}

#[test]
fn keys_pick_a_group_a_new_one_or_none() {
    let mut home = Home::new(groups());
    assert_eq!(
        press(&mut home, "↓⏎"),
        Some(Picked::Group("Tuesday group".to_owned()))
    );
    assert_eq!(
        press(&mut home, "r"),
        Some(Picked::Roster("Tuesday group".to_owned()))
    );
    assert_eq!(
        press(&mut home, "h"),
        Some(Picked::History("Tuesday group".to_owned()))
    );
    assert_eq!(press(&mut home, "s"), Some(Picked::NoGroup));
    assert_eq!(press(&mut home, "q"), Some(Picked::Quit));
    // A new group: its name, day, time, place and places, a field at a time, each checked as
    // `group new` checks it; the places are filled in with the default.
    assert_eq!(press(&mut home, "n Wednesday drop-in ⏎"), None);
    assert_eq!(press(&mut home, "someday⏎"), None);
    assert_eq!(
        home.message.as_deref(),
        Some("day: \"someday\" is not a day; use monday to sunday"),
        "refused, the form stays on the day"
    );
    assert_shows(
        &draw(&home, 120, 16),
        &[
            "day: \"someday\" is not a day; use monday to sunday · Day it meets (monday to sunday; Enter for none yet): someday",
        ],
    );
    press(&mut home, &"⌫".repeat(7));
    assert_eq!(press(&mut home, "wed⏎18:30⏎Room 2⏎"), None);
    let made = press(&mut home, "⌫⌫0⏎");
    assert_eq!(made, None, "0 places is refused");
    assert!(
        home.message
            .as_deref()
            .is_some_and(|why| why.starts_with("capacity: ")),
        "{:?}",
        home.message
    );
    let Some(Picked::NewGroup(group)) = press(&mut home, "⌫8⏎") else {
        panic!("the group is made: {:?}", home.message);
    };
    assert_eq!(
        (
            group.name.as_str(),
            group.day.as_deref(),
            group.time.as_deref(),
            group.place.as_str(),
            group.capacity
        ),
        ("Wednesday drop-in", Some("wednesday"), Some("18:30"), "Room 2", 8)
    );
    // A blank name is refused and says why; Esc drops the group being made.
    assert_eq!(press(&mut home, "n  ⏎"), None);
    assert!(
        home.message
            .as_deref()
            .is_some_and(|why| why.starts_with("name: ")),
        "{:?}",
        home.message
    );
    assert_eq!(press(&mut home, "Abc⎋"), None);
    assert_eq!(home.new_group, None);
}

/// Item 7: a paste names a new group being typed, its line breaks as spaces; with no name being
/// typed it does nothing, where its "q" as a key would quit.
#[test]
fn item7_a_paste_names_a_new_group_and_is_never_keys() {
    let mut home = Home::new(groups());
    home.on_paste("↓q\n");
    assert_eq!((home.selected, home.new_group.is_none()), (0, true));
    assert_eq!(press(&mut home, "n"), None);
    home.on_paste("Wednesday\ndrop-in\u{1b}[2J");
    let Some(Picked::NewGroup(group)) = press(&mut home, "⏎⏎⏎⏎⏎") else {
        panic!("the group is made: {:?}", home.message);
    };
    assert_eq!(group.name, "Wednesday drop-in\u{FFFD}[2J");
}

#[test]
fn every_size_draws_hostile_names_without_control_characters() {
    let mut lines = groups();
    for (line, name) in lines.iter_mut().zip(HOSTILE_NAMES) {
        line.name = (*name).to_owned();
        line.to_contact
            .iter_mut()
            .for_each(|person| person.name = (*name).to_owned());
    }
    let mut home = Home::new(lines);
    press(&mut home, "↓");
    for width in (0..=120).step_by(7) {
        for height in 0..=30 {
            assert_no_control(draw(&home, width, height).backend().buffer());
        }
    }
}

#[test]
fn a_long_list_scrolls_to_keep_the_selected_group_in_view() {
    let lines: Vec<GroupLine> = (1..=30)
        .map(|number| GroupLine {
            name: format!("Group {number}"),
            ..groups().remove(0)
        })
        .collect();
    let mut home = Home::new(lines);
    press(&mut home, &"↓".repeat(24));
    assert_shows(&draw(&home, 80, 15), &["▸ Group 25"]);
}

/// Each line owed carries its reason's mark, as `roster GROUP to-contact` and the preparation
/// screen show it: a safeguarding concern is ⚑, never a call's ☎.
#[test]
fn a_safeguarding_concern_on_the_home_screen_carries_its_own_mark() {
    let mut lines = groups();
    lines[1].to_contact.insert(
        0,
        ToContact {
            name: "Ana".to_owned(),
            why: "safeguarding: pass to CMHT North".to_owned(),
            since: monday_evening().date(),
            reason: Reason::Safeguarding,
        },
    );
    let mut home = Home::new(lines);
    press(&mut home, "↓");
    let terminal = draw(&home, 90, 16);
    assert_shows(
        &terminal,
        &[
            "⚑ Ana  safeguarding: pass to CMHT North",
            "· Bo  reminder: the group meets tomorrow",
        ],
    );
}

/// The history screen: a bar a session for the people attending and a bar a feedback round for
/// % positive, the most recent that fit, each with its value and day; Esc or q goes home.
#[test]
fn a_groups_history_charts_attendance_and_members_feedback() {
    use crate::fixture::group::{ABSENT, PRESENT, loaded, session};
    use holdspace::domain::feedback::{Answer, Entry};
    use holdspace::ui::before::history::HistoryView;
    use holdspace::util::format::Zone;

    let mut logs: Vec<_> = (0..20)
        .map(|week| {
            let second = if week % 3 == 0 { ABSENT } else { PRESENT };
            session(
                "Tuesday group",
                week,
                &[("Ana", PRESENT, None), ("Bo", second, None)],
            )
        })
        .collect();
    for (week, answers) in [
        (3, [Answer::VeryGood, Answer::Poor]),
        (19, [Answer::Good, Answer::Good]),
    ] {
        logs[week].feedback = answers
            .iter()
            .map(|answer| Entry::new(*answer, "", "").expect("an entry"))
            .collect();
    }
    let mut view = HistoryView::of(
        "tuesday group",
        &loaded(logs),
        0,
        Zone::Fixed(chrono::FixedOffset::east_opt(0).expect("UTC")),
    );
    assert_eq!(view.attending.len(), 20);
    assert_eq!(
        view.positive
            .iter()
            .map(|(_, percent)| *percent)
            .collect::<Vec<_>>(),
        [50, 100]
    );
    assert_eq!(view.overall, "4 answers, 75% positive");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    terminal
        .draw(|frame| {
            view::history::render(&view, frame.area(), frame.buffer_mut(), &fallback(true));
        })
        .expect("drawn");
    assert_shows(
        &terminal,
        &[
            "Tuesday group · history",
            "people attending, 20 session(s)",
            "overall 4 answers, 75% positive",
        ],
    );
    insta::assert_snapshot!("history_80x24", terminal.backend());
    // A log that could not be read is said, not silently left out.
    view.unread = 1;
    terminal
        .draw(|frame| view::history::render(&view, frame.area(), frame.buffer_mut(), &fallback(true)))
        .expect("drawn");
    assert_shows(
        &terminal,
        &["1 saved log(s) could not be read and are not counted"],
    );
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    assert!(view.on_key(key(KeyCode::Char('x'))));
    // `?` shows its keys; the next key only closes them, q included.
    assert!(view.on_key(key(KeyCode::Char('?'))));
    terminal
        .draw(|frame| view::history::render(&view, frame.area(), frame.buffer_mut(), &fallback(true)))
        .expect("drawn");
    assert_shows(&terminal, &["Keys", "Esc q  back", "?  keys"]);
    assert!(view.on_key(key(KeyCode::Char('q'))) && !view.help);
    assert!(!view.on_key(key(KeyCode::Esc)) && !view.on_key(key(KeyCode::Char('q'))));
}

/// Issue point 3: `?` shows every key of the home screen over it, each with what it does, from
/// the same table as the footer; any key closes it and does nothing else.
#[test]
fn question_mark_shows_the_keys_and_any_key_closes_them() {
    let mut home = Home::new(groups());
    assert_eq!(press(&mut home, "?"), None);
    assert!(home.help);
    let terminal = draw(&home, 90, 16);
    assert_shows(
        &terminal,
        &[
            "Keys",
            " Enter  prepares the group's session",
            "     r  its roster",
            "↑↓ k j  select",
            "     q  quits",
        ],
    );
    insta::assert_snapshot!("home_keys_90x16", terminal.backend());
    // The key that closes the help does nothing else: q does not quit, Enter prepares nothing.
    assert_eq!(press(&mut home, "q"), None);
    assert!(!home.help);
    assert_eq!(press(&mut home, "?⏎"), None);
    assert_eq!(press(&mut home, "?⎋"), None);
    assert!(!home.help);
}

/// Issue point 3: Esc never quits from home; it closes what is open, else says what quits.
#[test]
fn esc_never_quits_from_home() {
    let mut home = Home::new(groups());
    assert_eq!(press(&mut home, "⎋"), None);
    assert_eq!(home.message.as_deref(), Some("nothing to close: q quits"));
    assert!(
        screen::screen(&draw(&home, 90, 16)).contains("nothing to close: q quits"),
        "it is said on screen"
    );
    assert_eq!(
        press(&mut home, "nWed⎋⎋"),
        None,
        "Esc drops the name, then quits nothing"
    );
    assert_eq!(home.new_group, None);
    assert_eq!(press(&mut home, "q"), Some(Picked::Quit), "q quits at once");
}
