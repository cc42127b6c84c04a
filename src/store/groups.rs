//! Saved groups: one folder each under `groups/`, holding the hand-editable `group.toml` (and the
//! group's roster beside it).

use super::atomic::write_atomic;
use super::paths::{DIR_MODE, DataDir};
use super::user_file;
use crate::domain::group::{GROUP_VERSION, Group, same_group};
use crate::toml_file;
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

    pub fn save(&self, dir: &DataDir) -> Result<(), String> {
        let text = toml::to_string_pretty(&self.group).map_err(|err| err.to_string())?;
        write_atomic(dir.disk().as_ref(), &self.file(), text.as_bytes()).map_err(|err| err.to_string())
    }
}

/// Reads a group file; errors name the file, the line, the field and what is valid.
pub fn load(path: &Path) -> Result<Group, String> {
    let text = user_file::read(path).map_err(|err| err.to_string())?;
    parse(&text).map_err(|err| format!("{}: {err}", path.display()))
}

pub fn parse(text: &str) -> Result<Group, String> {
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
        return Err(format!(
            "line {}: schema_version {version} is newer than this holdspace reads ({GROUP_VERSION}); update holdspace",
            toml_file::line_of(text, "schema_version"),
        ));
    }
    let mut group: Group = toml_file::parse(text)?;
    group.validate().map_err(|(field, message)| {
        format!("line {}: {field}: {message}", toml_file::line_of(text, field))
    })?;
    group.tidy();
    Ok(group)
}

/// Every saved group, by name, and a message for each that cannot be read.
pub fn list(dir: &DataDir) -> (Vec<Stored>, Vec<String>) {
    let (mut found, mut problems) = (Vec::new(), Vec::new());
    let Ok(entries) = fs::read_dir(dir.groups_dir()) else {
        return (found, problems);
    };
    for entry in entries.flatten() {
        let folder = entry.path();
        let file = folder.join(GROUP_FILE);
        if !file.exists() {
            continue;
        }
        match load(&file) {
            Ok(group) => found.push(Stored { folder, group }),
            Err(err) => problems.push(err),
        }
    }
    found.sort_by_key(|stored| stored.group.name.to_lowercase());
    (found, problems)
}

/// The saved group called `name`, ignoring case; an error lists the groups there are.
pub fn find(dir: &DataDir, name: &str) -> Result<Stored, String> {
    let (mut groups, problems) = list(dir);
    if let Some(at) = groups
        .iter()
        .position(|stored| same_group(&stored.group.name, name))
    {
        return Ok(groups.swap_remove(at));
    }
    let names = groups
        .iter()
        .map(|stored| format!("{:?}", crate::text::sanitize(&stored.group.name)))
        .collect::<Vec<_>>();
    let known = if names.is_empty() {
        "there are no saved groups yet".to_owned()
    } else {
        format!("the saved groups are {}", names.join(", "))
    };
    let mut message = format!(
        "there is no saved group {:?}; {known}. `holdspace group new NAME` saves one",
        crate::text::sanitize(name)
    );
    for problem in problems {
        message.push_str(&format!("\n{problem}"));
    }
    Err(message)
}

/// Saves a new group in a folder of its own, refusing a name already taken.
pub fn create(dir: &DataDir, group: Group) -> Result<Stored, String> {
    group
        .validate()
        .map_err(|(field, message)| format!("{field}: {message}"))?;
    if find(dir, &group.name).is_ok() {
        return Err(format!(
            "a group called {:?} is saved already; `holdspace group show NAME` shows it",
            crate::text::sanitize(&group.name)
        ));
    }
    let parent = dir.groups_dir();
    let base = slug(&group.name);
    let folder = (1..)
        .map(|n| {
            if n == 1 {
                parent.join(&base)
            } else {
                parent.join(format!("{base}-{n}"))
            }
        })
        .find(|folder| !folder.exists())
        .unwrap_or_else(|| parent.join(&base));
    fs::DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(&folder)
        .map_err(|err: io::Error| format!("could not create {}: {err}", folder.display()))?;
    let stored = Stored { folder, group };
    stored.save(dir)?;
    Ok(stored)
}

/// A folder name from a group name: lower-case ASCII letters and digits joined by dashes.
fn slug(name: &str) -> String {
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
