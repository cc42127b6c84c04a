//! The rules of a session run live, whatever shows it: what the passing of time records,
//! following the facilitator's journal from a co-facilitator's holdspace, taking the session
//! over, passing the flow, leaving, ending and finishing. Time is passed in; nothing here knows
//! a terminal, and what to say about each outcome is the caller's.

use crate::domain::clock::WallWatch;
use crate::domain::{Author, Command, EventKind};
use crate::session::recorder::Recorder;
use crate::store::StoreError;
use crate::store::journal;
use crate::store::paths::DataDir;
use chrono::{DateTime, TimeDelta, Utc};
use std::path::PathBuf;

/// How the facilitator's holdspace, followed by a co-facilitator's, is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Followed {
    Running,
    /// It stopped without finishing: starting holdspace again offers to resume the session.
    Stopped,
    /// It finished the session: its journal became the session log.
    Finished,
    /// Its journal could not be read or did not fit the session.
    Broken(String),
}

/// Why a holdspace did not take the session over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotTaken {
    /// The facilitator's holdspace it follows has not stopped.
    StillRunning,
    /// This holdspace is the facilitator's: it runs the session already.
    AlreadyRuns,
    /// The journal could not be taken over; why.
    Failed(String),
}

/// What ending the session came to: the end recorded (with what the recorder had to say) or
/// why not, and the log written at once or why not.
pub struct Ended {
    pub recorded: Result<Option<String>, &'static str>,
    pub log: Result<PathBuf, StoreError>,
}

/// Records `kind` if this holdspace may: what the recorder then has to say (a journal written
/// again, say), or why it may not.
pub fn record(
    recorder: &mut Recorder,
    kind: EventKind,
    now: DateTime<Utc>,
) -> Result<Option<String>, &'static str> {
    recorder.session.permits(&kind, recorder.author)?;
    recorder.record(kind, now);
    Ok(recorder.take_notice())
}

/// Records what `command` comes to, as `record` does; why not if it comes to nothing.
pub fn run(
    recorder: &mut Recorder,
    command: &Command,
    now: DateTime<Utc>,
) -> Result<Option<String>, &'static str> {
    let kind = recorder.session.decide(command, now)?;
    record(recorder, kind, now)
}

/// The facilitator's holdspace records whatever the passing of time has made due by `now`;
/// true if that raised the end warning. A co-facilitator's records nothing of the kind: it
/// takes the facilitator's in.
pub fn tick(recorder: &mut Recorder, now: DateTime<Utc>) -> bool {
    if recorder.is_co_facilitator() {
        return false;
    }
    let mut warned = false;
    for kind in recorder.session.due(now) {
        warned |= kind == EventKind::WarningRaised;
        recorder.record(kind, now);
    }
    warned
}

/// The facilitator's holdspace records the wall clock's being set away from the session's
/// clock, once per change, while the session runs: the wall clock's new offset when it did.
/// Timers keep to the session's clock, so the change moves none of them. `wall` watches the
/// offset from the first call on.
pub fn watch_wall(
    recorder: &mut Recorder,
    wall: &mut Option<WallWatch>,
    offset: TimeDelta,
    now: DateTime<Utc>,
) -> Option<TimeDelta> {
    let changed = wall.get_or_insert_with(|| WallWatch::new(offset)).changed(offset);
    let running = recorder.session.ended.is_none() && !recorder.is_co_facilitator();
    let offset = changed.filter(|_| running)?;
    let wall_offset_seconds = offset.num_seconds();
    recorder.record(EventKind::ClockChanged { wall_offset_seconds }, now);
    Some(offset)
}

/// Takes in what the other holdspaces on this session appended, and returns a line to show, if
/// any: what the recorder has to say, or why the facilitator's could not follow. A
/// co-facilitator's also notices the facilitator's stopping, its journal unlocked (it stopped)
/// or gone (it finished and wrote the log); once it has, it follows no more.
pub fn follow(recorder: &mut Recorder, followed: &mut Option<Followed>) -> Option<String> {
    let co = recorder.is_co_facilitator();
    if co && *followed != Some(Followed::Running) {
        return None;
    }
    let path = recorder.journal_path().to_owned();
    let running = co && journal::in_use(&path);
    let took = recorder.follow();
    let notice = recorder.take_notice();
    match took {
        Err(err) if !co => return Some(err.to_string()),
        Err(err) => *followed = Some(Followed::Broken(err.to_string())),
        Ok(_) if !co || running => {}
        Ok(_) if path.exists() => *followed = Some(Followed::Stopped),
        Ok(_) => *followed = Some(Followed::Finished),
    }
    notice
}

/// A co-facilitator's holdspace takes the session over from a facilitator's that stopped: it
/// holds the journal and records as the facilitator from now on, every event before kept.
pub fn take_over(
    recorder: &mut Recorder,
    followed: &mut Option<Followed>,
    dir: &DataDir,
    now: DateTime<Utc>,
) -> Result<(), NotTaken> {
    if *followed != Some(Followed::Stopped) {
        return Err(if recorder.is_co_facilitator() {
            NotTaken::StillRunning
        } else {
            NotTaken::AlreadyRuns
        });
    }
    recorder
        .take_over(dir, now)
        .map_err(|err| NotTaken::Failed(err.to_string()))?;
    *followed = None;
    Ok(())
}

/// Hands the flow (moving the session on) to the co-facilitator, or back to the facilitator:
/// to whom, or why not.
pub fn pass_flow(recorder: &mut Recorder, now: DateTime<Utc>) -> Result<Author, &'static str> {
    let to = match (recorder.author, recorder.session.flow) {
        (Author::Facilitator, Author::Facilitator) => Author::CoFacilitator,
        _ => Author::Facilitator,
    };
    record(recorder, EventKind::FlowPassed { to }, now)?;
    Ok(to)
}

/// Whether the flow is with another holdspace's facilitator: this one, a co-facilitator's,
/// may not move the session on.
pub fn flow_elsewhere(recorder: &Recorder) -> bool {
    recorder.is_co_facilitator() && recorder.session.flow == Author::Facilitator
}

/// Ending is the facilitator's to do: a co-facilitator's holdspace only leaves the session.
pub fn may_end(recorder: &Recorder) -> bool {
    !recorder.is_co_facilitator()
}

/// Whether leaving now would lose events: some are in memory only, not all in a saved copy.
pub fn unsaved(recorder: &Recorder) -> bool {
    recorder
        .not_saved
        .as_ref()
        .is_some_and(|not_saved| not_saved.rescued_through < Some(recorder.session.last_seq))
}

/// Ends the session and writes its log at once, keeping the journal open for the review; the
/// review goes on even when the log could not be written, as the journal still holds the
/// session and finishing writes the log again.
pub fn end(recorder: &mut Recorder, dir: &DataDir, now: DateTime<Utc>) -> Ended {
    let recorded = run(recorder, &Command::End, now);
    Ended {
        recorded,
        log: recorder.write_log(dir),
    }
}

/// Writes the final log and retires the journal: the log's path. On failure nothing is lost:
/// the journal stays for a copy to be saved elsewhere, or for the next start.
pub fn finish(recorder: &mut Recorder, dir: &DataDir) -> Result<PathBuf, StoreError> {
    recorder.finish(dir)
}
