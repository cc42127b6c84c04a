//! Follow-through for a saved group: its sessions read as the domain's `Held`, and with its
//! roster, everything owed to whom until it is done.

use crate::domain::owed::{self, Held, Seen};
use crate::domain::roster::{Roster, ToContact};
use crate::session::group;
use crate::session::history;
use crate::store::groups::Stored;
use crate::store::log::SessionLog;
use crate::store::paths::DataDir;
use crate::util::format::Zone;
use chrono::NaiveDateTime;

/// The group's real sessions, oldest first, as follow-through reads them: each on its local day.
pub fn held(sessions: &[&SessionLog], zone: Zone) -> Vec<Held> {
    sessions
        .iter()
        .map(|log| Held {
            on: zone.day_of(log.started_at),
            people: (log.participants.iter())
                .map(|person| Seen {
                    name: person.name.clone(),
                    attendance: person.attendance,
                    flags: person.follow_ups.clone(),
                })
                .collect(),
        })
        .collect()
}

/// The saved group `stored`'s real sessions, oldest first, each on its local day.
pub fn held_for(dir: &DataDir, stored: &Stored) -> Vec<Held> {
    let logs = group::saved(dir, &stored.group.name);
    held(&history::sessions(&logs, &stored.group.name), Zone::Local)
}

/// Everything owed for the group `stored` at `now`, from its roster and its saved sessions.
pub fn owed(dir: &DataDir, stored: &Stored, roster: &Roster, now: NaiveDateTime) -> Vec<ToContact> {
    let next = stored.group.next_meeting(now).map(|at| at.date());
    owed::to_contact(
        roster,
        &held_for(dir, stored),
        stored.group.capacity,
        now.date(),
        next,
    )
}
