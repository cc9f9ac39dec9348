//! What the document itself says, besides its `<meta>` tags: the
//! `<title>`, `<html lang>`, `<link rel=canonical>`, and `rel="category"` /
//! `rel="tag"` links.

use super::Found;
use crate::dom::text::{Spacing, node_text};
use crate::dom::{Document, Link, NodeId, Tag};
use crate::options::Deadline;
use crate::patterns as p;

/// What the document itself says: `<title>`, `<html lang>`, `<link
/// rel=canonical>`, and `rel="category"` / `rel="tag"` links. Past
/// `deadline` it stops early (the caller's check fails the page).
pub(super) fn read(doc: &Document, title_tag: Option<String>, deadline: &Deadline) -> Found {
    fn rel<'a>(doc: &'a Document, name: &'a str) -> impl Iterator<Item = &'a Link> + 'a {
        doc.page
            .links
            .iter()
            .filter(move |l| l.rel.split_whitespace().any(|r| r == name))
    }
    let canonical = rel(doc, "canonical")
        .find(|l| l.is_link && !l.href.is_empty())
        .map(|l| l.href.clone());
    let texts = |name: &str, exclude: Option<&str>| {
        let mut out: Vec<String> = Vec::new();
        for (i, link) in rel(doc, name).enumerate() {
            if out.len() >= p::MAX_LINKED_TERMS || deadline.passed_at(i) {
                break;
            }
            if link.is_link || exclude.is_some_and(|x| link.rel.split_whitespace().any(|r| r == x))
            {
                continue;
            }
            let Some(node) = link.node else { continue };
            if in_site_navigation(doc, node) {
                continue;
            }
            let text = node_text(doc, node, p::LINKED_TERM_CHARS, Spacing::Blocks);
            if !text.is_empty()
                && !out.iter().any(|o| o.eq_ignore_ascii_case(&text))
                && out.len() < p::MAX_LINKED_TERMS
            {
                out.push(text);
            }
        }
        out
    };
    Found {
        title: title_tag,
        language: doc.page.lang.clone(),
        url: canonical,
        categories: texts("category", None),
        tags: texts("tag", Some("category")),
        ..Found::default()
    }
}

/// Category and tag links in navigation or sidebars list the site's
/// categories, not the story's.
fn in_site_navigation(doc: &Document, node: NodeId) -> bool {
    let mut cur = Some(node);
    while let Some(n) = cur {
        if matches!(doc.tag(n), Tag::Nav | Tag::Aside | Tag::Footer | Tag::Menu) {
            return true;
        }
        cur = doc.parent(n);
    }
    false
}
