//! What goes into the records after a session: attendance, private follow-up flags, record
//! notes, feedback, and takeaways and goals at the end of a course.

use super::checklist::Check;
use super::event::EventKind;
use super::feedback::{Answer, Entry};
use super::hands::Floor;
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// Record notes, comments and the session summary are brief by design.
pub const MAX_TEXT_CHARS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Present,
    Late,
    LeftEarly,
    /// Absent without sending word: someone to check in with (from version 7).
    Absent,
    /// Absent, having let the facilitator know (from version 7).
    SentWord,
}

impl Attendance {
    pub const ALL: [Self; 5] = [
        Self::Present,
        Self::Late,
        Self::LeftEarly,
        Self::Absent,
        Self::SentWord,
    ];

    pub fn describe(self) -> &'static str {
        match self {
            Self::Present => "present",
            Self::Late => "late",
            Self::LeftEarly => "left early",
            Self::Absent => "absent",
            Self::SentWord => "absent, sent word",
        }
    }

    /// Whether the person was in the room for some of the session.
    pub fn attended(self) -> bool {
        !matches!(self, Self::Absent | Self::SentWord)
    }
}

/// A private follow-up for the facilitator to act on; never shown on a view meant for the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUp {
    OneToOne,
    Safeguarding,
    CallBeforeNext,
}

impl FollowUp {
    pub const ALL: [Self; 3] = [Self::OneToOne, Self::Safeguarding, Self::CallBeforeNext];

    /// A word or two, for legends.
    pub fn short(self) -> &'static str {
        match self {
            Self::OneToOne => "one-to-one",
            Self::Safeguarding => "safeguarding",
            Self::CallBeforeNext => "call before next",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Self::OneToOne => "one-to-one offered",
            Self::Safeguarding => "safeguarding concern: pass to care co-ordinator",
            Self::CallBeforeNext => "call before next session",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub follow_up: FollowUp,
    /// An optional short note; empty when none was given.
    pub note: String,
    pub at: DateTime<Utc>,
}

/// Everything recorded about one participant, numbered as the floor numbers them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonRecord {
    /// Named before the session started, rather than added during it.
    pub expected: bool,
    pub attendance: Option<Attendance>,
    pub flags: Vec<Flag>,
    /// The facilitator's own record note; `None` keeps the pre-filled one.
    pub record_note: Option<String>,
    pub rating: Option<u8>,
    pub comment: String,
    pub takeaway: String,
    pub goal: String,
}

/// What the facilitator can record about people and the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordCommand {
    Attend {
        who: usize,
        attendance: Attendance,
    },
    /// Sets a flag with its note, or replaces the note of one already set.
    Flag {
        who: usize,
        follow_up: FollowUp,
        note: String,
    },
    Unflag {
        who: usize,
        follow_up: FollowUp,
    },
    RecordNote {
        who: usize,
        text: String,
    },
    /// Goes back to the pre-filled record note.
    ResetRecordNote {
        who: usize,
    },
    Rate {
        who: usize,
        rating: Option<u8>,
    },
    Comment {
        who: usize,
        text: String,
    },
    Takeaway {
        who: usize,
        text: String,
    },
    Goal {
        who: usize,
        text: String,
    },
    Summary(String),
    /// Ticks the end-of-session checklist's item (from 0), or unticks it.
    TickClosing {
        item: usize,
    },
    /// One member's own answers, kept apart from every name.
    GiveFeedback {
        answer: Answer,
        good: String,
        better: String,
    },
    /// Takes back the members' feedback entered `entry`th (from 0).
    WithdrawFeedback {
        entry: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub people: Vec<PersonRecord>,
    pub summary: String,
    /// What to see to before leaving, ticked in the review.
    pub closing: Vec<Check>,
    /// Members' own feedback, in the order entered; no entry says whose it is.
    pub feedback: Vec<Entry>,
}

const NO_ENTRY: &str = "no such feedback entry";

fn brief(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.chars().count() > MAX_TEXT_CHARS {
        Err("that is too long for a record: keep it to a few sentences")
    } else {
        Ok(text.to_owned())
    }
}

impl Record {
    pub fn new(expected: usize, closing: &[String]) -> Self {
        Self {
            people: vec![
                PersonRecord {
                    expected: true,
                    ..PersonRecord::default()
                };
                expected
            ],
            summary: String::new(),
            closing: Check::list(closing),
            feedback: Vec::new(),
        }
    }

    pub fn flagged(&self, who: usize, follow_up: FollowUp) -> bool {
        self.people
            .get(who)
            .is_some_and(|person| person.flags.iter().any(|flag| flag.follow_up == follow_up))
    }

    /// Turns a request into the event it causes, or a short reason it does nothing. A request
    /// that would leave the record as it is records nothing.
    pub fn decide(&self, command: &RecordCommand) -> Result<EventKind, &'static str> {
        let kind = self.event_for(command)?;
        let mut after = self.clone();
        after.apply(&kind, DateTime::UNIX_EPOCH)?;
        if after == *self {
            return Err("already recorded");
        }
        Ok(kind)
    }

    fn event_for(&self, command: &RecordCommand) -> Result<EventKind, &'static str> {
        let person = |who: usize| self.people.get(who).ok_or("no such participant");
        Ok(match command {
            RecordCommand::Attend { who, attendance } => {
                person(*who)?;
                EventKind::Attended {
                    who: *who,
                    attendance: *attendance,
                }
            }
            RecordCommand::Flag { who, follow_up, note } => {
                person(*who)?;
                EventKind::Flagged {
                    who: *who,
                    follow_up: *follow_up,
                    note: brief(note)?,
                }
            }
            RecordCommand::Unflag { who, follow_up } => {
                person(*who)?;
                if !self.flagged(*who, *follow_up) {
                    return Err("that flag is not set");
                }
                EventKind::Unflagged {
                    who: *who,
                    follow_up: *follow_up,
                }
            }
            RecordCommand::RecordNote { who, text } => {
                person(*who)?;
                let text = brief(text)?;
                if text.is_empty() {
                    return Err("an empty record note is not saved: R goes back to the pre-filled one");
                }
                EventKind::RecordNoteWritten {
                    who: *who,
                    text: Some(text),
                }
            }
            RecordCommand::ResetRecordNote { who } => {
                if person(*who)?.record_note.is_none() {
                    return Err("the record note is already the pre-filled one");
                }
                EventKind::RecordNoteWritten {
                    who: *who,
                    text: None,
                }
            }
            RecordCommand::Rate { who, rating } => {
                person(*who)?;
                if rating.is_some_and(|rating| !(1..=5).contains(&rating)) {
                    return Err("a rating is from 1 to 5");
                }
                EventKind::Rated {
                    who: *who,
                    rating: *rating,
                }
            }
            RecordCommand::Comment { who, text } => {
                person(*who)?;
                EventKind::Commented {
                    who: *who,
                    text: brief(text)?,
                }
            }
            RecordCommand::Takeaway { who, text } => {
                person(*who)?;
                EventKind::TakeawayWritten {
                    who: *who,
                    text: brief(text)?,
                }
            }
            RecordCommand::Goal { who, text } => {
                person(*who)?;
                EventKind::GoalWritten {
                    who: *who,
                    text: brief(text)?,
                }
            }
            RecordCommand::Summary(text) => EventKind::Summarised { text: brief(text)? },
            RecordCommand::TickClosing { item } => EventKind::ClosingTicked {
                item: *item,
                ticked: (self.closing.get(*item).ok_or("no such checklist item")?)
                    .ticked_at
                    .is_none(),
            },
            RecordCommand::GiveFeedback { answer, good, better } => {
                EventKind::FeedbackGiven(Entry::new(*answer, good, better)?)
            }
            // Folding it, as `decide` does, refuses an entry there is not.
            RecordCommand::WithdrawFeedback { entry } => EventKind::FeedbackWithdrawn { entry: *entry },
        })
    }

    /// Folds one event in. Someone added during the session was there, so counts as present
    /// until marked otherwise (as do those who spoke: see `spoke`). Events that do not concern
    /// the record pass by.
    pub fn apply(&mut self, kind: &EventKind, at: DateTime<Utc>) -> Result<(), &'static str> {
        match kind {
            EventKind::ParticipantAdded { .. } => self.people.push(PersonRecord {
                attendance: Some(Attendance::Present),
                ..PersonRecord::default()
            }),
            EventKind::Summarised { text } => self.summary.clone_from(text),
            EventKind::ClosingTicked { item, ticked } => {
                let check = self.closing.get_mut(*item).ok_or("no such checklist item")?;
                check.ticked_at = ticked.then_some(at);
            }
            EventKind::FeedbackGiven(entry) => {
                entry.check()?;
                self.feedback.push(entry.clone());
            }
            EventKind::FeedbackWithdrawn { entry } => {
                if *entry >= self.feedback.len() {
                    return Err(NO_ENTRY);
                }
                self.feedback.remove(*entry);
            }
            _ => {
                if let Some(who) = subject(kind) {
                    let person = self.people.get_mut(who).ok_or("no such participant")?;
                    change(person, kind, at)?;
                }
            }
        }
        Ok(())
    }

    /// At the end, everyone with talk time on `floor` and no attendance yet counts as present
    /// until marked otherwise: someone who took the floor was there. Attendance marked before,
    /// by hand, stands.
    pub fn spoke(&mut self, floor: &Floor) {
        for (person, participant) in self.people.iter_mut().zip(&floor.participants) {
            if participant.talk > TimeDelta::zero() {
                person.attendance.get_or_insert(Attendance::Present);
            }
        }
    }
}

/// The participant a record event is about; `None` for every other event.
pub(super) fn subject(kind: &EventKind) -> Option<usize> {
    match kind {
        EventKind::Attended { who, .. }
        | EventKind::Flagged { who, .. }
        | EventKind::Unflagged { who, .. }
        | EventKind::RecordNoteWritten { who, .. }
        | EventKind::Rated { who, .. }
        | EventKind::Commented { who, .. }
        | EventKind::TakeawayWritten { who, .. }
        | EventKind::GoalWritten { who, .. } => Some(*who),
        _ => None,
    }
}

fn change(person: &mut PersonRecord, kind: &EventKind, at: DateTime<Utc>) -> Result<(), &'static str> {
    match kind {
        EventKind::Attended { attendance, .. } => person.attendance = Some(*attendance),
        EventKind::Flagged { follow_up, note, .. } => {
            match person.flags.iter_mut().find(|flag| flag.follow_up == *follow_up) {
                Some(flag) => flag.note.clone_from(note),
                None => person.flags.push(Flag {
                    follow_up: *follow_up,
                    note: note.clone(),
                    at,
                }),
            }
        }
        EventKind::Unflagged { follow_up, .. } => person.flags.retain(|flag| flag.follow_up != *follow_up),
        EventKind::RecordNoteWritten { text, .. } => person.record_note.clone_from(text),
        EventKind::Rated { rating, .. } => {
            if rating.is_some_and(|rating| !(1..=5).contains(&rating)) {
                return Err("a rating is from 1 to 5");
            }
            person.rating = *rating;
        }
        EventKind::Commented { text, .. } => person.comment.clone_from(text),
        EventKind::TakeawayWritten { text, .. } => person.takeaway.clone_from(text),
        EventKind::GoalWritten { text, .. } => person.goal.clone_from(text),
        _ => {}
    }
    Ok(())
}
