//! `holdspace history --mine`: the facilitator's own time with the groups this week and this
//! month, from the saved sessions and the rosters, so boundaries can be kept.

use crate::cmd::error::CmdError;
use crate::cmd::sessions::saved_logs;
use crate::domain::roster::Roster;
use crate::session::workload::{self, Workload};
use crate::store::groups;
use crate::store::paths::DataDir;
use crate::store::roster;
use crate::util::format::{Zone, clock};
use chrono::{Days, NaiveDate};

pub fn run(dir: &DataDir, today: NaiveDate) -> Result<String, CmdError> {
    let loaded = saved_logs(dir)?;
    let logs: Vec<_> = loaded.iter().map(|loaded| &loaded.log).collect();
    let (stored, problems) = groups::list(dir);
    for problem in problems {
        crate::util::notice::say(problem);
    }
    let rosters: Vec<Roster> = (stored.iter())
        .filter_map(|stored| match Roster::load(&roster::path(&stored.folder)) {
            Ok(roster) => Some(roster),
            Err(err) => {
                crate::util::notice::say(format_args!("{err}; its contacts are not counted"));
                None
            }
        })
        .collect();
    let over = |days: u64| {
        let from = today.checked_sub_days(Days::new(days - 1)).unwrap_or(today);
        workload::between(&logs, &rosters, from, today, |at| Zone::Local.day_of(at))
    };
    Ok(table(
        today,
        &[("last 7 days", over(7)), ("last 30 days", over(30))],
    ))
}

fn table(today: NaiveDate, rows: &[(&str, Workload)]) -> String {
    let mut out = format!(
        "Your time with the groups, to {today}:\n\n{:<14}{:>9}{:>11}{:>10}{:>11}{:>10}{:>6}\n",
        "", "sessions", "preparing", "running", "reviewing", "contacts", "done"
    );
    for (label, load) in rows {
        out.push_str(&format!(
            "{label:<14}{:>9}{:>11}{:>10}{:>11}{:>10}{:>6}\n",
            load.sessions,
            clock(load.preparing),
            clock(load.running),
            clock(load.reviewing),
            load.contacts,
            load.done
        ));
    }
    out.push_str(
        "\nPreparing counts from the first checklist tick, reviewing to the last thing recorded, \
         each at most two hours; rehearsals are not counted.\n",
    );
    out
}
