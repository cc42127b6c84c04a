//! The footer of the screens before a session: the line being typed or the latest message,
//! then the screen's keys.

use crate::ui::theme::{Role, Theme};
use crate::util::text::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

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
