//! Lines for standard error that never panic: `eprintln!` panics when standard error cannot be
//! written (redirected to a full disk, say), and a notice that cannot be shown is no reason to
//! stop, least of all inside the panic report.

use std::fmt::Display;
use std::io::Write;

/// Writes `holdspace: <text>` on standard error, or nothing if it cannot be written.
pub fn say(text: impl Display) {
    let _ = writeln!(std::io::stderr(), "holdspace: {text}");
}

/// Writes `text` as it is on standard error, or nothing if it cannot be written.
pub fn say_bare(text: impl Display) {
    let _ = writeln!(std::io::stderr(), "{text}");
}
