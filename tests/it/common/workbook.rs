//! Workbooks read back with calamine (never with the code that wrote them), and the Tuesday
//! group with a roster and two saved sessions to write a tracker from.

use super::ok;
use crate::fixture::group::{ABSENT, LATE, PRESENT, session};
use calamine::{Data, Reader, Xlsx, open_workbook};
use holdspace::domain::feedback::{Answer, Entry};
use holdspace::store::disk::Os;
use holdspace::store::paths::DataDir;
use std::path::Path;

/// The Tuesday group's people; none of these words is anywhere else in a tracker.
pub const MARIGOLD: &str = "Marigold";
pub const OSRIC: &str = "Osric";
pub const ZOE: &str = "Zoë";
/// A word only a contact's note holds, and one only adjustments hold.
pub const NOTE_WORD: &str = "Quillwort";
pub const ADJUSTMENT_WORD: &str = "Lanternfish";
/// A word a member wrote as what was good, to look for where it must not be.
pub const FEEDBACK_WORD: &str = "Marmalade";

/// Each sheet's name and cells, in order, as calamine reads the workbook at `path`.
pub fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook(path).expect("calamine opens the workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("the sheet reads");
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

/// Saves the Tuesday group (two places) with Marigold confirmed (every detail, a contact, the
/// link sent), Osric referred and Zoë on the waiting list, and two sessions: Marigold present at
/// both, Osric late then absent.
pub fn tuesday(root: &Path) {
    ok(
        root,
        &[
            "group",
            "new",
            "Tuesday group",
            "--day",
            "Tuesday",
            "--time",
            "18:00",
            "--capacity",
            "2",
        ],
    );
    let roster = |args: &[&str]| ok(root, &[&["roster", "Tuesday group"][..], args].concat());
    roster(&[
        "add",
        MARIGOLD,
        "--referred-by",
        "CMHT North",
        "--referred-on",
        "2026-01-05",
        "--email",
        "marigold@example.org",
        "--phone",
        "07700 900123",
        "--referrer",
        "J Smith <j.smith@example.org>",
        "--adjustments",
        &format!("A seat near the door; {ADJUSTMENT_WORD}"),
    ]);
    for status in ["contacted", "waiver_sent", "waiver_returned", "confirmed"] {
        roster(&["set", MARIGOLD, status]);
    }
    roster(&[
        "contact",
        MARIGOLD,
        &format!("Talked about the {NOTE_WORD} walk"),
        "--on",
        "2026-01-06",
    ]);
    roster(&["edit", MARIGOLD, "--link-sent"]);
    roster(&[
        "add",
        OSRIC,
        "--referred-by",
        "GP practice",
        "--referred-on",
        "2026-02-01",
    ]);
    roster(&["add", ZOE, "--referred-by", "CMHT North"]);
    let (dir, _) = DataDir::open(root).expect("the data folder opens");
    for (week, id, osric) in [(0, "2026-11-26-1800", LATE), (1, "2026-12-03-1800", ABSENT)] {
        let mut log = session(
            "Tuesday group",
            week,
            &[(MARIGOLD, PRESENT, Some(5)), (OSRIC, osric, None)],
        );
        log.id = id.to_owned();
        if week == 1 {
            // Three members' own answers: very good, good and poor.
            log.feedback = [
                (Answer::VeryGood, FEEDBACK_WORD),
                (Answer::Good, ""),
                (Answer::Poor, ""),
            ]
            .map(|(answer, good)| Entry::new(answer, good, "").expect("an entry"))
            .to_vec();
        }
        log.write(&Os, &dir.log_path(id).expect("a plain ID"))
            .expect("the log is written");
    }
}
