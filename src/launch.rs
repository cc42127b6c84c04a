//! Starting a screen on a session, a step per file: the command line's request (args), the data
//! folder, the journals found at start (triage), the session opened as asked (request), the
//! live screen from question to farewell (live), the follow view and the review (elsewhere),
//! and running the app until it is done (drive). Errors are one type (error).

pub mod args;
pub mod data_dir;
pub mod drive;
pub mod elsewhere;
pub mod error;
pub mod live;
pub mod request;
pub mod triage;

pub use data_dir::open_data_dir;
pub use drive::{Setup, farewell, new_app};
pub use elsewhere::{follow, review, running_session};
pub use error::LaunchError;
pub use live::run;
pub use request::{Mode, Opened, Request};
pub use triage::{Journals, triage};
