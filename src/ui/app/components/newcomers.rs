//! The roster's offer at the end of the review, a person at a time: y adds them, n does not;
//! after the last answer those accepted are added and the review finishes. Esc goes back to the
//! review, adding no one.

use crate::ui::app::overlay::Newcomers;
use crate::ui::app::reply::{Reply, Then};
use crossterm::event::{KeyCode, KeyEvent};

pub fn key(asked: &mut Newcomers, key: KeyEvent) -> Reply {
    match key.code {
        KeyCode::Char('y') => asked.picked.extend(asked.offer.names.get(asked.at).cloned()),
        KeyCode::Char('n') => {}
        KeyCode::Esc => return Reply::Close,
        _ => return Reply::Stay,
    }
    asked.at += 1;
    if asked.at < asked.offer.names.len() {
        Reply::Stay
    } else {
        Reply::Then(Then::Enrol(Box::new(asked.clone())))
    }
}
