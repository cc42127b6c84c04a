//! The `holdspace` command: parse arguments, then run the live screen or print saved sessions.

use chrono::Local;
use clap::Parser;
use holdspace::cmd::cli::{Cli, Commands, PlanCommand, SessionArgs};
use holdspace::cmd::script;
use holdspace::export::{self, Scope};
use holdspace::export::{report, summary};
use holdspace::launch::{self, Mode, Setup};
use holdspace::session::history;
use holdspace::store::config::Config;
use holdspace::store::guard;
use holdspace::store::log;
use holdspace::store::paths::DataDir;
use holdspace::store::plans;
use holdspace::store::purge::{self, Rule};
use holdspace::ui::keys::bindings::Keymap;
use holdspace::ui::theme::themes;
use holdspace::util::format::Zone;
use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    holdspace::ui::terminal::bug::install();
    let cli = Cli::parse();
    match run(cli) {
        Ok(message) => print_out(&message),
        Err(message) => {
            // Errors can quote a file's text back, escapes and all.
            holdspace::util::notice::say(holdspace::util::text::sanitize_lines(&message));
            ExitCode::FAILURE
        }
    }
}

/// sysexits' EX_IOERR: the command did its work but could not hand over its output.
const OUTPUT_FAILED: u8 = 74;

/// Writes a command's output, ended by a newline. A reader that has gone, as `head -1` goes
/// after its line, ends the command quietly, as other command-line tools end; any other failure
/// is one line naming standard output, never the panic report of a bug.
fn print_out(text: &str) -> ExitCode {
    let newline: &[u8] = if text.ends_with('\n') { b"" } else { b"\n" };
    let mut out = std::io::stdout().lock();
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| out.write_all(newline))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            holdspace::util::notice::say(format_args!("could not write to standard output: {err}"));
            ExitCode::from(OUTPUT_FAILED)
        }
    }
}

fn run(cli: Cli) -> Result<String, String> {
    let dir = launch::open_data_dir(cli.data_dir.as_deref())?;
    let config_path = cli.config.clone().or_else(Config::default_path);
    let (config, warning) = config_path.as_deref().map(Config::load).unwrap_or_default();
    let config_folder = config_path.as_deref().and_then(Path::parent);
    let theme_folder = config_folder.map(|folder| folder.join("themes"));
    let (keys, keys_warning) = config_folder
        .map(|folder| Keymap::load(&folder.join("keys.toml")))
        .unwrap_or_default();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    // An explicit --theme wins over NO_COLOR, which wins over the settings file.
    let chosen = cli
        .theme
        .clone()
        .or_else(|| no_color.then(|| "monochrome".to_owned()))
        .or(config.theme.clone())
        .unwrap_or_else(|| "default".to_owned());
    let (theme, theme_warning) = match themes::load(&chosen, theme_folder.as_deref()) {
        Ok(theme) => (theme, None),
        Err(err) => (
            themes::fallback(no_color),
            Some(format!("{err}. Going on with the built-in theme.")),
        ),
    };
    let reminder = config
        .retention_days
        .and_then(|days| purge::reminder(&dir, days, Local::now().date_naive()));
    let notices: Vec<String> = [warning, theme_warning, keys_warning, reminder]
        .into_iter()
        .flatten()
        .collect();
    for notice in &notices {
        holdspace::util::notice::say(notice);
    }
    // The live screen covers what was printed, so it repeats the notices in its status line.
    let setup = Setup {
        theme,
        keys,
        notice: (!notices.is_empty()).then(|| notices.join(" · ")),
    };
    let live = |args: &SessionArgs, mode: Mode| launch::run(dir.clone(), args, &mode, &setup);
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
        Some(Commands::Follow) => launch::follow(&dir, &setup),
        Some(Commands::Themes) => Ok(themes_list(theme_folder.as_deref(), no_color)),
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
        Some(Commands::Sessions { group }) => {
            let mut logs = saved_logs(&dir)?;
            if let Some(group) = group {
                history::known(&logs, &group)?;
                logs.retain(|loaded| history::belongs(&loaded.log, &group));
            }
            Ok(summary::list(&logs, Zone::Local))
        }
        Some(Commands::Show { id }) => {
            let loaded = log::load(&saved(&dir, &id)?).map_err(|err| err.to_string())?;
            Ok(summary::show(&loaded, Zone::Local))
        }
        Some(Commands::Review { id }) => launch::review(&dir, &saved(&dir, &id)?, &setup),
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
        Some(Commands::Group { command }) => {
            holdspace::cmd::group::run(&dir, command, Local::now().naive_local())
        }
        Some(Commands::Roster { group, command }) => {
            let stored = holdspace::store::groups::find(&dir, &group)?;
            let now = Local::now().naive_local();
            holdspace::cmd::roster::run(
                &stored.folder,
                &stored.group.name,
                stored.group.capacity,
                stored.group.next_meeting(now).map(|at| at.date()),
                now.date(),
                dir.disk().as_ref(),
                command,
            )
        }
        Some(Commands::Plan { command }) => match command {
            PlanCommand::List => Ok(plans::list_templates()),
            PlanCommand::Show { template } => Ok(plans::template_text(&template)?.to_owned()),
            PlanCommand::Check { file } => Ok(plans::check(&file)?),
        },
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
            print_or_write(&dir, output.as_deref(), text, "Exported to")
        }
        Some(Commands::Attendance { group }) => {
            let logs = saved_logs(&dir)?;
            history::known(&logs, &group)?;
            Ok(history::table(&history::History::of(&logs, &group), Zone::Local))
        }
        Some(Commands::Report {
            group,
            anonymised,
            output,
        }) => {
            let logs = saved_logs(&dir)?;
            history::known(&logs, &group)?;
            let write = if anonymised {
                report::anonymised
            } else {
                report::report
            };
            let text = write(&group, &logs, Zone::Local);
            print_or_write(&dir, output.as_deref(), text, "Report written to")
        }
    }
}

/// Every saved log, oldest first; each file that cannot be read is named on stderr, and the
/// rest still count.
fn saved_logs(dir: &DataDir) -> Result<Vec<log::Loaded>, String> {
    let (logs, errors) = log::list(&dir.sessions_dir()).map_err(|err| err.to_string())?;
    for error in errors {
        holdspace::util::notice::say(error);
    }
    Ok(logs)
}

/// `text` for standard output, or written to `output` privately and atomically, with `done`
/// and the path to say where it went.
fn print_or_write(dir: &DataDir, output: Option<&Path>, text: String, done: &str) -> Result<String, String> {
    match output {
        Some(path) => {
            guard::write_output(dir.disk().as_ref(), dir.root(), path, text.as_bytes())
                .map_err(|err| err.to_string())?;
            Ok(format!("{done} {}", path.display()))
        }
        None => Ok(text),
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

/// Every theme, each with where it comes from and a line drawn in it: its state words in their
/// colours on a terminal, or plain where the output is not one or `NO_COLOR` asks for none.
fn themes_list(folder: Option<&Path>, no_color: bool) -> String {
    use holdspace::ui::theme::Role;
    use ratatui::backend::IntoCrossterm;
    let styled = std::io::stdout().is_terminal() && !no_color;
    let sample = [
        (Role::Clock, "18:42"),
        (Role::OnTime, "● on time"),
        (Role::Behind, "▲ 3 min late"),
        (Role::Over, "✖ +1:20 over"),
        (Role::Paused, "⏸ PAUSED"),
        (Role::Speaker, "◉ Ana speaking"),
        (Role::Flag, "⚑"),
        (Role::Warning, " 10 minutes left "),
        (Role::NotSaved, " ✗ NOT SAVED "),
    ];
    let mut out = String::new();
    for (name, origin, theme) in themes::all(folder) {
        let from = match origin {
            themes::Origin::Builtin => "built-in".to_owned(),
            themes::Origin::File(path) => path.display().to_string(),
        };
        out.push_str(&format!("{name:<14} {from}\n"));
        match theme {
            Ok(theme) => {
                let line: Vec<String> = sample
                    .iter()
                    .map(|(role, text)| {
                        if styled {
                            let style = theme.style(*role).into_crossterm();
                            crossterm::style::StyledContent::new(style, *text).to_string()
                        } else {
                            (*text).to_owned()
                        }
                    })
                    .collect();
                out.push_str(&format!("               {}\n", line.join("  ")));
            }
            Err(err) => out.push_str(&format!("               cannot be used: {err}\n")),
        }
    }
    out.push_str("Choose one with --theme NAME or theme = \"NAME\" in the settings file.");
    out
}

/// The path of the saved log with this ID, or a message saying where to find the IDs.
fn saved(dir: &DataDir, id: &str) -> Result<PathBuf, String> {
    match dir.log_path(id) {
        Ok(path) if path.exists() => Ok(path),
        _ => Err(format!(
            "no saved session has the ID {id:?}; `holdspace sessions` lists them (looked in {})",
            dir.sessions_dir().display()
        )),
    }
}
