//! Whole-file writes that leave either the old file or the new one, never half of either.

use super::StoreError;
use super::paths::sync_dir;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder: write, fsync, rename,
/// fsync the folder. The temporary file is created 0600 and removed if anything fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    // A bare file name has the empty path as its parent: that is the current folder.
    let folder = path
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".holdspace-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(StoreError::at("create a temporary file in", folder))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(StoreError::at("write", temp.path()))?;
    temp.persist(path)
        .map_err(|err| StoreError::new("move the finished file to", path, err.error))?;
    sync_dir(folder)
}
