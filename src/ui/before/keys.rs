//! The keys of the screens before a session, one table per screen: each row names its keys,
//! says what they do, and maps each key to the screen's action. The screen's key handling looks
//! keys up in it, and its footer and `?` help are written from it, so none of the three can
//! drift from the others.

use crossterm::event::{KeyCode, KeyEvent};

/// One row of a screen's keys: `("↑↓ k j", "select", [(Up, Up), (Char('k'), Up), …])`.
pub struct Key<A: 'static> {
    pub names: &'static str,
    pub does: &'static str,
    pub codes: &'static [(KeyCode, A)],
}

/// The key that shows a screen's keys.
pub const HELP: KeyCode = KeyCode::Char('?');

/// The action `code` stands for in `table`, if any.
pub fn lookup<A: Copy>(table: &[Key<A>], code: KeyCode) -> Option<A> {
    (table.iter().flat_map(|row| row.codes))
        .find(|(key, _)| *key == code)
        .map(|(_, action)| *action)
}

/// The help's rows: the keys, then what they do.
pub fn rows<A>(table: &[Key<A>]) -> Vec<(String, &'static str)> {
    (table.iter())
        .map(|row| (row.names.to_owned(), row.does))
        .collect()
}

/// The footer's hints: each row's keys and what they do, one after the other.
pub fn hints<A>(table: &[Key<A>]) -> String {
    let hints: Vec<String> = (table.iter())
        .map(|row| format!("{} {}", row.names, row.does))
        .collect();
    format!(" {}", hints.join(" · "))
}

/// Whether `key` was the help's: `?` opens it and, while it shows, any key closes it, so a key
/// pressed to close it never also acts on the screen beneath.
pub fn help_key(open: &mut bool, key: KeyEvent) -> bool {
    if std::mem::take(open) {
        return true;
    }
    *open = key.code == HELP;
    *open
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::before::{history, home, prepare, roster};

    /// Every row of `table` is in the README under `heading`.
    fn in_readme<A>(heading: &str, table: &[Key<A>]) {
        let readme = include_str!("../../../README.md");
        let section = (readme.split(&format!("#### {heading}\n")).nth(1))
            .unwrap_or_else(|| panic!("README.md lacks the heading #### {heading}"));
        let section = section.split("####").next().unwrap_or_default();
        for (keys, does) in rows(table) {
            let row = format!("| `{keys}` | {does} |");
            assert!(
                section.contains(&row),
                "README.md lacks, under {heading}, the row {row}"
            );
        }
    }

    #[test]
    fn readme_lists_every_key_of_the_screens_before_a_session() {
        in_readme("Home", home::KEYS);
        in_readme("Preparing a session", prepare::KEYS);
        in_readme("A group's roster (r at home)", roster::KEYS);
        in_readme("A group's history (h at home)", history::KEYS);
    }
}
