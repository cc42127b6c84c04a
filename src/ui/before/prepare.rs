//! Before a group's session: the preparation checklist with a countdown to the start, and the
//! agenda, which can still change. Enter starts the session; ticks go into its log.

use crate::domain::checklist::Check;
use crate::domain::plan::{AgendaEdit, Plan};
use crate::ui::editor::{self, Row};
use crate::ui::keys::action::Action;
use crate::ui::keys::bindings::Keymap;
use crate::ui::keys::keymap::Mode;
use crate::ui::terminal::event_loop;
use crate::ui::theme::{Role, Theme};
use crate::ui::typing::{self, Field, Typed};
use crate::util::format::clock;
use crate::util::text::sanitize;
use chrono::{DateTime, Local, TimeDelta, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use std::io;
use std::sync::atomic::AtomicBool;

/// Which list the keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Checklist,
    Agenda,
}

/// How the preparation ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prepared {
    /// Start the session on this plan, with the checklist as ticked.
    Start {
        plan: Plan,
        checklist: Vec<Check>,
    },
    Quit,
}

pub struct Preparation {
    pub group: String,
    /// When and where the group meets, in words.
    pub meets: String,
    pub starts_at: Option<DateTime<Utc>>,
    pub plan: Plan,
    pub checklist: Vec<Check>,
    pub focus: Focus,
    pub check: usize,
    pub item: usize,
    /// A new agenda item being typed.
    pub typing: Option<String>,
    pub message: Option<String>,
}

impl Preparation {
    pub fn new(
        group: &str,
        meets: &str,
        starts_at: Option<DateTime<Utc>>,
        plan: Plan,
        checklist: &[String],
    ) -> Self {
        Self {
            group: group.to_owned(),
            meets: meets.to_owned(),
            starts_at,
            plan,
            checklist: Check::list(checklist),
            focus: Focus::Checklist,
            check: 0,
            item: 0,
            typing: None,
            message: None,
        }
    }

    /// Acts on a key at `now`; `Some` once the session should start or the facilitator quits.
    pub fn on_key(&mut self, key: KeyEvent, keys: &Keymap, now: DateTime<Utc>) -> Option<Prepared> {
        self.message = None;
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Prepared::Quit);
        }
        if let Some(text) = self.typing.take() {
            self.type_item(text, key);
            return None;
        }
        match key.code {
            KeyCode::Enter => {
                return Some(Prepared::Start {
                    plan: self.plan.clone(),
                    checklist: self.checklist.clone(),
                });
            }
            KeyCode::Esc => return Some(Prepared::Quit),
            KeyCode::Tab | KeyCode::BackTab => {
                self.focus = match self.focus {
                    Focus::Checklist => Focus::Agenda,
                    Focus::Agenda => Focus::Checklist,
                };
                return None;
            }
            KeyCode::Char(' ') if self.focus == Focus::Checklist => {
                if let Some(check) = self.checklist.get_mut(self.check) {
                    check.toggle(now);
                }
                return None;
            }
            _ => {}
        }
        match keys.lookup(Mode::Edit, key) {
            Some(Action::Close) => return Some(Prepared::Quit),
            Some(action) => self.act(action),
            None => {}
        }
        None
    }

    fn act(&mut self, action: Action) {
        let (selected, len) = match self.focus {
            Focus::Checklist => (&mut self.check, self.checklist.len()),
            Focus::Agenda => (&mut self.item, self.plan.items.len()),
        };
        match action {
            Action::ListUp => *selected = selected.saturating_sub(1),
            Action::ListDown => *selected = (*selected + 1).min(len.saturating_sub(1)),
            _ if self.focus == Focus::Checklist => {
                self.message = Some("Tab moves to the agenda, to change it".to_owned());
            }
            Action::AddEntry => self.typing = Some(String::new()),
            action => {
                let minutes: Vec<u32> = self.plan.items.iter().map(|item| item.minutes).collect();
                let edited = editor::agenda_edit(action, &minutes, self.item)
                    .and_then(|edit| self.plan.edit(&edit, 0).map(|()| edit));
                match edited {
                    Ok(AgendaEdit::Move { to, .. }) => self.item = to,
                    Ok(_) => self.item = self.item.min(self.plan.items.len() - 1),
                    Err(reason) => self.message = Some(reason),
                }
            }
        }
    }

    fn type_item(&mut self, text: String, key: KeyEvent) {
        match typing::key(text, key) {
            Typed::Editing(text) => self.typing = Some(text),
            Typed::Done(text) => {
                let at = (self.item + 1).min(self.plan.items.len());
                let added = editor::new_item(&text)
                    .and_then(|item| self.plan.edit(&AgendaEdit::Insert { index: at, item }, 0));
                match added {
                    Ok(()) => self.item = at,
                    Err(reason) => self.message = Some(reason),
                }
            }
            Typed::Cancelled => {}
        }
    }

    /// The countdown to the start, in words: to the second within a day, else the day.
    pub fn countdown(&self, now: DateTime<Utc>) -> String {
        let Some(at) = self.starts_at else {
            return "no meeting time set".to_owned();
        };
        let local = at.with_timezone(&Local);
        let left = at - now;
        if left < TimeDelta::zero() {
            format!("was due at {}, {} ago", local.format("%H:%M"), clock(-left))
        } else if left < TimeDelta::days(1) {
            format!("starts at {}, in {}", local.format("%H:%M"), clock(left))
        } else {
            let days = left.num_days();
            format!(
                "next meets {}, in {days} day{}",
                local.format("%a %-d %b at %H:%M"),
                if days == 1 { "" } else { "s" }
            )
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, keys: &Keymap, theme: &Theme, now: DateTime<Utc>) {
        let [header, body, footer] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1), Constraint::Length(3)]).areas(area);
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(format!(" {} ", sanitize(&self.group)), theme.style(Role::Title)),
                Span::styled(format!("· {}", sanitize(&self.meets)), theme.style(Role::Muted)),
            ]),
            Line::styled(
                format!(" Preparing · {}", self.countdown(now)),
                theme.style(Role::Clock),
            ),
        ])
        .render(header, buf);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
        let ticked = self
            .checklist
            .iter()
            .filter(|check| check.ticked_at.is_some())
            .count();
        let checks: Vec<Line> = self
            .checklist
            .iter()
            .enumerate()
            .map(|(index, check)| {
                let marker = if self.focus == Focus::Checklist && index == self.check {
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
            let role = if self.focus == focus {
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
        let scroll = u16::try_from(self.check.saturating_sub(rows - 1)).unwrap_or(u16::MAX);
        Paragraph::new(checks)
            .scroll((scroll, 0))
            .block(titled(
                format!(" Checklist · {ticked} of {} ", self.checklist.len()),
                Focus::Checklist,
            ))
            .render(left, buf);
        let rows: Vec<Row> = self
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
        let selected = if self.focus == Focus::Agenda {
            self.item
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
            format!(" Agenda · {} min ", self.plan.total_minutes()),
            Focus::Agenda,
        ))
        .render(right, buf);
        let status = typing::status_line(
            "New item (title, then minutes)",
            self.typing.as_deref(),
            self.message.as_deref(),
            theme,
        );
        let edits: &[Action] = match self.focus {
            Focus::Checklist => &[Action::ListUp, Action::ListDown],
            Focus::Agenda => &[
                Action::Earlier,
                Action::Later,
                Action::Longer,
                Action::Shorter,
                Action::AddEntry,
                Action::RemoveEntry,
            ],
        };
        let mut hints = vec![" Enter starts the session".to_owned()];
        if self.focus == Focus::Checklist {
            hints.push("space ticks".to_owned());
        }
        hints.extend(edits.iter().filter_map(|action| {
            keys.first_key(Mode::Edit, *action)
                .map(|key| format!("{key} {}", action.hint()))
        }));
        hints.push(match self.focus {
            Focus::Checklist => "Tab agenda".to_owned(),
            Focus::Agenda => "Tab checklist".to_owned(),
        });
        hints.push("Esc quits".to_owned());
        typing::footer(status, hints.join(" · "), theme, footer, buf);
    }

    /// Shows the preparation until Enter or Esc, redrawing each second for the countdown.
    pub fn run(
        mut self,
        terminal: &mut DefaultTerminal,
        keys: &Keymap,
        theme: &Theme,
        stop: &AtomicBool,
    ) -> io::Result<Prepared> {
        let prepared = event_loop::until_answer(
            terminal,
            stop,
            true,
            &mut self,
            |preparation, frame, now| preparation.render(frame.area(), frame.buffer_mut(), keys, theme, now),
            |preparation, key, now| preparation.on_key(key, keys, now),
        )?;
        Ok(prepared.unwrap_or(Prepared::Quit))
    }
}

/// A new agenda item, while it is typed.
impl Field for Preparation {
    fn field(&mut self) -> Option<&mut String> {
        self.typing.as_mut()
    }
}
