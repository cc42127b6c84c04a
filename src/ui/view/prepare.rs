//! Draws the preparation screen: the countdown to the start, the checklist and the agenda, with
//! the keys in force, and all of them over it on `?`.

use crate::ui::before::keys as table;
use crate::ui::before::prepare::{AGENDA_EDITS, CHECKLIST_EDITS, Focus, KEYS, Preparation};
use crate::ui::keys::defaults::Mode;
use crate::ui::keys::keymap::Keymap;
use crate::ui::theme::{Role, Theme};
use crate::ui::view::editor::{self, Row};
use crate::ui::view::popup::wrapped_rows;
use crate::ui::view::{footer, help, item_form};
use crate::util::text::sanitize;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

pub fn render(
    prep: &Preparation,
    area: Rect,
    buf: &mut Buffer,
    keys: &Keymap,
    theme: &Theme,
    now: DateTime<Utc>,
) {
    let [header, body, footer] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1), Constraint::Length(3)]).areas(area);
    Paragraph::new(vec![
        Line::from(vec![
            Span::styled(format!(" {} ", sanitize(&prep.group)), theme.style(Role::Title)),
            Span::styled(format!("· {}", sanitize(&prep.meets)), theme.style(Role::Muted)),
        ]),
        Line::styled(
            format!(" Preparing · {}", prep.countdown(now)),
            theme.style(Role::Clock),
        ),
    ])
    .render(header, buf);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
    // Shown only when there is something to have in mind, under the checklist, wrapped, and
    // never taking more than half of the column.
    let lines: Vec<Line> = (prep.before.iter())
        .map(|line| Line::styled(format!(" {}", sanitize(line)), theme.style(Role::Text)))
        .collect();
    let shown = (wrapped_rows(&lines, left.width.saturating_sub(2)) + 2).min(left.height / 2);
    let [left, before] = if lines.is_empty() {
        [left, Rect::default()]
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Length(shown)]).areas(left)
    };
    if !lines.is_empty() {
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.style(Role::Border))
                    .title(Span::styled(" Before you start ", theme.style(Role::Title))),
            )
            .render(before, buf);
    }
    let ticked = prep
        .checklist
        .iter()
        .filter(|check| check.ticked_at.is_some())
        .count();
    let checks: Vec<Line> = prep
        .checklist
        .iter()
        .enumerate()
        .map(|(index, check)| {
            let marker = if prep.focus == Focus::Checklist && index == prep.check {
                "▸"
            } else {
                " "
            };
            let (glyph, role) = match check.ticked_at {
                Some(_) => ("☑", Role::Muted),
                None => ("☐", Role::Text),
            };
            Line::from(vec![
                Span::styled(format!("{marker}{glyph} "), theme.style(Role::Key)),
                Span::styled(sanitize(&check.item), theme.style(role)),
            ])
        })
        .collect();
    let titled = |title: String, focus: Focus| {
        let role = if prep.focus == focus {
            Role::Key
        } else {
            Role::Border
        };
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.style(role))
            .title(Span::styled(title, theme.style(Role::Title)))
    };
    // The selected item is kept in view on a short screen. Rows are not wrapped, so that
    // one row is one item.
    let rows = usize::from(left.height.saturating_sub(2)).max(1);
    let scroll = u16::try_from(prep.check.saturating_sub(rows - 1)).unwrap_or(u16::MAX);
    Paragraph::new(checks)
        .scroll((scroll, 0))
        .block(titled(
            format!(" Checklist · {ticked} of {} ", prep.checklist.len()),
            Focus::Checklist,
        ))
        .render(left, buf);
    let rows: Vec<Row> = prep
        .plan
        .items
        .iter()
        .map(|item| Row {
            item,
            minutes: item.minutes,
            glyph: "·",
            editable: true,
        })
        .collect();
    let selected = if prep.focus == Focus::Agenda {
        prep.item
    } else {
        usize::MAX
    };
    Paragraph::new(editor::agenda_lines(
        &rows,
        selected,
        usize::from(right.width.saturating_sub(2)),
        theme,
    ))
    .block(titled(
        format!(" Agenda · {} min ", prep.plan.total_minutes()),
        Focus::Agenda,
    ))
    .render(right, buf);
    let status = footer::status_line("", None, prep.message.as_deref(), theme);
    let edits = match prep.focus {
        Focus::Checklist => CHECKLIST_EDITS,
        Focus::Agenda => AGENDA_EDITS,
    };
    let mut hints = vec![" Enter starts the session".to_owned()];
    if prep.focus == Focus::Checklist {
        hints.push("space ticks".to_owned());
    }
    hints.extend(edits.iter().filter_map(|action| {
        keys.first_key(Mode::Edit, *action)
            .map(|key| format!("{key} {}", action.hint()))
    }));
    hints.push(match prep.focus {
        Focus::Checklist => "Tab agenda".to_owned(),
        Focus::Agenda => "Tab checklist".to_owned(),
    });
    hints.push("? keys".to_owned());
    hints.push("Esc quits".to_owned());
    footer::footer(status, hints.join(" · "), theme, footer, buf);
    if let Some(form) = &prep.adding {
        item_form::render(form, theme, area, buf);
    }
    if prep.help {
        help::render_rows(help_rows(keys), theme, area, buf);
    }
}

/// Every key of the preparation: its own, then the editor keys it takes, as the keymap has them.
fn help_rows(keys: &Keymap) -> Vec<(String, &'static str)> {
    let edits: Vec<&str> = (CHECKLIST_EDITS.iter().chain(AGENDA_EDITS))
        .map(|action| action.describe())
        .collect();
    let mut rows = table::rows(KEYS);
    rows.extend(
        crate::ui::keys::help::rows(keys, Mode::Edit)
            .into_iter()
            .filter(|(_, does)| edits.contains(does)),
    );
    rows
}
