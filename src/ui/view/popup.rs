//! The boxes drawn over a screen: placed in the middle, sized to their wrapped text, cleared
//! underneath and bordered.

use crate::ui::app::App;
use crate::ui::theme::{Role, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Widget, Wrap};

/// `area`'s middle, `width` by `height` at most.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [column] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(column);
    cell
}

/// How many rows `lines` take when word-wrapped to `width` cells, as `Wrap` lays them out.
pub fn wrapped_rows(lines: &[Line<'_>], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = lines
        .iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|span| span.content.as_ref()).collect();
            let (mut rows, mut used) = (1, 0);
            for word in text.split_inclusive(' ') {
                let word_width = Line::raw(word).width();
                if used + word_width.min(width) > width {
                    rows += 1;
                    used = 0;
                }
                used += word_width;
                while used > width {
                    rows += 1;
                    used -= width;
                }
            }
            rows
        })
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// Where a dialog of `lines` goes in `area`: its box, and the text inside borders and padding.
pub fn dialog_layout(lines: &[Line<'_>], area: Rect) -> (Rect, Rect) {
    let width = area.width.saturating_sub(4).min(72);
    // Borders and padding take four columns and two rows.
    let popup = centered(area, width, wrapped_rows(lines, width.saturating_sub(4)) + 2);
    (popup, dialog_block().inner(popup))
}

pub fn dialog_block() -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
}

pub fn dialog(app: &App, title: &str, lines: Vec<Line<'_>>, area: Rect, buf: &mut Buffer) {
    themed_dialog(&app.theme, title, lines, area, buf);
}

/// A dialog drawn with `theme` alone, for the screens before a session, which have no `App`.
pub fn themed_dialog(theme: &Theme, title: &str, lines: Vec<Line<'_>>, area: Rect, buf: &mut Buffer) {
    let (popup, _) = dialog_layout(&lines, area);
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            dialog_block()
                .border_style(theme.style(Role::Key))
                .title(Span::styled(title.to_owned(), theme.style(Role::Title))),
        )
        .render(popup, buf);
}
