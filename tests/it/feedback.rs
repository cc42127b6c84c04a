//! Members' own feedback in the pure domain: the tally and its share positive, when a round is
//! due, the free texts' limits, and the record folding an entry with nothing that names anyone.

use crate::fixture;

use chrono::{DateTime, TimeDelta, Utc};
use fixture::{Run, at, people, started};
use holdspace::domain::feedback::{Answer, Entry, Held, Rhythm, Tally};
use holdspace::domain::record::{MAX_TEXT_CHARS, RecordCommand as R};
use holdspace::domain::{Command, EventKind as E};
use proptest::prelude::*;

use Answer::{DontKnow, Good, Neither, Poor, VeryGood, VeryPoor};

#[test]
fn the_tally_counts_each_answer_and_dont_know_stays_in_the_share_positive() {
    let tally = Tally::of([VeryGood, VeryGood, Good, Neither, Poor, DontKnow, DontKnow]);
    let counts: Vec<usize> = Answer::ALL.iter().map(|answer| tally.count(*answer)).collect();
    assert_eq!(counts, [2, 1, 1, 1, 0, 2]);
    assert_eq!((tally.total(), tally.positive()), (7, 3));
    // 3 of 7 is 42.9%: "don't know" is one of the seven, as NHS England counts it.
    assert_eq!(tally.percent_positive(), Some(43));
    assert_eq!(tally.describe(), "7 answers, 43% positive");
    assert_eq!(Tally::of([]).percent_positive(), None);
    assert_eq!(Tally::of([]).describe(), "no answers");
    assert_eq!(Tally::of([DontKnow]).percent_positive(), Some(0));
    assert_eq!(Tally::of([Good]).describe(), "1 answer, 100% positive");
    // Half a per cent rounds up: 1 of 8 is 12.5%.
    let eighth = Tally::of([VeryGood, Poor, Poor, Poor, Poor, Poor, Poor, VeryPoor]);
    assert_eq!(eighth.percent_positive(), Some(13));
}

#[test]
fn each_answer_has_its_label_and_command_line_name_and_only_very_good_and_good_are_positive() {
    let named: Vec<(&str, &str, bool)> = Answer::ALL
        .iter()
        .map(|answer| (answer.key(), answer.label(), answer.is_positive()))
        .collect();
    assert_eq!(
        named,
        [
            ("very-good", "Very good", true),
            ("good", "Good", true),
            ("neither", "Neither good nor poor", false),
            ("poor", "Poor", false),
            ("very-poor", "Very poor", false),
            ("dont-know", "Don't know", false),
        ]
    );
    for answer in Answer::ALL {
        assert_eq!(Answer::named(answer.key()), Some(answer));
        let json = serde_json::to_string(&answer).expect("JSON");
        assert_eq!(json, format!("\"{}\"", answer.key().replace('-', "_")));
    }
    assert_eq!(Answer::named(" Very-Good "), Some(VeryGood));
    assert_eq!(Answer::named("great"), None);
}

proptest! {
    /// The share positive is the rounded (very good + good) of every answer, within 0 to 100,
    /// and adding a "don't know" never raises it.
    #[test]
    fn the_share_positive_is_the_rounded_share_of_every_answer(picks in proptest::collection::vec(0usize..6, 1..60)) {
        let answers: Vec<Answer> = picks.iter().map(|pick| Answer::ALL[*pick]).collect();
        let tally = Tally::of(answers.iter().copied());
        let positive = answers.iter().filter(|answer| answer.is_positive()).count();
        let exact = positive as f64 * 100.0 / answers.len() as f64;
        let percent = tally.percent_positive().expect("some answers");
        prop_assert!(percent <= 100);
        prop_assert!((percent as f64 - exact).abs() <= 0.5, "{percent} against {exact}");
        let with_dont_know = Tally::of(answers.iter().copied().chain([DontKnow]));
        prop_assert!(with_dont_know.percent_positive() <= Some(percent));
    }
}

fn week(n: i64) -> DateTime<Utc> {
    fixture::t0() + TimeDelta::weeks(n)
}

/// A group asking every `every` sessions that met weekly, answered at the weeks listed.
fn rhythm(every: u32, weeks: i64, answered: &[i64]) -> Rhythm {
    Rhythm {
        every,
        held: (0..weeks)
            .map(|n| Held {
                started_at: week(n),
                answered: answered.contains(&n),
            })
            .collect(),
    }
}

#[test]
fn a_round_is_due_once_the_sessions_since_the_last_answers_reach_the_interval() {
    // (every, sessions held, weeks answered, due after the last session)
    let table: &[(u32, i64, &[i64], bool)] = &[
        (4, 0, &[], false),
        (4, 3, &[], false),
        // Four sessions since the first, none answered.
        (4, 4, &[], true),
        (4, 4, &[3], false),
        (4, 5, &[0], true),
        (4, 5, &[1], false),
        (4, 8, &[3], true),
        (1, 1, &[], true),
        (1, 1, &[0], false),
        (2, 3, &[1], false),
        (2, 4, &[1], true),
    ];
    for (every, weeks, answered, due) in table {
        let rhythm = rhythm(*every, *weeks, answered);
        assert_eq!(
            rhythm.due(week(*weeks)),
            *due,
            "every {every}, {weeks} held, answered at {answered:?}"
        );
    }
}

#[test]
fn only_sessions_held_by_the_time_asked_count_toward_a_round() {
    let rhythm = rhythm(4, 8, &[]);
    assert!(!rhythm.due(week(2)), "three sessions held by week 2");
    assert!(
        rhythm.due(week(3)),
        "the fourth is held at week 3: its review says so"
    );
    // Sessions listed out of order count as held in time order.
    let mut shuffled = rhythm.clone();
    shuffled.held.reverse();
    shuffled.held[0].answered = true;
    assert!(!shuffled.due(week(7)), "the latest session, week 7, was answered");
    assert!(shuffled.due(week(6)));
}

#[test]
fn each_free_text_is_kept_to_a_records_length_and_plain_text_and_the_field_is_named() {
    let long = "a".repeat(MAX_TEXT_CHARS + 1);
    let fits = "a".repeat(MAX_TEXT_CHARS);
    assert!(Entry::new(Good, &fits, &fits).is_ok());
    let good = Entry::new(Good, &long, "").expect_err("too long");
    assert!(
        good.contains("\"what was good\"") && good.contains("1000"),
        "{good}"
    );
    let better = Entry::new(Good, "", &long).expect_err("too long");
    assert!(better.contains("\"what could be better\""), "{better}");
    let escape = Entry::new(Good, "tea\u{1b}[2J", "").expect_err("a control character");
    assert!(escape.contains("control character"), "{escape}");
    assert!(Entry::new(Good, "", "two\nlines").is_err());
    let trimmed = Entry::new(VeryGood, "  the tea  ", "").expect("plain text");
    assert_eq!(trimmed.good, "the tea");
}

fn give(answer: Answer, good: &str) -> Command {
    Command::Record(R::GiveFeedback {
        answer,
        good: good.to_owned(),
        better: String::new(),
    })
}

#[test]
fn feedback_is_folded_in_entry_order_after_the_end_and_a_mistaken_entry_is_taken_back() {
    let mut r = Run::begin(started(people("fb", &["Ana", "Ben"])));
    r.run(Command::End, at(90, 0));
    let people_before = r.s.record.people.clone();
    r.run(give(VeryGood, "the tea"), at(91, 0));
    r.run(give(Poor, ""), at(92, 0));
    r.run(give(Good, "being heard"), at(93, 0));
    let answers = |r: &Run| -> Vec<Answer> { r.s.record.feedback.iter().map(|entry| entry.answer).collect() };
    assert_eq!(answers(&r), [VeryGood, Poor, Good]);
    let withdrawn = r.run(Command::Record(R::WithdrawFeedback { entry: 1 }), at(94, 0));
    assert_eq!(withdrawn, E::FeedbackWithdrawn { entry: 1 });
    assert_eq!(answers(&r), [VeryGood, Good]);
    let refused =
        r.s.decide(&Command::Record(R::WithdrawFeedback { entry: 2 }), at(95, 0));
    assert_eq!(refused, Err("no such feedback entry"));
    // The people's records are as they were: no entry touches anyone's.
    assert_eq!(r.s.record.people, people_before);
}

#[test]
fn a_feedback_event_carries_no_name_and_no_participant_number() {
    let kind = E::FeedbackGiven(Entry::new(DontKnow, "the quiet", "more time").expect("plain"));
    let json = serde_json::to_value(&kind).expect("JSON");
    let mut keys: Vec<&str> = json
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["answer", "better", "good", "type"]);
    assert_eq!(json["type"], "feedback_given");
    assert_eq!(json["answer"], "dont_know");
}
