//! Which column of a tracker holds what: header names as teams write them ("Client",
//! "Referral date", "Tel") matched to the roster's fields, and the header row found under any
//! title rows above it.

use super::cell::Cell;

/// A field of the roster a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    ReferredBy,
    ReferredOn,
    Status,
    StatusSince,
    Adjustments,
    Email,
    Phone,
    /// Their referrer's name and address, to tell of changes.
    Referrer,
    LinkSent,
    PlacedOn,
    /// A contact's day, on a sheet of contacts.
    ContactOn,
    /// A contact's note, on a sheet of contacts.
    Note,
}

/// What a sheet is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A row a person.
    Referrals,
    /// A row a call, message or letter.
    Contacts,
}

impl Field {
    /// As the mapping shows it.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::ReferredBy => "referred by",
            Self::ReferredOn => "referred on",
            Self::Status => "status",
            Self::StatusSince => "status since",
            Self::Adjustments => "adjustments",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::Referrer => "care co-ordinator (name and address)",
            Self::LinkSent => "link sent",
            Self::PlacedOn => "placed on",
            Self::ContactOn => "contact date",
            Self::Note => "contact note",
        }
    }

    /// The header names taken for it, lower case, words split at anything not a letter or a
    /// digit: "Co-ordinator" is "co ordinator".
    fn names(self) -> &'static [&'static str] {
        match self {
            Self::Name => &[
                "name",
                "client",
                "client name",
                "initials",
                "service user",
                "service user name",
                "member",
                "participant",
                "person",
                "full name",
                "first name",
            ],
            Self::ReferredBy => &[
                "referred by",
                "referrer",
                "referring team",
                "referring service",
                "referral source",
                "source",
                "team",
            ],
            Self::ReferredOn => &[
                "referred on",
                "date referred",
                "referral date",
                "date of referral",
                "referral received",
                "date received",
            ],
            Self::Status => &["status", "current status", "stage"],
            Self::StatusSince => &["status since", "since", "status date", "status changed"],
            Self::Adjustments => &[
                "adjustments",
                "reasonable adjustments",
                "access needs",
                "what would help",
            ],
            Self::Email => &["email", "e mail", "email address", "e mail address"],
            Self::Phone => &[
                "phone",
                "tel",
                "tel no",
                "telephone",
                "mobile",
                "phone number",
                "contact number",
            ],
            Self::Referrer => &[
                "care co ordinator",
                "care coordinator",
                "cco",
                "referrer contact",
                "referrer email",
                "referrer s contact",
            ],
            Self::LinkSent => &["link sent", "meeting link sent"],
            Self::PlacedOn => &["placed on", "date placed", "place offered"],
            Self::ContactOn => &["on", "date", "contact date", "date of contact", "when"],
            Self::Note => &["note", "notes", "contact note", "what was said"],
        }
    }

    const ALL: [Self; 13] = [
        Self::Name,
        Self::ReferredBy,
        Self::ReferredOn,
        Self::Status,
        Self::StatusSince,
        Self::Adjustments,
        Self::Email,
        Self::Phone,
        Self::Referrer,
        Self::LinkSent,
        Self::PlacedOn,
        Self::ContactOn,
        Self::Note,
    ];

    /// The field a header names, if any.
    pub fn of(header: &str) -> Option<Self> {
        let words = words(header);
        Self::ALL
            .into_iter()
            .find(|field| field.names().contains(&words.as_str()))
    }

    fn read_on(self, kind: Kind) -> bool {
        match self {
            Self::Name => true,
            Self::ContactOn | Self::Note => kind == Kind::Contacts,
            _ => kind == Kind::Referrals,
        }
    }
}

/// Why a column was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ignored {
    /// Its header names nothing the roster keeps.
    Unknown,
    /// Worked out by holdspace from the rest ("Waiver", "Contacts", "Last contact").
    Derived,
    /// A field this kind of sheet does not hold (a note on the referrals sheet).
    NotOnThisSheet(Field),
    /// A second column for a field, read from the first.
    Again(Field),
    Blank,
}

/// The headers of columns holdspace's own tracker works out, read back as such.
const DERIVED: [&str; 3] = ["waiver", "contacts", "last contact"];

/// A header row, column by column: the field each fills, or why it is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// 0-based index in the sheet's rows.
    pub row: usize,
    pub kind: Kind,
    /// (column from 0, header as written, field or why not).
    pub columns: Vec<(usize, String, Result<Field, Ignored>)>,
}

impl Mapping {
    /// The column that fills `field`.
    pub fn column(&self, field: Field) -> Option<usize> {
        (self.columns.iter()).find_map(|(at, _, mapped)| (*mapped == Ok(field)).then_some(*at))
    }

    pub fn header(&self, column: usize) -> Option<&str> {
        (self.columns.iter()).find_map(|(at, header, _)| (*at == column).then_some(header.as_str()))
    }
}

/// Title rows above a header are few; a header further down than this is not looked for.
const HEADER_WITHIN: usize = 30;

/// The header row among the first rows of a sheet: the first with a name column and at least
/// one other field, read as contacts when it has a contact's day and note and nothing only a
/// referral has.
pub fn find(rows: &[Vec<Cell>]) -> Option<Mapping> {
    rows.iter().take(HEADER_WITHIN).enumerate().find_map(|(at, row)| {
        let fields: Vec<Field> = (row.iter())
            .filter_map(|cell| Field::of(&cell.header_text()))
            .collect();
        let has = |field| fields.contains(&field);
        let referral = fields
            .iter()
            .any(|field| field.read_on(Kind::Referrals) && *field != Field::Name);
        let kind = if has(Field::ContactOn) && has(Field::Note) && !referral {
            Kind::Contacts
        } else if referral {
            Kind::Referrals
        } else {
            return None;
        };
        has(Field::Name).then(|| map(at, row, kind))
    })
}

fn map(at: usize, row: &[Cell], kind: Kind) -> Mapping {
    let mut columns: Vec<(usize, String, Result<Field, Ignored>)> = Vec::new();
    for (column, cell) in row.iter().enumerate() {
        let header = cell.header_text();
        let mapped = match Field::of(&header) {
            _ if header.is_empty() => Err(Ignored::Blank),
            Some(field) if !field.read_on(kind) => Err(Ignored::NotOnThisSheet(field)),
            Some(field) if columns.iter().any(|(_, _, seen)| *seen == Ok(field)) => {
                Err(Ignored::Again(field))
            }
            Some(field) => Ok(field),
            None if DERIVED.contains(&words(&header).as_str()) => Err(Ignored::Derived),
            None => Err(Ignored::Unknown),
        };
        // Blank header cells past the table are no columns at all.
        if mapped != Err(Ignored::Blank) {
            columns.push((column, header, mapped));
        }
    }
    Mapping {
        row: at,
        kind,
        columns,
    }
}

/// `header` in lower case, its words split at anything not a letter or a digit.
fn words(header: &str) -> String {
    let lower = header.to_lowercase();
    let split: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    split.join(" ")
}

/// `A`, `Z`, `AA` for the column numbered from 0.
pub fn letter(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_as_teams_write_them_are_mapped() {
        for (header, field) in [
            ("Name", Field::Name),
            ("Client", Field::Name),
            ("Initials", Field::Name),
            ("Service user", Field::Name),
            ("Referrer", Field::ReferredBy),
            ("Referred by", Field::ReferredBy),
            ("Referring Team", Field::ReferredBy),
            ("Date referred", Field::ReferredOn),
            ("Referral date:", Field::ReferredOn),
            ("STATUS", Field::Status),
            ("E-mail", Field::Email),
            ("Tel", Field::Phone),
            ("Phone", Field::Phone),
            ("Care co-ordinator", Field::Referrer),
        ] {
            assert_eq!(Field::of(header), Some(field), "{header}");
        }
        assert_eq!(Field::of("Favourite colour"), None);
    }

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        assert_eq!(
            [0, 25, 26, 27, 701, 702].map(letter),
            ["A", "Z", "AA", "AB", "ZZ", "AAA"].map(str::to_owned)
        );
    }

    #[test]
    fn the_header_is_found_under_title_rows_and_says_what_it_ignores() {
        let text = |cells: &[&str]| {
            cells
                .iter()
                .map(|t| Cell::Text((*t).to_owned()))
                .collect::<Vec<_>>()
        };
        let rows = vec![
            text(&["Tuesday group tracker"]),
            vec![],
            text(&[
                "Client",
                "Referral date",
                "Waiver",
                "Notes",
                "Client",
                "Shoe size",
            ]),
        ];
        let mapping = find(&rows).expect("a header");
        assert_eq!((mapping.row, mapping.kind), (2, Kind::Referrals));
        let mapped: Vec<_> = mapping
            .columns
            .iter()
            .map(|(_, _, mapped)| mapped.clone())
            .collect();
        assert_eq!(
            mapped,
            [
                Ok(Field::Name),
                Ok(Field::ReferredOn),
                Err(Ignored::Derived),
                Err(Ignored::NotOnThisSheet(Field::Note)),
                Err(Ignored::Again(Field::Name)),
                Err(Ignored::Unknown),
            ]
        );
        let contacts = vec![text(&["Name", "On", "Note"])];
        assert_eq!(find(&contacts).map(|m| m.kind), Some(Kind::Contacts));
        assert_eq!(
            find(&[text(&["Name", "12 Mar 2026"])]),
            None,
            "attendance is not read"
        );
    }
}
