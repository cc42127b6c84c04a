//! The attendance table `holdspace attendance` prints: a row per person, a column per session,
//! narrow enough for 100 columns.

use super::{History, Mark};
use crate::domain::record::Attendance;
use crate::util::format::Zone;
use crate::util::text::{cells, cut, pad, sanitize};
use std::fmt::Write;

/// Sessions shown as columns, the most recent. With names cut to `NAME_WIDTH` a row stays
/// within 100 columns however many sessions there are in all.
const COLUMNS: usize = 12;
const NAME_WIDTH: usize = 24;

/// Every mark, in the order the legend lists them.
const MARKS: [Mark; 7] = [
    listed(Some(Attendance::Present)),
    listed(Some(Attendance::Late)),
    listed(Some(Attendance::LeftEarly)),
    listed(Some(Attendance::Absent)),
    listed(Some(Attendance::SentWord)),
    listed(None),
    Mark::NotListed,
];

const fn listed(attendance: Option<Attendance>) -> Mark {
    Mark::Listed {
        expected: true,
        attendance,
    }
}

/// One character a cell, never colour alone.
pub fn glyph(mark: Mark) -> char {
    match mark {
        Mark::NotListed => '·',
        Mark::Listed { attendance, .. } => match attendance {
            None => '?',
            Some(Attendance::Present) => '✓',
            Some(Attendance::Late) => 'L',
            Some(Attendance::LeftEarly) => 'E',
            Some(Attendance::Absent) => '✗',
            Some(Attendance::SentWord) => '○',
        },
    }
}

/// The table for `history`, dates in `zone`.
pub fn table(history: &History, zone: Zone) -> String {
    let group = sanitize(&history.group);
    let sessions = &history.sessions;
    let (Some(first), Some(last)) = (sessions.first(), sessions.last()) else {
        return format!("No sessions of {group} are saved (rehearsals are not counted).\n");
    };
    let mut out = format!(
        "Attendance at {group}: {} session(s), {} to {}\n",
        sessions.len(),
        zone.day(first.started_at),
        zone.day(last.started_at)
    );
    if history.people.is_empty() {
        out.push_str("No one was named at any of them.\n");
        return out;
    }
    let left_out = sessions.len().saturating_sub(COLUMNS);
    if left_out > 0 {
        let _ = writeln!(
            out,
            "The {left_out} oldest session(s) are left out of the columns; the attended counts include them."
        );
    }
    let names: Vec<String> = (history.people.iter())
        .map(|person| cut(&sanitize(&person.name), NAME_WIDTH))
        .collect();
    let width = names.iter().map(|name| cells(name)).max().unwrap_or(0).max(4);
    let counts: Vec<String> = (history.people.iter())
        .map(|person| format!("{} of {}", person.attended(), person.listed()))
        .collect();
    let count_width = counts
        .iter()
        .map(|count| count.chars().count())
        .max()
        .unwrap_or(0);
    let dates = |pattern: &str| -> String {
        (sessions[left_out..].iter())
            .map(|log| format!("{:>4}", zone.format(log.started_at, pattern)))
            .collect()
    };
    let _ = writeln!(out, "\n{:width$}{}", "", dates("%b"));
    let _ = writeln!(out, "{:width$}{}   Attended", "Name", dates("%-d"));
    for ((person, name), count) in history.people.iter().zip(&names).zip(&counts) {
        let cells: String = (person.marks[left_out..].iter())
            .map(|mark| format!("{:>4}", glyph(*mark)))
            .collect();
        let percent = format!("{:.0}%", person.rate() * 100.0);
        let _ = writeln!(
            out,
            "{}{cells}   {count:>count_width$} {percent:>4}",
            pad(name, width)
        );
    }
    let legend: Vec<String> = MARKS
        .iter()
        .map(|mark| format!("{} {}", glyph(*mark), mark.describe()))
        .collect();
    let _ = writeln!(out, "\n{}", legend.join("  "));
    out.push_str(
        "Attended: sessions in the room (present, late or left early) out of those the person was on\n\
         the list for, expected or added on the day; an attendance not recorded is not counted as attended.\n",
    );
    out
}
