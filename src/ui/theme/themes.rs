//! The themes there are: the built-in ones, embedded from `themes/`, and the user's own in the
//! `themes/` folder beside the settings file, each over a parent; and choosing one by name.

use crate::store::toml_file::{self, FileError};
use crate::ui::theme::Theme;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// The built-in themes, by name, in the order `holdspace themes` lists them.
pub const BUILTIN: [(&str, &str); 5] = [
    ("default", include_str!("../../../themes/default.toml")),
    ("light", include_str!("../../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../../themes/high-contrast.toml"),
    ),
    ("okabe-ito", include_str!("../../../themes/okabe-ito.toml")),
    ("monochrome", include_str!("../../../themes/monochrome.toml")),
];

/// A built-in theme by name.
pub fn builtin(name: &str) -> Option<Theme> {
    let source = BUILTIN.iter().find(|(builtin, _)| *builtin == name)?.1;
    // Every built-in theme is checked by tests, so a parse failure here cannot ship.
    Theme::parse(source).ok()
}

/// The theme to go on with when the chosen one cannot be used: the default, or monochrome
/// when `NO_COLOR` asks for no colour.
pub fn fallback(no_color: bool) -> Theme {
    builtin(if no_color { "monochrome" } else { "default" }).unwrap_or_default()
}

/// Where a theme comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    /// A user file; over a built-in of the same name if there is one.
    File(PathBuf),
}

/// The most user theme files one chain of parents holds, the chosen one first: more than anyone
/// writes by hand, and few enough that a chain made by a script is refused, not followed.
pub const MAX_CHAIN: usize = 16;

/// Why a theme cannot be used.
#[derive(Debug)]
pub enum ThemeError {
    /// Not a name a theme file can have; `themes` are the names there are.
    BadName {
        name: String,
        themes: Vec<String>,
    },
    File(FileError),
    NoTheme {
        name: String,
        themes: Vec<String>,
    },
    /// Files that name each other as parents, from the `first` file round to the repeat.
    Loop {
        first: PathBuf,
        route: String,
    },
    /// A chain of parents longer than [`MAX_CHAIN`] files, from the `first` file.
    TooDeep {
        first: PathBuf,
        route: String,
    },
    /// A parent's problem, named after every child file that led to it.
    Within {
        children: Vec<PathBuf>,
        error: Box<ThemeError>,
    },
}

impl fmt::Display for ThemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadName { name, themes } => write!(
                f,
                "{name:?} is not a theme name; names use letters, digits, - and _; themes: {}",
                themes.join(", ")
            ),
            Self::File(err) => err.fmt(f),
            Self::NoTheme { name, themes } => {
                write!(
                    f,
                    "there is no theme called {name:?}; themes: {}",
                    themes.join(", ")
                )
            }
            Self::Loop { first, route } => write!(
                f,
                "{}: themes name each other as parents in a loop: {route}",
                first.display()
            ),
            Self::TooDeep { first, route } => write!(
                f,
                "{}: themes name parents more than {MAX_CHAIN} files deep: {route}; a theme may \
                 build on at most {} others of yours in turn",
                first.display(),
                MAX_CHAIN - 1
            ),
            Self::Within { children, error } => {
                for child in children {
                    write!(f, "{}: parent: ", child.display())?;
                }
                error.fmt(f)
            }
        }
    }
}

impl std::error::Error for ThemeError {}

/// The theme called `name`: the user's file `<folder>/<name>.toml` over its parent (the
/// built-in of the same name, or `default`, unless it names one), else the built-in. An error
/// names the file, the line and what would be valid; a chain of parents that loops or is longer
/// than [`MAX_CHAIN`] files is named whole.
pub fn load(name: &str, folder: Option<&Path>) -> Result<Theme, ThemeError> {
    // The user files from the chosen theme up to the first that stands on a built-in, each with
    // its path, read before any is put over its parent.
    let mut chain: Vec<(String, PathBuf, Theme)> = Vec::new();
    let mut next = name.to_owned();
    let base = loop {
        let route = || {
            let names: Vec<&str> = chain.iter().map(|(name, _, _)| name.as_str()).collect();
            format!("{} → {next}", names.join(" → "))
        };
        if let Some((_, first, _)) = chain.first()
            && chain.iter().any(|(name, _, _)| *name == next)
        {
            return Err(ThemeError::Loop {
                first: first.clone(),
                route: route(),
            });
        }
        // A parent's problem is named after every child that led to it.
        let within = |error: ThemeError| {
            if chain.is_empty() {
                return error;
            }
            ThemeError::Within {
                children: chain.iter().map(|(_, path, _)| path.clone()).collect(),
                error: Box::new(error),
            }
        };
        let theme = user_theme(&next, folder).map_err(within)?;
        let Some((path, theme)) = theme else {
            break builtin(&next).ok_or_else(|| {
                within(ThemeError::NoTheme {
                    name: next.clone(),
                    themes: names(folder),
                })
            })?;
        };
        if let Some((_, first, _)) = chain.first().filter(|_| chain.len() == MAX_CHAIN) {
            return Err(ThemeError::TooDeep {
                first: first.clone(),
                route: route(),
            });
        }
        let parent = theme.parent.clone();
        chain.push((next.clone(), path, theme));
        match parent {
            // A user file naming its own name as parent builds on the built-in of that name.
            Some(parent) if parent == next && builtin(&next).is_some() => {
                break builtin(&next).unwrap_or_default();
            }
            Some(parent) => next = parent,
            None => break builtin(&next).or_else(|| builtin("default")).unwrap_or_default(),
        }
    };
    Ok(chain
        .into_iter()
        .rev()
        .fold(base, |parent, (_, _, theme)| theme.over(&parent)))
}

/// The user's theme file called `name` and what it holds, if there is one; an error names the
/// file, or says what a theme name may hold.
fn user_theme(name: &str, folder: Option<&Path>) -> Result<Option<(PathBuf, Theme)>, ThemeError> {
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        || name.is_empty()
    {
        return Err(ThemeError::BadName {
            name: name.to_owned(),
            themes: names(folder),
        });
    }
    let Some(path) = folder
        .map(|folder| folder.join(format!("{name}.toml")))
        .filter(|path| path.exists())
    else {
        return Ok(None);
    };
    let theme = toml_file::read(&path, Theme::parse).map_err(ThemeError::File)?;
    Ok(Some((path, theme)))
}

/// Every theme name: the built-in ones, then the user's.
pub fn names(folder: Option<&Path>) -> Vec<String> {
    let mut names: Vec<String> = BUILTIN.iter().map(|(name, _)| (*name).to_owned()).collect();
    for (name, _) in user_files(folder) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The user's theme files, by name.
fn user_files(folder: Option<&Path>) -> Vec<(String, PathBuf)> {
    let Some(entries) = folder.and_then(|folder| fs::read_dir(folder).ok()) else {
        return Vec::new();
    };
    let mut files: Vec<(String, PathBuf)> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .filter_map(|path| Some((path.file_stem()?.to_str()?.to_owned(), path)))
        .collect();
    files.sort();
    files
}

/// Every theme, with where it comes from and whether it can be used.
pub fn all(folder: Option<&Path>) -> Vec<(String, Origin, Result<Theme, ThemeError>)> {
    let user = user_files(folder);
    names(folder)
        .into_iter()
        .map(|name| {
            let origin = user
                .iter()
                .find(|(user_name, _)| *user_name == name)
                .map_or(Origin::Builtin, |(_, path)| Origin::File(path.clone()));
            let theme = load(&name, folder);
            (name, origin, theme)
        })
        .collect()
}
