//! Keeps a session and its journal in step: each event is flushed to disk before it is applied
//! and shown, and a failed write turns into a visible "not saved" state instead of a crash.
//! The facilitator's holdspace and any co-facilitator's append to the same journal, one at a
//! time, each reading the other's events first, so both fold the same events in the same order.

use crate::domain::{Author, Event, EventKind, Session, SessionMeta};
use crate::session::error::SessionError;
use crate::session::recovery::fold_contents;
use crate::store::journal::{self, Journal, Tail};
use crate::store::log::{SessionLog, load};
use crate::store::paths::{DataDir, ID_MAX, id_of};
use crate::store::{StoreError, atomic::write_atomic, guard};
use chrono::{DateTime, Utc};
use std::fs;
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

#[derive(Debug)]
pub struct Recorder {
    pub session: Session,
    pub events: Vec<Event>,
    journal: Journal,
    /// How far this holdspace has read the journal, its own lines and others'.
    tail: Tail,
    /// Who this holdspace records as: the facilitator running the session, or a
    /// co-facilitator following it.
    pub author: Author,
    pub not_saved: Option<NotSaved>,
    /// Something the facilitator should see once, such as a journal written again.
    notice: Option<String>,
    /// The log is written and the journal removed on purpose: it is not to be written again.
    retired: bool,
}

impl Recorder {
    /// Starts a new session: its journal is created and the `started` event flushed first.
    pub fn start(dir: &DataDir, meta: SessionMeta, now: DateTime<Utc>) -> Result<Self, StoreError> {
        let path = dir
            .journal_path(&meta.id)
            .map_err(|bad| StoreError::new("create the journal in", &dir.journal_dir(), bad.into()))?;
        let journal = Journal::create(dir.disk().clone(), &path)?;
        Self::begin(journal, meta, now).inspect_err(|_| {
            // Nothing in it was acknowledged, so no later start should offer it for resuming.
            let _ = journal::retire(dir.disk().as_ref(), &path);
        })
    }

    /// Starts a session on an already open journal file (tests use a full disk here).
    pub fn begin(journal: Journal, meta: SessionMeta, now: DateTime<Utc>) -> Result<Self, StoreError> {
        let first = Event {
            seq: FIRST_SEQ,
            at: now,
            by: Author::Facilitator,
            kind: EventKind::Started(Box::new(meta)),
        };
        Self::on(journal, vec![first])
    }

    /// Reopens a saved session for its review: a new journal holds its events, so review edits
    /// are flushed like any other event, and `finish` writes the log again.
    pub fn restore(dir: &DataDir, log: &SessionLog) -> Result<Self, StoreError> {
        let path = dir
            .journal_path(&log.id)
            .map_err(|bad| StoreError::new("create the journal in", &dir.journal_dir(), bad.into()))?;
        let journal = Journal::create(dir.disk().clone(), &path)?;
        // Its first event names the session as the file does, as a journal's must.
        Self::on(journal, log.renamed(&log.id).events)
    }

    /// Writes `events` to a new journal, and folds them.
    fn on(mut journal: Journal, events: Vec<Event>) -> Result<Self, StoreError> {
        let path = journal.path().to_owned();
        let session = Session::from_events(&events)
            .map_err(|err| StoreError::new("fold the session in", &path, std::io::Error::other(err)))?;
        // A co-facilitator could join the moment the file exists: it waits for these lines.
        let bytes = journal
            .exclusively(|journal| journal.append_all(&events))
            .and_then(|written| written)
            .map_err(StoreError::at("write the first events to", &path))?;
        let tail = Tail::new(&path, bytes, events.len());
        Ok(Self {
            session,
            events,
            journal,
            tail,
            author: Author::Facilitator,
            not_saved: None,
            notice: None,
            retired: false,
        })
    }

    /// Picks up a recovered session whose journal ends cleanly, to add to it.
    pub fn reopen(
        dir: &DataDir,
        path: &Path,
        events: Vec<Event>,
        session: Session,
    ) -> Result<Self, StoreError> {
        let journal = Journal::reopen(dir.disk().clone(), path)?;
        Ok(Self {
            tail: Tail::new(path, file_length(path)?, events.len()),
            session,
            events,
            journal,
            author: Author::Facilitator,
            not_saved: None,
            notice: None,
            retired: false,
        })
    }

    /// Joins a session another holdspace is running, as its co-facilitator: the journal is read
    /// as it stands, `follow` picks up what is appended after, and what a co-facilitator may
    /// record goes into the same journal.
    pub fn join(dir: &DataDir, path: &Path) -> Result<Self, SessionError> {
        let mut journal = Journal::join(dir.disk().clone(), path)?;
        // Read under the append lock, so a session just started has its first event written.
        let contents =
            journal
                .exclusively(|_| journal::read(path))
                .map_err(|source| SessionError::Lock {
                    path: path.to_owned(),
                    source,
                })??;
        let session = fold_contents(path, &contents)
            .map_err(SessionError::Unreadable)?
            .ok_or_else(|| SessionError::Empty(path.to_owned()))?;
        Ok(Self {
            tail: Tail::new(path, contents.clean_len, contents.events.len()),
            session,
            events: contents.events,
            journal,
            author: Author::CoFacilitator,
            not_saved: None,
            notice: None,
            retired: false,
        })
    }

    /// Takes over the session from a facilitator's holdspace that has stopped: this one holds
    /// the journal from now on, records as the facilitator, and marks the gap.
    pub fn take_over(&mut self, dir: &DataDir, now: DateTime<Utc>) -> Result<(), SessionError> {
        let path = self.journal.path().to_owned();
        let journal = Journal::reopen(dir.disk().clone(), &path)?;
        self.journal = journal;
        self.author = Author::Facilitator;
        self.record(EventKind::Recovered, now);
        Ok(())
    }

    /// Whether this holdspace follows a session another one runs.
    pub fn is_co_facilitator(&self) -> bool {
        !self.author.is_facilitator()
    }

    /// Takes in the events other holdspaces have appended since the last look; how many.
    /// A line still being written waits for the next look.
    pub fn follow(&mut self) -> Result<usize, SessionError> {
        if self.not_saved.is_some() || !self.journal.shared() {
            // Events kept only in memory hold the numbers others' events would take.
            return Ok(0);
        }
        // One look at the journal's identity a second; only a journal moved costs more.
        if !self.journal.in_place().map_err(SessionError::Identity)? {
            if self.is_co_facilitator() {
                adopt_rewritten(&mut self.journal, &mut self.tail, &self.events)?;
            } else {
                self.keep_saved();
            }
        }
        catch_up(&mut self.tail, &mut self.session, &mut self.events)
    }

    /// Records an event and returns whether it reached the disk. The state takes it first, so
    /// an event that does not fit the session, or that this holdspace may not record, is never
    /// written; the screen is drawn only after this returns, so nothing shows before the
    /// journal has it, at its path.
    pub fn record(&mut self, kind: EventKind, now: DateTime<Utc>) -> bool {
        if self.not_saved.is_some() {
            let mut event = self.session.stamp(kind, now);
            event.by = self.author;
            if self.session.apply(&event).is_ok() {
                self.events.push(event);
            }
            return false;
        }
        let (author, tail, session, events, notice) = (
            self.author,
            &mut self.tail,
            &mut self.session,
            &mut self.events,
            &mut self.notice,
        );
        let written = self.journal.exclusively(|journal| {
            if journal.shared() {
                // Others may have appended since this holdspace last looked: theirs come first,
                // and a line a dead writer left unfinished is set aside.
                adopt_rewritten(journal, tail, events)
                    .and_then(|()| catch_up(tail, session, events))
                    .and_then(|_| Ok(tail.set_aside_unfinished(journal.disk())?))
                    .map_err(|err| (session.last_seq + 1, err.to_string()))?;
            }
            let mut event = session.stamp(kind, now);
            event.by = author;
            if session.apply(&event).is_err() {
                return Ok(false);
            }
            let seq = event.seq;
            let bytes = journal.append(&event);
            events.push(event);
            tail.wrote(bytes.map_err(|err| (seq, err.to_string()))?);
            // Flushed is not enough: the file must still be the one at the journal's path.
            keep_in_place(journal, tail, events, notice)?;
            Ok(true)
        });
        let (from_seq, error) = match written {
            Ok(Ok(saved)) => return saved,
            Ok(Err(failure)) => failure,
            Err(err) => (self.session.last_seq + 1, format!("the append lock: {err}")),
        };
        self.stop_saving(from_seq, error);
        false
    }

    /// Makes sure every event is in the file at the journal's path, writing the journal again
    /// from memory if it was removed or replaced since the last look: before saying where the
    /// session is saved, and each second, so a removed journal is back within a second. Only
    /// the facilitator's holdspace does this unasked: to a co-facilitator's, a journal gone is
    /// most often a session finished.
    pub fn keep_saved(&mut self) {
        if self.retired
            || self.is_co_facilitator()
            || self.not_saved.is_some()
            || self.journal.in_place().unwrap_or(false)
        {
            return;
        }
        let (tail, session, events, notice) = (
            &mut self.tail,
            &mut self.session,
            &mut self.events,
            &mut self.notice,
        );
        let kept = self.journal.exclusively(|journal| {
            adopt_rewritten(journal, tail, events)
                .and_then(|()| catch_up(tail, session, events))
                .map_err(|err| (session.last_seq + 1, err.to_string()))?;
            keep_in_place(journal, tail, events, notice)
        });
        let (from_seq, error) = match kept {
            Ok(Ok(())) => return,
            Ok(Err(failure)) => failure,
            Err(err) => (self.session.last_seq + 1, format!("the append lock: {err}")),
        };
        self.stop_saving(from_seq, error);
    }

    /// Stops writing to the journal: from event `from_seq` on, events are kept only in memory.
    fn stop_saving(&mut self, from_seq: u64, error: String) {
        self.not_saved = Some(NotSaved {
            error: format!("{}: {error}", self.journal.path().display()),
            from_seq,
            rescued_through: None,
        });
    }

    /// What the recorder has to tell the facilitator (a journal written again), once.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    pub fn journal_path(&self) -> &Path {
        self.journal.path()
    }

    /// Writes the log of an ended session, keeping the journal open for its review.
    pub fn write_log(&self, dir: &DataDir) -> Result<PathBuf, StoreError> {
        if self.is_co_facilitator() {
            return Err(StoreError::new(
                "write the log of a session another holdspace runs, from",
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
        let id = id_of(self.journal_path())
            .map_err(|bad| StoreError::new("name the log of", self.journal_path(), bad.into()))?;
        let (log, path) = log_slot(dir, &log, id)?;
        log.write(dir.disk().as_ref(), &path)?;
        Ok(path)
    }

    /// Writes the final log of an ended session and retires its journal.
    pub fn finish(&mut self, dir: &DataDir) -> Result<PathBuf, StoreError> {
        let path = self.write_log(dir)?;
        journal::retire(dir.disk().as_ref(), self.journal_path())?;
        self.retired = true;
        Ok(path)
    }

    /// Writes every event so far, as JSON Lines, to a file of the user's choosing outside the
    /// data folder.
    pub fn rescue(&mut self, dir: &DataDir, path: &Path) -> Result<(), StoreError> {
        let mut bytes = Vec::new();
        for event in &self.events {
            bytes.extend(serde_json::to_vec(event).unwrap_or_default());
            bytes.push(b'\n');
        }
        guard::outside(dir.root(), path)?;
        write_atomic(self.journal.disk(), path, &bytes)?;
        if let Some(not_saved) = &mut self.not_saved {
            not_saved.rescued_through = Some(self.session.last_seq);
        }
        Ok(())
    }
}

/// The log to write for a session whose journal is named `id`, and where: at its own name,
/// unless a saved log there is another session's or cannot be read, when the first free name
/// (or its own earlier log) among `ID-2`, `ID-3`, ... is taken and the log renamed to match.
/// A saved log is replaced only by one that holds all of its events: its own review.
fn log_slot(dir: &DataDir, log: &SessionLog, id: &str) -> Result<(SessionLog, PathBuf), StoreError> {
    let journal = dir.journal_path(id).unwrap_or_default();
    for n in 1..=MAX_LOG_SLOTS {
        let name = slot_name(id, n);
        let path = dir
            .log_path(&name)
            .map_err(|bad| StoreError::new("name the log of", &journal, bad.into()))?;
        let candidate = log.renamed(&name);
        let free = match fs::symlink_metadata(&path) {
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => true,
            Err(err) => return Err(StoreError::new("read", &path, err)),
            Ok(_) => load(&path).is_ok_and(|saved| !saved.newer && holds_all(&candidate, &saved.log)),
        };
        if free {
            return Ok((candidate, path));
        }
    }
    Err(StoreError::new(
        "find a free name for the log of",
        &journal,
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!(
                "each of the names {id} to {} in {} holds another session's log, a newer \
                 holdspace's, or a file that is not a log",
                slot_name(id, MAX_LOG_SLOTS),
                dir.sessions_dir().display()
            ),
        ),
    ))
}

/// The `n`th name `log_slot` tries for the session `id`: `ID`, then `ID-2`, `ID-3`..., the ID
/// cut short where the number would make the name too long to be an ID.
fn slot_name(id: &str, n: usize) -> String {
    if n == 1 {
        return id.to_owned();
    }
    let number = format!("-{n}");
    let kept: String = id.chars().take(ID_MAX - number.len()).collect();
    kept + &number
}

/// Whether `log` holds every event of the saved log `saved`, from its start: the same session,
/// reviewed since. A saved log with no events holds none of this session's, so it is another's.
fn holds_all(log: &SessionLog, saved: &SessionLog) -> bool {
    !saved.events.is_empty() && log.events.starts_with(&saved.events)
}

/// The number of a session's first event.
pub const FIRST_SEQ: u64 = 1;

/// How many names `log_slot` tries before giving up.
const MAX_LOG_SLOTS: usize = 100;

/// If the journal's file is no longer at its path, writes every event to the path again and
/// goes on with that file, saying so in `notice`. When that fails, no event is in a file at the
/// journal's path, so the failure is from the first event on.
fn keep_in_place(
    journal: &mut Journal,
    tail: &mut Tail,
    events: &[Event],
    notice: &mut Option<String>,
) -> Result<(), (u64, String)> {
    let none_there = |err: String| (FIRST_SEQ, err);
    if journal.in_place().map_err(|err| none_there(err.to_string()))? {
        return Ok(());
    }
    let bytes = journal
        .rewrite(events)
        .map_err(|err| none_there(err.to_string()))?;
    *tail = Tail::new(journal.path(), bytes, events.len());
    *notice = Some(format!(
        "{} was removed or replaced; all {} events were written to it again",
        journal.path().display(),
        events.len()
    ));
    Ok(())
}

/// When another holdspace has written the journal again (it found it removed), reads and
/// writes the new file from here on, if it holds every event this one knows; otherwise this
/// one goes on with its own file, and writes the journal again itself when it next writes.
fn adopt_rewritten(journal: &mut Journal, tail: &mut Tail, events: &[Event]) -> Result<(), SessionError> {
    if !journal.shared() || journal.in_place().map_err(SessionError::Identity)? {
        return Ok(());
    }
    let there = journal::read(journal.path());
    if there.is_ok_and(|contents| contents.events.starts_with(events)) {
        tail.find_place()?;
        journal.reattach()?;
    }
    Ok(())
}

/// Applies the complete lines appended to the journal since `tail` last read it.
fn catch_up(tail: &mut Tail, session: &mut Session, events: &mut Vec<Event>) -> Result<usize, SessionError> {
    let fresh = tail.poll()?;
    for event in &fresh {
        session.apply(event).map_err(|err| SessionError::BadEvent {
            path: tail.path().to_owned(),
            seq: event.seq,
            message: err.message,
        })?;
    }
    let count = fresh.len();
    events.extend(fresh);
    Ok(count)
}

fn file_length(path: &Path) -> Result<u64, StoreError> {
    std::fs::metadata(path)
        .map(|meta| meta.len())
        .map_err(StoreError::at("read the length of", path))
}
