//! The footer of the screens before a session: the line being typed or the latest message,
//! then the screen's keys.

use crate::ui::theme::{Role, Theme};
use crate::util::text::{cells, sanitize};
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

/// The footer: `status` (see `status_line`), then the screen's `keys`, a line broken only
/// between its ` · `-separated phrases, so "2 contacted" is never cut in two.
pub fn footer(status: Line<'static>, keys: String, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![status];
    lines.extend(
        phrases(&keys, usize::from(area.width))
            .into_iter()
            .map(|line| Line::styled(line, theme.style(Role::Muted))),
    );
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(area, buf);
}

/// `keys` in lines of at most `width` cells, broken only between phrases; a phrase wider than
/// a line is left for the paragraph to wrap.
fn phrases(keys: &str, width: usize) -> Vec<String> {
    const BETWEEN: &str = " · ";
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for phrase in keys.split(BETWEEN) {
        if line.is_empty() {
            line.push_str(phrase);
        } else if cells(&line) + cells(BETWEEN) + cells(phrase) <= width {
            line.push_str(BETWEEN);
            line.push_str(phrase);
        } else {
            lines.push(std::mem::take(&mut line));
            // A continued line starts indented, as the first does.
            line = format!(" {phrase}");
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_break_between_phrases_only() {
        let lines = super::phrases(
            " Set the status: 1 referred · 2 contacted · 3 waiver sent · d done",
            40,
        );
        assert_eq!(
            lines,
            [
                " Set the status: 1 referred",
                " 2 contacted · 3 waiver sent · d done"
            ]
        );
    }
}
