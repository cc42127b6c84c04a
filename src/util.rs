//! Helpers every layer uses: how times are written, text made safe for a terminal, and lines
//! for standard error that never panic.

pub mod format;
pub mod notice;
pub mod text;
