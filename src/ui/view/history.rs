//! Draws a group's history: a bar a session for the people attending, and a bar a feedback round
//! for its % positive, the most recent that fit the width, each bar with its value and day.

use crate::ui::before::history::{HistoryView, KEYS};
use crate::ui::before::keys;
use crate::ui::theme::{Role, Theme};
use crate::ui::view::{footer, help};
use crate::util::text::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders, Paragraph, Widget};

/// Wide enough for its day, `dd/mm`.
const BAR_WIDTH: u16 = 5;
const BAR_GAP: u16 = 1;

pub fn render(view: &HistoryView, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let [attending, feedback, footer] =
        Layout::vertical([Constraint::Fill(1), Constraint::Fill(1), Constraint::Length(3)]).areas(area);
    let title = format!(" {} · history ", sanitize(&view.group));
    chart(
        &title,
        &format!("people attending, {} session(s)", view.attending.len()),
        &view.attending,
        None,
        theme,
        attending,
        buf,
    );
    chart(
        " members' feedback ",
        &format!("% positive per round; overall {}", view.overall),
        &view.positive,
        Some(100),
        theme,
        feedback,
        buf,
    );
    let unread = (view.unread > 0).then(|| {
        format!(
            "{} saved log(s) could not be read and are not counted: `holdspace sessions` names them",
            view.unread
        )
    });
    footer::footer(
        footer::status_line("", None, unread.as_deref(), theme),
        format!(
            "{} · holdspace report GROUP --pdf -o FILE prints these with the rest",
            keys::hints(KEYS)
        ),
        theme,
        footer,
        buf,
    );
    if view.help {
        help::render_rows(keys::rows(KEYS), theme, area, buf);
    }
}

/// `bars` under a titled border: the most recent that fit, or a line saying there are none.
fn chart(
    title: &str,
    caption: &str,
    bars: &[(String, u64)],
    max: Option<u64>,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(Role::Border))
        .title(Span::styled(title.to_owned(), theme.style(Role::Title)))
        .title_bottom(Span::styled(format!(" {caption} "), theme.style(Role::Muted)));
    let inner = block.inner(area);
    block.render(area, buf);
    if bars.is_empty() {
        Paragraph::new(Line::styled(" none saved yet", theme.style(Role::Muted))).render(inner, buf);
        return;
    }
    let fit = usize::from((inner.width + BAR_GAP) / (BAR_WIDTH + BAR_GAP)).max(1);
    let shown: Vec<Bar> = (bars.iter().skip(bars.len().saturating_sub(fit)))
        .map(|(day, value)| Bar::with_label(day.clone(), *value))
        .collect();
    let mut widget = BarChart::vertical(shown)
        .bar_width(BAR_WIDTH)
        .bar_gap(BAR_GAP)
        .bar_style(theme.style(Role::Current))
        .value_style(theme.style(Role::Title))
        .label_style(theme.style(Role::Muted));
    if let Some(max) = max {
        widget = widget.max(max);
    }
    widget.render(inner, buf);
}
