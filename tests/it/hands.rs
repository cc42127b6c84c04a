//! The raise-hand queue and the floor, driven as the app drives them: decide → stamp → apply.

use crate::fixture;

use chrono::{DateTime, TimeDelta, Utc};
use fixture::{at, people};

/// The shared session driver, with this area's commands on top (other areas add their own).
struct Run(fixture::Run);

impl std::ops::Deref for Run {
    type Target = fixture::Run;
    fn deref(&self) -> &fixture::Run {
        &self.0
    }
}

impl std::ops::DerefMut for Run {
    fn deref_mut(&mut self) -> &mut fixture::Run {
        &mut self.0
    }
}
use holdspace::domain::event::Author;
use holdspace::domain::hands::{FloorCommand as F, MAX_NAME_CHARS};
use holdspace::domain::{Command, Event, EventKind as E, Session};
use proptest::prelude::*;

fn mins(m: i64) -> TimeDelta {
    TimeDelta::minutes(m)
}

fn secs(s: i64) -> TimeDelta {
    TimeDelta::seconds(s)
}

/// The start at 18:00 of session "hands" expecting `names`.
fn started(names: &[&str]) -> Event {
    fixture::started(people("hands", names))
}

/// The floor's commands and views on a live session on the built-in plan (six items).
impl Run {
    fn new(names: &[&str]) -> Self {
        Self(fixture::Run::begin(started(names)))
    }

    fn floor(&mut self, command: F, now: DateTime<Utc>) -> E {
        self.run(Command::Floor(command), now)
    }

    fn gives(&mut self, command: F, now: DateTime<Utc>, kind: E) {
        assert_eq!(self.floor(command, now), kind);
    }

    /// Tries a floor command that must be refused, checking that nothing was recorded.
    fn refused(&mut self, command: F, now: DateTime<Utc>) {
        let before = self.s.clone();
        let command = Command::Floor(command);
        assert!(self.try_do(&command, now).is_err(), "{command:?} went through");
        assert_eq!(self.s, before);
    }

    fn queue(&self) -> Vec<usize> {
        self.s.floor.queue.iter().map(|hand| hand.who).collect()
    }

    fn speaker(&self) -> Option<usize> {
        self.s.floor.turn.map(|turn| turn.who)
    }

    fn raise_all(&mut self, who: &[usize], now: DateTime<Utc>) {
        for &one in who {
            self.floor(F::RaiseHand(one), now);
        }
    }
}

fn add(name: &str) -> F {
    F::AddParticipant(name.to_owned())
}

fn up(who: usize) -> F {
    F::MoveHand { who, up: true }
}

fn down(who: usize) -> F {
    F::MoveHand { who, up: false }
}

#[test]
fn participants_come_from_the_meta_then_additions_checked_by_name() {
    let mut r = Run::new(&["Ana", "Ben"]);
    let names = |r: &Run| -> Vec<String> { r.s.floor.participants.iter().map(|p| p.name.clone()).collect() };
    assert_eq!(names(&r), ["Ana", "Ben"]);
    r.gives(
        add("  Cy \t"),
        at(1, 0),
        E::ParticipantAdded { name: "Cy".into() },
    );
    assert_eq!(r.s.floor.find(" cy "), Some(2));
    for bad in ["", "   ", "ana", " BEN ", "cY"] {
        r.refused(add(bad), at(2, 0));
    }
    // The limit counts characters, not bytes.
    r.refused(add(&"é".repeat(MAX_NAME_CHARS + 1)), at(2, 0));
    r.floor(add(&"é".repeat(MAX_NAME_CHARS)), at(2, 0));
    assert_eq!(r.s.floor.participants.len(), 4);
    assert_eq!(r.s.floor.participants[3].name.chars().count(), MAX_NAME_CHARS);
    r.floor(F::RaiseHand(3), at(3, 0));
    r.refused(F::RaiseHand(4), at(3, 0));
}

#[test]
fn hands_queue_first_come_first_served_and_lower() {
    let mut r = Run::new(&["Ana", "Ben", "Cy"]);
    r.gives(F::RaiseHand(2), at(1, 0), E::HandRaised { who: 2 });
    r.floor(F::RaiseHand(0), at(1, 5));
    r.floor(F::RaiseHand(1), at(1, 10));
    assert_eq!(r.queue(), [2, 0, 1]);
    assert_eq!(r.s.floor.queue[1].raised_at, at(1, 5));
    r.refused(F::RaiseHand(0), at(2, 0));
    r.refused(F::RaiseHand(3), at(2, 0));
    r.gives(F::LowerHand(0), at(3, 0), E::HandLowered { who: 0 });
    assert_eq!(r.queue(), [2, 1]);
    r.refused(F::LowerHand(0), at(3, 0));
    r.refused(F::LowerHand(9), at(3, 0));
    r.floor(F::RaiseHand(0), at(4, 0));
    assert_eq!(r.queue(), [2, 1, 0]);
    let hands: Vec<u32> = r.s.floor.participants.iter().map(|p| p.hands).collect();
    assert_eq!(hands, [2, 1, 1]);
}

#[test]
fn moving_swaps_neighbours_and_stops_at_the_ends() {
    let mut r = Run::new(&["Ana", "Ben", "Cy", "Di"]);
    r.raise_all(&[0, 1, 2], at(1, 0));
    r.gives(up(1), at(2, 0), E::HandMoved { who: 1, to: 0 });
    assert_eq!(r.queue(), [1, 0, 2]);
    r.refused(up(1), at(2, 0));
    r.refused(down(2), at(2, 0));
    r.refused(up(3), at(2, 0));
    r.gives(down(0), at(3, 0), E::HandMoved { who: 0, to: 2 });
    assert_eq!(r.queue(), [1, 2, 0]);
}

#[test]
fn clearing_empties_the_queue_and_needs_a_hand() {
    let mut r = Run::new(&["Ana", "Ben"]);
    r.refused(F::ClearQueue, at(1, 0));
    r.raise_all(&[1, 0], at(1, 0));
    assert_eq!(r.floor(F::ClearQueue, at(2, 0)), E::QueueCleared);
    assert!(r.queue().is_empty());
    r.refused(F::ClearQueue, at(2, 0));
    assert_eq!(r.s.floor.participants[0].hands, 1);
}

#[test]
fn next_speaker_takes_the_first_hand_then_ends_the_turn() {
    let mut r = Run::new(&["Ana", "Ben", "Cy"]);
    r.refused(F::NextSpeaker, at(1, 0));
    r.raise_all(&[1, 0], at(1, 0));
    r.gives(F::NextSpeaker, at(2, 0), E::TurnStarted { who: 1 });
    assert_eq!((r.speaker(), r.queue()), (Some(1), vec![0]));
    assert_eq!(r.s.floor.turn.map(|turn| turn.started_at), Some(at(2, 0)));
    r.gives(F::NextSpeaker, at(3, 30), E::TurnStarted { who: 0 });
    assert_eq!(r.s.floor.participants[1].talk, mins(1) + secs(30));
    assert_eq!(r.floor(F::NextSpeaker, at(4, 0)), E::TurnEnded);
    assert_eq!((r.speaker(), r.queue()), (None, vec![]));
    assert_eq!(r.s.floor.participants[0].talk, secs(30));
    r.refused(F::NextSpeaker, at(5, 0));
    let turns: Vec<u32> = r.s.floor.participants.iter().map(|p| p.turns).collect();
    assert_eq!(turns, [1, 1, 0]);
}

#[test]
fn give_floor_goes_to_a_waiting_hand_out_of_order() {
    let mut r = Run::new(&["Ana", "Ben", "Cy"]);
    r.refused(F::GiveFloor(0), at(1, 0));
    r.raise_all(&[0, 1, 2], at(1, 0));
    r.gives(F::GiveFloor(2), at(2, 0), E::TurnStarted { who: 2 });
    assert_eq!((r.speaker(), r.queue()), (Some(2), vec![0, 1]));
    r.refused(F::GiveFloor(2), at(3, 0));
    r.refused(F::GiveFloor(7), at(3, 0));
    r.floor(F::GiveFloor(1), at(3, 0));
    assert_eq!((r.speaker(), r.queue()), (Some(1), vec![0]));
    assert_eq!(r.s.floor.talk(2, at(9, 0)), mins(1));
}

#[test]
fn no_new_turns_once_the_agenda_is_complete() {
    let mut r = Run::new(&["Ana", "Ben"]);
    for minute in 1..=5 {
        r.run(Command::Next, at(minute, 0));
    }
    r.raise_all(&[0], at(6, 0));
    r.floor(F::NextSpeaker, at(6, 0));
    assert_eq!(r.run(Command::Next, at(7, 0)), E::Moved { to: None });
    assert_eq!(r.speaker(), None);
    assert_eq!(r.s.floor.talk(0, at(8, 0)), mins(1));
    r.raise_all(&[1], at(8, 0));
    r.refused(F::NextSpeaker, at(8, 0));
    r.refused(F::GiveFloor(1), at(8, 0));
    r.run(Command::Back, at(9, 0));
    r.gives(F::NextSpeaker, at(9, 0), E::TurnStarted { who: 1 });
}

#[test]
fn talk_counts_only_while_the_timer_runs_and_ends_with_the_item() {
    let mut r = Run::new(&["Ana", "Ben", "Cy"]);
    r.raise_all(&[0], at(1, 0));
    r.floor(F::NextSpeaker, at(2, 0));
    r.run(Command::TogglePause, at(5, 0));
    assert_eq!(r.s.floor.talk(0, at(7, 0)), mins(3));
    r.run(Command::TogglePause, at(10, 0));
    assert_eq!(r.s.floor.talk(0, at(11, 30)), mins(4) + secs(30));
    assert_eq!(r.run(Command::Next, at(12, 0)), E::Moved { to: Some(1) });
    assert_eq!(r.speaker(), None);
    assert_eq!(r.s.floor.participants[0].talk, mins(5));
    assert_eq!(r.s.floor.talk(0, at(30, 0)), mins(5));
    assert_eq!(r.s.item_elapsed(0, at(30, 0)), mins(7));

    r.raise_all(&[1, 2], at(13, 0));
    r.floor(F::NextSpeaker, at(14, 0));
    r.floor(F::NextSpeaker, at(15, 20));
    assert_eq!(r.s.floor.talk(1, at(16, 0)), mins(1) + secs(20));
    assert_eq!(r.s.floor.talk(2, at(16, 0)), secs(40));
    r.run(Command::End, at(16, 0));
    assert_eq!(r.speaker(), None);
    assert_eq!(r.s.floor.participants[2].talk, secs(40));
    assert_eq!(r.s.floor.talk(2, at(60, 0)), secs(40));
    let turns: Vec<u32> = r.s.floor.participants.iter().map(|p| p.turns).collect();
    assert_eq!(turns, [1, 1, 1]);
}

#[test]
fn a_turn_given_during_a_pause_waits_for_the_unpause() {
    let mut r = Run::new(&["Ana"]);
    r.run(Command::TogglePause, at(1, 0));
    r.raise_all(&[0], at(2, 0));
    r.floor(F::NextSpeaker, at(3, 0));
    assert_eq!(r.s.floor.talk(0, at(4, 0)), TimeDelta::zero());
    r.run(Command::TogglePause, at(5, 0));
    assert_eq!(r.s.floor.talk(0, at(6, 0)), mins(1));
    r.run(Command::TogglePause, at(6, 0));
    // Moving on while paused closes the turn at the time it had when the pause began.
    r.run(Command::Next, at(8, 0));
    assert!(!r.s.is_paused());
    assert_eq!((r.speaker(), r.s.floor.participants[0].talk), (None, mins(1)));
}

#[test]
fn gentle_priority_puts_those_who_have_not_spoken_first() {
    let mut r = Run::new(&["Ana", "Ben", "Cy", "Di", "Eve"]);
    r.raise_all(&[0, 1], at(1, 0));
    r.floor(F::NextSpeaker, at(2, 0));
    r.floor(F::NextSpeaker, at(3, 0));
    r.floor(F::NextSpeaker, at(4, 0));
    r.raise_all(&[0, 2, 1, 3], at(5, 0));
    assert_eq!(r.queue(), [0, 2, 1, 3]);
    r.gives(F::ToggleGentlePriority, at(6, 0), E::GentlePriority { on: true });
    assert_eq!(r.queue(), [2, 3, 0, 1]);
    r.raise_all(&[4], at(7, 0));
    assert_eq!(r.queue(), [2, 3, 4, 0, 1]);
    r.floor(F::LowerHand(0), at(8, 0));
    r.raise_all(&[0], at(8, 0));
    assert_eq!(r.queue(), [2, 3, 4, 1, 0]);
    r.gives(F::ToggleGentlePriority, at(9, 0), E::GentlePriority { on: false });
    assert_eq!(r.queue(), [2, 3, 4, 1, 0]);
    r.floor(F::LowerHand(4), at(10, 0));
    r.raise_all(&[4], at(10, 0));
    assert_eq!(r.queue(), [2, 3, 1, 0, 4]);
}

#[test]
fn gentle_priority_puts_a_new_voice_ahead_of_a_queue_of_those_who_spoke() {
    let mut r = Run::new(&["Ana", "Ben", "Cy"]);
    r.floor(F::ToggleGentlePriority, at(1, 0));
    r.raise_all(&[0], at(1, 0));
    r.floor(F::NextSpeaker, at(2, 0));
    r.floor(F::NextSpeaker, at(3, 0));
    r.raise_all(&[0, 1, 2], at(4, 0));
    assert_eq!(r.queue(), [1, 2, 0]);
}

/// The facilitator moved someone who has spoken ahead: a new voice still queues behind Ben,
/// who raised first and has not spoken, rather than jumping him.
#[test]
fn gentle_priority_never_lets_a_new_voice_jump_one_waiting_longer() {
    let mut r = Run::new(&["Ana", "Ben", "Cy"]);
    r.raise_all(&[0], at(1, 0));
    r.floor(F::NextSpeaker, at(1, 0));
    r.floor(F::NextSpeaker, at(2, 0));
    r.floor(F::ToggleGentlePriority, at(2, 0));
    r.raise_all(&[1, 0], at(3, 0));
    r.floor(up(0), at(3, 0));
    assert_eq!(r.queue(), [0, 1]);
    r.raise_all(&[2], at(4, 0));
    assert_eq!(r.queue(), [0, 1, 2]);
}

/// The seq of the event `Session::from_events` rejects.
fn fold_err(events: &[Event]) -> u64 {
    match Session::from_events(events) {
        Ok(_) => panic!("{events:?} folded"),
        Err(err) => err.seq,
    }
}

#[test]
fn the_fold_rejects_floor_events_that_cannot_follow() {
    let first = started(&["Ana", "Ben"]);
    let ev = |seq, kind| Event {
        seq,
        at: at(1, 0),
        by: Author::default(),
        kind,
    };
    let raise = |seq, who| ev(seq, E::HandRaised { who });
    assert_eq!(fold_err(&[first.clone(), raise(2, 2)]), 2);
    assert_eq!(fold_err(&[first.clone(), raise(2, 0), raise(3, 0)]), 3);
    let past_end = ev(4, E::HandMoved { who: 0, to: 2 });
    assert_eq!(fold_err(&[first.clone(), raise(2, 0), raise(3, 1), past_end]), 4);
    let not_raised = ev(3, E::HandMoved { who: 1, to: 0 });
    assert_eq!(fold_err(&[first.clone(), raise(2, 0), not_raised]), 3);
    let no_speaker = ev(3, E::TurnEnded);
    assert_eq!(fold_err(&[first.clone(), raise(2, 0), no_speaker]), 3);
    for name in ["", "  "] {
        let added = ev(2, E::ParticipantAdded { name: name.into() });
        assert_eq!(fold_err(&[first.clone(), added]), 2);
    }
    let added = ev(2, E::ParticipantAdded { name: "Cy".into() });
    assert!(Session::from_events(&[first, added, raise(3, 2)]).is_ok());
}

#[test]
fn the_speaker_cannot_queue_behind_themself() {
    let mut r = Run::new(&["Ana"]);
    r.raise_all(&[0], at(1, 0));
    r.floor(F::NextSpeaker, at(2, 0));
    r.refused(F::RaiseHand(0), at(3, 0));
}

fn floor_command() -> impl Strategy<Value = F> {
    let who = 0usize..6;
    let name = prop::sample::select(vec!["Ana", "ana ", "Ben", " ", "Cy", "Di", "Eve", "Fay"]);
    prop_oneof![
        8 => who.clone().prop_map(F::RaiseHand),
        2 => who.clone().prop_map(F::LowerHand),
        1 => who.clone().prop_map(up),
        1 => who.clone().prop_map(down),
        1 => Just(F::ClearQueue),
        5 => Just(F::NextSpeaker),
        2 => who.prop_map(F::GiveFloor),
        2 => Just(F::ToggleGentlePriority),
        2 => name.prop_map(add),
    ]
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        40 => floor_command().prop_map(Command::Floor),
        2 => Just(Command::Next),
        2 => Just(Command::Back),
        2 => Just(Command::TogglePause),
        1 => Just(Command::End),
    ]
}

proptest! {
    #[test]
    fn the_floor_stays_consistent_and_replays(
        expected in 0usize..=4,
        steps in prop::collection::vec((command(), 0i64..300), 0..60),
    ) {
        let mut r = Run::new(&["Ana", "Ben", "Cy", "Di"][..expected]);
        let mut parsed: Vec<Event> = Vec::new();
        let mut now = r.s.started_at;
        // Hand moves may legitimately put someone who spoke ahead while gentle priority is on.
        let mut moved_since_gentle = false;
        for (command, advance) in &steps {
            now += secs(*advance);
            match r.try_do(command, now) {
                Ok(E::GentlePriority { on: true }) => moved_since_gentle = false,
                Ok(E::HandMoved { .. }) => moved_since_gentle = true,
                _ => {}
            }
            for event in &r.events[parsed.len()..] {
                let line = serde_json::to_string(event).expect("serialise");
                parsed.push(serde_json::from_str(&line).expect("parse"));
            }

            let floor = &r.s.floor;
            let count = floor.participants.len();
            let queue = r.queue();
            for (place, who) in queue.iter().enumerate() {
                prop_assert!(*who < count, "queue names {} of {}", who, count);
                prop_assert!(!queue[..place].contains(who), "{} twice in {:?}", who, queue);
            }
            if let Some(speaker) = r.speaker() {
                prop_assert!(speaker < count, "speaker {} of {}", speaker, count);
                prop_assert!(!queue.contains(&speaker), "speaker {} in {:?}", speaker, queue);
            }
            let talk: TimeDelta = (0..count).map(|who| floor.talk(who, now)).sum();
            let items: TimeDelta = (0..r.s.items.len()).map(|index| r.s.item_elapsed(index, now)).sum();
            prop_assert!(talk <= items, "talk {} over item time {}", talk, items);
            if floor.gentle_priority && !moved_since_gentle {
                let spoken: Vec<bool> = queue.iter().map(|&who| floor.has_spoken(who)).collect();
                prop_assert!(spoken.is_sorted(), "spoken {:?} in {:?}", spoken, queue);
            }
            prop_assert_eq!(&parsed, &r.events);
            prop_assert_eq!(&Session::from_events(&r.events).expect("replay"), &r.s);
            prop_assert_eq!(&Session::from_events(&parsed).expect("replay parsed"), &r.s);
        }
    }
}
