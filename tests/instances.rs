//! A second holdspace on the same data folder never treats a running session as interrupted:
//! it can watch it read-only, following what the first records, and changes nothing.

mod fixture;
mod screen;

use fixture::{at, meta, people, press, t0};
use holdspace::domain::{Command, EventKind};
use holdspace::format::Zone;
use holdspace::recorder::Recorder;
use holdspace::recovery::{Found, inspect};
use holdspace::store::journal::{self, Journal};
use holdspace::store::paths::DataDir;
use holdspace::ui::app::{App, Followed, Outcome, Screen};
use holdspace::ui::theme::Theme;
use std::io::Write;

#[test]
fn a_running_session_is_left_alone_until_its_journal_is_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = DataDir::open(tmp.path()).unwrap();
    let path = dir.journal_path("running");
    let running = Recorder::start(&dir, meta("running"), t0()).unwrap();

    assert!(
        matches!(inspect(&path), Found::Running(ref found) if *found == path),
        "a journal in use is never offered for resuming"
    );
    let err = Journal::reopen(dir.disk().clone(), &path).unwrap_err();
    assert_eq!(err.source.kind(), std::io::ErrorKind::WouldBlock, "{err}");
    assert!(err.to_string().contains("another holdspace has this file open"));

    drop(running);
    assert!(
        matches!(inspect(&path), Found::Resumable(_)),
        "closed, it can be resumed"
    );
}

fn watcher(dir: &DataDir, id: &str) -> App {
    let recorder = Recorder::watch(&dir.journal_path(id)).expect("the running session can be watched");
    let zone = Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap());
    App::new(recorder, dir.clone(), Theme::builtin(true), zone, t0())
}

fn decide(recorder: &mut Recorder, command: Command, minutes: i64) {
    let now = at(minutes, 0);
    let kind = recorder.session.decide(&command, now).expect("allowed");
    assert!(recorder.record(kind, now));
}

#[test]
fn the_second_holdspace_follows_read_only_and_changes_nothing() {
    let (_tmp, dir) = fixture::data_dir();
    let mut first = Recorder::start(&dir, people("shared", &["Ana", "Ben"]), t0()).unwrap();
    decide(&mut first, Command::Next, 3);
    let mut second = watcher(&dir, "shared");
    assert_eq!(
        second.recorder.session, first.session,
        "it opens on what is on disk"
    );
    assert!(second.recorder.read_only());
    assert_eq!(second.followed, Some(Followed::Running));

    // What the facilitator records reaches the watcher on its next tick.
    decide(&mut first, Command::TogglePause, 5);
    decide(&mut first, Command::Note("a quiet start".into()), 6);
    second.tick(at(6, 1));
    assert_eq!(second.recorder.session, first.session);
    assert_eq!(second.recorder.events, first.events);

    // Keys that would change the session are refused with the reason; looking is allowed.
    let on_disk = std::fs::read(dir.journal_path("shared")).unwrap();
    for keys in ["n", " ", "+", "r", "hAna⏎", ":hi⏎", "q", "ap"] {
        press(&mut second, keys);
        press(&mut second, "⎋");
    }
    press(&mut second, "n");
    assert!(
        second
            .message
            .as_deref()
            .unwrap_or_default()
            .contains("read-only"),
        "{:?}",
        second.message
    );
    press(&mut second, "g");
    assert!(second.overlay.is_some(), "the ground rules can be shown");
    press(&mut second, "⎋");
    second.tick(at(7, 0));
    assert_eq!(
        std::fs::read(dir.journal_path("shared")).unwrap(),
        on_disk,
        "the watcher wrote nothing"
    );
    assert_eq!(second.recorder.session, first.session);
    let shown = screen::screen(&screen::draw(&second, 120, 40));
    assert!(shown.contains("READ-ONLY"), "{shown}");
    assert!(shown.contains("◇ read-only #4"), "{shown}");
    assert!(shown.contains("a quiet start") || shown.contains("⏸"), "{shown}");

    // Time passing records nothing here: the end warning comes from the facilitator's journal.
    second.tick(at(85, 0));
    assert_eq!(second.recorder.session.last_seq, first.session.last_seq);
    first.record(EventKind::WarningRaised, at(80, 0));
    second.tick(at(85, 1));
    assert!(second.recorder.session.warning_showing());

    // The facilitator ends the session: the watcher moves to the review with it.
    decide(&mut first, Command::End, 86);
    second.tick(at(86, 1));
    assert_eq!(second.screen, Screen::Review);
    press(&mut second, "p");
    assert_eq!(
        second.recorder.session, first.session,
        "no attendance from the watcher"
    );

    // It finishes: the journal becomes the log, and the watcher says so.
    first.finish(&dir).unwrap();
    drop(first);
    second.tick(at(87, 0));
    assert_eq!(second.followed, Some(Followed::Finished));
    let shown = screen::screen(&screen::draw(&second, 120, 40));
    assert!(
        shown.contains("finished the session and saved its log"),
        "{shown}"
    );
    press(&mut second, "q");
    assert_eq!(second.outcome, Some(Outcome::Left), "q only closes the view");
}

#[test]
fn a_facilitator_that_stops_is_noticed() {
    let (_tmp, dir) = fixture::data_dir();
    let mut first = Recorder::start(&dir, meta("stops"), t0()).unwrap();
    let mut second = watcher(&dir, "stops");
    decide(&mut first, Command::Next, 2);
    drop(first);
    second.tick(at(3, 0));
    assert_eq!(second.followed, Some(Followed::Stopped));
    assert_eq!(
        second.recorder.session.last_seq, 2,
        "what it wrote before stopping is taken in"
    );
    let shown = screen::screen(&screen::draw(&second, 120, 40));
    assert!(shown.contains("quit and start holdspace to resume"), "{shown}");
}

#[test]
fn a_partial_line_is_left_for_the_next_poll() {
    let (_tmp, dir) = fixture::data_dir();
    let first = Recorder::start(&dir, meta("partial"), t0()).unwrap();
    let path = dir.journal_path("partial");
    let mut tail = journal::Tail::new(&path, std::fs::metadata(&path).unwrap().len(), 1);
    let next = first.session.clone();
    let event = next.stamp(EventKind::Paused, at(1, 0));
    let line = format!("{}\n", serde_json::to_string(&event).unwrap());
    let (head, rest) = line.split_at(line.len() / 2);
    let mut file = std::fs::OpenOptions::new().append(true).open(&path).unwrap();
    file.write_all(head.as_bytes()).unwrap();
    assert!(tail.poll().unwrap().is_empty(), "half a line is not an event yet");
    file.write_all(rest.as_bytes()).unwrap();
    assert_eq!(tail.poll().unwrap(), vec![event]);
    file.write_all(b"not json\n").unwrap();
    let err = tail.poll().unwrap_err().to_string();
    assert!(err.contains("line 3") && err.contains("partial.jsonl"), "{err}");
}
