//! Calendar files (RFC 5545) of workshops, written with the `icalendar` crate (escaping, line
//! folding at 75 octets, CRLF). Times are Berlin wall-clock times with `TZID=Europe/Berlin`
//! and the zone's `VTIMEZONE`, so calendars abroad and across the daylight-saving switch show
//! the time the workshop really starts. The online link never goes into a calendar file:
//! files get forwarded, and the link is for registered people only, on the page.

use crate::domain::time::berlin_local;
use crate::domain::workshops::WorkshopFormat;
use crate::server::db::workshops::WorkshopRow;
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

/// The iTIP method of a calendar file sent by mail (RFC 5546): a new or changed entry, or
/// its removal. Feeds and downloads carry no method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Request,
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// Berlin's rules since 1996 (EU summer time: last Sunday of March 01:00 UTC to last Sunday
/// of October 01:00 UTC), as the time-zone database states them. Zone data, not code: a unit
/// test checks it against `chrono-tz` for years on both sides.
const BERLIN_VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Berlin\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// For whom a workshop's entry is written: the public (feeds, downloads) or one person.
pub struct Recipient<'a> {
    pub name: &'a str,
    pub email: &'a str,
}

/// A calendar with one entry per workshop. `method` and `recipient` for mails; `host` makes
/// the UIDs and the organiser's address; `base_url` the pages' addresses.
pub fn calendar(
    workshops: &[WorkshopRow],
    method: Option<Method>,
    recipient: Option<&Recipient<'_>>,
    base_url: &str,
    organiser_email: &str,
    title: &str,
) -> String {
    let mut calendar = Calendar::new();
    calendar.name(title);
    if let Some(method) = method {
        calendar.append_property(Property::new("METHOD", method.as_str()));
    }
    calendar.timezone(crate::domain::time::ZONE.name());
    for workshop in workshops {
        calendar.push(event(
            workshop,
            method,
            recipient,
            base_url,
            organiser_email,
        ));
    }
    with_berlin_zone(&calendar.done().to_string())
}

/// Puts the zone definition in front of the events. The crate would give every component it
/// writes a `UID` and a `DTSTAMP`, which a `VTIMEZONE` must not have, so the fixed text is
/// placed into the written calendar instead.
fn with_berlin_zone(ics: &str) -> String {
    let at = ics
        .find("BEGIN:VEVENT\r\n")
        .or_else(|| ics.find("END:VCALENDAR"))
        .unwrap_or(ics.len());
    format!("{}{BERLIN_VTIMEZONE}{}", &ics[..at], &ics[at..])
}

fn berlin_time(at: chrono::DateTime<chrono::Utc>) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: berlin_local(at),
        tzid: crate::domain::time::ZONE.name().to_owned(),
    }
}

fn event(
    workshop: &WorkshopRow,
    method: Option<Method>,
    recipient: Option<&Recipient<'_>>,
    base_url: &str,
    organiser_email: &str,
) -> Event {
    let host = url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "stadtlabor".to_owned());
    let page = format!(
        "{}/workshops/{}",
        base_url.trim_end_matches('/'),
        workshop.slug
    );
    let location = match workshop.format {
        WorkshopFormat::InPerson => workshop.location.clone(),
        WorkshopFormat::Online => "Online".to_owned(),
        WorkshopFormat::Hybrid => format!("{} / Online", workshop.location),
    };
    // Calendar text has no markup and no carriage returns (the crate escapes line feeds).
    let description = format!(
        "{}\n\n{page}",
        workshop
            .description_md
            .replace("\r\n", "\n")
            .replace('\r', "\n")
    );
    let cancelled = workshop.cancelled_at.is_some() || method == Some(Method::Cancel);
    let mut event = Event::new();
    event
        .uid(&format!("workshop-{}@{host}", workshop.id))
        .timestamp(workshop.updated_at)
        .sequence(u32::try_from(workshop.sequence).unwrap_or_default())
        .summary(&workshop.title)
        .description(&description)
        .starts(berlin_time(workshop.starts_at))
        .ends(berlin_time(workshop.ends_at))
        .location(&location)
        .url(&page)
        .status(if cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    if method.is_some() {
        event.append_property(
            Property::new("ORGANIZER", format!("mailto:{organiser_email}"))
                .add_parameter("CN", "City-Lab SO Digital")
                .done(),
        );
    }
    if let Some(person) = recipient {
        event.append_property(
            Property::new("ATTENDEE", format!("mailto:{}", person.email))
                .add_parameter("CN", person.name)
                .add_parameter("PARTSTAT", "ACCEPTED")
                .done(),
        );
    }
    event.done()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate, Offset, TimeZone, Weekday};
    use chrono_tz::Europe::Berlin;

    fn last_sunday(year: i32, month: u32) -> NaiveDate {
        let mut day = NaiveDate::from_ymd_opt(year, month + 1, 1)
            .unwrap()
            .pred_opt()
            .unwrap();
        while day.weekday() != Weekday::Sun {
            day = day.pred_opt().unwrap();
        }
        day
    }

    /// The VTIMEZONE's two rules agree with the time-zone database for 2000–2040.
    #[test]
    fn the_berlin_vtimezone_matches_the_time_zone_database() {
        let offset = |day: NaiveDate, h| {
            Berlin
                .from_utc_datetime(&day.and_hms_opt(h, 0, 0).unwrap())
                .offset()
                .fix()
                .local_minus_utc()
        };
        for year in 2000..=2040 {
            let march = last_sunday(year, 3);
            let october = last_sunday(year, 10);
            // 01:00 UTC = 02:00 CET (March) and 03:00 CEST (October): the switch instants.
            assert_eq!(offset(march, 0), 3600, "{year} before March");
            assert_eq!(offset(march, 1), 7200, "{year} after March");
            assert_eq!(offset(october, 0), 7200, "{year} before October");
            assert_eq!(offset(october, 1), 3600, "{year} after October");
        }
        assert!(BERLIN_VTIMEZONE.contains("BYMONTH=3;BYDAY=-1SU"));
        assert!(BERLIN_VTIMEZONE.contains("BYMONTH=10;BYDAY=-1SU"));
    }

    #[test]
    fn the_zone_comes_once_before_the_events_without_uid_or_dtstamp() {
        let ics = with_berlin_zone(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        );
        assert_eq!(ics.matches("BEGIN:VTIMEZONE").count(), 1);
        let zone = &ics[ics.find("BEGIN:VTIMEZONE").unwrap()..ics.find("END:VTIMEZONE").unwrap()];
        assert!(!zone.contains("UID") && !zone.contains("DTSTAMP"));
        assert!(ics.find("END:VTIMEZONE").unwrap() < ics.find("BEGIN:VEVENT").unwrap());
        let empty = with_berlin_zone("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        assert!(empty.ends_with("END:VTIMEZONE\r\nEND:VCALENDAR\r\n"));
    }
}
