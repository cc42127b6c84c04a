//! The app's vocabulary: every action the facilitator can take, live and in the review after,
//! each with its help line.

use crate::domain::Command;
use crate::domain::record::{Attendance, FollowUp};

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
    /// Lists the session's notes so far.
    Notes,
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
    /// Opens the form for one member's own anonymous feedback.
    MembersFeedback,
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
            Self::Note => "add a timestamped note (@Name puts it under that person's record)",
            Self::Notes => "list the session's notes so far",
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
            Self::Attend(Attendance::SentWord) => "absent, sent word",
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
            Self::MembersFeedback => "add a member's own feedback, anonymously: answer and two texts",
            Self::Done => "finish the review: save the log and leave",
            Self::EditAgenda => "edit the agenda: add, remove, move or change items still to come",
            Self::EditRules => "edit the ground rules as the group agrees them",
            Self::ListUp => "select the entry above",
            Self::ListDown => "select the entry below",
            Self::Earlier => "move the selected entry earlier",
            Self::Later => "move the selected entry later",
            Self::Longer => "a minute more for the selected item",
            Self::Shorter => "a minute less for the selected item",
            Self::AddEntry => {
                "add an entry after the selected one (an item: a form for its title, minutes and kind)"
            }
            Self::ChangeEntry => "change the selected rule's words",
            Self::RemoveEntry => "remove the selected entry",
        }
    }

    /// A short word for the status-line hints.
    #[allow(
        clippy::match_same_arms,
        reason = "each action's word is its own; some happen to be the same word on other screens"
    )]
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
            Self::Notes => "notes",
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
            Self::Attend(Attendance::SentWord) => "sent word",
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
            Self::MembersFeedback => "members' feedback",
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

    /// Whether the action moves the session on or steers its floor: a co-facilitator's
    /// holdspace takes none of these while the flow is with the facilitator, and says so.
    pub fn moves_the_session(self) -> bool {
        matches!(
            self,
            Self::Next
                | Self::Back
                | Self::TogglePause
                | Self::AddMinute
                | Self::RemoveMinute
                | Self::Rebalance
                | Self::DismissWarning
                | Self::NextSpeaker
                | Self::GiveFloor
                | Self::HandUp
                | Self::HandDown
                | Self::ClearQueue
                | Self::GentlePriority
                | Self::PassFlow
        )
    }

    /// The action's name in the keys file: `next`, `flag_safeguarding`, `rate_3`. Written out,
    /// not derived from the variant's name, so that renaming a variant cannot change what keys
    /// files say; `tests::every_action_keeps_its_name` pins each one.
    pub fn name(self) -> &'static str {
        match self {
            Self::Next => "next",
            Self::Back => "back",
            Self::TogglePause => "toggle_pause",
            Self::AddMinute => "add_minute",
            Self::RemoveMinute => "remove_minute",
            Self::Rebalance => "rebalance",
            Self::Rules => "rules",
            Self::BigClock => "big_clock",
            Self::Note => "note",
            Self::Notes => "notes",
            Self::RaiseHand => "raise_hand",
            Self::NextSpeaker => "next_speaker",
            Self::GiveFloor => "give_floor",
            Self::LowerHand => "lower_hand",
            Self::SelectUp => "select_up",
            Self::SelectDown => "select_down",
            Self::HandUp => "hand_up",
            Self::HandDown => "hand_down",
            Self::ClearQueue => "clear_queue",
            Self::GentlePriority => "gentle_priority",
            Self::Fairness => "fairness",
            Self::DismissWarning => "dismiss_warning",
            Self::PassFlow => "pass_flow",
            Self::TakeOver => "take_over",
            Self::Rescue => "rescue",
            Self::Help => "help",
            Self::End => "end",
            Self::Leave => "leave",
            Self::People => "people",
            Self::PersonUp => "person_up",
            Self::PersonDown => "person_down",
            Self::Attend(Attendance::Present) => "present",
            Self::Attend(Attendance::Late) => "late",
            Self::Attend(Attendance::LeftEarly) => "left_early",
            Self::Attend(Attendance::Absent) => "absent",
            Self::Attend(Attendance::SentWord) => "sent_word",
            Self::Flag(FollowUp::OneToOne) => "flag_one_to_one",
            Self::Flag(FollowUp::Safeguarding) => "flag_safeguarding",
            Self::Flag(FollowUp::CallBeforeNext) => "flag_call_before_next",
            Self::AddPerson => "add_person",
            Self::Close => "close",
            Self::RecordNote => "record_note",
            Self::ResetNote => "reset_note",
            Self::Rate(1) => "rate_1",
            Self::Rate(2) => "rate_2",
            Self::Rate(3) => "rate_3",
            Self::Rate(4) => "rate_4",
            Self::Rate(5) => "rate_5",
            // Only 1 to 5 are bound; any other rating has no key of its own.
            Self::Rate(_) => "rate",
            Self::ClearRating => "clear_rating",
            Self::Comment => "comment",
            Self::Takeaway => "takeaway",
            Self::Goal => "goal",
            Self::Summary => "summary",
            Self::MembersFeedback => "members_feedback",
            Self::Done => "done",
            Self::EditAgenda => "edit_agenda",
            Self::EditRules => "edit_rules",
            Self::ListUp => "list_up",
            Self::ListDown => "list_down",
            Self::Earlier => "earlier",
            Self::Later => "later",
            Self::Longer => "longer",
            Self::Shorter => "shorter",
            Self::AddEntry => "add_entry",
            Self::ChangeEntry => "change_entry",
            Self::RemoveEntry => "remove_entry",
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ui::keys::defaults::Mode;

    /// Keys files name actions; a name that changed would make a file that worked stop working.
    /// Every bound action's name, screen by screen, as keys files write it.
    #[test]
    fn every_action_keeps_its_name() {
        let names: Vec<Vec<&str>> = Mode::ALL
            .into_iter()
            .map(|mode| {
                let mut names: Vec<&str> = mode.defaults().map(|binding| binding.action.name()).collect();
                names.dedup();
                names
            })
            .collect();
        assert_eq!(names, PINNED);
    }

    const PINNED: [&[&str]; 4] = [
        &[
            "next",
            "back",
            "toggle_pause",
            "add_minute",
            "remove_minute",
            "rebalance",
            "rules",
            "edit_rules",
            "edit_agenda",
            "big_clock",
            "note",
            "notes",
            "raise_hand",
            "next_speaker",
            "give_floor",
            "lower_hand",
            "select_up",
            "select_down",
            "hand_up",
            "hand_down",
            "clear_queue",
            "gentle_priority",
            "fairness",
            "people",
            "dismiss_warning",
            "pass_flow",
            "take_over",
            "rescue",
            "help",
            "end",
            "leave",
        ],
        &[
            "person_up",
            "person_down",
            "present",
            "late",
            "left_early",
            "absent",
            "sent_word",
            "flag_one_to_one",
            "flag_safeguarding",
            "flag_call_before_next",
            "add_person",
            "close",
            "leave",
        ],
        &[
            "person_up",
            "person_down",
            "present",
            "late",
            "left_early",
            "absent",
            "sent_word",
            "flag_one_to_one",
            "flag_safeguarding",
            "flag_call_before_next",
            "add_person",
            "record_note",
            "reset_note",
            "rate_1",
            "rate_2",
            "rate_3",
            "rate_4",
            "rate_5",
            "clear_rating",
            "comment",
            "takeaway",
            "goal",
            "summary",
            "members_feedback",
            "rescue",
            "help",
            "done",
        ],
        &[
            "list_up",
            "list_down",
            "earlier",
            "later",
            "longer",
            "shorter",
            "add_entry",
            "change_entry",
            "remove_entry",
            "close",
            "leave",
        ],
    ];
}
