//! The lenient parser for dates as pages write them (ISO 8601, RFC 2822,
//! timestamps, dates in running text in several languages), behind
//! [`DateTime::parse`].

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::datetime::DateTime;

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

// ---------------------------------------------------------------- parsing

/// Month names and abbreviations, lower case, with their number: English,
/// German, French, Spanish, Portuguese, Italian, Dutch and Czech (genitive,
/// as dates are written). Abbreviations may be followed by a dot.
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("mär", 3),
    ("mrz", 3),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("fév", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Czech (genitive)
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
];

fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

/// Time zone abbreviations pages write after a time, with their offset in
/// minutes. Ambiguous ones (IST, CST in Asia...) take their common web use.
const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("ut", 0),
    ("z", 0),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
    ("cet", 60),
    ("cest", 120),
    ("bst", 60),
    ("met", 60),
    ("mesz", 120),
    ("mez", 60),
];

/// Longest input the parser looks at; metadata values are short, and text
/// is searched in windows of this size.
pub(crate) const MAX_DATE_INPUT: usize = 4096;

static ISO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*
        (?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
        (?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d{1,9})\d*)?)?)?
        \s*(?P<z>Z|[+-]\d{2}(?::?\d{2})?|(?i:UTC|GMT))?\s*$",
    )
    .ok()
});

static RFC2822: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^\s*(?:[a-z]{3,9},?\s+)?
        (?P<d>\d{1,2})\s+(?P<mon>[a-z]{3,9})\.?\s+(?P<y>\d{4})
        (?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?
        \s*(?P<z>[+-]\d{4}|[a-z]{1,4})?\s*$",
    )
    .ok()
});

/// A time of day after a date, "11:46", "at 6:01 am", "um 14.30 Uhr",
/// "à 14h30", with an optional zone.
const TIME: &str = r"(?:\s*,?\s*(?:at|um|à|a\s+las|às|alle|-|\|)?\s*(?P<H>\d{1,2})[:h.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?\s*(?P<ap>(?i:[ap]\.?\s?m\.?))?(?:\s*(?i:uhr|h))?(?:\s*(?P<z>[+-]\d{2}:?\d{2}|Z|(?i:utc|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|bst|mez|mesz))\b)?)?";

/// The date patterns searched for in text, most specific first.
static TEXT_PATTERNS: LazyLock<Vec<(Order, Regex)>> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    // Longest first, so "sept" is not read as "sep" + "t".
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    let month = names.join("|");
    let sources = [
        (
            Order::Ymd,
            format!(r"\b(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?:[T\s]{TIME})?"),
        ),
        (
            Order::Ymd,
            format!(
                r"(?P<y>\d{{4}})\s*[年년]\s*(?P<m>\d{{1,2}})\s*[月월]\s*(?P<d>\d{{1,2}})\s*[日일]?{TIME}"
            ),
        ),
        (
            Order::Mdy,
            format!(
                r"(?i)\b(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b{TIME}"
            ),
        ),
        (
            Order::Dmy,
            format!(
                r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+)?(?P<mon>{month})\.?,?\s+(?:de\s+|del\s+)?(?P<y>\d{{4}})\b{TIME}"
            ),
        ),
        (
            Order::Ymd,
            format!(r"\b(?P<y>\d{{4}})[/.](?P<m>\d{{1,2}})[/.](?P<d>\d{{1,2}})\b{TIME}"),
        ),
        (
            Order::Dmy,
            format!(r"\b(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}})\b{TIME}"),
        ),
        (
            Order::Dmy,
            format!(r"\b(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})-(?P<y>\d{{4}})\b{TIME}"),
        ),
        (
            Order::Slash,
            format!(r"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}})\b{TIME}"),
        ),
    ];
    sources
        .into_iter()
        .filter_map(|(order, src)| Regex::new(&src).ok().map(|re| (order, re)))
        .collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Ymd,
    Mdy,
    Dmy,
    /// `a/b/yyyy`: month first unless the first number cannot be a month.
    Slash,
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
    ZONES.iter().find(|(n, _)| *n == lower).map(|(_, m)| *m)
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
    if input.is_empty() || input.len() > MAX_DATE_INPUT {
        return None;
    }
    if let Some(c) = ISO.as_ref().and_then(|re| re.captures(input)) {
        let date = DateTime::from_ymd(
            i32::try_from(num(&c, "y")?).ok()?,
            num(&c, "m")?,
            num(&c, "d")?,
        )?;
        return Some(with_captured_time(date, &c));
    }
    if let Some(c) = RFC2822.as_ref().and_then(|re| re.captures(input)) {
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
        8 => DateTime::from_ymd(
            input.get(..4)?.parse().ok()?,
            input.get(4..6)?.parse().ok()?,
            input.get(6..)?.parse().ok()?,
        ),
        9 | 10 => DateTime::from_timestamp(input.parse().ok()?, 0),
        12 | 13 => {
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
    let mut end = text.len().min(MAX_DATE_INPUT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = text.get(..end).unwrap_or("");
    let mut found: Vec<(usize, usize, DateTime)> = Vec::new();
    for (order, re) in TEXT_PATTERNS.iter() {
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
    fn date_time_is_send_sync_and_serializes_as_iso() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<DateTime>();
        assert_send_sync::<crate::Article>();
        #[cfg(feature = "serde")]
        {
            let d = parse("2015-02-25T11:46:00+01:00").unwrap();
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                "\"2015-02-25T11:46:00+01:00\""
            );
        }
    }

    #[test]
    fn every_pattern_compiles() {
        assert!(ISO.is_some() && RFC2822.is_some());
        assert_eq!(TEXT_PATTERNS.len(), 8);
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
    fn year_zero_and_99999_are_rejected() {
        assert!(DateTime::from_ymd(0, 1, 1).is_none());
        assert!(DateTime::from_ymd(99999, 1, 1).is_none());
        assert!(DateTime::from_ymd(-5, 1, 1).is_none());
        assert!(DateTime::from_timestamp(i64::MAX, 0).is_none());
        assert!(DateTime::from_timestamp(i64::MIN, 0).is_none());
        assert_eq!(p("99999999999999"), None);
        assert_eq!(p("Feb 25, 99999"), None);
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
