//! Views: each draws one part of the live session or the review from the app's state.

pub mod big;
pub mod big_clock;
pub mod hands;
pub mod live;
pub mod now;
pub mod overlay;
pub mod people;
pub mod review;
