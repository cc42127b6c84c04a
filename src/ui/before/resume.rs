//! The start-up question when an interrupted session, or a journal that cannot be used, is found.

use crate::session::recovery::Interrupted;
use crate::util::format::{Zone, clock};
use crate::util::text::sanitize;
use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::text::Line;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Resume,
    /// End the interrupted session, saving its log, then start a new one.
    EndAndStartNew,
    /// Start a new session, leaving unusable journals where they are.
    StartNew,
    /// Follow the session another holdspace has open, as the co-facilitator.
    Follow,
    Quit,
}

pub struct Offer<'a> {
    pub interrupted: Option<&'a Interrupted>,
    /// Journals of sessions open in another holdspace that is still running.
    pub running: &'a [PathBuf],
    pub problems: &'a [String],
    pub zone: Zone,
    pub now: DateTime<Utc>,
}

impl Offer<'_> {
    fn choices(&self) -> Vec<(char, Choice, &'static str)> {
        let mut choices = match self.interrupted {
            Some(_) => vec![
                ('r', Choice::Resume, "resume it, with every saved event"),
                (
                    'e',
                    Choice::EndAndStartNew,
                    "end it now, save its log, and start a new session",
                ),
            ],
            None => vec![('n', Choice::StartNew, "start a new session anyway")],
        };
        if !self.running.is_empty() {
            choices.push((
                'w',
                Choice::Follow,
                "follow it as the co-facilitator: add hands, notes, attendance and follow-ups",
            ));
        }
        choices.push(('q', Choice::Quit, "quit"));
        choices
    }

    pub fn lines(&self) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        if let Some(found) = self.interrupted {
            let session = &found.session;
            lines.push(Line::raw(format!(
                "{}{} · started {} · {} events saved · last {}",
                sanitize(&session.meta.plan.group),
                if session.meta.rehearsal {
                    " (rehearsal)"
                } else {
                    ""
                },
                self.zone.hm(session.started_at),
                session.last_seq,
                self.zone.hm(session.last_at),
            )));
            if let Some(index) = session.current {
                lines.push(Line::raw(format!(
                    "It was on \"{}\", {} in.",
                    sanitize(&session.items[index].plan.title),
                    // A rehearsal's clock ran ahead of real time: it resumes from its last event.
                    clock(session.item_elapsed(index, self.now.max(session.last_at)))
                )));
            }
            if !found.contents.torn_tail.is_empty() {
                lines.push(Line::raw(format!(
                    "Its last line was cut off mid-write ({} bytes, never shown as saved); it will be kept aside in a .torn file.",
                    found.contents.torn_tail.len()
                )));
            }
            lines.push(Line::raw(""));
        }
        for path in self.running {
            lines.push(Line::raw(format!(
                "! {} is open in another holdspace that is still running: that one moves the \
                 session on, and this one can follow it as the co-facilitator.",
                sanitize(&path.display().to_string())
            )));
            lines.push(Line::raw(""));
        }
        for problem in self.problems {
            lines.push(Line::raw(format!("! {}", sanitize(problem))));
            lines.push(Line::raw(""));
        }
        for (key, _, text) in self.choices() {
            lines.push(Line::raw(format!("  [{key}] {text}")));
        }
        lines
    }

    /// The choice `key` makes, if it makes one.
    pub fn answer(&self, key: KeyEvent) -> Option<Choice> {
        if key.code == KeyCode::Esc
            || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL))
        {
            return Some(Choice::Quit);
        }
        let KeyCode::Char(c) = key.code else {
            return None;
        };
        self.choices()
            .into_iter()
            .find(|(k, _, _)| *k == c)
            .map(|(_, choice, _)| choice)
    }
}
