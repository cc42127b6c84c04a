//! The file operations the store is built from, behind a trait so that tests can make any
//! single write, flush, rename or removal fail the way a full or failing disk does.

use super::paths::FILE_MODE;
use super::user_file::describe;
use std::fmt;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An open file the store writes to.
pub trait Durable: Write + Send {
    /// Makes everything written so far survive a crash or power cut.
    fn sync(&mut self) -> io::Result<()>;

    /// Which file this is on its device, and whether a name in a folder still leads to it;
    /// `None` for a stand-in with no file behind it.
    fn identity(&self) -> io::Result<Option<Identity>> {
        Ok(None)
    }
}

impl Durable for File {
    fn sync(&mut self) -> io::Result<()> {
        self.sync_data()
    }

    fn identity(&self) -> io::Result<Option<Identity>> {
        self.metadata().map(|meta| Some(Identity::of(&meta)))
    }
}

/// A file's device and inode, and its number of names: what tells whether a path still leads
/// to the file a handle has open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    pub device: u64,
    pub inode: u64,
    pub links: u64,
}

impl Identity {
    pub fn of(meta: &fs::Metadata) -> Self {
        Self {
            device: meta.dev(),
            inode: meta.ino(),
            links: meta.nlink(),
        }
    }

    /// Whether `path` names this very file, which still has a name: false once it was
    /// removed, or another file (or a link) was put in its place.
    pub fn is_at(&self, path: &Path) -> bool {
        self.links > 0
            && fs::symlink_metadata(path).is_ok_and(|meta| {
                let there = Self::of(&meta);
                (there.device, there.inode) == (self.device, self.inode)
            })
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
    /// A new private file beside `target`, with a name no other file has, to replace `target`
    /// atomically. Its name says which file it is for (`temp_target`), so a purge can find it.
    fn temp(&self, target: &Path) -> io::Result<(PathBuf, Box<dyn Durable>)>;
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
        let file = open_regular(&options, path)?;
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

    fn temp(&self, target: &Path) -> io::Result<(PathBuf, Box<dyn Durable>)> {
        let name: String = target
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .chars()
            .take(TEMP_NAME_MAX)
            .collect();
        let temp = tempfile::Builder::new()
            .prefix(&format!("{TEMP_PREFIX}{name}."))
            .suffix(TEMP_SUFFIX)
            .tempfile_in(folder_of(target))?;
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
        let file = open_regular(OpenOptions::new().write(true), path)?;
        file.set_len(len)?;
        file.sync_all()
    }

    fn sync_dir(&self, folder: &Path) -> io::Result<()> {
        File::open(folder)?.sync_all()
    }
}

/// Opens the data folder's file at `path` as `options` say, only if it is a regular file: never
/// through a link (which would lead elsewhere), and never waiting, as a plain open of a named
/// pipe does until someone opens its other end: a pipe, a device or a folder planted where a
/// journal, its lock or a log goes is refused at once, named for what it is.
pub fn open_regular(options: &OpenOptions, path: &Path) -> io::Result<File> {
    // Non-blocking only changes how pipes and devices behave, and they are refused below.
    let opened = options
        .clone()
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path);
    let kind = match &opened {
        Ok(file) => file.metadata()?.file_type(),
        // The open's own error (a link's "too many levels of symbolic links", a pipe's "no such
        // device") says little: what is at the path says what is wrong.
        Err(err) if err.kind() == io::ErrorKind::NotFound => return opened,
        Err(_) => match fs::symlink_metadata(path) {
            Ok(meta) => meta.file_type(),
            Err(_) => return opened,
        },
    };
    if kind.is_file() {
        return opened;
    }
    let link = if kind.is_symlink() {
        ", and holdspace never goes through a link in its data folder"
    } else {
        ""
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {}, not a regular file{link}", describe(kind)),
    ))
}

/// Opens (creating it if needed) a lock file that holds no data, only `flock` locks, as
/// `open_regular` opens the data folder's files: private, never through a link, never waiting.
pub fn open_lock(path: &Path) -> io::Result<File> {
    open_regular(OpenOptions::new().create(true).append(true).mode(FILE_MODE), path)
}

/// All of the data folder's file at `path`, read as `open_regular` opens it.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open_regular(OpenOptions::new().read(true), path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Temporary files are named `.holdspace-<target>.XXXXXX.tmp`, so a purge can find any left by
/// a crash, and tell which session's file each was to become.
pub const TEMP_PREFIX: &str = ".holdspace-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// The most characters of the target's name a temporary file's name carries.
const TEMP_NAME_MAX: usize = 100;

/// The name of the file a temporary file was to replace, if its name says (older holdspaces
/// named them `.holdspace-XXXXXX.tmp`, which does not).
pub fn temp_target(temp_name: &str) -> Option<&str> {
    let middle = temp_name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    middle.rsplit_once('.').map(|(target, _random)| target)
}

/// The folder `path` is in; a bare file name is in the current folder.
pub fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|folder| !folder.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_file_is_named_after_the_file_it_is_to_become() {
        let folder = tempfile::tempdir().expect("a folder");
        let (temp, _) = Os
            .temp(&folder.path().join("2026-12-03-1800.json"))
            .expect("a temporary file");
        let name = temp.file_name().and_then(|name| name.to_str()).expect("a name");
        assert!(name.starts_with(".holdspace-2026-12-03-1800.json."), "{name}");
        assert_eq!(temp_target(name), Some("2026-12-03-1800.json"));
        assert_eq!(temp_target(".holdspace-x1y2z3.tmp"), None, "an older holdspace's");
        assert_eq!(temp_target("2026-12-03-1800.json"), None);
    }
}
