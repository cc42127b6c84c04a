//! The terminal side: view state, key handling, drawing, and the event loop.

pub mod app;
pub mod before;
pub mod editor;
pub mod item_form;
pub mod keys;
pub mod picker;
pub mod screen;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod typing;
pub mod view;

use app::hits::HitMap;
use app::{App, Screen};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use view::{live, overlay, review};

/// Below this size the live screen cannot be laid out readably.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Whether `area` is below the minimum size, where only a request to enlarge is drawn and
/// clicks land on nothing.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The parts of the screen at `area` that the clock alone changes, where a second ticking over
/// needs to draw only those: the live screen with nothing over it.
pub fn clock_parts(app: &App, area: Rect) -> Option<[live::Part; 8]> {
    (app.screen == Screen::Live && app.overlay.is_none() && !too_small(area))
        .then(|| live::clock_parts(app, area))
}

/// Draws `app` at `area` and returns where it drew what a click can land on: an overlay takes
/// every click, and a screen too small to lay out has nothing to click.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) -> HitMap {
    let mut hits = HitMap::new(area);
    if too_small(area) {
        Paragraph::new(format!(
            "enlarge the terminal to {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})",
            area.width, area.height
        ))
        .wrap(Wrap { trim: true })
        .render(area, buf);
        return hits;
    }
    let body = match app.screen {
        Screen::Live => live::render(app, area, buf, &mut hits),
        Screen::Review => review::render(app, area, buf),
    };
    if let Some(overlay) = &app.overlay {
        hits = HitMap::new(area);
        overlay::render(app, overlay, area, body, buf, &mut hits);
    }
    hits
}

/// The app drawn where only the picture counts, as in a snapshot: what can be clicked is left out.
impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        draw(self, area, buf);
    }
}
