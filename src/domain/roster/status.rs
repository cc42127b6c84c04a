//! Where someone stands, from their referral to a place in the group (or not), as files and
//! the command line spell it.

use super::RosterError;
use crate::util::text::snake_case;
use std::str::FromStr;

/// Where someone stands, from their referral to a place in the group (or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Referred by a care co-ordinator or team; not spoken to yet.
    Referred,
    /// Told about the group.
    Contacted,
    /// Sent the confidentiality waiver.
    WaiverSent,
    WaiverReturned,
    /// Expected at the group's sessions.
    Confirmed,
    WaitingList,
    Declined,
    Left,
}

impl Status {
    pub const ALL: [Self; 8] = [
        Self::Referred,
        Self::Contacted,
        Self::WaiverSent,
        Self::WaiverReturned,
        Self::Confirmed,
        Self::WaitingList,
        Self::Declined,
        Self::Left,
    ];

    pub fn describe(self) -> &'static str {
        match self {
            Self::Referred => "referred",
            Self::Contacted => "contacted",
            Self::WaiverSent => "waiver sent",
            Self::WaiverReturned => "waiver returned",
            Self::Confirmed => "confirmed",
            Self::WaitingList => "waiting list",
            Self::Declined => "declined",
            Self::Left => "left",
        }
    }

    /// As the roster file and the command line spell it: `waiver_sent`.
    pub fn key(self) -> String {
        snake_case(&format!("{self:?}"))
    }

    /// Everyone on the way in holds a place, so the group is never promised to more people
    /// than it has room for.
    pub fn holds_place(self) -> bool {
        matches!(
            self,
            Self::Referred | Self::Contacted | Self::WaiverSent | Self::WaiverReturned | Self::Confirmed
        )
    }

    /// Every status as files spell them, for messages that say what would be valid.
    pub fn valid() -> String {
        Self::ALL.map(Self::key).join(", ")
    }
}

impl FromStr for Status {
    type Err = RosterError;

    /// Also takes `waiver-sent`, `Waiver Sent` and the like: people type what they read.
    fn from_str(text: &str) -> Result<Self, RosterError> {
        let wanted = text.trim().to_lowercase().replace(['-', ' '], "_");
        Self::ALL
            .into_iter()
            .find(|status| status.key() == wanted)
            .ok_or_else(|| RosterError::NotAStatus(text.to_owned()))
    }
}
