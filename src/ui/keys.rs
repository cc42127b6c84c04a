//! Keys: the actions there are and their names, the built-in key tables, how keys are named,
//! the keys in force (the keymap), the user's keys file over the tables, and help drawn from them.

pub mod action;
pub mod defaults;
pub mod help;
pub mod keymap;
pub mod keys_file;
pub mod name;
