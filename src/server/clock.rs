//! Where "now" comes from. Production reads the system clock; tests use a clock they can move
//! (it keeps ticking with the system clock, shifted by whatever the test set), so expiry,
//! reminders and digests are tested by moving time instead of sleeping. Every server function
//! and worker step takes `now` from the state's clock, never from `Utc::now()` directly.

use chrono::{DateTime, TimeDelta, Utc};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Nanoseconds added to the system clock (±292 years); `None` in production.
    shift_ns: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that tests can move; it starts at the system time.
    pub fn settable() -> Self {
        Clock {
            shift_ns: Some(Arc::new(AtomicI64::new(0))),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        let now = Utc::now();
        match &self.shift_ns {
            Some(shift) => now + TimeDelta::nanoseconds(shift.load(Ordering::Relaxed)),
            None => now,
        }
    }

    /// Moves a settable clock forward (or back, for a negative `by`).
    ///
    /// # Panics
    /// On the system clock: production time cannot be moved.
    pub fn advance(&self, by: TimeDelta) {
        let by = by.num_nanoseconds().expect("a shift within ±292 years");
        self.shift().fetch_add(by, Ordering::Relaxed);
    }

    /// Sets a settable clock so that it reads `at` now (and ticks on from there).
    ///
    /// # Panics
    /// On the system clock.
    pub fn set(&self, at: DateTime<Utc>) {
        let shift = (at - Utc::now())
            .num_nanoseconds()
            .expect("a time within ±292 years");
        self.shift().store(shift, Ordering::Relaxed);
    }

    fn shift(&self) -> &AtomicI64 {
        self.shift_ns
            .as_deref()
            .expect("only a settable clock can be moved")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settable_clock_moves_and_keeps_ticking() {
        let clock = Clock::settable();
        let at: DateTime<Utc> = "2027-01-14T15:00:00Z".parse().unwrap();
        clock.set(at);
        let read = clock.now();
        assert!(read >= at && read - at < TimeDelta::seconds(5), "{read}");
        clock.advance(TimeDelta::hours(49));
        assert!(clock.now() - at >= TimeDelta::hours(49));
        let system = Clock::system().now();
        assert!((system - Utc::now()).num_seconds().abs() < 5);
    }
}
