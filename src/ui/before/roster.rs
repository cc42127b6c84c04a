//! A group's roster on screen, from the home screen: who holds a place, who is waiting, their
//! referral, adjustments and last contact; a number key sets the selected person's status, as
//! `holdspace roster GROUP set` does, with the same places rule, and `d` notes something owed to
//! them done, how and to whom, as `roster GROUP done` does.

use crate::domain::owed::{self, Held};
use crate::domain::roster::{Closure, Owed, Roster, Status};
use crate::store::disk::Disk;
use crate::store::roster;
use crate::store::toml_file::FileError;
use crate::ui::before::keys::{self, Key};
use crate::ui::typing::{self, Field, Typed};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

pub struct RosterView {
    pub group: String,
    pub capacity: u32,
    /// The roster file; changes are made to it under its lock, then read back.
    pub path: PathBuf,
    pub roster: Roster,
    pub selected: usize,
    pub message: Option<String>,
    /// The group's sessions, which decide what is owed, and its next meeting.
    pub held: Vec<Held>,
    pub next_meeting: Option<NaiveDate>,
    /// Noting something done for the selected person, step by step.
    pub done: Option<Done>,
    /// The keys are shown over the roster.
    pub help: bool,
}

/// What a key on the roster does, by the table below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterKey {
    /// Sets the status `Status::ALL[n]`.
    Status(usize),
    Done,
    Up,
    Down,
    Back,
}

/// The roster's keys, for its key handling, footer and `?` help; the footer spells the first
/// row's statuses out.
pub const KEYS: &[Key<RosterKey>] = &[
    Key {
        names: "1-8",
        does: "sets the selected person's status",
        codes: &[
            (KeyCode::Char('1'), RosterKey::Status(0)),
            (KeyCode::Char('2'), RosterKey::Status(1)),
            (KeyCode::Char('3'), RosterKey::Status(2)),
            (KeyCode::Char('4'), RosterKey::Status(3)),
            (KeyCode::Char('5'), RosterKey::Status(4)),
            (KeyCode::Char('6'), RosterKey::Status(5)),
            (KeyCode::Char('7'), RosterKey::Status(6)),
            (KeyCode::Char('8'), RosterKey::Status(7)),
        ],
    },
    Key {
        names: "d",
        does: "done",
        codes: &[(KeyCode::Char('d'), RosterKey::Done)],
    },
    Key {
        names: "↑↓ k j",
        does: "select",
        codes: &[
            (KeyCode::Up, RosterKey::Up),
            (KeyCode::Char('k'), RosterKey::Up),
            (KeyCode::Down, RosterKey::Down),
            (KeyCode::Char('j'), RosterKey::Down),
        ],
    },
    // `keys::help_key` takes `?` before the table is read.
    Key {
        names: "?",
        does: "keys",
        codes: &[],
    },
    Key {
        names: "Esc q",
        does: "back",
        codes: &[
            (KeyCode::Esc, RosterKey::Back),
            (KeyCode::Char('q'), RosterKey::Back),
        ],
    },
];

/// The steps of noting something done: which kind, then how and to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    Choosing,
    Noting { owed: Owed, note: String },
}

/// The key that chooses each kind, in the order offered.
pub const DONE_KEYS: [(char, Owed); 6] = [
    ('s', Owed::Safeguarding),
    ('o', Owed::OneToOne),
    ('c', Owed::Call),
    ('r', Owed::Referrer),
    ('w', Owed::Waiver),
    ('e', Owed::Welcome),
];

impl RosterView {
    pub fn open(group: &str, capacity: u32, path: PathBuf) -> Result<Self, FileError> {
        Ok(Self {
            group: group.to_owned(),
            capacity,
            roster: Roster::load(&path)?,
            path,
            selected: 0,
            message: None,
            held: Vec::new(),
            next_meeting: None,
            done: None,
            help: false,
        })
    }

    /// The view with the group's sessions and next meeting, so what is owed can be closed.
    #[must_use]
    pub fn with_sessions(self, held: Vec<Held>, next_meeting: Option<NaiveDate>) -> Self {
        Self {
            held,
            next_meeting,
            ..self
        }
    }

    /// Acts on a key on `today`; false once the view should close.
    pub fn on_key(&mut self, key: KeyEvent, disk: &dyn Disk, today: NaiveDate) -> bool {
        self.message = None;
        if let Some(step) = self.done.take() {
            self.done_key(step, key, disk, today);
            return true;
        }
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return false;
        }
        if keys::help_key(&mut self.help, key) {
            return true;
        }
        let last = self.roster.members.len().saturating_sub(1);
        match keys::lookup(KEYS, key.code) {
            Some(RosterKey::Back) => return false,
            Some(RosterKey::Up) => self.selected = self.selected.saturating_sub(1),
            Some(RosterKey::Down) => self.selected = (self.selected + 1).min(last),
            Some(RosterKey::Status(index)) => self.set(Status::ALL[index], disk, today),
            Some(RosterKey::Done) if self.roster.members.is_empty() => self.nobody(),
            Some(RosterKey::Done) => self.done = Some(Done::Choosing),
            None => {}
        }
        true
    }

    fn nobody(&mut self) {
        self.message = Some("no one is on the roster yet: `holdspace roster GROUP add NAME`".to_owned());
    }

    /// A key while noting something done: the kind, then the note, saved with Enter.
    fn done_key(&mut self, step: Done, key: KeyEvent, disk: &dyn Disk, today: NaiveDate) {
        match step {
            Done::Choosing => match key.code {
                KeyCode::Esc => {}
                KeyCode::Char(c) => match DONE_KEYS.iter().find(|(key, _)| *key == c) {
                    Some((_, owed)) => {
                        self.done = Some(Done::Noting {
                            owed: *owed,
                            note: String::new(),
                        });
                    }
                    None => self.done = Some(Done::Choosing),
                },
                _ => self.done = Some(Done::Choosing),
            },
            Done::Noting { owed, note } => match typing::key(note, key) {
                Typed::Editing(note) => self.done = Some(Done::Noting { owed, note }),
                Typed::Done(note) => self.close(owed, note, disk, today),
                Typed::Cancelled => {}
            },
        }
    }

    /// Notes `owed` done today for the selected person, with `note`, if it is owed them.
    fn close(&mut self, owed: Owed, note: String, disk: &dyn Disk, today: NaiveDate) {
        let Some(name) = self.selected_name() else {
            return self.nobody();
        };
        let closure = Closure {
            name,
            owed,
            on: today,
            note,
        };
        let (capacity, next) = (self.capacity, self.next_meeting);
        let held = &self.held;
        let said = roster::update(&self.path, disk, |roster| {
            owed::close(roster, held, capacity, today, next, closure)
        });
        self.saved(said.map_err(|err| err.to_string()));
    }

    fn selected_name(&self) -> Option<String> {
        (self.roster.members.get(self.selected)).map(|member| member.name.clone())
    }

    /// Says what a change said, and reads the roster back as it is on disk now, with any change
    /// another holdspace or command made meanwhile.
    fn saved(&mut self, said: Result<String, String>) {
        self.message = Some(said.unwrap_or_else(|err| err));
        match Roster::load(&self.path) {
            Ok(roster) => self.roster = roster,
            Err(err) => self.message = Some(err.to_string()),
        }
        self.selected = self.selected.min(self.roster.members.len().saturating_sub(1));
    }

    fn set(&mut self, status: Status, disk: &dyn Disk, today: NaiveDate) {
        let Some(name) = self.selected_name() else {
            return self.nobody();
        };
        let capacity = self.capacity;
        let said = roster::update(&self.path, disk, |roster| {
            roster.set_status(&name, status, capacity, today)
        });
        self.saved(said.map_err(|err| err.to_string()));
    }
}

/// Only the note of something done is typed on the roster: a paste elsewhere does nothing,
/// where its digits as keys would set statuses.
impl Field for RosterView {
    fn field(&mut self) -> Option<&mut String> {
        match &mut self.done {
            Some(Done::Noting { note, .. }) => Some(note),
            _ => None,
        }
    }
}
