//! Thresholds of the `structure` stage: which tables hold data (their
//! cells become rows) and which only lay the page out (their cells become
//! paragraphs). Readability's rule.

/// A table with at least this many rows holds data...
pub(crate) const DATA_MIN_ROWS: usize = 10;
/// ...or with more than this many columns (a layout table has a few:
/// menu, story, sidebar)...
pub(crate) const DATA_MAX_LAYOUT_COLUMNS: usize = 4;
/// ...or with more cells than this (rows times columns).
pub(crate) const DATA_MAX_LAYOUT_CELLS: usize = 10;
