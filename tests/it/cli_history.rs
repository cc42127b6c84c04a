//! The history commands on the built binary: `sessions --group`, `attendance` and `report`,
//! over logs written through the library, with a group that does not exist and a log that
//! cannot be read.

use crate::common;

use common::fixture::group::{ABSENT, LATE, PRESENT, session};
use common::{BIN, fails, files_ending, holdspace, mode, run};
use holdspace::store::log::SessionLog;
use holdspace::store::paths::DataDir;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use tempfile::tempdir;

/// Saves `logs` as sessions `2026-000`, `2026-001` and so on.
fn save(root: &Path, logs: Vec<SessionLog>) {
    let (dir, _) = DataDir::open(root).expect("the data folder opens");
    for (n, mut log) in logs.into_iter().enumerate() {
        log.id = format!("2026-{n:03}");
        log.write(dir.disk().as_ref(), &dir.log_path(&log.id).expect("a session ID"))
            .expect("the log is written");
    }
}

/// Two Tuesday sessions (spelt two ways) with Marigold and Osric, a Tuesday rehearsal, and a
/// Thursday session with Theo.
fn groups(root: &Path) {
    let mut rehearsal = session("Tuesday group", 2, &[("Marigold", PRESENT, Some(1))]);
    rehearsal.rehearsal = true;
    save(
        root,
        vec![
            session(
                "Tuesday group",
                0,
                &[("Marigold", PRESENT, Some(5)), ("Osric", LATE, Some(4))],
            ),
            session("Thursday group", 0, &[("Theo", PRESENT, None)]),
            session(
                "TUESDAY GROUP",
                1,
                &[("marigold", PRESENT, Some(4)), ("Osric", ABSENT, None)],
            ),
            rehearsal,
        ],
    );
}

#[test]
fn help_lists_the_history_commands() {
    let out = run(Command::new(BIN).arg("--help"));
    assert!(out.status.success(), "{out:?}");
    for word in ["attendance", "report"] {
        assert!(out.stdout.contains(word), "--help lacks {word}: {out:?}");
    }
    let out = run(Command::new(BIN).args(["sessions", "--help"]));
    assert!(out.stdout.contains("--group <NAME>"), "{out:?}");
}

#[test]
fn sessions_of_one_group_ignoring_case() {
    let tmp = tempdir().unwrap();
    groups(tmp.path());
    let out = run(holdspace(tmp.path()).args(["sessions", "--group", " tuesday Group "]));
    assert!(out.status.success(), "{out:?}");
    let ids: Vec<&str> = (out.stdout.lines().skip(1))
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert_eq!(ids, ["2026-000", "2026-002", "2026-003"], "{out:?}");
    assert!(out.stdout.contains("(rehearsal)"), "listed as such: {out:?}");
    assert!(!out.stdout.contains("Thursday"), "{out:?}");
}

#[test]
fn an_unknown_group_names_the_groups_there_are() {
    let tmp = tempdir().unwrap();
    groups(tmp.path());
    for args in [
        &["sessions", "--group", "Wednesday group"][..],
        &["attendance", "Wednesday group"],
        &["report", "Wednesday group"],
        &["report", "Wednesday group", "--anonymised", "-o", "report.md"],
    ] {
        let out = run(holdspace(tmp.path()).args(args).current_dir(tmp.path()));
        let err = fails(&out);
        assert!(
            // The rehearsal is the latest Tuesday log, and spells it so.
            err.contains(
                "no sessions of a group called \"Wednesday group\"; the groups are: \
                 Thursday group, Tuesday group"
            ),
            "{args:?}: {out:?}"
        );
        assert!(out.stdout.is_empty(), "{out:?}");
    }
    assert!(!tmp.path().join("report.md").exists());

    let empty = tmp.path().join("empty");
    let out = run(holdspace(&empty).args(["attendance", "Tuesday group"]));
    assert!(fails(&out).contains("no sessions are saved yet"), "{out:?}");
}

#[test]
fn attendance_prints_the_table_and_names_a_log_it_cannot_read() {
    let tmp = tempdir().unwrap();
    groups(tmp.path());
    let broken = tmp.path().join("sessions/broken.json");
    fs::write(&broken, "{\"schema_version\": 3, ").unwrap();
    let out = run(holdspace(tmp.path()).args(["attendance", "tuesday group"]));
    assert!(out.status.success(), "{out:?}");
    let named = format!("{} is not a holdspace session log", broken.display());
    assert!(out.stderr.contains(&named), "{out:?}");
    let table = &out.stdout;
    assert!(
        table.starts_with("Attendance at TUESDAY GROUP: 2 session(s), 26 Nov 2026 to 3 Dec 2026\n"),
        "{out:?}"
    );
    let row = |name: &str| {
        table
            .lines()
            .find(|line| line.starts_with(name))
            .unwrap_or_default()
    };
    assert!(row("marigold").ends_with("✓   ✓   2 of 2 100%"), "{out:?}");
    assert!(row("Osric").ends_with("L   ✗   1 of 2  50%"), "{out:?}");
    assert!(!table.contains("Theo"), "{out:?}");
}

#[test]
fn report_prints_markdown_or_writes_a_file_only_its_owner_can_read() {
    let tmp = tempdir().unwrap();
    groups(tmp.path());
    let out = run(holdspace(tmp.path()).args(["report", "Tuesday group"]));
    assert!(out.status.success(), "{out:?}");
    let text = &out.stdout;
    assert!(
        text.starts_with("# TUESDAY GROUP: 26 Nov 2026 to 3 Dec 2026\n"),
        "{out:?}"
    );
    assert!(
        text.contains("- Sessions: 2 (rehearsals are not counted)"),
        "{out:?}"
    );
    assert!(text.contains("Overall: 4.3 from 3 rating(s)."), "{out:?}");
    assert!(text.contains("| marigold | 2 | 2 | 100% | 2 of 2 |"), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");

    // An existing file readable by others is replaced, not rewritten in place.
    let elsewhere = tempfile::tempdir().unwrap();
    let output = elsewhere.path().join("tuesday.md");
    fs::write(&output, "old").unwrap();
    fs::set_permissions(&output, fs::Permissions::from_mode(0o644)).unwrap();
    let out = run(holdspace(tmp.path())
        .args(["report", "tuesday group", "--anonymised", "-o"])
        .arg(&output));
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        out.stdout.trim(),
        format!("Report written to {}", output.display())
    );
    assert_eq!(mode(&output), 0o600);
    let written = fs::read_to_string(&output).unwrap();
    assert!(written.contains("Anonymised: no one is named."), "{written}");
    assert!(
        !["marigold", "Marigold", "Osric", "## Attendance per person"]
            .iter()
            .any(|word| written.contains(word)),
        "{written}"
    );
    assert_eq!(
        files_ending(elsewhere.path(), ""),
        [output],
        "no temporary file is left"
    );
}

/// `--pdf` writes the report as a PDF someone else's reader opens; it is never printed to the
/// terminal, so it needs `-o`.
#[test]
fn report_pdf_is_written_to_a_file_and_read_back_by_poppler() {
    let tmp = tempdir().unwrap();
    groups(tmp.path());
    let out = run(holdspace(tmp.path()).args(["report", "Tuesday group", "--pdf"]));
    assert!(fails(&out).contains("--output"), "{out:?}");

    let elsewhere = tempfile::tempdir().unwrap();
    let output = elsewhere.path().join("tuesday.pdf");
    let out = run(holdspace(tmp.path())
        .args(["report", "tuesday group", "--pdf", "--letter", "-o"])
        .arg(&output));
    assert!(out.status.success(), "{out:?}");
    assert_eq!(mode(&output), 0o600);
    let text = common::pdf_words(&output);
    assert!(
        text.contains("TUESDAY GROUP: report") && text.contains("Attendance"),
        "{text}"
    );
    let info = common::reader("pdfinfo", &[output.to_str().unwrap()]);
    assert!(
        info.contains("(letter)") && info.contains("Tagged:          yes"),
        "{info}"
    );
}
