//! SIGTERM and SIGHUP during a live session: the app ends within two seconds, gives the
//! terminal back (the pane leaves the alternate screen and shows what it printed), and leaves
//! the journal exactly as it was, ready to resume.

use crate::common;

use common::{Tmux, data, exits_within, journal_events, only_journal, pane, signal};
use std::time::Duration;

fn ends_cleanly_on(name: &str) {
    let (_tmp, root) = data();
    let tmux = Tmux::start(
        100,
        30,
        &pane(&root, "rehearse --speed 60 --participant Ana", true),
    );
    // Keep the pane after the app exits, to read what it left on the terminal.
    tmux.cmd(&["set-option", "-g", "remain-on-exit", "on"]);
    tmux.wait_for("REHEARSAL");
    tmux.key("n");
    tmux.wait_for("✓ saved #2");
    let journal = only_journal(&root);
    let before = journal_events(&journal);
    let pid = tmux.pane_pid();

    signal(pid, &format!("-{name}"));
    assert!(
        exits_within(pid, Duration::from_secs(2)),
        "SIG{name} did not end the app within 2 s"
    );
    let screen = tmux.wait_for("Run holdspace again to resume it");
    assert!(
        !screen.contains("REHEARSAL"),
        "the live screen was left on the terminal:\n{screen}"
    );
    let alternate = tmux.cmd(&["display", "-p", "#{alternate_on}"]);
    assert_eq!(alternate.trim(), "0", "the alternate screen was not left");
    assert_eq!(journal_events(&journal), before, "the journal changed");
}

#[test]
fn sigterm_ends_a_live_session_cleanly() {
    ends_cleanly_on("TERM");
}

#[test]
fn sighup_ends_a_live_session_cleanly() {
    ends_cleanly_on("HUP");
}
