//! The built-in keys: which key does what on the live screen, in the attendance list, in the
//! review and in the editors. `keys_file` applies the user's keys file over these tables.

use crate::domain::record::{Attendance, FollowUp};
use crate::ui::keys::action::Action;
use crossterm::event::{KeyCode, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    key(KeyCode::Char('G'), Action::EditRules),
    key(KeyCode::Char('e'), Action::EditAgenda),
    key(KeyCode::Char('b'), Action::BigClock),
    key(KeyCode::Char(':'), Action::Note),
    key(KeyCode::Char('v'), Action::Notes),
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
    key(KeyCode::Char('w'), Action::Attend(Attendance::SentWord)),
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
    key(KeyCode::Char('F'), Action::MembersFeedback),
    key(KeyCode::Char('S'), Action::Rescue),
    key(KeyCode::Char('?'), Action::Help),
    key(KeyCode::Char('q'), Action::Done),
    Binding {
        key: KeyCode::Char('c'),
        modifiers: KeyModifiers::CONTROL,
        action: Action::Done,
    },
];

/// The agenda and ground-rules editors' keys.
const EDIT: &[Binding] = &[
    key(KeyCode::Up, Action::ListUp),
    key(KeyCode::Char('k'), Action::ListUp),
    key(KeyCode::Down, Action::ListDown),
    key(KeyCode::Char('j'), Action::ListDown),
    key(KeyCode::Char('K'), Action::Earlier),
    key(KeyCode::Char('J'), Action::Later),
    key(KeyCode::Char('+'), Action::Longer),
    key(KeyCode::Char('='), Action::Longer),
    key(KeyCode::Char('-'), Action::Shorter),
    key(KeyCode::Char('a'), Action::AddEntry),
    key(KeyCode::Enter, Action::ChangeEntry),
    key(KeyCode::Char('d'), Action::RemoveEntry),
    key(KeyCode::Esc, Action::Close),
    key(KeyCode::Char('q'), Action::Close),
    CTRL_C,
];

/// Where keys are read: each has its own table, and `?` help shows the one in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Live,
    People,
    Review,
    Edit,
}

impl Mode {
    pub const ALL: [Self; 4] = [Self::Live, Self::People, Self::Review, Self::Edit];

    /// The built-in bindings of this mode, in help order.
    pub fn defaults(self) -> impl Iterator<Item = &'static Binding> {
        let (first, second): (&[Binding], &[Binding]) = match self {
            Self::Live => (LIVE, &[]),
            Self::People => (PERSON, PEOPLE),
            Self::Review => (PERSON, REVIEW),
            Self::Edit => (EDIT, &[]),
        };
        first.iter().chain(second)
    }

    /// The mode's section in the keys file.
    pub fn section(self) -> &'static str {
        match self {
            Self::Live => "live",
            Self::People => "people",
            Self::Review => "review",
            Self::Edit => "edit",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Live => "Live session",
            Self::People => "Attendance and follow-ups (a)",
            Self::Review => "Review after the session",
            Self::Edit => "Editing the agenda (e) or the ground rules (G)",
        }
    }
}
