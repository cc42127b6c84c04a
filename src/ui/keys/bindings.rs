//! The keys in force: the built-in tables, with any actions the user's keys file rebinds.
//! Key handling, `?` help and the status-line hints all read them from here.

use crate::store::toml_file::{self, line_of};
use crate::ui::keys::action::Action;
use crate::ui::keys::keymap::{Binding, Mode, key_name, parse_key};
use crossterm::event::{KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Keymap {
    /// Each mode's bindings, in `Mode::ALL` order.
    modes: [Vec<Binding>; Mode::ALL.len()],
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            modes: Mode::ALL.map(|mode| mode.defaults().copied().collect()),
        }
    }
}

/// One key, or several, for an action in the keys file.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

impl Keymap {
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        &self.modes[mode as usize]
    }

    /// The action bound to a key press, ignoring Shift (already folded into the character).
    pub fn lookup(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        let modifiers = event.modifiers - KeyModifiers::SHIFT;
        self.bindings(mode)
            .iter()
            .find(|binding| binding.key == event.code && binding.modifiers == modifiers)
            .map(|binding| binding.action)
    }

    /// The first key bound to `action` in `mode`, for hints.
    pub fn first_key(&self, mode: Mode, action: Action) -> Option<String> {
        self.bindings(mode)
            .iter()
            .find(|binding| binding.action == action)
            .map(key_name)
    }

    /// One row per help line, in table order, with all of its keys: `("n / →", "next agenda
    /// item")`. Actions that share a line (the five ratings) share a row.
    pub fn help_rows(&self, mode: Mode) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(&'static str, Vec<String>)> = Vec::new();
        for binding in self.bindings(mode) {
            let text = binding.action.describe();
            match rows.iter_mut().find(|(line, _)| *line == text) {
                Some((_, keys)) => keys.push(key_name(binding)),
                None => rows.push((text, vec![key_name(binding)])),
            }
        }
        rows.into_iter()
            .map(|(text, keys)| (keys.join(" / "), text))
            .collect()
    }

    /// Reads the keys file at `path`: a missing file means the built-in keys. A file that
    /// cannot be used comes back as the built-in keys and a message saying so, naming the
    /// file, the line and what would be valid.
    pub fn load(path: &Path) -> (Self, Option<String>) {
        toml_file::load(path, Self::parse, "Going on with the built-in keys.")
    }

    /// The built-in keys with the actions the file sets rebound: each `[live]`, `[people]` or
    /// `[review]` line gives an action its keys on that screen, replacing the built-in ones.
    pub fn parse(text: &str) -> Result<Self, String> {
        let file: BTreeMap<String, BTreeMap<String, Keys>> =
            toml_file::parse(text).map_err(|err| err.to_string())?;
        let mut keymap = Self::default();
        for (section, actions) in &file {
            let mode = Mode::ALL
                .into_iter()
                .find(|mode| mode.section() == section)
                .ok_or_else(|| {
                    format!(
                        "line {}: [{section}] is not a screen; use [live], [people] or [review]",
                        line_of(text, &format!("[{section}]"))
                    )
                })?;
            for (name, keys) in actions {
                let at = || format!("line {}: [{section}] {name}", line_of(text, name));
                let action = keymap
                    .bindings(mode)
                    .iter()
                    .map(|binding| binding.action)
                    .find(|action| action.name() == *name)
                    .ok_or_else(|| {
                        format!(
                            "{} is not an action on this screen; actions: {}",
                            at(),
                            names(mode)
                        )
                    })?;
                let keys = match keys {
                    Keys::One(key) => vec![key.clone()],
                    Keys::Many(keys) => keys.clone(),
                };
                if keys.is_empty() {
                    return Err(format!("{} needs at least one key", at()));
                }
                let mut bound = Vec::new();
                for key in &keys {
                    let (key, modifiers) = parse_key(key).map_err(|err| format!("{}: {err}", at()))?;
                    bound.push(Binding {
                        key,
                        modifiers,
                        action,
                    });
                }
                let bindings = &mut keymap.modes[mode as usize];
                let place = bindings
                    .iter()
                    .position(|binding| binding.action == action)
                    .unwrap_or(bindings.len());
                bindings.retain(|binding| binding.action != action);
                bindings.splice(place.min(bindings.len())..place.min(bindings.len()), bound);
            }
        }
        keymap.conflicts()?;
        Ok(keymap)
    }

    /// An error naming the first key bound to two actions on one screen.
    fn conflicts(&self) -> Result<(), String> {
        for mode in Mode::ALL {
            let bindings = self.bindings(mode);
            for (index, first) in bindings.iter().enumerate() {
                if let Some(second) = bindings[index + 1..].iter().find(|other| {
                    other.key == first.key
                        && other.modifiers == first.modifiers
                        && other.action != first.action
                }) {
                    return Err(format!(
                        "[{}] {} would do both {} and {}; give each key one action",
                        mode.section(),
                        key_name(first),
                        first.action.name(),
                        second.action.name()
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The action names of a screen, for messages.
fn names(mode: Mode) -> String {
    let mut names: Vec<String> = Vec::new();
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
    use crossterm::event::KeyCode;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        assert_eq!(Keymap::default().conflicts(), Ok(()));
    }

    #[test]
    fn help_lists_every_line_once_with_all_its_keys() {
        let keys = Keymap::default();
        let rows = keys.help_rows(Mode::Live);
        assert!(rows.contains(&("n / →".to_owned(), "next agenda item")));
        assert_eq!(
            rows.iter()
                .filter(|(_, text)| *text == "next agenda item")
                .count(),
            1
        );
        assert!(rows.iter().any(|(keys, _)| keys == "Ctrl-c"));
        let review = keys.help_rows(Mode::Review);
        assert!(review.contains(&("1 / 2 / 3 / 4 / 5".to_owned(), Action::Rate(1).describe())));
    }

    #[test]
    fn readme_lists_every_key_under_its_mode() {
        let readme = include_str!("../../../README.md");
        for mode in Mode::ALL {
            let section = readme
                .split(&format!("#### {}", mode.title()))
                .nth(1)
                .unwrap_or_else(|| panic!("README.md lacks the heading #### {}", mode.title()));
            let section = section.split("####").next().unwrap_or_default();
            for (keys, text) in Keymap::default().help_rows(mode) {
                let row = format!("| `{keys}` | {text} |");
                assert!(
                    section.contains(&row),
                    "README.md lacks, under {mode:?}, the row {row}"
                );
            }
        }
    }

    #[test]
    fn shifted_characters_match() {
        let keys = Keymap::default();
        let plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(keys.lookup(Mode::Live, plus), Some(Action::AddMinute));
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(keys.lookup(Mode::Live, ctrl_n), None);
    }

    #[test]
    fn a_keys_file_rebinds_actions_and_help_follows() {
        let keys = Keymap::parse("[live]\nnext = [\"N\", \"right\"]\nrebalance = \"ctrl-r\"\n").unwrap();
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
        let rows = keys.help_rows(Mode::Live);
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
    fn mistakes_and_conflicts_are_named() {
        let err = Keymap::parse("[live]\nnext = \"p\"\n").unwrap_err();
        assert_eq!(
            err,
            "[live] p would do both next and back; give each key one action"
        );
        let err = Keymap::parse("[live]\n\nnxt = \"x\"\n").unwrap_err();
        assert!(
            err.starts_with("line 3: [live] nxt is not an action") && err.contains("next, back"),
            "{err}"
        );
        let err = Keymap::parse("[lve]\nnext = \"x\"\n").unwrap_err();
        assert!(err.starts_with("line 1: [lve] is not a screen"), "{err}");
        let err = Keymap::parse("[review]\nrate_1 = \"f1\"\n").unwrap_err();
        assert!(
            err.starts_with("line 2: [review] rate_1: \"f1\" is not a key"),
            "{err}"
        );
        let err = Keymap::parse("[live]\nnext = [\n").unwrap_err();
        assert!(err.starts_with("line "), "{err}");
    }

    #[test]
    fn a_bad_file_falls_back_and_says_so() {
        use std::fs;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("keys.toml");
        assert!(Keymap::load(&path).1.is_none(), "no file: built-in keys");
        fs::write(&path, "[live]\nnext = \"p\"\n").unwrap();
        let (keys, warning) = Keymap::load(&path);
        assert_eq!(keys.bindings(Mode::Live), Keymap::default().bindings(Mode::Live));
        let warning = warning.unwrap();
        assert!(warning.contains("keys.toml: [live] p would do both"), "{warning}");
        assert!(warning.ends_with("Going on with the built-in keys."), "{warning}");
    }
}
