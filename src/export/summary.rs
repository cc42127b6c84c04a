//! Printed summaries of saved sessions, for `holdspace sessions` and `holdspace show`.

use crate::domain::feedback::{BETTER, Entry, GOOD, Tally};
use crate::domain::record::{Attendance, FollowUp};
use crate::session::records::to_do;
use crate::store::log::{Loaded, SessionLog};
use crate::util::format::{Zone, clock, clock_seconds};
use crate::util::text::{cells, cut, pad, sanitize};
use std::fmt::Write;

fn flags(loaded: &Loaded) -> String {
    let log = &loaded.log;
    [
        (log.rehearsal, "rehearsal"),
        (log.interrupted, "interrupted"),
        (loaded.newer, "newer version: read-only"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, word)| *word)
    .collect::<Vec<_>>()
    .join(", ")
}

/// One line per session, newest last.
pub fn list(logs: &[Loaded], zone: Zone) -> String {
    if logs.is_empty() {
        return "No saved sessions yet.\n".to_owned();
    }
    let width = logs
        .iter()
        .map(|l| l.log.id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut out = format!(
        "{:width$}  {:<15}  {:<11}  {:<24}  notes  follow-ups\n",
        "ID", "date", "time", "group"
    );
    for loaded in logs {
        let log = &loaded.log;
        let follow_ups: usize = log
            .participants
            .iter()
            .map(|person| person.follow_ups.len())
            .sum();
        let safeguarding = log
            .participants
            .iter()
            .flat_map(|person| &person.follow_ups)
            .any(|flag| flag.follow_up == FollowUp::Safeguarding);
        let _ = writeln!(
            out,
            "{:width$}  {}  {}–{}  {}  {:>5}  {:>10}{}",
            sanitize(&log.id),
            zone.date(log.started_at),
            zone.hm(log.started_at),
            zone.hm(log.ended_at),
            // A long name is cut so the counts after it stay in their columns.
            pad(&cut(&sanitize(&log.group), 24), 24),
            log.notes.len(),
            // A safeguarding concern is marked, so it cannot be missed in the list.
            if safeguarding {
                format!("⚑ {follow_ups}")
            } else {
                follow_ups.to_string()
            },
            match flags(loaded).as_str() {
                "" => String::new(),
                some => format!("  ({some})"),
            }
        );
    }
    out
}

/// Who came, in the order they joined.
fn attendance(log: &SessionLog) -> String {
    let mut out = String::from("\nAttendance:\n");
    for person in &log.participants {
        let _ = writeln!(
            out,
            "  {}: {}{}",
            sanitize(&person.name),
            person.attendance.map_or("not recorded", Attendance::describe),
            if person.expected {
                ""
            } else {
                " (added on the day)"
            }
        );
    }
    out
}

/// The follow-ups still to act on, safeguarding first; nothing when there are none.
fn follow_ups(log: &SessionLog) -> String {
    let items = to_do(
        log.participants
            .iter()
            .map(|person| (person.name.as_str(), person.follow_ups.as_slice())),
    );
    if items.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nFollow-ups (private):\n");
    for item in items {
        let note = if item.note.is_empty() {
            String::new()
        } else {
            format!(": {}", sanitize(item.note))
        };
        let _ = writeln!(
            out,
            "  {}: {}{note}",
            sanitize(item.name),
            item.follow_up.describe()
        );
    }
    out
}

/// Talk time and turns per participant, most talk first.
fn talk(log: &SessionLog) -> String {
    let mut people: Vec<_> = log.participants.iter().collect();
    people.sort_by_key(|person| std::cmp::Reverse(person.talk_seconds));
    let names: Vec<String> = people.iter().map(|person| sanitize(&person.name)).collect();
    let width = names.iter().map(|name| cells(name)).max().unwrap_or(0);
    let mut out = String::from("\nTalk time:\n");
    for (person, name) in people.iter().zip(&names) {
        let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let _ = writeln!(
            out,
            "  {}  {:>7}  {}, {}",
            pad(name, width),
            clock_seconds(person.talk_seconds),
            plural(person.turns, "turn", "turns"),
            plural(person.hands_raised, "hand raised", "hands raised"),
        );
    }
    out
}

/// Members' own answers: how many gave each, % positive, then each entry numbered in entry
/// order with its texts in full (made safe for the terminal).
pub fn feedback(entries: &[Entry]) -> String {
    let tally = Tally::of(entries.iter().map(|entry| entry.answer));
    let mut out = format!("Members' feedback: {}\n", tally.describe());
    for (answer, count) in tally.given() {
        let _ = writeln!(out, "  {}: {count}", answer.label());
    }
    for (number, entry) in entries.iter().enumerate() {
        let _ = writeln!(out, "\n  {}. {}", number + 1, entry.answer.label());
        for (question, text) in [(GOOD, &entry.good), (BETTER, &entry.better)] {
            if !text.is_empty() {
                let _ = writeln!(out, "     {question} {}", sanitize(text));
            }
        }
    }
    out
}

/// A readable account of one session.
pub fn show(loaded: &Loaded, zone: Zone) -> String {
    let log: &SessionLog = &loaded.log;
    let mut out = String::new();
    let _ = writeln!(out, "{} · {}", sanitize(&log.group), sanitize(&log.plan));
    let _ = writeln!(
        out,
        "{} {}–{} (scheduled end {}), {} in all{}",
        zone.date(log.started_at),
        zone.hm(log.started_at),
        zone.hm(log.ended_at),
        zone.hm(log.scheduled_end),
        clock(log.ended_at - log.started_at),
        match flags(loaded).as_str() {
            "" => String::new(),
            some => format!(" · {some}"),
        }
    );
    let width = log
        .items
        .iter()
        .map(|i| cells(&sanitize(&i.title)))
        .max()
        .unwrap_or(4)
        .max(4);
    let _ = writeln!(out, "\n  {:width$}  planned  final   actual     over", "item");
    for item in &log.items {
        let over = match item.overrun_seconds {
            0 => String::new(),
            secs => format!("+{}", clock_seconds(secs)),
        };
        let _ = writeln!(
            out,
            "  {}  {:>7}  {:>5}  {:>7}  {:>7}{}",
            pad(&sanitize(&item.title), width),
            item.planned_minutes,
            item.final_minutes,
            match item.started_at {
                Some(_) => clock_seconds(item.actual_seconds),
                None => "not run".to_owned(),
            },
            over,
            if item.protected { "  (protected)" } else { "" }
        );
    }
    out.push('\n');
    if let Some(at) = log.warning_at {
        let _ = writeln!(
            out,
            "End warning at {} ({} min before the end).",
            zone.hm(at),
            log.warn_minutes
        );
    }
    if let Some(at) = log.scheduled_end_passed_at {
        let _ = writeln!(
            out,
            "Scheduled end passed at {}: ran {} over.",
            zone.hm(at),
            clock(log.ended_at - log.scheduled_end)
        );
    }
    if log.paused_seconds > 0 {
        let _ = writeln!(out, "Paused for {} in all.", clock_seconds(log.paused_seconds));
    }
    if !log.rules_revisited.is_empty() {
        let times: Vec<String> = log.rules_revisited.iter().map(|at| zone.hm(*at)).collect();
        let _ = writeln!(
            out,
            "Ground rules revisited {} time(s): {}.",
            times.len(),
            times.join(", ")
        );
    }
    let edited: Vec<String> = (log.events.iter())
        .filter(|event| matches!(event.kind, crate::domain::EventKind::RulesEdited { .. }))
        .map(|event| zone.hm(event.at))
        .collect();
    if !edited.is_empty() {
        let _ = writeln!(
            out,
            "Ground rules edited {} time(s), at {}; in force at the end:",
            edited.len(),
            edited.join(", ")
        );
        for (number, rule) in log.ground_rules.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", number + 1, sanitize(rule));
        }
    }
    if !log.recovered_at.is_empty() {
        let times: Vec<String> = log.recovered_at.iter().map(|at| zone.hm(*at)).collect();
        let _ = writeln!(out, "Resumed after an interruption at {}.", times.join(", "));
    }
    if !log.participants.is_empty() {
        out.push_str(&attendance(log));
        out.push_str(&talk(log));
        out.push_str(&follow_ups(log));
    }
    if !log.feedback.is_empty() {
        out.push('\n');
        out.push_str(&feedback(&log.feedback));
    }
    if !log.notes.is_empty() {
        let _ = writeln!(out, "\nNotes:");
        for note in &log.notes {
            let _ = writeln!(out, "  {}  {}", zone.hm(note.at), sanitize(&note.text));
        }
    }
    let _ = writeln!(out, "\n{} events recorded.", log.events.len());
    out
}
