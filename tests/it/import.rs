//! `holdspace roster GROUP import FILE` on the built binary: a messy tracker built here (title
//! rows, varied headers, Excel dates and UK text dates, blank rows, bad rows) mapped and its
//! bad rows named; a dry run that writes nothing; CSV; the tracker holdspace writes read back
//! into the same roster; and files that are not trackers refused without a panic.

use crate::common;

use common::workbook::tuesday;
use common::{data, fails, holdspace, ok, run};
use holdspace::domain::roster::Roster;
use rust_xlsxwriter::{Format, Formula, Workbook};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Saves a group with no roster yet.
fn group(root: &Path, name: &str) {
    ok(root, &["group", "new", name, "--capacity", "8"]);
}

fn roster_file(root: &Path, folder: &str) -> PathBuf {
    root.join("groups").join(folder).join("roster.toml")
}

fn import(root: &Path, file: &Path, more: &[&str]) -> String {
    let args = [
        &["roster", "Thursday group", "import", file.to_str().unwrap()][..],
        more,
    ]
    .concat();
    ok(root, &args)
}

/// A caseload sheet as a team keeps it: a merged title, a blank row, headers in its own words,
/// an Excel date and a UK text date, a blank row between people, a day that does not exist, a
/// status the roster does not know, and a sheet of something else.
fn messy(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Caseload").unwrap();
    sheet
        .merge_range(
            0,
            0,
            0,
            6,
            "Thursday group: referrals 2026",
            &Format::new().set_bold(),
        )
        .unwrap();
    let header = [
        "Client",
        "Referring team",
        "Referral date",
        "Status",
        "E-mail",
        "Tel",
        "Shoe size",
    ];
    for (column, text) in (0u16..).zip(header) {
        sheet.write_string(2, column, text).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let day = |text: &str| text.parse::<chrono::NaiveDate>().unwrap();
    sheet.write_string(3, 0, "Ana").unwrap();
    sheet.write_string(3, 1, "CMHT North").unwrap();
    sheet
        .write_date_with_format(3, 2, day("2026-01-05"), &date)
        .unwrap();
    sheet.write_string(3, 3, "Confirmed").unwrap();
    sheet.write_string(3, 4, "ana@example.org").unwrap();
    sheet.write_string(3, 5, "07700 900123").unwrap();
    sheet.write_number(3, 6, 7.0).unwrap();
    // Row 5 is blank.
    for (row, cells) in [
        (5, ["Bo", "GP practice", "03/11/2025", "waiting list", ""]),
        (6, ["Cy", "CMHT South", "31/02/2026", "referred", ""]),
        (7, ["Di", "CMHT North", "04/11/2025", "on hold", ""]),
        (8, ["Ed", "CMHT North", "04/11/2025", "referred", "ed at example"]),
    ] {
        for (column, text) in (0u16..).zip(cells) {
            sheet.write_string(row, column, text).unwrap();
        }
    }
    let calls = book.add_worksheet();
    calls.set_name("Calls").unwrap();
    for (row, cells) in [
        (0, ["Name", "Date", "Note"]),
        (1, ["Ana", "06/01/2026", "Rang to say hello"]),
        (2, ["Ana", "", "Left a message"]),
        (3, ["Nobody", "07/01/2026", "Wrong number"]),
    ] {
        for (column, text) in (0u16..).zip(cells) {
            calls.write_string(row, column, text).unwrap();
        }
    }
    let other = book.add_worksheet();
    other.set_name("Rota").unwrap();
    other.write_string(0, 0, "Who is on tea").unwrap();
    book.save(path).unwrap();
}

#[test]
fn a_messy_tracker_is_mapped_and_its_bad_rows_named() {
    let (tmp, root) = data();
    group(&root, "Thursday group");
    let file = tmp.path().join("caseload.xlsx");
    messy(&file);
    let said = import(&root, &file, &[]);
    for line in [
        "Sheet Caseload (a row a person), header on row 3:",
        "  A \"Client\" → name",
        "  B \"Referring team\" → referred by",
        "  C \"Referral date\" → referred on",
        "  E \"E-mail\" → email",
        "  F \"Tel\" → phone",
        "  G \"Shoe size\" not read: the roster keeps nothing by that name",
        "Sheets not read (no header row of people or contacts, or a second of a kind): Rota",
        "  + Ana: added (confirmed)",
        "  + Bo: added (waiting list)",
        "Sheet Calls (a row a contact), header on row 1:",
        "  B \"Date\" → contact date",
        "  Contacts: 1 added, 0 already on the roster",
    ] {
        assert!(said.contains(line), "no {line:?} in:\n{said}");
    }
    let file_shown = file.display();
    for refusal in [
        format!(
            "{file_shown}: sheet Caseload, row 7, column C (Referral date): referred on: \"31/02/2026\" is not a date"
        ),
        format!(
            "{file_shown}: sheet Caseload, row 8, column D (Status): status: \"on hold\" is not a status; use one of:"
        ),
        format!(
            "{file_shown}: sheet Caseload, row 9, column E (E-mail): email: email \"ed at example\" is not valid"
        ),
        format!(
            "{file_shown}: sheet Calls, row 3, column B (Date): contact date: the cell is blank; give a day"
        ),
        format!(
            "{file_shown}: sheet Calls, row 4, column A (Name): name: no one called \"Nobody\" is on the roster; it has: Ana, Bo"
        ),
    ] {
        assert!(said.contains(&refusal), "no {refusal:?} in:\n{said}");
    }
    let roster = Roster::load(&roster_file(&root, "thursday-group")).unwrap();
    let names: Vec<&str> = roster.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Ana", "Bo"]);
    let bo = &roster.members[1];
    assert_eq!(
        bo.referred_on.to_string(),
        "2025-11-03",
        "day first, as in the UK"
    );
    assert_eq!(roster.members[0].reach.phone, "07700 900123");
    assert_eq!(roster.members[0].contacts.len(), 1);
}

#[test]
fn a_dry_run_shows_what_would_change_and_writes_nothing() {
    let (tmp, root) = data();
    group(&root, "Thursday group");
    ok(
        &root,
        &[
            "roster",
            "Thursday group",
            "add",
            "ANA",
            "--referred-by",
            "CMHT North",
            "--referred-on",
            "2026-01-05",
        ],
    );
    let path = roster_file(&root, "thursday-group");
    let before = fs::read(&path).unwrap();
    let file = tmp.path().join("caseload.xlsx");
    messy(&file);
    let said = import(&root, &file, &["--dry-run"]);
    assert!(
        said.contains("  ~ ANA: would be updated (status, email, phone)"),
        "{said}"
    );
    assert!(said.contains("  + Bo: would be added (waiting list)"), "{said}");
    assert!(said.contains("Dry run: nothing was saved."), "{said}");
    assert_eq!(fs::read(&path).unwrap(), before, "the roster is as it was");

    let said = import(&root, &file, &[]);
    assert!(said.contains("  ~ ANA: updated"), "{said}");
    let said = import(&root, &file, &[]);
    assert!(
        said.contains("  = ANA: already on the roster as the tracker has them: skipped"),
        "{said}"
    );
    assert!(said.contains("  = Bo: already on the roster"), "{said}");
    assert_eq!(Roster::load(&path).unwrap().members.len(), 2, "no one twice");
}

#[test]
fn a_csv_tracker_with_a_byte_order_mark_and_quoted_fields_is_read() {
    let (tmp, root) = data();
    group(&root, "Thursday group");
    for (name, delimiter) in [("commas.csv", ","), ("semicolons.csv", ";")] {
        let rows = [
            "Thursday group tracker",
            "Service user,Referred by,Date referred,Status,Email",
            "",
            "Fi,\"Smith, J (CMHT)\",03/11/2026,contacted,fi@example.org",
            "\"Gus \"\"G\"\"\",GP,2026-11-04,,",
        ];
        let text = rows
            .join("\r\n")
            .replace(',', delimiter)
            .replace("Smith; J", "Smith, J");
        fs::write(tmp.path().join(name), format!("\u{FEFF}{text}\r\n")).unwrap();
    }
    let said = import(&root, &tmp.path().join("commas.csv"), &[]);
    assert!(
        said.contains("Sheet commas.csv (a row a person), header on row 2:"),
        "{said}"
    );
    assert!(said.contains("  A \"Service user\" → name"), "{said}");
    let said = import(&root, &tmp.path().join("semicolons.csv"), &[]);
    assert!(said.contains("= Fi: already on the roster"), "{said}");
    let roster = Roster::load(&roster_file(&root, "thursday-group")).unwrap();
    let fi = &roster.members[0];
    assert_eq!(
        (fi.name.as_str(), fi.referred_by.as_str()),
        ("Fi", "Smith, J (CMHT)")
    );
    assert_eq!(fi.referred_on.to_string(), "2026-11-03");
    assert_eq!(roster.members[1].name, "Gus \"G\"");
}

#[test]
fn a_tracker_written_then_imported_gives_the_same_roster_back() {
    let (tmp, root) = data();
    tuesday(&root);
    group(&root, "Thursday group");
    let out = tmp.path().join("tracker.xlsx");
    ok(&root, &["tracker", "Tuesday group", "-o", out.to_str().unwrap()]);
    let said = import(&root, &out, &[]);
    assert!(said.contains("Sheets not read (no header row of people or contacts, or a second of a kind): Sessions, Attendance"), "{said}");
    assert!(
        said.contains("\"Waiver\" not read: worked out from the rest"),
        "{said}"
    );
    assert!(said.contains("Contacts: 1 added"), "{said}");
    let tuesday = Roster::load(&roster_file(&root, "tuesday-group")).unwrap();
    let thursday = Roster::load(&roster_file(&root, "thursday-group")).unwrap();
    assert_eq!(thursday.members, tuesday.members);
}

#[test]
fn odd_cells_are_refused_or_read_and_never_panic() {
    let (tmp, root) = data();
    group(&root, "Thursday group");
    let file = tmp.path().join("odd.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (column, text) in (0u16..).zip(["Name", "Referred by", "Referral date", "Status"]) {
        sheet.write_string(0, column, text).unwrap();
    }
    sheet.write_string(1, 0, "Hal\u{7}\u{202E}").unwrap();
    sheet.write_string(1, 1, "CMHT North").unwrap();
    sheet.write_number(1, 2, 1e300).unwrap();
    sheet.write_string(2, 0, "Ivy").unwrap();
    sheet.write_string(2, 1, "CMHT North").unwrap();
    sheet.write_number(2, 2, -5.0).unwrap();
    sheet.write_string(3, 0, "Jo").unwrap();
    sheet
        .write_formula(3, 1, Formula::new("=1/0").set_result("#DIV/0!"))
        .unwrap();
    sheet.write_string(4, 0, "K".repeat(200)).unwrap();
    sheet.write_string(4, 1, "CMHT North").unwrap();
    sheet.write_string(5, 0, "Lu").unwrap();
    sheet.write_string(5, 1, "CMHT North").unwrap();
    sheet.write_number(5, 2, 46_000.0).unwrap();
    book.save(&file).unwrap();
    let said = import(&root, &file, &[]);
    assert!(
        said.contains("row 2, column C (Referral date): referred on: \"1e300\" is not a date"),
        "{said}"
    );
    assert!(
        said.contains("row 3, column C (Referral date): referred on: \"-5\" is not a date"),
        "{said}"
    );
    assert!(
        said.contains("row 4, column B (Referred by): referred by: the cell holds the error #DIV/0!"),
        "{said}"
    );
    assert!(
        said.contains("row 5, column A (Name): name: that name is too long"),
        "{said}"
    );
    assert!(said.contains("+ Lu: added"), "{said}");
    let roster = Roster::load(&roster_file(&root, "thursday-group")).unwrap();
    assert_eq!(
        roster.members.last().unwrap().referred_on.to_string(),
        "2025-12-09",
        "a serial number in a date column"
    );
}

#[test]
fn files_that_are_not_trackers_are_refused_naming_the_file() {
    let (tmp, root) = data();
    group(&root, "Thursday group");
    let refused = |path: &Path| {
        let out = run(holdspace(&root)
            .args(["roster", "Thursday group", "import"])
            .arg(path));
        let err = fails(&out).to_owned();
        assert!(err.contains(&path.display().to_string()), "{err}");
        err
    };
    let fifo = tmp.path().join("pipe.xlsx");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    assert!(refused(&fifo).contains("is a named pipe, not a regular file"));
    assert!(refused(tmp.path()).contains("is a folder"));
    let big = tmp.path().join("big.xlsx");
    fs::File::create(&big).unwrap().set_len(30 * 1024 * 1024).unwrap();
    assert!(refused(&big).contains("is larger than 20 MiB; give a regular file of at most 20 MiB"));
    let junk = tmp.path().join("junk.xlsx");
    fs::write(&junk, b"PK\x03\x04 not really").unwrap();
    assert!(refused(&junk).contains("is not a workbook holdspace reads"));
    let long = tmp.path().join("long.csv");
    let rows: String = std::iter::once("Name,Referred by\n".to_owned())
        .chain((0..10_001).map(|n| format!("P{n},GP\n")))
        .collect();
    fs::write(&long, rows).unwrap();
    assert!(refused(&long).contains("has more than 10000 rows"));
    // A cell far down or far right: refused at that cell, before the sheet is in memory.
    for (name, row, column, said) in [
        ("deep.xlsx", 1_000_000, 0, "has more than 10000 rows"),
        ("wide.xlsx", 0, 5_000, "has more than 200 columns"),
    ] {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Name").unwrap();
        sheet.write_string(row, column, "far").unwrap();
        let path = tmp.path().join(name);
        book.save(&path).unwrap();
        assert!(refused(&path).contains(said), "{name}");
    }
    let headless = tmp.path().join("headless.csv");
    fs::write(&headless, "a,b\n1,2\n").unwrap();
    assert!(refused(&headless).contains("no sheet has a header row"));
    assert!(
        !roster_file(&root, "thursday-group").exists(),
        "nothing was written"
    );
}

#[test]
fn an_import_that_would_outgrow_the_roster_saves_nothing() {
    let (tmp, root) = data();
    group(&root, "Thursday group");
    ok(
        &root,
        &["roster", "Thursday group", "add", "Ana", "--referred-by", "GP"],
    );
    let path = roster_file(&root, "thursday-group");
    let before = fs::read(&path).unwrap();
    let long = "x".repeat(1000);
    let rows: String = std::iter::once("Name,Referred by,Adjustments\n".to_owned())
        .chain((0..1500).map(|n| format!("P{n},GP,{long}\n")))
        .collect();
    let file = tmp.path().join("big.csv");
    fs::write(&file, rows).unwrap();
    let out = run(holdspace(&root)
        .args(["roster", "Thursday group", "import"])
        .arg(&file));
    assert!(
        fails(&out).contains("more than the 1 MiB holdspace reads back"),
        "a roster it could not read back would lock the group out: {out:?}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}
