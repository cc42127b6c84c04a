//! Views: each draws a screen, or one part of the live session or the review, from its state;
//! none changes state or reads a file.

pub mod agenda;
pub mod big;
pub mod big_clock;
pub mod editor;
pub mod feedback;
pub mod footer;
pub mod hands;
pub mod help;
pub mod history;
pub mod home;
pub mod item_form;
pub mod live;
pub mod now;
pub mod overlay;
pub mod panel;
pub mod people;
pub mod pick;
pub mod popup;
pub mod prepare;
pub mod question;
pub mod resume;
pub mod review;
pub mod roster;
pub mod status;
