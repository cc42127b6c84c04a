//! Why the live screen, the follow view or the review did not start or did not end well: one
//! type for the launch, carrying the lower layers' own errors and the paths and names as data.

use crate::launch::args::EndsError;
use crate::session::error::SessionError;
use crate::store::StoreError;
use crate::store::groups::CreateError;
use crate::store::log::LoadError;
use crate::store::paths::BadId;
use crate::store::plans::PlanFileError;
use crate::store::toml_file::FileError;
use crate::util::text::sanitize;
use std::fmt;
use std::io;
use std::path::PathBuf;

#[derive(Debug)]
pub enum LaunchError {
    /// No folder for the data could be found, and none was given.
    NoHome,
    /// The data folder could not be opened or made private.
    DataDir(StoreError),
    Store(StoreError),
    Session(SessionError),
    /// `--group` names a saved group whose file cannot be used: the file, line and field.
    BrokenGroup(String),
    Roster(FileError),
    Plan(PlanFileError),
    Ends(EndsError),
    /// A `--participant` name the session would refuse, and why.
    Participant {
        name: String,
        reason: &'static str,
    },
    /// Standard input or output is not a terminal.
    NotATerminal,
    Signals(io::Error),
    /// `what` (the live screen, the follow view, the review) could not take over the terminal.
    Terminal {
        what: &'static str,
        source: io::Error,
    },
    /// The terminal failed while the screen ran.
    Screen(io::Error),
    /// No holdspace runs a session on the data folder at `root`.
    NotRunning {
        root: PathBuf,
    },
    Log(LoadError),
    /// A log written by a newer holdspace, which this one only reads.
    NewerLog {
        path: PathBuf,
        id: String,
    },
    BadId(BadId),
    /// The session's journal is there: open elsewhere, or a review interrupted.
    ReviewOpen {
        journal: PathBuf,
    },
    /// The interrupted session's end could not be written to its journal.
    NotEnded {
        journal: PathBuf,
    },
    NewGroup(CreateError),
}

impl fmt::Display for LaunchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoHome => {
                f.write_str("no home folder was found for the data; give one with --data-dir DIR")
            }
            Self::DataDir(err) => write!(
                f,
                "{err}\nChoose a folder you can write to with --data-dir DIR or HOLDSPACE_DATA_DIR."
            ),
            Self::Store(err) => err.fmt(f),
            Self::Session(err) => err.fmt(f),
            Self::BrokenGroup(problem) => f.write_str(problem),
            Self::Roster(err) => err.fmt(f),
            Self::Plan(err) => err.fmt(f),
            Self::Ends(err) => err.fmt(f),
            Self::Participant { name, reason } => {
                write!(f, "--participant {:?}: {reason}", sanitize(name))
            }
            Self::NotATerminal => f.write_str(
                "the live screen and the review need an interactive terminal; \
                 `holdspace sessions`, `show` and `export` print without one",
            ),
            Self::Signals(err) => write!(f, "could not watch for signals: {err}"),
            Self::Terminal { what, source } => {
                write!(f, "{what} needs an interactive terminal ({source})")
            }
            Self::Screen(err) => err.fmt(f),
            Self::NotRunning { root } => write!(
                f,
                "no holdspace is running a session on {}; `holdspace` starts or resumes one",
                root.display()
            ),
            Self::Log(err) => err.fmt(f),
            Self::NewerLog { path, id } => write!(
                f,
                "{} was written by a newer holdspace, so it is read-only here; `holdspace show {id}` prints it",
                path.display()
            ),
            Self::BadId(err) => err.fmt(f),
            Self::ReviewOpen { journal } => write!(
                f,
                "{} exists: this session is open in another holdspace, or its review was \
                 interrupted; run holdspace to finish it first",
                journal.display()
            ),
            Self::NotEnded { journal } => write!(f, "could not write to {}", journal.display()),
            Self::NewGroup(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for LaunchError {}

crate::util::wrap_errors!(
    LaunchError:
    Store(StoreError),
    Session(SessionError),
    Roster(FileError),
    Plan(PlanFileError),
    Ends(EndsError),
    Log(LoadError),
    BadId(BadId),
    NewGroup(CreateError),
);
