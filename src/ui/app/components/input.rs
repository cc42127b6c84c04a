//! A line of typed text: a note, a name, a record's note or a rule; and the form adding an agenda
//! item. Enter saves it, Esc drops it; either way what was opened from an editor or the
//! attendance list returns there.

use crate::ui::app::overlay::{Input, Overlay};
use crate::ui::app::reply::{Reply, Then};
use crate::ui::editor::Listed;
use crate::ui::item_form::{Filled, ItemForm};
use crate::ui::typing;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn key(purpose: Input, text: &mut String, key: KeyEvent) -> Reply {
    match key.code {
        KeyCode::Esc => return Reply::Close,
        KeyCode::Enter => return Reply::Then(Then::Submit(purpose, std::mem::take(text))),
        KeyCode::Backspace => {
            text.pop();
        }
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            typing::insert(text, c.encode_utf8(&mut [0; 4]));
        }
        _ => {}
    }
    Reply::Stay
}

/// The new agenda item's form after `key`: the item, once added, goes in at `at`.
pub fn new_item(form: &mut ItemForm, at: usize, key: KeyEvent) -> Reply {
    match form.key(key) {
        Filled::Editing => Reply::Stay,
        Filled::Cancelled => Reply::Close,
        Filled::Added(item) => Reply::Then(Then::AddItem { at, item }),
    }
}

/// What a line for `purpose` goes back to when it closes, saved or not: its editor, on the
/// entry it came from (saving a new entry then selects it), or the attendance list it was
/// typed from during the session (`live`).
pub fn returns_to(purpose: Input, live: bool) -> Option<Overlay> {
    match purpose {
        Input::NewRule { from, .. } | Input::ChangeRule(from) => Some(Overlay::Edit {
            list: Listed::Rules,
            selected: from,
        }),
        Input::NewPerson | Input::FlagNote { .. } if live => Some(Overlay::People),
        _ => None,
    }
}
