//! Keeps a session and its journal in step: each event is flushed to disk before it is applied
//! and shown, and a failed write turns into a visible "not saved" state instead of a crash.

use crate::domain::{Event, EventKind, Session, SessionMeta};
use crate::store::disk::{Disk, Os};
use crate::store::journal::{self, Journal, Tail};
use crate::store::log::SessionLog;
use crate::store::paths::DataDir;
use crate::store::{StoreError, atomic::write_atomic};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

/// Why events are no longer reaching the journal. Once a write or flush has failed the journal
/// is never written again in this run: a later success could not vouch for the failed event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotSaved {
    pub error: String,
    /// The first event that is only in memory.
    pub from_seq: u64,
    /// The last event written to a rescue copy, if one was made.
    pub rescued_through: Option<u64>,
}

/// Where recorded events go: the session's journal, or nowhere for a read-only view that
/// follows the journal another holdspace is writing.
#[derive(Debug)]
enum Sink {
    Journal(Journal),
    Watching(Tail),
}

#[derive(Debug)]
pub struct Recorder {
    pub session: Session,
    pub events: Vec<Event>,
    sink: Sink,
    pub not_saved: Option<NotSaved>,
}

impl Recorder {
    /// Starts a new session: its journal is created and the `started` event flushed first.
    pub fn start(dir: &DataDir, meta: SessionMeta, now: DateTime<Utc>) -> Result<Self, StoreError> {
        let path = dir.journal_path(&meta.id);
        let journal = Journal::create(dir.disk().clone(), &path)?;
        Self::begin(journal, meta, now).inspect_err(|_| {
            // Nothing in it was acknowledged, so no later start should offer it for resuming.
            let _ = journal::retire(dir.disk().as_ref(), &path);
        })
    }

    /// Starts a session on an already open journal file (tests use a full disk here).
    pub fn begin(mut journal: Journal, meta: SessionMeta, now: DateTime<Utc>) -> Result<Self, StoreError> {
        let first = Event {
            seq: 1,
            at: now,
            kind: EventKind::Started(Box::new(meta)),
        };
        let path = journal.path().to_owned();
        journal
            .append(&first)
            .map_err(StoreError::at("write the first event to", &path))?;
        let session = Session::from_events([&first]).map_err(|err| {
            StoreError::new("start a session in", journal.path(), std::io::Error::other(err))
        })?;
        Ok(Self {
            session,
            events: vec![first],
            sink: Sink::Journal(journal),
            not_saved: None,
        })
    }

    /// Reopens a saved session for its review: a new journal holds its events, so review edits
    /// are flushed like any other event, and `finish` writes the log again.
    pub fn restore(dir: &DataDir, log: &SessionLog) -> Result<Self, StoreError> {
        let path = dir.journal_path(&log.id);
        let events = log.events.clone();
        let session = Session::from_events(&events)
            .map_err(|err| StoreError::new("review the session in", &path, std::io::Error::other(err)))?;
        let mut journal = Journal::create(dir.disk().clone(), &path)?;
        journal
            .append_all(&events)
            .map_err(StoreError::at("write the saved events to", &path))?;
        Ok(Self {
            session,
            events,
            sink: Sink::Journal(journal),
            not_saved: None,
        })
    }

    /// Picks up a recovered session whose journal ends cleanly, to add to it.
    pub fn reopen(
        dir: &DataDir,
        path: &Path,
        events: Vec<Event>,
        session: Session,
    ) -> Result<Self, StoreError> {
        Ok(Self {
            session,
            events,
            sink: Sink::Journal(Journal::reopen(dir.disk().clone(), path)?),
            not_saved: None,
        })
    }

    /// Opens a session another holdspace is running, read-only: its journal is read as it
    /// stands, and `follow` picks up what is appended after.
    pub fn watch(path: &Path) -> Result<Self, String> {
        let contents = journal::read(path).map_err(|err| err.to_string())?;
        if let Some(bad) = contents.bad_lines.first() {
            return Err(format!(
                "{} line {}: not an event ({})",
                path.display(),
                bad.line,
                bad.error
            ));
        }
        let session = Session::from_events(&contents.events)
            .map_err(|err| format!("{}: {}", path.display(), err.message))?;
        let tail = Tail::new(path, contents.clean_len, contents.events.len());
        Ok(Self {
            session,
            events: contents.events,
            sink: Sink::Watching(tail),
            not_saved: None,
        })
    }

    /// Whether this only follows a session that another holdspace records.
    pub fn read_only(&self) -> bool {
        matches!(self.sink, Sink::Watching(_))
    }

    /// Applies the events another holdspace has appended since the last call; how many.
    pub fn follow(&mut self) -> Result<usize, String> {
        let Sink::Watching(tail) = &mut self.sink else {
            return Ok(0);
        };
        let events = tail.poll().map_err(|err| err.to_string())?;
        for event in &events {
            self.session
                .apply(event)
                .map_err(|err| format!("{} event {}: {}", tail.path().display(), event.seq, err.message))?;
        }
        let count = events.len();
        self.events.extend(events);
        Ok(count)
    }

    /// Records an event and returns whether it reached the disk. The state takes it first, so
    /// an event that does not fit the session is never written; the screen is drawn only after
    /// this returns, so nothing shows before the journal has it. A read-only view records
    /// nothing.
    pub fn record(&mut self, kind: EventKind, now: DateTime<Utc>) -> bool {
        let Sink::Journal(journal) = &mut self.sink else {
            return false;
        };
        let event = self.session.stamp(kind, now);
        if self.session.apply(&event).is_err() {
            return false;
        }
        if self.not_saved.is_none()
            && let Err(err) = journal.append(&event)
        {
            self.not_saved = Some(NotSaved {
                error: format!("{}: {err}", journal.path().display()),
                from_seq: event.seq,
                rescued_through: None,
            });
        }
        self.events.push(event);
        self.not_saved.is_none()
    }

    pub fn journal_path(&self) -> &Path {
        match &self.sink {
            Sink::Journal(journal) => journal.path(),
            Sink::Watching(tail) => tail.path(),
        }
    }

    fn disk(&self) -> &dyn Disk {
        match &self.sink {
            Sink::Journal(journal) => journal.disk(),
            Sink::Watching(_) => &Os,
        }
    }

    /// Writes the log of an ended session, keeping the journal open for its review.
    pub fn write_log(&self, dir: &DataDir) -> Result<PathBuf, StoreError> {
        if self.read_only() {
            return Err(StoreError::new(
                "write the log of a session another holdspace has open, from",
                self.journal_path(),
                std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem),
            ));
        }
        let log = SessionLog::of(&self.session, &self.events).ok_or_else(|| {
            StoreError::new(
                "write the log of a session still running to",
                self.journal_path(),
                std::io::Error::other("the session has not ended"),
            )
        })?;
        let path = dir.log_path(&self.session.meta.id);
        log.write(dir.disk().as_ref(), &path)?;
        Ok(path)
    }

    /// Writes the final log of an ended session and retires its journal.
    pub fn finish(&self, dir: &DataDir) -> Result<PathBuf, StoreError> {
        let path = self.write_log(dir)?;
        journal::retire(dir.disk().as_ref(), self.journal_path())?;
        Ok(path)
    }

    /// Writes every event so far, as JSON Lines, to a file of the user's choosing.
    pub fn rescue(&mut self, path: &Path) -> Result<(), StoreError> {
        let mut bytes = Vec::new();
        for event in &self.events {
            bytes.extend(serde_json::to_vec(event).unwrap_or_default());
            bytes.push(b'\n');
        }
        write_atomic(self.disk(), path, &bytes)?;
        if let Some(not_saved) = &mut self.not_saved {
            not_saved.rescued_through = Some(self.session.last_seq);
        }
        Ok(())
    }
}
