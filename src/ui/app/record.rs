//! What the attendance, follow-up and review keys do: marking the selected person, opening the
//! line of text to type, and finishing the review, asking first whether to add to the group's
//! roster those who came without being on it.

use super::{App, Input, Newcomers, Offered, Overlay};
use crate::domain::Command;
use crate::domain::hands::FloorCommand;
use crate::domain::record::RecordCommand;
use crate::session::newcomers;
use crate::session::records::Occasion;
use crate::ui::keys::action::Action;
use crate::util::text::sanitize;

impl App {
    /// The participant the attendance list and the review have selected.
    pub fn selected_person(&self) -> Option<usize> {
        (self.person < self.recorder.session.record.people.len()).then_some(self.person)
    }

    /// The session the record notes are about: it ends when it ended, or now while it runs.
    pub fn occasion(&self) -> Occasion<'_> {
        let session = &self.recorder.session;
        Occasion {
            group: &session.meta.plan.group,
            started_at: session.started_at,
            ended_at: session.ended.map_or(self.now, |ending| ending.at),
            zone: self.zone,
        }
    }

    /// Carries out `action` if it concerns attendance, follow-ups or the review; false for any
    /// other action.
    pub(super) fn record_action(&mut self, action: Action) -> bool {
        let people = self.recorder.session.record.people.len();
        match action {
            Action::People => self.overlay = Some(Overlay::People),
            Action::PersonUp => self.person = self.person.saturating_sub(1),
            Action::PersonDown => self.person = (self.person + 1).min(people.saturating_sub(1)),
            Action::AddPerson => self.open_input(Input::NewPerson, String::new()),
            Action::Summary => {
                let summary = self.recorder.session.record.summary.clone();
                self.open_input(Input::Summary, summary);
            }
            // The end checklist is asked first, unless finishing failed and is being tried again.
            Action::Done
                if self.finish_error.is_none() && !self.recorder.session.record.closing.is_empty() =>
            {
                self.overlay = Some(Overlay::Closing { selected: 0 });
            }
            Action::Done => self.wrap_up(),
            Action::MembersFeedback => self.open_feedback(),
            Action::Attend(_)
            | Action::Flag(_)
            | Action::RecordNote
            | Action::ResetNote
            | Action::Rate(_)
            | Action::ClearRating
            | Action::Comment
            | Action::Takeaway
            | Action::Goal => match self.selected_person() {
                Some(who) => self.on_person(action, who),
                None => self.message = Some("no one to mark yet: + adds someone".to_owned()),
            },
            _ => return false,
        }
        true
    }

    /// Finishes the review once the roster's offer is answered: asked until it is, unless the
    /// roster cannot be read (said once; the next finish goes ahead) or no one is to be offered.
    pub(super) fn wrap_up(&mut self) {
        if self.offered == Offered::Unasked {
            match newcomers::offer(&self.dir, &self.recorder.session) {
                Ok(Some(offer)) => {
                    self.overlay = Some(Overlay::Newcomers(Newcomers {
                        offer,
                        at: 0,
                        picked: Vec::new(),
                    }));
                    return;
                }
                Ok(None) => {}
                Err(err) => {
                    self.offered = Offered::Settled;
                    self.message = Some(format!(
                        "the group's roster could not be read, so no one is offered a place on it: {err}"
                    ));
                    return;
                }
            }
        }
        self.finish();
    }

    /// Adds those picked to the roster, referred on the session's day, then finishes the review;
    /// if the roster refuses or is not saved, the review stays open saying why.
    pub(super) fn enrol(&mut self, asked: Newcomers) {
        self.offered = Offered::Settled;
        if !asked.picked.is_empty() {
            let on = self.zone.day_of(self.recorder.session.started_at);
            let today = self.zone.day_of(self.now);
            match asked
                .offer
                .add(&asked.picked, self.dir.disk().as_ref(), on, today)
            {
                Ok(said) => self.offered = Offered::Added(said),
                Err(err) => {
                    self.message = Some(format!("no one was added to the roster: {err}"));
                    return;
                }
            }
        }
        self.finish();
    }

    fn on_person(&mut self, action: Action, who: usize) {
        let record = &self.recorder.session.record;
        let person = &record.people[who];
        let request = match action {
            Action::Attend(attendance) => RecordCommand::Attend { who, attendance },
            Action::Flag(follow_up) if record.flagged(who, follow_up) => {
                RecordCommand::Unflag { who, follow_up }
            }
            Action::Flag(follow_up) => {
                return self.open_input(Input::FlagNote { who, follow_up }, String::new());
            }
            Action::RecordNote => {
                let note = self
                    .occasion()
                    .record_note(person.record_note.as_deref(), person.attendance);
                return self.open_input(Input::RecordNote(who), note);
            }
            Action::ResetNote => RecordCommand::ResetRecordNote { who },
            Action::Rate(rating) => RecordCommand::Rate {
                who,
                rating: Some(rating),
            },
            Action::ClearRating => RecordCommand::Rate { who, rating: None },
            Action::Comment => return self.open_input(Input::Comment(who), person.comment.clone()),
            Action::Takeaway | Action::Goal if !self.recorder.session.meta.last_session => {
                self.message = Some(
                    "takeaways and goals are for the last session of a course (--last-session)".to_owned(),
                );
                return;
            }
            Action::Takeaway => return self.open_input(Input::Takeaway(who), person.takeaway.clone()),
            _ => return self.open_input(Input::Goal(who), person.goal.clone()),
        };
        if self.run(&Command::Record(request)) {
            let mut said = format!("{}: {}", self.name(who), action.describe());
            if let Action::Attend(attendance) = action
                && attendance.attended()
                && self.known(who).is_some_and(|known| known.waiver_out)
            {
                said.push_str(" · their confidentiality waiver has not come back: ask for it");
            }
            self.message = Some(said);
        }
        // Marking attendance moves on to the next person, as a roll call does, also past
        // someone already marked that way.
        if let Action::Attend(attendance) = action
            && self.recorder.session.record.people[who].attendance == Some(attendance)
        {
            let last = self.recorder.session.record.people.len().saturating_sub(1);
            self.person = (who + 1).min(last);
        }
    }

    fn name(&self, who: usize) -> String {
        sanitize(&self.recorder.session.floor.participants[who].name)
    }

    /// Saves a line typed for the record.
    pub(super) fn submit_record(&mut self, purpose: Input, text: String) {
        let request = match purpose {
            Input::NewPerson => {
                if self.run(&Command::Floor(FloorCommand::AddParticipant(text))) {
                    self.person = self.recorder.session.record.people.len() - 1;
                    self.message = Some(format!("{} added, marked present", self.name(self.person)));
                }
                return;
            }
            Input::FlagNote { who, follow_up } => RecordCommand::Flag {
                who,
                follow_up,
                note: text,
            },
            Input::RecordNote(who) => {
                // Confirming the pre-filled text unchanged keeps it pre-filled, so it still
                // follows the attendance if that is corrected later.
                let person = &self.recorder.session.record.people[who];
                if text.trim() == self.occasion().prefilled(person.attendance) {
                    if person.record_note.is_some() {
                        self.run(&Command::Record(RecordCommand::ResetRecordNote { who }));
                    }
                    self.message = Some("the pre-filled record note stands".to_owned());
                    return;
                }
                RecordCommand::RecordNote { who, text }
            }
            Input::Comment(who) => RecordCommand::Comment { who, text },
            Input::Takeaway(who) => RecordCommand::Takeaway { who, text },
            Input::Goal(who) => RecordCommand::Goal { who, text },
            Input::Summary => RecordCommand::Summary(text),
            Input::Note | Input::RescuePath | Input::NewRule { .. } | Input::ChangeRule(_) => return,
        };
        if self.run(&Command::Record(request)) {
            self.message = Some("saved".to_owned());
        }
    }
}
