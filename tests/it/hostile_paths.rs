//! Files that try to steer where holdspace writes, and a journal moved under a running session
//! (issue 19, items 1 to 6): the real binary never writes outside its data folder, never
//! replaces a saved log with something else, and acknowledges only what is on disk at the path
//! it names.

use crate::common;

use common::{
    confirmed, data, fails, holdspace, meeting_tomorrow, only_journal, run, run_with_input, script, write_log,
};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

/// An interrupted session's journal: started, with one note, left open.
fn interrupted(root: &Path) -> PathBuf {
    script(root, &[], "key :\ntype first note\nkey enter\n");
    only_journal(root)
}

/// Rewrites the session's ID in the first line of `journal`.
fn set_journal_id(journal: &Path, id: &str) {
    let text = fs::read_to_string(journal).expect("the journal reads");
    let (first, rest) = text.split_once('\n').expect("a first line");
    let mut started: serde_json::Value = serde_json::from_str(first).expect("JSON");
    started["id"] = serde_json::Value::from(id);
    fs::write(journal, format!("{started}\n{rest}")).expect("the journal is written");
}

/// The files under `folder` that are not under the data folder `root`.
fn outside(folder: &Path, root: &Path) -> Vec<PathBuf> {
    all_files(folder)
        .into_iter()
        .filter(|path| !path.starts_with(root))
        .collect()
}

/// Every file under `folder`, recursively.
fn all_files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("a folder").flatten() {
            let path = entry.path();
            if entry.file_type().expect("a type").is_dir() {
                folders.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn item1_an_id_in_a_journal_never_steers_a_path() {
    let (tmp, root) = data();
    let journal = interrupted(&root);
    set_journal_id(&journal, "../../escaped");
    let before = fs::read(&journal).expect("the journal reads");
    let out = run_with_input(holdspace(&root).arg("script"), "key q\nkey y\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains(&journal.display().to_string()) && stderr.contains("../../escaped"),
        "the journal and its ID are named: {stderr}"
    );
    assert_eq!(
        outside(tmp.path(), &root),
        Vec::<PathBuf>::new(),
        "written outside the data folder"
    );
    assert_eq!(
        fs::read(&journal).expect("the journal reads"),
        before,
        "kept untouched"
    );
}

#[test]
fn item1_an_id_in_a_saved_log_never_steers_a_path() {
    let (tmp, root) = data();
    let log = write_log(&root, "2026-01-06-1800", "Tuesday group", "a note");
    let mut json = common::read_json(&log);
    json["id"] = serde_json::Value::from("../../escaped");
    fs::write(&log, serde_json::to_vec_pretty(&json).expect("JSON")).expect("written");
    let before = fs::read(&log).expect("the log reads");
    for command in [&["review", "2026-01-06-1800"][..], &["show", "2026-01-06-1800"]] {
        let out = run(holdspace(&root).args(command));
        let stderr = fails(&out);
        assert!(
            stderr.contains("../../escaped") && stderr.contains("2026-01-06-1800"),
            "{command:?} names the ID and the file: {stderr}"
        );
    }
    assert_eq!(
        outside(tmp.path(), &root),
        Vec::<PathBuf>::new(),
        "written outside the data folder"
    );
    assert_eq!(fs::read(&log).expect("the log reads"), before, "kept untouched");
}

#[test]
fn item2_a_journal_never_replaces_a_saved_log_that_is_not_its_own() {
    let (_tmp, root) = data();
    let journal = interrupted(&root);
    let id = journal
        .file_stem()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    // Another session's log under the same ID (copied in, or from another machine).
    let (_elsewhere, away) = data();
    let other = root.join("sessions").join(format!("{id}.json"));
    fs::copy(
        write_log(&away, &id, "Another group", "the other session's note"),
        &other,
    )
    .expect("copied");
    let before = fs::read(&other).expect("the log reads");
    let out = script(&root, &[], "key q\nkey y\nkey q\n");
    assert!(out.contains("ack"), "{out}");
    assert_eq!(
        fs::read(&other).expect("the log reads"),
        before,
        "the saved log is byte-identical"
    );
    let logs = common::files_ending(&root.join("sessions"), ".json");
    assert_eq!(
        logs.len(),
        2,
        "the journal's session has a log of its own: {logs:?}"
    );
    let mine = logs.iter().find(|path| **path != other).expect("the new log");
    let json = common::read_json(mine);
    assert_eq!(
        json["id"].as_str(),
        mine.file_stem().and_then(|stem| stem.to_str()),
        "its ID is its file's name"
    );
    assert!(String::from_utf8_lossy(&fs::read(mine).expect("reads")).contains("first note"));
    // And it can be reviewed again under its own name.
    let shown = run(holdspace(&root).args(["show", json["id"].as_str().expect("an ID")]));
    assert!(shown.status.success(), "{shown:?}");
}

#[test]
fn item2_a_review_still_replaces_its_own_log() {
    let (_tmp, root) = data();
    let log = write_log(&root, "2026-01-06-1800", "Tuesday group", "a note");
    let json = common::read_json(&log);
    // A review that was interrupted: the log's events, and one more, in a journal.
    let journal = root.join("journal/2026-01-06-1800.jsonl");
    let mut lines = String::new();
    for event in json["events"].as_array().expect("events") {
        lines.push_str(&format!("{event}\n"));
    }
    let last = json["events"]
        .as_array()
        .and_then(|events| events.last())
        .expect("an event");
    let seq = last["seq"].as_u64().expect("a seq") + 1;
    lines.push_str(&format!(
        "{{\"seq\":{seq},\"at\":{},\"type\":\"summarised\",\"text\":\"reviewed later\"}}\n",
        last["at"]
    ));
    fs::write(&journal, lines).expect("written");
    let out = script(&root, &[], "");
    let logs = common::files_ending(&root.join("sessions"), ".json");
    assert_eq!(logs, vec![log.clone()], "one log, its own");
    assert_eq!(common::read_json(&log)["summary"], "reviewed later", "{out:?}");
}

#[test]
fn item3_an_export_never_lands_in_the_data_folder_or_on_a_device() {
    let (tmp, root) = data();
    let log = write_log(&root, "2026-01-06-1800", "Tuesday group", "a note");
    let before = fs::read(&log).expect("the log reads");
    let inside = [
        log.clone(),
        root.join("journal/new.md"),
        root.join("sessions/../x.md"),
    ];
    for target in &inside {
        for command in [
            vec!["export", "2026-01-06-1800", "-o"],
            vec!["report", "Tuesday group", "-o"],
        ] {
            let out = run(holdspace(&root).args(&command).arg(target));
            let stderr = fails(&out);
            assert!(
                stderr.contains("data folder"),
                "{command:?} {}: {stderr}",
                target.display()
            );
        }
    }
    assert_eq!(
        fs::read(&log).expect("the log reads"),
        before,
        "the log is untouched"
    );
    // A symbolic link to the data folder is the data folder.
    let link = tmp.path().join("link");
    symlink(&root, &link).expect("a link");
    let out = run(holdspace(&root)
        .args(["export", "2026-01-06-1800", "-o"])
        .arg(link.join("sessions/2026-01-06-1800.json")));
    assert!(fails(&out).contains("data folder"), "{out:?}");
    assert_eq!(
        fs::read(&log).expect("the log reads"),
        before,
        "the log is untouched"
    );
    // An existing destination that is not a regular file.
    for target in ["/dev/null", tmp.path().to_str().expect("UTF-8")] {
        let out = run(holdspace(&root).args(["export", "2026-01-06-1800", "-o", target]));
        assert!(fails(&out).contains("not a regular file"), "{target}: {out:?}");
    }
    assert!(
        fs::metadata("/dev/null")
            .expect("/dev/null")
            .file_type()
            .is_char_device_like()
    );
    // A regular file outside is replaced, as asked.
    let fine = tmp.path().join("out.md");
    fs::write(&fine, "old").expect("written");
    let out = run(holdspace(&root)
        .args(["export", "2026-01-06-1800", "-o"])
        .arg(&fine));
    assert!(out.status.success(), "{out:?}");
    assert!(
        fs::read_to_string(&fine)
            .expect("reads")
            .contains("Tuesday group")
    );
}

/// Whether a file type is a character device (std's trait method, named for the assertion).
trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for fs::FileType {
    fn is_char_device_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_char_device(self)
    }
}

#[test]
fn item4_a_planted_symlink_is_never_followed() {
    let (tmp, root) = data();
    let journal = interrupted(&root);
    let id = journal
        .file_stem()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    let target = tmp.path().join("target");
    fs::write(&target, "outside\n").expect("written");
    let lock = root.join(format!("journal/{id}.jsonl.lock"));
    let torn = root.join(format!("journal/{id}.jsonl.torn"));
    fs::remove_file(&lock).expect("the lock goes");
    symlink(&target, &lock).expect("a link");
    symlink(&target, &torn).expect("a link");
    // A torn last line, so resuming writes the .torn file.
    fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .and_then(|mut file| file.write_all(b"{\"seq\":9"))
        .expect("a torn line");
    let out = run_with_input(holdspace(&root).arg("script"), "key :\ntype second\nkey enter\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        fs::read_to_string(&target).expect("reads"),
        "outside\n",
        "nothing written through a link"
    );
    assert!(
        stderr.contains("symbolic link") && (stderr.contains(".lock") || stderr.contains(".torn")),
        "the refused path is named: {stderr}"
    );
    // A link where a new journal would go.
    let (tmp, root) = data();
    fs::create_dir_all(root.join("journal")).expect("a folder");
    let target = tmp.path().join("target");
    fs::write(&target, "outside\n").expect("written");
    let link = tmp.path().join("out.md");
    symlink(&target, &link).expect("a link");
    write_log(&root, "2026-01-06-1800", "Tuesday group", "a note");
    let out = run(holdspace(&root)
        .args(["export", "2026-01-06-1800", "-o"])
        .arg(&link));
    assert!(fails(&out).contains("not a regular file"), "{out:?}");
    assert_eq!(fs::read_to_string(&target).expect("reads"), "outside\n");
}

/// A `holdspace script` run kept open, fed a line at a time. Each answer is awaited at most
/// 10 s, so a holdspace stuck on a planted file fails the test instead of hanging it.
struct Live {
    child: Child,
    out: Receiver<String>,
}

/// How long an answer is awaited.
const ANSWER: Duration = Duration::from_secs(10);

impl Live {
    fn start(root: &Path) -> Self {
        let mut child = holdspace(root)
            .arg("script")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("holdspace starts");
        let stdout = BufReader::new(child.stdout.take().expect("a stdout"));
        let (send, out) = mpsc::channel();
        std::thread::spawn(move || {
            for line in stdout.lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut live = Self { child, out };
        assert!(live.line().starts_with("started"));
        live
    }

    fn line(&mut self) -> String {
        match self.out.recv_timeout(ANSWER) {
            Ok(line) => line,
            Err(err) => {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!("no answer from holdspace within {ANSWER:?} ({err}); it was stopped");
            }
        }
    }

    /// Sends one input line and returns the answer.
    fn send(&mut self, input: &str) -> String {
        let stdin = self.child.stdin.as_mut().expect("a stdin");
        writeln!(stdin, "{input}").expect("written");
        stdin.flush().expect("flushed");
        self.line()
    }

    /// Closes the input and returns the rest of the output and the error output.
    fn finish(mut self) -> (String, String) {
        drop(self.child.stdin.take());
        let mut rest = String::new();
        loop {
            match self.out.recv_timeout(ANSWER) {
                Ok(line) => {
                    rest.push_str(&line);
                    rest.push('\n');
                }
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    panic!("holdspace did not end within {ANSWER:?} of its input's end; it was stopped");
                }
            }
        }
        let mut stderr = String::new();
        if let Some(mut err) = self.child.stderr.take() {
            std::io::Read::read_to_string(&mut err, &mut stderr).expect("stderr");
        }
        self.child.wait().expect("it ends");
        (rest, stderr)
    }
}

fn notes_in(journal: &Path) -> Vec<String> {
    common::journal_events(journal)
        .iter()
        .filter(|event| event["type"] == "note")
        .map(|event| event["text"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn item5_a_journal_removed_mid_session_is_written_again_before_the_ack() {
    let (_tmp, root) = data();
    let mut live = Live::start(&root);
    live.send("key :");
    assert!(live.send("type first").starts_with("ack"));
    assert!(live.send("key enter").starts_with("ack"));
    let journal = only_journal(&root);
    fs::remove_file(&journal).expect("removed");
    live.send("key :");
    live.send("type second");
    let ack = live.send("key enter");
    assert!(ack.starts_with("ack"), "{ack}");
    assert_eq!(
        notes_in(&journal),
        ["first", "second"],
        "on disk at its path when acknowledged"
    );
    let (farewell, _) = live.finish();
    assert!(farewell.contains(&journal.display().to_string()), "{farewell}");
    assert_eq!(notes_in(&journal), ["first", "second"]);
}

#[test]
fn item5_a_journal_replaced_mid_session_is_written_again_before_the_ack() {
    let (_tmp, root) = data();
    let mut live = Live::start(&root);
    live.send("key :");
    live.send("type first");
    live.send("key enter");
    let journal = only_journal(&root);
    // Another file renamed over it, as an editor's save or a copy back does.
    let other = journal.with_extension("other");
    fs::write(&other, "").expect("written");
    fs::rename(&other, &journal).expect("renamed over");
    live.send("key :");
    live.send("type second");
    let ack = live.send("key enter");
    assert!(ack.starts_with("ack"), "{ack}");
    assert_eq!(notes_in(&journal), ["first", "second"]);
    // Removed after the last event: the farewell still tells the truth.
    fs::remove_file(&journal).expect("removed");
    let (farewell, _) = live.finish();
    assert!(farewell.contains(&journal.display().to_string()), "{farewell}");
    assert_eq!(
        notes_in(&journal),
        ["first", "second"],
        "written again before leaving"
    );
}

#[test]
fn item5_save_as_onto_the_journal_is_refused() {
    let (_tmp, root) = data();
    let mut live = Live::start(&root);
    let journal = only_journal(&root);
    live.send("key S");
    live.send(&format!("key{}", " backspace".repeat(400)));
    live.send(&format!("type {}", journal.display()));
    live.send("key enter");
    live.send("key :");
    live.send("type after");
    assert!(live.send("key enter").starts_with("ack"));
    assert_eq!(notes_in(&journal), ["after"], "the journal holds every event");
    let (_, stderr) = live.finish();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn item6_two_groups_made_at_once_never_share_a_folder() {
    for _ in 0..5 {
        let (_tmp, root) = data();
        fs::create_dir_all(&root).expect("a folder");
        run(holdspace(&root).arg("sessions"));
        let names = [
            "Tuesday group",
            "tuesday-group",
            "Tuesday: group",
            "TUESDAY GROUP!",
        ];
        let children: Vec<Child> = names
            .iter()
            .map(|name| {
                holdspace(&root)
                    .args(["group", "new", name])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("starts")
            })
            .collect();
        let mut made = 0;
        for child in children {
            let out = child.wait_with_output().expect("ends");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{stderr}");
            if out.status.success() {
                made += 1;
            } else {
                assert!(!stderr.trim().is_empty(), "a failure says why");
            }
        }
        let listed = run(holdspace(&root).args(["group", "list"]));
        let folders = fs::read_dir(root.join("groups"))
            .expect("groups")
            .flatten()
            .filter(|entry| entry.path().join("group.toml").exists())
            .count();
        assert_eq!(
            folders, made,
            "every group made has a folder of its own: {listed:?}"
        );
    }
}

/// Makes a named pipe at `path`.
fn fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

fn is_fifo(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type()))
}

#[test]
fn item5_a_journal_replaced_by_a_named_pipe_mid_session_is_written_again() {
    let (_tmp, root) = data();
    let mut live = Live::start(&root);
    live.send("key :");
    live.send("type first");
    live.send("key enter");
    let journal = only_journal(&root);
    fs::remove_file(&journal).expect("removed");
    fifo(&journal);
    live.send("key :");
    live.send("type second");
    let ack = live.send("key enter");
    assert!(ack.starts_with("ack"), "{ack}");
    assert!(
        fs::symlink_metadata(&journal).is_ok_and(|meta| meta.is_file()),
        "a regular file again"
    );
    assert_eq!(notes_in(&journal), ["first", "second"]);
    let (_, stderr) = live.finish();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn item5_a_removed_journal_folder_is_made_again_before_the_ack() {
    let (_tmp, root) = data();
    let mut live = Live::start(&root);
    live.send("key :");
    live.send("type first");
    live.send("key enter");
    let journal = only_journal(&root);
    // A tidy-up that took the whole folder.
    fs::remove_dir_all(root.join("journal")).expect("removed");
    live.send("key :");
    live.send("type second");
    let ack = live.send("key enter");
    assert!(ack.starts_with("ack"), "{ack}");
    assert_eq!(notes_in(&journal), ["first", "second"]);
    assert_eq!(
        common::mode(&root.join("journal")),
        0o700,
        "private, as made at start"
    );
    let (farewell, _) = live.finish();
    assert!(farewell.contains("every event is saved"), "{farewell}");
}

#[test]
fn item5_a_journal_that_cannot_be_written_again_is_not_saved_from_the_first_event() {
    // A folder put at the journal's name: it is left alone, and nothing is at the path.
    let (_tmp, root) = data();
    let mut live = Live::start(&root);
    live.send("key :");
    live.send("type first");
    live.send("key enter");
    let journal = only_journal(&root);
    fs::remove_file(&journal).expect("removed");
    fs::create_dir(&journal).expect("a folder");
    fs::write(journal.join("keep"), "mine").expect("written");
    live.send("key :");
    live.send("type second");
    let ack = live.send("key enter");
    assert_eq!(ack, "NOT SAVED from 1", "no event is at the journal's path");
    let (farewell, stderr) = live.finish();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(farewell.contains("NOT SAVED: events from number 1"), "{farewell}");
    assert_eq!(fs::read_to_string(journal.join("keep")).expect("kept"), "mine");
    // The whole data folder gone (a drive unplugged, say): it is not made again, elsewhere.
    let (_tmp, root) = data();
    let mut live = Live::start(&root);
    live.send("key :");
    live.send("type first");
    live.send("key enter");
    fs::remove_dir_all(&root).expect("removed");
    live.send("key :");
    live.send("type second");
    assert_eq!(live.send("key enter"), "NOT SAVED from 1");
    let (farewell, _) = live.finish();
    assert!(farewell.contains("NOT SAVED"), "{farewell}");
    assert!(!root.exists(), "the data folder is not made again");
}

#[test]
fn item4_a_planted_named_pipe_never_blocks() {
    // Where the append lock of an interrupted session goes.
    let (_tmp, root) = data();
    let journal = interrupted(&root);
    let lock = PathBuf::from(format!("{}.lock", journal.display()));
    fs::remove_file(&lock).expect("the lock goes");
    fifo(&lock);
    let out = run(holdspace(&root).arg("script"));
    assert!(!out.stderr.contains("panicked"), "{out:?}");
    assert!(
        out.stderr.contains(".lock") && out.stderr.contains("named pipe"),
        "the pipe is named: {out:?}"
    );
    assert!(is_fifo(&lock), "left as it was");
    // Where a torn line is kept.
    let (_tmp, root) = data();
    let journal = interrupted(&root);
    let torn = PathBuf::from(format!("{}.torn", journal.display()));
    fifo(&torn);
    fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .and_then(|mut file| file.write_all(b"{\"seq\":9"))
        .expect("a torn line");
    let out = run(holdspace(&root).arg("script"));
    assert!(!out.stderr.contains("panicked"), "{out:?}");
    assert!(
        out.stderr.contains(".torn") && out.stderr.contains("named pipe"),
        "the pipe is named: {out:?}"
    );
    assert!(is_fifo(&torn), "left as it was");
    // In the journal's folder, where purge and follow look for sessions.
    let (_tmp, root) = data();
    run(holdspace(&root).arg("sessions"));
    let planted = root.join("journal/2020-01-01-1800.jsonl");
    fifo(&planted);
    for command in [
        &["purge", "--older-than", "1"][..],
        &["script", "--follow"],
        &["purge", "2020-01-01-1800"],
    ] {
        let out = run(holdspace(&root).args(command));
        assert!(!out.stderr.contains("panicked"), "{command:?}: {out:?}");
    }
    // Where `group new` takes its lock.
    let (_tmp, root) = data();
    run(holdspace(&root).args(["group", "new", "First group"]));
    let lock = root.join("groups/.create.lock");
    fs::remove_file(&lock).expect("the lock goes");
    fifo(&lock);
    let out = run(holdspace(&root).args(["group", "new", "Second group"]));
    assert!(fails(&out).contains("named pipe"), "{out:?}");
}

#[test]
fn item4_a_dangling_link_where_a_new_journal_goes_is_stepped_over() {
    let (tmp, root) = data();
    run(holdspace(&root).arg("sessions"));
    // At this minute's ID and the next, in case the minute turns.
    let now = chrono::Utc::now();
    let missing = tmp.path().join("missing");
    let mut links = Vec::new();
    for at in [now, now + chrono::TimeDelta::minutes(1)] {
        let link = root.join(format!("journal/{}.jsonl", at.format("%Y-%m-%d-%H%M")));
        symlink(&missing, &link).expect("a link");
        links.push(link);
    }
    let out = script(&root, &[], "key :\ntype a note\nkey enter\n");
    assert!(out.contains("ack 2"), "{out}");
    assert!(!missing.exists(), "nothing made through the link");
    for link in links {
        assert!(fs::symlink_metadata(&link).is_ok_and(|meta| meta.file_type().is_symlink()));
    }
}

#[test]
fn item2_a_saved_log_with_no_events_is_never_replaced() {
    let (_tmp, root) = data();
    let journal = interrupted(&root);
    let id = journal
        .file_stem()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    // A log at the session's name whose events were taken out: it holds none of the journal's.
    let (_elsewhere, away) = data();
    let mut other = common::read_json(&write_log(&away, &id, "Another group", "theirs"));
    other["events"] = serde_json::json!([]);
    let log = root.join("sessions").join(format!("{id}.json"));
    fs::write(&log, serde_json::to_vec_pretty(&other).expect("JSON")).expect("written");
    let before = fs::read(&log).expect("the log reads");
    let out = script(&root, &[], "key q\nkey y\nkey q\n");
    assert!(out.contains("ack"), "{out}");
    assert!(fs::read(&log).expect("the log reads") == before, "byte-identical");
    assert_eq!(common::files_ending(&root.join("sessions"), ".json").len(), 2);
}

/// Makes the interrupted session's journal at `journal` an ended one under the ID `id` (file
/// name and first line), and returns its new path.
fn ended_as(journal: &Path, id: &str) -> PathBuf {
    set_journal_id(journal, id);
    let events = common::journal_events(journal);
    let last = events.last().expect("an event");
    let ended = serde_json::json!({
        "seq": last["seq"].as_u64().expect("a seq") + 1,
        "at": last["at"],
        "type": "ended",
        "interrupted": false,
    });
    let mut text = fs::read_to_string(journal).expect("reads");
    text.push_str(&format!("{ended}\n"));
    let moved = journal.with_file_name(format!("{id}.jsonl"));
    fs::write(&moved, text).expect("written");
    fs::remove_file(journal).expect("the old name goes");
    let _ = fs::remove_file(format!("{}.lock", journal.display()));
    moved
}

#[test]
fn item2_a_log_with_no_free_name_never_stops_the_next_session() {
    // The longest ID, its name taken: the log goes to a name as long, ending "-2".
    let (_tmp, root) = data();
    let long = "a".repeat(64);
    let journal = ended_as(&interrupted(&root), &long);
    fs::create_dir(root.join(format!("sessions/{long}.json"))).expect("a folder");
    let out = script(&root, &[], "");
    assert!(out.starts_with("started"), "{out}");
    let saved = root.join(format!("sessions/{}-2.json", "a".repeat(62)));
    assert_eq!(common::read_json(&saved)["id"], format!("{}-2", "a".repeat(62)));
    assert!(!journal.exists(), "the journal is retired once its log is saved");
    // Every name taken: the next session still starts, and the journal is kept as it was.
    let (_tmp, root) = data();
    let id = "2026-01-06-1800";
    let journal = ended_as(&interrupted(&root), id);
    let before = fs::read(&journal).expect("reads");
    fs::create_dir(root.join(format!("sessions/{id}.json"))).expect("a folder");
    for n in 2..=100 {
        fs::create_dir(root.join(format!("sessions/{id}-{n}.json"))).expect("a folder");
    }
    let out = run_with_input(holdspace(&root).arg("script"), "");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.starts_with("started"), "{stdout}\n{stderr}");
    assert!(
        stderr.contains(&journal.display().to_string()) && stderr.contains(&format!("{id}-100")),
        "the journal and the names tried are named: {stderr}"
    );
    assert!(fs::read(&journal).expect("kept") == before, "left untouched");
}

/// A link in place of one of holdspace's own folders would send every file written there
/// elsewhere: it is refused, named, and nothing is written through it.
#[test]
fn item4_a_linked_folder_inside_the_data_folder_is_refused() {
    for inner in ["journal", "sessions", "groups", "groups/tuesday"] {
        let (tmp, root) = data();
        run(holdspace(&root).arg("sessions"));
        let elsewhere = tmp.path().join("elsewhere");
        fs::create_dir_all(&elsewhere).expect("a folder");
        let link = root.join(inner);
        fs::create_dir_all(link.parent().expect("a parent")).expect("a folder");
        let _ = fs::remove_dir(&link);
        symlink(&elsewhere, &link).expect("a link");
        let started = run(holdspace(&root).arg("script"));
        let made = run(holdspace(&root).args(["group", "new", "Tuesday"]));
        let stderr = format!("{}{}", started.stderr, made.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            stderr.contains(&link.display().to_string()) && stderr.contains("symbolic link"),
            "{inner}: {stderr}"
        );
        assert_eq!(
            all_files(&elsewhere),
            Vec::<PathBuf>::new(),
            "{inner}: nothing written through the link"
        );
    }
}

/// `message -o DIR` is an output like any other: a folder inside the data folder, or reached
/// through a link to it, is refused, and so is a draft's name already taken by a named pipe or a
/// link; a refused draft notes no contact, so the reminder is still owed.
#[test]
fn a_draft_never_lands_in_the_data_folder_on_a_pipe_or_through_a_link() {
    let (tmp, root) = data();
    meeting_tomorrow(&root, "Tuesday group", &[]);
    confirmed(&root, "Tuesday group", "Ana", Some("ana@example.org"));
    let roster = root.join("groups/tuesday-group/roster.toml");
    let before = fs::read(&roster).expect("the roster reads");
    let draft = |folder: &Path| {
        run(holdspace(&root)
            .args([
                "message",
                "Tuesday group",
                "reminder",
                "--from",
                "Sam <sam@example.org>",
                "-o",
            ])
            .arg(folder))
    };
    let link = tmp.path().join("data-link");
    symlink(&root, &link).expect("a link");
    for folder in [root.join("groups"), link.join("groups")] {
        let out = draft(&folder);
        assert!(
            fails(&out).contains("data folder"),
            "{}: {out:?}",
            folder.display()
        );
    }
    let drafts = tmp.path().join("drafts");
    fs::create_dir(&drafts).expect("a folder");
    let name = format!(
        "tuesday-group-reminder-{}.eml",
        common::tomorrow().format("%Y-%m-%d")
    );
    fifo(&drafts.join(&name));
    assert!(fails(&draft(&drafts)).contains("not a regular file"));
    assert!(is_fifo(&drafts.join(&name)), "the pipe is left as it was");
    fs::remove_file(drafts.join(&name)).expect("removed");
    let secret = tmp.path().join("secret.txt");
    fs::write(&secret, "keep").expect("written");
    symlink(&secret, drafts.join(&name)).expect("a link");
    assert!(fails(&draft(&drafts)).contains("not a regular file"));
    assert_eq!(fs::read_to_string(&secret).expect("reads"), "keep");
    assert_eq!(
        fs::read(&roster).expect("the roster reads"),
        before,
        "no contact noted"
    );
    let written: Vec<PathBuf> = (all_files(tmp.path()).into_iter())
        .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
        .filter(|path| fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file()))
        .collect();
    assert!(written.is_empty(), "{written:?}");
    let owed = run(holdspace(&root).args(["roster", "Tuesday group", "to-contact"]));
    assert!(
        owed.stdout.contains("Ana · reminder: the group meets tomorrow"),
        "{owed:?}"
    );
}
