//! Output types: what a caller gets back. No parser types appear here.

use crate::explain::BlockTrace;

/// What kind of text a kept [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading, `h1`..`h6`; the level is 1..=6.
    Heading(u8),
    /// A paragraph of running text (also loose text in a `div`).
    Paragraph,
    /// One item of a list.
    ListItem,
    /// A block quotation.
    Quote,
    /// Preformatted text or code; whitespace kept as written.
    Code,
    /// One row of a table, cells separated by ` | `.
    TableRow,
    /// A figure or image caption.
    Caption,
}

/// One kept piece of the story, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text, whitespace collapsed (kept as written for
    /// [`BlockKind::Code`]).
    pub text: String,
}

/// The cleaned article: its title and the blocks of the story.
///
/// An article with no blocks means no story was found; that is not an error.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Article {
    /// The story's headline, when the page gives one.
    pub title: Option<String>,
    /// The kept blocks, in reading order.
    pub blocks: Vec<Block>,
    /// The per-block trace, present when [`crate::Options::explain`] is on.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub explanation: Option<Vec<BlockTrace>>,
}

impl Article {
    /// The story as plain text: one block per paragraph, blocks separated by
    /// a blank line.
    ///
    /// ```
    /// let html = "<html><body><article><p>First paragraph of a story that is long enough to keep, with words.</p>\
    ///             <p>Second paragraph of the same story, also long enough to be kept here.</p></article></body></html>";
    /// let article = unboil::clean_article(html).unwrap();
    /// assert!(article.text().contains("enough to keep, with words.\n\nSecond paragraph"));
    /// ```
    pub fn text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&block.text);
        }
        out
    }

    /// True when no story block was kept.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The per-block trace, when [`crate::Options::explain`] was on.
    pub fn explanation(&self) -> Option<&[BlockTrace]> {
        self.explanation.as_deref()
    }
}
