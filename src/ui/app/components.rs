//! One component per overlay, each reading the keys (and clicks) on its overlay and answering
//! with a `Reply`: the views that only show something (help), the questions (confirm), a typed
//! line or the new agenda item's form (input), the raise-hand picker (pick), the attendance list
//! and the editors (lists), the end-of-session checklist (closing), a member's feedback form
//! (feedback) and the roster's offer to those who came without being on it (newcomers).

mod closing;
mod confirm;
mod feedback;
mod help;
mod input;
mod lists;
mod newcomers;
mod pick;

pub use help::length as help_length;

use super::overlay::Overlay;
use super::reply::Reply;
use crate::domain::Session;
use crate::ui::editor::Listed;
use crate::ui::keys::action::Action;
use crate::ui::keys::defaults::Mode;
use crate::ui::keys::keymap::Keymap;
use crossterm::event::KeyEvent;

/// What `key` comes to on `overlay`, read by that overlay's component: `keys` are the keys in
/// force, `mode` the key table showing, `session` whom the picker offers and what the end
/// checklist holds.
pub fn key(overlay: &mut Overlay, key: KeyEvent, keys: &Keymap, mode: Mode, session: &Session) -> Reply {
    let floor = &session.floor;
    match overlay {
        Overlay::Help { scroll } => help::key(scroll, key, keys, mode),
        Overlay::Rules => help::closes(key, keys, Action::Rules),
        Overlay::Notes => help::closes(key, keys, Action::Notes),
        Overlay::BigClock => help::closes(key, keys, Action::BigClock),
        Overlay::ConfirmEnd => confirm::end(key),
        Overlay::ConfirmClear => confirm::clear(key),
        Overlay::ConfirmJump { to } => confirm::jump(*to, key),
        Overlay::ConfirmMove { forward } => confirm::move_item(*forward, key),
        Overlay::Input { purpose, text } => input::key(*purpose, text, key),
        Overlay::NewItem { form, at, .. } => input::new_item(form, *at, key),
        Overlay::Pick(picker) => pick::key(picker, key, floor),
        Overlay::People => lists::people(key, keys),
        Overlay::Edit { .. } => lists::edit(key, keys),
        Overlay::Closing { selected } => closing::key(selected, session.record.closing.len(), key),
        Overlay::Feedback(form) => feedback::key(form, key),
        Overlay::Newcomers(asked) => newcomers::key(asked, key),
    }
}

/// What a click on row `row` of the picker's choices comes to, if `overlay` is the picker.
pub fn click_row(overlay: &mut Overlay, row: usize, floor: &crate::domain::hands::Floor) -> Reply {
    match overlay {
        Overlay::Pick(picker) => pick::click(picker, row, floor),
        _ => Reply::Stay,
    }
}

/// What opens again when `overlay` closes: the editor or the attendance list (`live`: during
/// the session) a line was typed from.
pub fn returns_to(overlay: &Overlay, live: bool) -> Option<Overlay> {
    match overlay {
        Overlay::Input { purpose, .. } => input::returns_to(*purpose, live),
        Overlay::NewItem { from, .. } => Some(Overlay::Edit {
            list: Listed::Agenda,
            selected: *from,
        }),
        _ => None,
    }
}
