//! The story's structure: the kept text blocks become the article's
//! [`Block`]s, with their lists, quotes, table rows, figures and spans.
//!
//! Runs after the keep/drop decisions and never changes them, nor any
//! block's text: cells of a data table are grouped into one
//! [`BlockKind::TableRow`] block per row (its text is the cells' text joined
//! as plain text always showed them), an image is joined to its figure's
//! caption, list depths and numbers are counted over the kept items, and
//! link and image URLs are resolved against the page's URL.

use std::collections::HashMap;

use url::Url;

use crate::article::{Article, Block, BlockKind, Cell, ListInfo, Row, Span, SpanKind};
use crate::blocks::{Blocks, CellAt, Shape, Wants};
use crate::classify::Verdict;
use crate::dom::{Document, NodeId, Tag};
use crate::explain::{BlockTrace, Decision};
use crate::features::{self, BlockFeatures};
use crate::options::{Deadline, Options};
use crate::patterns as p;
use crate::url::{resolve, safe_url};

/// What segmentation should record for these options.
pub(crate) fn wants(options: &Options) -> Wants {
    Wants {
        formatting: options.get_formatting(),
        links: options.get_links(),
        images: options.get_images(),
    }
}

/// The size of the story the retry ladder compares: bytes of the kept
/// blocks' text, images and figure captions left out, so that neither the
/// structure nor [`Options::images`] changes which rung wins.
pub(crate) fn story_chars(blocks: &Blocks, verdicts: &[Verdict]) -> usize {
    blocks
        .iter()
        .zip(verdicts)
        .filter(|(b, v)| v.decision == Decision::Keep && b.kind != BlockKind::Figure)
        .map(|(b, _)| blocks.text(b).len())
        .sum()
}

/// What building the blocks reads: the page and the options, and when to
/// stop (past the deadline the blocks built so far are returned, and the
/// caller's check fails the page).
pub(crate) struct Context<'a> {
    pub doc: &'a Document,
    pub options: &'a Options,
    pub deadline: &'a Deadline,
}

/// Builds the article from the classifier's verdicts on the blocks (and
/// the trace, when asked): the kept blocks become the article's blocks
/// (tables grouped into rows, figures joined, lists numbered).
pub(crate) fn assemble(
    blocks: Blocks,
    feats: Vec<BlockFeatures>,
    verdicts: Vec<Verdict>,
    explain: bool,
    structure: &Context<'_>,
) -> Article {
    let mut article = Article::default();
    let trace = explain.then(|| {
        let count = blocks.len();
        blocks
            .iter()
            .zip(&feats)
            .zip(&verdicts)
            .enumerate()
            .map(|(i, ((b, f), v))| BlockTrace {
                text: blocks.text(b).to_string(),
                features: features::explained(f, b, blocks.text(b), features::position(i, count)),
                decision: v.decision,
                rule: v.rule,
            })
            .collect()
    });
    // The kept blocks stay where they are (no second list of them beside
    // the first while both are alive: a hostile page of many small blocks
    // peaked here, see `fuzz/dos_rss.sh`).
    drop(feats);
    let mut kept = blocks;
    let mut verdict = verdicts.iter();
    kept.retain(|_| verdict.next().is_some_and(|v| v.decision == Decision::Keep));
    drop(verdicts);
    article.blocks = structure.build(kept);
    article.explanation = trace;
    article
}

/// A table row being gathered from its cells' blocks.
struct RowBuild {
    node: NodeId,
    table: usize,
    text: String,
    cells: Vec<Cell>,
}

/// Open list levels of the current run of list blocks: (the item's depth
/// in the page, the item).
#[derive(Default)]
struct Lists(Vec<(usize, NodeId)>);

impl Lists {
    /// The block's place among the kept items: depths count only the
    /// levels that have a kept item, so a list never skips a level.
    fn place(&mut self, item: crate::blocks::ItemAt) -> ListInfo {
        while self.0.last().is_some_and(|&(depth, _)| depth > item.depth) {
            self.0.pop();
        }
        let continued = match self.0.last_mut() {
            Some(level) if level.0 == item.depth => {
                let same = level.1 == item.node;
                level.1 = item.node;
                same
            }
            _ => {
                self.0.push((item.depth, item.node));
                false
            }
        };
        ListInfo {
            ordered: item.ordered,
            depth: self.0.len().saturating_sub(1),
            ordinal: item.ordinal,
            continued,
            quote_depth: item.quotes,
        }
    }
}

impl Context<'_> {
    /// The article's blocks from the kept text blocks, in order.
    pub(crate) fn build(&self, kept: Blocks) -> Vec<Block> {
        let (kept, mut texts) = kept.into_parts();
        let mut out: Vec<Block> = Vec::with_capacity(kept.len());
        let mut data_tables: HashMap<NodeId, bool> = HashMap::new();
        let mut table_index: HashMap<NodeId, usize> = HashMap::new();
        let mut row: Option<RowBuild> = None;
        let mut lists = Lists::default();
        // The figure of the last block, when it is an image alone.
        let mut image_figure: Option<NodeId> = None;
        for (i, mut b) in kept.into_iter().enumerate() {
            if self.deadline.passed_at(i) {
                break;
            }
            let shape = b.shape.take().map_or_else(Shape::default, |s| *s);
            let cell = shape.cell.filter(|c| {
                *data_tables
                    .entry(c.table)
                    .or_insert_with(|| is_data_table(self.doc, c.table))
            });
            if let Some(cell) = cell {
                image_figure = None;
                lists = Lists::default();
                if !self.options.get_tables() {
                    continue;
                }
                if row.as_ref().is_none_or(|r| r.node != cell.row) {
                    out.extend(row.take().map(|r| self.finish_row(r)));
                    let next = table_index.len();
                    let table = *table_index.entry(cell.table).or_insert(next);
                    row = Some(RowBuild {
                        node: cell.row,
                        table,
                        text: String::new(),
                        cells: Vec::new(),
                    });
                }
                if let Some(r) = row.as_mut() {
                    add_to_row(r, cell, texts.get(&b), shape.spans);
                }
                continue;
            }
            out.extend(row.take().map(|r| self.finish_row(r)));
            let list = match shape.item {
                Some(item) => Some(lists.place(item)),
                None => {
                    lists = Lists::default();
                    None
                }
            };
            // Taken only here: a long text moves into the article, a short
            // one is copied out of the blocks' shared buffer.
            let text = texts.take(&b);
            let figure = b.figure();
            let kind = match b.kind {
                // Text of a layout table's cells, or loose in a table.
                BlockKind::TableRow => BlockKind::Paragraph,
                kind => kind,
            };
            if kind == BlockKind::Figure && !text.is_empty() && figure.is_some() {
                // A caption joins the images of its figure just before it.
                if let Some(last) = out.last_mut().filter(|_| image_figure == figure) {
                    let shift = last.text.len();
                    last.text = text;
                    last.spans
                        .extend(shape.spans.into_iter().map(|s| shifted(s, shift)));
                    image_figure = None;
                    continue;
                }
            }
            image_figure = (kind == BlockKind::Figure && text.is_empty())
                .then_some(figure)
                .flatten();
            out.push(Block {
                kind,
                text,
                spans: shape.spans,
                list,
                quote_depth: shape.quote_depth,
                row: None,
            });
        }
        out.extend(row.take().map(|r| self.finish_row(r)));
        out
    }

    /// The row's block: every cell of the `tr`, the kept text in them.
    fn finish_row(&self, r: RowBuild) -> Block {
        let doc = self.doc;
        let mut cells: Vec<Cell> = doc
            .children(r.node)
            .filter(|&c| matches!(doc.tag(c), Tag::Td | Tag::Th))
            .map(|c| Cell {
                header: doc.tag(c) == Tag::Th,
                ..Cell::default()
            })
            .collect();
        for (col, cell) in r.cells.into_iter().enumerate() {
            if cell.text.is_empty() && cell.spans.is_empty() {
                continue;
            }
            match cells.get_mut(col) {
                Some(slot) => {
                    slot.text = cell.text;
                    slot.spans = cell.spans;
                }
                None => {
                    cells.resize_with(col, Cell::default);
                    cells.push(cell);
                }
            }
        }
        let in_thead = doc.parent(r.node).is_some_and(|p| doc.tag(p) == Tag::Thead);
        let header = in_thead || (!cells.is_empty() && cells.iter().all(|c| c.header));
        Block {
            kind: BlockKind::TableRow,
            text: r.text,
            row: Some(Row {
                cells,
                header,
                table: r.table,
            }),
            ..Block::default()
        }
    }
}

/// Adds a kept block of a data table's cell to its row: to the row's text
/// (blocks separated by a blank line, as plain text shows them) and to the
/// cell's.
fn add_to_row(r: &mut RowBuild, cell: CellAt, text: &str, spans: Vec<Span>) {
    if !r.text.is_empty() {
        r.text.push_str("\n\n");
    }
    r.text.push_str(text);
    if r.cells.len() <= cell.col {
        r.cells.resize_with(cell.col + 1, Cell::default);
    }
    if let Some(c) = r.cells.get_mut(cell.col) {
        c.header = cell.header;
        if !c.text.is_empty() {
            c.text.push_str("\n\n");
        }
        let shift = c.text.len();
        c.text.push_str(text);
        c.spans.extend(spans.into_iter().map(|s| shifted(s, shift)));
    }
}

fn shifted(mut s: Span, by: usize) -> Span {
    s.start += by;
    s.end += by;
    s
}

/// Readability's test of a data table (against a table used for layout):
/// a `role="presentation"` or `datatable="0"` table is layout, and so is a
/// table holding another; a `summary`, a caption, a header cell or a
/// `thead` mean data; else its size decides (10 rows, more than 4 columns
/// or more than 10 cells). One walk over the table.
fn is_data_table(doc: &Document, table: NodeId) -> bool {
    let Some(el) = doc.element(table) else {
        return false;
    };
    let extra = doc.extra(el);
    if el.role == "presentation" || extra.is_some_and(|e| e.layout) {
        return false;
    }
    let end = doc.nodes.get(table).map_or(table, |n| n.end());
    let (mut rows, mut columns, mut marked) = (0usize, 0usize, extra.is_some_and(|e| e.summary));
    for id in table + 1..end {
        match doc.tag(id) {
            Tag::Table => return false,
            Tag::Th | Tag::Thead | Tag::Caption => marked = true,
            Tag::Tr => {
                rows += 1;
                let cells = doc
                    .children(id)
                    .filter(|&c| matches!(doc.tag(c), Tag::Td | Tag::Th))
                    .count();
                columns = columns.max(cells);
            }
            _ => {}
        }
    }
    marked
        || rows >= p::DATA_MIN_ROWS
        || columns > p::DATA_MAX_LAYOUT_COLUMNS
        || rows.saturating_mul(columns) > p::DATA_MAX_LAYOUT_CELLS
}

/// Resolves the link and image URLs of the article's blocks and comments
/// against `base`; a link or image whose URL is not allowed (see
/// [`crate::url::safe_url`]) is dropped (a link's text stays), and a
/// figure left with neither image nor caption goes.
pub(crate) fn resolve_urls(article: &mut Article, base: Option<&Url>) {
    for blocks in [&mut article.blocks, &mut article.comments] {
        for block in blocks.iter_mut() {
            resolve_spans(&mut block.spans, base);
            if let Some(row) = block.row.as_mut() {
                for cell in &mut row.cells {
                    resolve_spans(&mut cell.spans, base);
                }
            }
        }
        blocks
            .retain(|b| !(b.kind == BlockKind::Figure && b.text.is_empty() && b.spans.is_empty()));
    }
}

fn resolve_spans(spans: &mut Vec<Span>, base: Option<&Url>) {
    spans.retain_mut(|span| {
        let url = match &mut span.kind {
            SpanKind::Link { href } => href,
            SpanKind::Image { src, .. } => src,
            _ => return true,
        };
        let resolved = safe_url(url)
            .and_then(|u| resolve(&u, base))
            .and_then(|u| safe_url(&u));
        match resolved {
            Some(u) => {
                *url = u;
                true
            }
            None => false,
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::{BlockKind, Cleaner, Options, SpanKind};

    fn story(middle: &str) -> String {
        format!(
            "<article><p>The first paragraph of the story is long enough to be kept, with a few clauses.</p>\
             {middle}<p>The last paragraph of the story is also long enough to be kept, with some words.</p></article>"
        )
    }

    #[test]
    fn data_table_cells_become_rows_and_layout_cells_paragraphs() {
        let data = story(
            "<table><thead><tr><th>Name</th><th>Age</th></tr></thead>\
             <tr><td>Ann</td><td>31</td></tr><tr><td>Bob</td><td>42</td></tr></table>",
        );
        let article = crate::clean_article(&data).unwrap();
        let rows: Vec<_> = article
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::TableRow)
            .collect();
        assert_eq!(rows.len(), 3, "{:#?}", article.blocks);
        let header = rows[0].row.as_ref().unwrap();
        assert!(header.header);
        assert_eq!(header.cells.len(), 2);
        assert_eq!(rows[1].text, "Ann\n\n31");
        assert_eq!(rows[2].row.as_ref().unwrap().cells[1].text, "42");
        assert!(article.text().contains("Ann\n\n31\n\nBob\n\n42"));

        let layout = story("<table><tr><td>A layout cell with some words in it.</td></tr></table>");
        let article = crate::clean_article(&layout).unwrap();
        assert!(article.blocks.iter().all(|b| b.kind != BlockKind::TableRow));
    }

    #[test]
    fn nested_lists_get_depths_ordinals_and_continuations() {
        let html =
            story("<ol start=3><li>three<ul><li>inner</li></ul>more three</li><li>four</li></ol>");
        let article = crate::clean_article(&html).unwrap();
        let items: Vec<_> = article
            .blocks
            .iter()
            .filter_map(|b| {
                b.list
                    .map(|l| (b.text.as_str(), l.ordered, l.depth, l.ordinal, l.continued))
            })
            .collect();
        assert_eq!(
            items,
            [
                ("three", true, 0, 3, false),
                ("inner", false, 1, 1, false),
                ("more three", true, 0, 3, true),
                ("four", true, 0, 4, false),
            ]
        );
    }

    #[test]
    fn spans_cover_their_text() {
        let html = story(
            "<p>Some <b>bold words</b>, an <i>italic</i> one and <code>x = 1</code> with <a href='/a'>a link</a> here.</p>",
        );
        let article = Cleaner::new(Options::new().links(true).base_url("https://s.example/x/"))
            .clean_html(&html)
            .unwrap();
        let b = &article.blocks[1];
        let got: Vec<_> = b
            .spans
            .iter()
            .map(|s| (&b.text[s.start..s.end], s.kind.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("bold words", SpanKind::Bold),
                ("italic", SpanKind::Italic),
                ("x = 1", SpanKind::Code),
                (
                    "a link",
                    SpanKind::Link {
                        href: "https://s.example/a".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn code_keeps_highlighter_spans_and_indentation() {
        let code = "<pre><code><span class=\"hljs-keyword\">fn</span> main() {\n    \
                    <span class=\"hljs-comment\">// a comment</span>\n    println!(\"hi\");\n}</code></pre>";
        // Long enough for the strict rung, which prunes boilerplate classes.
        let long = story(code).replace("<p>The last", &format!("{}<p>The last", story("")));
        let article = crate::clean_article(&long).unwrap();
        let block = article
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Code)
            .unwrap();
        assert_eq!(
            block.text,
            "fn main() {\n    // a comment\n    println!(\"hi\");\n}"
        );
        assert!(block.spans.is_empty());
    }

    #[test]
    fn unsafe_links_are_dropped() {
        let html = story(
            "<p>A paragraph with <a href='javascript:alert(1)'>a bad link</a> and <a href=' JaVa&#09;ScRiPt:alert(1)'>another</a>.</p>",
        );
        let article = Cleaner::new(Options::new().links(true))
            .clean_html(&html)
            .unwrap();
        assert!(article.blocks.iter().all(|b| b.spans.is_empty()));
    }
}
