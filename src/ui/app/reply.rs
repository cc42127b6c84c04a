//! What a key or a click on an overlay comes to, as its component answers it, for the app to
//! carry out (see `answer.rs`).

use super::overlay::{Input, Newcomers};
use crate::domain::record::RecordCommand;
use crate::domain::{Command, PlanItem};
use crate::ui::keys::action::Action;
use crate::ui::picker::Choice;

/// What a key (or a click) on an overlay comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// It stays open, as the key left it.
    Stay,
    /// It closes; a line typed from an editor or the attendance list gives way to that again.
    Close,
    /// It closes as `Close` does, then the app carries this out.
    Then(Then),
    /// It stays open while the app carries this out, which may open another in its place.
    Keep(Then),
}

/// What the app carries out on an overlay's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    Act(Action),
    /// Ends the session, as the confirmation asked.
    End,
    /// Finishes the review, its end checklist seen.
    Finish,
    /// Adds to the roster those picked, then finishes the review.
    Enrol(Box<Newcomers>),
    Run(Command),
    /// Clears the queue, then moves to the next item (or the one before) if it was cleared.
    ClearAndMove {
        forward: bool,
    },
    Raise(Choice),
    Submit(Input, String),
    /// Adds the item the form was filled in with, at `at` in the agenda.
    AddItem {
        at: usize,
        item: PlanItem,
    },
    /// An editor's key, on the entry the open editor has selected.
    Edit(Action),
    /// Records a member's feedback; the form closes once it is recorded, and stays open to put
    /// right what was refused.
    Feedback(RecordCommand),
}
