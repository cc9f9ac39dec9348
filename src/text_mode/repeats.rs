//! Lines said more than once on a page. A copy right by its twin is
//! furniture: a caption shown twice, a cookie dialog's heading, a
//! "Share" row above and below. A copy far from its twin is often the
//! story's own: a heading listed first in the table of contents, a label
//! that opens every entry of a list article ("What you'll learn:"), a
//! line of code the text shows twice; those are judged like any other
//! line. A long line said twice far apart is the headline or the summary
//! above the story, said again as the story's first paragraph (or in a
//! share dialog after it): its first copy is furniture, the later one is
//! judged like any other line.

use super::lines::TextLine;
use crate::patterns as p;
use std::collections::{HashMap, HashSet};

/// How often each line's text occurs on the page.
pub(crate) fn line_counts(lines: &[TextLine]) -> Vec<usize> {
    let mut counts = HashMap::new();
    for l in lines {
        *counts.entry(&*l.text).or_insert(0usize) += 1;
    }
    lines
        .iter()
        .map(|l| counts.get(&*l.text).copied().unwrap_or(1))
        .collect()
}

/// The lines the story search takes for furniture because they are said
/// again: repeated, and either within [`p::REPEAT_NEAR_LINES`] of a copy,
/// or the first copy of a line at least [`p::REPEAT_FAR_MIN_WORDS`] long.
pub(crate) fn repeated_lines(lines: &[TextLine], counts: &[usize]) -> Vec<bool> {
    let distance = copy_distance(lines);
    let mut seen: HashSet<&str> = HashSet::new();
    lines
        .iter()
        .zip(counts)
        .zip(&distance)
        .map(|((l, &n), &d)| {
            let first = seen.insert(&*l.text);
            let long = l.text.split_whitespace().count() >= p::REPEAT_FAR_MIN_WORDS;
            repeated_line(l, n) && (d <= p::REPEAT_NEAR_LINES || (long && first))
        })
        .collect()
}

/// Lines that occur more than once on the page; very short ones ("1") and
/// whole paragraphs (a quoted passage) are not judged so.
fn repeated_line(line: &TextLine, count: usize) -> bool {
    count > 1
        && line.text.chars().count() >= p::REPEAT_MIN_CHARS
        && line.text.split_whitespace().count() <= p::REPEAT_MAX_WORDS
}

/// For each line, how many lines away its nearest copy is (`usize::MAX`
/// when it has none).
fn copy_distance(lines: &[TextLine]) -> Vec<usize> {
    let mut last: HashMap<&str, usize> = HashMap::new();
    let mut distance = vec![usize::MAX; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if let Some(j) = last.insert(&*l.text, i) {
            let d = i - j;
            for k in [i, j] {
                if let Some(slot) = distance.get_mut(k) {
                    *slot = (*slot).min(d);
                }
            }
        }
    }
    distance
}

#[cfg(test)]
mod tests {
    use super::super::lines::segment;
    use super::*;

    fn judged(text: &str) -> Vec<bool> {
        let lines = segment(text);
        repeated_lines(&lines, &line_counts(&lines))
    }

    #[test]
    fn near_copies_are_furniture() {
        let r = judged("Privacy Overview\nPrivacy Overview\nWe use cookies on this site.");
        assert_eq!(r, [true, true, false]);
    }

    #[test]
    fn far_copies_of_short_lines_are_judged_as_lines() {
        let para = "A paragraph of the story, long enough to stand apart from headings.";
        let text = format!(
            "Understanding Z-Score\nFinding Anomalies\n\n{para}\n{para} Two.\nUnderstanding Z-Score\n{para} Three.\nFinding Anomalies\n"
        );
        assert!(judged(&text).iter().all(|&r| !r));
    }

    #[test]
    fn the_first_far_copy_of_a_long_line_is_furniture() {
        let lede = "New numbers from the real estate association confirm what buyers and sellers have seen for months.";
        let text = format!("{lede}\nSocial Sharing\nPosted: Oct 14\nA caption here.\n{lede}\n");
        let r = judged(&text);
        assert_eq!(r.first(), Some(&true));
        assert_eq!(r.last(), Some(&false));
    }
}
