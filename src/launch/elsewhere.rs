//! The screens that open on a session this holdspace did not start: following the session
//! another holdspace runs, as its co-facilitator, and reopening a saved session's review.
use crate::launch::drive::{Setup, need_terminal, on_screen};
use crate::launch::error::LaunchError;
use crate::session::recorder::Recorder;
use crate::store::journal;
use crate::store::log;
use crate::store::paths::DataDir;
use crate::ui::app::Screen;
use std::path::{Path, PathBuf};

/// The journal of the session another holdspace is running on this data folder.
pub fn running_session(dir: &DataDir) -> Result<PathBuf, LaunchError> {
    let journals = dir.open_journals()?;
    journals
        .into_iter()
        .find(|path| journal::in_use(path))
        .ok_or_else(|| LaunchError::NotRunning {
            root: dir.root().to_owned(),
        })
}

/// Follows the session another holdspace runs, as its co-facilitator, until `q`.
pub fn follow(dir: &DataDir, setup: &Setup) -> Result<String, LaunchError> {
    let path = running_session(dir)?;
    need_terminal()?;
    let recorder = Recorder::join(dir, &path)?;
    on_screen("the follow view", dir, recorder, Screen::Live, setup)
}

/// Reopens the review of a saved session. Its events go into a new journal first, so every
/// change is flushed before it shows; finishing writes the log again and closes the journal.
pub fn review(dir: &DataDir, path: &Path, setup: &Setup) -> Result<String, LaunchError> {
    let log = reviewable(dir, path)?;
    need_terminal()?;
    let recorder = Recorder::restore(dir, &log)?;
    on_screen("the review", dir, recorder, Screen::Review, setup)
}

/// The saved log at `path`, if its review may be reopened: this holdspace wrote its version,
/// and no journal of it is open (in another holdspace, or a review interrupted).
pub fn reviewable(dir: &DataDir, path: &Path) -> Result<log::SessionLog, LaunchError> {
    let loaded = log::load(path)?;
    if loaded.newer {
        return Err(LaunchError::NewerLog {
            path: path.to_owned(),
            id: loaded.log.id,
        });
    }
    let journal = dir.journal_path(&loaded.log.id)?;
    if journal.exists() {
        return Err(LaunchError::ReviewOpen { journal });
    }
    Ok(loaded.log)
}
