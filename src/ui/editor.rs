//! Editing a list on screen, the same before a session and during it: the agenda (add, remove,
//! move, change minutes) and the ground rules (add, change, remove, move). This module turns the
//! editor's keys into edits, or says why a key makes none; the caller applies the edits and
//! `view::editor` draws the list.

use crate::domain::plan::{AgendaEdit, EditError, MAX_MINUTES};
use crate::ui::keys::action::Action;
use std::fmt;

/// Which list the editor has open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    Agenda,
    Rules,
}

/// Why an editor key changed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoEdit {
    NoSelection,
    AtMost,
    AtLeast,
    FirstAlready,
    LastAlready,
    NotAnEdit,
    /// The edit was made, and the agenda's rules refused it.
    Refused(EditError),
}

impl fmt::Display for NoEdit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSelection => f.write_str("no item is selected"),
            Self::AtMost => write!(f, "an item is at most {MAX_MINUTES} minutes"),
            Self::AtLeast => f.write_str("an item is at least one minute"),
            Self::FirstAlready => f.write_str("it is first already"),
            Self::LastAlready => f.write_str("it is last already"),
            Self::NotAnEdit => f.write_str("that key does not change the agenda"),
            Self::Refused(err) => err.fmt(f),
        }
    }
}

impl From<EditError> for NoEdit {
    fn from(err: EditError) -> Self {
        Self::Refused(err)
    }
}

/// The agenda edit an editor key makes on the item at `selected`, or why it makes none.
pub fn agenda_edit(action: Action, items: &[u32], selected: usize) -> Result<AgendaEdit, NoEdit> {
    let Some(&minutes) = items.get(selected) else {
        return Err(NoEdit::NoSelection);
    };
    Ok(match action {
        Action::Longer if minutes >= MAX_MINUTES => return Err(NoEdit::AtMost),
        Action::Longer => AgendaEdit::Minutes {
            index: selected,
            minutes: minutes + 1,
        },
        Action::Shorter if minutes <= 1 => return Err(NoEdit::AtLeast),
        Action::Shorter => AgendaEdit::Minutes {
            index: selected,
            minutes: minutes - 1,
        },
        Action::Earlier if selected == 0 => return Err(NoEdit::FirstAlready),
        Action::Earlier => AgendaEdit::Move {
            from: selected,
            to: selected - 1,
        },
        Action::Later if selected + 1 >= items.len() => return Err(NoEdit::LastAlready),
        Action::Later => AgendaEdit::Move {
            from: selected,
            to: selected + 1,
        },
        Action::RemoveEntry => AgendaEdit::Remove { index: selected },
        _ => return Err(NoEdit::NotAnEdit),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_become_edits_of_the_selected_item() {
        let items = [10, 1];
        assert_eq!(
            agenda_edit(Action::Later, &items, 0),
            Ok(AgendaEdit::Move { from: 0, to: 1 })
        );
        assert_eq!(agenda_edit(Action::Later, &items, 1), Err(NoEdit::LastAlready));
        assert_eq!(agenda_edit(Action::Shorter, &items, 1), Err(NoEdit::AtLeast));
        assert_eq!(
            agenda_edit(Action::Longer, &items, 1),
            Ok(AgendaEdit::Minutes { index: 1, minutes: 2 })
        );
    }
}
