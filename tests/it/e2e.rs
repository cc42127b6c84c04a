//! The real binary on a real terminal: each test drives `holdspace rehearse` in a tmux server
//! of its own, reads the screen, and checks what reached the data folder.

use crate::common;

use common::{
    BIN, Tmux, assert_private, cpu_time, data, event_types, exits_within, files_ending, holdspace,
    journal_events, kill_9, only_journal, only_log, rehearse, rehearse_exec, run, signal,
};
use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::{Duration, Instant};

fn note(tmux: &Tmux, text: &str) {
    tmux.key(":");
    tmux.wait_for("┌ Note");
    tmux.type_text(text);
    tmux.wait_for(&format!("{text}▏"));
    tmux.key("Enter");
    tmux.wait_for("note saved");
}

/// Runs a rehearsal, moves to the second item, and kills it: returns its journal.
fn crashed(root: &Path) -> PathBuf {
    let tmux = Tmux::start(120, 40, &rehearse_exec(root));
    tmux.wait_for("REHEARSAL");
    tmux.key("n");
    tmux.wait_for("✓ saved #2");
    kill_9(tmux.pane_pid());
    only_journal(root)
}

fn events(log: &Value) -> &Vec<Value> {
    log["events"].as_array().expect("events")
}

#[test]
fn a_full_rehearsal_is_logged() {
    let (_tmp, root) = data();
    let tmux = Tmux::start(120, 40, &rehearse(&root, ""));
    tmux.wait_for("REHEARSAL");
    tmux.wait_for("✓ saved #1");
    tmux.key("n");
    tmux.wait_for("✓ Welcome and ground rules");
    tmux.wait_for("▶ Check-in round");
    tmux.key("Space");
    tmux.wait_for("PAUSED");
    tmux.key("Space");
    tmux.wait_gone("PAUSED");
    tmux.key("g");
    tmux.wait_for("Our ground rules");
    tmux.wait_for("What is said in the group stays in the group.");
    tmux.escape();
    tmux.wait_gone("Our ground rules");
    note(&tmux, "hello from e2e");
    tmux.key("?");
    tmux.wait_for("leave now; the session stays open to resume");
    tmux.escape();
    tmux.wait_gone("leave now");
    let screen = tmux.end_session();

    let log_path = only_journal_free_log(&root);
    assert!(
        screen.contains(&format!("Session ended. Log saved to {}", log_path.display())),
        "{screen}"
    );
    let log = only_log(&root);
    assert_eq!(log["rehearsal"], true);
    assert_eq!(log["interrupted"], false);
    assert_eq!(log["notes"][0]["text"], "hello from e2e");
    assert_eq!(log["notes"].as_array().map(Vec::len), Some(1));
    assert_eq!(log["rules_revisited"].as_array().map(Vec::len), Some(1));
    assert_eq!(log["recovered_at"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        event_types(&log["events"]),
        [
            "started",
            "moved",
            "paused",
            "unpaused",
            "rules_revisited",
            "note",
            "ended"
        ]
    );
    let seqs: Vec<u64> = events(&log).iter().filter_map(|e| e["seq"].as_u64()).collect();
    assert_eq!(seqs, (1..=7).collect::<Vec<_>>());
    assert_eq!(log["items"][0]["ended_at"], events(&log)[1]["at"]);
    assert_private(&root);
}

/// The one log path, checking that no journal is left open.
fn only_journal_free_log(root: &Path) -> PathBuf {
    let left = files_ending(&root.join("journal"), ".jsonl");
    assert!(left.is_empty(), "journals left open: {left:?}");
    let logs = files_ending(&root.join("sessions"), ".json");
    assert_eq!(logs.len(), 1, "{logs:?}");
    logs[0].clone()
}

#[test]
fn the_end_warning_shows_and_can_be_dismissed() {
    let (_tmp, root) = data();
    // The plan is 90 minutes long: a warning 89 minutes before the end comes a minute in,
    // one second of real time at 60×.
    let tmux = Tmux::start(120, 40, &rehearse(&root, "--warn-minutes 89"));
    tmux.wait_for("REHEARSAL");
    tmux.wait_for("to the scheduled end");
    tmux.key("w");
    tmux.wait_gone("to the scheduled end");
    tmux.wait_for("⚠ ends in");
    tmux.key("+");
    tmux.wait_for(" 11m");
    tmux.key("r");
    tmux.wait_for("rebalanced");
    tmux.end_session();

    only_journal_free_log(&root);
    let log = only_log(&root);
    assert_eq!(log["warn_minutes"], 89);
    let raised = log["warning_at"].as_str().expect("warning_at is set");
    let dismissed = log["warning_dismissed_at"]
        .as_str()
        .expect("warning_dismissed_at is set");
    assert!(raised <= dismissed, "{raised} > {dismissed}");
    let types = event_types(&log["events"]);
    assert_eq!(
        types.iter().filter(|t| *t == "warning_raised").count(),
        1,
        "{types:?}"
    );
    assert_eq!(
        types.iter().filter(|t| *t == "warning_dismissed").count(),
        1,
        "{types:?}"
    );
    let reasons: Vec<&Value> = events(&log)
        .iter()
        .filter(|e| e["type"] == "replanned")
        .map(|e| &e["reason"])
        .collect();
    assert_eq!(reasons, ["add_minute", "rebalance"]);
    assert_eq!(log["items"][0]["final_minutes"], 11);
}

#[test]
fn a_killed_session_resumes_with_every_event() {
    let (_tmp, root) = data();
    let first = Tmux::start(120, 40, &rehearse_exec(&root));
    first.wait_for("REHEARSAL");
    first.key("n");
    first.wait_for("▶ Check-in round");
    first.key("n");
    first.wait_for("▶ Topic discussion");
    note(&first, "before the crash");
    first.wait_for("✓ saved #4");
    let journal = only_journal(&root);
    let lines = fs::read_to_string(&journal).unwrap().lines().count();
    assert_eq!(lines, 4, "started, moved, moved, note");
    kill_9(first.pane_pid());
    drop(first);
    let before = journal_events(&journal);
    assert_eq!(before.len(), lines, "the journal changed after the kill");

    let second = Tmux::start(120, 40, &rehearse(&root, ""));
    let screen = second.wait_for("An interrupted session was found");
    assert!(screen.contains("4 events saved"), "{screen}");
    assert!(screen.contains("It was on \"Topic discussion\""), "{screen}");
    second.key("r");
    second.wait_for("REHEARSAL");
    second.wait_for("▶ Topic discussion");
    second.wait_for("✓ Check-in round");
    second.wait_for("✓ saved #5");
    second.end_session();

    only_journal_free_log(&root);
    let log = only_log(&root);
    assert_eq!(
        &events(&log)[..lines],
        &before[..],
        "events before the kill differ"
    );
    assert_eq!(event_types(&log["events"])[lines..], ["recovered", "ended"]);
    assert_eq!(log["recovered_at"].as_array().map(Vec::len), Some(1));
    assert_eq!(log["recovered_at"][0], events(&log)[lines]["at"]);
    assert_eq!(log["notes"][0]["text"], "before the crash");
    assert_eq!(log["rehearsal"], true);
    assert_private(&root);
}

#[test]
fn a_torn_last_line_is_set_aside_on_resume() {
    let (_tmp, root) = data();
    let journal = crashed(&root);
    let before = journal_events(&journal);
    assert_eq!(before.len(), 2);
    let torn = br#"{"seq":3,"at":"2026-11-27T03:5"#;
    fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .and_then(|mut file| file.write_all(torn))
        .unwrap();

    let second = Tmux::start(120, 40, &rehearse(&root, ""));
    second.wait_for("An interrupted session was found");
    let screen = second.wait_for("cut off");
    assert!(screen.contains(&format!("({} bytes", torn.len())), "{screen}");
    second.key("r");
    second.wait_for("▶ Check-in round");
    second.wait_for("✓ saved #3");
    second.end_session();

    only_journal_free_log(&root);
    let log = only_log(&root);
    assert_eq!(&events(&log)[..2], &before[..]);
    assert_eq!(event_types(&log["events"])[2..], ["recovered", "ended"]);
    let mut aside = journal.into_os_string();
    aside.push(".torn");
    assert_eq!(fs::read(&aside).expect("the .torn file"), torn);
    assert_private(&root);
}

#[test]
fn ctrl_c_leaves_the_session_open() {
    let (_tmp, root) = data();
    let tmux = Tmux::start(120, 40, &rehearse(&root, ""));
    tmux.wait_for("REHEARSAL");
    tmux.key("n");
    tmux.wait_for("✓ saved #2");
    tmux.key("C-c");
    let screen = tmux.wait_for("still open");
    let journal = only_journal(&root);
    assert!(screen.contains(&journal.display().to_string()), "{screen}");
    assert!(!screen.contains("Log saved"), "{screen}");
    assert_eq!(
        event_types(&Value::from(journal_events(&journal))),
        ["started", "moved"]
    );
    assert!(files_ending(&root.join("sessions"), ".json").is_empty());
    let out = run(holdspace(&root).arg("sessions"));
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.contains("No saved sessions"), "{out:?}");
}

#[test]
fn a_tiny_terminal_asks_to_be_enlarged() {
    let (_tmp, root) = data();
    let tmux = Tmux::start(40, 10, &rehearse(&root, ""));
    tmux.wait_for("enlarge the terminal to 60×15");
    // The session has started underneath: the journal is there already.
    only_journal(&root);
    tmux.cmd(&["resize-window", "-x", "120", "-y", "40"]);
    tmux.wait_for("REHEARSAL");
    let screen = tmux.wait_for("Welcome and ground rules");
    assert!(!screen.contains("enlarge"), "{screen}");
    tmux.key("C-c");
    tmux.wait_for("still open");
}

#[test]
fn the_interrupted_dialog_can_quit_or_close_the_old_session() {
    let (_tmp, root) = data();
    let journal = crashed(&root);
    let bytes = fs::read(&journal).unwrap();

    let second = Tmux::start(120, 40, &rehearse(&root, ""));
    second.wait_for("An interrupted session was found");
    second.key("q");
    second.wait_for("Nothing was changed.");
    assert_eq!(fs::read(&journal).unwrap(), bytes, "quitting changed the journal");
    assert!(files_ending(&root.join("sessions"), ".json").is_empty());

    let third = Tmux::start(120, 40, &rehearse(&root, ""));
    third.wait_for("An interrupted session was found");
    third.key("e");
    third.wait_for("REHEARSAL");
    third.wait_for("▶ Welcome and ground rules");
    let log = only_log(&root);
    assert_eq!(log["interrupted"], true);
    assert_eq!(event_types(&log["events"]), ["started", "moved", "ended"]);
    assert_eq!(log["events"][2]["interrupted"], true);
    assert!(!journal.exists(), "the old journal was not retired");
    let new_journal = only_journal(&root);
    assert_eq!(
        event_types(&Value::from(journal_events(&new_journal))),
        ["started"]
    );
    third.key("C-c");
    third.wait_for("still open");
}

/// With a terminal present but stdout sent to a file, the app must refuse rather than draw
/// into the file (and read keys from /dev/tty).
#[test]
fn stdout_redirected_away_from_the_terminal_is_refused() {
    let (tmp, root) = data();
    let out = tmp.path().join("out");
    let command = format!(
        "'{BIN}' rehearse --data-dir '{}' > '{}' 2>&1; echo exit=$?; sleep 60",
        root.display(),
        out.display()
    );
    let tmux = Tmux::start(120, 40, &command);
    let screen = tmux.wait_until("the app to exit", |screen| screen.contains("exit="));
    assert!(!screen.contains("exit=0"), "{screen}");
    let printed = fs::read_to_string(&out).unwrap_or_default();
    assert!(printed.contains("terminal"), "{printed:?}");
    assert!(files_ending(&root.join("journal"), ".jsonl").is_empty());
}

/// Item 11: closing the terminal window must not leave the app running, nor spinning on a
/// terminal that reads as closed: every event is already on disk, so it leaves at once.
#[test]
fn item11_closing_the_terminal_ends_the_app_without_spinning() {
    let (_tmp, root) = data();
    let tmux = Tmux::start(120, 40, &rehearse_exec(&root));
    tmux.wait_for("REHEARSAL");
    let pid = tmux.pane_pid();
    let before = cpu_time(pid).expect("the app's CPU time");
    tmux.kill_server();
    // Sampled until it has gone: a zombie's times are its last ones.
    let deadline = Instant::now() + Duration::from_secs(3);
    let mut used = before;
    while !exits_within(pid, Duration::ZERO) && Instant::now() < deadline {
        used = cpu_time(pid).unwrap_or(used);
        sleep(Duration::from_millis(5));
    }
    used = cpu_time(pid).unwrap_or(used);
    let gone = exits_within(pid, Duration::ZERO);
    if !gone {
        signal(pid, "-KILL");
    }
    assert!(
        gone,
        "holdspace (pid {pid}) kept running after its terminal closed"
    );
    assert!(
        used.saturating_sub(before) < Duration::from_millis(100),
        "holdspace used {:?} of CPU between its terminal closing and its exit",
        used.saturating_sub(before)
    );
    assert_eq!(
        event_types(&Value::from(journal_events(&only_journal(&root)))),
        ["started"]
    );
}

/// Item 7: a paste into the note is text, not keys (its "q" then "y" would end the session),
/// and 100 KB of it is in the note within seconds: one event, not 100,000 keys and redraws.
#[test]
fn item7_a_pasted_note_is_text_and_a_long_one_is_quick() {
    let (_tmp, root) = data();
    let tmux = Tmux::start(120, 40, &rehearse_exec(&root));
    tmux.wait_for("REHEARSAL");
    tmux.key(":");
    tmux.wait_for("┌ Note");
    tmux.paste("first line\nq\ny\n");
    tmux.wait_for("first line q y ▏");
    let line = "pasted from a long document\n";
    let long = line.repeat(100_000 / line.len());
    let pasted = Instant::now();
    tmux.paste(&long);
    tmux.key("Enter");
    tmux.wait_for("note saved");
    let took = pasted.elapsed();
    assert!(took < Duration::from_secs(5), "a 100 KB paste took {took:?}");
    let events = journal_events(&only_journal(&root));
    let notes: Vec<&Value> = events.iter().filter(|event| event["type"] == "note").collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    let spaced = "pasted from a long document ".repeat(100_000 / line.len());
    let expected = format!("first line q y {}", spaced.trim_end());
    let text = notes[0]["text"].as_str().expect("the note's text");
    let differs = text.chars().zip(expected.chars()).position(|(a, b)| a != b);
    assert!(
        text == expected,
        "the note has {} characters, not {}; they differ from character {differs:?}: {:?}",
        text.chars().count(),
        expected.chars().count(),
        text.chars()
            .skip(differs.unwrap_or(0).saturating_sub(20))
            .take(80)
            .collect::<String>()
    );
}

/// `kill PID` (SIGTERM) must end the app while it asks about an interrupted session too.
#[test]
fn sigterm_during_the_interrupted_question_ends_the_app() {
    let (_tmp, root) = data();
    let journal = crashed(&root);
    let bytes = fs::read(&journal).unwrap();
    let tmux = Tmux::start(120, 40, &rehearse_exec(&root));
    tmux.wait_for("An interrupted session was found");
    let pid = tmux.pane_pid();
    signal(pid, "-TERM");
    assert!(exits_within(pid, Duration::from_secs(3)), "SIGTERM was ignored");
    assert_eq!(fs::read(&journal).unwrap(), bytes, "the journal changed");
}

/// An end set earlier than the plan fits starts the session behind, and the status line says
/// at once which key rebalances it.
#[test]
fn an_end_earlier_than_the_plan_fits_says_r_rebalances() {
    let (_tmp, root) = data();
    let ends = (chrono::Local::now() + chrono::TimeDelta::minutes(40)).format("%H:%M");
    let tmux = Tmux::start(120, 40, &rehearse(&root, &format!("--ends {ends}")));
    tmux.wait_all(&[
        "REHEARSAL",
        "min past the end you set: r rebalances the items to end on time",
    ]);
}
