//! Segmentation: the pruned DOM becomes a flat list of text blocks.
//!
//! Every block-level element starts and ends a block; inline elements
//! (`a`, `span`, `b`...) flow into the current one. Each block remembers the
//! element that owns it and how much of its text sits inside links.

use std::num::NonZeroU32;

use crate::article::{BlockKind, Span, SpanKind};
use crate::dom::{Document, NodeId, NodeKind, Tag};
use crate::explain::Rule;
use crate::options::Deadline;
use crate::patterns as p;
use crate::prune::Pruned;

pub(crate) use headline::{title_heading, title_key};
pub(crate) use list::{Blocks, TextSpan};
use shape::fit_spans;
pub(crate) use shape::{CellAt, ItemAt, Shape};

mod headline;
mod list;
mod shape;

/// One text block of the page, before any decision.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextBlock {
    /// Whitespace-collapsed text (as written inside `<pre>`), in the
    /// [`Blocks`]' buffer (read with [`Blocks::text`]).
    pub text: TextSpan,
    pub kind: BlockKind,
    /// The innermost block-level element holding the text (read with
    /// [`TextBlock::owner`]). This and the counts are 32 bits: a hostile
    /// page of 125,000 one-line paragraphs held 8 MB of blocks at 64 bytes
    /// a block, 48 now (`fuzz/dos_rss.sh`).
    pub owner: u32,
    /// Characters of `text` (saturating, as the counts below).
    pub chars: u32,
    /// Characters of `text` inside `<a>` elements.
    pub link_chars: u32,
    /// The pruning rule that removed the block's subtree: such blocks are
    /// segmented only for the explanation and always dropped.
    pub pruned: Option<Rule>,
    /// An image (`<img>`) came between the previous block and this one: the
    /// text right under a picture is its caption or credit. Set the same
    /// whatever [`Wants::images`] says (an image-only block passes it on).
    pub after_image: bool,
    /// The innermost `figure` holding the block, plus one (read with
    /// [`TextBlock::figure`]): kept here, not in the `shape`, so that a
    /// block in a figure and nothing else needs no `Shape` (a hostile page
    /// of 50,000 figures held 6 MB of boxed shapes).
    pub figure: Option<NonZeroU32>,
    /// Where the block sits in the page's structure, for the renderers;
    /// the classifier never reads it. `None` for a block outside lists,
    /// tables and quotes and without spans (most): boxed, since
    /// a `Shape` is larger than the rest of the block (a hostile page of
    /// 150,000 one-line paragraphs held 23 MB of blocks before, see
    /// `fuzz/dos_rss.sh`).
    pub shape: Option<Box<Shape>>,
}

impl TextBlock {
    /// The innermost block-level element holding the text.
    pub(crate) fn owner(&self) -> NodeId {
        self.owner as NodeId
    }

    /// Share of the characters inside links, 0..=1 (0 for no text).
    pub(crate) fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    /// The innermost `figure` holding the block.
    pub(crate) fn figure(&self) -> Option<NodeId> {
        self.figure.map(|f| f.get() as NodeId - 1)
    }
}

/// A count or node id as a block keeps it: 32 bits, saturating (a page's
/// text is under 4 GiB, its arena's strings a 32-bit span).
pub(crate) fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Which spans segmentation records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Wants {
    /// Bold, italic and inline code.
    pub formatting: bool,
    /// Links (their `href` is in the arena only with `Options::links`).
    pub links: bool,
    /// Images: image spans, and a block for an image with no text.
    pub images: bool,
}

/// [`segment_with`] over the whole page with nothing extra recorded: the
/// unit tests' short form.
#[cfg(test)]
pub(crate) fn segment(doc: &Document, pruned: &Pruned, include_removed: bool) -> Blocks {
    segment_with(
        doc,
        pruned,
        include_removed,
        Wants::default(),
        0..doc.nodes.len(),
        false,
        &Deadline::NONE,
    )
}

/// Splits the pruned document's nodes in `range` (a subtree, or the whole
/// page) into blocks, in reading order, recording the spans `wants` asks
/// for. With `include_removed`, block-level subtrees removed by pruning
/// (menus, sidebars, comments) are segmented too, their blocks marked with
/// the pruning rule, so the explanation can show them; the other blocks come
/// out exactly the same either way. The blocks' text, kinds and
/// counts are the same whatever `wants` says, but for the blocks made of
/// an image alone that [`Wants::images`] adds. With `cards_as_text`, the
/// text of card links (an `a` wrapping block elements) is not counted as
/// link text. Past `deadline` it stops early (the caller's check then
/// fails the page).
pub(crate) fn segment_with(
    doc: &Document,
    pruned: &Pruned,
    include_removed: bool,
    wants: Wants,
    range: std::ops::Range<NodeId>,
    cards_as_text: bool,
    deadline: &Deadline,
) -> Blocks {
    let mut seg = Segmenter {
        wants,
        cards_as_text,
        doc: Some(doc),
        ..Segmenter::default()
    };
    // Room for the blocks once, not a vector doubled its way up (the
    // copies stayed resident on the later rungs: bylines_dates:3 peaked
    // 0.15 times the page higher): a block holds a text node or an image
    // of its own, so there are at most as many as nodes. Room never
    // written is never resident, and is given back at the end. (Room for
    // the texts at the page's strings' length helped no page and cost
    // long_words:2 0.9 times the page.)
    let nodes = range.end.min(doc.nodes.len()).saturating_sub(range.start);
    seg.blocks.reserve(nodes);
    let mut id = range.start;
    let mut steps = 0usize;
    while id < range.end.min(doc.nodes.len()) {
        if deadline.passed_at(steps) {
            break;
        }
        steps += 1;
        seg.close_until(id);
        let Some(node) = doc.nodes.get(id) else { break };
        let removed = pruned
            .removed
            .get(id)
            .copied()
            .unwrap_or(Some(Rule::NeverContent));
        if let Some(reason) = removed {
            let block_root = matches!(&node.kind, NodeKind::Element(el) if el.tag.is_block());
            let traced = seg.region.is_some() || (include_removed && block_root);
            if reason == Rule::NeverContent || !traced {
                // A removed block element still ends the block before it,
                // as it does when it is segmented for the trace: the text
                // around a removed share bar is two blocks, not one.
                if block_root && reason != Rule::NeverContent {
                    seg.flush();
                }
                id = node.end().max(id + 1);
                continue;
            }
            if seg.region.is_none() {
                seg.flush();
                seg.region = Some((node.end(), reason));
            }
        }
        match node.kind {
            NodeKind::Element(el) => seg.open(id, el.tag, node.end()),
            NodeKind::Text(text) => seg.text(doc.text(text)),
        }
        id += 1;
    }
    seg.close_until(usize::MAX);
    seg.flush();
    // The pushes doubled the capacities: give back the unused parts (in
    // place) before the later stages allocate beside them.
    seg.blocks.shrink_to_fit();
    seg.blocks
}

/// A card link: an `a` (`id`, its subtree ending at `end`) wrapping block
/// elements (a teaser's heading and summary) or a whole summary
/// ([`p::CARD_MIN_TEXT_CHARS`]), found among its first
/// [`p::CARD_SCAN_NODES`] descendants so the look stays linear.
fn is_card(doc: &Document, id: NodeId, end: NodeId) -> bool {
    let last = end.min(id + 1 + p::CARD_SCAN_NODES);
    let mut text = 0;
    for node in doc.nodes.get(id + 1..last).unwrap_or_default() {
        match &node.kind {
            NodeKind::Element(e) if e.tag.is_block() => return true,
            NodeKind::Text(t) => text += doc.text(*t).len(),
            NodeKind::Element(_) => {}
        }
    }
    text >= p::CARD_MIN_TEXT_CHARS
}

/// The card links of the page (see [`is_card`]): only where one is
/// segmented can reading cards as text change a block.
pub(crate) fn card_links(doc: &Document) -> impl Iterator<Item = NodeId> + '_ {
    doc.nodes
        .iter()
        .enumerate()
        .filter_map(|(id, node)| match &node.kind {
            NodeKind::Element(e) if e.tag == Tag::A && is_card(doc, id, node.end()) => Some(id),
            _ => None,
        })
}

/// An element still open during the walk.
#[derive(Debug, Clone, Copy)]
struct Open {
    id: NodeId,
    tag: Tag,
    end: NodeId,
    /// An `a` whose text counts as link text (not a card read as text).
    link: bool,
}

#[derive(Debug, Default)]
struct Segmenter<'d> {
    blocks: Blocks,
    open: Vec<Open>,
    /// How many `a` / `pre` / `blockquote` are open.
    links: usize,
    /// Card links (see [`segment_with`]) are read as text.
    cards_as_text: bool,
    pre: usize,
    quotes: usize,
    text: String,
    chars: usize,
    link_chars: usize,
    owner: Option<(NodeId, BlockKind)>,
    pending_space: bool,
    /// The removed subtree being segmented for the trace: (end, rule).
    region: Option<(NodeId, Rule)>,
    // The structure, for `Shape` (none of it changes the text).
    wants: Wants,
    doc: Option<&'d Document>,
    /// Open lists: (ordered, the next item's number).
    lists: Vec<(bool, u32)>,
    items: Vec<ItemAt>,
    tables: Vec<NodeId>,
    /// Open rows: (the `tr`, its table, the next cell's position).
    rows: Vec<(NodeId, NodeId, usize)>,
    cells: Vec<CellAt>,
    figures: Vec<NodeId>,
    /// Open formatting and link elements: the span and where it starts in
    /// `text` (`None` until its first visible character).
    inline: Vec<(SpanKind, Option<usize>)>,
    /// How many entries at the end of `inline` have not started yet.
    unstarted: usize,
    /// The spans of the block being built.
    spans: Vec<Span>,
    /// The structure of the block being built, taken at its first character.
    shape: Shape,
    /// The innermost `figure` around the block being built, taken with
    /// `shape`.
    figure: Option<NodeId>,
    /// An `<img>` opened since the last block with text.
    image_seen: bool,
}

impl Segmenter<'_> {
    fn open(&mut self, id: NodeId, tag: Tag, end: NodeId) {
        let mut link = false;
        match tag {
            Tag::Br => {
                self.push_char('\n', false);
                self.pending_space = false;
                return;
            }
            Tag::Img => {
                // Images in a removed subtree are not seen, so the trace
                // never changes a decision.
                self.image_seen |= self.region.is_none();
                if self.wants.images {
                    self.image(id);
                }
            }
            Tag::A => link = !(self.cards_as_text && self.is_card(id, end)),
            Tag::Pre => self.pre += 1,
            Tag::Blockquote => self.quotes += 1,
            _ => {}
        }
        if tag.is_block() {
            self.flush();
        }
        self.open_structure(id, tag);
        self.links += usize::from(link);
        self.open.push(Open { id, tag, end, link });
    }

    /// A card link (see [`is_card`]).
    fn is_card(&self, id: NodeId, end: NodeId) -> bool {
        self.doc.is_some_and(|doc| is_card(doc, id, end))
    }

    /// The span an inline element opens, if segmentation records it.
    fn span_kind(&self, id: NodeId, tag: Tag) -> Option<SpanKind> {
        match tag {
            Tag::Strong if self.wants.formatting => Some(SpanKind::Bold),
            Tag::Em if self.wants.formatting => Some(SpanKind::Italic),
            Tag::Code if self.wants.formatting => Some(SpanKind::Code),
            Tag::A if self.wants.links => Some(SpanKind::Link {
                href: self
                    .extra(id)
                    .and_then(|e| e.href.clone())
                    .unwrap_or_default(),
            }),
            _ => None,
        }
    }

    fn extra(&self, id: NodeId) -> Option<&crate::dom::Extra> {
        let doc = self.doc?;
        doc.element(id).and_then(|e| doc.extra(e))
    }

    /// Records the lists, items, tables, rows, cells, figures and spans an
    /// element opens.
    fn open_structure(&mut self, id: NodeId, tag: Tag) {
        let number = self.extra(id).and_then(|e| e.number);
        let clamp = |n: i64| u32::try_from(n.clamp(0, p::MAX_ORDINAL)).unwrap_or(0);
        match tag {
            Tag::Ul | Tag::Dl => self.lists.push((false, 1)),
            Tag::Ol => self.lists.push((true, number.map_or(1, clamp))),
            Tag::Li | Tag::Dt | Tag::Dd => {
                let depth = self.lists.len().saturating_sub(1);
                // Items of a removed subtree, walked only for the trace, do
                // not count: the trace must never change the numbering.
                let traced_only = self.region.is_some();
                let (ordered, ordinal) = match self.lists.last_mut() {
                    Some(list) if !traced_only => {
                        if let Some(n) = number.filter(|_| tag == Tag::Li) {
                            list.1 = clamp(n);
                        }
                        let ordinal = list.1;
                        list.1 = list.1.saturating_add(1);
                        (list.0, ordinal)
                    }
                    Some(list) => (list.0, list.1),
                    None => (false, 1),
                };
                self.items.push(ItemAt {
                    node: id,
                    ordered,
                    depth,
                    ordinal,
                    quotes: u8::try_from(self.quotes).unwrap_or(u8::MAX),
                });
            }
            Tag::Table => self.tables.push(id),
            Tag::Tr => {
                let table = self.tables.last().copied().unwrap_or(id);
                self.rows.push((id, table, 0));
            }
            Tag::Td | Tag::Th => {
                let table = self.tables.last().copied().unwrap_or(id);
                let cell = match self.rows.last_mut() {
                    Some(row) if row.1 == table => {
                        let col = row.2;
                        row.2 += 1;
                        Some(CellAt {
                            table,
                            row: row.0,
                            col,
                            header: tag == Tag::Th,
                        })
                    }
                    _ => None,
                };
                // A cell outside any row still closes as a cell: it holds
                // no row, so its blocks are not table cells.
                self.cells.push(cell.unwrap_or(CellAt {
                    table: usize::MAX,
                    row: usize::MAX,
                    col: 0,
                    header: false,
                }));
            }
            Tag::Figure => self.figures.push(id),
            _ => {}
        }
        if let Some(kind) = self.span_kind(id, tag) {
            self.inline.push((kind, None));
            self.unstarted += 1;
        }
    }

    /// Undoes [`Segmenter::open_structure`] for a closing element.
    fn close_structure(&mut self, tag: Tag) {
        match tag {
            Tag::Ul | Tag::Dl | Tag::Ol => {
                self.lists.pop();
            }
            Tag::Li | Tag::Dt | Tag::Dd => {
                self.items.pop();
            }
            Tag::Table => {
                self.tables.pop();
            }
            Tag::Tr => {
                self.rows.pop();
            }
            Tag::Td | Tag::Th => {
                self.cells.pop();
            }
            Tag::Figure => {
                self.figures.pop();
            }
            Tag::Strong | Tag::Em | Tag::Code | Tag::A => {
                let recorded = match tag {
                    Tag::A => self.wants.links,
                    _ => self.wants.formatting,
                };
                if recorded {
                    if let Some((kind, start)) = self.inline.pop() {
                        match start {
                            Some(start) => self.spans.push(Span {
                                start,
                                end: self.text.len(),
                                kind,
                            }),
                            None => self.unstarted = self.unstarted.saturating_sub(1),
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// An image: a span where it stands in the text.
    fn image(&mut self, id: NodeId) {
        let Some(src) = self.extra(id).and_then(|e| e.src.clone()) else {
            return;
        };
        let alt = self
            .extra(id)
            .and_then(|e| e.alt.clone())
            .unwrap_or_default();
        if self.owner.is_none() {
            self.owner = Some(self.current_owner());
            self.shape = self.current_shape();
            self.figure = self.figures.last().copied();
        }
        self.spans.push(Span {
            start: self.text.len(),
            end: self.text.len(),
            kind: SpanKind::Image { src, alt },
        });
    }

    /// The structure around the text being added.
    fn current_shape(&self) -> Shape {
        let table = self.tables.last().copied();
        Shape {
            item: self.items.last().copied(),
            quote_depth: u8::try_from(self.quotes).unwrap_or(u8::MAX),
            cell: self
                .cells
                .last()
                .copied()
                .filter(|c| Some(c.table) == table),
            spans: Vec::new(),
        }
    }

    /// Closes every open element whose subtree ends at or before `id`.
    fn close_until(&mut self, id: NodeId) {
        while let Some(top) = self.open.last().copied() {
            if top.end > id {
                break;
            }
            self.open.pop();
            match top.tag {
                Tag::A if top.link => self.links = self.links.saturating_sub(1),
                Tag::Pre => self.pre = self.pre.saturating_sub(1),
                Tag::Blockquote => self.quotes = self.quotes.saturating_sub(1),
                _ => {}
            }
            self.close_structure(top.tag);
            if top.tag.is_block() {
                self.flush();
            }
        }
        if self.region.is_some_and(|(end, _)| end <= id) {
            self.flush();
            self.region = None;
        }
    }

    fn text(&mut self, text: &str) {
        let in_link = self.links > 0;
        if self.pre > 0 {
            for c in text.chars() {
                self.push_char(c, in_link);
            }
            return;
        }
        // Word by word: a word's first character goes through `push_char`
        // (it may start the block), the rest is copied as it would add it.
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            self.pending_space |= start > 0;
            let word = rest.get(start..).unwrap_or("");
            let end = word.find(char::is_whitespace).unwrap_or(word.len());
            let (word, after) = word.split_at_checked(end).unwrap_or((word, ""));
            let mut chars = word.chars();
            let Some(first) = chars.next() else { break };
            if self.pending_space && !self.text.is_empty() && !self.text.ends_with(['\n', ' ']) {
                // A space before a link is not link text.
                self.push_char(' ', false);
            }
            self.pending_space = false;
            self.push_char(first, in_link);
            let tail = chars.as_str();
            let count = tail.chars().count();
            self.text.push_str(tail);
            self.chars += count;
            self.link_chars += if in_link { count } else { 0 };
            rest = after;
        }
        self.pending_space |= !rest.is_empty();
    }

    fn push_char(&mut self, c: char, in_link: bool) {
        if self.owner.is_none() {
            if c.is_whitespace() && self.pre == 0 {
                return;
            }
            self.owner = Some(self.current_owner());
            self.shape = self.current_shape();
            self.figure = self.figures.last().copied();
        }
        if self.unstarted > 0 && !c.is_whitespace() {
            let at = self.text.len();
            let open = self.inline.len();
            for span in self.inline.iter_mut().skip(open - self.unstarted) {
                span.1 = Some(at);
            }
            self.unstarted = 0;
        }
        self.text.push(c);
        self.chars += 1;
        if in_link {
            self.link_chars += 1;
        }
    }

    /// One of the innermost open elements is named a caption by its class
    /// (`wp-caption-text`, `image-caption`, `caption`): a picture's caption
    /// set in a `div` or `p` instead of a `figcaption`.
    fn in_caption_class(&self) -> bool {
        let Some(doc) = self.doc else { return false };
        self.open
            .iter()
            .rev()
            .take(p::CAPTION_CLASS_LEVELS)
            .map(|o| doc.hints_of(o.id))
            // Every caption class holds "caption": most hints are passed
            // over by one substring search, without a split.
            .any(|h| h.contains("caption") && h.split(' ').any(p::is_caption_class))
    }

    /// The innermost open block element and the kind of block it makes.
    fn current_owner(&self) -> (NodeId, BlockKind) {
        let owner = self.open.iter().rev().find(|o| o.tag.is_block());
        let (id, tag) = owner.map_or((0, Tag::Other), |o| (o.id, o.tag));
        let in_caption = self
            .open
            .iter()
            .any(|o| matches!(o.tag, Tag::Figcaption | Tag::Caption))
            || self.in_caption_class();
        let kind = if self.pre > 0 {
            BlockKind::Code
        } else if let Tag::H(level) = tag {
            BlockKind::Heading(level)
        } else if in_caption {
            // With images kept, a figure's caption goes with its images.
            let figure = self.wants.images && self.open.iter().any(|o| o.tag == Tag::Figcaption);
            if figure {
                BlockKind::Figure
            } else {
                BlockKind::Caption
            }
        } else if self.quotes > 0 {
            BlockKind::Quote
        } else {
            match tag {
                Tag::Li | Tag::Dt | Tag::Dd => BlockKind::ListItem,
                Tag::Td | Tag::Th | Tag::Tr => BlockKind::TableRow,
                _ => BlockKind::Paragraph,
            }
        };
        (id, kind)
    }

    /// Ends the block being built; its text buffer is kept for the next
    /// (a block's text is copied out at its length, not grown anew
    /// character by character for every block).
    fn flush(&mut self) {
        let mut text = std::mem::take(&mut self.text);
        self.flush_text(&text);
        text.clear();
        self.text = text;
    }

    /// [`Segmenter::flush`] with the block's text taken out of `self`.
    fn flush_text(&mut self, text: &str) {
        let (chars, link_chars) = (self.chars, self.link_chars);
        self.chars = 0;
        self.link_chars = 0;
        self.pending_space = false;
        // Spans still open go on in the next block.
        let end = text.len();
        for (kind, start) in &mut self.inline {
            if let Some(start) = start.take() {
                self.spans.push(Span {
                    start,
                    end,
                    kind: kind.clone(),
                });
            }
        }
        self.unstarted = self.inline.len();
        let spans = std::mem::take(&mut self.spans);
        let mut shape = std::mem::take(&mut self.shape);
        let figure = self.figure.take();
        let Some((owner, kind)) = self.owner.take() else {
            return;
        };
        let trimmed = if kind == BlockKind::Code {
            text.trim_end().trim_start_matches('\n')
        } else {
            text.trim()
        };
        let image = spans
            .iter()
            .any(|s| matches!(s.kind, SpanKind::Image { .. }));
        if trimmed.is_empty() && !image {
            return;
        }
        if kind != BlockKind::Code {
            let offset = text.len() - text.trim_start().len();
            shape.spans = fit_spans(spans, offset, trimmed);
        }
        let kind = if trimmed.is_empty() {
            BlockKind::Figure
        } else {
            kind
        };
        let removed_chars = chars.saturating_sub(trimmed.chars().count());
        // An image-only block leaves the flag for the caption after it, and
        // a removed block (segmented for the trace only) for the next one.
        let after_image =
            !trimmed.is_empty() && self.region.is_none() && std::mem::take(&mut self.image_seen);
        let block = TextBlock {
            text: TextSpan::default(),
            kind,
            owner: small(owner),
            chars: small(chars - removed_chars),
            link_chars: small(link_chars.min(chars - removed_chars)),
            pruned: self.region.map(|r| r.1),
            after_image,
            figure: figure.and_then(|f| NonZeroU32::new(small(f).saturating_add(1))),
            shape: (shape != Shape::default()).then(|| Box::new(shape)),
        };
        self.blocks.push(trimmed, block);
    }
}

#[cfg(test)]
mod tests;
