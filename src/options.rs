//! Typed options: private fields, by-value setters, documented defaults.

use crate::error::{Error, Result};
use std::time::{Duration, Instant};

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

/// What kind of page [`crate::Cleaner::clean`] (and so `clean_bytes`) is
/// given. Defaults to [`InputKind::Auto`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum InputKind {
    /// Tell HTML from plain text by the rule of [`crate::is_html`].
    #[default]
    Auto,
    /// Always HTML ([`crate::Cleaner::clean_html`]).
    Html,
    /// Always already-scraped plain text ([`crate::Cleaner::clean_text`]).
    Text,
}

/// Default for [`Options::max_input_bytes`]: 64 MiB, far above any real page.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Default for [`Options::max_nodes`]: 4 million nodes, far above any real page
/// (the largest pages of the dev sets have under 50,000).
pub const DEFAULT_MAX_NODES: usize = 4_000_000;
/// Default for [`Options::max_depth`]: elements nested deeper than this are
/// flattened into their ancestor at this depth (real pages rarely pass 60).
pub const DEFAULT_MAX_DEPTH: usize = 256;
/// Default for [`Options::max_text_bytes`]: 32 MiB of extracted text. The
/// longest real stories (whole books on one page) have a few MB of text.
pub const DEFAULT_MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;

/// Default for [`Options::max_attributes`]: 400 attributes per element, as
/// Nokogiri (libxml2) caps them. Real tags have a few dozen at most; the
/// cap bounds html5ever's duplicate-name check, which is quadratic in the
/// attributes of one tag.
pub const DEFAULT_MAX_ATTRIBUTES: usize = 400;

/// Settings for a [`crate::Cleaner`], built with by-value setters.
///
/// # Defaults
/// - [`focus`](Options::focus): [`Focus::Balanced`]
/// - [`max_input_bytes`](Options::max_input_bytes): [`DEFAULT_MAX_INPUT_BYTES`] (64 MiB)
/// - [`max_nodes`](Options::max_nodes): [`DEFAULT_MAX_NODES`] (4,000,000)
/// - [`max_depth`](Options::max_depth): [`DEFAULT_MAX_DEPTH`] (256)
/// - [`max_text_bytes`](Options::max_text_bytes): [`DEFAULT_MAX_TEXT_BYTES`] (32 MiB)
/// - [`max_attributes`](Options::max_attributes): [`DEFAULT_MAX_ATTRIBUTES`] (400)
/// - [`time_limit`](Options::time_limit): none
/// - [`explain`](Options::explain): `false`
/// - [`base_url`](Options::base_url): none
/// - [`tables`](Options::tables): `true`
/// - [`images`](Options::images): `false`
/// - [`links`](Options::links): `false`
/// - [`formatting`](Options::formatting): `true` (plain text never shows it)
/// - [`comments`](Options::comments): `false`
/// - [`include`](Options::include), [`exclude`](Options::exclude): no selector
/// - [`metadata`](Options::metadata): `true`
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
    max_text_bytes: usize,
    max_attributes: usize,
    time_limit: Option<Duration>,
    explain: bool,
    input: InputKind,
    base_url: Option<String>,
    tables: bool,
    images: bool,
    links: bool,
    formatting: bool,
    comments: bool,
    include: Vec<String>,
    exclude: Vec<String>,
    metadata: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            focus: Focus::Balanced,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_nodes: DEFAULT_MAX_NODES,
            max_depth: DEFAULT_MAX_DEPTH,
            max_text_bytes: DEFAULT_MAX_TEXT_BYTES,
            max_attributes: DEFAULT_MAX_ATTRIBUTES,
            time_limit: None,
            explain: false,
            input: InputKind::Auto,
            base_url: None,
            tables: true,
            images: false,
            links: false,
            formatting: true,
            comments: false,
            include: Vec::new(),
            exclude: Vec::new(),
            metadata: true,
        }
    }
}

impl Options {
    /// The defaults listed on [`Options`].
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the precision/recall trade-off.
    ///
    /// ```
    /// let o = unboil::Options::new().focus(unboil::Focus::Recall);
    /// assert_eq!(o.get_focus(), unboil::Focus::Recall);
    /// ```
    #[must_use]
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
    #[must_use]
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// Sets the largest number of DOM nodes accepted; a page with more fails
    /// with [`crate::Error::TooManyNodes`]. The limit is enforced while the
    /// HTML parser builds its tree (its elements and comments are counted as
    /// they are made), so a small page that the parser amplifies into
    /// millions of nodes fails early instead of exhausting memory.
    ///
    /// ```
    /// let o = unboil::Options::new().max_nodes(1000);
    /// assert_eq!(o.get_max_nodes(), 1000);
    /// ```
    #[must_use]
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
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// Sets the largest extracted text accepted, in bytes of
    /// [`crate::Article::text`]; a page whose kept text is longer fails with
    /// [`crate::Error::TextTooLarge`] rather than being cut silently
    /// (a cut story looks whole to the caller). The check counts the kept
    /// text only, not the per-block trace of [`Options::explain`].
    ///
    /// ```
    /// let story = "<p>A paragraph of the story, long enough to be kept as prose, with a few words.</p>";
    /// let cleaner = unboil::Cleaner::new(unboil::Options::new().max_text_bytes(20));
    /// assert!(matches!(
    ///     cleaner.clean_html(story),
    ///     Err(unboil::Error::TextTooLarge { limit: 20, .. })
    /// ));
    /// ```
    #[must_use]
    pub fn max_text_bytes(mut self, bytes: usize) -> Self {
        self.max_text_bytes = bytes;
        self
    }

    /// Sets how many attributes of one element are read; the ones past it
    /// are dropped before parsing, as if the page did not have them. This
    /// bounds the parser's work on hostile pages (its check for repeated
    /// attribute names is quadratic in the attributes of a tag); it never
    /// fails.
    ///
    /// ```
    /// let many: String = (0..1000).map(|i| format!(" data-a{i}=x")).collect();
    /// let html = format!("<article{many} class=story><p>The harbour reopened on Monday after a week of storms had kept every boat in port.</p></article>");
    /// let cleaner = unboil::Cleaner::new(unboil::Options::new().max_attributes(100));
    /// assert!(cleaner.clean_html(&html)?.text().starts_with("The harbour reopened"));
    /// assert_eq!(unboil::Options::new().get_max_attributes(), unboil::DEFAULT_MAX_ATTRIBUTES);
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[must_use]
    pub fn max_attributes(mut self, attributes: usize) -> Self {
        self.max_attributes = attributes;
        self
    }

    /// Sets the longest time one page may take; past it, cleaning stops and
    /// fails with [`crate::Error::TimedOut`]. The clock is read between the
    /// stages and inside the long loops (parsing, every few thousand nodes),
    /// so a call returns at most a little after the limit. Default: none.
    /// In [`crate::Cleaner::clean_batch`] and the other batch calls, the
    /// limit is per page: a page that times out is reported as such and the
    /// others go on.
    ///
    /// ```
    /// use std::time::Duration;
    /// let story = "<p>The ferry will run every hour from May, the operator said on Friday morning.</p>";
    /// let patient = unboil::Cleaner::new(unboil::Options::new().time_limit(Duration::from_secs(10)));
    /// assert!(patient.clean_html(story).is_ok());
    /// let hasty = unboil::Cleaner::new(unboil::Options::new().time_limit(Duration::ZERO));
    /// assert!(matches!(hasty.clean_html(story), Err(unboil::Error::TimedOut { .. })));
    /// ```
    #[must_use]
    pub fn time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = Some(limit);
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
    #[must_use]
    pub fn explain(mut self, explain: bool) -> Self {
        self.explain = explain;
        self
    }

    /// Sets the page's own URL: relative URLs of the metadata (canonical
    /// URL, image) are resolved against it (or against the page's `<base
    /// href>`, itself resolved against it), and a date in its path counts
    /// as the publication date when the page declares none.
    ///
    /// ```
    /// let cleaner = unboil::Cleaner::new(
    ///     unboil::Options::new().base_url("https://daily.example/2024/09/03/rain/"),
    /// );
    /// let html = r#"<head><meta property="og:image" content="/img/rain.jpg"></head>
    ///   <body><p>Some story text, long enough to be kept as the story of this page.</p></body>"#;
    /// let article = cleaner.clean_html(html)?;
    /// assert_eq!(article.image.as_deref(), Some("https://daily.example/img/rain.jpg"));
    /// assert_eq!(article.published.unwrap().to_string(), "2024-09-03");
    /// # Ok::<(), unboil::Error>(())
    /// ```
    ///
    /// A URL that is not absolute is an error, not ignored: cleaning fails
    /// with [`crate::Error::InvalidBaseUrl`] (and
    /// [`crate::Cleaner::try_new`] says so at once). For a crawl, where
    /// each page has its own URL, keep one cleaner and pass each page's URL
    /// to [`crate::Cleaner::clean_html_at`] or
    /// [`crate::Cleaner::clean_bytes_at`].
    #[must_use]
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Whether data tables are part of the story (default `true`). A data
    /// table's kept cells come out as [`crate::BlockKind::TableRow`] blocks,
    /// one per row, with their cells in [`crate::Block::row`]. With `false`
    /// they are left out. Layout tables (a page laid out in table cells)
    /// are not data: their text always comes out as ordinary blocks.
    ///
    /// ```
    /// let html = "<p>The council published the results of the vote on Monday evening, ward by ward, as follows.</p>\
    ///   <table><tr><th>Ward</th><th>Yes</th><th>No</th></tr><tr><td>North</td><td>412</td><td>120</td></tr></table>\
    ///   <p>Turnout was the highest since the ward boundaries were redrawn, the returning officer said.</p>";
    /// let with = unboil::Cleaner::new(unboil::Options::new()).clean_html(html)?;
    /// assert!(with.blocks.iter().any(|b| b.kind == unboil::BlockKind::TableRow));
    /// let without = unboil::Cleaner::new(unboil::Options::new().tables(false)).clean_html(html)?;
    /// assert!(!without.text().contains("North"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[must_use]
    pub fn tables(mut self, tables: bool) -> Self {
        self.tables = tables;
        self
    }

    /// Whether the story's images are kept (default `false`). With `true`,
    /// images become [`crate::SpanKind::Image`] spans (source URL resolved
    /// like [`Options::base_url`] says, and alternative text), and a figure
    /// or an image standing alone is a [`crate::BlockKind::Figure`] block
    /// whose text is its caption (empty when it has none). Captions are
    /// dropped otherwise, as boilerplate-like text.
    ///
    /// ```
    /// let html = r#"<article><p>The new bridge opened to traffic on Friday, two years after work on it began, to applause.</p>
    ///   <figure><img src="/img/bridge.jpg" alt="The bridge at dusk"><figcaption>The bridge at dusk.</figcaption></figure>
    ///   <p>Engineers said the span would carry twenty thousand vehicles a day once the ring road is finished.</p></article>"#;
    /// let options = unboil::Options::new().images(true).base_url("https://news.example/bridge");
    /// let article = unboil::Cleaner::new(options).clean_html(html)?;
    /// let figure = article.blocks.iter().find(|b| b.kind == unboil::BlockKind::Figure).unwrap();
    /// assert_eq!(figure.text, "The bridge at dusk.");
    /// assert!(matches!(&figure.spans[0].kind,
    ///     unboil::SpanKind::Image { src, .. } if src == "https://news.example/img/bridge.jpg"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[must_use]
    pub fn images(mut self, images: bool) -> Self {
        self.images = images;
        self
    }

    /// Whether links are kept as [`crate::SpanKind::Link`] spans over their
    /// text (default `false`), with the target resolved against the page's
    /// URL ([`Options::base_url`], `<base href>`). Links whose target is
    /// not `http`, `https`, `mailto` or relative (such as `javascript:`)
    /// are never kept. Plain text never shows links; Markdown and HTML do.
    ///
    /// ```
    /// let html = r#"<p>The report, <a href="/docs/report.pdf">published on Tuesday</a>, runs to three hundred pages and took two years.</p>"#;
    /// let options = unboil::Options::new().links(true).base_url("https://city.example/news/");
    /// let article = unboil::Cleaner::new(options).clean_html(html)?;
    /// assert!(article.to_markdown().contains("[published on Tuesday](<https://city.example/docs/report.pdf>)"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[must_use]
    pub fn links(mut self, links: bool) -> Self {
        self.links = links;
        self
    }

    /// Whether inline formatting (bold, italic, inline code) is kept as
    /// spans (default `true`). The renderers decide what to show: plain
    /// text ([`crate::Article::text`]) never shows formatting, Markdown and
    /// HTML show the spans the article carries. With `false` the article
    /// carries none, so Markdown and HTML come out unformatted too.
    ///
    /// ```
    /// let html = "<p>The museum is open <b>every day</b> except Monday, from ten in the morning until six.</p>";
    /// let article = unboil::clean_article(html)?;
    /// assert!(article.to_markdown().contains("**every day**"));
    /// assert!(article.text().contains("open every day except"));
    /// let plain = unboil::Cleaner::new(unboil::Options::new().formatting(false)).clean_html(html)?;
    /// assert!(!plain.to_markdown().contains("**"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[must_use]
    pub fn formatting(mut self, formatting: bool) -> Self {
        self.formatting = formatting;
        self
    }

    /// Whether reader comments are extracted (default `false`). With `true`,
    /// the page's comment section (the element whose class or id names
    /// comments, as `comments`, `comment-list` or `disqus-thread`; the same
    /// hints that prune it from the story) comes out in
    /// [`crate::Article::comments`], and never in the story's blocks. Plain
    /// text shows the story only; Markdown and HTML add the comments after
    /// it. HTML input only: [`crate::Cleaner::clean_text`] finds none.
    ///
    /// ```
    /// let html = r#"<article><p>The library will stay open until nine on weekdays from next month, the council announced.</p>
    ///   <p>Staff numbers will rise by four, paid for by the savings from the new heating system.</p></article>
    ///   <section id="comments"><p>About time too. I have been asking for longer hours since the library reopened.</p></section>"#;
    /// let article = unboil::Cleaner::new(unboil::Options::new().comments(true)).clean_html(html)?;
    /// assert!(article.comments[0].text.starts_with("About time too."));
    /// assert!(!article.text().contains("About time too"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[must_use]
    pub fn comments(mut self, comments: bool) -> Self {
        self.comments = comments;
        self
    }

    /// Adds a site rule: the elements that match the CSS `selector` (and
    /// everything inside them) are part of the story, whatever the
    /// heuristics say: how to fix a site whose story, or part of it, they
    /// drop. Kept elements still lose what is never content (scripts,
    /// styles). Selectors are compiled with `scraper` by
    /// [`crate::Cleaner::try_new`] (or on first use by
    /// [`crate::Cleaner::new`]); one that does not parse is an
    /// [`crate::Error::InvalidSelector`]. Rules cost a second parse of each
    /// page; set them for the sites that need them.
    ///
    /// ```
    /// let html = r#"<article><p>The new ferry made its first crossing on Sunday, carrying two hundred passengers to the island.</p>
    ///   <p>The company plans four crossings a day in summer, and two a day in the winter months.</p></article>
    ///   <aside class="sidebar"><p>Timetable: 08:00, 12:00, 16:00, 20:00</p></aside>"#;
    /// let plain = unboil::clean_article(html)?;
    /// assert!(!plain.text().contains("Timetable"));
    /// let cleaner = unboil::Cleaner::try_new(unboil::Options::new().include("aside.sidebar"))?;
    /// assert!(cleaner.clean_html(html)?.text().contains("Timetable: 08:00"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[must_use]
    pub fn include(mut self, selector: impl Into<String>) -> Self {
        self.include.push(selector.into());
        self
    }

    /// Adds a site rule: the elements that match the CSS `selector` (and
    /// everything inside them) are removed before the story is looked for:
    /// how to fix a site whose boilerplate the heuristics keep. Compiled as
    /// [`Options::include`] says; an exclude rule wins over an include
    /// rule.
    ///
    /// ```
    /// let html = r#"<article><p>The new ferry made its first crossing on Sunday, carrying two hundred passengers to the island.</p>
    ///   <p class="bio">Ann Lee has written about the island and its harbour for this paper since 2009, and she lives in the old town.</p>
    ///   <p>The company plans four crossings a day in summer, and two a day in the winter months.</p></article>"#;
    /// let cleaner = unboil::Cleaner::try_new(unboil::Options::new().exclude("p.bio"))?;
    /// assert!(unboil::clean_article(html)?.text().contains("Ann Lee has written"));
    /// assert!(!cleaner.clean_html(html)?.text().contains("Ann Lee"));
    /// assert!(matches!(
    ///     unboil::Cleaner::try_new(unboil::Options::new().exclude("p[")),
    ///     Err(unboil::Error::InvalidSelector { .. })
    /// ));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[must_use]
    pub fn exclude(mut self, selector: impl Into<String>) -> Self {
        self.exclude.push(selector.into());
        self
    }

    /// The selectors of [`Options::include`], in the order they were added.
    pub fn get_include(&self) -> &[String] {
        &self.include
    }
    /// The selectors of [`Options::exclude`], in the order they were added.
    pub fn get_exclude(&self) -> &[String] {
        &self.exclude
    }

    /// Whether the article's metadata is read (default `true`). With
    /// `false`, for corpus building that wants the text alone, the
    /// metadata fields ([`crate::Article::title`], `authors`, `published`,
    /// `modified`, `site_name`, `language`, `description`, `url`, `image`,
    /// `categories`, `tags`, `page_type`) stay empty, and cleaning skips
    /// what only they need: the byline and date searches around the
    /// headline, the precedence picks and language detection. The blocks
    /// and text are exactly those of `true`: the headline (which keeps a
    /// heading that repeats it out of the text) and the base for relative
    /// URLs are still read.
    ///
    /// ```
    /// let html = r#"<html lang="en"><head><title>Library hours | Town News</title></head><body>
    ///   <h1>Library hours</h1><p class="byline">By Ann Lee, 3 May 2024</p>
    ///   <p>The library will stay open until nine on weekdays from next month, the council announced.</p>
    ///   <p>Staff numbers will rise by four, paid for by the savings from the new heating system.</p></body></html>"#;
    /// let full = unboil::Cleaner::default().clean_html(html)?;
    /// let text_only = unboil::Cleaner::new(unboil::Options::new().metadata(false)).clean_html(html)?;
    /// assert_eq!(full.title.as_deref(), Some("Library hours"));
    /// assert_eq!(text_only.title, None);
    /// assert!(text_only.authors.is_empty() && text_only.language.is_none());
    /// assert_eq!(text_only.text(), full.text());
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[must_use]
    pub fn metadata(mut self, metadata: bool) -> Self {
        self.metadata = metadata;
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
    /// The extracted text size limit in bytes.
    pub fn get_max_text_bytes(&self) -> usize {
        self.max_text_bytes
    }
    /// The attributes read per element.
    pub fn get_max_attributes(&self) -> usize {
        self.max_attributes
    }
    /// The time limit per page, when set with [`Options::time_limit`].
    pub fn get_time_limit(&self) -> Option<Duration> {
        self.time_limit
    }
    /// The moment cleaning a page must stop by, starting now.
    pub(crate) fn deadline(&self) -> Deadline {
        Deadline {
            limit: self.time_limit,
            at: self
                .time_limit
                .and_then(|limit| Instant::now().checked_add(limit)),
        }
    }
    /// Whether articles carry a per-block trace.
    pub fn get_explain(&self) -> bool {
        self.explain
    }

    /// Sets what kind of page [`crate::Cleaner::clean`] and
    /// [`crate::Cleaner::clean_bytes`] are given: detected (the default),
    /// always HTML, or always plain text.
    ///
    /// ```
    /// use unboil::{Cleaner, InputKind, Options};
    /// let cleaner = Cleaner::new(Options::new().input(InputKind::Text));
    /// // Parsed as text, the markup stays in the words.
    /// let article = cleaner.clean("<p>Tags are shown as written when the page is plain text, as here.</p>")?;
    /// assert!(article.text().starts_with("<p>Tags"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[must_use]
    pub fn input(mut self, kind: InputKind) -> Self {
        self.input = kind;
        self
    }
    /// What kind of page `clean` and `clean_bytes` are given.
    pub fn get_input(&self) -> InputKind {
        self.input
    }
    /// The page's URL, when set with [`Options::base_url`].
    pub fn get_base_url(&self) -> Option<&str> {
        self.base_url.as_deref()
    }
    /// Whether data tables are kept.
    pub fn get_tables(&self) -> bool {
        self.tables
    }
    /// Whether images are kept.
    pub fn get_images(&self) -> bool {
        self.images
    }
    /// Whether links are kept.
    pub fn get_links(&self) -> bool {
        self.links
    }
    /// Whether inline formatting is kept.
    pub fn get_formatting(&self) -> bool {
        self.formatting
    }
    /// Whether reader comments are extracted.
    pub fn get_comments(&self) -> bool {
        self.comments
    }
    /// Whether the metadata fields are filled in.
    pub fn get_metadata(&self) -> bool {
        self.metadata
    }
}

/// When cleaning one page must stop ([`Options::time_limit`]): read by the
/// stages between them and inside their long loops.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    limit: Option<Duration>,
    /// `None` with a limit: a limit too far away to represent, never hit.
    at: Option<Instant>,
}

impl Deadline {
    /// No time limit: the stage entry points that run without one (unit
    /// tests, benches, the short forms of the stages).
    pub(crate) const NONE: Deadline = Deadline {
        limit: None,
        at: None,
    };

    /// Fails with [`Error::TimedOut`] once the deadline has passed.
    pub(crate) fn check(&self) -> Result<()> {
        match (self.limit, self.at) {
            (Some(limit), Some(at)) if Instant::now() >= at => Err(Error::TimedOut { limit }),
            _ => Ok(()),
        }
    }

    /// Whether the deadline has passed (reads the clock; never without a
    /// limit).
    pub(crate) fn passed(&self) -> bool {
        self.at.is_some_and(|at| Instant::now() >= at)
    }

    /// `read()`, or nothing once the deadline has passed: a stage made of
    /// several readers (the metadata's sources) reads no more of them then,
    /// and the caller's [`Deadline::check`] fails the page.
    pub(crate) fn unless_passed<T: Default>(&self, read: impl FnOnce() -> T) -> T {
        if self.passed() { T::default() } else { read() }
    }

    /// Whether a long loop should stop at its item `i`: the clock is read
    /// on every [`crate::patterns::DEADLINE_CHECK_ITEMS`]-th item only (and
    /// never without a limit). A stage that stops returns what it has so
    /// far, and the [`Deadline::check`] that follows the stage in `lib.rs`
    /// turns it into [`Error::TimedOut`]: the clock is monotonic, so once
    /// a loop saw the deadline passed, that check fails too, and a cut-off
    /// result never reaches the caller.
    pub(crate) fn passed_at(&self, i: usize) -> bool {
        i % crate::patterns::DEADLINE_CHECK_ITEMS == 0 && self.passed()
    }
}
