//! The `holdspace` command: parse arguments, then run the live screen or print saved sessions.

use clap::Parser;
use holdspace::cli::{Cli, Commands, SessionArgs};
use holdspace::export::{self, Scope};
use holdspace::format::Zone;
use holdspace::start::{self, Mode};
use holdspace::store::atomic::write_atomic;
use holdspace::store::log;
use holdspace::store::paths::DataDir;
use holdspace::{script, summary};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
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
    let live = |args: &SessionArgs, mode: Mode| start::run(dir.clone(), args, &mode);
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
        Some(Commands::Script { session }) => {
            let mode = Mode {
                rehearsal: false,
                speed: 1.0,
            };
            script::run(
                &dir,
                &session,
                &mode,
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
