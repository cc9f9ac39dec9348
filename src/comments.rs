//! Reader comments ([`crate::Options::comments`]): the page's comment
//! section, found by the class/id hints that prune it from the story on the
//! strict rung (`patterns.unlikely`: `comments`, `comment-list`,
//! `disqus-thread`...), segmented on its own into
//! [`crate::Article::comments`] and kept out of the story on every rung.

use std::ops::Range;

use crate::article::Block;
use crate::blocks;
use crate::dom::{Document, NodeId, NodeKind, Tag};
use crate::explain::Rule;
use crate::features;
use crate::options::{Deadline, Options};
use crate::patterns::{self as p, LADDER, Patterns};
use crate::prune::{self, Pruned};
use crate::structure;

/// The page's comment sections, outermost first and in page order: the
/// elements whose class or id names comments (a token with `comment`,
/// `comments` or `disqus` as a dash-separated word, and no word of
/// [`p::COMMENT_NOT_SECTION_WORDS`]) and that the strict rung prunes, but not
/// `html`, `body` or `main`, nor an element that holds the headline (`h1`)
/// or the page's `articleBody`. Empty unless `options` asks for comments.
pub(crate) fn sections(
    doc: &Document,
    patterns: &Patterns,
    options: &Options,
) -> Vec<Range<NodeId>> {
    let mut out = Vec::new();
    if !options.get_comments() {
        return out;
    }
    let story = holds_story(doc);
    let mut id = 0;
    while let Some(node) = doc.nodes.get(id) {
        let end = node.end().max(id + 1);
        if let NodeKind::Element(el) = &node.kind {
            let candidate = !matches!(el.tag, Tag::Html | Tag::Body | Tag::Main)
                && !el.article_body()
                && names_section(doc.hints(el))
                && patterns.unlikely.is_match(doc.hints(el));
            if candidate && !story.get(id).copied().unwrap_or(true) {
                out.push(id..end);
                id = end;
                continue;
            }
        }
        id += 1;
    }
    out
}

fn names_section(hints: &str) -> bool {
    hints.split_whitespace().any(|token| {
        let mut words = token.split('-');
        let named = words.clone().any(|w| {
            p::COMMENT_SECTION_WORDS.contains(&w) || w.starts_with(p::COMMENT_SECTION_PREFIX)
        });
        named && !words.any(|w| p::COMMENT_NOT_SECTION_WORDS.contains(&w))
    })
}

/// For every node, whether its subtree holds the story's headline (`h1`)
/// or body (`articleBody`): one pass, children before their parents.
fn holds_story(doc: &Document) -> Vec<bool> {
    let mut story: Vec<bool> = (0..doc.nodes.len())
        .map(|id| {
            doc.element(id)
                .is_some_and(|e| e.tag == Tag::H(1) || e.article_body())
        })
        .collect();
    for id in (0..doc.nodes.len()).rev() {
        if story.get(id).copied().unwrap_or(false) {
            if let Some(parent) = doc.parent(id).and_then(|p| story.get_mut(p)) {
                *parent = true;
            }
        }
    }
    story
}

/// Marks the comment sections as removed, so no rung puts them in the story.
pub(crate) fn exclude(pruned: &mut Pruned, sections: &[Range<NodeId>]) {
    for range in sections {
        for slot in pruned.removed.get_mut(range.clone()).into_iter().flatten() {
            if slot.is_none() {
                *slot = Some(Rule::CommentSection);
            }
        }
    }
}

/// The blocks of the comment sections: what is never content (scripts,
/// hidden nodes, forms) left out, and link lists ("Reply", "Report") and
/// furniture phrases ("Leave a reply", "3 comments") dropped.
pub(crate) fn extract(
    doc: &Document,
    patterns: &Patterns,
    options: &Options,
    sections: &[Range<NodeId>],
    deadline: &Deadline,
) -> Vec<Block> {
    if sections.is_empty() {
        return Vec::new();
    }
    // The most lenient rung: no class-based removal, as the section's own
    // classes all name comments.
    let Some(&pass) = LADDER.last() else {
        return Vec::new();
    };
    let mut pruned = prune::prune_within(doc, patterns, pass, deadline);
    for (id, node) in doc.nodes.iter().enumerate() {
        if doc.tag(id) == Tag::Form {
            let form = pruned.removed.get_mut(id..node.end()).into_iter().flatten();
            for slot in form {
                slot.get_or_insert(Rule::NeverContent);
            }
        }
    }
    let wants = structure::wants(options);
    let mut lower = String::new();
    let mut kept = blocks::Blocks::default();
    for range in sections {
        let section =
            blocks::segment_with(doc, &pruned, false, wants, range.clone(), false, deadline);
        let (list, texts) = section.into_parts();
        for b in list {
            let text = texts.get(&b);
            let f = features::text_features(text, patterns, &mut lower);
            let links = b.link_chars as f32 > b.chars as f32 * p::MAX_LINK_DENSITY;
            if !links && !f.boilerplate_phrase {
                kept.push(text, b);
            }
        }
    }
    structure::Context {
        doc,
        options,
        deadline,
    }
    .build(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_names() {
        assert!(names_section("comments comments-area"));
        assert!(names_section("comment-list"));
        assert!(names_section("disqus-thread"));
        assert!(!names_section("comments-link"));
        assert!(!names_section("post comments-open"));
        assert!(!names_section("commentary-box")); // a column, not comments
    }

    #[test]
    fn comments_are_apart_from_the_story() {
        let html = "<article><h1>Headline</h1><p>The story has a paragraph that is long enough to be kept, with words.</p>\
            <p>And a second paragraph that is long enough to be kept as part of the story.</p></article>\
            <div id='comments'><h3>2 Comments</h3><ol class='comment-list'>\
            <li><p>First comment, saying that the story was a good read on a Sunday.</p><a href='#r'>Reply</a></li>\
            <li><p>Second comment, disagreeing with the first one about the story.</p></li></ol>\
            <form><p>Your email address will not be published.</p></form></div>";
        let on = crate::Cleaner::new(Options::new().comments(true))
            .clean_html(html)
            .unwrap();
        let texts: Vec<_> = on.comments.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "First comment, saying that the story was a good read on a Sunday.",
                "Second comment, disagreeing with the first one about the story."
            ]
        );
        assert!(!on.text().contains("comment"));
        let off = crate::clean_article(html).unwrap();
        assert!(off.comments.is_empty());
        assert_eq!(off.text(), on.text());
    }
}
