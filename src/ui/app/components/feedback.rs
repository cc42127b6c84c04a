//! A member's own feedback form: the answer by its number (1 to 6), or ↑ and ↓ (k and j) and
//! Enter; then what was good and what could be better, each typed and saved with Enter (left
//! empty for none). The last Enter records the whole entry as one event; Esc drops it.

use crate::domain::feedback::Answer;
use crate::domain::record::RecordCommand;
use crate::ui::app::overlay::{FeedbackForm, Step};
use crate::ui::app::reply::{Reply, Then};
use crate::ui::typing;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn key(form: &mut FeedbackForm, key: KeyEvent) -> Reply {
    if key.code == KeyCode::Esc {
        return Reply::Close;
    }
    let last = Answer::ALL.len() - 1;
    match (form.step, key.code) {
        (Step::Answer, KeyCode::Up | KeyCode::Char('k')) => form.selected = form.selected.saturating_sub(1),
        (Step::Answer, KeyCode::Down | KeyCode::Char('j')) => form.selected = (form.selected + 1).min(last),
        (Step::Answer, KeyCode::Char(c @ '1'..='6')) => {
            form.selected = c.to_digit(10).map_or(0, |n| n as usize - 1);
            form.step = Step::Good;
        }
        (Step::Answer, KeyCode::Enter) => form.step = Step::Good,
        (Step::Good, KeyCode::Enter) => form.step = Step::Better,
        (Step::Better, KeyCode::Enter) => {
            return Reply::Keep(Then::Feedback(RecordCommand::GiveFeedback {
                answer: Answer::ALL[form.selected.min(last)],
                good: form.good.clone(),
                better: form.better.clone(),
            }));
        }
        (_, KeyCode::Backspace) => {
            form.typing().map(String::pop);
        }
        (_, KeyCode::Char(c)) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            if let Some(text) = form.typing() {
                typing::insert(text, c.encode_utf8(&mut [0; 4]));
            }
        }
        _ => {}
    }
    Reply::Stay
}
