//! What the command line asks of a live session (`holdspace`, `rehearse`, `script`): the plan,
//! the end, the group and who is expected, and turning `--ends HH:MM` into a moment.

use chrono::{DateTime, Days, NaiveTime, TimeDelta, TimeZone, Utc};
use clap::Args;
use std::fmt;

/// How much faster than real time a rehearsal runs unless `--speed` says otherwise.
pub const REHEARSAL_SPEED: f64 = 30.0;

#[derive(Debug, Args, Clone, Default)]
pub struct SessionArgs {
    /// The plan: a template name (`holdspace plan list`) or a plan file (default: the group's
    /// plan, else peer-support-90).
    #[arg(long, value_name = "TEMPLATE|FILE")]
    pub plan: Option<String>,
    /// Scheduled end as HH:MM (24-hour, local time); default: start plus the plan's length.
    #[arg(long, value_name = "HH:MM")]
    pub ends: Option<String>,
    /// Minutes before the scheduled end at which the end warning appears (0 turns it off).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(0..=120))]
    pub warn_minutes: u32,
    /// The group: a saved group's name (`holdspace group list`), whose plan, people and rules
    /// it brings, or any name to show on screen and in the log.
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
    /// Someone expected in the group (repeat for each); `h` picks from them, and new names can
    /// be typed during the session. First names or initials are enough.
    #[arg(long = "participant", value_name = "NAME")]
    pub participants: Vec<String>,
    /// A soft limit per speaking turn, in minutes: past it a quiet hint shows (default: none).
    #[arg(long, value_name = "MINUTES", value_parser = clap::value_parser!(u32).range(1..=60))]
    pub turn_minutes: Option<u32>,
    /// The last session of a course: the review after it asks each member for a takeaway and
    /// a goal.
    #[arg(long)]
    pub last_session: bool,
}

impl SessionArgs {
    /// Whether the command line already says which session to run (its group, plan or people):
    /// then it starts at once, rather than at the list of saved groups.
    pub fn names_a_session(&self) -> bool {
        self.group.is_some() || self.plan.is_some() || !self.participants.is_empty()
    }
}

/// A rehearsal's `--speed`, for clap, which shows the message under the option.
pub fn parse_speed(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(speed) if (1.0..=3600.0).contains(&speed) => Ok(speed),
        _ => Err(format!(
            "{text:?} is not a speed; use a number from 1 to 3600, e.g. 30"
        )),
    }
}

/// Why `--ends` was refused: not a time, or not within the next 12 hours of `now` (as HH:MM).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndsError {
    NotATime(String),
    TooFar {
        text: String,
        now: String,
        example: String,
    },
}

impl fmt::Display for EndsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotATime(text) => write!(
                f,
                "--ends {text:?} is not a time; use HH:MM on the 24-hour clock, e.g. 19:30"
            ),
            Self::TooFar { text, now, example } => write!(
                f,
                "--ends {text} is not within the next 12 hours (it is now {now}); give the time the \
                 session should end, e.g. {example}"
            ),
        }
    }
}

impl std::error::Error for EndsError {}

/// The next occurrence of local time `text` (HH:MM) after `now`, within 12 hours.
pub fn parse_ends<Tz>(text: &str, now: &DateTime<Tz>) -> Result<DateTime<Utc>, EndsError>
where
    Tz: TimeZone,
    Tz::Offset: fmt::Display,
{
    let time =
        NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| EndsError::NotATime(text.to_owned()))?;
    let zone = now.timezone();
    let today = now.date_naive();
    for date in [Some(today), today.checked_add_days(Days::new(1))]
        .into_iter()
        .flatten()
    {
        let Some(candidate) = zone.from_local_datetime(&date.and_time(time)).earliest() else {
            continue;
        };
        let candidate = candidate.with_timezone(&Utc);
        if candidate > now.with_timezone(&Utc) {
            if candidate - now.with_timezone(&Utc) > TimeDelta::hours(12) {
                break;
            }
            return Ok(candidate);
        }
    }
    Err(EndsError::TooFar {
        text: text.to_owned(),
        now: now.format("%H:%M").to_string(),
        example: (now.clone() + TimeDelta::minutes(90)).format("%H:%M").to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn later_today() {
        let got = parse_ends("19:30", &at("2026-11-26T18:00:00+01:00")).unwrap();
        assert_eq!(got, at("2026-11-26T18:30:00Z"));
    }

    #[test]
    fn after_midnight() {
        let got = parse_ends("0:30", &at("2026-11-26T23:15:00+00:00")).unwrap();
        assert_eq!(got, at("2026-11-27T00:30:00Z"));
    }

    #[test]
    fn past_times_and_nonsense_are_explained() {
        let now = at("2026-11-26T18:00:00+00:00");
        let err = parse_ends("17:00", &now).unwrap_err().to_string();
        assert!(err.contains("next 12 hours") && err.contains("18:00"), "{err}");
        let err = parse_ends("7pm", &now).unwrap_err().to_string();
        assert!(err.contains("HH:MM") && err.contains("\"7pm\""), "{err}");
        assert!(parse_ends("25:00", &now).is_err());
    }

    #[test]
    fn speeds() {
        assert_eq!(parse_speed("60"), Ok(60.0));
        assert!(parse_speed("0").is_err());
        assert!(parse_speed("fast").is_err());
    }
}
