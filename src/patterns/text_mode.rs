//! Thresholds of plain-text mode (`text_mode`): line joining, the story
//! search over lines, the header, and HTML-or-text sniffing.

/// A page counts as hard-wrapped when most long lines end within this many
/// columns of the longest...
pub(crate) const WRAP_SLACK: usize = 12;
/// ...the longest is between these widths (mail and Usenet wrap at 72-80)...
pub(crate) const WRAP_MIN_WIDTH: usize = 60;
pub(crate) const WRAP_MAX_WIDTH: usize = 100;
/// ...and there are at least this many long lines.
pub(crate) const WRAP_MIN_LINES: usize = 8;
/// Value of a boilerplate-phrase or repeated line in the story search: a
/// "Most Popular" label or a caption shown twice cuts the story off.
pub(crate) const TEXT_BOILERPLATE_PENALTY: f32 = 20.0;
/// The first run of blocks worth this share of the best run is the story.
pub(crate) const TEXT_FIRST_RUN_SHARE: f32 = 0.5;
/// Value of a label that opens the furniture ("Related", "Comments"): a
/// story rarely goes on after one.
pub(crate) const TEXT_STORY_END_PENALTY: f32 = 20.0;
/// Value of a short, non-prose line: a small fixed cost...
pub(crate) const TEXT_SHORT_PENALTY: f32 = 2.0;
/// ...plus this much per word, so a list of headlines costs more than a
/// subheading between two paragraphs.
pub(crate) const TEXT_SHORT_WORD_PENALTY: f32 = 0.5;
/// Bullets and headline-shaped lines cost this many times a plain short
/// line: they come in lists of links.
pub(crate) const TEXT_LIST_PENALTY_FACTOR: f32 = 2.0;
/// A headline-shaped line has this many words...
pub(crate) const HEADLINE_MIN_WORDS: usize = 3;
pub(crate) const HEADLINE_MAX_WORDS: usize = 16;
/// ...at least this share of them capitalised, and no sentence end.
pub(crate) const HEADLINE_CAPITALISED_SHARE: f32 = 0.6;
/// Words that make a line prose on their own (with a sentence end or
/// stopwords). Lower than the HTML mode's: text lines are whole paragraphs.
pub(crate) const TEXT_PROSE_WORDS: usize = 10;
/// Prose-like lines that do not end a sentence, or are list items, count
/// this share of their words: headline teasers in "Most read" lists.
pub(crate) const TEXT_UNFINISHED_WEIGHT: f32 = 0.3;
/// Prose indented unlike the story's paragraphs counts this share of its
/// words (a comment or a teaser box laid out apart).
pub(crate) const TEXT_OFF_INDENT_WEIGHT: f32 = 0.7;
/// Lines shorter than this are not judged by repetition ("Share", "1")...
pub(crate) const REPEAT_MIN_CHARS: usize = 12;
/// ...nor longer ones in words: a repeated caption or teaser is short, a
/// repeated paragraph is a quoted passage (or a lorem-ipsum fixture).
pub(crate) const REPEAT_MAX_WORDS: usize = 30;
/// How many lines before the story are searched for the headline, byline,
/// breadcrumb and date.
pub(crate) const HEADER_LINES: usize = 8;
/// HTML-or-text sniffing looks at this many bytes of the input...
pub(crate) const SNIFF_BYTES: usize = 64 * 1024;
/// ...and calls it HTML when it holds at least this many known tags.
pub(crate) const HTML_MIN_TAGS: usize = 4;
