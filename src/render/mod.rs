//! Renderers: an [`Article`] as plain text, Markdown, HTML or JSON.
//!
//! Each is a function of the article alone: rendering never runs
//! extraction again, and an article built by hand renders the same way.
//! [`Article::text`], [`Article::to_markdown`], [`Article::to_html`] and
//! [`Article::to_json`] call them.
//!
//! - [`text`]: the blocks' text, a blank line between blocks; no
//!   formatting, links or images.
//! - [`markdown`]: CommonMark with GitHub's tables. Headings keep their
//!   level, lists their nesting and numbers, code blocks their exact text
//!   (fenced), block quotes their depth; table rows become a table (an
//!   empty header row when the table has none); spans become `**bold**`,
//!   `*italic*`, `` `code` ``, `[links](<url>)` and `![images](<url>)`;
//!   every character that Markdown would read as markup is escaped.
//! - [`html`]: a small, fixed set of tags and attributes (listed on
//!   [`Article::to_html`]), every text and attribute value escaped, and
//!   only `http`, `https`, `mailto` and relative URLs: whatever the page
//!   held, no script, style, event handler or `javascript:` URL.
//! - [`json`] (the `serde` feature): the whole article, field names as on
//!   [`Article`] and [`Block`].

mod escape;
mod html;
mod inline;
#[cfg(feature = "serde")]
mod json;
mod markdown;

use crate::article::{Article, Block, BlockKind, ListInfo};

pub use html::html;
pub use markdown::markdown;

// The output methods of `Article` live here, beside the renderers they
// call, so that `article` stays a leaf module of plain output types.
impl Article {
    /// The story as plain text: one block per paragraph, blocks separated by
    /// a blank line.
    ///
    /// ```
    /// let html = "<html><body><article><p>First paragraph of a story that is long enough to keep, with words.</p>\
    ///             <p>Second paragraph of the same story, also long enough to be kept here.</p></article></body></html>";
    /// let article = unboil::clean_article(html).unwrap();
    /// assert!(article.text().contains("enough to keep, with words.\n\nSecond paragraph"));
    /// ```
    pub fn text(&self) -> String {
        text(self)
    }

    /// The story as Markdown (CommonMark, with GitHub's tables): the title
    /// as a `#` heading, then the blocks with their structure (headings,
    /// lists with their nesting and numbers, block quotes, fenced code
    /// blocks kept exactly, tables, figures, line breaks) and their spans
    /// (bold, italic, inline code, links, images), then the comments under
    /// a `## Comments` heading when there are any. Every character of the
    /// text that Markdown would read as markup is escaped. Rendering reads
    /// the article only; it never runs extraction again.
    ///
    /// ```
    /// let html = r#"<article><h1>Soup for a cold day</h1>
    ///   <p>This is the soup my grandmother made <em>every</em> winter, and it takes less than an hour.</p>
    ///   <h2>You will need</h2>
    ///   <ul><li>two leeks</li><li>four potatoes</li><li>a litre of stock</li></ul>
    ///   <p>Simmer everything for forty minutes, then blend it until it is smooth, and season it well.</p></article>"#;
    /// let markdown = unboil::clean_article(html)?.to_markdown();
    /// assert_eq!(markdown, "# Soup for a cold day\n\n\
    ///     This is the soup my grandmother made *every* winter, and it takes less than an hour.\n\n## You will need\n\n\
    ///     - two leeks\n- four potatoes\n- a litre of stock\n\n\
    ///     Simmer everything for forty minutes, then blend it until it is smooth, and season it well.\n");
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        markdown(self)
    }

    /// The story as clean HTML: an `<article>` element holding the title
    /// (`<h1>`), the blocks and the comments (in a `<section>`), built from
    /// a small set of tags (`h1`-`h6`, `p`, `br`, `ul`, `ol`, `li`,
    /// `blockquote`, `pre`, `code`, `table`, `thead`, `tbody`, `tr`, `th`,
    /// `td`, `figure`, `figcaption`, `img`, `a`, `strong`, `em`, `section`)
    /// and attributes (`href`, `src`, `alt`, `start`). Whatever the page
    /// held, the output has no script, style, event handler or
    /// `javascript:` URL: all text and attribute values are escaped, and
    /// only `http`, `https`, `mailto` and relative URLs are written.
    ///
    /// ```
    /// let html = r#"<article><p onclick="steal()">The harbour reopened on Monday after <b>three weeks</b> of repairs to the sea wall.</p>
    ///   <script>steal()</script><p>Fishing boats were back at their moorings by the evening, the harbour master said.</p></article>"#;
    /// let clean = unboil::clean_article(html)?.to_html();
    /// assert!(clean.starts_with("<article>\n<p>The harbour reopened on Monday after <strong>three weeks</strong>"));
    /// assert!(!clean.contains("steal"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        html(self)
    }

    /// The whole article as JSON. Needs the `serde` feature
    /// (`unboil = { version = "0.1", features = ["serde"] }`): without it
    /// this method does not exist. Every field of [`Article`] under its Rust
    /// name (`title`, `authors`, `published`, `modified`, `site_name`,
    /// `language`, `description`, `url`, `image`, `categories`, `tags`,
    /// `page_type`, `blocks`, `comments`, and `explanation` when there is a
    /// trace), plus `text` (the story as [`Article::text`] gives it), dates
    /// as ISO 8601 strings, blocks as [`Block`] says; `docs/schema.md`
    /// describes each field. The CLI's JSON records are the same object
    /// with a few fields of their own. Field names are stable: new fields
    /// may be added, none renamed or removed without a major version.
    /// `serde_json::from_str::<Article>` reads it back (all but the trace).
    ///
    /// ```
    /// let html = "<p>The ferry to the island will run twice a day from May, the operator confirmed on Friday.</p>";
    /// let article = unboil::clean_article(html)?;
    /// let json: serde_json::Value = serde_json::from_str(&article.to_json()).unwrap();
    /// assert_eq!(json["blocks"][0]["kind"], "paragraph");
    /// assert!(json["text"].as_str().unwrap().starts_with("The ferry"));
    /// let back: unboil::Article = serde_json::from_str(&article.to_json()).unwrap();
    /// assert_eq!(back, article);
    /// # Ok::<(), unboil::Error>(())
    /// ```
    #[cfg(feature = "serde")]
    pub fn to_json(&self) -> String {
        json(self)
    }
}

/// The heading of the comments part in Markdown and HTML.
const COMMENTS_HEADING: &str = "Comments";

/// The article as plain text: each block's text, blocks separated by a
/// blank line (the same as [`Article::text`]).
///
/// ```
/// let article = unboil::clean_article("<p>One paragraph of a story, long enough to keep, with a <b>bold</b> word.</p>")?;
/// assert_eq!(unboil::render::text(&article), "One paragraph of a story, long enough to keep, with a bold word.");
/// # Ok::<(), unboil::Error>(())
/// ```
#[must_use]
pub fn text(article: &Article) -> String {
    let mut out = String::new();
    for block in article.blocks.iter().filter(|b| !b.text.is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&block.text);
    }
    out
}

/// The article as JSON (pretty-printed): see [`Article::to_json`].
///
/// ```
/// let article = unboil::clean_article("<p>One paragraph of a story, long enough to keep, with some words in it.</p>")?;
/// assert!(unboil::render::json(&article).contains("\"kind\": \"paragraph\""));
/// # Ok::<(), unboil::Error>(())
/// ```
#[cfg(feature = "serde")]
#[must_use]
pub fn json(article: &Article) -> String {
    // Serializing plain structs with string keys cannot fail.
    serde_json::to_string_pretty(article).unwrap_or_default()
}

// ------------------------------------------------- shared by the renderers

/// Where a block sits: the quotes around its list, its list item, and
/// the quotes inside the item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Place {
    outer: u8,
    list: Option<ListInfo>,
    inner: u8,
}

/// A block's place, its quotes split around its list item.
fn place_of(block: &Block, list: Option<ListInfo>) -> Place {
    let quotes = if block.kind == BlockKind::Quote {
        block.quote_depth.max(1)
    } else {
        block.quote_depth
    };
    match list {
        Some(l) => {
            let outer = l.quote_depth.min(quotes);
            Place {
                outer,
                list,
                inner: quotes - outer,
            }
        }
        None => Place {
            outer: quotes,
            list: None,
            inner: 0,
        },
    }
}

/// The list place of a block: its own, or a plain item for a list item
/// built without one.
fn list_of(block: &Block) -> Option<ListInfo> {
    block
        .list
        .or_else(|| (block.kind == BlockKind::ListItem).then(ListInfo::default))
}

/// The rows of the table that starts at `blocks[i]` (this row and the
/// next rows of the same table), or `None` when that block is no row.
fn table_at(blocks: &[Block], i: usize) -> Option<Vec<&Block>> {
    let table = blocks.get(i)?.row.as_ref()?.table;
    let rows = blocks.get(i..).unwrap_or(&[]).iter();
    Some(
        rows.take_while(|b| b.row.as_ref().is_some_and(|r| r.table == table))
            .collect(),
    )
}
