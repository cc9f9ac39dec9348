//! Thresholds of the `features` stage.

/// Boilerpipe's text density wraps text at this many characters a line.
pub(crate) const WRAP_WIDTH: usize = 80;
