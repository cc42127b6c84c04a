//! A group's history from its saved logs: which sessions were its own, and who came to which.
//!
//! Pure: it is given the logs, and reads no files. Groups and people are matched by name,
//! ignoring case and surrounding spaces, because that is all a log knows them by.

pub mod funnel;
mod table;

pub use table::{glyph, table};

use crate::domain::group::same_group;
use crate::domain::record::Attendance;
use crate::session::error::SessionError;
use crate::store::log::{Loaded, SessionLog};
use crate::util::text::sanitize;
use std::collections::HashMap;

/// A name as matched across sessions: `" Zoë "` and `"ZOË"` are the same person.
fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Whether `log` was a session of the group called `group`, rehearsal or not.
pub fn belongs(log: &SessionLog, group: &str) -> bool {
    same_group(&log.group, group)
}

/// The group's real sessions, oldest first: rehearsals are practice, not meetings.
pub fn sessions<'a>(logs: &'a [Loaded], group: &str) -> Vec<&'a SessionLog> {
    let mut found: Vec<&SessionLog> = (logs.iter().map(|loaded| &loaded.log))
        .filter(|log| !log.rehearsal && belongs(log, group))
        .collect();
    found.sort_by_key(|log| log.started_at);
    found
}

/// Nothing when some log, rehearsal or not, belongs to `group`; otherwise a message naming
/// the groups there are, so a misspelt name can be put right.
pub fn known(logs: &[Loaded], group: &str) -> Result<(), SessionError> {
    if logs.iter().any(|loaded| belongs(&loaded.log, group)) {
        return Ok(());
    }
    let mut names: Vec<(String, String)> = Vec::new();
    for loaded in logs {
        let name = loaded.log.group.trim();
        // `logs` are oldest first, so the latest spelling of each group is the one kept.
        match names.iter_mut().find(|(k, _)| *k == key(name)) {
            Some((_, shown)) => *shown = sanitize(name),
            None => names.push((key(name), sanitize(name))),
        }
    }
    names.sort();
    Err(SessionError::NoGroup {
        name: group.to_owned(),
        groups: names.into_iter().map(|(_, shown)| shown).collect(),
    })
}

/// One person at one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Not among the session's participants at all.
    NotListed,
    /// Among them: named beforehand (`expected`) or added on the day, with what was recorded.
    Listed {
        expected: bool,
        attendance: Option<Attendance>,
    },
}

impl Mark {
    /// In the room for some of the session. An attendance never recorded does not count: the
    /// figures claim only what the facilitator wrote down.
    pub fn attended(self) -> bool {
        matches!(self, Self::Listed { attendance: Some(a), .. } if a.attended())
    }

    pub fn describe(self) -> &'static str {
        match self {
            Self::NotListed => "not on the list",
            Self::Listed { attendance, .. } => attendance.map_or("not recorded", Attendance::describe),
        }
    }
}

/// Someone who was a participant at one or more of the sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// As the latest session spelt it; not sanitised.
    pub name: String,
    /// One per session, in the order of `History::sessions`.
    pub marks: Vec<Mark>,
}

impl Person {
    /// Sessions they were a participant at, expected or added on the day.
    pub fn listed(&self) -> usize {
        self.marks.iter().filter(|mark| **mark != Mark::NotListed).count()
    }

    pub fn attended(&self) -> usize {
        self.marks.iter().filter(|mark| mark.attended()).count()
    }

    /// `attended` out of `listed`, from 0 to 1.
    pub fn rate(&self) -> f64 {
        self.attended() as f64 / self.listed().max(1) as f64
    }

    /// Sessions they were named for beforehand, and how many of those they came to.
    pub fn expected(&self) -> (usize, usize) {
        let expected = self
            .marks
            .iter()
            .filter(|mark| matches!(mark, Mark::Listed { expected: true, .. }));
        let (count, came) = expected.fold((0, 0), |(count, came), mark| {
            (count + 1, came + usize::from(mark.attended()))
        });
        (count, came)
    }
}

/// A group's sessions and everyone at any of them.
#[derive(Debug)]
pub struct History<'a> {
    pub group: String,
    /// Oldest first, rehearsals left out.
    pub sessions: Vec<&'a SessionLog>,
    /// By name, ignoring case.
    pub people: Vec<Person>,
}

impl<'a> History<'a> {
    pub fn of(logs: &'a [Loaded], group: &str) -> Self {
        let sessions = self::sessions(logs, group);
        let mut found: HashMap<String, Person> = HashMap::new();
        for (at, log) in sessions.iter().enumerate() {
            for participant in &log.participants {
                let person = found.entry(key(&participant.name)).or_insert_with(|| Person {
                    name: String::new(),
                    marks: vec![Mark::NotListed; sessions.len()],
                });
                // A hand-edited log could name someone twice; the first entry stands.
                if person.marks[at] == Mark::NotListed {
                    person.name = participant.name.trim().to_owned();
                    person.marks[at] = Mark::Listed {
                        expected: participant.expected,
                        attendance: participant.attendance,
                    };
                }
            }
        }
        let mut people: Vec<(String, Person)> = found.into_iter().collect();
        people.sort_by(|(a, _), (b, _)| a.cmp(b));
        Self {
            group: sessions
                .last()
                .map_or_else(|| group.trim().to_owned(), |log| log.group.trim().to_owned()),
            sessions,
            people: people.into_iter().map(|(_, person)| person).collect(),
        }
    }

    /// Everyone's mark at the session numbered `at` in `sessions`.
    pub fn marks_at(&self, at: usize) -> impl Iterator<Item = Mark> + '_ {
        self.people.iter().map(move |person| person.marks[at])
    }

    /// How many were in the room at each session.
    pub fn attending(&self) -> Vec<usize> {
        (0..self.sessions.len())
            .map(|at| self.marks_at(at).filter(|mark| mark.attended()).count())
            .collect()
    }
}
