//! Two holdspaces on one data folder, on a real terminal: the second is told the session is
//! open in the first, watches it read-only as it moves on, and sees it finish.

mod common;

use common::{Tmux, data, pane};

#[test]
fn a_second_holdspace_watches_the_first_read_only() {
    let (_tmp, root) = data();
    let first = Tmux::start(
        100,
        30,
        &pane(&root, "rehearse --speed 60 --participant Ana", false),
    );
    first.wait_for("holdspace · Peer support group");
    let second = Tmux::start(100, 30, &pane(&root, "", false));
    second.wait_all(&["A session is open in another holdspace", "[w] watch"]);
    second.key("w");
    second.wait_all(&["READ-ONLY", "it is running", "◇ read-only #1"]);

    // The facilitator moves on: the watcher follows within a second or so.
    first.key("n");
    second.wait_for("◇ read-only #2");
    second.key("n");
    second.wait_for("read-only: the holdspace that has this session open");

    // The facilitator ends and finishes: the watcher follows into the review and is told.
    first.end_session();
    second.wait_for("finished the session and saved its log");
    second.key("q");
    second.wait_for("Stopped watching");
    assert_eq!(common::files_ending(&root.join("sessions"), ".json").len(), 1);
}
