//! The facilitator's own time with the groups, so boundaries can be kept: from the saved
//! sessions, the time preparing (from the first checklist tick), in the session and reviewing
//! it (to the last thing recorded); from the rosters, the contacts made and follow-ups done.

use crate::domain::EventKind;
use crate::domain::roster::Roster;
use crate::store::log::SessionLog;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

/// Longer than this before or after a session is not counted: a checklist ticked the day
/// before, or a review reopened a week on, is not time spent in one sitting.
const MOST_AROUND: TimeDelta = TimeDelta::hours(2);

/// The facilitator's time over some days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workload {
    pub sessions: usize,
    pub preparing: TimeDelta,
    pub running: TimeDelta,
    pub reviewing: TimeDelta,
    pub contacts: usize,
    pub done: usize,
}

/// The workload of the days from `from` to `to`, both counted: real sessions started on them
/// (rehearsals are practice), and roster contacts and things done dated on them. `day` gives
/// the local day of a moment.
pub fn between(
    logs: &[&SessionLog],
    rosters: &[Roster],
    from: NaiveDate,
    to: NaiveDate,
    day: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Workload {
    let within = |date: NaiveDate| (from..=to).contains(&date);
    let mut load = Workload::default();
    for log in logs
        .iter()
        .filter(|log| !log.rehearsal && within(day(log.started_at)))
    {
        load.sessions += 1;
        load.running += (log.ended_at - log.started_at).max(TimeDelta::zero());
        let first_tick = log.events.first().and_then(|event| match &event.kind {
            EventKind::Started(meta) => meta.checklist.iter().filter_map(|check| check.ticked_at).min(),
            _ => None,
        });
        if let Some(tick) = first_tick {
            load.preparing += (log.started_at - tick).clamp(TimeDelta::zero(), MOST_AROUND);
        }
        if let Some(last) = log.events.last() {
            load.reviewing += (last.at - log.ended_at).clamp(TimeDelta::zero(), MOST_AROUND);
        }
    }
    for roster in rosters {
        load.contacts += (roster.members.iter())
            .flat_map(|member| &member.contacts)
            .filter(|contact| within(contact.on))
            .count();
        load.done += roster.done.iter().filter(|done| within(done.on)).count();
    }
    load
}
