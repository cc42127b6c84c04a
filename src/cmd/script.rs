//! Running a session without a screen: keys come from standard input, and each input line is
//! answered with `ack N` once every event it made is on disk. Crash tests drive the real binary
//! this way, and it suits automation; the keys mean what they mean on the live screen.

use crate::cmd::error::{CmdError, LineError};
use crate::domain::clock::{Clock, SystemClock};
use crate::launch::args::SessionArgs;
use crate::launch::{self, Mode, Request, Setup};
use crate::session::recorder::Recorder;
use crate::store::paths::DataDir;
use crate::ui::app::App;
use crate::ui::before::resume::Choice;
use crate::ui::keys::name::parse_key;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::io::{BufRead, Write};

/// Resumes the interrupted session if there is one, else starts a new one, or with `follow`
/// joins the one another holdspace runs; then presses the keys of each input line in turn.
/// Stops at the end of the input or when the app is done.
pub fn run(
    dir: &DataDir,
    args: &SessionArgs,
    mode: &Mode,
    follow: bool,
    input: impl BufRead,
    mut out: impl Write,
) -> Result<String, CmdError> {
    let (word, mut app, clock) = if follow {
        let recorder = Recorder::join(dir, &launch::running_session(dir)?)?;
        let clock: Box<dyn Clock> = Box::new(SystemClock::new());
        let app = launch::new_app(recorder, dir, clock.as_ref(), &Setup::default());
        ("joined", app, clock)
    } else {
        let request = Request::new(dir, args, mode)?;
        let journals = launch::triage(dir)?;
        for path in &journals.running {
            crate::util::notice::say(format_args!(
                "{} is open in another holdspace that is still running; it was left alone.",
                path.display()
            ));
        }
        for problem in &journals.problems {
            crate::util::notice::say(problem);
        }
        let found = journals.interrupted;
        let choice = if found.is_some() {
            Choice::Resume
        } else {
            Choice::StartNew
        };
        let opened = request.open(dir, choice, found)?.ok_or(CmdError::NotOpened)?;
        let word = if opened.resumed { "resumed" } else { "started" };
        let (app, clock) = request.app(dir, opened, &Setup::default());
        (word, app, clock)
    };
    let mut listening = answer(
        &mut out,
        &format!("{word} {} {}", app.recorder.session.meta.id, ack(&app)),
    )?;
    let mut lines = input.lines().enumerate();
    while listening && let Some((number, line)) = lines.next() {
        let line = line.map_err(CmdError::Stdin)?;
        let keys = keys(&line).map_err(|error| CmdError::Line {
            number: number + 1,
            error,
        })?;
        if keys.is_empty() {
            continue;
        }
        for key in keys {
            app.tick_on(clock.as_ref());
            app.on_key(key);
        }
        listening = answer(&mut out, &ack(&app))?;
        if app.outcome.is_some() {
            break;
        }
    }
    Ok(launch::farewell(&mut app))
}

/// Writes one answer line; false when whoever read the answers has gone (a closed pipe), which
/// ends the run as quietly as other command-line tools end. The journal already has every event.
fn answer(out: &mut impl Write, line: &str) -> Result<bool, CmdError> {
    match writeln!(out, "{line}").and_then(|()| out.flush()) {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(err) => Err(CmdError::Stdout(err)),
    }
}

/// `ack N` when every event up to N is on disk; otherwise what is not.
fn ack(app: &App) -> String {
    match (&app.recorder.not_saved, &app.finish_error) {
        (Some(not_saved), _) => format!("NOT SAVED from {}", not_saved.from_seq),
        (None, Some(_)) => format!("ack {} log NOT SAVED", app.recorder.session.last_seq),
        (None, None) => format!("ack {}", app.recorder.session.last_seq),
    }
}

/// The key presses an input line stands for.
pub fn keys(line: &str) -> Result<Vec<KeyEvent>, LineError> {
    let line = line.trim_end_matches(['\r', '\n']);
    let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    if line.trim().is_empty() || line.trim_start().starts_with('#') {
        return Ok(Vec::new());
    }
    if let Some(text) = line.strip_prefix("type ") {
        return Ok(text.chars().map(press).collect());
    }
    let Some(names) = line.strip_prefix("key ") else {
        return Err(LineError::NotALine(line.to_owned()));
    };
    names
        .split_whitespace()
        .map(|name| {
            let (code, modifiers) = parse_key(name).map_err(|err| LineError::Key(err.to_string()))?;
            Ok(KeyEvent::new(code, modifiers))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_keys() {
        assert_eq!(keys("key n space Enter").unwrap().len(), 3);
        assert_eq!(
            keys("key ctrl-c").unwrap(),
            vec![KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
        assert_eq!(keys("type Zoë ok").unwrap().len(), 6);
        assert!(keys("  ").unwrap().is_empty());
        assert!(keys("# a comment").unwrap().is_empty());
    }

    #[test]
    fn unknown_lines_and_keys_name_what_is_valid() {
        let err = keys("press n").unwrap_err().to_string();
        assert!(err.contains("\"press n\"") && err.contains("`key K"), "{err}");
        let err = keys("key \x1b[2J").unwrap_err().to_string();
        assert!(!err.contains('\x1b') && err.contains("enter, esc"), "{err}");
        assert!(keys("key ctrl-x").is_ok());
    }
}
