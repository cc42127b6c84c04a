//! Command-line arguments, and turning `--ends HH:MM` into a moment.

use crate::export::Format;
use chrono::{DateTime, Days, NaiveTime, TimeDelta, TimeZone, Utc};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// How much faster than real time a rehearsal runs unless `--speed` says otherwise.
pub const REHEARSAL_SPEED: f64 = 30.0;

#[derive(Debug, Parser)]
#[command(
    name = "holdspace",
    version,
    about = "Run a peer support group session: agenda timers, end warning, ground rules, notes, and a safe log"
)]
pub struct Cli {
    /// Where sessions are kept (default: the platform's data folder).
    #[arg(long, global = true, env = "HOLDSPACE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The settings file (default: config.toml in the platform's config folder).
    #[arg(long, global = true, env = "HOLDSPACE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The theme: default, light, high-contrast, okabe-ito, monochrome, or one of your own
    /// (`holdspace themes` lists them).
    #[arg(long, global = true, env = "HOLDSPACE_THEME", value_name = "NAME")]
    pub theme: Option<String>,
    #[command(subcommand)]
    pub command: Option<Commands>,
    #[command(flatten)]
    pub session: SessionArgs,
}

#[derive(Debug, Subcommand)]
pub enum Commands {
    /// Dry-run the plan on an accelerated clock; the log is marked as a rehearsal.
    Rehearse {
        /// How many times faster than real time the clock runs.
        #[arg(long, default_value_t = REHEARSAL_SPEED, value_parser = parse_speed)]
        speed: f64,
        #[command(flatten)]
        session: SessionArgs,
    },
    /// Run a session without a screen, for tests and automation: resumes an interrupted session
    /// or starts one, reads `key K ...` and `type TEXT` lines from standard input, and answers
    /// each with `ack N` once its events are on disk.
    Script {
        /// Join the session another holdspace is running, as its co-facilitator.
        #[arg(long)]
        follow: bool,
        #[command(flatten)]
        session: SessionArgs,
    },
    /// Follow the session another holdspace is running on this data folder, as its
    /// co-facilitator: see it live, and add hands, notes, attendance and follow-ups.
    Follow,
    /// List the themes, each with a sample line drawn in it.
    Themes,
    /// List saved session logs.
    Sessions {
        /// Only the sessions of the group with this name (ignoring case).
        #[arg(long, value_name = "NAME")]
        group: Option<String>,
    },
    /// Print a readable summary of one saved session.
    Show {
        /// The session ID, as `holdspace sessions` lists it.
        id: String,
    },
    /// Reopen the review of a saved session: attendance, record notes, follow-ups, feedback.
    Review {
        /// The session ID, as `holdspace sessions` lists it.
        id: String,
    },
    /// Remove sessions for good: logs, journals, cut-off lines and leftover temporary files.
    /// Exports saved elsewhere are not touched.
    Purge {
        /// Every session that started more than DAYS days before today.
        #[arg(
            long,
            value_name = "DAYS",
            required_unless_present = "session",
            conflicts_with = "session"
        )]
        older_than: Option<u32>,
        /// The session with this ID, as `holdspace sessions` lists it.
        #[arg(long, value_name = "ID")]
        session: Option<String>,
        /// List what would be removed, and remove nothing.
        #[arg(long)]
        dry_run: bool,
        /// Remove without asking (needed when not run from a terminal).
        #[arg(long)]
        yes: bool,
    },
    /// Saved groups: when and where they meet, places, plan, ground rules and checklist.
    Group {
        #[command(subcommand)]
        command: crate::cmd::group::GroupCommand,
    },
    /// A saved group's roster: referrals, statuses, contacts, places and the waiting list.
    Roster {
        /// The group, as `holdspace group list` names it.
        group: String,
        #[command(subcommand)]
        command: crate::cmd::roster::RosterCommand,
    },
    /// Plans and templates: list the templates, print one to copy, check a plan file.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// Write a saved session out for records: in full, one person's handover, or anonymised.
    Export {
        /// The session ID, as `holdspace sessions` lists it.
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Only this person's record note and follow-ups, for their care co-ordinator.
        #[arg(long, value_name = "NAME", conflicts_with = "anonymised")]
        handover: Option<String>,
        /// Timings and counts only: no names, notes or flags.
        #[arg(long)]
        anonymised: bool,
        /// Write to this file (private to you, replaced atomically) instead of printing.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print who came to which of a group's sessions, the most recent 12 as columns.
    Attendance {
        /// The group's name (ignoring case), as `holdspace sessions` lists it.
        group: String,
    },
    /// Write a group's report for the team in Markdown: attendance and its trend, retention,
    /// feedback, and session timings.
    Report {
        /// The group's name (ignoring case), as `holdspace sessions` lists it.
        group: String,
        /// Leave out the table of attendance per person, so no one is named.
        #[arg(long)]
        anonymised: bool,
        /// Write to this file (private to you, replaced atomically) instead of printing.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// List the built-in templates.
    List,
    /// Print a template as a plan file, to copy and change: `holdspace plan show NAME > my.toml`.
    Show { template: String },
    /// Check a plan file: errors name the line, the field and what would be valid.
    Check { file: PathBuf },
}

#[derive(Debug, Args, Clone, Default)]
pub struct SessionArgs {
    /// The plan: a template name (`holdspace plan list`) or a plan file (default: the group's
    /// plan, else peer-support-90).
    #[arg(long, value_name = "TEMPLATE|FILE")]
    pub plan: Option<String>,
    /// Scheduled end as HH:MM (24-hour, local time); default: start plus the plan's length.
    #[arg(long, value_name = "HH:MM")]
    pub ends: Option<String>,
    /// Minutes before the scheduled end at which the end warning appears (0 turns it off).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(0..=120))]
    pub warn_minutes: u32,
    /// The group's name as shown on screen and in the log.
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
    /// Someone expected in the group (repeat for each); `h` picks from them, and new names can
    /// be typed during the session. First names or initials are enough.
    #[arg(long = "participant", value_name = "NAME")]
    pub participants: Vec<String>,
    /// A soft limit per speaking turn, in minutes: past it a quiet hint shows (default: none).
    #[arg(long, value_name = "MINUTES", value_parser = clap::value_parser!(u32).range(1..=60))]
    pub turn_minutes: Option<u32>,
    /// The last session of a course: the review after it asks each member for a takeaway and
    /// a goal.
    #[arg(long)]
    pub last_session: bool,
}

fn parse_speed(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(speed) if (1.0..=3600.0).contains(&speed) => Ok(speed),
        _ => Err(format!(
            "{text:?} is not a speed; use a number from 1 to 3600, e.g. 30"
        )),
    }
}

/// The next occurrence of local time `text` (HH:MM) after `now`, within 12 hours.
pub fn parse_ends<Tz>(text: &str, now: &DateTime<Tz>) -> Result<DateTime<Utc>, String>
where
    Tz: TimeZone,
    Tz::Offset: std::fmt::Display,
{
    let time = NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| format!("--ends {text:?} is not a time; use HH:MM on the 24-hour clock, e.g. 19:30"))?;
    let zone = now.timezone();
    let today = now.date_naive();
    for date in [Some(today), today.checked_add_days(Days::new(1))]
        .into_iter()
        .flatten()
    {
        let Some(candidate) = zone.from_local_datetime(&date.and_time(time)).earliest() else {
            continue;
        };
        let candidate = candidate.with_timezone(&Utc);
        if candidate > now.with_timezone(&Utc) {
            if candidate - now.with_timezone(&Utc) > TimeDelta::hours(12) {
                break;
            }
            return Ok(candidate);
        }
    }
    Err(format!(
        "--ends {text} is not within the next 12 hours (it is now {}); give the time the session should end, e.g. {}",
        now.format("%H:%M"),
        (now.clone() + TimeDelta::minutes(90)).format("%H:%M")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn later_today() {
        let got = parse_ends("19:30", &at("2026-11-26T18:00:00+01:00")).unwrap();
        assert_eq!(got, at("2026-11-26T18:30:00Z"));
    }

    #[test]
    fn after_midnight() {
        let got = parse_ends("0:30", &at("2026-11-26T23:15:00+00:00")).unwrap();
        assert_eq!(got, at("2026-11-27T00:30:00Z"));
    }

    #[test]
    fn past_times_and_nonsense_are_explained() {
        let now = at("2026-11-26T18:00:00+00:00");
        let err = parse_ends("17:00", &now).unwrap_err();
        assert!(err.contains("next 12 hours") && err.contains("18:00"), "{err}");
        let err = parse_ends("7pm", &now).unwrap_err();
        assert!(err.contains("HH:MM") && err.contains("\"7pm\""), "{err}");
        assert!(parse_ends("25:00", &now).is_err());
    }

    #[test]
    fn speeds() {
        assert_eq!(parse_speed("60"), Ok(60.0));
        assert!(parse_speed("0").is_err());
        assert!(parse_speed("fast").is_err());
    }
}
