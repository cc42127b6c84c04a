//! The themes there are: the built-in ones, embedded from `themes/`, and the user's own in the
//! `themes/` folder beside the settings file, each over a parent; and choosing one by name.

use super::theme::Theme;
use std::fs;
use std::path::{Path, PathBuf};

/// The built-in themes, by name, in the order `holdspace themes` lists them.
pub const BUILTIN: [(&str, &str); 5] = [
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("high-contrast", include_str!("../../themes/high-contrast.toml")),
    ("okabe-ito", include_str!("../../themes/okabe-ito.toml")),
    ("monochrome", include_str!("../../themes/monochrome.toml")),
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

/// The theme called `name`: the user's file `<folder>/<name>.toml` over its parent (the
/// built-in of the same name, or `default`, unless it names one), else the built-in. An error
/// names the file, the line and what would be valid.
pub fn load(name: &str, folder: Option<&Path>) -> Result<Theme, String> {
    load_within(name, folder, &mut Vec::new())
}

/// `load`, with the names of the children already on the way down, to catch a loop.
fn load_within(name: &str, folder: Option<&Path>, children: &mut Vec<String>) -> Result<Theme, String> {
    if let Some(first) = children
        .first()
        .filter(|_| children.iter().any(|child| child == name))
    {
        let file = folder
            .map(|folder| folder.join(format!("{first}.toml")))
            .unwrap_or_default();
        return Err(format!(
            "{}: themes name each other as parents in a loop: {} → {name}",
            file.display(),
            children.join(" → ")
        ));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        || name.is_empty()
    {
        return Err(format!(
            "{name:?} is not a theme name; names use letters, digits, - and _; themes: {}",
            names(folder).join(", ")
        ));
    }
    let Some(path) = folder
        .map(|folder| folder.join(format!("{name}.toml")))
        .filter(|path| path.exists())
    else {
        return builtin(name).ok_or_else(|| {
            format!(
                "there is no theme called {name:?}; themes: {}",
                names(folder).join(", ")
            )
        });
    };
    let text = fs::read_to_string(&path).map_err(|err| format!("{}: {err}", path.display()))?;
    let theme = Theme::parse(&text).map_err(|err| format!("{}: {err}", path.display()))?;
    let parent = match theme.parent.clone() {
        // A user file naming its own name as parent builds on the built-in of that name.
        Some(parent) if parent == name && builtin(name).is_some() => builtin(name).unwrap_or_default(),
        Some(parent) => {
            children.push(name.to_owned());
            let loaded = load_within(&parent, folder, children);
            children.pop();
            loaded.map_err(|err| {
                if err.contains(" in a loop: ") {
                    err
                } else {
                    format!("{}: parent: {err}", path.display())
                }
            })?
        }
        None => builtin(name).or_else(|| builtin("default")).unwrap_or_default(),
    };
    Ok(theme.over(&parent))
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
pub fn all(folder: Option<&Path>) -> Vec<(String, Origin, Result<Theme, String>)> {
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
