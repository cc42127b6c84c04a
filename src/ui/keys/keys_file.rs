//! The user's keys file, `keys.toml`: each `[live]`, `[people]`, `[review]` or `[edit]` line
//! gives an action its keys on that screen, replacing the built-in ones. Every mistake names
//! the line it is on, as toml reports it, and a key given two actions names both.

use crate::store::toml_file::{self, TextError, line_at};
use crate::ui::keys::action::Action;
use crate::ui::keys::defaults::{Binding, Mode};
use crate::ui::keys::keymap::Keymap;
use crate::ui::keys::name::{BadKeyName, key_name, parse_key};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use toml::Spanned;

/// One key, or several, for an action in the keys file.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// Where an action's keys come from: a line of the keys file, or the built-in table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub action: Action,
    pub line: Option<usize>,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} (line {line})", self.action.name()),
            None => write!(f, "{} (built in)", self.action.name()),
        }
    }
}

/// What is wrong with a keys file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeysFileError {
    Toml(TextError),
    NoScreen {
        line: usize,
        section: String,
    },
    NoAction {
        line: usize,
        section: &'static str,
        name: String,
    },
    NoKeys {
        line: usize,
        section: &'static str,
        name: String,
    },
    BadKey {
        line: usize,
        section: &'static str,
        name: String,
        error: BadKeyName,
    },
    /// One key on one screen would do two actions.
    Clash {
        section: &'static str,
        key: String,
        first: Bound,
        second: Bound,
    },
}

impl fmt::Display for KeysFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Toml(err) => err.fmt(f),
            Self::NoScreen { line, section } => {
                let sections: Vec<String> = Mode::ALL
                    .iter()
                    .map(|mode| format!("[{}]", mode.section()))
                    .collect();
                write!(
                    f,
                    "line {line}: [{section}] is not a screen; use {}",
                    sections.join(", ")
                )
            }
            Self::NoAction { line, section, name } => {
                let mode = Mode::ALL.into_iter().find(|mode| mode.section() == *section);
                write!(
                    f,
                    "line {line}: [{section}] {name} is not an action on this screen; actions: {}",
                    mode.map(names).unwrap_or_default()
                )
            }
            Self::NoKeys { line, section, name } => {
                write!(f, "line {line}: [{section}] {name} needs at least one key")
            }
            Self::BadKey {
                line,
                section,
                name,
                error,
            } => write!(f, "line {line}: [{section}] {name}: {error}"),
            Self::Clash {
                section,
                key,
                first,
                second,
            } => write!(
                f,
                "[{section}] {key} would do both {first} and {second}; give each key one action"
            ),
        }
    }
}

impl std::error::Error for KeysFileError {}

/// Reads the keys file at `path`: a missing file means the built-in keys. A file that cannot
/// be used comes back as the built-in keys and a message saying so, naming the file, the line
/// and what would be valid.
pub fn load(path: &Path) -> (Keymap, Option<String>) {
    toml_file::load(path, parse, "Going on with the built-in keys.")
}

/// The built-in keys with the actions the file sets rebound.
pub fn parse(text: &str) -> Result<Keymap, KeysFileError> {
    type Sections = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<Keys>>>;
    let file: Sections = toml_file::parse(text).map_err(KeysFileError::Toml)?;
    let mut keymap = Keymap::default();
    let mut from_file: Vec<(Mode, Bound)> = Vec::new();
    for (section, actions) in &file {
        let mode = Mode::ALL
            .into_iter()
            .find(|mode| mode.section() == section.get_ref())
            .ok_or_else(|| KeysFileError::NoScreen {
                line: line_at(text, section.span().start),
                section: section.get_ref().clone(),
            })?;
        let section = mode.section();
        for (name, keys) in actions {
            let line = line_at(text, name.span().start);
            let name = name.get_ref();
            let action = mode
                .defaults()
                .map(|binding| binding.action)
                .find(|action| action.name() == name)
                .ok_or_else(|| KeysFileError::NoAction {
                    line,
                    section,
                    name: name.clone(),
                })?;
            let keys = match keys.get_ref() {
                Keys::One(key) => std::slice::from_ref(key),
                Keys::Many(keys) => keys.as_slice(),
            };
            if keys.is_empty() {
                return Err(KeysFileError::NoKeys {
                    line,
                    section,
                    name: name.clone(),
                });
            }
            let bound = keys
                .iter()
                .map(|key| {
                    let (key, modifiers) = parse_key(key).map_err(|error| KeysFileError::BadKey {
                        line,
                        section,
                        name: name.clone(),
                        error,
                    })?;
                    Ok(Binding {
                        key,
                        modifiers,
                        action,
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            keymap.rebind(mode, action, bound);
            from_file.push((
                mode,
                Bound {
                    action,
                    line: Some(line),
                },
            ));
        }
    }
    check_clashes(&keymap, &from_file)?;
    Ok(keymap)
}

/// The first key bound to two actions on one screen, with where each action's keys come from.
fn check_clashes(keymap: &Keymap, from_file: &[(Mode, Bound)]) -> Result<(), KeysFileError> {
    let bound = |mode: Mode, action: Action| {
        from_file
            .iter()
            .find(|(at, bound)| *at == mode && bound.action == action)
            .map_or(Bound { action, line: None }, |(_, bound)| *bound)
    };
    for mode in Mode::ALL {
        let bindings = keymap.bindings(mode);
        for (index, first) in bindings.iter().enumerate() {
            if let Some(second) = bindings[index + 1..].iter().find(|other| {
                other.key == first.key && other.modifiers == first.modifiers && other.action != first.action
            }) {
                return Err(KeysFileError::Clash {
                    section: mode.section(),
                    key: key_name(first),
                    first: bound(mode, first.action),
                    second: bound(mode, second.action),
                });
            }
        }
    }
    Ok(())
}

/// The action names of a screen, for messages.
fn names(mode: Mode) -> String {
    let mut names: Vec<&str> = Vec::new();
    for binding in mode.defaults() {
        let name = binding.action.name();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keys::help;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        assert_eq!(check_clashes(&Keymap::default(), &[]), Ok(()));
    }

    #[test]
    fn a_keys_file_rebinds_actions_and_help_follows() {
        let keys = parse("[live]\nnext = [\"N\", \"right\"]\nrebalance = \"ctrl-r\"\n").unwrap();
        let press = |code| KeyEvent::new(code, KeyModifiers::NONE);
        assert_eq!(
            keys.lookup(Mode::Live, press(KeyCode::Char('N'))),
            Some(Action::Next)
        );
        assert_eq!(
            keys.lookup(Mode::Live, press(KeyCode::Char('n'))),
            None,
            "the old key is free"
        );
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(keys.lookup(Mode::Live, ctrl_r), Some(Action::Rebalance));
        let rows = help::rows(&keys, Mode::Live);
        assert_eq!(
            rows[0],
            ("N / →".to_owned(), "next agenda item"),
            "in the same place in help"
        );
        assert_eq!(
            keys.first_key(Mode::Live, Action::Rebalance).as_deref(),
            Some("Ctrl-r")
        );
        assert_eq!(
            keys.bindings(Mode::Review),
            Keymap::default().bindings(Mode::Review)
        );
    }

    #[test]
    fn mistakes_are_named_with_their_line() {
        let err = parse("[live]\n\nnxt = \"x\"\n").unwrap_err().to_string();
        assert!(
            err.starts_with("line 3: [live] nxt is not an action") && err.contains("next, back"),
            "{err}"
        );
        let err = parse("[lve]\nnext = \"x\"\n").unwrap_err().to_string();
        assert!(err.starts_with("line 1: [lve] is not a screen"), "{err}");
        let err = parse("[review]\nrate_1 = \"f1\"\n").unwrap_err().to_string();
        assert!(
            err.starts_with("line 2: [review] rate_1: \"f1\" is not a key"),
            "{err}"
        );
        let err = parse("[live]\nnext = [\n").unwrap_err();
        assert!(
            matches!(err, KeysFileError::Toml(TextError { line: Some(_), .. })),
            "{err}"
        );
    }

    /// Counting lines by hand named the first line that began with the action's name, so an
    /// action set on two screens was reported on the first screen's line.
    #[test]
    fn a_mistake_names_its_own_line_when_its_action_is_also_set_earlier() {
        let text = "[live]\nhelp = \"?\"\n\n[review]\n# the help key\nhelp = \"f1\"\n";
        let err = parse(text).unwrap_err();
        assert_eq!(
            err,
            KeysFileError::BadKey {
                line: 6,
                section: "review",
                name: "help".to_owned(),
                error: BadKeyName("f1".to_owned()),
            }
        );
        // A screen that is not one is named at its header.
        let err = parse("[people]\nclose = \"esc\"\n[lve]\nnext = \"n\"\n").unwrap_err();
        assert!(
            err.to_string().starts_with("line 3: [lve] is not a screen"),
            "{err}"
        );
    }

    #[test]
    fn a_key_given_two_actions_names_both_and_where_each_is_set() {
        let err = parse("[live]\nnext = \"p\"\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "[live] p would do both next (line 2) and back (built in); give each key one action"
        );
        let err = parse("[live]\nnext = \"x\"\n# both on x\nback = [\"left\", \"x\"]\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "[live] x would do both next (line 2) and back (line 4); give each key one action"
        );
    }

    #[test]
    fn a_bad_file_falls_back_and_says_so() {
        use std::fs;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("keys.toml");
        assert!(load(&path).1.is_none(), "no file: built-in keys");
        fs::write(&path, "[live]\nnext = \"p\"\n").unwrap();
        let (keys, warning) = load(&path);
        assert_eq!(keys.bindings(Mode::Live), Keymap::default().bindings(Mode::Live));
        let warning = warning.unwrap();
        assert!(warning.contains("keys.toml: [live] p would do both"), "{warning}");
        assert!(warning.ends_with("Going on with the built-in keys."), "{warning}");
    }
}
