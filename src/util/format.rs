//! How times and durations are written, on screen and in printed summaries.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, Offset, TimeDelta, Timelike, Utc};

/// The time zone the screen shows: the machine's, or a fixed one for reproducible snapshots.
#[derive(Debug, Clone, Copy)]
pub enum Zone {
    Local,
    Fixed(FixedOffset),
}

impl Zone {
    /// The screen shows this and `hms` every second, so they are written out directly rather
    /// than through a strftime pattern, which is parsed on every call.
    pub fn hm(self, at: DateTime<Utc>) -> String {
        let (hour, minute, _) = self.time_of_day(at);
        format!("{hour:02}:{minute:02}")
    }

    /// `Thu 26 Nov 2026`
    pub fn date(self, at: DateTime<Utc>) -> String {
        self.format(at, "%a %d %b %Y")
    }

    /// `26 Nov 2026`, as record notes write the date.
    pub fn day(self, at: DateTime<Utc>) -> String {
        self.format(at, "%-d %b %Y")
    }

    pub fn hms(self, at: DateTime<Utc>) -> String {
        let (hour, minute, second) = self.time_of_day(at);
        format!("{hour:02}:{minute:02}:{second:02}")
    }

    /// The day `at` falls on here.
    pub fn day_of(self, at: DateTime<Utc>) -> NaiveDate {
        match self {
            Self::Local => at.with_timezone(&Local).date_naive(),
            Self::Fixed(offset) => at.with_timezone(&offset).date_naive(),
        }
    }

    /// The wall clock's date and time at `at` in this zone; `None` at the very ends of chrono's
    /// range, where adding the offset would overflow.
    pub fn naive(self, at: DateTime<Utc>) -> Option<NaiveDateTime> {
        let offset = match self {
            Self::Local => at.with_timezone(&Local).offset().fix(),
            Self::Fixed(offset) => offset,
        };
        at.naive_utc().checked_add_offset(offset)
    }

    /// `at` in any chrono `strftime` pattern, for the places the ones above do not fit.
    pub fn format(self, at: DateTime<Utc>, pattern: &str) -> String {
        match self {
            Self::Local => at.with_timezone(&Local).format(pattern).to_string(),
            Self::Fixed(offset) => at.with_timezone(&offset).format(pattern).to_string(),
        }
    }

    /// The wall clock's hour, minute and second at `at` in this zone, for any time a log can
    /// hold (chrono's `naive_local` panics at the very ends of its range; this does not).
    fn time_of_day(self, at: DateTime<Utc>) -> (u32, u32, u32) {
        fn parts(time: impl Timelike) -> (u32, u32, u32) {
            (time.hour(), time.minute(), time.second())
        }
        match self {
            Self::Local => parts(at.with_timezone(&Local)),
            Self::Fixed(offset) => parts(at.with_timezone(&offset)),
        }
    }
}

/// `M:SS` (or `H:MM:SS` from an hour) of the magnitude; callers add any sign or word.
pub fn clock(delta: TimeDelta) -> String {
    clock_seconds(delta.num_seconds())
}

/// `clock` for a number of seconds as a log stores it, any `i64` at all.
pub fn clock_seconds(seconds: i64) -> String {
    let total = seconds.unsigned_abs();
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(clock(TimeDelta::seconds(0)), "0:00");
        assert_eq!(clock(TimeDelta::seconds(-150)), "2:30");
        assert_eq!(clock(TimeDelta::seconds(3725)), "1:02:05");
        assert_eq!(clock(TimeDelta::milliseconds(59_999)), "0:59");
        assert_eq!(clock_seconds(i64::MIN), "2562047788015215:30:08");
    }

    #[test]
    fn fixed_zone() {
        let at: DateTime<Utc> = "2026-11-26T18:05:09Z".parse().unwrap();
        let zone = Zone::Fixed(FixedOffset::east_opt(3600).unwrap());
        assert_eq!(zone.hm(at), "19:05");
        assert_eq!(zone.hms(at), "19:05:09");
        assert_eq!(zone.format(at, "%a %-d %b %H:%M"), "Thu 26 Nov 19:05");
    }
}
