//! The `holdspace` command: parse the arguments, run one command, print what it says.

use clap::Parser;
use holdspace::cmd::{self, cli::Cli};
use std::io::{ErrorKind, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    holdspace::ui::terminal::bug::install();
    match cmd::run(Cli::parse()) {
        Ok(message) => print_out(&message),
        Err(err) => {
            // Errors can quote a file's text back, escapes and all.
            holdspace::util::notice::say(holdspace::util::text::sanitize_lines(&err.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// sysexits' `EX_IOERR`: the command did its work but could not hand over its output.
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
