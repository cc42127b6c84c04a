//! Views: each draws a screen, or one part of the live session or the review, from its state;
//! none changes state or reads a file.

pub mod big;
pub mod big_clock;
pub mod hands;
pub mod home;
pub mod live;
pub mod now;
pub mod overlay;
pub mod people;
pub mod prepare;
pub mod resume;
pub mod review;
pub mod roster;
