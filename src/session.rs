//! The life of one session on disk: recording it event by event, the rules of running it live,
//! finding and resuming an interrupted one, what a saved group brings to its next session, the
//! records written after it, and a group's history across its sessions.

pub mod error;
pub mod follow_through;
pub mod group;
pub mod history;
pub mod live;
pub mod recorder;
pub mod records;
pub mod recovery;
pub mod workload;
