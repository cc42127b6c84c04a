//! The pure core: plans, events, the session fold and schedule arithmetic. No terminal, no files,
//! no reading of the clock: every function that needs the time is given `now`.

pub mod checklist;
pub mod clock;
pub mod command;
pub mod event;
pub mod feedback;
pub mod group;
pub mod hands;
pub mod outreach;
pub mod owed;
pub mod plan;
pub mod record;
pub mod roster;
pub mod schedule;
pub mod session;
pub mod timing;
pub mod wording;

pub use command::Command;
pub use event::{Author, Event, EventKind, SCHEMA_VERSION, SessionMeta};
pub use plan::{Plan, PlanItem};
pub use session::Session;
