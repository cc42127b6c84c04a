//! The agenda panel's table: each item's state, title, planned and actual time and overrun,
//! the running item kept in view, and where each row is drawn for a click to find it.

use crate::ui::app::App;
use crate::ui::app::hits::{HitMap, Target};
use crate::ui::theme::Role;

use crate::util::format::clock;
use crate::util::text::sanitize;
use chrono::TimeDelta;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row, StatefulWidget, Table, TableState, Widget};

/// The agenda's item rows inside its panel (`inner`), below the header row, and the first item
/// shown there. The table keeps the running item in view, so on a short panel its rows start
/// where that leaves them.
fn agenda_rows(app: &App, inner: Rect) -> (Rect, usize) {
    let rows = Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let visible = usize::from(rows.height);
    let offset = app
        .recorder
        .session
        .current
        .map_or(0, |current| (current + 1).saturating_sub(visible));
    (rows, offset)
}

/// The running item's row in the agenda panel's inside (`inner`); empty when none runs or the
/// panel has no room for it.
pub fn current_row(app: &App, inner: Rect) -> Rect {
    let (rows, offset) = agenda_rows(app, inner);
    match app.recorder.session.current {
        Some(current) if !rows.is_empty() => Rect {
            y: rows.y + u16::try_from(current - offset).unwrap_or(u16::MAX),
            height: 1,
            ..rows
        },
        _ => Rect::default(),
    }
}

/// The agenda's table, inside its panel's border (at `inner`); each item row drawn is a place
/// to click.
pub fn render(app: &App, inner: Rect, buf: &mut Buffer, hits: &mut HitMap) {
    let session = &app.recorder.session;
    let rows = (0..session.items.len()).map(|index| agenda_row(app, index));
    let table = Table::new(rows, AGENDA_COLUMNS)
        .header(Row::new(["", "item", "", "plan", "actual", "over"]).style(app.theme.style(Role::Muted)));
    // Selecting the current row keeps it scrolled into view on a short screen; its look comes
    // from the row style, so selection adds no highlight of its own.
    let mut state = TableState::default().with_selected(session.current);
    StatefulWidget::render(table, inner, buf, &mut state);
    let (rows, offset) = agenda_rows(app, inner);
    for (y, index) in (rows.top()..rows.bottom()).zip(offset..session.items.len()) {
        hits.add(Rect { y, height: 1, ..rows }, Target::AgendaItem(index));
    }
}

/// The running item's row of the agenda, at `area`, laid out as in the whole table.
pub fn render_current_item(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(current) = app.recorder.session.current {
        Widget::render(Table::new([agenda_row(app, current)], AGENDA_COLUMNS), area, buf);
    }
}

const AGENDA_COLUMNS: [Constraint; 6] = [
    Constraint::Length(1),
    Constraint::Fill(1),
    Constraint::Length(1),
    Constraint::Length(4),
    Constraint::Length(7),
    Constraint::Length(8),
];

/// Item `index`'s row in the agenda: its state, title, planned and actual time, and overrun.
fn agenda_row(app: &App, index: usize) -> Row<'static> {
    let session = &app.recorder.session;
    let item = &session.items[index];
    let current = session.current == Some(index);
    let elapsed = session.item_elapsed(index, app.now);
    let over = elapsed - TimeDelta::minutes(i64::from(item.minutes));
    let (glyph, role) = match (current, session.is_paused()) {
        (true, true) => ("⏸", Role::Paused),
        (true, false) => ("▶", Role::Current),
        (false, _) if item.last_left.is_some() => ("✓", Role::Done),
        _ => ("·", Role::Text),
    };
    let shown = |text: String| {
        if item.first_started.is_some() {
            text
        } else {
            String::new()
        }
    };
    Row::new([
        Cell::from(glyph),
        Cell::from(sanitize(&item.plan.title)),
        Cell::from(if item.plan.protected { "◆" } else { "" }),
        Cell::from(format!("{:>3}m", item.minutes)),
        Cell::from(shown(clock(elapsed))),
        Cell::from(if over > TimeDelta::zero() {
            format!("+{}", clock(over))
        } else {
            String::new()
        })
        .style(app.theme.style(Role::Over)),
    ])
    .style(app.theme.style(role))
}
