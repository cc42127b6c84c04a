//! `holdspace export ID`: one saved session for records, in full, for one person's handover, or
//! anonymised; printed, or written privately to a file outside the data folder.

use crate::cmd::error::CmdError;
use crate::cmd::sessions::saved;
use crate::domain::hands::same_name;
use crate::domain::roster::Roster;
use crate::export::{self, DoneLine, Format, OnRoster, Scope};
use crate::store::guard;
use crate::store::log;
use crate::store::paths::DataDir;
use crate::store::{groups, roster};
use crate::util::format::Zone;
use crate::util::text::sanitize;
use std::path::Path;

/// What to export and where to: the command line's options.
pub struct Asked<'a> {
    pub id: &'a str,
    pub format: Format,
    pub handover: Option<&'a str>,
    pub anonymised: bool,
    pub output: Option<&'a Path>,
}

pub fn run(dir: &DataDir, asked: &Asked) -> Result<String, CmdError> {
    let loaded = log::load(&saved(dir, asked.id)?)?;
    let log = &loaded.log;
    let text = match (asked.handover, asked.anonymised) {
        (Some(name), _) => {
            let who = export::find_person(log, name)?;
            let on_roster = on_roster(dir, &log.group, &log.participants[who].name);
            export::render_handover(log, asked.format, who, Zone::Local, on_roster)
        }
        (None, true) => export::render(log, asked.format, Scope::Anonymised, Zone::Local),
        (None, false) => export::render(log, asked.format, Scope::Full, Zone::Local),
    };
    print_or_write(dir, asked.output, text, "Exported to")
}

/// Who referred `name` and what was done for them, from the roster of the saved group called
/// `group`; nothing when the group is not saved or they are not on its roster. A roster that
/// cannot be read is said so, and the handover goes out without it.
fn on_roster(dir: &DataDir, group: &str, name: &str) -> Option<OnRoster> {
    let roster = roster_of(dir, group, "the handover leaves out the roster")?;
    let member = roster
        .members
        .iter()
        .find(|member| same_name(&member.name, name))?;
    Some(OnRoster {
        referred_by: member.referred_by.clone(),
        done: (roster.done.iter())
            .filter(|done| same_name(&done.name, name))
            .map(|done| DoneLine {
                kind: done.owed.key(),
                on: done.on,
                note: done.note.clone(),
            })
            .collect(),
    })
}

/// The roster of the saved group called `group`; none when the group is not saved. A roster
/// that cannot be read is said so, with what the output `leaves_out` without it.
pub fn roster_of(dir: &DataDir, group: &str, leaves_out: &str) -> Option<Roster> {
    let stored = groups::find(dir, group).ok()?;
    Roster::load(&roster::path(&stored.folder))
        .inspect_err(|err| crate::util::notice::say(format_args!("{err}; {leaves_out}")))
        .ok()
}

/// `text` for standard output, or written to `output` privately and atomically, with `done`
/// and the path to say where it went.
pub fn print_or_write(
    dir: &DataDir,
    output: Option<&Path>,
    text: String,
    done: &str,
) -> Result<String, CmdError> {
    match output {
        Some(path) => write_file(dir, path, text.as_bytes(), done),
        None => Ok(text),
    }
}

/// `bytes` written to `path` privately and atomically, never in the data folder; `done` and the
/// path say where they went.
pub fn write_file(dir: &DataDir, path: &Path, bytes: &[u8], done: &str) -> Result<String, CmdError> {
    guard::write_output(dir.disk().as_ref(), dir.root(), path, bytes)?;
    Ok(format!("{done} {}", sanitize(&path.display().to_string())))
}
