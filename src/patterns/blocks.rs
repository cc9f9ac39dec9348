//! Limits of the `blocks` stage (segmentation).

/// The largest list number kept from `<ol start>` or `<li value>` (larger
/// ones are clamped): Markdown list numbers have at most nine digits, and a
/// page's `start=99999999999` must not overflow the renderers' counters.
pub(crate) const MAX_ORDINAL: i64 = 999_999_999;
