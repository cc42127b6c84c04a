//! The screens before a session: the start-up question about an interrupted session, the home
//! screen with the saved groups, a group's roster and history, and the preparation screen. Each holds its
//! screen's state, its keys and its loop; `ui::view` draws it.

pub mod history;
pub mod home;
pub mod keys;
pub mod new_group;
pub mod prepare;
pub mod resume;
pub mod roster;
