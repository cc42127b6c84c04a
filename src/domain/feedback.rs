//! Members' own anonymous feedback: the question and its answers, the two free texts, their
//! tally and share positive, and when a group's next round of asking is due. Nothing here names
//! or points at a person.

use super::record::MAX_TEXT_CHARS;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The question each member answers, as the NHS Friends and Family Test asks it of a service.
pub const QUESTION: &str = "Overall, how was your experience of the group?";
/// The first free text, optional.
pub const GOOD: &str = "What was good?";
/// The second free text, optional.
pub const BETTER: &str = "What could be better?";

/// A member's answer to [`QUESTION`], on the Friends and Family Test's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    VeryGood,
    Good,
    Neither,
    Poor,
    VeryPoor,
    DontKnow,
}

impl Answer {
    /// In the order the form offers them, 1 to 6.
    pub const ALL: [Answer; 6] = [
        Self::VeryGood,
        Self::Good,
        Self::Neither,
        Self::Poor,
        Self::VeryPoor,
        Self::DontKnow,
    ];

    /// As a member reads it on the form.
    pub fn label(self) -> &'static str {
        match self {
            Self::VeryGood => "Very good",
            Self::Good => "Good",
            Self::Neither => "Neither good nor poor",
            Self::Poor => "Poor",
            Self::VeryPoor => "Very poor",
            Self::DontKnow => "Don't know",
        }
    }

    /// As the command line names it: `very-good`, `dont-know`.
    pub fn key(self) -> &'static str {
        match self {
            Self::VeryGood => "very-good",
            Self::Good => "good",
            Self::Neither => "neither",
            Self::Poor => "poor",
            Self::VeryPoor => "very-poor",
            Self::DontKnow => "dont-know",
        }
    }

    /// The answer the command line's `key` names (ignoring case and spaces around it).
    pub fn named(key: &str) -> Option<Self> {
        let key = key.trim().to_lowercase();
        Self::ALL.into_iter().find(|answer| answer.key() == key)
    }

    /// Every key, for messages that list what is valid.
    pub fn keys() -> String {
        Self::ALL.map(Self::key).join(", ")
    }

    /// Counted as positive by the Friends and Family Test: very good or good.
    pub fn is_positive(self) -> bool {
        matches!(self, Self::VeryGood | Self::Good)
    }
}

/// One member's answers, kept apart from every name: the answer and the two optional texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub answer: Answer,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub good: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub better: String,
}

/// Which free text a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Good,
    Better,
}

impl Entry {
    /// The entry with its texts trimmed, or why one cannot be kept: longer than a record's text,
    /// or holding a control character (a line break pasted in, or a terminal escape).
    pub fn new(answer: Answer, good: &str, better: &str) -> Result<Self, &'static str> {
        Ok(Self {
            answer,
            good: checked(Field::Good, good)?,
            better: checked(Field::Better, better)?,
        })
    }

    /// The same checks on an entry read back, as a journal or log may have been edited by hand.
    pub fn check(&self) -> Result<(), &'static str> {
        Self::new(self.answer, &self.good, &self.better).map(|_| ())
    }
}

// The messages below are static, so they spell the limit out.
const _: () = assert!(MAX_TEXT_CHARS == 1000);

fn checked(field: Field, text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(match field {
            Field::Good => "\"what was good\" is longer than 1000 characters: keep it to a few sentences",
            Field::Better => {
                "\"what could be better\" is longer than 1000 characters: keep it to a few sentences"
            }
        });
    }
    if text.chars().any(char::is_control) {
        return Err(match field {
            Field::Good => "\"what was good\" holds a control character: use plain text on one line",
            Field::Better => "\"what could be better\" holds a control character: use plain text on one line",
        });
    }
    Ok(text.to_owned())
}

/// How many gave each answer, and the share positive.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    counts: [usize; 6],
}

impl Tally {
    pub fn of(answers: impl IntoIterator<Item = Answer>) -> Self {
        let mut tally = Self::default();
        for answer in answers {
            tally.counts[answer as usize] += 1;
        }
        tally
    }

    /// Every answer of every round together.
    pub fn of_rounds(rounds: &[Round]) -> Self {
        Self::of(
            rounds
                .iter()
                .flat_map(|round| round.entries.iter().map(|entry| entry.answer)),
        )
    }

    pub fn count(&self, answer: Answer) -> usize {
        self.counts[answer as usize]
    }

    /// Each answer given at least once, with how many gave it, in the form's order.
    pub fn given(&self) -> Vec<(Answer, usize)> {
        (Answer::ALL.into_iter())
            .map(|answer| (answer, self.count(answer)))
            .filter(|(_, count)| *count > 0)
            .collect()
    }

    /// Every answer given, "don't know" included.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    pub fn positive(&self) -> usize {
        Answer::ALL
            .into_iter()
            .filter(|answer| answer.is_positive())
            .map(|answer| self.count(answer))
            .sum()
    }

    /// Very good and good as a whole percentage of every answer, rounded half up; `None` with
    /// no answers.
    ///
    /// "Don't know" stays in the denominator, as NHS England computes the Friends and Family
    /// Test's percentage positive: (very good + good) / all responses, every response category
    /// counted, "don't know" too. Leaving it out would raise the figure above what the service
    /// publishes for the same answers, and a group's figures would not sit beside its trust's.
    pub fn percent_positive(&self) -> Option<usize> {
        let total = self.total();
        (total > 0).then(|| (self.positive() * 100 + total / 2) / total)
    }

    /// `7 answers, 86% positive`, or `no answers`.
    pub fn describe(&self) -> String {
        match self.percent_positive() {
            None => "no answers".to_owned(),
            Some(percent) => {
                let total = self.total();
                let s = if total == 1 { "" } else { "s" };
                format!("{total} answer{s}, {percent}% positive")
            }
        }
    }
}

/// One round: the answers members gave at one session, in the order they were entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub started_at: DateTime<Utc>,
    pub entries: Vec<Entry>,
}

impl Round {
    pub fn tally(&self) -> Tally {
        Tally::of(self.entries.iter().map(|entry| entry.answer))
    }
}

/// One of a group's saved sessions, as the reminder counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub started_at: DateTime<Utc>,
    /// Some member's feedback was entered at it.
    pub answered: bool,
}

/// A group's rhythm of feedback rounds: every how many sessions it asks, and its sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rhythm {
    pub every: u32,
    pub held: Vec<Held>,
}

impl Rhythm {
    /// Whether a round is due at `now`: the sessions held by then since the last one with any
    /// feedback (or since the first, if none had any) have reached `every`. A session at `now`
    /// counts as held, so the review of the session that reaches the interval says so, and says
    /// no more once an answer is entered there.
    pub fn due(&self, now: DateTime<Utc>) -> bool {
        let mut held: Vec<&Held> = self.held.iter().filter(|held| held.started_at <= now).collect();
        held.sort_by_key(|held| held.started_at);
        let since = held.iter().rev().take_while(|held| !held.answered).count();
        since >= usize::try_from(self.every.max(1)).unwrap_or(usize::MAX)
    }
}
