//! What opens on top of the live screen: help, ground rules, the end confirmation, text input.

use super::app::{App, Input, Overlay};
use super::keymap::help_rows;
use super::theme::Role;
use crate::text::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Widget, Wrap};

/// `body` is the live screen's body, which the ground rules cover; the rest centre in `area`.
pub fn render(app: &App, overlay: &Overlay, area: Rect, body: Rect, buf: &mut Buffer) {
    match overlay {
        Overlay::Help => help(app, area, buf),
        Overlay::Rules => rules(app, body, buf),
        Overlay::ConfirmEnd => dialog(
            app,
            " End the session? ",
            vec![
                Line::raw("The session log will be written and the journal closed."),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("y", app.theme.style(Role::Key)),
                    Span::raw(" end now    "),
                    Span::styled("n", app.theme.style(Role::Key)),
                    Span::raw(" keep going"),
                ]),
            ],
            area,
            buf,
        ),
        Overlay::Input { purpose, text } => {
            let title = match purpose {
                Input::Note => " Note ",
                Input::RescuePath => " Save a copy to ",
            };
            dialog(
                app,
                title,
                vec![
                    Line::from(vec![
                        Span::raw(sanitize(text)),
                        Span::styled("▏", app.theme.style(Role::Key)),
                    ]),
                    Line::raw(""),
                    Line::styled("Enter saves · Esc cancels", app.theme.style(Role::Muted)),
                ],
                area,
                buf,
            );
        }
    }
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [column] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(column);
    cell
}

fn dialog(app: &App, title: &str, lines: Vec<Line<'_>>, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).min(72);
    let popup = centered(area, width, lines.len() as u16 + 2);
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .padding(Padding::horizontal(1))
                .border_style(app.theme.style(Role::Key))
                .title(Span::styled(title.to_owned(), app.theme.style(Role::Title))),
        )
        .render(popup, buf);
}

fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let rows = help_rows();
    let key_width = rows
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(keys, text)| {
            Line::from(vec![
                Span::styled(format!(" {keys:>key_width$}  "), app.theme.style(Role::Key)),
                Span::raw(text),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    for legend in [
        "▶ running  ⏸ paused  ✓ done  · to come  ◆ protected: rebalancing keeps its minimum",
        "▲ behind  ▼ ahead  ● on time  ⚠ end warning  ✖ over time (an item or the session)",
        "Esc closes this help.",
    ] {
        lines.push(Line::styled(format!(" {legend}"), app.theme.style(Role::Muted)));
    }
    let popup = centered(area, area.width.saturating_sub(4).min(90), lines.len() as u16 + 2);
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::default().borders(Borders::ALL).title(" Keys "))
        .render(popup, buf);
}

/// The ground rules fill the body of the screen so the room can read them, leaving the clocks,
/// any warning and the status line in view.
fn rules(app: &App, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let mut lines = vec![Line::raw("")];
    for (number, rule) in app.recorder.session.meta.plan.ground_rules.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}. ", number + 1), app.theme.style(Role::Key)),
            Span::styled(sanitize(rule), app.theme.style(Role::Clock)),
        ]));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "  Esc returns to the session.",
        app.theme.style(Role::Muted),
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(" Our ground rules ", app.theme.style(Role::Title))),
        )
        .render(area, buf);
}
