//! Where a block sits in the page's structure (lists, tables, quotes,
//! figures, spans), recorded by segmentation for the renderers.

use crate::article::{Span, SpanKind};
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

/// Moves spans recorded over a block's untrimmed text onto `trimmed`, which
/// starts `offset` bytes in; each span loses its leading and trailing
/// whitespace, and empty ones go (but images, which cover no text). Sorted
/// by start, an enclosing span before the spans inside it.
pub(super) fn fit_spans(spans: Vec<Span>, offset: usize, trimmed: &str) -> Vec<Span> {
    let len = trimmed.len();
    let mut out: Vec<Span> = spans
        .into_iter()
        .filter_map(|mut s| {
            s.start = s.start.saturating_sub(offset).min(len);
            s.end = s.end.saturating_sub(offset).min(len);
            if matches!(s.kind, SpanKind::Image { .. }) {
                s.end = s.start;
                return trimmed.is_char_boundary(s.start).then_some(s);
            }
            let inner = trimmed.get(s.start..s.end)?;
            let lead = inner.len() - inner.trim_start().len();
            let tail = inner.len() - inner.trim_end().len();
            s.start += lead;
            s.end = s.end.saturating_sub(tail).max(s.start);
            (s.end > s.start).then_some(s)
        })
        .collect();
    out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    out
}
