//! Every heuristic in one place: thresholds, word lists and patterns, each
//! named, with a comment saying why it exists and what it helps. One file
//! per stage; all of them are re-exported here, so a stage reads
//! `p::MAX_LINK_DENSITY` whichever file the constant lives in. Pure
//! resource caps, which decide nothing about what is story, are in
//! `limits`.
//!
//! Class/id hints follow the facts Readability.js and boilerpipe publish
//! (content-ish vs. boilerplate-ish class names); the word lists are ours.

mod authors;
mod blocks;
mod classify;
mod comments;
mod dates;
mod dom;
mod features;
mod input;
mod limits;
mod locate;
mod metadata;
mod prune;
mod regexes;
mod structure;
mod text_mode;

pub(crate) use authors::*;
pub(crate) use blocks::*;
pub(crate) use classify::*;
pub(crate) use comments::*;
pub(crate) use dates::*;
pub(crate) use dom::*;
pub(crate) use features::*;
pub(crate) use input::*;
#[allow(unused_imports)] // empty without the `rayon` and `warc` features
pub(crate) use limits::*;
pub(crate) use locate::*;
pub(crate) use metadata::*;
pub(crate) use prune::*;
pub(crate) use regexes::*;
pub(crate) use structure::*;
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
    /// Keep veiled elements (an inline `visibility:hidden`, see
    /// [`VEILING_STYLES`]) as text.
    pub reveal_veiled: bool,
    /// Count the text of a card link (an `<a>` wrapping block elements: a
    /// teaser's headline and summary) as text, not as link text (see
    /// [`CARDS_MAX_STORY_CHARS`]).
    pub card_text: bool,
}

/// The retry ladder, strictest first.
pub(crate) const LADDER: [Pass; 3] = [
    Pass {
        strip_unlikely: true,
        weight_classes: true,
        reveal_veiled: false,
        card_text: false,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: true,
        reveal_veiled: false,
        card_text: false,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: false,
        reveal_veiled: false,
        card_text: false,
    },
];

/// The rung after the ladder, tried only when every rung keeps less than
/// [`MIN_ARTICLE_CHARS`] and the page veils some of its elements: the
/// story may be what is veiled, waiting for a script (see
/// [`VEILING_STYLES`]). As a rung, it wins only when it keeps more.
pub(crate) const REVEAL: Pass = Pass {
    strip_unlikely: false,
    weight_classes: true,
    reveal_veiled: true,
    card_text: false,
};

/// Cards read as text: when the ladder's best result is shorter than this
/// (bytes of kept text, an intro of a paragraph or two), its rung is run
/// again with [`Pass::card_text`]. A page whose content is a listing of
/// teaser cards (a topic page, a course catalogue, a news index) has no
/// prose outside links, as each card is one link; read as text, the cards
/// are its content (wceb's listings and catalogues went from under 0.2 to
/// over 0.9; no page of the other sets changed but one Readability test
/// page of a link wrapping paragraphs). A story longer than this is a
/// story, and its related cards stay out.
pub(crate) const CARDS_MAX_STORY_CHARS: usize = 700;
/// ...and the cards reading wins only when it keeps this many times more:
/// a short story beside a grid of related teasers (which the cards
/// reading may take) keeps its story. At 2, a blog post with its comment
/// cards and a forum thread with linked sub-boards were taken (one page
/// each of scrapinghub and magic-html).
pub(crate) const CARDS_MIN_GAIN: usize = 3;

/// A result shorter than this (bytes of kept text) triggers the next rung of
/// the ladder. Most real stories are longer; short notes still come through
/// the later rungs, and the longest result wins.
pub(crate) const MIN_ARTICLE_CHARS: usize = 250;
/// ...unless the rung's story starts under the page's headline (its first
/// kept block follows the heading that repeats the title, at most
/// [`ANCHOR_MAX_BETWEEN`] blocks after it), on a page that declares itself
/// a story and is no discussion, and holds at least this many bytes (a
/// sentence): a short note is then the whole story, and a later rung,
/// which puts back what the strict one pruned as a sidebar or an "About
/// this blog" box, would only win by being longer (the issue's commonest
/// held-out shape: "a short story beside longer prose, the longer
/// neighbour wins"). Without the declaration, a comments page and a Q&A
/// page, whose replies are their content, lost 0.56 and 0.29 on
/// magic-html; with it, one news page gains 0.11 and no page moves else.
pub(crate) const MIN_ANCHORED_STORY_CHARS: usize = 60;
/// Unpruned blocks allowed between the headline and the story's first
/// kept block: a byline, a date, a share bar.
pub(crate) const ANCHOR_MAX_BETWEEN: usize = 3;

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

    /// Forces every shared pattern (all are compiled together) and checks
    /// each one on a page fragment it exists for.
    #[test]
    fn every_shared_pattern_compiles() {
        let p = Patterns::shared();
        assert!(p.positive.is_match("entry-content"));
        assert!(!p.positive.is_match("sidebar"));
        assert!(p.negative.is_match("sidebar"));
        assert!(!p.negative.is_match("admin")); // `ad` only as a whole token
        assert!(p.unlikely.is_match("comments-area"));
        assert!(p.unlikely.is_match("copyright") && p.negative.is_match("site copyright"));
        assert!(p.unlikely.is_match("pipf-seo-reviews") && !p.unlikely.is_match("film-review"));
        assert!(p.overlay.is_match("modal fade"));
        assert!(
            p.overlay.is_match("s-popover s-popover__tooltip") && p.overlay.is_match("tooltip")
        );
        assert!(!p.overlay.is_match("term has-tooltip"));
        assert!(p.overlay.is_match("x cookie-banner"));
        assert!(p.overlay.is_match("skiptranslate") && p.overlay.is_match("goog-te-banner-frame"));
        assert!(!p.overlay.is_match("render-target-modal modal-open-op(1)"));
        assert!(p.maybe.is_match("article-related"));
        assert!(p.boilerplate_phrase.is_match("© 2024 All rights reserved"));
        for placeholder in [
            "Loading...",
            "1 of 12",
            "(Story continues below)",
            "hide caption",
        ] {
            assert!(p.boilerplate_phrase.is_match(placeholder), "{placeholder}");
        }
        // A story's sentence that says as much is not furniture.
        assert!(
            !p.boilerplate_phrase
                .is_match("Loading the ferry took an hour.")
        );
        assert!(
            !p.boilerplate_phrase
                .is_match("The trail continues below the ridge.")
        );
        assert!(
            !p.boilerplate_phrase
                .is_match("The rain came back on Tuesday.")
        );
        assert!(p.stopwords.contains("the") && p.stopwords.contains("und"));
        assert!(p.story_end.is_match("Related posts"));
        assert!(!p.story_end.is_match("Related work began in May."));
        // "More" and a site's name opens its teaser box; a sentence that
        // starts with "More" does not.
        assert!(p.story_end.is_match("More Washington Examiner"));
        assert!(!p.story_end.is_match("More than forty people came"));
        let byline = p
            .text_byline
            .captures("By Hua Shengdun in Washington (China Daily USA) Updated: 2015");
        let name = byline
            .as_ref()
            .and_then(|c| c.name("name"))
            .map(|m| m.as_str());
        assert_eq!(name, Some("Hua Shengdun"));
        assert!(p.html_start.is_match("<!DOCTYPE html>"));
        assert!(!p.html_start.is_match("Dear reader,"));
        assert!(p.html_tag.is_match("</div>"));
        assert!(!p.html_tag.is_match("a < b"));
    }
}
