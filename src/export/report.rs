//! The group report: the evidence of value a team is asked for (attendance, retention, feedback
//! and timekeeping across a group's sessions), in Markdown.
//!
//! Only the per-person table names anyone, and the anonymised report leaves it out, with all
//! other text someone typed: the group is "The group", and agenda items go by their kind.

mod members;
mod pages;

pub use members::{feedback_rounds, rounds};
pub use pages::Report;

use crate::export::md::{finish, line, section, table, text};
use crate::export::{item_kinds, kind_words};
use crate::session::history::{History, Mark};
use crate::store::log::{Loaded, SessionLog};
use crate::util::format::{Zone, clock_seconds};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::fmt::Write;

/// A session that ended this close to its scheduled end, either side, ended on time.
const ON_TIME_SECONDS: i64 = 5 * 60;
/// Said at the top of a report that names people, and above the table that does.
const NAMED: &str = "Contains names: for the team's records only.";
/// The agenda items listed as most often overrunning.
const ITEMS_LISTED: usize = 5;

/// The full report on the group called `group`, with a table of attendance per person.
pub fn report(group: &str, logs: &[Loaded], zone: Zone) -> String {
    render(&History::of(logs, group), zone, true)
}

/// The report with nobody's name in it.
pub fn anonymised(group: &str, logs: &[Loaded], zone: Zone) -> String {
    render(&History::of(logs, group), zone, false)
}

fn render(history: &History, zone: Zone, names: bool) -> String {
    let group = if names {
        text(&history.group)
    } else {
        "The group".to_owned()
    };
    let sessions = &history.sessions;
    let (Some(first), Some(last)) = (sessions.first(), sessions.last()) else {
        let mut out = format!("# {group}\n\n");
        line(
            &mut out,
            "No sessions of this group are saved (rehearsals are not counted).",
        );
        return finish(out);
    };
    let (from, to) = (zone.day(first.started_at), zone.day(last.started_at));
    let mut out = if from == to {
        format!("# {group}: {from}\n\n")
    } else {
        format!("# {group}: {from} to {to}\n\n")
    };
    if names {
        line(&mut out, &format!("**{NAMED}**"));
    } else {
        line(&mut out, "Anonymised: no one is named.");
    }
    let interrupted = sessions.iter().filter(|log| log.interrupted).count();
    let _ = writeln!(out, "- Sessions: {} (rehearsals are not counted)", sessions.len());
    if interrupted > 0 {
        let _ = writeln!(
            out,
            "- Interrupted and closed without being resumed: {interrupted}"
        );
    }
    out.push('\n');
    attendance(&mut out, history, zone);
    retention(&mut out, history);
    feedback(&mut out, sessions, zone);
    members::write(&mut out, &members::rounds(sessions), zone, names);
    timings(&mut out, sessions, zone, names);
    if names {
        people(&mut out, history);
    }
    finish(out)
}

/// `26 Nov 2026 18:00`: a session, by its start, as the tables name it.
fn when(started_at: DateTime<Utc>, zone: Zone) -> String {
    format!("{} {}", zone.day(started_at), zone.hm(started_at))
}

/// `part` of `whole` as a whole percentage; `whole` is never 0 where it is used.
fn percent(part: usize, whole: usize) -> String {
    format!("{:.0}%", part as f64 * 100.0 / whole.max(1) as f64)
}

fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, count) = (values.into_iter()).fold((0.0, 0u32), |(sum, count), value| (sum + value, count + 1));
    (count > 0).then(|| sum / f64::from(count))
}

fn attendance(out: &mut String, history: &History, zone: Zone) {
    section(out, "Attendance");
    line(
        out,
        "People in the room at each session: present, late or left early.",
    );
    let attending = history.attending();
    let rows = history
        .sessions
        .iter()
        .zip(&attending)
        .enumerate()
        .map(|(at, (log, count))| {
            let listed = (history.marks_at(at))
                .filter(|mark| *mark != Mark::NotListed)
                .count();
            let unknown = (history.marks_at(at))
                .filter(|mark| matches!(mark, Mark::Listed { attendance: None, .. }))
                .count();
            vec![
                when(log.started_at, zone),
                count.to_string(),
                listed.to_string(),
                unknown.to_string(),
            ]
        });
    table(out, &["Session", "Attended", "On the list", "Not recorded"], rows);
    line(out, &change(&attending));
}

/// The mean attendance of the first half of the sessions against the last half's.
fn change(attending: &[usize]) -> String {
    let n = attending.len();
    if n < 2 {
        return "With one session there are no halves to compare yet.".to_owned();
    }
    let half = n / 2;
    let average = |part: &[usize]| mean(part.iter().map(|&count| count as f64)).unwrap_or(0.0);
    let (before, after) = (average(&attending[..half]), average(&attending[n - half..]));
    let change = after - before;
    let relative = if before > 0.0 {
        format!(" ({:+.0}%)", change / before * 100.0)
    } else {
        String::new()
    };
    let middle = if n % 2 == 1 {
        " The middle session is in neither half."
    } else {
        ""
    };
    format!(
        "Attending per session, first {half} sessions: {before:.1} on average; last {half}: \
         {after:.1}; a change of {change:+.1}{relative}.{middle}"
    )
}

fn retention(out: &mut String, history: &History) {
    section(out, "Retention");
    line(out, &kept(history));
}

/// How many of those named before a session came to at least half the sessions they were
/// expected at.
fn kept(history: &History) -> String {
    let expected: Vec<(usize, usize)> = (history.people.iter())
        .map(super::super::session::history::Person::expected)
        .filter(|(count, _)| *count > 0)
        .collect();
    if expected.is_empty() {
        return "No one was named before a session, so there is no retention to measure.".to_owned();
    }
    let kept = expected.iter().filter(|(count, came)| came * 2 >= *count).count();
    format!(
        "{kept} of the {} people named before a session ({}) came to at least half of the \
         sessions they were expected at.",
        expected.len(),
        percent(kept, expected.len())
    )
}

fn feedback(out: &mut String, sessions: &[&SessionLog], zone: Zone) {
    section(out, "Feedback");
    line(
        out,
        "Ratings from 1 to 5, given in the review after each session.",
    );
    let ratings = |log: &SessionLog| -> Vec<f64> {
        (log.participants.iter())
            .filter_map(|person| person.rating.map(f64::from))
            .collect()
    };
    let average = |ratings: &[f64]| match mean(ratings.iter().copied()) {
        Some(mean) => format!("{mean:.1} from {} rating(s)", ratings.len()),
        None => "no ratings".to_owned(),
    };
    let rows = sessions
        .iter()
        .map(|log| vec![when(log.started_at, zone), average(&ratings(log))]);
    table(out, &["Session", "Average rating"], rows);
    let all: Vec<f64> = sessions.iter().flat_map(|log| ratings(log)).collect();
    line(out, &format!("Overall: {}.", average(&all)));
}

fn timings(out: &mut String, sessions: &[&SessionLog], zone: Zone, names: bool) {
    section(out, "Session timings");
    line(out, "Planned length: from the start to the scheduled end.");
    table(
        out,
        &TIMING_HEADER,
        sessions.iter().map(|log| timing_row(log, zone)),
    );
    let (timed, summary) = timing_summary(sessions);
    if timed.len() < sessions.len() {
        line(out, LEFT_OUT);
    }
    if timed.is_empty() {
        return;
    }
    for said in summary {
        let _ = writeln!(out, "- {said}");
    }
    out.push('\n');
    items(out, &timed, names);
}

const TIMING_HEADER: [&str; 4] = [
    "Session",
    "Planned length",
    "Actual length",
    "Ended, against the scheduled end",
];

fn late(log: &SessionLog) -> i64 {
    (log.ended_at - log.scheduled_end).num_seconds()
}

/// A session's planned and actual length, and when it ended against its scheduled end.
fn timing_row(log: &SessionLog, zone: Zone) -> Vec<String> {
    let ended = match late(log) {
        _ if log.interrupted => "interrupted".to_owned(),
        0 => "on time".to_owned(),
        secs if secs > 0 => format!("{} after", clock_seconds(secs)),
        secs => format!("{} before", clock_seconds(secs)),
    };
    vec![
        when(log.started_at, zone),
        clock_seconds((log.scheduled_end - log.started_at).num_seconds()),
        clock_seconds((log.ended_at - log.started_at).num_seconds()),
        ended,
    ]
}

/// Said where some sessions were interrupted.
const LEFT_OUT: &str =
    "Interrupted sessions (closed without being resumed) are left out of the figures below.";

/// The sessions that ran to their end (interrupted ones are left out), and what they say
/// about keeping time.
fn timing_summary<'a>(sessions: &[&'a SessionLog]) -> (Vec<&'a SessionLog>, Vec<String>) {
    let timed: Vec<&SessionLog> = sessions.iter().copied().filter(|log| !log.interrupted).collect();
    let mut said = Vec::new();
    if timed.is_empty() {
        return (timed, said);
    }
    let on_time = (timed.iter())
        .filter(|log| late(log).abs() <= ON_TIME_SECONDS)
        .count();
    let early = timed.iter().filter(|log| late(log) < -ON_TIME_SECONDS).count();
    let overran = timed.len() - on_time - early;
    said.push(format!(
        "Ended within 5 minutes of the scheduled end: {on_time} of {} ({}); {early} ended more \
         than 5 minutes before it and {overran} more than 5 minutes after.",
        timed.len(),
        percent(on_time, timed.len())
    ));
    let overrun = mean(timed.iter().map(|log| late(log).max(0) as f64)).unwrap_or(0.0);
    said.push(format!(
        "Mean overrun past the scheduled end: {} (a session that ended on time or early counts as 0:00).",
        clock_seconds(overrun.round() as i64)
    ));
    (timed, said)
}

/// One agenda item across sessions, matched by title ignoring case, or, in an anonymised
/// report, every item of one kind.
#[derive(Default)]
struct Item {
    title: String,
    run: usize,
    overran: usize,
    overrun_seconds: i64,
}

fn items(out: &mut String, sessions: &[&SessionLog], names: bool) {
    let _ = writeln!(out, "### Agenda items that most often overran\n");
    let mut found: HashMap<String, Item> = HashMap::new();
    for log in sessions {
        // Folding a log's events again costs time, so only the anonymised report does it.
        let kinds = if names {
            vec![None; log.items.len()]
        } else {
            item_kinds(log)
        };
        for (item, kind) in log.items.iter().zip(kinds) {
            let title = if names {
                item.title.trim().to_owned()
            } else {
                kind_words(kind).to_owned()
            };
            let tally = found.entry(title.to_lowercase()).or_default();
            tally.title = title;
            tally.run += usize::from(item.started_at.is_some());
            if item.overrun_seconds > 0 {
                tally.overran += 1;
                tally.overrun_seconds = tally.overrun_seconds.saturating_add(item.overrun_seconds);
            }
        }
    }
    let mut items: Vec<Item> = found.into_values().filter(|item| item.overran > 0).collect();
    if items.is_empty() {
        line(out, "No agenda item ran over its time.");
        return;
    }
    items.sort_by(|a, b| {
        (b.overran.cmp(&a.overran))
            .then(a.run.cmp(&b.run))
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
    });
    let rows = items.iter().take(ITEMS_LISTED).map(|item| {
        let overran = i64::try_from(item.overran).unwrap_or(i64::MAX);
        vec![
            text(&item.title),
            format!("{} of {} times run", item.overran, item.run),
            clock_seconds(item.overrun_seconds / overran),
        ]
    });
    let item = if names { "Item" } else { "Kind of item" };
    table(out, &[item, "Overran", "Mean overrun when it did"], rows);
}

fn people(out: &mut String, history: &History) {
    section(out, "Attendance per person");
    line(out, NAMED);
    if history.people.is_empty() {
        line(out, "No one was named at these sessions.");
        return;
    }
    line(
        out,
        "Attended out of the sessions each person was on the list for, expected or added on the day; \
         an attendance not recorded is not counted as attended.",
    );
    let rows = history.people.iter().map(|person| {
        let (expected, came) = person.expected();
        vec![
            text(&person.name),
            person.attended().to_string(),
            person.listed().to_string(),
            percent(person.attended(), person.listed()),
            if expected == 0 {
                "—".to_owned()
            } else {
                format!("{came} of {expected}")
            },
        ]
    });
    table(
        out,
        &["Name", "Attended", "On the list", "Rate", "Came when expected"],
        rows,
    );
    if history.people.iter().any(|person| person.expected().0 == 0) {
        line(
            out,
            "— in the last column: only ever added on the day, never expected.",
        );
    }
}
