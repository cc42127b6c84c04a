//! Draws a group's roster: who holds a place, who is waiting, referrals, adjustments and last
//! contact, with the keys that set a status.

use crate::domain::roster::Status;
use crate::ui::before::keys;
use crate::ui::before::roster::{DONE_KEYS, Done, KEYS, RosterView};
use crate::ui::theme::{Role, Theme};
use crate::ui::view::{footer, help};
use crate::util::text::{cells, cut, pad, sanitize};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

pub fn render(view: &RosterView, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let [list, footer] = Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(area);
    let names: Vec<String> = (view.roster.members.iter())
        .map(|member| cut(&sanitize(&member.name), 24))
        .collect();
    let width = names.iter().map(|name| cells(name)).max().unwrap_or(0).max(4);
    let mut lines = Vec::new();
    for (index, (member, name)) in view.roster.members.iter().zip(&names).enumerate() {
        let selected = index == view.selected;
        let role = if selected { Role::Current } else { Role::Text };
        let last_contact = member.contacts.last().map_or_else(String::new, |contact| {
            format!(" · called {}: {}", contact.on, sanitize(&contact.note))
        });
        lines.push(Line::from(vec![
            Span::styled(if selected { "▸ " } else { "  " }, theme.style(Role::Key)),
            Span::styled(pad(name, width), theme.style(role)),
            Span::styled(format!("  {:<15}", member.status.describe()), theme.style(role)),
            Span::styled(
                format!(
                    " since {} · referred by {}{last_contact}",
                    member.status_since,
                    sanitize(&member.referred_by)
                ),
                theme.style(Role::Muted),
            ),
        ]));
        if selected && !member.adjustments.is_empty() {
            lines.push(Line::styled(
                format!("    would help: {}", sanitize(&member.adjustments)),
                theme.style(Role::Muted),
            ));
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            "  No one yet: `holdspace roster GROUP add NAME --referred-by WHO` adds a referral.",
            theme.style(Role::Muted),
        ));
    }
    let title = format!(
        " {} · roster · {} of {} places held · {} waiting ",
        sanitize(&view.group),
        view.roster.places_held(),
        view.capacity,
        view.roster.waiting_list().len()
    );
    let rows = usize::from(list.height.saturating_sub(2)).max(1);
    let scroll = u16::try_from((view.selected + 2).saturating_sub(rows)).unwrap_or(u16::MAX);
    Paragraph::new(lines)
        .scroll((scroll, 0))
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(title, theme.style(Role::Title))),
        )
        .render(list, buf);
    footer::footer(
        footer::status_line("", None, view.message.as_deref(), theme),
        footer_keys(view),
        theme,
        footer,
        buf,
    );
    if view.help {
        help::render_rows(keys::rows(KEYS), theme, area, buf);
    }
}

/// The footer's keys: the statuses and `d`, or the step of noting something done.
fn footer_keys(view: &RosterView) -> String {
    let name =
        (view.roster.members.get(view.selected)).map_or_else(String::new, |member| sanitize(&member.name));
    match &view.done {
        None => {
            let statuses: Vec<String> = (Status::ALL.iter().enumerate())
                .map(|(index, status)| format!("{} {}", index + 1, status.describe()))
                .collect();
            // The first row, the statuses' keys, is spelled out status by status.
            format!(
                " Set the status: {} ·{}",
                statuses.join(" · "),
                keys::hints(&KEYS[1..])
            )
        }
        Some(Done::Choosing) => {
            let kinds: Vec<String> = (DONE_KEYS.iter())
                .map(|(key, owed)| format!("{key} {}", owed.key()))
                .collect();
            format!(" Done for {name}: {} · Esc cancel", kinds.join(" · "))
        }
        Some(Done::Noting { owed, note }) => format!(
            " Done for {name} · {}: how and to whom? {}▏ · Enter saves · Esc cancel",
            owed.key(),
            sanitize(note)
        ),
    }
}
