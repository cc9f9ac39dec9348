//! HTML: a small, fixed set of tags and attributes, everything escaped.

use std::fmt::Write as _;

use super::escape::push_html_escaped;
use super::inline::{Entered, Inline, Opening, walk};
use super::{COMMENTS_HEADING, Place, list_of, place_of, table_at};
use crate::article::{Article, Block, BlockKind, ListInfo, Span, SpanKind};
use crate::url::safe_url;

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

    /// How many quotes are open around the lists, and inside the last item.
    fn quotes_open(&self) -> (usize, usize) {
        let outer = self.open.iter().take_while(|o| **o == Open::Quote).count();
        if outer == self.open.len() {
            return (outer, 0);
        }
        let inner = self
            .open
            .iter()
            .rev()
            .take_while(|o| **o == Open::Quote)
            .count();
        (outer, inner)
    }

    /// Opens and closes quotes, lists and items so the next block sits at
    /// its place. The open elements are always: quotes, (list, item)
    /// pairs, then quotes inside the last item.
    fn place(&mut self, place: Place) {
        let (outer_open, inner_open) = self.quotes_open();
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
        match place.list {
            Some(list) => self.enter_list(list, outer, inner),
            None => self.close_to(outer),
        }
    }

    /// Goes into the list item of `list` from inside `outer` quotes: the
    /// lists deeper than it closed, a new item or a new list opened, and
    /// `inner` quotes inside the item.
    fn enter_list(&mut self, list: ListInfo, outer: usize, inner: usize) {
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
    walk(text, spans, &mut HtmlInline { out });
}

/// Inline HTML as the span walker goes.
struct HtmlInline<'o> {
    out: &'o mut String,
}

impl Inline for HtmlInline<'_> {
    fn text(&mut self, run: &str) {
        let mut lines = run.split('\n').peekable();
        while let Some(line) = lines.next() {
            push_html_escaped(self.out, line);
            if lines.peek().is_some() {
                self.out.push_str("<br>");
            }
        }
    }

    fn open(&mut self, at: &Opening<'_>) -> Entered {
        let written = match &at.span.kind {
            SpanKind::Link { href } => match safe_url(href).filter(|_| !at.in_link) {
                Some(url) => {
                    self.out.push_str("<a href=\"");
                    push_html_escaped(self.out, &url);
                    self.out.push_str("\">");
                    true
                }
                None => false,
            },
            SpanKind::Image { src, alt } => {
                self.image(src, alt);
                return Entered::Whole;
            }
            kind => {
                let _ = write!(self.out, "<{}>", element(kind));
                true
            }
        };
        Entered::Inside { written }
    }

    fn close(&mut self, span: &Span, written: bool) {
        if written {
            let _ = write!(self.out, "</{}>", element(&span.kind));
        }
    }
}

impl HtmlInline<'_> {
    fn image(&mut self, src: &str, alt: &str) {
        if let Some(src) = safe_url(src) {
            self.out.push_str("<img src=\"");
            push_html_escaped(self.out, &src);
            self.out.push_str("\" alt=\"");
            push_html_escaped(self.out, alt);
            self.out.push_str("\">");
        }
    }
}

/// The element a span becomes.
fn element(kind: &SpanKind) -> &'static str {
    match kind {
        SpanKind::Bold => "strong",
        SpanKind::Italic => "em",
        SpanKind::Code => "code",
        SpanKind::Link { .. } => "a",
        SpanKind::Image { .. } => "img",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::inline::span;

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
