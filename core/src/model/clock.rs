//! The device's clock: what "today" and "now" are for the person holding the phone.
//!
//! A [`DeviceClock`] is built from the device's time zone, an IANA name that the shell passes in
//! (`Asia/Phnom_Penh` by default), and optionally pinned to one instant (tests, replayed scripts,
//! a training class). [`DeviceClock::today`] is the date in that zone, so that between 00:00 and
//! 07:00 in Phnom Penh it is already the new day, not yesterday as in UTC.
//! [`DeviceClock::now`] is the local wall time with the zone's UTC offset, to the millisecond
//! (`2026-03-02T01:30:00.000+07:00`): what every record Phum writes is stamped with.
//!
//! Owns reading the system clock: nothing else in the library does. Does not own how dates are
//! shown (`i18n`) or which dates a form accepts (`form`).

use chrono::{DateTime, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::Timestamp;
use crate::i18n::{Localize, Message};

/// The zone of a device that says nothing else: Cambodia's (UTC+07:00 all year).
pub const DEFAULT_TIME_ZONE: &str = "Asia/Phnom_Penh";

/// What can be wrong with a clock's settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    UnknownTimeZone { name: String },
}

impl Localize for ClockError {
    fn message(&self) -> Message {
        match self {
            ClockError::UnknownTimeZone { name } => crate::msg!("model-clock-unknown-time-zone", name = name),
        }
    }
}
crate::english_display!(ClockError);

/// The device's time zone, and the instant it is (the system clock unless pinned).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeviceClock {
    zone: Tz,
    pinned: Option<DateTime<Utc>>,
}

impl Default for DeviceClock {
    /// The system clock in Asia/Phnom_Penh.
    fn default() -> DeviceClock {
        DeviceClock { zone: chrono_tz::Asia::Phnom_Penh, pinned: None }
    }
}

impl DeviceClock {
    /// The system clock in the IANA zone `name` (`Asia/Phnom_Penh`, `UTC`, `Europe/Paris`...).
    pub fn new(name: &str) -> Result<DeviceClock, ClockError> {
        let zone = name.parse::<Tz>().map_err(|_| ClockError::UnknownTimeZone { name: super::uid::shorten(name) })?;
        Ok(DeviceClock { zone, pinned: None })
    }

    /// The same zone, with time standing still at `instant`.
    pub fn pinned_at(self, instant: DateTime<Utc>) -> DeviceClock {
        DeviceClock { pinned: Some(instant), ..self }
    }

    /// The same zone, with time standing still at noon of `date` there: `today()` is `date`.
    pub fn pinned_on(self, date: NaiveDate) -> DeviceClock {
        let noon = date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN));
        // No zone skips or repeats noon; the fallback only keeps this total.
        let instant = self.zone.from_local_datetime(&noon).earliest().map_or(noon.and_utc(), |t| t.to_utc());
        self.pinned_at(instant)
    }

    /// The IANA name of the zone.
    pub fn zone_name(&self) -> &'static str {
        self.zone.name()
    }

    /// The instant it is: the pinned one, or the system clock's.
    pub fn instant(&self) -> DateTime<Utc> {
        self.pinned.unwrap_or_else(Utc::now)
    }

    /// Today's date in the device's zone.
    pub fn today(&self) -> NaiveDate {
        self.instant().with_timezone(&self.zone).date_naive()
    }

    /// The local wall time with the zone's UTC offset, to the millisecond.
    pub fn now(&self) -> Timestamp {
        let local = self.instant().with_timezone(&self.zone);
        Timestamp::with_offset(local.naive_local(), local.offset().fix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn half_past_six_in_the_evening_utc_is_already_tomorrow_in_phnom_penh() {
        let clock = DeviceClock::default().pinned_at(at("2026-03-01T18:30:00Z"));
        assert_eq!(clock.today(), ymd(2026, 3, 2));
        assert_eq!(clock.now().to_string(), "2026-03-02T01:30:00.000+07:00");
        assert_eq!(clock.now().instant(), Some(at("2026-03-01T18:30:00Z")));
    }

    #[test]
    fn the_day_changes_at_local_midnight() {
        let clock = DeviceClock::default();
        assert_eq!(clock.pinned_at(at("2026-03-01T16:59:59.999Z")).today(), ymd(2026, 3, 1));
        assert_eq!(clock.pinned_at(at("2026-03-01T17:00:00Z")).today(), ymd(2026, 3, 2));
        let utc = DeviceClock::new("UTC").unwrap().pinned_at(at("2026-03-01T18:30:00Z"));
        assert_eq!(utc.today(), ymd(2026, 3, 1));
        assert_eq!(utc.now().to_string(), "2026-03-01T18:30:00.000+00:00");
    }

    #[test]
    fn now_is_cut_to_the_millisecond_and_follows_summer_time() {
        let paris = DeviceClock::new("Europe/Paris").unwrap();
        assert_eq!(
            paris.pinned_at(at("2026-01-15T10:00:00.123456Z")).now().to_string(),
            "2026-01-15T11:00:00.123+01:00"
        );
        assert_eq!(paris.pinned_at(at("2026-07-15T10:00:00Z")).now().to_string(), "2026-07-15T12:00:00.000+02:00");
    }

    #[test]
    fn a_pinned_date_is_today_in_the_zone() {
        for zone in ["Asia/Phnom_Penh", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"] {
            let clock = DeviceClock::new(zone).unwrap().pinned_on(ymd(2026, 11, 1));
            assert_eq!(clock.today(), ymd(2026, 11, 1), "{zone}");
            assert_eq!(clock.now().date(), ymd(2026, 11, 1), "{zone}");
        }
    }

    #[test]
    fn an_unknown_zone_is_refused_by_name() {
        assert_eq!(DeviceClock::default().zone_name(), DEFAULT_TIME_ZONE);
        assert_eq!(DeviceClock::new(DEFAULT_TIME_ZONE).unwrap().zone_name(), "Asia/Phnom_Penh");
        let err = DeviceClock::new("Asia/Phnom_Pen").unwrap_err();
        assert_eq!(err, ClockError::UnknownTimeZone { name: "Asia/Phnom_Pen".into() });
        assert!(err.to_string().contains("'Asia/Phnom_Pen'"), "{err}");
        assert!(DeviceClock::new("+07:00").is_err());
        assert!(DeviceClock::new("").is_err());
    }

    #[test]
    fn every_clock_error_variant_renders_in_both_languages() {
        let samples = [ClockError::UnknownTimeZone { name: "Asia/Phnom_Pen".into() }];
        let name = |e: &ClockError| match e {
            ClockError::UnknownTimeZone { .. } => "UnknownTimeZone",
        };
        assert_eq!(samples.iter().map(name).collect::<Vec<_>>(), ["UnknownTimeZone"]);
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
    }
}
