//! Thresholds of the `features` stage.

/// Boilerpipe's text density wraps text at this many characters a line.
pub(crate) const WRAP_WIDTH: usize = 80;

/// How far up from a block its class/id hints are summed when it is outside
/// any container (inside, the walk stops at the container): deep enough
/// for the nested `div`s of page builders, shallow enough that a hint on
/// `body` does not weigh on every block.
pub(crate) const HINT_LEVELS: usize = 12;
/// CJK characters per word: Chinese and Japanese are written without
/// spaces, and a word there is one to three characters, about two on
/// average, so word thresholds mean about the same length of text in every
/// script.
pub(crate) const CJK_CHARS_PER_WORD: usize = 2;
/// Punctuation that ends a sentence: prose has it, menus and headlines do
/// not. Latin; CJK full-width ("。", "！", "？") and half-width ("｡");
/// the Arabic-script full stop and question mark ("۔" in Urdu, "؟"), the
/// Indic danda and double danda ("।", "॥": Hindi, Bengali, Nepali), and the
/// full stops of Armenian ("։"), Ethiopic ("።") and Myanmar ("။").
/// Without its script's mark a story is no prose at all: an Urdu article's
/// 1,400-word paragraph lost to a one-line English blurb (magic-html
/// article-eee7), where the HTML mode kept it on other cues.
pub(crate) const SENTENCE_END_MARKS: &[char] = &[
    '.', '!', '?', '。', '！', '？', '｡', '۔', '؟', '।', '॥', '։', '።', '။',
];
/// A block also ends like a sentence on these: a colon or semicolon ending
/// a paragraph that leads into a list or a quote.
pub(crate) const CLAUSE_END_MARKS: &[char] = &[':', ';'];
/// Closing quotes and brackets (and spaces) skipped at the end of a block
/// before looking for its sentence end: `He said "yes."` ends a sentence.
pub(crate) const CLOSING_MARKS: &[char] = &['"', '\'', '”', '’', ')', '»', ' '];

/// Code points counted as CJK characters ([`CJK_CHARS_PER_WORD`] of them
/// make a word; never part of a spaced word): Hiragana and Katakana, CJK
/// Extension A, CJK Unified Ideographs, Hangul syllables and CJK
/// Compatibility Ideographs.
pub(crate) const CJK_RANGES: &[std::ops::RangeInclusive<u32>] = &[
    0x3040..=0x30FF,
    0x3400..=0x4DBF,
    0x4E00..=0x9FFF,
    0xAC00..=0xD7AF,
    0xF900..=0xFAFF,
];

/// Whether `c` is in one of the [`CJK_RANGES`].
pub(crate) fn is_cjk(c: char) -> bool {
    let c = c as u32;
    CJK_RANGES.iter().any(|r| r.contains(&c))
}

/// A teaser inside the story (`features::mark_teasers`): a heading with
/// more than this share of its text in links (the classifier's link-list
/// share) is a teaser's headline...
pub(crate) const TEASER_TITLE_MIN_LINK_DENSITY: f32 = super::MAX_LINK_DENSITY;
/// ...the paragraph under it, with at most this share in links, its
/// summary...
pub(crate) const TEASER_SUMMARY_MAX_LINK_DENSITY: f32 = 0.3;
/// ...when the two meet in a box within this many levels above the
/// paragraph (a card's title and excerpt sit a wrapper or two apart).
pub(crate) const TEASER_MAX_LEVELS: usize = 4;
/// A block of at most this many words above the headline may share the
/// box: the card's kicker ("Related", "Read more") or its source and age
/// ("Reuters · 2 hours ago", "Yahoo 娛樂圈·19 小時前": a news portal's
/// "others are reading" stream under a short story, magic-html +0.40 and
/// +0.24, no page lower on any set; 3 words let those through only when
/// the source was one word).
pub(crate) const TEASER_KICKER_MAX_WORDS: usize = 6;
/// At most this many short lines (no longer than a kicker) may come
/// between the headline and its summary: the teaser's byline and age
/// (a news site's river of teasers under the story).
pub(crate) const TEASER_MAX_META_LINES: usize = 2;
/// A card may hold this many characters besides its kicker, headline and
/// summary: a byline or a count of replies under the summary ("By Sam
/// Rao", "Posts 2": a news network's inline "Related" card, wceb 0382).
/// Such a card is a teaser only under at least
/// [`TEASER_RIVER_MIN_STORY_WORDS`] of story, as a river's cards are
/// (without that, readability's nytimes-5, a section front, lost 0.30 of
/// its cards; with it, +0.02). At 100 characters wceb lost 0.05 and 0.02.
pub(crate) const TEASER_TRAILING_META_MAX_CHARS: usize = 40;
/// A heading that is nearly all link over a paragraph, the two among the
/// story's other blocks rather than in a box of their own, is an item of
/// the story's flow (a list article's "1. Stitch Fix", a section front's
/// headlines over their standfirsts), kept as content, when the page has
/// at least this many: one to three such headings are inline "Related"
/// lines (wceb 0350's three "Related: ..." headings, -0.04 at 3; at 2
/// single headlines in big5, magic-html and scrapinghub stories, -0.01
/// to -0.04 each). At 4: wceb 0.819 -> 0.821 (InfoQ's home page +0.21,
/// 0259 +0.12, 0251 +0.12), scrapinghub +0.15 on a news index,
/// readability yahoo-1 +0.05; 4 and 5 give the same figures.
pub(crate) const FLOW_HEADINGS_MIN: usize = 4;
/// A box held alone by its wrapper is one of a series when the wrappers
/// are (a listing's card in a grid's cell), looking this many wrappers up.
pub(crate) const TEASER_MAX_WRAPPERS: usize = 3;
/// A series of teaser cards with meta lines (a byline, an age) under a
/// story of at least this many words of prose above its first card is a
/// river of other stories' teasers (a news site's "latest" stream), not a
/// listing: a listing's cards come after an intro of a few lines at most.
pub(crate) const TEASER_RIVER_MIN_STORY_WORDS: usize = 150;
/// ...and the box holds at most this share of the story's region's text: a
/// tumblr post is its linked title and one paragraph (readability's
/// tumblr fell to 0 without this).
pub(crate) const TEASER_MAX_STORY_SHARE: f32 = 0.5;
