//! Typed options: private fields, by-value setters, documented defaults.

/// How to trade precision against recall when a block is borderline.
///
/// Defaults to [`Focus::Balanced`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Focus {
    /// Drop borderline blocks: less boilerplate, may lose short story lines.
    Precision,
    /// The thresholds tuned on the dev sets for the best F1.
    #[default]
    Balanced,
    /// Keep borderline blocks: the whole story, with some leftovers.
    Recall,
}

/// Default for [`Options::max_input_bytes`]: 64 MiB, far above any real page.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Default for [`Options::max_nodes`]: 4 million nodes, far above any real page
/// (the largest pages of the dev sets have under 50,000).
pub const DEFAULT_MAX_NODES: usize = 4_000_000;
/// Default for [`Options::max_depth`]: elements nested deeper than this are
/// flattened into their ancestor at this depth (real pages rarely pass 60).
pub const DEFAULT_MAX_DEPTH: usize = 256;

/// Settings for a [`crate::Cleaner`], built with by-value setters.
///
/// # Defaults
/// - [`focus`](Options::focus): [`Focus::Balanced`]
/// - [`max_input_bytes`](Options::max_input_bytes): [`DEFAULT_MAX_INPUT_BYTES`] (64 MiB)
/// - [`max_nodes`](Options::max_nodes): [`DEFAULT_MAX_NODES`] (4,000,000)
/// - [`max_depth`](Options::max_depth): [`DEFAULT_MAX_DEPTH`] (256)
/// - [`explain`](Options::explain): `false`
///
/// ```
/// use unboil::{Cleaner, Focus, Options};
/// let cleaner = Cleaner::new(Options::new().focus(Focus::Precision).explain(true));
/// assert_eq!(cleaner.options().get_focus(), Focus::Precision);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    focus: Focus,
    max_input_bytes: usize,
    max_nodes: usize,
    max_depth: usize,
    explain: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            focus: Focus::Balanced,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_nodes: DEFAULT_MAX_NODES,
            max_depth: DEFAULT_MAX_DEPTH,
            explain: false,
        }
    }
}

impl Options {
    /// The defaults listed on [`Options`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the precision/recall trade-off.
    ///
    /// ```
    /// let o = unboil::Options::new().focus(unboil::Focus::Recall);
    /// assert_eq!(o.get_focus(), unboil::Focus::Recall);
    /// ```
    pub fn focus(mut self, focus: Focus) -> Self {
        self.focus = focus;
        self
    }

    /// Sets the largest input, in bytes, that is accepted; larger inputs fail
    /// with [`crate::Error::InputTooLarge`].
    ///
    /// ```
    /// let cleaner = unboil::Cleaner::new(unboil::Options::new().max_input_bytes(10));
    /// assert!(cleaner.clean_html("<p>more than ten bytes</p>").is_err());
    /// ```
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// Sets the largest number of DOM nodes accepted; a page with more fails
    /// with [`crate::Error::TooManyNodes`].
    ///
    /// ```
    /// let o = unboil::Options::new().max_nodes(1000);
    /// assert_eq!(o.get_max_nodes(), 1000);
    /// ```
    pub fn max_nodes(mut self, nodes: usize) -> Self {
        self.max_nodes = nodes;
        self
    }

    /// Sets the deepest element nesting handled; deeper elements are not
    /// walked as elements: their text is folded into the ancestor at this
    /// depth. This bounds work on hostile pages; it never fails.
    ///
    /// ```
    /// let o = unboil::Options::new().max_depth(64);
    /// assert_eq!(o.get_max_depth(), 64);
    /// ```
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// When `true`, every [`crate::Article`] carries a per-block trace
    /// ([`crate::Article::explanation`]): the features, the decision and the
    /// rule that decided.
    ///
    /// ```
    /// let o = unboil::Options::new().explain(true);
    /// assert!(o.get_explain());
    /// ```
    pub fn explain(mut self, explain: bool) -> Self {
        self.explain = explain;
        self
    }

    /// The precision/recall trade-off.
    pub fn get_focus(&self) -> Focus {
        self.focus
    }
    /// The input size limit in bytes.
    pub fn get_max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }
    /// The DOM node limit.
    pub fn get_max_nodes(&self) -> usize {
        self.max_nodes
    }
    /// The nesting depth limit.
    pub fn get_max_depth(&self) -> usize {
        self.max_depth
    }
    /// Whether articles carry a per-block trace.
    pub fn get_explain(&self) -> bool {
        self.explain
    }
}
