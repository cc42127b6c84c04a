//! A team's own tracker read in: finding the header row under any title rows, mapping its
//! columns to the roster's fields, reading each cell, and bringing each row onto a roster
//! through the roster's own checks. Rows that cannot be read are refused one by one, each
//! named by file, sheet, row, column and what would be valid; the rest come in.

mod cell;
mod error;
mod header;
mod read;

pub use cell::CellError;
pub use error::{ImportError, Place, Refused};
pub use header::{Field, Ignored, Kind, Mapping};

use crate::domain::roster::{Contact, Entry, Imported, Roster, RosterError};
use crate::util::text::sanitize;
use cell::Cell;
use chrono::NaiveDate;
use header::letter;
use read::Grid;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The largest tracker read: a workbook of a few groups' years is well under 1 MiB.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;
/// What every refusal of the file ends with.
pub const VALID: &str =
    "give a regular file of at most 20 MiB: an .xlsx, .xls or .ods workbook, or a .csv file";

/// A row read, where it is, and the columns it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub sheet: String,
    pub row: usize,
    /// The columns of the sheet's mapping that filled a field, from 0, with their headers.
    pub columns: Vec<(Field, usize, String)>,
}

/// A sheet read, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub mapping: Mapping,
    /// The row and column of the sheet's first cell with anything in it, from 0.
    pub top: usize,
    pub left: usize,
}

/// What a tracker holds, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub file: PathBuf,
    /// The sheets read, each with its mapping.
    pub read: Vec<Sheet>,
    pub not_read: Vec<String>,
    pub people: Vec<Located<Entry>>,
    /// A name and a contact with them.
    pub contacts: Vec<Located<(String, Contact)>>,
    pub refused: Vec<Refused>,
}

/// The tracker at `file`, whose bytes are `bytes`.
pub fn read(file: &Path, bytes: &[u8]) -> Result<Found, ImportError> {
    let grids = read::sheets(file, bytes)?;
    let mut found = Found {
        file: file.to_owned(),
        read: Vec::new(),
        not_read: Vec::new(),
        people: Vec::new(),
        contacts: Vec::new(),
        refused: Vec::new(),
    };
    for grid in grids {
        // The first sheet of each kind is read: a second would be another group's, or a copy.
        let mapping = header::find(&grid.rows)
            .filter(|mapping| !found.read.iter().any(|read| read.mapping.kind == mapping.kind));
        let Some(mapping) = mapping else {
            found.not_read.push(grid.name);
            continue;
        };
        for (at, row) in grid.rows.iter().enumerate().skip(mapping.row + 1) {
            if row.iter().all(Cell::is_empty) {
                continue;
            }
            let cells = Cells {
                file,
                grid: &grid,
                mapping: &mapping,
                row,
                at,
            };
            match mapping.kind {
                Kind::Referrals => match cells.entry() {
                    Ok(entry) => found.people.push(cells.located(entry)),
                    Err(refused) => found.refused.push(*refused),
                },
                Kind::Contacts => match cells.contact() {
                    Ok(contact) => found.contacts.push(cells.located(contact)),
                    Err(refused) => found.refused.push(*refused),
                },
            }
        }
        found.read.push(Sheet {
            name: grid.name,
            mapping,
            top: grid.top,
            left: grid.left,
        });
    }
    if found.read.is_empty() {
        return Err(ImportError::NoHeader {
            path: file.to_owned(),
            sheets: found.not_read,
        });
    }
    Ok(found)
}

/// One row of a sheet, read field by field.
struct Cells<'a> {
    file: &'a Path,
    grid: &'a Grid,
    mapping: &'a Mapping,
    row: &'a [Cell],
    /// Its index in the grid.
    at: usize,
}

impl Cells<'_> {
    fn row_number(&self) -> usize {
        self.grid.top + self.at + 1
    }

    fn located<T>(&self, value: T) -> Located<T> {
        Located {
            value,
            sheet: self.grid.name.clone(),
            row: self.row_number(),
            columns: (self.mapping.columns.iter())
                .filter_map(|(at, header, mapped)| {
                    mapped
                        .as_ref()
                        .ok()
                        .map(|field| (*field, self.grid.left + at, header.clone()))
                })
                .collect(),
        }
    }

    /// The cell of `field`'s column read with `how`; `None` when the sheet has no such column.
    fn get<T>(
        &self,
        field: Field,
        how: impl FnOnce(&Cell) -> Result<Option<T>, CellError>,
    ) -> Result<Option<T>, Box<Refused>> {
        let Some(column) = self.mapping.column(field) else {
            return Ok(None);
        };
        let cell = self.row.get(column).unwrap_or(&Cell::Empty);
        how(cell).map_err(|problem| {
            let located = self.located(());
            Box::new(located.refuse(self.file, Some(field), problem))
        })
    }

    fn text(&self, field: Field) -> Result<Option<String>, Box<Refused>> {
        self.get(field, Cell::text)
    }

    fn name(&self) -> Result<String, Box<Refused>> {
        let name = self.text(Field::Name)?;
        name.ok_or_else(|| {
            let problem = CellError::Roster(RosterError::BadName("a name cannot be blank"));
            Box::new(self.located(()).refuse(self.file, Some(Field::Name), problem))
        })
    }

    fn entry(&self) -> Result<Entry, Box<Refused>> {
        Ok(Entry {
            name: self.name()?,
            referred_by: self.text(Field::ReferredBy)?,
            referred_on: self.get(Field::ReferredOn, Cell::date)?,
            status: self.get(Field::Status, Cell::status)?,
            status_since: self.get(Field::StatusSince, Cell::date)?,
            adjustments: self.text(Field::Adjustments)?,
            email: self.text(Field::Email)?,
            phone: self.text(Field::Phone)?,
            referrer: self.text(Field::Referrer)?,
            link_sent: self.get(Field::LinkSent, Cell::yes_no)?,
            placed_on: self.get(Field::PlacedOn, Cell::date)?,
        })
    }

    fn contact(&self) -> Result<(String, Contact), Box<Refused>> {
        let name = self.name()?;
        let on = self.get(Field::ContactOn, Cell::date)?.ok_or_else(|| {
            let problem = CellError::NoDate;
            Box::new(
                self.located(())
                    .refuse(self.file, Some(Field::ContactOn), problem),
            )
        })?;
        let note = self.text(Field::Note)?.unwrap_or_default();
        Ok((name, Contact { on, note }))
    }
}

impl<T> Located<T> {
    /// This row refused, at the column of `field` if the sheet has one.
    pub fn refuse(&self, file: &Path, field: Option<Field>, problem: CellError) -> Refused {
        let column = field.and_then(|field| {
            (self.columns.iter())
                .find_map(|(mapped, at, header)| (*mapped == field).then(|| (*at, header.clone())))
        });
        Refused {
            file: file.to_owned(),
            place: Place {
                sheet: self.sheet.clone(),
                row: self.row,
                column,
            },
            field,
            problem,
        }
    }
}

/// The column a roster's refusal is about.
fn field_of(err: &RosterError) -> Option<Field> {
    match err {
        RosterError::BadName(_) | RosterError::NoSuchMember { .. } | RosterError::AlreadyOnRoster { .. } => {
            Some(Field::Name)
        }
        RosterError::NoReferrer => Some(Field::ReferredBy),
        RosterError::NotAStatus(_) => Some(Field::Status),
        RosterError::BadContact { field, .. } => Some(match field {
            crate::domain::roster::Field::Email => Field::Email,
            crate::domain::roster::Field::Phone => Field::Phone,
            crate::domain::roster::Field::Referrer => Field::Referrer,
        }),
        RosterError::BlankContactNote => Some(Field::Note),
        RosterError::AfterToday { what, .. } => match *what {
            "referral" => Some(Field::ReferredOn),
            "status" => Some(Field::StatusSince),
            "place" => Some(Field::PlacedOn),
            "contact" => Some(Field::ContactOn),
            _ => None,
        },
        _ => None,
    }
}

impl Found {
    /// Which column of which sheet became which field, and what was not read and why.
    pub fn mapping(&self) -> String {
        let mut out = String::new();
        for sheet in &self.read {
            let (mapping, left) = (&sheet.mapping, sheet.left);
            let kind = match mapping.kind {
                Kind::Referrals => "a row a person",
                Kind::Contacts => "a row a contact",
            };
            let _ = writeln!(
                out,
                "Sheet {} ({kind}), header on row {}:",
                sanitize(&sheet.name),
                sheet.top + mapping.row + 1
            );
            for (at, header, mapped) in &mapping.columns {
                let what = match mapped {
                    Ok(field) => format!("→ {}", field.describe()),
                    Err(Ignored::Unknown) => "not read: the roster keeps nothing by that name".to_owned(),
                    Err(Ignored::Derived) => "not read: worked out from the rest".to_owned(),
                    Err(Ignored::NotOnThisSheet(field)) => {
                        format!(
                            "not read: a {} is read only on a sheet of contacts",
                            field.describe()
                        )
                    }
                    Err(Ignored::Again(field)) => {
                        format!("not read: {} is read from an earlier column", field.describe())
                    }
                    Err(Ignored::Blank) => "not read: no header".to_owned(),
                };
                let _ = writeln!(out, "  {} \"{}\" {what}", letter(left + at), sanitize(header));
            }
        }
        if !self.not_read.is_empty() {
            let names: Vec<String> = self.not_read.iter().map(|name| sanitize(name)).collect();
            let _ = writeln!(
                out,
                "Sheets not read (no header row of people or contacts, or a second of a kind): {}",
                names.join(", ")
            );
        }
        out
    }

    /// Brings everyone found onto `roster` on `today`, then their contacts; says what happened
    /// to each, in the words of a dry run (`would`) or not, and what was refused.
    pub fn apply(&self, roster: &mut Roster, today: NaiveDate, would: bool) -> String {
        let (added, updated, same) = if would {
            (
                "would be added",
                "would be updated",
                "already on the roster as the tracker has them: would be skipped",
            )
        } else {
            (
                "added",
                "updated",
                "already on the roster as the tracker has them: skipped",
            )
        };
        let mut out = String::new();
        let mut refused = self.refused.clone();
        for person in &self.people {
            match roster.import(person.value.clone(), today) {
                Ok(Imported::Added { name, status }) => {
                    let _ = writeln!(out, "  + {}: {added} ({})", sanitize(&name), status.describe());
                }
                Ok(Imported::Updated { name, changed }) => {
                    let _ = writeln!(out, "  ~ {}: {updated} ({})", sanitize(&name), changed.join(", "));
                }
                Ok(Imported::Unchanged { name }) => {
                    let _ = writeln!(out, "  = {}: {same}", sanitize(&name));
                }
                Err(err) => refused.push(person.refuse(&self.file, field_of(&err), CellError::Roster(err))),
            }
        }
        let (mut new, mut known) = (0, 0);
        for contact in &self.contacts {
            let (name, note) = &contact.value;
            let there = (roster.find(name)).is_some_and(|at| roster.members[at].contacts.contains(note));
            if there {
                known += 1;
                continue;
            }
            match roster.log_contact(name, note.clone(), today) {
                Ok(_) => new += 1,
                Err(err) => refused.push(contact.refuse(&self.file, field_of(&err), CellError::Roster(err))),
            }
        }
        if !self.contacts.is_empty() {
            let _ = writeln!(out, "  Contacts: {new} {added}, {known} already on the roster");
        }
        // Row by row, whether the cell or the roster refused it.
        refused.sort_by(|a, b| (&a.place.sheet, a.place.row).cmp(&(&b.place.sheet, b.place.row)));
        if !refused.is_empty() {
            let _ = writeln!(out, "\nNot brought in ({} row(s)):", refused.len());
            for refusal in refused {
                let _ = writeln!(out, "  {refusal}");
            }
        }
        out
    }
}
