//! A line typed on the home and preparation screens (a new group's name, a new agenda item):
//! the keys that edit it, and the footer of those screens, which shows it or the latest message
//! above the screen's keys.

use super::theme::{Role, Theme};
use crate::text::sanitize;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

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
        KeyCode::Char(c) => text.push_str(&sanitize(&c.to_string())),
        _ => {}
    }
    Typed::Editing(text)
}

/// The line being typed after its `prompt`, else the latest message, else nothing.
pub fn status_line(
    prompt: &str,
    typing: Option<&str>,
    message: Option<&str>,
    theme: &Theme,
) -> Line<'static> {
    match (typing, message) {
        (Some(text), _) => Line::from(vec![
            Span::styled(format!(" {prompt}: "), theme.style(Role::Key)),
            Span::raw(sanitize(text)),
            Span::styled("▏", theme.style(Role::Key)),
        ]),
        (None, Some(message)) => Line::styled(format!(" {}", sanitize(message)), theme.style(Role::Muted)),
        (None, None) => Line::raw(""),
    }
}

/// The footer: `status` (see `status_line`), then the screen's `keys`, wrapped to fit.
pub fn footer(status: Line<'static>, keys: String, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Paragraph::new(vec![status, Line::styled(keys, theme.style(Role::Muted))])
        .wrap(Wrap { trim: false })
        .render(area, buf);
}
