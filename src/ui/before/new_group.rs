//! A new group made from the home screen a field at a time: its name, day, time, place and
//! places, each checked as `holdspace group new` checks it before the next is asked.

use crate::domain::checklist::Setting;
use crate::domain::group::{DEFAULT_CAPACITY, Group};
use crate::store::plans;
use crate::ui::typing::{self, Typed};
use crossterm::event::KeyEvent;

/// The fields in the order they are asked: what each is, as the footer prompts it.
const FIELDS: [(&str, &str); 5] = [
    ("name", "New group's name"),
    ("day", "Day it meets (monday to sunday; Enter for none yet)"),
    ("time", "Time it starts (HH:MM; Enter for none yet)"),
    (
        "place",
        "Place (a room, or a link for an online group; Enter for none yet)",
    ),
    ("capacity", "Places (1 to 100)"),
];

/// Where the form stands after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Formed {
    Editing,
    /// Every field is valid: the group to save.
    Made(Box<Group>),
    /// A field was refused; the form stays on it.
    Refused(String),
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGroup {
    /// Which of `FIELDS` is being typed.
    step: usize,
    values: [String; 5],
}

impl NewGroup {
    pub fn new() -> Self {
        let mut values: [String; 5] = Default::default();
        // The places are shown filled in, as `group new` defaults them.
        values[4] = DEFAULT_CAPACITY.to_string();
        Self { step: 0, values }
    }

    /// What the footer asks for now.
    pub fn prompt(&self) -> &'static str {
        FIELDS[self.step].1
    }

    /// The text being typed, as it stands.
    pub fn typed(&self) -> &str {
        &self.values[self.step]
    }

    /// The text being typed, for typing and pasting.
    pub fn field(&mut self) -> &mut String {
        &mut self.values[self.step]
    }

    pub fn key(&mut self, key: KeyEvent) -> Formed {
        match typing::key(std::mem::take(&mut self.values[self.step]), key) {
            Typed::Editing(text) => {
                self.values[self.step] = text;
                Formed::Editing
            }
            Typed::Cancelled => Formed::Cancelled,
            Typed::Done(text) => {
                self.values[self.step] = text.trim().to_owned();
                self.next()
            }
        }
    }

    /// The field just given is checked with the group as `group new` would make it; a refusal
    /// of it keeps the form there, else the next field is asked, and after the last the group
    /// is made.
    fn next(&mut self) -> Formed {
        let group = match self.group() {
            Ok(group) => group,
            Err(message) => return Formed::Refused(message),
        };
        if let Err((field, message)) = group.validate()
            && FIELDS[..=self.step].iter().any(|(name, _)| *name == field)
        {
            return Formed::Refused(format!("{field}: {message}"));
        }
        if self.step + 1 < FIELDS.len() {
            self.step += 1;
            return Formed::Editing;
        }
        Formed::Made(Box::new(group))
    }

    /// The group the fields make, with the defaults `group new` gives the rest.
    fn group(&self) -> Result<Group, String> {
        let [name, day, time, place, capacity] = &self.values;
        let optional = |text: &String| Some(text.clone()).filter(|text| !text.is_empty());
        let capacity = match capacity.parse::<u32>() {
            Ok(capacity) => capacity,
            Err(_) if self.step < 4 => DEFAULT_CAPACITY,
            Err(_) => return Err(format!("capacity: {capacity:?} is not a number; use 1 to 100")),
        };
        let mut group = Group {
            day: optional(day),
            time: optional(time),
            place: place.clone(),
            ..Group::new(name, Setting::InPerson, capacity, plans::DEFAULT_TEMPLATE)
        };
        group.tidy();
        Ok(group)
    }
}

impl Default for NewGroup {
    fn default() -> Self {
        Self::new()
    }
}
