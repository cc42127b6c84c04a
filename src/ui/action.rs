//! The app's vocabulary: every live action the facilitator can take, each with its help line.

use crate::domain::Command;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Back,
    TogglePause,
    AddMinute,
    RemoveMinute,
    Rebalance,
    Rules,
    Note,
    RaiseHand,
    NextSpeaker,
    GiveFloor,
    LowerHand,
    SelectUp,
    SelectDown,
    HandUp,
    HandDown,
    ClearQueue,
    GentlePriority,
    Fairness,
    DismissWarning,
    Rescue,
    Help,
    End,
    Leave,
}

impl Action {
    /// The help line for this action: `?` help and the status line are built from these.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Next => "next agenda item",
            Self::Back => "back to the previous item",
            Self::TogglePause => "pause / resume the current item",
            Self::AddMinute => "add a minute to the current item",
            Self::RemoveMinute => "take a minute from the current item",
            Self::Rebalance => "rebalance the remaining items to end on time",
            Self::Rules => "show the ground rules",
            Self::Note => "add a timestamped note",
            Self::RaiseHand => "raise a hand: pick someone or type a new name",
            Self::NextSpeaker => "give the floor to the first raised hand (none waiting: end the turn)",
            Self::GiveFloor => "give the floor to the selected hand, out of turn",
            Self::LowerHand => "lower the selected hand",
            Self::SelectUp => "select the hand above",
            Self::SelectDown => "select the hand below",
            Self::HandUp => "move the selected hand up the queue",
            Self::HandDown => "move the selected hand down the queue",
            Self::ClearQueue => "lower every hand (asks first)",
            Self::GentlePriority => "gentle priority on / off: those not yet heard go first",
            Self::Fairness => "show / hide the private talk-time panel",
            Self::DismissWarning => "dismiss the end warning",
            Self::Rescue => "save a copy of the session elsewhere",
            Self::Help => "this help",
            Self::End => "end the session (asks first)",
            Self::Leave => "leave now; the session stays open to resume",
        }
    }

    /// A short word for the status-line hints.
    pub fn hint(self) -> &'static str {
        match self {
            Self::Next => "next",
            Self::Back => "back",
            Self::TogglePause => "pause",
            Self::AddMinute => "add min",
            Self::RemoveMinute => "take min",
            Self::Rebalance => "rebalance",
            Self::Rules => "rules",
            Self::Note => "note",
            Self::RaiseHand => "hand",
            Self::NextSpeaker => "speaker",
            Self::GiveFloor => "give floor",
            Self::LowerHand => "lower",
            Self::SelectUp => "up",
            Self::SelectDown => "down",
            Self::HandUp => "move up",
            Self::HandDown => "move down",
            Self::ClearQueue => "clear",
            Self::GentlePriority => "priority",
            Self::Fairness => "talk time",
            Self::DismissWarning => "dismiss",
            Self::Rescue => "save copy",
            Self::Help => "help",
            Self::End => "end",
            Self::Leave => "leave",
        }
    }

    /// The session request this action makes directly, if any; the queue's actions depend on
    /// the selected hand and are carried out by the app.
    pub fn command(self) -> Option<Command> {
        Some(match self {
            Self::Next => Command::Next,
            Self::Back => Command::Back,
            Self::TogglePause => Command::TogglePause,
            Self::AddMinute => Command::AddMinute,
            Self::RemoveMinute => Command::RemoveMinute,
            Self::Rebalance => Command::Rebalance,
            Self::DismissWarning => Command::DismissWarning,
            Self::Rules
            | Self::Note
            | Self::RaiseHand
            | Self::NextSpeaker
            | Self::GentlePriority
            | Self::GiveFloor
            | Self::LowerHand
            | Self::SelectUp
            | Self::SelectDown
            | Self::HandUp
            | Self::HandDown
            | Self::ClearQueue
            | Self::Fairness
            | Self::Rescue
            | Self::Help
            | Self::End
            | Self::Leave => {
                return None;
            }
        })
    }
}
