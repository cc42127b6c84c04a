//! The group report as printed pages for managers and commissioners: the same figures and
//! sentences as the Markdown report, with attendance, the referral funnel and timings drawn as
//! charts. The anonymised report names no one and holds no text anyone typed.

use super::members::rounds;
use super::{TIMING_HEADER, change, kept, late, timing_row, timing_summary};
use crate::domain::feedback::{QUESTION, Tally};
use crate::domain::roster::Roster;
use crate::export::pdf::{Block, Chart, Content, Sheet};
use crate::session::history::History;
use crate::session::history::funnel::{self, KEPT_COMING};
use crate::store::log::SessionLog;
use crate::util::format::Zone;
use chrono::{DateTime, Utc};

/// What the printed report is made from.
pub struct Report<'a> {
    pub history: &'a History<'a>,
    /// The group's roster, for the funnel; none for a group that is not saved.
    pub roster: Option<&'a Roster>,
    pub zone: Zone,
    /// Whether it may name people and quote what was typed.
    pub names: bool,
}

impl Report<'_> {
    pub fn sheet(&self) -> Sheet {
        let history = self.history;
        let group = if self.names {
            history.group.clone()
        } else {
            "The group".to_owned()
        };
        let sessions = &history.sessions;
        let mut blocks = vec![Block::new(
            "report",
            Content::Title {
                title: format!("{group}: report"),
                subtitle: self.span(sessions),
            },
        )];
        if sessions.is_empty() {
            blocks.push(paragraph(
                "No sessions of this group are saved (rehearsals are not counted).",
            ));
            return finish(&group, blocks);
        }
        self.attendance(&mut blocks);
        self.referrals(&mut blocks);
        blocks.push(heading("Retention"));
        blocks.push(paragraph(&kept(history)));
        self.feedback(&mut blocks);
        if self.names {
            takeaways(&mut blocks, sessions);
        }
        self.timings(&mut blocks);
        finish(&group, blocks)
    }

    /// From when to when, how many sessions, and whether it names anyone.
    fn span(&self, sessions: &[&SessionLog]) -> String {
        let privacy = if self.names {
            "Contains names: for the team's records only"
        } else {
            "Anonymised: no one is named"
        };
        match (sessions.first(), sessions.last()) {
            (Some(first), Some(last)) => format!(
                "{} to {} · {} session(s) · {privacy}",
                self.zone.day(first.started_at),
                self.zone.day(last.started_at),
                sessions.len()
            ),
            _ => privacy.to_owned(),
        }
    }

    /// A chart's label for a session's day: `6 Jan`, with the year (`6 Jan 27`) when the
    /// sessions span more than one.
    fn day(&self, at: DateTime<Utc>) -> String {
        let sessions = &self.history.sessions;
        let year = |log: Option<&&SessionLog>| log.map(|log| self.zone.format(log.started_at, "%Y"));
        if year(sessions.first()) == year(sessions.last()) {
            self.zone.format(at, "%-d %b")
        } else {
            self.zone.format(at, "%-d %b %y")
        }
    }

    fn attendance(&self, blocks: &mut Vec<Block>) {
        let history = self.history;
        let attending = history.attending();
        blocks.push(heading("Attendance"));
        blocks.push(paragraph(&change(&attending)));
        let (lowest, highest) = (attending.iter().min(), attending.iter().max());
        let alt = format!(
            "Column chart of the people attending each of {} sessions: lowest {}, highest {}, the last {}.",
            attending.len(),
            lowest.unwrap_or(&0),
            highest.unwrap_or(&0),
            attending.last().unwrap_or(&0)
        );
        let bars = (history.sessions.iter().zip(&attending))
            .map(|(log, count)| (self.day(log.started_at), *count as f64))
            .collect();
        blocks.push(chart(
            "attendance",
            bars,
            top(highest.copied().unwrap_or(0)),
            "",
            alt,
        ));
    }

    /// The funnel from referral to keeping coming, for all teams, and team by team where names
    /// may be shown: a team's name is typed text.
    fn referrals(&self, blocks: &mut Vec<Block>) {
        let Some(roster) = self.roster.filter(|roster| !roster.members.is_empty()) else {
            return;
        };
        let (teams, all) = funnel::funnel(roster, self.history);
        blocks.push(heading("From referral to keeping coming"));
        blocks.push(paragraph(&format!(
            "Everyone on the roster: referred, contacted, came to a session, and kept coming \
             ({KEPT_COMING} sessions or more)."
        )));
        let bars = (all.named().iter())
            .map(|(stage, count)| ((*stage).to_owned(), *count as f64))
            .collect();
        let alt = format!(
            "Column chart of the referral funnel: {}.",
            (all.named().iter())
                .map(|(stage, count)| format!("{stage} {count}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        blocks.push(chart("funnel", bars, top(all.referred), "", alt));
        if self.names {
            let header = [
                "Referring team",
                "Referred",
                "Contacted",
                "Came once",
                "Kept coming",
            ];
            let rows = (teams.iter())
                .map(|team| {
                    let counts = team.named().map(|(_, count)| count.to_string());
                    [vec![team.team.clone()], counts.to_vec()].concat()
                })
                .collect();
            blocks.push(Block::new(
                "funnel",
                Content::Table {
                    header: header.map(str::to_owned).to_vec(),
                    rows,
                },
            ));
        }
    }

    /// Members' own answers, round by round, as % positive; in the full report, what they
    /// wrote was good.
    fn feedback(&self, blocks: &mut Vec<Block>) {
        let rounds = rounds(&self.history.sessions);
        blocks.push(heading("Members' feedback"));
        if rounds.is_empty() {
            blocks.push(paragraph("No member's feedback was entered at these sessions."));
            return;
        }
        let all = Tally::of_rounds(&rounds);
        blocks.push(paragraph(&format!(
            "Members' own answers, given anonymously, to \"{QUESTION}\" Positive is very good \
             or good, out of every answer, as the NHS Friends and Family Test counts it. \
             Overall: {}.",
            all.describe()
        )));
        let bars: Vec<(String, f64)> = (rounds.iter())
            .map(|round| {
                let percent = round.tally().percent_positive().unwrap_or(0);
                (self.day(round.started_at), percent as f64)
            })
            .collect();
        let alt = format!(
            "Column chart of the percentage of positive answers at each of {} feedback rounds: {}.",
            bars.len(),
            (bars.iter())
                .map(|(day, percent)| format!("{day} {percent:.0}%"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        blocks.push(chart("feedback", bars, 100.0, "%", alt));
        if self.names {
            let good = (rounds.iter())
                .flat_map(|round| &round.entries)
                .map(|entry| entry.good.trim())
                .filter(|good| !good.is_empty())
                .map(|good| format!("“{good}”"));
            quotes(blocks, "What was good", "feedback", good);
        }
    }

    fn timings(&self, blocks: &mut Vec<Block>) {
        let sessions = &self.history.sessions;
        blocks.push(heading("Session timings"));
        let (timed, summary) = timing_summary(sessions);
        blocks.push(Block::new("timings", Content::Bullets(summary)));
        if !timed.is_empty() {
            let over: Vec<f64> = (timed.iter())
                .map(|log| (late(log).max(0) as f64 / 60.0).round())
                .collect();
            let highest = over.iter().copied().fold(0.0, f64::max);
            let alt = format!(
                "Column chart of the minutes each of {} sessions ran past its scheduled end: at most {highest:.0}.",
                timed.len()
            );
            let bars = (timed.iter().zip(over))
                .map(|(log, minutes)| (self.day(log.started_at), minutes))
                .collect();
            blocks.push(heading("Minutes past the scheduled end"));
            blocks.push(chart("timings", bars, top(highest as usize), "", alt));
        }
        let rows = (sessions.iter()).map(|log| timing_row(log, self.zone)).collect();
        blocks.push(Block::new(
            "timings",
            Content::Table {
                header: TIMING_HEADER.map(str::to_owned).to_vec(),
                rows,
            },
        ));
    }
}

/// The report's sheet, its text as the pages can print it: what was typed into a session is
/// printed as it was, any character the font lacks shown as �, and the report says so.
fn finish(group: &str, blocks: Vec<Block>) -> Sheet {
    let sheet = Sheet {
        title: format!("{group}: report"),
        blocks,
    };
    let (mut sheet, replaced) = sheet.printable();
    if replaced {
        sheet.blocks.push(paragraph(
            "Characters the report's font cannot print (an emoji, say) are shown as �.",
        ));
    }
    sheet
}

/// What people said they take away and aim for, at the last session of a course; unnamed.
fn takeaways(blocks: &mut Vec<Block>, sessions: &[&SessionLog]) {
    let said = (sessions.iter())
        .filter(|log| log.last_session)
        .flat_map(|log| &log.participants)
        .flat_map(|person| [&person.takeaway, &person.goal])
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
        .map(|text| format!("“{text}”"));
    quotes(
        blocks,
        "Takeaways and goals, from the last session of a course",
        "takeaways",
        said,
    );
}

/// Quoted words under `title`, each its own block, so that the page breaks between quotes: one
/// quote, at most a record's 1,000 characters, always fits a page.
fn quotes(blocks: &mut Vec<Block>, title: &str, field: &'static str, said: impl Iterator<Item = String>) {
    let mut said = said.peekable();
    if said.peek().is_none() {
        return;
    }
    blocks.push(heading(title));
    blocks.extend(said.map(|quote| Block::new(field, Content::Bullets(vec![quote]))));
}

/// An axis top that reads well: the highest value, at least 2, rounded up to an even number.
fn top(highest: usize) -> f64 {
    let top = highest.max(2);
    (top + top % 2) as f64
}

fn chart(field: &'static str, bars: Vec<(String, f64)>, top: f64, unit: &'static str, alt: String) -> Block {
    Block::new(field, Content::Columns(Chart { bars, top, unit, alt }))
}

fn heading(text: &str) -> Block {
    Block::new("heading", Content::Heading(text.to_owned()))
}

fn paragraph(text: &str) -> Block {
    Block::new("report", Content::Paragraph(text.to_owned()))
}
