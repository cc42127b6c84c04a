//! What a saved group brings to its next session: its plan with a fresh ice-breaker, its own
//! ground rules, and the rules a session agreed made the group's as a new version when that
//! session is saved (or, after a crash, at the next start).

use crate::domain::EventKind;
use crate::domain::group::same_group;
use crate::domain::plan::Kind;
use crate::session::error::SessionError;
use crate::session::history;
use crate::store::StoreError;
use crate::store::groups::{self, Stored};
use crate::store::log::{self, Loaded, SessionLog};
use crate::store::paths::DataDir;
use crate::store::plans::{self, Chosen};

/// The saved session logs of the group called `group`, rehearsals included; one that cannot be
/// read is left out here, and `holdspace sessions` names it.
pub fn saved(dir: &DataDir, group: &str) -> Vec<Loaded> {
    saved_and_unread(dir, group).0
}

/// The saved logs of the group called `group`, and how many logs could not be read (of this
/// group or any: a log that cannot be read cannot say whose it is), so a count can say so.
pub fn saved_and_unread(dir: &DataDir, group: &str) -> (Vec<Loaded>, usize) {
    log::list_where(&dir.sessions_dir(), |head| same_group(head.group(), group))
        .map_or((Vec::new(), 1), |(logs, errors)| (logs, errors.len()))
}

/// After a session of the group called `group` is saved: the ground rules it agreed become the
/// group's, as the next version, saved at once, and said. Nothing for a group that is not saved
/// or rules that did not change.
pub fn promote_rules(dir: &DataDir, group: &str) -> Result<Option<String>, StoreError> {
    let Ok(mut stored) = groups::find(dir, group) else {
        return Ok(None);
    };
    let logs = saved(dir, group);
    let Some(notice) = carry_rules(&mut stored, &history::sessions(&logs, group)) else {
        return Ok(None);
    };
    stored.save(dir)?;
    Ok(Some(notice))
}

/// The rules in force for a group, and what version they are: its own, or those its latest
/// session agreed and that are not yet saved as its own (a session that ended in a crash), or
/// the plan's until it agrees its own. `history` is the group's sessions, oldest first.
pub fn rules_in_force(stored: &Stored, history: &[&SessionLog]) -> (Vec<String>, String) {
    let mut carried = stored.clone();
    let pending = carry_rules(&mut carried, history);
    let group = &carried.group;
    if group.ground_rules.is_empty() {
        let plan = plans::load(&group.plan).map(|chosen| chosen.plan.ground_rules);
        return (
            plan.unwrap_or_default(),
            "the plan's, until the group agrees its own".to_owned(),
        );
    }
    let saved = if pending.is_some() {
        ", agreed in the last session: saved as the group's at its next start"
    } else {
        ""
    };
    (
        group.ground_rules.clone(),
        format!("version {}{saved}", group.rules_version),
    )
}

/// The ice-breaker prompts the group has been asked, oldest first.
fn asked(history: &[&SessionLog]) -> Vec<String> {
    history
        .iter()
        .filter_map(|log| match log.events.first().map(|event| &event.kind) {
            Some(EventKind::Started(meta)) => Some(meta.plan.items.clone()),
            _ => None,
        })
        .flatten()
        .filter(|item| item.kind == Kind::IceBreaker)
        .flat_map(|item| item.prompts)
        .collect()
}

/// The group's plan for its next session: `plan` (a template or file) or the group's own, with
/// the group's name and rules, and each ice-breaker's prompt drawn.
pub fn plan_for(
    stored: &Stored,
    plan: Option<&str>,
    history: &[&SessionLog],
) -> Result<Chosen, SessionError> {
    let group = &stored.group;
    let mut chosen = plans::load(plan.unwrap_or(&group.plan)).map_err(|error| SessionError::GroupPlan {
        group: group.name.clone(),
        file: stored.file(),
        error: Box::new(error),
    })?;
    chosen.plan.group.clone_from(&group.name);
    if !group.ground_rules.is_empty() {
        chosen.plan.ground_rules.clone_from(&group.ground_rules);
    }
    chosen.plan.draw_prompts(&asked(history));
    Ok(chosen)
}

/// Makes the rules the group changed in its latest session its own, as the next version, and
/// says so; the caller saves the group once the next session starts. Done at the next start
/// rather than at the end of a session, so that one that ended in a crash still carries its
/// rules over.
pub fn carry_rules(stored: &mut Stored, history: &[&SessionLog]) -> Option<String> {
    let latest = history.last()?;
    let started_with = match latest.events.first().map(|event| &event.kind) {
        Some(EventKind::Started(meta)) => meta.rules_version,
        _ => None,
    };
    let rules = &latest.ground_rules;
    let group = &mut stored.group;
    let edited = latest
        .events
        .iter()
        .any(|event| matches!(event.kind, EventKind::RulesEdited { .. }));
    if started_with != Some(group.rules_version)
        || !edited
        || rules.is_empty()
        || *rules == group.ground_rules
    {
        return None;
    }
    group.ground_rules.clone_from(rules);
    group.rules_version += 1;
    Some(format!(
        "the ground rules changed in session {} are now the group's, version {}",
        latest.id, stored.group.rules_version
    ))
}
