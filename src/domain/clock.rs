//! The only source of time: the real clock, a fixed one for tests, and a scaled one for rehearsal.

use chrono::{DateTime, TimeDelta, Utc};
use std::sync::Mutex;
use std::time::Instant;

pub trait Clock {
    fn now(&self) -> DateTime<Utc>;
    /// How many clock seconds pass in one real second (1 for real time).
    fn speed(&self) -> f64 {
        1.0
    }
}

/// Wall-clock time.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until told to move; tests drive time with it.
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|poison| poison.into_inner()) = at;
    }

    pub fn advance(&self, by: TimeDelta) {
        let mut at = self.0.lock().unwrap_or_else(|poison| poison.into_inner());
        *at += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|poison| poison.into_inner())
    }
}

/// Rehearsal time: starts at `origin` and runs `speed` times faster than real time.
/// Measured from a monotonic `Instant` so a wall-clock jump cannot disturb a dry run.
pub struct ScaledClock {
    origin: DateTime<Utc>,
    started: Instant,
    speed: f64,
}

impl ScaledClock {
    pub fn new(origin: DateTime<Utc>, speed: f64) -> Self {
        Self {
            origin,
            started: Instant::now(),
            speed,
        }
    }
}

impl Clock for ScaledClock {
    fn now(&self) -> DateTime<Utc> {
        let real = self.started.elapsed().as_secs_f64();
        let micros = (real * self.speed * 1e6) as i64;
        self.origin + TimeDelta::microseconds(micros)
    }

    fn speed(&self) -> f64 {
        self.speed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_moves_only_when_told() {
        let start = DateTime::UNIX_EPOCH;
        let clock = FixedClock::new(start);
        assert_eq!(clock.now(), start);
        clock.advance(TimeDelta::seconds(90));
        assert_eq!(clock.now(), start + TimeDelta::seconds(90));
    }

    #[test]
    fn scaled_clock_runs_ahead_of_real_time() {
        let start = DateTime::UNIX_EPOCH;
        let clock = ScaledClock::new(start, 1000.0);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(clock.now() - start >= TimeDelta::seconds(20));
        assert_eq!(clock.speed(), 1000.0);
    }
}
