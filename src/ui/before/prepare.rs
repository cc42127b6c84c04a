//! Before a group's session: the preparation checklist with a countdown to the start, and the
//! agenda, which can still change. Enter starts the session; ticks go into its log.

use crate::domain::checklist::Check;
use crate::domain::plan::{AgendaEdit, Plan, PlanItem};
use crate::ui::before::keys::{Key, help_key, lookup};
use crate::ui::editor::{self, NoEdit};
use crate::ui::item_form::{Filled, ItemForm};
use crate::ui::keys::action::Action;
use crate::ui::keys::defaults::Mode;
use crate::ui::keys::keymap::Keymap;
use crate::ui::typing::Field;
use crate::util::format::clock;
use chrono::{DateTime, Local, TimeDelta, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

/// What a key of the preparation's own does, by the table below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrepKey {
    Start,
    Tick,
    Switch,
    Quit,
}

/// The preparation's own keys, for its key handling and `?` help; the list edits come from the
/// keymap's editor keys (`CHECKLIST_EDITS`, `AGENDA_EDITS`), which a keys file can change.
pub const KEYS: &[Key<PrepKey>] = &[
    Key {
        names: "Enter",
        does: "starts the session",
        codes: &[(KeyCode::Enter, PrepKey::Start)],
    },
    Key {
        names: "space",
        does: "ticks the selected check",
        codes: &[(KeyCode::Char(' '), PrepKey::Tick)],
    },
    Key {
        names: "Tab",
        does: "moves between the checklist and the agenda",
        codes: &[
            (KeyCode::Tab, PrepKey::Switch),
            (KeyCode::BackTab, PrepKey::Switch),
        ],
    },
    // `help_key` takes `?` before the table is read.
    Key {
        names: "?",
        does: "keys",
        codes: &[],
    },
    Key {
        names: "Esc",
        does: "quits",
        codes: &[(KeyCode::Esc, PrepKey::Quit)],
    },
];

/// The editor keys that act on the checklist, and those that change the agenda.
pub const CHECKLIST_EDITS: &[Action] = &[Action::ListUp, Action::ListDown];
pub const AGENDA_EDITS: &[Action] = &[
    Action::Earlier,
    Action::Later,
    Action::Longer,
    Action::Shorter,
    Action::AddEntry,
    Action::RemoveEntry,
];

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
    /// A new agenda item being filled in.
    pub adding: Option<ItemForm>,
    pub message: Option<String>,
    /// What to have in mind before the start: what is owed to whom, and what helps the expected
    /// members feel welcome, a line each.
    pub before: Vec<String>,
    /// The keys are shown over the screen.
    pub help: bool,
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
            adding: None,
            message: None,
            before: Vec::new(),
            help: false,
        }
    }

    /// Acts on a key at `now`; `Some` once the session should start or the facilitator quits.
    pub fn on_key(&mut self, key: KeyEvent, keys: &Keymap, now: DateTime<Utc>) -> Option<Prepared> {
        self.message = None;
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Prepared::Quit);
        }
        if let Some(form) = &mut self.adding {
            match form.key(key) {
                Filled::Editing => {}
                Filled::Cancelled => self.adding = None,
                Filled::Added(item) => {
                    self.adding = None;
                    self.add_item(item);
                }
            }
            return None;
        }
        if help_key(&mut self.help, key) {
            return None;
        }
        match lookup(KEYS, key.code) {
            Some(PrepKey::Start) => {
                return Some(Prepared::Start {
                    plan: self.plan.clone(),
                    checklist: self.checklist.clone(),
                });
            }
            Some(PrepKey::Quit) => return Some(Prepared::Quit),
            Some(PrepKey::Switch) => {
                self.focus = match self.focus {
                    Focus::Checklist => Focus::Agenda,
                    Focus::Agenda => Focus::Checklist,
                };
                return None;
            }
            Some(PrepKey::Tick) if self.focus == Focus::Checklist => {
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
            Action::AddEntry => self.adding = Some(ItemForm::default()),
            action => {
                let minutes: Vec<u32> = self.plan.items.iter().map(|item| item.minutes).collect();
                let edited = editor::agenda_edit(action, &minutes, self.item)
                    .and_then(|edit| self.plan.edit(&edit, 0).map(|()| edit).map_err(NoEdit::from));
                match edited {
                    Ok(AgendaEdit::Move { to, .. }) => self.item = to,
                    Ok(_) => self.item = self.item.min(self.plan.items.len() - 1),
                    Err(reason) => self.message = Some(reason.to_string()),
                }
            }
        }
    }

    /// Adds `item` after the selected one, and selects it.
    fn add_item(&mut self, item: PlanItem) {
        let at = (self.item + 1).min(self.plan.items.len());
        match self.plan.edit(&AgendaEdit::Insert { index: at, item }, 0) {
            Ok(()) => self.item = at,
            Err(reason) => self.message = Some(reason.to_string()),
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
}

/// A new agenda item's title or minutes, while they are typed.
impl Field for Preparation {
    fn field(&mut self) -> Option<&mut String> {
        self.adding.as_mut().and_then(ItemForm::field)
    }
}
