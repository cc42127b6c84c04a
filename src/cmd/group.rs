//! `holdspace group …`: save a new group, list the groups, show one.

use crate::cmd::ask;
use crate::cmd::error::CmdError;
use crate::cmd::outreach::{self, Page};
use crate::domain::checklist::Setting;
use crate::domain::group::{DEFAULT_CAPACITY, Group};
use crate::session::group;
use crate::session::history;
use crate::store::groups::{self, Stored};
use crate::store::paths::DataDir;
use crate::store::plans;
use crate::util::text::sanitize;
use chrono::NaiveDateTime;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Save a new group: when and where it meets, its places, co-facilitator and plan.
    New {
        name: String,
        /// The day of the week it meets, e.g. tuesday.
        #[arg(long)]
        day: Option<String>,
        /// The time it starts, as HH:MM.
        #[arg(long, value_name = "HH:MM")]
        time: Option<String>,
        /// A room, or a link for an online group.
        #[arg(long, default_value = "")]
        place: String,
        /// It meets online: the preparation checklist is the online one.
        #[arg(long)]
        online: bool,
        /// How many places it has; over this, new referrals go to the waiting list.
        #[arg(long, default_value_t = DEFAULT_CAPACITY)]
        capacity: u32,
        #[arg(long, default_value = "", value_name = "NAME")]
        co_facilitator: String,
        /// Its usual plan: a template (`holdspace plan list`) or a plan file.
        #[arg(long, default_value = plans::DEFAULT_TEMPLATE, value_name = "TEMPLATE|FILE")]
        plan: String,
    },
    /// Change a saved group: any option of `group new`, and what it says of itself on paper.
    Edit(crate::cmd::outreach::Edit),
    /// Print the group's poster as an accessible one-page PDF.
    Poster(crate::cmd::outreach::Print),
    /// Print a one-page referral form a colleague fills in, as an accessible PDF.
    ReferralForm(crate::cmd::outreach::Print),
    /// Three plain lines about the group, for a newsletter or a team meeting.
    Blurb { name: String },
    /// The ground rules in force, numbered, to print and have to hand.
    Rules { name: String },
    /// Take a group that no longer meets out of the lists, keeping it, its roster and its
    /// sessions; or bring it back; or delete it and its roster for good.
    Archive {
        name: String,
        /// Bring it back into the lists.
        #[arg(long, conflicts_with = "delete")]
        restore: bool,
        /// Remove the group and its roster for good, after asking (its session logs stay;
        /// `holdspace purge` removes those).
        #[arg(long)]
        delete: bool,
        /// Delete without asking (needed when not run from a terminal).
        #[arg(long, requires = "delete")]
        yes: bool,
    },
    /// List the saved groups.
    List,
    /// Show a group: when and where, places, plan, ground rules and checklist.
    Show { name: String },
}

pub fn run(dir: &DataDir, command: GroupCommand, now: NaiveDateTime) -> Result<String, CmdError> {
    match command {
        GroupCommand::New {
            name,
            day,
            time,
            place,
            online,
            capacity,
            co_facilitator,
            plan,
        } => {
            plans::load(&plan)?;
            let setting = if online {
                Setting::Online
            } else {
                Setting::InPerson
            };
            let mut group = Group {
                day,
                time,
                place,
                co_facilitator,
                ..Group::new(&name, setting, capacity, &plan)
            };
            group.tidy();
            let stored = groups::create(dir, group)?;
            Ok(format!(
                "Saved the group {:?} in {}.\n{}Start its next session with: holdspace --group {:?}",
                sanitize(&stored.group.name),
                stored.file().display(),
                describe(dir, &stored, now),
                sanitize(&stored.group.name)
            ))
        }
        GroupCommand::List => {
            let (found, problems) = groups::list(dir);
            for problem in problems {
                crate::util::notice::say(problem);
            }
            let archived = found.iter().filter(|stored| stored.group.archived).count();
            let found: Vec<&Stored> = found.iter().filter(|stored| !stored.group.archived).collect();
            let kept = if archived > 0 {
                format!(
                    "({archived} archived: `holdspace group show NAME` shows one, `group archive NAME --restore` brings it back)\n"
                )
            } else {
                String::new()
            };
            if found.is_empty() {
                return Ok(format!(
                    "No saved groups. `holdspace group new NAME` saves one.\n{kept}"
                ));
            }
            let listed: String = found
                .iter()
                .map(|stored| {
                    format!(
                        "{:<30} {} · {} places\n",
                        sanitize(&stored.group.name),
                        sanitize(&stored.group.when_and_where()),
                        stored.group.capacity
                    )
                })
                .collect();
            Ok(format!("{listed}{kept}"))
        }
        GroupCommand::Show { name } => Ok(describe(dir, &groups::find(dir, &name)?, now)),
        GroupCommand::Edit(edit) => outreach::edit(dir, edit, now.date()),
        GroupCommand::Poster(print) => outreach::print(dir, Page::Poster, print, now.date()),
        GroupCommand::ReferralForm(print) => outreach::print(dir, Page::ReferralForm, print, now.date()),
        GroupCommand::Blurb { name } => outreach::blurb(dir, &name, now.date()),
        GroupCommand::Rules { name } => {
            let stored = groups::find(dir, &name)?;
            let logs = group::saved(dir, &stored.group.name);
            let history = history::sessions(&logs, &stored.group.name);
            let (rules, whose) = group::rules_in_force(&stored, &history);
            let mut out = format!("Our ground rules: {} ({whose})\n\n", sanitize(&stored.group.name));
            out.push_str(&numbered(&rules));
            Ok(out)
        }
        GroupCommand::Archive {
            name,
            restore,
            delete,
            yes,
        } => archive(dir, &name, restore, delete, yes),
    }
}

/// Rules a line each, numbered from 1.
fn numbered(rules: &[String]) -> String {
    (rules.iter().enumerate())
        .map(|(number, rule)| format!("  {}. {}\n", number + 1, sanitize(rule)))
        .collect()
}

/// One line of `group show`: its label, padded so every value starts in one column.
fn row(label: &str, value: &str) -> String {
    format!("  {label:<14} {value}\n")
}

/// `group archive NAME [--restore | --delete [--yes]]`.
fn archive(dir: &DataDir, name: &str, restore: bool, delete: bool, yes: bool) -> Result<String, CmdError> {
    let mut stored = groups::find(dir, name)?;
    let shown = sanitize(&stored.group.name);
    if delete {
        let sessions = history::sessions(&group::saved(dir, &stored.group.name), &stored.group.name).len();
        let list = format!(
            "{shown}: its file and roster, in {}",
            sanitize(&stored.folder.display().to_string())
        );
        let question = format!(
            "Delete the group {shown:?} and its roster for good? Its {sessions} saved session(s) stay."
        );
        let unasked = || CmdError::DeleteUnasked {
            group: stored.group.name.clone(),
        };
        if !yes && !ask::confirm(&list, &question, unasked)? {
            return Ok("Nothing was removed.".to_owned());
        }
        let files = groups::delete(&stored)?;
        return Ok(format!(
            "Deleted the group {shown:?} ({files} file(s)). Its {sessions} saved session(s) stay; \
             `holdspace purge` removes sessions."
        ));
    }
    stored.group.archived = !restore;
    groups::replace(dir, &mut stored)?;
    Ok(if restore {
        format!("{shown:?} is back in the lists.")
    } else {
        format!(
            "Archived {shown:?}: out of the lists, with its roster and sessions kept. \
             `holdspace group archive {shown:?} --restore` brings it back."
        )
    })
}

/// What the group says of itself on the poster, the referral form and the blurb.
fn on_paper(group: &Group) -> String {
    let outreach = &group.outreach;
    if outreach.is_empty() {
        return format!(
            "On paper: nothing set yet; `holdspace group edit {:?} --for TEXT --contact TEXT` \
             sets what the poster says\n",
            sanitize(&group.name)
        );
    }
    let mut out = "On paper (poster, referral form, blurb):\n".to_owned();
    for (label, text) in [
        ("for", outreach.for_whom.as_str()),
        ("about", outreach.about.as_str()),
        ("contact", outreach.contact.as_str()),
        ("access", outreach.accessibility.as_str()),
        ("starts", outreach.starts.as_deref().unwrap_or_default()),
        ("refer", outreach.refer.as_str()),
    ] {
        if !text.is_empty() {
            out.push_str(&row(label, &sanitize(text)));
        }
    }
    out
}

/// Everything about a group, as `group show` prints it.
fn describe(dir: &DataDir, stored: &Stored, now: NaiveDateTime) -> String {
    let group = &stored.group;
    let mut out = format!("{}\n", sanitize(&group.name));
    out.push_str(&row("meets", &sanitize(&group.when_and_where())));
    if let Some(next) = group.next_meeting(now) {
        out.push_str(&row("next", &next.format("%a %-d %b %Y, %H:%M").to_string()));
    }
    out.push_str(&row("places", &group.capacity.to_string()));
    if !group.co_facilitator.is_empty() {
        out.push_str(&row("co-facilitator", &sanitize(&group.co_facilitator)));
    }
    out.push_str(&row("plan", &sanitize(&group.plan)));
    let every = group.feedback_interval();
    out.push_str(&row(
        "feedback",
        &format!("a members' round every {every} sessions"),
    ));
    let logs = group::saved(dir, &stored.group.name);
    let history = history::sessions(&logs, &group.name);
    let sessions = history.len();
    out.push_str(&row("sessions", &format!("{sessions} saved")));
    let (rules, whose) = group::rules_in_force(stored, &history);
    out.push_str(&format!("Ground rules ({whose}):\n"));
    out.push_str(&numbered(&rules));
    out.push_str(&on_paper(group));
    for (title, items) in [
        ("Preparation checklist", group.checklist.clone()),
        ("Before leaving, in the review", group.closing_checklist()),
    ] {
        out.push_str(&format!("{title}:\n"));
        for item in &items {
            out.push_str(&format!("  ☐ {}\n", sanitize(item)));
        }
    }
    out
}
