//! The data folder: where it is, its layout, and its permissions (folders 0700, files 0600).

use super::StoreError;
use super::disk::{Disk, Os};
use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const DIR_MODE: u32 = 0o700;
pub const FILE_MODE: u32 = 0o600;

/// The opened data folder. `journal/` holds sessions in progress, `sessions/` finished logs.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
    disk: Arc<dyn Disk>,
}

impl DataDir {
    /// The platform's data folder for holdspace, e.g. `~/.local/share/holdspace` on Linux.
    pub fn default_root() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "holdspace").map(|dirs| dirs.data_dir().to_owned())
    }

    /// Creates the layout if needed and tightens any permissions that are too open, returning
    /// one line for each change so the user is told rather than surprised.
    pub fn open(root: &Path) -> Result<(Self, Vec<String>), StoreError> {
        let dir = Self {
            root: root.to_owned(),
            disk: Os::shared(),
        };
        let mut tightened = Vec::new();
        for folder in [dir.root.clone(), dir.journal_dir(), dir.sessions_dir()] {
            if folder != dir.root {
                real_folder(&folder)?;
            }
            fs::DirBuilder::new()
                .recursive(true)
                .mode(DIR_MODE)
                .create(&folder)
                .map_err(StoreError::at("create the folder", &folder))?;
            tightened.extend(tighten(&folder, DIR_MODE)?);
        }
        // Saved groups, with their rosters, are a folder each under `groups/`.
        let groups = dir.groups_dir();
        let mut folders = vec![dir.journal_dir(), dir.sessions_dir()];
        if groups.is_dir() {
            real_folder(&groups)?;
            tightened.extend(tighten(&groups, DIR_MODE)?);
            for entry in fs::read_dir(&groups)
                .map_err(StoreError::at("read the folder", &groups))?
                .flatten()
            {
                real_folder(&entry.path())?;
                if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                    tightened.extend(tighten(&entry.path(), DIR_MODE)?);
                    folders.push(entry.path());
                }
            }
        }
        for folder in folders {
            let entries = fs::read_dir(&folder).map_err(StoreError::at("read the folder", &folder))?;
            for entry in entries.flatten() {
                if entry.file_type().is_ok_and(|kind| kind.is_file()) {
                    tightened.extend(tighten(&entry.path(), FILE_MODE)?);
                }
            }
        }
        Ok((dir, tightened))
    }

    /// The same folder, written through `disk`: tests use a disk that fails on demand.
    #[must_use]
    pub fn on(self, disk: Arc<dyn Disk>) -> Self {
        Self { disk, ..self }
    }

    pub fn disk(&self) -> &Arc<dyn Disk> {
        &self.disk
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn journal_dir(&self) -> PathBuf {
        self.root.join("journal")
    }

    /// Saved groups, a folder each.
    pub fn groups_dir(&self) -> PathBuf {
        self.root.join("groups")
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.root.join("sessions")
    }

    /// The journal of the session `id`; an ID that is not a plain file name has no path.
    pub fn journal_path(&self, id: &str) -> Result<PathBuf, BadId> {
        check_id(id).map(|()| self.journal_dir().join(format!("{id}.jsonl")))
    }

    /// The log of the session `id`; an ID that is not a plain file name has no path.
    pub fn log_path(&self, id: &str) -> Result<PathBuf, BadId> {
        check_id(id).map(|()| self.sessions_dir().join(format!("{id}.json")))
    }

    /// Journals of sessions that never wrote their log: interrupted sessions, oldest first.
    pub fn open_journals(&self) -> Result<Vec<PathBuf>, StoreError> {
        let folder = self.journal_dir();
        let mut found: Vec<PathBuf> = fs::read_dir(&folder)
            .map_err(StoreError::at("read the folder", &folder))?
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
            .collect();
        found.sort();
        Ok(found)
    }
}

/// The longest session ID: IDs holdspace makes are about 25 characters.
pub const ID_MAX: usize = 64;

/// A session's ID is the name of its files, so it may only be a plain name: 1 to `ID_MAX`
/// ASCII letters, digits, `-` and `_`. The same rule holds for an ID typed on the command
/// line and for one read from a file, which can then never point outside its folder.
pub fn check_id(id: &str) -> Result<(), BadId> {
    let plain = id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if plain && (1..=ID_MAX).contains(&id.len()) {
        Ok(())
    } else {
        Err(BadId(id.to_owned()))
    }
}

/// The ID a session file's name gives it: `2026-01-06-1800` for `2026-01-06-1800.jsonl`.
pub fn id_of(path: &Path) -> Result<&str, BadId> {
    let stem = path.file_stem().unwrap_or_default();
    let id = stem
        .to_str()
        .ok_or_else(|| BadId(stem.to_string_lossy().into_owned()))?;
    check_id(id).map(|()| id)
}

/// An ID that cannot name a session's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadId(pub String);

impl std::fmt::Display for BadId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} is not a session ID: an ID is the name of the session's files, 1 to {ID_MAX} \
             letters, digits, \"-\" or \"_\"",
            crate::util::text::sanitize(&self.0)
        )
    }
}

impl std::error::Error for BadId {}

impl From<BadId> for std::io::Error {
    fn from(bad: BadId) -> Self {
        Self::new(std::io::ErrorKind::InvalidInput, bad.to_string())
    }
}

/// Fails if `folder`, one of holdspace's own folders in the data folder, is a symbolic link:
/// every file written there would land wherever it leads. The data folder itself may be a link
/// (it is the user's choice, given with `--data-dir`); the folders in it are holdspace's.
fn real_folder(folder: &Path) -> Result<(), StoreError> {
    match fs::symlink_metadata(folder) {
        Ok(meta) if meta.file_type().is_symlink() => Err(StoreError::new(
            "use the folder",
            folder,
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "it is a symbolic link; holdspace keeps its files in real folders inside the data \
                 folder, so move what it leads to here, or remove the link",
            ),
        )),
        _ => Ok(()),
    }
}

fn tighten(path: &Path, mode: u32) -> Result<Option<String>, StoreError> {
    let meta = fs::metadata(path).map_err(StoreError::at("read the permissions of", path))?;
    let current = meta.permissions().mode() & 0o777;
    #[allow(
        clippy::verbose_bit_mask,
        reason = "a mask of the group and other bits reads as one"
    )]
    if current & 0o077 == 0 {
        return Ok(None);
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
        .map_err(StoreError::at("restrict the permissions of", path))?;
    Ok(Some(format!(
        "{} was readable by others ({current:04o}); it is now {mode:04o}",
        path.display()
    )))
}
