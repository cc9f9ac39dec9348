//! Parsing, and the page as a flat arena of nodes.
//!
//! The only module that names parser types: `scraper` (html5ever) parses
//! once, then the tree is copied into [`Document`], a `Vec` of nodes in
//! document (pre-)order. Every later stage walks it by index, never by
//! recursion, so 100,000-deep pages cannot overflow the stack. Elements
//! nested deeper than [`crate::Options::max_depth`] are flattened into their
//! ancestor at that depth.

mod budget;

use crate::error::{Error, Result};
use crate::options::Options;
use crate::patterns as p;
use ego_tree::iter::Edge;
use scraper::Node as ParsedNode;

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
    /// `thead`: its rows are header rows.
    Thead,
    // inline
    A,
    /// `b`, `strong`.
    Strong,
    /// `i`, `em`.
    Em,
    /// `code`, `kbd`, `samp`, `tt`.
    Code,
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
            "thead" => Tag::Thead,
            "tbody" | "tfoot" => Tag::TableSection,
            "a" => Tag::A,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "img" => Tag::Img,
            "b" | "strong" => Tag::Strong,
            "i" | "em" => Tag::Em,
            "code" | "kbd" | "samp" | "tt" => Tag::Code,
            _ => Tag::Other,
        }
    }

    /// Tags that start and end a text block (the rest flow inline).
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::A
                | Tag::Br
                | Tag::Img
                | Tag::Other
                | Tag::Label
                | Tag::Title
                | Tag::Strong
                | Tag::Em
                | Tag::Code
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
    /// The attributes the story's structure reads, for the few elements
    /// that have them (`None` for the rest): see [`Extra`].
    pub extra: Option<Box<Extra>>,
}

/// Attributes read for the story's structure (`crate::structure`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Extra {
    /// `href` of `a`, as written; read only with [`Options::links`].
    pub href: Option<String>,
    /// The URL of an `img`: `src`, or a lazy-loading attribute (`data-src`,
    /// `data-original`, `data-lazy-src`) when `src` is missing or a `data:`
    /// placeholder; read only with [`Options::images`].
    pub src: Option<String>,
    /// `alt` of `img`; read only with [`Options::images`].
    pub alt: Option<String>,
    /// `start` of `ol`, `value` of `li`.
    pub number: Option<i64>,
    /// `table`: has a `summary` (a data table, says Readability).
    pub summary: bool,
    /// `table`: `datatable="0"` (a layout table by the page's own word).
    pub layout: bool,
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
    /// `<meta>` tags as (key, content): one entry per name in `property`,
    /// `name`, `itemprop` and `http-equiv` (space-separated lists are
    /// split), lower case.
    pub meta: Vec<(String, String)>,
    /// What the metadata stage reads besides `<meta>`, gathered in this
    /// one parse (before pruning drops scripts and links).
    pub page: PageInfo,
}

/// Metadata sources gathered while parsing, for `crate::metadata`.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageInfo {
    /// `lang` (or `xml:lang`) of `<html>`, as written.
    pub lang: Option<String>,
    /// `href` of the first `<base>`, as written.
    pub base_href: Option<String>,
    /// `<link>` and `<a>` elements that have a `rel`, in document order.
    pub links: Vec<Link>,
    /// The text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// Elements with `itemprop` or `itemscope` (microdata), in document order.
    pub items: Vec<Item>,
    /// `<time>` elements, in document order.
    pub times: Vec<TimeTag>,
}

/// A `<link>` or `<a>` with a `rel`.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    /// The element (or its nearest kept ancestor when nesting was capped).
    pub node: Option<NodeId>,
    /// The `rel` tokens, lower case, space separated.
    pub rel: String,
    pub href: String,
    /// True for `<link>`, false for `<a>`.
    pub is_link: bool,
}

/// A microdata element: `itemprop`, `itemscope` or both.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub node: Option<NodeId>,
    /// The `itemprop` names, lower case, space separated (empty when absent).
    pub props: String,
    /// The `itemtype`, when the element has `itemscope`.
    pub scope_type: Option<String>,
    /// Whether the element opens an item (`itemscope`).
    pub is_scope: bool,
    /// The value carried by an attribute: (`content`, `datetime`, `href`,
    /// `src` or `value`, the first present; its value). `None` means the
    /// text content is the value.
    pub attr_value: Option<(&'static str, String)>,
    /// Index in [`PageInfo::items`] of the nearest enclosing `itemscope`.
    pub parent_scope: Option<usize>,
}

/// A `<time>` element.
#[derive(Debug, Clone)]
pub(crate) struct TimeTag {
    pub node: Option<NodeId>,
    pub datetime: Option<String>,
    /// The obsolete `pubdate` attribute: "this is the publication date".
    pub pubdate: bool,
}

impl Document {
    /// Parses HTML into the arena, enforcing the node and depth limits.
    pub(crate) fn parse(html: &str, options: &Options) -> Result<Document> {
        // html5ever's tree builder is quadratic in nesting depth (it scans
        // the stack of open elements per tag): cap the depth before parsing.
        let limited = limit_nesting(
            html,
            options
                .get_max_depth()
                .saturating_mul(p::PARSE_DEPTH_FACTOR),
        );
        let parsed = budget::parse_document(&limited, options.get_max_nodes())?;
        let mut doc = Document::default();
        // The arena holds at most one node per parsed node (fewer when
        // nesting is flattened): one allocation instead of a dozen regrowths.
        doc.nodes.reserve(parsed.tree.nodes().len());
        let max_nodes = options.get_max_nodes();
        let max_depth = options.get_max_depth().max(1);
        // Open elements: (arena id or None when flattened away).
        let mut open: Vec<Option<NodeId>> = Vec::new();
        let mut parent: Vec<NodeId> = Vec::new();
        let mut in_title = false;
        let mut in_json_ld = false;
        // Open `itemscope` elements: (depth in `open`, index in items).
        let mut scopes: Vec<(usize, usize)> = Vec::new();
        for edge in parsed.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    ParsedNode::Element(el) => {
                        let name = el.name();
                        if name == "meta" {
                            doc.push_meta(el);
                        }
                        in_title = name == "title";
                        in_json_ld = name == "script" && is_json_ld(el);
                        if in_json_ld {
                            doc.page.json_ld.push(String::new());
                        }
                        let kept = open.len() < max_depth;
                        let id = if kept {
                            let id = doc.push(
                                parent.last().copied(),
                                NodeKind::Element(element(el, options)),
                            );
                            if doc.nodes.len() > max_nodes {
                                return Err(Error::TooManyNodes { limit: max_nodes });
                            }
                            Some(id)
                        } else {
                            parent.last().copied()
                        };
                        let scope = scopes.last().map(|s| s.1);
                        if let Some(item) = doc.page.collect(el, id, scope) {
                            scopes.push((open.len(), item));
                        }
                        if !kept {
                            open.push(None);
                            continue;
                        }
                        open.push(id);
                        if let Some(id) = id {
                            parent.push(id);
                        }
                    }
                    ParsedNode::Text(text) => {
                        if in_title && doc.title.is_none() {
                            doc.title = Some(text.to_string());
                        }
                        if in_json_ld {
                            if let Some(script) = doc.page.json_ld.last_mut() {
                                script.push_str(text);
                            }
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
                        in_json_ld = false;
                        let popped = open.pop();
                        if scopes.last().is_some_and(|s| s.0 == open.len()) {
                            scopes.pop();
                        }
                        if let Some(Some(id)) = popped {
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
        let Some(content) = attr(el, "content") else {
            return;
        };
        for name in ["property", "name", "itemprop", "http-equiv"] {
            for key in attr(el, name).unwrap_or("").split_whitespace() {
                self.meta
                    .push((key.to_ascii_lowercase(), content.to_string()));
            }
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
}

impl PageInfo {
    /// Records what metadata needs from one element; returns the index of
    /// its [`Item`] when it opens a microdata scope.
    fn collect(
        &mut self,
        el: &scraper::node::Element,
        node: Option<NodeId>,
        scope: Option<usize>,
    ) -> Option<usize> {
        let owned = |v: &str| v.trim().to_string();
        match el.name() {
            "html" if self.lang.is_none() => {
                self.lang = attr(el, "lang").or_else(|| attr(el, "xml:lang")).map(owned);
            }
            "base" if self.base_href.is_none() => {
                self.base_href = attr(el, "href").map(owned);
            }
            "link" | "a" => {
                if let (Some(rel), Some(href)) = (attr(el, "rel"), attr(el, "href")) {
                    self.links.push(Link {
                        node,
                        rel: rel.to_ascii_lowercase(),
                        href: owned(href),
                        is_link: el.name() == "link",
                    });
                }
            }
            "time" => self.times.push(TimeTag {
                node,
                datetime: attr(el, "datetime").map(owned),
                pubdate: attr(el, "pubdate").is_some(),
            }),
            _ => {}
        }
        let props = attr(el, "itemprop");
        let is_scope = attr(el, "itemscope").is_some();
        if props.is_none() && !is_scope {
            return None;
        }
        let attr_value = ["content", "datetime", "href", "src", "value"]
            .into_iter()
            .find_map(|a| attr(el, a).map(|v| (a, owned(v))));
        self.items.push(Item {
            node,
            props: props.unwrap_or("").to_ascii_lowercase(),
            scope_type: is_scope.then(|| owned(attr(el, "itemtype").unwrap_or(""))),
            is_scope,
            attr_value,
            parent_scope: scope,
        });
        is_scope.then(|| self.items.len() - 1)
    }
}

/// `<script type="application/ld+json">` (type compared without case and
/// parameters).
fn is_json_ld(el: &scraper::node::Element) -> bool {
    attr(el, "type").is_some_and(|t| {
        t.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .eq_ignore_ascii_case("application/ld+json")
    })
}

/// Drops start and end tags nested deeper than `limit` by a linear scan of
/// the tags (a depth estimate: end tags are not matched by name). Text is
/// kept. Returns the input unchanged, without copying, when nothing is that
/// deep, which is every real page. The scan works on bytes, finds `<` and
/// `>` with `memchr` and allocates nothing per tag: it reads every byte of
/// every page, so it must cost little next to the parse.
fn limit_nesting(html: &str, limit: usize) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let (mut depth, mut pos, mut kept_until) = (0usize, 0usize, 0usize);
    let mut out: Option<String> = None;
    let mut next_gt = 0usize;
    while let Some(off) = bytes.get(pos..).and_then(|b| memchr::memchr(b'<', b)) {
        let start = pos + off;
        if next_gt <= start {
            // The next '>' after this '<', searched once per region so a page
            // of '<' without '>' stays linear.
            match bytes.get(start..).and_then(|b| memchr::memchr(b'>', b)) {
                Some(gt) => next_gt = start + gt,
                None => break,
            }
        }
        let Some(tag) = scan_tag(bytes, start, next_gt) else {
            pos = start + 1;
            continue;
        };
        pos = tag.end;
        let counts = !tag.self_closing && !is_one_of(tag.name, p::NON_NESTING);
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
        if !tag.closing && is_one_of(tag.name, p::RAW_TEXT) {
            pos = skip_raw_text(bytes, pos, tag.name);
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

/// Whether the tag name is one of `names` (ASCII case-insensitive).
fn is_one_of(name: &[u8], names: &[&str]) -> bool {
    names
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

struct ScannedTag<'a> {
    /// The tag name as written (empty for comments and doctypes).
    name: &'a [u8],
    closing: bool,
    self_closing: bool,
    /// Byte offset just past the tag (or past a comment).
    end: usize,
}

/// Reads the tag starting at `start` (`<`); comments and doctypes come back
/// as self-closing tags so they do not count.
fn scan_tag(bytes: &[u8], start: usize, gt: usize) -> Option<ScannedTag<'_>> {
    let rest = bytes.get(start..)?;
    if rest.starts_with(b"<!--") {
        let end = memchr::memmem::find(rest, b"-->").map_or(bytes.len(), |e| start + e + 3);
        return Some(ScannedTag {
            name: &[],
            closing: false,
            self_closing: true,
            end,
        });
    }
    let (closing, name_start) = if rest.starts_with(b"</") {
        (true, 2)
    } else {
        (false, 1)
    };
    let after = rest.get(name_start..)?;
    let len = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
        .count();
    let name = after.get(..len)?;
    if name.is_empty() && !rest.starts_with(b"<!") {
        return None;
    }
    let close = gt.checked_sub(start)?;
    let self_closing = name.is_empty()
        || close
            .checked_sub(1)
            .and_then(|last| rest.get(last))
            .is_some_and(|&c| c == b'/');
    Some(ScannedTag {
        name,
        closing,
        self_closing,
        end: start + close + 1,
    })
}

/// Skips the content of a raw-text element up to its end tag (`</name`,
/// any case).
fn skip_raw_text(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let rest = bytes.get(from..).unwrap_or(&[]);
    let mut at = 0usize;
    while let Some(off) = rest.get(at..).and_then(|r| memchr::memchr(b'<', r)) {
        let lt = at + off;
        let end_tag = rest
            .get(lt + 1..lt + 2 + name.len())
            .and_then(<[u8]>::split_first);
        if matches!(end_tag, Some((b'/', tag)) if tag.eq_ignore_ascii_case(name)) {
            return from + lt;
        }
        at = lt + 1;
    }
    bytes.len()
}

/// The value of attribute `name` of `el` (no namespace, as
/// `scraper::node::Element::attr` reads it), by a scan of the element's few
/// attributes: `Element::attr` interns `name` as an atom (a hash) on every
/// call, which cost more than the rest of this arena copy.
fn attr<'a>(el: &'a scraper::node::Element, name: &str) -> Option<&'a str> {
    el.attrs.iter().find_map(|(key, value)| {
        (key.prefix.is_none() && key.ns == html5ever::ns!() && &*key.local == name)
            .then_some(&**value)
    })
}

fn element(el: &scraper::node::Element, options: &Options) -> Element {
    let mut hints = String::new();
    for key in ["class", "id"] {
        if let Some(v) = attr(el, key) {
            if !hints.is_empty() {
                hints.push(' ');
            }
            if v.is_ascii() {
                // Bytes are characters: no UTF-8 decoding (most class names).
                let v = v.get(..p::MAX_HINT_CHARS).unwrap_or(v);
                hints.reserve(v.len());
                hints.extend(v.bytes().map(|b| match b {
                    b'_' => '-',
                    b => char::from(b.to_ascii_lowercase()),
                }));
            } else {
                hints.extend(v.chars().take(p::MAX_HINT_CHARS).map(|c| match c {
                    '_' => '-',
                    c => c.to_ascii_lowercase(),
                }));
            }
        }
    }
    let style = attr(el, "style").unwrap_or("");
    let hidden = attr(el, "hidden").is_some()
        || attr(el, "aria-hidden") == Some("true")
        || style_hides(style);
    let tag = Tag::from_name(el.name());
    Element {
        tag,
        extra: extra(el, tag, options),
        hints,
        hidden,
        role: attr(el, "role").unwrap_or("").to_ascii_lowercase(),
        article_body: attr(el, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articlebody")),
    }
}

/// The structure's attributes of `el` ([`Extra`]), when it has any: only
/// `a`, `img`, `ol`, `li` and `table` do, and strings are copied only for
/// the options that use them.
fn extra(el: &scraper::node::Element, tag: Tag, options: &Options) -> Option<Box<Extra>> {
    let owned = |v: &str| v.trim().to_string();
    let number = |name: &str| attr(el, name).and_then(|v| v.trim().parse::<i64>().ok());
    let extra = match tag {
        Tag::A if options.get_links() => Extra {
            href: attr(el, "href").map(owned),
            ..Extra::default()
        },
        Tag::Img if options.get_images() => {
            let src = attr(el, "src").map(str::trim).filter(|s| {
                !s.is_empty()
                    && !s
                        .get(..5)
                        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("data:"))
            });
            let lazy = p::LAZY_SRC_ATTRS
                .iter()
                .find_map(|name| attr(el, name).map(str::trim).filter(|s| !s.is_empty()));
            Extra {
                src: src.or(lazy).map(str::to_string),
                alt: attr(el, "alt").map(owned),
                ..Extra::default()
            }
        }
        Tag::Ol => Extra {
            number: number("start"),
            ..Extra::default()
        },
        Tag::Li => Extra {
            number: number("value"),
            ..Extra::default()
        },
        Tag::Table => Extra {
            summary: attr(el, "summary").is_some(),
            layout: attr(el, "datatable") == Some("0"),
            ..Extra::default()
        },
        _ => return None,
    };
    (extra != Extra::default()).then(|| Box::new(extra))
}

fn style_hides(style: &str) -> bool {
    if style.len() > p::MAX_STYLE_BYTES || !style.contains(':') {
        return false;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    p::HIDING_STYLES.iter().any(|s| compact.contains(s))
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
