//! Dates as pages write them (`metadata::date`, `metadata::url_date`):
//! month names and zone abbreviations in the languages read, and the
//! patterns of whole values and of dates in running text.

use std::sync::LazyLock;

use regex::Regex;

use super::regex;

/// Month names and abbreviations, lower case, with their number: English,
/// German, French, Spanish, Portuguese, Italian, Dutch and Czech (genitive,
/// as dates are written). Abbreviations may be followed by a dot.
pub(crate) const MONTHS: &[(&str, u32)] = &[
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

/// Time zone abbreviations pages write after a time, with their offset in
/// minutes. Ambiguous ones (IST, CST in Asia...) take their common web use.
pub(crate) const ZONES: &[(&str, i32)] = &[
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

/// Digits of a compact date, `20150225`.
pub(crate) const COMPACT_DATE_DIGITS: usize = 8;
/// A number of this many digits is a Unix timestamp in seconds (years
/// 1973 to 2286)...
pub(crate) const TIMESTAMP_SECONDS_DIGITS: std::ops::RangeInclusive<usize> = 9..=10;
/// ...and of this many, one in milliseconds (JavaScript's `Date.now()`).
/// Other lengths are ids, not dates.
pub(crate) const TIMESTAMP_MILLIS_DIGITS: std::ops::RangeInclusive<usize> = 12..=13;

/// ISO 8601 / RFC 3339 as a whole value: `2015-02-25`, `2015-02-25T11:46`,
/// `2015-02-25T11:46:07.123+01:00` (fractions beyond nanoseconds ignored).
pub(crate) static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?x)^\s*
        (?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
        (?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d{1,9})\d*)?)?)?
        \s*(?P<z>Z|[+-]\d{2}(?::?\d{2})?|(?i:UTC|GMT))?\s*$",
    )
});

/// RFC 2822 (feeds, `Last-Modified`, some `<meta>`): `Wed, 25 Feb 2015
/// 11:46:00 +0000`, the weekday optional, a zone name allowed.
pub(crate) static RFC2822_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)^\s*(?:[a-z]{3,9},?\s+)?
        (?P<d>\d{1,2})\s+(?P<mon>[a-z]{3,9})\.?\s+(?P<y>\d{4})
        (?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?
        \s*(?P<z>[+-]\d{4}|[a-z]{1,4})?\s*$",
    )
});

/// A time of day after a date, "11:46", "at 6:01 am", "um 14.30 Uhr",
/// "à 14h30", with an optional zone.
const TIME_OF_DAY: &str = r"(?:\s*,?\s*(?:at|um|à|a\s+las|às|alle|-|\|)?\s*(?P<H>\d{1,2})[:h.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?\s*(?P<ap>(?i:[ap]\.?\s?m\.?))?(?:\s*(?i:uhr|h))?(?:\s*(?P<z>[+-]\d{2}:?\d{2}|Z|(?i:utc|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|bst|mez|mesz))\b)?)?";

/// The date patterns searched for in text, most specific first.
pub(crate) static DATE_TEXT_PATTERNS: LazyLock<Vec<(DateOrder, Regex)>> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    // Longest first, so "sept" is not read as "sep" + "t".
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    let month = names.join("|");
    let sources = [
        (
            DateOrder::Ymd,
            format!(r"\b(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?:[T\s]{TIME_OF_DAY})?"),
        ),
        (
            DateOrder::Ymd,
            format!(
                r"(?P<y>\d{{4}})\s*[年년]\s*(?P<m>\d{{1,2}})\s*[月월]\s*(?P<d>\d{{1,2}})\s*[日일]?{TIME_OF_DAY}"
            ),
        ),
        (
            DateOrder::Mdy,
            format!(
                r"(?i)\b(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b{TIME_OF_DAY}"
            ),
        ),
        (
            DateOrder::Dmy,
            format!(
                r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+)?(?P<mon>{month})\.?,?\s+(?:de\s+|del\s+)?(?P<y>\d{{4}})\b{TIME_OF_DAY}"
            ),
        ),
        (
            DateOrder::Ymd,
            format!(r"\b(?P<y>\d{{4}})[/.](?P<m>\d{{1,2}})[/.](?P<d>\d{{1,2}})\b{TIME_OF_DAY}"),
        ),
        (
            DateOrder::Dmy,
            format!(r"\b(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}})\b{TIME_OF_DAY}"),
        ),
        (
            DateOrder::Dmy,
            format!(r"\b(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})-(?P<y>\d{{4}})\b{TIME_OF_DAY}"),
        ),
        (
            DateOrder::Slash,
            format!(r"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}})\b{TIME_OF_DAY}"),
        ),
    ];
    sources
        .into_iter()
        .map(|(order, src)| (order, regex(&src)))
        .collect()
});

/// How the numbers of a date pattern read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateOrder {
    /// Year, month, day.
    Ymd,
    /// Month (a name), day, year.
    Mdy,
    /// Day, month, year.
    Dmy,
    /// `a/b/yyyy`: month first unless the first number cannot be a month.
    Slash,
}

/// Years accepted in a URL: numbers outside look like ids, not dates.
pub(crate) const URL_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// A date in a URL path with separators: `/2015/02/25/`, `/2015-02-25-`,
/// `_2015_02_25_`.
pub(crate) static URL_DATE_SEPARATED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:^|[/_.-])((?:19|20)\d{2})[/_.-](\d{1,2})[/_.-](\d{1,2})(?:$|[/_.?#-])")
});

/// A compact date in a URL path: `/20150225/`.
pub(crate) static URL_DATE_COMPACT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:^|[/_.-])((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[/_.?#-])"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_pattern_compiles() {
        for re in [
            &ISO_DATE,
            &RFC2822_DATE,
            &URL_DATE_SEPARATED,
            &URL_DATE_COMPACT,
        ] {
            LazyLock::force(re);
        }
        assert_eq!(DATE_TEXT_PATTERNS.len(), 8);
    }
}
