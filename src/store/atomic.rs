//! Whole-file writes that leave either the old file or the new one, never half of either.

use super::StoreError;
use super::disk::{Disk, folder_of};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder: write, fsync, rename,
/// fsync the folder. The temporary file is private (0600) and removed if anything fails.
pub fn write_atomic(disk: &dyn Disk, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let folder = folder_of(path);
    let (temp, mut file) = disk
        .temp(path)
        .map_err(StoreError::at("create a temporary file in", folder))?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync())
        .map_err(StoreError::at("write", &temp))
        .and_then(|()| {
            disk.rename(&temp, path)
                .map_err(StoreError::at("move the finished file to", path))
        });
    drop(file);
    if let Err(err) = written {
        // The old file, if any, is untouched; only the half-written copy goes.
        let _ = disk.remove(&temp);
        return Err(err);
    }
    disk.sync_dir(folder)
        .map_err(StoreError::at("flush the folder", folder))
}
