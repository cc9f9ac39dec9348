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

/// `Focus::Precision` lowers [`MAX_LINK_DENSITY`] by this much (to 0.50),
/// and `Focus::Recall` raises it as much (to 0.80): Precision drops
/// link-rich blocks sooner, Recall keeps story paragraphs dense with links
/// to sources, at the cost of some link lists.
pub(crate) const FOCUS_LINK_DENSITY_STEP: f32 = 0.15;
/// `Focus::Precision` asks this many more words of a block to call it prose
/// on its own (20), `Focus::Recall` this many fewer (10): a one-sentence
/// teaser is about 10 to 20 words.
pub(crate) const FOCUS_PROSE_WORDS_STEP: usize = 5;
/// `Focus::Precision` leaves blocks of this many more words to their
/// neighbours (under 9 words: short lines go with the furniture around
/// them)...
pub(crate) const PRECISION_SHORT_WORDS_STEP: usize = 4;
/// ...and `Focus::Recall` this many fewer (under 2 words: only one-word
/// labels wait for their neighbours).
pub(crate) const RECALL_SHORT_WORDS_STEP: usize = 3;
/// A block under a boilerplate class/id ([`NEGATIVE_HINT_DROP`]) is dropped
/// only while it has fewer words than this (twice the prose length, plus
/// ten): a share bar, a byline or a caption box is short, while a long
/// paragraph in a box with a boilerplate-sounding class is story (page
/// builders' `widget` and `module` wrappers deep inside the story).
pub(crate) const NEGATIVE_HINT_MAX_WORDS: usize = 2 * PROSE_WORDS + 10;
/// With `Focus::Precision`, a short block between two prose blocks that
/// does not end a sentence is kept only with at least this many words: one
/// or two words there are a button or a label ("Advertisement", "Share"),
/// three are a run-in subheading.
pub(crate) const PRECISION_BETWEEN_GOOD_MIN_WORDS: usize = 3;
/// A heading repeats the title when one holds the other and the longer is
/// at most this many times as long: "Rain returns" against "Rain returns -
/// The Daily" (a site name added) is the title, a one-word heading inside a
/// long title is not.
pub(crate) const TITLE_MAX_LENGTH_RATIO: usize = 2;
/// A caption this few blocks or fewer before the story's first prose block
/// is the lead picture's, kept (`Rule::LeadCaption`): the story starts
/// with it on the page (postlight's truth counts it: 247sports, Observer,
/// Slate). Further up, a caption belongs to a teaser or a gallery.
pub(crate) const LEAD_CAPTION_REACH: usize = 3;
/// Text right under the lead picture is its caption and credit while each
/// block has at most this many words (a two-sentence caption); a longer
/// block there is a standfirst or the story itself. Postlight's truth
/// counts the hero caption (postlight.com, Vox, Recode, The Motley Fool).
pub(crate) const LEAD_CAPTION_MAX_WORDS: usize = 25;
/// Walking up from the story's first paragraph to take in paragraphs set
/// above its container, the walk crosses at most this many non-prose
/// blocks in a row (a date line, a "Link copied" button, a tag line): the
/// lede and the body are that close; further up is the page's header.
/// (postlight's politico, otrs, investmentexecutive: the first paragraphs
/// sit in a header box above the body.)
pub(crate) const LEAD_PROSE_MAX_GAP: usize = 2;
