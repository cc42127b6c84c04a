//! What is owed to whom between sessions: follow-ups flagged in sessions kept open until done,
//! a call for whoever missed two in a row, referrers told of each change, most urgent first.

use chrono::{DateTime, Days, NaiveDate, Utc};
use holdspace::domain::owed::{Held, Seen, to_contact};
use holdspace::domain::record::{Attendance, Flag, FollowUp};
use holdspace::domain::roster::{Closure, Owed, Reason, Referral, Roster};

/// Day `n` of March 2026.
fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + Days::new(n - 1)
}

fn at(n: u64) -> DateTime<Utc> {
    day(n).and_hms_opt(18, 30, 0).unwrap().and_utc()
}

fn flag(follow_up: FollowUp, note: &str, n: u64) -> Flag {
    Flag {
        follow_up,
        note: note.to_owned(),
        at: at(n),
    }
}

fn seen(name: &str, attendance: Option<Attendance>, flags: Vec<Flag>) -> Seen {
    Seen {
        name: name.to_owned(),
        attendance,
        flags,
    }
}

/// Ana and Ben, confirmed, referred by Jo Smith.
fn confirmed() -> Roster {
    let mut roster = Roster::default();
    for name in ["Ana", "Ben"] {
        let referral = Referral {
            name: name.to_owned(),
            referred_by: "Jo Smith, CMHT North".to_owned(),
            referred_on: day(1),
            adjustments: String::new(),
            reach: holdspace::domain::roster::Reach::default(),
        };
        roster.add(referral, 8, day(1)).unwrap();
        roster
            .set_status(name, holdspace::domain::roster::Status::Confirmed, 8, day(1))
            .unwrap();
    }
    roster
}

fn lines(roster: &Roster, held: &[Held], today: u64) -> Vec<(Reason, String, String, NaiveDate)> {
    to_contact(roster, held, 8, day(today), None)
        .into_iter()
        .map(|due| (due.reason, due.name, due.why, due.since))
        .collect()
}

/// The lines other than the referrers', which every first session adds.
fn not_referrers(roster: &Roster, held: &[Held], today: u64) -> Vec<(Reason, String, String, NaiveDate)> {
    lines(roster, held, today)
        .into_iter()
        .filter(|line| line.0 != Reason::TellReferrer)
        .collect()
}

fn done(roster: &mut Roster, name: &str, owed: Owed, n: u64) {
    roster.done.push(Closure {
        name: name.to_owned(),
        owed,
        on: day(n),
        note: "done".to_owned(),
    });
}

#[test]
fn a_safeguarding_flag_stays_open_first_until_it_is_done() {
    let mut roster = confirmed();
    let held = [Held {
        on: day(3),
        people: vec![
            seen(
                "Ana",
                Some(Attendance::Present),
                vec![flag(FollowUp::Safeguarding, "", 3)],
            ),
            seen(
                "Ben",
                Some(Attendance::Present),
                vec![flag(FollowUp::OneToOne, "after the break", 3)],
            ),
        ],
    }];
    assert_eq!(
        not_referrers(&roster, &held, 5),
        [
            (
                Reason::Safeguarding,
                "Ana".to_owned(),
                "safeguarding: pass to Jo Smith, CMHT North".to_owned(),
                day(3)
            ),
            (
                Reason::OneToOne,
                "Ben".to_owned(),
                "one-to-one offered: arrange it (after the break)".to_owned(),
                day(3)
            ),
        ],
        "every flag stays open, safeguarding first, with the day it was raised"
    );
    // Done before the session it was raised in closes nothing.
    done(&mut roster, "ana", Owed::Safeguarding, 2);
    assert_eq!(not_referrers(&roster, &held, 5).len(), 2);
    done(&mut roster, "ana", Owed::Safeguarding, 4);
    assert_eq!(
        not_referrers(&roster, &held, 5).first().map(|line| line.0),
        Some(Reason::OneToOne),
        "done on the 4th, for a flag of the 3rd"
    );
}

#[test]
fn a_flag_raised_again_stays_one_line_from_the_first_still_open() {
    let roster = confirmed();
    let held: Vec<Held> = [3, 10]
        .into_iter()
        .map(|n| Held {
            on: day(n),
            people: vec![seen(
                "Ana",
                Some(Attendance::Present),
                vec![flag(FollowUp::CallBeforeNext, &format!("from the {n}th"), n)],
            )],
        })
        .collect();
    assert_eq!(
        not_referrers(&roster, &held, 11),
        [(
            Reason::Call,
            "Ana".to_owned(),
            "call before the next session (from the 10th)".to_owned(),
            day(3)
        )]
    );
}

/// An absence with word sent is not a worry; one without word is, and so are two in a row
/// either way. Each is one call, gone once done.
#[test]
fn whoever_is_absent_without_word_or_twice_in_a_row_is_called_once() {
    let mut roster = confirmed();
    let session = |n, ana| Held {
        on: day(n),
        people: vec![
            seen("Ana", ana, Vec::new()),
            seen("Ben", Some(Attendance::Present), Vec::new()),
        ],
    };
    let (absent, word) = (Some(Attendance::Absent), Some(Attendance::SentWord));
    let present = Some(Attendance::Present);
    let calls = |roster: &Roster, held: &[Held]| {
        lines(roster, held, 12)
            .into_iter()
            .filter(|line| line.0 == Reason::Call)
            .map(|line| (line.1, line.2, line.3))
            .collect::<Vec<_>>()
    };
    assert!(
        calls(&roster, &[session(3, present), session(10, word)]).is_empty(),
        "word was sent"
    );
    assert_eq!(
        calls(&roster, &[session(3, present), session(10, absent)]),
        [(
            "Ana".to_owned(),
            format!("absent on {} without sending word: check in", day(10)),
            day(10)
        )]
    );
    let twice = [session(3, word), session(10, word)];
    assert_eq!(
        calls(&roster, &twice),
        [(
            "Ana".to_owned(),
            "missed 2 in a row: check in".to_owned(),
            day(10)
        )]
    );
    done(&mut roster, "Ana", Owed::Call, 11);
    assert!(calls(&roster, &twice).is_empty());
    assert!(calls(&roster, &[session(3, present), session(10, absent)]).is_empty());
}

#[test]
fn a_referrer_hears_of_a_first_session_and_of_the_waiting_list() {
    let mut roster = Roster::default();
    for name in ["Ana", "Ben"] {
        let referral = Referral {
            name: name.to_owned(),
            referred_by: "Early Intervention".to_owned(),
            referred_on: day(1),
            adjustments: String::new(),
            reach: holdspace::domain::roster::Reach::default(),
        };
        roster.add(referral, 1, day(1)).unwrap();
    }
    let held = [Held {
        on: day(3),
        people: vec![seen("Ana", Some(Attendance::Late), Vec::new())],
    }];
    let told: Vec<String> = lines(&roster, &held, 4)
        .into_iter()
        .filter(|line| line.0 == Reason::TellReferrer)
        .map(|line| line.2)
        .collect();
    assert_eq!(
        told,
        [
            "tell Early Intervention: Ana has a place",
            "tell Early Intervention: Ben is on the waiting list, number 1",
            "tell Early Intervention: Ana came to their first session on 2026-03-03",
        ]
    );
    done(&mut roster, "Ana", Owed::Referrer, 4);
    assert!(
        lines(&roster, &held, 4)
            .iter()
            .all(|line| line.0 != Reason::TellReferrer || line.1 == "Ben"),
        "one note tells the referrer everything up to its day"
    );
}
