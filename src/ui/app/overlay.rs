//! What opens on top of the live screen and the review, as state, and what a key or a click on
//! it comes to: each overlay's keys are read by its own component, which answers with a
//! `Reply` the app carries out.

mod confirm;
mod help;
mod input;
mod lists;
mod pick;

use super::App;
use crate::domain::Command;
use crate::domain::hands::FloorCommand;
use crate::domain::record::FollowUp;
use crate::ui::editor::Listed;
use crate::ui::keys::action::Action;
use crate::ui::picker::{Choice, Picker};
use crossterm::event::KeyEvent;

/// What is open on top of the live screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key list, scrolled down by this many lines on a short terminal.
    Help {
        scroll: u16,
    },
    Rules,
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
}

/// What a line of typed text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Note,
    RescuePath,
    NewPerson,
    FlagNote {
        who: usize,
        follow_up: FollowUp,
    },
    RecordNote(usize),
    Comment(usize),
    Takeaway(usize),
    Goal(usize),
    Summary,
    /// A new agenda item, to go in at `at`; the editor had `from` selected.
    NewItem {
        at: usize,
        from: usize,
    },
    NewRule {
        at: usize,
        from: usize,
    },
    ChangeRule(usize),
}

/// What a key (or a click) on an overlay comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// It stays open, as the key left it.
    Stay,
    /// It closes; a line typed from an editor or the attendance list gives way to that again.
    Close,
    /// It closes as `Close` does, then the app carries this out.
    Then(Then),
    /// It stays open while the app carries out this action, which may open another in its place.
    Act(Action),
}

/// What the app does once an overlay has closed on an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    Act(Action),
    /// Ends the session, as the confirmation asked.
    End,
    Run(Command),
    /// Clears the queue, then moves to the next item (or the one before) if it was cleared.
    ClearAndMove {
        forward: bool,
    },
    Raise(Choice),
    Submit(Input, String),
    /// An editor key on `list` with `selected` chosen.
    Edit {
        list: Listed,
        selected: usize,
        action: Action,
    },
}

impl App {
    /// A key pressed while an overlay is open: its component reads it, the app carries out the
    /// reply.
    pub(super) fn overlay_key(&mut self, key: KeyEvent) {
        let mode = self.mode();
        let (keys, floor) = (&self.keys, &self.recorder.session.floor);
        let reply = match &mut self.overlay {
            None => return,
            Some(Overlay::Help { scroll }) => help::key(scroll, key, keys, mode),
            Some(Overlay::Rules) => help::closes(key, keys, Action::Rules),
            Some(Overlay::BigClock) => help::closes(key, keys, Action::BigClock),
            Some(Overlay::ConfirmEnd) => confirm::end(key),
            Some(Overlay::ConfirmClear) => confirm::clear(key),
            Some(Overlay::ConfirmJump { to }) => confirm::jump(*to, key),
            Some(Overlay::ConfirmMove { forward }) => confirm::move_item(*forward, key),
            Some(Overlay::Input { purpose, text }) => input::key(*purpose, text, key),
            Some(Overlay::Pick(picker)) => pick::key(picker, key, floor),
            Some(Overlay::People) => lists::people(key, keys),
            Some(Overlay::Edit { list, selected }) => lists::edit(*list, *selected, key, keys),
        };
        self.reply(reply);
    }

    /// A click on row `row` of the picker's choices, if the picker is open.
    pub(super) fn picker_click(&mut self, row: usize) {
        if let Some(Overlay::Pick(picker)) = &mut self.overlay {
            let reply = pick::click(picker, row, &self.recorder.session.floor);
            self.reply(reply);
        }
    }

    fn reply(&mut self, reply: Reply) {
        let back = match &self.overlay {
            Some(Overlay::Input { purpose, .. }) => input::returns_to(*purpose, self.screen),
            _ => None,
        };
        match reply {
            Reply::Stay => {}
            Reply::Act(action) => self.act(action),
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
            Then::Edit {
                list,
                selected,
                action,
            } => self.edit_list(list, selected, action),
        }
    }

    /// How many lines the help has on the screen showing.
    pub fn help_length(&self) -> usize {
        help::length(&self.keys, self.mode())
    }
}
