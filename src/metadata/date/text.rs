//! Dates in running text: every pattern of [`p::DATE_TEXT_PATTERNS`] over
//! the first [`p::MAX_DATE_INPUT`] bytes, digits of other scripts read as
//! ASCII first, ambiguous numeric dates settled by the text's other dates
//! or the page's language, copyright lines skipped.

use regex::Captures;

use super::{month_number, num, with_captured_time};
use crate::datetime::DateTime;
use crate::patterns::{self as p, DateOrder as Order};

/// `text` with the digits of other scripts ([`p::DIGIT_ZEROS`]) as ASCII
/// digits, and, when any was replaced, the byte offset in `text` of each
/// byte of the result (one more entry for the end).
pub(super) fn ascii_digits(text: &str) -> (String, Option<Vec<usize>>) {
    let digit = |c: char| {
        p::DIGIT_ZEROS.iter().find_map(|&zero| {
            let value = u32::from(c).checked_sub(u32::from(zero))?;
            (value < 10).then(|| char::from_digit(value, 10)).flatten()
        })
    };
    if !text.chars().any(|c| !c.is_ascii() && digit(c).is_some()) {
        return (text.to_string(), None);
    }
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let c = digit(c).unwrap_or(c);
        for _ in 0..c.len_utf8() {
            offsets.push(at);
        }
        out.push(c);
    }
    offsets.push(text.len());
    (out, Some(offsets))
}

/// The first date written in `text` (see [`DateTime::parse`] for the
/// forms), with the time that follows it, if any.
pub(crate) fn find_in_text(text: &str) -> Option<DateTime> {
    find_all_in_text(text).into_iter().next().map(|(_, d)| d)
}

/// Every date found in `text` with its byte offset, in text order (one per
/// position: the most specific pattern wins).
pub(crate) fn find_all_in_text(text: &str) -> Vec<(usize, DateTime)> {
    find_all_with(text, None)
}

/// [`find_all_in_text`], ambiguous numeric dates read day first when
/// `day_first` says so and the text's other dates do not settle it.
pub(crate) fn find_all_with(text: &str, day_first: Option<bool>) -> Vec<(usize, DateTime)> {
    let mut end = text.len().min(p::MAX_DATE_INPUT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let original = text.get(..end).unwrap_or("");
    let (normal, offsets) = ascii_digits(original);
    let text = normal.as_str();
    let day_first = numeric_order_shown(text).or(day_first);
    let mut found: Vec<(usize, usize, DateTime)> = Vec::new();
    for (index, (order, _)) in p::DATE_TEXT_PATTERNS.iter().enumerate() {
        for c in captures(index, text) {
            let Some(whole) = c.get(0) else { continue };
            if found
                .iter()
                .any(|(s, e, _)| whole.start() < *e && *s < whole.end())
            {
                continue;
            }
            if after_copyright(text, whole.start()) {
                continue;
            }
            if let Some(date) = date_from(&c, *order, day_first) {
                found.push((whole.start(), whole.end(), with_captured_time(date, &c)));
            }
        }
    }
    found.sort_by_key(|(s, _, _)| *s);
    let original_at = |at: usize| match &offsets {
        Some(map) => map.get(at).copied().unwrap_or(original.len()),
        None => at,
    };
    found
        .into_iter()
        .map(|(s, _, d)| (original_at(s), d))
        .collect()
}

/// The matches of pattern `index` of [`p::DATE_TEXT_PATTERNS`] in `text`,
/// the ones `captures_iter` gives, found faster: the pattern runs only from
/// where its scout ([`p::DATE_TEXT_SCOUTS`], the fast automaton's job) next
/// matches, since no match of the pattern starts before that, and not at
/// all once the scout finds nothing. `captures_at` reads the text before
/// its start for the word boundaries, as `captures_iter` does.
fn captures<'t>(index: usize, text: &'t str) -> impl Iterator<Item = Captures<'t>> {
    let pattern = p::DATE_TEXT_PATTERNS.get(index).map(|(_, re)| re);
    let scout = p::DATE_TEXT_SCOUTS.get(index);
    let mut at = Some(0);
    std::iter::from_fn(move || {
        let (pattern, scout, from) = (pattern?, scout?, at?);
        let start = scout.find_at(text, from)?.start();
        let c = pattern.captures_at(text, start)?;
        let whole = c.get(0)?;
        // The next search starts at this match's end, as in
        // `captures_iter`. Every pattern holds a digit, so no match is
        // empty; one would end the search.
        at = (!whole.is_empty()).then_some(whole.end());
        Some(c)
    })
}

/// The order the text's own numeric dates show: a first number over 12
/// (`25/02/2015`) says day first, a second one (`02/25/2015`) month first;
/// `None` when none says, or they disagree.
fn numeric_order_shown(text: &str) -> Option<bool> {
    let (mut day_first, mut month_first) = (false, false);
    for (index, (order, _)) in p::DATE_TEXT_PATTERNS.iter().enumerate() {
        if !matches!(order, Order::Numeric { .. }) {
            continue;
        }
        for c in captures(index, text) {
            let (Some(a), Some(b)) = (num(&c, "a"), num(&c, "b")) else {
                continue;
            };
            day_first |= a > 12 && (1..=12).contains(&b);
            month_first |= b > 12 && (1..=12).contains(&a);
        }
    }
    match (day_first, month_first) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Whether the date at byte `at` follows a copyright mark.
fn after_copyright(text: &str, at: usize) -> bool {
    let mut start = at.saturating_sub(p::NOT_PUBLISHED_WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = text.get(start..at).unwrap_or("").to_lowercase();
    p::NOT_PUBLISHED_BEFORE.iter().any(|m| before.contains(m))
}

/// The year of an era date: the era's base plus the year of the era
/// (`元`, the first year, is 1).
fn era_year(c: &Captures<'_>) -> Option<i32> {
    let era = c.name("era")?.as_str();
    let base = p::ERAS.iter().find(|(e, _)| *e == era)?.1;
    let of_era = match c.name("ey")?.as_str() {
        "元" => 1,
        n => n.parse::<i32>().ok()?,
    };
    base.checked_add(of_era)
}

/// A Thai year after a Thai month name is a Buddhist-era year.
fn common_era(year: i32, c: &Captures<'_>) -> i32 {
    let thai = c
        .name("mon")
        .is_some_and(|m| m.as_str().chars().any(|ch| p::THAI_LETTERS.contains(&ch)));
    if thai && p::BUDDHIST_ERA_YEARS.contains(&year) {
        year - p::BUDDHIST_ERA_OFFSET
    } else {
        year
    }
}

fn date_from(c: &Captures<'_>, order: Order, day_first: Option<bool>) -> Option<DateTime> {
    let year = match order {
        Order::Era => era_year(c)?,
        _ => common_era(i32::try_from(num(c, "y")?).ok()?, c),
    };
    let month = || match c.name("mon") {
        Some(name) => month_number(name.as_str()),
        None => num(c, "m"),
    };
    let (month, day) = match order {
        Order::Ymd | Order::Mdy | Order::Dmy | Order::Era => (month()?, num(c, "d")?),
        Order::Numeric { day_first: default } => {
            let (a, b) = (num(c, "a")?, num(c, "b")?);
            let day_first = if a > 12 {
                true
            } else if b > 12 {
                false
            } else {
                day_first.unwrap_or(default)
            };
            if day_first { (b, a) } else { (a, b) }
        }
    };
    DateTime::from_ymd(year, month, day)
}
