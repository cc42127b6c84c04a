//! Fault injection across a whole session, start to finished review: a disk that fails its Nth
//! open, write, flush, rename, removal or truncation with EIO or ENOSPC, for every N. The app
//! never panics, says NOT SAVED, keeps the whole session in memory, loses no acknowledged
//! event, can save a copy elsewhere, and the next start picks up what is on disk.

use crate::fixture;
use crate::screen;

use fixture::{people, press, t0};
use holdspace::domain::{Event, Session};
use holdspace::session::recorder::Recorder;
use holdspace::session::recovery::{self, Found};
use holdspace::store::disk::{Disk, Durable, Open, Os};
use holdspace::store::journal;
use holdspace::store::log;
use holdspace::store::paths::DataDir;
use holdspace::ui::app::{App, Outcome, Overlay};
use holdspace::util::format::Zone;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

const EIO: i32 = 5;
const ENOSPC: i32 = 28;

/// Counts every operation on files under `root` and fails the `fail_at`th one, once: a later
/// operation succeeding must not make the app trust the one that failed.
#[derive(Debug)]
struct Faulty {
    root: PathBuf,
    ops: AtomicUsize,
    fail_at: usize,
    errno: i32,
    failed: Mutex<Option<String>>,
}

impl Faulty {
    fn new(root: &Path, fail_at: usize, errno: i32) -> Arc<Self> {
        Arc::new(Self {
            root: root.to_owned(),
            ops: AtomicUsize::new(0),
            fail_at,
            errno,
            failed: Mutex::new(None),
        })
    }

    /// Counts an operation on `path`; an error if it is the one to fail.
    fn tick(&self, what: &str, path: &Path) -> io::Result<()> {
        if !path.starts_with(&self.root) {
            return Ok(());
        }
        if self.ops.fetch_add(1, Ordering::SeqCst) + 1 == self.fail_at {
            *self.failed.lock().unwrap() = Some(format!("{what} {}", path.display()));
            return Err(io::Error::from_raw_os_error(self.errno));
        }
        Ok(())
    }

    fn failed(&self) -> Option<String> {
        self.failed.lock().unwrap().clone()
    }

    fn count(&self) -> usize {
        self.ops.load(Ordering::SeqCst)
    }

    fn wrap(self: &Arc<Self>, path: &Path, file: Box<dyn Durable>) -> Box<dyn Durable> {
        Box::new(FaultyFile {
            disk: Arc::clone(self),
            path: path.to_owned(),
            file,
        })
    }
}

/// A file whose writes and flushes count towards the disk's failure; a failing write leaves
/// half its bytes behind, as a write cut short by a full disk does.
struct FaultyFile {
    disk: Arc<Faulty>,
    path: PathBuf,
    file: Box<dyn Durable>,
}

impl Write for FaultyFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Err(err) = self.disk.tick("write", &self.path) {
            self.file.write_all(&buf[..buf.len() / 2])?;
            return Err(err);
        }
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Durable for FaultyFile {
    fn sync(&mut self) -> io::Result<()> {
        self.disk.tick("fsync", &self.path)?;
        self.file.sync()
    }
}

/// The disk as the store sees it: the real one, with the failures of `Faulty`.
#[derive(Debug)]
struct Failing(Arc<Faulty>);

impl Disk for Failing {
    fn open(&self, path: &Path, how: Open) -> io::Result<Box<dyn Durable>> {
        self.0.tick("open", path)?;
        Ok(self.0.wrap(path, Os.open(path, how)?))
    }

    fn temp(&self, target: &Path) -> io::Result<(PathBuf, Box<dyn Durable>)> {
        self.0.tick("create a temporary file beside", target)?;
        let (path, file) = Os.temp(target)?;
        let file = self.0.wrap(&path, file);
        Ok((path, file))
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.0.tick("rename", to)?;
        Os.rename(from, to)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        self.0.tick("remove", path)?;
        Os.remove(path)
    }

    fn truncate(&self, path: &Path, len: u64) -> io::Result<()> {
        self.0.tick("truncate", path)?;
        Os.truncate(path, len)
    }

    fn sync_dir(&self, folder: &Path) -> io::Result<()> {
        self.0.tick("fsync", folder)?;
        Os.sync_dir(folder)
    }
}

/// A whole session as keys: agenda moves, a note, hands and a turn, attendance and a flag,
/// the end, then the review's note, rating and summary, and finishing.
const SCRIPT: &[&str] = &[
    "n",
    " ",
    " ",
    "+",
    ":opening round went well⏎",
    "hAna⏎",
    "s",
    "hBen⏎",
    "s",
    "ap↓l!see her before next week⏎⎋",
    "n",
    "qy",
    "r⏎",
    "4",
    "sa calm session⏎",
    "q",
];

/// What one run of the script left behind.
struct Run {
    app: Option<App>,
    /// The highest event number the app showed as saved.
    acknowledged: u64,
    /// Whether the screen said NOT SAVED right after the failure.
    warned: bool,
    failed: Option<String>,
    ops: usize,
    _tmp: tempfile::TempDir,
    dir: DataDir,
}

fn run(fail_at: usize, errno: i32) -> Run {
    let (tmp, dir) = fixture::data_dir();
    let faulty = Faulty::new(dir.root(), fail_at, errno);
    let failing = dir.clone().on(Arc::new(Failing(Arc::clone(&faulty))));
    let meta = people("faults", &["Ana", "Ben"]);
    let mut run = Run {
        app: None,
        acknowledged: 0,
        warned: false,
        failed: None,
        ops: 0,
        _tmp: tmp,
        dir,
    };
    let recorder = match Recorder::start(&failing, meta, t0()) {
        Ok(recorder) => recorder,
        Err(err) => {
            let message = err.to_string();
            assert!(
                message.contains("faults.jsonl") || message.contains("journal"),
                "{message}"
            );
            run.failed = faulty.failed();
            run.ops = faulty.count();
            return run;
        }
    };
    let zone = Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap());
    let mut app = App::new(
        recorder,
        failing,
        holdspace::ui::theme::themes::fallback(true),
        zone,
        t0(),
    );
    run.acknowledged = 1;
    for (step, keys) in SCRIPT.iter().enumerate() {
        let now = t0() + chrono::TimeDelta::seconds(61 * (step as i64 + 1));
        app.tick(now);
        press(&mut app, keys);
        if app.recorder.not_saved.is_none() {
            run.acknowledged = app.recorder.session.last_seq;
        }
        if faulty.failed().is_some() && !run.warned {
            let shown = screen::screen(&screen::draw(&app, 120, 40));
            assert!(
                shown.contains("NOT SAVED"),
                "fail_at {fail_at}: {:?} failed during {keys:?} and the screen does not say so:\n{shown}",
                faulty.failed()
            );
            run.warned = true;
        }
    }
    run.failed = faulty.failed();
    run.ops = faulty.count();
    run.app = Some(app);
    run
}

/// The events the data folder holds for the session: its journal if one is left, else its log.
fn on_disk(dir: &DataDir) -> Vec<Event> {
    let journal = dir.journal_path("faults").expect("a session ID");
    if journal.exists() {
        let contents = journal::read(&journal).unwrap();
        assert!(contents.bad_lines.is_empty(), "{:?}", contents.bad_lines);
        return contents.events;
    }
    match log::load(&dir.log_path("faults").expect("a session ID")) {
        Ok(loaded) => loaded.log.events,
        Err(_) => Vec::new(),
    }
}

fn check(fail_at: usize, errno: i32, baseline: &[Event]) {
    let Run {
        app,
        acknowledged,
        warned,
        failed,
        dir,
        _tmp,
        ..
    } = run(fail_at, errno);
    let context = format!("fail_at {fail_at}, errno {errno}, failed {failed:?}");
    assert!(failed.is_some(), "{context}: the failure was never reached");
    let Some(mut app) = app else {
        assert!(
            on_disk(&dir).is_empty() || recovery_of(&dir).is_none(),
            "{context}: a session that could not start left nothing to resume"
        );
        return;
    };
    assert!(warned, "{context}");

    // Memory holds the whole session, and the state is exactly its events' fold.
    let events = app.recorder.events.clone();
    assert_eq!(events.len(), baseline.len(), "{context}");
    assert_eq!(
        Session::from_events(&events).unwrap(),
        app.recorder.session,
        "{context}"
    );

    // A copy can be saved elsewhere, whatever the data folder's disk is doing.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("copy.jsonl");
    press(&mut app, "S");
    if let Some(Overlay::Input { text, .. }) = &mut app.overlay {
        text.clear();
        text.push_str(&copy.display().to_string());
    } else {
        panic!("{context}: S opens the path input");
    }
    press(&mut app, "⏎");
    assert_eq!(journal::read(&copy).unwrap().events, events, "{context}");

    // Nothing acknowledged is missing from the disk, in order.
    let mut saved = on_disk(&dir);
    if app.outcome.is_none() {
        // The log was not written: the journal has every acknowledged event, and finishing
        // again (the disk now healthy) writes the log.
        assert!(
            app.finish_error.is_some() || app.recorder.not_saved.is_some(),
            "{context}"
        );
        press(&mut app, "q");
    }
    let finished = matches!(app.outcome, Some(Outcome::Finished(_)));
    saved.truncate(saved.len().max(acknowledged as usize));
    let acknowledged = acknowledged as usize;
    assert!(
        saved.len() >= acknowledged,
        "{context}: {} saved, {acknowledged} acknowledged",
        saved.len()
    );
    assert_eq!(saved[..acknowledged], events[..acknowledged], "{context}");
    drop(app);

    // The next start finds a whole session: the log, or a journal that resumes and appends.
    if finished {
        assert_eq!(
            log::load(&dir.log_path("faults").expect("a session ID"))
                .unwrap()
                .log
                .events,
            events,
            "{context}"
        );
    } else if let Some(session) = recovery_of(&dir) {
        assert!(session.last_seq as usize >= acknowledged, "{context}");
    }
}

/// Resumes the session's journal as the next start would and appends to it; its state.
fn recovery_of(dir: &DataDir) -> Option<Session> {
    let path = dir.journal_path("faults").expect("a session ID");
    if !path.exists() {
        return None;
    }
    match recovery::inspect(&path) {
        Found::Resumable(found) => {
            journal::cut_torn_tail(&Os, &found.path, &found.contents).unwrap();
            let mut recorder = Recorder::reopen(dir, &path, found.contents.events, found.session).unwrap();
            assert!(recorder.record(
                holdspace::domain::EventKind::Recovered,
                t0() + chrono::TimeDelta::hours(3)
            ));
            let after = journal::read(&path).unwrap();
            assert!(after.bad_lines.is_empty() && after.torn_tail.is_empty());
            Some(recorder.session)
        }
        Found::Empty(..) => None,
        other => panic!("the journal left by a failure cannot be used: {other:?}"),
    }
}

#[test]
fn every_operation_of_a_session_can_fail_without_losing_what_was_acknowledged() {
    let clean = run(usize::MAX, EIO);
    let app = clean.app.expect("a healthy disk runs the session");
    assert!(
        matches!(app.outcome, Some(Outcome::Finished(_))),
        "the script finishes the review"
    );
    assert!(clean.failed.is_none());
    let baseline = app.recorder.events.clone();
    assert!(baseline.len() > 15, "the script records a whole session");
    assert!(
        clean.ops > 40,
        "the script exercises the disk: {} operations",
        clean.ops
    );
    for errno in [EIO, ENOSPC] {
        for fail_at in 1..=clean.ops {
            check(fail_at, errno, &baseline);
        }
    }
}
