//! Finding sessions that were interrupted (a journal with no log) and deciding what can resume.

use crate::domain::session::FoldError;
use crate::domain::{Event, EventKind, SCHEMA_VERSION, Session};
use crate::store::journal::{self, Contents};
use crate::store::paths::id_of;
use crate::util::text::sanitize;
use std::path::{Path, PathBuf};

/// A journal that folds into a session and can be resumed or closed.
#[derive(Debug)]
pub struct Interrupted {
    pub path: PathBuf,
    pub contents: Contents,
    pub session: Session,
}

#[derive(Debug)]
pub enum Found {
    Resumable(Box<Interrupted>),
    /// Nothing in it was ever acknowledged: only a torn first line, or no bytes at all.
    Empty(PathBuf, Contents),
    /// Open in a holdspace that is still running: it can be followed as its co-facilitator.
    Running(PathBuf),
    /// Cannot be resumed by this build; left untouched, with the reason.
    Unusable(String),
}

pub fn inspect(path: &Path) -> Found {
    if journal::in_use(path) {
        return Found::Running(path.to_owned());
    }
    // Only a regular file is read: a link, a pipe or a folder in its place is named.
    let contents = match journal::read(path) {
        Ok(contents) => contents,
        Err(err) => return Found::Unusable(format!("{err}; it was left untouched.")),
    };
    match fold_contents(path, &contents) {
        Ok(Some(session)) => Found::Resumable(Box::new(Interrupted {
            path: path.to_owned(),
            contents,
            session,
        })),
        Ok(None) => Found::Empty(path.to_owned(), contents),
        Err(unreadable @ Unreadable::Damaged { .. }) => Found::Unusable(format!(
            "{unreadable}. The journal was left untouched; move it out of the journal folder to \
             stop this message."
        )),
        Err(unreadable @ Unreadable::Newer { .. }) => {
            Found::Unusable(format!("{unreadable}; it was left untouched."))
        }
        Err(unreadable @ (Unreadable::DoesNotFold { .. } | Unreadable::Misnamed { .. })) => {
            Found::Unusable(format!("{unreadable}. The journal was left untouched."))
        }
    }
}

/// Why this build cannot fold a journal's contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// A newer holdspace wrote it: it may hold events this one does not know.
    Newer { path: PathBuf, version: u32 },
    /// A complete line that is not an event.
    Damaged {
        path: PathBuf,
        line: usize,
        error: String,
    },
    /// An event that cannot follow the ones before it.
    DoesNotFold {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// The session's ID, written in its first line, is not the file's name.
    Misnamed { path: PathBuf, id: String },
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Newer { path, version } => write!(
                f,
                "{} was written by a newer holdspace (schema_version {version}, this one knows {SCHEMA_VERSION})",
                path.display()
            ),
            Self::Damaged { path, line, error } => {
                write!(f, "{} line {line}: not a valid event ({error})", path.display())
            }
            Self::DoesNotFold { path, line, message } => {
                write!(f, "{} line {line}: {message}", path.display())
            }
            Self::Misnamed { path, id } => write!(
                f,
                "{} line 1: id: {:?} is not the file's name; a session's ID is the name of its \
                 files, so the two must agree",
                path.display(),
                sanitize(id)
            ),
        }
    }
}

/// The session a journal's contents fold to, `None` if it holds no event yet, or why this build
/// cannot read it. Resuming and following a running session both read journals this way.
pub fn fold_contents(path: &Path, contents: &Contents) -> Result<Option<Session>, Unreadable> {
    // A newer holdspace may write event types this one does not know, so its journal must be
    // recognised as newer before any line is called damaged.
    if let Some(EventKind::Started(meta)) = contents.events.first().map(|event| &event.kind)
        && meta.schema_version > SCHEMA_VERSION
    {
        return Err(Unreadable::Newer {
            path: path.to_owned(),
            version: meta.schema_version,
        });
    }
    if let Some(bad) = contents.bad_lines.first() {
        return Err(Unreadable::Damaged {
            path: path.to_owned(),
            line: bad.line,
            error: bad.error.clone(),
        });
    }
    if contents.events.is_empty() {
        return Ok(None);
    }
    let session = fold(&contents.events).map_err(|(line, err)| Unreadable::DoesNotFold {
        path: path.to_owned(),
        line,
        message: err.message,
    })?;
    // The ID names the log the session is saved to: one that is not the file's own name could
    // send it anywhere, or onto another session's log.
    if id_of(path).ok() != Some(session.meta.id.as_str()) {
        return Err(Unreadable::Misnamed {
            path: path.to_owned(),
            id: session.meta.id,
        });
    }
    Ok(Some(session))
}

/// Folds events in order, naming the line (one per event here, as no line was bad) that failed.
fn fold(events: &[Event]) -> Result<Session, (usize, FoldError)> {
    let mut session = Session::from_events(events.first()).map_err(|err| (1, err))?;
    for (index, event) in events.iter().enumerate().skip(1) {
        session.apply(event).map_err(|err| (index + 1, err))?;
    }
    Ok(session)
}
