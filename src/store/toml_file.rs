//! Reading the hand-edited TOML files (settings, keys, themes): errors that name the line, and
//! a missing or broken file that gives way to the built-in one after saying so.

use crate::store::user_file::{self, UserFileError};
use serde::de::DeserializeOwned;
use std::fmt;
use std::path::{Path, PathBuf};

/// What is wrong in a hand-edited TOML text: the line it is on (from 1), the field, and why.
/// Shown as `line 4: minutes: 0 is out of range; use 1 to 600`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl TextError {
    /// A mistake in `field` on `line`.
    pub fn at(line: usize, field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// A mistake on `line` whose message names what is wrong itself.
    pub fn on_line(line: usize, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            field: None,
            message: message.into(),
        }
    }

    /// The same mistake with `more` after it: what a valid file holds.
    #[must_use]
    pub fn then(mut self, more: &str) -> Self {
        self.message = format!("{}. {more}", self.message);
        self
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for TextError {}

/// A hand-edited file that could not be used: unreadable, or read with a mistake in its text.
#[derive(Debug)]
pub enum FileError {
    Read(UserFileError),
    Text { path: PathBuf, error: TextError },
}

impl FileError {
    /// A closure for `map_err` that names the file a text mistake is in.
    pub fn in_file(path: &Path) -> impl FnOnce(TextError) -> Self + '_ {
        |error| Self::Text {
            path: path.to_owned(),
            error,
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Read(err) => err.fmt(f),
            Self::Text { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for FileError {}

impl From<UserFileError> for FileError {
    fn from(err: UserFileError) -> Self {
        Self::Read(err)
    }
}

/// Reads the file at `path` with `parse`, naming the file in any error.
pub fn read<T>(path: &Path, parse: impl FnOnce(&str) -> Result<T, TextError>) -> Result<T, FileError> {
    let text = user_file::read(path)?;
    parse(&text).map_err(FileError::in_file(path))
}

/// Parses `text`; an error gives the line it is on and, when toml's message does not name it,
/// the key written on that line (`minutes: invalid type: string "ten", expected u32`).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, TextError> {
    toml::from_str(text).map_err(|err| {
        let message = err.message().trim_end().to_owned();
        let Some(span) = err.span() else {
            return TextError {
                line: None,
                field: None,
                message,
            };
        };
        let line = line_at(text, span.start);
        let key = text
            .lines()
            .nth(line - 1)
            .and_then(|written| written.split_once('='))
            .map(|(key, _)| key.trim().trim_matches('"'))
            .filter(|key| {
                !key.is_empty()
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                    && !message.contains(&format!("`{key}`"))
                    // A missing field is reported at its table, whose first key is another.
                    && !message.starts_with("missing field")
            });
        TextError {
            line: Some(line),
            field: key.map(str::to_owned),
            message,
        }
    })
}

/// The line number (from 1) of byte `at` in `text`.
pub fn line_at(text: &str, at: usize) -> usize {
    text.bytes().take(at).filter(|&b| b == b'\n').count() + 1
}

/// The first line that starts with `start`, or line 1. A dotted `table.key` is also looked for
/// as `key` under the `[table]` header.
pub fn line_of(text: &str, start: &str) -> usize {
    let starts = |line: &str, with: &str| line.trim_start().starts_with(with);
    let under_table = start.split_once('.').and_then(|(table, key)| {
        let header = format!("[{table}]");
        let from = text.lines().position(|line| line.trim() == header)?;
        let within = text.lines().skip(from + 1).take_while(|line| !starts(line, "["));
        within
            .enumerate()
            .find(|(_, line)| starts(line, key))
            .map(|(index, _)| from + 1 + index)
    });
    under_table
        .or_else(|| text.lines().position(|line| starts(line, start)))
        .map_or(1, |index| index + 1)
}

/// Reads the file at `path` with `parse`. A missing file is the built-in value, said nothing
/// about; a file that cannot be read or used is the built-in value and a message naming the
/// file and the problem, then `valid` (what would be), then that the built-in one goes on.
pub fn load<T: Default, E: fmt::Display>(
    path: &Path,
    parse: impl Fn(&str) -> Result<T, E>,
    valid: &str,
) -> (T, Option<String>) {
    let problem = match user_file::read(path) {
        Err(err) if err.is_missing() => return (T::default(), None),
        Err(err) => err.to_string(),
        Ok(text) => match parse(&text) {
            Ok(value) => return (value, None),
            Err(err) => format!("{}: {err}", path.display()),
        },
    };
    let message = format!("{}. {valid}", problem.trim_end().trim_end_matches('.'));
    (T::default(), Some(message))
}
