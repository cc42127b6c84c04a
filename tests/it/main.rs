//! Every test but the panic report's in one binary, so that a change links once: a module per
//! area (domain and store, the app and its screens, the command line, the real binary in tmux),
//! and the helpers they share (`common`, `fixture`, `screen`). The panic report's test sets the
//! process's panic hook, so it runs in a binary of its own (`tests/panic.rs`).

mod common;
mod fixture;
mod screen;

mod app_clicks;
mod app_editor;
mod app_feedback;
mod app_hands;
mod app_keys;
mod app_review;
mod cli;
mod cli_feedback;
mod cli_groups;
mod cli_history;
mod cli_plans;
mod crash;
mod disk_faults;
mod domain;
mod e2e;
mod e2e_groups;
mod e2e_hands;
mod e2e_instances;
mod e2e_keys;
mod e2e_review;
mod e2e_settings;
mod e2e_signals;
mod export;
mod faults;
mod feedback;
mod follower;
mod fuzz;
mod groups;
mod hands;
mod history;
mod home;
mod hostile_paths;
mod hostile_text;
mod import;
mod instances;
mod live_ticks;
mod outreach;
mod owed;
mod permissions;
mod plans;
mod purge;
mod record;
mod render;
mod render_big_clock;
mod render_editor;
mod render_hands;
mod render_review;
mod report;
mod roster;
mod roster_command;
mod roster_store;
mod roster_view;
mod session_live;
mod sizes;
mod store;
mod store_log;
mod themes;
mod tracker;
mod two_writers;
