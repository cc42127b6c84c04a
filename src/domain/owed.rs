//! What the facilitator owes to whom between sessions, in one list kept until each thing is
//! done: the concerns and offers raised in sessions, a call for anyone absent without sending
//! word or absent twice in a row, the referrers to tell of a change, and the roster's own next steps.
//! Pure: the sessions come in as `Held`, and today is given.

use super::hands::same_name;
use super::record::{Attendance, Flag, FollowUp};
use super::roster::{Closure, Owed, Reason, Roster, RosterError, Status, ToContact};
use crate::util::text::sanitize;
use chrono::NaiveDate;

/// A session as follow-through reads it: its day, and who was listed with what was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub on: NaiveDate,
    pub people: Vec<Seen>,
}

/// One person listed in a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub name: String,
    pub attendance: Option<Attendance>,
    pub flags: Vec<Flag>,
}

/// Everything owed today, most urgent first and, within one reason, longest owed first: what
/// the roster's next steps are, with what `held` (oldest first) and the referrers are owed
/// and the roster does not yet say is done.
pub fn to_contact(
    roster: &Roster,
    held: &[Held],
    capacity: u32,
    today: NaiveDate,
    next_meeting: Option<NaiveDate>,
) -> Vec<ToContact> {
    // The roster's own steps close by moving the person on; a waiver or a welcome noted done
    // closes them too, until the person moves on again.
    let mut due: Vec<ToContact> = (roster.to_contact(capacity, today, next_meeting).into_iter())
        .filter(|due| !is_done(roster, &due.name, due.reason, due.since))
        .collect();
    due.extend(from_sessions(roster, held));
    due.extend(absences(roster, held));
    due.extend(referrers(roster, held));
    // A stable sort keeps the order each source gave within one reason and day.
    due.sort_by_key(|due| (due.reason, due.since));
    due
}

/// The follow-ups flagged in sessions and not done since: one line per person and kind, from
/// the first flag still open, worded by the latest.
fn from_sessions(roster: &Roster, held: &[Held]) -> Vec<ToContact> {
    let mut due: Vec<ToContact> = Vec::new();
    for session in held {
        for seen in &session.people {
            for flag in &seen.flags {
                let reason = match flag.follow_up {
                    FollowUp::Safeguarding => Reason::Safeguarding,
                    FollowUp::OneToOne => Reason::OneToOne,
                    FollowUp::CallBeforeNext => Reason::Call,
                };
                if is_done(roster, &seen.name, reason, session.on) {
                    continue;
                }
                let why = flagged(roster, &seen.name, flag);
                match due
                    .iter_mut()
                    .find(|due| due.reason == reason && same_name(&due.name, &seen.name))
                {
                    Some(open) => open.why = why,
                    None => due.push(ToContact {
                        name: seen.name.clone(),
                        why,
                        since: session.on,
                        reason,
                    }),
                }
            }
        }
    }
    due
}

/// A flag's line: what to do, to whom for a concern, and the note made in the session.
fn flagged(roster: &Roster, name: &str, flag: &Flag) -> String {
    let what = match flag.follow_up {
        FollowUp::Safeguarding => {
            let to = (roster.members.iter())
                .find(|member| same_name(&member.name, name))
                .map(|member| member.referred_by.trim())
                .filter(|referrer| !referrer.is_empty())
                .map_or_else(|| "their care co-ordinator".to_owned(), sanitize);
            format!("safeguarding: pass to {to}")
        }
        FollowUp::OneToOne => "one-to-one offered: arrange it".to_owned(),
        FollowUp::CallBeforeNext => "call before the next session".to_owned(),
    };
    let note = flag.note.trim();
    if note.is_empty() {
        what
    } else {
        format!("{what} ({})", sanitize(note))
    }
}

/// Members holding a place who were absent from the last session they were listed in without
/// sending word, or absent from the last two either way: a call to check in.
fn absences(roster: &Roster, held: &[Held]) -> Vec<ToContact> {
    let away = |attendance: Option<Attendance>| attendance.is_some_and(|attendance| !attendance.attended());
    (roster.members.iter())
        .filter(|member| member.status.holds_place())
        .filter_map(|member| {
            let mut listed = held.iter().rev().filter_map(|session| {
                let seen = session
                    .people
                    .iter()
                    .find(|seen| same_name(&seen.name, &member.name))?;
                Some((session.on, seen.attendance))
            });
            let (on, last) = listed.next()?;
            let why = if away(last) && listed.next().is_some_and(|(_, before)| away(before)) {
                "missed 2 in a row: check in".to_owned()
            } else if last == Some(Attendance::Absent) {
                format!("absent on {on} without sending word: check in")
            } else {
                return None;
            };
            (!is_done(roster, &member.name, Reason::Call, on)).then(|| ToContact {
                name: member.name.clone(),
                why,
                since: on,
                reason: Reason::Call,
            })
        })
        .collect()
}

/// What each referrer should hear and has not: a place offered, the waiting list and where,
/// a decline or a leaving (from the day the status was set), and a first session attended.
fn referrers(roster: &Roster, held: &[Held]) -> Vec<ToContact> {
    let waiting = roster.waiting_list();
    let mut due = Vec::new();
    for member in &roster.members {
        let tell = |news: String, since: NaiveDate| {
            (!is_done(roster, &member.name, Reason::TellReferrer, since)).then(|| ToContact {
                name: member.name.clone(),
                why: format!("tell {}: {news}", sanitize(member.referred_by.trim())),
                since,
                reason: Reason::TellReferrer,
            })
        };
        let name = sanitize(&member.name);
        let news = match member.status {
            // A place taken is news until told, however far they have moved on since.
            status if status.holds_place() => member.placed_on.map(|on| (format!("{name} has a place"), on)),
            Status::WaitingList => waiting
                .iter()
                .position(|waiting| waiting.name == member.name)
                .map(|at| {
                    (
                        format!("{name} is on the waiting list, number {}", at + 1),
                        member.status_since,
                    )
                }),
            Status::Declined => Some((format!("{name} declined the place"), member.status_since)),
            Status::Left => Some((format!("{name} has left the group"), member.status_since)),
            Status::Referred
            | Status::Contacted
            | Status::WaiverSent
            | Status::WaiverReturned
            | Status::Confirmed => None,
        };
        due.extend(news.and_then(|(news, since)| tell(news, since)));
        let first = held.iter().find(|session| {
            session.people.iter().any(|seen| {
                same_name(&seen.name, &member.name) && seen.attendance.is_some_and(Attendance::attended)
            })
        });
        if let Some(first) = first {
            due.extend(tell(
                format!("{name} came to their first session on {}", first.on),
                first.on,
            ));
        }
    }
    due
}

/// Notes `closure` done when something of its kind is owed to its person today, as
/// `to_contact` sees it; refused, naming the person and kind, when nothing is.
pub fn close(
    roster: &mut Roster,
    held: &[Held],
    capacity: u32,
    today: NaiveDate,
    next_meeting: Option<NaiveDate>,
    closure: Closure,
) -> Result<String, RosterError> {
    let open = (to_contact(roster, held, capacity, today, next_meeting).iter())
        .any(|due| due.reason.owed() == Some(closure.owed) && same_name(&due.name, &closure.name));
    roster.close(closure, open, today)
}

/// Whether what `reason` owes `name` since `since` has been done, on that day or later.
fn is_done(roster: &Roster, name: &str, reason: Reason, since: NaiveDate) -> bool {
    let owed: Option<Owed> = reason.owed();
    owed.and_then(|owed| roster.done_on(name, owed))
        .is_some_and(|done| done >= since)
}
