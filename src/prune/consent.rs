//! Consent dialogs known by their wording: the box around an "Accept all"
//! or "Reject all" button that speaks of cookies or consent, whatever its
//! class names say.

use crate::dom::text::{Spacing, node_text};
use crate::dom::{Document, NodeId, NodeKind, Tag};
use crate::patterns as p;

/// The consent boxes of the page, as node ids (usually none).
pub(super) fn consent_boxes(doc: &Document) -> Vec<NodeId> {
    let mut boxes = Vec::new();
    let mut followed = 0;
    for id in 0..doc.nodes.len() {
        let Some(el) = doc.element(id) else {
            continue;
        };
        // Consent managers draw their buttons as links as often as
        // buttons (`<a href="#">Accept all</a>`): a link that goes nowhere
        // (a page's hundreds of others are not read), matched on its one
        // text node without reading its text into a string.
        let consent_button = if el.tag == Tag::Button || el.role == "button" {
            consent_label(doc, id)
        } else {
            el.button_link() && consent_link(doc, id)
        };
        if consent_button {
            followed += 1;
            if followed > p::CONSENT_MAX_BUTTONS {
                break;
            }
            if let Some(b) = box_of(doc, id) {
                if !boxes.contains(&b) {
                    boxes.push(b);
                }
            }
        }
    }
    boxes
}

/// The button's whole text is one of [`p::CONSENT_BUTTON_LABELS`].
fn consent_label(doc: &Document, button: NodeId) -> bool {
    let text = node_text(doc, button, p::CONSENT_LABEL_MAX_CHARS, Spacing::Blocks);
    is_label(&text.trim().to_lowercase())
}

/// Whether `text` is one of [`p::CONSENT_BUTTON_LABELS`], case aside
/// (the labels are ASCII, so ASCII case folding is all they need).
fn is_label(text: &str) -> bool {
    p::CONSENT_BUTTON_LABELS
        .iter()
        .any(|l| l.eq_ignore_ascii_case(text))
}

/// The link's only text, within its first [`p::CONSENT_LINK_MAX_NODES`]
/// nodes, is one of [`p::CONSENT_BUTTON_LABELS`] (see [`is_label`]).
fn consent_link(doc: &Document, link: NodeId) -> bool {
    let end = doc.subtree_end(link);
    let mut label = None;
    for id in (link + 1..end).take(p::CONSENT_LINK_MAX_NODES) {
        if let Some(NodeKind::Text(t)) = doc.nodes.get(id).map(|n| &n.kind) {
            let text = doc.text(*t).trim();
            if text.is_empty() {
                continue;
            }
            if label.is_some() {
                return false;
            }
            label = Some(text);
        }
    }
    label.is_some_and(is_label)
}

/// The nearest ancestor of `button`, within [`p::CONSENT_MAX_LEVELS`],
/// whose text names cookies or consent ([`p::CONSENT_WORDS`]); never the
/// page's `body`, `main` or `article`, nor a box of more than
/// [`p::CONSENT_MAX_CHARS`] characters.
fn box_of(doc: &Document, button: NodeId) -> Option<NodeId> {
    for anc in doc.ancestors(button).skip(1).take(p::CONSENT_MAX_LEVELS) {
        if matches!(
            doc.tag(anc),
            Tag::Body | Tag::Html | Tag::Main | Tag::Article
        ) {
            return None;
        }
        let text = node_text(doc, anc, p::CONSENT_MAX_CHARS, Spacing::Blocks);
        if text.chars().count() > p::CONSENT_MAX_CHARS {
            return None;
        }
        let lower = text.to_lowercase();
        if p::CONSENT_WORDS.iter().any(|w| lower.contains(w)) {
            return Some(anc);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn boxes(html: &str) -> Vec<String> {
        let doc = Document::parse(html, &Options::new()).unwrap();
        consent_boxes(&doc)
            .into_iter()
            .map(|id| doc.hints(doc.element(id).unwrap()).to_string())
            .collect()
    }

    #[test]
    fn the_box_around_an_accept_button_that_speaks_of_cookies() {
        let html = "<div class='story'><p>The council met.</p></div>\
            <div class='layer'><div class='inner'><p>We and our partners use cookies.</p>\
            <button>Accept all</button><button>Reject all</button></div></div>";
        assert_eq!(boxes(html), ["inner"]);
        let html =
            "<div class='x'><p>Wir verwenden Cookies.</p><button> Alle akzeptieren </button></div>";
        assert_eq!(boxes(html), ["x"]);
        let html = "<div class='cmpbox'><p>We and our partners store cookies.</p>\
            <a href='#'>Accept all</a> <a href='#'>Manage options</a></div>";
        assert_eq!(boxes(html), ["cmpbox"]);
    }

    /// [`is_label`] folds ASCII case only.
    #[test]
    fn the_labels_are_ascii_lower_case() {
        for label in p::CONSENT_BUTTON_LABELS {
            assert!(
                label.is_ascii() && label.to_ascii_lowercase() == *label,
                "{label}"
            );
        }
    }

    #[test]
    fn only_the_first_consent_buttons_are_followed() {
        // A page of many consent boxes: the first few are found, the rest
        // are not read (each read walks up to eight boxes of text).
        let one = "<div class='c'><p>We use cookies.</p><button>Accept</button></div>";
        let html = one.repeat(p::CONSENT_MAX_BUTTONS * 4);
        assert_eq!(boxes(&html).len(), p::CONSENT_MAX_BUTTONS);
    }

    #[test]
    fn other_buttons_and_wordless_boxes_are_not_consent() {
        // Not a consent label.
        let html = "<div class='a'><p>We use cookies.</p><button>Read more</button></div>";
        assert!(boxes(html).is_empty());
        // A link that goes somewhere is no button.
        let html = "<div class='a'><p>We use cookies.</p><a href='/terms'>Accept</a></div>";
        assert!(boxes(html).is_empty());
        // A label, but no word of cookies or consent near it.
        let html = "<div class='poll'><p>Do you like the new park?</p><button>Agree</button></div>";
        assert!(boxes(html).is_empty());
        // The wording only at the page's level: no box.
        let html = "<body><p>A story about cookies.</p><button>Accept</button></body>";
        assert!(boxes(html).is_empty());
    }
}
