//! The only source of time: the real clock, a fixed one for tests, and a scaled one for rehearsal.

use chrono::{DateTime, TimeDelta, Utc};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub trait Clock {
    fn now(&self) -> DateTime<Utc>;
    /// How many clock seconds pass in one real second (1 for real time).
    fn speed(&self) -> f64 {
        1.0
    }
    /// How far the computer's wall clock reads ahead of this clock (behind if negative). Only
    /// the real clock has one to compare: the others keep their own time by design.
    fn wall_offset(&self) -> TimeDelta {
        TimeDelta::zero()
    }
}

/// What the computer tells time by: its wall clock, which anyone (or NTP) can set, and a
/// steady clock that only moves forward.
pub trait Readings {
    fn wall(&self) -> DateTime<Utc>;
    /// Time since some fixed moment; only differences mean anything.
    fn steady(&self) -> Duration;
}

/// The computer's own readings. The steady clock counts while the computer sleeps (Linux's
/// `CLOCK_BOOTTIME`): a laptop closed during the session, the room carried on.
pub struct Machine;

impl Readings for Machine {
    fn wall(&self) -> DateTime<Utc> {
        Utc::now()
    }

    #[cfg(target_os = "linux")]
    fn steady(&self) -> Duration {
        use rustix::time::{ClockId, clock_gettime};
        let at = clock_gettime(ClockId::Boottime);
        let seconds = u64::try_from(at.tv_sec).unwrap_or_default();
        let nanos = u32::try_from(at.tv_nsec).unwrap_or_default();
        Duration::new(seconds, nanos)
    }

    /// Elsewhere `Instant`, measured from the first reading.
    #[cfg(not(target_os = "linux"))]
    fn steady(&self) -> Duration {
        static FIRST: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        FIRST.get_or_init(Instant::now).elapsed()
    }
}

/// Real time: the wall clock as it read at the start, moved on by the steady clock. Timers and
/// events keep to it, so setting the wall clock a day on (and back) moves no timer, raises no
/// warning and passes no scheduled end; the wall clock's offset from it is reported instead.
pub struct SystemClock<R: Readings = Machine> {
    readings: R,
    origin: DateTime<Utc>,
    steady_origin: Duration,
}

impl SystemClock {
    /// Starts at the wall clock's time now.
    pub fn new() -> Self {
        let now = Machine.wall();
        Self::starting_at(Machine, now)
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl<R: Readings> SystemClock<R> {
    /// Starts at `origin` (a resumed session's clock never starts before its last event).
    pub fn starting_at(readings: R, origin: DateTime<Utc>) -> Self {
        let steady_origin = readings.steady();
        Self {
            readings,
            origin,
            steady_origin,
        }
    }
}

impl<R: Readings> Clock for SystemClock<R> {
    fn now(&self) -> DateTime<Utc> {
        let passed = self.readings.steady().saturating_sub(self.steady_origin);
        // A steady clock counts from boot, so this never runs past chrono's range in practice;
        // should it, the clock stops at the end of time rather than panic.
        (TimeDelta::from_std(passed).ok())
            .and_then(|passed| self.origin.checked_add_signed(passed))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    fn wall_offset(&self) -> TimeDelta {
        self.readings.wall() - self.now()
    }
}

/// How far the wall clock may move from the session's clock before it counts as changed: NTP's
/// corrections are far smaller, a clock set by hand or to the wrong day far larger.
pub const CLOCK_CHANGE: TimeDelta = TimeDelta::minutes(1);

/// Watches the wall clock's offset from the session's clock, to record each change once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WallWatch {
    /// The offset when the session's clock started: the wall clock agreeing with it.
    agreed: TimeDelta,
    /// The offset as last taken in; smaller moves than `CLOCK_CHANGE` add up against it.
    last: TimeDelta,
}

impl WallWatch {
    pub fn new(offset: TimeDelta) -> Self {
        Self {
            agreed: offset,
            last: offset,
        }
    }

    /// The new offset, once, when the wall clock moved by more than `CLOCK_CHANGE` away from
    /// agreeing with the session's clock. Moving back to agreeing is not a change to record: a
    /// clock set a day on and back is one change, the first.
    pub fn changed(&mut self, offset: TimeDelta) -> Option<TimeDelta> {
        if (offset - self.last).abs() <= CLOCK_CHANGE {
            return None;
        }
        self.last = offset;
        ((offset - self.agreed).abs() > CLOCK_CHANGE).then_some(offset)
    }
}

/// A clock that stands still until told to move; tests drive time with it.
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = at;
    }

    pub fn advance(&self, by: TimeDelta) {
        let mut at = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *at += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
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
    fn the_real_clock_starts_at_the_wall_clock_and_runs_at_its_pace() {
        let clock = SystemClock::new();
        assert!(clock.wall_offset().abs() < TimeDelta::seconds(1));
        let start = clock.now();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let passed = clock.now() - start;
        assert!(passed >= TimeDelta::milliseconds(20) && passed < TimeDelta::seconds(5));
    }

    #[test]
    fn a_change_is_a_move_of_over_a_minute_away_from_agreeing() {
        let mut watch = WallWatch::new(TimeDelta::seconds(-3));
        let changed = |watch: &mut WallWatch, seconds| watch.changed(TimeDelta::seconds(seconds));
        assert_eq!(changed(&mut watch, 50), None, "within a minute of where it stood");
        assert_eq!(changed(&mut watch, 70), Some(TimeDelta::seconds(70)), "past it");
        assert_eq!(changed(&mut watch, 75), None, "once");
        assert_eq!(changed(&mut watch, 0), None, "back to agreeing");
        assert_eq!(changed(&mut watch, -7200), Some(TimeDelta::seconds(-7200)));
    }

    #[test]
    #[allow(clippy::float_cmp, reason = "the speed read back is the very number given")]
    fn scaled_clock_runs_ahead_of_real_time() {
        let start = DateTime::UNIX_EPOCH;
        let clock = ScaledClock::new(start, 1000.0);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(clock.now() - start >= TimeDelta::seconds(20));
        assert_eq!(clock.speed(), 1000.0);
    }
}
