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

use std::fmt::Write as _;

use crate::article::{Article, Block, BlockKind, ListInfo, Span, SpanKind};
use crate::url::safe_url;

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

    /// The whole article as JSON (with the `serde` feature): every field of
    /// [`Article`] under its Rust name (`title`, `authors`, `published`,
    /// `modified`, `site_name`, `language`, `description`, `url`, `image`,
    /// `categories`, `tags`, `page_type`, `blocks`, `comments`, and
    /// `explanation` when there is a trace), dates as ISO 8601 strings,
    /// blocks as [`Block`] says. Field names are stable: new fields may be
    /// added, none renamed or removed without a major version.
    ///
    /// ```
    /// let html = "<p>The ferry to the island will run twice a day from May, the operator confirmed on Friday.</p>";
    /// let json: serde_json::Value = serde_json::from_str(&unboil::clean_article(html)?.to_json()).unwrap();
    /// assert_eq!(json["blocks"][0]["kind"], "paragraph");
    /// assert!(json["blocks"][0]["text"].as_str().unwrap().starts_with("The ferry"));
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

// ----------------------------------------------------------------- spans

/// `spans` made safe to walk: inside `text` and on character boundaries,
/// sorted (start, then the longest first), each inside the one before it
/// that encloses its start (a crossing span is cut there); empty spans
/// dropped but images; adjacent spans of the same formatting merged.
fn nest(spans: &[Span], text: &str) -> Vec<Span> {
    let mut sorted: Vec<Span> = spans
        .iter()
        .filter(|s| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        })
        .cloned()
        .collect();
    sorted.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Span> = Vec::with_capacity(sorted.len());
    let mut open: Vec<usize> = Vec::new();
    for mut span in sorted {
        let image = matches!(span.kind, SpanKind::Image { .. });
        while open
            .last()
            .and_then(|&i| out.get(i))
            .is_some_and(|o| o.end <= span.start && !(image && o.end == span.start))
        {
            open.pop();
        }
        if let Some(parent) = open.last().and_then(|&i| out.get(i)) {
            span.end = span.end.min(parent.end);
        }
        if image {
            span.end = span.start;
            out.push(span);
            continue;
        }
        if span.end <= span.start {
            continue;
        }
        // `**a****b**` reads badly: one span instead.
        let merged = out.last_mut().is_some_and(|last| {
            let same = last.kind == span.kind && last.end == span.start;
            if same {
                last.end = span.end;
            }
            same
        });
        if !merged {
            out.push(span);
            open.push(out.len() - 1);
        }
    }
    out
}

fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

// -------------------------------------------------------------- Markdown

/// The article as Markdown: see [`Article::to_markdown`].
///
/// ```
/// let html = "<article><p>Three things matter when you choose a tent for the hills, said the guide.</p>\
///   <ol><li>its weight</li><li>how fast it goes up<ul><li>in the rain</li></ul></li></ol>\
///   <p>Everything else, she said, is a matter of taste and of how much you want to carry.</p></article>";
/// let markdown = unboil::render::markdown(&unboil::clean_article(html)?);
/// assert!(markdown.contains("1. its weight\n2. how fast it goes up\n   - in the rain\n"));
/// # Ok::<(), unboil::Error>(())
/// ```
#[must_use]
pub fn markdown(article: &Article) -> String {
    let mut md = Markdown::default();
    if let Some(title) = article.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let line = format!("# {}", md_line(title, Mode::Heading));
        md.unit(Place::default(), vec![line]);
    }
    md.blocks(&article.blocks);
    if !article.comments.is_empty() {
        md.unit(Place::default(), vec![format!("## {COMMENTS_HEADING}")]);
        md.blocks(&article.comments);
    }
    if !md.out.is_empty() {
        md.out.push('\n');
    }
    md.out
}

/// Where inline Markdown goes: line breaks and escapes differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A paragraph: `\n` is a hard line break.
    Text,
    /// A heading: one line; `#` escaped.
    Heading,
    /// A table cell: one line, `|` escaped even in code, breaks as `<br>`.
    Cell,
}

/// A plain string as inline Markdown.
fn md_line(text: &str, mode: Mode) -> String {
    md_inline(text, &[], mode)
}

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

#[derive(Default)]
struct Markdown {
    out: String,
    /// The place of the previous unit.
    last: Option<Place>,
    /// The content column of the current item at each list depth.
    columns: Vec<usize>,
}

impl Markdown {
    fn blocks(&mut self, blocks: &[Block]) {
        self.columns.clear();
        let mut i = 0;
        while let Some(block) = blocks.get(i) {
            // A table: this row and the next rows of the same table.
            if let Some(rows) = table_at(blocks, i) {
                i += rows.len().max(1);
                self.columns.clear();
                self.unit(place_of(block, None), md_table(&rows));
                continue;
            }
            i += 1;
            let lines = md_block(block);
            if lines.is_empty() {
                continue;
            }
            let list = list_of(block);
            if list.is_none() {
                self.columns.clear();
            }
            self.unit(place_of(block, list), lines);
        }
    }

    /// Writes one unit's lines inside its quotes and list item.
    fn unit(&mut self, place: Place, lines: Vec<String>) {
        // The list part of the first line, and the item's content column.
        let (lead, col) = match place.list {
            Some(l) => {
                let depth = l.depth.min(self.columns.len());
                if l.continued && depth < self.columns.len() {
                    self.columns.truncate(depth + 1);
                    let col = self.columns.last().copied().unwrap_or(0);
                    (" ".repeat(col), col)
                } else {
                    self.columns.truncate(depth);
                    let start = self.columns.last().copied().unwrap_or(0);
                    let marker = if l.ordered {
                        format!("{}. ", l.ordinal)
                    } else {
                        "- ".to_string()
                    };
                    let col = start + marker.len();
                    self.columns.push(col);
                    (format!("{}{marker}", " ".repeat(start)), col)
                }
            }
            None => (String::new(), 0),
        };
        if let Some(last) = self.last {
            // A new item right after an item: a tight list, no blank line.
            let tight = place.list.is_some_and(|l| !l.continued)
                && last.list.is_some()
                && last.outer == place.outer;
            if !tight {
                // A blank line, inside the quotes both share so they go on.
                self.out.push('\n');
                let mut blank = "> ".repeat(usize::from(place.outer.min(last.outer)));
                let same_item = last.outer == place.outer
                    && place
                        .list
                        .zip(last.list)
                        .is_some_and(|(l, p)| l.continued && p.depth == l.depth);
                let inner = place.inner.min(last.inner);
                if same_item && inner > 0 {
                    blank.push_str(&" ".repeat(col));
                    blank.push_str(&"> ".repeat(usize::from(inner)));
                }
                self.out.push_str(blank.trim_end());
            }
            self.out.push('\n');
        }
        let outer = "> ".repeat(usize::from(place.outer));
        let inner = "> ".repeat(usize::from(place.inner));
        let first = format!("{outer}{lead}{inner}");
        let rest = format!("{outer}{}{inner}", " ".repeat(col));
        for (n, line) in lines.iter().enumerate() {
            if n > 0 {
                self.out.push('\n');
            }
            let prefix = if n == 0 { &first } else { &rest };
            if line.is_empty() && n > 0 {
                self.out.push_str(prefix.trim_end());
            } else {
                self.out.push_str(prefix);
                self.out.push_str(line);
            }
        }
        self.last = Some(place);
    }
}

/// A block's Markdown lines, without its quote and list prefixes.
fn md_block(block: &Block) -> Vec<String> {
    match block.kind {
        BlockKind::Heading(level) => {
            let hashes = "#".repeat(usize::from(level.clamp(1, 6)));
            vec![format!(
                "{hashes} {}",
                md_inline(&block.text, &block.spans, Mode::Heading)
            )]
        }
        BlockKind::Code => {
            let longest = longest_run(&block.text, '`');
            let fence = "`".repeat(longest.max(2) + 1);
            let mut lines = vec![fence.clone()];
            lines.extend(block.text.split('\n').map(str::to_string));
            lines.push(fence);
            lines
        }
        BlockKind::Figure => {
            let (images, caption): (Vec<Span>, Vec<Span>) = block
                .spans
                .iter()
                .cloned()
                .partition(|s| s.start == 0 && matches!(s.kind, SpanKind::Image { .. }));
            let images = md_inline("", &images, Mode::Text);
            let caption = md_inline(&block.text, &caption, Mode::Text);
            let joined = match (images.is_empty(), caption.is_empty()) {
                (false, false) => format!("{images}\\\n{caption}"),
                (false, true) => images,
                _ => caption,
            };
            lines_of(&joined)
        }
        _ => lines_of(&md_inline(&block.text, &block.spans, Mode::Text)),
    }
}

fn lines_of(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split('\n').map(str::to_string).collect()
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// The rows of one table as a GitHub table: the first row is the header
/// row when it is one, else the header row is empty.
fn md_table(rows: &[&Block]) -> Vec<String> {
    let cells = |b: &Block| -> Vec<String> {
        b.row.as_ref().map_or_else(
            || vec![md_inline(&b.text, &b.spans, Mode::Cell)],
            |r| {
                r.cells
                    .iter()
                    .map(|c| md_inline(&c.text, &c.spans, Mode::Cell))
                    .collect()
            },
        )
    };
    let mut body: Vec<Vec<String>> = rows.iter().map(|b| cells(b)).collect();
    let columns = body.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let has_header = rows
        .first()
        .and_then(|b| b.row.as_ref())
        .is_some_and(|r| r.header);
    let header = if has_header && !body.is_empty() {
        body.remove(0)
    } else {
        Vec::new()
    };
    let line = |cells: &[String]| {
        let mut line = String::from("|");
        for n in 0..columns {
            let cell = cells.get(n).map_or("", String::as_str);
            line.push(' ');
            line.push_str(cell);
            line.push_str(if cell.is_empty() { "|" } else { " |" });
        }
        line
    };
    let mut out = vec![line(&header), format!("|{}", " --- |".repeat(columns))];
    out.extend(body.iter().map(|r| line(r)));
    out
}

/// Text with its spans as inline Markdown, escaped.
fn md_inline(text: &str, spans: &[Span], mode: Mode) -> String {
    let spans = nest(spans, text);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut line_start = true;
    // Open spans: (index, the closer to write, or None when not written).
    let mut stack: Vec<(usize, Option<&'static str>)> = Vec::new();
    let mut links = 0usize;
    let mut pos = 0usize;
    let mut next = 0usize;
    loop {
        // Close what ends here.
        while let Some(&(i, closer)) = stack.last() {
            let Some(span) = spans.get(i) else { break };
            if span.end > pos {
                break;
            }
            stack.pop();
            if let SpanKind::Link { href } = &span.kind {
                links = links.saturating_sub(1);
                if let Some(url) = closer.and_then(|_| safe_url(href)) {
                    out.push_str("](");
                    push_destination(&mut out, &url);
                    out.push(')');
                }
            } else if let Some(closer) = closer {
                out.push_str(closer);
            }
            line_start = false;
        }
        // Open what starts here.
        if let Some(span) = spans.get(next).filter(|s| s.start == pos) {
            let i = next;
            next += 1;
            line_start = false;
            match &span.kind {
                SpanKind::Image { src, alt } => {
                    if let Some(src) = safe_url(src) {
                        out.push_str("![");
                        out.push_str(&md_line(&alt.replace('\n', " "), Mode::Cell));
                        out.push_str("](");
                        push_destination(&mut out, &src);
                        out.push(')');
                    }
                }
                SpanKind::Code => {
                    let code = text.get(span.start..span.end).unwrap_or("");
                    push_code_span(&mut out, code, mode);
                    pos = span.end;
                    while spans.get(next).is_some_and(|s| s.start < span.end) {
                        next += 1;
                    }
                }
                SpanKind::Link { href } => {
                    let write = links == 0 && safe_url(href).is_some();
                    links += 1;
                    if write {
                        out.push('[');
                    }
                    stack.push((i, write.then_some("")));
                }
                kind => {
                    let marker = if *kind == SpanKind::Bold { "**" } else { "*" };
                    let write = flanks(text, &spans, i, out.chars().next_back(), &stack);
                    if write {
                        out.push_str(marker);
                    }
                    stack.push((i, write.then_some(marker)));
                }
            }
            continue;
        }
        // Text up to the next span boundary.
        let close_at = stack
            .last()
            .and_then(|&(i, _)| spans.get(i))
            .map_or(text.len(), |s| s.end);
        let open_at = spans.get(next).map_or(text.len(), |s| s.start);
        let until = close_at.min(open_at).max(pos);
        if let Some(chunk) = text.get(pos..until) {
            push_escaped(&mut out, chunk, mode, &mut line_start);
        }
        pos = until;
        if pos >= text.len() && stack.is_empty() && next >= spans.len() {
            break;
        }
    }
    out
}

/// Whether emphasis markers around span `i` would be read as such
/// (CommonMark's flanking rules): after the opener and before the closer
/// there is text, not space; next to punctuation, the outer side must be
/// space, punctuation or the text's end.
fn flanks(
    text: &str,
    spans: &[Span],
    i: usize,
    before: Option<char>,
    stack: &[(usize, Option<&'static str>)],
) -> bool {
    let Some(span) = spans.get(i) else {
        return false;
    };
    let inner = spans
        .get(i + 1..)
        .unwrap_or(&[])
        .iter()
        .take_while(|s| s.start < span.end || (s.start == span.end && s.end == s.start));
    let (mut inner_at_start, mut inner_at_end) = (false, false);
    for s in inner {
        inner_at_start |= s.start == span.start;
        inner_at_end |= s.end == span.end && s.start < span.end;
    }
    let first = text.get(span.start..).and_then(|t| t.chars().next());
    let last = text.get(..span.end).and_then(|t| t.chars().next_back());
    let after = text.get(span.end..).and_then(|t| t.chars().next());
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    if first.is_whitespace() || last.is_whitespace() {
        return false;
    }
    let outer_ok = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
    let opens = !(inner_at_start || is_punctuation(first)) || outer_ok(before);
    let parent_ends_here = stack
        .last()
        .and_then(|&(p, closer)| spans.get(p).map(|s| s.end == span.end && closer.is_some()))
        .unwrap_or(false);
    let sibling_starts_here = spans
        .iter()
        .skip(i + 1)
        .find(|s| s.start >= span.end)
        .is_some_and(|s| s.start == span.end);
    let closes = !(inner_at_end || is_punctuation(last))
        || parent_ends_here
        || sibling_starts_here
        || outer_ok(after);
    opens && closes
}

/// A link or image destination, `<...>`: spaces, angle brackets,
/// backslashes and controls percent-encoded.
fn push_destination(out: &mut String, url: &str) {
    out.push('<');
    for c in url.chars() {
        match c {
            ' ' | '<' | '>' | '\\' | '|' => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('>');
}

/// Inline code: a backtick fence longer than any run inside, padded when
/// the code starts or ends with a backtick; line breaks become spaces.
fn push_code_span(out: &mut String, code: &str, mode: Mode) {
    let code = code.replace('\n', " ");
    let code = if mode == Mode::Cell {
        code.replace('|', "\\|")
    } else {
        code
    };
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = code.starts_with('`') || code.ends_with('`') || code.trim().is_empty();
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    out.push_str(&code);
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

/// Text escaped for Markdown: characters that are markup anywhere get a
/// backslash, and those that are markup at the start of a line (`#`, `>`,
/// `-`, `+`, `=`, a number and `.` or `)`) when they start one.
fn push_escaped(out: &mut String, text: &str, mode: Mode, line_start: &mut bool) {
    let mut chars = text.char_indices().peekable();
    let mut last_break = false;
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            if !last_break {
                match mode {
                    Mode::Text => out.push_str("\\\n"),
                    Mode::Heading => out.push(' '),
                    Mode::Cell => out.push_str("<br>"),
                }
            }
            last_break = true;
            *line_start = mode == Mode::Text;
            continue;
        }
        last_break = false;
        if *line_start && matches!(c, ' ' | '\t') {
            // Markdown drops a line's leading spaces, or reads four as code.
            continue;
        }
        if *line_start && mode != Mode::Cell {
            *line_start = false;
            if matches!(c, '#' | '>' | '-' | '+' | '=') {
                out.push('\\');
                out.push(c);
                continue;
            } else if c.is_ascii_digit() {
                let rest = text.get(i..).unwrap_or("");
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                if digits <= 9 && matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) {
                    out.push_str(rest.get(..digits).unwrap_or(""));
                    out.push('\\');
                    for _ in 1..digits {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        *line_start = false;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '#' => mode == Mode::Heading,
            '&' => chars
                .peek()
                .is_some_and(|&(_, n)| n.is_ascii_alphanumeric() || n == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

// ------------------------------------------------------------------ HTML

/// The article as clean HTML: see [`Article::to_html`].
///
/// ```
/// let html = r#"<article><p>The mayor <a href="javascript:alert(1)" onmouseover="x()">said</a> the vote was close, and that a recount would follow.</p>
///   <blockquote><p>We will respect the result, whatever it is, and so should everyone else.</p></blockquote></article>"#;
/// let options = unboil::Options::new().links(true);
/// let clean = unboil::render::html(&unboil::Cleaner::new(options).clean_html(html)?);
/// assert!(clean.contains("<blockquote>\n<p>We will respect the result"));
/// assert!(!clean.contains("javascript") && !clean.contains("onmouseover"));
/// # Ok::<(), unboil::Error>(())
/// ```
#[must_use]
pub fn html(article: &Article) -> String {
    let mut h = Html {
        out: String::from("<article>\n"),
        open: Vec::new(),
    };
    if let Some(title) = article.title.as_deref().filter(|t| !t.trim().is_empty()) {
        h.out.push_str("<h1>");
        push_html_escaped(&mut h.out, title);
        h.out.push_str("</h1>\n");
    }
    h.blocks(&article.blocks);
    if !article.comments.is_empty() {
        let _ = writeln!(h.out, "<section>\n<h2>{COMMENTS_HEADING}</h2>");
        h.blocks(&article.comments);
        h.out.push_str("</section>\n");
    }
    h.out.push_str("</article>\n");
    h.out
}

/// An element open around the blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Quote,
    List { ordered: bool },
    Item,
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

struct Html {
    out: String,
    open: Vec<Open>,
}

impl Html {
    fn blocks(&mut self, blocks: &[Block]) {
        let mut i = 0;
        while let Some(block) = blocks.get(i) {
            if let Some(rows) = table_at(blocks, i) {
                i += rows.len().max(1);
                self.place(place_of(block, None));
                self.table(&rows);
                continue;
            }
            i += 1;
            let list = list_of(block);
            self.place(place_of(block, list));
            self.block(block, list.is_some());
        }
        self.place(Place::default());
    }

    fn close_to(&mut self, len: usize) {
        while self.open.len() > len {
            let tag = match self.open.pop() {
                Some(Open::Quote) => "</blockquote>",
                Some(Open::List { ordered: true }) => "</ol>",
                Some(Open::List { ordered: false }) => "</ul>",
                Some(Open::Item) => "</li>",
                None => break,
            };
            self.out.push_str(tag);
            self.out.push('\n');
        }
    }

    fn open_quotes(&mut self, n: usize) {
        for _ in 0..n {
            self.out.push_str("<blockquote>\n");
            self.open.push(Open::Quote);
        }
    }

    /// Opens and closes quotes, lists and items so the next block sits at
    /// its place. The open elements are always: quotes, (list, item)
    /// pairs, then quotes inside the last item.
    fn place(&mut self, place: Place) {
        let outer_open = self.open.iter().take_while(|o| **o == Open::Quote).count();
        let inner_open = if outer_open == self.open.len() {
            0
        } else {
            self.open
                .iter()
                .rev()
                .take_while(|o| **o == Open::Quote)
                .count()
        };
        let levels = (self.open.len() - outer_open - inner_open) / 2;
        let outer = usize::from(place.outer);
        let inner = usize::from(place.inner);
        // The next block of the same item: only its inner quotes change.
        let same_item = outer_open == outer
            && levels > 0
            && place
                .list
                .is_some_and(|l| l.continued && l.depth.min(levels) == levels - 1);
        if same_item && inner_open > 0 {
            let keep = self.open.len() - inner_open + inner.min(inner_open);
            self.close_to(keep);
            self.open_quotes(inner.saturating_sub(inner_open));
            return;
        }
        self.close_to(self.open.len() - inner_open);
        if outer_open != outer {
            self.close_to(outer_open.min(outer));
            let missing = outer - self.open.len().min(outer);
            self.open_quotes(missing);
        }
        let Some(list) = place.list else {
            self.close_to(outer);
            return;
        };
        // Levels are (list, item) pairs after the quotes.
        let levels = (self.open.len() - outer) / 2;
        let depth = list.depth.min(levels);
        let level_at = |open: &[Open], d: usize| open.get(outer + 2 * d).copied();
        if depth < levels {
            self.close_to(outer + 2 * (depth + 1));
            let same_list = level_at(&self.open, depth)
                == Some(Open::List {
                    ordered: list.ordered,
                });
            if !same_list {
                self.close_to(outer + 2 * depth);
            } else {
                if !list.continued {
                    self.close_to(outer + 2 * depth + 1);
                    self.out.push_str("<li>");
                    self.open.push(Open::Item);
                }
                self.open_quotes(inner);
                return;
            }
        }
        let tag = if list.ordered { "ol" } else { "ul" };
        if list.ordered && list.ordinal != 1 {
            let _ = write!(self.out, "<{tag} start=\"{}\">\n<li>", list.ordinal);
        } else {
            let _ = write!(self.out, "<{tag}>\n<li>");
        }
        self.open.push(Open::List {
            ordered: list.ordered,
        });
        self.open.push(Open::Item);
        self.open_quotes(inner);
    }

    fn block(&mut self, block: &Block, in_item: bool) {
        let out = &mut self.out;
        match block.kind {
            BlockKind::Heading(level) => {
                let level = level.clamp(1, 6);
                let _ = write!(out, "<h{level}>");
                html_inline(out, &block.text, &block.spans);
                let _ = writeln!(out, "</h{level}>");
            }
            BlockKind::Code => {
                out.push_str("<pre><code>");
                push_html_escaped(out, &block.text);
                out.push_str("</code></pre>\n");
            }
            BlockKind::Figure => {
                out.push_str("<figure>");
                let (images, caption): (Vec<Span>, Vec<Span>) = block
                    .spans
                    .iter()
                    .cloned()
                    .partition(|s| s.start == 0 && matches!(s.kind, SpanKind::Image { .. }));
                html_inline(out, "", &images);
                if !block.text.is_empty() {
                    out.push_str("<figcaption>");
                    html_inline(out, &block.text, &caption);
                    out.push_str("</figcaption>");
                }
                out.push_str("</figure>\n");
            }
            BlockKind::ListItem if in_item => {
                html_inline(out, &block.text, &block.spans);
                out.push('\n');
            }
            _ => {
                out.push_str("<p>");
                html_inline(out, &block.text, &block.spans);
                out.push_str("</p>\n");
            }
        }
    }

    fn table(&mut self, rows: &[&Block]) {
        let out = &mut self.out;
        out.push_str("<table>\n");
        let has_header = rows
            .first()
            .and_then(|b| b.row.as_ref())
            .is_some_and(|r| r.header);
        for (n, block) in rows.iter().enumerate() {
            let head = n == 0 && has_header;
            if head {
                out.push_str("<thead>\n");
            } else if n == usize::from(has_header) {
                out.push_str("<tbody>\n");
            }
            out.push_str("<tr>");
            match block.row.as_ref() {
                Some(row) => {
                    for cell in &row.cells {
                        let tag = if cell.header || head { "th" } else { "td" };
                        let _ = write!(out, "<{tag}>");
                        html_inline(out, &cell.text, &cell.spans);
                        let _ = write!(out, "</{tag}>");
                    }
                }
                None => {
                    out.push_str("<td>");
                    html_inline(out, &block.text, &block.spans);
                    out.push_str("</td>");
                }
            }
            out.push_str("</tr>\n");
            if head {
                out.push_str("</thead>\n");
            }
        }
        if rows.len() > usize::from(has_header) {
            out.push_str("</tbody>\n");
        }
        out.push_str("</table>\n");
    }
}

/// Text with its spans as inline HTML, escaped; unsafe URLs left out.
fn html_inline(out: &mut String, text: &str, spans: &[Span]) {
    let spans = nest(spans, text);
    let mut stack: Vec<(usize, Option<&'static str>)> = Vec::new();
    let mut pos = 0usize;
    let mut next = 0usize;
    let mut links = 0usize;
    loop {
        while let Some(&(i, closer)) = stack.last() {
            if spans.get(i).is_none_or(|s| s.end > pos) {
                break;
            }
            stack.pop();
            if matches!(spans.get(i).map(|s| &s.kind), Some(SpanKind::Link { .. })) {
                links = links.saturating_sub(1);
            }
            if let Some(closer) = closer {
                out.push_str(closer);
            }
        }
        if let Some(span) = spans.get(next).filter(|s| s.start == pos) {
            let i = next;
            next += 1;
            let closer = match &span.kind {
                SpanKind::Bold => {
                    out.push_str("<strong>");
                    Some("</strong>")
                }
                SpanKind::Italic => {
                    out.push_str("<em>");
                    Some("</em>")
                }
                SpanKind::Code => {
                    out.push_str("<code>");
                    Some("</code>")
                }
                SpanKind::Link { href } => {
                    let url = safe_url(href).filter(|_| links == 0);
                    links += 1;
                    url.map(|url| {
                        out.push_str("<a href=\"");
                        push_html_escaped(out, &url);
                        out.push_str("\">");
                        "</a>"
                    })
                }
                SpanKind::Image { src, alt } => {
                    if let Some(src) = safe_url(src) {
                        out.push_str("<img src=\"");
                        push_html_escaped(out, &src);
                        out.push_str("\" alt=\"");
                        push_html_escaped(out, alt);
                        out.push_str("\">");
                    }
                    continue;
                }
            };
            stack.push((i, closer));
            continue;
        }
        let close_at = stack
            .last()
            .and_then(|&(i, _)| spans.get(i))
            .map_or(text.len(), |s| s.end);
        let open_at = spans.get(next).map_or(text.len(), |s| s.start);
        let until = close_at.min(open_at).max(pos);
        if let Some(chunk) = text.get(pos..until) {
            let mut lines = chunk.split('\n').peekable();
            while let Some(line) = lines.next() {
                push_html_escaped(out, line);
                if lines.peek().is_some() {
                    out.push_str("<br>");
                }
            }
        }
        pos = until;
        if pos >= text.len() && stack.is_empty() && next >= spans.len() {
            break;
        }
    }
}

/// Text or an attribute value with `&`, `<`, `>`, `"` and `'` escaped.
fn push_html_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Cell, Row};

    fn span(start: usize, end: usize, kind: SpanKind) -> Span {
        Span { start, end, kind }
    }

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(
            md_line("1. *not* a list, <b>, [x](y) & AT&T | `c` # 5", Mode::Text),
            "1\\. \\*not\\* a list, \\<b\\>, \\[x\\](y) & AT\\&T \\| \\`c\\` # 5"
        );
        assert_eq!(
            md_line("- a\n+ b\n# c\n> d", Mode::Text),
            "\\- a\\\n\\+ b\\\n\\# c\\\n\\> d"
        );
        assert_eq!(md_line("C# #1", Mode::Heading), "C\\# \\#1");
    }

    #[test]
    fn markdown_spans() {
        let text = "see the bold and code here";
        let spans = [
            span(4, 12, SpanKind::Bold),
            span(8, 12, SpanKind::Italic),
            span(17, 21, SpanKind::Code),
            span(
                0,
                3,
                SpanKind::Link {
                    href: "https://a.example/x y".into(),
                },
            ),
        ];
        assert_eq!(
            md_inline(text, &spans, Mode::Text),
            "[see](<https://a.example/x%20y>) **the *bold*** and `code` here"
        );
        // Emphasis that Markdown could not read is left out.
        let text = "a\"b\"c";
        assert_eq!(
            md_inline(text, &[span(1, 4, SpanKind::Bold)], Mode::Text),
            "a\"b\"c"
        );
    }

    #[test]
    fn markdown_code_fence_outgrows_backticks() {
        let block = Block::new(BlockKind::Code, "let s = \"```\";\n    indented");
        assert_eq!(
            md_block(&block),
            ["````", "let s = \"```\";", "    indented", "````"]
        );
    }

    #[test]
    fn markdown_table_without_header_row() {
        let row = |a: &str, b: &str| Block {
            kind: BlockKind::TableRow,
            row: Some(Row {
                cells: vec![
                    Cell {
                        text: a.into(),
                        ..Cell::default()
                    },
                    Cell {
                        text: b.into(),
                        ..Cell::default()
                    },
                ],
                header: false,
                table: 0,
            }),
            ..Block::default()
        };
        let a = row("x|y", "1");
        let b = row("z", "");
        assert_eq!(
            md_table(&[&a, &b]),
            ["| | |", "| --- | --- |", "| x\\|y | 1 |", "| z | |"]
        );
    }

    #[test]
    fn html_escapes_and_nests() {
        let mut out = String::new();
        let spans = [
            span(0, 5, SpanKind::Bold),
            span(
                6,
                7,
                SpanKind::Link {
                    href: "javascript:x".into(),
                },
            ),
        ];
        html_inline(&mut out, "<b>\"x & y", &spans);
        assert_eq!(out, "<strong>&lt;b&gt;&quot;x</strong> &amp; y");
    }
}
