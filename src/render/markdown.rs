//! Markdown: CommonMark with GitHub's tables.

use super::escape::{Mode, longest_run, push_code_span, push_destination, push_escaped};
use super::inline::{Entered, Inline, Opening, walk};
use super::{COMMENTS_HEADING, Place, list_of, place_of, table_at};
use crate::article::{Article, Block, BlockKind, ListInfo, Span, SpanKind};
use crate::url::safe_url;

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

/// A plain string as inline Markdown.
fn md_line(text: &str, mode: Mode) -> String {
    md_inline(text, &[], mode)
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
        let (lead, col) = self.list_lead(place.list);
        if let Some(last) = self.last {
            self.separate(last, place, col);
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

    /// The list part of a unit's first line (a marker, or the indent of
    /// an item's later block), and the item's content column.
    fn list_lead(&mut self, list: Option<ListInfo>) -> (String, usize) {
        let Some(l) = list else {
            return (String::new(), 0);
        };
        let depth = l.depth.min(self.columns.len());
        if l.continued && depth < self.columns.len() {
            self.columns.truncate(depth + 1);
            let col = self.columns.last().copied().unwrap_or(0);
            return (" ".repeat(col), col);
        }
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

    /// Ends the previous unit's last line and, unless this unit is the
    /// next item of a tight list, writes a blank line.
    fn separate(&mut self, last: Place, place: Place, col: usize) {
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
    let mut md = MdInline {
        out: String::with_capacity(text.len() + text.len() / 8),
        mode,
        line_start: true,
    };
    walk(text, spans, &mut md);
    md.out
}

/// Inline Markdown as the span walker goes.
struct MdInline {
    out: String,
    mode: Mode,
    /// Whether the next text starts a line, where more is markup.
    line_start: bool,
}

impl Inline for MdInline {
    fn text(&mut self, run: &str) {
        push_escaped(&mut self.out, run, self.mode, &mut self.line_start);
    }

    fn open(&mut self, at: &Opening<'_>) -> Entered {
        // Text after a span, written or not, is no longer at a line's start.
        self.line_start = false;
        match &at.span.kind {
            SpanKind::Image { src, alt } => {
                self.image(src, alt);
                Entered::Whole
            }
            SpanKind::Code => {
                let code = at.text.get(at.span.start..at.span.end).unwrap_or("");
                push_code_span(&mut self.out, code, self.mode);
                Entered::Whole
            }
            SpanKind::Link { href } => {
                let written = !at.in_link && safe_url(href).is_some();
                if written {
                    self.out.push('[');
                }
                Entered::Inside { written }
            }
            kind => {
                let written = flanks(at, self.out.chars().next_back());
                if written {
                    self.out.push_str(emphasis(kind));
                }
                Entered::Inside { written }
            }
        }
    }

    fn close(&mut self, span: &Span, written: bool) {
        self.line_start = false;
        if !written {
            return;
        }
        if let SpanKind::Link { href } = &span.kind {
            if let Some(url) = safe_url(href) {
                self.out.push_str("](");
                push_destination(&mut self.out, &url);
                self.out.push(')');
            }
        } else {
            self.out.push_str(emphasis(&span.kind));
        }
    }
}

impl MdInline {
    /// An image with a safe URL; its alt text on one line, as a cell's.
    fn image(&mut self, src: &str, alt: &str) {
        if let Some(src) = safe_url(src) {
            self.out.push_str("![");
            self.out
                .push_str(&md_line(&alt.replace('\n', " "), Mode::Cell));
            self.out.push_str("](");
            push_destination(&mut self.out, &src);
            self.out.push(')');
        }
    }
}

/// The marker of bold or italic text.
fn emphasis(kind: &SpanKind) -> &'static str {
    if *kind == SpanKind::Bold { "**" } else { "*" }
}

/// Whether emphasis markers around the opening span would be read as such
/// (CommonMark's flanking rules): after the opener and before the closer
/// there is text, not space; next to punctuation, the outer side must be
/// space, punctuation or the text's end. `before` is the character the
/// opener would follow.
fn flanks(at: &Opening<'_>, before: Option<char>) -> bool {
    let (text, span) = (at.text, at.span);
    let first = text.get(span.start..).and_then(|t| t.chars().next());
    let last = text.get(..span.end).and_then(|t| t.chars().next_back());
    let after = text.get(span.end..).and_then(|t| t.chars().next());
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    if first.is_whitespace() || last.is_whitespace() {
        return false;
    }
    let (inner_at_start, inner_at_end) = inner_at_edges(at.spans, at.index);
    let outer_ok = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
    let opens = !(inner_at_start || is_punctuation(first)) || outer_ok(before);
    // A closer right before another closer or opener is still read as one.
    let parent_ends_here = at
        .parent
        .is_some_and(|(p, written)| p.end == span.end && written);
    let sibling_starts_here = at
        .spans
        .iter()
        .skip(at.index + 1)
        .find(|s| s.start >= span.end)
        .is_some_and(|s| s.start == span.end);
    let closes = !(inner_at_end || is_punctuation(last))
        || parent_ends_here
        || sibling_starts_here
        || outer_ok(after);
    opens && closes
}

/// Whether a span inside span `i` (or an image at its end) starts where it
/// starts, and whether one ends where it ends: the markers then touch
/// other markup, not text.
fn inner_at_edges(spans: &[Span], i: usize) -> (bool, bool) {
    let Some(span) = spans.get(i) else {
        return (false, false);
    };
    let inner = spans
        .get(i + 1..)
        .unwrap_or(&[])
        .iter()
        .take_while(|s| s.start < span.end || (s.start == span.end && s.end == s.start));
    let (mut at_start, mut at_end) = (false, false);
    for s in inner {
        at_start |= s.start == span.start;
        at_end |= s.end == span.end && s.start < span.end;
    }
    (at_start, at_end)
}

fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Cell, Row};
    use crate::render::inline::span;

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
}
