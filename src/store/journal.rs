//! The append-only JSON Lines journal of a session in progress, and reading it back after a crash.

use super::StoreError;
use super::atomic::write_atomic;
use super::disk::{Disk, Durable, Identity, Open, Os, folder_of, open_lock, open_regular, read_regular};
use super::paths::DIR_MODE;
use crate::domain::Event;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, FileExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An open journal. Each event is one line, written with one `write_all` and flushed to the
/// disk with `sync_data` before `append` returns, so a returned `Ok` is an acknowledged event.
/// The facilitator's holdspace keeps the file locked while open, so others see the session as
/// running; a co-facilitator's joins it without that lock. Every writer appends while holding
/// the journal's append lock (`<journal>.lock`), so lines never interleave and each writer
/// can read what the others wrote before numbering its own event.
pub struct Journal {
    file: Box<dyn Durable>,
    path: PathBuf,
    /// How it was opened, to open it the same way (but as existing) once written again.
    how: Open,
    disk: Arc<dyn Disk>,
    /// The append lock; a stand-in journal in tests has none.
    writers: Option<File>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Journal {
    /// Creates a new journal; fails rather than overwrite one that exists.
    pub fn create(disk: Arc<dyn Disk>, path: &Path) -> Result<Self, StoreError> {
        let journal = Self::open(disk, path, Open::CreateNew, "create the journal")?;
        if let Some(folder) = path.parent() {
            journal
                .disk
                .sync_dir(folder)
                .map_err(StoreError::at("flush the folder", folder))?;
        }
        Ok(journal)
    }

    /// Opens an existing journal to add to it, after `cut_torn_tail` has made it end cleanly.
    pub fn reopen(disk: Arc<dyn Disk>, path: &Path) -> Result<Self, StoreError> {
        Self::open(disk, path, Open::Append, "open the journal")
    }

    /// Joins the journal another holdspace is running, as a co-facilitator.
    pub fn join(disk: Arc<dyn Disk>, path: &Path) -> Result<Self, StoreError> {
        Self::open(disk, path, Open::Join, "join the journal")
    }

    fn open(disk: Arc<dyn Disk>, path: &Path, how: Open, action: &'static str) -> Result<Self, StoreError> {
        let file = disk.open(path, how).map_err(StoreError::at(action, path))?;
        let writers = append_lock(&lock_path(path))?;
        Ok(Self {
            file,
            path: path.to_owned(),
            how,
            disk,
            writers: Some(writers),
        })
    }

    /// Wraps a stand-in file (a full device, say) under the path shown in messages.
    pub fn from_file(file: impl Durable + 'static, path: &Path) -> Self {
        Self {
            file: Box::new(file),
            path: path.to_owned(),
            how: Open::Append,
            disk: Os::shared(),
            writers: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn disk(&self) -> &dyn Disk {
        self.disk.as_ref()
    }

    /// Whether this is the session's journal file, which other holdspaces may append to, rather
    /// than a stand-in.
    pub fn shared(&self) -> bool {
        self.writers.is_some()
    }

    /// Runs `write` holding the append lock: no other holdspace appends meanwhile.
    pub fn exclusively<T>(&mut self, write: impl FnOnce(&mut Self) -> T) -> io::Result<T> {
        if let Some(writers) = &self.writers {
            writers.lock()?;
        }
        let result = write(self);
        if let Some(writers) = &self.writers {
            writers.unlock()?;
        }
        Ok(result)
    }

    /// Appends one event; the number of bytes written.
    pub fn append(&mut self, event: &Event) -> io::Result<u64> {
        self.append_all(std::slice::from_ref(event))
    }

    /// Appends several events with one write and one flush: a journal rebuilt from a saved log.
    pub fn append_all(&mut self, events: &[Event]) -> io::Result<u64> {
        let lines = lines(events)?;
        self.file.write_all(&lines)?;
        self.file.sync()?;
        Ok(lines.len() as u64)
    }

    /// Whether what was written is still at the journal's path: false once the file was
    /// removed, or another file (or a link) was put in its place, and writes reach no name.
    pub fn in_place(&self) -> io::Result<bool> {
        Ok(self
            .file
            .identity()?
            .is_none_or(|identity| identity.is_at(&self.path)))
    }

    /// Goes on writing to the file now at the journal's path, opened as before, and holding the
    /// append lock now beside it. Only while holding the append lock (`exclusively`): the new
    /// lock is taken in its place, so every writer that moves on still appends one at a time.
    pub fn reattach(&mut self) -> Result<(), StoreError> {
        let how = if self.how == Open::Join {
            Open::Join
        } else {
            Open::Append
        };
        self.file = self
            .disk
            .open(&self.path, how)
            .map_err(StoreError::at("open the journal", &self.path))?;
        let lock = lock_path(&self.path);
        let moved = self.writers.as_ref().is_some_and(|writers| {
            // A lock whose name was removed with its folder is one no newcomer would take.
            writers
                .metadata()
                .is_ok_and(|meta| !Identity::of(&meta).is_at(&lock))
        });
        if moved {
            let writers = append_lock(&lock)?;
            writers
                .lock()
                .map_err(StoreError::at("take the append lock", &lock))?;
            self.writers = Some(writers);
        }
        // Made durable here, as a name another program wrote may not be yet.
        let folder = folder_of(&self.path);
        self.disk
            .sync_dir(folder)
            .map_err(StoreError::at("flush the folder", folder))
    }

    /// Writes `events`, the whole session, to the journal's path again (atomically, flushed)
    /// and goes on appending to that new file; the number of bytes written. A journal folder
    /// removed with the file is made again, as holdspace makes it at every start; a data folder
    /// removed too is not (it may have been a drive taken out), and the rewrite fails.
    pub fn rewrite(&mut self, events: &[Event]) -> Result<u64, StoreError> {
        let bytes = lines(events).map_err(StoreError::at("write", &self.path))?;
        let folder = folder_of(&self.path);
        match fs::DirBuilder::new().mode(DIR_MODE).create(folder) {
            Ok(()) => {
                let data = folder_of(folder);
                self.disk
                    .sync_dir(data)
                    .map_err(StoreError::at("flush the folder", data))?;
            }
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(StoreError::new("make the journal folder", folder, err)),
        }
        write_atomic(self.disk.as_ref(), &self.path, &bytes)?;
        self.reattach()?;
        Ok(bytes.len() as u64)
    }
}

/// Opens (creating it if needed) the append lock at `lock`, without taking it.
fn append_lock(lock: &Path) -> Result<File, StoreError> {
    open_lock(lock).map_err(StoreError::at("open the append lock", lock))
}

/// Events as journal lines.
fn lines(events: &[Event]) -> io::Result<Vec<u8>> {
    let mut lines = Vec::new();
    for event in events {
        serde_json::to_writer(&mut lines, event).map_err(io::Error::other)?;
        lines.push(b'\n');
    }
    Ok(lines)
}

/// The append lock every writer of the journal at `journal` holds while it appends.
pub fn lock_path(journal: &Path) -> PathBuf {
    beside(journal, ".lock")
}

/// Where the cut-off bytes of a journal's torn last line are kept.
pub fn torn_path(journal: &Path) -> PathBuf {
    beside(journal, ".torn")
}

/// A file kept beside a journal, named after it: `<journal><suffix>`.
fn beside(journal: &Path, suffix: &str) -> PathBuf {
    let mut path = journal.as_os_str().to_owned();
    path.push(suffix);
    PathBuf::from(path)
}

/// The journal at `path`, to read, if it is a regular file.
fn open_for_reading(path: &Path) -> io::Result<File> {
    open_regular(OpenOptions::new().read(true), path)
}

/// Whether a running holdspace holds this journal open.
pub fn in_use(path: &Path) -> bool {
    open_for_reading(path)
        .is_ok_and(|file| matches!(file.try_lock_shared(), Err(std::fs::TryLockError::WouldBlock)))
}

/// Reads a journal as others append to it: each `poll` returns the events appended since the
/// last, leaving a line still being written for the next poll.
#[derive(Debug)]
pub struct Tail {
    path: PathBuf,
    /// Held open, so that a look with nothing new costs one read, and lines others wrote are
    /// still read after the journal's name was removed.
    file: Option<File>,
    /// The end of the last complete line read.
    offset: u64,
    /// Lines read so far, for naming a bad one.
    lines: usize,
    /// Bytes after `offset` with no newline yet: a line being written, or one cut short.
    pending: Vec<u8>,
}

impl Tail {
    /// Follows `path` from `offset`, the end of the `lines` complete lines already read.
    pub fn new(path: &Path, offset: u64, lines: usize) -> Self {
        Self {
            path: path.to_owned(),
            // Opened at once, so that what others appended can still be read if the journal's
            // name is removed before the next look.
            file: open_for_reading(path).ok(),
            offset,
            lines,
            pending: Vec::new(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Counts a line this holdspace appended itself, `bytes` long, as read.
    pub fn wrote(&mut self, bytes: u64) {
        self.offset += bytes;
        self.lines += 1;
    }

    /// The complete lines appended since the last poll, as events. A bad line is an error
    /// naming it, and is not skipped: the next poll reports it again.
    pub fn poll(&mut self) -> Result<Vec<Event>, StoreError> {
        let file = match &self.file {
            Some(file) => file,
            // Removed before it was first read: nothing new to read, and the writer that
            // finds it gone writes it again.
            None => match open_for_reading(&self.path) {
                Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
                opened => self
                    .file
                    .insert(opened.map_err(StoreError::at("follow the journal", &self.path))?),
            },
        };
        let mut bytes = Vec::new();
        let mut chunk = [0; 8192];
        loop {
            let read = file
                .read_at(&mut chunk, self.offset + bytes.len() as u64)
                .map_err(StoreError::at("follow the journal", &self.path))?;
            if read == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..read]);
        }
        let contents = parse(&bytes);
        if let Some(bad) = contents.bad_lines.first() {
            return Err(StoreError::new(
                "follow the journal",
                &self.path,
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("line {} is not an event: {}", self.lines + bad.line, bad.error),
                ),
            ));
        }
        self.offset += contents.clean_len;
        self.lines += contents.events.len();
        self.pending = contents.torn_tail;
        Ok(contents.events)
    }

    /// Opens the file now at the path, which another holdspace wrote again from memory when it
    /// found the journal gone, and goes on after the lines already read, counted there.
    pub fn find_place(&mut self) -> Result<(), StoreError> {
        let file = open_for_reading(&self.path).map_err(StoreError::at("follow the journal", &self.path))?;
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut &file, &mut bytes)
            .map_err(StoreError::at("follow the journal", &self.path))?;
        self.offset = bytes
            .split_inclusive(|&b| b == b'\n')
            .take(self.lines)
            .map(|line| line.len() as u64)
            .sum();
        self.file = Some(file);
        Ok(())
    }

    /// Sets aside a line left unfinished by a writer that died, as `cut_torn_tail` does. Only
    /// for a holdspace holding the append lock: otherwise the line may still be being written.
    pub fn set_aside_unfinished(&mut self, disk: &dyn Disk) -> Result<(), StoreError> {
        let contents = Contents {
            torn_tail: std::mem::take(&mut self.pending),
            clean_len: self.offset,
            ..Contents::default()
        };
        cut_torn_tail(disk, &self.path, &contents).map(|_| ())
    }
}

/// A line that is complete but does not hold an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub error: String,
}

/// What a journal holds, read without changing it.
#[derive(Debug, Default)]
pub struct Contents {
    pub events: Vec<Event>,
    /// Bytes after the last newline: an event whose write was cut short, never acknowledged.
    pub torn_tail: Vec<u8>,
    /// Length of the journal up to and including its last newline.
    pub clean_len: u64,
    pub bad_lines: Vec<BadLine>,
}

pub fn read(path: &Path) -> Result<Contents, StoreError> {
    let bytes = read_regular(path).map_err(StoreError::at("read the journal", path))?;
    Ok(parse(&bytes))
}

/// Splits journal bytes into events, bad complete lines, and a torn tail.
pub fn parse(bytes: &[u8]) -> Contents {
    let clean_len = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |at| at + 1);
    let (clean, tail) = bytes.split_at(clean_len);
    let mut contents = Contents {
        torn_tail: tail.to_vec(),
        clean_len: clean_len as u64,
        ..Contents::default()
    };
    let lines = clean.strip_suffix(b"\n").map(|body| body.split(|&b| b == b'\n'));
    for (index, line) in lines.into_iter().flatten().enumerate() {
        match serde_json::from_slice::<Event>(line) {
            Ok(event) => contents.events.push(event),
            Err(err) => contents.bad_lines.push(BadLine {
                line: index + 1,
                error: err.to_string(),
            }),
        }
    }
    contents
}

/// Moves a torn tail out of the journal into `<journal>.torn` (kept for inspection) and
/// truncates the journal to its last complete line, so the next append starts a fresh line.
pub fn cut_torn_tail(
    disk: &dyn Disk,
    path: &Path,
    contents: &Contents,
) -> Result<Option<PathBuf>, StoreError> {
    if contents.torn_tail.is_empty() {
        return Ok(None);
    }
    let aside = torn_path(path);
    disk.open(&aside, Open::AppendOrCreate)
        .and_then(|mut file| {
            file.write_all(&contents.torn_tail)?;
            file.sync()
        })
        .map_err(StoreError::at("keep the torn journal line in", &aside))?;
    disk.truncate(path, contents.clean_len)
        .map_err(StoreError::at("cut the torn line from", path))?;
    Ok(Some(aside))
}

/// Removes a journal that is not open, and makes the removal last.
pub fn retire(disk: &dyn Disk, path: &Path) -> Result<(), StoreError> {
    disk.remove(path)
        .map_err(StoreError::at("remove the finished journal", path))?;
    // The append lock holds no data; a holdspace still following recreates it harmlessly.
    let _ = fs::remove_file(lock_path(path));
    match path.parent() {
        Some(folder) => disk
            .sync_dir(folder)
            .map_err(StoreError::at("flush the folder", folder)),
        None => Ok(()),
    }
}
