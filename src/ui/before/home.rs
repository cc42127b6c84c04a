//! The home screen, when groups are saved: each group with its next meeting and places, and for
//! the selected one who to call, send a waiver or remind; pick one to prepare its session, start
//! one without a group, look at a group's roster, or save a new group.

use crate::domain::group::Group;
use crate::domain::roster::{Roster, ToContact};
use crate::session::follow_through;
use crate::store::groups::Stored;
use crate::store::paths::DataDir;
use crate::store::roster;
use crate::ui::before::keys::{self, Key};
use crate::ui::before::new_group::{Formed, NewGroup};
use crate::ui::typing::Field;
use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the facilitator chose at home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// Prepare and run the next session of the group with this name.
    Group(String),
    /// Save this new group, its fields checked, then come back.
    NewGroup(Box<Group>),
    /// Show the roster of the group with this name, then come back.
    Roster(String),
    /// Show the history of the group with this name, then come back.
    History(String),
    /// A session for no saved group.
    NoGroup,
    Quit,
}

/// What a key at home does, by the table below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeKey {
    Prepare,
    Roster,
    History,
    Up,
    Down,
    NewGroup,
    NoGroup,
    Quit,
}

/// The home screen's keys: its footer, its `?` help and its key handling all read them here.
pub const KEYS: &[Key<HomeKey>] = &[
    Key {
        names: "Enter",
        does: "prepares the group's session",
        codes: &[(KeyCode::Enter, HomeKey::Prepare)],
    },
    Key {
        names: "r",
        does: "its roster",
        codes: &[(KeyCode::Char('r'), HomeKey::Roster)],
    },
    Key {
        names: "h",
        does: "its history",
        codes: &[(KeyCode::Char('h'), HomeKey::History)],
    },
    Key {
        names: "↑↓ k j",
        does: "select",
        codes: &[
            (KeyCode::Up, HomeKey::Up),
            (KeyCode::Char('k'), HomeKey::Up),
            (KeyCode::Down, HomeKey::Down),
            (KeyCode::Char('j'), HomeKey::Down),
        ],
    },
    Key {
        names: "n",
        does: "new group",
        codes: &[(KeyCode::Char('n'), HomeKey::NewGroup)],
    },
    Key {
        names: "s",
        does: "session without a group",
        codes: &[(KeyCode::Char('s'), HomeKey::NoGroup)],
    },
    // `keys::help_key` takes `?` before the table is read.
    Key {
        names: "?",
        does: "keys",
        codes: &[],
    },
    // Quits at once, with nothing to confirm: nothing at home is kept only in memory (groups
    // and rosters are saved as they change), and a name being typed takes q as a letter.
    Key {
        names: "q",
        does: "quits",
        codes: &[(KeyCode::Char('q'), HomeKey::Quit)],
    },
];

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
    /// A new group being made, a field at a time.
    pub new_group: Option<NewGroup>,
    pub message: Option<String>,
    /// The keys are shown over the list.
    pub help: bool,
}

impl Home {
    pub fn new(groups: Vec<GroupLine>) -> Self {
        Self {
            groups,
            selected: 0,
            new_group: None,
            message: None,
            help: false,
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Option<Picked> {
        self.message = None;
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Picked::Quit);
        }
        if let Some(mut form) = self.new_group.take() {
            match form.key(key) {
                Formed::Editing => self.new_group = Some(form),
                Formed::Refused(why) => {
                    self.message = Some(why);
                    self.new_group = Some(form);
                }
                Formed::Made(group) => return Some(Picked::NewGroup(group)),
                Formed::Cancelled => {}
            }
            return None;
        }
        if keys::help_key(&mut self.help, key) {
            return None;
        }
        let selected = self.groups.get(self.selected).map(|line| line.name.clone());
        match keys::lookup(KEYS, key.code) {
            Some(HomeKey::Prepare) => return selected.map(Picked::Group),
            Some(HomeKey::Roster) => return selected.map(Picked::Roster),
            Some(HomeKey::History) => return selected.map(Picked::History),
            Some(HomeKey::Up) => self.selected = self.selected.saturating_sub(1),
            Some(HomeKey::Down) => {
                self.selected = (self.selected + 1).min(self.groups.len().saturating_sub(1));
            }
            Some(HomeKey::NewGroup) => self.new_group = Some(NewGroup::new()),
            Some(HomeKey::NoGroup) => return Some(Picked::NoGroup),
            Some(HomeKey::Quit) => return Some(Picked::Quit),
            // Esc closes what is open (a help, a name being typed) and never quits: pressed once
            // too often it would end the app.
            None if key.code == KeyCode::Esc => self.message = Some("nothing to close: q quits".to_owned()),
            None => {}
        }
        None
    }
}

/// A new group's name, while it is typed.
impl Field for Home {
    fn field(&mut self) -> Option<&mut String> {
        self.new_group.as_mut().map(NewGroup::field)
    }
}
