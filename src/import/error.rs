//! Why a tracker, or a row of it, was not read: the file, the sheet, the row as the spreadsheet
//! numbers it, the column by letter and header, and what would be valid.

use super::cell::CellError;
use super::header::{Field, letter};
use crate::store::user_file::UserFileError;
use crate::util::text::sanitize;
use std::fmt;
use std::path::PathBuf;

/// Why a tracker was not read at all.
#[derive(Debug)]
pub enum ImportError {
    File(UserFileError),
    /// Not a workbook calamine reads, nor CSV.
    NotAWorkbook {
        path: PathBuf,
        reason: String,
    },
    /// A sheet calamine could not read.
    Sheet {
        path: PathBuf,
        sheet: String,
        reason: String,
    },
    Csv {
        path: PathBuf,
        line: Option<u64>,
        reason: String,
    },
    TooManyRows {
        path: PathBuf,
        sheet: String,
        limit: usize,
    },
    TooManyColumns {
        path: PathBuf,
        sheet: String,
        limit: usize,
    },
    /// No sheet has a header row naming people and a roster field; `sheets` are those there are.
    NoHeader {
        path: PathBuf,
        sheets: Vec<String>,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File(err) => err.fmt(f),
            Self::NotAWorkbook { path, reason } => write!(
                f,
                "{}: is not a workbook holdspace reads ({}); give an .xlsx, .xls or .ods \
                 workbook, or a .csv file",
                path.display(),
                sanitize(reason)
            ),
            Self::Sheet { path, sheet, reason } => write!(
                f,
                "{}: sheet {} could not be read: {}",
                path.display(),
                sanitize(sheet),
                sanitize(reason)
            ),
            Self::Csv { path, line, reason } => match line {
                Some(line) => write!(f, "{}: line {line}: {}", path.display(), sanitize(reason)),
                None => write!(f, "{}: {}", path.display(), sanitize(reason)),
            },
            Self::TooManyRows { path, sheet, limit } => write!(
                f,
                "{}: sheet {} has more than {limit} rows; a group's tracker has far fewer: \
                 split it, or delete the rows below the table",
                path.display(),
                sanitize(sheet)
            ),
            Self::TooManyColumns { path, sheet, limit } => write!(
                f,
                "{}: sheet {} has more than {limit} columns; delete the columns right of the table",
                path.display(),
                sanitize(sheet)
            ),
            Self::NoHeader { path, sheets } => write!(
                f,
                "{}: no sheet has a header row with a name column (Name, Client, Initials, \
                 Service user) and another the roster keeps (Referred by, Referral date, \
                 Status, Email, Phone…), or a sheet of contacts (Name, Date, Note); its sheets \
                 are: {}",
                path.display(),
                sheets.iter().map(|s| sanitize(s)).collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

impl std::error::Error for ImportError {}

crate::util::wrap_errors!(ImportError: File(UserFileError));

/// Where a cell is: the sheet, its row from 1 as the spreadsheet shows it, and its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub sheet: String,
    pub row: usize,
    /// From 0, with its header.
    pub column: Option<(usize, String)>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sheet {}, row {}", sanitize(&self.sheet), self.row)?;
        if let Some((column, header)) = &self.column {
            write!(f, ", column {} ({})", letter(*column), sanitize(header))?;
        }
        Ok(())
    }
}

/// A row that was not brought in, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub file: PathBuf,
    pub place: Place,
    /// The field the column fills, when the refusal is about one.
    pub field: Option<Field>,
    pub problem: CellError,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: ", self.file.display(), self.place)?;
        if let Some(field) = self.field {
            write!(f, "{}: ", field.describe())?;
        }
        self.problem.fmt(f)
    }
}
