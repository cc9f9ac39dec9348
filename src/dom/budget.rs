//! html5ever parsing under a node budget.
//!
//! The HTML tree builder can create far more nodes than the input has tags:
//! formatting elements (`<b>`, `<font>`...) left open when a paragraph
//! closes are re-opened ("reconstructed") before the next text, so a page
//! of 1,000 open `<font>` tags followed by `</p><p>x` repeated makes 1,000
//! elements per 9 bytes of input (56 KB gave 5 million nodes; 64 MB would
//! exhaust any machine's memory before [`crate::Options::max_nodes`] could
//! be checked on the finished tree). So the page is fed to the parser in
//! slices, a counting sink tallies the nodes the tree builder creates, and
//! parsing stops with [`Error::TooManyNodes`] as soon as the tally passes
//! the limit. The overshoot is bounded by one slice's worth of nodes.

use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

use crate::error::{Error, Result};
use crate::options::Deadline;

/// Bytes fed to the parser between two checks of the node tally. Small
/// enough that the worst amplification (about one node per byte per open
/// formatting element, with at most a few thousand of them after the
/// nesting cap) stays far below the memory of a machine, large enough that
/// the checks cost nothing measurable.
const SLICE_BYTES: usize = 4096;

/// Parses `html` as a document; fails past `deadline`, or once the tree builder has created
/// more than `max_nodes` elements, comments and processing instructions.
/// (Text nodes are not counted here: adjacent text merges, so there are at
/// most about twice as many as other nodes. The exact limit, text included,
/// is checked on the arena.)
pub(super) fn parse_document(html: &str, max_nodes: usize, deadline: &Deadline) -> Result<Html> {
    let created = Rc::new(Cell::new(0usize));
    let sink = Counting {
        inner: HtmlTreeSink::new(Html::new_document()),
        created: Rc::clone(&created),
    };
    // Scripting off, as a crawler is: a `<noscript>` holds markup, parsed
    // into elements (many sites put the whole story there for clients
    // without JavaScript), not one opaque text node.
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut parser = html5ever::driver::parse_document(sink, opts);
    let mut start = 0usize;
    while start < html.len() {
        let mut end = start.saturating_add(SLICE_BYTES).min(html.len());
        while !html.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(
            html.get(start..end).unwrap_or_default(),
        ));
        if created.get() > max_nodes {
            return Err(Error::TooManyNodes { limit: max_nodes });
        }
        deadline.check()?;
        start = end;
    }
    Ok(parser.finish())
}

/// scraper's tree sink, counting the nodes it is asked to create.
struct Counting {
    inner: HtmlTreeSink,
    created: Rc<Cell<usize>>,
}

impl Counting {
    fn count(&self) {
        self.created.set(self.created.get().saturating_add(1));
    }
}

impl TreeSink for Counting {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a>
        = <HtmlTreeSink as TreeSink>::ElemName<'a>
    where
        Self: 'a;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.count();
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.count();
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.count();
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child);
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }
    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }
    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes);
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }
    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number);
    }
    fn allow_declarative_shadow_roots(&self, intended_parent: &NodeId) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }
    fn attach_declarative_shadow(
        &self,
        location: &NodeId,
        template: &NodeId,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }
    fn maybe_clone_an_option_into_selectedcontent(&self, option: &NodeId) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    #[test]
    fn same_tree_as_a_one_shot_parse() {
        // Slices cut inside tags, entities, CRLF pairs and multi-byte
        // characters must not change the tree.
        let mut page = String::from("<!DOCTYPE html><html><head><title>T</title></head><body>");
        for i in 0..2_000 {
            page.push_str(&format!(
                "<p class=\"c{i}\">Zürich &amp; 北京\r\n<b>bold <i>both</b> it</i> &#x1F4DA; end</p><!-- c -->"
            ));
        }
        let sliced =
            parse_document(&page, usize::MAX, &Options::new().deadline()).expect("no limit");
        let whole = Html::parse_document(&page);
        assert_eq!(sliced.html(), whole.html());
    }

    #[test]
    fn amplification_stops_at_the_limit() {
        // 1,000 open formatting elements re-opened by every paragraph.
        let mut page = String::from("<p>");
        for i in 0..1_000 {
            page.push_str(&format!("<font color={i}>"));
        }
        page.push_str(&"</p><p>x".repeat(100_000));
        assert_eq!(
            parse_document(&page, 100_000, &Options::new().deadline()).map(|_| ()),
            Err(Error::TooManyNodes { limit: 100_000 })
        );
    }
}
