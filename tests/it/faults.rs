//! Fault injection: the journal's file fails its Nth write or flush, at every N across a session.

use crate::fixture;

use chrono::TimeDelta;
use fixture::{data_dir, meta, t0};
use holdspace::domain::{Command, Event, Session};
use holdspace::session::recorder::Recorder;
use holdspace::store::disk::Durable;
use holdspace::store::journal::{self, Journal};
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// A journal file kept in memory that fails the `fail_at`th operation (writes and flushes
/// counted together) with `kind`, and every operation after it.
struct Flaky {
    disk: Arc<Mutex<Vec<u8>>>,
    ops: usize,
    fail_at: usize,
    kind: io::ErrorKind,
    pending: Vec<u8>,
}

impl Flaky {
    fn tick(&mut self) -> io::Result<()> {
        self.ops += 1;
        if self.ops >= self.fail_at {
            return Err(io::Error::from(self.kind));
        }
        Ok(())
    }
}

impl Write for Flaky {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tick()?;
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Durable for Flaky {
    /// Only flushed bytes reach the "disk": what a crash right after would leave.
    fn sync(&mut self) -> io::Result<()> {
        self.tick()?;
        let pending = std::mem::take(&mut self.pending);
        self.disk.lock().unwrap().extend(pending);
        Ok(())
    }
}

const SCRIPT: [Command; 8] = [
    Command::Next,
    Command::TogglePause,
    Command::TogglePause,
    Command::AddMinute,
    Command::RevisitRules,
    Command::Next,
    Command::Rebalance,
    Command::Back,
];

/// Runs the script against a journal failing at `fail_at`; returns the recorder (if the first
/// event could be written), what reached the disk, and the seqs acknowledged as saved.
fn session_failing_at(fail_at: usize, kind: io::ErrorKind) -> (Option<Recorder>, Vec<u8>, Vec<u64>) {
    let disk = Arc::new(Mutex::new(Vec::new()));
    let flaky = Flaky {
        disk: Arc::clone(&disk),
        ops: 0,
        fail_at,
        kind,
        pending: Vec::new(),
    };
    let journal = Journal::from_file(flaky, Path::new("/flaky/journal.jsonl"));
    let Ok(mut recorder) = Recorder::begin(journal, meta("faults"), t0()) else {
        return (None, disk.lock().unwrap().clone(), Vec::new());
    };
    let mut acknowledged = vec![1];
    let mut now = t0();
    for (step, command) in SCRIPT
        .iter()
        .chain([Command::Note("after".into())].iter())
        .enumerate()
    {
        now += TimeDelta::seconds(97 * (step as i64 + 1));
        if let Ok(kind) = recorder.session.decide(command, now)
            && recorder.record(kind, now)
        {
            acknowledged.push(recorder.session.last_seq);
        }
    }
    let bytes = disk.lock().unwrap().clone();
    (Some(recorder), bytes, acknowledged)
}

#[test]
fn every_failure_point_keeps_state_and_loses_no_acknowledged_event() {
    for kind in [io::ErrorKind::StorageFull, io::ErrorKind::Other] {
        for fail_at in 1..=24 {
            let (recorder, disk, acknowledged) = session_failing_at(fail_at, kind);
            let on_disk = journal::parse(&disk);
            assert!(on_disk.bad_lines.is_empty() && on_disk.torn_tail.is_empty());
            let on_disk_seqs: Vec<u64> = on_disk.events.iter().map(|event| event.seq).collect();
            // Everything acknowledged is on disk, in order, with nothing else in between.
            assert_eq!(
                &on_disk_seqs[..acknowledged.len()],
                &acknowledged[..],
                "fail_at {fail_at}"
            );
            let Some(recorder) = recorder else {
                assert!(
                    fail_at <= 2,
                    "only the first event's write or flush can stop the start"
                );
                continue;
            };
            // Memory keeps every event, and the state is exactly their fold.
            assert_eq!(Session::from_events(&recorder.events).unwrap(), recorder.session);
            let total = recorder.events.len() as u64;
            match &recorder.not_saved {
                None => assert_eq!(acknowledged.len() as u64, total, "fail_at {fail_at}"),
                Some(not_saved) => {
                    assert_eq!(
                        not_saved.from_seq,
                        acknowledged.len() as u64 + 1,
                        "fail_at {fail_at}"
                    );
                    assert!(not_saved.error.contains("/flaky/journal.jsonl"));
                    // Once failed, nothing more was written: a later success could not vouch
                    // for the event whose write or flush failed.
                    assert!(on_disk_seqs.iter().all(|&seq| seq <= not_saved.from_seq));
                }
            }
        }
    }
}

#[test]
fn rescue_copy_holds_every_event_after_a_failure() {
    let (recorder, _, acknowledged) = session_failing_at(6, io::ErrorKind::StorageFull);
    let mut recorder = recorder.unwrap();
    assert!(recorder.not_saved.is_some());
    assert!(acknowledged.len() < recorder.events.len());
    let folder = tempfile::tempdir().unwrap();
    let copy = folder.path().join("copy.jsonl");
    let (_data, dir) = data_dir();
    recorder.rescue(&dir, &copy).unwrap();
    let saved: Vec<Event> = journal::read(&copy).unwrap().events;
    assert_eq!(saved, recorder.events);
    assert_eq!(
        recorder.not_saved.unwrap().rescued_through,
        Some(recorder.session.last_seq)
    );
}

#[test]
fn a_full_disk_at_the_start_is_an_error_not_a_panic() {
    let file = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let journal = Journal::from_file(file, Path::new("/dev/full"));
    let err = Recorder::begin(journal, meta("faults"), t0()).unwrap_err();
    assert!(err.to_string().contains("/dev/full"), "{err}");
}

mod screen {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use holdspace::store::paths::DataDir;
    use holdspace::ui::app::{App, Outcome};
    use holdspace::util::format::Zone;
    use ratatui::{Terminal, backend::TestBackend};

    fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
        app.on_key(KeyEvent::new(code, modifiers));
    }

    fn screen(app: &App) -> String {
        let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
        terminal
            .draw(|frame| frame.render_widget(app, frame.area()))
            .unwrap();
        terminal.backend().to_string()
    }

    #[test]
    fn not_saved_is_shown_and_leaving_needs_a_copy_or_a_second_press() {
        let (recorder, _, _) = session_failing_at(5, io::ErrorKind::StorageFull);
        let folder = tempfile::tempdir().unwrap();
        let (dir, _) = DataDir::open(folder.path()).unwrap();
        let now = recorder.as_ref().unwrap().session.last_at;
        let mut app = App::new(
            recorder.unwrap(),
            dir,
            holdspace::ui::theme::themes::fallback(true),
            Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap()),
            now,
        );
        let shown = screen(&app);
        assert!(shown.contains("✗ NOT SAVED from event 3"), "{shown}");
        assert!(shown.contains("Press S to save a copy elsewhere"), "{shown}");

        press(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(app.outcome, None, "the first Ctrl-c only warns");
        assert!(screen(&app).contains("Ctrl-c again leaves anyway"));

        press(&mut app, KeyCode::Char('S'), KeyModifiers::SHIFT);
        let elsewhere = tempfile::tempdir().unwrap();
        let copy = elsewhere.path().join("copy.jsonl");
        let Some(holdspace::ui::app::Overlay::Input { text, .. }) = &mut app.overlay else {
            panic!("S opens the path input");
        };
        text.clear();
        for c in copy.display().to_string().chars() {
            press(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
        }
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(journal::read(&copy).unwrap().events, app.recorder.events);
        assert!(screen(&app).contains("Copy saved up to event"));

        press(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            app.outcome,
            Some(Outcome::Left),
            "with a full copy, Ctrl-c leaves at once"
        );
    }
}
