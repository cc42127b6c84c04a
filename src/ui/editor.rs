//! Editing a list on screen, the same before a session and during it: the agenda (add, remove,
//! move, change minutes) and the ground rules (add, change, remove, move). This module turns the
//! editor's keys into edits and draws the list; the caller applies the edits.

use crate::domain::plan::{AgendaEdit, EditError, Kind, MAX_MINUTES, PlanItem};
use crate::ui::keys::action::Action;
use crate::ui::theme::{Role, Theme};
use crate::util::text::{cells, cut, pad, sanitize};
use ratatui::text::{Line, Span};
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

/// One row of the agenda being edited: where it stands, and whether it can still change.
pub struct Row<'a> {
    pub item: &'a PlanItem,
    pub minutes: u32,
    /// ✓ done, ▶ running, · to come.
    pub glyph: &'static str,
    pub editable: bool,
}

/// The agenda's rows as lines `width` cells wide at most, the selected one marked; rows that
/// cannot change are muted. A narrow list leaves out the kind, then shortens titles, so the
/// minutes always show.
pub fn agenda_lines(rows: &[Row], selected: usize, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    // The marker and glyph, the gap after the title, the minutes and the protected mark.
    const FIXED: usize = 3 + 2 + 4 + 2;
    const KIND: usize = 14;
    let longest = rows
        .iter()
        .map(|row| cells(&sanitize(&row.item.title)))
        .max()
        .unwrap_or(0)
        .min(40);
    let show_kind = FIXED + longest + KIND <= width;
    let title_width = longest.min(width.saturating_sub(FIXED + if show_kind { KIND } else { 0 }));
    rows.iter()
        .enumerate()
        .map(|(index, row)| {
            let marker = if index == selected { "▸" } else { " " };
            let style = if !row.editable {
                theme.style(Role::Muted)
            } else if index == selected {
                theme.style(Role::Current)
            } else {
                theme.style(Role::Text)
            };
            let title = pad(&cut(&sanitize(&row.item.title), title_width), title_width);
            let mut spans = vec![
                Span::styled(format!("{marker}{} ", row.glyph), theme.style(Role::Key)),
                Span::styled(format!("{title}  "), style),
            ];
            if show_kind {
                spans.push(Span::styled(
                    format!("{:<13} ", row.item.kind.name()),
                    theme.style(Role::Muted),
                ));
            }
            spans.extend([
                Span::styled(format!("{:>3}m", row.minutes), style),
                Span::styled(
                    if row.item.protected { " ◆" } else { "" }.to_owned(),
                    theme.style(Role::Muted),
                ),
            ]);
            Line::from(spans)
        })
        .collect()
}

/// The ground rules as numbered lines, the selected one marked.
pub fn rule_lines(rules: &[String], selected: usize, theme: &Theme) -> Vec<Line<'static>> {
    rules
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            let marker = if index == selected { "▸" } else { " " };
            let style = if index == selected {
                theme.style(Role::Current)
            } else {
                theme.style(Role::Text)
            };
            Line::from(vec![
                Span::styled(format!("{marker}{:>2}. ", index + 1), theme.style(Role::Key)),
                Span::styled(sanitize(rule), style),
            ])
        })
        .collect()
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
