//! The lenient parser for dates as pages write them (ISO 8601, RFC 2822,
//! timestamps, dates in running text in some 25 languages and their
//! scripts), behind [`DateTime::parse`]; `text` finds dates in running
//! text.
//!
//! Every pattern runs on at most [`p::MAX_DATE_INPUT`] bytes and the
//! regex engine is linear, so parsing is linear in the input.

mod choose;
#[cfg(test)]
mod tests;
mod text;

use regex::Captures;

use crate::datetime::DateTime;
use crate::patterns as p;

pub(crate) use choose::not_after;
pub(crate) use text::{find_all_in_text, find_all_with, find_in_text};

impl DateTime {
    /// Parses a date as pages write it: ISO 8601 / RFC 3339, RFC 2822,
    /// Unix timestamps (seconds or milliseconds), `20150225`, and dates in
    /// running text such as "February 25, 2015", "25 February 2015",
    /// "25.02.2015", "2015/02/25", "25 février 2015", "25. Februar 2015",
    /// "25 de febrero de 2015", "2015年2月25日", "2015년 2월 25일",
    /// "平成27年2月25日", "25 февраля 2015" or "٢٥ فبراير ٢٠١٥" (digits of
    /// other scripts are read as digits), with a time when one follows.
    /// Slashed dates are read month first unless that is impossible
    /// (`25/02/2015`); dashed ones day first.
    ///
    /// ```
    /// use unboil::DateTime;
    /// let parse = |s| DateTime::parse(s).map(|d| d.to_string());
    /// assert_eq!(parse("2015-02-25T11:46:00Z").as_deref(), Some("2015-02-25T11:46:00Z"));
    /// assert_eq!(parse("February 25, 2015").as_deref(), Some("2015-02-25"));
    /// assert_eq!(parse("1424864760").as_deref(), Some("2015-02-25T11:46:00Z"));
    /// assert_eq!(parse("yesterday"), None);
    /// ```
    pub fn parse(input: &str) -> Option<DateTime> {
        parse(input)
    }
}

/// Read from the ISO 8601 string it serializes as (any date the lenient
/// parser takes is accepted). Here rather than beside `Serialize` in the
/// `datetime` leaf, because the parser lives here.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not a date: {text:?}")))
    }
}

// ---------------------------------------------------------------- parsing

fn month_number(name: &str) -> Option<u32> {
    let name = name
        .trim_end_matches('.')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    p::MONTHS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

/// `+01:00`, `+0100`, `+01`, `Z`, `UTC`, `EST`... in minutes.
fn zone_minutes(zone: &str) -> Option<i32> {
    let zone = zone.trim();
    if let Some(rest) = zone.strip_prefix('+').or_else(|| zone.strip_prefix('-')) {
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        let (h, m) = match digits.len() {
            2 => (digits.parse::<i32>().ok()?, 0),
            4 => (
                digits.get(..2)?.parse::<i32>().ok()?,
                digits.get(2..)?.parse::<i32>().ok()?,
            ),
            _ => return None,
        };
        if m > 59 {
            return None;
        }
        let minutes = h * 60 + m;
        return Some(if zone.starts_with('-') {
            -minutes
        } else {
            minutes
        });
    }
    let lower = zone.to_ascii_lowercase();
    p::ZONES.iter().find(|(n, _)| *n == lower).map(|(_, m)| *m)
}

/// Nanoseconds from the digits after the decimal point.
fn fraction(digits: &str) -> Option<u32> {
    let digits = digits.get(..digits.len().min(9))?;
    let value: u32 = digits.parse().ok()?;
    let scale = 10u32.checked_pow(9 - u32::try_from(digits.len()).ok()?)?;
    value.checked_mul(scale)
}

/// Adds the time and zone captured in `c` (if any) to `date`; a bad time
/// leaves the date alone.
fn with_captured_time(date: DateTime, c: &Captures<'_>) -> DateTime {
    let Some(mut hour) = num(c, "H") else {
        return date;
    };
    let Some(minute) = num(c, "M") else {
        return date;
    };
    if let Some(ap) = c.name("ap") {
        let pm = ap.as_str().to_ascii_lowercase().starts_with('p');
        if hour == 0 || hour > 12 {
            return date;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let second = num(c, "S").unwrap_or(0);
    let nanos = c.name("f").and_then(|f| fraction(f.as_str())).unwrap_or(0);
    let Some(timed) = date.with_time(hour, minute, second, nanos) else {
        return date;
    };
    match c.name("z").and_then(|z| zone_minutes(z.as_str())) {
        Some(offset) => timed.with_offset_minutes(offset).unwrap_or(timed),
        None => timed,
    }
}

/// See [`DateTime::parse`].
pub(crate) fn parse(input: &str) -> Option<DateTime> {
    parse_with(input, None)
}

/// [`parse`], with the order of ambiguous numeric dates (`05/06/2015`) the
/// page's language gives: `Some(true)` day first, `Some(false)` month
/// first (see [`day_first_for`]).
pub(crate) fn parse_with(input: &str, day_first: Option<bool>) -> Option<DateTime> {
    let input = input.trim();
    if input.is_empty() || input.len() > p::MAX_DATE_INPUT {
        return None;
    }
    let (normal, _) = text::ascii_digits(input);
    let input = normal.as_str();
    if let Some(c) = p::ISO_DATE.captures(input) {
        let date = DateTime::from_ymd(
            i32::try_from(num(&c, "y")?).ok()?,
            num(&c, "m")?,
            num(&c, "d")?,
        )?;
        return Some(with_captured_time(date, &c));
    }
    if let Some(c) = p::RFC2822_DATE.captures(input) {
        if let Some(date) = c
            .name("mon")
            .and_then(|m| month_number(m.as_str()))
            .and_then(|m| DateTime::from_ymd(i32::try_from(num(&c, "y")?).ok()?, m, num(&c, "d")?))
        {
            return Some(with_captured_time(date, &c));
        }
    }
    if input.bytes().all(|b| b.is_ascii_digit()) {
        return digits_only(input);
    }
    text::find_all_with(input, day_first)
        .into_iter()
        .next()
        .map(|(_, d)| d)
}

/// The order of ambiguous numeric dates on a page in language `lang` (its
/// `<html lang>`): month first in US English and its neighbours
/// ([`p::MONTH_FIRST_LANGS`]), day first in every other language and in
/// other Englishes, `None` (each pattern's default) for a bare `en` or no
/// language.
pub(crate) fn day_first_for(lang: Option<&str>) -> Option<bool> {
    let lang = lang?.trim().to_ascii_lowercase().replace('_', "-");
    if lang.is_empty() || lang == "en" {
        return None;
    }
    Some(!p::MONTH_FIRST_LANGS.iter().any(|l| lang.starts_with(l)))
}

/// Whether `date`, found in a page's layout, text or URL rather than
/// declared, can be its publication date (see [`p::MIN_INFERRED_YEAR`]).
pub(crate) fn plausible_inferred(date: &DateTime) -> bool {
    date.year() >= p::MIN_INFERRED_YEAR
}

/// `20150225`, or a Unix timestamp in seconds (9-10 digits) or
/// milliseconds (12-13 digits).
fn digits_only(input: &str) -> Option<DateTime> {
    match input.len() {
        p::COMPACT_DATE_DIGITS => DateTime::from_ymd(
            input.get(..4)?.parse().ok()?,
            input.get(4..6)?.parse().ok()?,
            input.get(6..)?.parse().ok()?,
        ),
        n if p::TIMESTAMP_SECONDS_DIGITS.contains(&n) => {
            DateTime::from_timestamp(input.parse().ok()?, 0)
        }
        n if p::TIMESTAMP_MILLIS_DIGITS.contains(&n) => {
            let ms: i64 = input.parse().ok()?;
            let nanos = u32::try_from(ms.rem_euclid(1000)).ok()? * 1_000_000;
            DateTime::from_timestamp(ms.div_euclid(1000), nanos)
        }
        _ => None,
    }
}
