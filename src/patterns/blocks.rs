//! Limits of the `blocks` stage (segmentation).

/// The largest list number kept from `<ol start>` or `<li value>` (larger
/// ones are clamped): Markdown list numbers have at most nine digits, and a
/// page's `start=99999999999` must not overflow the renderers' counters.
pub(crate) const MAX_ORDINAL: i64 = 999_999_999;
/// An `a` is a card link (`patterns::CARDS`) when a block element comes
/// among this many of its first descendants: a teaser card opens with its
/// picture, heading or summary at once. The bound keeps the look linear.
pub(crate) const CARD_SCAN_NODES: usize = 32;
/// ...or when its text is at least this long (bytes): a teaser's summary
/// linked whole, longer than any headline. A link this long inside running
/// text is rare, and the cards reading runs only on pages with no story.
pub(crate) const CARD_MIN_TEXT_CHARS: usize = 120;

/// How many of the innermost open elements a caption class is looked for
/// on: the caption's own `p` and its wrappers (`div.caption > p`), never
/// the page's outer wrappers, whose names say nothing of one block.
pub(crate) const CAPTION_CLASS_LEVELS: usize = 3;

/// A class token naming a picture's caption: `caption`, `wp-caption-text`,
/// `image-caption`. Not `caption-container` or `card-caption-content`:
/// product pages name their feature tiles so.
pub(crate) fn is_caption_class(token: &str) -> bool {
    token == "caption" || token.ends_with("-caption") || token.ends_with("caption-text")
}

/// A block's text this long (bytes) gets an allocation of its own instead
/// of a span of the blocks' shared buffer (`blocks::Blocks`), and moves
/// into the article uncopied: a long text is one allocation among few
/// (the shared buffer saves the allocator's overhead of many short ones),
/// and a copy of it beside the buffer stayed resident (a page whose 4 MB
/// heading is one block peaked at 10.7 times the page, 7.7 before).
pub(crate) const OWN_TEXT_MIN_BYTES: usize = 4096;
