//! What the raise-hand keys and clicks do to the app, its floor and its journal.

use crate::fixture;
use crate::screen;

use chrono::TimeDelta;
use fixture::{at, people, press, start_meta};
use holdspace::domain::{EventKind, SessionMeta};
use holdspace::store::journal;
use holdspace::ui::app::hits::Target;
use holdspace::ui::app::{App, Overlay};
use holdspace::ui::picker::{Choice, Picker};
use holdspace::ui::view::live;
use ratatui::layout::{Position, Rect};
use tempfile::TempDir;

const SCREEN: Rect = Rect::new(0, 0, 120, 40);

/// A running app at `t0` whose session expects Ana, Ben and Cleo, in that order.
fn start() -> (TempDir, App) {
    let meta = SessionMeta {
        turn_minutes: Some(2),
        ..people("test", &["Ana", "Ben", "Cleo"])
    };
    start_meta(meta, false)
}

fn kinds(app: &App) -> Vec<EventKind> {
    let events = &app.recorder.events;
    events.iter().map(|event| event.kind.clone()).collect()
}

/// The events recorded since `before` events.
fn since(app: &App, before: usize) -> Vec<EventKind> {
    kinds(app)[before..].to_vec()
}

fn queue(app: &App) -> Vec<usize> {
    let queue = &app.recorder.session.floor.queue;
    queue.iter().map(|hand| hand.who).collect()
}

fn speaker(app: &App) -> Option<usize> {
    app.recorder.session.floor.turn.map(|turn| turn.who)
}

fn message(app: &App) -> &str {
    app.message.as_deref().unwrap_or("")
}

fn picker(app: &App) -> &Picker {
    match &app.overlay {
        Some(Overlay::Pick(picker)) => picker,
        other => panic!("the picker is not open: {other:?}"),
    }
}

fn choices(app: &App) -> Vec<Choice> {
    picker(app).choices(&app.recorder.session.floor)
}

/// Raises each of `who` in turn through the picker, a minute apart.
fn raise(app: &mut App, who: &[usize]) {
    for &who in who {
        app.tick(app.now + TimeDelta::minutes(1));
        press(app, &format!("h{}⏎", "↓".repeat(who)));
    }
}

fn assert_journal_matches(app: &App) {
    let on_disk = journal::read(app.recorder.journal_path()).expect("the journal reads");
    assert_eq!(on_disk.events, app.recorder.events);
}

#[test]
fn h_then_enter_raises_the_first_listed_participant_and_esc_cancels() {
    let (_tmp, mut app) = start();
    let before = kinds(&app);
    press(&mut app, "hZed⎋");
    assert_eq!(app.overlay, None);
    assert_eq!(kinds(&app), before, "Esc records nothing");
    assert_eq!(app.recorder.session.floor.participants.len(), 3);
    app.tick(at(1, 0));
    press(&mut app, "h");
    assert_eq!(app.overlay, Some(Overlay::Pick(Picker::default())));
    assert_eq!(choices(&app), (0..3).map(Choice::Existing).collect::<Vec<_>>());
    press(&mut app, "⏎");
    assert_eq!(app.overlay, None);
    assert_eq!(queue(&app), [0]);
    assert_eq!(kinds(&app).last(), Some(&EventKind::HandRaised { who: 0 }));
    assert_eq!(app.recorder.events.last().map(|event| event.at), Some(at(1, 0)));
    assert_eq!(message(&app), "Ana raised a hand: 1 of 1 in the queue");
    assert_journal_matches(&app);
}

#[test]
fn h_and_a_new_name_adds_them_and_raises_their_hand() {
    let (_tmp, mut app) = start();
    raise(&mut app, &[0]);
    let before = app.recorder.events.len();
    press(&mut app, "hEli");
    assert_eq!(choices(&app), [Choice::New("Eli".to_owned())]);
    press(&mut app, "⏎");
    let added = EventKind::ParticipantAdded {
        name: "Eli".to_owned(),
    };
    assert_eq!(since(&app, before), [added, EventKind::HandRaised { who: 3 }]);
    assert_eq!(app.recorder.session.floor.participants[3].name, "Eli");
    assert_eq!(queue(&app), [0, 3]);
    assert_eq!(app.cursor, 1, "the selection follows the new hand");
    assert_eq!(message(&app), "Eli raised a hand: 2 of 2 in the queue");
    assert_journal_matches(&app);
}

#[test]
fn typing_filters_the_picker_with_an_exact_name_first() {
    let (_tmp, mut app) = start();
    press(&mut app, "he");
    let (old, new) = (Choice::Existing, |name: &str| Choice::New(name.to_owned()));
    assert_eq!(choices(&app), [old(1), old(2), new("e")]);
    press(&mut app, "⌫bEN");
    assert_eq!(choices(&app), [old(1)], "ignoring case, and not new");
    press(&mut app, "⌫⌫⌫an");
    assert_eq!(choices(&app), [old(0), new("an")]);
    press(&mut app, "⏎");
    assert_eq!(queue(&app), [0]);
}

#[test]
fn down_then_enter_chooses_the_next_row() {
    let (_tmp, mut app) = start();
    press(&mut app, "h↓");
    assert_eq!(picker(&app).selected, 1);
    press(&mut app, "⏎");
    assert_eq!(queue(&app), [1]);
    press(&mut app, "h↓↓↓↓↓");
    assert_eq!(picker(&app).selected, 2, "the choice stops at the last row");
    press(&mut app, "↑⏎");
    assert_eq!(app.message.as_deref(), Some("that hand is already raised"));
}

#[test]
fn raising_someone_waiting_or_speaking_gives_the_reason_and_records_nothing() {
    let (_tmp, mut app) = start();
    raise(&mut app, &[0, 1]);
    press(&mut app, "s");
    let before = kinds(&app);
    raise(&mut app, &[1]);
    assert_eq!(message(&app), "that hand is already raised");
    raise(&mut app, &[0]);
    assert_eq!(message(&app), "they have the floor now");
    press(&mut app, "hben⏎");
    assert_eq!(message(&app), "that hand is already raised", "nor a second Ben");
    assert_eq!(kinds(&app), before);
    assert_eq!(app.overlay, None);
}

#[test]
fn s_gives_the_floor_to_the_first_hand_then_ends_the_turn() {
    let (_tmp, mut app) = start();
    press(&mut app, "s");
    assert_eq!(message(&app), "no hands are raised");
    raise(&mut app, &[2, 0]);
    app.tick(at(5, 0));
    press(&mut app, "s");
    assert_eq!(kinds(&app).last(), Some(&EventKind::TurnStarted { who: 2 }));
    assert_eq!((speaker(&app), queue(&app)), (Some(2), vec![0]));
    assert_eq!(message(&app), "Cleo has the floor; 1 waiting");
    app.tick(at(6, 0));
    press(&mut app, "s");
    assert_eq!((speaker(&app), queue(&app)), (Some(0), vec![]));
    app.tick(at(8, 0));
    press(&mut app, "s");
    assert_eq!(kinds(&app).last(), Some(&EventKind::TurnEnded));
    assert_eq!(speaker(&app), None);
    assert_eq!(message(&app), "turn ended; no hands are raised");
    let floor = &app.recorder.session.floor;
    let talk = |who| floor.talk(who, app.now).num_seconds();
    assert_eq!((talk(0), talk(1), talk(2)), (120, 0, 60));
    assert_journal_matches(&app);
}

#[test]
fn enter_gives_the_selected_hand_the_floor_out_of_order_and_x_lowers_it() {
    let (_tmp, mut app) = start();
    for keys in ["⏎", "x"] {
        press(&mut app, keys);
        assert_eq!(message(&app), "no hand is selected: h raises one");
    }
    raise(&mut app, &[0, 1, 2]);
    assert_eq!(app.cursor, 2, "the selection follows each raised hand");
    press(&mut app, "k⏎");
    assert_eq!(kinds(&app).last(), Some(&EventKind::TurnStarted { who: 1 }));
    assert_eq!((speaker(&app), queue(&app)), (Some(1), vec![0, 2]));
    assert_eq!(message(&app), "Ben has the floor; 2 waiting");
    press(&mut app, "jx");
    assert_eq!(kinds(&app).last(), Some(&EventKind::HandLowered { who: 2 }));
    assert_eq!((queue(&app), app.cursor), (vec![0], 0));
    assert_eq!(message(&app), "hand lowered: Cleo");
}

#[test]
fn selection_keys_move_within_the_queue_and_record_nothing() {
    let (_tmp, mut app) = start();
    press(&mut app, "jj");
    assert_eq!(app.cursor, 0, "no queue, no movement");
    raise(&mut app, &[0, 1, 2]);
    let before = kinds(&app);
    for (keys, cursor) in [("j", 2), ("↓", 2), ("k", 1), ("↑", 0), ("k", 0), ("↓", 1)] {
        press(&mut app, keys);
        assert_eq!(app.cursor, cursor, "after {keys}");
        assert_eq!(app.selected_hand(), Some(cursor));
    }
    assert_eq!(kinds(&app), before);
}

#[test]
fn shift_k_and_j_move_the_selected_hand_and_the_selection_follows() {
    let (_tmp, mut app) = start();
    raise(&mut app, &[0, 1, 2]);
    press(&mut app, "K");
    assert_eq!(kinds(&app).last(), Some(&EventKind::HandMoved { who: 2, to: 1 }));
    assert_eq!((queue(&app), app.cursor), (vec![0, 2, 1], 1));
    press(&mut app, "K");
    assert_eq!((queue(&app), app.cursor), (vec![2, 0, 1], 0));
    let before = kinds(&app);
    press(&mut app, "K");
    assert_eq!(message(&app), "already first in the queue");
    assert_eq!(kinds(&app), before);
    press(&mut app, "J");
    assert_eq!((queue(&app), app.cursor), (vec![0, 2, 1], 1));
    assert_eq!(app.selected_hand(), Some(2));
}

#[test]
fn c_asks_first_then_y_clears_and_n_keeps() {
    let (_tmp, mut app) = start();
    press(&mut app, "c");
    assert_eq!(app.overlay, None);
    assert_eq!(message(&app), "no hands are raised");
    raise(&mut app, &[0, 1]);
    let before = kinds(&app);
    press(&mut app, "c");
    assert_eq!(app.overlay, Some(Overlay::ConfirmClear));
    press(&mut app, "n");
    assert_eq!((app.overlay.clone(), queue(&app)), (None, vec![0, 1]));
    assert_eq!(kinds(&app), before);
    press(&mut app, "cy");
    assert_eq!(since(&app, before.len()), [EventKind::QueueCleared]);
    assert!(queue(&app).is_empty());
    assert_eq!(app.cursor, 0);
}

#[test]
fn capital_p_toggles_gentle_priority_with_a_message() {
    let (_tmp, mut app) = start();
    press(&mut app, "P");
    assert_eq!(kinds(&app).last(), Some(&EventKind::GentlePriority { on: true }));
    assert!(app.recorder.session.floor.gentle_priority);
    assert_eq!(message(&app), "gentle priority on: those not yet heard go first");
    press(&mut app, "P");
    assert_eq!(kinds(&app).last(), Some(&EventKind::GentlePriority { on: false }));
    assert_eq!(message(&app), "gentle priority off: first come, first served");
}

#[test]
fn f_hides_and_shows_the_talk_time_panel() {
    let (_tmp, mut app) = start();
    let before = kinds(&app);
    assert_eq!(live::layout(&app, SCREEN).talk.height, 5, "3 people, 2 borders");
    press(&mut app, "f");
    assert!(!app.show_talk);
    assert_eq!(message(&app), "talk time hidden");
    assert_eq!(live::layout(&app, SCREEN).talk.height, 0);
    press(&mut app, "f");
    assert_eq!(
        message(&app),
        "talk time on, below the queue where there is room (private: f hides it)"
    );
    assert_eq!(live::layout(&app, SCREEN).talk.height, 5);
    assert_eq!(kinds(&app), before, "a view, not an event");
}

#[test]
fn n_with_hands_raised_asks_to_keep_or_clear_the_queue_or_stay() {
    let moved = EventKind::Moved { to: Some(1) };
    let answers = [
        ("k", vec![moved.clone()]),
        ("⏎", vec![moved.clone()]),
        ("c", vec![EventKind::QueueCleared, moved]),
        ("⎋", vec![]),
    ];
    for (answer, wanted) in answers {
        let (_tmp, mut app) = start();
        raise(&mut app, &[0, 1]);
        let before = app.recorder.events.len();
        press(&mut app, "nx");
        assert_eq!(app.overlay, Some(Overlay::ConfirmMove { forward: true }));
        assert_eq!(app.recorder.events.len(), before, "nothing until answered");
        press(&mut app, answer);
        assert_eq!(app.overlay, None);
        assert_eq!(since(&app, before), wanted, "after {answer}");
        let moved = !wanted.is_empty();
        assert_eq!(app.recorder.session.current, Some(usize::from(moved)));
        assert_eq!(queue(&app).is_empty(), wanted.contains(&EventKind::QueueCleared));
        assert_journal_matches(&app);
    }
}

#[test]
fn moving_without_hands_is_immediate_and_back_from_the_first_item_is_refused() {
    let (_tmp, mut app) = start();
    press(&mut app, "n");
    assert_eq!(app.overlay, None);
    assert_eq!(app.recorder.session.current, Some(1));
    press(&mut app, "p");
    assert_eq!(app.recorder.session.current, Some(0));
    raise(&mut app, &[2]);
    let before = kinds(&app);
    press(&mut app, "p");
    assert_eq!(app.overlay, None, "no dialog for a move that cannot happen");
    assert_eq!(message(&app), "already at the first item");
    assert_eq!(kinds(&app), before);
    press(&mut app, "n⏎p");
    assert_eq!(app.overlay, Some(Overlay::ConfirmMove { forward: false }));
}

#[test]
fn clicking_a_queue_row_selects_that_hand_and_clicking_elsewhere_does_nothing() {
    let (_tmp, mut app) = start();
    raise(&mut app, &[0, 1, 2]);
    let before = kinds(&app);
    for area in [SCREEN, Rect::new(0, 0, 80, 24)] {
        app.cursor = 0;
        let hands = live::layout(&app, area).hands;
        // Inside the border: the floor line, then the hands.
        let second = hands.y + 1 + 1 + 1;
        screen::shown(&mut app, area.width, area.height);
        app.on_click(hands.x + 3, second, area);
        assert_eq!((app.cursor, app.selected_hand()), (1, Some(1)), "{area:?}");
        let misses = [
            (hands.x + 3, hands.y + 1),
            (hands.x, second),
            (hands.x + 3, second + 2),
            (hands.x + 3, hands.bottom() - 1),
            (0, 0),
            (area.width - 1, area.height - 1),
        ];
        for (column, row) in misses {
            screen::shown(&mut app, area.width, area.height);
            app.on_click(column, row, area);
            assert_eq!(app.cursor, 1, "a click at {column},{row} on {area:?}");
        }
    }
    assert_eq!(kinds(&app), before);
    assert_eq!(app.overlay, None);
}

#[test]
fn clicking_a_picker_row_raises_that_person() {
    let (_tmp, mut app) = start();
    press(&mut app, "h");
    // Three rows: the box is 60 wide and 8 high in the middle of the screen; inside its border
    // and padding come the typed name, a blank line, then the list.
    let (x, list) = (32, 19);
    screen::shown(&mut app, SCREEN.width, SCREEN.height);
    let row_at = |app: &App, y| match app.hits.at(SCREEN, Position::new(x, y)) {
        Some(Target::PickerRow(row)) => Some(row),
        _ => None,
    };
    assert_eq!(
        [list - 1, list, list + 1, list + 2, list + 3].map(|y| row_at(&app, y)),
        [None, Some(0), Some(1), Some(2), None]
    );
    let before = kinds(&app);
    app.on_click(x, list - 2, SCREEN);
    assert!(matches!(app.overlay, Some(Overlay::Pick(_))), "no row there");
    assert_eq!(kinds(&app), before);
    app.on_click(x, list + 1, SCREEN);
    assert_eq!(app.overlay, None);
    assert_eq!(since(&app, before.len()), [EventKind::HandRaised { who: 1 }]);
    assert_eq!(message(&app), "Ben raised a hand: 1 of 1 in the queue");
}

#[test]
fn a_click_on_a_too_small_screen_changes_nothing() {
    let (_tmp, mut app) = start();
    press(&mut app, "h");
    let before = app.recorder.events.len();
    // At 50×12 the screen asks to be enlarged; this is where the picker's first row would be.
    screen::shown(&mut app, 50, 12);
    app.on_click(10, 5, Rect::new(0, 0, 50, 12));
    assert!(since(&app, before).is_empty(), "{:?}", since(&app, before));
    assert!(matches!(app.overlay, Some(Overlay::Pick(_))));
}

#[test]
fn gentle_priority_reorders_the_queue_and_the_selection_follows_its_hand() {
    let (_tmp, mut app) = start();
    raise(&mut app, &[0]);
    press(&mut app, "ss");
    raise(&mut app, &[0, 1, 2]);
    press(&mut app, "kk");
    assert_eq!(app.selected_hand(), Some(0));
    press(&mut app, "P");
    assert_eq!(queue(&app), [1, 2, 0], "those not yet heard go first");
    assert_eq!(app.selected_hand(), Some(0), "Ana is still the one selected");
}
