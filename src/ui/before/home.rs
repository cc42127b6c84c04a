//! The home screen, when groups are saved: each group with its next meeting and places, and for
//! the selected one who to call, send a waiver or remind; pick one to prepare its session, start
//! one without a group, look at a group's roster, or save a new group.

use crate::domain::group::Group;
use crate::domain::roster::{Roster, ToContact};
use crate::store::groups::Stored;
use crate::store::roster;
use crate::ui::terminal::event_loop;
use crate::ui::theme::{Role, Theme};
use crate::ui::typing::{self, Field, Typed};
use crate::util::text::sanitize;
use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use std::io;
use std::sync::atomic::AtomicBool;

/// What the facilitator chose at home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// Prepare and run the next session of the group with this name.
    Group(String),
    /// Save a new group with this name, then come back.
    NewGroup(String),
    /// Show the roster of the group with this name, then come back.
    Roster(String),
    /// A session for no saved group.
    NoGroup,
    Quit,
}

/// One group as the home screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLine {
    pub name: String,
    pub meets: String,
    pub next: Option<NaiveDateTime>,
    /// Places held, places and people waiting; or why the roster cannot be read.
    pub roster: Result<(usize, u32, usize), String>,
    /// Who to call, send a waiver or remind, most urgent first.
    pub to_contact: Vec<ToContact>,
}

impl GroupLine {
    pub fn of(stored: &Stored, now: NaiveDateTime) -> Self {
        let group: &Group = &stored.group;
        let next = group.next_meeting(now);
        let (roster, to_contact) = match Roster::load(&roster::path(&stored.folder)) {
            Ok(roster) => (
                Ok((roster.places_held(), group.capacity, roster.waiting_list().len())),
                roster.to_contact(group.capacity, now.date(), next.map(|at| at.date())),
            ),
            Err(err) => (Err(err), Vec::new()),
        };
        Self {
            name: group.name.clone(),
            meets: group.when_and_where(),
            next,
            roster,
            to_contact,
        }
    }
}

pub struct Home {
    pub groups: Vec<GroupLine>,
    pub selected: usize,
    /// A new group's name being typed.
    pub typing: Option<String>,
    pub message: Option<String>,
}

impl Home {
    pub fn new(groups: Vec<GroupLine>) -> Self {
        Self {
            groups,
            selected: 0,
            typing: None,
            message: None,
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Option<Picked> {
        self.message = None;
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Picked::Quit);
        }
        if let Some(text) = self.typing.take() {
            match typing::key(text, key) {
                Typed::Editing(text) => self.typing = Some(text),
                Typed::Done(name) if name.trim().is_empty() => {
                    self.message = Some("a group needs a name".to_owned());
                }
                Typed::Done(name) => return Some(Picked::NewGroup(name.trim().to_owned())),
                Typed::Cancelled => {}
            }
            return None;
        }
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(self.groups.len().saturating_sub(1));
            }
            KeyCode::Enter => {
                return self
                    .groups
                    .get(self.selected)
                    .map(|line| Picked::Group(line.name.clone()));
            }
            KeyCode::Char('r') => {
                return self
                    .groups
                    .get(self.selected)
                    .map(|line| Picked::Roster(line.name.clone()));
            }
            KeyCode::Char('s') => return Some(Picked::NoGroup),
            KeyCode::Char('n') => self.typing = Some(String::new()),
            KeyCode::Char('q') | KeyCode::Esc => return Some(Picked::Quit),
            _ => {}
        }
        None
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        let [list, footer] = Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(area);
        let mut lines = Vec::new();
        let mut selected_at = 0;
        for (index, line) in self.groups.iter().enumerate() {
            let selected = index == self.selected;
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
                        Span::styled("    ☎ ", theme.style(Role::Key)),
                        Span::styled(sanitize(&person.name), theme.style(Role::Text)),
                        Span::styled(format!("  {}", sanitize(&person.why)), theme.style(Role::Muted)),
                    ]));
                }
            }
        }
        // Many groups scroll, keeping the selected one and its first calls in view.
        let rows = usize::from(list.height.saturating_sub(2)).max(1);
        let scroll =
            u16::try_from((selected_at + 4).saturating_sub(rows).min(selected_at)).unwrap_or(u16::MAX);
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(Span::styled(" holdspace · groups ", theme.style(Role::Title))),
            )
            .render(list, buf);
        let status = typing::status_line(
            "New group's name",
            self.typing.as_deref(),
            self.message.as_deref(),
            theme,
        );
        typing::footer(
            status,
            " Enter prepares the group's session · r its roster · ↑↓ select · n new group · \
             s session without a group · q quits"
                .to_owned(),
            theme,
            footer,
            buf,
        );
    }

    /// Shows the groups until one is picked; a signal counts as quit.
    pub fn run(
        mut self,
        terminal: &mut DefaultTerminal,
        theme: &Theme,
        stop: &AtomicBool,
    ) -> io::Result<Picked> {
        let picked = event_loop::until_answer(
            terminal,
            stop,
            false,
            &mut self,
            |home, frame, _| home.render(frame.area(), frame.buffer_mut(), theme),
            |home, key, _| home.on_key(key),
        )?;
        Ok(picked.unwrap_or(Picked::Quit))
    }
}

/// A new group's name, while it is typed.
impl Field for Home {
    fn field(&mut self) -> Option<&mut String> {
        self.typing.as_mut()
    }
}
