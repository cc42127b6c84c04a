//! `?` help drawn: the keys in force on the screen showing and its legend, as `keys::help`
//! gives them, in a box that scrolls when the terminal is short.

use crate::ui::keys::help::Help;
use crate::ui::theme::{Role, Theme};
use crate::ui::view::popup::{centered, wrapped_rows};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

/// The help's lines: a row per key line, keys right-aligned, a blank line, the legend, and how
/// to close it; as many as `Help::line_count` says.
pub fn lines(help: &Help, theme: &Theme) -> Vec<Line<'static>> {
    let key_width = help
        .rows
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = help
        .rows
        .iter()
        .map(|(keys, text)| {
            Line::from(vec![
                Span::styled(format!(" {keys:>key_width$}  "), theme.style(Role::Key)),
                Span::raw(*text),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    for legend in help.legend.iter().chain(&[help.close]) {
        lines.push(Line::styled(format!(" {legend}"), theme.style(Role::Muted)));
    }
    lines
}

/// The help in a box over `area`, scrolled down by `scroll` lines.
pub fn render(help: &Help, theme: &Theme, scroll: u16, area: Rect, buf: &mut Buffer) {
    let lines = lines(help, theme);
    let width = area.width.saturating_sub(4).min(90);
    let rows = wrapped_rows(&lines, width.saturating_sub(2)) + 2;
    let popup = centered(area, width, rows);
    // A short terminal shows part of the list and says how to see the rest.
    let title = if popup.height < rows {
        " Keys · ↑↓ scroll "
    } else {
        " Keys "
    };
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(Block::default().borders(Borders::ALL).title(title))
        .render(popup, buf);
}

/// The keys of a screen before a session, `rows` of them, in the same box; any key closes it.
pub fn render_rows(rows: Vec<(String, &'static str)>, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let help = Help {
        rows,
        legend: &[],
        close: "Any key closes this help.",
    };
    render(&help, theme, 0, area, buf);
}
