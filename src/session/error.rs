//! Why a session could not be joined, followed or taken over, or a group's history or plan not
//! had: one type for the session layer, carrying the paths and names as data.

use crate::session::recovery::Unreadable;
use crate::store::StoreError;
use crate::store::plans::PlanFileError;
use crate::util::text::sanitize;
use std::fmt;
use std::io;
use std::path::PathBuf;

#[derive(Debug)]
pub enum SessionError {
    Store(StoreError),
    /// The journal's identity could not be checked against its path.
    Identity(io::Error),
    /// The append lock of the journal at `path` could not be taken.
    Lock {
        path: PathBuf,
        source: io::Error,
    },
    Unreadable(Unreadable),
    /// The journal holds no event yet.
    Empty(PathBuf),
    /// An event another holdspace appended does not fit the session.
    BadEvent {
        path: PathBuf,
        seq: u64,
        message: String,
    },
    /// No saved session belongs to the group `name`; `groups` are those there are.
    NoGroup {
        name: String,
        groups: Vec<String>,
    },
    /// The plan a saved group names cannot be had.
    GroupPlan {
        group: String,
        file: PathBuf,
        /// Boxed: a plan file's error is large, and this one is rare.
        error: Box<PlanFileError>,
    },
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Store(err) => err.fmt(f),
            Self::Identity(err) => err.fmt(f),
            Self::Lock { path, source } => {
                write!(f, "the append lock of {}: {source}", path.display())
            }
            Self::Unreadable(err) => err.fmt(f),
            Self::Empty(path) => write!(f, "{} holds no event yet", path.display()),
            Self::BadEvent { path, seq, message } => {
                write!(f, "{} event {seq}: {message}", path.display())
            }
            Self::NoGroup { name, groups } => {
                let name = sanitize(name.trim());
                if groups.is_empty() {
                    write!(
                        f,
                        "no sessions of a group called \"{name}\": no sessions are saved yet"
                    )
                } else {
                    write!(
                        f,
                        "no sessions of a group called \"{name}\"; the groups are: {}",
                        groups.join(", ")
                    )
                }
            }
            Self::GroupPlan { group, file, error } => {
                write!(f, "{error}\n(the plan of group {group:?}, in {})", file.display())
            }
        }
    }
}

impl std::error::Error for SessionError {}

impl From<StoreError> for SessionError {
    fn from(err: StoreError) -> Self {
        Self::Store(err)
    }
}
