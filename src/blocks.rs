//! Segmentation: the pruned DOM becomes a flat list of text blocks.
//!
//! Every block-level element starts and ends a block; inline elements
//! (`a`, `span`, `b`...) flow into the current one. Each block remembers the
//! element that owns it and how much of its text sits inside links.

use crate::article::BlockKind;
use crate::dom::{Document, NodeId, NodeKind, Tag};
use crate::prune::{NEVER_CONTENT, Pruned};

/// One text block of the page, before any decision.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextBlock {
    /// Whitespace-collapsed text (as written inside `<pre>`).
    pub text: String,
    pub kind: BlockKind,
    /// The innermost block-level element holding the text.
    pub owner: NodeId,
    /// Characters of `text`.
    pub chars: usize,
    /// Characters of `text` inside `<a>` elements.
    pub link_chars: usize,
    /// The pruning rule that removed the block's subtree: such blocks are
    /// segmented only for the explanation and always dropped.
    pub pruned: Option<&'static str>,
}

/// Splits the pruned document into blocks, in reading order. With
/// `include_removed`, block-level subtrees removed by pruning (menus,
/// sidebars, comments) are segmented too, their blocks marked with the
/// pruning rule, so the explanation can show them; the other blocks come out
/// exactly the same either way.
pub(crate) fn segment(doc: &Document, pruned: &Pruned, include_removed: bool) -> Vec<TextBlock> {
    let mut seg = Segmenter::default();
    let mut id = 0;
    while id < doc.nodes.len() {
        seg.close_until(id);
        let Some(node) = doc.nodes.get(id) else { break };
        let removed = pruned
            .removed
            .get(id)
            .copied()
            .unwrap_or(Some(NEVER_CONTENT));
        if let Some(reason) = removed {
            let block_root = matches!(&node.kind, NodeKind::Element(el) if el.tag.is_block());
            let traced = seg.region.is_some() || (include_removed && block_root);
            if reason == NEVER_CONTENT || !traced {
                id = node.end.max(id + 1);
                continue;
            }
            if seg.region.is_none() {
                seg.flush();
                seg.region = Some((node.end, reason));
            }
        }
        match &node.kind {
            NodeKind::Element(el) => seg.open(id, el.tag, node.end),
            NodeKind::Text(text) => seg.text(text),
        }
        id += 1;
    }
    seg.close_until(usize::MAX);
    seg.flush();
    seg.blocks
}

/// An element still open during the walk.
#[derive(Debug, Clone, Copy)]
struct Open {
    id: NodeId,
    tag: Tag,
    end: NodeId,
}

#[derive(Debug, Default)]
struct Segmenter {
    blocks: Vec<TextBlock>,
    open: Vec<Open>,
    /// How many `a` / `pre` / `blockquote` are open.
    links: usize,
    pre: usize,
    quotes: usize,
    text: String,
    chars: usize,
    link_chars: usize,
    owner: Option<(NodeId, BlockKind)>,
    pending_space: bool,
    /// The removed subtree being segmented for the trace: (end, rule).
    region: Option<(NodeId, &'static str)>,
}

impl Segmenter {
    fn open(&mut self, id: NodeId, tag: Tag, end: NodeId) {
        match tag {
            Tag::Br => {
                self.push_char('\n', false);
                self.pending_space = false;
                return;
            }
            Tag::A => self.links += 1,
            Tag::Pre => self.pre += 1,
            Tag::Blockquote => self.quotes += 1,
            _ => {}
        }
        if tag.is_block() {
            self.flush();
        }
        self.open.push(Open { id, tag, end });
    }

    /// Closes every open element whose subtree ends at or before `id`.
    fn close_until(&mut self, id: NodeId) {
        while let Some(top) = self.open.last().copied() {
            if top.end > id {
                break;
            }
            self.open.pop();
            match top.tag {
                Tag::A => self.links = self.links.saturating_sub(1),
                Tag::Pre => self.pre = self.pre.saturating_sub(1),
                Tag::Blockquote => self.quotes = self.quotes.saturating_sub(1),
                _ => {}
            }
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
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.text.is_empty() && !self.text.ends_with(['\n', ' '])
                {
                    // A space before a link is not link text.
                    self.push_char(' ', false);
                }
                self.pending_space = false;
                self.push_char(c, in_link);
            }
        }
    }

    fn push_char(&mut self, c: char, in_link: bool) {
        if self.owner.is_none() {
            if c.is_whitespace() && self.pre == 0 {
                return;
            }
            self.owner = Some(self.current_owner());
        }
        self.text.push(c);
        self.chars += 1;
        if in_link {
            self.link_chars += 1;
        }
    }

    /// The innermost open block element and the kind of block it makes.
    fn current_owner(&self) -> (NodeId, BlockKind) {
        let owner = self.open.iter().rev().find(|o| o.tag.is_block());
        let (id, tag) = owner.map_or((0, Tag::Other), |o| (o.id, o.tag));
        let in_caption = self
            .open
            .iter()
            .any(|o| matches!(o.tag, Tag::Figcaption | Tag::Caption));
        let kind = if self.pre > 0 {
            BlockKind::Code
        } else if let Tag::H(level) = tag {
            BlockKind::Heading(level)
        } else if in_caption {
            BlockKind::Caption
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

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let (chars, link_chars) = (self.chars, self.link_chars);
        self.chars = 0;
        self.link_chars = 0;
        self.pending_space = false;
        let Some((owner, kind)) = self.owner.take() else {
            return;
        };
        let trimmed = if kind == BlockKind::Code {
            text.trim_end().trim_start_matches('\n')
        } else {
            text.trim()
        };
        if trimmed.is_empty() {
            return;
        }
        let removed_chars = chars.saturating_sub(trimmed.chars().count());
        self.blocks.push(TextBlock {
            text: trimmed.to_string(),
            kind,
            owner,
            chars: chars - removed_chars,
            link_chars: link_chars.min(chars - removed_chars),
            pruned: self.region.map(|r| r.1),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::patterns::{LADDER, Patterns};

    fn blocks(html: &str) -> Vec<TextBlock> {
        let doc = Document::parse(html, &Options::new()).unwrap();
        segment(
            &doc,
            &crate::prune::prune(&doc, &Patterns::shared(), LADDER[0]),
            false,
        )
    }

    #[test]
    fn block_elements_split_and_inline_elements_flow() {
        let b = blocks("<div>Intro <b>bold</b> text<p>A <a href='#'>link</a> here</p>tail</div>");
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Intro bold text", "A link here", "tail"]);
        assert_eq!(b[1].link_chars, 4);
        assert_eq!(b[1].chars, 11);
        assert_eq!(b[0].owner, b[2].owner);
    }

    #[test]
    fn kinds_follow_the_owning_element() {
        let b = blocks(
            "<h2>Head</h2><ul><li>item</li></ul><blockquote><p>q</p></blockquote><pre>  a\n    b</pre><table><tr><td>c</td></tr></table>",
        );
        let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(2),
                BlockKind::ListItem,
                BlockKind::Quote,
                BlockKind::Code,
                BlockKind::TableRow
            ]
        );
        assert_eq!(b[3].text, "  a\n    b");
    }

    #[test]
    fn removed_subtrees_are_segmented_only_for_the_trace() {
        let html = "<p>story one</p><div class='sidebar'><p>side</p><script>x()</script></div><p>story <span class='share'>s</span>two</p>";
        let doc = Document::parse(html, &Options::new()).unwrap();
        let pruned = crate::prune::prune(&doc, &Patterns::shared(), LADDER[0]);
        let plain = segment(&doc, &pruned, false);
        let traced = segment(&doc, &pruned, true);
        let kept: Vec<_> = traced
            .iter()
            .filter(|b| b.pruned.is_none())
            .cloned()
            .collect();
        assert_eq!(plain, kept);
        let side: Vec<_> = traced
            .iter()
            .filter(|b| b.pruned.is_some())
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(side, ["side"]);
    }

    #[test]
    fn br_is_a_line_break_inside_a_block() {
        let b = blocks("<p>one<br>two</p>");
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].text, "one\ntwo");
    }
}
