//! `holdspace roster`: one group's roster from the command line (referrals, statuses, contacts,
//! adjustments, the list, who to contact, the spreadsheet teams keep, and a team's own tracker
//! brought in).

use crate::cmd::error::CmdError;
use crate::domain::hands::same_name;
use crate::domain::owed::{self, Held};
use crate::domain::record::Attendance;
use crate::domain::roster::{
    Closure, Contact, Member, Owed, Reach, ReachEdit, Referral, Roster, RosterError, Status, ToContact,
};
use crate::export::csv;
use crate::session::follow_through;
use crate::store::disk::Disk;
use crate::store::paths::DataDir;
use crate::store::roster as file;
use crate::store::{groups, guard};
use crate::util::text::{cells, sanitize};
use chrono::{Local, NaiveDate};
use clap::Subcommand;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// How to reach someone, as `add` and `edit` take it; private, like the notes.
#[derive(Debug, Clone, PartialEq, Eq, Default, clap::Args)]
pub struct ReachArgs {
    /// Their e-mail address, for drafted messages (always in Bcc for the group).
    #[arg(long, value_name = "ADDRESS")]
    email: Option<String>,
    #[arg(long, value_name = "NUMBER")]
    phone: Option<String>,
    /// Their referrer's name and address, to tell them of changes: "J Smith <j.smith@example.org>".
    #[arg(long, value_name = "NAME <ADDRESS>")]
    referrer: Option<String>,
}

impl ReachArgs {
    fn edit(self, link_sent: Option<bool>) -> ReachEdit {
        ReachEdit {
            email: self.email,
            phone: self.phone,
            referrer: self.referrer,
            link_sent,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
#[allow(
    clippy::doc_markdown,
    reason = "clap prints these comments as the commands' help, where backticks would show"
)]
pub enum RosterCommand {
    /// Add someone referred to the group: they hold a place if one is free, or go on the
    /// waiting list.
    Add {
        /// First names or initials are enough.
        name: String,
        /// Who referred them: their care co-ordinator or team.
        #[arg(long, value_name = "SOURCE")]
        referred_by: String,
        /// What would help them feel welcome.
        #[arg(long, value_name = "TEXT", default_value = "")]
        adjustments: String,
        #[command(flatten)]
        reach: ReachArgs,
        /// The day of the referral, if not today.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        referred_on: Option<NaiveDate>,
    },
    /// Move someone on: to referred, contacted, waiver_sent, waiver_returned, confirmed,
    /// waiting_list, declined or left.
    Set { name: String, status: Status },
    /// Note a call, message or letter to someone.
    Contact {
        name: String,
        note: String,
        /// The day of the contact, if not today.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        on: Option<NaiveDate>,
    },
    /// Change how someone is reached ("" clears a detail).
    Edit {
        name: String,
        #[command(flatten)]
        reach: ReachArgs,
        /// The meeting link of an online group has been sent to them.
        #[arg(long)]
        link_sent: bool,
    },
    /// Take someone off the roster with everything kept about them in it (contact details,
    /// contacts, adjustments, what was done). Their name stays in the session logs they were in;
    /// `holdspace purge` removes those.
    Remove { name: String },
    /// Note what would help someone feel welcome ("" clears it).
    Adjust { name: String, text: String },
    /// Everyone on the roster, the places held, and the waiting list in order.
    List,
    /// Who to get in touch with and why, most urgent first: the roster's next steps, what
    /// sessions flagged, who missed two in a row, and referrers to tell, until each is done.
    ToContact,
    /// For each referring team, ready to send: who has a place, who is waiting and where, who
    /// declined or left, and how many sessions each has come to.
    Referrers,
    /// Note something owed as done: a safeguarding concern passed on, a one-to-one held, a
    /// call made, a referrer told, a waiver back, a welcome given.
    Done {
        name: String,
        /// safeguarding, one-to-one, call, referrer, waiver or welcome.
        kind: Owed,
        /// When, how and to whom: "passed to J Smith by phone".
        #[arg(long)]
        note: String,
        /// The day it was done, if not today.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        on: Option<NaiveDate>,
    },
    /// Bring a team's own tracker onto the roster (.xlsx, .xls, .ods or .csv): shows which
    /// column became which field, adds those not on the roster, updates those who are, and
    /// names each row it cannot read.
    Import {
        file: PathBuf,
        /// Show what would change, and save nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The roster as comma-separated values, for a spreadsheet (its only format, so the
    /// default; `holdspace tracker` writes a workbook).
    Export {
        /// Comma-separated values: what it writes anyway, kept for the scripts that say so.
        #[arg(long)]
        csv: bool,
        /// Write to this file (private to you, replaced atomically) instead of printing.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// A change to a roster, or why it was refused.
type Change<'a> = dyn FnOnce(&mut Roster) -> Result<String, RosterError> + 'a;

/// A saved group as its roster's commands see it.
pub struct Roll<'a> {
    /// The group's folder, where its roster is.
    pub folder: &'a Path,
    pub name: &'a str,
    pub capacity: u32,
    pub next_meeting: Option<NaiveDate>,
    /// Its sessions, oldest first.
    pub held: Vec<Held>,
}

impl Roll<'_> {
    /// Everything owed on `today`, with `roster` as it is.
    fn owed(&self, roster: &Roster, today: NaiveDate) -> Vec<ToContact> {
        owed::to_contact(roster, &self.held, self.capacity, today, self.next_meeting)
    }
}

/// `holdspace roster GROUP …`: `command` on the roster of the saved group called `group`, today.
pub fn for_group(dir: &DataDir, group: &str, command: RosterCommand) -> Result<String, CmdError> {
    let stored = groups::find(dir, group)?;
    let now = Local::now().naive_local();
    let roll = Roll {
        folder: &stored.folder,
        name: &stored.group.name,
        capacity: stored.group.capacity,
        next_meeting: stored.group.next_meeting(now).map(|at| at.date()),
        held: follow_through::held_for(dir, &stored),
    };
    run(&roll, now.date(), dir.disk().as_ref(), command)
}

/// Carries out `command` on the roster of `roll` on `today`. A change is saved before its
/// message is given back; an error leaves the file as it was. Looking needs no turn: the file
/// is only ever replaced whole.
pub fn run(
    roll: &Roll,
    today: NaiveDate,
    disk: &dyn Disk,
    command: RosterCommand,
) -> Result<String, CmdError> {
    let (folder, capacity) = (roll.folder, roll.capacity);
    let group = sanitize(roll.name);
    let path = file::path(folder);
    let look = || Roster::load(&path).map_err(CmdError::RosterFile);
    let change: Box<Change<'_>> = match command {
        RosterCommand::List => return Ok(list(&look()?, &group, capacity)),
        RosterCommand::ToContact => {
            let due = roll.owed(&look()?, today);
            return Ok(to_contact(&due, &group, today, roll.next_meeting));
        }
        RosterCommand::Referrers => return Ok(referrers(&look()?, &roll.held, &group, today)),
        RosterCommand::Done { name, kind, note, on } => {
            let closure = Closure {
                name,
                owed: kind,
                on: on.unwrap_or(today),
                note,
            };
            Box::new(move |roster: &mut Roster| {
                owed::close(
                    roster,
                    &roll.held,
                    roll.capacity,
                    today,
                    roll.next_meeting,
                    closure,
                )
            })
        }
        RosterCommand::Import { file, dry_run } => {
            return crate::cmd::tracker::import(roll, today, disk, &file, dry_run);
        }
        RosterCommand::Export { output, .. } => {
            let roster = look()?;
            let text = export(&roster);
            let Some(output) = output else {
                return Ok(text);
            };
            guard::write_output(disk, groups::data_folder(folder), &output, text.as_bytes())?;
            return Ok(format!(
                "Exported the roster of {group} ({} people) to {}",
                roster.members.len(),
                output.display()
            ));
        }
        RosterCommand::Add {
            name,
            referred_by,
            adjustments,
            referred_on,
            reach,
        } => {
            let edit = reach.edit(None);
            let referral = Referral {
                name,
                referred_by,
                referred_on: referred_on.unwrap_or(today),
                adjustments,
                reach: Reach {
                    email: edit.email.unwrap_or_default().trim().to_owned(),
                    phone: edit.phone.unwrap_or_default().trim().to_owned(),
                    referrer: edit.referrer.unwrap_or_default().trim().to_owned(),
                    link_sent: false,
                },
            };
            Box::new(move |roster| roster.add(referral, capacity, today))
        }
        RosterCommand::Edit {
            name,
            reach,
            link_sent,
        } => {
            let edit = reach.edit(link_sent.then_some(true));
            Box::new(move |roster| roster.edit_reach(&name, edit))
        }
        RosterCommand::Set { name, status } => {
            Box::new(move |roster| roster.set_status(&name, status, capacity, today))
        }
        RosterCommand::Contact { name, note, on } => {
            let contact = Contact {
                on: on.unwrap_or(today),
                note,
            };
            Box::new(move |roster| roster.log_contact(&name, contact, today))
        }
        RosterCommand::Adjust { name, text } => Box::new(move |roster| roster.adjust(&name, &text)),
        RosterCommand::Remove { name } => Box::new(move |roster| roster.remove(&name, capacity)),
    };
    Ok(file::update(&path, disk, change)?)
}

/// A day as the command line takes it.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!(
            "\"{}\" is not a date; use YYYY-MM-DD, e.g. 2026-03-02",
            sanitize(text)
        )
    })
}

/// `5 of 8 places held`, and how many too many if a hand edit or a smaller group made it so.
pub(crate) fn places(roster: &Roster, capacity: u32) -> String {
    let held = roster.places_held();
    let over = held.saturating_sub(capacity as usize);
    let mut said = format!("{held} of {capacity} places held");
    if over > 0 {
        let _ = write!(said, " ({over} more than the group has)");
    }
    said
}

fn list(roster: &Roster, group: &str, capacity: u32) -> String {
    let waiting = roster.waiting_list();
    let mut out = format!(
        "{group}: {}, {} on the waiting list\n",
        places(roster, capacity),
        waiting.len()
    );
    if roster.members.is_empty() {
        out.push_str("No one is on the roster yet: `roster add NAME --referred-by SOURCE` adds someone.\n");
        return out;
    }
    let header = ["name", "status", "since", "referred by"]
        .map(str::to_owned)
        .to_vec();
    let rows = roster.members.iter().map(|m| {
        vec![
            sanitize(&m.name),
            m.status.describe().to_owned(),
            m.status_since.to_string(),
            sanitize(&m.referred_by),
        ]
    });
    out.push('\n');
    out.push_str(&table(std::iter::once(header).chain(rows).collect()));
    if !waiting.is_empty() {
        out.push_str("\nWaiting list, first in line first:\n");
        let rows = (waiting.iter().enumerate())
            .map(|(at, m)| {
                vec![
                    format!("  {}.", at + 1),
                    sanitize(&m.name),
                    format!("since {}", m.status_since),
                ]
            })
            .collect();
        out.push_str(&table(rows));
    }
    let welcome: Vec<&Member> = (roster.members.iter())
        .filter(|m| !m.adjustments.is_empty() && !matches!(m.status, Status::Declined | Status::Left))
        .collect();
    if !welcome.is_empty() {
        out.push_str("\nWhat would help them feel welcome:\n");
        for m in welcome {
            let _ = writeln!(out, "  {}: {}", sanitize(&m.name), sanitize(&m.adjustments));
        }
    }
    out
}

fn to_contact(due: &[ToContact], group: &str, today: NaiveDate, next_meeting: Option<NaiveDate>) -> String {
    let meeting = next_meeting.map_or("no next meeting set".to_owned(), |day| {
        format!("next meeting {day}")
    });
    if due.is_empty() {
        return format!("{group}: no one to contact on {today} ({meeting}).\n");
    }
    let mut out = format!("{group}: to contact on {today} ({meeting}):\n");
    for due in due {
        let days = (today - due.since).num_days();
        let age = match days {
            ..=0 => "today".to_owned(),
            1 => "1 day".to_owned(),
            days => format!("{days} days"),
        };
        let _ = writeln!(
            out,
            "  {} {} · {} · from {} · {age}",
            due.reason.mark(),
            sanitize(&due.name),
            due.why,
            due.since.format("%a %-d %b")
        );
    }
    out
}

/// The roster by referrer, each person with where they stand and the sessions they came to.
fn referrers(roster: &Roster, held: &[Held], group: &str, today: NaiveDate) -> String {
    let mut teams: Vec<(String, Vec<&Member>)> = Vec::new();
    for member in &roster.members {
        let team = member.referred_by.trim();
        match teams
            .iter_mut()
            .find(|(name, _)| name.to_lowercase() == team.to_lowercase())
        {
            Some((_, members)) => members.push(member),
            None => teams.push((team.to_owned(), vec![member])),
        }
    }
    if teams.is_empty() {
        return format!("{group}: no one is on the roster yet.\n");
    }
    let waiting = roster.waiting_list();
    let mut out = format!("{group}: for each referrer, on {today}\n");
    for (team, members) in teams {
        let _ = writeln!(out, "\n{}", sanitize(&team));
        let rows = members.into_iter().map(|member| {
            let (stands, sessions) = standing(member, &waiting, held);
            vec![format!("  {}", sanitize(&member.name)), stands, sessions]
        });
        out.push_str(&table(rows.collect()));
    }
    out
}

/// Where `member` stands (`waiting list, number 2, since 2026-03-02`) and the sessions they came
/// to (`came to 3 of 4 sessions`), as their referrer is told.
pub fn standing(member: &Member, waiting: &[&Member], held: &[Held]) -> (String, String) {
    let stands = match member.status {
        Status::WaitingList => {
            let at = waiting
                .iter()
                .position(|w| w.name == member.name)
                .map_or(0, |at| at + 1);
            format!("waiting list, number {at}, since {}", member.status_since)
        }
        Status::Declined | Status::Left => {
            format!("{} on {}", member.status.describe(), member.status_since)
        }
        status => format!("{} since {}", status.describe(), member.status_since),
    };
    let listed = (held.iter())
        .filter_map(|session| {
            session
                .people
                .iter()
                .find(|seen| same_name(&seen.name, &member.name))
        })
        .collect::<Vec<_>>();
    let came = listed
        .iter()
        .filter(|seen| seen.attendance.is_some_and(Attendance::attended))
        .count();
    let sessions = if listed.is_empty() {
        "no sessions yet".to_owned()
    } else {
        format!("came to {came} of {} sessions", listed.len())
    };
    (stands, sessions)
}

/// The roster as the spreadsheet teams keep, one row a person, in roster order.
fn export(roster: &Roster) -> String {
    let header = [
        "name",
        "status",
        "status_since",
        "referred_by",
        "referred_on",
        "adjustments",
        "contacts",
        "last_contact",
        "last_contact_note",
    ];
    let rows = roster.members.iter().map(|m| {
        let last = m.contacts.last();
        vec![
            m.name.clone(),
            m.status.describe().to_owned(),
            m.status_since.to_string(),
            m.referred_by.clone(),
            m.referred_on.to_string(),
            m.adjustments.clone(),
            m.contacts.len().to_string(),
            last.map(|c| c.on.to_string()).unwrap_or_default(),
            last.map(|c| c.note.clone()).unwrap_or_default(),
        ]
    });
    let header = header.map(str::to_owned).to_vec();
    csv::write(&std::iter::once(header).chain(rows).collect::<Vec<_>>())
}

/// Rows of cells in columns as wide as a terminal shows their widest cell; the last column is
/// not padded.
fn table(rows: Vec<Vec<String>>) -> String {
    let mut widths: Vec<usize> = Vec::new();
    for row in &rows {
        for (column, cell) in row.iter().enumerate() {
            match widths.get_mut(column) {
                Some(widest) => *widest = (*widest).max(cells(cell)),
                None => widths.push(cells(cell)),
            }
        }
    }
    let mut out = String::new();
    for row in rows {
        let last = row.len().saturating_sub(1);
        for (column, cell) in row.iter().enumerate() {
            out.push_str(cell);
            if column < last {
                out.push_str(&" ".repeat(widths[column] - cells(cell) + 2));
            }
        }
        out.push('\n');
    }
    out
}
