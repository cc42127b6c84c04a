//! The form that adds an agenda item, the same before a session and during it: its title, then
//! its minutes (the default filled in), then its kind (guessed from the title), each taken with
//! Enter; Esc drops the whole item. `view::item_form` draws it.

use crate::domain::plan::{Kind, MAX_MINUTES, PlanItem};
use crate::ui::typing;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Minutes a new agenda item gets unless they are changed.
pub const NEW_ITEM_MINUTES: u32 = 10;

/// The field the form is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    #[default]
    Title,
    Minutes,
    Kind,
}

/// A new agenda item while its fields are filled in. Nothing is recorded until the last Enter,
/// so a form dropped at any step leaves the agenda as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemForm {
    pub step: Step,
    pub title: String,
    /// As typed, so a wrong number can be put right in place.
    pub minutes: String,
    pub kind: Kind,
    /// Why the last Enter did not move on, shown until the next key.
    pub refused: Option<String>,
}

impl Default for ItemForm {
    fn default() -> Self {
        Self {
            step: Step::Title,
            title: String::new(),
            minutes: NEW_ITEM_MINUTES.to_string(),
            kind: Kind::default(),
            refused: None,
        }
    }
}

/// Where the form stands after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filled {
    Editing,
    Cancelled,
    Added(PlanItem),
}

impl ItemForm {
    /// The text being typed, if the form is at a typed field; a paste goes there.
    pub fn field(&mut self) -> Option<&mut String> {
        match self.step {
            Step::Title => Some(&mut self.title),
            Step::Minutes => Some(&mut self.minutes),
            Step::Kind => None,
        }
    }

    /// The form after `key`: Enter takes the field and moves on (the last adds the item), Esc
    /// drops the item, and at the kind ←/→ or ↑/↓ choose another.
    pub fn key(&mut self, key: KeyEvent) -> Filled {
        self.refused = None;
        let turn = |kind: Kind, by: usize| {
            let at = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
            Kind::ALL[(at + by) % Kind::ALL.len()]
        };
        match (self.step, key.code) {
            (_, KeyCode::Esc) => return Filled::Cancelled,
            (Step::Title, KeyCode::Enter) if self.title.trim().is_empty() => {
                self.refused = Some("type the item's title first".to_owned());
            }
            (Step::Title, KeyCode::Enter) => {
                self.kind = guess_kind(&self.title);
                self.step = Step::Minutes;
            }
            (Step::Minutes, KeyCode::Enter) => match self.minutes.trim().parse::<u32>() {
                Ok(minutes) if (1..=MAX_MINUTES).contains(&minutes) => self.step = Step::Kind,
                _ => {
                    self.refused = Some(format!(
                        "{} is out of range: an item is 1 to {MAX_MINUTES} minutes",
                        self.minutes.trim()
                    ));
                }
            },
            (Step::Kind, KeyCode::Enter) => {
                // The minutes were checked when the field was left.
                let minutes = self.minutes.trim().parse().unwrap_or(NEW_ITEM_MINUTES);
                return Filled::Added(PlanItem::new(self.title.trim(), minutes).of_kind(self.kind));
            }
            (Step::Kind, KeyCode::Right | KeyCode::Down) => self.kind = turn(self.kind, 1),
            (Step::Kind, KeyCode::Left | KeyCode::Up) => self.kind = turn(self.kind, Kind::ALL.len() - 1),
            (_, KeyCode::Backspace) => {
                self.field().map(String::pop);
            }
            (_, KeyCode::Char(c)) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                if let Some(text) = self.field() {
                    typing::insert(text, c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
        Filled::Editing
    }
}

/// The kind a title names at its start, as a word: "Break", "Guest speaker: Dr Okafor", but not
/// "Breakout rooms", which is a discussion, as any other title is.
pub fn guess_kind(title: &str) -> Kind {
    let lower = title.trim().to_lowercase();
    Kind::ALL
        .into_iter()
        .find(|kind| {
            lower
                .strip_prefix(&kind.name().replace('-', " "))
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_that_starts_with_a_kinds_name_is_of_that_kind() {
        assert_eq!(guess_kind("Break"), Kind::Break);
        assert_eq!(guess_kind("Guest speaker: Dr Okafor"), Kind::GuestSpeaker);
        assert_eq!(guess_kind("Breakout rooms"), Kind::Discussion);
    }
}
