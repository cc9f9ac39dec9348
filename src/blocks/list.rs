//! The text blocks of a page and their texts, the texts in one buffer: a
//! block holds a span of it (8 bytes) rather than a string of its own (a
//! `Box<str>`'s 16 bytes and an allocation, with the allocator's overhead,
//! per block). A hostile page of 78,000 bylines held 2.3 MB of block texts
//! in as many allocations at its peak (`fuzz/dos_rss.sh`).

use std::ops::Deref;

use super::TextBlock;

/// Where a block's text starts in its [`Texts`], and its length: two
/// 32-bit numbers, so a buffer passing 4 GiB is refused (see
/// [`Blocks::push`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TextSpan {
    start: u32,
    len: u32,
}

impl TextSpan {
    /// The span of `len` bytes at `start`, if both ends fit 32 bits.
    fn new(start: usize, len: usize) -> Option<TextSpan> {
        u32::try_from(start + len).ok()?;
        Some(TextSpan {
            start: u32::try_from(start).ok()?,
            len: u32::try_from(len).ok()?,
        })
    }
}

/// The buffer of the blocks' texts, one after another.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Texts(String);

impl Texts {
    /// The text of `block`.
    pub(crate) fn get(&self, block: &TextBlock) -> &str {
        let start = block.text.start as usize;
        self.0
            .get(start..start + block.text.len as usize)
            .unwrap_or("")
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
        let Some(span) = TextSpan::new(self.texts.0.len(), text.len()) else {
            self.overflow = true;
            return;
        };
        self.texts.0.push_str(text);
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
        self.texts.0.len()
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

    /// Room for `bytes` more of text, as [`Blocks::reserve`].
    pub(crate) fn reserve_text(&mut self, bytes: usize) {
        self.texts.0.reserve(bytes);
    }

    /// Gives back the unused capacity (the pushes doubled it) before the
    /// later stages allocate beside the blocks.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.list.shrink_to_fit();
        self.texts.0.shrink_to_fit();
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
        assert!(TextSpan::new(0, u32::MAX as usize).is_some());
        assert!(TextSpan::new(1, u32::MAX as usize).is_none());
        assert!(TextSpan::new(u32::MAX as usize + 1, 0).is_none());
    }
}
