//! Each screen before a session, run until it answers: its state and keys from `before/`,
//! drawn by its view from `view/`, through the event loop. Kept apart from both so that the
//! screens' state never imports the views that draw it.

use crate::store::disk::Disk;
use crate::ui::before::history::HistoryView;
use crate::ui::before::home::{Home, Picked};
use crate::ui::before::prepare::{Preparation, Prepared};
use crate::ui::before::resume::{Choice, Offer};
use crate::ui::before::roster::RosterView;
use crate::ui::keys::keymap::Keymap;
use crate::ui::terminal::event_loop;
use crate::ui::theme::Theme;
use crate::ui::view;
use ratatui::DefaultTerminal;
use std::io;
use std::sync::atomic::AtomicBool;

impl Home {
    /// Shows the groups until one is picked; a signal counts as quit.
    pub fn run(
        mut self,
        terminal: &mut DefaultTerminal,
        theme: &Theme,
        stop: &AtomicBool,
    ) -> io::Result<Picked> {
        let picked = event_loop::until_answer(
            terminal,
            stop,
            false,
            &mut self,
            |home, frame, _| view::home::render(home, frame.area(), frame.buffer_mut(), theme),
            |home, key, _| home.on_key(key),
        )?;
        Ok(picked.unwrap_or(Picked::Quit))
    }
}

impl Preparation {
    /// Shows the preparation until Enter or Esc, redrawing each second for the countdown.
    pub fn run(
        mut self,
        terminal: &mut DefaultTerminal,
        keys: &Keymap,
        theme: &Theme,
        stop: &AtomicBool,
    ) -> io::Result<Prepared> {
        let prepared = event_loop::until_answer(
            terminal,
            stop,
            true,
            &mut self,
            |preparation, frame, now| {
                view::prepare::render(preparation, frame.area(), frame.buffer_mut(), keys, theme, now);
            },
            |preparation, key, now| preparation.on_key(key, keys, now),
        )?;
        Ok(prepared.unwrap_or(Prepared::Quit))
    }
}

impl RosterView {
    /// Shows the roster until Esc; a signal closes it too.
    pub fn run(
        mut self,
        terminal: &mut DefaultTerminal,
        theme: &Theme,
        disk: &dyn Disk,
        stop: &AtomicBool,
    ) -> io::Result<()> {
        event_loop::until_answer(
            terminal,
            stop,
            false,
            &mut self,
            |view, frame, _| view::roster::render(view, frame.area(), frame.buffer_mut(), theme),
            |view, key, now| {
                let today = now.with_timezone(&chrono::Local).date_naive();
                (!view.on_key(key, disk, today)).then_some(())
            },
        )?;
        Ok(())
    }
}

impl HistoryView {
    /// Shows the history until Esc or q; a signal closes it too.
    pub fn run(mut self, terminal: &mut DefaultTerminal, theme: &Theme, stop: &AtomicBool) -> io::Result<()> {
        event_loop::until_answer(
            terminal,
            stop,
            false,
            &mut self,
            |view, frame, _| view::history::render(view, frame.area(), frame.buffer_mut(), theme),
            |view, key, _| (!view.on_key(key)).then_some(()),
        )?;
        Ok(())
    }
}

impl Offer<'_> {
    /// Shows the question and waits for one of its keys; a signal or Ctrl-c counts as quit.
    pub fn ask(&self, terminal: &mut DefaultTerminal, stop: &AtomicBool) -> io::Result<Choice> {
        let choice = event_loop::until_answer(
            terminal,
            stop,
            false,
            &mut (),
            |(), frame, _| view::resume::render(self, frame.area(), frame.buffer_mut()),
            |(), key, _| self.answer(key),
        )?;
        Ok(choice.unwrap_or(Choice::Quit))
    }
}
