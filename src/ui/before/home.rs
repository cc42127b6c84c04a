//! The home screen, when groups are saved: each group with its next meeting and places, and for
//! the selected one who to call, send a waiver or remind; pick one to prepare its session, start
//! one without a group, look at a group's roster, or save a new group.

use crate::domain::group::Group;
use crate::domain::roster::{Roster, ToContact};
use crate::session::follow_through;
use crate::store::groups::Stored;
use crate::store::paths::DataDir;
use crate::store::roster;
use crate::ui::typing::{self, Field, Typed};
use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the facilitator chose at home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// Prepare and run the next session of the group with this name.
    Group(String),
    /// Save a new group with this name, then come back.
    NewGroup(String),
    /// Show the roster of the group with this name, then come back.
    Roster(String),
    /// Show the history of the group with this name, then come back.
    History(String),
    /// A session for no saved group.
    NoGroup,
    Quit,
}

/// One group as the home screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLine {
    pub name: String,
    pub meets: String,
    pub next: Option<NaiveDateTime>,
    /// Places held, places and people waiting; or why the roster cannot be read.
    pub roster: Result<(usize, u32, usize), String>,
    /// Everything owed to whom, most urgent first: the roster's next steps, what sessions
    /// flagged, who missed two in a row, and referrers to tell.
    pub to_contact: Vec<ToContact>,
}

impl GroupLine {
    /// The group `stored` in `dir` at `now`: with everything owed from its roster and sessions.
    pub fn of(dir: &DataDir, stored: &Stored, now: NaiveDateTime) -> Self {
        let group: &Group = &stored.group;
        let next = group.next_meeting(now);
        let (roster, to_contact) = match Roster::load(&roster::path(&stored.folder)) {
            Ok(roster) => (
                Ok((roster.places_held(), group.capacity, roster.waiting_list().len())),
                follow_through::owed(dir, stored, &roster, now),
            ),
            Err(err) => (Err(err.to_string()), Vec::new()),
        };
        Self {
            name: group.name.clone(),
            meets: group.when_and_where(),
            next,
            roster,
            to_contact,
        }
    }
}

pub struct Home {
    pub groups: Vec<GroupLine>,
    pub selected: usize,
    /// A new group's name being typed.
    pub typing: Option<String>,
    pub message: Option<String>,
}

impl Home {
    pub fn new(groups: Vec<GroupLine>) -> Self {
        Self {
            groups,
            selected: 0,
            typing: None,
            message: None,
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Option<Picked> {
        self.message = None;
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Picked::Quit);
        }
        if let Some(text) = self.typing.take() {
            match typing::key(text, key) {
                Typed::Editing(text) => self.typing = Some(text),
                Typed::Done(name) if name.trim().is_empty() => {
                    self.message = Some("a group needs a name".to_owned());
                }
                Typed::Done(name) => return Some(Picked::NewGroup(name.trim().to_owned())),
                Typed::Cancelled => {}
            }
            return None;
        }
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(self.groups.len().saturating_sub(1));
            }
            KeyCode::Enter => {
                return self
                    .groups
                    .get(self.selected)
                    .map(|line| Picked::Group(line.name.clone()));
            }
            KeyCode::Char('r') => {
                return self
                    .groups
                    .get(self.selected)
                    .map(|line| Picked::Roster(line.name.clone()));
            }
            KeyCode::Char('h') => {
                return self
                    .groups
                    .get(self.selected)
                    .map(|line| Picked::History(line.name.clone()));
            }
            KeyCode::Char('s') => return Some(Picked::NoGroup),
            KeyCode::Char('n') => self.typing = Some(String::new()),
            KeyCode::Char('q') | KeyCode::Esc => return Some(Picked::Quit),
            _ => {}
        }
        None
    }
}

/// A new group's name, while it is typed.
impl Field for Home {
    fn field(&mut self) -> Option<&mut String> {
        self.typing.as_mut()
    }
}
