//! Saved groups: one folder each under `groups/`, holding the hand-editable `group.toml` (and the
//! group's roster beside it).

use super::StoreError;
use super::atomic::write_atomic;
use super::disk::open_lock;
use super::paths::{DIR_MODE, DataDir};
use super::user_file;
use crate::domain::group::{GROUP_VERSION, Group, same_group};
use crate::store::toml_file::{self, FileError, TextError};
use crate::util::text::sanitize;
use std::fmt;
use std::fs;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

pub const GROUP_FILE: &str = "group.toml";

/// A group and the folder it is kept in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub folder: PathBuf,
    pub group: Group,
}

impl Stored {
    pub fn file(&self) -> PathBuf {
        self.folder.join(GROUP_FILE)
    }

    pub fn save(&self, dir: &DataDir) -> Result<(), StoreError> {
        let file = self.file();
        let group = Group {
            schema_version: self.group.written_version(),
            ..self.group.clone()
        };
        let text = toml::to_string_pretty(&group)
            .map_err(|err| StoreError::new("write the group to", &file, io::Error::other(err)))?;
        write_atomic(dir.disk().as_ref(), &file, text.as_bytes())
    }
}

/// The data folder a group's folder is in (`<data>/groups/<group>`): outputs never go there.
pub fn data_folder(group_folder: &Path) -> &Path {
    group_folder.ancestors().nth(2).unwrap_or(group_folder)
}

/// Reads a group file; errors name the file, the line, the field and what is valid.
pub fn load(path: &Path) -> Result<Group, FileError> {
    toml_file::read(path, parse)
}

pub fn parse(text: &str) -> Result<Group, TextError> {
    // The version is read first, so that a newer file is named as newer, not as broken.
    #[derive(serde::Deserialize)]
    struct Version {
        schema_version: Option<u32>,
    }
    if let Ok(Version {
        schema_version: Some(version),
    }) = toml::from_str::<Version>(text)
        && version > GROUP_VERSION
    {
        return Err(TextError::on_line(
            toml_file::line_of(text, "schema_version"),
            format!(
                "schema_version {version} is newer than this holdspace reads ({GROUP_VERSION}); update holdspace"
            ),
        ));
    }
    let mut group: Group = toml_file::parse(text)?;
    group
        .validate()
        .map_err(|(field, message)| TextError::at(toml_file::line_of(text, field), field, message))?;
    group.tidy();
    Ok(group)
}

/// Every saved group, by name, and a message for each that cannot be read.
pub fn list(dir: &DataDir) -> (Vec<Stored>, Vec<String>) {
    let (found, broken) = scan(dir);
    (
        found,
        broken
            .into_iter()
            .map(|(_, problem)| problem.to_string())
            .collect(),
    )
}

/// Every saved group, by name, and each group file that cannot be read with why.
fn scan(dir: &DataDir) -> (Vec<Stored>, Vec<(PathBuf, FileError)>) {
    let (mut found, mut broken) = (Vec::new(), Vec::new());
    let Ok(entries) = fs::read_dir(dir.groups_dir()) else {
        return (found, broken);
    };
    for entry in entries.flatten() {
        let folder = entry.path();
        let file = folder.join(GROUP_FILE);
        if !file.exists() {
            continue;
        }
        match load(&file) {
            Ok(group) => found.push(Stored { folder, group }),
            Err(err) => broken.push((file, err)),
        }
    }
    found.sort_by_key(|stored| stored.group.name.to_lowercase());
    (found, broken)
}

/// Why [`find`] gave no group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindError {
    /// No saved group has the name: the message lists the groups there are.
    Unknown(String),
    /// The group's file is there but cannot be used: the message names the file, the line, the
    /// field and what would be valid, and nothing should go on as if the group were not saved.
    Broken(String),
}

impl fmt::Display for FindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unknown(message) | Self::Broken(message) => f.write_str(message),
        }
    }
}

/// The saved group called `name`, ignoring case. When its file cannot be used, that file's
/// problem; else an error lists the groups there are.
pub fn find(dir: &DataDir, name: &str) -> Result<Stored, FindError> {
    let (mut groups, broken) = scan(dir);
    if let Some(at) = groups
        .iter()
        .position(|stored| same_group(&stored.group.name, name))
    {
        return Ok(groups.swap_remove(at));
    }
    if let Some((_, problem)) = broken.iter().find(|(file, _)| is_for(file, name)) {
        return Err(FindError::Broken(problem.to_string()));
    }
    let names = groups
        .iter()
        .map(|stored| format!("{:?}", sanitize(&stored.group.name)))
        .collect::<Vec<_>>();
    let known = if names.is_empty() {
        "there are no saved groups yet".to_owned()
    } else {
        format!("the saved groups are {}", names.join(", "))
    };
    let mut message = format!(
        "there is no saved group {:?}; {known}. `holdspace group new NAME` saves one",
        sanitize(name)
    );
    for (_, problem) in broken {
        message.push_str(&format!("\n{problem}"));
    }
    Err(FindError::Unknown(message))
}

/// Whether the group file at `file`, which cannot be used, is the group called `name`: by the
/// name it gives, if that much of it can be read, else by the folder `create` made for the name.
fn is_for(file: &Path, name: &str) -> bool {
    let written = user_file::read(file)
        .ok()
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|table| table.get("name")?.as_str().map(str::to_owned));
    if let Some(written) = written {
        return same_group(&written, name);
    }
    let base = slug(name);
    let folder = file
        .parent()
        .and_then(Path::file_name)
        .and_then(|folder| folder.to_str())
        .unwrap_or_default();
    folder == base
        || folder
            .strip_prefix(&base)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Why a new group was not saved.
#[derive(Debug)]
pub enum CreateError {
    Invalid {
        field: &'static str,
        message: String,
    },
    Disk(StoreError),
    Taken {
        name: String,
    },
    /// The name is taken by a group whose file cannot be used (`problem` says why).
    TakenBroken {
        name: String,
        problem: String,
    },
    /// Every folder name tried for the group is in use.
    NoFolder {
        base: String,
        parent: PathBuf,
    },
}

impl fmt::Display for CreateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid { field, message } => write!(f, "{field}: {message}"),
            Self::Disk(err) => err.fmt(f),
            Self::Taken { name } => write!(
                f,
                "a group called {:?} is saved already; `holdspace group show NAME` shows it",
                sanitize(name)
            ),
            Self::TakenBroken { name, problem } => write!(
                f,
                "a group called {:?} is saved already, and its file cannot be used: {problem}",
                sanitize(name)
            ),
            Self::NoFolder { base, parent } => write!(
                f,
                "{base} to {base}-{MAX_FOLDERS} are all taken in {}; choose another name",
                parent.display()
            ),
        }
    }
}

impl std::error::Error for CreateError {}

/// Removes the group's folder and everything in it (its file, its roster, their locks), for
/// good; how many files went. A folder that is a link is refused, never followed.
pub fn delete(stored: &Stored) -> Result<usize, StoreError> {
    let folder = &stored.folder;
    let meta = fs::symlink_metadata(folder).map_err(StoreError::at("read", folder))?;
    if !meta.is_dir() {
        return Err(StoreError::new(
            "remove",
            folder,
            io::Error::other("it is not a folder holdspace made; remove it by hand"),
        ));
    }
    let files = fs::read_dir(folder)
        .map_err(StoreError::at("read", folder))?
        .count();
    fs::remove_dir_all(folder).map_err(StoreError::at("remove", folder))?;
    Ok(files)
}

/// Saves a changed group over its own file, once its day and time are tidied and all of it is
/// valid; nothing is written otherwise.
pub fn replace(dir: &DataDir, stored: &mut Stored) -> Result<(), CreateError> {
    stored.group.tidy();
    stored
        .group
        .validate()
        .map_err(|(field, message)| CreateError::Invalid { field, message })?;
    stored.save(dir).map_err(CreateError::Disk)
}

/// Saves a new group in a folder of its own, refusing a name already taken.
pub fn create(dir: &DataDir, mut group: Group) -> Result<Stored, CreateError> {
    group.schema_version = group.written_version();
    group
        .validate()
        .map_err(|(field, message)| CreateError::Invalid { field, message })?;
    let parent = dir.groups_dir();
    fs::DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(&parent)
        .map_err(|err| CreateError::Disk(StoreError::new("create", &parent, err)))?;
    // Two `group new` at once must not both find a name free and both take it.
    let lock = parent.join(CREATE_LOCK);
    let held = open_lock(&lock)
        .and_then(|file| file.lock().map(|()| file))
        .map_err(|err| CreateError::Disk(StoreError::new("lock", &lock, err)))?;
    match find(dir, &group.name) {
        Ok(_) => {
            return Err(CreateError::Taken { name: group.name });
        }
        // Saving another would leave two groups of one name once the first file is mended.
        Err(FindError::Broken(problem)) => {
            return Err(CreateError::TakenBroken {
                name: group.name,
                problem,
            });
        }
        Err(FindError::Unknown(_)) => {}
    }
    let base = slug(&group.name);
    let mut made = None;
    for n in 1..=MAX_FOLDERS {
        let folder = if n == 1 {
            parent.join(&base)
        } else {
            parent.join(format!("{base}-{n}"))
        };
        // Made only if it did not exist: a folder is never shared by two groups.
        match fs::DirBuilder::new().mode(DIR_MODE).create(&folder) {
            Ok(()) => {
                made = Some(folder);
                break;
            }
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(CreateError::Disk(StoreError::new("create", &folder, err))),
        }
    }
    let folder = made.ok_or_else(|| CreateError::NoFolder {
        base: base.clone(),
        parent: parent.clone(),
    })?;
    let stored = Stored { folder, group };
    stored.save(dir).map_err(CreateError::Disk)?;
    drop(held);
    Ok(stored)
}

/// The lock `create` holds while it checks a new group's name and makes its folder.
const CREATE_LOCK: &str = ".create.lock";

/// How many folder names `create` tries for one group name.
const MAX_FOLDERS: usize = 100;

/// A folder name from a group name: lower-case ASCII letters and digits joined by dashes.
pub fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "group".to_owned()
    } else {
        words.join("-").chars().take(40).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_plain_and_never_empty() {
        assert_eq!(slug("Tuesday evening group"), "tuesday-evening-group");
        assert_eq!(slug("Groupe d'entraide (Lyon)"), "groupe-d-entraide-lyon");
        assert_eq!(slug("心の会"), "group");
        assert_eq!(slug("../../etc"), "etc");
    }
}
