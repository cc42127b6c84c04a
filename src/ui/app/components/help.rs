//! The views that only show something (the key list, the ground rules, the big clock): arrows
//! scroll the key list; Esc, Enter, q or the key that opened a view close it.

use crate::ui::app::reply::Reply;
use crate::ui::keys::action::Action;
use crate::ui::keys::defaults::Mode;
use crate::ui::keys::help::Help;
use crate::ui::keys::keymap::Keymap;
use crossterm::event::{KeyCode, KeyEvent};

/// How many lines the key list has on screen `mode`, as the help view draws them.
pub fn length(keys: &Keymap, mode: Mode) -> usize {
    Help::of(keys, mode).line_count()
}

/// A key on the key list, scrolled down by `scroll` lines.
pub fn key(scroll: &mut u16, key: KeyEvent, keys: &Keymap, mode: Mode) -> Reply {
    match key.code {
        KeyCode::Down | KeyCode::Char('j') => {
            let last = u16::try_from(length(keys, mode)).unwrap_or(u16::MAX);
            *scroll = (*scroll + 1).min(last.saturating_sub(1));
            Reply::Stay
        }
        KeyCode::Up | KeyCode::Char('k') => {
            *scroll = scroll.saturating_sub(1);
            Reply::Stay
        }
        _ => closes(key, keys, Action::Help),
    }
}

/// Closes a view on Esc, Enter, q, or the key that opened it (`opener`) pressed again.
pub fn closes(key: KeyEvent, keys: &Keymap, opener: Action) -> Reply {
    let again = keys.lookup(Mode::Live, key) == Some(opener);
    if again || matches!(key.code, KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q')) {
        Reply::Close
    } else {
        Reply::Stay
    }
}
