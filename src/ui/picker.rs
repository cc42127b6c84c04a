//! Choosing whose hand to raise: type to filter the session's participants, or add a new name.

use crate::domain::hands::Floor;
use crate::ui::typing;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One row of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Existing(usize),
    /// The typed name, not yet a participant.
    New(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    pub text: String,
    pub selected: usize,
}

/// What a key press in the picker comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Open,
    Cancel,
    Chosen(Choice),
}

impl Picker {
    /// An exact name first, then every participant whose name contains the text (ignoring case)
    /// in the order they joined, then the typed name as a new participant unless it is taken.
    pub fn choices(&self, floor: &Floor) -> Vec<Choice> {
        let wanted = self.text.trim().to_lowercase();
        let exact = floor.find(&self.text).filter(|_| !wanted.is_empty());
        let mut choices: Vec<Choice> = exact.into_iter().map(Choice::Existing).collect();
        choices.extend(
            floor
                .participants
                .iter()
                .enumerate()
                .filter(|(who, person)| Some(*who) != exact && person.name.to_lowercase().contains(&wanted))
                .map(|(who, _)| Choice::Existing(who)),
        );
        if exact.is_none() && !wanted.is_empty() {
            choices.push(Choice::New(self.text.trim().to_owned()));
        }
        choices
    }

    pub fn key(&mut self, key: KeyEvent, floor: &Floor) -> Step {
        let count = self.choices(floor).len();
        match key.code {
            KeyCode::Esc => return Step::Cancel,
            KeyCode::Enter => {
                return match self.choices(floor).into_iter().nth(self.selected) {
                    Some(choice) => Step::Chosen(choice),
                    None => Step::Open,
                };
            }
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            KeyCode::Backspace => {
                self.text.pop();
                self.selected = 0;
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.insert(c.encode_utf8(&mut [0; 4]));
            }
            _ => {}
        }
        Step::Open
    }

    /// Adds typed or pasted text to the name; the choices start from the top again.
    pub fn insert(&mut self, added: &str) {
        typing::insert(&mut self.text, added);
        self.selected = 0;
    }

    /// The choice in row `row` of the list as drawn from `offset`, for a mouse click.
    pub fn click(&mut self, row: usize, floor: &Floor) -> Step {
        match self.choices(floor).into_iter().nth(row) {
            Some(choice) => {
                self.selected = row;
                Step::Chosen(choice)
            }
            None => Step::Open,
        }
    }
}
