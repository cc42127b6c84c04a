//! A group's roster on screen, from the home screen: who holds a place, who is waiting, their
//! referral, adjustments and last contact; a number key sets the selected person's status, as
//! `holdspace roster GROUP set` does, with the same places rule.

use crate::domain::roster::{Roster, Status};
use crate::store::disk::Disk;
use crate::store::roster;
use crate::ui::terminal::event_loop;
use crate::ui::theme::{Role, Theme};
use crate::ui::typing::{self, Field};
use crate::util::text::{cells, cut, pad, sanitize};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use std::io;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

pub struct RosterView {
    pub group: String,
    pub capacity: u32,
    /// The roster file; changes are made to it under its lock, then read back.
    pub path: PathBuf,
    pub roster: Roster,
    pub selected: usize,
    pub message: Option<String>,
}

impl RosterView {
    pub fn open(group: &str, capacity: u32, path: PathBuf) -> Result<Self, String> {
        Ok(Self {
            group: group.to_owned(),
            capacity,
            roster: Roster::load(&path)?,
            path,
            selected: 0,
            message: None,
        })
    }

    /// Acts on a key on `today`; false once the view should close.
    pub fn on_key(&mut self, key: KeyEvent, disk: &dyn Disk, today: NaiveDate) -> bool {
        self.message = None;
        let last = self.roster.members.len().saturating_sub(1);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return false,
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => return false,
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::Char(digit @ '1'..='8') => {
                let status = Status::ALL[usize::from(digit as u8 - b'1')];
                self.set(status, disk, today);
            }
            _ => {}
        }
        true
    }

    fn set(&mut self, status: Status, disk: &dyn Disk, today: NaiveDate) {
        let Some(name) = self
            .roster
            .members
            .get(self.selected)
            .map(|member| member.name.clone())
        else {
            self.message = Some("no one is on the roster yet: `holdspace roster GROUP add NAME`".to_owned());
            return;
        };
        let capacity = self.capacity;
        let said = roster::update(&self.path, disk, |roster| {
            roster.set_status(&name, status, capacity, today)
        });
        self.message = Some(match said {
            Ok(said) | Err(said) => said,
        });
        // What is on disk now, with any change another holdspace or command made meanwhile.
        match Roster::load(&self.path) {
            Ok(roster) => self.roster = roster,
            Err(err) => self.message = Some(err),
        }
        self.selected = self.selected.min(self.roster.members.len().saturating_sub(1));
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        let [list, footer] = Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(area);
        let names: Vec<String> = (self.roster.members.iter())
            .map(|member| cut(&sanitize(&member.name), 24))
            .collect();
        let width = names.iter().map(|name| cells(name)).max().unwrap_or(0).max(4);
        let mut lines = Vec::new();
        for (index, (member, name)) in self.roster.members.iter().zip(&names).enumerate() {
            let selected = index == self.selected;
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
            sanitize(&self.group),
            self.roster.places_held(),
            self.capacity,
            self.roster.waiting_list().len()
        );
        let rows = usize::from(list.height.saturating_sub(2)).max(1);
        let scroll = u16::try_from((self.selected + 2).saturating_sub(rows)).unwrap_or(u16::MAX);
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(Span::styled(title, theme.style(Role::Title))),
            )
            .render(list, buf);
        let statuses: Vec<String> = (Status::ALL.iter().enumerate())
            .map(|(index, status)| format!("{} {}", index + 1, status.describe()))
            .collect();
        typing::footer(
            typing::status_line("", None, self.message.as_deref(), theme),
            format!(" Set the status: {} · ↑↓ select · Esc back", statuses.join(" · ")),
            theme,
            footer,
            buf,
        );
    }

    /// Shows the roster until Esc; a signal closes it too.
    pub fn run(
        mut self,
        terminal: &mut DefaultTerminal,
        theme: &Theme,
        disk: &dyn Disk,
        stop: &AtomicBool,
    ) -> io::Result<()> {
        event_loop::until_answer(
            terminal,
            stop,
            false,
            &mut self,
            |view, frame, _| view.render(frame.area(), frame.buffer_mut(), theme),
            |view, key, now| {
                let today = now.with_timezone(&chrono::Local).date_naive();
                (!view.on_key(key, disk, today)).then_some(())
            },
        )?;
        Ok(())
    }
}

/// Nothing is typed on the roster: a paste does nothing, where its digits as keys would set
/// statuses.
impl Field for RosterView {
    fn field(&mut self) -> Option<&mut String> {
        None
    }
}
