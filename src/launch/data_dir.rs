//! The data folder: where it is, opened and made private, with any permissions it had to
//! tighten told.
use crate::launch::error::LaunchError;
use crate::store::paths::DataDir;
use std::path::Path;

/// Opens the data folder, telling the user about any permissions it had to tighten.
pub fn open_data_dir(root: Option<&Path>) -> Result<DataDir, LaunchError> {
    let root = match root {
        Some(root) => root.to_owned(),
        None => DataDir::default_root().ok_or(LaunchError::NoHome)?,
    };
    let (dir, tightened) = DataDir::open(&root).map_err(LaunchError::DataDir)?;
    for line in tightened {
        crate::util::notice::say(line);
    }
    Ok(dir)
}
