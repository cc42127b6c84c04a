//! The app's vocabulary: every action the facilitator can take, live and in the review after,
//! each with its help line.

use crate::domain::Command;
use crate::domain::record::{Attendance, FollowUp};
use crate::util::text::snake_case;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Back,
    TogglePause,
    AddMinute,
    RemoveMinute,
    Rebalance,
    Rules,
    /// The big-clock view: time left in large digits.
    BigClock,
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
    /// Hands the flow to the co-facilitator's holdspace, or back.
    PassFlow,
    /// A co-facilitator takes the session over once the facilitator's holdspace has stopped.
    TakeOver,
    Rescue,
    Help,
    End,
    Leave,
    /// Opens the attendance and follow-up list during the session.
    People,
    PersonUp,
    PersonDown,
    Attend(Attendance),
    Flag(FollowUp),
    AddPerson,
    /// Closes the attendance list.
    Close,
    RecordNote,
    ResetNote,
    Rate(u8),
    ClearRating,
    Comment,
    Takeaway,
    Goal,
    Summary,
    /// Ends the review: the log is written and the journal closed.
    Done,
    /// Opens the agenda editor: add, remove, move and change the items still to come.
    EditAgenda,
    /// Opens the ground-rules editor, for rules the group changes or agrees.
    EditRules,
    ListUp,
    ListDown,
    Earlier,
    Later,
    Longer,
    Shorter,
    AddEntry,
    ChangeEntry,
    RemoveEntry,
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
            Self::BigClock => "big clock: time left of the item and the session, in large digits",
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
            Self::PassFlow => "hand the flow (moving the session on) to the co-facilitator, or back",
            Self::TakeOver => "take the session over when the facilitator's holdspace has stopped",
            Self::Rescue => "save a copy of the session elsewhere",
            Self::Help => "this help",
            Self::End => "end the session (asks first)",
            Self::Leave => "leave now; the session stays open to resume",
            Self::People => "attendance and private follow-ups",
            Self::PersonUp => "select the person above",
            Self::PersonDown => "select the person below",
            Self::Attend(Attendance::Present) => "present",
            Self::Attend(Attendance::Late) => "arrived late",
            Self::Attend(Attendance::LeftEarly) => "left early",
            Self::Attend(Attendance::Absent) => "absent",
            Self::Flag(FollowUp::OneToOne) => "flag: one-to-one offered (again to clear)",
            Self::Flag(FollowUp::Safeguarding) => {
                "flag: safeguarding, pass to care co-ordinator (again to clear)"
            }
            Self::Flag(FollowUp::CallBeforeNext) => "flag: call before next session (again to clear)",
            Self::AddPerson => "add someone who came unannounced",
            Self::Close => "back to the session",
            Self::RecordNote => "edit the selected person's record note",
            Self::ResetNote => "go back to the pre-filled record note",
            Self::Rate(_) => "feedback rating, 1 (low) to 5 (high)",
            Self::ClearRating => "clear the rating",
            Self::Comment => "feedback comment",
            Self::Takeaway => "takeaway (last session of a course)",
            Self::Goal => "goal (last session of a course)",
            Self::Summary => "overall note on the session",
            Self::Done => "finish the review: save the log and leave",
            Self::EditAgenda => "edit the agenda: add, remove, move or change items still to come",
            Self::EditRules => "edit the ground rules as the group agrees them",
            Self::ListUp => "select the entry above",
            Self::ListDown => "select the entry below",
            Self::Earlier => "move the selected entry earlier",
            Self::Later => "move the selected entry later",
            Self::Longer => "a minute more for the selected item",
            Self::Shorter => "a minute less for the selected item",
            Self::AddEntry => "add an entry after the selected one (an item: its title, then minutes)",
            Self::ChangeEntry => "change the selected rule's words",
            Self::RemoveEntry => "remove the selected entry",
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
            Self::BigClock => "big clock",
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
            Self::PassFlow => "pass flow",
            Self::TakeOver => "take over",
            Self::Rescue => "save copy",
            Self::Help => "help",
            Self::End => "end",
            Self::Leave => "leave",
            Self::People => "attendance",
            Self::PersonUp => "up",
            Self::PersonDown => "down",
            Self::Attend(Attendance::Present) => "present",
            Self::Attend(Attendance::Late) => "late",
            Self::Attend(Attendance::LeftEarly) => "left early",
            Self::Attend(Attendance::Absent) => "absent",
            Self::Flag(FollowUp::OneToOne) => "1:1",
            Self::Flag(FollowUp::Safeguarding) => "safeguarding",
            Self::Flag(FollowUp::CallBeforeNext) => "call",
            Self::AddPerson => "add",
            Self::Close => "close",
            Self::RecordNote => "record note",
            Self::ResetNote => "reset note",
            Self::Rate(_) => "rate",
            Self::ClearRating => "no rating",
            Self::Comment => "comment",
            Self::Takeaway => "takeaway",
            Self::Goal => "goal",
            Self::Summary => "session note",
            Self::Done => "done",
            Self::EditAgenda => "agenda",
            Self::EditRules => "edit rules",
            Self::ListUp => "up",
            Self::ListDown => "down",
            Self::Earlier => "earlier",
            Self::Later => "later",
            Self::Longer => "+min",
            Self::Shorter => "-min",
            Self::AddEntry => "add",
            Self::ChangeEntry => "change",
            Self::RemoveEntry => "remove",
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
            _ => return None,
        })
    }

    /// The action's name in the keys file: `next`, `flag_safeguarding`, `rate_3`.
    pub fn name(self) -> String {
        match self {
            Self::Attend(attendance) => snake_case(&format!("{attendance:?}")),
            Self::Flag(follow_up) => format!("flag_{}", snake_case(&format!("{follow_up:?}"))),
            Self::Rate(rating) => format!("rate_{rating}"),
            other => snake_case(&format!("{other:?}")),
        }
    }
}
