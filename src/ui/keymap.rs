//! Which key does what, on the live screen, in the attendance list and in the review; help and
//! hints are generated from these tables.

use super::action::Action;
use crate::domain::record::{Attendance, FollowUp};
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

/// The live screen's keys.
pub const LIVE: &[Binding] = &[
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
    key(KeyCode::Char('a'), Action::People),
    key(KeyCode::Char('w'), Action::DismissWarning),
    key(KeyCode::Char('O'), Action::PassFlow),
    key(KeyCode::Char('t'), Action::TakeOver),
    key(KeyCode::Char('S'), Action::Rescue),
    key(KeyCode::Char('?'), Action::Help),
    key(KeyCode::Char('q'), Action::End),
    CTRL_C,
];

const CTRL_C: Binding = Binding {
    key: KeyCode::Char('c'),
    modifiers: KeyModifiers::CONTROL,
    action: Action::Leave,
};

/// Marking attendance and follow-ups, in the list during the session and in the review after.
const PERSON: &[Binding] = &[
    key(KeyCode::Up, Action::PersonUp),
    key(KeyCode::Char('k'), Action::PersonUp),
    key(KeyCode::Down, Action::PersonDown),
    key(KeyCode::Char('j'), Action::PersonDown),
    key(KeyCode::Char('p'), Action::Attend(Attendance::Present)),
    key(KeyCode::Char('l'), Action::Attend(Attendance::Late)),
    key(KeyCode::Char('e'), Action::Attend(Attendance::LeftEarly)),
    key(KeyCode::Char('a'), Action::Attend(Attendance::Absent)),
    key(KeyCode::Char('o'), Action::Flag(FollowUp::OneToOne)),
    key(KeyCode::Char('!'), Action::Flag(FollowUp::Safeguarding)),
    key(KeyCode::Char('b'), Action::Flag(FollowUp::CallBeforeNext)),
    key(KeyCode::Char('+'), Action::AddPerson),
];

/// The attendance list's own keys, after the person keys.
const PEOPLE: &[Binding] = &[key(KeyCode::Esc, Action::Close), CTRL_C];

/// The review's own keys, after the person keys.
const REVIEW: &[Binding] = &[
    key(KeyCode::Enter, Action::RecordNote),
    key(KeyCode::Char('r'), Action::RecordNote),
    key(KeyCode::Char('R'), Action::ResetNote),
    key(KeyCode::Char('1'), Action::Rate(1)),
    key(KeyCode::Char('2'), Action::Rate(2)),
    key(KeyCode::Char('3'), Action::Rate(3)),
    key(KeyCode::Char('4'), Action::Rate(4)),
    key(KeyCode::Char('5'), Action::Rate(5)),
    key(KeyCode::Char('0'), Action::ClearRating),
    key(KeyCode::Char('c'), Action::Comment),
    key(KeyCode::Char('t'), Action::Takeaway),
    key(KeyCode::Char('G'), Action::Goal),
    key(KeyCode::Char('s'), Action::Summary),
    key(KeyCode::Char('S'), Action::Rescue),
    key(KeyCode::Char('?'), Action::Help),
    key(KeyCode::Char('q'), Action::Done),
    Binding {
        key: KeyCode::Char('c'),
        modifiers: KeyModifiers::CONTROL,
        action: Action::Done,
    },
];

/// Where keys are read: each has its own table, and `?` help shows the one in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Live,
    People,
    Review,
}

impl Mode {
    pub const ALL: [Self; 3] = [Self::Live, Self::People, Self::Review];

    pub fn bindings(self) -> impl Iterator<Item = &'static Binding> {
        let (first, second): (&[Binding], &[Binding]) = match self {
            Self::Live => (LIVE, &[]),
            Self::People => (PERSON, PEOPLE),
            Self::Review => (PERSON, REVIEW),
        };
        first.iter().chain(second)
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Live => "Live session",
            Self::People => "Attendance and follow-ups (a)",
            Self::Review => "Review after the session",
        }
    }
}

/// The action bound to a key press, ignoring Shift (already folded into the character).
pub fn lookup(mode: Mode, event: KeyEvent) -> Option<Action> {
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    mode.bindings()
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

/// One row per help line, in table order, with all of its keys: `("n / →", "next agenda item")`.
/// Actions that share a line (the five ratings) share a row.
pub fn help_rows(mode: Mode) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(&'static str, Vec<String>)> = Vec::new();
    for binding in mode.bindings() {
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

/// The first key bound to `action` in `mode`, for hints.
pub fn first_key(mode: Mode, action: Action) -> Option<String> {
    mode.bindings()
        .find(|binding| binding.action == action)
        .map(key_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in Mode::ALL {
            let bindings: Vec<&Binding> = mode.bindings().collect();
            for (i, a) in bindings.iter().enumerate() {
                for b in &bindings[i + 1..] {
                    assert!(
                        !(a.key == b.key && a.modifiers == b.modifiers),
                        "{mode:?}: {:?} bound to both {:?} and {:?}",
                        a.key,
                        a.action,
                        b.action
                    );
                }
            }
        }
    }

    #[test]
    fn help_lists_every_line_once_with_all_its_keys() {
        let rows = help_rows(Mode::Live);
        assert!(rows.contains(&("n / →".to_owned(), "next agenda item")));
        assert_eq!(
            rows.iter()
                .filter(|(_, text)| *text == "next agenda item")
                .count(),
            1
        );
        assert!(rows.iter().any(|(keys, _)| keys == "Ctrl-c"));
        let review = help_rows(Mode::Review);
        assert!(review.contains(&("1 / 2 / 3 / 4 / 5".to_owned(), Action::Rate(1).describe())));
    }

    #[test]
    fn readme_lists_every_key_under_its_mode() {
        let readme = include_str!("../../README.md");
        for mode in Mode::ALL {
            let section = readme
                .split(&format!("#### {}", mode.title()))
                .nth(1)
                .unwrap_or_else(|| panic!("README.md lacks the heading #### {}", mode.title()));
            let section = section.split("####").next().unwrap_or_default();
            for (keys, text) in help_rows(mode) {
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
        let plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Mode::Live, plus), Some(Action::AddMinute));
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Mode::Live, ctrl_n), None);
    }
}
