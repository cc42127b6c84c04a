//! `holdspace report GROUP` and `attendance GROUP`: a group's sessions together, as a report in
//! full or anonymised, or as a table of who came to which.

use crate::cmd::error::CmdError;
use crate::cmd::export::print_or_write;
use crate::cmd::sessions::saved_logs;
use crate::export::report;
use crate::session::history;
use crate::store::paths::DataDir;
use crate::util::format::Zone;
use std::path::Path;

/// `holdspace report GROUP [--anonymised] [-o FILE]`.
pub fn run(dir: &DataDir, group: &str, anonymised: bool, output: Option<&Path>) -> Result<String, CmdError> {
    let logs = saved_logs(dir)?;
    history::known(&logs, group)?;
    let write = if anonymised {
        report::anonymised
    } else {
        report::report
    };
    let text = write(group, &logs, Zone::Local);
    print_or_write(dir, output, text, "Report written to")
}

/// `holdspace attendance GROUP`: who came to which session.
pub fn attendance(dir: &DataDir, group: &str) -> Result<String, CmdError> {
    let logs = saved_logs(dir)?;
    history::known(&logs, group)?;
    Ok(history::table(&history::History::of(&logs, group), Zone::Local))
}
