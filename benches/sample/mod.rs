//! Sample sessions of any size, for the benchmarks and the measuring script: a long journal to
//! replay or resume, and a history of finished logs.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use holdspace::domain::event::Author;
use holdspace::domain::hands::FloorCommand;
use holdspace::domain::record::{Attendance, RecordCommand};
use holdspace::domain::{Command, Event, EventKind, SCHEMA_VERSION, Session, SessionMeta};

/// 18:00 UTC on 2026-11-26, when every sample session starts.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 18, 0, 0)
        .single()
        .unwrap_or(DateTime::UNIX_EPOCH)
}

pub fn meta(id: &str) -> SessionMeta {
    SessionMeta {
        schema_version: SCHEMA_VERSION,
        id: id.to_owned(),
        plan: holdspace::store::plans::builtin(),
        scheduled_end: t0() + TimeDelta::minutes(90),
        warn_minutes: 10,
        rehearsal: false,
        participants: ["Ana", "Bo", "Cy", "Dee", "Ed", "Fay"]
            .map(str::to_owned)
            .to_vec(),
        turn_minutes: Some(3),
        last_session: false,
        rules_version: None,
        checklist: Vec::new(),
        end_checklist: Vec::new(),
    }
}

/// A session of `count` events, a second apart: hands raised, turns given, pauses and notes, in
/// a loop, as a busy group would make them. `ended` closes it with attendance recorded.
pub fn session(id: &str, count: usize, ended: bool) -> (Session, Vec<Event>) {
    let first = Event {
        seq: 1,
        at: t0(),
        by: Author::default(),
        kind: EventKind::Started(Box::new(meta(id))),
    };
    let mut session = Session::from_events([&first]).expect("the sample meta is valid");
    let mut events = vec![first];
    let mut step = 0usize;
    while events.len() < count.saturating_sub(usize::from(ended) * 7).max(1) {
        step += 1;
        let who = step % 6;
        let command = match step % 5 {
            0 => Command::Floor(FloorCommand::RaiseHand(who)),
            1 => Command::Floor(FloorCommand::NextSpeaker),
            2 | 3 => Command::TogglePause,
            _ => Command::Note(format!("note {step}: a short line about the group")),
        };
        let at = t0() + TimeDelta::seconds(i64::try_from(step).unwrap_or(i64::MAX));
        if let Ok(kind) = session.decide(&command, at) {
            let event = session.stamp(kind, at);
            session.apply(&event).expect("a decided event applies");
            events.push(event);
        }
    }
    if ended {
        let at = session.last_at + TimeDelta::seconds(1);
        let mut commands = vec![Command::End];
        commands.extend((0..6).map(|who| {
            Command::Record(RecordCommand::Attend {
                who,
                attendance: Attendance::Present,
            })
        }));
        for command in commands {
            if let Ok(kind) = session.decide(&command, at) {
                let event = session.stamp(kind, at);
                session.apply(&event).expect("a decided event applies");
                events.push(event);
            }
        }
    }
    (session, events)
}

/// The journal lines of `events`, as holdspace writes them.
pub fn journal(events: &[Event]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for event in events {
        serde_json::to_writer(&mut bytes, event).expect("events serialise");
        bytes.push(b'\n');
    }
    bytes
}
