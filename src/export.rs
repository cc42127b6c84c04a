//! Saved sessions written out for records: Markdown, CSV or JSON; in full, as one person's
//! handover for their care co-ordinator, or anonymised to timings and counts.
//!
//! Each scope is first gathered into a small document (the structs below, which are also the
//! JSON schema) and every format is written from that document alone. So the formats cannot
//! disagree about what a scope holds, and an anonymised document has no field that text anyone
//! typed could reach: no name, note, group or plan name, and no agenda title (an item is "Item 3
//! (guest speaker)", as a title can hold a name).

mod anonymised;
pub(crate) mod csv;
mod json;
pub(crate) mod md;
mod members;
pub mod message;
pub mod outreach;
pub mod pdf;
pub mod report;
pub mod summary;
pub mod tracker;

use crate::domain::Session;
use crate::domain::plan::Kind;
use crate::domain::record::{Attendance, Flag, FollowUp};
use crate::session::records::{self, Occasion};
use crate::store::log::{ItemLog, NoteLog, ParticipantLog, SessionLog};
use crate::util::format::Zone;
use crate::util::text::sanitize;
use chrono::{DateTime, NaiveDate, Utc};
use members::{Figures, Members};
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Json,
}

/// How much of the session an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Full,
    /// One participant, by number.
    Handover(usize),
    Anonymised,
}

/// Why no one person was found for a handover. The session's ID and names are kept as read
/// and made safe to show when the error is written out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonError {
    NoParticipants {
        session: String,
    },
    NoOne {
        session: String,
        name: String,
        participants: Vec<String>,
    },
    /// A hand-edited log could have two; guessing would send one person's record to the wrong
    /// care co-ordinator.
    MoreThanOne {
        session: String,
        name: String,
    },
}

impl fmt::Display for PersonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoParticipants { session } => write!(
                f,
                "session {} has no participants, so there is no one to hand over",
                sanitize(session)
            ),
            Self::NoOne {
                session,
                name,
                participants,
            } => {
                let names: Vec<String> = participants.iter().map(|name| sanitize(name)).collect();
                write!(
                    f,
                    "no participant called \"{}\" in session {}; the participants are: {}",
                    sanitize(name.trim()),
                    sanitize(session),
                    names.join(", ")
                )
            }
            Self::MoreThanOne { session, name } => write!(
                f,
                "more than one participant in session {} is called \"{}\", so the handover \
                 cannot tell them apart",
                sanitize(session),
                sanitize(name.trim())
            ),
        }
    }
}

impl std::error::Error for PersonError {}

/// The participant called `name` (ignoring case and surrounding spaces), or an error listing
/// the names there are.
pub fn find_person(log: &SessionLog, name: &str) -> Result<usize, PersonError> {
    let session = log.id.clone();
    if log.participants.is_empty() {
        return Err(PersonError::NoParticipants { session });
    }
    let wanted = name.trim().to_lowercase();
    let found: Vec<usize> = (log.participants.iter().enumerate())
        .filter(|(_, person)| person.name.trim().to_lowercase() == wanted)
        .map(|(who, _)| who)
        .collect();
    let name = name.to_owned();
    match found[..] {
        [who] => Ok(who),
        [] => Err(PersonError::NoOne {
            session,
            name,
            participants: log.participants.iter().map(|p| p.name.clone()).collect(),
        }),
        _ => Err(PersonError::MoreThanOne { session, name }),
    }
}

/// The export as text. A `Scope::Handover` number that is not a participant (only possible
/// without `find_person`) gives the session facts and nothing about anyone.
pub fn render(log: &SessionLog, format: Format, scope: Scope, zone: Zone) -> String {
    written(&Document::of(log, scope, zone), format, zone)
}

/// What the group's roster adds to one person's handover: who referred them, and what was owed
/// them and is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OnRoster {
    pub referred_by: String,
    pub done: Vec<DoneLine>,
}

/// One thing owed and done, as the handover shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoneLine {
    pub kind: &'static str,
    pub on: NaiveDate,
    pub note: String,
}

/// The handover of participant `who`, with what the roster knows of them when they are on it.
pub fn render_handover(
    log: &SessionLog,
    format: Format,
    who: usize,
    zone: Zone,
    on_roster: Option<OnRoster>,
) -> String {
    let mut document = Document::of(log, Scope::Handover(who), zone);
    if let Document::Handover(handover) = &mut document {
        handover.roster = on_roster;
    }
    written(&document, format, zone)
}

fn written(document: &Document, format: Format, zone: Zone) -> String {
    match format {
        Format::Md => md::render(document, zone),
        Format::Csv => csv::render(document),
        Format::Json => json::render(document),
    }
}

/// Bumped when a field is renamed or removed; new fields do not bump it. Version 2 left the
/// group's and the plan's names out of anonymised exports.
const EXPORT_VERSION: u32 = 2;

enum Document {
    Full(Full),
    Handover(Handover),
    Anonymised(Anonymised),
}

#[derive(Serialize)]
struct Full {
    session: Facts,
    summary: String,
    participants: Vec<Person>,
    /// Every follow-up, safeguarding concerns first.
    to_do: Vec<ToDo>,
    /// Members' own anonymous feedback, with what each wrote.
    members_feedback: Members,
    /// The ground rules as the group changed them in the session; left out when it did not.
    #[serde(skip_serializing_if = "Option::is_none")]
    ground_rules: Option<RulesEdited>,
    notes: Vec<NoteLog>,
    agenda: Vec<Item>,
}

/// The rules in force at the end of a session that changed them, and when each change was made.
#[derive(Serialize)]
struct RulesEdited {
    in_force: Vec<String>,
    edited_at: Vec<DateTime<Utc>>,
}

impl RulesEdited {
    fn of(log: &SessionLog) -> Option<Self> {
        let edited_at: Vec<DateTime<Utc>> = (log.events.iter())
            .filter(|event| matches!(event.kind, crate::domain::EventKind::RulesEdited { .. }))
            .map(|event| event.at)
            .collect();
        (!edited_at.is_empty()).then(|| Self {
            in_force: log.ground_rules.clone(),
            edited_at,
        })
    }
}

#[derive(Serialize)]
struct Handover {
    session: Facts,
    person: Option<Record>,
    /// Only when the person is on their group's roster.
    #[serde(skip_serializing_if = "Option::is_none")]
    roster: Option<OnRoster>,
}

#[derive(Serialize)]
struct Anonymised {
    session: Facts,
    agenda: Vec<Item>,
    attendance: Attendances,
    floor: Floor,
    feedback: Feedback,
    /// Members' own feedback as counts and % positive: never what anyone wrote.
    members_feedback: Figures,
    follow_ups: FollowUps,
}

#[derive(Serialize)]
struct Facts {
    /// The ID, group and plan are left out of anonymised exports: the ID could match them to
    /// the full record, and the names are typed text.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<String>,
    started_at: DateTime<Utc>,
    ended_at: DateTime<Utc>,
    scheduled_end: DateTime<Utc>,
    rehearsal: bool,
    interrupted: bool,
    last_session: bool,
}

/// What a care co-ordinator may see about one person.
#[derive(Serialize)]
#[allow(
    clippy::struct_field_names,
    reason = "the fields are the JSON export's keys: `record_note` is what care records call it"
)]
struct Record {
    name: String,
    expected: bool,
    attendance: Option<Attendance>,
    /// The note that stands: the facilitator's own, or the pre-filled one.
    record_note: String,
    record_note_prefilled: bool,
    /// Safeguarding first, as in the to-do list.
    follow_ups: Vec<Flag>,
    /// `None` unless it was the last session of a course.
    takeaway: Option<String>,
    goal: Option<String>,
}

#[derive(Serialize)]
struct Person {
    #[serde(flatten)]
    record: Record,
    rating: Option<u8>,
    comment: String,
    talk_seconds: u64,
    turns: u32,
    hands_raised: u32,
}

#[derive(Serialize)]
struct ToDo {
    name: String,
    follow_up: FollowUp,
    note: String,
}

#[derive(Serialize)]
struct Item {
    /// In an anonymised export, the item's place and kind (`item_label`).
    title: String,
    /// `None` in a log from before item kinds (version 5).
    kind: Option<Kind>,
    protected: bool,
    /// Whether the item was ever started.
    run: bool,
    planned_minutes: u32,
    final_minutes: u32,
    actual_seconds: u64,
    overrun_seconds: u64,
}

#[derive(Serialize, Default)]
struct Attendances {
    participants: u64,
    expected: u64,
    added_on_the_day: u64,
    present: u64,
    late: u64,
    left_early: u64,
    absent: u64,
    sent_word: u64,
    not_recorded: u64,
}

#[derive(Serialize, Default)]
struct Floor {
    hands_raised: u64,
    turns: u64,
    talk_seconds: u64,
}

#[derive(Serialize)]
struct Feedback {
    ratings: u64,
    /// To two decimal places; `None` when nobody rated the session.
    average_rating: Option<f64>,
}

#[derive(Serialize, Default)]
struct FollowUps {
    one_to_one: u64,
    safeguarding: u64,
    call_before_next: u64,
}

/// One figure of an anonymised export, for the formats that list them rather than nest them.
struct Measure {
    section: &'static str,
    key: &'static str,
    label: &'static str,
    value: Value,
}

#[derive(Clone, Copy)]
enum Value {
    Count(u64),
    Seconds(u64),
    Average(Option<f64>),
    /// A whole percentage; `None` when there is nothing to take it of.
    Percent(Option<usize>),
}

/// Seconds as stored are signed; a negative count in a hand-edited log reads as none.
fn seconds(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

impl Document {
    fn of(log: &SessionLog, scope: Scope, zone: Zone) -> Self {
        let occasion = Occasion {
            group: &log.group,
            started_at: log.started_at,
            ended_at: log.ended_at,
            zone,
        };
        let record = |person: &ParticipantLog| Record::of(person, &occasion, log.last_session);
        match scope {
            Scope::Full => Self::Full(Full {
                session: Facts::of(log, true),
                summary: log.summary.clone(),
                participants: log
                    .participants
                    .iter()
                    .map(|p| Person::of(p, record(p)))
                    .collect(),
                to_do: records::to_do(
                    log.participants
                        .iter()
                        .map(|p| (p.name.as_str(), &p.follow_ups[..])),
                )
                .into_iter()
                .map(|item| ToDo {
                    name: item.name.to_owned(),
                    follow_up: item.follow_up,
                    note: item.note.to_owned(),
                })
                .collect(),
                members_feedback: Members::of(&log.feedback),
                ground_rules: RulesEdited::of(log),
                notes: log.notes.clone(),
                agenda: Item::agenda(log, true),
            }),
            Scope::Handover(who) => Self::Handover(Handover {
                session: Facts::of(log, true),
                person: log.participants.get(who).map(record),
                roster: None,
            }),
            Scope::Anonymised => Self::Anonymised(Anonymised::of(log)),
        }
    }
}

impl Facts {
    /// The session's facts; `named` with its ID, group and plan, else without.
    fn of(log: &SessionLog, named: bool) -> Self {
        Self {
            id: named.then(|| log.id.clone()),
            group: named.then(|| log.group.clone()),
            plan: named.then(|| log.plan.clone()),
            started_at: log.started_at,
            ended_at: log.ended_at,
            scheduled_end: log.scheduled_end,
            rehearsal: log.rehearsal,
            interrupted: log.interrupted,
            last_session: log.last_session,
        }
    }
}

impl Record {
    fn of(person: &ParticipantLog, occasion: &Occasion, last_session: bool) -> Self {
        Self {
            name: person.name.clone(),
            expected: person.expected,
            attendance: person.attendance,
            record_note: occasion.record_note(person.record_note.as_deref(), person.attendance),
            record_note_prefilled: person.record_note.is_none(),
            follow_ups: {
                let mut flags = person.follow_ups.clone();
                flags.sort_by_key(|flag| (flag.follow_up != FollowUp::Safeguarding, flag.follow_up));
                flags
            },
            takeaway: last_session.then(|| person.takeaway.clone()),
            goal: last_session.then(|| person.goal.clone()),
        }
    }

    fn flag(&self, follow_up: FollowUp) -> Option<&Flag> {
        self.follow_ups.iter().find(|flag| flag.follow_up == follow_up)
    }
}

impl Person {
    fn of(person: &ParticipantLog, record: Record) -> Self {
        Self {
            record,
            rating: person.rating,
            comment: person.comment.clone(),
            talk_seconds: seconds(person.talk_seconds),
            turns: person.turns,
            hands_raised: person.hands_raised,
        }
    }
}

impl Item {
    /// The log's agenda, each item under its title if `titled`, else under `item_label`.
    fn agenda(log: &SessionLog, titled: bool) -> Vec<Self> {
        (log.items.iter().zip(item_kinds(log)).enumerate())
            .map(|(index, (item, kind))| Self {
                title: if titled {
                    item.title.clone()
                } else {
                    item_label(index + 1, kind)
                },
                ..Self::of(item, kind)
            })
            .collect()
    }

    fn of(item: &ItemLog, kind: Option<Kind>) -> Self {
        Self {
            title: String::new(),
            kind,
            protected: item.protected,
            run: item.started_at.is_some(),
            planned_minutes: item.planned_minutes,
            final_minutes: item.final_minutes,
            actual_seconds: seconds(item.actual_seconds),
            overrun_seconds: seconds(item.overrun_seconds),
        }
    }
}

/// Each agenda item's kind, in the log's order. A log keeps no kind beside its items, so they
/// come from folding its events again; `None` for each item of a log from before version 5,
/// when items had no kind, or of one whose events do not fold into the items it lists (a hand
/// edit): a kind guessed would be a kind made up.
pub(crate) fn item_kinds(log: &SessionLog) -> Vec<Option<Kind>> {
    let folded = (log.schema_version >= 5)
        .then(|| Session::from_events(&log.events).ok())
        .flatten()
        .filter(|session| {
            session.items.len() == log.items.len()
                && (session.items.iter().zip(&log.items)).all(|(state, item)| state.plan.title == item.title)
        });
    match folded {
        Some(session) => session.items.iter().map(|item| Some(item.plan.kind)).collect(),
        None => vec![None; log.items.len()],
    }
}

/// What an item's kind is called in anonymised text, as plan files name it (`guest-speaker`);
/// `None` is an item of an older log.
pub(crate) fn kind_words(kind: Option<Kind>) -> &'static str {
    kind.map_or("kind not recorded", Kind::name)
}

/// How anonymised text names an agenda item: by its place and kind, as its title may hold a
/// name ("Ana's story").
pub(crate) fn item_label(number: usize, kind: Option<Kind>) -> String {
    match kind {
        Some(_) => format!("Item {number} ({})", kind_words(kind)),
        None => format!("Item {number}"),
    }
}
