//! A group's roster: who was referred, where each stands on the way in, the places they hold
//! against the group's capacity, the waiting list, and whom to contact next.

mod contact;
mod error;
mod import;
mod newcomers;
mod owing;
mod status;

pub use contact::{Field, Reach, ReachEdit, check as check_reach};
pub use error::RosterError;
pub use import::{Entry, Imported};
pub use owing::{Closure, Owed, Reason, ToContact};
pub use status::Status;

use super::hands::{check_name, same_name};
use super::record::MAX_TEXT_CHARS;
use crate::util::text::sanitize;
use chrono::NaiveDate;
use std::fmt::Write;

/// A waiver still out after this many days is chased.
pub const CHASE_WAIVER_AFTER_DAYS: i64 = 7;

/// A call, message or letter, as the facilitator noted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub on: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    /// Who referred them: a care co-ordinator or a team.
    pub referred_by: String,
    pub referred_on: NaiveDate,
    pub status: Status,
    /// The day the status was set; the waiting list is in this order.
    pub status_since: NaiveDate,
    /// What would help them feel welcome.
    pub adjustments: String,
    /// Oldest first.
    pub contacts: Vec<Contact>,
    /// How to reach them and their referrer.
    pub reach: Reach,
    /// The day they last took up a place: their referrer is owed word of it until told.
    pub placed_on: Option<NaiveDate>,
}

/// Someone new, as their referral names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub name: String,
    pub referred_by: String,
    pub referred_on: NaiveDate,
    pub adjustments: String,
    pub reach: Reach,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Roster {
    /// In the order they were added.
    pub members: Vec<Member>,
    /// What was owed and is done, oldest first: kept, as part of each person's history.
    pub done: Vec<Closure>,
}

impl Roster {
    pub fn places_held(&self) -> usize {
        self.members.iter().filter(|m| m.status.holds_place()).count()
    }

    /// The member called `name`, ignoring case and surrounding spaces.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.members.iter().position(|m| same_name(&m.name, name))
    }

    /// Those waiting for a place, first in line first: by the day they went on the list, and
    /// within a day by roster order.
    pub fn waiting_list(&self) -> Vec<&Member> {
        let mut waiting: Vec<&Member> = (self.members.iter())
            .filter(|m| m.status == Status::WaitingList)
            .collect();
        // A stable sort keeps roster order within a day.
        waiting.sort_by_key(|m| m.status_since);
        waiting
    }

    /// Adds someone referred: to a place if one is free, else to the end of the waiting list.
    /// Says which, in words.
    pub fn add(
        &mut self,
        referral: Referral,
        capacity: u32,
        today: NaiveDate,
    ) -> Result<String, RosterError> {
        let name = check_name(&referral.name).map_err(RosterError::BadName)?;
        if let Some(found) = self.find(name) {
            let member = &self.members[found];
            return Err(RosterError::AlreadyOnRoster {
                name: member.name.clone(),
                status: member.status,
            });
        }
        let referred_by = brief("who referred them", &referral.referred_by)?;
        let adjustments = brief(WELCOME, &referral.adjustments)?;
        if referred_by.is_empty() {
            return Err(RosterError::NoReferrer);
        }
        contact::check(&referral.reach)?;
        not_after_today("referral", referral.referred_on, today)?;
        let full = !self.has_room(capacity);
        self.members.push(Member {
            name: name.to_owned(),
            referred_by: referred_by.to_owned(),
            referred_on: referral.referred_on,
            status: if full {
                Status::WaitingList
            } else {
                Status::Referred
            },
            status_since: today,
            adjustments: adjustments.to_owned(),
            contacts: Vec::new(),
            reach: referral.reach,
            placed_on: (!full).then_some(today),
        });
        let shown = sanitize(name);
        Ok(if full {
            format!(
                "The group is full ({}): {shown} goes on the waiting list, number {}.",
                self.places(capacity),
                self.waiting_list()
                    .iter()
                    .position(|m| m.name == name)
                    .map_or(0, |at| at + 1)
            )
        } else {
            format!(
                "{shown} is referred and holds a place ({} now held).",
                self.places(capacity)
            )
        })
    }

    /// Moves someone to `status` from today. Taking up a place needs one free; leaving one
    /// frees it, and the message then says who to offer it to.
    pub fn set_status(
        &mut self,
        name: &str,
        status: Status,
        capacity: u32,
        today: NaiveDate,
    ) -> Result<String, RosterError> {
        let who = self.member(name)?;
        let was = self.members[who].status;
        let shown = sanitize(&self.members[who].name);
        if was == status {
            return Err(RosterError::AlreadyIn {
                name: self.members[who].name.clone(),
                status,
            });
        }
        if status.holds_place() && !was.holds_place() && !self.has_room(capacity) {
            return Err(RosterError::Full {
                name: self.members[who].name.clone(),
                was,
                places: self.places(capacity),
                holders: (self.members.iter())
                    .filter(|m| m.status.holds_place())
                    .map(|m| m.name.clone())
                    .collect(),
            });
        }
        let member = &mut self.members[who];
        member.status = status;
        member.status_since = today;
        if status.holds_place() && !was.holds_place() {
            member.placed_on = Some(today);
        }
        let mut said = format!(
            "{shown}: {} → {} ({} held).",
            was.describe(),
            status.describe(),
            self.places(capacity)
        );
        if was.holds_place() && !status.holds_place() && self.has_room(capacity) {
            let first = self.waiting_list().first().map(|m| sanitize(&m.name));
            if let Some(first) = first {
                said.push_str(&format!(
                    " A place is free: offer it to {first}, first on the waiting list."
                ));
            }
        }
        // Confirmed straight from an earlier step: the group's confidentiality agreement is
        // not back, and the first session is no place to find out.
        if status == Status::Confirmed && was != Status::WaiverReturned {
            said.push_str(" Their confidentiality waiver has not come back: ask for it before the session.");
        }
        Ok(said)
    }

    /// Notes a contact with someone.
    pub fn log_contact(
        &mut self,
        name: &str,
        contact: Contact,
        today: NaiveDate,
    ) -> Result<String, RosterError> {
        let who = self.member(name)?;
        let note = brief("the contact's note", &contact.note)?;
        if note.is_empty() {
            return Err(RosterError::BlankContactNote);
        }
        not_after_today("contact", contact.on, today)?;
        let member = &mut self.members[who];
        member.contacts.push(Contact {
            on: contact.on,
            note: note.to_owned(),
        });
        // Contacts logged late still read oldest first; a stable sort keeps a day's in order.
        member.contacts.sort_by_key(|c| c.on);
        Ok(format!(
            "Contact with {} on {} noted ({} in all).",
            sanitize(&member.name),
            contact.on,
            member.contacts.len()
        ))
    }

    /// Takes someone off the roster with everything kept about them here: their contact
    /// details, contacts, adjustments and what was done for them. Says what went, and who is
    /// offered the place that frees.
    pub fn remove(&mut self, name: &str, capacity: u32) -> Result<String, RosterError> {
        let who = self.member(name)?;
        let member = self.members.remove(who);
        let before = self.done.len();
        self.done.retain(|done| !same_name(&done.name, &member.name));
        let mut said = format!(
            "{} is off the roster, with their contact details, {} contact(s) and {} thing(s) done.",
            sanitize(&member.name),
            member.contacts.len(),
            before - self.done.len()
        );
        if member.status.holds_place()
            && self.has_room(capacity)
            && let Some(first) = self.waiting_list().first()
        {
            let _ = write!(
                said,
                " A place is free: offer it to {}, first on the waiting list.",
                sanitize(&first.name)
            );
        }
        Ok(said)
    }

    /// Changes how someone is reached, each field checked; says what they have now.
    pub fn edit_reach(&mut self, name: &str, edit: ReachEdit) -> Result<String, RosterError> {
        let who = self.member(name)?;
        let reach = contact::edited(&self.members[who].reach, edit)?;
        let member = &mut self.members[who];
        member.reach = reach;
        Ok(format!(
            "{}: {}.",
            sanitize(&member.name),
            contact::describe(&member.reach)
        ))
    }

    /// Replaces what someone asked for to feel welcome; empty text clears it.
    pub fn adjust(&mut self, name: &str, text: &str) -> Result<String, RosterError> {
        let who = self.member(name)?;
        let text = brief(WELCOME, text)?;
        let member = &mut self.members[who];
        member.adjustments = text.to_owned();
        let shown = sanitize(&member.name);
        Ok(if member.adjustments.is_empty() {
            format!("{shown} has no adjustments noted now.")
        } else {
            format!("Adjustments for {shown}: {}", sanitize(&member.adjustments))
        })
    }

    /// The confirmed members' names in roster order: a session's expected participants.
    pub fn expected(&self) -> Vec<String> {
        (self.members.iter())
            .filter(|m| m.status == Status::Confirmed)
            .map(|m| m.name.clone())
            .collect()
    }

    /// The roster's own next steps today and why, most urgent first; within one reason, who
    /// has waited longest first. `owed::to_contact` adds what sessions and referrers are owed.
    pub fn to_contact(
        &self,
        capacity: u32,
        today: NaiveDate,
        next_meeting: Option<NaiveDate>,
    ) -> Vec<ToContact> {
        let meets_tomorrow = next_meeting.is_some() && next_meeting == today.succ_opt();
        let days = |m: &Member| (today - m.status_since).num_days();
        let mut due: Vec<(&Member, ToContact)> = (self.members.iter())
            .filter_map(|m| {
                let (reason, why, since) = match m.status {
                    Status::Referred => (
                        Reason::Introduce,
                        "call to introduce the group".to_owned(),
                        m.status_since,
                    ),
                    Status::Contacted => (
                        Reason::SendWaiver,
                        "send the confidentiality waiver".to_owned(),
                        m.status_since,
                    ),
                    Status::WaiverSent if days(m) >= CHASE_WAIVER_AFTER_DAYS => (
                        Reason::ChaseWaiver,
                        format!("chase the waiver (sent {} days ago)", days(m)),
                        m.status_since,
                    ),
                    // A reminder drafted or a call made today is the reminder done; it is owed
                    // because of tomorrow, not because of how long they have been confirmed.
                    Status::Confirmed if meets_tomorrow && m.contacts.last().is_none_or(|c| c.on < today) => {
                        (
                            Reason::Reminder,
                            "reminder: the group meets tomorrow".to_owned(),
                            today,
                        )
                    }
                    _ => return None,
                };
                Some((
                    m,
                    ToContact {
                        name: m.name.clone(),
                        why,
                        since,
                        reason,
                    },
                ))
            })
            .collect();
        let free = (capacity as usize).saturating_sub(self.places_held());
        due.extend((self.waiting_list().into_iter().take(free)).map(|m| {
            let offer = ToContact {
                name: m.name.clone(),
                why: "a place is free: offer it".to_owned(),
                since: m.status_since,
                reason: Reason::OfferPlace,
            };
            (m, offer)
        }));
        // A stable sort keeps roster order among those with the same reason and day.
        due.sort_by_key(|(m, due)| (due.reason, m.status_since));
        due.into_iter().map(|(_, due)| due).collect()
    }

    fn has_room(&self, capacity: u32) -> bool {
        self.places_held() < capacity as usize
    }

    /// `3 of 8 places`
    fn places(&self, capacity: u32) -> String {
        format!("{} of {capacity} places", self.places_held())
    }

    /// The member called `name`, or a message saying who is on the roster.
    pub fn member(&self, name: &str) -> Result<usize, RosterError> {
        self.find(name).ok_or_else(|| RosterError::NoSuchMember {
            name: name.to_owned(),
            members: self.members.iter().map(|m| m.name.clone()).collect(),
        })
    }
}

/// `text` without spaces around it, when it is no longer than a record's text: a note, never a
/// document, so no paste can grow the roster past the size holdspace reads back.
fn brief<'t>(what: &'static str, text: &'t str) -> Result<&'t str, RosterError> {
    let text = text.trim();
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(RosterError::TooLong { what });
    }
    Ok(text)
}

/// What adjustments are, as an error names them.
const WELCOME: &str = "what would help them feel welcome";

fn not_after_today(what: &'static str, date: NaiveDate, today: NaiveDate) -> Result<(), RosterError> {
    if date > today {
        return Err(RosterError::AfterToday { what, date, today });
    }
    Ok(())
}
