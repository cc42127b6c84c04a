//! holdspace: a terminal companion for facilitators of peer support groups.
//!
//! The folders, from the inside out: `domain` is the pure core (no terminal, no disk, time passed
//! in); `store` is everything on disk; `session` is one session's life on disk, from recording to
//! history; `export` writes saved sessions out for people outside the room, and `import` reads a
//! team's own tracker in; `ui` is the terminal;
//! `launch` opens the data folder and runs the screens; `cmd` is the command line over all of
//! them; `util` holds text and time formatting every layer uses.

pub mod cmd;
pub mod domain;
pub mod export;
pub mod import;
pub mod launch;
pub mod session;
pub mod store;
pub mod ui;
pub mod util;
