//! The end-of-session checklist, asked before the review is finished: ↑ and ↓ (or k and j)
//! choose an item, space ticks it (an event, saved as it is pressed), Enter or q finishes the
//! review, Esc goes back to it.

use crate::domain::Command;
use crate::domain::record::RecordCommand;
use crate::ui::app::reply::{Reply, Then};
use crossterm::event::{KeyCode, KeyEvent};

pub fn key(selected: &mut usize, items: usize, key: KeyEvent) -> Reply {
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => *selected = (*selected + 1).min(items.saturating_sub(1)),
        KeyCode::Char(' ') => {
            let tick = RecordCommand::TickClosing { item: *selected };
            return Reply::Keep(Then::Run(Command::Record(tick)));
        }
        KeyCode::Enter | KeyCode::Char('q') => return Reply::Then(Then::Finish),
        KeyCode::Esc => return Reply::Close,
        _ => {}
    }
    Reply::Stay
}
