//! Clicks where they obviously should work: an agenda row asks before moving there, and a
//! question's answers are buttons, a click on one doing what its key does. A click anywhere
//! else changes nothing.

use crate::fixture;
use crate::screen;

use fixture::{at, people, press, start, start_meta};
use holdspace::ui::app::{App, Overlay, Screen};
use ratatui::layout::Rect;

const SCREEN: Rect = Rect::new(0, 0, 120, 40);

/// Where `text` is drawn on the screen: its first cell, scanning rows top to bottom.
fn find(app: &mut App, text: &str) -> (u16, u16) {
    let rows = screen::rows(&screen::shown(app, SCREEN.width, SCREEN.height));
    rows.iter()
        .enumerate()
        .find_map(|(y, row)| {
            let at = row.find(text)?;
            Some((row[..at].chars().count() as u16, y as u16))
        })
        .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", rows.join("\n")))
}

fn click(app: &mut App, text: &str) {
    let (x, y) = find(app, text);
    app.on_click(x, y, SCREEN);
}

#[test]
fn a_click_on_an_agenda_item_asks_then_moves_there() {
    let (_tmp, mut app) = start();
    app.tick(at(4, 0));
    click(&mut app, "Topic discussion");
    assert_eq!(app.overlay, Some(Overlay::ConfirmJump { to: 2 }));
    let shown = screen::screen(&screen::draw(&app, 120, 40));
    assert!(
        shown.contains("Move straight to Topic discussion (30 min)?"),
        "{shown}"
    );

    // A click on the question's text is not an answer.
    click(&mut app, "Move straight to");
    assert_eq!(app.overlay, Some(Overlay::ConfirmJump { to: 2 }));
    click(&mut app, "n stay");
    assert_eq!(app.overlay, None);
    assert_eq!(app.recorder.session.current, Some(0), "staying moves nothing");

    click(&mut app, "Topic discussion");
    click(&mut app, "y move");
    assert_eq!(app.recorder.session.current, Some(2));
    assert_eq!(
        app.recorder.session.items[1].first_started, None,
        "check-in was skipped"
    );

    // The running item's own row asks nothing.
    click(&mut app, "Topic discussion");
    assert_eq!(app.overlay, None);
}

#[test]
fn a_click_on_an_answer_is_its_key() {
    let (_tmp, mut app) = start();
    press(&mut app, "q");
    click(&mut app, "n keep going");
    assert_eq!((app.overlay.clone(), app.screen), (None, Screen::Live));
    press(&mut app, "q");
    click(&mut app, "y end now");
    assert_eq!(app.screen, Screen::Review, "the session ended");
}

#[test]
fn the_queue_questions_answer_to_clicks() {
    let (_tmp, mut app) = start_meta(people("clicks", &["Ana", "Bo"]), false);
    press(&mut app, "hAna⏎hBo⏎");
    press(&mut app, "c");
    click(&mut app, "n keep them");
    assert_eq!(app.recorder.session.floor.queue.len(), 2);
    press(&mut app, "n");
    assert_eq!(app.overlay, Some(Overlay::ConfirmMove { forward: true }));
    click(&mut app, "k keep the queue");
    assert_eq!(app.recorder.session.current, Some(1));
    assert_eq!(app.recorder.session.floor.queue.len(), 2);
    press(&mut app, "c");
    click(&mut app, "y clear");
    assert!(app.recorder.session.floor.queue.is_empty());
}

#[test]
fn clicks_on_a_small_screen_or_outside_anything_do_nothing() {
    let (_tmp, mut app) = start();
    let before = app.recorder.session.clone();
    screen::shown(&mut app, SCREEN.width, SCREEN.height);
    for (x, y) in [(0, 0), (119, 39), (60, 1)] {
        app.on_click(x, y, SCREEN);
    }
    screen::shown(&mut app, 50, 12);
    app.on_click(5, 8, Rect::new(0, 0, 50, 12));
    assert_eq!(app.overlay, None);
    assert_eq!(app.recorder.session, before);
}

#[test]
fn a_scrolled_agenda_maps_clicks_to_the_rows_drawn() {
    let (_tmp, mut app) = start();
    for minute in [10, 25, 55, 65, 80] {
        app.tick(at(minute, 0));
        press(&mut app, "n");
    }
    let small = Rect::new(0, 0, 80, 24);
    let rows = screen::rows(&screen::shown(&mut app, small.width, small.height));
    let (y, row) = rows
        .iter()
        .enumerate()
        .find(|(_, row)| row.contains("Activity"))
        .unwrap_or_else(|| panic!("{}", rows.join("\n")));
    assert!(
        !rows.iter().any(|row| row.contains("Welcome")),
        "the agenda is scrolled"
    );
    let x = row[..row.find("Activity").unwrap()].chars().count() as u16;
    app.on_click(x, y as u16, small);
    assert_eq!(app.overlay, Some(Overlay::ConfirmJump { to: 4 }));
}
