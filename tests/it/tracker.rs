//! `holdspace tracker GROUP -o FILE.xlsx` on the built binary, its workbook read back with
//! calamine: the sheets, headers, typed cells (dates are dates) and tables; the anonymised
//! workbook naming no one; and where it may not be written.

use crate::common;

use calamine::{Data, DataType, Xlsx, open_workbook};
use chrono::{NaiveDate, NaiveDateTime};
use common::workbook::{ADJUSTMENT_WORD, FEEDBACK_WORD, MARIGOLD, NOTE_WORD, OSRIC, ZOE, sheets, tuesday};
use common::{data, fails, holdspace, mode, ok, run};
use std::fs;
use std::os::unix::fs::symlink;

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// The day and time a cell holds, when it is an Excel date rather than text.
fn when(cell: &Data) -> NaiveDateTime {
    match cell {
        Data::DateTime(at) => at.as_datetime().expect("a date Excel holds"),
        other => panic!("{other:?} is not a date cell"),
    }
}

fn text(cell: &Data) -> &str {
    match cell {
        Data::String(text) => text,
        other => panic!("{other:?} is not text"),
    }
}

fn header(rows: &[Vec<Data>]) -> Vec<&str> {
    rows[0].iter().map(text).collect()
}

#[test]
fn the_tracker_holds_the_roster_and_sessions_as_typed_cells() {
    let (tmp, root) = data();
    tuesday(&root);
    let out = tmp.path().join("tracker.xlsx");
    let said = ok(&root, &["tracker", "tuesday group", "-o", out.to_str().unwrap()]);
    assert!(
        said.contains("Referrals (3), Contacts (1), Sessions (2), Attendance (2), Feedback (1)"),
        "{said}"
    );
    assert!(said.trim_end().ends_with(out.to_str().unwrap()), "{said}");
    assert_eq!(mode(&out), 0o600, "written private");

    let book = sheets(&out);
    let names: Vec<&str> = book.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        ["Referrals", "Contacts", "Sessions", "Attendance", "Feedback"]
    );
    let feedback = &book[4].1;
    assert_eq!(
        header(feedback),
        [
            "Date",
            "Answers",
            "Very good",
            "Good",
            "Neither good nor poor",
            "Poor",
            "Very poor",
            "Don't know",
            "% positive"
        ]
    );
    assert_eq!(feedback.len(), 2, "one round");
    assert_eq!(
        when(&feedback[1][0]).date(),
        day("2026-12-03"),
        "the round's day, a date cell"
    );
    let counts: Vec<f64> = feedback[1][1..]
        .iter()
        .map(|cell| cell.as_f64().expect("a number"))
        .collect();
    assert_eq!(counts, [3.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 67.0]);

    let referrals = &book[0].1;
    assert_eq!(
        header(referrals),
        [
            "Name",
            "Status",
            "Status since",
            "Referred on",
            "Referred by",
            "Care co-ordinator",
            "Email",
            "Phone",
            "Link sent",
            "Waiver",
            "Placed on",
            "Adjustments",
            "Contacts",
            "Last contact"
        ]
    );
    assert_eq!(referrals.len(), 4, "a header and a row a person");
    let marigold = &referrals[1];
    assert_eq!(text(&marigold[0]), MARIGOLD);
    assert_eq!(text(&marigold[1]), "confirmed");
    assert_eq!(when(&marigold[3]).date(), day("2026-01-05"));
    assert_eq!(text(&marigold[4]), "CMHT North");
    assert_eq!(text(&marigold[5]), "J Smith <j.smith@example.org>");
    assert_eq!(text(&marigold[6]), "marigold@example.org");
    assert_eq!(text(&marigold[7]), "07700 900123", "a phone number keeps its 0");
    assert_eq!(text(&marigold[8]), "yes", "the link sent");
    assert_eq!(
        marigold[9],
        Data::Empty,
        "a confirmed member's waiver is not known from the status"
    );
    assert!(text(&marigold[11]).contains(ADJUSTMENT_WORD));
    assert_eq!(marigold[12], Data::Float(1.0), "the contacts, counted");
    assert_eq!(when(&marigold[13]).date(), day("2026-01-06"));
    assert_eq!(text(&referrals[2][9]), "not sent", "Osric's waiver");
    let zoe = &referrals[3];
    assert_eq!((text(&zoe[0]), text(&zoe[1])), (ZOE, "waiting list"));
    assert_eq!(zoe[10], Data::Empty, "no place, no day placed");

    let contacts = &book[1].1;
    assert_eq!(header(contacts), ["Name", "On", "Note"]);
    assert_eq!(contacts.len(), 2);
    assert_eq!(when(&contacts[1][1]).date(), day("2026-01-06"));
    assert!(text(&contacts[1][2]).contains(NOTE_WORD));

    let sessions = &book[2].1;
    assert_eq!(
        &header(sessions)[..4],
        ["Date", "Started", "Scheduled end", "Ended"]
    );
    assert_eq!(sessions.len(), 3);
    let first = &sessions[1];
    assert_eq!(when(&first[0]).date(), day("2026-11-26"));
    assert_eq!(when(&first[1]).to_string(), "2026-11-26 18:00:00");
    assert_eq!(when(&first[2]).to_string(), "2026-11-26 19:30:00");
    assert_eq!(when(&first[3]).to_string(), "2026-11-26 19:30:00");
    let counts = |row: &[Data]| -> Vec<Data> { row[6..10].to_vec() };
    // Attended, late, left early, absent: as the report counts them.
    let n = |v: f64| Data::Float(v);
    assert_eq!(counts(first), [n(2.0), n(1.0), n(0.0), n(0.0)]);
    assert_eq!(counts(&sessions[2]), [n(1.0), n(0.0), n(0.0), n(1.0)]);

    let attendance = &book[3].1;
    assert_eq!(
        header(attendance),
        [
            "Name",
            "26 Nov 2026 18:00",
            "3 Dec 2026 18:00",
            "Attended",
            "On the list"
        ]
    );
    let rows: Vec<Vec<String>> = (attendance[1..].iter())
        .map(|row| row[..3].iter().map(|cell| text(cell).to_owned()).collect())
        .collect();
    assert_eq!(
        rows,
        [
            [MARIGOLD, "✓ present", "✓ present"],
            [OSRIC, "L late", "✗ absent"]
        ]
    );

    // Each sheet's data is a table with a filter, named as the sheet is, under a frozen header
    // row, in columns set to their contents' width. calamine reads no panes or widths, so those
    // are read from the sheets' XML.
    let mut zipped = zip::ZipArchive::new(fs::File::open(&out).unwrap()).expect("a zip");
    for n in 1..=4 {
        let mut xml = String::new();
        let mut part = zipped
            .by_name(&format!("xl/worksheets/sheet{n}.xml"))
            .expect("the sheet");
        std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
        assert!(
            xml.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#),
            "sheet {n}: {xml}"
        );
        assert!(xml.contains("<cols><col "), "sheet {n}: {xml}");
    }
    let mut book: Xlsx<_> = open_workbook(&out).expect("opens");
    book.load_tables().expect("the tables read");
    for name in names {
        assert_eq!(book.table_names_in_sheet(name), [&name.to_owned()], "{name}");
    }
    let table = book.table_by_name("Referrals").expect("the table");
    assert_eq!(table.columns()[0], "Name");
    let mut xml = String::new();
    let mut part = zipped.by_name("xl/tables/table1.xml").expect("the table");
    std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
    assert!(xml.contains(r#"<autoFilter ref="A1:N4"/>"#), "{xml}");
}

#[test]
fn an_anonymised_tracker_names_no_one() {
    let (tmp, root) = data();
    tuesday(&root);
    let out = tmp.path().join("anonymised.xlsx");
    ok(
        &root,
        &[
            "tracker",
            "Tuesday group",
            "--anonymised",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let book = sheets(&out);
    assert_eq!(
        book.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>(),
        ["Sessions", "Feedback"]
    );
    assert_eq!(book[0].1.len(), 3, "the sessions' times and counts stay");
    for (sheet, rows) in &book {
        for cell in rows.iter().flatten() {
            let shown = cell.to_string();
            for secret in [
                MARIGOLD,
                OSRIC,
                ZOE,
                NOTE_WORD,
                ADJUSTMENT_WORD,
                FEEDBACK_WORD,
                "example.org",
                "07700",
                "Tuesday",
            ] {
                assert!(!shown.contains(secret), "{sheet} holds {secret}: {shown}");
            }
        }
    }
}

#[test]
fn a_tracker_is_written_only_outside_the_data_folder_and_not_through_a_link() {
    let (tmp, root) = data();
    tuesday(&root);
    let refused = |path: &std::path::Path| {
        let out = run(holdspace(&root)
            .args(["tracker", "Tuesday group", "-o"])
            .arg(path));
        fails(&out).to_owned()
    };
    let inside = root.join("groups").join("tracker.xlsx");
    assert!(refused(&inside).contains("inside holdspace's data folder"));
    assert!(!inside.exists());
    let link = tmp.path().join("link");
    symlink(root.join("groups"), &link).expect("a link");
    assert!(refused(&link.join("tracker.xlsx")).contains("inside holdspace's data folder"));
    let to_file = tmp.path().join("to-file.xlsx");
    fs::write(tmp.path().join("target.xlsx"), "mine").expect("written");
    symlink(tmp.path().join("target.xlsx"), &to_file).expect("a link");
    assert!(refused(&to_file).contains("a symbolic link"));
    assert_eq!(
        fs::read_to_string(tmp.path().join("target.xlsx")).unwrap(),
        "mine"
    );

    let out = run(holdspace(&root).args(["tracker", "Tuesday group"]));
    assert!(
        fails(&out).contains("--output"),
        "a workbook is never printed: {out:?}"
    );
}
