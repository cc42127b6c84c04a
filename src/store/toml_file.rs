//! Reading the hand-edited TOML files (settings, keys, themes): errors that name the line, and
//! a missing or broken file that gives way to the built-in one after saying so.

use crate::store::user_file;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parses `text`; an error starts with the line it is on and, when toml's message does not
/// name it, the key written on that line (`minutes: invalid type: string "ten", expected u32`).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|err| {
        let message = err.message().trim_end();
        let Some(span) = err.span() else {
            return message.to_owned();
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
        match key {
            Some(key) => format!("line {line}: {key}: {message}"),
            None => format!("line {line}: {message}"),
        }
    })
}

/// The line number (from 1) of byte `at` in `text`.
pub fn line_at(text: &str, at: usize) -> usize {
    text.bytes().take(at).filter(|&b| b == b'\n').count() + 1
}

/// The first line that starts with `start`, or line 1.
pub fn line_of(text: &str, start: &str) -> usize {
    text.lines()
        .position(|line| line.trim_start().starts_with(start))
        .map_or(1, |index| index + 1)
}

/// Reads the file at `path` with `parse`. A missing file is the built-in value, said nothing
/// about; a file that cannot be read or used is the built-in value and a message naming the
/// file and the problem, then `valid` (what would be), then that the built-in one goes on.
pub fn load<T: Default>(
    path: &Path,
    parse: impl Fn(&str) -> Result<T, String>,
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
