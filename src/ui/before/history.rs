//! A group's history at a glance, from its saved sessions: the people attending each session
//! and members' feedback as % positive per round, for small charts; Esc or q goes back home.

use crate::export::report::feedback_rounds;
use crate::session::history::History;
use crate::store::log::Loaded;
use crate::ui::before::keys::{self, Key};
use crate::ui::typing::Field;
use crate::util::format::Zone;
use crossterm::event::{KeyCode, KeyEvent};

pub struct HistoryView {
    pub group: String,
    /// Each session's day and the people attending it, oldest first.
    pub attending: Vec<(String, u64)>,
    /// Each feedback round's day and its % positive, oldest first.
    pub positive: Vec<(String, u64)>,
    /// Every round's answers together, as `7 answers, 86% positive`.
    pub overall: String,
    /// Saved logs that could not be read, and so are not counted.
    pub unread: usize,
    /// The keys are shown over the charts.
    pub help: bool,
}

/// The history's keys, for its key handling, footer and `?` help: it only goes back.
pub const KEYS: &[Key<()>] = &[
    // `keys::help_key` takes `?` before the table is read.
    Key {
        names: "?",
        does: "keys",
        codes: &[],
    },
    Key {
        names: "Esc q",
        does: "back",
        codes: &[(KeyCode::Esc, ()), (KeyCode::Char('q'), ())],
    },
];

impl HistoryView {
    /// The group called `group`, from its saved `logs` (rehearsals are not counted), its days
    /// as `zone` reads them.
    pub fn of(group: &str, logs: &[Loaded], unread: usize, zone: Zone) -> Self {
        let history = History::of(logs, group);
        let day = |at| zone.format(at, "%d/%m");
        let attending = (history.sessions.iter().zip(history.attending()))
            .map(|(log, count)| (day(log.started_at), count as u64))
            .collect();
        let rounds = feedback_rounds(logs, group);
        let positive = (rounds.iter())
            .map(|round| {
                let percent = round.tally().percent_positive().unwrap_or(0);
                (day(round.started_at), percent as u64)
            })
            .collect();
        let all = crate::domain::feedback::Tally::of_rounds(&rounds);
        Self {
            group: history.group,
            attending,
            positive,
            overall: all.describe(),
            unread,
            help: false,
        }
    }

    /// Whether the screen stays open after `key`.
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        keys::help_key(&mut self.help, key) || keys::lookup(KEYS, key.code).is_none()
    }
}

/// Nothing is typed here, so a paste goes nowhere.
impl Field for HistoryView {
    fn field(&mut self) -> Option<&mut String> {
        None
    }
}
