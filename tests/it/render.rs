//! Snapshots of the live screen and its overlays at fixed times, and renders that must not panic.

use crate::fixture;
use crate::screen;

use fixture::{at, press, start, start_with};
use holdspace::ui::app::{App, Input, Overlay};
use holdspace::ui::keys::action::Action;
use ratatui::buffer::Buffer;
use screen::{assert_lacks, assert_no_control, assert_shows, assert_uncoloured, draw, render, rows, screen};
use tempfile::TempDir;

/// Follows the built-in plan to the minute: Next at 18:10, 18:25, 18:55 and 19:05, so the
/// Activity item (15 min) is running from 19:05.
fn reach_activity(app: &mut App) {
    for minute in [10, 25, 55, 65] {
        app.tick(at(minute, 0));
        app.act(Action::Next);
    }
}

#[test]
fn live_120x40_five_minutes_in() {
    let (_tmp, mut app) = start();
    app.tick(at(5, 0));
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &["18:05:00", "▶", "Welcome and ground rules", "5:00", "● on time"],
    );
    insta::assert_snapshot!("live_120x40_five_minutes_in", terminal.backend());
}

#[test]
fn live_80x24_stacks_now_above_agenda() {
    let (_tmp, mut app) = start();
    app.tick(at(5, 0));
    let terminal = draw(&app, 80, 24);
    let text = screen(&terminal);
    let now = text.find(" Now ").expect("the Now panel");
    let agenda = text.find(" Agenda ").expect("the Agenda panel");
    assert!(now < agenda, "Now is above the agenda when narrow:\n{text}");
    insta::assert_snapshot!("live_80x24_stacked_five_minutes_in", terminal.backend());
}

#[test]
fn live_60x15_smallest_supported() {
    let (_tmp, mut app) = start();
    app.tick(at(5, 0));
    let terminal = draw(&app, 60, 15);
    assert_lacks(&terminal, "enlarge");
    insta::assert_snapshot!("live_60x15_smallest_supported", terminal.backend());
}

#[test]
fn first_item_overrunning_by_2_30() {
    let (_tmp, mut app) = start();
    app.tick(at(12, 30));
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &["+2:30 over", "over", "+2:30", "▲ 2:30 behind", "12:30"],
    );
    insta::assert_snapshot!("first_item_overrun_2_30_behind", terminal.backend());
}

#[test]
fn paused_shows_paused_glyph_and_word() {
    let (_tmp, mut app) = start();
    app.tick(at(3, 0));
    press(&mut app, " ");
    app.tick(at(5, 0));
    let terminal = draw(&app, 120, 40);
    assert_shows(&terminal, &["⏸ PAUSED", "3:00 of 10 min"]);
    insta::assert_snapshot!("paused_at_3_00_seen_at_18_05", terminal.backend());
}

#[test]
fn end_warning_banner_then_dismissed_status() {
    let (_tmp, mut app) = start();
    reach_activity(&mut app);
    app.tick(at(80, 0));
    app.act(Action::Next);
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &["⚠ 10:00 to the scheduled end (19:30)", "[w] dismiss"],
    );
    insta::assert_snapshot!("warning_banner_at_19_20", terminal.backend());

    app.tick(at(81, 0));
    press(&mut app, "w");
    let terminal = draw(&app, 120, 40);
    assert!(!screen(&terminal).contains("[w] dismiss"), "the banner is gone");
    assert_shows(&terminal, &["⚠ ends in 9:00"]);
    insta::assert_snapshot!("warning_dismissed_status_ends_in_9_00", terminal.backend());
}

#[test]
fn past_the_scheduled_end_shows_over_time() {
    let (_tmp, mut app) = start();
    reach_activity(&mut app);
    app.tick(at(80, 0));
    app.act(Action::Next);
    app.tick(at(92, 15));
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &["✖ OVER TIME +2:15", "+2:15 over", "session over time by 2:15"],
    );
    insta::assert_snapshot!("over_time_by_2_15_in_closing_round", terminal.backend());
}

#[test]
fn agenda_complete_after_next_through_every_item() {
    let (_tmp, mut app) = start();
    reach_activity(&mut app);
    app.tick(at(80, 0));
    app.act(Action::Next);
    app.tick(at(89, 0));
    app.act(Action::Next);
    assert_eq!(app.recorder.session.current, None);
    let terminal = draw(&app, 120, 40);
    assert_shows(&terminal, &["Agenda complete. q ends the", "session."]);
    assert!(!screen(&terminal).contains('▶'), "no item is running");
    insta::assert_snapshot!("agenda_complete_at_19_29", terminal.backend());
}

#[test]
fn overlays() {
    let help: &[&str] = &[" Keys ", "next agenda item", "Ctrl-c", "✖ over time"];
    let rules: &[&str] = &[" Our ground rules ", "7. We start and finish on time."];
    let confirm: &[&str] = &[" End the session? ", "y end now", "n keep going"];
    let note: &[&str] = &[" Note ", "Sam ok▏"];
    let cases = [
        ("overlay_help", "?", help),
        ("overlay_ground_rules", "g", rules),
        ("overlay_confirm_end", "q", confirm),
        ("overlay_note_input_typed", ":Sam ok", note),
    ];
    for (name, keys, wanted) in cases {
        let (_tmp, mut app) = start();
        app.tick(at(5, 0));
        press(&mut app, keys);
        let terminal = draw(&app, 120, 40);
        assert_shows(&terminal, wanted);
        insta::assert_snapshot!(name, terminal.backend());
    }
}

#[test]
fn monochrome_warning_and_overrun_uses_glyphs_not_colour() {
    let (_tmp, mut app) = start_with(holdspace::store::plans::builtin(), true);
    reach_activity(&mut app);
    app.tick(at(82, 0));
    assert!(app.recorder.session.warning_showing());
    let terminal = draw(&app, 120, 40);
    assert_uncoloured(&terminal);
    assert_shows(&terminal, &["▶", "+2:00 over", "⚠", "▲ 2:00 behind"]);
    insta::assert_snapshot!("monochrome_warning_and_activity_overrun_2_00", terminal.backend());

    press(&mut app, " ");
    let terminal = draw(&app, 120, 40);
    assert_shows(&terminal, &["⏸", "PAUSED"]);
}

#[test]
fn too_small_terminals_ask_to_enlarge() {
    let (_tmp, mut app) = start();
    app.tick(at(5, 0));
    for (width, height) in [(59, 15), (60, 14), (20, 5), (1, 1)] {
        let terminal = draw(&app, width, height);
        let message = format!("enlarge the terminal to 60×15 (now {width}×{height})");
        let wanted: String = message.split_whitespace().collect();
        let shown: String = screen(&terminal).split_whitespace().collect();
        assert!(!shown.is_empty(), "{width}×{height} shows something");
        assert!(
            wanted.starts_with(&shown) || shown.starts_with(&wanted),
            "{width}×{height} shows {shown:?}, not the start of {message:?}"
        );
        insta::assert_snapshot!(format!("too_small_{width}x{height}"), terminal.backend());
    }
}

/// Warning showing, item overrunning, paused, a message set: the busiest screen there is.
fn busy_app() -> (TempDir, App) {
    let (tmp, mut app) = start();
    reach_activity(&mut app);
    app.tick(at(95, 0));
    press(&mut app, " ");
    press(&mut app, "r");
    (tmp, app)
}

#[test]
fn every_size_renders_without_panic() {
    let (_tmp, mut app) = busy_app();
    assert!(app.recorder.session.is_paused() && app.recorder.session.warning_showing());
    let overlays = [
        None,
        Some(Overlay::Help { scroll: 0 }),
        Some(Overlay::Rules),
        Some(Overlay::ConfirmEnd),
        Some(Overlay::Input {
            purpose: Input::Note,
            text: "a long note ".repeat(12),
        }),
    ];
    // Every size once, the overlay turning with the size so each meets every width; then every
    // overlay at every size around zero and around the minimum. (All of it is slow in debug.)
    let small = |w: u16, h: u16| w <= 12 && h <= 12 || (55..=65).contains(&w) && (10..=20).contains(&h);
    for width in 0..=130u16 {
        for height in 0..=45u16 {
            let turn = usize::from(width + height) % overlays.len();
            for (index, overlay) in overlays.iter().enumerate() {
                if index == turn || small(width, height) {
                    app.overlay = overlay.clone();
                    render(&app, width, height);
                }
            }
        }
    }
}

#[test]
fn busy_screen_at_80x24() {
    let (_tmp, app) = busy_app();
    let terminal = draw(&app, 80, 24);
    assert_shows(&terminal, &["⚠", "⏸", "✖", "+15:00 over", "already fit"]);
    insta::assert_snapshot!("busy_80x24_paused_warning_over_time", terminal.backend());
}

/// Escape sequences, emoji, combining marks and right-to-left text in names the plan supplies.
const HOSTILE: &str = "\x1b[31mRed\x1b[0m 🌱 Zoe\u{301} مريم\x07";

/// No control characters anywhere, and every body row ends in the panel's right border; when
/// the panels sit side by side, the left column's right border stays in one column too.
fn assert_clean_layout(buffer: &Buffer) {
    let (width, height) = (usize::from(buffer.area.width), usize::from(buffer.area.height));
    let cell = |x: usize, y: usize| buffer.content[y * width + x].symbol();
    let lines = rows(buffer);
    assert_no_control(buffer);
    // Body rows: below the header and schedule line (no banner here), above the status line.
    let body = 2..height - 1;
    for y in body.clone() {
        let end = cell(width - 1, y);
        assert!(
            ["│", "┐", "┘"].contains(&end),
            "{width} wide, row {y} ends in {end:?}:\n{}",
            lines[y]
        );
    }
    if width >= 90 {
        let agenda = (0..width - 1)
            .find(|&x| cell(x, 2) == "┐")
            .expect("the agenda's top corner");
        for y in body.skip(1) {
            let edge = cell(agenda, y);
            // The left column's panels (agenda, hands, talk time) stack along one edge.
            assert!(
                ["│", "┘", "┐"].contains(&edge),
                "{width} wide, agenda edge on row {y}:\n{}",
                lines[y]
            );
        }
    }
}

#[test]
fn hostile_names_are_sanitised_and_keep_the_layout() {
    let mut plan = holdspace::store::plans::builtin();
    plan.group = HOSTILE.to_owned();
    plan.items[0].title = format!("Check-in {HOSTILE}");
    let (_tmp, mut app) = start_with(plan, false);
    app.tick(at(5, 0));
    let terminal = draw(&app, 120, 40);
    let header = &rows(terminal.backend().buffer())[0];
    assert!(
        header.contains("\u{FFFD}[31mRed") && header.contains("مريم"),
        "{header}"
    );
    assert!(
        header.trim_end().ends_with("18:05:00"),
        "the clock keeps its place: {header}"
    );
    // ratatui silently drops control characters itself, so the visible U+FFFD is the proof
    // that `sanitize` ran (and that the rest of the escape sequence cannot hide).
    assert_shows(
        &terminal,
        &["▶ Check-in \u{FFFD}[31mRed\u{FFFD}[0m 🌱 Zoe\u{301} مريم\u{FFFD}"],
    );
    assert_clean_layout(terminal.backend().buffer());
    insta::assert_snapshot!("hostile_group_and_title_sanitised", terminal.backend());
    // Wide and combining characters land on every possible column as the width changes.
    for width in 60..=130 {
        let terminal = draw(&app, width, 24);
        assert_clean_layout(terminal.backend().buffer());
    }
}

#[test]
fn note_input_with_escape_characters_is_sanitised() {
    let (_tmp, mut app) = start();
    app.tick(at(5, 0));
    app.overlay = Some(Overlay::Input {
        purpose: Input::Note,
        text: "\x1b[2J\x1b]0;title\x07Sam".to_owned(),
    });
    let terminal = draw(&app, 80, 24);
    assert_no_control(terminal.backend().buffer());
    assert_shows(&terminal, &["\u{FFFD}[2J\u{FFFD}]0;title\u{FFFD}Sam▏"]);
}
