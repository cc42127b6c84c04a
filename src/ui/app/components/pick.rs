//! The raise-hand picker: typing filters the participants, Enter or a click on a row raises the
//! hand chosen, Esc closes it.

use crate::domain::hands::Floor;
use crate::ui::app::reply::{Reply, Then};
use crate::ui::picker::{Picker, Step};
use crossterm::event::KeyEvent;

pub fn key(picker: &mut Picker, key: KeyEvent, floor: &Floor) -> Reply {
    reply(picker.key(key, floor))
}

/// A click on row `row` of the choices.
pub fn click(picker: &mut Picker, row: usize, floor: &Floor) -> Reply {
    reply(picker.click(row, floor))
}

fn reply(step: Step) -> Reply {
    match step {
        Step::Open => Reply::Stay,
        Step::Cancel => Reply::Close,
        Step::Chosen(choice) => Reply::Then(Then::Raise(choice)),
    }
}
