//! A change to a saved session made the way its reopened review makes one: the saved log's
//! events go into a new journal, the change is flushed there, then the log is written again
//! atomically and the journal retired. Nothing is called done before the log on disk holds it;
//! should the log not be written, the journal keeps the change for the next start to finish.

use crate::domain::{Command, Session};
use crate::session::recorder::Recorder;
use crate::store::StoreError;
use crate::store::log::SessionLog;
use crate::store::paths::DataDir;
use chrono::{DateTime, Utc};
use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum AmendError {
    /// The session does not take the change; why.
    Refused(&'static str),
    /// The saved log's events do not make a session.
    Unreadable { id: String, message: String },
    /// The journal for the change could not be made.
    Store(StoreError),
    /// The change did not reach the journal.
    NotSaved(String),
    /// The change is in the journal, but the log could not be written again.
    NotWritten { journal: PathBuf, error: StoreError },
}

impl fmt::Display for AmendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Refused(reason) => f.write_str(reason),
            Self::Unreadable { id, message } => write!(
                f,
                "session {} cannot be changed: its events do not make a session ({message})",
                crate::util::text::sanitize(id)
            ),
            Self::Store(err) => err.fmt(f),
            Self::NotSaved(error) => write!(f, "NOT SAVED: {error}"),
            Self::NotWritten { journal, error } => write!(
                f,
                "the session log was not written again ({error}); the change is saved in {}, and \
                 the next holdspace start writes it into the log",
                journal.display()
            ),
        }
    }
}

impl std::error::Error for AmendError {}

/// Records what `command` comes to on the saved session `log` at `now` and writes its log
/// again: the session as it now stands, and where its log is.
pub fn amend(
    dir: &DataDir,
    log: &SessionLog,
    command: &Command,
    now: DateTime<Utc>,
) -> Result<(Session, PathBuf), AmendError> {
    // Asked before any journal is made, so a refused change leaves nothing behind.
    let session = Session::from_events(&log.events).map_err(|err| AmendError::Unreadable {
        id: log.id.clone(),
        message: err.to_string(),
    })?;
    let kind = session.decide(command, now).map_err(AmendError::Refused)?;
    let mut recorder = Recorder::restore(dir, log).map_err(AmendError::Store)?;
    if !recorder.record(kind, now) {
        let error =
            (recorder.not_saved.as_ref()).map_or_else(String::new, |not_saved| not_saved.error.clone());
        return Err(AmendError::NotSaved(error));
    }
    let path = recorder.finish(dir).map_err(|error| AmendError::NotWritten {
        journal: recorder.journal_path().to_owned(),
        error,
    })?;
    Ok((recorder.session, path))
}
