//! Removing sessions for good, by ID or by age, and noticing sessions older than the retention
//! period. A session's files are its log, its journal, its append lock and a journal's cut-off
//! line; leftover temporary files from an interrupted save go too. A session open in a running
//! holdspace is never touched.

use crate::store::StoreError;
use crate::store::disk::{TEMP_PREFIX, TEMP_SUFFIX, temp_target};
use crate::store::journal;
use crate::store::paths::DataDir;
use chrono::{DateTime, Local, NaiveDate, TimeDelta};
use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A temporary file this old is left over from a crash: a save takes milliseconds.
const STALE_TEMP: Duration = Duration::from_mins(1);

/// Which sessions to remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Session(String),
    /// Every session that started more than this many days before today.
    OlderThan(u32),
}

/// A session's files, and the day it started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub id: String,
    pub date: NaiveDate,
    pub files: Vec<PathBuf>,
    /// Its journal is open in a running holdspace.
    pub running: bool,
}

/// What a purge would remove, and what it leaves and why.
#[derive(Debug, Default)]
pub struct Plan {
    pub sessions: Vec<Stored>,
    /// Temporary files left by a save that never finished.
    pub temps: Vec<PathBuf>,
    /// Sessions the rule chose that are open in a running holdspace.
    pub running: Vec<String>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty() && self.temps.is_empty()
    }

    pub fn files(&self) -> impl Iterator<Item = &PathBuf> {
        self.sessions
            .iter()
            .flat_map(|session| &session.files)
            .chain(&self.temps)
    }
}

/// Every session with a file in the data folder, by ID, and the stale temporary files.
fn inventory(dir: &DataDir) -> Result<(BTreeMap<String, Stored>, Vec<PathBuf>), StoreError> {
    let mut sessions: BTreeMap<String, Stored> = BTreeMap::new();
    let mut temps = Vec::new();
    let now = SystemTime::now();
    for (folder, suffixes) in [
        (dir.sessions_dir(), &[".json"][..]),
        (dir.journal_dir(), &[".jsonl.torn", ".jsonl.lock", ".jsonl"][..]),
    ] {
        for entry in fs::read_dir(&folder).map_err(StoreError::at("read the folder", &folder))? {
            let entry = entry.map_err(StoreError::at("read the folder", &folder))?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            // A temporary file named for a session's file is that session's, whatever its age.
            let target = temp_target(&name).unwrap_or(&name);
            let is_temp = name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX);
            let id = suffixes.iter().find_map(|suffix| target.strip_suffix(suffix));
            if is_temp && id.is_none() {
                let age = fs::metadata(&path)
                    .and_then(|meta| meta.modified())
                    .map(|modified| now.duration_since(modified).unwrap_or_default());
                if age.is_ok_and(|age| age >= STALE_TEMP) {
                    temps.push(path);
                }
                continue;
            }
            let Some(id) = id else {
                continue;
            };
            let stored = sessions.entry(id.to_owned()).or_insert_with(|| Stored {
                id: id.to_owned(),
                date: started_on(id, &path),
                files: Vec::new(),
                running: false,
            });
            stored.running |= !is_temp && name.ends_with(".jsonl") && journal::in_use(&path);
            stored.files.push(path);
        }
    }
    for stored in sessions.values_mut() {
        stored.files.sort();
    }
    temps.sort();
    Ok((sessions, temps))
}

/// The day a session started: the date its ID begins with (IDs are made from the local start
/// time), or else the day its file was last changed.
fn started_on(id: &str, path: &Path) -> NaiveDate {
    id.get(..10)
        .and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
        .unwrap_or_else(|| {
            let modified = fs::metadata(path)
                .and_then(|meta| meta.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH);
            DateTime::<Local>::from(modified).date_naive()
        })
}

/// Why sessions were not removed.
#[derive(Debug)]
pub enum PurgeError {
    Disk(StoreError),
    /// No session has the ID in the data folder `root`.
    NoSession {
        id: String,
        root: PathBuf,
    },
}

impl fmt::Display for PurgeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Disk(err) => err.fmt(f),
            Self::NoSession { id, root } => write!(
                f,
                "no session has the ID {id:?} in {}; `holdspace sessions` lists them",
                root.display()
            ),
        }
    }
}

impl std::error::Error for PurgeError {}

/// The sessions `rule` chooses on `today`, leaving out any open in a running holdspace.
pub fn plan(dir: &DataDir, rule: &Rule, today: NaiveDate) -> Result<Plan, PurgeError> {
    let (sessions, temps) = inventory(dir).map_err(PurgeError::Disk)?;
    let chosen: Vec<Stored> = match rule {
        Rule::Session(id) => match sessions.get(id) {
            Some(stored) => vec![stored.clone()],
            None => {
                return Err(PurgeError::NoSession {
                    id: id.clone(),
                    root: dir.root().to_owned(),
                });
            }
        },
        Rule::OlderThan(days) => {
            let cutoff = today - TimeDelta::days(i64::from(*days));
            sessions
                .into_values()
                .filter(|stored| stored.date < cutoff)
                .collect()
        }
    };
    let (running, sessions): (Vec<Stored>, Vec<Stored>) =
        chosen.into_iter().partition(|stored| stored.running);
    Ok(Plan {
        sessions,
        temps,
        running: running.into_iter().map(|stored| stored.id).collect(),
    })
}

/// Removes every file of the plan and makes the removals last.
pub fn carry_out(dir: &DataDir, plan: &Plan) -> Result<usize, PurgeError> {
    let disk = dir.disk();
    let mut removed = 0;
    for path in plan.files() {
        disk.remove(path)
            .map_err(|err| PurgeError::Disk(StoreError::new("remove", path, err)))?;
        removed += 1;
    }
    for folder in [dir.sessions_dir(), dir.journal_dir()] {
        disk.sync_dir(&folder)
            .map_err(|err| PurgeError::Disk(StoreError::new("flush the folder", &folder, err)))?;
    }
    Ok(removed)
}

/// The reminder shown at start when sessions are kept past the retention period: how many
/// started more than `days` days before `today`. A folder that cannot be read is reported
/// where it is used, so it gives no reminder here.
pub fn reminder(dir: &DataDir, days: u32, today: NaiveDate) -> Option<String> {
    let count = plan(dir, &Rule::OlderThan(days), today).map_or(0, |plan| plan.sessions.len());
    (count > 0).then(|| {
        let sessions = if count == 1 { "session is" } else { "sessions are" };
        format!(
            "{count} {sessions} older than the {days}-day retention period: \
             holdspace purge --older-than {days} removes them"
        )
    })
}

/// One line per session for the purge's report: its ID and which files it has. No names.
pub fn describe(plan: &Plan) -> String {
    let mut lines: Vec<String> = plan
        .sessions
        .iter()
        .map(|stored| {
            let kinds: Vec<&str> = stored
                .files
                .iter()
                .map(|path| {
                    let name = path.to_string_lossy();
                    if name.ends_with(".torn") {
                        "cut-off line"
                    } else if name.ends_with(".lock") {
                        "append lock"
                    } else if name.ends_with(".jsonl") {
                        "journal"
                    } else {
                        "log"
                    }
                })
                .collect();
            format!("  {}  started {}  ({})", stored.id, stored.date, kinds.join(", "))
        })
        .collect();
    if !plan.temps.is_empty() {
        lines.push(format!(
            "  {} leftover temporary file(s) from a save that never finished",
            plan.temps.len()
        ));
    }
    lines.join("\n")
}
