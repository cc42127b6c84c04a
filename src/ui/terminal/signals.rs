//! Signals that end the live screen (SIGTERM, SIGHUP, SIGINT), with a guard for a vanished terminal.

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

/// How long the event loop has to notice a signal before the process leaves without it.
const GRACE: Duration = Duration::from_secs(2);

/// Returns a flag set when an ending signal arrives. The event loop checks it at least once a
/// second, and leaves by itself when the terminal goes (see `ui::input`). A thread blocked on
/// the signal pipe (no wake-ups while idle) waits out `GRACE` and then exits the process
/// itself, for a loop held up anyway (crossterm's reader, should the terminal go in the instant
/// it is handed input, loops without returning); every event is already on disk, so leaving
/// is safe.
pub fn watch() -> io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let seen = Arc::clone(&stop);
    thread::Builder::new().name("signals".to_owned()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            seen.store(true, Ordering::Relaxed);
            thread::sleep(GRACE);
            let _ = crate::ui::terminal::leave();
            std::process::exit(128 + signal);
        }
    })?;
    Ok(stop)
}
