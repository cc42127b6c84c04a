//! What the roster says is owed to whom and why, and what was owed and is done: the reasons
//! in their order of urgency, and the closures `roster GROUP done` records.

use super::{Roster, RosterError, brief, not_after_today};
use crate::domain::hands::{check_name, same_name};
use crate::util::text::sanitize;
use chrono::NaiveDate;
use std::str::FromStr;

/// Someone to get in touch with, and what about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToContact {
    pub name: String,
    pub why: String,
    /// The day it became owed.
    pub since: NaiveDate,
    pub reason: Reason,
}

/// Why someone is to be contacted, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// A concern raised in a session, to pass on.
    Safeguarding,
    /// Tomorrow's session cannot wait.
    Reminder,
    /// Overdue already.
    ChaseWaiver,
    /// Offered in a session.
    OneToOne,
    /// Asked for in a session, or because they missed two sessions in a row.
    Call,
    /// Someone has waited longest of all.
    OfferPlace,
    Introduce,
    SendWaiver,
    /// A change their referrer should hear of.
    TellReferrer,
}

impl Reason {
    /// The mark it carries in lists, as the follow-up glyphs are on screen.
    pub fn mark(self) -> char {
        match self {
            Self::Safeguarding => '⚑',
            Self::OneToOne => '◎',
            Self::Call => '☎',
            Self::TellReferrer => '✉',
            Self::Reminder | Self::ChaseWaiver | Self::OfferPlace | Self::Introduce | Self::SendWaiver => '·',
        }
    }

    /// What `roster GROUP done NAME KIND` closes it with. Tomorrow's reminder and a free place
    /// are closed only by what they ask for: a contact noted, the person moved on.
    pub fn owed(self) -> Option<Owed> {
        match self {
            Self::Safeguarding => Some(Owed::Safeguarding),
            Self::OneToOne => Some(Owed::OneToOne),
            Self::Call => Some(Owed::Call),
            Self::TellReferrer => Some(Owed::Referrer),
            Self::SendWaiver | Self::ChaseWaiver => Some(Owed::Waiver),
            Self::Introduce => Some(Owed::Welcome),
            Self::Reminder | Self::OfferPlace => None,
        }
    }
}

/// What the facilitator can owe someone between sessions, as `roster GROUP done NAME KIND`
/// closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Owed {
    /// A safeguarding concern to pass to the person's care co-ordinator.
    Safeguarding,
    /// A one-to-one offered, to arrange.
    OneToOne,
    /// A call: asked for in a session, or because they stopped coming.
    Call,
    /// Their referrer to tell of a change: a place, the waiting list, a first session, leaving.
    Referrer,
    Waiver,
    Welcome,
}

impl Owed {
    pub const ALL: [Self; 6] = [
        Self::Safeguarding,
        Self::OneToOne,
        Self::Call,
        Self::Referrer,
        Self::Waiver,
        Self::Welcome,
    ];

    /// As the command line and the roster file spell it.
    pub fn key(self) -> &'static str {
        match self {
            Self::Safeguarding => "safeguarding",
            Self::OneToOne => "one-to-one",
            Self::Call => "call",
            Self::Referrer => "referrer",
            Self::Waiver => "waiver",
            Self::Welcome => "welcome",
        }
    }

    /// Every kind as spelt, for messages that say what would be valid.
    pub fn valid() -> String {
        Self::ALL.map(Self::key).join(", ")
    }
}

impl FromStr for Owed {
    type Err = RosterError;

    /// Also takes `one_to_one`, `One to one` and the like.
    fn from_str(text: &str) -> Result<Self, RosterError> {
        let wanted = text.trim().to_lowercase().replace(['_', ' '], "-");
        Self::ALL
            .into_iter()
            .find(|owed| owed.key() == wanted)
            .ok_or_else(|| RosterError::NotAKind(text.to_owned()))
    }
}

/// Something owed, done: when, and how and to whom, as the facilitator noted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    pub name: String,
    pub owed: Owed,
    pub on: NaiveDate,
    pub note: String,
}

/// A referral or a contact cannot be dated in the future: that is a typing slip.
impl Roster {
    /// Records `closure`, which `open` says is owed: whatever of its kind was owed to that
    /// person up to its day is done. Says what was closed.
    pub fn close(&mut self, closure: Closure, open: bool, today: NaiveDate) -> Result<String, RosterError> {
        let name = check_name(&closure.name)
            .map_err(RosterError::BadName)?
            .to_owned();
        if !open {
            return Err(RosterError::NothingOpen {
                name,
                owed: closure.owed,
            });
        }
        let note = brief("the note of what was done", &closure.note)?;
        if note.is_empty() {
            return Err(RosterError::BlankDoneNote);
        }
        not_after_today("done", closure.on, today)?;
        let said = format!(
            "Done: {} · {} on {} ({}).",
            sanitize(&name),
            closure.owed.key(),
            closure.on,
            sanitize(note)
        );
        self.done.push(Closure {
            name,
            note: note.to_owned(),
            ..closure
        });
        // Done late still reads oldest first; a stable sort keeps a day's in order.
        self.done.sort_by_key(|done| done.on);
        Ok(said)
    }

    /// The last day `owed` was done for the person called `name`, if ever.
    pub fn done_on(&self, name: &str, owed: Owed) -> Option<NaiveDate> {
        (self.done.iter())
            .filter(|done| done.owed == owed && same_name(&done.name, name))
            .map(|done| done.on)
            .max()
    }
}
