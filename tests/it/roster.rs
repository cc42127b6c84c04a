//! A group's roster: places against capacity, the waiting list, status changes, and who to
//! contact on a given day.

use chrono::{Days, NaiveDate};
use holdspace::domain::hands::MAX_NAME_CHARS;
use holdspace::domain::roster::{Contact, Referral, Roster, Status, ToContact};
use proptest::prelude::*;

/// Day `n` of March 2026.
fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + Days::new(n - 1)
}

fn referral(name: &str) -> Referral {
    Referral {
        name: name.to_owned(),
        referred_by: "Jo, CMHT North".to_owned(),
        referred_on: day(1),
        adjustments: String::new(),
        reach: holdspace::domain::roster::Reach::default(),
    }
}

/// A roster of `names` added on the 2nd to a group of `capacity`.
fn roster(capacity: u32, names: &[&str]) -> Roster {
    let mut roster = Roster::default();
    for name in names {
        roster.add(referral(name), capacity, day(2)).unwrap();
    }
    roster
}

fn status(roster: &Roster, name: &str) -> Status {
    roster.members[roster.find(name).unwrap()].status
}

fn waiting(roster: &Roster) -> Vec<&str> {
    roster.waiting_list().iter().map(|m| m.name.as_str()).collect()
}

fn contacts(list: &[ToContact]) -> Vec<(&str, &str)> {
    list.iter().map(|c| (c.name.as_str(), c.why.as_str())).collect()
}

#[test]
fn referrals_take_places_until_the_group_is_full_then_wait() {
    let mut r = roster(2, &["Ana", "Ben"]);
    assert_eq!(r.places_held(), 2);
    assert_eq!(
        r.add(referral("Cy"), 2, day(3)).unwrap(),
        "The group is full (2 of 2 places): Cy goes on the waiting list, number 1."
    );
    assert_eq!(
        r.add(referral("Sam"), 2, day(3)).unwrap(),
        "The group is full (2 of 2 places): Sam goes on the waiting list, number 2."
    );
    assert_eq!(status(&r, "Sam"), Status::WaitingList);
    assert_eq!(r.places_held(), 2);

    let mut r = roster(8, &["Ana"]);
    assert_eq!(
        r.add(referral("Ben"), 8, day(3)).unwrap(),
        "Ben is referred and holds a place (2 of 8 places now held)."
    );
    let ben = &r.members[1];
    assert_eq!(
        (ben.status, ben.status_since, ben.referred_on),
        (Status::Referred, day(3), day(1))
    );
}

#[test]
fn names_follow_the_sessions_rules() {
    let mut r = roster(8, &["Ana"]);
    let mut refused = |name: &str| r.add(referral(name), 8, day(3)).unwrap_err().to_string();
    assert_eq!(refused("   "), "a name cannot be blank");
    assert!(refused(&"x".repeat(MAX_NAME_CHARS + 1)).contains("too long"));
    assert_eq!(refused(" aNA "), "Ana is already on the roster (referred)");
    r.add(referral(&"x".repeat(MAX_NAME_CHARS)), 8, day(3)).unwrap();
    r.add(referral("  Zoë 🌱  "), 8, day(3)).unwrap();
    assert_eq!(r.members[2].name, "Zoë 🌱", "kept trimmed");
}

#[test]
fn a_referral_needs_a_source_and_a_date_not_in_the_future() {
    let mut r = Roster::default();
    let blank = Referral {
        referred_by: " ".into(),
        ..referral("Ana")
    };
    assert!(
        r.add(blank, 8, day(3))
            .unwrap_err()
            .to_string()
            .contains("who referred")
    );
    let future = Referral {
        referred_on: day(4),
        ..referral("Ana")
    };
    let err = r.add(future, 8, day(3)).unwrap_err().to_string();
    assert!(err.contains("2026-03-04") && err.contains("after today"), "{err}");
    assert!(r.members.is_empty());
}

#[test]
fn names_in_messages_cannot_drive_the_terminal() {
    let mut r = roster(1, &["Ana"]);
    let said = r.add(referral("Sam\x1b[2J\u{202e}"), 1, day(3)).unwrap();
    assert!(!said.contains('\x1b') && !said.contains('\u{202e}'), "{said:?}");
    let err = r
        .set_status("nobody\x07", Status::Left, 1, day(3))
        .unwrap_err()
        .to_string();
    assert!(!err.chars().any(char::is_control), "{err:?}");
}

#[test]
fn taking_up_a_place_when_full_is_refused_naming_the_places() {
    let mut r = roster(2, &["Ana", "Ben", "Cy"]);
    r.set_status("Cy", Status::Declined, 2, day(4)).unwrap();
    let before = r.clone();
    for from in [Status::WaitingList, Status::Declined, Status::Left] {
        r.members[2].status = from;
        let err = r
            .set_status("cy", Status::Confirmed, 2, day(5))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("The group is full (2 of 2 places: Ana, Ben): Cy stays "),
            "{err}"
        );
        assert!(err.contains("declined or left frees a place"), "{err}");
    }
    r.members[2].status = Status::Declined;
    assert_eq!(r, before, "a refusal changes nothing");
    // Moving between places is not taking another.
    r.set_status("Ana", Status::Contacted, 2, day(5)).unwrap();
}

#[test]
fn leaving_frees_a_place_for_the_first_waiting() {
    let mut r = roster(2, &["Ana", "Ben", "Cy", "Di"]);
    assert_eq!(
        r.set_status("Ben", Status::Left, 2, day(6)).unwrap(),
        "Ben: referred → left (1 of 2 places held). A place is free: offer it to Cy, first on \
         the waiting list."
    );
    assert_eq!(r.members[1].status_since, day(6));
    assert_eq!(
        r.set_status("Cy", Status::Contacted, 2, day(7)).unwrap(),
        "Cy: waiting list → contacted (2 of 2 places held)."
    );
    assert_eq!(waiting(&r), ["Di"]);
    let err = r
        .set_status("Cy", Status::Contacted, 2, day(7))
        .unwrap_err()
        .to_string();
    assert_eq!(err, "Cy is already contacted: nothing changed");
    let err = r
        .set_status("Eve", Status::Left, 2, day(7))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "no one called \"Eve\" is on the roster; it has: Ana, Ben, Cy, Di"
    );
    let err = Roster::default()
        .set_status("Eve", Status::Left, 2, day(7))
        .unwrap_err()
        .to_string();
    assert_eq!(err, "no one called \"Eve\": the roster is empty");
}

#[test]
fn the_waiting_list_is_in_the_order_people_went_on_it() {
    let mut r = roster(1, &["Ana", "Ben", "Cy"]);
    r.add(referral("Di"), 1, day(1)).unwrap();
    // Di went on it a day before Ben and Cy; Ben and Cy on the same day, in roster order.
    assert_eq!(waiting(&r), ["Di", "Ben", "Cy"]);
    r.set_status("Ben", Status::Declined, 1, day(5)).unwrap();
    r.set_status("Ben", Status::WaitingList, 1, day(6)).unwrap();
    assert_eq!(waiting(&r), ["Di", "Cy", "Ben"], "back to the end of the line");
    let said = r.add(referral("Eve"), 1, day(6)).unwrap();
    assert!(
        said.ends_with("Eve goes on the waiting list, number 4."),
        "{said}"
    );
}

/// Confirming someone whose confidentiality waiver is not back says so; it is the usual way only
/// once the waiver has come back.
#[test]
fn confirming_before_the_waiver_is_back_warns() {
    let mut r = roster(8, &["Ana", "Ben"]);
    let said = r.set_status("Ana", Status::Confirmed, 8, day(3)).unwrap();
    assert!(
        said.ends_with("Their confidentiality waiver has not come back: ask for it before the session."),
        "{said}"
    );
    r.set_status("Ben", Status::WaiverReturned, 8, day(3)).unwrap();
    let said = r.set_status("Ben", Status::Confirmed, 8, day(4)).unwrap();
    assert_eq!(said, "Ben: waiver returned → confirmed (2 of 8 places held).");
}

#[test]
fn the_confirmed_are_expected_in_roster_order() {
    let mut r = roster(8, &["Ana", "Ben", "Cy", "Di"]);
    for name in ["Di", "Ben"] {
        r.set_status(name, Status::Confirmed, 8, day(3)).unwrap();
    }
    r.set_status("Cy", Status::WaiverReturned, 8, day(3)).unwrap();
    assert_eq!(r.expected(), ["Ben", "Di"]);
}

#[test]
fn contacts_are_noted_in_date_order_and_never_in_the_future() {
    let mut r = roster(8, &["Ana"]);
    let contact = |on, note: &str| Contact {
        on,
        note: note.to_owned(),
    };
    let said = r
        .log_contact("ana", contact(day(5), " rang, keen "), day(5))
        .unwrap();
    assert_eq!(said, "Contact with Ana on 2026-03-05 noted (1 in all).");
    r.log_contact("Ana", contact(day(3), "letter"), day(5)).unwrap();
    assert_eq!(
        r.members[0].contacts,
        [contact(day(3), "letter"), contact(day(5), "rang, keen")]
    );
    let err = r
        .log_contact("Ana", contact(day(6), "x"), day(5))
        .unwrap_err()
        .to_string();
    assert_eq!(err, "the contact date 2026-03-06 is after today (2026-03-05)");
    assert!(r.log_contact("Ana", contact(day(5), "  "), day(5)).is_err());
    assert_eq!(r.members[0].contacts.len(), 2);
}

#[test]
fn adjustments_are_set_and_cleared() {
    let mut r = roster(8, &["Ana"]);
    let said = r.adjust("Ana", " a seat near the door ").unwrap();
    assert_eq!(said, "Adjustments for Ana: a seat near the door");
    assert_eq!(r.members[0].adjustments, "a seat near the door");
    assert_eq!(r.adjust("Ana", "").unwrap(), "Ana has no adjustments noted now.");
}

#[test]
fn statuses_are_read_as_files_and_people_write_them() {
    for status in Status::ALL {
        assert_eq!(status.key().parse::<Status>(), Ok(status));
        assert_eq!(status.describe().parse::<Status>(), Ok(status));
    }
    assert_eq!("Waiver-Sent".parse::<Status>(), Ok(Status::WaiverSent));
    let err = "confirmd".parse::<Status>().unwrap_err().to_string();
    assert_eq!(
        err,
        "\"confirmd\" is not a status; use one of: referred, contacted, waiver_sent, \
         waiver_returned, confirmed, waiting_list, declined, left"
    );
    let holding: Vec<Status> = Status::ALL.into_iter().filter(|s| s.holds_place()).collect();
    assert_eq!(
        holding,
        [
            Status::Referred,
            Status::Contacted,
            Status::WaiverSent,
            Status::WaiverReturned,
            Status::Confirmed
        ]
    );
}

#[test]
fn who_to_contact_follows_the_days() {
    let mut r = roster(4, &["Ana", "Ben", "Cy", "Di"]);
    r.set_status("Ana", Status::Confirmed, 4, day(2)).unwrap();
    r.set_status("Ben", Status::WaiverSent, 4, day(2)).unwrap();
    r.set_status("Cy", Status::Contacted, 4, day(2)).unwrap();
    let meeting = Some(day(10));

    assert_eq!(
        contacts(&r.to_contact(4, day(8), meeting)),
        [
            ("Di", "call to introduce the group"),
            ("Cy", "send the confidentiality waiver")
        ],
        "the waiver went out 6 days ago; the meeting is two days off"
    );
    assert_eq!(
        contacts(&r.to_contact(4, day(9), meeting)),
        [
            ("Ana", "reminder: the group meets tomorrow"),
            ("Ben", "chase the waiver (sent 7 days ago)"),
            ("Di", "call to introduce the group"),
            ("Cy", "send the confidentiality waiver"),
        ]
    );
    let on_the_day = r.to_contact(4, day(10), meeting);
    assert_eq!(
        on_the_day[0].why, "chase the waiver (sent 8 days ago)",
        "no reminder on the day"
    );
    assert_eq!(
        r.to_contact(4, day(9), None).len(),
        3,
        "no meeting set: no reminder"
    );
}

#[test]
fn free_places_are_offered_to_those_waiting_longest() {
    let mut r = roster(2, &["Ana", "Ben", "Cy", "Di", "Eve"]);
    r.set_status("Ana", Status::Confirmed, 2, day(2)).unwrap();
    r.set_status("Ben", Status::Confirmed, 2, day(2)).unwrap();
    assert!(r.to_contact(2, day(3), None).is_empty(), "full: nothing to offer");
    r.set_status("Ben", Status::Left, 2, day(3)).unwrap();
    assert_eq!(
        contacts(&r.to_contact(2, day(3), None)),
        [("Cy", "a place is free: offer it")]
    );
    assert_eq!(
        contacts(&r.to_contact(4, day(3), None)),
        [
            ("Cy", "a place is free: offer it"),
            ("Di", "a place is free: offer it"),
            ("Eve", "a place is free: offer it")
        ],
        "as many offers as free places, first in line first"
    );
}

#[test]
fn within_a_reason_who_has_waited_longest_comes_first() {
    let mut r = roster(8, &["Ana", "Ben", "Cy"]);
    r.set_status("Ana", Status::WaiverSent, 8, day(3)).unwrap();
    r.set_status("Ben", Status::WaiverSent, 8, day(2)).unwrap();
    r.set_status("Cy", Status::WaiverSent, 8, day(3)).unwrap();
    assert_eq!(
        contacts(&r.to_contact(8, day(12), None)),
        [
            ("Ben", "chase the waiver (sent 10 days ago)"),
            ("Ana", "chase the waiver (sent 9 days ago)"),
            ("Cy", "chase the waiver (sent 9 days ago)"),
        ]
    );
}

#[derive(Debug, Clone)]
enum Step {
    Add(usize),
    Set(usize, Status),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0usize..8).prop_map(Step::Add),
        (0usize..8, prop::sample::select(Status::ALL.to_vec())).prop_map(|(who, s)| Step::Set(who, s)),
    ]
}

const NAMES: [&str; 8] = ["Ana", "Ben", "Cy", "Di", "Eve", "Fin", "Gus", "Hal"];

proptest! {
    #[test]
    fn places_held_never_exceed_capacity(
        capacity in 0u32..5,
        steps in prop::collection::vec((step(), 0u64..3), 0..60),
    ) {
        let mut r = Roster::default();
        let mut today = day(1);
        for (step, advance) in &steps {
            today = today + Days::new(*advance);
            let before = r.clone();
            let done = match step {
                Step::Add(who) => r.add(referral(NAMES[*who]), capacity, today),
                Step::Set(who, status) => r.set_status(NAMES[*who], *status, capacity, today),
            };
            prop_assert!(r.places_held() <= capacity as usize, "{step:?}: {r:?}");
            if done.is_err() {
                prop_assert_eq!(&r, &before, "a refusal changes nothing");
            }
            let waiting = r.waiting_list();
            prop_assert!(waiting.windows(2).all(|pair| pair[0].status_since <= pair[1].status_since));
            if r.places_held() < capacity as usize
                && let Some(first) = waiting.first()
            {
                let due = r.to_contact(capacity, today, None);
                prop_assert!(due.iter().any(|c| c.name == first.name && c.why.contains("offer")));
            }
        }
        let mut names: Vec<String> = r.members.iter().map(|m| m.name.to_lowercase()).collect();
        names.sort();
        names.dedup();
        prop_assert_eq!(names.len(), r.members.len());
    }
}

/// Free text on the roster is a note, not a document: a referrer, adjustments, a contact's note
/// or a done note longer than a record's text is refused naming what and the limit, and the
/// roster is as it was, so a long paste can never grow the file past what holdspace reads back.
#[test]
fn roster_text_past_the_record_limit_is_refused_and_changes_nothing() {
    use holdspace::domain::record::MAX_TEXT_CHARS;
    use holdspace::domain::roster::{Closure, Owed};
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let fits = "x".repeat(MAX_TEXT_CHARS);
    let mut list = roster(4, &["Ana"]);
    let before = list.clone();
    let refused = |result: Result<String, holdspace::domain::roster::RosterError>, what: &str| {
        let err = result.expect_err("refused").to_string();
        assert!(
            err.contains(what) && err.contains(&format!("{MAX_TEXT_CHARS} characters")),
            "{what}: {err}"
        );
    };
    refused(
        list.add(
            Referral {
                referred_by: long.clone(),
                ..referral("Bo")
            },
            4,
            day(1),
        ),
        "who referred them",
    );
    refused(
        list.add(
            Referral {
                adjustments: long.clone(),
                ..referral("Bo")
            },
            4,
            day(1),
        ),
        "what would help them feel welcome",
    );
    refused(list.adjust("Ana", &long), "what would help them feel welcome");
    let contact = |note: &str| Contact {
        on: day(1),
        note: note.to_owned(),
    };
    refused(
        list.log_contact("Ana", contact(&long), day(1)),
        "the contact's note",
    );
    let closure = |note: &str| Closure {
        name: "Ana".to_owned(),
        owed: Owed::Call,
        on: day(1),
        note: note.to_owned(),
    };
    refused(
        list.close(closure(&long), true, day(1)),
        "the note of what was done",
    );
    assert_eq!(list, before, "nothing changed");
    assert!(list.adjust("Ana", &fits).is_ok());
    assert!(list.log_contact("Ana", contact(&fits), day(1)).is_ok());
    assert!(list.close(closure(&fits), true, day(1)).is_ok());
}
