//! The team's tracker, both ways: `holdspace tracker GROUP -o FILE.xlsx` writes a group's roster
//! and sessions as the workbook teams keep, and `holdspace roster GROUP import FILE` brings a
//! team's own tracker onto the roster.

use crate::cmd::error::CmdError;
use crate::cmd::export::write_file;
use crate::cmd::roster::{Roll, places};
use crate::cmd::sessions::saved_logs;
use crate::domain::roster::{Roster, RosterError};
use crate::export::tracker::{self, Tracker};
use crate::import::{self, ImportError};
use crate::session::history::History;
use crate::store::disk::Disk;
use crate::store::paths::DataDir;
use crate::store::roster as file;
use crate::store::{groups, user_file};
use crate::util::format::Zone;
use crate::util::text::sanitize;
use chrono::NaiveDate;
use std::path::Path;

/// `holdspace tracker GROUP -o FILE [--anonymised]`.
pub fn run(dir: &DataDir, group: &str, output: &Path, anonymised: bool) -> Result<String, CmdError> {
    let stored = groups::find(dir, group)?;
    let roster = Roster::load(&file::path(&stored.folder)).map_err(CmdError::RosterFile)?;
    let logs = saved_logs(dir)?;
    let history = History::of(&logs, &stored.group.name);
    let sheets = Tracker {
        roster: &roster,
        history: &history,
        zone: Zone::Local,
    }
    .sheets(anonymised);
    let bytes = tracker::workbook(&sheets).map_err(CmdError::Workbook)?;
    let named: Vec<String> = (sheets.iter())
        .map(|sheet| format!("{} ({})", sheet.name, sheet.rows.len()))
        .collect();
    let done = format!(
        "{} tracker of {}, {}, written to",
        if anonymised { "Anonymised" } else { "The" },
        sanitize(&stored.group.name),
        named.join(", ")
    );
    write_file(dir, output, &bytes, &done)
}

/// `holdspace roster GROUP import FILE [--dry-run]`: the tracker at `path` onto the roster of
/// `roll` on `today`, under the roster's lock; a dry run reads the roster and saves nothing.
pub fn import(
    roll: &Roll,
    today: NaiveDate,
    disk: &dyn Disk,
    path: &Path,
    dry_run: bool,
) -> Result<String, CmdError> {
    let bytes = user_file::read_bytes(path, import::MAX_BYTES, import::VALID).map_err(ImportError::File)?;
    let found = import::read(path, &bytes)?;
    let roster_path = file::path(roll.folder);
    let mut out = format!("Reading {}\n{}\n", path.display(), found.mapping());
    let said = |roster: &mut Roster| {
        let said = found.apply(roster, today, dry_run);
        format!("{said}\n{}\n", places(roster, roll.capacity))
    };
    if dry_run {
        let mut roster = Roster::load(&roster_path).map_err(CmdError::RosterFile)?;
        out.push_str(&said(&mut roster));
        out.push_str("Dry run: nothing was saved.\n");
    } else {
        out.push_str(&file::update(&roster_path, disk, |roster| {
            Ok::<_, RosterError>(said(roster))
        })?);
    }
    Ok(out)
}
