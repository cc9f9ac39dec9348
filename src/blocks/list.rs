//! The text blocks of a page and their texts, the short texts in one
//! buffer: a block holds a span of it (8 bytes) rather than a string of
//! its own (a `Box<str>`'s 16 bytes and an allocation, with the
//! allocator's overhead, per block). A hostile page of 78,000 bylines held
//! 2.3 MB of block texts in as many allocations at its peak
//! (`fuzz/dos_rss.sh`). A long text has its own allocation
//! ([`p::OWN_TEXT_MIN_BYTES`]).

use std::ops::Deref;

use super::TextBlock;
use crate::patterns as p;

/// Where a block's text starts in its [`Texts`], and its length: 32-bit
/// numbers, so a buffer passing 4 GiB is refused (see [`Blocks::push`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TextSpan {
    /// The byte offset in the shared buffer, or, for a text of its own,
    /// its index among them.
    start: u32,
    len: u32,
    /// The text has an allocation of its own.
    own: bool,
}

impl TextSpan {
    /// The span of `len` bytes at `start`, if both ends fit 32 bits.
    fn new(start: usize, len: usize, own: bool) -> Option<TextSpan> {
        u32::try_from(start + len).ok()?;
        Some(TextSpan {
            start: u32::try_from(start).ok()?,
            len: u32::try_from(len).ok()?,
            own,
        })
    }
}

/// The blocks' texts: the short ones one after another in a buffer, the
/// long ones each in its own allocation.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Texts {
    shared: String,
    own: Vec<Box<str>>,
}

impl Texts {
    /// The text of `block`.
    pub(crate) fn get(&self, block: &TextBlock) -> &str {
        let start = block.text.start as usize;
        if block.text.own {
            return self.own.get(start).map_or("", |text| text);
        }
        self.shared
            .get(start..start + block.text.len as usize)
            .unwrap_or("")
    }

    /// The text of `block`, taken: a text of its own is moved out (and
    /// left empty), a short one copied.
    pub(crate) fn take(&mut self, block: &TextBlock) -> String {
        match self.own.get_mut(block.text.start as usize) {
            Some(text) if block.text.own => std::mem::take(text).into_string(),
            _ => self.get(block).to_string(),
        }
    }
}

/// A page's text blocks, in reading order, and their texts. Read as a
/// slice of blocks; a block's text is [`Blocks::text`].
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Blocks {
    list: Vec<TextBlock>,
    texts: Texts,
    /// A block was left out: the texts would have passed 4 GiB.
    overflow: bool,
}

impl Deref for Blocks {
    type Target = [TextBlock];

    fn deref(&self) -> &[TextBlock] {
        &self.list
    }
}

impl Blocks {
    /// The text of `block`, one of these blocks.
    pub(crate) fn text(&self, block: &TextBlock) -> &str {
        self.texts.get(block)
    }

    /// Adds `block` with `text` as its text; left out (and
    /// [`Blocks::overflowed`] says so) once the texts would pass 4 GiB,
    /// which only a page past the arena's own 4 GiB of strings nearly
    /// reaches (a block's text is its nodes' text, whitespace collapsed,
    /// and a line break per `<br>`).
    pub(crate) fn push(&mut self, text: &str, mut block: TextBlock) {
        let own = text.len() >= p::OWN_TEXT_MIN_BYTES;
        let start = if own {
            self.texts.own.len()
        } else {
            self.texts.shared.len()
        };
        let Some(span) = TextSpan::new(start, text.len(), own) else {
            self.overflow = true;
            return;
        };
        if own {
            self.texts.own.push(text.into());
        } else {
            self.texts.shared.push_str(text);
        }
        block.text = span;
        self.list.push(block);
    }

    /// Whether a block was left out, the texts past 4 GiB: the page is too
    /// large.
    pub(crate) fn overflowed(&self) -> bool {
        self.overflow
    }

    /// Bytes of the blocks' texts (with any left out by
    /// [`Blocks::retain`]).
    pub(crate) fn text_bytes(&self) -> usize {
        let own: usize = self.texts.own.iter().map(|text| text.len()).sum();
        self.texts.shared.len() + own
    }

    /// Keeps the blocks `keep` says yes to; their texts stay where they are.
    pub(crate) fn retain(&mut self, keep: impl FnMut(&TextBlock) -> bool) {
        self.list.retain(keep);
    }

    /// Room for `blocks` more blocks, in one allocation (see
    /// [`Blocks::shrink_to_fit`] for what is not used).
    pub(crate) fn reserve(&mut self, blocks: usize) {
        self.list.reserve(blocks);
    }

    /// Gives back the unused capacity (the pushes doubled it) before the
    /// later stages allocate beside the blocks.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.list.shrink_to_fit();
        self.texts.shared.shrink_to_fit();
        self.texts.own.shrink_to_fit();
    }

    /// The blocks, to be taken one by one, and their texts.
    pub(crate) fn into_parts(self) -> (Vec<TextBlock>, Texts) {
        (self.list, self.texts)
    }

    /// Every block's text, in order.
    #[cfg(test)]
    pub(crate) fn texts(&self) -> Vec<&str> {
        self.list.iter().map(|b| self.text(b)).collect()
    }

    /// Blocks of the given texts: the unit tests' short form.
    #[cfg(test)]
    pub(crate) fn of<'a>(blocks: impl IntoIterator<Item = (&'a str, TextBlock)>) -> Blocks {
        let mut out = Blocks::default();
        for (text, block) in blocks {
            out.push(text, block);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_past_4_gib_is_refused() {
        assert!(TextSpan::new(0, u32::MAX as usize, false).is_some());
        assert!(TextSpan::new(1, u32::MAX as usize, false).is_none());
        assert!(TextSpan::new(u32::MAX as usize + 1, 0, false).is_none());
    }

    #[test]
    fn long_texts_have_their_own_and_move_out() {
        let long = "word ".repeat(p::OWN_TEXT_MIN_BYTES);
        let block = || TextBlock {
            text: TextSpan::default(),
            kind: crate::article::BlockKind::Paragraph,
            owner: 0,
            chars: 0,
            link_chars: 0,
            pruned: None,
            after_image: false,
            figure: None,
            shape: None,
        };
        let blocks = Blocks::of([("short", block()), (long.as_str(), block()), ("", block())]);
        assert_eq!(blocks.texts(), ["short", long.as_str(), ""]);
        assert_eq!(blocks.text_bytes(), "short".len() + long.len());
        let (list, mut texts) = blocks.into_parts();
        assert!(list[1].text.own && !list[0].text.own);
        let taken: Vec<String> = list.iter().map(|b| texts.take(b)).collect();
        assert_eq!(taken, ["short", long.as_str(), ""]);
        assert_eq!(texts.get(&list[1]), "", "moved out");
    }
}
