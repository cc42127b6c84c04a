//! The `holdspace` command: parse arguments, then run the live screen or print saved sessions.

use chrono::Local;
use clap::Parser;
use holdspace::cli::{Cli, Commands, SessionArgs};
use holdspace::config::Config;
use holdspace::export::{self, Scope};
use holdspace::format::Zone;
use holdspace::purge::{self, Rule};
use holdspace::start::{self, Mode};
use holdspace::store::atomic::write_atomic;
use holdspace::store::log;
use holdspace::store::paths::DataDir;
use holdspace::{script, summary};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    holdspace::bug::install();
    let cli = Cli::parse();
    match run(cli) {
        Ok(message) => {
            print!("{message}");
            if !message.ends_with('\n') {
                println!();
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("holdspace: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<String, String> {
    let dir = start::open_data_dir(cli.data_dir.as_deref())?;
    let (config, warning) = cli
        .config
        .clone()
        .or_else(Config::default_path)
        .map(|path| Config::load(&path))
        .unwrap_or_default();
    let reminder = config
        .retention_days
        .and_then(|days| purge::reminder(&dir, days, Local::now().date_naive()));
    for notice in warning.iter().chain(&reminder) {
        eprintln!("holdspace: {notice}");
    }
    // The live screen covers what was printed, so it repeats the first notice in its status line.
    let notice = warning.or(reminder);
    let live = |args: &SessionArgs, mode: Mode| start::run(dir.clone(), args, &mode, notice.clone());
    match cli.command {
        None => live(
            &cli.session,
            Mode {
                rehearsal: false,
                speed: 1.0,
            },
        ),
        Some(Commands::Rehearse { speed, session }) => live(
            &session,
            Mode {
                rehearsal: true,
                speed,
            },
        ),
        Some(Commands::Follow) => start::follow(&dir),
        Some(Commands::Script { follow, session }) => {
            let mode = Mode {
                rehearsal: false,
                speed: 1.0,
            };
            script::run(
                &dir,
                &session,
                &mode,
                follow,
                std::io::stdin().lock(),
                std::io::stdout().lock(),
            )
        }
        Some(Commands::Sessions) => {
            let (logs, errors) = log::list(&dir.sessions_dir()).map_err(|err| err.to_string())?;
            for error in errors {
                eprintln!("holdspace: {error}");
            }
            Ok(summary::list(&logs, Zone::Local))
        }
        Some(Commands::Show { id }) => {
            let loaded = log::load(&saved(&dir, &id)?).map_err(|err| err.to_string())?;
            Ok(summary::show(&loaded, Zone::Local))
        }
        Some(Commands::Review { id }) => start::review(&dir, &saved(&dir, &id)?),
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
            purge_sessions(&dir, &rule, dry_run, yes)
        }
        Some(Commands::Export {
            id,
            format,
            handover,
            anonymised,
            output,
        }) => {
            let loaded = log::load(&saved(&dir, &id)?).map_err(|err| err.to_string())?;
            let scope = match (handover, anonymised) {
                (Some(name), _) => Scope::Handover(export::find_person(&loaded.log, &name)?),
                (None, true) => Scope::Anonymised,
                (None, false) => Scope::Full,
            };
            let text = export::render(&loaded.log, format, scope, Zone::Local);
            match output {
                Some(path) => {
                    write_atomic(dir.disk().as_ref(), &path, text.as_bytes())
                        .map_err(|err| err.to_string())?;
                    Ok(format!("Exported to {}", path.display()))
                }
                None => Ok(text),
            }
        }
    }
}

/// Removes the sessions `rule` chooses, after asking on a terminal unless `yes`.
fn purge_sessions(dir: &DataDir, rule: &Rule, dry_run: bool, yes: bool) -> Result<String, String> {
    let plan = purge::plan(dir, rule, Local::now().date_naive())?;
    let mut report = String::new();
    for id in &plan.running {
        report.push_str(&format!(
            "{id} is open in a running holdspace and was not removed; finish it first.\n"
        ));
    }
    if plan.is_empty() {
        return Ok(format!("{report}Nothing to remove."));
    }
    let list = purge::describe(&plan);
    let count = plan.sessions.len();
    if dry_run {
        return Ok(format!("{report}Would remove {count} session(s):\n{list}"));
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(format!(
                "purge removes sessions for good and asks first; add --yes to remove these \
                 {count} session(s) without asking, or --dry-run to list them:\n{list}"
            ));
        }
        eprint!("{list}\nRemove these {count} session(s) for good? [y/N] ");
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .map_err(|err| format!("could not read the answer: {err}"))?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            return Ok(format!("{report}Nothing was removed."));
        }
    }
    let files = purge::carry_out(dir, &plan)?;
    Ok(format!(
        "{report}Removed {count} session(s), {files} file(s):\n{list}\nExports saved elsewhere are not touched."
    ))
}

/// The path of the saved log with this ID, or a message saying where to find the IDs.
fn saved(dir: &DataDir, id: &str) -> Result<PathBuf, String> {
    let path = dir.log_path(id);
    let plain = id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if plain && path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "no saved session has the ID {id:?}; `holdspace sessions` lists them (looked in {})",
            dir.sessions_dir().display()
        ))
    }
}
