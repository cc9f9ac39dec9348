//! Dated listings under a furniture label in plain text: a stream of
//! teasers after a story ("More Washington Examiner", then a headline, an
//! author, a date line and a summary, again and again). Each summary is a
//! full sentence or two, so the stream outweighs the label before it and
//! the story search runs on through it (scrapinghub: Washington Examiner
//! pages kept six or seven teasers after the story). What gives the
//! stream away is the label right before it and its rhythm: a line holding
//! nothing but a date comes back every few lines. Without the label, a
//! forum's posts have the same rhythm and are the content (magic-html and
//! wceb threads lost up to 0.8 when every dated run counted).

use super::lines::{TextLine, Texts, first_sentence};
use crate::metadata::date::find_in_text;
use crate::patterns::{self as p, Patterns};
use std::ops::Range;

/// The line ranges of the page's labelled listings: a furniture label
/// (`Patterns::story_end`) after a sentence of prose, followed within [`p::TEXT_LISTING_LABEL_GAP`]
/// lines by the first of at least [`p::TEXT_LISTING_MIN_ENTRIES`] date
/// lines, each within [`p::TEXT_LISTING_MAX_PERIOD`] lines of the one
/// before; from the label to a period after the last date line.
pub(crate) fn labelled_listings(
    texts: Texts<'_>,
    recs: &[TextLine],
    patterns: &Patterns,
) -> Vec<Range<usize>> {
    let dates: Vec<usize> = recs
        .iter()
        .enumerate()
        .filter(|(_, l)| date_line(texts.of(l)))
        .map(|(i, _)| i)
        .collect();
    // The label comes after the story has begun: a "Related" column laid
    // out beside the story interleaves its dates with the story's
    // paragraphs (big5 05-bush_1 lost 0.83 otherwise).
    let Some(first_prose) = first_sentence(recs) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut first = 0;
    for k in 1..=dates.len() {
        let linked = match (dates.get(k - 1), dates.get(k)) {
            (Some(&a), Some(&b)) => b - a <= p::TEXT_LISTING_MAX_PERIOD,
            _ => false,
        };
        if linked {
            continue;
        }
        if k - first >= p::TEXT_LISTING_MIN_ENTRIES {
            if let (Some(&start), Some(&end)) = (dates.get(first), dates.get(k - 1)) {
                let period = (end - start) / (k - 1 - first);
                let label = label_before(texts, recs, patterns, start);
                if let Some(label) = label.filter(|&l| l > first_prose) {
                    out.push(label..(end + period).min(recs.len()));
                }
            }
        }
        first = k;
    }
    out
}

/// The furniture label at most [`p::TEXT_LISTING_LABEL_GAP`] lines before
/// line `at`, if any.
fn label_before(
    texts: Texts<'_>,
    recs: &[TextLine],
    patterns: &Patterns,
    at: usize,
) -> Option<usize> {
    (at.saturating_sub(p::TEXT_LISTING_LABEL_GAP)..at)
        .rev()
        .find(|&i| {
            recs.get(i)
                .is_some_and(|l| super::furniture_label(texts.of(l), patterns))
        })
}

/// A line that holds a date and little else ("Tuesday November 19, 2019").
fn date_line(text: &str) -> bool {
    text.split_whitespace().count() <= p::TEXT_DATE_LINE_MAX_WORDS
        && text.bytes().any(|b| b.is_ascii_digit())
        && find_in_text(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Deadline;
    use crate::text_mode::lines::segment;
    use crate::text_mode::read_lines;

    fn listings_of(page: &str) -> Vec<Range<usize>> {
        let patterns = Patterns::shared();
        let mut lines = segment(page);
        read_lines(&mut lines, &patterns, &Deadline::NONE);
        labelled_listings(lines.texts(), lines.recs(), &patterns)
    }

    const STORY: &str = "The council voted on Monday to rebuild the old bridge over the river.\n\n\
        Work will start in May and should take two years, the mayor said.\n\n";
    const ENTRY: &str = "What the vote means for the bridge\n\nAnn Lee\n\nTuesday November 19, 2019\n\n\
        The council voted on Monday to rebuild the old bridge, and work starts in May.\n\n";

    #[test]
    fn a_label_then_date_lines_every_few_lines_make_a_listing() {
        let page = format!("{STORY}Related Stories\n\n{}", ENTRY.repeat(3));
        // Lines: 0-1 story, 2 label, then entries of four lines from 3.
        assert_eq!(listings_of(&page), vec![2..15]);
    }

    #[test]
    fn dated_posts_without_a_label_or_two_entries_are_no_listing() {
        let page = format!("{STORY}{}", ENTRY.repeat(3));
        assert!(listings_of(&page).is_empty());
        let page = format!("{STORY}Related Stories\n\n{}", ENTRY.repeat(2));
        assert!(listings_of(&page).is_empty());
    }

    #[test]
    fn the_story_search_ends_before_a_labelled_listing() {
        let entry = |i: usize| {
            format!(
                "Headline of another story {i}\n\nAnn Lee\n\nTuesday November 19, 2019\n\n\
                 A summary of that other story, number {i}, which is long enough to read as \
                 prose and ends with a full stop, as teasers here do.\n\n"
            )
        };
        let teasers: String = (0..6).map(entry).collect();
        let page = format!("{STORY}More from the Paper\n\n{teasers}");
        let text = crate::Cleaner::default().clean_text(&page).unwrap().text();
        assert!(text.contains("rebuild the old bridge"), "{text}");
        assert!(!text.contains("A summary of that other story"), "{text}");
    }
}
