//! The raise-hand queue on a real terminal: each test drives `holdspace rehearse` with expected
//! participants in a tmux server of its own, with the data folder given by `HOLDSPACE_DATA_DIR`.

use crate::common;

use common::{Tmux, data, event_types, holdspace, journal_events, kill_9, only_journal, only_log, pane, run};
use serde_json::Value;
use std::path::Path;

/// The pane command for a rehearsal with Ana and Bo expected and a one-minute turn limit, which
/// at 60× passes in a second of real time; `exec` as for `pane`.
fn rehearse_hands(root: &Path, exec: bool, extra: &str) -> String {
    let args = format!("rehearse --speed 60 --participant Ana --participant Bo --turn-minutes 1 {extra}");
    pane(root, &args, exec)
}

/// Raises a hand through the picker: types `name` (which filters, or offers to add it) and
/// chooses the first row.
fn raise(tmux: &Tmux, name: &str) {
    tmux.key("h");
    tmux.wait_for("┌ Raise a hand");
    tmux.type_text(name);
    tmux.wait_for(&format!("name: {name}▏"));
    tmux.key("Enter");
    tmux.wait_for(&format!("{name} raised a hand"));
}

/// `[name, hands_raised, turns]` per participant, in the order they were added.
fn tallies(log: &Value) -> Vec<(String, u64, u64)> {
    log["participants"]
        .as_array()
        .expect("a participants array")
        .iter()
        .map(|person| {
            (
                person["name"].as_str().expect("a name").to_owned(),
                person["hands_raised"].as_u64().expect("hands_raised"),
                person["turns"].as_u64().expect("turns"),
            )
        })
        .collect()
}

fn talk_seconds(log: &Value, index: usize) -> i64 {
    log["participants"][index]["talk_seconds"]
        .as_i64()
        .expect("talk_seconds")
}

fn tally(name: &str, hands: u64, turns: u64) -> (String, u64, u64) {
    (name.to_owned(), hands, turns)
}

/// `M:SS` as `holdspace show` prints talk time under an hour.
fn clock(seconds: i64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Where the Hands panel starts on the screen, and its lines; `None` until it is drawn.
fn hands_panel(screen: &str) -> Option<(usize, Vec<&str>)> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines.iter().position(|line| line.contains("┌ Hands"))?;
    let bottom = lines[top..]
        .iter()
        .position(|line| line.starts_with('└'))
        .map_or(lines.len(), |offset| top + offset + 1);
    Some((top, lines[top..bottom].to_vec()))
}

/// The 1-based column and row (as SGR mouse reports count them) of the first line after line
/// `from` of `screen` that contains `text`, at the text's first character.
fn cell_of(screen: &str, from: usize, text: &str) -> (usize, usize) {
    let (row, line) = screen
        .lines()
        .enumerate()
        .skip(from)
        .find(|(_, line)| line.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not on screen after line {from}:\n{screen}"));
    let byte = line.find(text).expect("the text is on the line");
    // Every character on this screen is one cell wide, so characters count columns.
    (line[..byte].chars().count() + 1, row + 1)
}

/// The pane's mouse modes and whether the alternate screen is on, as tmux tracks them.
fn modes(tmux: &Tmux) -> String {
    let format = "clicks=#{mouse_standard_flag} sgr=#{mouse_sgr_flag} drags=#{mouse_button_flag} \
                  motion=#{mouse_all_flag} alternate=#{alternate_on}";
    tmux.cmd(&["display", "-p", format]).trim().to_owned()
}

/// A left-button press and release at a 1-based cell, as a terminal in SGR mouse mode sends it.
fn click(tmux: &Tmux, (column, row): (usize, usize)) {
    tmux.type_text(&format!("\x1b[<0;{column};{row}M"));
    tmux.type_text(&format!("\x1b[<0;{column};{row}m"));
}

#[test]
fn hands_turns_and_a_cleared_queue_reach_the_log() {
    let (_tmp, root) = data();
    let tmux = Tmux::start(120, 40, &rehearse_hands(&root, false, ""));
    tmux.wait_for("REHEARSAL");
    tmux.wait_all(&["┌ Talk time · private", "◌ floor open"]);

    tmux.key("h");
    tmux.wait_all(&["┌ Raise a hand", "▸ Ana", "  Bo "]);
    tmux.key("Enter");
    tmux.wait_for("Ana raised a hand: 1 of 1 in the queue");
    tmux.key("h");
    tmux.wait_for("┌ Raise a hand");
    tmux.type_text("Cy");
    tmux.wait_for("+ add Cy as a new participant");
    tmux.key("Enter");
    tmux.wait_for("Cy raised a hand: 2 of 2 in the queue");
    tmux.wait_for("Hands · 2 waiting");

    tmux.key("s");
    tmux.wait_for("◉ Ana speaking");
    tmux.wait_for("Hands · 1 waiting");
    tmux.wait_for("past 1 min: invite others in?");

    tmux.key("n");
    tmux.wait_all(&[
        "Moving to Check-in round.",
        "1 raised hand is waiting.",
        "k keep the queue",
        "c clear all 1",
        "Esc stay",
    ]);
    tmux.key("c");
    // Moving on ends the turn too.
    tmux.wait_all(&["▶ Check-in round", "Hands · 0 waiting", "◌ floor open"]);
    tmux.end_session();
    assert_eq!(modes(&tmux), "clicks=0 sgr=0 drags=0 motion=0 alternate=0");

    let log = only_log(&root);
    assert_eq!(log["turn_minutes"], 1);
    assert_eq!(
        tallies(&log),
        [tally("Ana", 1, 1), tally("Bo", 0, 0), tally("Cy", 1, 0)]
    );
    // The hint showed before `n`, so Ana spoke for at least the minute of the limit.
    assert!(talk_seconds(&log, 0) >= 60, "{}", log["participants"]);
    assert_eq!((talk_seconds(&log, 1), talk_seconds(&log, 2)), (0, 0));
    assert_eq!(
        event_types(&log["events"]),
        [
            "started",
            "hand_raised",
            "participant_added",
            "hand_raised",
            "turn_started",
            "queue_cleared",
            "moved",
            "ended"
        ]
    );
    let id = log["id"].as_str().expect("an id");
    let out = run(holdspace(&root).args(["show", id]));
    assert!(out.status.success(), "{out:?}");
    let talk: Vec<String> = out
        .stdout
        .lines()
        .skip_while(|line| *line != "Talk time:")
        .skip(1)
        .take_while(|line| !line.is_empty())
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(talk.len(), 3, "{out:?}");
    let ana = format!("Ana {} 1 turn, 1 hand raised", clock(talk_seconds(&log, 0)));
    assert_eq!(talk[0], ana, "{out:?}");
    assert_eq!(
        talk[1..],
        [
            "Bo 0:00 0 turns, 0 hands raised",
            "Cy 0:00 0 turns, 1 hand raised"
        ]
    );
}

#[test]
fn a_killed_session_resumes_with_its_queue_and_speaker() {
    let (_tmp, root) = data();
    let first = Tmux::start(120, 40, &rehearse_hands(&root, true, ""));
    first.wait_for("REHEARSAL");
    raise(&first, "Ana");
    raise(&first, "Bo");
    raise(&first, "Cy");
    first.key("s");
    first.wait_for("◉ Ana speaking");
    // started, three hands, Cy added, the turn: all on disk before the kill.
    first.wait_for("✓ saved #6");
    kill_9(first.pane_pid());
    drop(first);
    let journal = only_journal(&root);
    assert_eq!(
        event_types(&Value::from(journal_events(&journal))),
        [
            "started",
            "hand_raised",
            "hand_raised",
            "participant_added",
            "hand_raised",
            "turn_started"
        ]
    );

    let second = Tmux::start(120, 40, &rehearse_hands(&root, false, ""));
    second.wait_for("An interrupted session was found");
    second.key("r");
    second.wait_for("REHEARSAL");
    second.wait_until("the queue and speaker as they were", |screen| {
        let Some((_, panel)) = hands_panel(screen) else {
            return false;
        };
        let row = |n: usize, name: &str| {
            let mark = format!("{n}.  {name} ");
            panel.iter().any(|line| line.contains(&mark))
        };
        panel[0].contains("Hands · 2 waiting")
            && panel.iter().any(|line| line.contains("◉ Ana speaking"))
            && row(1, "Bo")
            && row(2, "Cy")
            && screen.contains("┌ Talk time")
    });
    second.key("s");
    second.wait_for("◉ Bo speaking");
    second.end_session();

    let log = only_log(&root);
    assert_eq!(
        tallies(&log),
        [tally("Ana", 1, 1), tally("Bo", 1, 1), tally("Cy", 1, 0)]
    );
    let types = event_types(&log["events"]);
    assert_eq!(types[6..], ["recovered", "turn_started", "ended"], "{types:?}");
}

#[test]
fn clicks_select_a_queue_row_and_choose_in_the_picker() {
    let (_tmp, root) = data();
    let tmux = Tmux::start(120, 40, &rehearse_hands(&root, false, ""));
    tmux.wait_for("REHEARSAL");
    // Button presses only: no motion reports to wake the app whenever the mouse moves.
    assert_eq!(modes(&tmux), "clicks=1 sgr=1 drags=0 motion=0 alternate=1");

    tmux.key("h");
    let screen = tmux.wait_all(&["┌ Raise a hand", "▸ Ana", "  Bo "]);
    let top = screen
        .lines()
        .position(|line| line.contains("┌ Raise a hand"))
        .expect("the picker");
    click(&tmux, cell_of(&screen, top, " Bo "));
    tmux.wait_for("Bo raised a hand: 1 of 1 in the queue");
    tmux.key("h");
    tmux.wait_for("▸ Ana");
    tmux.key("Enter");
    tmux.wait_for("Ana raised a hand: 2 of 2 in the queue");
    tmux.key("k");
    let screen = tmux.wait_all(&["▸ 1.  Bo", "  2.  Ana"]);
    let saved = only_journal(&root);
    let events = journal_events(&saved).len();

    let (top, _) = hands_panel(&screen).expect("the Hands panel");
    click(&tmux, cell_of(&screen, top, "2.  Ana"));
    let screen = tmux.wait_for("▸ 2.  Ana");
    assert!(!screen.contains("▸ 1."), "{screen}");
    assert_eq!(
        journal_events(&saved).len(),
        events,
        "a click on the queue recorded something"
    );

    // A click on the floor line above the queue leaves the selection alone.
    click(&tmux, cell_of(&screen, top, "◌ floor open"));
    tmux.key("x");
    tmux.wait_for("hand lowered: Ana");
    tmux.key("C-c");
    tmux.wait_for("still open");
    assert_eq!(modes(&tmux), "clicks=0 sgr=0 drags=0 motion=0 alternate=0");
}

#[test]
fn escape_sequences_in_names_never_reach_the_terminal() {
    let (_tmp, root) = data();
    // The shell's printf makes the control characters; the names reach the app as arguments.
    let hostile = r#"--participant "$(printf 'Ev\033[2Jil')" --participant "$(printf 'Jo\033]2;owned\007')""#;
    let tmux = Tmux::start(120, 40, &rehearse_hands(&root, false, hostile));
    tmux.wait_for("REHEARSAL");
    let panels = ["┌ Agenda", "┌ Now", "┌ Talk time", "└", "✓ saved #"];
    tmux.wait_all(&panels);
    tmux.wait_all(&[
        "Ev\u{FFFD}[2Jil",
        "Jo\u{FFFD}]2;owned\u{FFFD}",
        "┌ Hands · 0 waiting",
    ]);
    tmux.key("h");
    tmux.wait_for("┌ Raise a hand");
    tmux.type_text("Ev");
    tmux.wait_for("▸ Ev\u{FFFD}[2Jil");
    tmux.key("Enter");
    tmux.wait_for("Ev\u{FFFD}[2Jil raised a hand: 1 of 1 in the queue");
    tmux.key("s");
    tmux.wait_all(&[
        "◉ Ev\u{FFFD}[2Jil speaking",
        "✓ saved #3",
        "▶ Welcome and ground rules",
    ]);
    tmux.wait_all(&panels);
    let title = tmux.cmd(&["display", "-p", "#{pane_title}"]);
    assert!(!title.contains("owned"), "the pane was retitled: {title}");
    tmux.end_session();

    let log = only_log(&root);
    assert_eq!(
        log["participants"][2]["name"], "Ev\x1b[2Jil",
        "the log keeps the name as given"
    );
    let out = run(holdspace(&root).args(["show", log["id"].as_str().expect("an id")]));
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.contains("Ev\u{FFFD}[2Jil"), "{out:?}");
    assert!(
        !out.stdout.contains('\x1b') && !out.stdout.contains('\x07'),
        "{out:?}"
    );
}
