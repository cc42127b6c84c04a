//! A group's history from its logs: which sessions are the group's, who came to which (names
//! matched ignoring case, Unicode included), the counts per person, and the printed table.

use crate::fixture;

use chrono::FixedOffset;
use fixture::group::{ABSENT, LATE, LEFT_EARLY, PRESENT, loaded, session};
use holdspace::domain::record::Attendance;
use holdspace::session::history::{self, History, Mark};
use holdspace::util::format::Zone;

fn utc() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(0).expect("UTC"))
}

fn listed(attendance: Option<Attendance>) -> Mark {
    Mark::Listed {
        expected: true,
        attendance,
    }
}

#[test]
fn a_groups_sessions_are_matched_ignoring_case_and_spaces_without_rehearsals() {
    let mut rehearsal = session("Tuesday group", 1, &[]);
    rehearsal.rehearsal = true;
    let logs = loaded([
        session("Tuesday group", 2, &[]),
        session("  TUESDAY GROUP ", 0, &[]),
        rehearsal,
        session("Thursday group", 3, &[]),
        session("Tuesday groups", 4, &[]),
    ]);
    let found = history::sessions(&logs, "tuesday group");
    let weeks: Vec<i64> = found
        .iter()
        .map(|log| (log.started_at - logs[1].log.started_at).num_weeks())
        .collect();
    assert_eq!(weeks, [0, 2], "oldest first, no rehearsal, no near-miss names");
    assert!(
        history::belongs(&logs[2].log, "Tuesday Group"),
        "a rehearsal still belongs"
    );
    assert!(history::known(&logs, " tuesday GROUP").is_ok());
}

#[test]
fn an_unknown_group_lists_the_groups_there_are_in_their_latest_spelling() {
    let logs = loaded([
        session("tuesday group", 0, &[]),
        session("Thursday\x1b[2J group", 1, &[]),
        session("Tuesday Group", 2, &[]),
    ]);
    let err = history::known(&logs, "Wednesday\x07").unwrap_err().to_string();
    assert_eq!(
        err,
        "no sessions of a group called \"Wednesday\u{FFFD}\"; the groups are: \
         Thursday\u{FFFD}[2J group, Tuesday Group"
    );
    let err = history::known(&[], "Tuesday").unwrap_err().to_string();
    assert!(err.contains("no sessions are saved yet"), "{err}");
}

#[test]
fn people_are_matched_ignoring_case_and_shown_as_last_spelt() {
    let logs = loaded([
        session(
            "G",
            0,
            &[
                ("zoë", PRESENT, None),
                ("Ana", LATE, None),
                ("مريم", ABSENT, None),
            ],
        ),
        session("G", 1, &[("ANA", LEFT_EARLY, None), ("Bo", None, None)]),
        session(
            "G",
            2,
            &[
                (" ZOË ", PRESENT, None),
                ("ana", ABSENT, None),
                ("مريم", PRESENT, None),
            ],
        ),
    ]);
    let history = History::of(&logs, "g");
    let names: Vec<&str> = history.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["ana", "Bo", "ZOË", "مريم"], "by name ignoring case");
    let ana = &history.people[0];
    assert_eq!(ana.marks, [listed(LATE), listed(LEFT_EARLY), listed(ABSENT)]);
    assert_eq!((ana.attended(), ana.listed()), (2, 3));
    let bo = &history.people[1];
    assert_eq!(bo.marks, [Mark::NotListed, listed(None), Mark::NotListed]);
    assert_eq!((bo.attended(), bo.listed(), bo.rate()), (0, 1, 0.0));
    let zoe = &history.people[2];
    assert_eq!((zoe.attended(), zoe.listed(), zoe.rate()), (2, 2, 1.0));
    let maryam = &history.people[3];
    assert_eq!((maryam.attended(), maryam.listed(), maryam.rate()), (1, 2, 0.5));
    assert_eq!(history.attending(), [2, 1, 2]);
}

#[test]
fn someone_added_on_the_day_is_listed_but_not_expected() {
    let mut log = session("G", 0, &[("Ana", PRESENT, None), ("Fay", PRESENT, None)]);
    log.participants[1].expected = false;
    let logs = loaded([log, session("G", 1, &[("Fay", ABSENT, None)])]);
    let history = History::of(&logs, "G");
    let fay = &history.people[1];
    assert_eq!((fay.attended(), fay.listed()), (1, 2));
    assert_eq!(fay.expected(), (1, 0), "expected once, and absent that time");
    assert_eq!(history.people[0].expected(), (1, 1));
}

#[test]
fn a_name_twice_in_one_hand_edited_log_counts_once() {
    let mut log = session("G", 0, &[("Ana", PRESENT, None), ("Bo", ABSENT, None)]);
    log.participants[1].name = "ana".to_owned();
    let logs = loaded([log]);
    let history = History::of(&logs, "G");
    assert_eq!(history.people.len(), 1);
    assert_eq!(history.people[0].marks, [listed(PRESENT)]);
    assert_eq!(history.attending(), [1]);
}

#[test]
fn the_printed_table_shows_every_mark_with_a_legend() {
    let logs = loaded([
        session(
            "Tuesday group",
            0,
            &[("Ana", PRESENT, None), ("Bo", LATE, None), ("Zoë", None, None)],
        ),
        session(
            "tuesday group",
            1,
            &[
                ("ana", LEFT_EARLY, None),
                ("Bo", ABSENT, None),
                ("Cy\x1b]0;x\x07", PRESENT, None),
            ],
        ),
    ]);
    let table = history::table(&History::of(&logs, "TUESDAY GROUP"), utc());
    insta::assert_snapshot!("attendance_two_sessions", table);
    assert!(!table.contains(['\x1b', '\x07']), "{table}");
}

#[test]
fn more_than_twelve_sessions_show_the_latest_twelve_within_100_columns() {
    let long = "Bartholomew-Alexander Featherstonehaugh";
    let logs = loaded((0..14).map(|week| {
        let first = if week < 2 { ABSENT } else { PRESENT };
        session("G", week, &[(long, first, None), ("Bo", PRESENT, None)])
    }));
    let table = history::table(&History::of(&logs, "G"), utc());
    assert!(
        table.contains(
            "The 2 oldest session(s) are left out of the columns; the attended counts include them."
        ),
        "{table}"
    );
    for row in table.lines() {
        assert!(
            row.chars().count() <= 100,
            "{} columns: {row:?}",
            row.chars().count()
        );
    }
    let row = table
        .lines()
        .find(|row| row.starts_with("Bartholomew"))
        .expect("a row");
    assert!(
        row.starts_with("Bartholomew-Alexander F…"),
        "cut to 24 with …: {row}"
    );
    assert_eq!(row.matches('✓').count(), 12, "{row}");
    assert!(row.ends_with("12 of 14  86%"), "{row}");
    let months = table
        .lines()
        .find(|row| row.trim_start().starts_with("Dec"))
        .expect("months");
    assert_eq!(months.split_whitespace().count(), 12, "{months}");
}

#[test]
fn a_group_with_no_sessions_or_no_one_named_says_so() {
    let mut rehearsal = session("G", 0, &[("Ana", PRESENT, None)]);
    rehearsal.rehearsal = true;
    let logs = loaded([rehearsal]);
    assert_eq!(
        history::table(&History::of(&logs, " g "), utc()),
        "No sessions of g are saved (rehearsals are not counted).\n"
    );
    let logs = loaded([session("G", 0, &[])]);
    let table = history::table(&History::of(&logs, "G"), utc());
    assert!(table.ends_with("No one was named at any of them.\n"), "{table}");
}

/// The facilitator's workload: a session's 90 minutes, the time from the first checklist tick
/// to the start and from the end to the last thing recorded (each at most two hours), only for
/// real sessions on the days asked for.
#[test]
fn workload_counts_real_sessions_on_the_days_asked_for() {
    use chrono::TimeDelta;
    use holdspace::domain::EventKind;
    use holdspace::domain::checklist::Check;
    use holdspace::session::workload;
    let mut first = session("Tuesday group", 0, &[("Ana", None, None)]);
    if let EventKind::Started(meta) = &mut first.events[0].kind {
        meta.checklist = vec![Check {
            item: "Chairs".to_owned(),
            ticked_at: Some(first.started_at - TimeDelta::minutes(25)),
        }];
    }
    let mut reviewed = first.events.last().expect("an event").clone();
    reviewed.at = first.ended_at + TimeDelta::minutes(12);
    reviewed.kind = EventKind::Summarised {
        text: "went well".to_owned(),
    };
    first.events.push(reviewed);
    let mut rehearsal = session("Tuesday group", 0, &[]);
    rehearsal.rehearsal = true;
    let later = session("Tuesday group", 2, &[]);
    let day = |at: chrono::DateTime<chrono::Utc>| at.date_naive();
    let logs = [&first, &rehearsal, &later];
    let from = first.started_at.date_naive();
    let load = workload::between(&logs, &[], from, from + chrono::Days::new(6), day);
    assert_eq!(
        (load.sessions, load.running, load.preparing, load.reviewing),
        (
            1,
            TimeDelta::minutes(90),
            TimeDelta::minutes(25),
            TimeDelta::minutes(12)
        )
    );
    let month = workload::between(&logs, &[], from, from + chrono::Days::new(29), day);
    assert_eq!((month.sessions, month.running), (2, TimeDelta::minutes(180)));
}
