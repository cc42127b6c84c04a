//! What the live screen shows, kept between frames so that a second ticking over redraws only
//! the parts with a clock in them, not the whole screen.
//!
//! `Terminal::draw` renders every cell, resets a whole buffer and compares every cell with the
//! last frame, each second. Most of the live screen (borders, the agenda's other rows, empty
//! rows) changes only with an event, so between events only the clock parts are drawn, each
//! into a buffer of its own size, diffed in place against what the terminal shows there, and
//! only the cells that changed are written.

use crate::ui::app::{App, Followed, Screen as AppScreen};
use crate::ui::{clock_parts, draw};
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

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
    /// What the terminal shows, but for the clock parts' areas while `behind`.
    shown: Buffer,
    /// Where the next whole frame is drawn.
    scratch: Buffer,
    /// What the terminal shows in each clock part's area, kept from the last whole frame on:
    /// a second's part is diffed against it in place, as ratatui diffs a whole frame.
    parts: Vec<Buffer>,
    /// Where each part is drawn, before it is diffed and swapped into `parts`: one buffer for
    /// each, so their sizes stay put from second to second.
    next: Vec<Buffer>,
    /// The cells to write, gathered from all the parts so they go out in one write.
    updates: Vec<(u16, u16, Cell)>,
    drawn: Option<Drawn>,
    /// The parts were drawn since the last whole frame, so `shown` lags behind them there.
    behind: bool,
}

impl Screen {
    /// A screen of `area` whose terminal was just cleared.
    pub fn cleared(area: Rect) -> Self {
        Self {
            shown: Buffer::empty(area),
            scratch: Buffer::empty(Rect::ZERO),
            parts: Vec::new(),
            next: Vec::new(),
            updates: Vec::new(),
            drawn: None,
            behind: false,
        }
    }

    /// Draws `app`: only its clock parts when nothing but the clock moved since the last whole
    /// frame, the whole screen when `changed` (a key, a click, a resize) or anything else did.
    /// A whole frame leaves in `app` where it drew what a click can land on; the clock parts
    /// move nothing a click can land on.
    pub fn draw_app<B: Backend>(
        &mut self,
        backend: &mut B,
        app: &mut App,
        changed: bool,
    ) -> Result<Drew, B::Error> {
        let area = self.area();
        let parts = clock_parts(app, area);
        let drawn = parts.map(|parts| (app.seen(), parts.map(|part| part.area)));
        let drew = match parts {
            Some(parts) if !changed && drawn == self.drawn => {
                let app = &*app;
                self.draw_parts(
                    backend,
                    parts.map(|part| move |buf: &mut Buffer| part.draw(app, buf)),
                )?;
                Drew::Parts
            }
            _ => {
                let mut hits = None;
                self.draw(backend, |buf| hits = Some(draw(app, area, buf)))?;
                app.hits = hits.unwrap_or_default();
                self.keep_parts(drawn.as_ref().map_or(&[][..], |(_, areas)| &areas[..]));
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
        if std::mem::take(&mut self.behind) {
            for part in &self.parts {
                copy(part, &mut self.shown, part.area);
            }
        }
        self.scratch.resize(self.shown.area);
        self.scratch.reset();
        draw(&mut self.scratch);
        backend.draw(self.shown.diff_iter(&self.scratch))?;
        std::mem::swap(&mut self.shown, &mut self.scratch);
        backend.flush()
    }

    /// Keeps what a whole frame showed in each of `areas`, for the parts to be diffed against.
    fn keep_parts(&mut self, areas: &[Rect]) {
        self.parts.resize_with(areas.len(), Buffer::default);
        self.next.resize_with(areas.len(), Buffer::default);
        for (part, area) in self.parts.iter_mut().zip(areas) {
            part.resize(area.intersection(self.shown.area));
            copy(&self.shown, part, part.area);
        }
    }

    /// Draws each of the parts kept by the last whole frame again, alone on blank cells, and
    /// writes the cells that differ from what it shows. Everything outside the parts must be as
    /// the last whole frame left it.
    fn draw_parts<B: Backend>(
        &mut self,
        backend: &mut B,
        draws: impl IntoIterator<Item = impl FnOnce(&mut Buffer)>,
    ) -> Result<(), B::Error> {
        for ((part, next), draw) in self.parts.iter_mut().zip(&mut self.next).zip(draws) {
            if part.area.is_empty() {
                continue;
            }
            next.resize(part.area);
            next.reset();
            draw(next);
            let changes = part.diff_iter(next);
            self.updates
                .extend(changes.map(|(x, y, cell)| (x, y, cell.clone())));
            std::mem::swap(part, next);
        }
        self.behind = true;
        let updates = self.updates.iter().map(|(x, y, cell)| (*x, *y, cell));
        backend.draw(updates)?;
        self.updates.clear();
        backend.flush()
    }
}

/// Copies the cells of `area`, which both buffers hold, from one to the other.
fn copy(from: &Buffer, to: &mut Buffer, area: Rect) {
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let (start, end) = (from.index_of(area.x, y), to.index_of(area.x, y));
        to.content[end..end + width].clone_from_slice(&from.content[start..start + width]);
    }
}
