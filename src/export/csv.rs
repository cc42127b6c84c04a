//! The CSV export, for spreadsheets: one row per participant, or a long table of figures when
//! anonymised. Every cell is guarded against being run as a formula.

use super::{Document, Measure, Person, Record, Value};
use crate::domain::record::FollowUp;
use crate::util::text::sanitize;
use chrono::{DateTime, SecondsFormat, Utc};

/// Spreadsheets read a file as UTF-8 only when it starts with a byte-order mark.
const BOM: &str = "\u{FEFF}";

const HEADER: [&str; 17] = [
    "name",
    "expected",
    "attendance",
    "record_note",
    "one_to_one",
    "one_to_one_note",
    "safeguarding",
    "safeguarding_note",
    "call_before_next",
    "call_before_next_note",
    "rating",
    "comment",
    "takeaway",
    "goal",
    "talk_seconds",
    "turns",
    "hands_raised",
];

pub(super) fn render(document: &Document) -> String {
    let header = || HEADER.iter().map(|cell| (*cell).to_owned()).collect();
    let rows: Vec<Vec<String>> = match document {
        Document::Full(full) => std::iter::once(header())
            .chain(
                full.participants
                    .iter()
                    .map(|person| row(&person.record, Some(person))),
            )
            .collect(),
        Document::Handover(handover) => std::iter::once(header())
            .chain(handover.person.iter().map(|record| row(record, None)))
            .collect(),
        Document::Anonymised(anonymised) => {
            let session = &anonymised.session;
            let fact =
                |measure: &str, value: String| vec!["session".into(), String::new(), measure.into(), value];
            let mut rows = vec![
                ["section", "item", "measure", "value"]
                    .map(str::to_owned)
                    .to_vec(),
                fact("started_at", utc(session.started_at)),
                fact("ended_at", utc(session.ended_at)),
                fact("scheduled_end", utc(session.scheduled_end)),
                fact("rehearsal", yes(session.rehearsal)),
                fact("interrupted", yes(session.interrupted)),
                fact("last_session", yes(session.last_session)),
            ];
            rows.extend(anonymised.measures().iter().map(measure));
            for item in &anonymised.agenda {
                let mut figure = |measure: &str, value: String| {
                    rows.push(vec!["item".into(), item.title.clone(), measure.into(), value]);
                };
                figure("protected", yes(item.protected));
                figure("run", yes(item.run));
                figure("planned_minutes", item.planned_minutes.to_string());
                figure("final_minutes", item.final_minutes.to_string());
                figure("actual_seconds", item.actual_seconds.to_string());
                figure("overrun_seconds", item.overrun_seconds.to_string());
            }
            rows
        }
    };
    write(&rows)
}

/// One participant; `extra` is `None` for a handover, which leaves feedback and talk empty.
fn row(record: &Record, extra: Option<&Person>) -> Vec<String> {
    let mut cells = vec![
        record.name.clone(),
        yes(record.expected),
        record
            .attendance
            .map_or("not recorded", |attendance| attendance.describe())
            .to_owned(),
        record.record_note.clone(),
    ];
    for follow_up in FollowUp::ALL {
        let flag = record.flag(follow_up);
        cells.push(yes(flag.is_some()));
        cells.push(flag.map(|flag| flag.note.clone()).unwrap_or_default());
    }
    cells.extend([
        extra
            .and_then(|person| person.rating)
            .map(|rating| rating.to_string())
            .unwrap_or_default(),
        extra.map(|person| person.comment.clone()).unwrap_or_default(),
        record.takeaway.clone().unwrap_or_default(),
        record.goal.clone().unwrap_or_default(),
    ]);
    cells.extend(
        [
            extra.map(|person| person.talk_seconds),
            extra.map(|person| u64::from(person.turns)),
            extra.map(|person| u64::from(person.hands_raised)),
        ]
        .map(|number| number.map(|n| n.to_string()).unwrap_or_default()),
    );
    cells
}

fn measure(measure: &Measure) -> Vec<String> {
    let value = match measure.value {
        Value::Count(n) | Value::Seconds(n) => n.to_string(),
        Value::Average(average) => average.map(|average| average.to_string()).unwrap_or_default(),
        Value::Percent(percent) => percent.map(|percent| percent.to_string()).unwrap_or_default(),
    };
    vec![measure.section.into(), String::new(), measure.key.into(), value]
}

fn yes(on: bool) -> String {
    (if on { "yes" } else { "no" }).to_owned()
}

fn utc(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Line breaks, tabs and other control characters become spaces or U+FFFD (see `sanitize`), so
/// no cell can drive a terminal the file is printed on; a leading `=`, `+`, `-` or `@` would make
/// a spreadsheet run the cell as a formula, so it gets a leading `'`.
fn cell(text: &str) -> String {
    // Exports print to the terminal as readily as to a file: no control character goes out.
    let clean = sanitize(text);
    if clean.starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean
    }
}

/// `rows` as a CSV file a spreadsheet opens as UTF-8, every cell cleaned by `cell`.
pub(crate) fn write(rows: &[Vec<String>]) -> String {
    // Flexible, so that rows of unequal length are written as they are: with that, writing to
    // memory cannot fail, and no row can be dropped.
    let mut writer = ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(BOM.as_bytes().to_vec());
    for row in rows {
        let _ = writer.write_record(row.iter().map(|text| cell(text)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}
