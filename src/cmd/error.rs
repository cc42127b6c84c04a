//! Why a command did not do what was asked: one type for the command line, holding the lower
//! layers' own errors and what the command itself checks.

use crate::domain::roster::RosterError;
use crate::export::PersonError;
use crate::export::message::DraftError;
use crate::export::outreach::Missing;
use crate::export::pdf::PdfError;
use crate::import::ImportError;
use crate::launch::LaunchError;
use crate::session::amend::AmendError;
use crate::session::error::SessionError;
use crate::store::StoreError;
use crate::store::groups::{CreateError, FindError};
use crate::store::log::LoadError;
use crate::store::plans::PlanFileError;
use crate::store::purge::PurgeError;
use crate::store::roster::UpdateError;
use crate::store::toml_file::FileError;
use std::fmt;
use std::io;
use std::path::PathBuf;

/// What an input line of `holdspace script` may hold.
pub const GRAMMAR: &str = "`key K [K ...]`, `type TEXT`, a blank line, or `# comment`";

#[derive(Debug)]
pub enum CmdError {
    Launch(LaunchError),
    Session(SessionError),
    Amend(AmendError),
    Store(StoreError),
    Log(LoadError),
    Plan(PlanFileError),
    Group(FindError),
    NewGroup(CreateError),
    Roster(UpdateError<RosterError>),
    RosterFile(FileError),
    Person(PersonError),
    Purge(PurgeError),
    /// No saved session has the ID; `folder` is where they were looked for.
    NoSession {
        id: String,
        folder: PathBuf,
    },
    /// Purge asks first, and standard input is not a terminal: `list` is what it would remove.
    PurgeUnasked {
        count: usize,
        list: String,
    },
    Answer(io::Error),
    Stdin(io::Error),
    Stdout(io::Error),
    /// A line of standard input `holdspace script` cannot read (`number` from 1).
    Line {
        number: usize,
        error: LineError,
    },
    NotOpened,
    Draft(DraftError),
    /// A message needs to say who it is from.
    NoSender,
    /// The group has no day and time to remind anyone of; `file` is where they are set.
    NoMeeting {
        group: String,
        file: PathBuf,
    },
    /// The group is not online, or has no link noted; `file` is where it is set.
    NoLink {
        group: String,
        file: PathBuf,
    },
    NotOnRoster(RosterError),
    /// The tracker workbook could not be made.
    Workbook(rust_xlsxwriter::XlsxError),
    /// A team's tracker could not be read at all.
    Import(ImportError),
    /// No one on the roster was referred by `team`; `teams` are those there are.
    NoTeam {
        team: String,
        teams: Vec<String>,
    },
    /// A printed page needs a field the group has not set.
    Outreach(Missing),
    /// Deleting a group asks first, and standard input is not a terminal.
    DeleteUnasked {
        group: String,
    },
    /// A PDF is written to a file, never to the terminal.
    NoOutput {
        what: &'static str,
    },
    /// An online group's feedback form is text, and was asked for as a printed one.
    TextForm {
        why: &'static str,
    },
    Pdf(PdfError),
}

/// Why `holdspace script` cannot read a line: not a line of its grammar, or a key it does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineError {
    NotALine(String),
    Key(String),
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotALine(line) => write!(
                f,
                "{:?} is not a line this mode reads; use {GRAMMAR}",
                crate::util::text::sanitize(line)
            ),
            Self::Key(err) => write!(f, "{err}; lines are {GRAMMAR}"),
        }
    }
}

impl std::error::Error for LineError {}

impl fmt::Display for CmdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Launch(err) => err.fmt(f),
            Self::Session(err) => err.fmt(f),
            Self::Amend(err) => err.fmt(f),
            Self::Store(err) => err.fmt(f),
            Self::Log(err) => err.fmt(f),
            Self::Plan(err) => err.fmt(f),
            Self::Group(err) => err.fmt(f),
            Self::NewGroup(err) => err.fmt(f),
            Self::Roster(err) => err.fmt(f),
            Self::RosterFile(err) => err.fmt(f),
            Self::Person(err) => err.fmt(f),
            Self::Purge(err) => err.fmt(f),
            Self::NoSession { id, folder } => write!(
                f,
                "no saved session has the ID {id:?}; `holdspace sessions` lists them (looked in {})",
                folder.display()
            ),
            Self::PurgeUnasked { count, list } => write!(
                f,
                "purge removes sessions for good and asks first; add --yes to remove these \
                 {count} session(s) without asking, or --dry-run to list them:\n{list}"
            ),
            Self::Answer(err) => write!(f, "could not read the answer: {err}"),
            Self::Stdin(err) => write!(f, "could not read standard input: {err}"),
            Self::Stdout(err) => write!(f, "could not write to standard output: {err}"),
            Self::Line { number, error } => write!(f, "standard input line {number}: {error}"),
            Self::NotOpened => f.write_str("the session was not opened"),
            Self::Draft(err) => err.fmt(f),
            Self::NoSender => f.write_str(
                "say who the message is from: --from \"Sam Jones <sam.jones@example.org>\", \
                 HOLDSPACE_FROM set to that, or `from` under [messages] in the group's file",
            ),
            Self::NoMeeting { group, file } => write!(
                f,
                "{} has no day and time to meet, so there is no meeting to remind anyone of; set \
                 day and time in {}",
                crate::util::text::sanitize(group),
                file.display()
            ),
            Self::NoLink { group, file } => write!(
                f,
                "{} is not an online group with a link noted: set setting = \"online\" and the \
                 link as place in {}",
                crate::util::text::sanitize(group),
                file.display()
            ),
            Self::NotOnRoster(err) => err.fmt(f),
            Self::Outreach(err) => err.fmt(f),
            Self::NoOutput { what } => write!(
                f,
                "{what} is a PDF: give the file to write it to with -o FILE (an online group's \
                 form is printed as text to paste into the chat)"
            ),
            Self::Pdf(err) => err.fmt(f),
            Self::DeleteUnasked { group } => write!(
                f,
                "deleting {:?} removes its file and roster for good, and asks first; add --yes \
                 to delete without asking",
                crate::util::text::sanitize(group)
            ),
            Self::TextForm { why } => write!(
                f,
                "an online group's feedback form is text to paste into the chat, and {why}; \
                 leave out --letter, and name the file .txt or leave out -o to print it"
            ),
            Self::Workbook(err) => write!(f, "the workbook could not be made: {err}"),
            Self::Import(err) => err.fmt(f),
            Self::NoTeam { team, teams } => {
                let teams: Vec<String> = teams
                    .iter()
                    .map(|team| crate::util::text::sanitize(team))
                    .collect();
                write!(
                    f,
                    "no one on the roster was referred by \"{}\"; the referrers are: {}",
                    crate::util::text::sanitize(team),
                    teams.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for CmdError {}

crate::util::wrap_errors!(
    CmdError:
    Launch(LaunchError),
    Session(SessionError),
    Amend(AmendError),
    Store(StoreError),
    Log(LoadError),
    Plan(PlanFileError),
    Group(FindError),
    NewGroup(CreateError),
    Roster(UpdateError<RosterError>),
    Person(PersonError),
    Purge(PurgeError),
    Draft(DraftError),
    Outreach(Missing),
    Pdf(PdfError),
    Import(ImportError),
);
