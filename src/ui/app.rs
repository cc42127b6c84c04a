//! The app's view state around a recorded session, and what each key does to it.

use super::action::Action;
use super::keymap;
use super::picker::{Choice, Picker, Step};
use super::theme::Theme;
use super::{live, overlay};
use crate::domain::hands::FloorCommand;
use crate::domain::{Command, EventKind};
use crate::format::Zone;
use crate::recorder::Recorder;
use crate::store::paths::DataDir;
use crate::text::sanitize;
use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use std::path::PathBuf;

/// What is open on top of the live screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Rules,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Note,
    RescuePath,
}

/// Why the app stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The session ended and its log is at this path.
    Finished(PathBuf),
    /// The facilitator left; the journal keeps the session for resuming.
    Left,
}

pub struct App {
    pub recorder: Recorder,
    pub dir: DataDir,
    pub theme: Theme,
    pub zone: Zone,
    pub now: DateTime<Utc>,
    /// Clock seconds per real second: shown as "rehearsal N×" when not 1.
    pub speed: f64,
    pub overlay: Option<Overlay>,
    /// A one-line message for the status line, replaced by the next one.
    pub message: Option<String>,
    /// The final log could not be written; shown in the NOT SAVED banner.
    pub finish_error: Option<String>,
    pub outcome: Option<Outcome>,
    /// The selected entry of the raise-hand queue, from 0.
    pub cursor: usize,
    /// Whether the private talk-time panel is on screen.
    pub show_talk: bool,
    bell: bool,
    /// A first Ctrl-c with unsaved events was answered with a warning.
    leave_armed: bool,
}

impl App {
    pub fn new(recorder: Recorder, dir: DataDir, theme: Theme, zone: Zone, now: DateTime<Utc>) -> Self {
        Self {
            recorder,
            dir,
            theme,
            zone,
            now,
            speed: 1.0,
            overlay: None,
            message: None,
            finish_error: None,
            outcome: None,
            cursor: 0,
            show_talk: true,
            bell: false,
            leave_armed: false,
        }
    }

    /// Moves the app to `now`, recording whatever the passing of time has made due.
    pub fn tick(&mut self, now: DateTime<Utc>) {
        self.now = now;
        for kind in self.recorder.session.due(now) {
            if kind == EventKind::WarningRaised {
                self.bell = true;
            }
            self.recorder.record(kind, now);
        }
    }

    /// True once after the end warning is raised: the terminal bell rings for it.
    pub fn take_bell(&mut self) -> bool {
        std::mem::take(&mut self.bell)
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return self.act(Action::Leave);
        }
        match self.overlay.take() {
            None => {
                if let Some(action) = keymap::lookup(key) {
                    self.act(action);
                } else if key.code == KeyCode::Esc && self.recorder.session.warning_showing() {
                    self.act(Action::DismissWarning);
                }
            }
            Some(Overlay::ConfirmEnd) => match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => self.end(),
                KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => {}
                _ => self.overlay = Some(Overlay::ConfirmEnd),
            },
            Some(Overlay::Input { purpose, text }) => self.edit(purpose, text, key),
            Some(Overlay::Pick(mut picker)) => match picker.key(key, &self.recorder.session.floor) {
                Step::Open => self.overlay = Some(Overlay::Pick(picker)),
                Step::Cancel => {}
                Step::Chosen(choice) => self.raise(choice),
            },
            Some(Overlay::ConfirmMove { forward }) => match key.code {
                KeyCode::Char('k') | KeyCode::Enter => self.move_item(forward),
                KeyCode::Char('c') => {
                    self.run(&Command::Floor(FloorCommand::ClearQueue));
                    self.move_item(forward);
                }
                KeyCode::Char('n' | 'q') | KeyCode::Esc => {}
                _ => self.overlay = Some(Overlay::ConfirmMove { forward }),
            },
            Some(Overlay::ConfirmClear) => match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => {
                    self.run(&Command::Floor(FloorCommand::ClearQueue));
                }
                KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => {}
                _ => self.overlay = Some(Overlay::ConfirmClear),
            },
            Some(overlay) => {
                if !matches!(
                    key.code,
                    KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | 'g' | '?')
                ) {
                    self.overlay = Some(overlay);
                }
            }
        }
        self.keep_cursor_in_queue();
    }

    /// Selects the hand in `row` of the list as drawn, or chooses a picker row; other clicks
    /// do nothing, so a stray click never changes the session.
    pub fn on_click(&mut self, column: u16, row: u16, area: Rect) {
        match self.overlay.take() {
            None => {
                if let Some(index) = live::hand_at(self, area, Position::new(column, row)) {
                    self.cursor = index;
                }
            }
            Some(Overlay::Pick(mut picker)) => {
                let at = overlay::picker_row_at(self, &picker, area, Position::new(column, row));
                match at.map(|index| picker.click(index, &self.recorder.session.floor)) {
                    Some(Step::Chosen(choice)) => self.raise(choice),
                    _ => self.overlay = Some(Overlay::Pick(picker)),
                }
            }
            Some(other) => self.overlay = Some(other),
        }
        self.keep_cursor_in_queue();
    }

    fn keep_cursor_in_queue(&mut self) {
        self.cursor = self
            .cursor
            .min(self.recorder.session.floor.queue.len().saturating_sub(1));
    }

    /// Who the selected queue entry belongs to.
    pub fn selected_hand(&self) -> Option<usize> {
        self.recorder
            .session
            .floor
            .queue
            .get(self.cursor)
            .map(|hand| hand.who)
    }

    pub fn act(&mut self, action: Action) {
        let armed = std::mem::take(&mut self.leave_armed);
        if action == Action::Leave && armed {
            self.outcome = Some(Outcome::Left);
            return;
        }
        self.message = None;
        let floor = &self.recorder.session.floor;
        let moving = matches!(action, Action::Next | Action::Back);
        if moving && !floor.queue.is_empty() {
            let command = action.command().unwrap_or(Command::Next);
            if let Err(reason) = self.recorder.session.decide(&command, self.now) {
                self.message = Some(reason.to_owned());
            } else {
                self.overlay = Some(Overlay::ConfirmMove {
                    forward: action == Action::Next,
                });
            }
            return;
        }
        if let Some(command) = action.command() {
            if self.run(&command) {
                self.report(action, None);
            }
            return;
        }
        let selected = self.selected_hand();
        let floor_command = |request: fn(usize) -> FloorCommand| match selected {
            Some(who) => Ok(Command::Floor(request(who))),
            None => Err("no hand is selected: h raises one"),
        };
        match action {
            Action::RaiseHand => self.overlay = Some(Overlay::Pick(Picker::default())),
            Action::GiveFloor | Action::LowerHand | Action::HandUp | Action::HandDown => {
                let request = match action {
                    Action::GiveFloor => floor_command(FloorCommand::GiveFloor),
                    Action::LowerHand => floor_command(FloorCommand::LowerHand),
                    Action::HandUp => floor_command(|who| FloorCommand::MoveHand { who, up: true }),
                    _ => floor_command(|who| FloorCommand::MoveHand { who, up: false }),
                };
                match request {
                    Ok(command) => {
                        if self.run(&command) {
                            self.report(action, selected);
                        }
                    }
                    Err(reason) => self.message = Some(reason.to_owned()),
                }
            }
            Action::SelectUp => self.cursor = self.cursor.saturating_sub(1),
            Action::SelectDown => self.cursor += 1,
            Action::ClearQueue if floor.queue.is_empty() => {
                self.message = Some("no hands are raised".to_owned());
            }
            Action::ClearQueue => self.overlay = Some(Overlay::ConfirmClear),
            Action::Fairness => {
                self.show_talk = !self.show_talk;
                self.message = Some(
                    if self.show_talk {
                        "talk time shown (private: f hides it)"
                    } else {
                        "talk time hidden"
                    }
                    .to_owned(),
                );
            }
            Action::Rules => {
                self.run(&Command::RevisitRules);
                self.overlay = Some(Overlay::Rules);
            }
            Action::Note => self.open_input(Input::Note, String::new()),
            Action::Rescue => {
                let suggestion = std::env::current_dir()
                    .unwrap_or_default()
                    .join(format!("holdspace-{}-copy.jsonl", self.recorder.session.meta.id));
                self.open_input(Input::RescuePath, suggestion.display().to_string());
            }
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::End if self.recorder.session.ended.is_some() => self.finish(),
            Action::End => self.overlay = Some(Overlay::ConfirmEnd),
            Action::Leave => self.leave(),
            _ => {}
        }
    }

    /// Leaves at once when everything is on disk; otherwise warns, and leaves on a second press.
    fn leave(&mut self) {
        let unsaved = self
            .recorder
            .not_saved
            .as_ref()
            .is_some_and(|not_saved| not_saved.rescued_through < Some(self.recorder.session.last_seq));
        if unsaved {
            self.leave_armed = true;
            self.message = Some("unsaved events: S saves a copy; Ctrl-c again leaves anyway".to_owned());
        } else {
            self.outcome = Some(Outcome::Left);
        }
    }

    /// Records what `command` comes to; false, with the reason as the message, if nothing.
    fn run(&mut self, command: &Command) -> bool {
        match self.recorder.session.decide(command, self.now) {
            Ok(kind) => {
                self.recorder.record(kind, self.now);
                true
            }
            Err(reason) => {
                self.message = Some(reason.to_owned());
                false
            }
        }
    }

    fn move_item(&mut self, forward: bool) {
        self.run(if forward { &Command::Next } else { &Command::Back });
    }

    /// Raises the chosen hand, adding a new name to the session's participants first.
    fn raise(&mut self, choice: Choice) {
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

    /// A line on what an action just did, naming whom it concerned. `who` is the participant
    /// whose hand it raised or moved; the selection follows them.
    fn report(&mut self, action: Action, who: Option<usize>) {
        if let Some(place) = who.and_then(|who| self.recorder.session.floor.position(who)) {
            self.cursor = place;
        }
        let floor = &self.recorder.session.floor;
        let name = |who: usize| sanitize(&floor.participants[who].name);
        let waiting = floor.queue.len();
        self.message = match (action, who) {
            (Action::Rebalance, _) => return self.report_rebalance(),
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

    fn report_rebalance(&mut self) {
        let late = self.recorder.session.behind_by(self.now);
        self.message = Some(if late.num_seconds() >= 60 {
            format!(
                "rebalanced; still {} min late: the current item and protected items keep their time",
                late.num_minutes()
            )
        } else {
            format!(
                "rebalanced to end by {}",
                self.zone.hm(self.recorder.session.meta.scheduled_end)
            )
        });
    }

    fn open_input(&mut self, purpose: Input, text: String) {
        self.overlay = Some(Overlay::Input { purpose, text });
    }

    fn edit(&mut self, purpose: Input, mut text: String, key: KeyEvent) {
        match key.code {
            KeyCode::Esc => return,
            KeyCode::Enter => return self.submit(purpose, text),
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                text.push_str(&sanitize(&c.to_string()));
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Input { purpose, text });
    }

    fn submit(&mut self, purpose: Input, text: String) {
        match purpose {
            Input::Note => {
                self.run(&Command::Note(text));
                if self.message.is_none() {
                    let word = if self.recorder.not_saved.is_none() {
                        "note saved"
                    } else {
                        "note kept in memory only: NOT SAVED"
                    };
                    self.message = Some(word.to_owned());
                }
            }
            Input::RescuePath => match self.recorder.rescue(text.trim().as_ref()) {
                Ok(()) => self.message = Some(format!("copy saved to {}", text.trim())),
                Err(err) => self.message = Some(err.to_string()),
            },
        }
    }

    fn end(&mut self) {
        self.run(&Command::End);
        self.finish();
    }

    /// Writes the final log; on failure the app stays open so a copy can be saved elsewhere.
    fn finish(&mut self) {
        match self.recorder.finish(&self.dir) {
            Ok(path) => self.outcome = Some(Outcome::Finished(path)),
            Err(err) => {
                self.finish_error = Some(format!(
                    "the session log was not written: {err}. Press q to try again, S to save a copy elsewhere, Ctrl-c to leave"
                ));
            }
        }
    }
}
