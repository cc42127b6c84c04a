//! `holdspace sessions` and `show`: the saved sessions, one a line, or one in full; and finding
//! saved sessions for the other commands that read them.

use crate::cmd::error::CmdError;
use crate::export::summary;
use crate::session::history;
use crate::store::log;
use crate::store::paths::DataDir;
use crate::util::format::Zone;
use std::path::PathBuf;

/// `holdspace sessions [--group NAME]`: every saved session, or a group's, one a line.
pub fn list(dir: &DataDir, group: Option<&str>) -> Result<String, CmdError> {
    let mut logs = saved_logs(dir)?;
    if let Some(group) = group {
        history::known(&logs, group)?;
        logs.retain(|loaded| history::belongs(&loaded.log, group));
    }
    Ok(summary::list(&logs, Zone::Local))
}

/// `holdspace show ID`: one saved session, readable.
pub fn show(dir: &DataDir, id: &str) -> Result<String, CmdError> {
    let loaded = log::load(&saved(dir, id)?)?;
    Ok(summary::show(&loaded, Zone::Local))
}

/// Every saved log, oldest first; each file that cannot be read is named on stderr, and the
/// rest still count.
pub fn saved_logs(dir: &DataDir) -> Result<Vec<log::Loaded>, CmdError> {
    let (logs, errors) = log::list(&dir.sessions_dir())?;
    for error in errors {
        crate::util::notice::say(error);
    }
    Ok(logs)
}

/// The path of the saved log with this ID, or a message saying where to find the IDs.
pub fn saved(dir: &DataDir, id: &str) -> Result<PathBuf, CmdError> {
    match dir.log_path(id) {
        Ok(path) if path.exists() => Ok(path),
        _ => Err(CmdError::NoSession {
            id: id.to_owned(),
            folder: dir.sessions_dir(),
        }),
    }
}
