//! `holdspace purge` and the retention reminder, through the real binary: a purged session
//! leaves no trace of its participants in the data folder, a running one is never touched,
//! and nothing is removed without a yes.

use crate::common;

use common::{data, fails, holdspace, run, script, write_log};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

/// The ID a `script` run printed first: `started ID ack N`.
fn id_of(stdout: &str) -> String {
    stdout.split_whitespace().nth(1).expect("an ID").to_owned()
}

/// Every file under `root` whose bytes contain `needle`.
fn files_holding(root: &Path, needle: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if fs::read(&path)
                .expect("a file")
                .windows(needle.len())
                .any(|window| window == needle.as_bytes())
            {
                found.push(path);
            }
        }
    }
    found
}

/// Makes a file look `hours` old.
fn age(path: &Path, hours: u64) {
    let when = std::time::SystemTime::now() - std::time::Duration::from_secs(hours * 3600);
    fs::File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(when))
        .expect("the time is set");
}

#[test]
fn a_purged_participant_appears_nowhere_in_the_data_folder() {
    let (_tmp, root) = data();
    let name = "Quillon-Vantrebesque";
    // A finished session, with a note and a follow-up naming them.
    let finished = script(
        &root,
        &["--participant", name],
        &format!(
            "key h\ntype {name}\nkey enter\nkey s\nkey :\ntype {name} spoke\nkey enter\nkey a\nkey !\ntype call {name}\nkey enter\nkey esc\nkey q y\nkey q\n"
        ),
    );
    // An interrupted session whose journal ends in a torn line, set aside by the next start.
    let interrupted = id_of(&script(&root, &["--participant", name], "key n\n"));
    let journal = root.join("journal").join(format!("{interrupted}.jsonl"));
    fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .and_then(|mut file| file.write_all(format!("{{\"seq\":9,\"note\":\"{name}").as_bytes()))
        .expect("a torn line");
    let inspected = script(&root, &[], "");
    assert!(inspected.starts_with("resumed "), "{inspected}");
    assert!(
        root.join("journal")
            .join(format!("{interrupted}.jsonl.torn"))
            .exists()
    );
    // A temporary file left by a save cut short.
    let temp = root.join("sessions").join(".holdspace-x1y2z3.tmp");
    fs::write(&temp, format!("{{\"participants\":[\"{name}\"]}}")).expect("a leftover");
    age(&temp, 2);
    // Another group's session, which must survive.
    write_log(&root, "2026-11-20-1800", "Thursday group", "kept");

    assert_eq!(
        files_holding(&root, name).len(),
        4,
        "the name is in the log, journal, .torn and temp"
    );
    let finished = id_of(&finished);
    for id in [&finished, &interrupted] {
        let out = run(holdspace(&root).args(["purge", "--session", id, "--yes"]));
        assert!(out.status.success(), "{out:?}");
        assert!(out.stdout.contains("Removed 1 session(s)"), "{out:?}");
        assert!(!out.stdout.contains(name), "the report names no one: {out:?}");
    }
    assert_eq!(files_holding(&root, name), Vec::<PathBuf>::new());
    assert!(
        root.join("sessions/2026-11-20-1800.json").exists(),
        "other sessions stay"
    );
    let listed = run(holdspace(&root).arg("sessions"));
    assert!(listed.stdout.contains("2026-11-20-1800") && !listed.stdout.contains(&finished));
}

#[test]
fn item14_a_purged_sessions_temporary_files_go_whatever_their_age() {
    let (_tmp, root) = data();
    let name = "Quillon-Vantrebesque";
    let id = id_of(&script(&root, &["--participant", name], "key q y\nkey q\n"));
    // A save of its log cut short a moment ago, as a crash leaves it: named after the log, as
    // `Disk::temp` names it.
    let temp = root
        .join("sessions")
        .join(format!(".holdspace-{id}.json.Xy12Zw.tmp"));
    fs::write(&temp, format!("{{\"participants\":[\"{name}\"]}}")).expect("a leftover");
    let out = run(holdspace(&root).args(["purge", "--session", &id, "--yes"]));
    assert!(out.status.success(), "{out:?}");
    assert_eq!(files_holding(&root, name), Vec::<PathBuf>::new(), "{out:?}");
}

#[test]
fn older_than_removes_by_the_day_a_session_started_and_asks_first() {
    let (_tmp, root) = data();
    write_log(&root, "2025-01-06-1800", "Monday group", "old");
    write_log(&root, "2025-03-03-1800", "Monday group", "old too");
    let recent = chrono::Local::now().format("%Y-%m-%d-1800").to_string();
    write_log(&root, &recent, "Monday group", "recent");

    let listed = run(holdspace(&root).args(["purge", "--older-than", "30", "--dry-run"]));
    assert!(listed.stdout.contains("Would remove 2 session(s)"), "{listed:?}");
    assert!(listed.stdout.contains("2025-01-06-1800") && !listed.stdout.contains(&recent));
    assert_eq!(
        fs::read_dir(root.join("sessions")).unwrap().count(),
        3,
        "a dry run removes nothing"
    );

    // Without a terminal to ask on, nothing goes without --yes.
    let refused = run(holdspace(&root)
        .args(["purge", "--older-than", "30"])
        .stdin(Stdio::null()));
    assert!(fails(&refused).contains("--yes"), "{refused:?}");
    assert_eq!(fs::read_dir(root.join("sessions")).unwrap().count(), 3);

    let removed = run(holdspace(&root).args(["purge", "--older-than", "30", "--yes"]));
    assert!(
        removed.stdout.contains("Removed 2 session(s), 2 file(s)"),
        "{removed:?}"
    );
    let left: Vec<_> = fs::read_dir(root.join("sessions"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from(format!("{recent}.json"))]);

    assert!(
        fails(&run(holdspace(&root).args([
            "purge",
            "--session",
            "nope",
            "--yes"
        ])))
        .contains("\"nope\"")
    );
    assert!(fails(&run(holdspace(&root).arg("purge"))).contains("--older-than"));
}

#[test]
fn a_session_open_in_a_running_holdspace_is_never_purged() {
    let (_tmp, root) = data();
    let mut running: Child = holdspace(&root)
        .arg("script")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("holdspace starts");
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(running.stdout.as_mut().expect("stdout")),
        &mut first,
    )
    .expect("it says it started");
    let id = id_of(&first);
    let out = run(holdspace(&root).args(["purge", "--session", &id, "--yes"]));
    assert!(
        out.stdout
            .contains("open in a running holdspace and was not removed"),
        "{out:?}"
    );
    assert!(root.join("journal").join(format!("{id}.jsonl")).exists());
    drop(running.stdin.take());
    running.wait().expect("it ends at the end of its input");
}

#[test]
fn the_retention_reminder_and_a_bad_settings_file_are_told_at_start() {
    let (_tmp, root) = data();
    write_log(&root, "2024-05-01-1800", "Monday group", "old");
    let config = root.join("settings.toml");
    fs::write(&config, "# a year\nretention_days = 365\n").unwrap();
    let out = run(holdspace(&root).arg("--config").arg(&config).arg("sessions"));
    assert!(
        out.stderr.contains(
            "1 session is older than the 365-day retention period: holdspace purge --older-than 365"
        ),
        "{out:?}"
    );

    fs::write(&config, "retention_days = 365\nkeep = \"forever\"\n").unwrap();
    let out = run(holdspace(&root).arg("--config").arg(&config).arg("sessions"));
    assert!(
        out.status.success(),
        "a bad settings file never stops the app: {out:?}"
    );
    assert!(
        out.stderr.contains("settings.toml: line 2: unknown field `keep`"),
        "{out:?}"
    );
    assert!(
        out.stderr.contains("Going on with the built-in settings"),
        "{out:?}"
    );
    assert!(out.stdout.contains("2024-05-01-1800"));
}
