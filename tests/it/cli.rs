//! The command line without a terminal: help, argument errors, the data folder, and the
//! `sessions` and `show` commands on logs written through the library.

use crate::common;

use common::{BIN, fails, files_ending, holdspace, mode, read_json, run, write_log};
use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::process::Command;
use tempfile::tempdir;

#[test]
fn help_lists_the_commands_and_version_prints() {
    let out = run(Command::new(BIN).arg("--help"));
    assert!(out.status.success(), "{out:?}");
    for word in [
        "rehearse",
        "sessions",
        "show",
        "--data-dir",
        "--ends",
        "--warn-minutes",
    ] {
        assert!(out.stdout.contains(word), "--help lacks {word}: {out:?}");
    }
    let out = run(Command::new(BIN).arg("--version"));
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        out.stdout.trim(),
        format!("holdspace {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn sessions_on_an_empty_folder_says_so() {
    let tmp = tempdir().unwrap();
    let out = run(holdspace(&tmp.path().join("new")).arg("sessions"));
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.contains("No saved sessions"), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn data_dir_can_come_from_the_environment() {
    let tmp = tempdir().unwrap();
    let root = tmp.path().join("from-env");
    let out = run(Command::new(BIN).arg("sessions").env("HOLDSPACE_DATA_DIR", &root));
    assert!(out.status.success(), "{out:?}");
    assert!(root.join("journal").is_dir() && root.join("sessions").is_dir());
}

#[test]
fn show_of_an_unknown_id_points_at_sessions() {
    let tmp = tempdir().unwrap();
    write_log(tmp.path(), "real", "Tuesday group", "a note");
    // A file outside sessions/ that a path-like ID could reach.
    fs::write(
        tmp.path().join("outside.json"),
        fs::read(tmp.path().join("sessions/real.json")).unwrap(),
    )
    .unwrap();
    for id in ["nosuch", "../../etc/passwd", "../outside", "real.json", ""] {
        let out = run(holdspace(tmp.path()).args(["show", id]));
        let err = fails(&out);
        assert!(err.contains(&format!("{id:?}")), "does not name {id:?}: {out:?}");
        assert!(err.contains("holdspace sessions"), "{out:?}");
        assert!(out.stdout.is_empty(), "{out:?}");
    }
}

#[test]
fn bad_end_times_are_refused_before_the_terminal() {
    let tmp = tempdir().unwrap();
    for ends in ["7pm", "25:99", "19"] {
        for rehearse in [false, true] {
            let mut cmd = holdspace(tmp.path());
            if rehearse {
                cmd.arg("rehearse");
            }
            let out = run(cmd.args(["--ends", ends]));
            let err = fails(&out);
            assert!(err.contains("HH:MM") && err.contains(ends), "{out:?}");
            assert!(
                !err.contains("terminal"),
                "the time should be checked first: {out:?}"
            );
        }
    }
    assert!(
        files_ending(&tmp.path().join("journal"), "").is_empty(),
        "a journal was made"
    );
}

#[test]
fn out_of_range_numbers_are_refused_by_the_parser() {
    let tmp = tempdir().unwrap();
    for args in [
        &["--warn-minutes", "500"][..],
        &["rehearse", "--warn-minutes", "121"],
        &["rehearse", "--speed", "0"],
        &["rehearse", "--speed", "3601"],
        &["rehearse", "--speed", "fast"],
    ] {
        let out = run(holdspace(tmp.path()).args(args));
        let err = fails(&out);
        assert_eq!(out.status.code(), Some(2), "clap's usage error: {out:?}");
        assert!(
            err.contains(args[args.len() - 2]) && err.contains("invalid value"),
            "{out:?}"
        );
    }
}

/// With no controlling terminal at all (`setsid`: a new session, so /dev/tty cannot be opened
/// even when the tests run from a terminal). A terminal present but with stdout redirected is
/// covered by e2e.rs.
#[test]
fn the_live_screen_needs_a_terminal() {
    let tmp = tempdir().unwrap();
    for args in [&[][..], &["rehearse"]] {
        let mut cmd = Command::new("setsid");
        cmd.args(["-w", BIN, "--data-dir"]).arg(tmp.path()).args(args);
        let out = run(cmd.env_remove("HOLDSPACE_DATA_DIR"));
        let err = fails(&out);
        assert!(err.contains("terminal"), "{out:?}");
    }
    assert!(
        files_ending(&tmp.path().join("journal"), "").is_empty(),
        "a session was started without a terminal"
    );
}

#[test]
fn a_data_dir_that_cannot_be_created_is_explained() {
    let tmp = tempdir().unwrap();
    fs::write(tmp.path().join("file"), "not a folder").unwrap();
    let bad = tmp.path().join("file/sub");
    for args in [&["sessions"][..], &["rehearse"], &["show", "x"]] {
        let out = run(holdspace(&bad).args(args));
        let err = fails(&out);
        assert!(
            err.contains(&bad.display().to_string()),
            "does not name the path: {out:?}"
        );
        assert!(err.contains("--data-dir"), "{out:?}");
    }
}

#[test]
fn loose_permissions_are_tightened_and_reported() {
    let tmp = tempdir().unwrap();
    let root = tmp.path().join("data");
    fs::DirBuilder::new().mode(0o755).create(&root).unwrap();
    fs::set_permissions(&root, fs::Permissions::from_mode(0o755)).unwrap();
    let out = run(holdspace(&root).arg("sessions"));
    assert!(out.status.success(), "{out:?}");
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("journal")), 0o700);
    assert_eq!(mode(&root.join("sessions")), 0o700);
    assert!(out.stderr.contains(&root.display().to_string()), "{out:?}");
    assert!(
        out.stderr.contains("0755") && out.stderr.contains("0700"),
        "{out:?}"
    );

    // A log readable by others is tightened too; a second run has nothing to say.
    let log = write_log(&root, "s1", "Group", "n");
    fs::set_permissions(&log, fs::Permissions::from_mode(0o644)).unwrap();
    let out = run(holdspace(&root).arg("sessions"));
    assert!(out.stderr.contains(&log.display().to_string()), "{out:?}");
    assert_eq!(mode(&log), 0o600);
    let out = run(holdspace(&root).arg("sessions"));
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn sessions_and_show_describe_saved_logs() {
    let tmp = tempdir().unwrap();
    let path = write_log(
        tmp.path(),
        "2026-11-26-1800",
        "Tuesday group",
        "Sam asked about next week",
    );
    assert_eq!(path, tmp.path().join("sessions/2026-11-26-1800.json"));

    let out = run(holdspace(tmp.path()).arg("sessions"));
    assert!(out.status.success(), "{out:?}");
    let line = out.stdout.lines().find(|l| l.starts_with("2026-11-26-1800"));
    let line = line.unwrap_or_else(|| panic!("the session is not listed: {out:?}"));
    for part in ["Thu 26 Nov 2026", "18:00–18:25", "Tuesday group"] {
        assert!(line.contains(part), "{part:?} missing from {line:?}");
    }
    assert!(
        line.ends_with("     1           0"),
        "one note, no follow-ups: {line:?}"
    );

    let out = run(holdspace(tmp.path()).args(["show", "2026-11-26-1800"]));
    assert!(out.status.success(), "{out:?}");
    let show = &out.stdout;
    assert!(show.contains("Tuesday group"), "{show}");
    assert!(
        show.contains("18:00–18:25 (scheduled end 19:30), 25:00 in all"),
        "{show}"
    );
    let row = |title: &str| {
        let found = show.lines().find(|l| l.trim_start().starts_with(title));
        let found = found.unwrap_or_else(|| panic!("no row for {title}: {show}"));
        found
            .split_whitespace()
            .skip(title.split(' ').count())
            .collect::<Vec<_>>()
    };
    // planned, final, actual, over
    assert_eq!(row("Welcome and ground rules"), ["10", "10", "12:00", "+2:00"]);
    assert_eq!(row("Check-in round"), ["15", "15", "8:00"]);
    assert_eq!(row("Topic discussion"), ["30", "30", "5:00"]);
    assert_eq!(row("Break"), ["10", "10", "not", "run"]);
    assert_eq!(row("Closing round"), ["10", "10", "not", "run", "(protected)"]);
    assert!(show.contains("18:13  Sam asked about next week"), "{show}");
    assert!(show.contains("5 events recorded"), "{show}");
    assert!(!show.contains("read-only"), "{show}");
}

#[test]
fn a_corrupt_log_is_named_and_the_rest_still_listed() {
    let tmp = tempdir().unwrap();
    write_log(tmp.path(), "good", "Group", "n");
    let sessions = tmp.path().join("sessions");
    fs::write(sessions.join("broken.json"), "{\"schema_version\": 1, \"id\": ").unwrap();
    fs::write(sessions.join("notalog.json"), "[1, 2, 3]").unwrap();
    fs::write(sessions.join("ignored.txt"), "not a log, not a .json").unwrap();

    let out = run(holdspace(tmp.path()).arg("sessions"));
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.lines().any(|l| l.starts_with("good ")), "{out:?}");
    for name in ["broken.json", "notalog.json"] {
        let path = sessions.join(name).display().to_string();
        let named = format!("{path} is not a holdspace session log");
        assert!(out.stderr.contains(&named), "{name} is not named: {out:?}");
        assert!(!out.stdout.contains(name), "{out:?}");
    }
    assert!(!out.stderr.contains("ignored.txt is not"), "{out:?}");

    let out = run(holdspace(tmp.path()).args(["show", "broken"]));
    let err = fails(&out);
    assert!(
        err.contains("broken.json") && err.contains("not a holdspace session log"),
        "{out:?}"
    );
}

#[test]
fn a_log_from_a_newer_version_is_shown_read_only() {
    let tmp = tempdir().unwrap();
    let path = write_log(tmp.path(), "old", "Group", "kept");
    let mut log = read_json(&path);
    log["schema_version"] = 99.into();
    log["id"] = "future".into();
    log["a_field_from_the_future"] = "ignored".into();
    let future = tmp.path().join("sessions/future.json");
    fs::write(&future, serde_json::to_vec(&log).unwrap()).unwrap();

    let out = run(holdspace(tmp.path()).args(["show", "future"]));
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.contains("newer version: read-only"), "{out:?}");
    assert!(out.stdout.contains("kept"), "{out:?}");

    let out = run(holdspace(tmp.path()).arg("sessions"));
    assert!(out.status.success(), "{out:?}");
    let line = out.stdout.lines().find(|l| l.starts_with("future "));
    assert!(
        line.is_some_and(|l| l.contains("newer version: read-only")),
        "{out:?}"
    );
    let line = out.stdout.lines().find(|l| l.starts_with("old "));
    assert!(line.is_some_and(|l| !l.contains("read-only")), "{out:?}");
    assert_eq!(read_json(&future), log, "the newer log was rewritten");
}

#[test]
fn bad_participant_names_are_refused_before_the_terminal() {
    let tmp = tempdir().unwrap();
    let long = "x".repeat(61);
    let long_named = format!("{long:?}");
    for (names, named, problem) in [
        (&["Ana", ""][..], "\"\"", "cannot be blank"),
        (&["   "], "\"   \"", "cannot be blank"),
        (&[long.as_str()], long_named.as_str(), "too long"),
        (&["Ana", "Bo", "ana"], "\"ana\"", "already a participant"),
    ] {
        for rehearse in [false, true] {
            let mut cmd = holdspace(tmp.path());
            if rehearse {
                cmd.arg("rehearse");
            }
            for name in names {
                cmd.args(["--participant", name]);
            }
            let out = run(&mut cmd);
            let err = fails(&out);
            assert!(
                err.contains(&format!("--participant {named}")) && err.contains(problem),
                "{out:?}"
            );
            assert!(
                !err.contains("terminal"),
                "the names should be checked first: {out:?}"
            );
        }
    }
    // Sixty characters is within the limit even at 120 bytes: the run gets as far as the terminal.
    let sixty = "é".repeat(60);
    let out = run(holdspace(tmp.path()).args(["rehearse", "--participant", &sixty, "--participant", "Bo"]));
    assert!(fails(&out).contains("terminal"), "{out:?}");
    assert!(
        files_ending(&tmp.path().join("journal"), "").is_empty(),
        "a journal was made"
    );
}

#[test]
fn turn_minutes_out_of_range_are_refused_by_the_parser() {
    let tmp = tempdir().unwrap();
    for args in [
        &["--turn-minutes", "0"][..],
        &["--turn-minutes", "61"],
        &["rehearse", "--turn-minutes", "0"],
        &["rehearse", "--turn-minutes", "61"],
        &["rehearse", "--turn-minutes", "five"],
    ] {
        let out = run(holdspace(tmp.path()).args(args));
        let err = fails(&out);
        assert_eq!(out.status.code(), Some(2), "clap's usage error: {out:?}");
        assert!(
            err.contains("--turn-minutes") && err.contains("invalid value"),
            "{out:?}"
        );
    }
    for minutes in ["1", "60"] {
        let out = run(holdspace(tmp.path()).args(["rehearse", "--turn-minutes", minutes]));
        assert!(fails(&out).contains("terminal"), "{minutes} is allowed: {out:?}");
    }
}

#[test]
fn show_prints_talk_time_per_participant() {
    let tmp = tempdir().unwrap();
    write_log(tmp.path(), "before-hands", "Group", "n");
    let golden = include_str!("golden/session-log-v2.json");
    let sessions = tmp.path().join("sessions");
    fs::write(sessions.join("2026-11-26-1800.json"), golden).unwrap();
    let mut hostile: serde_json::Value = serde_json::from_str(golden).unwrap();
    hostile["id"] = "hostile".into();
    hostile["participants"][2]["name"] = "Cy\x1b[2J\x1b]0;owned\x07".into();
    fs::write(
        sessions.join("hostile.json"),
        serde_json::to_vec(&hostile).unwrap(),
    )
    .unwrap();

    let out = run(holdspace(tmp.path()).args(["show", "2026-11-26-1800"]));
    assert!(out.status.success(), "{out:?}");
    let talk: Vec<&str> = out
        .stdout
        .lines()
        .skip_while(|line| *line != "Talk time:")
        .skip(1)
        .take_while(|line| !line.is_empty())
        .collect();
    // Most talk first; Ana and Bo tie and keep the order they joined in.
    assert_eq!(
        talk,
        [
            "  Ana     4:00  1 turn, 2 hands raised",
            "  Bo      4:00  1 turn, 1 hand raised",
            "  Cy      0:00  0 turns, 1 hand raised",
        ],
        "{out:?}"
    );
    let talk_at = out.stdout.find("Talk time:").unwrap();
    assert!(out.stdout.find("Notes:").unwrap() > talk_at, "{out:?}");

    let out = run(holdspace(tmp.path()).args(["show", "hostile"]));
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stdout.contains("  Cy\u{FFFD}[2J\u{FFFD}]0;owned\u{FFFD}  "),
        "{out:?}"
    );
    assert!(!out.stdout.contains(['\x1b', '\x07']), "{out:?}");

    let out = run(holdspace(tmp.path()).args(["show", "before-hands"]));
    assert!(out.status.success(), "{out:?}");
    assert!(
        !out.stdout.contains("Talk time"),
        "no participants, no section: {out:?}"
    );
}

/// The committed v2 log, with Ana, Bo and Cy, saved as session 2026-11-26-1800 beside a log
/// with nobody named ("before-hands").
fn saved_with_participants(root: &std::path::Path) -> &'static str {
    write_log(root, "before-hands", "Group", "n");
    let golden = include_str!("golden/session-log-v2.json");
    fs::write(root.join("sessions/2026-11-26-1800.json"), golden).unwrap();
    "2026-11-26-1800"
}

#[test]
fn export_of_an_unknown_id_points_at_sessions() {
    let tmp = tempdir().unwrap();
    saved_with_participants(tmp.path());
    for id in ["nosuch", "../sessions/before-hands", ""] {
        let out = run(holdspace(tmp.path()).args(["export", id]));
        let err = fails(&out);
        assert!(
            err.contains(&format!("{id:?}")) && err.contains("holdspace sessions"),
            "{out:?}"
        );
        assert!(out.stdout.is_empty(), "{out:?}");
    }
}

#[test]
fn export_handover_for_someone_not_there_lists_who_was() {
    let tmp = tempdir().unwrap();
    let id = saved_with_participants(tmp.path());
    let output = tmp.path().join("handover.md");
    let out = run(holdspace(tmp.path())
        .args(["export", id, "--handover", "Zed", "--output"])
        .arg(&output));
    let err = fails(&out);
    assert!(
        err.contains(&format!(
            "no participant called \"Zed\" in session {id}; the participants are: Ana, Bo, Cy"
        )),
        "{out:?}"
    );
    assert!(!output.exists(), "nothing is written");

    let out = run(holdspace(tmp.path()).args(["export", "before-hands", "--handover", "Ana"]));
    assert!(fails(&out).contains("no participants"), "{out:?}");
}

#[test]
fn export_handover_and_anonymised_together_are_refused_by_the_parser() {
    let tmp = tempdir().unwrap();
    let id = saved_with_participants(tmp.path());
    let out = run(holdspace(tmp.path()).args(["export", id, "--handover", "Ana", "--anonymised"]));
    let err = fails(&out);
    assert_eq!(out.status.code(), Some(2), "clap's usage error: {out:?}");
    assert!(
        err.contains("--handover") && err.contains("--anonymised") && err.contains("cannot be used with"),
        "{out:?}"
    );
    assert!(out.stdout.is_empty(), "{out:?}");
}

#[test]
fn export_prints_or_writes_a_file_only_its_owner_can_read() {
    let tmp = tempdir().unwrap();
    let id = saved_with_participants(tmp.path());
    let out = run(holdspace(tmp.path()).args(["export", id]));
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stdout.starts_with("# Session record\n"),
        "Markdown by default: {out:?}"
    );
    assert!(out.stdout.contains("| Cy |"), "{out:?}");

    // An existing file readable by others is replaced, not rewritten in place.
    let elsewhere = tempdir().unwrap();
    let output = elsewhere.path().join("bo.csv");
    fs::write(&output, "old").unwrap();
    fs::set_permissions(&output, fs::Permissions::from_mode(0o644)).unwrap();
    let out = run(holdspace(tmp.path())
        .args(["export", id, "--format", "csv", "--handover", " bo ", "-o"])
        .arg(&output));
    assert!(out.status.success(), "{out:?}");
    assert_eq!(out.stdout.trim(), format!("Exported to {}", output.display()));
    assert_eq!(mode(&output), 0o600);
    let csv = fs::read_to_string(&output).unwrap();
    assert!(csv.starts_with("\u{FEFF}name,expected,attendance,"), "{csv}");
    assert!(
        csv.contains("\nBo,") && !csv.contains("Ana") && !csv.contains("Cy"),
        "{csv}"
    );

    let output = elsewhere.path().join("counts.json");
    let out = run(holdspace(tmp.path())
        .args(["export", id, "--format", "json", "--anonymised", "--output"])
        .arg(&output));
    assert!(out.status.success(), "{out:?}");
    assert_eq!(mode(&output), 0o600);
    let json = read_json(&output);
    assert_eq!(json["scope"], "anonymised");
    assert_eq!(json["attendance"]["participants"], 3);
    let text = fs::read_to_string(&output).unwrap();
    assert!(
        !["Ana", "Bo", "Cy"].iter().any(|name| text.contains(name)),
        "{text}"
    );
}

#[test]
fn review_of_an_unknown_id_points_at_sessions() {
    let tmp = tempdir().unwrap();
    write_log(tmp.path(), "real", "Group", "n");
    for id in ["NOPE", "../sessions/real", ""] {
        let out = run(holdspace(tmp.path()).args(["review", id]));
        let err = fails(&out);
        assert!(
            err.contains(&format!("{id:?}")) && err.contains("holdspace sessions"),
            "{out:?}"
        );
    }
}

#[test]
fn review_refuses_an_open_journal_and_a_newer_log_before_asking_for_a_terminal() {
    let tmp = tempdir().unwrap();
    let path = write_log(tmp.path(), "open", "Group", "n");
    let journal = tmp.path().join("journal/open.jsonl");
    fs::write(&journal, "").unwrap();
    let out = run(holdspace(tmp.path()).args(["review", "open"]));
    let err = fails(&out);
    assert!(err.contains(&journal.display().to_string()), "{out:?}");
    assert!(
        !err.contains("interactive terminal"),
        "the journal is checked first: {out:?}"
    );
    fs::remove_file(&journal).unwrap();

    let mut log = read_json(&path);
    log["schema_version"] = 99.into();
    log["id"] = "future".into();
    let future = tmp.path().join("sessions/future.json");
    fs::write(&future, serde_json::to_vec(&log).unwrap()).unwrap();
    let out = run(holdspace(tmp.path()).args(["review", "future"]));
    let err = fails(&out);
    assert!(
        err.contains("newer holdspace") && err.contains("read-only") && err.contains("holdspace show future"),
        "{out:?}"
    );
    assert_eq!(read_json(&future), log, "the newer log was rewritten");

    // A log it could review still needs a terminal, and nothing is opened without one.
    let out = run(holdspace(tmp.path()).args(["review", "open"]));
    assert!(fails(&out).contains("interactive terminal"), "{out:?}");
    assert!(
        files_ending(&tmp.path().join("journal"), "").is_empty(),
        "a journal was made"
    );
}

#[test]
fn sessions_counts_follow_ups_and_marks_a_safeguarding_concern() {
    let tmp = tempdir().unwrap();
    let sessions = tmp.path().join("sessions");
    fs::create_dir_all(&sessions).unwrap();
    let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/golden/session-log-v3.json");
    fs::copy(golden, sessions.join("2026-11-26-1800.json")).unwrap();
    let out = run(holdspace(tmp.path()).arg("sessions"));
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stdout
            .lines()
            .next()
            .is_some_and(|header| header.ends_with("follow-ups"))
    );
    let line = out.stdout.lines().find(|l| l.starts_with("2026-11-26-1800"));
    let line = line.unwrap_or_else(|| panic!("the session is not listed: {out:?}"));
    assert!(
        line.ends_with("⚑ 2"),
        "two follow-ups, one a safeguarding concern: {line:?}"
    );
}

/// Runs `holdspace sessions` on a folder with a saved session, its standard output going to
/// `stdout`, and returns how it ended and what it said on standard error.
fn sessions_into(stdout: impl Into<std::process::Stdio>) -> (std::process::ExitStatus, String) {
    let tmp = tempdir().unwrap();
    write_log(tmp.path(), "2026-11-26-1800", "Tuesday group", "a note");
    let out = holdspace(tmp.path())
        .arg("sessions")
        .stdin(std::process::Stdio::null())
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("holdspace runs");
    (out.status, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn item8_a_full_standard_output_is_one_line_naming_it_not_a_bug() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let (status, stderr) = sessions_into(full);
    assert!(!status.success(), "{status}: {stderr}");
    assert_ne!(status.code(), Some(101), "the panic code: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains("standard output"), "{stderr}");
    assert!(!stderr.contains("bug") && !stderr.contains("resume"), "{stderr}");
}

#[test]
fn item8_a_standard_error_that_cannot_be_written_is_no_bug_either() {
    let tmp = tempdir().unwrap();
    let full = || {
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full")
    };
    // A failing command has a message for standard error, which cannot take it.
    let status = holdspace(tmp.path())
        .args(["show", "no-such-session"])
        .stdout(full())
        .stderr(full())
        .status()
        .expect("it runs");
    assert_eq!(
        status.code(),
        Some(1),
        "a failure, not a panic or an abort: {status}"
    );
}

#[test]
fn item8_a_script_whose_reader_has_gone_ends_quietly_with_its_events_saved() {
    let tmp = tempdir().unwrap();
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut child = holdspace(&tmp.path().join("data"))
        .arg("script")
        .stdin(std::process::Stdio::piped())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("it runs");
    let mut stdin = child.stdin.take().expect("a stdin");
    // The input may not all be read once the answers have nowhere to go.
    let _ = std::io::Write::write_all(&mut stdin, b"key :\ntype kept\nkey enter\n");
    drop(stdin);
    let out = child.wait_with_output().expect("it ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{}: {stderr}", out.status);
    assert_eq!(stderr, "", "nothing to say about a reader that left");
}

#[test]
fn item8_a_closed_pipe_ends_quietly() {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    // Whoever read the output has gone, as `head -1` has after its line.
    drop(reader);
    let (status, stderr) = sessions_into(writer);
    assert!(status.success(), "{status}: {stderr}");
    assert_eq!(stderr, "", "nothing to say about a reader that left");
}

/// Puts something that is not a hand-edited file at `path`: a named pipe nobody writes to, or
/// an endless device.
fn not_a_file(path: &std::path::Path, pipe: bool) {
    if pipe {
        let made = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
        assert!(made.success(), "mkfifo {}", path.display());
    } else {
        std::os::unix::fs::symlink("/dev/zero", path).expect("a link to /dev/zero");
    }
}

/// `run` stops a holdspace still running after 10 s and fails, so a hang fails here too.
#[test]
fn item9_a_pipe_or_a_device_as_settings_keys_theme_or_plan_is_refused_at_once() {
    for pipe in [true, false] {
        for which in ["config.toml", "keys.toml", "themes/mine.toml", "plan.toml"] {
            let tmp = tempdir().unwrap();
            let folder = tmp.path().join("settings");
            fs::create_dir_all(folder.join("themes")).unwrap();
            let file = folder.join(which);
            not_a_file(&file, pipe);
            let mut cmd = holdspace(&tmp.path().join("data"));
            cmd.env("HOLDSPACE_CONFIG", folder.join("config.toml"));
            let out = match which {
                "plan.toml" => run(cmd.args(["plan", "check"]).arg(&file)),
                "themes/mine.toml" => run(cmd.args(["--theme", "mine", "sessions"])),
                _ => run(cmd.arg("sessions")),
            };
            let what = format!("{which} as {}", if pipe { "a pipe" } else { "/dev/zero" });
            assert!(!out.stderr.contains("bug"), "{what}: {out:?}");
            assert!(
                out.stderr.contains(&format!("{}: is a ", file.display()))
                    && out.stderr.contains("not a regular file")
                    && out.stderr.contains("at most 1 MiB"),
                "{what}: {out:?}"
            );
            if which == "plan.toml" {
                fails(&out);
            } else {
                // Settings, keys and themes give way to the built-in ones, after saying so.
                assert!(out.status.success(), "{what}: {out:?}");
            }
        }
    }
}
