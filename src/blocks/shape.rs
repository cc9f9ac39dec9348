//! Where a block sits in the page's structure (lists, tables, quotes,
//! figures, spans), recorded by segmentation for the renderers.

use crate::article::Span;
use crate::dom::NodeId;

/// What segmentation records beyond the text: the structure around a
/// block (read by `crate::structure` once the blocks are decided).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Shape {
    /// The innermost list item (`li`, `dt`, `dd`) holding the block.
    pub item: Option<ItemAt>,
    /// How many `blockquote`s hold the block.
    pub quote_depth: u8,
    /// The innermost table cell holding the block, when it belongs to the
    /// innermost table.
    pub cell: Option<CellAt>,
    /// Formatting, links and images over `text` (as [`Wants`] asks).
    pub spans: Vec<Span>,
}

/// A list item, as a block inside it sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ItemAt {
    pub node: NodeId,
    pub ordered: bool,
    /// Lists open around the item, less one (0: a top-level list).
    pub depth: usize,
    pub ordinal: u32,
    /// `blockquote`s open around the item.
    pub quotes: u8,
}

/// A table cell, as a block inside it sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CellAt {
    pub table: NodeId,
    pub row: NodeId,
    /// The cell's position in its row, from 0.
    pub col: usize,
    /// `th`.
    pub header: bool,
}
