//! Attendance, follow-ups and the review on a real terminal: each test drives the binary in a
//! tmux server of its own with the data folder given by `HOLDSPACE_DATA_DIR`, then checks the log
//! and what `holdspace export` makes of it.

use crate::common;

use common::fixture::{at, people, t0};
use common::{Tmux, data, files_ending, holdspace, kill_9, mode, pane, read_json, run};
use holdspace::domain::Command;
use holdspace::domain::record::{Attendance, RecordCommand};
use holdspace::session::recorder::Recorder;
use holdspace::store::paths::DataDir;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const REHEARSE: &str = "rehearse --speed 60 --participant Ana --participant Bo --last-session";

/// Types a line into the text box `title` opened with `key`, and saves it with Enter.
fn enter(tmux: &Tmux, key: &str, title: &str, text: &str) {
    tmux.key(key);
    tmux.wait_for(title);
    tmux.type_text(text);
    tmux.wait_for(&format!("{text}▏"));
    tmux.key("Enter");
    tmux.wait_gone(title);
}

/// Ends the session with q y and waits for the review.
fn end(tmux: &Tmux) {
    tmux.key("q");
    tmux.wait_for("End the session?");
    tmux.key("y");
    tmux.wait_for("holdspace · review");
}

/// Finishes the review with q and returns the log path the app printed (joined up again if the
/// terminal wrapped it).
fn finish(tmux: &Tmux) -> PathBuf {
    tmux.key("q");
    let screen = tmux.wait_for("Log saved to ");
    let printed = screen.split("Log saved to ").nth(1).expect("the log path");
    let joined: String = printed.lines().map(str::trim_end).collect();
    PathBuf::from(&joined[..joined.find(".json").expect("a .json path") + 5])
}

/// The number in the status line's "✓ saved #N".
fn saved_seq(screen: &str) -> u64 {
    let after = screen.split("✓ saved #").nth(1).expect("a saved mark on screen");
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().expect("an event number")
}

fn person<'a>(log: &'a Value, name: &str) -> &'a Value {
    let people = log["participants"].as_array().expect("participants");
    people
        .iter()
        .find(|person| person["name"] == name)
        .expect("the participant")
}

fn no_journals(root: &Path) {
    let left = files_ending(&root.join("journal"), "");
    assert!(left.is_empty(), "journal/ is not empty: {left:?}");
}

#[test]
fn attendance_follow_ups_and_feedback_reach_the_log_and_the_exports() {
    let (tmp, root) = data();
    let tmux = Tmux::start(120, 40, &pane(&root, REHEARSE, false));
    tmux.wait_for("REHEARSAL");
    tmux.key("a");
    tmux.wait_all(&["Attendance and follow-ups · private", "▸ Ana"]);
    tmux.key("p");
    tmux.wait_for("Ana: present");
    tmux.key("l");
    tmux.wait_for("Bo: arrived late");
    enter(&tmux, "!", "Bo: safeguarding concern", "worried about housing");
    let screen = tmux.wait_for("Attendance and follow-ups");
    let bo = screen
        .lines()
        .find(|line| line.contains("▸ Bo"))
        .expect("Bo selected");
    assert!(bo.contains("◔ late") && bo.contains('⚑'), "{screen}");
    assert!(
        !screen.contains("worried about housing"),
        "the list shows no notes: {screen}"
    );
    tmux.escape();
    tmux.wait_gone("Attendance and follow-ups");
    end(&tmux);
    tmux.wait_for("⚑ Bo: safeguarding concern: pass to care co-ordinator · worried about housing");
    tmux.key("k");
    tmux.wait_for("┌ Ana ");
    tmux.key("4");
    tmux.wait_for("Ana: feedback rating");
    enter(&tmux, "c", "Feedback comment: Ana", "More time to talk");
    enter(&tmux, "t", "Takeaway: Ana", "Breathing exercise");
    enter(&tmux, "s", "Overall note on the session", "A warm group tonight");
    tmux.wait_all(&[
        "★4",
        "“More time to talk”",
        "Takeaway Breathing exercise",
        "A warm group tonight",
    ]);
    let path = finish(&tmux);
    no_journals(&root);

    let log = read_json(&path);
    assert_eq!(log["schema_version"], holdspace::domain::SCHEMA_VERSION);
    assert_eq!(log["last_session"], true);
    assert_eq!(log["summary"], "A warm group tonight");
    let (ana, bo) = (person(&log, "Ana"), person(&log, "Bo"));
    assert_eq!(ana["attendance"], "present");
    assert_eq!(
        (&ana["rating"], &ana["comment"]),
        (&4.into(), &"More time to talk".into())
    );
    assert_eq!(ana["takeaway"], "Breathing exercise");
    assert_eq!(bo["attendance"], "late");
    assert_eq!(bo["follow_ups"][0]["follow_up"], "safeguarding");
    assert_eq!(bo["follow_ups"][0]["note"], "worried about housing");

    let id = log["id"].as_str().expect("an id");
    let export = |args: &[&str]| {
        let out = run(holdspace(&root).args(["export", id]).args(args));
        assert!(out.status.success(), "{out:?}");
        out.stdout
    };
    let md = export(&["--format", "md"]);
    let to_do = md.split("## Follow-ups to do").nth(1).expect("a to-do section");
    let to_do = to_do.split("\n## ").next().unwrap_or_default();
    assert!(to_do.contains("| Bo | worried about housing |"), "{md}");
    let handover = export(&["--handover", "Bo"]);
    for part in [
        "# Handover: Bo",
        "arriving late.",
        "safeguarding concern",
        "worried about housing",
    ] {
        assert!(handover.contains(part), "{part:?} missing:\n{handover}");
    }
    assert!(!handover.contains("Ana"), "{handover}");
    let csv = export(&["--anonymised", "--format", "csv"]);
    for secret in ["Ana", "Bo", "housing", "More time", "Breathing"] {
        assert!(!csv.contains(secret), "{secret:?} in:\n{csv}");
    }
    let file = tmp.path().join("record.md");
    let said = export(&["--output", file.to_str().expect("a UTF-8 path")]);
    assert_eq!(said.trim(), format!("Exported to {}", file.display()));
    assert_eq!(mode(&file), 0o600);
    assert_eq!(fs::read_to_string(&file).expect("the export"), md);
}

/// A log written through the library: started 18:00 UTC with Ana and Bo expected; Ana present
/// and Bo late; ended at 18:40.
fn saved_log(root: &Path, id: &str) -> PathBuf {
    let (dir, _) = DataDir::open(root).expect("the data folder opens");
    let mut rec = Recorder::start(&dir, people(id, &["Ana", "Bo"]), t0()).expect("a journal");
    let attend = |who, attendance| Command::Record(RecordCommand::Attend { who, attendance });
    let end = at(40, 0);
    for command in [
        attend(0, Attendance::Present),
        attend(1, Attendance::Late),
        Command::End,
    ] {
        let kind = rec.session.decide(&command, end).expect("an allowed command");
        assert!(rec.record(kind, end), "the event was saved");
    }
    rec.finish(&dir).expect("the log is written")
}

#[test]
fn review_reopens_a_saved_log_and_saves_the_change() {
    let (_tmp, root) = data();
    let path = saved_log(&root, "tuesday");
    let tmux = Tmux::start(120, 40, &pane(&root, "review tuesday", false));
    tmux.wait_all(&["holdspace · review", "▸ Ana", "◔ late"]);
    assert!(
        root.join("journal/tuesday.jsonl").exists(),
        "the review keeps a journal"
    );
    tmux.key("j");
    tmux.wait_for("┌ Bo ");
    tmux.key("p");
    tmux.wait_for("Bo: present");
    assert_eq!(finish(&tmux), path);
    no_journals(&root);
    let log = read_json(&path);
    assert_eq!(person(&log, "Bo")["attendance"], "present");
    assert_eq!(person(&log, "Ana")["attendance"], "present");
    let kinds: Vec<&str> = (log["events"].as_array().expect("events").iter())
        .filter_map(|event| event["type"].as_str())
        .collect();
    assert_eq!(kinds.last(), Some(&"attended"), "{kinds:?}");
}

#[test]
fn a_review_killed_after_a_rating_is_saved_by_the_next_start() {
    let (_tmp, root) = data();
    let tmux = Tmux::start(120, 40, &pane(&root, REHEARSE, true));
    tmux.wait_for("REHEARSAL");
    end(&tmux);
    let before = saved_seq(&tmux.wait_for("q when done"));
    tmux.key("5");
    tmux.wait_all(&["★5", &format!("✓ saved #{}", before + 1)]);
    kill_9(tmux.pane_pid());
    let journal = files_ending(&root.join("journal"), ".jsonl");
    assert_eq!(
        journal.len(),
        1,
        "the killed review leaves its journal: {journal:?}"
    );
    let logs = files_ending(&root.join("sessions"), ".json");
    assert_eq!(logs.len(), 1, "the log written at the end: {logs:?}");
    assert_eq!(person(&read_json(&logs[0]), "Ana")["rating"], Value::Null);

    let next = Tmux::start(120, 40, &pane(&root, "rehearse --speed 60", false));
    next.wait_for("REHEARSAL");
    assert_eq!(
        person(&read_json(&logs[0]), "Ana")["rating"],
        5,
        "written before the new session"
    );
    assert!(!journal[0].exists(), "{} is still there", journal[0].display());
    next.key("C-c");
    let screen = next.wait_for("saved the log of an ended session");
    assert!(screen.contains(&logs[0].display().to_string()), "{screen}");
}

/// A saved group asking every 4 sessions, with 4 saved and none asked: its preparation screen
/// and the review of its fourth say a round is due; one member's answers entered with F through
/// the real binary reach the saved log, and the review says no more that a round is due.
#[test]
fn a_due_feedback_round_is_said_and_an_answer_entered_in_the_review_reaches_the_log() {
    let (_tmp, root) = data();
    common::meeting_tomorrow(&root, "Thursday group", &[]);
    let ids = [
        "2026-11-05-1800",
        "2026-11-12-1800",
        "2026-11-19-1800",
        "2026-11-26-1800",
    ];
    let paths: Vec<PathBuf> = (ids.iter())
        .map(|id| common::write_log(&root, id, "Thursday group", "a note"))
        .collect();
    let prepare = Tmux::start(120, 40, &pane(&root, "--group 'Thursday group'", false));
    prepare.wait_all(&["Preparing · ", "Before you start", "a feedback round is due"]);
    drop(prepare);
    let tmux = Tmux::start(120, 40, &pane(&root, &format!("review {}", ids[3]), false));
    tmux.wait_all(&["holdspace · review", "◇ a feedback round is due: F adds"]);
    tmux.key("F");
    tmux.wait_for("Overall, how was your experience of the group?");
    tmux.key("2");
    tmux.type_text("Quietly kind");
    tmux.wait_for("Quietly kind▏");
    tmux.key("Enter");
    tmux.key("Enter");
    tmux.wait_all(&[
        "a member's feedback saved · 1 answer, 100% positive",
        "Members' feedback 1 answer",
    ]);
    let screen = tmux.screen();
    assert!(!screen.contains("a feedback round is due"), "{screen}");
    assert_eq!(finish(&tmux), paths[3]);
    no_journals(&root);
    let log = read_json(&paths[3]);
    assert_eq!(log["feedback"][0]["answer"], "good");
    assert_eq!(log["feedback"][0]["good"], "Quietly kind");
}
