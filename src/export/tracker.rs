//! The team's tracker as an Excel workbook: each sheet a table of typed cells (real dates, not
//! text) under a frozen header row, with a filter on every column. What each sheet holds is in
//! `sheets`; this writes any of them the same way, so a new sheet is one function there.

mod sheets;

pub use sheets::{ATTENDANCE, CONTACTS, FEEDBACK, REFERRALS, SESSIONS, Tracker};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{Format, Table, TableColumn, Workbook, Worksheet, XlsxError};

/// How dates and times read in the workbook: UK order, as the teams using it write them.
const DATE_FORMAT: &str = "dd/mm/yyyy";
const DATETIME_FORMAT: &str = "dd/mm/yyyy hh:mm";
/// The widest a column is made, in pixels (about 60 characters), so a long note does not push
/// the columns after it off the screen.
const MAX_WIDTH_PIXELS: u32 = 420;

/// One cell's value, typed as Excel should hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        if text.is_empty() {
            Self::Empty
        } else {
            Self::Text(text)
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        text.to_owned().into()
    }
}

impl From<usize> for Value {
    fn from(count: usize) -> Self {
        Self::Number(count as f64)
    }
}

impl From<Option<NaiveDate>> for Value {
    fn from(day: Option<NaiveDate>) -> Self {
        day.map_or(Self::Empty, Self::Date)
    }
}

/// A sheet: its name (also its table's), the header row, and a row of values per line.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: &'static str,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// The workbook of `sheets`, in their order, as the bytes of an `.xlsx` file.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = (
        Format::new().set_num_format(DATE_FORMAT),
        Format::new().set_num_format(DATETIME_FORMAT),
    );
    for sheet in sheets {
        let page = book.add_worksheet();
        page.set_name(sheet.name)?;
        write(page, sheet, &formats)?;
    }
    book.save_to_buffer()
}

fn write(page: &mut Worksheet, sheet: &Sheet, (date, datetime): &(Format, Format)) -> Result<(), XlsxError> {
    for (row, values) in (1u32..).zip(&sheet.rows) {
        for (column, value) in (0u16..).zip(values) {
            match value {
                Value::Empty => {}
                Value::Text(text) => {
                    page.write_string(row, column, text)?;
                }
                Value::Number(number) => {
                    page.write_number(row, column, *number)?;
                }
                Value::Date(day) if in_excel(day.year()) => {
                    page.write_date_with_format(row, column, day, date)?;
                }
                Value::DateTime(at) if in_excel(at.year()) => {
                    page.write_datetime_with_format(row, column, at, datetime)?;
                }
                // Excel has no day before 1900 or after 9999: a hand-edited date out there
                // is kept as it reads.
                Value::Date(day) => {
                    page.write_string(row, column, day.to_string())?;
                }
                Value::DateTime(at) => {
                    page.write_string(row, column, at.to_string())?;
                }
            }
        }
    }
    let columns: Vec<TableColumn> = (sheet.header.iter())
        .map(|header| TableColumn::new().set_header(header))
        .collect();
    let last_column = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    // A table holds at least one row under its header: an empty sheet has one blank row.
    let last_row = u32::try_from(sheet.rows.len().max(1)).unwrap_or(u32::MAX);
    let table = Table::new().set_name(sheet.name).set_columns(&columns);
    page.add_table(0, 0, last_row, last_column, &table)?;
    page.set_freeze_panes(1, 0)?;
    page.set_autofit_max_width(MAX_WIDTH_PIXELS).autofit();
    Ok(())
}

fn in_excel(year: i32) -> bool {
    (1900..=9999).contains(&year)
}
