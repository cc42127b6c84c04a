//! The events a session is made of: what the journal stores and the session state folds.

use super::plan::Plan;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The version of the journal and session-log formats this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One thing that happened, at a moment, numbered in journal order from 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub seq: u64,
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub kind: EventKind,
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
    Note {
        text: String,
    },
    /// The app was restarted on this session's journal after an interruption.
    Recovered,
    /// The session ended; `interrupted` when it was closed from a recovered journal
    /// without being resumed.
    Ended {
        interrupted: bool,
    },
}
