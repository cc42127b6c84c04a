//! Where an output the user names (`-o PATH`, a copy saved with `S`) may go: never into
//! holdspace's own data folder, and only as a new or replaced regular file. The data folder's
//! own files are opened by `disk::open_regular`.

use super::StoreError;
use super::atomic::write_atomic;
use super::disk::Disk;
use super::user_file::describe;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

fn refused(path: &Path, why: String) -> StoreError {
    StoreError::new("use", path, io::Error::new(io::ErrorKind::InvalidInput, why))
}

/// Writes an output the user asked for (`-o PATH`) atomically, after `outside` has checked
/// that it is not in the data folder at `root`.
pub fn write_output(disk: &dyn Disk, root: &Path, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    outside(root, path)?;
    write_atomic(disk, path, bytes)
}

/// Fails when `path` is in the data folder (where it would replace a journal, a log or a
/// roster), or names something that exists and is not a regular file (a link, a device such
/// as /dev/null, a folder): an output only ever creates or replaces a regular file.
pub fn outside(root: &Path, path: &Path) -> Result<(), StoreError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => {
            return Err(refused(
                path,
                format!(
                    "it is {}, not a regular file; choose a new file's name",
                    describe(meta.file_type())
                ),
            ));
        }
        Ok(_) => {}
        Err(err) if err.kind() == io::ErrorKind::NotFound => {}
        Err(err) => return Err(StoreError::new("read", path, err)),
    }
    let root = fs::canonicalize(root).map_err(StoreError::at("find", root))?;
    let within = resolved(path).map_err(StoreError::at("find the folder of", path))?;
    if within.starts_with(&root) {
        return Err(refused(
            path,
            format!(
                "it is inside holdspace's data folder ({}), whose files only holdspace writes; \
                 choose a path outside it",
                root.display()
            ),
        ));
    }
    Ok(())
}

/// Where `path` really is: its folder with every link followed, then its own name. A name
/// ending in `..` or `.` is resolved whole, as the folder it names.
fn resolved(path: &Path) -> io::Result<PathBuf> {
    let path = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir()?.join(path)
    };
    match (path.parent(), path.components().next_back()) {
        (Some(folder), Some(Component::Normal(name))) => Ok(fs::canonicalize(folder)?.join(name)),
        _ => fs::canonicalize(&path),
    }
}
