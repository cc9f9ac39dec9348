//! Every heuristic in one place: thresholds, word lists and patterns, each
//! named, with a comment saying why it exists and what it helps. One file
//! per stage; all of them are re-exported here, so a stage reads
//! `p::MAX_LINK_DENSITY` whichever file the constant lives in.
//!
//! Class/id hints follow the facts Readability.js and boilerpipe publish
//! (content-ish vs. boilerplate-ish class names); the word lists are ours.

mod authors;
mod classify;
mod dates;
mod dom;
mod features;
mod input;
mod locate;
mod metadata;
mod regexes;
mod text_mode;

pub(crate) use authors::*;
pub(crate) use classify::*;
pub(crate) use dates::*;
pub(crate) use dom::*;
pub(crate) use features::*;
pub(crate) use input::*;
pub(crate) use locate::*;
pub(crate) use metadata::*;
pub(crate) use regexes::*;
pub(crate) use text_mode::*;

use regex::Regex;

/// One rung of the retry ladder: which aggressive heuristics are on.
///
/// Readability.js's idea: when the strict pass keeps too little text, retry
/// with one heuristic relaxed at a time, and keep the longest result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pass {
    /// Remove whole subtrees whose class/id says boilerplate (`sidebar`,
    /// `comment`, `related`...) before scoring.
    pub strip_unlikely: bool,
    /// Let class/id hints weigh on container scores and block decisions.
    pub weight_classes: bool,
}

/// The retry ladder, strictest first.
pub(crate) const LADDER: [Pass; 3] = [
    Pass {
        strip_unlikely: true,
        weight_classes: true,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: true,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: false,
    },
];

/// A result shorter than this (bytes of kept text) triggers the next rung of
/// the ladder. Most real stories are longer; short notes still come through
/// the later rungs, and the longest result wins.
pub(crate) const MIN_ARTICLE_CHARS: usize = 250;

/// Compiles a built-in pattern: the one way every module compiles its
/// regexes. The patterns are constants, so a bad one is a bug that the
/// first use shows; each module's patterns are compiled by a unit test
/// (`Patterns::shared` here), so such a bug fails the tests, never a user's
/// page in silence.
#[allow(clippy::expect_used)] // a constant pattern: see above
pub(crate) fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in pattern compiles")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shared_pattern_compiles() {
        let p = Patterns::shared();
        assert!(p.negative.is_match("sidebar"));
        assert!(!p.stopwords.is_empty());
    }
}
