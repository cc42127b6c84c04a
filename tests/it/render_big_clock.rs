//! The big-clock view (`b`): time left of the item and of the session in digits as large as the
//! screen allows, over time shown by a word and a sign as well as colour, and `b` or Esc back.

use crate::fixture;
use crate::screen;

use fixture::{at, press, start, start_meta};
use holdspace::ui::app::Overlay;
use screen::{assert_no_control, assert_shows, assert_uncoloured, draw, render, screen};

#[test]
fn big_clock_120x40_with_the_item_over_time() {
    let (_tmp, mut app) = start();
    app.tick(at(12, 5));
    press(&mut app, "b");
    assert_eq!(app.overlay, Some(Overlay::BigClock));
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &[
            "Big clock",
            "Welcome and ground rules",
            "✖ over by",
            "Session · ends 19:30",
            "left",
        ],
    );
    insta::assert_snapshot!("big_clock_120x40_over", terminal.backend());
    press(&mut app, "b");
    assert_eq!(app.overlay, None, "b goes back");
    press(&mut app, "b⎋");
    assert_eq!(app.overlay, None, "Esc goes back");
}

#[test]
fn big_clock_in_monochrome_says_paused_and_the_warning_in_words() {
    let (_tmp, mut app) = start_meta(fixture::meta("mono"), true);
    app.tick(at(81, 0));
    press(&mut app, " b");
    let terminal = draw(&app, 80, 24);
    assert_shows(&terminal, &["⏸ PAUSED", "⚠ end warning"]);
    assert_uncoloured(&terminal);
    insta::assert_snapshot!("big_clock_80x24_paused_warning", terminal.backend());
}

#[test]
fn big_clock_at_every_size_never_panics_and_keeps_the_times() {
    let (_tmp, mut app) = start();
    app.tick(at(3, 0));
    press(&mut app, "b");
    // Every size is drawn by tests/sizes.rs with random states; here a sweep across the range.
    for width in (0..=130).step_by(3) {
        for height in (0..=45).step_by(2) {
            assert_no_control(&render(&app, width, height));
        }
    }
    // Too small for large digits, the times still show as text.
    let small = screen(&draw(&app, 60, 15));
    assert!(small.contains("7:00") || small.contains("▪"), "{small}");
}
