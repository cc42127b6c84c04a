//! The live session state, built only by folding events in order.

use super::event::{Author, Event, EventKind, SessionMeta};
use super::hands::Floor;
use super::plan::{AgendaEdit, EditError, MAX_ENTRIES, MAX_MINUTES, PlanItem, edit_agenda};
use super::record::Record;
use chrono::{DateTime, Datelike, TimeDelta, Utc};
use std::fmt;

/// Why a co-facilitator may not move the session on: said for every such key and event alike,
/// and short enough to fit an 80-column status line.
pub const FLOW_IS_THE_FACILITATORS: &str = "the flow is with the facilitator: they move the session on";

/// The years an event's time may fall in. Times come from a clock, or from a damaged or
/// hand-edited file; outside these, timer arithmetic could overflow.
const FIRST_YEAR: i32 = 1970;
const LAST_YEAR: i32 = 9999;

fn plausible(at: DateTime<Utc>) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&at.year())
}

/// An agenda item as it stands now: its plan, its current planned length and time spent.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemState {
    pub plan: PlanItem,
    pub minutes: u32,
    /// Time spent in closed intervals; the open interval of the current item is added on read.
    pub spent: TimeDelta,
    pub first_started: Option<DateTime<Utc>>,
    pub last_left: Option<DateTime<Utc>>,
}

impl ItemState {
    fn new(plan: &PlanItem) -> Self {
        Self {
            minutes: plan.minutes,
            plan: plan.clone(),
            spent: TimeDelta::zero(),
            first_started: None,
            last_left: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ending {
    pub at: DateTime<Utc>,
    pub interrupted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub at: DateTime<Utc>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub meta: SessionMeta,
    pub started_at: DateTime<Utc>,
    pub items: Vec<ItemState>,
    pub current: Option<usize>,
    /// When the current item's timer last started; `None` while paused or with no item.
    pub running_since: Option<DateTime<Utc>>,
    pub paused_since: Option<DateTime<Utc>>,
    pub paused_total: TimeDelta,
    pub warning_raised: Option<DateTime<Utc>>,
    pub warning_dismissed: Option<DateTime<Utc>>,
    pub end_passed: Option<DateTime<Utc>>,
    pub notes: Vec<Note>,
    pub rules_revisits: Vec<DateTime<Utc>>,
    /// The ground rules in force: the plan's, as edited during the session.
    pub rules: Vec<String>,
    pub recoveries: Vec<DateTime<Utc>>,
    pub floor: Floor,
    pub record: Record,
    pub ended: Option<Ending>,
    /// Who moves the session on: the facilitator unless they handed the flow over.
    pub flow: Author,
    pub last_seq: u64,
    /// The latest event time seen; a resumed rehearsal's clock starts here.
    pub last_at: DateTime<Utc>,
}

/// An event that cannot follow the state before it: a damaged or hand-edited journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldError {
    pub seq: u64,
    pub message: String,
}

impl fmt::Display for FoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "event {}: {}", self.seq, self.message)
    }
}

impl std::error::Error for FoldError {}

impl Session {
    /// Rebuilds a session from its events; the first must be `started`.
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Result<Self, FoldError> {
        let mut events = events.into_iter();
        let first = events.next().ok_or_else(|| FoldError {
            seq: 0,
            message: "there are no events; a session starts with a `started` event".to_owned(),
        })?;
        let mut session = Self::begin(first)?;
        for event in events {
            session.apply(event)?;
        }
        Ok(session)
    }

    fn begin(event: &Event) -> Result<Self, FoldError> {
        let EventKind::Started(meta) = &event.kind else {
            return Err(FoldError {
                seq: event.seq,
                message: "the first event must be `started`".to_owned(),
            });
        };
        if event.seq != 1 {
            return Err(FoldError {
                seq: event.seq,
                message: "the `started` event must be number 1".to_owned(),
            });
        }
        meta.plan.validate().map_err(|message| FoldError {
            seq: event.seq,
            message: format!("plan: {message}"),
        })?;
        for (field, at) in [("at", event.at), ("scheduled_end", meta.scheduled_end)] {
            if !plausible(at) {
                return Err(FoldError {
                    seq: event.seq,
                    message: format!(
                        "`{field}` {at} is not a time from the year {FIRST_YEAR} to {LAST_YEAR}"
                    ),
                });
            }
        }
        let mut items: Vec<ItemState> = meta.plan.items.iter().map(ItemState::new).collect();
        items[0].first_started = Some(event.at);
        Ok(Self {
            meta: (**meta).clone(),
            started_at: event.at,
            items,
            current: Some(0),
            running_since: Some(event.at),
            paused_since: None,
            paused_total: TimeDelta::zero(),
            warning_raised: None,
            warning_dismissed: None,
            end_passed: None,
            notes: Vec::new(),
            rules_revisits: Vec::new(),
            rules: meta.plan.ground_rules.clone(),
            recoveries: Vec::new(),
            floor: Floor::new(&meta.participants),
            record: Record::new(meta.participants.len(), &meta.end_checklist),
            ended: None,
            flow: Author::Facilitator,
            last_seq: event.seq,
            last_at: event.at,
        })
    }

    /// The event that `kind` becomes if it happens at `at`: numbered, not yet applied.
    pub fn stamp(&self, kind: EventKind, at: DateTime<Utc>) -> Event {
        Event {
            seq: self.last_seq + 1,
            at,
            by: Author::Facilitator,
            kind,
        }
    }

    /// Whether `by` may record `kind` now. The facilitator may record anything; a
    /// co-facilitator records hands, notes, attendance and follow-ups, and the rest only while
    /// the flow is theirs.
    pub fn permits(&self, kind: &EventKind, by: Author) -> Result<(), &'static str> {
        if by.is_facilitator() || kind.co_facilitator_may() || self.flow == Author::CoFacilitator {
            Ok(())
        } else if matches!(kind, EventKind::FlowPassed { .. }) {
            Err("only the facilitator hands the flow over")
        } else {
            Err(FLOW_IS_THE_FACILITATORS)
        }
    }

    pub fn apply(&mut self, event: &Event) -> Result<(), FoldError> {
        let fail = |message: &str| FoldError {
            seq: event.seq,
            message: message.to_owned(),
        };
        if event.seq != self.last_seq + 1 {
            return Err(fail(&format!(
                "expected event number {}; an event is missing or repeated",
                self.last_seq + 1
            )));
        }
        if self.ended.is_some() && !event.kind.is_review() {
            return Err(fail("the session had already ended"));
        }
        self.permits(&event.kind, event.by).map_err(fail)?;
        if !plausible(event.at) {
            return Err(fail(&format!(
                "`at` {} is not a time from the year {FIRST_YEAR} to {LAST_YEAR}",
                event.at
            )));
        }
        let at = event.at;
        match &event.kind {
            EventKind::Started(_) => return Err(fail("a session can start only once")),
            EventKind::Moved { to } => {
                if to.is_some_and(|index| index >= self.items.len()) {
                    return Err(fail("`to` is past the last agenda item"));
                }
                self.leave_current(at);
                self.current = *to;
                if let Some(index) = to {
                    self.items[*index].first_started.get_or_insert(at);
                    self.running_since = Some(at);
                }
            }
            EventKind::Paused => {
                let (Some(index), Some(since)) = (self.current, self.running_since) else {
                    return Err(fail("nothing is running to pause"));
                };
                self.items[index].spent += nonnegative(at - since);
                self.running_since = None;
                self.paused_since = Some(at);
            }
            EventKind::Unpaused => {
                let Some(since) = self.paused_since.take() else {
                    return Err(fail("the session was not paused"));
                };
                self.paused_total += nonnegative(at - since);
                self.running_since = Some(at);
            }
            EventKind::Replanned { planned, .. } => {
                for change in planned {
                    if change.index >= self.items.len() || !(1..=MAX_MINUTES).contains(&change.minutes) {
                        return Err(fail("a planned time names no item or is out of range"));
                    }
                }
                for change in planned {
                    self.items[change.index].minutes = change.minutes;
                }
            }
            EventKind::WarningRaised => {
                self.warning_raised.get_or_insert(at);
            }
            EventKind::WarningDismissed => {
                self.warning_dismissed.get_or_insert(at);
            }
            EventKind::ScheduledEndPassed => {
                self.end_passed.get_or_insert(at);
            }
            EventKind::RulesRevisited => self.rules_revisits.push(at),
            EventKind::RulesEdited { rules } => {
                if rules.len() > MAX_ENTRIES || rules.iter().any(|rule| rule.trim().is_empty()) {
                    return Err(fail("the ground rules hold an empty rule, or too many"));
                }
                self.rules.clone_from(rules);
            }
            EventKind::AgendaEdited(edit) => {
                let first = self.first_editable();
                edit_items(&mut self.items, edit, first).map_err(|err| fail(&err.to_string()))?;
            }
            EventKind::Note { text } => self.notes.push(Note {
                at,
                text: text.clone(),
            }),
            EventKind::Recovered => self.recoveries.push(at),
            EventKind::FlowPassed { to } => self.flow = *to,
            EventKind::Ended { interrupted } => {
                self.leave_current(at);
                self.ended = Some(Ending {
                    at,
                    interrupted: *interrupted,
                });
            }
            // The queue's and the record's own events: the floor and the record fold them below.
            _ => {}
        }
        // The floor follows every event: its own, and the pauses and moves that stop a turn.
        self.floor
            .apply(&event.kind, at, self.running_since.is_some())
            .map_err(fail)?;
        self.record.apply(&event.kind, at).map_err(fail)?;
        // Talk time is only whole once the last turn has closed with the end.
        if matches!(event.kind, EventKind::Ended { .. }) {
            self.record.spoke(&self.floor);
        }
        self.last_seq = event.seq;
        self.last_at = self.last_at.max(at);
        Ok(())
    }

    /// Closes the current item's open interval and any pause.
    fn leave_current(&mut self, at: DateTime<Utc>) {
        if let Some(index) = self.current {
            if let Some(since) = self.running_since.take() {
                self.items[index].spent += nonnegative(at - since);
            }
            self.items[index].last_left = Some(at);
        }
        if let Some(since) = self.paused_since.take() {
            self.paused_total += nonnegative(at - since);
        }
    }

    /// The first agenda item that may still be edited: the one after every item that has
    /// started, including one left by going back.
    pub fn first_editable(&self) -> usize {
        let started = self
            .items
            .iter()
            .rposition(|item| item.first_started.is_some())
            .map_or(0, |index| index + 1);
        started.max(self.current.map_or(0, |index| index + 1))
    }

    /// Whether `edit` can be made now, by the rule the fold applies; why not, in words.
    pub fn check_agenda_edit(&self, edit: &AgendaEdit) -> Result<(), EditError> {
        edit_items(&mut self.items.clone(), edit, self.first_editable())
    }

    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }
}

/// Applies an agenda edit to the session's items: a changed length is the item's planned time
/// now, and a protected item's floor never stays above it.
fn edit_items(items: &mut Vec<ItemState>, edit: &AgendaEdit, first_editable: usize) -> Result<(), EditError> {
    edit_agenda(items, edit, first_editable, ItemState::new, |item, minutes| {
        item.minutes = minutes;
        item.plan.cap_floor(minutes);
    })
}

/// Intervals never count backwards, even if the wall clock was set back mid-session.
pub(super) fn nonnegative(delta: TimeDelta) -> TimeDelta {
    delta.max(TimeDelta::zero())
}
