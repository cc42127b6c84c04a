//! A group's roster on disk, `roster.toml` in the group's folder: read as a hand-edited file
//! whose every mistake is named by line, field and what would be valid; written atomically and
//! privately.

use super::StoreError;
use super::atomic::write_atomic;
use super::disk::Disk;
use super::disk::open_lock;
use crate::domain::hands::{MAX_NAME_CHARS, check_name, same_name};
use crate::domain::roster::{
    self, Closure, Contact, Field, Member, Owed, Reach, Roster, RosterError, Status,
};
use crate::store::toml_file::{self, FileError, TextError, line_at};
use crate::store::user_file;
use crate::util::text::sanitize;
use chrono::NaiveDate;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use toml::value::Datetime;
use toml::{Spanned, Value};

pub const FILE_NAME: &str = "roster.toml";

/// The roster file's version. A file of a later version is refused, never rewritten: this
/// holdspace would drop what it does not know. Version 2 added `[[done]]` and members' contact
/// details; a roster with neither is still written as version 1, so an older holdspace reads it
/// as before.
pub const SCHEMA_VERSION: i64 = 2;

/// The version a roster with nothing done is written as.
const WITHOUT_DONE: i64 = 1;

/// Why a change to a roster was not saved; `E` is why the change itself was refused.
#[derive(Debug)]
pub enum UpdateError<E> {
    /// The roster's lock file could not be opened or taken.
    Lock {
        path: PathBuf,
        source: io::Error,
    },
    Load(FileError),
    Refused(E),
    NotSaved(StoreError),
}

impl<E: fmt::Display> fmt::Display for UpdateError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Lock { path, source } => write!(f, "{}: {source}", path.display()),
            Self::Load(err) => err.fmt(f),
            Self::Refused(err) => err.fmt(f),
            Self::NotSaved(err) => write!(f, "NOT SAVED: {err}. The roster is as it was."),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for UpdateError<E> {}

/// Holds the roster's lock until dropped, so that two roster commands run at once (two
/// terminals, a script) take turns: each reads the roster after the other has saved it.
fn take_turn<E>(roster: &Path) -> Result<File, UpdateError<E>> {
    let path = roster.with_extension("toml.lock");
    match open_lock(&path).and_then(|file| file.lock().map(|()| file)) {
        Ok(file) => Ok(file),
        Err(source) => Err(UpdateError::Lock { path, source }),
    }
}

/// Reads the roster at `path` as it is now, under its lock, applies `change`, and saves it if
/// it changed; gives back what `change` said, or why nothing was saved.
pub fn update<E>(
    path: &Path,
    disk: &dyn Disk,
    change: impl FnOnce(&mut Roster) -> Result<String, E>,
) -> Result<String, UpdateError<E>> {
    let _turn = take_turn(path)?;
    let mut roster = Roster::load(path).map_err(UpdateError::Load)?;
    let before = roster.clone();
    let said = change(&mut roster).map_err(UpdateError::Refused)?;
    if roster != before {
        roster.save(disk, path).map_err(UpdateError::NotSaved)?;
    }
    Ok(said)
}

pub fn path(folder: &Path) -> PathBuf {
    folder.join(FILE_NAME)
}

/// What a roster file of `version` holds, for whoever edits one by hand and for messages about
/// its shape.
fn shape(version: i64) -> String {
    if version == WITHOUT_DONE {
        return format!(
            "A roster has schema_version = {WITHOUT_DONE}, then a [[member]] for each person with \
             name, referred_by, referred_on, status and status_since, and optionally adjustments \
             and [[member.contact]] entries with on and note. Dates are \"YYYY-MM-DD\"; status is \
             one of: {}.",
            Status::valid()
        );
    }
    format!(
        "A roster has schema_version = {SCHEMA_VERSION}, then a [[member]] for each person with \
         name, referred_by, referred_on, status and status_since, and optionally adjustments, \
         email, phone, referrer (\"Name <address>\"), link_sent, placed_on and [[member.contact]] entries \
         with on and note; then a [[done]] for each thing owed and done, \
         with name, kind, on and note. Dates are \"YYYY-MM-DD\"; status is one of: {}; kind is \
         one of: {}.",
        Status::valid(),
        Owed::valid()
    )
}

#[derive(Deserialize)]
struct Version {
    schema_version: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    #[serde(rename = "schema_version")]
    _schema_version: IgnoredAny,
    #[serde(default)]
    member: Vec<MemberIn>,
    #[serde(default)]
    done: Vec<DoneIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DoneIn {
    name: Spanned<String>,
    kind: Spanned<String>,
    on: Spanned<Value>,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberIn {
    name: Spanned<String>,
    referred_by: String,
    referred_on: Spanned<Value>,
    status: Spanned<String>,
    status_since: Spanned<Value>,
    #[serde(default)]
    adjustments: String,
    email: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
    referrer: Option<Spanned<String>>,
    #[serde(default)]
    link_sent: bool,
    placed_on: Option<Spanned<Value>>,
    #[serde(default)]
    contact: Vec<ContactIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContactIn {
    on: Spanned<Value>,
    note: String,
}

#[derive(Serialize)]
struct FileOut<'a> {
    schema_version: i64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    member: Vec<MemberOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    done: Vec<DoneOut<'a>>,
}

#[derive(Serialize)]
struct DoneOut<'a> {
    name: &'a str,
    kind: &'static str,
    on: NaiveDate,
    note: &'a str,
}

#[derive(Serialize)]
struct MemberOut<'a> {
    name: &'a str,
    referred_by: &'a str,
    referred_on: NaiveDate,
    status: String,
    status_since: NaiveDate,
    #[serde(skip_serializing_if = "str::is_empty")]
    adjustments: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    email: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    phone: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    referrer: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    link_sent: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    placed_on: Option<NaiveDate>,
    // Last: TOML puts tables after the plain values of their parent.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    contact: Vec<ContactOut<'a>>,
}

#[derive(Serialize)]
struct ContactOut<'a> {
    on: NaiveDate,
    note: &'a str,
}

impl Roster {
    /// The roster in the file at `path`; no file is an empty roster. Any error starts with the
    /// file's path and the line, and says what would be valid.
    pub fn load(path: &Path) -> Result<Self, FileError> {
        match toml_file::read(path, Self::parse) {
            Err(FileError::Read(err)) if err.is_missing() => Ok(Self::default()),
            read => read,
        }
    }

    /// A roster file's text; an error gives its line.
    pub fn parse(text: &str) -> Result<Self, TextError> {
        let with_shape = |err: TextError| err.then(&shape(SCHEMA_VERSION));
        // The version is read on its own first: a later file may hold fields this one refuses.
        let version: Version = toml_file::parse(text).map_err(with_shape)?;
        let Some(version) = version.schema_version else {
            return Err(TextError::on_line(
                1,
                format!("schema_version is missing: a roster starts with schema_version = {SCHEMA_VERSION}"),
            ));
        };
        let line = line_at(text, version.span().start);
        match *version.get_ref() {
            WITHOUT_DONE | SCHEMA_VERSION => {}
            newer if newer > SCHEMA_VERSION => {
                return Err(TextError::on_line(
                    line,
                    format!(
                        "schema_version {newer} is newer than this holdspace knows \
                         ({SCHEMA_VERSION}): a later holdspace wrote this roster, so it is left as \
                         it is. Use that holdspace, or a newer one, to read or change it."
                    ),
                ));
            }
            other => {
                return Err(TextError::on_line(
                    line,
                    format!(
                        "schema_version {other} is not a roster version; this holdspace reads \
                         {WITHOUT_DONE} and {SCHEMA_VERSION}"
                    ),
                ));
            }
        }
        let file: FileIn = toml_file::parse(text).map_err(with_shape)?;
        let mut roster = Self::default();
        let mut lines = Vec::new();
        for member in file.member {
            let line = line_at(text, member.name.span().start);
            let name = check_name(member.name.get_ref()).map_err(|reason| {
                TextError::at(
                    line,
                    "member.name",
                    format!("{reason} (a name has 1 to {MAX_NAME_CHARS} characters)"),
                )
            })?;
            if let Some(other) = roster.members.iter().position(|m| same_name(&m.name, name)) {
                return Err(TextError::at(
                    line,
                    "member.name",
                    format!(
                        "\"{}\" is on the roster already, on line {}; each person is on it \
                         once, and names that differ only in case are one person's",
                        sanitize(name),
                        lines[other]
                    ),
                ));
            }
            let status = member.status.get_ref().parse::<Status>().map_err(|err| {
                TextError::at(
                    line_at(text, member.status.span().start),
                    "member.status",
                    err.to_string(),
                )
            })?;
            let contacts = (member.contact.iter())
                .map(|contact| {
                    Ok(Contact {
                        on: date(text, &contact.on, "member.contact.on")?,
                        note: contact.note.clone(),
                    })
                })
                .collect::<Result<_, TextError>>()?;
            let written = |value: &Option<Spanned<String>>| {
                value
                    .as_ref()
                    .map_or_else(String::new, |value| value.get_ref().trim().to_owned())
            };
            let reach = Reach {
                email: written(&member.email),
                phone: written(&member.phone),
                referrer: written(&member.referrer),
                link_sent: member.link_sent,
            };
            roster::check_reach(&reach).map_err(|err| {
                // Named at the line of the detail that is wrong.
                let (field, at) = match &err {
                    RosterError::BadContact { field, .. } => {
                        let value = match field {
                            Field::Email => &member.email,
                            Field::Phone => &member.phone,
                            Field::Referrer => &member.referrer,
                        };
                        let at = value
                            .as_ref()
                            .map_or(line, |value| line_at(text, value.span().start));
                        (field.name(), at)
                    }
                    _ => ("member", line),
                };
                TextError::at(at, format!("member.{field}"), err.to_string())
            })?;
            // Written from version 2; before it, someone just referred had been placed the
            // day they were referred, and their referrer is owed word of it as before.
            let status_since = date(text, &member.status_since, "member.status_since")?;
            let placed_on = match &member.placed_on {
                Some(value) => Some(date(text, value, "member.placed_on")?),
                None => (status == Status::Referred).then_some(status_since),
            };
            roster.members.push(Member {
                name: name.to_owned(),
                referred_by: member.referred_by,
                referred_on: date(text, &member.referred_on, "member.referred_on")?,
                status,
                status_since,
                adjustments: member.adjustments,
                contacts,
                reach,
                placed_on,
            });
            lines.push(line);
        }
        for done in file.done {
            let line = line_at(text, done.name.span().start);
            let name = check_name(done.name.get_ref()).map_err(|reason| {
                TextError::at(
                    line,
                    "done.name",
                    format!("{reason} (a name has 1 to {MAX_NAME_CHARS} characters)"),
                )
            })?;
            let owed = done.kind.get_ref().parse::<Owed>().map_err(|err| {
                TextError::at(
                    line_at(text, done.kind.span().start),
                    "done.kind",
                    err.to_string(),
                )
            })?;
            roster.done.push(Closure {
                name: name.to_owned(),
                owed,
                on: date(text, &done.on, "done.on")?,
                note: done.note,
            });
        }
        Ok(roster)
    }

    /// The file's text: a note for whoever opens it, then the roster.
    fn to_toml(&self) -> Result<String, toml::ser::Error> {
        let version = if self.done.is_empty()
            && (self.members.iter()).all(|m| m.reach == Reach::default() && m.placed_on.is_none())
        {
            WITHOUT_DONE
        } else {
            SCHEMA_VERSION
        };
        let file = FileOut {
            schema_version: version,
            done: (self.done.iter())
                .map(|done| DoneOut {
                    name: &done.name,
                    kind: done.owed.key(),
                    on: done.on,
                    note: &done.note,
                })
                .collect(),
            member: (self.members.iter())
                .map(|m| MemberOut {
                    name: &m.name,
                    referred_by: &m.referred_by,
                    referred_on: m.referred_on,
                    status: m.status.key(),
                    status_since: m.status_since,
                    adjustments: &m.adjustments,
                    email: &m.reach.email,
                    phone: &m.reach.phone,
                    referrer: &m.reach.referrer,
                    link_sent: m.reach.link_sent,
                    placed_on: m.placed_on,
                    contact: (m.contacts.iter())
                        .map(|c| ContactOut {
                            on: c.on,
                            note: &c.note,
                        })
                        .collect(),
                })
                .collect(),
        };
        Ok(format!(
            "# This group's roster, kept by holdspace (`holdspace roster`); it can be edited by hand.\n# {}\n\n{}",
            shape(version),
            toml::to_string(&file)?
        ))
    }

    /// Replaces the file at `path` with this roster, atomically and private to the user.
    pub fn save(&self, disk: &dyn Disk, path: &Path) -> Result<(), StoreError> {
        let text = self
            .to_toml()
            .map_err(|err| StoreError::new("write the roster to", path, io::Error::other(err)))?;
        // A roster holdspace could not read back would lock the group out of it; an import of
        // a large tracker is the likeliest way to get there.
        if text.len() as u64 > user_file::MAX_BYTES {
            return Err(StoreError::new(
                "write the roster to",
                path,
                io::Error::other(format!(
                    "it would be {} KiB, more than the 1 MiB holdspace reads back: nothing was \
                     saved; `holdspace roster GROUP remove NAME` takes off someone who left",
                    text.len() / 1024
                )),
            ));
        }
        write_atomic(disk, path, text.as_bytes())
    }
}

/// A date as holdspace writes it, "2026-03-02", or as a bare TOML date, 2026-03-02.
fn date(text: &str, value: &Spanned<Value>, field: &str) -> Result<NaiveDate, TextError> {
    let day = match value.get_ref() {
        Value::String(written) => NaiveDate::parse_from_str(written.trim(), "%Y-%m-%d").ok(),
        Value::Datetime(Datetime {
            date: Some(date),
            time: None,
            offset: None,
        }) => NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into()),
        _ => None,
    };
    day.ok_or_else(|| {
        TextError::at(
            line_at(text, value.span().start),
            field,
            format!(
                "{} is not a date; write it as \"YYYY-MM-DD\", e.g. \"2026-03-02\"",
                value.get_ref()
            ),
        )
    })
}
