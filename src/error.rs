//! Errors: what failed and where.

/// The result type of every fallible function in this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Why a page could not be cleaned.
///
/// Finding no article is *not* an error: it is an `Ok` [`crate::Article`]
/// with no blocks. Errors are for inputs that break a limit or that are not
/// a page at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input was empty or held only whitespace.
    #[error("input is empty (or only whitespace)")]
    EmptyInput,
    /// The input looks like binary data rather than text or HTML: too many
    /// control characters in its first bytes.
    #[error("input looks binary: {control} control characters in the first {sampled} characters")]
    BinaryInput {
        /// Control characters found in the sample.
        control: usize,
        /// Characters sampled.
        sampled: usize,
    },
    /// The input is longer than [`crate::Options::max_input_bytes`].
    #[error("input is {size} bytes, over the limit of {limit} bytes (Options::max_input_bytes)")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The parsed page has more nodes than [`crate::Options::max_nodes`].
    #[error("page has more than {limit} DOM nodes (Options::max_nodes)")]
    TooManyNodes {
        /// The configured limit.
        limit: usize,
    },
    /// The extracted text ([`crate::Article::text`]) is longer than
    /// [`crate::Options::max_text_bytes`].
    #[error(
        "extracted text is {size} bytes, over the limit of {limit} bytes (Options::max_text_bytes)"
    )]
    TextTooLarge {
        /// Size of the extracted text in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The input is a file of a known binary format (a PDF, an image, an
    /// archive), told by its first bytes: not a web page.
    #[error("input is a {format} file, not a web page")]
    NotAPage {
        /// The format its first bytes name ("PDF", "PNG", "gzip"...).
        format: &'static str,
    },
    /// The page's URL ([`crate::Options::base_url`] or the `url` of
    /// [`crate::Cleaner::clean_html_at`]) is not an absolute URL, so no
    /// link could be resolved against it.
    #[error("invalid base URL {url:?}: {reason}")]
    InvalidBaseUrl {
        /// The URL as given.
        url: String,
        /// Why it is not one (the URL parser's message).
        reason: String,
    },
    /// A CSS selector of [`crate::Options::include`] or
    /// [`crate::Options::exclude`] does not parse.
    #[error("invalid CSS selector {selector:?}: {reason}")]
    InvalidSelector {
        /// The selector as given.
        selector: String,
        /// Why it does not parse (the selector parser's message).
        reason: String,
    },
    /// Cleaning took longer than [`crate::Options::time_limit`]; it was
    /// stopped there.
    #[error("cleaning took longer than the time limit of {limit:?} (Options::time_limit)")]
    TimedOut {
        /// The configured limit.
        limit: std::time::Duration,
    },
}
