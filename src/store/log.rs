//! The finished session log: one JSON file per session, written atomically, read back for history.

use super::StoreError;
use super::atomic::write_atomic;
use super::disk::{Disk, read_regular};
use super::paths::id_of;
use crate::domain::checklist::Check;
use crate::domain::feedback::Entry;
use crate::domain::record::{Attendance, Flag};
use crate::domain::session::ItemState;
use crate::domain::{Event, EventKind, SCHEMA_VERSION, Session};
use crate::util::text::sanitize;
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionLog {
    pub schema_version: u32,
    pub id: String,
    pub group: String,
    pub plan: String,
    pub rehearsal: bool,
    /// Closed from a recovered journal without being resumed.
    pub interrupted: bool,
    pub started_at: DateTime<Utc>,
    pub scheduled_end: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub warn_minutes: u32,
    pub warning_at: Option<DateTime<Utc>>,
    pub warning_dismissed_at: Option<DateTime<Utc>>,
    pub scheduled_end_passed_at: Option<DateTime<Utc>>,
    pub paused_seconds: i64,
    pub items: Vec<ItemLog>,
    pub notes: Vec<NoteLog>,
    pub rules_revisited: Vec<DateTime<Utc>>,
    /// The ground rules in force at the end, after any edits made during the session (from
    /// version 5; the events say when each edit was made).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ground_rules: Vec<String>,
    pub recovered_at: Vec<DateTime<Utc>>,
    /// Talk time and turns per participant, in the order they were added (from version 2).
    #[serde(default)]
    pub participants: Vec<ParticipantLog>,
    /// The soft limit per speaking turn, if one was set (from version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn_minutes: Option<u32>,
    /// The last session of a course, with takeaways and goals (from version 3).
    #[serde(default)]
    pub last_session: bool,
    /// The facilitator's overall note on the session (from version 3).
    #[serde(default)]
    pub summary: String,
    /// The end-of-session checklist as ticked in the review (from version 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<Check>,
    /// Members' own anonymous feedback, in the order entered (from version 8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<Entry>,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantLog {
    pub name: String,
    pub hands_raised: u32,
    pub turns: u32,
    pub talk_seconds: i64,
    /// Named before the session started (from version 3, like every field below).
    #[serde(default)]
    pub expected: bool,
    /// `null` when it was never recorded.
    #[serde(default)]
    pub attendance: Option<Attendance>,
    /// The facilitator's own record note; `null` means the pre-filled one stands.
    #[serde(default)]
    pub record_note: Option<String>,
    /// Private follow-ups, for the facilitator and the person's care co-ordinator only.
    #[serde(default)]
    pub follow_ups: Vec<Flag>,
    #[serde(default)]
    pub rating: Option<u8>,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub takeaway: String,
    #[serde(default)]
    pub goal: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemLog {
    pub title: String,
    pub protected: bool,
    /// When the item was due to start by the plan as it stood at the start of the session.
    pub scheduled_start: DateTime<Utc>,
    pub planned_minutes: u32,
    /// Planned minutes after any +/- or rebalancing.
    pub final_minutes: u32,
    pub actual_seconds: i64,
    /// Seconds beyond the final planned time; 0 when the item finished within it.
    pub overrun_seconds: i64,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteLog {
    pub at: DateTime<Utc>,
    pub text: String,
}

impl SessionLog {
    /// The log of an ended session. `None` while the session is still running.
    pub fn of(session: &Session, events: &[Event]) -> Option<Self> {
        let ending = session.ended?;
        Some(Self {
            schema_version: SCHEMA_VERSION,
            id: session.meta.id.clone(),
            group: session.meta.plan.group.clone(),
            plan: session.meta.plan.name.clone(),
            rehearsal: session.meta.rehearsal,
            interrupted: ending.interrupted,
            started_at: session.started_at,
            scheduled_end: session.meta.scheduled_end,
            ended_at: ending.at,
            warn_minutes: session.meta.warn_minutes,
            warning_at: session.warning_raised,
            warning_dismissed_at: session.warning_dismissed,
            scheduled_end_passed_at: session.end_passed,
            paused_seconds: session.paused_total.num_seconds(),
            items: session
                .items
                .iter()
                .scan(session.started_at, |due, item| {
                    let scheduled_start = *due;
                    *due += TimeDelta::minutes(i64::from(item.plan.minutes));
                    Some(item_log(item, scheduled_start))
                })
                .collect(),
            notes: session
                .notes
                .iter()
                .map(|note| NoteLog {
                    at: note.at,
                    text: note.text.clone(),
                })
                .collect(),
            rules_revisited: session.rules_revisits.clone(),
            ground_rules: session.rules.clone(),
            recovered_at: session.recoveries.clone(),
            participants: session
                .floor
                .participants
                .iter()
                .zip(&session.record.people)
                .map(|(person, record)| ParticipantLog {
                    name: person.name.clone(),
                    hands_raised: person.hands,
                    turns: person.turns,
                    talk_seconds: person.talk.num_seconds(),
                    expected: record.expected,
                    attendance: record.attendance,
                    record_note: record.record_note.clone(),
                    follow_ups: record.flags.clone(),
                    rating: record.rating,
                    comment: record.comment.clone(),
                    takeaway: record.takeaway.clone(),
                    goal: record.goal.clone(),
                })
                .collect(),
            turn_minutes: session.meta.turn_minutes,
            last_session: session.meta.last_session,
            summary: session.record.summary.clone(),
            closing: session.record.closing.clone(),
            feedback: session.record.feedback.clone(),
            events: events.to_vec(),
        })
    }

    /// The same log under another ID, which its first event also carries.
    #[must_use]
    pub fn renamed(&self, id: &str) -> Self {
        let mut log = self.clone();
        log.id = id.to_owned();
        if let Some(EventKind::Started(meta)) = log.events.first_mut().map(|event| &mut event.kind) {
            meta.id = id.to_owned();
        }
        log
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    pub fn write(&self, disk: &dyn Disk, path: &Path) -> Result<(), StoreError> {
        write_atomic(disk, path, &self.to_json())
    }
}

fn item_log(item: &ItemState, scheduled_start: DateTime<Utc>) -> ItemLog {
    let actual = item.spent.num_seconds();
    ItemLog {
        title: item.plan.title.clone(),
        protected: item.plan.protected,
        scheduled_start,
        planned_minutes: item.plan.minutes,
        final_minutes: item.minutes,
        actual_seconds: actual,
        overrun_seconds: (actual - i64::from(item.minutes) * 60).max(0),
        started_at: item.first_started,
        ended_at: item.last_left,
    }
}

/// A log read back from disk. `newer` means a later holdspace wrote it: shown, never rewritten.
#[derive(Debug)]
pub struct Loaded {
    pub log: SessionLog,
    pub newer: bool,
}

#[derive(Debug)]
pub enum LoadError {
    Io(StoreError),
    Invalid { path: PathBuf, message: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(err) => err.fmt(f),
            Self::Invalid { path, message } => {
                write!(f, "{} is not a holdspace session log: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for LoadError {}

pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read_regular(path).map_err(|err| LoadError::Io(StoreError::new("read", path, err)))?;
    let head = head(path, &bytes)?;
    parse(path, &bytes, &head)
}

/// What a log says of itself, read in a first pass that skips everything else: its version,
/// and whose session it was. The group is taken as any JSON value, so that a log whose fields
/// changed in a newer version is still named as newer by the full read.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Head {
    schema_version: Option<u64>,
    #[serde(default)]
    group: serde_json::Value,
}

impl Head {
    /// The group's name, or nothing if the log does not hold one as text.
    pub fn group(&self) -> &str {
        self.group.as_str().unwrap_or_default()
    }
}

fn invalid(path: &Path, message: String) -> LoadError {
    LoadError::Invalid {
        path: path.to_owned(),
        message,
    }
}

fn head(path: &Path, bytes: &[u8]) -> Result<Head, LoadError> {
    let head = serde_json::from_slice::<Head>(bytes).map_err(|err| invalid(path, err.to_string()))?;
    if head.schema_version.is_none() {
        return Err(invalid(path, "the field `schema_version` is missing".to_owned()));
    }
    Ok(head)
}

fn parse(path: &Path, bytes: &[u8], head: &Head) -> Result<Loaded, LoadError> {
    let version = head.schema_version.unwrap_or_default();
    let newer = version > u64::from(SCHEMA_VERSION);
    // A newer log that cannot be used says so first: the reason may be what changed.
    let refuse = |message: String| {
        invalid(
            path,
            if newer {
                format!(
                    "it has schema_version {version}, newer than this holdspace knows ({SCHEMA_VERSION}), and cannot be read: {message}"
                )
            } else {
                message
            },
        )
    };
    let mut log = serde_json::from_slice::<SessionLog>(bytes).map_err(|err| refuse(err.to_string()))?;
    // Reports average the ratings, so one out of range (a hand edit) would skew them unseen.
    if let Some((who, rating)) = log.participants.iter().enumerate().find_map(|(who, person)| {
        person
            .rating
            .filter(|rating| !(1..=5).contains(rating))
            .map(|rating| (who, rating))
    }) {
        return Err(refuse(format!(
            "participants[{who}].rating: {rating} is out of range; use 1 to 5, or null for none"
        )));
    }
    // The ID names the files a review writes: it must be the file's own name.
    if id_of(path).ok() != Some(log.id.as_str()) {
        return Err(refuse(format!(
            "id: {:?} is not the file's name; a session's ID is the name of its files, so the two must agree",
            sanitize(&log.id)
        )));
    }
    if version < 3 {
        // Before version 3 the log did not say who was expected; the start event lists them.
        let expected = match log.events.first().map(|event| &event.kind) {
            Some(EventKind::Started(meta)) => meta.participants.len(),
            _ => 0,
        };
        for (who, person) in log.participants.iter_mut().enumerate() {
            person.expected = who < expected;
        }
    }
    Ok(Loaded { log, newer })
}

/// Every log in `folder`, oldest first, with a message for each file that could not be read.
pub fn list(folder: &Path) -> Result<(Vec<Loaded>, Vec<LoadError>), StoreError> {
    list_where(folder, |_| true)
}

/// The logs in `folder` whose head `wanted` keeps, oldest first, with a message for each file
/// that could not be read. Only those kept are read in full, so finding one group's sessions
/// among many costs little more than a scan.
pub fn list_where(
    folder: &Path,
    wanted: impl Fn(&Head) -> bool,
) -> Result<(Vec<Loaded>, Vec<LoadError>), StoreError> {
    let mut paths: Vec<PathBuf> = fs::read_dir(folder)
        .map_err(StoreError::at("read the folder", folder))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    let (mut logs, mut errors) = (Vec::new(), Vec::new());
    for path in paths {
        let read = read_regular(&path)
            .map_err(|err| LoadError::Io(StoreError::new("read", &path, err)))
            .and_then(|bytes| {
                let head = head(&path, &bytes)?;
                wanted(&head).then(|| parse(&path, &bytes, &head)).transpose()
            });
        match read {
            Ok(Some(loaded)) => logs.push(loaded),
            Ok(None) => {}
            Err(err) => errors.push(err),
        }
    }
    logs.sort_by_key(|loaded| loaded.log.started_at);
    Ok((logs, errors))
}
