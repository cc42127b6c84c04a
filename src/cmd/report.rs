//! `holdspace report GROUP` and `attendance GROUP`: a group's sessions together, as a report in
//! full or anonymised, or as a table of who came to which.

use crate::cmd::error::CmdError;
use crate::cmd::export::{print_or_write, roster_of, write_file};
use crate::cmd::sessions::saved_logs;
use crate::export::pdf::{self, Paper};
use crate::export::report::{self, Report};
use crate::session::history::{self, History};
use crate::store::paths::DataDir;
use crate::util::format::Zone;
use std::path::Path;

/// How the report is written.
#[derive(Debug, Clone, Copy)]
pub enum Form {
    Markdown,
    Pdf(Paper),
}

/// `holdspace report GROUP [--anonymised] [--pdf [--letter]] [-o FILE]`.
pub fn run(
    dir: &DataDir,
    group: &str,
    anonymised: bool,
    form: Form,
    output: Option<&Path>,
) -> Result<String, CmdError> {
    let logs = saved_logs(dir)?;
    history::known(&logs, group)?;
    // clap makes --pdf need --output: a PDF is never printed to a terminal.
    let (Form::Pdf(paper), Some(path)) = (form, output) else {
        let write = if anonymised {
            report::anonymised
        } else {
            report::report
        };
        let text = write(group, &logs, Zone::Local);
        return print_or_write(dir, output, text, "Report written to");
    };
    let history = History::of(&logs, group);
    let roster = roster_of(dir, group, "the report leaves out the referrals");
    let sheet = Report {
        history: &history,
        roster: roster.as_ref(),
        zone: Zone::Local,
        names: !anonymised,
    }
    .sheet();
    write_file(dir, path, &pdf::pages(&sheet, paper)?, "Report written to")
}

/// `holdspace attendance GROUP`: who came to which session.
pub fn attendance(dir: &DataDir, group: &str) -> Result<String, CmdError> {
    let logs = saved_logs(dir)?;
    history::known(&logs, group)?;
    Ok(history::table(&history::History::of(&logs, group), Zone::Local))
}
