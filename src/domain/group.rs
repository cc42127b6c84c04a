//! A group that meets many times: when and where, its capacity, its co-facilitator, its plan,
//! its own ground rules (versioned) and its preparation checklist.

use super::checklist::Setting;
use super::hands::same_name;
use super::outreach::Outreach;
use super::plan::{MAX_TITLE_CHARS, check_entries};
use super::wording::Wording;
use crate::util::text::steers;
use chrono::{Datelike, Days, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// The newest group file format this build reads. Version 2 added `[messages]`, the group's own
/// wording, and `end_checklist`; version 3 `[outreach]`, what it says of itself on paper,
/// `feedback_every` and `archived`. A group is written as the oldest version that holds what it says, so an
/// older holdspace reads it.
pub const GROUP_VERSION: u32 = 3;
/// Sessions between rounds of members' own feedback, unless the group says.
pub const DEFAULT_FEEDBACK_EVERY: u32 = 4;
/// A year of weekly sessions: asking less often than this is not a round.
pub const MAX_FEEDBACK_EVERY: u32 = 52;
/// Places a new group has unless it says otherwise.
pub const DEFAULT_CAPACITY: u32 = 10;
/// More places than this is not a peer support group.
pub const MAX_CAPACITY: u32 = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub schema_version: u32,
    pub name: String,
    /// The day of the week it meets, e.g. `tuesday`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
    /// The time it starts, as HH:MM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// A room, or a link for an online group.
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub setting: Setting,
    pub capacity: u32,
    #[serde(default)]
    pub co_facilitator: String,
    /// A template name or a plan file.
    pub plan: String,
    /// Raised each time the group changes its rules during a session.
    #[serde(default)]
    pub rules_version: u32,
    /// The rules the group agreed; empty until it does, when the plan's rules stand in.
    #[serde(default)]
    pub ground_rules: Vec<String>,
    pub checklist: Vec<String>,
    /// What to see to before leaving, in the review; left out, the setting's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_checklist: Option<Vec<String>>,
    /// How its messages are worded, where the group says so.
    #[serde(default, skip_serializing_if = "Wording::is_empty")]
    pub messages: Wording,
    /// What it says of itself on the poster, the referral form and the blurb.
    #[serde(default, skip_serializing_if = "Outreach::is_empty")]
    pub outreach: Outreach,
    /// How many sessions apart members are asked for their own feedback; left out, every
    /// [`DEFAULT_FEEDBACK_EVERY`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_every: Option<u32>,
    /// Kept, with its roster and sessions, but out of the lists: it no longer meets.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}

/// Whether two group names are the same group: spaces around them and case do not count, as
/// for people's names.
pub fn same_group(a: &str, b: &str) -> bool {
    same_name(a, b)
}

/// What is wrong with a group, by field.
pub type GroupError = (&'static str, String);

impl Group {
    pub fn new(name: &str, setting: Setting, capacity: u32, plan: &str) -> Self {
        Self {
            // Nothing in it needs more than the first version; see `written_version`.
            schema_version: 1,
            name: name.trim().to_owned(),
            day: None,
            time: None,
            place: String::new(),
            setting,
            capacity,
            co_facilitator: String::new(),
            plan: plan.to_owned(),
            rules_version: 0,
            ground_rules: Vec::new(),
            checklist: setting.default_checklist(),
            end_checklist: None,
            messages: Wording::default(),
            outreach: Outreach::default(),
            feedback_every: None,
            archived: false,
        }
    }

    /// The oldest file version that holds all the group says, which is the one it is written as.
    pub fn written_version(&self) -> u32 {
        if !self.outreach.is_empty() || self.feedback_every.is_some() || self.archived {
            3
        } else if !self.messages.is_empty() || self.end_checklist.is_some() {
            2
        } else {
            1
        }
    }

    /// What to see to before leaving a session of the group.
    pub fn closing_checklist(&self) -> Vec<String> {
        (self.end_checklist.clone()).unwrap_or_else(|| self.setting.default_end_checklist())
    }

    pub fn validate(&self) -> Result<(), GroupError> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > MAX_TITLE_CHARS {
            return Err((
                "name",
                format!("give a name of 1 to {MAX_TITLE_CHARS} characters"),
            ));
        }
        for (field, text) in [
            ("name", &self.name),
            ("place", &self.place),
            ("co_facilitator", &self.co_facilitator),
        ] {
            if text.chars().any(steers) {
                return Err((
                    field,
                    "holds a control character, a new line or a direction override; write it \
                     as plain text on one line"
                        .to_owned(),
                ));
            }
        }
        if let Some(day) = &self.day {
            day.parse::<Weekday>()
                .map_err(|_| ("day", format!("{day:?} is not a day; use monday to sunday")))?;
        }
        if let Some(time) = &self.time {
            NaiveTime::parse_from_str(time, "%H:%M")
                .map_err(|_| ("time", format!("{time:?} is not a time; use HH:MM, e.g. 18:30")))?;
        }
        if !(1..=MAX_CAPACITY).contains(&self.capacity) {
            return Err((
                "capacity",
                format!(
                    "{} places is out of range; use 1 to {MAX_CAPACITY}",
                    self.capacity
                ),
            ));
        }
        let ends = self.end_checklist.as_deref().unwrap_or_default();
        for (field, entries) in [
            ("ground_rules", self.ground_rules.as_slice()),
            ("checklist", self.checklist.as_slice()),
            ("end_checklist", ends),
        ] {
            check_entries(field, entries).map_err(|err| (field, err.to_string()))?;
        }
        if let Some(every) = self.feedback_every
            && !(1..=MAX_FEEDBACK_EVERY).contains(&every)
        {
            return Err((
                "feedback_every",
                format!("{every} is out of range; use 1 to {MAX_FEEDBACK_EVERY} sessions"),
            ));
        }
        self.messages.validate()?;
        self.outreach.validate()
    }

    /// How many sessions apart members are asked for their own feedback.
    pub fn feedback_interval(&self) -> u32 {
        self.feedback_every.unwrap_or(DEFAULT_FEEDBACK_EVERY)
    }

    /// Writes a valid day and time the one way they are shown: `thu` as `thursday`, `9:5` as
    /// `09:05`, and the name without spaces around it.
    pub fn tidy(&mut self) {
        self.name = self.name.trim().to_owned();
        if let Some(day) = self.day.as_deref().and_then(|day| day.parse::<Weekday>().ok()) {
            self.day = Some(day_name(day).to_owned());
        }
        if let Some(time) = self
            .time
            .as_deref()
            .and_then(|time| NaiveTime::parse_from_str(time, "%H:%M").ok())
        {
            self.time = Some(time.format("%H:%M").to_string());
        }
    }

    /// When the group next meets at or after `now` (local time), if it has a day and time.
    pub fn next_meeting(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let day: Weekday = self.day.as_deref()?.parse().ok()?;
        let time = NaiveTime::parse_from_str(self.time.as_deref()?, "%H:%M").ok()?;
        (0..=7).find_map(|ahead| {
            let date = now.date().checked_add_days(Days::new(ahead))?;
            let at = date.and_time(time);
            (date.weekday() == day && at >= now).then_some(at)
        })
    }

    /// A line saying when and where the group meets, for lists and the preparation screen.
    pub fn when_and_where(&self) -> String {
        let day = self.day.as_deref().map(|day| {
            day.parse::<Weekday>()
                .map_or_else(|_| day.to_owned(), |day| day_name(day).to_owned())
        });
        let when = match (&day, &self.time) {
            (Some(day), Some(time)) => format!("{day}s at {time}"),
            (Some(day), None) => format!("{day}s"),
            (None, Some(time)) => format!("at {time}"),
            (None, None) => "no day set".to_owned(),
        };
        let place = if self.place.is_empty() {
            self.setting.name().to_owned()
        } else {
            format!("{} ({})", self.place, self.setting.name())
        };
        format!("{when}, {place}")
    }
}

/// A day as the group file writes it: `tuesday`.
pub fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(date: &str, time: &str) -> NaiveDateTime {
        NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .unwrap()
            .and_time(NaiveTime::parse_from_str(time, "%H:%M").unwrap())
    }

    #[test]
    fn the_next_meeting_is_the_coming_weekday_at_its_time() {
        let mut group = Group::new("Tuesday group", Setting::InPerson, 8, "peer-support-90");
        assert_eq!(group.next_meeting(at("2026-11-27", "09:00")), None);
        group.day = Some("tuesday".into());
        group.time = Some("18:30".into());
        // 2026-11-27 is a Friday.
        assert_eq!(
            group.next_meeting(at("2026-11-27", "09:00")),
            Some(at("2026-12-01", "18:30"))
        );
        assert_eq!(
            group.next_meeting(at("2026-12-01", "18:00")),
            Some(at("2026-12-01", "18:30"))
        );
        assert_eq!(
            group.next_meeting(at("2026-12-01", "19:00")),
            Some(at("2026-12-08", "18:30"))
        );
    }

    #[test]
    fn validation_names_the_field() {
        let mut group = Group::new("G", Setting::Online, 0, "peer-support-60");
        assert_eq!(group.validate().unwrap_err().0, "capacity");
        group.capacity = 8;
        group.day = Some("someday".into());
        assert_eq!(group.validate().unwrap_err().0, "day");
        group.day = Some("Wed".into());
        group.time = Some("7pm".into());
        assert_eq!(group.validate().unwrap_err().0, "time");
        group.time = Some("19:00".into());
        assert_eq!(group.validate(), Ok(()));
    }
}
