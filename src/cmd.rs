//! The command line: the arguments (`cli`), what every command starts from (`setup`), one
//! module per subcommand, each a thin layer over the library that parses, calls and prints, and
//! one error type (`error`).

pub mod ask;
pub mod cli;
pub mod error;
pub mod export;
pub mod feedback;
pub mod group;
pub mod message;
pub mod outreach;
pub mod plan;
pub mod purge;
pub mod report;
pub mod roster;
pub mod script;
pub mod sessions;
pub mod setup;
pub mod themes;
pub mod tracker;
pub mod workload;

use crate::export::pdf::Paper;
use crate::launch::{self, Mode};
use crate::store::purge::Rule;
use chrono::Local;
use cli::{Cli, Commands};
use error::CmdError;
use setup::Context;

/// Runs the command `cli` asks for; what to print, or why it could not be done.
pub fn run(cli: Cli) -> Result<String, CmdError> {
    let Context {
        dir,
        setup,
        theme_folder,
        no_color,
    } = Context::open(&cli)?;
    let real_time = Mode {
        rehearsal: false,
        speed: 1.0,
    };
    Ok(match cli.command {
        None => launch::run(dir, &cli.session, &real_time, &setup)?,
        Some(Commands::Rehearse { speed, session }) => {
            let mode = Mode {
                rehearsal: true,
                speed,
            };
            launch::run(dir, &session, &mode, &setup)?
        }
        Some(Commands::Follow) => launch::follow(&dir, &setup)?,
        Some(Commands::Review { id }) => launch::review(&dir, &sessions::saved(&dir, &id)?, &setup)?,
        Some(Commands::Script { follow, session }) => script::run(
            &dir,
            &session,
            &real_time,
            follow,
            std::io::stdin().lock(),
            std::io::stdout().lock(),
        )?,
        Some(Commands::Themes) => themes::list(theme_folder.as_deref(), no_color),
        Some(Commands::Sessions { group }) => sessions::list(&dir, group.as_deref())?,
        Some(Commands::History { .. }) => workload::run(&dir, Local::now().date_naive())?,
        Some(Commands::Show { id }) => sessions::show(&dir, &id)?,
        Some(Commands::Feedback { id, command }) => feedback::run(&dir, &id, command)?,
        Some(Commands::Purge {
            older_than,
            session,
            dry_run,
            yes,
        }) => {
            let rule = match (session, older_than) {
                (Some(id), _) => Rule::Session(id),
                (None, days) => Rule::OlderThan(days.unwrap_or_default()),
            };
            purge::run(&dir, &rule, dry_run, yes)?
        }
        Some(Commands::Group { command }) => group::run(&dir, command, Local::now().naive_local())?,
        Some(Commands::Roster { group, command }) => roster::for_group(&dir, &group, command)?,
        Some(Commands::Plan { command }) => plan::run(command)?,
        Some(Commands::Message(args)) => message::run(&dir, args)?,
        Some(Commands::Export {
            id,
            format,
            handover,
            anonymised,
            output,
        }) => export::run(
            &dir,
            &export::Asked {
                id: &id,
                format,
                handover: handover.as_deref(),
                anonymised,
                output: output.as_deref(),
            },
        )?,
        Some(Commands::Attendance { group }) => report::attendance(&dir, &group)?,
        Some(Commands::FeedbackForm {
            group,
            output,
            letter,
        }) => {
            let paper = if letter { Paper::Letter } else { Paper::A4 };
            outreach::feedback_form(&dir, &group, output.as_deref(), paper)?
        }
        Some(Commands::Report {
            group,
            anonymised,
            pdf,
            letter,
            output,
        }) => {
            let form = match (pdf, letter) {
                (false, _) => report::Form::Markdown,
                (true, false) => report::Form::Pdf(Paper::A4),
                (true, true) => report::Form::Pdf(Paper::Letter),
            };
            report::run(&dir, &group, anonymised, form, output.as_deref())?
        }
        Some(Commands::Tracker {
            group,
            output,
            anonymised,
        }) => tracker::run(&dir, &group, &output, anonymised)?,
    })
}
