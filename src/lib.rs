//! holdspace: a terminal companion for facilitators of peer support groups.

pub mod bug;
pub mod cli;
pub mod config;
pub mod domain;
pub mod export;
pub mod format;
pub mod group_command;
pub mod group_session;
pub mod history;
pub mod notice;
pub mod plans;
pub mod purge;
pub mod recorder;
pub mod records;
pub mod recovery;
pub mod report;
pub mod roster_command;
pub mod script;
pub mod signals;
pub mod start;
pub mod store;
pub mod summary;
pub mod text;
pub mod toml_file;
pub mod ui;
