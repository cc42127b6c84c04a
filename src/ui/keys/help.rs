//! What `?` help shows on each screen, as data: a row for each line of keys in force, the legend
//! of the screen's glyphs, and how to close it. The help view draws it; the help component
//! scrolls through as many lines as it has.

use crate::ui::keys::defaults::Mode;
use crate::ui::keys::keymap::Keymap;
use crate::ui::keys::name::key_name;

/// The last line of the session's help.
pub const CLOSE: &str = "Esc closes this help.";

/// The help of one screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    /// `("n / →", "next agenda item")`, in table order.
    pub rows: Vec<(String, &'static str)>,
    pub legend: &'static [&'static str],
    /// How to close it, the last line.
    pub close: &'static str,
}

impl Help {
    pub fn of(keys: &Keymap, mode: Mode) -> Self {
        Self {
            rows: rows(keys, mode),
            legend: legend(mode),
            close: CLOSE,
        }
    }

    /// How many lines the help takes: its rows, a blank line, the legend and the closing line.
    pub fn line_count(&self) -> usize {
        self.rows.len() + 1 + self.legend.len() + 1
    }
}

/// One row per help line, in table order, with all of its keys: `("n / →", "next agenda
/// item")`. Actions that share a line (the five ratings) share a row.
pub fn rows(keys: &Keymap, mode: Mode) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(&'static str, Vec<String>)> = Vec::new();
    for binding in keys.bindings(mode) {
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

/// The glyphs a screen shows, explained.
pub fn legend(mode: Mode) -> &'static [&'static str] {
    match mode {
        Mode::Live => &[
            "▶ running  ⏸ paused  ✓ done  · to come  ◆ protected: rebalancing keeps its minimum",
            "▲ behind  ▼ ahead  ● on time  ⚠ end warning  ✖ over time (an item or the session)",
            "◉ has the floor  ▸ selected hand  ○ not yet spoken  ◌ floor open  ✋ waiting",
        ],
        Mode::People | Mode::Review => &[
            "✓ present  ◔ late  ◑ left early  ✗ absent  ○ absent, sent word  ? not recorded",
            "◎ one-to-one offered  ⚑ safeguarding concern  ☎ call before next session  ★ rating",
        ],
        Mode::Edit => &[
            "▸ selected  ✓ done  ▶ running  · to come  ◆ protected",
            "Items that have started stay as they are; the log keeps every edit with its time.",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keys::action::Action;

    #[test]
    fn help_lists_every_line_once_with_all_its_keys() {
        let keys = Keymap::default();
        let rows = rows(&keys, Mode::Live);
        assert!(rows.contains(&("n / →".to_owned(), "next agenda item")));
        assert_eq!(
            rows.iter()
                .filter(|(_, text)| *text == "next agenda item")
                .count(),
            1
        );
        assert!(rows.iter().any(|(keys, _)| keys == "Ctrl-c"));
        let review = super::rows(&keys, Mode::Review);
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
            for (keys, text) in rows(&Keymap::default(), mode) {
                let row = format!("| `{keys}` | {text} |");
                assert!(
                    section.contains(&row),
                    "README.md lacks, under {mode:?}, the row {row}"
                );
            }
        }
    }
}
