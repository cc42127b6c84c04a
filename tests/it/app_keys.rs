//! What each key does to the app, its session and its journal, without drawing anything.

use crate::fixture;
use crate::screen;

use chrono::{DateTime, TimeDelta, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fixture::{at, ctrl_c, key, press, start, t0};
use holdspace::domain::EventKind;
use holdspace::domain::clock::{Readings, SystemClock};
use holdspace::domain::event::Replan;
use holdspace::store::journal;
use holdspace::ui::app::{App, Input, Outcome, Overlay, Screen};
use holdspace::ui::typing::Field;
use std::cell::Cell;
use std::time::Duration;

fn kinds(app: &App) -> Vec<EventKind> {
    app.recorder
        .events
        .iter()
        .map(|event| event.kind.clone())
        .collect()
}

fn last_kind(app: &App) -> EventKind {
    app.recorder
        .events
        .last()
        .expect("at least the start")
        .kind
        .clone()
}

fn current(app: &App) -> Option<usize> {
    app.recorder.session.current
}

fn minutes(app: &App, index: usize) -> u32 {
    app.recorder.session.items[index].minutes
}

#[test]
fn n_and_right_move_to_the_next_item() {
    let (_tmp, mut app) = start();
    press(&mut app, "n");
    assert_eq!(current(&app), Some(1));
    key(&mut app, KeyCode::Right);
    assert_eq!(current(&app), Some(2));
    assert_eq!(last_kind(&app), EventKind::Moved { to: Some(2) });
}

#[test]
fn p_and_left_move_back() {
    let (_tmp, mut app) = start();
    press(&mut app, "n");
    press(&mut app, "n");
    press(&mut app, "p");
    assert_eq!(current(&app), Some(1));
    key(&mut app, KeyCode::Left);
    assert_eq!(current(&app), Some(0));
    let events = app.recorder.events.len();
    press(&mut app, "p");
    assert_eq!(current(&app), Some(0));
    assert_eq!(app.recorder.events.len(), events, "no event at the first item");
    assert_eq!(app.message.as_deref(), Some("already at the first item"));
}

#[test]
fn space_pauses_and_resumes() {
    let (_tmp, mut app) = start();
    app.tick(at(2, 0));
    press(&mut app, " ");
    assert!(app.recorder.session.is_paused());
    assert_eq!(last_kind(&app), EventKind::Paused);
    app.tick(at(7, 0));
    press(&mut app, " ");
    assert!(!app.recorder.session.is_paused());
    assert_eq!(last_kind(&app), EventKind::Unpaused);
    app.tick(at(8, 0));
    assert_eq!(
        app.recorder.session.item_elapsed(0, app.now),
        TimeDelta::minutes(3)
    );
}

#[test]
fn plus_equals_and_minus_change_the_current_minutes() {
    let (_tmp, mut app) = start();
    press(&mut app, "+");
    assert_eq!(minutes(&app, 0), 11);
    press(&mut app, "=");
    assert_eq!(minutes(&app, 0), 12);
    app.on_key(KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT));
    assert_eq!(minutes(&app, 0), 13);
    press(&mut app, "-");
    assert_eq!(minutes(&app, 0), 12);
    assert!(matches!(
        last_kind(&app),
        EventKind::Replanned {
            reason: Replan::RemoveMinute,
            ..
        }
    ));
    assert_eq!(minutes(&app, 1), 15, "only the current item changes");
}

#[test]
fn minus_stops_at_one_minute() {
    let (_tmp, mut app) = start();
    for _ in 0..12 {
        press(&mut app, "-");
    }
    assert_eq!(minutes(&app, 0), 1);
    assert_eq!(app.message.as_deref(), Some("an item keeps at least one minute"));
}

#[test]
fn r_rebalances_to_end_on_time_with_a_message() {
    let (_tmp, mut app) = start();
    app.tick(at(20, 0));
    assert_eq!(app.recorder.session.behind_by(app.now), TimeDelta::minutes(10));
    press(&mut app, "r");
    assert!(matches!(
        last_kind(&app),
        EventKind::Replanned {
            reason: Replan::Rebalance,
            ..
        }
    ));
    assert_eq!(app.message.as_deref(), Some("rebalanced to end by 19:30"));
    let later: u32 = (1..6).map(|index| minutes(&app, index)).sum();
    assert_eq!(later, 70, "the 70 minutes left are shared out");
    assert_eq!(minutes(&app, 5), 10, "the protected closing round keeps its time");
    assert_eq!(app.recorder.session.behind_by(app.now), TimeDelta::zero());
}

#[test]
fn r_says_how_late_when_protected_items_cannot_shrink() {
    let (_tmp, mut app) = start();
    app.tick(at(85, 0));
    press(&mut app, "r");
    assert_eq!(
        app.message.as_deref(),
        Some("rebalanced; still 9 min late: the current item and protected items keep their time")
    );
}

#[test]
fn g_opens_the_rules_and_records_a_revisit_and_esc_closes() {
    let (_tmp, mut app) = start();
    app.tick(at(4, 0));
    press(&mut app, "g");
    assert_eq!(app.overlay, Some(Overlay::Rules));
    assert_eq!(last_kind(&app), EventKind::RulesRevisited);
    assert_eq!(app.recorder.session.rules_revisits, vec![at(4, 0)]);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
}

#[test]
fn esc_closes_help_and_keys_under_an_overlay_do_nothing() {
    let (_tmp, mut app) = start();
    press(&mut app, "?");
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 0 }));
    let events = app.recorder.events.len();
    press(&mut app, "n");
    press(&mut app, " ");
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 0 }), "help stays open");
    assert_eq!(app.recorder.events.len(), events, "and nothing happened under it");
    assert_eq!(current(&app), Some(0));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
}

#[test]
fn colon_typing_and_enter_record_a_sanitised_note() {
    let (_tmp, mut app) = start();
    app.tick(at(6, 0));
    press(&mut app, ":");
    assert!(matches!(
        app.overlay,
        Some(Overlay::Input {
            purpose: Input::Note,
            ..
        })
    ));
    press(&mut app, "Sam joins\u{7}lateX");
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert_eq!(
        last_kind(&app),
        EventKind::Note {
            text: "Sam joins\u{FFFD}late".to_owned()
        }
    );
    assert_eq!(app.recorder.session.notes[0].at, at(6, 0));
    assert_eq!(app.message.as_deref(), Some("note saved"));
}

#[test]
fn esc_in_the_note_input_cancels_without_an_event() {
    let (_tmp, mut app) = start();
    let before = kinds(&app);
    press(&mut app, ":");
    press(&mut app, "h");
    press(&mut app, "i");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert_eq!(kinds(&app), before);
    assert!(app.recorder.session.notes.is_empty());
}

#[test]
fn q_asks_and_n_keeps_going() {
    let (_tmp, mut app) = start();
    press(&mut app, "q");
    assert_eq!(app.overlay, Some(Overlay::ConfirmEnd));
    press(&mut app, "x");
    assert_eq!(
        app.overlay,
        Some(Overlay::ConfirmEnd),
        "other keys leave the question open"
    );
    press(&mut app, "n");
    assert_eq!(app.overlay, None);
    assert_eq!(app.outcome, None);
    assert!(app.recorder.session.ended.is_none());
}

#[test]
fn q_then_y_ends_writes_the_log_and_opens_the_review_which_q_finishes() {
    let (_tmp, mut app) = start();
    app.tick(at(30, 0));
    let journal = app.recorder.journal_path().to_owned();
    press(&mut app, "q");
    press(&mut app, "y");
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.outcome, None);
    let log = app.dir.log_path("test").expect("a session ID");
    assert!(log.is_file(), "the log is written as the session ends");
    assert!(journal.is_file(), "the journal stays open for the review");
    press(&mut app, "q");
    let Some(Outcome::Finished(path)) = app.outcome.clone() else {
        panic!("expected a finished outcome, got {:?}", app.outcome);
    };
    assert!(path.is_file(), "{} exists", path.display());
    assert!(app.recorder.session.ended.is_some());
    assert!(
        !journal.exists(),
        "the journal is retired once the log is written"
    );
    let log = holdspace::store::log::load(&path)
        .expect("the log reads back")
        .log;
    assert_eq!(log.events, app.recorder.events);
}

#[test]
fn ctrl_c_leaves_and_keeps_the_journal() {
    let (_tmp, mut app) = start();
    press(&mut app, "n");
    press(&mut app, ":");
    ctrl_c(&mut app);
    assert_eq!(app.outcome, Some(Outcome::Left));
    assert!(app.recorder.session.ended.is_none());
    let on_disk = journal::read(app.recorder.journal_path()).expect("the journal is still there");
    assert_eq!(on_disk.events, app.recorder.events);
}

#[test]
fn the_warning_rings_the_bell_exactly_once() {
    let (_tmp, mut app) = start();
    app.tick(at(79, 59));
    assert!(!app.take_bell());
    app.tick(at(80, 0));
    assert!(app.recorder.session.warning_showing());
    assert!(app.take_bell());
    assert!(!app.take_bell(), "taken once");
    app.tick(at(80, 1));
    app.tick(at(91, 0));
    assert!(!app.take_bell(), "not raised again");
    let raised = kinds(&app)
        .iter()
        .filter(|kind| **kind == EventKind::WarningRaised)
        .count();
    assert_eq!(raised, 1);
}

#[test]
fn w_and_esc_dismiss_the_warning() {
    for dismiss in [KeyCode::Char('w'), KeyCode::Esc] {
        let (_tmp, mut app) = start();
        app.tick(at(81, 0));
        assert!(app.recorder.session.warning_showing());
        key(&mut app, dismiss);
        assert!(!app.recorder.session.warning_showing(), "{dismiss:?} dismisses");
        assert_eq!(last_kind(&app), EventKind::WarningDismissed);
        assert_eq!(app.recorder.session.warning_dismissed, Some(at(81, 0)));
    }
}

#[test]
fn w_without_a_warning_records_nothing() {
    let (_tmp, mut app) = start();
    let before = kinds(&app);
    press(&mut app, "w");
    key(&mut app, KeyCode::Esc);
    assert_eq!(kinds(&app), before);
    assert_eq!(app.message.as_deref(), Some("no warning to dismiss"));
}

#[test]
fn every_event_recorded_is_in_the_journal_on_disk() {
    let (_tmp, mut app) = start();
    let script = [
        (3, "+g"),
        (4, " "),
        (6, " n:ok"),
        (30, "rn-"),
        (81, "wnp"),
        (95, "nnnn"),
    ];
    for (minute, keys) in script {
        app.tick(at(minute, 0));
        key(&mut app, KeyCode::Esc);
        press(&mut app, keys);
        key(&mut app, KeyCode::Enter);
    }
    assert!(app.recorder.events.len() >= 15, "{:?}", kinds(&app));
    assert_eq!(current(&app), None, "the agenda is complete");
    let on_disk = journal::read(app.recorder.journal_path()).expect("the journal reads");
    assert!(on_disk.torn_tail.is_empty() && on_disk.bad_lines.is_empty());
    assert_eq!(on_disk.events, app.recorder.events);
    let seqs: Vec<u64> = on_disk.events.iter().map(|event| event.seq).collect();
    assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>());
}

/// How many lines the help view draws for the screen `app` shows.
fn help_drawn(app: &App) -> usize {
    let help = holdspace::ui::keys::help::Help::of(&app.keys, app.mode());
    holdspace::ui::view::help::lines(&help, &app.theme).len()
}

/// The help's keys scroll it by the length the app counts without drawing it: that must be the
/// length the help view draws, on the live screen and in the review.
#[test]
fn the_help_the_keys_scroll_is_as_long_as_the_help_drawn() {
    let (_tmp, mut app) = start();
    press(&mut app, "?");
    assert_eq!(app.help_length(), help_drawn(&app));
    press(&mut app, "⎋qy?");
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 0 }));
    assert_eq!(app.help_length(), help_drawn(&app));
}

#[test]
fn help_scrolls_on_a_short_terminal_and_closes_with_esc() {
    let (_tmp, mut app) = start();
    press(&mut app, "?");
    key(&mut app, KeyCode::Down);
    press(&mut app, "j");
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 2 }));
    key(&mut app, KeyCode::Up);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 1 }));
    for _ in 0..200 {
        key(&mut app, KeyCode::Down);
    }
    let Some(Overlay::Help { scroll }) = app.overlay else {
        panic!("help stays open while scrolling")
    };
    assert!(usize::from(scroll) < help_drawn(&app));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert_eq!(app.recorder.session.last_seq, 1, "scrolling help records nothing");
}

/// Messages that name a key name the one in force after a keys file rebinds it.
#[test]
fn messages_name_the_keys_in_force() {
    let (_tmp, mut app) = start();
    app.keys =
        holdspace::ui::keys::keys_file::parse("[live]\nraise_hand = \"H\"\nend = \"Q\"\nnext = \"N\"\n")
            .expect("a valid keys file");
    let shown = screen::screen(&screen::draw(&app, 120, 40));
    assert!(shown.contains("H raises a hand · s gives the floor"), "{shown}");
    for _ in 0..6 {
        press(&mut app, "N");
    }
    let shown = screen::screen(&screen::draw(&app, 120, 40));
    assert!(shown.contains("Agenda complete. Q ends the session."), "{shown}");
}

/// The computer's clocks as a test sets them: a wall clock to jump, a steady clock to advance.
struct Machine {
    wall: Cell<DateTime<Utc>>,
    steady: Cell<Duration>,
}

impl Readings for &Machine {
    fn wall(&self) -> DateTime<Utc> {
        self.wall.get()
    }

    fn steady(&self) -> Duration {
        self.steady.get()
    }
}

#[test]
fn item12_a_wall_clock_set_a_day_on_and_back_moves_no_timer_and_is_logged_once() {
    let (_tmp, mut app) = start();
    let machine = Machine {
        wall: Cell::new(t0()),
        steady: Cell::new(Duration::from_secs(1_000)),
    };
    let clock = SystemClock::starting_at(&machine, t0());
    let day = TimeDelta::days(1);
    let mut said = Vec::new();
    for second in 1..=20 * 60 {
        machine.steady.set(machine.steady.get() + Duration::from_secs(1));
        machine.wall.set(machine.wall.get() + TimeDelta::seconds(1));
        match second {
            120 => machine.wall.set(machine.wall.get() + day),
            // Back again, to the second, and later a minute's correction: neither is a change.
            240 => machine.wall.set(machine.wall.get() - day),
            600 => machine.wall.set(machine.wall.get() + TimeDelta::seconds(50)),
            _ => {}
        }
        assert_eq!(
            app.tick_on(&clock),
            at(0, second),
            "the session's clock keeps its pace"
        );
        said.extend(app.message.take());
    }
    let kinds = kinds(&app);
    assert!(
        !kinds
            .iter()
            .any(|kind| matches!(kind, EventKind::WarningRaised | EventKind::ScheduledEndPassed)),
        "no end warning and no OVER TIME: {kinds:?}"
    );
    assert!(!app.recorder.session.warning_showing());
    let changes: Vec<&holdspace::domain::Event> = app
        .recorder
        .events
        .iter()
        .filter(|event| matches!(event.kind, EventKind::ClockChanged { .. }))
        .collect();
    assert_eq!(changes.len(), 1, "{kinds:?}");
    assert_eq!(
        changes[0].kind,
        EventKind::ClockChanged {
            wall_offset_seconds: 86_400
        }
    );
    assert_eq!(changes[0].at, at(2, 0), "labelled with the session's clock");
    assert!(
        said.iter().any(|message| message.contains("24:00:00 ahead")),
        "{said:?}"
    );
    assert!(
        app.recorder.events.iter().all(|event| event.at <= at(20, 0)),
        "every event is on the session's clock"
    );
    let on_disk = journal::read(app.recorder.journal_path()).expect("the journal reads");
    assert_eq!(on_disk.events, app.recorder.events);
}

#[test]
fn item12_a_clock_set_back_and_then_on_again_is_two_changes() {
    let (_tmp, mut app) = start();
    let machine = Machine {
        wall: Cell::new(t0()),
        steady: Cell::new(Duration::ZERO),
    };
    let clock = SystemClock::starting_at(&machine, t0());
    app.tick_on(&clock);
    machine.wall.set(t0() - TimeDelta::hours(1));
    app.tick_on(&clock);
    app.tick_on(&clock);
    machine.wall.set(t0() + TimeDelta::hours(1));
    app.tick_on(&clock);
    let offsets: Vec<i64> = kinds(&app)
        .into_iter()
        .filter_map(|kind| match kind {
            EventKind::ClockChanged { wall_offset_seconds } => Some(wall_offset_seconds),
            _ => None,
        })
        .collect();
    assert_eq!(offsets, [-3600, 3600]);
}

/// Item 7: a paste is text for the field that has focus, never keys: "q" then "y" in it must
/// not end the session.
#[test]
fn item7_a_paste_goes_into_the_note_not_the_keys() {
    let (_tmp, mut app) = start();
    press(&mut app, ":");
    app.on_paste("first line\nq\ny\r\nlast\u{1b}[2J\u{9b}31m");
    assert_eq!(app.outcome, None);
    assert_eq!(
        app.overlay,
        Some(Overlay::Input {
            purpose: Input::Note,
            text: "first line q y last\u{FFFD}[2J\u{FFFD}31m".to_owned(),
        })
    );
    key(&mut app, KeyCode::Enter);
    assert!(matches!(last_kind(&app), EventKind::Note { text } if text.starts_with("first line q y")));
}

/// Item 7: with no field open, a paste does nothing at all: not a key, not an event.
#[test]
fn item7_a_paste_with_no_field_open_changes_nothing() {
    let (_tmp, mut app) = start();
    let before = kinds(&app);
    app.on_paste("q\ny\nn\n ");
    assert_eq!((app.overlay.clone(), app.outcome.clone()), (None, None));
    assert_eq!(kinds(&app), before);
    press(&mut app, "?");
    app.on_paste("Sam\n");
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 0 }));
}

/// Item 7: a 100 KB paste arrives whole, sanitised, with each line break one space.
#[test]
fn item7_a_100_kb_paste_is_taken_whole() {
    let (_tmp, mut app) = start();
    press(&mut app, ":");
    let line = "a line of a long paste\u{7}\r\n";
    let pasted = line.repeat(100_000 / line.len());
    app.on_paste(&pasted);
    let Some(Overlay::Input { text, .. }) = &app.overlay else {
        panic!("the note field closed: {:?}", app.overlay);
    };
    assert_eq!(
        text,
        &"a line of a long paste\u{FFFD} ".repeat(100_000 / line.len())
    );
}

/// Item 7: the raise-hand picker takes a paste as its name, and chooses from the top again.
#[test]
fn item7_a_paste_goes_into_the_picker() {
    let (_tmp, mut app) = start();
    press(&mut app, "h↓");
    app.on_paste("Sam\nq");
    let Some(Overlay::Pick(picker)) = &app.overlay else {
        panic!("the picker closed: {:?}", app.overlay);
    };
    assert_eq!((picker.text.as_str(), picker.selected), ("Sam q", 0));
}

/// A quiet word, once per item and never a sound, when the running item is well past its time
/// (a quarter again of its plan, at least five minutes) and nothing has been touched for five.
#[test]
fn a_long_overrun_with_nothing_touched_gets_one_quiet_word() {
    let (_tmp, mut app) = start();
    app.tick(at(14, 59));
    assert_eq!(
        app.message, None,
        "the 10-minute welcome is not yet 5 minutes over"
    );
    app.tick(at(15, 0));
    assert_eq!(
        app.message.as_deref(),
        Some("still on Welcome and ground rules? n moves on")
    );
    assert!(!app.take_bell(), "never a sound");
    app.message = None;
    app.tick(at(25, 0));
    assert_eq!(app.message, None, "once per item");
    press(&mut app, "n");
    app.tick(at(44, 0));
    assert_eq!(
        app.message, None,
        "check-in is 15 minutes: 4 over is not well past"
    );
    press(&mut app, "b⎋");
    app.tick(at(48, 59));
    assert_eq!(app.message, None, "a key was pressed under 5 minutes ago");
    app.tick(at(49, 0));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|said| said.starts_with("still on Check-in round?"))
    );
}
