//! What the built binary creates is private whatever the umask (folders 0700, files 0600), and
//! a data folder or session file left open to others is tightened at start, saying so.

use crate::common;

use serde_json::Value;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const GOLDEN: &[u8] = include_bytes!("golden/session-log-v3.json");

/// The binary run by `sh` after `umask 000`, so that every mode it does not set itself comes
/// out open to everyone. No settings file or data folder comes from the environment.
fn holdspace(tmp: &TempDir, data: &Path, args: &[&str], input: &str) -> Output {
    let out = common::run_with_input(
        Command::new("sh")
            .arg("-c")
            .arg("umask 000; exec \"$0\" \"$@\"")
            .arg(common::BIN)
            .arg("--data-dir")
            .arg(data)
            .args(args)
            .env_remove("HOLDSPACE_DATA_DIR")
            .env("HOLDSPACE_CONFIG", tmp.path().join("no-config.toml"))
            .env("TZ", "UTC"),
        input,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "holdspace {args:?} panicked: {stderr}"
    );
    out
}

fn succeeds(out: &Output, what: &str) -> (String, String) {
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(out.status.success(), "{what} failed:\n{stdout}\n{stderr}");
    (stdout, stderr)
}

fn mode(path: &Path) -> u32 {
    let meta = fs::metadata(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    meta.permissions().mode() & 0o777
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
        .unwrap_or_else(|err| panic!("chmod {}: {err}", path.display()));
}

fn assert_mode(path: &Path, want: u32) {
    assert_eq!(
        mode(path),
        want,
        "{} is {:04o}, not {want:04o}",
        path.display(),
        mode(path)
    );
}

/// A temporary folder and a data folder that does not exist yet, two levels down in it.
fn fresh() -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let data = tmp.path().join("new").join("data");
    (tmp, data)
}

/// The golden v3 log saved in `data` as its own ID says, with `mode`; its ID.
fn save_golden(data: &Path, mode: u32) -> String {
    let log: Value = serde_json::from_slice(GOLDEN).expect("the golden log is JSON");
    let id = log["id"].as_str().expect("an ID").to_owned();
    let sessions = data.join("sessions");
    fs::create_dir_all(&sessions).expect("the sessions folder");
    let path = sessions.join(format!("{id}.json"));
    fs::write(&path, GOLDEN).expect("the log is copied");
    set_mode(&path, mode);
    id
}

#[test]
fn a_new_data_folder_is_private_under_umask_000() {
    let (tmp, data) = fresh();
    let out = holdspace(&tmp, &data, &["sessions"], "");
    let (stdout, stderr) = succeeds(&out, "holdspace sessions");
    assert!(stdout.contains("No saved sessions yet"), "{stdout}");
    // The folder above the data folder did not exist either: made on the way, it is private too.
    let above = data.parent().expect("a parent").to_owned();
    for folder in [above, data.clone(), data.join("journal"), data.join("sessions")] {
        assert_mode(&folder, 0o700);
    }
    // A folder it made is made private, so there is nothing to tighten or report.
    assert!(!stderr.contains("readable by others"), "{stderr}");
}

#[test]
fn an_open_data_folder_and_log_are_tightened_and_reported() {
    let (tmp, data) = fresh();
    let id = save_golden(&data, 0o666);
    let log = data.join("sessions").join(format!("{id}.json"));
    for folder in [&data, &data.join("sessions")] {
        set_mode(folder, 0o777);
    }
    fs::create_dir(data.join("journal")).expect("the journal folder");
    set_mode(&data.join("journal"), 0o755);

    let out = holdspace(&tmp, &data, &["sessions"], "");
    let (stdout, stderr) = succeeds(&out, "holdspace sessions");
    assert!(stdout.contains(&id), "the log is still listed:\n{stdout}");
    for folder in [data.clone(), data.join("journal"), data.join("sessions")] {
        assert_mode(&folder, 0o700);
    }
    assert_mode(&log, 0o600);
    for (path, old, new) in [
        (&data, "0777", "0700"),
        (&data.join("sessions"), "0777", "0700"),
        (&data.join("journal"), "0755", "0700"),
        (&log, "0666", "0600"),
    ] {
        let line = stderr
            .lines()
            .find(|line| line.contains(&format!("{} ", path.display())))
            .unwrap_or_else(|| panic!("nothing said about {}:\n{stderr}", path.display()));
        assert!(line.contains(old) && line.contains(new), "{line}");
    }

    // Once private, nothing more is said.
    let out = holdspace(&tmp, &data, &["sessions"], "");
    let (_, stderr) = succeeds(&out, "holdspace sessions again");
    assert!(!stderr.contains("readable by others"), "{stderr}");
}

#[test]
fn a_file_open_to_the_group_only_is_tightened_too() {
    let (tmp, data) = fresh();
    let id = save_golden(&data, 0o640);
    let log = data.join("sessions").join(format!("{id}.json"));
    let out = holdspace(&tmp, &data, &["show", &id], "");
    let (_, stderr) = succeeds(&out, "holdspace show");
    assert_mode(&log, 0o600);
    assert!(stderr.contains("0640") && stderr.contains("0600"), "{stderr}");
}

#[test]
fn an_export_to_a_file_is_private_under_umask_000() {
    let (tmp, data) = fresh();
    let id = save_golden(&data, 0o600);
    for format in ["md", "csv", "json"] {
        let file = tmp.path().join(format!("export.{format}"));
        let args = [
            "export",
            &id,
            "--format",
            format,
            "-o",
            file.to_str().expect("a UTF-8 path"),
        ];
        let out = holdspace(&tmp, &data, &args, "");
        let (stdout, _) = succeeds(&out, "holdspace export");
        assert!(stdout.contains("Exported to"), "{stdout}");
        assert_mode(&file, 0o600);
        assert!(fs::metadata(&file).expect("the export").len() > 0);
    }
}

#[test]
fn an_export_over_an_open_file_replaces_it_with_a_private_one() {
    let (tmp, data) = fresh();
    let id = save_golden(&data, 0o600);
    let file = tmp.path().join("handover.md");
    fs::write(&file, "old").expect("an old export");
    set_mode(&file, 0o644);
    let args = [
        "export",
        &id,
        "--handover",
        "Ana",
        "-o",
        file.to_str().expect("a UTF-8 path"),
    ];
    let out = holdspace(&tmp, &data, &args, "");
    succeeds(&out, "holdspace export --handover");
    assert_mode(&file, 0o600);
    let text = fs::read_to_string(&file).expect("the export");
    assert!(text.contains("Ana") && !text.contains("old"), "{text}");
    // The temporary file it was written through is gone.
    let mut left: Vec<String> = fs::read_dir(tmp.path())
        .expect("the folder")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    left.sort();
    assert_eq!(left, ["handover.md", "new"]);
}

/// A headless session: its journal while it is open, and its log once ended, are private.
#[test]
fn a_session_journal_and_log_are_private_under_umask_000() {
    let (tmp, data) = fresh();
    let out = holdspace(
        &tmp,
        &data,
        &["script", "--participant", "Ana"],
        "key :\ntype a note\nkey enter\n",
    );
    let (stdout, _) = succeeds(&out, "holdspace script");
    assert!(stdout.contains("started"), "{stdout}");
    let journals: Vec<PathBuf> = fs::read_dir(data.join("journal"))
        .expect("the journal folder")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    assert_eq!(
        journals.len(),
        2,
        "the session is left open, with its append lock: {journals:?}"
    );
    for file in &journals {
        assert_mode(file, 0o600);
    }

    // Resumed, ended, and its review finished: the log is written.
    let out = holdspace(&tmp, &data, &["script"], "key q\nkey y\nkey q\n");
    let (stdout, _) = succeeds(&out, "holdspace script, ending");
    assert!(stdout.contains("resumed"), "{stdout}");
    let logs: Vec<PathBuf> = fs::read_dir(data.join("sessions"))
        .expect("the sessions folder")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    assert_eq!(logs.len(), 1, "one log: {logs:?}\n{stdout}");
    assert_mode(&logs[0], 0o600);
    for folder in [data.clone(), data.join("journal"), data.join("sessions")] {
        assert_mode(&folder, 0o700);
    }
}

/// A journal cut off mid-line: the cut-off bytes are kept aside in a file as private as the
/// journal.
#[test]
fn the_torn_tail_of_a_journal_is_kept_private_under_umask_000() {
    let (tmp, data) = fresh();
    let log: Value = serde_json::from_slice(GOLDEN).expect("the golden log is JSON");
    let events = log["events"].as_array().expect("events");
    let mut bytes = Vec::new();
    for event in &events[..10] {
        bytes.extend(serde_json::to_vec(event).expect("an event"));
        bytes.push(b'\n');
    }
    bytes.extend(b"{\"seq\":11,\"at\":\"2026-11-26T18:3");
    let journal = data.join("journal").join("2026-11-26-1800.jsonl");
    fs::create_dir_all(journal.parent().expect("a folder")).expect("the journal folder");
    fs::write(&journal, &bytes).expect("the journal");
    set_mode(&journal, 0o600);

    let out = holdspace(&tmp, &data, &["script"], "");
    let (stdout, _) = succeeds(&out, "holdspace script");
    assert!(stdout.contains("resumed 2026-11-26-1800"), "{stdout}");
    let torn = data.join("journal").join("2026-11-26-1800.jsonl.torn");
    assert!(torn.is_file(), "the cut-off bytes are kept");
    assert_mode(&torn, 0o600);
    assert_mode(&journal, 0o600);
}
