//! What the live screen shows, kept between frames so that a second ticking over redraws only
//! the parts with a clock in them, not the whole screen.
//!
//! `Terminal::draw` renders every cell, resets a whole buffer and compares every cell with the
//! last frame, each second. Most of the live screen (borders, the agenda's other rows, empty
//! rows) changes only with an event, so between events only the clock parts are drawn, each
//! into a buffer of its own size, and only rows that differ from what is shown are compared
//! cell by cell and written.

use super::app::{App, Followed, Screen as AppScreen};
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// What a whole frame was drawn for: while the app shows the same and lays its clock parts out
/// the same, a second changes only those parts.
type Drawn = ((u64, Option<Followed>, AppScreen), [Rect; 8]);

/// How a frame was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drew {
    Whole,
    /// The clock parts only.
    Parts,
}

pub struct Screen {
    /// What the terminal shows.
    shown: Buffer,
    /// Where the next whole frame is drawn.
    scratch: Buffer,
    /// Where each part is drawn, one buffer each, so their sizes stay put from second to second.
    parts: Vec<Buffer>,
    /// A changed row as it was shown and as it is drawn now, for ratatui's diff.
    rows: [Buffer; 2],
    /// The cells to write, gathered from all the parts so they go out in one write.
    updates: Vec<(u16, u16, Cell)>,
    drawn: Option<Drawn>,
}

impl Screen {
    /// A screen of `area` whose terminal was just cleared.
    pub fn cleared(area: Rect) -> Self {
        Self {
            shown: Buffer::empty(area),
            scratch: Buffer::empty(Rect::ZERO),
            parts: Vec::new(),
            rows: [Buffer::empty(Rect::ZERO), Buffer::empty(Rect::ZERO)],
            updates: Vec::new(),
            drawn: None,
        }
    }

    /// Draws `app`: only its clock parts when nothing but the clock moved since the last whole
    /// frame, the whole screen when `changed` (a key, a click, a resize) or anything else did.
    pub fn draw_app<B: Backend>(
        &mut self,
        backend: &mut B,
        app: &App,
        changed: bool,
    ) -> Result<Drew, B::Error> {
        let area = self.area();
        let parts = app.clock_parts(area);
        let drawn = parts.map(|parts| (app.seen(), parts.map(|part| part.area)));
        let drew = match parts {
            Some(parts) if !changed && drawn == self.drawn => {
                self.draw_parts(
                    backend,
                    parts.map(|part| (part.area, move |buf: &mut Buffer| part.draw(app, buf))),
                )?;
                Drew::Parts
            }
            _ => {
                self.draw(backend, |buf| app.render(area, buf))?;
                Drew::Whole
            }
        };
        self.drawn = drawn;
        Ok(drew)
    }

    pub fn area(&self) -> Rect {
        self.shown.area
    }

    /// Draws a whole frame and writes the cells that differ from what is shown.
    fn draw<B: Backend>(&mut self, backend: &mut B, draw: impl FnOnce(&mut Buffer)) -> Result<(), B::Error> {
        self.scratch.resize(self.shown.area);
        self.scratch.reset();
        draw(&mut self.scratch);
        backend.draw(self.shown.diff_iter(&self.scratch))?;
        std::mem::swap(&mut self.shown, &mut self.scratch);
        backend.flush()
    }

    /// Draws each of `parts` alone into a blank area of its own and writes the cells that differ
    /// from what is shown. Everything outside the parts must be as the last frame left it.
    fn draw_parts<B: Backend>(
        &mut self,
        backend: &mut B,
        parts: impl IntoIterator<Item = (Rect, impl FnOnce(&mut Buffer))>,
    ) -> Result<(), B::Error> {
        for (index, (area, draw)) in parts.into_iter().enumerate() {
            let area = area.intersection(self.shown.area);
            if area.is_empty() {
                continue;
            }
            if self.parts.len() <= index {
                self.parts.resize_with(index + 1, Buffer::default);
            }
            let part = &mut self.parts[index];
            part.resize(area);
            part.reset();
            draw(part);
            take_changed_rows(part, &mut self.shown, &mut self.rows, &mut self.updates);
        }
        let updates = self.updates.iter().map(|(x, y, cell)| (*x, *y, cell));
        backend.draw(updates)?;
        self.updates.clear();
        backend.flush()
    }
}

/// Gathers into `updates` the changes in the rows of `part` that differ from what is `shown`,
/// and keeps those rows as shown.
fn take_changed_rows(
    part: &Buffer,
    shown: &mut Buffer,
    rows: &mut [Buffer; 2],
    updates: &mut Vec<(u16, u16, Cell)>,
) {
    let area = part.area;
    let width = usize::from(area.width);
    for (index, new) in part.content.chunks_exact(width).enumerate() {
        let y = area.y + index as u16;
        let start = shown.index_of(area.x, y);
        let old = &mut shown.content[start..start + width];
        if old == new {
            continue;
        }
        // ratatui's own diff of the row keeps its rules for wide characters.
        for (row, cells) in rows.iter_mut().zip([&*old, new]) {
            row.area = Rect { y, height: 1, ..area };
            row.content.clear();
            row.content.extend_from_slice(cells);
        }
        let changes = rows[0].diff_iter(&rows[1]);
        updates.extend(changes.map(|(x, y, cell)| (x, y, cell.clone())));
        old.clone_from_slice(new);
    }
}
