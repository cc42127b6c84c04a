//! Why a change to a roster was refused, worded for the facilitator.

use super::{Field, Owed, Status};
use crate::domain::record::MAX_TEXT_CHARS;
use crate::util::text::sanitize;
use chrono::NaiveDate;
use std::fmt;

/// Why a change to the roster was refused. Names are kept as typed and made safe to show when
/// the error is written out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterError {
    NotAStatus(String),
    BadName(&'static str),
    AlreadyOnRoster {
        name: String,
        status: Status,
    },
    NoReferrer,
    /// `what` (a referral, a contact) dated after today.
    AfterToday {
        what: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    },
    AlreadyIn {
        name: String,
        status: Status,
    },
    /// No place is free for `name`, who stays `was`; `places` is "3 of 8 places".
    Full {
        name: String,
        was: Status,
        places: String,
        holders: Vec<String>,
    },
    BlankContactNote,
    /// A contact detail that is not one: which, and what was given.
    BadContact {
        field: Field,
        value: String,
    },
    NotAKind(String),
    BlankDoneNote,
    /// Free text (`what`) longer than a record's text.
    TooLong {
        what: &'static str,
    },
    /// Nothing of that kind is owed to the person now.
    NothingOpen {
        name: String,
        owed: Owed,
    },
    NoSuchMember {
        name: String,
        members: Vec<String>,
    },
}

impl fmt::Display for RosterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAStatus(text) => write!(
                f,
                "\"{}\" is not a status; use one of: {}",
                sanitize(text),
                Status::valid()
            ),
            Self::BadName(reason) => f.write_str(reason),
            Self::AlreadyOnRoster { name, status } => write!(
                f,
                "{} is already on the roster ({})",
                sanitize(name),
                status.describe()
            ),
            Self::NoReferrer => f.write_str("say who referred them: their care co-ordinator or team"),
            Self::AfterToday { what, date, today } => {
                write!(f, "the {what} date {date} is after today ({today})")
            }
            Self::AlreadyIn { name, status } => write!(
                f,
                "{} is already {}: nothing changed",
                sanitize(name),
                status.describe()
            ),
            Self::Full {
                name,
                was,
                places,
                holders,
            } => {
                let holders: Vec<String> = holders.iter().map(|name| sanitize(name)).collect();
                write!(
                    f,
                    "The group is full ({places}{}{}): {} stays {}. Moving someone to declined or \
                     left frees a place.",
                    if holders.is_empty() { "" } else { ": " },
                    holders.join(", "),
                    sanitize(name),
                    match was {
                        Status::WaitingList => "on the waiting list",
                        other => other.describe(),
                    }
                )
            }
            Self::BlankContactNote => f.write_str("say what the contact was about: the note cannot be blank"),
            Self::BadContact { field, value } => write!(
                f,
                "{} \"{}\" is not valid: give {}",
                field.name(),
                sanitize(value),
                field.valid()
            ),
            Self::NotAKind(text) => write!(
                f,
                "\"{}\" is not something owed; use one of: {}",
                sanitize(text),
                Owed::valid()
            ),
            Self::BlankDoneNote => {
                f.write_str("say when, how and to whom it was done: the note cannot be blank")
            }
            Self::TooLong { what } => write!(
                f,
                "{what} is longer than {MAX_TEXT_CHARS} characters: keep it to a few sentences"
            ),
            Self::NothingOpen { name, owed } => write!(
                f,
                "nothing of the kind {} is open for {}; `holdspace roster GROUP to-contact` lists \
                 what is",
                owed.key(),
                sanitize(name)
            ),
            Self::NoSuchMember { name, members } => {
                let shown = sanitize(name.trim());
                if members.is_empty() {
                    write!(f, "no one called \"{shown}\": the roster is empty")
                } else {
                    let names: Vec<String> = members.iter().map(|name| sanitize(name)).collect();
                    write!(
                        f,
                        "no one called \"{shown}\" is on the roster; it has: {}",
                        names.join(", ")
                    )
                }
            }
        }
    }
}

impl std::error::Error for RosterError {}
