//! Members' own feedback in the review: opening the form, recording what it was given, and
//! whether this session is where the group's next round falls due.

use super::{App, FeedbackForm, Overlay};
use crate::domain::Command;
use crate::domain::feedback::{Held, Tally};
use crate::domain::record::RecordCommand;

impl App {
    pub(super) fn open_feedback(&mut self) {
        self.overlay = Some(Overlay::Feedback(FeedbackForm::default()));
    }

    /// Records a member's feedback and closes the form; a refusal (a text too long) leaves the
    /// form open with what was typed, and says why.
    pub(super) fn give_feedback(&mut self, request: RecordCommand) {
        if self.run(&Command::Record(request)) {
            self.overlay = None;
            self.message = Some(format!(
                "a member's feedback saved · {}",
                self.members_feedback().describe()
            ));
        }
    }

    /// The answers entered so far at this session.
    pub fn members_feedback(&self) -> Tally {
        Tally::of(
            self.recorder
                .session
                .record
                .feedback
                .iter()
                .map(|entry| entry.answer),
        )
    }

    /// Whether the group's next round of members' feedback falls at this session, as the
    /// answers entered here so far leave it; never for a group that is not saved. A rehearsal
    /// is not one of the group's sessions, so it says what the group's own sessions say.
    pub fn feedback_due(&self) -> bool {
        let Some(rhythm) = &self.rhythm else {
            return false;
        };
        let session = &self.recorder.session;
        let mut rhythm = rhythm.clone();
        if !session.meta.rehearsal {
            rhythm.held.push(Held {
                started_at: session.started_at,
                answered: !session.record.feedback.is_empty(),
            });
        }
        rhythm.due(session.started_at)
    }
}
