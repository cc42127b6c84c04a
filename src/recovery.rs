//! Finding sessions that were interrupted (a journal with no log) and deciding what can resume.

use crate::domain::session::FoldError;
use crate::domain::{Event, EventKind, SCHEMA_VERSION, Session};
use crate::store::journal::{self, Contents};
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
    /// Open in a holdspace that is still running: it can be watched, read-only.
    Running(PathBuf),
    /// Cannot be resumed by this build; left untouched, with the reason.
    Unusable(String),
}

pub fn inspect(path: &Path) -> Found {
    if journal::in_use(path) {
        return Found::Running(path.to_owned());
    }
    let contents = match journal::read(path) {
        Ok(contents) => contents,
        Err(err) => return Found::Unusable(err.to_string()),
    };
    let shown = path.display();
    // A newer holdspace may write event types this one does not know, so its journal must be
    // recognised as newer before any line is called damaged.
    if let Some(EventKind::Started(meta)) = contents.events.first().map(|event| &event.kind)
        && meta.schema_version > SCHEMA_VERSION
    {
        return Found::Unusable(format!(
            "{shown} was written by a newer holdspace (schema_version {}, this one knows {}); \
             it was left untouched.",
            meta.schema_version, SCHEMA_VERSION
        ));
    }
    if let Some(bad) = contents.bad_lines.first() {
        return Found::Unusable(format!(
            "{shown} line {}: not a valid event ({}). The journal was left untouched; \
             move it out of the journal folder to stop this message.",
            bad.line, bad.error
        ));
    }
    if contents.events.is_empty() {
        return Found::Empty(path.to_owned(), contents);
    }
    match fold(&contents.events) {
        Ok(session) => Found::Resumable(Box::new(Interrupted {
            path: path.to_owned(),
            contents,
            session,
        })),
        Err((line, err)) => Found::Unusable(format!(
            "{shown} line {line}: {}. The journal was left untouched.",
            err.message
        )),
    }
}

/// Folds events in order, naming the line (one per event here, as no line was bad) that failed.
fn fold(events: &[Event]) -> Result<Session, (usize, FoldError)> {
    let mut session = Session::from_events(events.first()).map_err(|err| (1, err))?;
    for (index, event) in events.iter().enumerate().skip(1) {
        session.apply(event).map_err(|err| (index + 1, err))?;
    }
    Ok(session)
}
