//! The Markdown export: a readable document with a table per topic, times in the given zone. Its
//! helpers also write the group report.

use super::members::Members;
use super::{Anonymised, Document, Facts, Full, Handover, Item, Value};
use crate::domain::feedback::{BETTER, GOOD, Tally};
use crate::domain::record::Attendance;
use crate::util::format::{Zone, clock_seconds};
use crate::util::text::sanitize;
use std::fmt::Write;

pub(super) fn render(document: &Document, zone: Zone) -> String {
    match document {
        Document::Full(full) => self::full(full, zone),
        Document::Handover(handover) => self::handover(handover, zone),
        Document::Anonymised(anonymised) => self::anonymised(anonymised, zone),
    }
}

/// User text on one line, with nothing that could end a table cell, start a block, or turn
/// into a link, emphasis or raw HTML when the file is rendered.
pub(crate) fn text(raw: &str) -> String {
    let clean = sanitize(raw);
    // "1." or "2)" at the start would begin a numbered list.
    let digits = clean.chars().take_while(char::is_ascii_digit).count();
    let mut out = String::new();
    for (i, c) in clean.chars().enumerate() {
        let leading = i == 0 && matches!(c, '-' | '+' | '>' | '=' | '~');
        let numbered = digits > 0 && i == digits && matches!(c, '.' | ')');
        // `&` would start an entity: `&lt;` must not show as `<`.
        if leading || numbered || matches!(c, '\\' | '|' | '<' | '*' | '_' | '`' | '[' | '#' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(crate) fn table(out: &mut String, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

pub(crate) fn section(out: &mut String, heading: &str) {
    let _ = writeln!(out, "## {heading}\n");
}

pub(crate) fn line(out: &mut String, words: &str) {
    let _ = writeln!(out, "{words}\n");
}

fn facts(out: &mut String, facts: &Facts, zone: Zone) {
    if let Some(id) = &facts.id {
        let _ = writeln!(out, "- Session: {}", text(id));
    }
    if let Some(group) = &facts.group {
        let _ = writeln!(out, "- Group: {}", text(group));
    }
    if let Some(plan) = &facts.plan {
        let _ = writeln!(out, "- Plan: {}", text(plan));
    }
    let _ = writeln!(out, "- Date: {}", zone.date(facts.started_at));
    let _ = writeln!(
        out,
        "- Time: {}–{} (scheduled end {})",
        zone.hm(facts.started_at),
        zone.hm(facts.ended_at),
        zone.hm(facts.scheduled_end)
    );
    let yes = |on: bool| if on { "yes" } else { "no" };
    let _ = writeln!(out, "- Rehearsal: {}", yes(facts.rehearsal));
    if facts.interrupted {
        let _ = writeln!(out, "- Interrupted: yes, closed without being resumed");
    }
    let _ = writeln!(out, "- Last session of the course: {}\n", yes(facts.last_session));
}

fn attendance(attendance: Option<Attendance>) -> &'static str {
    attendance.map_or("not recorded", Attendance::describe)
}

fn expected(expected: bool) -> &'static str {
    if expected { "expected" } else { "added on the day" }
}

fn duration(seconds: u64) -> String {
    clock_seconds(i64::try_from(seconds).unwrap_or(i64::MAX))
}

fn full(doc: &Full, zone: Zone) -> String {
    let mut out = String::from("# Session record\n\n");
    facts(&mut out, &doc.session, zone);
    section(&mut out, "Summary");
    match doc.summary.as_str() {
        "" => line(&mut out, "No summary was written."),
        summary => line(&mut out, &text(summary)),
    }
    let people = &doc.participants;
    section(&mut out, "Participants");
    if people.is_empty() {
        line(&mut out, "No participants were named.");
    } else {
        let header = [
            "Name",
            "Expected",
            "Attendance",
            "Talk time",
            "Turns",
            "Hands raised",
        ];
        table(
            &mut out,
            &header,
            people.iter().map(|person| {
                let record = &person.record;
                vec![
                    text(&record.name),
                    expected(record.expected).to_owned(),
                    attendance(record.attendance).to_owned(),
                    duration(person.talk_seconds),
                    person.turns.to_string(),
                    person.hands_raised.to_string(),
                ]
            }),
        );
        section(&mut out, "Record notes");
        table(
            &mut out,
            &["Name", "Record note", "Written by"],
            people.iter().map(|person| {
                let record = &person.record;
                let by = if record.record_note_prefilled {
                    "pre-filled"
                } else {
                    "facilitator"
                };
                vec![text(&record.name), text(&record.record_note), by.to_owned()]
            }),
        );
    }
    section(&mut out, "Follow-ups to do");
    if doc.to_do.is_empty() {
        line(&mut out, "No follow-ups.");
    } else {
        line(&mut out, "Safeguarding concerns first.");
        table(
            &mut out,
            &["Follow-up", "Name", "Note"],
            doc.to_do.iter().map(|item| {
                vec![
                    item.follow_up.describe().to_owned(),
                    text(&item.name),
                    text(&item.note),
                ]
            }),
        );
    }
    section(&mut out, "Feedback");
    let rated: Vec<_> = (people.iter())
        .filter(|person| person.rating.is_some() || !person.comment.is_empty())
        .collect();
    if rated.is_empty() {
        line(&mut out, "No feedback was recorded.");
    } else {
        table(
            &mut out,
            &["Name", "Rating", "Comment"],
            rated.iter().map(|person| {
                let rating = person.rating.map_or_else(|| "—".to_owned(), |r| format!("{r}/5"));
                vec![text(&person.record.name), rating, text(&person.comment)]
            }),
        );
    }
    members_feedback(&mut out, &doc.members_feedback);
    if let Some(rules) = &doc.ground_rules {
        section(&mut out, "Ground rules, as the group changed them");
        let times: Vec<String> = rules.edited_at.iter().map(|at| zone.hm(*at)).collect();
        line(
            &mut out,
            &format!(
                "Edited {} time(s), at {}; in force at the end:",
                times.len(),
                times.join(", ")
            ),
        );
        for (number, rule) in rules.in_force.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", number + 1, text(rule));
        }
        out.push('\n');
    }
    if doc.session.last_session {
        section(&mut out, "Takeaways and goals");
        let some = |value: &Option<String>| value.as_deref().is_some_and(|value| !value.is_empty());
        let written: Vec<_> = (people.iter().map(|person| &person.record))
            .filter(|record| some(&record.takeaway) || some(&record.goal))
            .collect();
        if written.is_empty() {
            line(&mut out, "None were written.");
        } else {
            table(
                &mut out,
                &["Name", "Takeaway", "Goal"],
                written.iter().map(|record| {
                    let field = |value: &Option<String>| text(value.as_deref().unwrap_or_default());
                    vec![text(&record.name), field(&record.takeaway), field(&record.goal)]
                }),
            );
        }
    }
    section(&mut out, "Session notes");
    if doc.notes.is_empty() {
        line(&mut out, "No notes were taken.");
    } else {
        let rows = doc
            .notes
            .iter()
            .map(|note| vec![zone.hm(note.at), text(&note.text)]);
        table(&mut out, &["Time", "Note"], rows);
    }
    agenda(&mut out, &doc.agenda);
    finish(out)
}

/// Members' own answers: the counts and % positive, then each entry's texts in entry order.
fn members_feedback(out: &mut String, members: &Members) {
    section(out, "Members' feedback");
    if members.entries.is_empty() {
        line(out, "No member's feedback was entered.");
        return;
    }
    let tally = Tally::of(members.entries.iter().map(|entry| entry.answer));
    let given: Vec<String> = (tally.given().into_iter())
        .map(|(answer, count)| format!("{} {count}", answer.label()))
        .collect();
    line(out, &format!("{}: {}.", tally.describe(), given.join(", ")));
    let none = |text: &str| {
        if text.is_empty() {
            "—".to_owned()
        } else {
            self::text(text)
        }
    };
    let rows = (members.entries.iter().enumerate()).map(|(number, entry)| {
        vec![
            (number + 1).to_string(),
            entry.answer.label().to_owned(),
            none(&entry.good),
            none(&entry.better),
        ]
    });
    table(out, &["", "Answer", GOOD, BETTER], rows);
}

fn handover(doc: &Handover, zone: Zone) -> String {
    let Some(record) = &doc.person else {
        let mut out = String::from("# Handover\n\n");
        facts(&mut out, &doc.session, zone);
        line(&mut out, "There is no such participant in this session.");
        return finish(out);
    };
    let name = text(&record.name);
    let mut out = format!("# Handover: {name}\n\n");
    line(
        &mut out,
        &format!("Confidential: for {name}'s care co-ordinator. Nothing here is about anyone else."),
    );
    facts(&mut out, &doc.session, zone);
    section(&mut out, "Attendance");
    let expected = if record.expected {
        "yes"
    } else {
        "no, added on the day"
    };
    let _ = writeln!(out, "- Expected: {expected}");
    let _ = writeln!(out, "- Attendance: {}\n", attendance(record.attendance));
    section(&mut out, "Record note");
    line(&mut out, &text(&record.record_note));
    if record.record_note_prefilled {
        line(
            &mut out,
            "(Pre-filled from the attendance: the facilitator wrote no note of their own.)",
        );
    }
    section(&mut out, "Follow-ups");
    let flags = &record.follow_ups;
    if flags.is_empty() {
        line(&mut out, "None.");
    } else {
        let rows = (flags.iter()).map(|flag| {
            vec![
                flag.follow_up.describe().to_owned(),
                text(&flag.note),
                zone.hm(flag.at),
            ]
        });
        table(&mut out, &["Follow-up", "Note", "Flagged at"], rows);
    }
    if let Some(on_roster) = &doc.roster {
        section(&mut out, "From the roster");
        let _ = writeln!(out, "- Referred by: {}", text(&on_roster.referred_by));
        if on_roster.done.is_empty() {
            let _ = writeln!(out, "- Done since: nothing noted\n");
        } else {
            out.push('\n');
            let rows = (on_roster.done.iter())
                .map(|done| vec![done.kind.to_owned(), done.on.to_string(), text(&done.note)]);
            table(&mut out, &["Done", "On", "How and to whom"], rows);
        }
    }
    if let (Some(takeaway), Some(goal)) = (&record.takeaway, &record.goal) {
        section(&mut out, "Takeaway and goal");
        let none = |value: &str| {
            if value.is_empty() {
                "none written".to_owned()
            } else {
                text(value)
            }
        };
        let _ = writeln!(out, "- Takeaway: {}", none(takeaway));
        let _ = writeln!(out, "- Goal: {}\n", none(goal));
    }
    finish(out)
}

fn anonymised(doc: &Anonymised, zone: Zone) -> String {
    let mut out = String::from("# Session timings and counts (anonymised)\n\n");
    facts(&mut out, &doc.session, zone);
    let measures = doc.measures();
    for (key, heading) in [
        ("count", "Attendance"),
        ("floor", "Speaking"),
        ("feedback", "Feedback"),
        ("follow_up", "Follow-ups"),
        ("members", "Members' feedback"),
    ] {
        section(&mut out, heading);
        let rows = measures.iter().filter(|m| m.section == key).map(|m| {
            let value = match m.value {
                Value::Count(n) => n.to_string(),
                Value::Seconds(seconds) => duration(seconds),
                Value::Average(average) => average.map_or_else(|| "—".to_owned(), |a| a.to_string()),
                Value::Percent(percent) => percent.map_or_else(|| "—".to_owned(), |p| format!("{p}%")),
            };
            vec![m.label.to_owned(), value]
        });
        table(&mut out, &["Measure", "Value"], rows);
    }
    agenda(&mut out, &doc.agenda);
    finish(out)
}

fn agenda(out: &mut String, items: &[Item]) {
    section(out, "Agenda");
    let rows = items.iter().map(|item| {
        let protected = if item.protected { " (protected)" } else { "" };
        vec![
            format!("{}{protected}", text(&item.title)),
            format!("{} min", item.planned_minutes),
            format!("{} min", item.final_minutes),
            if item.run {
                duration(item.actual_seconds)
            } else {
                "not run".to_owned()
            },
            match item.overrun_seconds {
                0 => String::new(),
                over => format!("+{}", duration(over)),
            },
        ]
    });
    table(out, &["Item", "Planned", "Final", "Actual", "Over"], rows);
}

/// One newline at the end, not the blank line every section leaves.
pub(crate) fn finish(mut out: String) -> String {
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn user_text_cannot_start_a_list_or_an_entity() {
        assert_eq!(text("1. spoke first"), "1\\. spoke first");
        assert_eq!(text("12) later"), "12\\) later");
        assert_eq!(text("2026 was a year."), "2026 was a year.");
        assert_eq!(text("&lt;b&gt; tea & cake"), "\\&lt;b\\&gt; tea \\& cake");
        assert_eq!(text("- a | b"), "\\- a \\| b");
    }
}
