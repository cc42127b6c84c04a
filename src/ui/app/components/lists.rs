//! The overlays with a key table of their own: the attendance list and the agenda or
//! ground-rules editor. Their keys are actions the app carries out; Esc closes them.

use crate::ui::app::reply::{Reply, Then};
use crate::ui::keys::action::Action;
use crate::ui::keys::defaults::Mode;
use crate::ui::keys::keymap::Keymap;
use crossterm::event::KeyEvent;

/// The attendance list stays open while its keys mark people; what they open goes over it.
pub fn people(key: KeyEvent, keys: &Keymap) -> Reply {
    match keys.lookup(Mode::People, key) {
        Some(Action::Close) => Reply::Close,
        Some(action) => Reply::Keep(Then::Act(action)),
        None => Reply::Stay,
    }
}

/// An editor key: it stays open on its changes; leaving closes it first.
pub fn edit(key: KeyEvent, keys: &Keymap) -> Reply {
    match keys.lookup(Mode::Edit, key) {
        Some(Action::Close) => Reply::Close,
        Some(Action::Leave) => Reply::Then(Then::Act(Action::Leave)),
        Some(action) => Reply::Keep(Then::Edit(action)),
        None => Reply::Stay,
    }
}
