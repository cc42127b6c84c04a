//! Editing a list on screen, the same before a session and during it: the agenda (add, remove,
//! move, change minutes) and the ground rules (add, change, remove, move). This module turns the
//! editor's keys into edits, or says why a key makes none; the caller applies the edits and
//! `view::editor` draws the list.

use crate::domain::plan::{AgendaEdit, EditError, Kind, MAX_MINUTES, PlanItem};
use crate::ui::keys::action::Action;
use std::fmt;

/// Which list the editor has open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    Agenda,
    Rules,
}

/// Minutes a new agenda item gets when none are typed.
pub const NEW_ITEM_MINUTES: u32 = 10;

/// Why an editor key, or an item typed, changed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoEdit {
    NoSelection,
    AtMost,
    AtLeast,
    FirstAlready,
    LastAlready,
    NotAnEdit,
    NoTitle,
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
            Self::NoTitle => f.write_str("type a title, then the minutes: Break 10"),
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

/// A new agenda item from what was typed: a title, and minutes if the last word is a number.
pub fn new_item(text: &str) -> Result<PlanItem, NoEdit> {
    let text = text.trim();
    let (title, minutes) = match text.rsplit_once(' ') {
        Some((title, last)) if last.parse::<u32>().is_ok() => (title.trim(), last.parse().unwrap_or(0)),
        _ => (text, NEW_ITEM_MINUTES),
    };
    if title.is_empty() {
        return Err(NoEdit::NoTitle);
    }
    // A title that begins with a kind's name, as a word, is of that kind: "Break",
    // "Guest speaker: Dr Okafor", but not "Breakout rooms".
    let lower = title.to_lowercase();
    let kind = Kind::ALL
        .into_iter()
        .find(|kind| {
            lower
                .strip_prefix(&kind.name().replace('-', " "))
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
        .unwrap_or_default();
    Ok(PlanItem::new(title, minutes).of_kind(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_items_take_minutes_and_kind_from_the_text() {
        let item = new_item("Break 5").unwrap();
        assert_eq!(
            (item.title.as_str(), item.minutes, item.kind),
            ("Break", 5, Kind::Break)
        );
        let item = new_item("Guest speaker: Dr Okafor").unwrap();
        assert_eq!((item.minutes, item.kind), (NEW_ITEM_MINUTES, Kind::GuestSpeaker));
        assert_eq!(new_item("Breakout rooms 15").unwrap().kind, Kind::Discussion);
        assert!(new_item("   ").is_err());
    }

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
