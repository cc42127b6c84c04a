//! A group's roster on screen, from the home screen: who holds a place, who is waiting, their
//! referral, adjustments and last contact; a number key sets the selected person's status, as
//! `holdspace roster GROUP set` does, with the same places rule.

use crate::domain::roster::{Roster, Status};
use crate::store::disk::Disk;
use crate::store::roster;
use crate::store::toml_file::FileError;
use crate::ui::typing::Field;
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
}

impl RosterView {
    pub fn open(group: &str, capacity: u32, path: PathBuf) -> Result<Self, FileError> {
        Ok(Self {
            group: group.to_owned(),
            capacity,
            roster: Roster::load(&path)?,
            path,
            selected: 0,
            message: None,
        })
    }

    /// Acts on a key on `today`; false once the view should close.
    pub fn on_key(&mut self, key: KeyEvent, disk: &dyn Disk, today: NaiveDate) -> bool {
        self.message = None;
        let last = self.roster.members.len().saturating_sub(1);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return false,
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => return false,
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::Char(digit @ '1'..='8') => {
                let status = Status::ALL[usize::from(digit as u8 - b'1')];
                self.set(status, disk, today);
            }
            _ => {}
        }
        true
    }

    fn set(&mut self, status: Status, disk: &dyn Disk, today: NaiveDate) {
        let Some(name) = self
            .roster
            .members
            .get(self.selected)
            .map(|member| member.name.clone())
        else {
            self.message = Some("no one is on the roster yet: `holdspace roster GROUP add NAME`".to_owned());
            return;
        };
        let capacity = self.capacity;
        let said = roster::update(&self.path, disk, |roster| {
            roster.set_status(&name, status, capacity, today)
        });
        self.message = Some(match said {
            Ok(said) => said,
            Err(err) => err.to_string(),
        });
        // What is on disk now, with any change another holdspace or command made meanwhile.
        match Roster::load(&self.path) {
            Ok(roster) => self.roster = roster,
            Err(err) => self.message = Some(err.to_string()),
        }
        self.selected = self.selected.min(self.roster.members.len().saturating_sub(1));
    }
}

/// Nothing is typed on the roster: a paste does nothing, where its digits as keys would set
/// statuses.
impl Field for RosterView {
    fn field(&mut self) -> Option<&mut String> {
        None
    }
}
