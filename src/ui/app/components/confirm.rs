//! The questions asked before something that cannot be taken back: ending the session,
//! clearing the queue, jumping to another item, moving on with hands raised.

use crate::domain::Command;
use crate::domain::hands::FloorCommand;
use crate::ui::app::reply::{Reply, Then};
use crossterm::event::{KeyCode, KeyEvent};

/// y or Enter answers yes, n, q or Esc no; any other key leaves the question open.
fn yes_no(key: KeyEvent, yes: Then) -> Reply {
    match key.code {
        KeyCode::Char('y' | 'Y') | KeyCode::Enter => Reply::Then(yes),
        KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => Reply::Close,
        _ => Reply::Stay,
    }
}

pub fn end(key: KeyEvent) -> Reply {
    yes_no(key, Then::End)
}

pub fn clear(key: KeyEvent) -> Reply {
    yes_no(key, Then::Run(Command::Floor(FloorCommand::ClearQueue)))
}

pub fn jump(to: usize, key: KeyEvent) -> Reply {
    yes_no(key, Then::Run(Command::MoveTo(to)))
}

/// Moving on with hands raised: k (or Enter) keeps the queue, c clears it first.
pub fn move_item(forward: bool, key: KeyEvent) -> Reply {
    match key.code {
        KeyCode::Char('k') | KeyCode::Enter => {
            Reply::Then(Then::Run(if forward { Command::Next } else { Command::Back }))
        }
        KeyCode::Char('c') => Reply::Then(Then::ClearAndMove { forward }),
        KeyCode::Char('n' | 'q') | KeyCode::Esc => Reply::Close,
        _ => Reply::Stay,
    }
}
