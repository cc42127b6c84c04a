//! Those who came without being on the group's roster: who is offered a place on it (the domain
//! rule), what adding them would do to the group's places, and the review's question driven key
//! by key, with the roster file read back.

use crate::fixture;

use chrono::NaiveDate;
use fixture::{Run, at, code, key, people, start_meta, started};
use holdspace::domain::Command;
use holdspace::domain::checklist::Setting;
use holdspace::domain::group::Group;
use holdspace::domain::hands::FloorCommand as F;
use holdspace::domain::record::{Attendance as A, RecordCommand as R};
use holdspace::domain::roster::{Referral, Roster, Status};
use holdspace::session::newcomers::CAME_ON_THE_DAY;
use holdspace::store::groups;
use holdspace::store::roster as file;
use holdspace::ui::app::{App, Offered, Outcome, Overlay, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const GROUP: &str = "Tuesday group";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).expect("a day")
}

/// A roster holding a place for each of `names`, referred a week before the session.
fn roster(names: &[&str]) -> Roster {
    let mut roster = Roster::default();
    for name in names {
        let referral = Referral {
            name: (*name).to_owned(),
            referred_by: "Community team".to_owned(),
            referred_on: day(),
            adjustments: String::new(),
            reach: holdspace::domain::roster::Reach::default(),
        };
        roster.add(referral, 8, day()).expect("added");
    }
    roster
}

fn add(name: &str) -> Command {
    Command::Floor(F::AddParticipant(name.to_owned()))
}

#[test]
fn those_who_attended_and_are_not_on_the_roster_are_offered_in_the_order_they_came() {
    let mut r = Run::begin(started(people("t", &["Ana", "Bo", "Fi"])));
    r.run(Command::Floor(F::RaiseHand(2)), at(5, 0));
    r.run(Command::Floor(F::NextSpeaker), at(5, 0));
    r.run(Command::Floor(F::NextSpeaker), at(7, 0));
    r.run(
        Command::Record(R::Attend {
            who: 1,
            attendance: A::Absent,
        }),
        at(8, 0),
    );
    for name in ["Cy", "dee", "Eve"] {
        r.run(add(name), at(10, 0));
    }
    r.run(
        Command::Record(R::Attend {
            who: 5,
            attendance: A::SentWord,
        }),
        at(11, 0),
    );
    r.run(Command::End, at(90, 0));
    let on_roster = roster(&["Ana", "DEE"]);
    // Ana is on it; Bo and Eve did not come; Dee is on it in other capitals; Fi, expected
    // without being on it, spoke, so came; Cy was added on the day.
    assert_eq!(on_roster.newcomers(&r.s), ["Fi", "Cy"]);
    assert_eq!(roster(&["Fi", "cy", "Dee"]).newcomers(&r.s), Vec::<String>::new());
    // Ana's attendance was not recorded: not known to have come, so not offered.
    assert_eq!(Roster::default().newcomers(&r.s), ["Fi", "Cy", "dee"]);
}

#[test]
fn the_offer_says_when_adding_someone_would_go_past_the_places_as_add_then_does() {
    let mut on_roster = roster(&["Ana"]);
    let said = |roster: &Roster, ahead| roster.newcomer_goes("Cy", 2, ahead);
    assert_eq!(
        said(&on_roster, 0),
        "1 of 2 places are held: added, Cy holds a place (2 then held)."
    );
    assert_eq!(
        said(&on_roster, 1),
        "The group is full (2 of 2 places held): added, Cy goes on the waiting list, number 1."
    );
    assert_eq!(
        said(&on_roster, 3),
        "The group is full (2 of 2 places held): added, Cy goes on the waiting list, number 3."
    );
    // As it says, so `add` does: Bo takes the last place, and Cy goes on the waiting list.
    for name in ["Bo", "Cy"] {
        let referral = Referral {
            name: name.to_owned(),
            referred_by: CAME_ON_THE_DAY.to_owned(),
            referred_on: day(),
            adjustments: String::new(),
            reach: holdspace::domain::roster::Reach::default(),
        };
        on_roster.add(referral, 2, day()).expect("added");
    }
    let status: Vec<Status> = on_roster.members.iter().map(|m| m.status).collect();
    assert_eq!(status, [Status::Referred, Status::Referred, Status::WaitingList]);
}

/// The app for a session of the saved group, 2 places, with `on_roster` on its roster (no
/// roster file when empty) and Ana expected; ended at 19:32 with Cy and Dee added in the review.
fn ended_with_two_unannounced(on_roster: &[&str]) -> (TempDir, App, PathBuf) {
    let mut meta = people("test", &["Ana"]);
    meta.plan.group = GROUP.to_owned();
    let (tmp, mut app) = start_meta(meta, true);
    let stored = groups::create(
        &app.dir,
        Group::new(GROUP, Setting::InPerson, 2, "peer-support-90"),
    )
    .expect("the group is saved");
    let path = file::path(&stored.folder);
    if !on_roster.is_empty() {
        roster(on_roster)
            .save(app.dir.disk().as_ref(), &path)
            .expect("saved");
    }
    app.tick(at(92, 0));
    press(&mut app, "qyp+Cy⏎+Dee⏎");
    assert_eq!(app.screen, Screen::Review);
    (tmp, app, path)
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, code(c));
    }
}

/// The words on the screen, borders left out, so a sentence wrapped in a box reads whole.
fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a test terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("the frame draws");
    let buffer = terminal.backend().buffer();
    let text: String = (buffer.content.iter())
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    let text = text.replace('│', " ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn names(path: &Path) -> Vec<(String, Status, String, NaiveDate)> {
    let roster = Roster::load(path).expect("the roster reads");
    (roster.members.into_iter())
        .map(|m| (m.name, m.status, m.referred_by, m.referred_on))
        .collect()
}

#[test]
fn yes_adds_them_to_a_roster_the_group_had_not_yet_then_the_review_finishes() {
    let (_tmp, mut app, path) = ended_with_two_unannounced(&[]);
    press(&mut app, "q");
    let Some(Overlay::Newcomers(asked)) = &app.overlay else {
        panic!("the roster's offer is asked: {:?}", app.overlay);
    };
    assert_eq!(asked.offer.names, ["Ana", "Cy", "Dee"]);
    let text = screen(&app);
    assert!(
        text.contains("0 of 2 places are held: added, Ana holds a place (1 then held)."),
        "{text}"
    );
    press(&mut app, "⎋");
    assert_eq!(
        (app.overlay.clone(), app.outcome.clone()),
        (None, None),
        "Esc: back to the review"
    );
    assert!(!path.exists());
    press(&mut app, "qyyy");
    assert!(
        matches!(app.outcome, Some(Outcome::Finished(_))),
        "{:?}",
        app.message
    );
    let on = NaiveDate::from_ymd_opt(2026, 11, 26).expect("the session's day");
    let came = |name: &str, status| (name.to_owned(), status, CAME_ON_THE_DAY.to_owned(), on);
    assert_eq!(
        names(&path),
        [
            came("Ana", Status::Referred),
            came("Cy", Status::Referred),
            came("Dee", Status::WaitingList)
        ]
    );
    let Offered::Added(said) = app.offered.clone() else {
        panic!("added: {:?}", app.offered);
    };
    assert!(said.contains("Dee goes on the waiting list, number 1"), "{said}");
    let farewell = holdspace::launch::drive::farewell(&mut app);
    assert!(
        farewell.starts_with("Session ended. Log saved to ") && farewell.ends_with(&said),
        "{farewell}"
    );
}

#[test]
fn the_question_says_who_would_go_over_the_places_and_no_adds_no_one() {
    let (_tmp, mut app, path) = ended_with_two_unannounced(&["Ana", "Bo"]);
    let before = std::fs::read(&path).expect("the roster file");
    press(&mut app, "q");
    let text = screen(&app);
    assert!(
        text.contains("The group is full (2 of 2 places held): added, Cy goes on the waiting list,"),
        "{text}"
    );
    press(&mut app, "y");
    let text = screen(&app);
    assert!(
        text.contains("✓ added Cy") && text.contains("waiting list, number 2"),
        "{text}"
    );
    press(&mut app, "⎋qnn");
    assert!(
        matches!(app.outcome, Some(Outcome::Finished(_))),
        "{:?}",
        app.message
    );
    assert_eq!(
        std::fs::read(&path).expect("the roster file"),
        before,
        "no changes nothing"
    );
    assert_eq!(app.offered, Offered::Settled);
}
