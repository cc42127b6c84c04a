//! Two holdspaces on one data folder, on a real terminal: the second is told the session is
//! open in the first and follows it as the co-facilitator, raising a hand the facilitator then
//! sees, and is told when the session is finished.

use crate::common;

use common::{Tmux, data, pane};

#[test]
fn a_second_holdspace_follows_as_the_co_facilitator() {
    let (_tmp, root) = data();
    let first = Tmux::start(100, 30, &pane(&root, "--participant Ana", false));
    first.wait_for("holdspace · Peer support group");
    let second = Tmux::start(100, 30, &pane(&root, "", false));
    second.wait_all(&["A session is open in another holdspace", "[w] follow"]);
    second.key("w");
    second.wait_all(&["CO-FACILITATOR", "co-facilitator · saved #1"]);

    // The facilitator moves on: the co-facilitator's view follows within a second or so.
    first.key("n");
    second.wait_for("co-facilitator · saved #2");
    second.key("n");
    second.wait_for("the flow is with the facilitator");

    // The co-facilitator raises a hand: it reaches the facilitator's queue.
    second.key("h");
    second.wait_for("┌ Raise a hand");
    second.type_text("Ana");
    second.key("Enter");
    first.wait_all(&["Hands · 1 waiting", "Ana"]);

    // The facilitator ends and finishes: the co-facilitator is told.
    first.end_session();
    second.wait_for("finished the session and saved its log");
    second.key("q");
    second.wait_for("Stopped following");
    assert_eq!(common::files_ending(&root.join("sessions"), ".json").len(), 1);
}
