//! The events a session is made of: what the journal stores and the session state folds.

use super::checklist::Check;
use super::feedback::Entry;
use super::plan::{AgendaEdit, Plan};
use super::record::{Attendance, FollowUp, subject};
use chrono::{DateTime, FixedOffset, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the journal and session-log formats this build writes.
/// Version 2 added participants, the raise-hand queue and turns; version 3 attendance, follow-up
/// flags, record notes, feedback and takeaways; version 4 the co-facilitator (`by`, and passing
/// the flow); version 5 item kinds and prompts, agenda and ground-rule edits, the group's
/// rules version and the preparation checklist; version 6 the wall clock's changes; version 7
/// absence with word sent, and the end-of-session checklist; version 8 members' own anonymous
/// feedback. Older files read as they are.
pub const SCHEMA_VERSION: u32 = 8;

/// Who recorded an event: the holdspace running the session, or one following it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    #[default]
    Facilitator,
    CoFacilitator,
}

impl Author {
    pub fn is_facilitator(&self) -> bool {
        *self == Self::Facilitator
    }
}

/// One thing that happened, at a moment, numbered in journal order from 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub seq: u64,
    #[serde(deserialize_with = "event_time")]
    pub at: DateTime<Utc>,
    /// Left out for the facilitator, as every event before version 4 was theirs.
    #[serde(default, skip_serializing_if = "Author::is_facilitator")]
    pub by: Author,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// An event's time. chrono's own `Deserialize` goes through its relaxed, general RFC 3339 parser,
/// which was a seventh of reading a journal; its strict parser reads what holdspace writes in a
/// fraction of that, and the relaxed one still takes anything else, with its own message.
fn event_time<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    struct Time;
    impl Visitor<'_> for Time {
        type Value = DateTime<Utc>;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("an RFC 3339 formatted date and time string")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            DateTime::parse_from_rfc3339(text)
                .or_else(|_| text.parse::<DateTime<FixedOffset>>())
                .map(|at| at.with_timezone(&Utc))
                .map_err(E::custom)
        }
    }
    deserializer.deserialize_str(Time)
}

/// Everything the session needs to know when it starts; the first event of every journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionMeta {
    pub schema_version: u32,
    pub id: String,
    pub plan: Plan,
    pub scheduled_end: DateTime<Utc>,
    pub warn_minutes: u32,
    pub rehearsal: bool,
    /// Who is expected, numbered from 0 in this order; more are added during the session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// A soft limit per speaking turn: past it the facilitator sees a quiet hint, nothing more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn_minutes: Option<u32>,
    /// The last session of a course: the review asks each member for a takeaway and a goal.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub last_session: bool,
    /// The version of the group's ground rules the session started with (from version 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_version: Option<u32>,
    /// The preparation checklist as it stood at the start, with when each item was ticked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<Check>,
    /// What to see to before leaving, ticked in the review (from version 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub end_checklist: Vec<String>,
}

/// Why planned times changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Replan {
    AddMinute,
    RemoveMinute,
    Rebalance,
}

/// An item's new planned length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedTime {
    pub index: usize,
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// The session began and its first agenda item started.
    Started(Box<SessionMeta>),
    /// The current item changed; `to: null` means the agenda is complete.
    Moved {
        to: Option<usize>,
    },
    /// The current item's timer stopped (a break in the room).
    Paused,
    /// The current item's timer runs again.
    Unpaused,
    /// Planned minutes changed, with the resulting minutes stored so replay never recomputes.
    Replanned {
        reason: Replan,
        planned: Vec<PlannedTime>,
    },
    /// The end warning was raised (scheduled end minus the warning minutes).
    WarningRaised,
    WarningDismissed,
    /// The scheduled end went by with the session still running.
    ScheduledEndPassed,
    /// The ground rules were brought up on screen.
    RulesRevisited,
    /// The ground rules as the group changed them, in full.
    RulesEdited {
        rules: Vec<String>,
    },
    /// An agenda item that has not started yet was added, removed, moved or given new minutes.
    AgendaEdited(AgendaEdit),
    Note {
        text: String,
    },
    /// Someone joined the session's participants; they are numbered in the order added.
    ParticipantAdded {
        name: String,
    },
    HandRaised {
        who: usize,
    },
    HandLowered {
        who: usize,
    },
    /// A raised hand moved to position `to` (from 0) in the queue.
    HandMoved {
        who: usize,
        to: usize,
    },
    QueueCleared,
    /// `who` has the floor; any earlier turn ends and their raised hand comes down.
    TurnStarted {
        who: usize,
    },
    /// The current turn ended with no one waiting.
    TurnEnded,
    /// Those who have not spoken yet go ahead of those who have, or no longer do.
    GentlePriority {
        on: bool,
    },
    Attended {
        who: usize,
        attendance: Attendance,
    },
    /// A private follow-up was set on someone, or its note changed.
    Flagged {
        who: usize,
        follow_up: FollowUp,
        note: String,
    },
    Unflagged {
        who: usize,
        follow_up: FollowUp,
    },
    /// The facilitator's record note for someone; `null` goes back to the pre-filled one.
    RecordNoteWritten {
        who: usize,
        text: Option<String>,
    },
    /// Someone's feedback rating, 1 to 5, or `null` to clear it.
    Rated {
        who: usize,
        rating: Option<u8>,
    },
    Commented {
        who: usize,
        text: String,
    },
    TakeawayWritten {
        who: usize,
        text: String,
    },
    GoalWritten {
        who: usize,
        text: String,
    },
    /// The overall note on the session.
    Summarised {
        text: String,
    },
    /// One member's own answers, entered in the review with nothing that names or points at
    /// them (from version 8).
    FeedbackGiven(Entry),
    /// The member's feedback entered `entry`th (from 0) is taken back, as entered by mistake.
    FeedbackWithdrawn {
        entry: usize,
    },
    /// An item of the end-of-session checklist (from 0) was ticked, or unticked.
    ClosingTicked {
        item: usize,
        ticked: bool,
    },
    /// Who moves the session on (next item, pauses, minutes, the floor, the end): the
    /// facilitator, or the co-facilitator they handed it to.
    FlowPassed {
        to: Author,
    },
    /// The computer's wall clock was set more than a minute away from the session's clock,
    /// which every timer and event time keeps to: it now reads this many seconds ahead of it
    /// (behind if negative).
    ClockChanged {
        wall_offset_seconds: i64,
    },
    /// The app was restarted on this session's journal after an interruption.
    Recovered,
    /// The session ended; `interrupted` when it was closed from a recovered journal
    /// without being resumed.
    Ended {
        interrupted: bool,
    },
}

impl EventKind {
    /// What a co-facilitator may record while the flow is with the facilitator: hands raised
    /// and lowered for someone, notes, the ground rules, attendance and follow-ups.
    pub fn co_facilitator_may(&self) -> bool {
        matches!(
            self,
            Self::ParticipantAdded { .. }
                | Self::HandRaised { .. }
                | Self::HandLowered { .. }
                | Self::Note { .. }
                | Self::RulesRevisited
                | Self::RulesEdited { .. }
                | Self::Attended { .. }
                | Self::Flagged { .. }
                | Self::Unflagged { .. }
        )
    }

    /// What may still be recorded once the session has ended: the review of who came, the
    /// follow-ups, notes and feedback, including someone who was missed during the session, and
    /// the end checklist and members' own feedback.
    pub fn is_review(&self) -> bool {
        matches!(
            self,
            Self::ParticipantAdded { .. }
                | Self::Summarised { .. }
                | Self::ClosingTicked { .. }
                | Self::FeedbackGiven(_)
                | Self::FeedbackWithdrawn { .. }
        ) || subject(self).is_some()
    }
}
