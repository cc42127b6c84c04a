//! Reading a file someone may have edited or replaced by hand (settings, keys, themes, plans,
//! groups, rosters): only a regular file, and only up to a size no such file reaches, so a named
//! pipe or a device given in its place is refused at once instead of waiting or filling memory.

use std::fmt;
use std::fs::{FileType, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The largest hand-edited file read: far above any real settings file, plan or roster.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// What every refusal of a hand-edited file ends with: what would be read.
const VALID: &str = "give a regular file of at most 1 MiB of UTF-8 text";

/// Why a file the user gave was not read, with its path and what would be.
#[derive(Debug)]
pub struct UserFileError {
    pub path: PathBuf,
    pub problem: Problem,
    /// What would be read, as every refusal ends.
    pub valid: &'static str,
}

#[derive(Debug)]
pub enum Problem {
    /// There is no file at the path.
    Missing,
    /// Something other than a regular file is there: a folder, a named pipe, a device.
    NotAFile(&'static str),
    /// Larger than the limit, in bytes.
    TooLarge(u64),
    NotText,
    Io(io::Error),
}

impl UserFileError {
    pub fn is_missing(&self) -> bool {
        matches!(self.problem, Problem::Missing)
    }
}

impl fmt::Display for UserFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (path, valid) = (self.path.display(), self.valid);
        match &self.problem {
            Problem::Missing => write!(f, "{path}: there is no such file"),
            Problem::NotAFile(what) => write!(f, "{path}: is {what}, not a regular file; {valid}"),
            Problem::TooLarge(limit) => {
                write!(f, "{path}: is larger than {} MiB; {valid}", limit / (1024 * 1024))
            }
            Problem::NotText => write!(f, "{path}: is not UTF-8 text; {valid}"),
            Problem::Io(err) => write!(f, "{path}: could not be read: {err}"),
        }
    }
}

impl std::error::Error for UserFileError {}

/// The text of the hand-edited file at `path`: as [`read_bytes`], of at most [`MAX_BYTES`].
pub fn read(path: &Path) -> Result<String, UserFileError> {
    let bytes = read_bytes(path, MAX_BYTES, VALID)?;
    String::from_utf8(bytes).map_err(|_| UserFileError {
        path: path.to_owned(),
        problem: Problem::NotText,
        valid: VALID,
    })
}

/// The bytes of the file the user named at `path`, at most `limit` of them; a refusal ends
/// with `valid`. Opening never waits (a named pipe with no writer would block a plain open),
/// and the opened file itself must be a regular file.
pub fn read_bytes(path: &Path, limit: u64, valid: &'static str) -> Result<Vec<u8>, UserFileError> {
    let fail = |problem| UserFileError {
        path: path.to_owned(),
        problem,
        valid,
    };
    let io = |err: io::Error| {
        fail(match err.kind() {
            io::ErrorKind::NotFound => Problem::Missing,
            _ => Problem::Io(err),
        })
    };
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(io)?;
    // The type is read from the open file, not the path, which could be swapped in between.
    let kind = file.metadata().map_err(io)?.file_type();
    if !kind.is_file() {
        return Err(fail(Problem::NotAFile(describe(kind))));
    }
    let mut bytes = Vec::new();
    Read::take(&file, limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(fail(Problem::TooLarge(limit)));
    }
    Ok(bytes)
}

/// What a file that is not a regular file is, in a user's words.
pub fn describe(kind: FileType) -> &'static str {
    if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "something else"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// Reads `path`, expecting a refusal that names it and says what would be read.
    fn refused(path: &Path) -> UserFileError {
        let err = read(path).expect_err("refused");
        let message = err.to_string();
        assert!(message.starts_with(&format!("{}: ", path.display())), "{message}");
        err
    }

    #[test]
    fn item9_only_a_regular_file_of_at_most_1_mib_of_text_is_read() {
        let tmp = tempfile::tempdir().expect("a folder");
        let path = tmp.path().join("settings.toml");
        assert!(refused(&path).is_missing());

        fs::write(&path, vec![b'#'; MAX_BYTES as usize]).expect("written");
        assert_eq!(read(&path).expect("1 MiB is read").len(), MAX_BYTES as usize);
        fs::write(&path, vec![b'#'; MAX_BYTES as usize + 1]).expect("written");
        assert!(matches!(refused(&path).problem, Problem::TooLarge(MAX_BYTES)));

        fs::write(&path, b"theme = \"\xff\"").expect("written");
        assert!(matches!(refused(&path).problem, Problem::NotText));

        for (path, what) in [(tmp.path(), "a folder"), (Path::new("/dev/zero"), "a device")] {
            let err = refused(path);
            assert!(
                matches!(err.problem, Problem::NotAFile(found) if found == what),
                "{err}"
            );
            assert!(
                err.to_string().contains("a regular file of at most 1 MiB"),
                "{err}"
            );
        }
    }
}
