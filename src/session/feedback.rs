//! When a saved group's next round of members' own feedback is due, from its saved sessions.

use crate::domain::feedback::{Held, Rhythm};
use crate::session::{group, history};
use crate::store::groups;
use crate::store::paths::DataDir;

/// The rhythm of the saved group called `name`: every how many sessions it asks, and its saved
/// sessions (rehearsals left out) but the one with the ID `except`, which the caller holds as
/// it stands. `None` for a group that is not saved: it has no interval.
pub fn rhythm(dir: &DataDir, name: &str, except: Option<&str>) -> Option<Rhythm> {
    let stored = groups::find(dir, name).ok()?;
    let logs = group::saved(dir, name);
    let held = (history::sessions(&logs, name).into_iter())
        .filter(|log| Some(log.id.as_str()) != except)
        .map(|log| Held {
            started_at: log.started_at,
            answered: !log.feedback.is_empty(),
        })
        .collect();
    Some(Rhythm {
        every: stored.group.feedback_interval(),
        held,
    })
}
