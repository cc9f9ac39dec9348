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

use super::lines::{Lines, REPEATED, SAID_TWICE, TextLine, Texts};
use crate::patterns as p;
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

/// A distinct text's copies so far: how many, and the last one's line.
#[derive(Clone, Copy)]
struct Copies {
    count: u32,
    last: u32,
}

/// Distinct texts, keyed by a SipHash of the text (16 bytes an entry, not
/// the 24 a `&str` key takes: a hostile page of a million distinct lines
/// holds a million entries); the rare texts whose hash another text took
/// first are keyed by themselves.
struct Seen<'t, S> {
    texts: Texts<'t>,
    hasher: S,
    by_hash: HashMap<u64, Copies, FxBuildHasher>,
    clashes: HashMap<&'t str, Copies>,
}

impl<'t, S: BuildHasher> Seen<'t, S> {
    fn new(texts: Texts<'t>, hasher: S) -> Self {
        Seen {
            texts,
            hasher,
            by_hash: HashMap::default(),
            clashes: HashMap::new(),
        }
    }

    /// The entry of `text` (a new one counts no copy); `lines` are the
    /// records its entries' `last` index.
    fn entry(&mut self, lines: &[TextLine], text: &'t str) -> &mut Copies {
        let key = self.hasher.hash_one(text);
        let texts = self.texts;
        let mine = |c: &Copies| {
            lines
                .get(c.last as usize)
                .is_some_and(|l| texts.of(l) == text)
        };
        match self.by_hash.get(&key) {
            Some(c) if !mine(c) => self.clashes.entry(text).or_insert(Copies {
                count: 0,
                last: u32::MAX,
            }),
            _ => self.by_hash.entry(key).or_insert(Copies {
                count: 0,
                last: u32::MAX,
            }),
        }
    }
}

/// Marks the lines said more than once on the page ([`SAID_TWICE`]), and
/// those the story search takes for furniture because they are said again
/// ([`REPEATED`]): repeated, and either within [`p::REPEAT_NEAR_LINES`] of a
/// copy, or the first copy of a line at least [`p::REPEAT_FAR_MIN_WORDS`]
/// long.
pub(crate) fn mark_repeats(lines: &mut Lines) {
    mark_repeats_with(lines, RandomState::new());
}

/// [`mark_repeats`] with the texts hashed by `hasher`.
fn mark_repeats_with(lines: &mut Lines, hasher: impl BuildHasher) {
    let (texts, recs) = lines.parts();
    let mut seen = Seen::new(texts, hasher);
    // First pass: each text's copies, and which lines have a copy near
    // (REPEATED for now) or are a text's first copy (SAID_TWICE for now).
    for i in 0..recs.len() {
        let text = recs.get(i).map_or("", |l| texts.of(l));
        let here = u32::try_from(i).unwrap_or(u32::MAX);
        let entry = seen.entry(recs, text);
        let copies = *entry;
        *entry = Copies {
            count: copies.count.saturating_add(1),
            last: here,
        };
        let near = copies.count > 0 && (here - copies.last) as usize <= p::REPEAT_NEAR_LINES;
        if near {
            if let Some(l) = recs.get_mut(copies.last as usize) {
                l.set(REPEATED, true);
            }
        }
        if let Some(l) = recs.get_mut(i) {
            l.set(REPEATED, near);
            l.set(SAID_TWICE, copies.count == 0);
        }
    }
    // Second pass: with every text's count known, the marks for good.
    for i in 0..recs.len() {
        let Some(&line) = recs.get(i) else { break };
        let text = texts.of(&line);
        let twice = seen.entry(recs, text).count > 1;
        let (near, first) = (line.has(REPEATED), line.has(SAID_TWICE));
        let long = text.split_whitespace().count() >= p::REPEAT_FAR_MIN_WORDS;
        if let Some(l) = recs.get_mut(i) {
            l.set(SAID_TWICE, twice);
            l.set(REPEATED, twice && judged(text) && (near || (long && first)));
        }
    }
}

/// Whether a line said twice is judged by its repetition: very short
/// ones ("1") and whole paragraphs (a quoted passage) are not.
fn judged(text: &str) -> bool {
    text.chars().count() >= p::REPEAT_MIN_CHARS
        && text.split_whitespace().count() <= p::REPEAT_MAX_WORDS
}

#[cfg(test)]
mod tests {
    use super::super::lines::segment;
    use super::*;

    fn marks(text: &str) -> Vec<bool> {
        let mut lines = segment(text);
        mark_repeats(&mut lines);
        lines.recs().iter().map(|l| l.has(REPEATED)).collect()
    }

    #[test]
    fn near_copies_are_furniture() {
        let r = marks("Privacy Overview\nPrivacy Overview\nWe use cookies on this site.");
        assert_eq!(r, [true, true, false]);
    }

    #[test]
    fn far_copies_of_short_lines_are_judged_as_lines() {
        let para = "A paragraph of the story, long enough to stand apart from headings.";
        let text = format!(
            "Understanding Z-Score\nFinding Anomalies\n\n{para}\n{para} Two.\nUnderstanding Z-Score\n{para} Three.\nFinding Anomalies\n"
        );
        assert!(marks(&text).iter().all(|&r| !r));
    }

    #[test]
    fn the_first_far_copy_of_a_long_line_is_furniture() {
        let lede = "New numbers from the real estate association confirm what buyers and sellers have seen for months.";
        let text = format!("{lede}\nSocial Sharing\nPosted: Oct 14\nA caption here.\n{lede}\n");
        let r = marks(&text);
        assert_eq!(r.first(), Some(&true));
        assert_eq!(r.last(), Some(&false));
    }

    /// A hash that every text shares.
    #[derive(Default)]
    struct Clash;

    impl std::hash::Hasher for Clash {
        fn finish(&self) -> u64 {
            7
        }

        fn write(&mut self, _: &[u8]) {}
    }

    #[test]
    fn texts_whose_hashes_clash_are_told_apart() {
        let para = "A paragraph of the story, long enough to stand apart from headings.";
        let text = format!(
            "Privacy Overview\nPrivacy Overview\n{para}\nShare this story\nHome\nShare this story\nShare this story\nHome\n{para}\n"
        );
        let marks = |clash: bool| {
            let mut lines = segment(&text);
            if clash {
                mark_repeats_with(
                    &mut lines,
                    std::hash::BuildHasherDefault::<Clash>::default(),
                );
            } else {
                mark_repeats(&mut lines);
            }
            let flags: Vec<(bool, bool)> = lines
                .recs()
                .iter()
                .map(|l| (l.has(REPEATED), l.has(SAID_TWICE)))
                .collect();
            flags
        };
        // The paragraph is long: its first far copy is furniture.
        let expected = [
            (true, true),
            (true, true),
            (true, true),
            (false, true),
            (false, true),
            (true, true),
            (true, true),
            (false, true),
            (false, true),
        ];
        assert_eq!(marks(false), expected);
        assert_eq!(marks(true), expected);
        // A line said once is said once, whatever its hash.
        let mut lines = segment("Home\nNews\nHome");
        mark_repeats_with(
            &mut lines,
            std::hash::BuildHasherDefault::<Clash>::default(),
        );
        let twice: Vec<bool> = lines.recs().iter().map(|l| l.has(SAID_TWICE)).collect();
        assert_eq!(twice, [true, false, true]);
    }

    #[test]
    fn every_copy_is_said_twice() {
        let mut lines = segment("Home\nA line said once.\nHome\nHome");
        mark_repeats(&mut lines);
        let twice: Vec<bool> = lines.recs().iter().map(|l| l.has(SAID_TWICE)).collect();
        assert_eq!(twice, [true, false, true, true]);
        // "Home" is too short to be judged by its repetition.
        assert!(lines.recs().iter().all(|l| !l.has(REPEATED)));
    }
}
