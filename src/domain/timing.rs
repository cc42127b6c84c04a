//! Readings of a session at a moment: elapsed and remaining time, projected end, what is due.

use super::event::EventKind;
use super::session::{Session, nonnegative};
use chrono::{DateTime, TimeDelta, Utc};

/// How long nothing may be touched, with the running item well past its time, before a gentle
/// word; and the least an item must be over for it.
pub const NUDGE_AFTER: TimeDelta = TimeDelta::minutes(5);

impl Session {
    /// The running item, if it has run well past its time (a quarter of its plan again, and at
    /// least [`NUDGE_AFTER`]) while nothing was touched since `touched`, for [`NUDGE_AFTER`]:
    /// the moment a facilitator may have lost track. Paused or ended, nothing is running.
    pub fn overdue_untouched(&self, now: DateTime<Utc>, touched: DateTime<Utc>) -> Option<usize> {
        let current = self.current?;
        if self.ended.is_some() || self.running_since.is_none() {
            return None;
        }
        let planned = TimeDelta::minutes(i64::from(self.items[current].minutes));
        let over = -self.item_remaining(current, now);
        let well_past = (planned / 4).max(NUDGE_AFTER);
        (over >= well_past && now - touched >= NUDGE_AFTER).then_some(current)
    }

    pub fn item_elapsed(&self, index: usize, now: DateTime<Utc>) -> TimeDelta {
        let item = &self.items[index];
        match (self.current, self.running_since) {
            (Some(current), Some(since)) if current == index => item.spent + nonnegative(now - since),
            _ => item.spent,
        }
    }

    /// Planned minus elapsed: negative once the item runs over.
    pub fn item_remaining(&self, index: usize, now: DateTime<Utc>) -> TimeDelta {
        TimeDelta::minutes(i64::from(self.items[index].minutes)) - self.item_elapsed(index, now)
    }

    /// When the session will end if every item from here on takes its planned time.
    pub fn projected_end(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        if let Some(ending) = self.ended {
            return ending.at;
        }
        let Some(current) = self.current else {
            return now;
        };
        let ahead: TimeDelta = (current..self.items.len())
            .map(|index| nonnegative(self.item_remaining(index, now)))
            .sum();
        now + ahead
    }

    /// Projected end minus scheduled end: positive when running late, negative when ahead.
    pub fn behind_by(&self, now: DateTime<Utc>) -> TimeDelta {
        self.projected_end(now) - self.meta.scheduled_end
    }

    pub fn warning_at(&self) -> Option<DateTime<Utc>> {
        (self.meta.warn_minutes > 0)
            .then(|| self.meta.scheduled_end - TimeDelta::minutes(i64::from(self.meta.warn_minutes)))
    }

    /// Time until the scheduled end: negative once it has passed.
    pub fn until_scheduled_end(&self, now: DateTime<Utc>) -> TimeDelta {
        self.meta.scheduled_end - now
    }

    /// Whether the warning banner should be on screen.
    pub fn warning_showing(&self) -> bool {
        self.warning_raised.is_some() && self.warning_dismissed.is_none() && self.ended.is_none()
    }

    /// Events that the passing of time makes due: the end warning and passing the scheduled end.
    pub fn due(&self, now: DateTime<Utc>) -> Vec<EventKind> {
        let mut due = Vec::new();
        if self.ended.is_some() {
            return due;
        }
        if self.warning_raised.is_none() && self.warning_at().is_some_and(|at| now >= at) {
            due.push(EventKind::WarningRaised);
        }
        if self.end_passed.is_none() && now >= self.meta.scheduled_end {
            due.push(EventKind::ScheduledEndPassed);
        }
        due
    }
}
