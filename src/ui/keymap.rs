//! Which key does what on the live screen; help and hints are generated from this table.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub key: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
}

const fn key(code: KeyCode, action: Action) -> Binding {
    Binding {
        key: code,
        modifiers: KeyModifiers::NONE,
        action,
    }
}

pub const BINDINGS: &[Binding] = &[
    key(KeyCode::Char('n'), Action::Next),
    key(KeyCode::Right, Action::Next),
    key(KeyCode::Char('p'), Action::Back),
    key(KeyCode::Left, Action::Back),
    key(KeyCode::Char(' '), Action::TogglePause),
    key(KeyCode::Char('+'), Action::AddMinute),
    key(KeyCode::Char('='), Action::AddMinute),
    key(KeyCode::Char('-'), Action::RemoveMinute),
    key(KeyCode::Char('r'), Action::Rebalance),
    key(KeyCode::Char('g'), Action::Rules),
    key(KeyCode::Char(':'), Action::Note),
    key(KeyCode::Char('h'), Action::RaiseHand),
    key(KeyCode::Char('s'), Action::NextSpeaker),
    key(KeyCode::Enter, Action::GiveFloor),
    key(KeyCode::Char('x'), Action::LowerHand),
    key(KeyCode::Up, Action::SelectUp),
    key(KeyCode::Char('k'), Action::SelectUp),
    key(KeyCode::Down, Action::SelectDown),
    key(KeyCode::Char('j'), Action::SelectDown),
    key(KeyCode::Char('K'), Action::HandUp),
    key(KeyCode::Char('J'), Action::HandDown),
    key(KeyCode::Char('c'), Action::ClearQueue),
    key(KeyCode::Char('P'), Action::GentlePriority),
    key(KeyCode::Char('f'), Action::Fairness),
    key(KeyCode::Char('w'), Action::DismissWarning),
    key(KeyCode::Char('S'), Action::Rescue),
    key(KeyCode::Char('?'), Action::Help),
    key(KeyCode::Char('q'), Action::End),
    Binding {
        key: KeyCode::Char('c'),
        modifiers: KeyModifiers::CONTROL,
        action: Action::Leave,
    },
];

/// The action bound to a key press, ignoring Shift (already folded into the character).
pub fn lookup(event: KeyEvent) -> Option<Action> {
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    BINDINGS
        .iter()
        .find(|binding| binding.key == event.code && binding.modifiers == modifiers)
        .map(|binding| binding.action)
}

pub fn key_name(binding: &Binding) -> String {
    let base = match binding.key {
        KeyCode::Char(' ') => "space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        other => other.to_string(),
    };
    if binding.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// One row per action, in table order, with all of its keys: `("n / →", "next agenda item")`.
pub fn help_rows() -> Vec<(String, &'static str)> {
    let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
    for binding in BINDINGS {
        match rows.iter_mut().find(|(action, _)| *action == binding.action) {
            Some((_, keys)) => keys.push(key_name(binding)),
            None => rows.push((binding.action, vec![key_name(binding)])),
        }
    }
    rows.into_iter()
        .map(|(action, keys)| (keys.join(" / "), action.describe()))
        .collect()
}

/// The first key bound to `action`, for hints.
pub fn first_key(action: Action) -> Option<String> {
    BINDINGS
        .iter()
        .find(|binding| binding.action == action)
        .map(key_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                assert!(
                    !(a.key == b.key && a.modifiers == b.modifiers),
                    "{:?} bound to both {:?} and {:?}",
                    a.key,
                    a.action,
                    b.action
                );
            }
        }
    }

    #[test]
    fn help_lists_every_bound_action_once_with_all_keys() {
        let rows = help_rows();
        assert!(rows.contains(&("n / →".to_owned(), "next agenda item")));
        assert_eq!(
            rows.iter()
                .filter(|(_, text)| *text == "next agenda item")
                .count(),
            1
        );
        assert!(rows.iter().any(|(keys, _)| keys == "Ctrl-c"));
    }

    #[test]
    fn readme_lists_every_key() {
        let readme = include_str!("../../README.md");
        for (keys, text) in help_rows() {
            let row = format!("| `{keys}` | {text} |");
            assert!(readme.contains(&row), "README.md lacks the row {row}");
        }
    }

    #[test]
    fn shifted_characters_match() {
        let plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(lookup(plus), Some(Action::AddMinute));
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(lookup(ctrl_n), None);
    }
}
