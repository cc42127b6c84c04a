//! Members' own feedback in the review, driven key by key on the real app at fixed times: F
//! opens the form, each Enter saves a step and the last records one unnamed event, flushed to
//! the journal before it shows; Esc drops it; the review counts the answers, says when a round
//! is due, and `?` lists the key. Snapshots of the form and of the review with answers.

use crate::fixture;
use crate::screen;

use chrono::TimeDelta;
use fixture::{at, people, press, start_meta, t0};
use holdspace::domain::EventKind as E;
use holdspace::domain::feedback::{Answer, Entry, Held, Rhythm};
use holdspace::store::journal;
use holdspace::ui::app::{App, Overlay, Screen, Step};
use holdspace::ui::keys::defaults::Mode;
use holdspace::ui::keys::help::Help;
use screen::{assert_shows, draw, screen};
use tempfile::TempDir;

/// The review of session "test" with Ana and Bo, ended at 18:40.
fn review() -> (TempDir, App) {
    let (tmp, mut app) = start_meta(people("test", &["Ana", "Bo"]), false);
    app.tick(at(40, 0));
    press(&mut app, "qy");
    assert_eq!(app.screen, Screen::Review);
    (tmp, app)
}

fn since(app: &App, before: usize) -> Vec<E> {
    (app.recorder.events[before..].iter())
        .map(|event| event.kind.clone())
        .collect()
}

fn entry(answer: Answer, good: &str, better: &str) -> E {
    E::FeedbackGiven(Entry::new(answer, good, better).expect("plain text"))
}

#[test]
fn f_opens_the_form_and_the_last_enter_records_one_unnamed_event_in_the_journal_first() {
    let (_tmp, mut app) = review();
    let before = app.recorder.events.len();
    press(&mut app, "F");
    assert!(matches!(&app.overlay, Some(Overlay::Feedback(form)) if form.step == Step::Answer));
    // 2 picks "Good" and moves on; keys are typed text from here, q and ? included.
    press(&mut app, "2the tea? q⏎");
    assert!(matches!(&app.overlay, Some(Overlay::Feedback(form)) if form.step == Step::Better));
    assert!(
        since(&app, before).is_empty(),
        "nothing is recorded before the last Enter"
    );
    press(&mut app, "more tiem⌫⌫me⏎");
    let recorded = entry(Answer::Good, "the tea? q", "more time");
    assert_eq!(since(&app, before), std::slice::from_ref(&recorded));
    assert_eq!(app.overlay, None);
    assert_eq!(
        app.message.as_deref(),
        Some("a member's feedback saved · 1 answer, 100% positive")
    );
    let on_disk = journal::read(app.recorder.journal_path()).expect("the journal reads");
    assert_eq!(on_disk.events.last().map(|event| &event.kind), Some(&recorded));
    // ↓ and Enter pick an answer too, and both texts may be left empty.
    press(&mut app, "F↓↓↓↑⏎⏎⏎");
    assert_eq!(since(&app, before + 1), [entry(Answer::Neither, "", "")]);
    // Esc drops the whole entry, at any step.
    for keys in ["F⎋", "F6⎋", "F6⏎half⎋"] {
        press(&mut app, keys);
        assert_eq!(app.overlay, None, "{keys}");
    }
    assert_eq!(app.recorder.events.len(), before + 2);
    assert_eq!(app.members_feedback().describe(), "2 answers, 50% positive");
}

#[test]
fn a_text_too_long_keeps_the_form_open_with_what_was_typed_and_names_the_field() {
    let (_tmp, mut app) = review();
    let before = app.recorder.events.len();
    press(&mut app, "F1⏎");
    if let Some(Overlay::Feedback(form)) = &mut app.overlay {
        form.better = "a".repeat(1001);
    }
    press(&mut app, "⏎");
    assert_eq!(app.recorder.events.len(), before);
    assert!(matches!(&app.overlay, Some(Overlay::Feedback(form)) if form.better.len() == 1001));
    let said = app.message.as_deref().unwrap_or_default();
    assert!(
        said.contains("\"what could be better\" is longer than 1000"),
        "{said}"
    );
}

#[test]
fn help_in_the_review_lists_the_members_feedback_key() {
    let (_tmp, app) = review();
    let help = Help::of(&app.keys, Mode::Review);
    let row = help.rows.iter().find(|(keys, _)| keys == "F");
    assert_eq!(
        row.map(|(_, text)| *text),
        Some("add a member's own feedback, anonymously: answer and two texts")
    );
}

/// A group asking every 2 sessions whose session a week before had no answers.
fn due_every_two() -> Rhythm {
    Rhythm {
        every: 2,
        held: vec![Held {
            started_at: t0() - TimeDelta::weeks(1),
            answered: false,
        }],
    }
}

#[test]
fn the_review_says_a_round_is_due_until_a_member_answers() {
    let (_tmp, mut app) = review();
    assert!(!app.feedback_due(), "an unsaved group has no rounds");
    let terminal = draw(&app, 120, 40);
    assert!(!screen(&terminal).contains("feedback round"));
    app.rhythm = Some(due_every_two());
    assert!(app.feedback_due());
    assert_shows(
        &draw(&app, 120, 40),
        &["◇ a feedback round is due: F adds a member's own answers, anonymously"],
    );
    assert_shows(&draw(&app, 60, 15), &["◇ a feedback round is due"]);
    press(&mut app, "F1⏎⏎");
    assert!(!app.feedback_due());
    let terminal = draw(&app, 120, 40);
    assert!(!screen(&terminal).contains("feedback round"));
    assert_shows(
        &terminal,
        &["Members' feedback 1 answer, 100% positive · Very good 1"],
    );
}

/// The form with Good chosen and what was good being typed, at 80 columns, at 18:40.
#[test]
fn the_members_feedback_form_over_the_review() {
    let (_tmp, mut app) = review();
    press(&mut app, "F2Being listened to");
    let terminal = draw(&app, 80, 24);
    assert_shows(
        &terminal,
        &[
            "A member's own feedback · anonymous",
            "Overall, how was your experience of the group?",
            "✓ 2 Good",
            "6 Don't know",
            "What was good?",
            "Being listened to▏",
            "What could be better?",
            "Enter saves it and goes on (empty for none) · Esc cancels",
        ],
    );
    insta::assert_snapshot!("members_feedback_form_80x24", terminal.backend());
}

/// The review after three members answered, with the count by answer and % positive.
#[test]
fn the_review_with_members_answers() {
    let (_tmp, mut app) = review();
    press(&mut app, "F1warm⏎⏎F4⏎too cold⏎F6⏎⏎");
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &["Members' feedback 3 answers, 33% positive · Very good 1 · Poor 1 · Don't know 1 · F adds one"],
    );
    insta::assert_snapshot!("review_with_members_feedback_120x40", terminal.backend());
}
