//! The lenient parser for dates as pages write them (ISO 8601, RFC 2822,
//! timestamps, dates in running text in several languages), behind
//! [`DateTime::parse`].

use regex::Captures;

use crate::datetime::DateTime;
use crate::patterns::{self as p, DateOrder as Order};

impl DateTime {
    /// Parses a date as pages write it: ISO 8601 / RFC 3339, RFC 2822,
    /// Unix timestamps (seconds or milliseconds), `20150225`, and dates in
    /// running text such as "February 25, 2015", "25 February 2015",
    /// "25.02.2015", "2015/02/25", "25 février 2015", "25. Februar 2015",
    /// "25 de febrero de 2015" or "2015年2月25日", with a time when one
    /// follows. Slashed dates are read month first unless that is
    /// impossible (`25/02/2015`).
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
    let name = name.trim_end_matches('.').to_lowercase();
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
    let input = input.trim();
    if input.is_empty() || input.len() > p::MAX_DATE_INPUT {
        return None;
    }
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
    find_in_text(input)
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

/// The first date written in `text` (see [`DateTime::parse`] for the
/// forms), with the time that follows it, if any.
pub(crate) fn find_in_text(text: &str) -> Option<DateTime> {
    find_all_in_text(text).into_iter().next().map(|(_, d)| d)
}

/// Every date found in `text` with its byte offset, in text order (one per
/// position: the most specific pattern wins).
pub(crate) fn find_all_in_text(text: &str) -> Vec<(usize, DateTime)> {
    let mut end = text.len().min(p::MAX_DATE_INPUT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = text.get(..end).unwrap_or("");
    let mut found: Vec<(usize, usize, DateTime)> = Vec::new();
    for (order, re) in p::DATE_TEXT_PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let Some(whole) = c.get(0) else { continue };
            if found
                .iter()
                .any(|(s, e, _)| whole.start() < *e && *s < whole.end())
            {
                continue;
            }
            if let Some(date) = date_from(&c, *order) {
                found.push((whole.start(), whole.end(), with_captured_time(date, &c)));
            }
        }
    }
    found.sort_by_key(|(s, _, _)| *s);
    found.into_iter().map(|(s, _, d)| (s, d)).collect()
}

fn date_from(c: &Captures<'_>, order: Order) -> Option<DateTime> {
    let year = i32::try_from(num(c, "y")?).ok()?;
    let (month, day) = match order {
        Order::Ymd => (num(c, "m")?, num(c, "d")?),
        Order::Mdy | Order::Dmy => match c.name("mon") {
            Some(name) => (month_number(name.as_str())?, num(c, "d")?),
            None => (num(c, "m")?, num(c, "d")?),
        },
        Order::Slash => {
            let (a, b) = (num(c, "a")?, num(c, "b")?);
            if a > 12 { (b, a) } else { (a, b) }
        }
    };
    DateTime::from_ymd(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse(s).map(|d| d.to_string())
    }

    #[test]
    fn iso_8601_and_rfc_3339() {
        assert_eq!(p("2015-02-25").as_deref(), Some("2015-02-25"));
        assert_eq!(
            p("2015-02-25T11:46").as_deref(),
            Some("2015-02-25T11:46:00")
        );
        assert_eq!(
            p("2015-02-25T11:46:07.123Z").as_deref(),
            Some("2015-02-25T11:46:07.123Z")
        );
        assert_eq!(
            p("2017-11-03T03:01:00.000000").as_deref(),
            Some("2017-11-03T03:01:00")
        );
        assert_eq!(
            p("2021-11-01T10:52:50+0100").as_deref(),
            Some("2021-11-01T10:52:50+01:00")
        );
        assert_eq!(
            p("2015-07-10T09:53:00-04:00").as_deref(),
            Some("2015-07-10T09:53:00-04:00")
        );
        assert_eq!(
            p("2017-11-24T18:42:20.314667").as_deref(),
            Some("2017-11-24T18:42:20.314667")
        );
    }

    #[test]
    fn ten_and_more_formats() {
        let cases = [
            ("2015-02-25T11:46:00+00:00", "2015-02-25T11:46:00Z"),
            ("Wed, 25 Feb 2015 11:46:00 +0000", "2015-02-25T11:46:00Z"),
            ("Wed, 25 Feb 2015 11:46:00 GMT", "2015-02-25T11:46:00Z"),
            ("25 Feb 2015 06:46:00 EST", "2015-02-25T06:46:00-05:00"),
            ("February 25, 2015", "2015-02-25"),
            ("Feb. 25, 2015", "2015-02-25"),
            ("February 25th, 2015 at 11:46 am", "2015-02-25T11:46:00"),
            ("25.02.2015", "2015-02-25"),
            ("25.02.2015 11:46", "2015-02-25T11:46:00"),
            ("2015-02-25 11:46", "2015-02-25T11:46:00"),
            ("2015/02/25", "2015-02-25"),
            ("25/02/2015", "2015-02-25"),
            ("02/25/2015 3:46 PM", "2015-02-25T15:46:00"),
            ("20150225", "2015-02-25"),
            ("1424864760", "2015-02-25T11:46:00Z"),
            ("1424864760123", "2015-02-25T11:46:00.123Z"),
            ("25 February 2015", "2015-02-25"),
            ("Wednesday 25 February 2015", "2015-02-25"),
            ("25. Februar 2015", "2015-02-25"),
            ("25. März 2015, 14:30 Uhr", "2015-03-25T14:30:00"),
            ("25 février 2015", "2015-02-25"),
            ("1er mars 2015 à 14h30", "2015-03-01T14:30:00"),
            ("25 de febrero de 2015", "2015-02-25"),
            ("25 de dezembro de 2018", "2018-12-25"),
            ("25 ottobre 2015", "2015-10-25"),
            ("25 maart 2015", "2015-03-25"),
            ("1. listopadu 2021", "2021-11-01"),
            ("2015年2月25日", "2015-02-25"),
            ("Updated: 2015-02-25 11:46", "2015-02-25T11:46:00"),
            ("March 11, 2015 3:46 PM", "2015-03-11T15:46:00"),
            ("April 28, 2019 at 6:01 am", "2019-04-28T06:01:00"),
        ];
        for (input, want) in cases {
            assert_eq!(p(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn invalid_dates_are_none() {
        for bad in [
            "",
            "yesterday",
            "2015-02-30",
            "2015-13-01",
            "0000-01-01",
            "99999-01-01",
            "31.02.2015",
            "February 30, 2015",
            "2015-02-25T25:00",
            "123",
            "99999999999999999999999",
            "-1",
            "NaN",
        ] {
            let got = parse(bad);
            // A bad time keeps the valid date; a bad date gives nothing.
            if bad == "2015-02-25T25:00" {
                assert_eq!(got.map(|d| d.to_string()).as_deref(), Some("2015-02-25"));
            } else {
                assert_eq!(got, None, "{bad}");
            }
        }
    }

    #[test]
    fn year_99999_is_rejected() {
        assert_eq!(p("99999999999999"), None);
        assert_eq!(p("Feb 25, 99999"), None);
    }

    #[test]
    fn text_search_finds_dates_among_words() {
        let found = find_all_in_text(
            "By Hua Shengdun in Washington (China Daily USA) Updated: 2015-02-25 11:46",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.to_string(), "2015-02-25T11:46:00");
        assert_eq!(find_in_text("no date here, only 2015 and 12/40"), None);
    }
}
