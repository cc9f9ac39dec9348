//! The header lines before the story: breadcrumb, headline, byline, site
//! and date, read into the metadata.

use super::lines::Lines;
use crate::datetime::DateTime;
use crate::metadata::date::find_in_text;
use crate::patterns::{self as p, Patterns};

/// What the header lines said.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Header {
    pub title: Option<String>,
    pub author: Option<String>,
    /// The first date (and time) named in the header lines.
    pub date: Option<DateTime>,
    pub site_name: Option<String>,
    pub categories: Vec<String>,
}

/// Reads breadcrumb, headline, byline, site and date from the lines before
/// the story, which starts at line `end`.
pub(crate) fn read_header(lines: &Lines, end: usize, patterns: &Patterns) -> Header {
    let mut header = Header::default();
    let end = end.min(lines.len());
    for i in end.saturating_sub(p::HEADER_LINES)..end {
        let text = lines.text_at(i);
        if let Some(crumbs) = breadcrumb(text) {
            header.categories = crumbs;
            continue;
        }
        if let Some(byline) = patterns.text_byline.captures(text) {
            header.author = byline.name("name").map(|m| m.as_str().trim().to_string());
            header.site_name = byline
                .name("site")
                .map(|m| m.as_str().trim().to_string())
                .or(header.site_name);
            header.date = find_in_text(text).or(header.date);
            if header.title.is_none() {
                header.title = headline_before(lines, i, patterns);
            }
            continue;
        }
        if header.date.is_none() {
            header.date = find_in_text(text);
        }
    }
    if header.title.is_none() {
        header.title = headline_before(lines, end, patterns);
    }
    header
}

/// The nearest headline-shaped line before `i`: a few words, no sentence
/// ending, not a bullet, and none of the other header lines: not a
/// breadcrumb, nor a byline or dateline (a name with a date, "Arik
/// Hesseldahl , 08.24.04, 6:00 AM ET"), nor furniture or a photo credit
/// ("Share this story", "Evan Vucci/AP Photo").
fn headline_before(lines: &Lines, i: usize, patterns: &Patterns) -> Option<String> {
    lines
        .recs()
        .get(..i)?
        .iter()
        .rev()
        .take(p::HEADER_LINES)
        .find_map(|l| {
            let text = lines.text(l);
            let words = text.split_whitespace().count();
            let shaped = !l.bullet()
                && (p::TEXT_TITLE_MIN_WORDS..=p::TEXT_TITLE_MAX_WORDS).contains(&words)
                && !text.ends_with('.')
                && breadcrumb(text).is_none()
                && !patterns.text_byline.is_match(text)
                && !patterns.boilerplate_phrase.is_match(text)
                && !super::furniture_label(text, patterns)
                && find_in_text(text).is_none()
                && !p::TEXT_DATELINE.is_match(text);
            shaped.then(|| text.to_string())
        })
}

/// "World / China-US" or "Home > News > Tech": short parts joined by a
/// separator.
fn breadcrumb(text: &str) -> Option<Vec<String>> {
    for &sep in p::BREADCRUMB_SEPARATORS {
        if !text.contains(sep) {
            continue;
        }
        let parts: Vec<String> = text
            .split(sep)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let short = parts.iter().all(|s| {
            s.split_whitespace().count() <= p::BREADCRUMB_PART_MAX_WORDS
                && s.chars().next().is_some_and(char::is_uppercase)
        });
        if parts.len() >= p::BREADCRUMB_MIN_PARTS && short {
            let skip_home = parts
                .first()
                .is_some_and(|s| s.eq_ignore_ascii_case(p::BREADCRUMB_HOME));
            return Some(parts.into_iter().skip(usize::from(skip_home)).collect());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::lines::segment;
    use super::*;

    fn pats() -> std::sync::Arc<Patterns> {
        Patterns::shared()
    }

    #[test]
    fn header_lines_are_read() {
        let lines = segment(
            "World / China-US\n\nUS State Dept calls for cyber security boost\n\nBy Hua Shengdun in Washington (China Daily USA) Updated: 2015-02-25 11:46\n",
        );
        let h = read_header(&lines, lines.len(), &pats());
        assert_eq!(h.categories, ["World", "China-US"]);
        assert_eq!(
            h.title.as_deref(),
            Some("US State Dept calls for cyber security boost")
        );
        assert_eq!(h.author.as_deref(), Some("Hua Shengdun"));
        assert_eq!(h.site_name.as_deref(), Some("China Daily USA"));
        assert_eq!(h.date, DateTime::parse("2015-02-25T11:46"));
        assert!(h.date.is_some());
    }

    #[test]
    fn datelines_and_credits_are_not_the_headline() {
        let lines = segment(
            "AMD More Fleet-Footed Than Intel\nArik Hesseldahl , 04.08.05, 1:21 PM ET\n\nEvan Vucci/AP Photo\nShare this story\n",
        );
        let h = read_header(&lines, lines.len(), &pats());
        assert_eq!(h.title.as_deref(), Some("AMD More Fleet-Footed Than Intel"));
    }
}
