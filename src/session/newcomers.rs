//! The review's last question for a saved group: whether to add to its roster those who came to
//! the session without being on it. Added through the roster's own add, under its lock, as
//! `holdspace roster GROUP add` adds, so every check a referral meets holds.

use crate::domain::Session;
use crate::domain::roster::{Reach, Referral, Roster, RosterError};
use crate::store::disk::Disk;
use crate::store::groups;
use crate::store::paths::DataDir;
use crate::store::roster::{self, UpdateError};
use crate::store::toml_file::FileError;
use chrono::NaiveDate;
use std::path::PathBuf;

/// Who referred someone who came to a session unannounced, as their roster entry says.
pub const CAME_ON_THE_DAY: &str = "came on the day";

/// Those to offer a place on the group's roster, and the roster as it was read to word the offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub names: Vec<String>,
    pub roster: Roster,
    pub capacity: u32,
    path: PathBuf,
}

/// The offer for the session's group; `None` for a rehearsal, a group that is not saved, or
/// when everyone who attended is on its roster already. A group without a roster file has an
/// empty roster, and gets the file once someone is added.
pub fn offer(dir: &DataDir, session: &Session) -> Result<Option<Offer>, FileError> {
    if session.meta.rehearsal {
        return Ok(None);
    }
    let Ok(stored) = groups::find(dir, &session.meta.plan.group) else {
        return Ok(None);
    };
    let path = roster::path(&stored.folder);
    let roster = Roster::load(&path)?;
    let names = roster.newcomers(session);
    Ok((!names.is_empty()).then_some(Offer {
        names,
        roster,
        capacity: stored.group.capacity,
        path,
    }))
}

impl Offer {
    /// Adds `names` to the roster as it is now, referred on the session's day, all or none;
    /// says what the roster said of each.
    pub fn add(
        &self,
        names: &[String],
        disk: &dyn Disk,
        referred_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<String, UpdateError<RosterError>> {
        roster::update(&self.path, disk, |roster| {
            let said: Result<Vec<String>, RosterError> = (names.iter())
                .map(|name| {
                    let referral = Referral {
                        name: name.clone(),
                        referred_by: CAME_ON_THE_DAY.to_owned(),
                        referred_on,
                        adjustments: String::new(),
                        reach: Reach::default(),
                    };
                    roster.add(referral, self.capacity, today)
                })
                .collect();
            Ok(said?.join(" "))
        })
    }
}
