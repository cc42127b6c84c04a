//! The file operations the store is built from, behind a trait so that tests can make any
//! single write, flush, rename or removal fail the way a full or failing disk does.

use super::paths::FILE_MODE;
use std::fmt;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An open file the store writes to.
pub trait Durable: Write + Send {
    /// Makes everything written so far survive a crash or power cut.
    fn sync(&mut self) -> io::Result<()>;
}

impl Durable for File {
    fn sync(&mut self) -> io::Result<()> {
        self.sync_data()
    }
}

/// How `Disk::open` opens a file. It is private to the user (0600) and, except `Join`,
/// exclusively locked while open, so a second holdspace cannot mistake a file in use for an
/// abandoned one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// A new file; fails if one exists.
    CreateNew,
    /// An existing file, written at its end.
    Append,
    /// Written at its end, created if missing.
    AppendOrCreate,
    /// An existing file another holdspace holds, written at its end without taking its lock.
    Join,
}

/// Every change the store makes to files goes through one of these operations.
pub trait Disk: fmt::Debug + Send + Sync {
    fn open(&self, path: &Path, how: Open) -> io::Result<Box<dyn Durable>>;
    /// A new private file in `folder` with a name no other file has, for an atomic replace.
    fn temp(&self, folder: &Path) -> io::Result<(PathBuf, Box<dyn Durable>)>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn remove(&self, path: &Path) -> io::Result<()>;
    /// Cuts a file to `len` bytes and flushes the change.
    fn truncate(&self, path: &Path, len: u64) -> io::Result<()>;
    /// Makes new, renamed and removed names in `folder` survive a power cut.
    fn sync_dir(&self, folder: &Path) -> io::Result<()>;
}

/// The operating system's file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct Os;

impl Os {
    /// The real disk, shared.
    pub fn shared() -> Arc<dyn Disk> {
        Arc::new(Self)
    }
}

impl Disk for Os {
    fn open(&self, path: &Path, how: Open) -> io::Result<Box<dyn Durable>> {
        let mut options = OpenOptions::new();
        options.append(true).mode(FILE_MODE);
        match how {
            Open::CreateNew => options.create_new(true),
            Open::Append | Open::Join => &mut options,
            Open::AppendOrCreate => options.create(true),
        };
        let file = options.open(path)?;
        if how == Open::Join {
            return Ok(Box::new(file));
        }
        file.try_lock().map_err(|err| match err {
            TryLockError::WouldBlock => {
                io::Error::new(io::ErrorKind::WouldBlock, "another holdspace has this file open")
            }
            TryLockError::Error(err) => err,
        })?;
        Ok(Box::new(file))
    }

    fn temp(&self, folder: &Path) -> io::Result<(PathBuf, Box<dyn Durable>)> {
        let temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(folder)?;
        let (file, path) = temp.keep().map_err(|err| err.error)?;
        Ok((path, Box::new(file)))
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    fn truncate(&self, path: &Path, len: u64) -> io::Result<()> {
        let file = OpenOptions::new().write(true).open(path)?;
        file.set_len(len)?;
        file.sync_all()
    }

    fn sync_dir(&self, folder: &Path) -> io::Result<()> {
        File::open(folder)?.sync_all()
    }
}

/// Temporary files are named `.holdspace-XXXXXX.tmp`, so a purge can find any left by a crash.
pub const TEMP_PREFIX: &str = ".holdspace-";
pub const TEMP_SUFFIX: &str = ".tmp";
