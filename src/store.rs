//! Everything on disk: the data folder, the live journal, finished session logs and their history.

pub mod atomic;
pub mod config;
pub mod disk;
pub mod groups;
pub mod guard;
pub mod journal;
pub mod log;
pub mod paths;
pub mod plans;
pub mod purge;
pub mod roster;
pub mod toml_file;
pub mod user_file;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// A file operation that failed, with the path it was for.
#[derive(Debug)]
pub struct StoreError {
    pub action: &'static str,
    pub path: PathBuf,
    pub source: io::Error,
}

impl StoreError {
    pub fn new(action: &'static str, path: &Path, source: io::Error) -> Self {
        Self {
            action,
            path: path.to_owned(),
            source,
        }
    }

    /// A closure for `map_err` that attaches what was being done, and to which file.
    pub fn at<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> Self + 'a {
        move |source| Self::new(action, path, source)
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not {} {}: {}",
            self.action,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}
