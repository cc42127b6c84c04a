//! A tracker file's bytes as sheets of cells: a workbook through calamine (.xlsx a cell at a
//! time; .xls and .ods whole), or CSV with or without a byte-order mark, split at commas or
//! semicolons. Sheets are bounded in rows and columns before anything else is done with them.

use super::cell::{Cell, in_excel};
use super::error::ImportError;
use calamine::{Data, Reader, Xlsx, XlsxError, open_workbook_auto_from_rs, open_workbook_from_rs};
use chrono::NaiveDate;
use std::io::Cursor;
use std::path::Path;

/// More rows than any group's tracker holds.
pub const MAX_ROWS: usize = 10_000;
pub const MAX_COLUMNS: usize = 200;
/// The lines whose commas and semicolons tell which one splits a CSV file's fields.
const SNIFF_LINES: usize = 20;

/// One sheet's cells, where they are on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub name: String,
    /// The row and column of `rows[0][0]`, from 0.
    pub top: usize,
    pub left: usize,
    pub rows: Vec<Vec<Cell>>,
}

/// The sheets of the file at `path`, whose bytes are `bytes`: CSV by its name, else whatever
/// workbook calamine finds in it.
pub fn sheets(path: &Path, bytes: &[u8]) -> Result<Vec<Grid>, ImportError> {
    let csv = (path.extension())
        .is_some_and(|ext| ["csv", "txt"].contains(&ext.to_string_lossy().to_lowercase().as_str()));
    let grids = if csv {
        vec![csv_grid(path, bytes)?]
    } else {
        workbook(path, bytes)?
    };
    for grid in &grids {
        let bound = |limit: usize, found: usize, too_many: fn(&Path, &str, usize) -> ImportError| {
            if found > limit {
                return Err(too_many(path, &grid.name, limit));
            }
            Ok(())
        };
        bound(MAX_ROWS, grid.rows.len(), |path, sheet, limit| {
            ImportError::TooManyRows {
                path: path.to_owned(),
                sheet: sheet.to_owned(),
                limit,
            }
        })?;
        let widest = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
        bound(MAX_COLUMNS, widest, |path, sheet, limit| {
            ImportError::TooManyColumns {
                path: path.to_owned(),
                sheet: sheet.to_owned(),
                limit,
            }
        })?;
    }
    Ok(grids)
}

fn workbook(path: &Path, bytes: &[u8]) -> Result<Vec<Grid>, ImportError> {
    if let Ok(mut book) = open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)) {
        return xlsx(path, &mut book);
    }
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|err| ImportError::NotAWorkbook {
            path: path.to_owned(),
            reason: err.to_string(),
        })?;
    let mut grids = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|err| ImportError::Sheet {
            path: path.to_owned(),
            sheet: name.clone(),
            reason: err.to_string(),
        })?;
        let (top, left) = range.start().unwrap_or((0, 0));
        // Checked before the cells are copied: the range is already in memory, its copy need not be.
        if range.height() > MAX_ROWS {
            return Err(ImportError::TooManyRows {
                path: path.to_owned(),
                sheet: name,
                limit: MAX_ROWS,
            });
        }
        let rows = range.rows().map(|row| row.iter().map(cell).collect()).collect();
        grids.push(Grid {
            name,
            top: top as usize,
            left: left as usize,
            rows,
        });
    }
    Ok(grids)
}

/// An .xlsx workbook's sheets, read a cell at a time: a few compressed megabytes can stand for
/// millions of cells, so a sheet is refused at the first cell past the bounds, before it is
/// all in memory.
fn xlsx(path: &Path, book: &mut Xlsx<Cursor<&[u8]>>) -> Result<Vec<Grid>, ImportError> {
    let mut grids = Vec::new();
    for name in book.sheet_names() {
        let unreadable = |err: XlsxError| ImportError::Sheet {
            path: path.to_owned(),
            sheet: name.clone(),
            reason: err.to_string(),
        };
        let mut reader = book.worksheet_cells_reader(&name).map_err(unreadable)?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        while let Some(found) = reader.next_cell().map_err(unreadable)? {
            let (row, column) = found.get_position();
            let (row, column) = (row as usize, column as usize);
            if row >= MAX_ROWS {
                return Err(ImportError::TooManyRows {
                    path: path.to_owned(),
                    sheet: name,
                    limit: MAX_ROWS,
                });
            }
            if column >= MAX_COLUMNS {
                return Err(ImportError::TooManyColumns {
                    path: path.to_owned(),
                    sheet: name,
                    limit: MAX_COLUMNS,
                });
            }
            if rows.len() <= row {
                rows.resize_with(row + 1, Vec::new);
            }
            let cells = &mut rows[row];
            if cells.len() <= column {
                cells.resize(column + 1, Cell::Empty);
            }
            cells[column] = cell(&Data::from(found.get_value().clone()));
        }
        grids.push(Grid {
            name,
            top: 0,
            left: 0,
            rows,
        });
    }
    Ok(grids)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Int(number) => Cell::Number(*number as f64),
        Data::Float(number) => Cell::Number(*number),
        Data::Bool(yes) => Cell::Bool(*yes),
        // to_ymd_hms_milli knows the workbook's epoch (1900 or 1904); a day outside Excel's
        // is left a number, which no date column takes.
        Data::DateTime(at) if at.is_datetime() && in_excel(at.as_f64()) => {
            let (year, month, day, ..) = at.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(year.into(), month.into(), day.into())
                .map_or(Cell::Number(at.as_f64()), Cell::Day)
        }
        Data::DateTime(at) => Cell::Number(at.as_f64()),
        Data::Error(err) => Cell::Error(err.to_string()),
    }
}

fn csv_grid(path: &Path, bytes: &[u8]) -> Result<Grid, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Title rows above the header may have neither, so the first lines are counted together.
    let start: Vec<&[u8]> = bytes.split(|&b| b == b'\n').take(SNIFF_LINES).collect();
    let count = |wanted: u8| {
        start
            .iter()
            .flat_map(|line| line.iter())
            .filter(|&&b| b == wanted)
            .count()
    };
    let delimiter = if count(b';') > count(b',') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| ImportError::Csv {
            path: path.to_owned(),
            line: err.position().map(csv::Position::line),
            reason: err.to_string(),
        })?;
        if rows.len() == MAX_ROWS {
            return Err(ImportError::TooManyRows {
                path: path.to_owned(),
                sheet: csv_name(path),
                limit: MAX_ROWS,
            });
        }
        rows.push((record.iter()).map(|text| Cell::Text(text.to_owned())).collect());
    }
    Ok(Grid {
        name: csv_name(path),
        top: 0,
        left: 0,
        rows,
    })
}

/// A CSV file's one sheet goes by the file's name.
fn csv_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}
