//! The report's members' feedback: each session's round of members' own answers, as figures
//! the PDF report can take too, and the Markdown section written from them.

use super::when;
use crate::domain::feedback::{Answer, Round, Tally};
use crate::export::md::{line, section, table, text};
use crate::session::history;
use crate::store::log::{Loaded, SessionLog};
use crate::util::format::Zone;
use std::fmt::Write;

/// The rounds of the group called `group`: each saved session of it (rehearsals left out) at
/// which members gave any feedback, oldest first, its answers in the order entered.
pub fn feedback_rounds(logs: &[Loaded], group: &str) -> Vec<Round> {
    rounds(&history::sessions(logs, group))
}

/// The rounds among `sessions`: those at which members gave any feedback, in their order.
pub fn rounds(sessions: &[&SessionLog]) -> Vec<Round> {
    (sessions.iter())
        .filter(|log| !log.feedback.is_empty())
        .map(|log| Round {
            started_at: log.started_at,
            entries: log.feedback.clone(),
        })
        .collect()
}

/// Per round, the count by answer and % positive; with `quotes` (the full report only), what
/// members wrote was good, quoted under each session.
pub(super) fn write(out: &mut String, rounds: &[Round], zone: Zone, quotes: bool) {
    section(out, "Members' feedback");
    line(
        out,
        "Members' own answers, given anonymously, to \"Overall, how was your experience of the \
         group?\". Positive is very good or good, out of every answer, \"don't know\" included, \
         as the NHS Friends and Family Test counts it.",
    );
    if rounds.is_empty() {
        line(out, "No member's feedback was entered at these sessions.");
        return;
    }
    let mut header = vec!["Session", "Answers", "Positive"];
    header.extend(Answer::ALL.map(Answer::label));
    let rows = rounds.iter().map(|round| {
        let tally = round.tally();
        let mut row = vec![
            when(round.started_at, zone),
            tally.total().to_string(),
            positive(&tally),
        ];
        row.extend(Answer::ALL.map(|answer| tally.count(answer).to_string()));
        row
    });
    table(out, &header, rows);
    let all = Tally::of_rounds(rounds);
    line(out, &format!("Overall: {}.", all.describe()));
    if !quotes {
        return;
    }
    let _ = writeln!(out, "### What was good\n");
    let mut any = false;
    for round in rounds {
        let good: Vec<&str> = (round.entries.iter())
            .map(|entry| entry.good.as_str())
            .filter(|good| !good.is_empty())
            .collect();
        if good.is_empty() {
            continue;
        }
        any = true;
        line(out, &format!("{}:", when(round.started_at, zone)));
        for quote in good {
            let _ = writeln!(out, "> {}\n", text(quote));
        }
    }
    if !any {
        line(out, "No one wrote what was good.");
    }
}

fn positive(tally: &Tally) -> String {
    tally
        .percent_positive()
        .map_or_else(|| "—".to_owned(), |percent| format!("{percent}%"))
}
