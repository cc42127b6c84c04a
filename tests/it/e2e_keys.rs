//! On the real binary in tmux, the keys of the screens before a session: `?` shows them over
//! the screen and any key closes them; Esc at home never quits, and `q` does at once.

use crate::common;

use common::{Tmux, data, exits_within, meeting_tomorrow, pane};
use std::time::Duration;

#[test]
fn question_mark_shows_the_home_keys_and_esc_never_quits() {
    let (_tmp, root) = data();
    meeting_tomorrow(&root, "Harbour Group", &[]);
    let tmux = Tmux::start(100, 30, &pane(&root, "", true));
    tmux.wait_for("holdspace · groups");
    tmux.key("?");
    tmux.wait_all(&[
        "Keys",
        "Enter  prepares the group's session",
        "Any key closes this help.",
    ]);
    tmux.key("x");
    tmux.wait_gone("Any key closes this help.");
    tmux.escape();
    tmux.wait_for("nothing to close: q quits");
    tmux.escape();
    tmux.wait_for("holdspace · groups");
    let pid = tmux.pane_pid();
    tmux.key("q");
    assert!(exits_within(pid, Duration::from_secs(10)), "q quits at once");
}
