//! Members' own feedback as exports carry it: the figures (counts by answer and % positive),
//! which every scope may hold, and the entries with their texts, which only the full record
//! holds. The two are separate types, so an anonymised document has no field a text could
//! reach.

use crate::domain::feedback::{Answer, Entry, Tally};
use serde::Serialize;

/// How many gave each answer, and the share positive; no text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Figures {
    pub answers: usize,
    pub very_good: usize,
    pub good: usize,
    pub neither: usize,
    pub poor: usize,
    pub very_poor: usize,
    pub dont_know: usize,
    /// Very good and good as a whole percentage of every answer; `None` with no answers.
    pub percent_positive: Option<usize>,
}

impl Figures {
    pub fn of(entries: &[Entry]) -> Self {
        let tally = Tally::of(entries.iter().map(|entry| entry.answer));
        Self {
            answers: tally.total(),
            very_good: tally.count(Answer::VeryGood),
            good: tally.count(Answer::Good),
            neither: tally.count(Answer::Neither),
            poor: tally.count(Answer::Poor),
            very_poor: tally.count(Answer::VeryPoor),
            dont_know: tally.count(Answer::DontKnow),
            percent_positive: tally.percent_positive(),
        }
    }

    /// Each answer with its count, in the form's order, under the key the JSON gives it.
    pub fn counts(&self) -> [(Answer, &'static str, usize); 6] {
        [
            (Answer::VeryGood, "very_good", self.very_good),
            (Answer::Good, "good", self.good),
            (Answer::Neither, "neither", self.neither),
            (Answer::Poor, "poor", self.poor),
            (Answer::VeryPoor, "very_poor", self.very_poor),
            (Answer::DontKnow, "dont_know", self.dont_know),
        ]
    }
}

/// The full record's members' feedback: the figures, and every entry as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Members {
    #[serde(flatten)]
    pub figures: Figures,
    pub entries: Vec<Entry>,
}

impl Members {
    pub fn of(entries: &[Entry]) -> Self {
        Self {
            figures: Figures::of(entries),
            entries: entries.to_vec(),
        }
    }
}
