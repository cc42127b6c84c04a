//! `holdspace feedback ID` through the real binary: an answer added to a saved session is in
//! its log, `show` and the JSON export (read with `serde_json` alone), the anonymised exports and
//! report carry counts only; a bad answer or a long text is refused, naming what is valid; and
//! the answer is in the journal before the command says it is done.

use crate::common::{data, fails, holdspace, ok, read_json, run, write_log};
use crate::fixture::{data_dir, t0};

use holdspace::domain::feedback::Answer;
use holdspace::domain::record::{MAX_TEXT_CHARS, RecordCommand};
use holdspace::domain::{Command, EventKind};
use holdspace::session::amend::{AmendError, amend};
use holdspace::store::disk::{Disk, Durable, Open, Os};
use holdspace::store::journal;
use holdspace::store::log;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const ID: &str = "2026-11-26-1800";
/// Typed by a member; looked for in everything written afterwards.
const UNIQUE: &str = "Plovdivtea";

fn add(root: &Path, answer: &str, good: &str, better: &str) -> String {
    ok(
        root,
        &[
            "feedback", ID, "add", "--answer", answer, "--good", good, "--better", better,
        ],
    )
}

#[test]
fn an_answer_added_to_a_saved_session_is_in_its_log_show_and_json_export() {
    let (_tmp, root) = data();
    let path = write_log(&root, ID, "Thursday group", "a note");
    let said = add(&root, "very-good", &format!("the {UNIQUE}"), "more time");
    assert!(said.contains("1 answer, 100% positive"), "{said}");
    ok(&root, &["feedback", ID, "add", "--answer", "dont-know"]);
    // The saved log, read as JSON: two entries, in order, with nobody's name or number.
    let log = read_json(&path);
    assert_eq!(log["schema_version"], 8);
    let entries = log["feedback"].as_array().expect("the feedback entries");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["answer"], "very_good");
    assert_eq!(entries[0]["good"], format!("the {UNIQUE}"));
    assert_eq!(entries[0]["better"], "more time");
    assert_eq!(entries[1]["answer"], "dont_know");
    assert!(entries[1].get("good").is_none(), "an empty text is left out");
    assert!(
        entries
            .iter()
            .all(|entry| entry.get("who").is_none() && entry.get("name").is_none()),
        "{entries:?}"
    );
    let shown = ok(&root, &["show", ID]);
    assert!(
        shown.contains("Members' feedback: 2 answers, 50% positive"),
        "{shown}"
    );
    assert!(shown.contains(&format!("What was good? the {UNIQUE}")), "{shown}");
    assert!(shown.contains("What could be better? more time"), "{shown}");
    let listed = ok(&root, &["feedback", ID]);
    assert_eq!(listed, ok(&root, &["feedback", ID, "list"]));
    assert!(listed.contains("  Very good: 1\n  Don't know: 1\n"), "{listed}");
    let export: serde_json::Value =
        serde_json::from_str(&ok(&root, &["export", ID, "--format", "json"])).expect("JSON");
    let members = &export["members_feedback"];
    assert_eq!(members["answers"], 2);
    assert_eq!(members["very_good"], 1);
    assert_eq!(members["dont_know"], 1);
    assert_eq!(members["percent_positive"], 50);
    assert_eq!(members["entries"][0]["good"], format!("the {UNIQUE}"));
    let md = ok(&root, &["export", ID]);
    assert!(md.contains("## Members' feedback") && md.contains(UNIQUE), "{md}");
}

#[test]
fn a_mistaken_entry_is_taken_back_by_its_number() {
    let (_tmp, root) = data();
    let path = write_log(&root, ID, "Thursday group", "a note");
    add(&root, "poor", "", "");
    add(&root, "good", "", "");
    let said = ok(&root, &["feedback", ID, "remove", "1"]);
    assert!(said.contains("1 answer, 100% positive"), "{said}");
    let log = read_json(&path);
    assert_eq!(log["feedback"][0]["answer"], "good");
    for number in ["0", "2"] {
        let out = run(holdspace(&root).args(["feedback", ID, "remove", number]));
        assert!(fails(&out).contains("no such feedback entry"), "{out:?}");
    }
}

#[test]
fn anonymised_exports_and_report_carry_the_counts_and_never_what_a_member_wrote() {
    let (_tmp, root) = data();
    write_log(&root, ID, "Thursday group", "a note");
    add(
        &root,
        "good",
        &format!("{UNIQUE} and biscuits"),
        &format!("less {UNIQUE}"),
    );
    add(&root, "poor", "", "");
    for format in ["md", "json", "csv"] {
        let out = ok(&root, &["export", ID, "--anonymised", "--format", format]);
        assert!(
            !out.contains(UNIQUE),
            "typed text in the anonymised {format}:\n{out}"
        );
        assert!(
            out.contains("50"),
            "the % positive in the anonymised {format}:\n{out}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&ok(&root, &["export", ID, "--anonymised", "--format", "json"])).expect("JSON");
    assert_eq!(json["members_feedback"]["answers"], 2);
    assert!(json["members_feedback"].get("entries").is_none());
    let anonymised = ok(&root, &["report", "Thursday group", "--anonymised"]);
    assert!(!anonymised.contains(UNIQUE), "{anonymised}");
    assert!(anonymised.contains("## Members' feedback"), "{anonymised}");
    assert!(
        anonymised.contains("| 26 Nov 2026 18:00 | 2 | 50% | 0 | 1 | 0 | 1 | 0 | 0 |"),
        "{anonymised}"
    );
    let full = ok(&root, &["report", "Thursday group"]);
    assert!(full.contains(&format!("> {UNIQUE} and biscuits")), "{full}");
    assert!(
        !full.contains(&format!("less {UNIQUE}")),
        "only what was good is quoted:\n{full}"
    );
}

#[test]
fn a_bad_answer_names_the_valid_ones_and_a_long_text_names_its_field() {
    let (_tmp, root) = data();
    let path = write_log(&root, ID, "Thursday group", "a note");
    let before = std::fs::read(&path).expect("the log");
    let out = run(holdspace(&root).args(["feedback", ID, "add", "--answer", "great"]));
    let err = fails(&out);
    assert!(
        err.contains("great") && err.contains("very-good, good, neither, poor, very-poor, dont-know"),
        "{err}"
    );
    let long = "a".repeat(MAX_TEXT_CHARS + 1);
    for (flag, field) in [
        ("--good", "\"what was good\""),
        ("--better", "\"what could be better\""),
    ] {
        let out = run(holdspace(&root).args(["feedback", ID, "add", "--answer", "good", flag, &long]));
        let err = fails(&out);
        assert!(err.contains(field) && err.contains("1000 characters"), "{err}");
    }
    let out = run(holdspace(&root).args(["feedback", "nope", "add", "--answer", "good"]));
    assert!(fails(&out).contains("holdspace sessions"), "{out:?}");
    assert_eq!(
        std::fs::read(&path).expect("the log"),
        before,
        "nothing refused is written"
    );
    assert!(!root.join("journal").join(format!("{ID}.jsonl")).exists());
}

/// Fails every rename in the sessions folder: an atomic write of the log cannot complete.
#[derive(Debug)]
struct NoRename(PathBuf);

impl Disk for NoRename {
    fn open(&self, path: &Path, how: Open) -> io::Result<Box<dyn Durable>> {
        Os.open(path, how)
    }
    fn temp(&self, target: &Path) -> io::Result<(PathBuf, Box<dyn Durable>)> {
        Os.temp(target)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        if to.starts_with(&self.0) {
            return Err(io::Error::from_raw_os_error(28));
        }
        Os.rename(from, to)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        Os.remove(path)
    }
    fn truncate(&self, path: &Path, len: u64) -> io::Result<()> {
        Os.truncate(path, len)
    }
    fn sync_dir(&self, folder: &Path) -> io::Result<()> {
        Os.sync_dir(folder)
    }
}

#[test]
fn the_answer_is_in_the_journal_before_it_is_called_done_and_stays_there_if_the_log_is_not_written() {
    let (_tmp, dir) = data_dir();
    let path = write_log(dir.root(), ID, "Thursday group", "a note");
    let saved = log::load(&path).expect("the saved log").log;
    let failing = dir.clone().on(Arc::new(NoRename(dir.sessions_dir())));
    let give = Command::Record(RecordCommand::GiveFeedback {
        answer: Answer::Good,
        good: UNIQUE.to_owned(),
        better: String::new(),
    });
    let now = t0() + chrono::TimeDelta::hours(2);
    let err = amend(&failing, &saved, &give, now).expect_err("the log cannot be written");
    assert!(matches!(err, AmendError::NotWritten { .. }), "{err}");
    assert!(
        err.to_string().contains("the next holdspace start writes it"),
        "{err}"
    );
    // The journal has the answer, flushed; the saved log is as it was.
    let journal = dir.journal_path(ID).expect("an ID");
    let events = journal::read(&journal).expect("the journal reads").events;
    let last = events.last().map(|event| &event.kind);
    assert!(
        matches!(last, Some(EventKind::FeedbackGiven(entry)) if entry.good == UNIQUE),
        "{last:?}"
    );
    assert!(log::load(&path).expect("the saved log").log.feedback.is_empty());
    // Until the next start finishes it, the session is not changed again from elsewhere.
    let out = run(holdspace(dir.root()).args(["feedback", ID, "add", "--answer", "good"]));
    assert!(
        fails(&out).contains("run holdspace to finish it first"),
        "{out:?}"
    );
}
