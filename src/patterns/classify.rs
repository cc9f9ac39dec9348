//! Thresholds of the `classify` stage: keep or drop each block.

/// A block with more than this share of its characters in links is a link
/// list (related headlines, tag clouds, menus), not prose.
pub(crate) const MAX_LINK_DENSITY: f32 = 0.65;
/// Short blocks (fewer words) are judged by their neighbours, jusText-style.
pub(crate) const SHORT_WORDS: usize = 5;
/// Blocks with at least this many words and some sentence punctuation are
/// prose on their own.
pub(crate) const PROSE_WORDS: usize = 15;
/// Stopword density that marks running text in a known language (jusText's
/// "good" threshold is 0.32 on its own lists; ours are shorter).
pub(crate) const PROSE_STOPWORDS: f32 = 0.22;
/// A block of boilerplate phrasing is dropped only while it is this short in
/// words: a long paragraph that mentions "newsletter" is still story.
pub(crate) const PHRASE_MAX_WORDS: usize = 25;
/// A boilerplate class/id counts against a block only when its element
/// holds less than this share of the story container's text: page builders
/// wrap whole stories in `widget` or `module` classes.
pub(crate) const NEGATIVE_HINT_MAX_SHARE: f32 = 0.3;
/// Class/id hints at or below this value on the path between the container
/// and a block drop the block (a share bar or byline inside the article).
pub(crate) const NEGATIVE_HINT_DROP: i32 = -1;
