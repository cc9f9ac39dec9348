//! Nodes that are never content: scripts, forms, navigation, hidden nodes,
//! and (on the strict rung of the ladder) boilerplate-named subtrees.
//! Also the class/id hint of every element, used by `locate` and `classify`.

use crate::dom::{Document, NodeKind, Tag};
use crate::explain::Rule;
use crate::patterns::{self as p, Pass, Patterns};

/// What pruning decided, one entry per node of the [`Document`].
#[derive(Debug, Clone)]
pub(crate) struct Pruned {
    /// Why the node (with its subtree) is out of the story, if it is: one
    /// of [`Rule::NeverContent`], [`Rule::Hidden`], [`Rule::Furniture`],
    /// [`Rule::UnlikelyClass`] (and [`Rule::CommentSection`], which
    /// `comments` adds).
    pub removed: Vec<Option<Rule>>,
    /// The element's own class/id hint: > 0 story-like, < 0 boilerplate-like.
    pub hint: Vec<i8>,
}

/// Marks removed nodes and class/id hints in one pass over the arena (parents
/// come before children, so a node inherits its parent's removal).
pub(crate) fn prune(doc: &Document, patterns: &Patterns, pass: Pass) -> Pruned {
    // Pushed in document order: a parent's entry is always there before
    // its children look it up (parents have smaller ids).
    let n = doc.nodes.len();
    let mut removed: Vec<Option<Rule>> = Vec::with_capacity(n);
    let mut hint: Vec<i8> = Vec::with_capacity(n);
    // Whether the node is `pre` or inside one: the class names of a
    // syntax highlighter's spans (`hljs-comment`, `token comment`) are not
    // boilerplate hints.
    let mut in_pre: Vec<bool> = Vec::with_capacity(n);
    for node in &doc.nodes {
        let parent_removed = node.parent.and_then(|p| removed.get(p).copied().flatten());
        let parent_in_pre = node
            .parent
            .is_some_and(|p| in_pre.get(p).copied().unwrap_or(false));
        let NodeKind::Element(el) = &node.kind else {
            removed.push(parent_removed);
            hint.push(0);
            in_pre.push(parent_in_pre);
            continue;
        };
        in_pre.push(parent_in_pre || el.tag == Tag::Pre);
        hint.push(if pass.weight_classes {
            class_hint(el, patterns)
        } else {
            0
        });
        // A node's own "never content" wins over what it inherits, so a
        // trace of a removed menu never shows the scripts inside it.
        removed.push(if never_content(el.tag) {
            Some(Rule::NeverContent)
        } else if let Some(reason) = parent_removed {
            Some(reason)
        } else if el.hidden {
            Some(Rule::Hidden)
        } else if matches!(el.tag, Tag::Nav | Tag::Menu) {
            // Navigation is never story, on any rung.
            Some(Rule::Furniture)
        } else if pass.strip_unlikely && !parent_in_pre {
            unlikely(el, patterns)
        } else {
            None
        });
    }
    Pruned { removed, hint }
}

/// Tags whose text is never part of a story, on any rung.
fn never_content(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Head
            | Tag::Title
            | Tag::Meta
            | Tag::Script
            | Tag::Style
            | Tag::Noscript
            | Tag::Template
            | Tag::Svg
            | Tag::Math
            | Tag::Iframe
            | Tag::Object
            | Tag::Embed
            | Tag::Canvas
            | Tag::Button
            | Tag::Select
            | Tag::Textarea
            | Tag::Input
            | Tag::Dialog
    )
}

/// Strict-rung removal: furniture tags and roles, and boilerplate-named
/// subtrees that do not also look like the story's own container.
fn unlikely(el: &crate::dom::Element, patterns: &Patterns) -> Option<Rule> {
    if el.article_body
        || matches!(
            el.tag,
            Tag::Html | Tag::Body | Tag::Article | Tag::Main | Tag::A
        )
    {
        return None;
    }
    if matches!(el.tag, Tag::Aside | Tag::Footer | Tag::Header)
        || p::FURNITURE_ROLES.contains(&el.role.as_str())
    {
        return Some(Rule::Furniture);
    }
    let unlikely = !el.hints.is_empty()
        && patterns.unlikely.is_match(&el.hints)
        && !patterns.maybe.is_match(&el.hints);
    unlikely.then_some(Rule::UnlikelyClass)
}

/// [`p::POSITIVE_CLASS_HINT`] for a story-like class/id,
/// [`p::NEGATIVE_CLASS_HINT`] for a boilerplate-like one, plus
/// [`p::FURNITURE_HINT`] for a furniture tag or role;
/// [`p::ARTICLE_BODY_HINT`] for schema.org `articleBody`.
fn class_hint(el: &crate::dom::Element, patterns: &Patterns) -> i8 {
    if el.article_body {
        return p::ARTICLE_BODY_HINT;
    }
    let mut h = 0i8;
    if !el.hints.is_empty() {
        if patterns.positive.is_match(&el.hints) {
            h += p::POSITIVE_CLASS_HINT;
        }
        if patterns.negative.is_match(&el.hints) {
            h += p::NEGATIVE_CLASS_HINT;
        }
    }
    if matches!(el.tag, Tag::Aside | Tag::Footer | Tag::Header | Tag::Form)
        || p::FURNITURE_ROLES.contains(&el.role.as_str())
    {
        h += p::FURNITURE_HINT;
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::patterns::LADDER;

    fn removed_text(html: &str, pass: Pass) -> Vec<String> {
        let doc = Document::parse(html, &Options::new()).unwrap();
        let pruned = prune(&doc, &Patterns::shared(), pass);
        doc.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match &n.kind {
                NodeKind::Text(t) if pruned.removed[i].is_some() => Some(t.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn scripts_nav_and_hidden_are_removed_on_every_rung() {
        let html = "<nav>menu</nav><script>x()</script><p hidden>secret</p><p>story</p>";
        for pass in LADDER {
            let gone = removed_text(html, pass);
            assert_eq!(gone, ["menu", "x()", "secret"], "{pass:?}");
        }
    }

    #[test]
    fn unlikely_classes_go_only_on_the_strict_rung() {
        let html =
            "<div class='sidebar'>side</div><div class='article-related'>kept</div><p>story</p>";
        assert_eq!(removed_text(html, LADDER[0]), ["side"]);
        assert!(removed_text(html, LADDER[1]).is_empty());
    }
}
