//! A line of typed text: how typed and pasted text goes into it, whatever the screen, and the
//! keys that edit it on the home screen (a new group's name). `view::footer` shows it; the new
//! agenda item's form (`item_form`) takes its typed and pasted text in the same way.

use crate::util::text::safe_char;
use crossterm::event::{KeyCode, KeyEvent};

/// A screen that may have a line being typed. A paste goes into that line, whole, and nowhere
/// else: pasted text is never taken as keys, so a pasted "q" cannot end anything.
pub trait Field {
    /// The line being typed, if one is.
    fn field(&mut self) -> Option<&mut String>;

    fn on_paste(&mut self, pasted: &str) {
        if let Some(text) = self.field() {
            insert(text, pasted);
        }
    }
}

/// A screen whose state is kept elsewhere (the question about an interrupted session) has no
/// line to type.
impl Field for () {
    fn field(&mut self) -> Option<&mut String> {
        None
    }
}

/// Adds `added`, typed or pasted, to the end of `text`, sanitised as it goes (no control
/// character reaches the terminal) in one pass over `added` alone, so a long paste costs its
/// length once. Every field is one line: each line break (`\r\n`, `\r` as terminals paste
/// Enter, or `\n`) becomes one space.
pub fn insert(text: &mut String, added: &str) {
    text.reserve(added.len());
    let mut after_return = false;
    for c in added.chars() {
        if !(after_return && c == '\n') {
            text.push(safe_char(c));
        }
        after_return = c == '\r';
    }
}

/// Where a line being typed stands after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    Editing(String),
    Done(String),
    Cancelled,
}

/// `text` after `key`: Enter finishes it, Esc drops it, and characters are taken in sanitised.
pub fn key(mut text: String, key: KeyEvent) -> Typed {
    match key.code {
        KeyCode::Esc => return Typed::Cancelled,
        KeyCode::Enter => return Typed::Done(text),
        KeyCode::Backspace => {
            text.pop();
        }
        KeyCode::Char(c) => insert(&mut text, c.encode_utf8(&mut [0; 4])),
        _ => {}
    }
    Typed::Editing(text)
}

#[cfg(test)]
mod tests {
    use super::insert;

    #[test]
    fn each_line_break_becomes_one_space_and_controls_are_replaced() {
        let mut text = "a".to_owned();
        insert(&mut text, "b\r\nc\rd\ne\u{1b}[31m\u{202E}\r");
        assert_eq!(text, "ab c d e\u{FFFD}[31m\u{FFFD} ");
        insert(&mut text, "\n");
        assert_eq!(
            text, "ab c d e\u{FFFD}[31m\u{FFFD}  ",
            "a break split across two pastes"
        );
    }
}
