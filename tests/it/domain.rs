//! The domain core driven as the app drives it: decide → stamp → apply at fixed times.

use crate::fixture;

use chrono::{DateTime, TimeDelta, Utc};
use fixture::{Run, at, meta, started};
use holdspace::domain::event::Author;
use holdspace::domain::event::{PlannedTime, Replan};
use holdspace::domain::{Command, Event, EventKind, Session, SessionMeta};
use proptest::prelude::*;

fn mins(m: i64) -> TimeDelta {
    TimeDelta::minutes(m)
}

fn secs(s: i64) -> TimeDelta {
    TimeDelta::seconds(s)
}

/// Agenda checks on a live session and every event it was made of, in order.
impl Run {
    /// Starts at 18:00 with the scheduled end at 19:30.
    fn new(warn_minutes: u32) -> Self {
        Self::begin(started(SessionMeta {
            warn_minutes,
            ..meta("t")
        }))
    }

    /// Tries a command that must be refused, checking that nothing was recorded.
    fn refused(&mut self, command: Command, now: DateTime<Utc>) {
        let before = self.s.clone();
        assert!(
            self.try_do(&command, now).is_err(),
            "{command:?} at {now} was not refused"
        );
        assert_eq!(self.s, before);
    }

    fn minutes(&self) -> Vec<u32> {
        self.s.items.iter().map(|item| item.minutes).collect()
    }
}

#[test]
fn overrun_goes_negative_and_pushes_the_projected_end() {
    let r = Run::new(10);
    assert_eq!(r.s.projected_end(at(0, 0)), at(90, 0));
    assert_eq!(r.s.projected_end(at(10, 0)), at(90, 0));
    assert_eq!(r.s.item_remaining(0, at(4, 0)), mins(6));
    let now = at(12, 30);
    assert_eq!(r.s.item_elapsed(0, now), mins(12) + secs(30));
    assert_eq!(r.s.item_remaining(0, now), -(mins(2) + secs(30)));
    assert_eq!(r.s.projected_end(now), at(92, 30));
    assert_eq!(r.s.behind_by(now), mins(2) + secs(30));
    assert_eq!(r.s.behind_by(at(5, 0)), TimeDelta::zero());
}

#[test]
fn pause_stops_the_clock_and_moving_on_ends_it() {
    let mut r = Run::new(10);
    assert_eq!(r.run(Command::TogglePause, at(3, 0)), EventKind::Paused);
    assert!(r.s.is_paused());
    assert_eq!(r.s.item_elapsed(0, at(8, 0)), mins(3));
    // Five paused minutes push the end five minutes later.
    assert_eq!(r.s.projected_end(at(8, 0)), at(95, 0));
    assert_eq!(r.run(Command::TogglePause, at(8, 0)), EventKind::Unpaused);
    assert_eq!(r.s.paused_total, mins(5));
    assert_eq!(r.s.item_elapsed(0, at(10, 0)), mins(5));
    r.run(Command::TogglePause, at(10, 0));
    assert_eq!(r.run(Command::Next, at(12, 0)), EventKind::Moved { to: Some(1) });
    assert!(!r.s.is_paused());
    assert_eq!(r.s.paused_total, mins(7));
    assert_eq!(r.s.item_elapsed(0, at(13, 0)), mins(5));
    assert_eq!(r.s.item_elapsed(1, at(13, 0)), mins(1));
    assert_eq!(r.s.items[0].last_left, Some(at(12, 0)));
    assert_eq!(r.s.items[1].first_started, Some(at(12, 0)));
}

#[test]
fn back_and_next_accumulate_and_complete_the_agenda() {
    let mut r = Run::new(10);
    r.refused(Command::Back, at(1, 0));
    r.run(Command::Next, at(5, 0));
    assert_eq!(r.run(Command::Back, at(10, 0)), EventKind::Moved { to: Some(0) });
    r.run(Command::Next, at(12, 0));
    assert_eq!(r.s.item_elapsed(0, at(15, 0)), mins(7));
    assert_eq!(r.s.item_elapsed(1, at(15, 0)), mins(8));
    assert_eq!(r.s.items[0].first_started, Some(at(0, 0)));
    assert_eq!(r.s.items[1].first_started, Some(at(5, 0)));
    for (i, minute) in (15..19).enumerate() {
        r.run(Command::Next, at(minute, 0));
        assert_eq!(r.s.current, Some(i + 2));
    }
    assert_eq!(r.run(Command::Next, at(20, 0)), EventKind::Moved { to: None });
    assert_eq!(r.s.current, None);
    assert_eq!(r.s.item_elapsed(5, at(25, 0)), mins(2));
    assert_eq!(r.s.projected_end(at(25, 0)), at(25, 0));
    r.refused(Command::Next, at(21, 0));
    r.refused(Command::AddMinute, at(21, 0));
    r.refused(Command::TogglePause, at(21, 0));
    assert_eq!(r.run(Command::Back, at(22, 0)), EventKind::Moved { to: Some(5) });
    assert_eq!(r.s.item_elapsed(5, at(23, 0)), mins(3));
}

#[test]
fn plus_and_minus_change_only_the_current_item() {
    let mut r = Run::new(10);
    r.run(Command::Next, at(1, 0));
    let kind = r.run(Command::AddMinute, at(2, 0));
    let add = vec![PlannedTime {
        index: 1,
        minutes: 16,
    }];
    assert_eq!(
        kind,
        EventKind::Replanned {
            reason: Replan::AddMinute,
            planned: add
        }
    );
    assert_eq!(r.minutes(), [10, 16, 30, 10, 15, 10]);
    assert_eq!(r.s.projected_end(at(2, 0)), at(82, 0));
    r.run(Command::RemoveMinute, at(2, 0));
    r.run(Command::RemoveMinute, at(2, 0));
    assert_eq!(r.minutes(), [10, 14, 30, 10, 15, 10]);
    for _ in 0..13 {
        r.run(Command::RemoveMinute, at(3, 0));
    }
    assert_eq!(r.minutes(), [10, 1, 30, 10, 15, 10]);
    r.refused(Command::RemoveMinute, at(3, 0));
}

/// Runs items 0..3 for the given minutes and seconds each, ending in item 3 (the break).
fn late_run(spent: [(i64, i64); 3]) -> (Run, DateTime<Utc>) {
    let mut r = Run::new(10);
    let mut now = at(0, 0);
    for (m, s) in spent {
        now += mins(m) + secs(s);
        r.run(Command::Next, now);
    }
    assert_eq!(r.s.current, Some(3));
    (r, now)
}

#[test]
fn rebalance_shrinks_later_items_to_end_on_time() {
    let (mut r, now) = late_run([(12, 30), (17, 0), (33, 0)]);
    assert_eq!(now, at(62, 30));
    assert_eq!(r.s.behind_by(now), mins(7) + secs(30));
    let kind = r.run(Command::Rebalance, now);
    let planned = vec![PlannedTime { index: 4, minutes: 7 }];
    assert_eq!(
        kind,
        EventKind::Replanned {
            reason: Replan::Rebalance,
            planned
        }
    );
    assert_eq!(r.minutes(), [10, 15, 30, 10, 7, 10]);
    let end = r.s.projected_end(now);
    assert!(end <= at(90, 0) && end >= at(89, 1), "{end}");
    assert_eq!(end, at(89, 30));
    r.refused(Command::Rebalance, now);
}

#[test]
fn rebalance_keeps_floors_and_reports_late_when_time_has_run_out() {
    let (mut r, now) = late_run([(15, 0), (20, 0), (40, 0)]);
    assert_eq!(now, at(75, 0));
    r.run(Command::Rebalance, now);
    assert_eq!(r.minutes(), [10, 15, 30, 10, 1, 10]);
    assert_eq!(r.s.projected_end(now), at(96, 0));
    assert_eq!(r.s.behind_by(now), mins(6));
    r.refused(Command::Rebalance, now);
}

#[test]
fn rebalance_grows_items_when_there_is_time_to_spare() {
    let mut r = Run::new(10);
    r.refused(Command::Rebalance, at(0, 0));
    r.run(Command::Next, at(5, 0));
    r.run(Command::Next, at(10, 0));
    assert_eq!(r.s.behind_by(at(10, 0)), -mins(15));
    r.run(Command::Rebalance, at(10, 0));
    assert_eq!(r.minutes(), [10, 15, 30, 14, 22, 14]);
    assert_eq!(r.s.projected_end(at(10, 0)), at(90, 0));
}

#[test]
fn end_warning_is_due_exactly_at_t_minus_ten() {
    let mut r = Run::new(10);
    r.refused(Command::DismissWarning, at(30, 0));
    assert_eq!(r.s.warning_at(), Some(at(80, 0)));
    assert_eq!(r.s.due(at(79, 59)), []);
    assert_eq!(r.s.due(at(80, 0)), [EventKind::WarningRaised]);
    r.record(EventKind::WarningRaised, at(80, 0));
    assert_eq!(r.s.due(at(80, 0)), []);
    assert_eq!(r.s.due(at(89, 59)), []);
    assert!(r.s.warning_showing());
    assert_eq!(
        r.run(Command::DismissWarning, at(81, 0)),
        EventKind::WarningDismissed
    );
    assert!(!r.s.warning_showing());
    r.refused(Command::DismissWarning, at(82, 0));
    assert_eq!(r.s.due(at(90, 0)), [EventKind::ScheduledEndPassed]);
    r.record(EventKind::ScheduledEndPassed, at(90, 0));
    assert_eq!(r.s.due(at(105, 0)), []);
    assert_eq!(r.s.end_passed, Some(at(90, 0)));

    let silent = Run::new(0);
    assert_eq!(silent.s.warning_at(), None);
    assert_eq!(silent.s.due(at(89, 59)), []);
    assert_eq!(silent.s.due(at(90, 0)), [EventKind::ScheduledEndPassed]);
}

#[test]
fn fold_errors_name_the_offending_event() {
    let first = started(meta("t"));
    let ev = |seq, kind| Event {
        seq,
        at: at(1, 0),
        by: Author::default(),
        kind,
    };
    let fold_err = |events: &[Event]| {
        Session::from_events(events)
            .expect_err("a broken journal must not fold")
            .seq
    };
    let moved = |to| EventKind::Moved { to };
    assert_eq!(fold_err(&[first.clone(), ev(3, EventKind::Paused)]), 3);
    assert_eq!(
        fold_err(&[
            first.clone(),
            ev(2, EventKind::Paused),
            ev(2, EventKind::Unpaused)
        ]),
        2
    );
    assert_eq!(fold_err(&[ev(1, moved(Some(1))), ev(2, EventKind::Paused)]), 1);
    assert_eq!(
        fold_err(&[first.clone(), ev(2, moved(Some(1))), ev(3, moved(Some(6)))]),
        3
    );
    assert_eq!(fold_err(&[first.clone(), ev(2, EventKind::Unpaused)]), 2);
    assert_eq!(
        fold_err(&[first.clone(), ev(2, EventKind::Paused), ev(3, EventKind::Paused)]),
        3
    );
    let ended = ev(2, EventKind::Ended { interrupted: false });
    let note = ev(3, EventKind::Note { text: "late".into() });
    assert_eq!(fold_err(&[first.clone(), ended.clone(), note]), 3);
    let again = ev(2, first.kind.clone());
    assert_eq!(fold_err(&[first.clone(), again]), 2);
    let mut late_start = first.clone();
    late_start.seq = 2;
    assert_eq!(fold_err(&[late_start]), 2);
    assert_eq!(fold_err(&[]), 0);
    assert!(Session::from_events(&[first, ended]).is_ok());
}

fn note_text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        any::<char>(),
        prop::char::range('\0', '\u{1f}'),
        Just('\u{7f}'),
        Just('\u{2028}'),
        Just('\u{feff}'),
        Just(' '),
        Just('"'),
        Just('\\'),
    ];
    prop_oneof![
        any::<String>(),
        prop::collection::vec(ch, 0..16).prop_map(|c| c.into_iter().collect()),
    ]
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        6 => Just(Command::Next),
        3 => Just(Command::Back),
        3 => Just(Command::TogglePause),
        2 => Just(Command::AddMinute),
        2 => Just(Command::RemoveMinute),
        2 => Just(Command::Rebalance),
        1 => Just(Command::RevisitRules),
        1 => Just(Command::DismissWarning),
        3 => note_text().prop_map(Command::Note),
        1 => Just(Command::End),
    ]
}

fn step() -> impl Strategy<Value = i64> {
    prop_oneof![2 => Just(0i64), 6 => 1i64..900, 1 => -5i64..0]
}

proptest! {
    #[test]
    fn replay_matches_the_live_session(
        steps in prop::collection::vec((command(), step()), 0..60),
        monotonic in any::<bool>(),
    ) {
        let mut r = Run::new(10);
        let mut now = r.s.started_at;
        for (command, advance) in &steps {
            now += secs(if monotonic { (*advance).max(0) } else { *advance });
            for kind in r.s.due(now) {
                r.record(kind, now);
            }
            prop_assert_eq!(r.s.due(now), vec![]);
            let _ = r.try_do(command, now);
            let mut total = r.s.paused_total;
            for index in 0..r.s.items.len() {
                let elapsed = r.s.item_elapsed(index, now);
                prop_assert!(elapsed >= TimeDelta::zero(), "item {} elapsed {}", index, elapsed);
                total += elapsed;
            }
            if monotonic {
                prop_assert!(total <= now - r.s.started_at, "{} spent in {}", total, now - r.s.started_at);
            }
        }
        let seqs: Vec<u64> = r.events.iter().map(|e| e.seq).collect();
        prop_assert_eq!(seqs, (1..=r.events.len() as u64).collect::<Vec<_>>());
        prop_assert_eq!(&Session::from_events(&r.events).expect("replay"), &r.s);

        let mut lines = String::new();
        for event in &r.events {
            lines.push_str(&serde_json::to_string(event).expect("serialise"));
            lines.push('\n');
        }
        let parsed: Vec<Event> = lines
            .lines()
            .map(|line| serde_json::from_str(line).expect("parse a journal line"))
            .collect();
        prop_assert_eq!(&parsed, &r.events);
        prop_assert_eq!(&Session::from_events(&parsed).expect("replay parsed"), &r.s);
    }
}
