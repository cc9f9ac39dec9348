//! Output types: what a caller gets back. No parser types appear here.

use crate::datetime::DateTime;
use crate::explain::BlockTrace;

/// What kind of text a kept [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading, `h1`..`h6`; the level is 1..=6.
    Heading(u8),
    /// A paragraph of running text (also loose text in a `div`).
    #[default]
    Paragraph,
    /// One item of a list (its place in the list is [`Block::list`]).
    ListItem,
    /// A block quotation.
    Quote,
    /// Preformatted text or code; whitespace kept as written.
    Code,
    /// One row of a data table: its cells are in [`Block::row`]. The
    /// block's text is the kept cells' text as plain text has always shown
    /// it, one cell after the other, separated by a blank line.
    TableRow,
    /// A caption on its own. The classifier drops captions, so an article
    /// never holds one: with [`crate::Options::images`] a figure's caption
    /// comes with its images as a [`BlockKind::Figure`].
    Caption,
    /// An image or a figure, kept with [`crate::Options::images`]: the
    /// images are [`SpanKind::Image`] spans, the text is the caption (empty
    /// when there is none).
    Figure,
}

/// One kept piece of the story, in reading order.
///
/// Besides its kind and text, a block carries its place in the page's
/// structure: its list item ([`Block::list`]), how deep in block quotes it
/// sits ([`Block::quote_depth`]), the cells of a table row
/// ([`Block::row`]), and its inline formatting, links and images
/// ([`Block::spans`]). The renderers ([`Article::to_markdown`],
/// [`Article::to_html`]) read them; [`Article::text`] shows the text alone.
///
/// With the `serde` feature, a block serializes as an object with the
/// fields below under the same names; `spans`, `list`, `quote_depth` and
/// `row` are left out when empty (no span, not in a list or quote, not a
/// row). `kind` is a string (`"paragraph"`, `"list_item"`, `"quote"`,
/// `"code"`, `"table_row"`, `"caption"`, `"figure"`) or, for headings,
/// `{"heading": LEVEL}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text, whitespace collapsed (kept as written for
    /// [`BlockKind::Code`]); a line break (`<br>`) is a `\n`.
    pub text: String,
    /// Inline formatting, links and images, as byte ranges of
    /// [`Block::text`]; sorted by start, an enclosing span before the spans
    /// inside it; spans nest, never cross. Empty for code blocks and table
    /// rows (each [`Cell`] has its own).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub spans: Vec<Span>,
    /// The list item the block belongs to: a [`BlockKind::ListItem`], or a
    /// paragraph, code block or heading inside an item.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub list: Option<ListInfo>,
    /// How many block quotations hold the block (0: none).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_zero"))]
    pub quote_depth: u8,
    /// The cells of a [`BlockKind::TableRow`].
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub row: Option<Row>,
}

#[cfg(feature = "serde")]
fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl Block {
    /// A block of this kind and text, with no structure (no spans, not in
    /// a list, quote or table).
    ///
    /// ```
    /// let block = unboil::Block::new(unboil::BlockKind::Heading(2), "Results");
    /// assert_eq!(block.text, "Results");
    /// assert!(block.spans.is_empty() && block.list.is_none());
    /// ```
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Block {
        Block {
            kind,
            text: text.into(),
            ..Block::default()
        }
    }
}

/// Where a block sits in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ListInfo {
    /// A numbered list (`<ol>`); else bulleted (`<ul>`, `<dl>`).
    pub ordered: bool,
    /// Nesting depth: 0 for an item of a top-level list, 1 for an item of
    /// a list inside it, and so on. Counted over the kept items: an item is
    /// at most one level deeper than the kept item before it.
    pub depth: usize,
    /// The item's number: its position in its list from 1, or from the
    /// list's `start` (an item's own `value` resets it), as a browser
    /// numbers it. Counted for bulleted lists too.
    pub ordinal: u32,
    /// True when the block continues the item of the block before it (the
    /// item's second paragraph, or its text after a nested list); false for
    /// the block that starts the item.
    pub continued: bool,
    /// How many of the block's quotes ([`Block::quote_depth`]) hold the
    /// list itself; the others are inside the item (a quotation in a list
    /// item).
    pub quote_depth: u8,
}

impl ListInfo {
    /// The first block of a list item (not continued, the list in no quote
    /// of its own): `ordered` for a numbered list, `depth` 0 at the top
    /// level, `ordinal` the item's number.
    ///
    /// ```
    /// let mut second = unboil::ListInfo::new(true, 0, 2);
    /// second.continued = true; // the item's second paragraph
    /// assert_eq!((second.ordered, second.depth, second.ordinal), (true, 0, 2));
    /// ```
    pub fn new(ordered: bool, depth: usize, ordinal: u32) -> ListInfo {
        ListInfo {
            ordered,
            depth,
            ordinal,
            ..ListInfo::default()
        }
    }
}

/// The cells of a table row ([`BlockKind::TableRow`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Row {
    /// Every cell of the row, in order, so columns line up: a cell whose
    /// text was dropped (or that had none) has an empty text.
    pub cells: Vec<Cell>,
    /// A header row: in `<thead>`, or made of `<th>` cells only.
    pub header: bool,
    /// Which table of the article the row belongs to: 0 for the first,
    /// 1 for the next, and so on (rows of one table are consecutive).
    pub table: usize,
}

/// One cell of a [`Row`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Cell {
    /// The cell's text (its paragraphs separated by a blank line).
    pub text: String,
    /// A header cell (`<th>`).
    pub header: bool,
    /// Formatting, links and images, as byte ranges of [`Cell::text`].
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub spans: Vec<Span>,
}

/// Inline formatting, a link or an image over a byte range of a block's
/// text.
///
/// With the `serde` feature, a span serializes as one flat object:
/// `{"start": 4, "end": 9, "type": "bold"}`, `{"start": 0, "end": 6, "type":
/// "link", "href": "https://..."}`, `{"start": 3, "end": 3, "type": "image",
/// "src": "https://...", "alt": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Span {
    /// Byte offset of the first byte covered (a `char` boundary).
    pub start: usize,
    /// Byte offset just past the last byte covered; equal to `start` for
    /// an image, which covers no text.
    pub end: usize,
    /// What the span is.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub kind: SpanKind,
}

impl Span {
    /// A span over the bytes `start..end` of a block's text.
    ///
    /// ```
    /// let bold = unboil::Span::new(0, 4, unboil::SpanKind::Bold);
    /// assert_eq!((bold.start, bold.end), (0, 4));
    /// ```
    pub fn new(start: usize, end: usize, kind: SpanKind) -> Span {
        Span { start, end, kind }
    }
}

/// What a [`Span`] marks.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SpanKind {
    /// `<b>`, `<strong>`.
    Bold,
    /// `<i>`, `<em>`.
    Italic,
    /// Inline code: `<code>`, `<kbd>`, `<samp>`, `<tt>`.
    Code,
    /// A link ([`crate::Options::links`]): the target, resolved against the
    /// page's URL when it has one.
    Link {
        /// The target URL (`http`, `https`, `mailto` or relative).
        href: String,
    },
    /// An image ([`crate::Options::images`]), at a point of the text.
    Image {
        /// The image URL, resolved like a link's.
        src: String,
        /// The alternative text (empty when none).
        alt: String,
    },
}

/// The cleaned article: the blocks of the story and its metadata.
///
/// An article with no blocks means no story was found; that is not an error
/// (the metadata is still filled).
///
/// Each metadata field is taken from the first source that has it, in the
/// order of a precedence table: JSON-LD, then OpenGraph and Twitter cards,
/// then other `<meta>` tags (Dublin Core, Parse.ly, Sailthru...), then
/// microdata, then what the page shows (`<title>`, the byline, `<time>`,
/// dates in the URL and near the headline).
///
/// ```
/// let html = r#"<html lang="en"><head>
///   <title>Rain returns | The Daily</title>
///   <meta property="og:site_name" content="The Daily">
///   <meta name="author" content="By Jane Doe and John Roe, Staff Writers">
///   <meta property="article:published_time" content="2024-09-03T07:30:00+02:00">
///   <link rel="canonical" href="https://daily.example/2024/09/03/rain-returns/">
/// </head><body><article><h1>Rain returns</h1>
///   <p>After a dry summer, the rain came back on Tuesday, and farmers across the valley were glad of it.</p>
///   <p>Forecasters expect showers to continue through the week, with heavier falls in the hills.</p>
/// </article></body></html>"#;
/// let article = unboil::clean_article(html)?;
/// assert_eq!(article.title.as_deref(), Some("Rain returns"));
/// assert_eq!(article.authors, ["Jane Doe", "John Roe"]);
/// let published = article.published.expect("a date");
/// assert_eq!(published.to_string(), "2024-09-03T07:30:00+02:00");
/// assert_eq!(article.site_name.as_deref(), Some("The Daily"));
/// assert_eq!(article.language.as_deref(), Some("en"));
/// assert_eq!(article.url.as_deref(), Some("https://daily.example/2024/09/03/rain-returns/"));
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
// `Serialize` is written by hand in `render`, to add the `text` field;
// reading back ignores it (the blocks hold the text) and fills missing
// fields with their defaults, so a record of the CLI reads back too.
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct Article {
    /// The story's headline, without the site name ("Rain returns", not
    /// "Rain returns | The Daily"); the body does not repeat it.
    pub title: Option<String>,
    /// The authors' names, cleaned: no "By", roles ("Staff Writer"),
    /// e-mails or dates; one name per entry.
    ///
    /// ```
    /// let html = r#"<head><meta name="author" content="By Jane Doe, Staff Writer | jane@daily.example"></head>
    ///   <body><p>Some story text, long enough to be kept as the story of this little page.</p></body>"#;
    /// assert_eq!(unboil::clean_article(html)?.authors, ["Jane Doe"]);
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub authors: Vec<String>,
    /// When the story was first published, with the time zone when the
    /// page gives one (see [`DateTime`]).
    ///
    /// ```
    /// let html = r#"<head><script type="application/ld+json">
    ///   {"@type": "NewsArticle", "datePublished": "2015-02-25T11:46:00+08:00"}
    /// </script></head><body><p>Some story text, long enough to be kept as the story here.</p></body>"#;
    /// let date = unboil::clean_article(html)?.published.unwrap();
    /// assert_eq!(date.to_string(), "2015-02-25T11:46:00+08:00");
    /// assert_eq!((date.year(), date.month(), date.day()), (2015, 2, 25));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub published: Option<DateTime>,
    /// When the story was last updated, when the page says.
    pub modified: Option<DateTime>,
    /// The name of the site or publication ("The Daily").
    pub site_name: Option<String>,
    /// The story's language as a BCP 47 tag (`en`, `pt-BR`): declared by
    /// `<html lang>` or the metadata, else detected from the text (with
    /// `whatlang`, only when the guess is reliable).
    pub language: Option<String>,
    /// The page's summary of the story (`og:description`, `description`).
    pub description: Option<String>,
    /// The canonical URL of the story, absolute when the page or
    /// [`crate::Options::base_url`] gives a base to resolve it against.
    pub url: Option<String>,
    /// The story's main image URL, resolved like [`Article::url`].
    pub image: Option<String>,
    /// The sections the story is filed under ("World", "Politics").
    pub categories: Vec<String>,
    /// The story's tags or keywords.
    pub tags: Vec<String>,
    /// The page type as declared: the JSON-LD `@type` ("NewsArticle",
    /// "BlogPosting"), else `og:type` ("article").
    pub page_type: Option<String>,
    /// The kept blocks, in reading order.
    pub blocks: Vec<Block>,
    /// The reader comments, with [`crate::Options::comments`] on (else
    /// empty): the blocks of the page's comment section, in reading order.
    /// They are never part of [`Article::blocks`] or [`Article::text`].
    pub comments: Vec<Block>,
    /// The per-block trace, present when [`crate::Options::explain`] is on.
    /// Written to JSON, but not read back: a debugging aid, not data.
    #[cfg_attr(feature = "serde", serde(skip_deserializing))]
    pub explanation: Option<Vec<BlockTrace>>,
}

impl Article {
    /// True when no story block was kept.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The per-block trace, when [`crate::Options::explain`] was on.
    pub fn explanation(&self) -> Option<&[BlockTrace]> {
        self.explanation.as_deref()
    }
}
