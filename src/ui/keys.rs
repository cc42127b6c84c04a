//! Keys: the actions there are, the built-in key tables, and the user's keys file over them.

pub mod action;
pub mod bindings;
pub mod keymap;
