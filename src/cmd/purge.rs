//! `holdspace purge`: removing sessions for good, by ID or by age, after asking.

use crate::cmd::ask::confirm;
use crate::cmd::error::CmdError;
use crate::store::paths::DataDir;
use crate::store::purge::{self, Rule};
use chrono::Local;

/// Removes the sessions `rule` chooses, after asking on a terminal unless `yes`.
pub fn run(dir: &DataDir, rule: &Rule, dry_run: bool, yes: bool) -> Result<String, CmdError> {
    let plan = purge::plan(dir, rule, Local::now().date_naive())?;
    let mut report = String::new();
    for id in &plan.running {
        report.push_str(&format!(
            "{id} is open in a running holdspace and was not removed; finish it first.\n"
        ));
    }
    if plan.is_empty() {
        return Ok(format!("{report}Nothing to remove."));
    }
    let list = purge::describe(&plan);
    let count = plan.sessions.len();
    if dry_run {
        return Ok(format!("{report}Would remove {count} session(s):\n{list}"));
    }
    let question = format!("Remove these {count} session(s) for good?");
    if !yes
        && !confirm(&list, &question, || CmdError::PurgeUnasked {
            count,
            list: list.clone(),
        })?
    {
        return Ok(format!("{report}Nothing was removed."));
    }
    let files = purge::carry_out(dir, &plan)?;
    Ok(format!(
        "{report}Removed {count} session(s), {files} file(s):\n{list}\nExports saved elsewhere are not touched."
    ))
}
