//! The journals found at start: those needing no question are closed (an ended session's log
//! written, an empty journal removed), the first resumable one is kept to offer, and the
//! running and unusable ones are noted for the start-up question.
use crate::domain::EventKind;
use crate::launch::error::LaunchError;
use crate::session::recorder::Recorder;
use crate::session::recovery::{Found, Interrupted, inspect};
use crate::store::journal;
use crate::store::paths::DataDir;
use std::path::PathBuf;

/// What the journal folder held at start, once the journals needing no question were closed.
#[derive(Debug, Default)]
pub struct Journals {
    /// The first session that can be resumed.
    pub interrupted: Option<Interrupted>,
    /// Sessions open in another holdspace that is still running.
    pub running: Vec<PathBuf>,
    /// A line for each journal that cannot be used, or waits its turn.
    pub problems: Vec<String>,
}

impl Journals {
    pub fn need_asking(&self) -> bool {
        self.interrupted.is_some() || !self.running.is_empty() || !self.problems.is_empty()
    }
}

/// Sorts the journals found at start: closes the ones that need no question, keeps the first
/// resumable one, and notes the running and the unusable ones.
pub fn triage(dir: &DataDir) -> Result<Journals, LaunchError> {
    let mut found = Journals::default();
    for path in dir.open_journals()? {
        match inspect(&path) {
            Found::Resumable(session) if session.session.ended.is_some() => {
                // Ended but its log was never written: finish the job without asking. A log
                // that cannot be written leaves the journal as it is, and stops no new session.
                let path = session.path.clone();
                match reopen(dir, *session).and_then(|mut recorder| Ok(recorder.finish(dir)?)) {
                    Ok(log) => crate::util::notice::say(format_args!(
                        "saved the log of an ended session: {}",
                        log.display()
                    )),
                    Err(err) => found.problems.push(format!(
                        "{err}. The ended session's journal {} was kept; its log is written at a later start.",
                        path.display()
                    )),
                }
            }
            Found::Resumable(session) if found.interrupted.is_none() => found.interrupted = Some(*session),
            Found::Resumable(session) => found.problems.push(format!(
                "{} is another interrupted session; it will be offered after this one.",
                session.path.display()
            )),
            Found::Running(path) => found.running.push(path),
            Found::Empty(path, contents) => {
                // Nothing in it was ever acknowledged; any cut-off bytes are kept aside.
                let disk = dir.disk().as_ref();
                let aside = journal::cut_torn_tail(disk, &path, &contents)?;
                journal::retire(disk, &path)?;
                if let Some(aside) = aside {
                    crate::util::notice::say(format_args!(
                        "a session that never saved its first event was removed; \
                         its cut-off bytes are in {}",
                        aside.display()
                    ));
                }
            }
            Found::Unusable(problem) => found.problems.push(problem),
        }
    }
    Ok(found)
}

/// Cuts any torn tail (keeping it aside) and reopens the journal for appending.
pub fn reopen(dir: &DataDir, found: Interrupted) -> Result<Recorder, LaunchError> {
    journal::cut_torn_tail(dir.disk().as_ref(), &found.path, &found.contents)?;
    Ok(Recorder::reopen(
        dir,
        &found.path,
        found.contents.events,
        found.session,
    )?)
}

/// Ends an interrupted session at its last recorded moment and writes its log.
pub fn close_interrupted(dir: &DataDir, found: Interrupted) -> Result<(), LaunchError> {
    let at = found.session.last_at;
    let mut recorder = reopen(dir, found)?;
    if !recorder.record(EventKind::Ended { interrupted: true }, at) {
        return Err(LaunchError::NotEnded {
            journal: recorder.journal_path().to_owned(),
        });
    }
    recorder.finish(dir)?;
    Ok(())
}
