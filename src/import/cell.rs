//! One cell of a tracker as the roster takes it: text cleaned of control characters and kept
//! to a record's length, a day from an Excel date or from day/month/year text (UK order), yes
//! or no, a status. Whatever a cell holds (an error, a formula's result, a huge number, NaN)
//! gives a value or a reason, never a panic.

use crate::domain::record::MAX_TEXT_CHARS;
use crate::domain::roster::{RosterError, Status};
use calamine::{ExcelDateTime, ExcelDateTimeType};
use chrono::NaiveDate;
use std::fmt;

/// A cell as read, whatever the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell formatted as a date, on its day.
    Day(NaiveDate),
    /// An error value such as `#N/A`.
    Error(String),
}

/// Why a cell could not be read, and so what would be valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellError {
    NotADate(String),
    /// A day that must be given is not.
    NoDate,
    NotYesNo(String),
    /// The cell holds an error value (`#REF!`), as a formula that failed leaves.
    Error(String),
    TooLong,
    Roster(RosterError),
}

/// What a day may be written as.
const DAY: &str = "give a day as 03/11/2026 (day/month/year), 2026-11-03 or an Excel date";

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |text: &str| crate::util::text::sanitize(&crate::util::text::cut(text, 40));
        match self {
            Self::NotADate(text) => write!(f, "\"{}\" is not a date; {DAY}", shown(text)),
            Self::NoDate => write!(f, "the cell is blank; {DAY}"),
            Self::NotYesNo(text) => write!(f, "\"{}\" is not yes or no; give yes or no", shown(text)),
            Self::Error(value) => write!(
                f,
                "the cell holds the error {}; give the value itself",
                shown(value)
            ),
            Self::TooLong => write!(
                f,
                "the cell is longer than {MAX_TEXT_CHARS} characters: keep it to a few sentences"
            ),
            Self::Roster(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for CellError {}

/// The values Excel shows for a formula that failed.
const EXCEL_ERRORS: [&str; 8] = [
    "#DIV/0!",
    "#N/A",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#REF!",
    "#VALUE!",
    "#GETTING_DATA",
];

/// The last day Excel has (9999-12-31), as a serial number.
const LAST_SERIAL: f64 = 2_958_466.0;

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// As a header shows it.
    pub fn header_text(&self) -> String {
        self.text().ok().flatten().unwrap_or_default()
    }

    /// Its text, trimmed and cleaned; `None` when blank. A number is written as a person
    /// would (`7700900123`, `2.5`), a date as `2026-11-03`.
    pub fn text(&self) -> Result<Option<String>, CellError> {
        let text = match self {
            Self::Empty => return Ok(None),
            // A formula that failed keeps its error as its text.
            Self::Text(text) if EXCEL_ERRORS.contains(&text.trim()) => {
                return Err(CellError::Error(text.trim().to_owned()));
            }
            Self::Text(text) => clean(text),
            Self::Number(number) if number.is_finite() && number.fract() == 0.0 && number.abs() < 1e15 => {
                format!("{number:.0}")
            }
            Self::Number(number) if number.abs() >= 1e15 => format!("{number:e}"),
            Self::Number(number) => number.to_string(),
            Self::Bool(yes) => if *yes { "yes" } else { "no" }.to_owned(),
            Self::Day(day) => day.to_string(),
            Self::Error(value) => return Err(CellError::Error(value.clone())),
        };
        let text = text.trim();
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(CellError::TooLong);
        }
        Ok((!text.is_empty()).then(|| text.to_owned()))
    }

    /// The day it holds: an Excel date, a serial number, or text in day/month/year order.
    pub fn date(&self) -> Result<Option<NaiveDate>, CellError> {
        let not_a_date = || CellError::NotADate(self.header_text());
        match self {
            Self::Empty => Ok(None),
            Self::Day(day) => Ok(Some(*day)),
            Self::Number(serial) => serial_day(*serial).map(Some).ok_or_else(not_a_date),
            Self::Text(_) | Self::Bool(_) | Self::Error(_) => {
                let Some(text) = self.text()? else {
                    return Ok(None);
                };
                day_of(&text).map(Some).ok_or(CellError::NotADate(text))
            }
        }
    }

    /// Yes or no: `yes`, `y`, `true`, `sent`, `✓`, `1`; `no`, `n`, `false`, `0`.
    pub fn yes_no(&self) -> Result<Option<bool>, CellError> {
        if let Self::Bool(yes) = self {
            return Ok(Some(*yes));
        }
        let Some(text) = self.text()? else {
            return Ok(None);
        };
        match text.to_lowercase().as_str() {
            "yes" | "y" | "true" | "sent" | "✓" | "x" | "1" => Ok(Some(true)),
            "no" | "n" | "false" | "not sent" | "0" => Ok(Some(false)),
            _ => Err(CellError::NotYesNo(text)),
        }
    }

    /// A status as `roster set` takes it, or as the roster shows it ("waiver sent").
    pub fn status(&self) -> Result<Option<Status>, CellError> {
        let Some(text) = self.text()? else {
            return Ok(None);
        };
        text.parse().map(Some).map_err(CellError::Roster)
    }
}

/// `text` with line breaks kept as one `\n` and every other control character, and the
/// characters that reorder text on screen, taken out: a paste from elsewhere carries them.
fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' | '\r' => Some(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Whether `serial` is one of Excel's days (from 1900 to 9999): not NaN, not negative.
pub fn in_excel(serial: f64) -> bool {
    serial.is_finite() && (1.0..LAST_SERIAL).contains(&serial)
}

/// The day an Excel serial number counted from 1900 stands for, as a number in a date column
/// of a cell not formatted as a date; `None` outside Excel's days.
fn serial_day(serial: f64) -> Option<NaiveDate> {
    if !in_excel(serial) {
        return None;
    }
    let (year, month, day, ..) =
        ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, false).to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(year.into(), month.into(), day.into())
}

/// A day written as text: `03/11/2026`, `3-11-26`, `3.11.2026` (day first, as in the UK),
/// `2026-11-03` (with any time after it), or `3 Nov 2026`.
fn day_of(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // Year first only with four digits: `3-11-26` is the 3rd of November.
    if let Some(iso) = text.get(..10).filter(|iso| iso.as_bytes()[4] == b'-')
        && let Ok(day) = NaiveDate::parse_from_str(iso, "%Y-%m-%d")
    {
        return Some(day);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    if let [day, month, year] = parts.as_slice()
        && let (Ok(day), Ok(month), Ok(year)) =
            (day.parse::<u32>(), month.parse::<u32>(), year.parse::<i32>())
    {
        let year = match year {
            0..=99 => 2000 + year,
            1000..=9999 => year,
            _ => return None,
        };
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    ["%d %b %Y", "%d %B %Y", "%a %d %b %Y"]
        .iter()
        .find_map(|pattern| NaiveDate::parse_from_str(text, pattern).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn days_are_read_from_excel_dates_and_uk_text() {
        let text = |t: &str| Cell::Text(t.to_owned()).date();
        assert_eq!(text("03/11/2026"), Ok(day(2026, 11, 3)));
        assert_eq!(text(" 3-11-26 "), Ok(day(2026, 11, 3)));
        assert_eq!(text("2026-11-03T00:00:00"), Ok(day(2026, 11, 3)));
        assert_eq!(text("3 Nov 2026"), Ok(day(2026, 11, 3)));
        assert_eq!(text(""), Ok(None));
        assert!(matches!(text("31/02/2026"), Err(CellError::NotADate(_))));
        assert!(matches!(text("next week"), Err(CellError::NotADate(_))));
        assert_eq!(Cell::Number(46_329.0).date(), Ok(day(2026, 11, 3)));
        for odd in [f64::NAN, f64::INFINITY, -1.0, 1e300, 0.0] {
            assert!(Cell::Number(odd).date().is_err(), "{odd}");
        }
    }

    #[test]
    fn text_is_cleaned_bounded_and_never_a_panic() {
        let text = |t: &str| Cell::Text(t.to_owned()).text();
        assert_eq!(text(" Ana\u{7}\u{202E} \t"), Ok(Some("Ana".to_owned())));
        assert_eq!(text("line\r\nbreak"), Ok(Some("line\nbreak".to_owned())));
        assert_eq!(text("   "), Ok(None));
        assert_eq!(text(&"x".repeat(MAX_TEXT_CHARS + 1)), Err(CellError::TooLong));
        assert_eq!(
            Cell::Number(7_700_900_123.0).text(),
            Ok(Some("7700900123".to_owned()))
        );
        for odd in [f64::NAN, f64::INFINITY, 1e300, -0.5] {
            assert!(Cell::Number(odd).text().is_ok());
        }
        assert_eq!(Cell::Number(1e300).text(), Ok(Some("1e300".to_owned())));
        assert_eq!(text("#REF!"), Err(CellError::Error("#REF!".to_owned())));
        assert_eq!(
            Cell::Error("#N/A".to_owned()).text(),
            Err(CellError::Error("#N/A".to_owned()))
        );
    }

    #[test]
    fn yes_no_and_statuses_say_what_would_be_valid() {
        assert_eq!(Cell::Text("Yes".to_owned()).yes_no(), Ok(Some(true)));
        assert_eq!(Cell::Bool(false).yes_no(), Ok(Some(false)));
        assert!(Cell::Text("maybe".to_owned()).yes_no().is_err());
        assert_eq!(
            Cell::Text("Waiver sent".to_owned()).status(),
            Ok(Some(Status::WaiverSent))
        );
        let err = Cell::Text("on hold".to_owned()).status().unwrap_err();
        assert!(err.to_string().contains("waiting_list"), "{err}");
    }
}
