//! Draws the home screen: each saved group with its next meeting, places and calls to make,
//! the selected one's calls listed under it, and the keys, all of them over it on `?`.

use crate::ui::before::home::{Home, KEYS};
use crate::ui::before::keys;
use crate::ui::theme::{Role, Theme};
use crate::ui::view::{footer, help};
use crate::util::text::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

pub fn render(home: &Home, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let [list, footer] = Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(area);
    let mut lines = Vec::new();
    let mut selected_at = 0;
    for (index, line) in home.groups.iter().enumerate() {
        let selected = index == home.selected;
        if selected {
            selected_at = lines.len();
        }
        let marker = if selected { "▸ " } else { "  " };
        let role = if selected { Role::Current } else { Role::Text };
        lines.push(Line::from(vec![
            Span::styled(marker, theme.style(Role::Key)),
            Span::styled(sanitize(&line.name), theme.style(role)),
            Span::styled(format!("  {}", sanitize(&line.meets)), theme.style(Role::Muted)),
        ]));
        let next = line.next.map_or_else(
            || "no day and time set".to_owned(),
            |at| format!("next {}", at.format("%a %-d %b, %H:%M")),
        );
        let roster = match &line.roster {
            Ok((held, places, waiting)) => format!(
                "{held} of {places} places · {waiting} waiting · {} to contact",
                line.to_contact.len()
            ),
            Err(err) => format!("roster unreadable: {err}"),
        };
        lines.push(Line::styled(
            format!("    {next} · {}", sanitize(&roster)),
            theme.style(Role::Muted),
        ));
        // The selected group's calls to make, so they are seen before its session.
        if selected {
            for person in &line.to_contact {
                lines.push(Line::from(vec![
                    Span::styled(format!("    {} ", person.reason.mark()), theme.style(Role::Key)),
                    Span::styled(sanitize(&person.name), theme.style(Role::Text)),
                    Span::styled(format!("  {}", sanitize(&person.why)), theme.style(Role::Muted)),
                ]));
            }
        }
    }
    // Many groups scroll, keeping the selected one and its first calls in view.
    let rows = usize::from(list.height.saturating_sub(2)).max(1);
    let scroll = u16::try_from((selected_at + 4).saturating_sub(rows).min(selected_at)).unwrap_or(u16::MAX);
    Paragraph::new(lines)
        .scroll((scroll, 0))
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(" holdspace · groups ", theme.style(Role::Title))),
        )
        .render(list, buf);
    // A field refused stays open, its reason said before what it asks.
    let (prompt, typed) = match (&home.new_group, &home.message) {
        (Some(form), Some(why)) => (format!("{why} · {}", form.prompt()), Some(form.typed())),
        (Some(form), None) => (form.prompt().to_owned(), Some(form.typed())),
        (None, _) => (String::new(), None),
    };
    let status = footer::status_line(&prompt, typed, home.message.as_deref(), theme);
    footer::footer(status, keys::hints(KEYS), theme, footer, buf);
    if home.help {
        help::render_rows(keys::rows(KEYS), theme, area, buf);
    }
}
