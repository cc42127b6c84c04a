//! Where the last whole frame drew what a click can land on, recorded by the views while they
//! draw, so that a click is looked up here and the screen is never laid out again to find it.

use crossterm::event::KeyCode;
use ratatui::layout::{Position, Rect};

/// What a click on a region of the screen is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A waiting hand, by its place in the queue.
    Hand(usize),
    /// An agenda item's row.
    AgendaItem(usize),
    /// A row of the raise-hand picker, by its index among the choices.
    PickerRow(usize),
    /// An answer of the question open, by the key that gives it.
    Answer(KeyCode),
}

/// The clickable regions of a frame drawn at `area`; the last recorded wins where they overlap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HitMap {
    area: Rect,
    regions: Vec<(Rect, Target)>,
}

impl HitMap {
    /// An empty map for a frame drawn at `area`.
    pub fn new(area: Rect) -> Self {
        Self {
            area,
            regions: Vec::new(),
        }
    }

    pub fn add(&mut self, region: Rect, target: Target) {
        if !region.is_empty() {
            self.regions.push((region, target));
        }
    }

    /// What was drawn at `position` on a screen of `area`: nothing when the last frame was
    /// drawn at another size, as when a click arrives between a resize and its frame.
    pub fn at(&self, area: Rect, position: Position) -> Option<Target> {
        if area != self.area {
            return None;
        }
        self.regions
            .iter()
            .rev()
            .find(|(region, _)| region.contains(position))
            .map(|&(_, target)| target)
    }
}
