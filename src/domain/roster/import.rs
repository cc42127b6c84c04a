//! A person as a team's own tracker has them, brought onto the roster: someone new is added as
//! `roster add` adds them, with every check it makes, then given the status and days the
//! tracker holds; someone already on it is updated with what the tracker says differently.

use super::{
    Member, Reach, ReachEdit, Referral, Roster, RosterError, Status, brief, contact, not_after_today,
};
use chrono::NaiveDate;

/// One person's row of a tracker. `None` is a column the tracker lacks or a blank cell: it
/// leaves what the roster has, or takes what `roster add` would give.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    pub name: String,
    pub referred_by: Option<String>,
    pub referred_on: Option<NaiveDate>,
    pub status: Option<Status>,
    pub status_since: Option<NaiveDate>,
    pub adjustments: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub referrer: Option<String>,
    pub link_sent: Option<bool>,
    pub placed_on: Option<NaiveDate>,
}

/// What bringing an entry in did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    Added {
        name: String,
        status: Status,
    },
    /// Already on the roster; `changed` names what the tracker changed.
    Updated {
        name: String,
        changed: Vec<&'static str>,
    },
    /// Already on the roster just as the tracker has them.
    Unchanged {
        name: String,
    },
}

impl Roster {
    /// Brings `entry` onto the roster on `today`. A new person is added whatever the group's
    /// capacity: the tracker records places the team has already given.
    pub fn import(&mut self, entry: Entry, today: NaiveDate) -> Result<Imported, RosterError> {
        let referral = Referral {
            name: entry.name.clone(),
            referred_by: entry.referred_by.clone().unwrap_or_default(),
            referred_on: entry.referred_on.unwrap_or(today),
            adjustments: entry.adjustments.clone().unwrap_or_default(),
            reach: Reach::default(),
        };
        // `add` looks for them first: a tracker of thousands is then read in one pass each.
        match self.add(referral, u32::MAX, today) {
            Ok(_) => {}
            Err(RosterError::AlreadyOnRoster { .. }) => {
                let at = self.member(&entry.name)?;
                return self.update_from(at, entry, today, false);
            }
            Err(err) => return Err(err),
        }
        let at = self.members.len() - 1;
        // The rest as for someone already on it, so one set of checks covers both.
        match self.update_from(at, entry, today, true) {
            Ok(_) => {
                let member = &self.members[at];
                Ok(Imported::Added {
                    name: member.name.clone(),
                    status: member.status,
                })
            }
            Err(err) => {
                self.members.pop();
                Err(err)
            }
        }
    }

    /// Gives the member at `at` what `entry` holds, each field checked as its own command
    /// checks it (the contact details as `edit_reach` checks them); on a refusal the member is
    /// as they were. `fresh`: just added, so the days
    /// `add` gave them stand for nothing the tracker said.
    fn update_from(
        &mut self,
        at: usize,
        entry: Entry,
        today: NaiveDate,
        fresh: bool,
    ) -> Result<Imported, RosterError> {
        let before = self.members[at].clone();
        let mut after = before.clone();
        if let Some(referred_by) = &entry.referred_by {
            let referred_by = brief("who referred them", referred_by)?;
            if referred_by.is_empty() {
                return Err(RosterError::NoReferrer);
            }
            after.referred_by = referred_by.to_owned();
        }
        if let Some(day) = entry.referred_on {
            not_after_today("referral", day, today)?;
            after.referred_on = day;
        }
        if let Some(text) = &entry.adjustments {
            after.adjustments = brief(super::WELCOME, text)?.to_owned();
        }
        if let Some(status) = entry.status {
            after.status = status;
        }
        if let Some(day) = entry.status_since {
            not_after_today("status", day, today)?;
            after.status_since = day;
        } else if after.status != before.status {
            // As `roster set` dates a move.
            after.status_since = today;
        }
        if let Some(day) = entry.placed_on {
            not_after_today("place", day, today)?;
            after.placed_on = Some(day);
        } else if fresh {
            after.placed_on = after.status.holds_place().then_some(after.status_since);
        } else if after.status.holds_place() && !before.status.holds_place() {
            // As `roster set` places someone.
            after.placed_on = Some(after.status_since);
        }
        let edit = ReachEdit {
            email: entry.email,
            phone: entry.phone,
            referrer: entry.referrer,
            link_sent: entry.link_sent,
        };
        after.reach = contact::edited(&before.reach, edit)?;
        let changed = changes(&before, &after);
        self.members[at] = after;
        let name = before.name;
        Ok(if changed.is_empty() {
            Imported::Unchanged { name }
        } else {
            Imported::Updated { name, changed }
        })
    }
}

/// The fields that differ between `before` and `after`, as the tracker's columns name them.
fn changes(before: &Member, after: &Member) -> Vec<&'static str> {
    [
        (before.referred_by != after.referred_by, "referred by"),
        (before.referred_on != after.referred_on, "referred on"),
        (before.status != after.status, "status"),
        (before.status_since != after.status_since, "status since"),
        (before.adjustments != after.adjustments, "adjustments"),
        (before.reach.email != after.reach.email, "email"),
        (before.reach.phone != after.reach.phone, "phone"),
        (before.reach.referrer != after.reach.referrer, "care co-ordinator"),
        (before.reach.link_sent != after.reach.link_sent, "link sent"),
        (before.placed_on != after.placed_on, "placed on"),
    ]
    .into_iter()
    .filter_map(|(differs, field)| differs.then_some(field))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, n).unwrap()
    }

    fn entry(name: &str) -> Entry {
        Entry {
            name: name.to_owned(),
            referred_by: Some("CMHT North".to_owned()),
            referred_on: Some(day(2)),
            status: Some(Status::Confirmed),
            status_since: Some(day(5)),
            ..Entry::default()
        }
    }

    #[test]
    fn someone_new_is_added_with_the_trackers_status_and_days_whatever_the_capacity() {
        let mut roster = Roster::default();
        let said = roster.import(entry("Ana"), day(9)).unwrap();
        assert_eq!(
            said,
            Imported::Added {
                name: "Ana".to_owned(),
                status: Status::Confirmed
            }
        );
        let ana = &roster.members[0];
        assert_eq!(
            (ana.referred_on, ana.status_since, ana.placed_on),
            (day(2), day(5), Some(day(5)))
        );
    }

    #[test]
    fn someone_on_the_roster_is_updated_or_left_and_never_added_twice() {
        let mut roster = Roster::default();
        roster.import(entry("Ana"), day(9)).unwrap();
        assert_eq!(
            roster.import(entry(" ANA "), day(9)).unwrap(),
            Imported::Unchanged {
                name: "Ana".to_owned()
            }
        );
        let phoned = Entry {
            phone: Some("07700 900123".to_owned()),
            ..entry("ana")
        };
        assert_eq!(
            roster.import(phoned, day(9)).unwrap(),
            Imported::Updated {
                name: "Ana".to_owned(),
                changed: vec!["phone"]
            }
        );
        assert_eq!(roster.members.len(), 1);
        let waiting = Entry {
            status: Some(Status::WaitingList),
            status_since: None,
            ..entry("Ana")
        };
        roster.import(waiting, day(9)).unwrap();
        let ana = &roster.members[0];
        assert_eq!(
            (ana.status_since, ana.placed_on),
            (day(9), Some(day(5))),
            "dated as `set` dates"
        );
    }

    #[test]
    fn a_refused_entry_changes_nothing() {
        let mut roster = Roster::default();
        let bad = Entry {
            email: Some("ana at example".to_owned()),
            ..entry("Ana")
        };
        assert!(matches!(
            roster.import(bad, day(9)),
            Err(RosterError::BadContact { .. })
        ));
        assert!(roster.members.is_empty(), "a new person is not left half added");
        roster.import(entry("Ana"), day(9)).unwrap();
        let before = roster.clone();
        let late = Entry {
            status_since: Some(day(20)),
            ..entry("Ana")
        };
        assert!(matches!(
            roster.import(late, day(9)),
            Err(RosterError::AfterToday { .. })
        ));
        assert_eq!(roster, before);
        let unnamed = Entry {
            referred_by: Some(" ".to_owned()),
            ..entry("Bo")
        };
        assert_eq!(roster.import(unnamed, day(9)), Err(RosterError::NoReferrer));
    }
}
