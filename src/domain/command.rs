//! What the facilitator can ask of a session, and the event each request becomes (or why not).

use super::event::{EventKind, PlannedTime, Replan};
use super::hands::FloorCommand;
use super::plan::MAX_MINUTES;
use super::record::RecordCommand;
use super::schedule::{Share, rebalance};
use super::session::Session;
use chrono::{DateTime, TimeDelta, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Next,
    Back,
    /// Straight to the item at this index, as when its row on the agenda is clicked.
    MoveTo(usize),
    TogglePause,
    AddMinute,
    RemoveMinute,
    Rebalance,
    RevisitRules,
    DismissWarning,
    Note(String),
    Floor(FloorCommand),
    Record(RecordCommand),
    End,
}

impl Session {
    /// Turns a request into the event it causes now, or a short reason it does nothing.
    pub fn decide(&self, command: &Command, now: DateTime<Utc>) -> Result<EventKind, &'static str> {
        let review = matches!(
            command,
            Command::Record(_) | Command::Floor(FloorCommand::AddParticipant(_))
        );
        if self.ended.is_some() && !review {
            return Err("the session has ended");
        }
        let last = self.items.len() - 1;
        match command {
            Command::Next => match self.current {
                Some(index) if index < last => Ok(EventKind::Moved { to: Some(index + 1) }),
                Some(_) => Ok(EventKind::Moved { to: None }),
                None => Err("the agenda is complete: q ends the session"),
            },
            Command::Back => match self.current {
                Some(0) => Err("already at the first item"),
                Some(index) => Ok(EventKind::Moved { to: Some(index - 1) }),
                None => Ok(EventKind::Moved { to: Some(last) }),
            },
            Command::MoveTo(index) if *index > last => Err("there is no such agenda item"),
            Command::MoveTo(index) if self.current == Some(*index) => Err("that item is running now"),
            Command::MoveTo(index) => Ok(EventKind::Moved { to: Some(*index) }),
            Command::TogglePause => match (self.current, self.is_paused()) {
                (_, true) => Ok(EventKind::Unpaused),
                (Some(_), false) => Ok(EventKind::Paused),
                (None, false) => Err("no item is running"),
            },
            Command::AddMinute => self.change_current(1),
            Command::RemoveMinute => self.change_current(-1),
            Command::Rebalance => self.rebalance(now),
            Command::RevisitRules => Ok(EventKind::RulesRevisited),
            Command::DismissWarning if self.warning_showing() => Ok(EventKind::WarningDismissed),
            Command::DismissWarning => Err("no warning to dismiss"),
            Command::Note(text) if text.trim().is_empty() => Err("an empty note is not saved"),
            Command::Note(text) => Ok(EventKind::Note {
                text: text.trim().to_owned(),
            }),
            Command::Floor(request) => self.floor.decide(request, self.current.is_some()),
            Command::Record(request) => self.record.decide(request),
            Command::End => Ok(EventKind::Ended { interrupted: false }),
        }
    }

    fn change_current(&self, by: i64) -> Result<EventKind, &'static str> {
        let index = self.current.ok_or("the agenda is complete")?;
        let minutes = i64::from(self.items[index].minutes) + by;
        if minutes < 1 {
            return Err("an item keeps at least one minute");
        }
        if minutes > i64::from(MAX_MINUTES) {
            return Err("an item can be planned for at most ten hours");
        }
        Ok(EventKind::Replanned {
            reason: if by > 0 {
                Replan::AddMinute
            } else {
                Replan::RemoveMinute
            },
            planned: vec![PlannedTime {
                index,
                minutes: u32::try_from(minutes).map_err(|_| "too many minutes")?,
            }],
        })
    }

    /// Shares the time left before the scheduled end among the items not yet started,
    /// leaving the current item and any revisited ones as they are.
    fn rebalance(&self, now: DateTime<Utc>) -> Result<EventKind, &'static str> {
        let current = self.current.ok_or("the agenda is complete")?;
        let later: Vec<usize> = (current + 1..self.items.len())
            .filter(|&index| self.items[index].first_started.is_none())
            .collect();
        if later.is_empty() {
            return Err("no items left to rebalance");
        }
        let committed: TimeDelta = (current..self.items.len())
            .filter(|index| !later.contains(index))
            .map(|index| self.item_remaining(index, now).max(TimeDelta::zero()))
            .sum();
        let available = (self.until_scheduled_end(now) - committed).num_minutes().max(0);
        let shares: Vec<Share> = later
            .iter()
            .map(|&index| Share {
                planned: self.items[index].minutes,
                floor: self.items[index].plan.floor_minutes(),
            })
            .collect();
        let minutes = rebalance(&shares, u32::try_from(available).unwrap_or(u32::MAX));
        if minutes.iter().any(|&minutes| minutes > MAX_MINUTES) {
            return Err("rebalancing would plan an item for more than ten hours");
        }
        let planned: Vec<PlannedTime> = later
            .iter()
            .zip(minutes)
            .filter(|(index, minutes)| self.items[**index].minutes != *minutes)
            .map(|(&index, minutes)| PlannedTime { index, minutes })
            .collect();
        if planned.is_empty() {
            return Err("the remaining items already fit the time left");
        }
        Ok(EventKind::Replanned {
            reason: Replan::Rebalance,
            planned,
        })
    }
}
