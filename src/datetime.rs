//! The date type of [`crate::Article::published`] and
//! [`crate::Article::modified`]: an output type, so a leaf module; the
//! lenient parser for dates as pages write them is `metadata::date`.
//!
//! Why a small type of our own rather than `chrono` or `jiff`: a page gives
//! a date alone, a local date and time, or a date and time with a UTC
//! offset, and the article must say which. Both crates model these as three
//! different types (`NaiveDate`/`NaiveDateTime`/`DateTime<FixedOffset>`,
//! `civil::Date`/`civil::DateTime`/`Zoned`), so an enum of our own would
//! wrap them anyway; what that enum needs (day-of-month and leap-year
//! checks, ISO 8601 output, a Unix timestamp) is a few dozen lines, and the
//! public API does not tie callers to a third-party major version.

use std::fmt;

/// A calendar date, optionally with a time of day and a UTC offset, as the
/// page gave it.
///
/// `Display` writes ISO 8601: `2015-02-25` for a date alone,
/// `2015-02-25T11:46:00` for a local time (the page named no time zone),
/// `2015-02-25T11:46:00+01:00` or `2015-02-25T10:46:00Z` when it did.
/// Fractional seconds are written only when present. Years run from 1 to
/// 9999. With the `serde` feature it serializes as that string.
///
/// ```
/// use unboil::DateTime;
/// let d = DateTime::parse("Wed, 25 Feb 2015 11:46:00 +0100").unwrap();
/// assert_eq!(d.to_string(), "2015-02-25T11:46:00+01:00");
/// assert_eq!((d.year(), d.month(), d.day()), (2015, 2, 25));
/// assert_eq!(d.offset_minutes(), Some(60));
///
/// let day = DateTime::parse("25. Februar 2015").unwrap();
/// assert_eq!(day.to_string(), "2015-02-25");
/// assert!(!day.has_time());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    year: u16,
    month: u8,
    day: u8,
    time: Option<Time>,
    /// Minutes east of UTC.
    offset: Option<i16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Time {
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
}

/// Largest UTC offset accepted, in minutes (±18:00, as RFC 3339 and most
/// libraries allow).
const MAX_OFFSET_MINUTES: i32 = 18 * 60;

impl DateTime {
    /// A date alone; `None` unless it is a real calendar day of a year from
    /// 1 to 9999.
    ///
    /// ```
    /// assert!(unboil::DateTime::from_ymd(2024, 2, 29).is_some());
    /// assert!(unboil::DateTime::from_ymd(2023, 2, 29).is_none());
    /// assert!(unboil::DateTime::from_ymd(0, 1, 1).is_none());
    /// ```
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<DateTime> {
        let year = u16::try_from(year)
            .ok()
            .filter(|y| (1..=9999).contains(y))?;
        let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let day = u8::try_from(day)
            .ok()
            .filter(|&d| d >= 1 && d <= days_in_month(year, month))?;
        Some(DateTime {
            year,
            month,
            day,
            time: None,
            offset: None,
        })
    }

    /// The same day with a time of day; `None` when a field is out of range
    /// (a leap second, 60, is accepted).
    pub fn with_time(self, hour: u32, minute: u32, second: u32, nanosecond: u32) -> Option<Self> {
        if hour > 23 || minute > 59 || second > 60 || nanosecond > 999_999_999 {
            return None;
        }
        Some(DateTime {
            time: Some(Time {
                hour: u8::try_from(hour).ok()?,
                minute: u8::try_from(minute).ok()?,
                second: u8::try_from(second).ok()?,
                nanosecond,
            }),
            ..self
        })
    }

    /// The same date and time with a UTC offset in minutes east of UTC
    /// (`60` for `+01:00`); `None` beyond ±18 hours or without a time.
    pub fn with_offset_minutes(self, minutes: i32) -> Option<Self> {
        if self.time.is_none() || minutes.abs() > MAX_OFFSET_MINUTES {
            return None;
        }
        Some(DateTime {
            offset: Some(i16::try_from(minutes).ok()?),
            ..self
        })
    }

    /// The year, 1 to 9999.
    pub fn year(&self) -> i32 {
        i32::from(self.year)
    }
    /// The month, 1 to 12.
    pub fn month(&self) -> u32 {
        u32::from(self.month)
    }
    /// The day of the month, from 1.
    pub fn day(&self) -> u32 {
        u32::from(self.day)
    }
    /// Whether the page gave a time of day.
    pub fn has_time(&self) -> bool {
        self.time.is_some()
    }
    /// The hour, 0 to 23, when the page gave a time.
    pub fn hour(&self) -> Option<u32> {
        self.time.map(|t| u32::from(t.hour))
    }
    /// The minute, when the page gave a time.
    pub fn minute(&self) -> Option<u32> {
        self.time.map(|t| u32::from(t.minute))
    }
    /// The second, when the page gave a time (0 when it gave only minutes).
    pub fn second(&self) -> Option<u32> {
        self.time.map(|t| u32::from(t.second))
    }
    /// The fraction of the second in nanoseconds, when the page gave a time.
    pub fn nanosecond(&self) -> Option<u32> {
        self.time.map(|t| t.nanosecond)
    }
    /// The UTC offset in minutes east of UTC, when the page gave a zone.
    pub fn offset_minutes(&self) -> Option<i32> {
        self.offset.map(i32::from)
    }

    /// Seconds since 1970-01-01T00:00:00Z, when the page gave a time and a
    /// zone (a local time or a date alone is not an instant).
    ///
    /// ```
    /// let d = unboil::DateTime::parse("2015-02-25T11:46:00+01:00").unwrap();
    /// assert_eq!(d.timestamp(), Some(1_424_861_160));
    /// ```
    pub fn timestamp(&self) -> Option<i64> {
        let t = self.time?;
        let offset = i64::from(self.offset?);
        let days = days_from_civil(i64::from(self.year), self.month, self.day);
        Some(
            days * 86_400
                + i64::from(t.hour) * 3600
                + i64::from(t.minute) * 60
                + i64::from(t.second)
                - offset * 60,
        )
    }

    /// The UTC instant `seconds` after the Unix epoch (`None` outside years
    /// 1 to 9999).
    pub(crate) fn from_timestamp(seconds: i64, nanosecond: u32) -> Option<DateTime> {
        let days = seconds.div_euclid(86_400);
        let secs = seconds.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days)?;
        let (h, mi, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
        DateTime::from_ymd(y, m, d)?
            .with_time(
                u32::try_from(h).ok()?,
                u32::try_from(mi).ok()?,
                u32::try_from(s).ok()?,
                nanosecond,
            )?
            .with_offset_minutes(0)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        let Some(t) = self.time else {
            return Ok(());
        };
        write!(f, "T{:02}:{:02}:{:02}", t.hour, t.minute, t.second)?;
        if t.nanosecond != 0 {
            let (digits, value) = if t.nanosecond % 1_000_000 == 0 {
                (3, t.nanosecond / 1_000_000)
            } else if t.nanosecond % 1000 == 0 {
                (6, t.nanosecond / 1000)
            } else {
                (9, t.nanosecond)
            };
            write!(f, ".{value:0digits$}")?;
        }
        match self.offset {
            None => Ok(()),
            Some(0) => f.write_str("Z"),
            Some(m) => {
                let sign = if m < 0 { '-' } else { '+' };
                let m = m.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let (m, d) = (i64::from(month), i64::from(day));
    let y = if m <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]; `None` far outside years 1..=9999.
fn civil_from_days(days: i64) -> Option<(i32, u32, u32)> {
    // Years 1..=9999 are within ±3,000,000 days of the epoch.
    if days.abs() > 3_000_000 {
        return None;
    }
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some((
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_time_is_send_sync_and_serializes_as_iso() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<DateTime>();
        assert_send_sync::<crate::Article>();
        #[cfg(feature = "serde")]
        {
            let d = DateTime::parse("2015-02-25T11:46:00+01:00").unwrap();
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                "\"2015-02-25T11:46:00+01:00\""
            );
        }
    }

    #[test]
    fn year_zero_and_99999_are_rejected() {
        assert!(DateTime::from_ymd(0, 1, 1).is_none());
        assert!(DateTime::from_ymd(99999, 1, 1).is_none());
        assert!(DateTime::from_ymd(-5, 1, 1).is_none());
        assert!(DateTime::from_timestamp(i64::MAX, 0).is_none());
        assert!(DateTime::from_timestamp(i64::MIN, 0).is_none());
        assert_eq!(
            DateTime::from_ymd(9999, 12, 31).map(|d| d.to_string()),
            Some("9999-12-31".into())
        );
    }

    #[test]
    fn timestamps_round_trip() {
        for secs in [0i64, 1_424_864_760, -86_400, 253_402_300_799] {
            let d = DateTime::from_timestamp(secs, 0).unwrap();
            assert_eq!(d.timestamp(), Some(secs), "{d}");
        }
    }

    #[test]
    fn offsets_are_kept_and_bounded() {
        let d = DateTime::from_ymd(2015, 2, 25).unwrap();
        assert!(d.with_offset_minutes(60).is_none(), "no time, no zone");
        let t = d.with_time(11, 46, 0, 0).unwrap();
        assert_eq!(
            t.with_offset_minutes(-330).unwrap().to_string(),
            "2015-02-25T11:46:00-05:30"
        );
        assert!(t.with_offset_minutes(19 * 60).is_none());
    }
}
