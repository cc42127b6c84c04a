//! `holdspace roster`, driven through `roster_command::run` on a group folder in a temporary
//! directory: each subcommand's words, the file it leaves, and the CSV teams keep.

use chrono::NaiveDate;
use clap::Parser;
use holdspace::cmd::roster::{Roll, RosterCommand, run};
use holdspace::domain::owed::Held;
use holdspace::store::disk::{Disk, Durable, Open, Os};
use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The arguments as a user types them after `holdspace roster`.
#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    command: RosterCommand,
}

fn parse(args: &[&str]) -> Result<RosterCommand, clap::Error> {
    Args::try_parse_from(std::iter::once("roster").chain(args.iter().copied())).map(|a| a.command)
}

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, n).unwrap()
}

/// A group of three places meeting on the 10th, in a folder of its own.
struct Group {
    _tmp: TempDir,
    folder: PathBuf,
    /// Its sessions, oldest first.
    held: Vec<Held>,
}

impl Group {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("groups").join("tuesday");
        fs::create_dir_all(&folder).unwrap();
        Self {
            _tmp: tmp,
            folder,
            held: Vec::new(),
        }
    }

    fn roll(&self, capacity: u32, next_meeting: Option<NaiveDate>) -> Roll<'_> {
        Roll {
            folder: &self.folder,
            name: "Tuesday group",
            capacity,
            next_meeting,
            held: self.held.clone(),
        }
    }

    fn on(&self, today: NaiveDate, disk: &dyn Disk, args: &[&str]) -> Result<String, String> {
        let command = parse(args).unwrap_or_else(|err| panic!("{args:?}: {err}"));
        run(&self.roll(3, Some(day(10))), today, disk, command).map_err(|err| err.to_string())
    }

    fn run(&self, today: NaiveDate, args: &[&str]) -> Result<String, String> {
        self.on(today, &Os, args)
    }

    fn ok(&self, today: NaiveDate, args: &[&str]) -> String {
        self.run(today, args)
            .unwrap_or_else(|err| panic!("{args:?}: {err}"))
    }

    fn file(&self) -> PathBuf {
        self.folder.join("roster.toml")
    }

    fn text(&self) -> String {
        fs::read_to_string(self.file()).unwrap()
    }
}

/// Ana, Ben and Cy hold the three places; Di waits.
fn full() -> Group {
    let group = Group::new();
    for name in ["Ana", "Ben", "Cy", "Di"] {
        group.ok(day(2), &["add", name, "--referred-by", "CMHT North"]);
    }
    group
}

#[test]
fn adding_says_whether_there_was_a_place() {
    let group = Group::new();
    let said = group.ok(
        day(2),
        &[
            "add",
            "Ana",
            "--referred-by",
            "Jo, CMHT",
            "--adjustments",
            "seat by the door",
            "--referred-on",
            "2026-02-27",
        ],
    );
    assert_eq!(
        said,
        "Ana is referred and holds a place (1 of 3 places now held)."
    );
    assert!(group.text().contains("referred_on = \"2026-02-27\""));
    let mode = fs::metadata(group.file()).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    for name in ["Ben", "Cy"] {
        group.ok(day(2), &["add", name, "--referred-by", "CMHT"]);
    }
    let said = group.ok(day(3), &["add", "Sam", "--referred-by", "CMHT"]);
    assert_eq!(
        said,
        "The group is full (3 of 3 places): Sam goes on the waiting list, number 1."
    );
}

#[test]
fn statuses_on_the_command_line_are_checked_and_listed() {
    let err = parse(&["set", "Ana", "confirmd"]).unwrap_err().to_string();
    assert!(
        err.contains(
            "referred, contacted, waiver_sent, waiver_returned, confirmed, waiting_list, declined, left"
        ),
        "{err}"
    );
    assert_eq!(
        parse(&["set", "Ana", "waiver-sent"]).unwrap(),
        parse(&["set", "Ana", "waiver_sent"]).unwrap()
    );
    let help = parse(&["set", "--help"]).unwrap_err().to_string();
    for status in holdspace::domain::roster::Status::ALL {
        assert!(
            help.contains(&status.key()),
            "set --help names {}: {help}",
            status.key()
        );
    }
    let err = parse(&["contact", "Ana", "rang", "--on", "3/3/26"])
        .unwrap_err()
        .to_string();
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    assert!(
        parse(&["export"]).is_ok(),
        "CSV, its only format, needs no naming"
    );
}

#[test]
fn a_full_group_refuses_a_place_until_someone_leaves() {
    let group = full();
    let before = group.text();
    let err = group.run(day(4), &["set", "Di", "contacted"]).unwrap_err();
    assert_eq!(
        err,
        "The group is full (3 of 3 places: Ana, Ben, Cy): Di stays on the waiting list. Moving \
         someone to declined or left frees a place."
    );
    assert_eq!(group.text(), before, "a refusal leaves the file alone");
    let said = group.ok(day(4), &["set", "ben", "declined"]);
    assert!(
        said.ends_with("A place is free: offer it to Di, first on the waiting list."),
        "{said}"
    );
    group.ok(day(5), &["set", "Di", "contacted"]);
}

#[test]
fn the_list_shows_places_statuses_and_the_waiting_list_in_order() {
    let group = full();
    group.ok(day(3), &["add", "Zoë 🌱", "--referred-by", "Early Intervention"]);
    group.ok(day(4), &["set", "Ana", "confirmed"]);
    group.ok(day(4), &["adjust", "Ana", "a seat near the door"]);
    group.ok(day(4), &["set", "Cy", "left"]);
    group.ok(day(4), &["adjust", "Cy", "not shown: Cy has left"]);
    assert_eq!(
        group.ok(day(5), &["list"]),
        "Tuesday group: 2 of 3 places held, 2 on the waiting list

name    status        since       referred by
Ana     confirmed     2026-03-04  CMHT North
Ben     referred      2026-03-02  CMHT North
Cy      left          2026-03-04  CMHT North
Di      waiting list  2026-03-02  CMHT North
Zoë 🌱  waiting list  2026-03-03  Early Intervention

Waiting list, first in line first:
  1.  Di      since 2026-03-02
  2.  Zoë 🌱  since 2026-03-03

What would help them feel welcome:
  Ana: a seat near the door
"
    );
}

#[test]
fn an_empty_or_overfull_roster_says_so() {
    let group = Group::new();
    let said = group.ok(day(2), &["list"]);
    assert!(
        said.starts_with("Tuesday group: 0 of 3 places held, 0 on the waiting list\nNo one"),
        "{said}"
    );
    let overfull = full();
    let command = parse(&["list"]).unwrap();
    let said = run(&overfull.roll(2, None), day(5), &Os, command).unwrap();
    assert!(
        said.starts_with("Tuesday group: 3 of 2 places held (1 more than the group has)"),
        "{said}"
    );
}

#[test]
fn to_contact_lists_who_and_why_most_urgent_first() {
    let group = full();
    group.ok(day(2), &["set", "Ana", "confirmed"]);
    group.ok(day(2), &["set", "Ben", "waiver_sent"]);
    group.ok(day(9), &["set", "Cy", "left"]);
    group.ok(
        day(9),
        &["contact", "Ben", "left a message", "--on", "2026-03-08"],
    );
    assert_eq!(
        group.ok(day(9), &["to-contact"]),
        "Tuesday group: to contact on 2026-03-09 (next meeting 2026-03-10):
  · Ana · reminder: the group meets tomorrow · from Mon 9 Mar · today
  · Ben · chase the waiver (sent 7 days ago) · from Mon 2 Mar · 7 days
  · Di · a place is free: offer it · from Mon 2 Mar · 7 days
  ✉ Ana · tell CMHT North: Ana has a place · from Mon 2 Mar · 7 days
  ✉ Ben · tell CMHT North: Ben has a place · from Mon 2 Mar · 7 days
  ✉ Di · tell CMHT North: Di is on the waiting list, number 1 · from Mon 2 Mar · 7 days
  ✉ Cy · tell CMHT North: Cy has left the group · from Mon 9 Mar · today
"
    );
    // A place taken stays news for the referrer however far someone has moved on since; telling
    // a referrer is noted once done, and leaves the list.
    let said = group.ok(
        day(9),
        &["done", "cy", "referrer", "--note", "emailed CMHT North"],
    );
    assert_eq!(said, "Done: cy · referrer on 2026-03-09 (emailed CMHT North).");
    assert!(!group.ok(day(9), &["to-contact"]).contains("Cy has left"));
    let err = group
        .run(day(9), &["done", "Cy", "referrer", "--note", "again"])
        .unwrap_err();
    assert!(
        err.starts_with("nothing of the kind referrer is open for Cy"),
        "{err}"
    );
    let err = group
        .run(day(9), &["done", "Di", "referrer", "--note", " "])
        .unwrap_err();
    assert!(err.starts_with("say when, how and to whom"), "{err}");
    let err = parse(&["done", "Di", "referal", "--note", "x"])
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("safeguarding, one-to-one, call, referrer, waiver, welcome"),
        "{err}"
    );
    let command = parse(&["to-contact"]).unwrap();
    let quiet = Group::new();
    assert_eq!(
        run(&quiet.roll(3, None), day(9), &Os, command).unwrap(),
        "Tuesday group: no one to contact on 2026-03-09 (no next meeting set).\n"
    );
}

#[test]
fn the_csv_is_the_teams_spreadsheet_and_cannot_run_formulas() {
    let group = Group::new();
    group.ok(
        day(2),
        &[
            "add",
            "=HYPERLINK(\"x\")",
            "--referred-by",
            "+CMHT",
            "--adjustments",
            "@ramp",
        ],
    );
    group.ok(day(2), &["add", "Ben\x1b[2J", "--referred-by", "Jo, \"EIP\""]);
    group.ok(day(3), &["contact", "ben\x1b[2j", "rang", "--on", "2026-03-02"]);
    // A note starting with a hyphen follows `--`, as clap says when it is left out.
    group.ok(
        day(3),
        &["contact", "Ben\x1b[2J", "--", "-2 days to go\nsent the waiver"],
    );
    group.ok(day(3), &["set", "Ben\x1b[2J", "waiver_sent"]);
    let csv = group.ok(day(3), &["export", "--csv"]);
    // CSV is its only format, so it needs no saying.
    assert_eq!(group.ok(day(3), &["export"]), csv);
    assert_eq!(
        csv,
        "\u{feff}name,status,status_since,referred_by,referred_on,adjustments,contacts,last_contact,last_contact_note
\"'=HYPERLINK(\"\"x\"\")\",referred,2026-03-02,'+CMHT,2026-03-02,'@ramp,0,,
Ben\u{fffd}[2J,waiver sent,2026-03-03,\"Jo, \"\"EIP\"\"\",2026-03-02,,2,2026-03-03,'-2 days to go sent the waiver
"
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("roster.csv");
    let said = group.ok(day(3), &["export", "--csv", "-o", out.to_str().unwrap()]);
    assert_eq!(
        said,
        format!(
            "Exported the roster of Tuesday group (2 people) to {}",
            out.display()
        )
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), csv);
    assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
}

#[test]
fn a_roster_from_a_later_holdspace_is_not_overwritten() {
    let group = Group::new();
    let newer =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/golden/roster/newer.toml"))
            .unwrap();
    fs::write(group.file(), &newer).unwrap();
    for args in [
        &["add", "Sam", "--referred-by", "CMHT"][..],
        &["list"],
        &["set", "Ana", "left"],
    ] {
        let err = group.run(day(2), args).unwrap_err();
        assert!(err.contains("newer than this holdspace knows"), "{err}");
    }
    assert_eq!(group.text(), newer);
}

#[test]
fn unknown_names_and_bad_changes_leave_the_file_alone() {
    let group = full();
    let before = group.text();
    let err = group.run(day(3), &["contact", "Eve", "rang"]).unwrap_err();
    assert_eq!(
        err,
        "no one called \"Eve\" is on the roster; it has: Ana, Ben, Cy, Di"
    );
    assert!(
        group
            .run(day(3), &["contact", "Ana", "rang", "--on", "2026-03-04"])
            .is_err()
    );
    assert!(group.run(day(3), &["add", "ANA", "--referred-by", "x"]).is_err());
    assert_eq!(group.text(), before);
}

/// The real disk, except that every rename fails as on a full disk.
#[derive(Debug)]
struct NoRename;

impl Disk for NoRename {
    fn open(&self, path: &Path, how: Open) -> io::Result<Box<dyn Durable>> {
        Os.open(path, how)
    }
    fn temp(&self, target: &Path) -> io::Result<(PathBuf, Box<dyn Durable>)> {
        Os.temp(target)
    }
    fn rename(&self, _: &Path, _: &Path) -> io::Result<()> {
        Err(io::Error::from_raw_os_error(28))
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
fn a_change_that_cannot_be_saved_says_so_and_changes_nothing() {
    let group = full();
    let before = group.text();
    let err = group
        .on(day(3), &NoRename, &["set", "Ana", "confirmed"])
        .unwrap_err();
    assert!(
        err.starts_with("NOT SAVED: could not ") && err.ends_with("The roster is as it was."),
        "{err}"
    );
    assert_eq!(group.text(), before);
    let left: Vec<String> = fs::read_dir(&group.folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "roster.toml.lock")
        .collect();
    assert_eq!(left, ["roster.toml"], "no temporary file is left");
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("roster.csv");
    let err = group
        .on(
            day(3),
            &NoRename,
            &["export", "--csv", "-o", out.to_str().unwrap()],
        )
        .unwrap_err();
    assert!(err.contains("roster.csv"), "{err}");
}

/// Two roster commands at once take turns on the roster's lock: every referral made from two
/// threads is on the roster afterwards, none lost to the other's save.
#[test]
fn referrals_made_at_the_same_time_are_all_kept() {
    let group = Group::new();
    std::thread::scope(|scope| {
        for side in ["A", "B"] {
            let group = &group;
            scope.spawn(move || {
                for number in 0..25 {
                    let name = format!("{side}{number}");
                    group.ok(day(1), &["add", &name, "--referred-by", "CMHT"]);
                }
            });
        }
    });
    let list = group.ok(day(1), &["list"]);
    for side in ["A", "B"] {
        for number in 0..25 {
            assert!(
                list.contains(&format!("{side}{number} ")),
                "{side}{number} is missing:\n{list}"
            );
        }
    }
    let mode = fs::metadata(group.folder.join("roster.toml.lock"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// `referrers` is what each referring team is told: where each of theirs stands, and how many
/// sessions they came to.
#[test]
fn referrers_lists_each_teams_people_with_where_they_stand() {
    use holdspace::domain::owed::Seen;
    use holdspace::domain::record::Attendance;
    let mut group = full();
    group.ok(day(2), &["set", "Ana", "confirmed"]);
    group.ok(day(3), &["add", "Eve", "--referred-by", "Early Intervention"]);
    group.ok(day(4), &["set", "Cy", "declined"]);
    group.held = [(5, Some(Attendance::Present)), (6, Some(Attendance::Absent))]
        .into_iter()
        .map(|(n, attendance)| Held {
            on: day(n),
            people: vec![Seen {
                name: "ana".to_owned(),
                attendance,
                flags: Vec::new(),
            }],
        })
        .collect();
    assert_eq!(
        group.ok(day(7), &["referrers"]),
        "Tuesday group: for each referrer, on 2026-03-07

CMHT North
  Ana  confirmed since 2026-03-02                came to 1 of 2 sessions
  Ben  referred since 2026-03-02                 no sessions yet
  Cy   declined on 2026-03-04                    no sessions yet
  Di   waiting list, number 1, since 2026-03-02  no sessions yet

Early Intervention
  Eve  waiting list, number 2, since 2026-03-03  no sessions yet
"
    );
}

/// Removing someone leaves nothing of them in the roster file: not their name, contact details,
/// contacts, adjustments or what was done for them; the place they free is offered on.
#[test]
fn removing_someone_leaves_nothing_of_them_in_the_roster() {
    let group = full();
    group.ok(
        day(3),
        &[
            "edit",
            "Ana",
            "--email",
            "zqxv@example.org",
            "--phone",
            "07700 900123",
        ],
    );
    group.ok(day(3), &["adjust", "Ana", "Zqxv seat"]);
    group.ok(day(3), &["contact", "Ana", "Zqxv call"]);
    group.ok(day(3), &["done", "Ana", "referrer", "--note", "Zqxv told"]);
    let said = group.ok(day(4), &["remove", "ana"]);
    assert_eq!(
        said,
        "Ana is off the roster, with their contact details, 1 contact(s) and 1 thing(s) done. A \
         place is free: offer it to Di, first on the waiting list."
    );
    let text = group.text();
    assert!(
        !text.contains("Ana") && !text.to_lowercase().contains("zqxv"),
        "{text}"
    );
    let err = group.run(day(4), &["remove", "Ana"]).unwrap_err();
    assert!(err.starts_with("no one called \"Ana\" is on the roster"), "{err}");
}

/// Sending the waiver, and introducing the group, can be noted done like anything else owed:
/// each leaves the list until the person moves on to the next step.
#[test]
fn a_waiver_or_a_welcome_noted_done_leaves_the_list() {
    let group = full();
    group.ok(day(3), &["set", "Ben", "contacted"]);
    let owed = group.ok(day(4), &["to-contact"]);
    assert!(owed.contains("· Ana · call to introduce the group"), "{owed}");
    assert!(owed.contains("· Ben · send the confidentiality waiver"), "{owed}");
    group.ok(day(4), &["done", "Ana", "welcome", "--note", "rang, she is keen"]);
    group.ok(day(4), &["done", "Ben", "waiver", "--note", "posted it"]);
    let owed = group.ok(day(4), &["to-contact"]);
    assert!(
        !owed.contains("Ana · call to introduce") && !owed.contains("Ben · send the"),
        "{owed}"
    );
    let err = group
        .run(day(4), &["done", "Cy", "waiver", "--note", "x"])
        .unwrap_err();
    assert!(
        err.starts_with("nothing of the kind waiver is open for Cy"),
        "{err}"
    );
}
