//! The plan of a session: agenda items with their kind, planned minutes and prompts, the group's
//! ground rules, and the edits an agenda can take before or during a session.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest an agenda item may be planned for: ten hours.
pub const MAX_MINUTES: u32 = 600;
/// Titles show on one agenda row.
pub const MAX_TITLE_CHARS: usize = 60;
/// A prompt or ground rule is a sentence or two, read out to the room.
pub const MAX_LINE_CHARS: usize = 300;
/// More items, prompts or rules than this is a file gone wrong, not a plan.
pub const MAX_ENTRIES: usize = 60;

/// What the facilitator intends to do, in order, before any of it has happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub name: String,
    pub group: String,
    pub items: Vec<PlanItem>,
    pub ground_rules: Vec<String>,
}

/// What an agenda item is for; ice-breakers draw one prompt per session from their pool.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Welcome,
    CheckIn,
    IceBreaker,
    #[default]
    Discussion,
    Activity,
    GuestSpeaker,
    Break,
    Closing,
}

impl Kind {
    pub const ALL: [Self; 8] = [
        Self::Welcome,
        Self::CheckIn,
        Self::IceBreaker,
        Self::Discussion,
        Self::Activity,
        Self::GuestSpeaker,
        Self::Break,
        Self::Closing,
    ];

    /// The name files use, e.g. `ice-breaker`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Welcome => "welcome",
            Self::CheckIn => "check-in",
            Self::IceBreaker => "ice-breaker",
            Self::Discussion => "discussion",
            Self::Activity => "activity",
            Self::GuestSpeaker => "guest-speaker",
            Self::Break => "break",
            Self::Closing => "closing",
        }
    }

    /// What an item's prompts are, in the words the screen uses.
    pub fn prompt_label(self) -> &'static str {
        match self {
            Self::GuestSpeaker => "speaker",
            Self::Welcome => "say",
            Self::Discussion => "topic",
            _ => "ask",
        }
    }
}

/// One agenda item as planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub title: String,
    /// Missing in logs before version 5, which read as discussions.
    #[serde(default)]
    pub kind: Kind,
    pub minutes: u32,
    /// A protected item is never shrunk by rebalancing below `min_minutes`
    /// (which defaults to its full planned length).
    #[serde(default)]
    pub protected: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_minutes: Option<u32>,
    /// Ice-breaker questions (a session's plan keeps only the one drawn for it), a topic, or a
    /// guest speaker's name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prompts: Vec<String>,
}

impl PlanItem {
    pub fn new(title: &str, minutes: u32) -> Self {
        Self {
            title: title.to_owned(),
            kind: Kind::default(),
            minutes,
            protected: false,
            min_minutes: None,
            prompts: Vec::new(),
        }
    }

    #[must_use]
    pub fn protected(mut self) -> Self {
        self.protected = true;
        self
    }

    #[must_use]
    pub fn of_kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// Keeps a protected item's floor within `minutes`, its new planned length, so that
    /// rebalancing never grows back an item the facilitator shortened.
    pub fn cap_floor(&mut self, minutes: u32) {
        if self.protected {
            self.min_minutes = Some(self.floor_minutes().min(minutes));
        }
    }

    /// The fewest minutes rebalancing may leave this item: an unprotected item keeps at
    /// least one minute so it is still visible as a step, a protected one its minimum.
    pub fn floor_minutes(&self) -> u32 {
        if self.protected {
            self.min_minutes.unwrap_or(self.minutes).max(1)
        } else {
            1
        }
    }
}

/// What is wrong with a plan: the item (from 0) and field it is in, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    pub item: Option<usize>,
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.item {
            Some(index) => write!(f, "item {} {}: {}", index + 1, self.field, self.message),
            None => write!(f, "{}: {}", self.field, self.message),
        }
    }
}

impl Plan {
    pub fn total_minutes(&self) -> u32 {
        self.items.iter().map(|item| item.minutes).sum()
    }

    /// Checks what the rest of the app relies on, naming the item and field that is wrong.
    pub fn validate(&self) -> Result<(), PlanError> {
        self.problems().into_iter().next().map_or(Ok(()), Err)
    }

    /// Every problem the plan has, in file order: the plan's own, then the first of each item,
    /// so one check of a plan file can name them all.
    pub fn problems(&self) -> Vec<PlanError> {
        let whole = |field, message: String| PlanError {
            item: None,
            field,
            message,
        };
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(whole("name", "must not be empty".to_owned()));
        }
        if self.items.is_empty() {
            problems.push(whole("items", "a plan needs at least one agenda item".to_owned()));
        }
        if self.items.len() > MAX_ENTRIES {
            problems.push(whole(
                "items",
                format!(
                    "{} items is more than the {MAX_ENTRIES} a plan may have",
                    self.items.len()
                ),
            ));
        }
        if let Err(err) = check_entries("ground_rules", &self.ground_rules) {
            problems.push(whole("ground_rules", err.to_string()));
        }
        for (index, item) in self.items.iter().enumerate() {
            if let Err((field, message)) = item.validate() {
                problems.push(PlanError {
                    item: Some(index),
                    field,
                    message,
                });
            }
        }
        problems
    }

    /// Draws one prompt for each ice-breaker from its pool: the first the group has not been
    /// asked, else the one asked longest ago. `asked` holds the group's earlier prompts, oldest
    /// first; two ice-breakers in one plan never draw the same prompt while others are left.
    pub fn draw_prompts(&mut self, asked: &[String]) {
        let mut asked = asked.to_vec();
        for item in &mut self.items {
            if item.kind != Kind::IceBreaker || item.prompts.len() < 2 {
                continue;
            }
            let last_asked = |prompt: &String| asked.iter().rposition(|done| done == prompt);
            let chosen = item
                .prompts
                .iter()
                .min_by_key(|prompt| last_asked(prompt).map_or(0, |at| at + 1))
                .cloned()
                .unwrap_or_default();
            asked.push(chosen.clone());
            item.prompts = vec![chosen];
        }
    }

    /// Applies an edit to the agenda, refusing one that would touch an item before
    /// `first_editable` (the items that have already run, or are running).
    pub fn edit(&mut self, edit: &AgendaEdit, first_editable: usize) -> Result<(), EditError> {
        edit_agenda(
            &mut self.items,
            edit,
            first_editable,
            Clone::clone,
            |item, minutes| {
                item.minutes = minutes;
                item.min_minutes = item.min_minutes.map(|min| min.min(minutes));
            },
        )
    }
}

/// Why an agenda edit was refused. Items are counted from 0 here and from 1 in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    NoItem(usize),
    Started(usize),
    TooManyItems,
    /// The new item itself is not valid: its field and why.
    Invalid {
        field: &'static str,
        message: String,
    },
    LastItem,
    MinutesOutOfRange(u32),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoItem(index) => write!(f, "there is no item {}", index + 1),
            Self::Started(index) => write!(
                f,
                "item {} has already started; only later items can change",
                index + 1
            ),
            Self::TooManyItems => write!(f, "a plan may have at most {MAX_ENTRIES} items"),
            Self::Invalid { field, message } => write!(f, "{field}: {message}"),
            Self::LastItem => f.write_str("the agenda needs at least one item"),
            Self::MinutesOutOfRange(minutes) => {
                write!(f, "{minutes} minutes is out of range; use 1 to {MAX_MINUTES}")
            }
        }
    }
}

impl std::error::Error for EditError {}

/// Applies `edit` to any list of agenda items: the plan before a session, or the session's items
/// as they stand, so that both are changed by the same rules. `new` makes an inserted item and
/// `set_minutes` changes an item's planned length.
pub fn edit_agenda<T>(
    items: &mut Vec<T>,
    edit: &AgendaEdit,
    first_editable: usize,
    new: impl FnOnce(&PlanItem) -> T,
    set_minutes: impl FnOnce(&mut T, u32),
) -> Result<(), EditError> {
    let len = items.len();
    let editable = |index: usize, end: usize| {
        if index >= end {
            Err(EditError::NoItem(index))
        } else if index < first_editable {
            Err(EditError::Started(index))
        } else {
            Ok(())
        }
    };
    match edit {
        AgendaEdit::Insert { index, item } => {
            editable(*index, len + 1)?;
            if len >= MAX_ENTRIES {
                return Err(EditError::TooManyItems);
            }
            item.validate()
                .map_err(|(field, message)| EditError::Invalid { field, message })?;
            items.insert(*index, new(item));
        }
        AgendaEdit::Remove { index } => {
            editable(*index, len)?;
            if len == 1 {
                return Err(EditError::LastItem);
            }
            items.remove(*index);
        }
        AgendaEdit::Move { from, to } => {
            editable(*from, len)?;
            editable(*to, len)?;
            let item = items.remove(*from);
            items.insert(*to, item);
        }
        AgendaEdit::Minutes { index, minutes } => {
            editable(*index, len)?;
            if !(1..=MAX_MINUTES).contains(minutes) {
                return Err(EditError::MinutesOutOfRange(*minutes));
            }
            set_minutes(&mut items[*index], *minutes);
        }
    }
    Ok(())
}

impl PlanItem {
    fn validate(&self) -> Result<(), (&'static str, String)> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(("title", "must not be empty".to_owned()));
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(("title", format!("is longer than {MAX_TITLE_CHARS} characters")));
        }
        if !(1..=MAX_MINUTES).contains(&self.minutes) {
            return Err((
                "minutes",
                format!("{} is out of range; use 1 to {MAX_MINUTES}", self.minutes),
            ));
        }
        if let Some(min) = self.min_minutes
            && min > self.minutes
        {
            return Err((
                "min_minutes",
                format!("{min} is more than its {} planned minutes", self.minutes),
            ));
        }
        check_entries("prompts", &self.prompts).map_err(|err| ("prompts", err.to_string()))
    }
}

/// What is wrong with a list of short texts; entries are counted from 0 here, from 1 in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntriesError {
    TooMany { what: String, count: usize },
    Empty(usize),
    TooLong(usize),
}

impl fmt::Display for EntriesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooMany { what, count } => {
                write!(f, "{count} {what} is more than the {MAX_ENTRIES} allowed")
            }
            Self::Empty(index) => write!(f, "entry {} is empty", index + 1),
            Self::TooLong(index) => write!(
                f,
                "entry {} is longer than {MAX_LINE_CHARS} characters",
                index + 1
            ),
        }
    }
}

impl std::error::Error for EntriesError {}

/// Checks a list of short texts (prompts, ground rules, a checklist): not too many, none
/// empty, none too long.
pub fn check_entries(what: &str, entries: &[String]) -> Result<(), EntriesError> {
    if entries.len() > MAX_ENTRIES {
        return Err(EntriesError::TooMany {
            what: what.to_owned(),
            count: entries.len(),
        });
    }
    for (index, entry) in entries.iter().enumerate() {
        if entry.trim().is_empty() {
            return Err(EntriesError::Empty(index));
        }
        if entry.chars().count() > MAX_LINE_CHARS {
            return Err(EntriesError::TooLong(index));
        }
    }
    Ok(())
}

/// One change to the agenda, by item position (from 0), the same before a session and during
/// it, where it is an event. No field may be called `at`: events keep their time under that name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum AgendaEdit {
    Insert { index: usize, item: PlanItem },
    Remove { index: usize },
    Move { from: usize, to: usize },
    Minutes { index: usize, minutes: u32 },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan {
            name: "Test".to_owned(),
            group: "Group".to_owned(),
            items: vec![
                PlanItem::new("Welcome", 10),
                PlanItem::new("Topic", 30),
                PlanItem::new("Closing round", 10).protected(),
            ],
            ground_rules: vec!["One at a time.".to_owned()],
        }
    }

    #[test]
    fn validation_names_the_item_and_field() {
        let mut plan = plan();
        plan.items[1].minutes = 0;
        let err = plan.validate().unwrap_err();
        assert_eq!((err.item, err.field), (Some(1), "minutes"));
        assert!(
            err.to_string().starts_with("item 2 minutes: 0 is out of range"),
            "{err}"
        );
        plan.items.clear();
        assert_eq!(plan.validate().unwrap_err().field, "items");
    }

    #[test]
    fn floors_follow_protection() {
        let mut item = PlanItem::new("Closing round", 10).protected();
        assert_eq!(item.floor_minutes(), 10);
        item.min_minutes = Some(6);
        assert_eq!(item.floor_minutes(), 6);
        assert_eq!(PlanItem::new("Activity", 15).floor_minutes(), 1);
    }

    #[test]
    fn ice_breakers_rotate_through_their_pool() {
        let pool: Vec<String> = ["A", "B", "C"].map(str::to_owned).to_vec();
        let mut template = plan();
        template.items[0] = PlanItem::new("Ice-breaker", 5).of_kind(Kind::IceBreaker);
        template.items[0].prompts.clone_from(&pool);
        let mut asked: Vec<String> = Vec::new();
        let mut drawn = Vec::new();
        for _ in 0..7 {
            let mut session = template.clone();
            session.draw_prompts(&asked);
            let prompt = session.items[0].prompts.concat();
            asked.push(prompt.clone());
            drawn.push(prompt);
        }
        assert_eq!(drawn.concat(), "ABCABCA");
        // A prompt asked outside the rotation (an older pool) goes to the back.
        template.draw_prompts(&["A".to_owned()]);
        assert_eq!(template.items[0].prompts, ["B"]);
    }

    #[test]
    fn edits_leave_started_items_alone() {
        let mut plan = plan();
        let add = AgendaEdit::Insert {
            index: 1,
            item: PlanItem::new("Break", 5).of_kind(Kind::Break),
        };
        assert_eq!(plan.edit(&add, 2), Err(EditError::Started(1)));
        plan.edit(&add, 1).unwrap();
        assert_eq!(plan.items[1].title, "Break");
        plan.edit(&AgendaEdit::Move { from: 1, to: 3 }, 1).unwrap();
        assert_eq!(plan.items[3].title, "Break");
        plan.edit(&AgendaEdit::Minutes { index: 3, minutes: 8 }, 1)
            .unwrap();
        assert_eq!(plan.items[3].minutes, 8);
        assert_eq!(
            plan.edit(&AgendaEdit::Minutes { index: 3, minutes: 0 }, 1),
            Err(EditError::MinutesOutOfRange(0))
        );
        plan.edit(&AgendaEdit::Remove { index: 3 }, 0).unwrap();
        assert_eq!(plan.total_minutes(), 50);
        let err = plan.edit(&AgendaEdit::Remove { index: 9 }, 0).unwrap_err();
        assert_eq!(err.to_string(), "there is no item 10");
    }
}
