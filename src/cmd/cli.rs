//! Command-line arguments: the subcommands and their options.

use crate::export::Format;
use crate::launch::args::{REHEARSAL_SPEED, SessionArgs, parse_speed};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

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
    /// Your own time with the groups this week and this month: sessions, preparing, running,
    /// reviewing, contacts and follow-ups done.
    History {
        /// Your own workload (the only history there is yet).
        #[arg(long, required = true)]
        mine: bool,
    },
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
    /// Members' own anonymous feedback on a saved session: list it, or add one member's
    /// answers, saved as the session's review saves changes.
    Feedback {
        /// The session ID, as `holdspace sessions` lists it.
        id: String,
        #[command(subcommand)]
        command: Option<crate::cmd::feedback::FeedbackCommand>,
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
    /// Draft a message to send from your own mail client: the reminder before the next meeting,
    /// with every member in Bcc. Nothing is sent by holdspace.
    Message(crate::cmd::message::MessageArgs),
    /// Plans and templates: list the templates, print one to copy, check a plan file.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// Write a saved session out for records: in full, one person's handover, or anonymised.
    Export {
        /// The session ID, as `holdspace sessions` lists it.
        id: String,
        /// md and json hold everything; csv holds people only, a row a person, for a spreadsheet.
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
    /// Members' feedback form: for a group that meets in a room, a printable one-page PDF with
    /// tick boxes; for an online group, the questions as text to paste into the chat.
    FeedbackForm {
        /// The group, as `holdspace group list` names it.
        group: String,
        /// Write to this file (private to you, replaced atomically); a PDF needs it.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// US Letter instead of A4.
        #[arg(long)]
        letter: bool,
    },
    /// Write a group's report for the team, in Markdown or as a PDF with charts: attendance
    /// and its trend, the referral funnel, retention, feedback, and session timings.
    Report {
        /// The group's name (ignoring case), as `holdspace sessions` lists it.
        group: String,
        /// Leave out the table of attendance per person, so no one is named.
        #[arg(long)]
        anonymised: bool,
        /// Write an accessible PDF with charts (attendance, the referral funnel, timings)
        /// instead of Markdown; needs --output.
        #[arg(long, requires = "output")]
        pdf: bool,
        /// With --pdf: US Letter instead of A4.
        #[arg(long, requires = "pdf")]
        letter: bool,
        /// Write to this file (private to you, replaced atomically) instead of printing.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a group's tracker as an Excel workbook: the roster (referrals, contacts) and its
    /// sessions (times and counts, who came to which), each sheet a filtered table.
    Tracker {
        /// The group, as `holdspace group list` names it.
        group: String,
        /// The workbook to write (private to you, replaced atomically).
        #[arg(long, short, value_name = "FILE.xlsx", required = true)]
        output: PathBuf,
        /// The sessions' times and counts only: no names and nothing anyone typed.
        #[arg(long)]
        anonymised: bool,
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
