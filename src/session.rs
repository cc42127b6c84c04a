//! The life of one session on disk: recording it event by event, the rules of running it live,
//! finding and resuming an interrupted one, what a saved group brings to its next session, the
//! records written after it, a group's history across its sessions, a saved session amended
//! as its review would, when a round of members' feedback is due, and the roster's offer to those
//! who came without being on it.

pub mod amend;
pub mod error;
pub mod feedback;
pub mod follow_through;
pub mod group;
pub mod history;
pub mod live;
pub mod newcomers;
pub mod recorder;
pub mod records;
pub mod recovery;
pub mod workload;
