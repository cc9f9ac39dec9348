//! Class and id tokens that name a section's topic, not its role.

use crate::dom::text::{Spacing, node_text};
use crate::dom::{Document, NodeId, Tag};
use crate::patterns as p;

/// The token of `hints` that spells the heading of element `id` (the
/// element itself when it is a heading, else its first child element when
/// that is one) as documentation generators slug titles: lower case, each
/// run of other characters one `-`. At least
/// [`p::HEADING_SLUG_MIN_WORDS`] words (see there).
pub(super) fn heading_slug<'h>(doc: &Document, id: NodeId, hints: &'h str) -> Option<&'h str> {
    let heading = if matches!(doc.tag(id), Tag::H(_)) {
        id
    } else {
        doc.children(id)
            .find(|&c| doc.element(c).is_some())
            .filter(|&c| matches!(doc.tag(c), Tag::H(_)))?
    };
    let title = node_text(doc, heading, p::HEADING_SLUG_MAX_CHARS, Spacing::Blocks);
    let mut slug = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.split('-').count() < p::HEADING_SLUG_MIN_WORDS {
        return None;
    }
    hints.split_whitespace().find(|&t| t == slug)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    /// The slug token found on the element of class `x-mark`.
    fn slug_on(html: &str) -> Option<String> {
        let doc = Document::parse(html, &Options::new()).unwrap();
        let id = (0..doc.nodes.len())
            .find(|&id| {
                doc.element(id)
                    .is_some_and(|e| doc.hints(e).contains("x-mark"))
            })
            .unwrap();
        let el = doc.element(id).unwrap();
        heading_slug(&doc, id, doc.hints(el)).map(str::to_owned)
    }

    #[test]
    fn a_section_named_after_its_heading_is_found() {
        // docutils: the section's id is its title's slug.
        let html = "<div class='section x-mark' id='sharing-with-a-single-developer'>\
            <h2>Sharing with a single developer¶</h2><p>Text.</p></div>";
        assert_eq!(
            slug_on(html).as_deref(),
            Some("sharing-with-a-single-developer")
        );
        // The id on the heading itself (Markdown renderers).
        let html = "<h2 class='x-mark' id='comments-on-the-new-api'>Comments on the new API</h2>";
        assert_eq!(slug_on(html).as_deref(), Some("comments-on-the-new-api"));
    }

    #[test]
    fn role_names_and_other_headings_are_not_topics() {
        // Too few words: the role name itself.
        let html = "<div class='x-mark' id='related-posts'><h2>Related posts</h2></div>";
        assert_eq!(slug_on(html), None);
        // The id does not spell the heading.
        let html =
            "<div class='x-mark' id='share-bar-top-wide'><h2>Share this story now</h2></div>";
        assert_eq!(slug_on(html), None);
        // The heading is not the first child.
        let html = "<div class='x-mark' id='sharing-with-a-friend'><p>Intro</p>\
            <h2>Sharing with a friend</h2></div>";
        assert_eq!(slug_on(html), None);
    }
}
