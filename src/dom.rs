//! Parsing, and the page as a flat arena of nodes.
//!
//! The only module that names parser types: `scraper` (html5ever) parses
//! once, then the tree is copied into [`Document`], a `Vec` of nodes in
//! document (pre-)order. Every later stage walks it by index, never by
//! recursion, so 100,000-deep pages cannot overflow the stack. Elements
//! nested deeper than [`crate::Options::max_depth`] are flattened into their
//! ancestor at that depth.

use crate::error::{Error, Result};
use crate::options::Options;
use ego_tree::iter::Edge;
use scraper::{Html, Node as ParsedNode};

/// Index of a node in [`Document::nodes`]; parents always have smaller ids
/// than their descendants.
pub(crate) type NodeId = usize;

/// The tags the pipeline treats specially; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Html,
    Head,
    Title,
    Body,
    Meta,
    // never content
    Script,
    Style,
    Noscript,
    Template,
    Svg,
    Math,
    Iframe,
    Object,
    Embed,
    Canvas,
    Form,
    Button,
    Select,
    Textarea,
    Input,
    Label,
    Dialog,
    // page furniture
    Nav,
    Aside,
    Footer,
    Header,
    Menu,
    // containers
    Main,
    Article,
    Section,
    Div,
    Center,
    Figure,
    Figcaption,
    Address,
    Details,
    Summary,
    Fieldset,
    // text blocks
    P,
    H(u8),
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    Caption,
    Tr,
    Td,
    Th,
    TableSection,
    // inline
    A,
    Br,
    Hr,
    Img,
    Other,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "title" => Tag::Title,
            "body" => Tag::Body,
            "meta" => Tag::Meta,
            "script" => Tag::Script,
            "style" => Tag::Style,
            "noscript" => Tag::Noscript,
            "template" => Tag::Template,
            "svg" => Tag::Svg,
            "math" => Tag::Math,
            "iframe" => Tag::Iframe,
            "object" => Tag::Object,
            "embed" => Tag::Embed,
            "canvas" => Tag::Canvas,
            "form" => Tag::Form,
            "button" => Tag::Button,
            "select" => Tag::Select,
            "textarea" => Tag::Textarea,
            "input" => Tag::Input,
            "label" => Tag::Label,
            "dialog" => Tag::Dialog,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "footer" => Tag::Footer,
            "header" => Tag::Header,
            "menu" => Tag::Menu,
            "main" => Tag::Main,
            "article" => Tag::Article,
            "section" => Tag::Section,
            "div" => Tag::Div,
            "center" => Tag::Center,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "address" => Tag::Address,
            "details" => Tag::Details,
            "summary" => Tag::Summary,
            "fieldset" => Tag::Fieldset,
            "p" => Tag::P,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "table" => Tag::Table,
            "caption" => Tag::Caption,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "thead" | "tbody" | "tfoot" => Tag::TableSection,
            "a" => Tag::A,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "img" => Tag::Img,
            _ => Tag::Other,
        }
    }

    /// Tags that start and end a text block (the rest flow inline).
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::A | Tag::Br | Tag::Img | Tag::Other | Tag::Label | Tag::Title
        )
    }
}

/// An element: its tag and the attributes the pipeline reads.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub tag: Tag,
    /// Lower-cased `class` and `id`, `_` folded to `-`, space separated.
    pub hints: String,
    /// `hidden`, `aria-hidden="true"` or an inline `display:none` /
    /// `visibility:hidden` style.
    pub hidden: bool,
    /// The ARIA `role`, lower case (empty when absent).
    pub role: String,
    /// `itemprop` is `articleBody`: the page itself marks the story.
    pub article_body: bool,
}

/// What a node holds.
#[derive(Debug, Clone)]
pub(crate) enum NodeKind {
    Element(Element),
    Text(String),
}

/// One node of the arena.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub parent: Option<NodeId>,
    /// One past the last descendant: the subtree is `id..end`.
    pub end: NodeId,
    pub kind: NodeKind,
}

/// The parsed page: nodes in document order plus what `<head>` said.
#[derive(Debug, Clone, Default)]
pub(crate) struct Document {
    pub nodes: Vec<Node>,
    /// Text of the first `<title>`.
    pub title: Option<String>,
    /// `<meta>` tags as (name or property, content), lower-case names.
    pub meta: Vec<(String, String)>,
}

impl Document {
    /// Parses HTML into the arena, enforcing the node and depth limits.
    pub(crate) fn parse(html: &str, options: &Options) -> Result<Document> {
        // html5ever's tree builder is quadratic in nesting depth (it scans
        // the stack of open elements per tag): cap the depth before parsing.
        let limited = limit_nesting(
            html,
            options.get_max_depth().saturating_mul(PARSE_DEPTH_FACTOR),
        );
        let parsed = Html::parse_document(&limited);
        let mut doc = Document::default();
        let max_nodes = options.get_max_nodes();
        let max_depth = options.get_max_depth().max(1);
        // Open elements: (arena id or None when flattened away).
        let mut open: Vec<Option<NodeId>> = Vec::new();
        let mut parent: Vec<NodeId> = Vec::new();
        let mut in_title = false;
        for edge in parsed.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    ParsedNode::Element(el) => {
                        let name = el.name();
                        if name == "meta" {
                            doc.push_meta(el);
                        }
                        in_title = name == "title";
                        if open.len() >= max_depth {
                            open.push(None);
                            continue;
                        }
                        let id = doc.push(parent.last().copied(), NodeKind::Element(element(el)));
                        if doc.nodes.len() > max_nodes {
                            return Err(Error::TooManyNodes { limit: max_nodes });
                        }
                        open.push(Some(id));
                        parent.push(id);
                    }
                    ParsedNode::Text(text) => {
                        if in_title && doc.title.is_none() {
                            doc.title = Some(text.to_string());
                        }
                        doc.push(parent.last().copied(), NodeKind::Text(text.to_string()));
                        if doc.nodes.len() > max_nodes {
                            return Err(Error::TooManyNodes { limit: max_nodes });
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if let ParsedNode::Element(_) = node.value() {
                        in_title = false;
                        if let Some(Some(id)) = open.pop() {
                            parent.pop();
                            let end = doc.nodes.len();
                            if let Some(n) = doc.nodes.get_mut(id) {
                                n.end = end;
                            }
                        }
                    }
                }
            }
        }
        Ok(doc)
    }

    fn push(&mut self, parent: Option<NodeId>, kind: NodeKind) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent,
            end: id + 1,
            kind,
        });
        id
    }

    fn push_meta(&mut self, el: &scraper::node::Element) {
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, el.attr("content")) {
            self.meta
                .push((key.to_ascii_lowercase(), content.to_string()));
        }
    }

    /// The element at `id`, if that node is one.
    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(NodeKind::Element(el)) => Some(el),
            _ => None,
        }
    }

    /// The tag at `id` (`Other` for text nodes).
    pub(crate) fn tag(&self, id: NodeId) -> Tag {
        self.element(id).map_or(Tag::Other, |e| e.tag)
    }

    /// The parent of `id`.
    pub(crate) fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes.get(id).and_then(|n| n.parent)
    }

    /// The direct children of `id`, in order.
    pub(crate) fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let end = self.nodes.get(id).map_or(id, |n| n.end);
        let mut next = id + 1;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let child = next;
            next = self.nodes.get(child).map_or(end, |n| n.end);
            Some(child)
        })
    }

    /// The first `content` of a `<meta>` whose name or property is `key`.
    pub(crate) fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Start tags deeper than `max_depth` times this are dropped before parsing
/// (the arena flattens at `max_depth` anyway; the margin absorbs unclosed
/// inline tags that the estimate below counts but a browser would close).
const PARSE_DEPTH_FACTOR: usize = 4;

/// Elements that never nest content or that the parser closes implicitly;
/// they do not count towards the nesting estimate.
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody", "tfoot",
    "rt", "rp", "optgroup", "colgroup", "caption",
];

/// Raw-text elements whose content is skipped by the scan.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "iframe",
];

/// Drops start and end tags nested deeper than `limit` by a linear scan of
/// the tags (a depth estimate: end tags are not matched by name). Text is
/// kept. Returns the input unchanged, without copying, when nothing is that
/// deep, which is every real page.
fn limit_nesting(html: &str, limit: usize) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let (mut depth, mut pos, mut kept_until) = (0usize, 0usize, 0usize);
    let mut out: Option<String> = None;
    let mut next_gt = 0usize;
    while let Some(off) = bytes
        .get(pos..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        let start = pos + off;
        if next_gt <= start {
            // The next '>' after this '<', searched once per region so a page
            // of '<' without '>' stays linear.
            match bytes
                .get(start..)
                .and_then(|b| b.iter().position(|&c| c == b'>'))
            {
                Some(gt) => next_gt = start + gt,
                None => break,
            }
        }
        let Some(tag) = scan_tag(html, start, next_gt) else {
            pos = start + 1;
            continue;
        };
        pos = tag.end;
        let counts =
            !tag.self_closing && !NON_NESTING.iter().any(|n| tag.name.eq_ignore_ascii_case(n));
        let too_deep = counts
            && if tag.closing {
                depth > limit
            } else {
                depth >= limit
            };
        if counts {
            depth = if tag.closing {
                depth.saturating_sub(1)
            } else {
                depth + 1
            };
        }
        if too_deep {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(html.get(kept_until..start).unwrap_or(""));
            kept_until = tag.end;
        }
        if !tag.closing && RAW_TEXT.iter().any(|n| tag.name.eq_ignore_ascii_case(n)) {
            pos = skip_raw_text(html, pos, &tag.name);
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(html.get(kept_until..).unwrap_or(""));
            std::borrow::Cow::Owned(buf)
        }
    }
}

struct ScannedTag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// Byte offset just past the tag (or past a comment).
    end: usize,
}

/// Reads the tag starting at `start` (`<`); comments and doctypes come back
/// as self-closing tags so they do not count.
fn scan_tag(html: &str, start: usize, gt: usize) -> Option<ScannedTag> {
    let rest = html.get(start..)?;
    if rest.starts_with("<!--") {
        let end = rest.find("-->").map_or(html.len(), |e| start + e + 3);
        return Some(ScannedTag {
            name: String::new(),
            closing: false,
            self_closing: true,
            end,
        });
    }
    let (closing, name_start) = if rest.starts_with("</") {
        (true, 2)
    } else {
        (false, 1)
    };
    let name: String = rest
        .get(name_start..)?
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if name.is_empty() && !rest.starts_with("<!") {
        return None;
    }
    let close = gt.checked_sub(start)?;
    let self_closing = name.is_empty() || rest.get(..close).is_some_and(|t| t.ends_with('/'));
    Some(ScannedTag {
        name,
        closing,
        self_closing,
        end: start + close + 1,
    })
}

/// Skips the content of a raw-text element up to its end tag.
fn skip_raw_text(html: &str, from: usize, name: &str) -> usize {
    let rest = html.get(from..).unwrap_or("");
    let needle = format!("</{}", name.to_ascii_lowercase());
    let lower_match = rest
        .char_indices()
        .filter(|(_, c)| *c == '<')
        .find(|(i, _)| {
            rest.get(*i..*i + needle.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(&needle))
        });
    lower_match.map_or(html.len(), |(i, _)| from + i)
}

fn element(el: &scraper::node::Element) -> Element {
    let mut hints = String::new();
    for key in ["class", "id"] {
        if let Some(v) = el.attr(key) {
            if !hints.is_empty() {
                hints.push(' ');
            }
            hints.extend(v.chars().take(256).map(|c| match c {
                '_' => '-',
                c => c.to_ascii_lowercase(),
            }));
        }
    }
    let style = el.attr("style").unwrap_or("");
    let hidden =
        el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") || style_hides(style);
    Element {
        tag: Tag::from_name(el.name()),
        hints,
        hidden,
        role: el.attr("role").unwrap_or("").to_ascii_lowercase(),
        article_body: el
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("articlebody")),
    }
}

fn style_hides(style: &str) -> bool {
    if style.len() > 2048 || !style.contains(':') {
        return false;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arena_is_preorder_with_subtree_ends() {
        let doc = Document::parse("<div><p>a<b>b</b></p><p>c</p></div>", &Options::new()).unwrap();
        let div = doc
            .nodes
            .iter()
            .position(|n| matches!(&n.kind, NodeKind::Element(e) if e.tag == Tag::Div))
            .unwrap();
        let kids: Vec<_> = doc.children(div).collect();
        assert_eq!(kids.len(), 2);
        assert!(
            kids.iter()
                .all(|&k| doc.tag(k) == Tag::P && doc.parent(k) == Some(div))
        );
        assert_eq!(doc.nodes[div].end, doc.nodes.len());
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = "<div>".repeat(5000) + "deep text";
        let doc = Document::parse(&html, &Options::new().max_depth(50)).unwrap();
        let elements = doc
            .nodes
            .iter()
            .filter(|n| matches!(n.kind, NodeKind::Element(_)))
            .count();
        // 50 nested levels (html, body, divs) plus the empty head.
        assert!(elements <= 51, "{elements} elements kept");
        assert!(
            doc.nodes
                .iter()
                .any(|n| matches!(&n.kind, NodeKind::Text(t) if t == "deep text"))
        );
    }

    #[test]
    fn nesting_is_capped_before_parsing() {
        let html = "<div>".repeat(100) + "deep" + &"</div>".repeat(100);
        let limited = limit_nesting(&html, 10);
        assert_eq!(limited.matches("<div>").count(), 10);
        assert_eq!(limited.matches("</div>").count(), 10);
        assert!(limited.contains("deep"));
        let page = "<p>a<p>b<script>if (a<b) {}</script><!-- <div> --><div>c</div>";
        assert!(matches!(
            limit_nesting(page, 2),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn node_limit_is_an_error() {
        let html = "<p>x</p>".repeat(100);
        let err = Document::parse(&html, &Options::new().max_nodes(50)).unwrap_err();
        assert_eq!(err, Error::TooManyNodes { limit: 50 });
    }
}
