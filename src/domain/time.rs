//! Time as people in Soest see it. Instants are stored and passed as UTC; every date or time
//! a person reads — on pages, in mails, digests and calendar files — goes through this module
//! so it is Europe/Berlin, with its daylight-saving switches from the time-zone database
//! (`chrono-tz`, compiled with this one zone only; see `.cargo/config.toml`).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::{Europe::Berlin, Tz};

/// The zone of the model region.
pub const ZONE: Tz = Berlin;

/// `at` on Berlin's wall clock.
pub fn berlin(at: DateTime<Utc>) -> DateTime<Tz> {
    at.with_timezone(&ZONE)
}

/// The calendar day in Berlin at `at` (what a date on a page shows).
pub fn berlin_date(at: DateTime<Utc>) -> NaiveDate {
    berlin(at).date_naive()
}

/// Berlin's local date and time at `at`, without the zone.
pub fn berlin_local(at: DateTime<Utc>) -> NaiveDateTime {
    berlin(at).naive_local()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Offset, TimeDelta};

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn offset_hours(at: &str) -> i64 {
        TimeDelta::seconds(berlin(utc(at)).offset().fix().local_minus_utc().into()).num_hours()
    }

    /// The regression table of the hand-written EU rule this module replaced.
    #[test]
    fn berlin_switches_between_winter_and_summer_time() {
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        for (at, hours) in [
            ("2026-01-15T12:00:00Z", 1),
            ("2026-07-15T12:00:00Z", 2),
            ("2026-03-29T00:59:59Z", 1),
            ("2026-03-29T01:00:00Z", 2),
            ("2026-10-25T00:59:59Z", 2),
            ("2026-10-25T01:00:00Z", 1),
        ] {
            assert_eq!(offset_hours(at), hours, "{at}");
        }
    }

    #[test]
    fn late_evening_utc_is_already_the_next_day_in_berlin() {
        // 23:30 UTC on both sides of both switches of 2026 (29 March, 25 October).
        for (at, day) in [
            ("2026-03-27T23:30:00Z", "2026-03-28"),
            ("2026-03-28T23:30:00Z", "2026-03-29"),
            ("2026-03-29T23:30:00Z", "2026-03-30"),
            ("2026-10-24T23:30:00Z", "2026-10-25"),
            ("2026-10-25T23:30:00Z", "2026-10-26"),
            ("2026-10-26T12:00:00Z", "2026-10-26"),
        ] {
            assert_eq!(berlin_date(utc(at)).to_string(), day, "{at}");
        }
        assert_eq!(
            berlin_local(utc("2025-03-06T23:30:00Z")).to_string(),
            "2025-03-07 00:30:00"
        );
    }
}
