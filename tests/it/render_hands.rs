//! Snapshots of the raise-hand queue, the talk-time panel, the picker and the queue's dialogs,
//! with awkward names, and renders at every size that must not panic.

use crate::fixture;
use crate::screen;

use crossterm::event::KeyCode;
use fixture::{at, key, people, press, start_meta};
use holdspace::domain::SessionMeta;
use holdspace::ui::app::{App, Overlay};
use holdspace::ui::picker::Picker;
use ratatui::buffer::Buffer;
use screen::{
    HOSTILE_NAMES, assert_no_control, assert_shows, assert_uncoloured, draw, line_with, render, rows, screen,
};
use tempfile::TempDir;

/// A running app at `t0` whose session expects `names` and suggests two-minute turns.
fn with_people(names: &[&str], monochrome: bool) -> (TempDir, App) {
    let meta = SessionMeta {
        turn_minutes: Some(2),
        ..people("test", names)
    };
    start_meta(meta, monochrome)
}

/// Raises participant `who` at `minute:second` through the picker: h, then ↓ to their row.
fn raise(app: &mut App, (minute, second): (i64, i64), who: usize) {
    app.tick(at(minute, second));
    press(app, "h");
    for _ in 0..who {
        key(app, KeyCode::Down);
    }
    key(app, KeyCode::Enter);
    assert!(app.recorder.session.floor.position(who).is_some(), "{who} waits");
}

/// Ana spoke from 18:02 to 18:04; Ben has had the floor since, and at 18:06:30 is past the
/// two-minute turn. Ana (again), Cleo and Dev wait; Cleo, the second, is selected.
fn busy(monochrome: bool) -> (TempDir, App) {
    let (tmp, mut app) = with_people(&["Ana", "Ben", "Cleo", "Dev"], monochrome);
    raise(&mut app, (1, 0), 0);
    raise(&mut app, (1, 30), 1);
    app.tick(at(2, 0));
    press(&mut app, "s");
    app.tick(at(4, 0));
    press(&mut app, "s");
    raise(&mut app, (4, 10), 0);
    raise(&mut app, (4, 20), 2);
    raise(&mut app, (4, 40), 3);
    app.tick(at(6, 30));
    press(&mut app, "k");
    assert_eq!(app.selected_hand(), Some(2));
    (tmp, app)
}

#[test]
fn queue_with_a_speaker_past_the_turn_limit_at_120x40() {
    let (_tmp, app) = busy(false);
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &[
            " Hands · 3 waiting ",
            "◉ Ben speaking 2:30 · past 2 min: invite others in?",
            " Talk time · private ",
        ],
    );
    // Ana has spoken before, so only Cleo and Dev carry the ○ of the not yet heard.
    for (row, end) in [
        ("│  1.  Ana", " 2:20"),
        ("│▸ 2.  Cleo", "○    2:10"),
        ("│  3.  Dev", "○    1:50"),
    ] {
        let line = line_with(&terminal, row);
        assert!(
            line.contains(end) && line.matches('○').count() == end.matches('○').count(),
            "{line}"
        );
    }
    // Ben's open turn is the most talk, so his bar is the longest; the unheard have none.
    let bar = |row: &str| line_with(&terminal, row).matches('█').count();
    assert!(
        bar("│  Ana  █") < bar("│◉ Ben  █") && bar("│  Cleo   ") == 0,
        "bars"
    );
    assert_shows(&terminal, &["2:00 ×1", "2:30 ×1", "0:00 ×0"]);
    insta::assert_snapshot!("queue_120x40_speaker_past_turn_limit", terminal.backend());
}

#[test]
fn gentle_priority_in_the_title_and_order_at_80x24() {
    let (_tmp, mut app) = busy(false);
    press(&mut app, "P");
    let terminal = draw(&app, 80, 24);
    assert_shows(
        &terminal,
        &[" Hands · 3 waiting · gentle priority ", "▸ 1.  Cleo", "3.  Ana"],
    );
    insta::assert_snapshot!("queue_80x24_gentle_priority", terminal.backend());
}

#[test]
fn queue_at_the_smallest_size_60x15() {
    let (_tmp, app) = busy(false);
    let terminal = draw(&app, 60, 15);
    assert_shows(&terminal, &[" Hands · 3 waiting ", "◉ Ben speaking 2:30"]);
    insta::assert_snapshot!("queue_60x15_smallest", terminal.backend());
}

#[test]
fn monochrome_queue_marks_with_glyphs_not_colour() {
    let (_tmp, app) = busy(true);
    let terminal = draw(&app, 120, 40);
    assert_uncoloured(&terminal);
    assert_shows(&terminal, &["▸ 2.  Cleo", "◉ Ben", "○"]);
    insta::assert_snapshot!("queue_monochrome_120x40", terminal.backend());
}

#[test]
fn picker_lists_everyone_then_filters_and_offers_a_new_name() {
    let (_tmp, mut app) = busy(false);
    press(&mut app, "h");
    let terminal = draw(&app, 80, 24);
    assert_shows(
        &terminal,
        &[
            " Raise a hand ",
            "name: ▏",
            "▸ Ana  ✋ waiting, 1 in the queue",
            "Ben  ◉ has the floor",
            "Cleo  ✋ waiting, 2 in the queue",
            "Dev  ✋ waiting, 3 in the queue",
            "Enter raises · ↑↓ choose · Esc cancels",
        ],
    );
    insta::assert_snapshot!("picker_everyone", terminal.backend());

    press(&mut app, "e");
    let terminal = draw(&app, 80, 24);
    let text = screen(&terminal);
    assert!(!text.contains("Ana  ✋"), "Ana has no e:\n{text}");
    assert_shows(
        &terminal,
        &["name: e▏", "▸ Ben", "Cleo", "Dev", "+ add e as a new participant"],
    );
    insta::assert_snapshot!("picker_typed_filter_and_new_name", terminal.backend());
}

#[test]
fn keep_or_clear_and_clear_queue_dialogs() {
    let (_tmp, mut app) = busy(false);
    press(&mut app, "n");
    assert_eq!(app.overlay, Some(Overlay::ConfirmMove { forward: true }));
    let terminal = draw(&app, 80, 24);
    assert_shows(
        &terminal,
        &[
            " Next item ",
            "Moving to Check-in round.",
            "3 raised hands are waiting.",
            "k keep the queue",
            "c clear all 3",
            "Esc stay",
        ],
    );
    insta::assert_snapshot!("dialog_keep_or_clear", terminal.backend());

    key(&mut app, KeyCode::Esc);
    press(&mut app, "c");
    assert_eq!(app.overlay, Some(Overlay::ConfirmClear));
    let terminal = draw(&app, 80, 24);
    assert_shows(
        &terminal,
        &[
            " Clear the queue? ",
            "All 3 raised hands will be lowered.",
            "y clear",
            "n keep them",
        ],
    );
    insta::assert_snapshot!("dialog_clear_queue", terminal.backend());
}

#[test]
fn an_hour_of_waiting_and_talking_shows_in_full() {
    let (_tmp, mut app) = with_people(&["Ana", "Ben"], false);
    raise(&mut app, (0, 0), 0);
    press(&mut app, "s");
    raise(&mut app, (0, 5), 1);
    app.tick(at(61, 10));
    let terminal = draw(&app, 120, 40);
    let ben = line_with(&terminal, "1.  Ben");
    assert!(ben.contains("1:01:05"), "Ben's wait: {ben}");
    assert_shows(&terminal, &["◉ Ana speaking 1:01:10", "1:01:10 ×1"]);
}

/// Everyone but the last speaks in turn a minute apart, then all but the speaker wait again.
fn awkward(monochrome: bool) -> (TempDir, App) {
    assert_eq!(HOSTILE_NAMES[0].chars().count(), 60);
    let (tmp, mut app) = with_people(&HOSTILE_NAMES, monochrome);
    for who in 0..HOSTILE_NAMES.len() {
        raise(&mut app, (who as i64, 0), who);
    }
    for minute in 0..HOSTILE_NAMES.len() as i64 - 1 {
        app.tick(at(10 + minute, 0));
        press(&mut app, "s");
    }
    for who in 0..HOSTILE_NAMES.len() - 1 {
        if !app.recorder.session.floor.speaking(who) {
            raise(&mut app, (20, who as i64), who);
        }
    }
    app.tick(at(21, 0));
    (tmp, app)
}

/// No control characters anywhere, and every body row ends in a panel's right border.
fn assert_clean_layout(buffer: &Buffer) {
    let (width, height) = (usize::from(buffer.area.width), usize::from(buffer.area.height));
    let lines = rows(buffer);
    assert_no_control(buffer);
    for y in 2..height - 1 {
        let end = buffer.content[y * width + width - 1].symbol();
        assert!(
            ["│", "┐", "┘"].contains(&end),
            "{width}×{height}, row {y} ends in {end:?}:\n{}",
            lines.join("\n")
        );
    }
}

#[test]
fn awkward_names_are_sanitised_and_keep_the_layout() {
    let (_tmp, mut app) = awkward(false);
    let terminal = draw(&app, 120, 40);
    assert_clean_layout(terminal.backend().buffer());
    assert_shows(
        &terminal,
        &[
            "\u{FFFD}]0;owned\u{FFFD}Sam speaking",
            "\u{FFFD}[31mRed\u{FFFD}[0m\u{FFFD}",
            "Tab New line Del\u{FFFD}\u{FFFD}C1",
            "Zoe\u{301}",
            "مريم",
            "שלום",
            "🌱 Sprout",
        ],
    );
    insta::assert_snapshot!("awkward_names_120x40", terminal.backend());
    // Wide and combining characters land on every column as the width changes, with and
    // without the picker over the queue.
    for overlay in [None, Some(Overlay::Pick(Picker::default()))] {
        app.overlay = overlay;
        for width in 60..=130 {
            for height in [15, 24, 40] {
                assert_clean_layout(draw(&app, width, height).backend().buffer());
            }
        }
    }
}

#[test]
fn awkward_names_in_the_picker() {
    let (_tmp, mut app) = awkward(true);
    press(&mut app, "h");
    let terminal = draw(&app, 120, 40);
    assert_clean_layout(terminal.backend().buffer());
    assert_shows(
        &terminal,
        &["◉ has the floor", "👨\u{200d}👩\u{200d}👧 Family  ✋ waiting"],
    );
    insta::assert_snapshot!("awkward_names_picker_120x40", terminal.backend());
}

#[test]
fn every_size_with_a_full_queue_and_the_picker_renders_without_panic() {
    let names: Vec<String> = (1..=30).map(|n| format!("Person {n:02}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (_tmp, mut app) = with_people(&names, false);
    for who in 0..names.len() {
        raise(&mut app, (0, who as i64), who);
    }
    app.tick(at(1, 0));
    press(&mut app, "s");
    app.tick(at(5, 0));
    app.cursor = 20;
    // An empty picker lists everyone; "Person 2" lists some and offers a new name, and its
    // selection far down makes the list scroll.
    let pickers = [
        Picker::default(),
        Picker {
            text: "Person 2".to_owned(),
            selected: 9,
        },
    ];
    for width in 0..=130u16 {
        for height in 0..=45u16 {
            app.overlay = Some(Overlay::Pick(pickers[usize::from(width + height) % 2].clone()));
            render(&app, width, height);
        }
    }
}
