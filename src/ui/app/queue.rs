//! What the raise-hand keys and clicks do: the picker, the floor, the selected hand, and asking
//! whether to keep the queue when the agenda moves on.

use super::hits::Target;
use super::{App, Overlay};
use crate::domain::Command;
use crate::domain::hands::FloorCommand;
use crate::ui::keys::action::Action;
use crate::ui::picker::{Choice, Picker};
use crate::util::text::sanitize;
use crossterm::event::{KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};

impl App {
    /// Who the selected queue entry belongs to.
    pub fn selected_hand(&self) -> Option<usize> {
        let queue = &self.recorder.session.floor.queue;
        queue.get(self.cursor).map(|hand| hand.who)
    }

    /// Selects the hand drawn at a click, asks before moving to an agenda item clicked, chooses
    /// the picker row clicked, and answers a question whose answer is clicked as if its key were
    /// pressed. Other clicks do nothing, so a stray click never changes the session. Where
    /// things are drawn comes from the last whole frame on a screen of `area`.
    pub fn on_click(&mut self, column: u16, row: u16, area: Rect) {
        self.touched = self.now;
        let session = &self.recorder.session;
        match (self.hits.at(area, Position::new(column, row)), &self.overlay) {
            (Some(Target::Hand(index)), None) => self.cursor = index,
            (Some(Target::AgendaItem(to)), None)
                if session.current != Some(to) && session.ended.is_none() =>
            {
                self.overlay = Some(Overlay::ConfirmJump { to });
            }
            (Some(Target::PickerRow(row)), Some(Overlay::Pick(_))) => self.picker_click(row),
            (Some(Target::Answer(code)), Some(_)) => self.on_key(KeyEvent::new(code, KeyModifiers::NONE)),
            _ => {}
        }
        self.keep_cursor_in_queue();
    }

    pub(super) fn keep_cursor_in_queue(&mut self) {
        let waiting = self.recorder.session.floor.queue.len();
        self.cursor = self.cursor.min(waiting.saturating_sub(1));
    }

    /// Carries out `action` if it concerns the queue; false for any other action.
    pub(super) fn queue_action(&mut self, action: Action) -> bool {
        let floor = &self.recorder.session.floor;
        let selected = self.selected_hand();
        let on_selected = |request: fn(usize) -> FloorCommand| selected.map(request);
        let request = match action {
            // Moving on with hands raised asks first, unless the move is refused anyway.
            Action::Next | Action::Back if !floor.queue.is_empty() => {
                let forward = action == Action::Next;
                let command = if forward { Command::Next } else { Command::Back };
                match self.recorder.session.decide(&command, self.now) {
                    Ok(_) => self.overlay = Some(Overlay::ConfirmMove { forward }),
                    Err(reason) => self.message = Some(reason.to_owned()),
                }
                return true;
            }
            Action::RaiseHand => {
                self.overlay = Some(Overlay::Pick(Picker::default()));
                return true;
            }
            Action::SelectUp => {
                self.cursor = self.cursor.saturating_sub(1);
                return true;
            }
            Action::SelectDown => {
                self.cursor += 1;
                return true;
            }
            Action::ClearQueue => {
                if floor.queue.is_empty() {
                    self.message = Some("no hands are raised".to_owned());
                } else {
                    self.overlay = Some(Overlay::ConfirmClear);
                }
                return true;
            }
            Action::Fairness => {
                self.show_talk = !self.show_talk;
                let shown = if self.show_talk {
                    "talk time on, below the queue where there is room (private: f hides it)"
                } else {
                    "talk time hidden"
                };
                self.message = Some(shown.to_owned());
                return true;
            }
            Action::NextSpeaker => Some(FloorCommand::NextSpeaker),
            Action::GentlePriority => Some(FloorCommand::ToggleGentlePriority),
            Action::GiveFloor => on_selected(FloorCommand::GiveFloor),
            Action::LowerHand => on_selected(FloorCommand::LowerHand),
            Action::HandUp => on_selected(|who| FloorCommand::MoveHand { who, up: true }),
            Action::HandDown => on_selected(|who| FloorCommand::MoveHand { who, up: false }),
            _ => return false,
        };
        match request {
            Some(request) => {
                if self.run(&Command::Floor(request)) {
                    self.report(action, selected);
                }
            }
            None => {
                self.message = Some(format!(
                    "no hand is selected: {} raises one",
                    self.key_for(Action::RaiseHand)
                ));
            }
        }
        true
    }

    /// Raises the chosen hand, adding a new name to the session's participants first.
    pub(super) fn raise(&mut self, choice: Choice) {
        let who = match choice {
            Choice::Existing(who) => who,
            Choice::New(name) => {
                if !self.run(&Command::Floor(FloorCommand::AddParticipant(name))) {
                    return;
                }
                self.recorder.session.floor.participants.len() - 1
            }
        };
        if self.run(&Command::Floor(FloorCommand::RaiseHand(who))) {
            self.report(Action::RaiseHand, Some(who));
        }
    }

    /// A line on what a queue action just did, naming whom it concerned. `who` is the
    /// participant whose hand it raised, lowered or moved; the selection follows them.
    fn report(&mut self, action: Action, who: Option<usize>) {
        if let Some(place) = who.and_then(|who| self.recorder.session.floor.position(who)) {
            self.cursor = place;
        }
        let floor = &self.recorder.session.floor;
        let name = |who: usize| sanitize(&floor.participants[who].name);
        let waiting = floor.queue.len();
        self.message = match (action, who) {
            (Action::RaiseHand, Some(who)) => Some(format!(
                "{} raised a hand: {} of {waiting} in the queue",
                name(who),
                self.cursor + 1
            )),
            (Action::LowerHand, Some(who)) => Some(format!("hand lowered: {}", name(who))),
            (Action::NextSpeaker | Action::GiveFloor, _) => Some(match floor.turn {
                Some(turn) => format!("{} has the floor; {waiting} waiting", name(turn.who)),
                None => "turn ended; no hands are raised".to_owned(),
            }),
            (Action::GentlePriority, _) => Some(
                if floor.gentle_priority {
                    "gentle priority on: those not yet heard go first"
                } else {
                    "gentle priority off: first come, first served"
                }
                .to_owned(),
            ),
            _ => None,
        };
    }
}
