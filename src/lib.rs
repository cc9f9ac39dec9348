//! # unboil
//!
//! Strips boilerplate from web-scraped articles: give it a page's HTML and it
//! returns the story alone (its title and its text blocks), dropping
//! navigation, "Most Popular" boxes, related headlines, share bars, cookie
//! notices, comments and footers.
//!
//! ```
//! let html = r#"<html><head><title>Rain returns | The Daily</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>Rain returns</h1>
//!     <p>After a dry summer, the rain came back on Tuesday, and farmers across the valley were glad of it.</p>
//!     <p>Forecasters expect showers to continue through the week, with heavier falls in the hills.</p>
//!   </article>
//!   <footer>Copyright 2024 The Daily. All rights reserved.</footer>
//! </body></html>"#;
//! let article = unboil::clean_article(html)?;
//! assert_eq!(article.title.as_deref(), Some("Rain returns"));
//! assert!(article.text().starts_with("After a dry summer"));
//! assert!(!article.text().contains("All rights reserved"));
//! # Ok::<(), unboil::Error>(())
//! ```
//!
//! ## Pipeline
//! One module per stage; data flows one way through plain structs:
//! `decode` (bytes to text) → `dom` (parse once, iterative arena) → `prune`
//! (nodes that are never content) → `blocks` (segment into text blocks) →
//! `locate` (which container holds the story) → `features` (shallow
//! per-block features) → `classify` (keep/drop with neighbours) →
//! `structure` (lists, tables, figures) → [`Article`], with `metadata` read
//! from the parsed page and `render` writing the article out. Every
//! threshold, word list and pattern lives in `patterns`, named, with a
//! comment saying why. When too little text is kept, the stages from
//! `prune` on run again with one heuristic relaxed (the retry ladder) and the
//! longest result wins. `docs/architecture.md` says what each module may
//! import.
//!
//! ## Why was my paragraph dropped?
//! Turn on [`Options::explain`]: every block of the page, kept or not, comes
//! back in [`Article::explanation`] with its [`Features`], its [`Decision`]
//! and the [`Rule`] that decided.
#![forbid(unsafe_code)]
// No panics on input-dependent data in library code (unit tests may unwrap
// and index: clippy.toml). A justified exception carries its own `allow`.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![warn(missing_docs)]

mod article;
mod batch;
mod blocks;
mod checks;
mod classify;
mod comments;
mod datetime;
mod decode;
mod dom;
mod error;
mod explain;
mod features;
mod ladder;
mod locate;
mod metadata;
mod options;
mod patterns;
mod prune;
pub mod render;
mod select;
mod structure;
mod text_mode;
mod url;
#[cfg(feature = "warc")]
pub mod warc;

/// NOT PUBLIC API: stage entry points for the benches; may change or vanish
/// in any release.
#[doc(hidden)]
#[path = "bench_stages.rs"]
pub mod __bench;

pub use article::{Article, Block, BlockKind, Cell, ListInfo, Row, Span, SpanKind};
pub use batch::clean_many;
pub use datetime::DateTime;
pub use error::{Error, Result};
pub use explain::{BlockTrace, Decision, Features, Rule};
pub use options::{
    DEFAULT_MAX_ATTRIBUTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_NODES,
    DEFAULT_MAX_TEXT_BYTES, Focus, InputKind, Options,
};

/// A reusable, thread-safe cleaner: [`Options`] plus compiled patterns.
///
/// Build one and share it (`Cleaner` is `Send + Sync`); cleaning does not
/// mutate it.
///
/// ```
/// use unboil::{Cleaner, Options};
/// let cleaner = Cleaner::new(Options::new());
/// let article = cleaner.clean_html("<p>Just one paragraph of a short note, but with enough words to count as prose here.</p>")?;
/// assert_eq!(article.blocks.len(), 1);
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Cleaner {
    options: Options,
    patterns: std::sync::Arc<patterns::Patterns>,
    /// The site rules of the options, compiled; or why they do not compile,
    /// which every call then returns.
    rules: Result<select::Rules>,
}

impl Default for Cleaner {
    fn default() -> Self {
        Self::new(Options::default())
    }
}

impl Cleaner {
    /// A cleaner with these options. Options that cannot work (an
    /// [`Options::base_url`] that is not an absolute URL, a site rule whose
    /// selector does not parse) make every call fail with that error;
    /// [`Cleaner::try_new`] reports it at once instead.
    pub fn new(options: Options) -> Self {
        let rules = select::Rules::compile(options.get_include(), options.get_exclude());
        Self {
            options,
            patterns: patterns::Patterns::shared(),
            rules,
        }
    }

    /// A cleaner with these options, checked first: the error
    /// [`Cleaner::clean_html`] would give on every page for options that
    /// cannot work (an [`Options::base_url`] that is not an absolute URL)
    /// comes here, once.
    ///
    /// # Errors
    /// [`Error::InvalidBaseUrl`], [`Error::InvalidSelector`] for a site
    /// rule ([`Options::include`], [`Options::exclude`]) that does not
    /// parse.
    ///
    /// ```
    /// use unboil::{Cleaner, Error, Options};
    /// assert!(Cleaner::try_new(Options::new().base_url("https://daily.example/")).is_ok());
    /// let bad = Cleaner::try_new(Options::new().base_url("daily.example/news"));
    /// assert!(matches!(bad, Err(Error::InvalidBaseUrl { .. })));
    /// ```
    pub fn try_new(options: Options) -> Result<Cleaner> {
        checks::check_base_url(options.get_base_url())?;
        let cleaner = Self::new(options);
        cleaner.rules.as_ref().map_err(Clone::clone)?;
        Ok(cleaner)
    }

    /// The options this cleaner was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Cleans an HTML page (a whole document or a fragment).
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for empty or whitespace-only input,
    /// [`Error::BinaryInput`] when the input is not text,
    /// [`Error::NotAPage`] for a PDF or another binary format told by its
    /// first bytes, [`Error::InputTooLarge`] and [`Error::TooManyNodes`]
    /// when a limit of the [`Options`] is passed, [`Error::TimedOut`] past
    /// [`Options::time_limit`], [`Error::InvalidBaseUrl`] when
    /// [`Options::base_url`] is not an absolute URL.
    ///
    /// ```
    /// let cleaner = unboil::Cleaner::default();
    /// assert!(matches!(cleaner.clean_html("  \n "), Err(unboil::Error::EmptyInput)));
    /// ```
    pub fn clean_html(&self, html: &str) -> Result<Article> {
        self.clean_html_with(html, self.options.get_base_url())
    }

    /// Cleans an HTML page fetched from `url`: as [`Cleaner::clean_html`]
    /// with `url` in place of [`Options::base_url`] for this page alone
    /// (relative links, images and the canonical URL are resolved against
    /// it, and a date in its path counts as the publication date when the
    /// page gives none). One cleaner serves every page of a crawl, each
    /// with its own URL, without being rebuilt.
    ///
    /// # Errors
    /// [`Error::InvalidBaseUrl`] when `url` is not an absolute URL, then
    /// the errors of [`Cleaner::clean_html`].
    ///
    /// ```
    /// let cleaner = unboil::Cleaner::new(unboil::Options::new().links(true));
    /// let html = r#"<p>The minutes of the meeting are <a href="../minutes.pdf">online</a>, the clerk said on Friday afternoon.</p>"#;
    /// let article = cleaner.clean_html_at(html, "https://town.example/news/today/")?;
    /// assert!(article.to_markdown().contains("(<https://town.example/news/minutes.pdf>)"));
    /// assert!(matches!(cleaner.clean_html_at(html, "not a url"), Err(unboil::Error::InvalidBaseUrl { .. })));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn clean_html_at(&self, html: &str, url: &str) -> Result<Article> {
        self.clean_html_with(html, Some(url))
    }

    /// [`Cleaner::clean_html`] with `base` as the page's URL.
    fn clean_html_with(&self, html: &str, base: Option<&str>) -> Result<Article> {
        let deadline = self.options.deadline();
        checks::check_base_url(base)?;
        let rules = self.rules.as_ref().map_err(Clone::clone)?;
        checks::check_input(html, &self.options)?;
        let doc = dom::Document::parse_within(html, &self.options, &deadline)?;
        deadline.check()?;
        let meta = metadata::extract_within(&doc, base, self.options.get_metadata(), &deadline);
        deadline.check()?;
        let marks = rules.mark(html, &doc, &self.options);
        deadline.check()?;
        // A page that declares itself a discussion (a forum thread, a Q&A
        // page): its replies are the content, so they are neither set
        // apart as comments nor stripped by their comment-like classes.
        let comment_sections = if meta.discussion {
            Vec::new()
        } else {
            comments::sections(&doc, &self.patterns, &self.options)
        };
        let page = ladder::Page {
            doc: &doc,
            title: meta.title(),
            story: meta.story,
            comment_sections: &comment_sections,
            marks: &marks,
            options: &self.options,
            patterns: &self.patterns,
            prune_cache: Default::default(),
        };
        let mut article = ladder::climb(&page, meta.discussion, &deadline)?;
        deadline.check()?;
        article.comments = comments::extract(
            &doc,
            &self.patterns,
            &self.options,
            &comment_sections,
            &deadline,
        );
        structure::resolve_urls(&mut article, meta.base());
        if self.options.get_metadata() {
            meta.apply(&mut article);
        }
        deadline.check()?;
        checks::check_text(article, &self.options)
    }

    /// Cleans a page given as raw bytes, as read from a file or an HTTP
    /// body, in any character encoding: decodes it, then cleans it as
    /// [`Cleaner::clean`] does (HTML or plain text, told apart).
    ///
    /// The encoding is chosen in the order browsers use: a byte order mark
    /// (UTF-8, UTF-16LE/BE), then the `charset` of `content_type` (the
    /// HTTP `Content-Type` header value, e.g. `"text/html; charset=gbk"`),
    /// then a `<meta charset>` or `<meta http-equiv="Content-Type">` in the
    /// first 4096 bytes, then detection from the bytes (UTF-8 when they
    /// look like UTF-8, else `chardetng`, the detector Firefox uses). One
    /// deliberate exception: a header or `<meta>` label naming a legacy
    /// encoding (windows-1252, GBK, Shift_JIS...) is overruled when the
    /// bytes are UTF-8 (at most 5% of the non-ASCII sequences invalid), since
    /// legacy text almost never is, while stale labels on UTF-8 pages are
    /// common. Unknown labels are ignored. Bytes that are invalid in the
    /// chosen encoding become U+FFFD; decoding never fails.
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] when `bytes` is longer than
    /// [`Options::max_input_bytes`] (checked before decoding; the decoded
    /// text, which can be up to three times longer for legacy encodings, is
    /// checked too), then the errors of [`Cleaner::clean`].
    ///
    /// ```
    /// // A story in windows-1251, as an old Russian site would serve it.
    /// let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(
    ///     "<html><head><meta charset=windows-1251><title>Новости</title></head><body>\
    ///      <p>Вчера вечером в городе прошёл сильный дождь, и многие улицы были затоплены водой.</p>\
    ///      <p>Синоптики обещают, что к выходным погода улучшится и станет значительно теплее.</p>\
    ///      </body></html>",
    /// );
    /// let article = unboil::Cleaner::default().clean_bytes(&bytes, None)?;
    /// assert!(article.text().contains("сильный дождь"));
    ///
    /// // The HTTP header's charset wins over the page's own <meta>.
    /// let article = unboil::Cleaner::default()
    ///     .clean_bytes(&bytes, Some("text/html; charset=windows-1251"))?;
    /// assert!(article.text().contains("погода улучшится"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn clean_bytes(&self, bytes: &[u8], content_type: Option<&str>) -> Result<Article> {
        self.clean_bytes_with(bytes, content_type, self.options.get_base_url())
    }

    /// Cleans a page given as raw bytes, fetched from `url`: as
    /// [`Cleaner::clean_bytes`] with `url` as the page's URL (see
    /// [`Cleaner::clean_html_at`]). What a crawl's records need: each
    /// page's body, its `Content-Type` and its URL.
    ///
    /// # Errors
    /// [`Error::InvalidBaseUrl`] when `url` is not an absolute URL, then
    /// the errors of [`Cleaner::clean_bytes`].
    ///
    /// ```
    /// let cleaner = unboil::Cleaner::new(unboil::Options::new().images(true));
    /// let body = br#"<article><p>The old lighthouse was repainted this spring, for the first time in thirty years.</p>
    ///   <figure><img src="img/lighthouse.jpg" alt=""><figcaption>The lighthouse, repainted.</figcaption></figure></article>"#;
    /// let article = cleaner.clean_bytes_at(body, Some("text/html"), "https://coast.example/news/")?;
    /// assert!(article.to_markdown().contains("https://coast.example/news/img/lighthouse.jpg"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn clean_bytes_at(
        &self,
        bytes: &[u8],
        content_type: Option<&str>,
        url: &str,
    ) -> Result<Article> {
        self.clean_bytes_with(bytes, content_type, Some(url))
    }

    /// [`Cleaner::clean_bytes`] with `base` as the page's URL.
    fn clean_bytes_with(
        &self,
        bytes: &[u8],
        content_type: Option<&str>,
        base: Option<&str>,
    ) -> Result<Article> {
        let limit = self.options.get_max_input_bytes();
        if bytes.len() > limit {
            return Err(Error::InputTooLarge {
                size: bytes.len(),
                limit,
            });
        }
        // Decoding would turn a binary file's magic bytes into other
        // characters: look at them first.
        checks::check_signature(bytes)?;
        self.clean_with(&decode::decode(bytes, content_type), base)
    }

    /// Cleans a page that was already flattened to plain text (by a
    /// scraper, `lynx -dump`, inscriptis...): the story's lines are kept,
    /// menus, headline lists and "Most Popular" labels dropped, and the
    /// header lines (breadcrumb, headline, byline, date) read into the
    /// metadata.
    ///
    /// # Errors
    /// As [`Cleaner::clean_html`], but for the node limit.
    ///
    /// ```
    /// let text = "Home\nNews\nSport\n\nRain returns to the valley\n\n\
    ///     After a dry summer, the rain came back on Tuesday, and farmers across the valley were glad of it.\n\n\
    ///     Forecasters expect showers to continue through the week, with heavier falls in the hills.\n\n\
    ///     Most Popular\nTen things to do this weekend\nCouncil approves new car park\n";
    /// let article = unboil::Cleaner::default().clean_text(text)?;
    /// assert_eq!(article.title.as_deref(), Some("Rain returns to the valley"));
    /// assert_eq!(article.blocks.len(), 2);
    /// assert!(!article.text().contains("Most Popular"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn clean_text(&self, text: &str) -> Result<Article> {
        let deadline = self.options.deadline();
        checks::check_base_url(self.options.get_base_url())?;
        checks::check_input(text, &self.options)?;
        let mut article = text_mode::clean(
            text,
            &self.patterns,
            self.options.get_focus(),
            self.options.get_explain(),
            &deadline,
        );
        if !self.options.get_metadata() {
            clear_metadata(&mut article);
        }
        deadline.check()?;
        checks::check_text(article, &self.options)
    }

    /// Cleans a page given as HTML or as plain text, telling them apart
    /// first (see [`is_html`]).
    ///
    /// # Errors
    /// As [`Cleaner::clean_html`] or [`Cleaner::clean_text`].
    ///
    /// ```
    /// let cleaner = unboil::Cleaner::default();
    /// let from_html = cleaner.clean("<p>A single paragraph of a story, long enough to count as prose, with some words.</p>")?;
    /// let from_text = cleaner.clean("A single paragraph of a story, long enough to count as prose, with some words.")?;
    /// assert_eq!(from_html.text(), from_text.text());
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn clean(&self, input: &str) -> Result<Article> {
        self.clean_with(input, self.options.get_base_url())
    }

    /// [`Cleaner::clean`] with `base` as the page's URL (plain text has no
    /// links to resolve, but a bad URL is an error either way).
    fn clean_with(&self, input: &str, base: Option<&str>) -> Result<Article> {
        let html = match self.options.get_input() {
            InputKind::Auto => text_mode::looks_like_html(input, &self.patterns),
            InputKind::Html => true,
            InputKind::Text => false,
        };
        if html {
            self.clean_html_with(input, base)
        } else {
            checks::check_base_url(base)?;
            self.clean_text(input)
        }
    }
}

/// Empties the metadata fields of `article` ([`Options::metadata`] off):
/// the header lines of plain text are read during segmentation, so they
/// are dropped afterwards.
fn clear_metadata(article: &mut Article) {
    let blocks = std::mem::take(&mut article.blocks);
    let comments = std::mem::take(&mut article.comments);
    let explanation = article.explanation.take();
    *article = Article::default();
    article.blocks = blocks;
    article.comments = comments;
    article.explanation = explanation;
}

/// Cleans a page, HTML or already-scraped plain text, with the default
/// [`Options`]. Which of the two it is, is told by [`is_html`].
///
/// # Errors
/// See [`Cleaner::clean_html`] and [`Cleaner::clean_text`].
pub fn clean_article(input: &str) -> Result<Article> {
    Cleaner::default().clean(input)
}

/// Cleans a page given as raw bytes in any character encoding, with the
/// default [`Options`]; `content_type` is the HTTP `Content-Type` header
/// value, if there is one.
///
/// # Errors
/// See [`Cleaner::clean_bytes`].
///
/// ```
/// let page = "<p>Der Bürgermeister eröffnete am Samstag das renovierte Rathaus, und viele Bürger kamen.</p>";
/// let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(page);
/// let article = unboil::clean_bytes(&latin1, Some("text/html; charset=iso-8859-1"))?;
/// assert!(article.text().contains("Der Bürgermeister eröffnete"));
/// # Ok::<(), unboil::Error>(())
/// ```
pub fn clean_bytes(bytes: &[u8], content_type: Option<&str>) -> Result<Article> {
    Cleaner::default().clean_bytes(bytes, content_type)
}

/// Whether [`clean_article`] treats `input` as HTML (else as plain text).
///
/// The rule: after leading whitespace (and a byte-order mark), the input
/// starts with a tag, a comment or a doctype (`<!DOCTYPE`, `<html`, `<p>`,
/// `<!--`...), or its first 64 KiB hold at least four tags of known HTML
/// elements (opening or closing). So HTML fragments without `<html>` are
/// HTML, and prose that mentions a tag or two stays text.
///
/// ```
/// assert!(unboil::is_html("<p>Hello</p><p>World</p>"));
/// assert!(unboil::is_html("Intro <div>one</div><div>two</div>"));
/// assert!(!unboil::is_html("Wrap bold words in <b> and </b>, the manual says."));
/// ```
pub fn is_html(input: &str) -> bool {
    text_mode::looks_like_html(input, &patterns::Patterns::shared())
}

#[cfg(test)]
#[path = "lib/tests.rs"]
mod tests;

/// The README's code samples, compiled and run as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
