//! `roster.toml` on disk: golden good and bad files (every mistake named by file, line, field
//! and what would be valid), a later schema version refused, hostile and unusual names, round
//! trips, and a private file.

use chrono::NaiveDate;
use holdspace::domain::hands::check_name;
use holdspace::domain::roster::{Closure, Contact, Member, Owed, Reach, Roster, Status};
use holdspace::store::disk::Os;
use holdspace::store::roster::{self as file, SCHEMA_VERSION};
use proptest::prelude::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/golden/roster")
        .join(name)
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn a_good_file_is_read_and_written_back_the_same() {
    let roster = Roster::load(&golden("good.toml")).unwrap();
    let names: Vec<&str> = roster.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Ana", "Ben", "Cy"]);
    let ana = &roster.members[0];
    assert_eq!(ana.status, Status::Confirmed);
    assert_eq!(ana.referred_by, "Jo Smith, CMHT North");
    assert_eq!(ana.referred_on, date("2026-02-20"));
    assert_eq!(ana.status_since, date("2026-03-02"));
    assert_eq!(ana.adjustments, "a seat near the door");
    assert_eq!(
        ana.contacts,
        [
            Contact {
                on: date("2026-02-23"),
                note: "rang to introduce the group".into()
            },
            Contact {
                on: date("2026-02-25"),
                note: "waiver posted".into()
            },
        ]
    );
    assert_eq!(roster.members[2].status, Status::WaitingList);

    let tmp = tempfile::tempdir().unwrap();
    let path = file::path(tmp.path());
    roster.save(&Os, &path).unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        fs::read_to_string(golden("good.toml")).unwrap(),
        "holdspace writes the file as the golden copy has it"
    );
}

#[test]
fn a_hand_edited_file_may_use_bare_dates_any_order_and_spoken_statuses() {
    let roster = Roster::load(&golden("hand-edited.toml")).unwrap();
    let zoe = &roster.members[0];
    assert_eq!(zoe.name, "Zoë 🌱", "names are kept trimmed");
    assert_eq!(
        (zoe.status, zoe.referred_on),
        (Status::WaiverSent, date("2026-02-20"))
    );
    let maryam = &roster.members[1];
    assert_eq!(maryam.name, "مريم");
    assert_eq!(maryam.status, Status::WaitingList);
    assert_eq!(
        maryam.adjustments,
        "Prefers to sit near the door.\nHearing loop, please."
    );
    assert_eq!(maryam.contacts[0].on, date("2026-02-22"));
}

#[test]
fn control_characters_in_names_are_kept_as_written_and_survive_a_round_trip() {
    let roster = Roster::load(&golden("hand-edited.toml")).unwrap();
    assert_eq!(roster.members[2].name, "Sam\x1b]0;owned\x07\u{202e}");
    assert_eq!(roster.members[2].referred_by, "CMHT\x1b[2J");
    let tmp = tempfile::tempdir().unwrap();
    let path = file::path(tmp.path());
    roster.save(&Os, &path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "escaped in the file, so an editor or `cat` shows them harmlessly: {text}"
    );
    assert_eq!(Roster::load(&path).unwrap(), roster);
}

/// Each bad file, the line its message names, the field, and words from what would be valid.
const BAD: [(&str, usize, &str, &str); 13] = [
    (
        "unknown-status.toml",
        7,
        "member.status: \"confirmd\"",
        "referred, contacted, waiver_sent, waiver_returned, confirmed, waiting_list, declined, left",
    ),
    (
        "bad-date.toml",
        6,
        "member.referred_on: \"20 Feb 2026\"",
        "\"YYYY-MM-DD\"",
    ),
    (
        "date-with-time.toml",
        6,
        "member.referred_on: 2026-02-20T10:30:00",
        "\"YYYY-MM-DD\"",
    ),
    (
        "bad-contact-date.toml",
        11,
        "member.contact.on: \"yesterday\"",
        "\"YYYY-MM-DD\"",
    ),
    ("misspelt-field.toml", 5, "`refered_by`", "`referred_by`"),
    (
        "missing-status.toml",
        3,
        "`status`",
        "status is one of: referred, contacted",
    ),
    (
        "unknown-top-level.toml",
        2,
        "`group`",
        "`schema_version`, `member`, `done`",
    ),
    ("same-name.toml", 11, "member.name: \"sAM\"", "line 4"),
    ("blank-name.toml", 4, "member.name", "1 to 60 characters"),
    ("long-name.toml", 4, "member.name", "1 to 60 characters"),
    ("no-version.toml", 1, "schema_version", "schema_version = 2"),
    ("version-zero.toml", 1, "schema_version 0", "reads 1 and 2"),
    ("broken-syntax.toml", 4, "string", "Dates are \"YYYY-MM-DD\""),
];

#[test]
fn every_mistake_names_the_file_the_line_the_field_and_what_would_be_valid() {
    let folder = golden("bad");
    let mut files: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = BAD.iter().map(|(name, ..)| (*name).to_owned()).collect();
    listed.sort();
    assert_eq!(files, listed, "every bad file is checked");
    for (name, line, field, valid) in BAD {
        let path = folder.join(name);
        let err = Roster::load(&path).unwrap_err().to_string();
        let start = format!("{}: line {line}: ", path.display());
        assert!(err.starts_with(&start), "{name}: {err}");
        assert!(err.contains(field), "{name} names {field}: {err}");
        assert!(err.contains(valid), "{name} says {valid}: {err}");
    }
}

/// What was owed and is done, and how to reach people, are kept in the roster as version 2; a
/// roster with neither is still written as version 1, which an older holdspace reads.
#[test]
fn what_is_done_and_contact_details_are_kept_and_read_back_as_version_2() {
    let mut roster = Roster::load(&golden("good.toml")).unwrap();
    roster.done.push(Closure {
        name: "Ana".into(),
        owed: Owed::Safeguarding,
        on: date("2026-03-03"),
        note: "passed to Jo Smith by phone".into(),
    });
    roster.members[0].reach = Reach {
        email: "ana@example.org".into(),
        phone: "07700 900123".into(),
        referrer: "Jo Smith <jo.smith@example.org>".into(),
        link_sent: true,
    };
    let tmp = tempfile::tempdir().unwrap();
    let path = file::path(tmp.path());
    roster.save(&Os, &path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\nschema_version = 2\n"), "{text}");
    assert!(
        text.contains("[[done]]\nname = \"Ana\"\nkind = \"safeguarding\"\non = \"2026-03-03\""),
        "{text}"
    );
    assert!(text.contains("email = \"ana@example.org\"\nphone = \"07700 900123\"\nreferrer = \"Jo Smith <jo.smith@example.org>\"\nlink_sent = true\n"), "{text}");
    assert_eq!(Roster::load(&path).unwrap(), roster);
    let bad = text.replace("ana@example.org", "ana at example");
    let line = bad.lines().position(|line| line.starts_with("email = ")).unwrap() + 1;
    let err = Roster::parse(&bad).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "line {line}: member.email: email \"ana at example\" is not valid: give an e-mail address, e.g. ana@example.org"
        )
    );
    let bad = text.replace("kind = \"safeguarding\"", "kind = \"safe\"");
    let line = bad.lines().position(|line| line.starts_with("kind = ")).unwrap() + 1;
    let err = Roster::parse(&bad).unwrap_err();
    assert_eq!(err.line, Some(line), "{err}");
    assert!(
        err.to_string()
            .contains("done.kind: \"safe\" is not something owed; use one of: safeguarding"),
        "{err}"
    );
}

#[test]
fn a_roster_from_a_later_holdspace_is_refused_not_misread() {
    let err = Roster::load(&golden("newer.toml")).unwrap_err().to_string();
    assert!(
        err.contains("newer.toml: line 2: schema_version 3 is newer"),
        "{err}"
    );
    assert!(err.contains("left as it is"), "{err}");
    assert_eq!(SCHEMA_VERSION, 2);
}

#[test]
fn no_file_is_an_empty_roster_and_an_unreadable_one_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(Roster::load(&file::path(tmp.path())).unwrap(), Roster::default());
    // A folder where the file should be cannot be read as one.
    fs::create_dir(file::path(tmp.path())).unwrap();
    let err = Roster::load(&file::path(tmp.path())).unwrap_err().to_string();
    assert!(
        err.contains("roster.toml: is a folder, not a regular file"),
        "{err}"
    );
    let invalid = tmp.path().join("latin1.toml");
    fs::write(&invalid, b"schema_version = 1\n# caf\xe9\n").unwrap();
    assert!(
        Roster::load(&invalid)
            .unwrap_err()
            .to_string()
            .contains("latin1.toml")
    );
}

#[test]
fn an_empty_roster_is_written_with_its_version() {
    let tmp = tempfile::tempdir().unwrap();
    let path = file::path(tmp.path());
    Roster::default().save(&Os, &path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\nschema_version = 1\n"), "{text}");
    assert_eq!(Roster::load(&path).unwrap(), Roster::default());
}

#[test]
fn the_file_is_private_even_over_one_that_was_not() {
    let tmp = tempfile::tempdir().unwrap();
    let path = file::path(tmp.path());
    fs::write(&path, "schema_version = 1\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    Roster::load(&golden("good.toml"))
        .unwrap()
        .save(&Os, &path)
        .unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let leftovers = fs::read_dir(tmp.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

fn member() -> impl Strategy<Value = Member> {
    let day =
        (1i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
    let contact = (day.clone(), "(?s).{0,30}").prop_map(|(on, note)| Contact { on, note });
    (
        "(?s).{1,20}",
        "(?s).{0,20}",
        day.clone(),
        prop::sample::select(Status::ALL.to_vec()),
        day,
        "(?s).{0,40}",
        prop::collection::vec(contact, 0..3),
    )
        .prop_map(
            |(name, referred_by, referred_on, status, status_since, adjustments, contacts)| Member {
                name: name.trim().to_owned(),
                referred_by,
                referred_on,
                status,
                status_since,
                adjustments,
                contacts,
                reach: Reach::default(),
                // As a roster read without the field has it.
                placed_on: (status == Status::Referred).then_some(status_since),
            },
        )
        .prop_filter("a usable name", |m| check_name(&m.name).is_ok())
}

proptest! {
    #[test]
    fn any_roster_survives_a_round_trip(members in prop::collection::vec(member(), 0..5)) {
        let mut roster = Roster::default();
        for member in members {
            if roster.find(&member.name).is_none() {
                roster.members.push(member);
            }
        }
        let tmp = tempfile::tempdir().unwrap();
        let path = file::path(tmp.path());
        roster.save(&Os, &path).unwrap();
        prop_assert_eq!(Roster::load(&path).unwrap(), roster);
    }
}
