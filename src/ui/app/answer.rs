//! What the app does with an overlay's reply to a key or a click: leaves it open, closes it
//! (going back to what a typed line came from), or carries out what it answered.

use super::components;
use super::reply::{Reply, Then};
use super::{App, Screen};
use crate::domain::Command;
use crate::domain::hands::FloorCommand;
use crossterm::event::KeyEvent;

impl App {
    /// A key pressed while an overlay is open: its component reads it, the app carries out the
    /// reply.
    pub(super) fn overlay_key(&mut self, key: KeyEvent) {
        let mode = self.mode();
        if let Some(open) = &mut self.overlay {
            let reply = components::key(open, key, &self.keys, mode, &self.recorder.session);
            self.reply(reply);
        }
    }

    /// A click on row `row` of the picker's choices, if the picker is open.
    pub(super) fn picker_click(&mut self, row: usize) {
        if let Some(open) = &mut self.overlay {
            let reply = components::click_row(open, row, &self.recorder.session.floor);
            self.reply(reply);
        }
    }

    fn reply(&mut self, reply: Reply) {
        let live = self.screen == Screen::Live;
        let back = self
            .overlay
            .as_ref()
            .and_then(|open| components::returns_to(open, live));
        match reply {
            Reply::Stay => {}
            Reply::Keep(then) => self.carry_out(then),
            Reply::Close => self.overlay = back,
            Reply::Then(then) => {
                self.overlay = back;
                self.carry_out(then);
            }
        }
    }

    fn carry_out(&mut self, then: Then) {
        match then {
            Then::Act(action) => self.act(action),
            Then::End => self.end(),
            Then::Finish => self.wrap_up(),
            Then::Enrol(asked) => self.enrol(*asked),
            Then::Run(command) => {
                self.run(&command);
            }
            Then::ClearAndMove { forward } => {
                if self.run(&Command::Floor(FloorCommand::ClearQueue)) {
                    self.run(if forward { &Command::Next } else { &Command::Back });
                }
            }
            Then::Raise(choice) => self.raise(choice),
            Then::Submit(purpose, text) => self.submit(purpose, text),
            Then::AddItem { at, item } => self.add_item(at, item),
            Then::Edit(action) => self.edit_list(action),
            Then::Feedback(request) => self.give_feedback(request),
        }
    }

    /// How many lines the help has on the screen showing.
    pub fn help_length(&self) -> usize {
        components::help_length(&self.keys, self.mode())
    }
}
