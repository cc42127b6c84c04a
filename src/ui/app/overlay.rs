//! What opens on top of the live screen and the review, as state: the key list, the ground
//! rules, the big clock, a question, a line of typed text, the raise-hand picker, the
//! attendance list, an editor, the form adding an agenda item, the end checklist, a member's feedback form or the roster's offer
//! to those who came without being on it.

use crate::domain::record::FollowUp;
use crate::session::newcomers::Offer;
use crate::ui::editor::Listed;
use crate::ui::item_form::ItemForm;
use crate::ui::picker::Picker;

/// What is open on top of the live screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key list, scrolled down by this many lines on a short terminal.
    Help {
        scroll: u16,
    },
    Rules,
    /// The session's notes so far, the latest last.
    Notes,
    /// The current item's and the session's time left, in large digits.
    BigClock,
    ConfirmEnd,
    Input {
        purpose: Input,
        text: String,
    },
    Pick(Picker),
    /// Moving to another item with hands raised: keep the queue or clear it.
    ConfirmMove {
        forward: bool,
    },
    ConfirmClear,
    /// Moving straight to the agenda item clicked.
    ConfirmJump {
        to: usize,
    },
    /// The attendance and follow-up list, opened during the session.
    People,
    /// The agenda or ground-rules editor, with its selected entry.
    Edit {
        list: Listed,
        selected: usize,
    },
    /// A new agenda item being filled in, to go in at `at`; the agenda editor had `from`
    /// selected.
    NewItem {
        form: ItemForm,
        at: usize,
        from: usize,
    },
    /// What to see to before leaving, asked when the review is finished.
    Closing {
        selected: usize,
    },
    /// A member's own anonymous feedback being entered.
    Feedback(FeedbackForm),
    /// Whether to add to the group's roster those who came without being on it, asked when the
    /// review is finished.
    Newcomers(Newcomers),
}

/// Where the roster's offer to those who came without being on it stands, at the end of the
/// review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offered {
    /// Not answered yet: finishing the review asks it.
    Unasked,
    /// Answered, or it could not be made: finishing the review goes ahead.
    Settled,
    /// Those accepted were added: what the roster said of them, told on leaving.
    Added(String),
}

/// The roster's offer, answered a person at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Newcomers {
    pub offer: Offer,
    /// Whom the question is about, from 0 in the offer's names.
    pub at: usize,
    /// Those the facilitator said yes to, in the offer's order.
    pub picked: Vec<String>,
}

/// A member's own feedback, entered a step at a time: the answer, then each free text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedbackForm {
    pub step: Step,
    /// The answer chosen, from 0 in the order of `Answer::ALL`.
    pub selected: usize,
    pub good: String,
    pub better: String,
}

/// Where the feedback form stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    #[default]
    Answer,
    Good,
    Better,
}

impl FeedbackForm {
    /// The text being typed, if the form is at one.
    pub fn typing(&mut self) -> Option<&mut String> {
        match self.step {
            Step::Answer => None,
            Step::Good => Some(&mut self.good),
            Step::Better => Some(&mut self.better),
        }
    }
}

/// What a line of typed text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Note,
    RescuePath,
    NewPerson,
    FlagNote { who: usize, follow_up: FollowUp },
    RecordNote(usize),
    Comment(usize),
    Takeaway(usize),
    Goal(usize),
    Summary,
    NewRule { at: usize, from: usize },
    ChangeRule(usize),
}
