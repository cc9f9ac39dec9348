//! Sign-up boxes known by their form: the small box around a form that
//! asks for an e-mail address or a phone number (a newsletter, deals by
//! text message, a "notify me" box), whatever its class names say. Set
//! inside a story, its pitch and small print read like prose.

use crate::dom::{Document, NodeId, Tag};
use crate::patterns as p;

/// The forms of the page that ask for an e-mail address or a phone
/// number (usually none): only the first [`p::SIGNUP_MAX_FORMS`] forms are
/// looked into.
pub(super) fn signup_forms(doc: &Document) -> Vec<NodeId> {
    let mut found = Vec::new();
    let mut forms = 0;
    let mut id = 0;
    while let Some(node) = doc.nodes.get(id) {
        let end = node.end().max(id + 1);
        if doc.tag(id) != Tag::Form {
            id += 1;
            continue;
        }
        forms += 1;
        if forms > p::SIGNUP_MAX_FORMS {
            break;
        }
        if (id..end).any(|i| doc.element(i).is_some_and(|e| e.contact_input())) {
            found.push(id);
        }
        id = end;
    }
    found
}

/// The sign-up box of each of `forms`: the highest of the form and its
/// nearest [`p::SIGNUP_MAX_LEVELS`] ancestors whose shown text (`sizes`,
/// bytes under each node) is at most [`p::SIGNUP_MAX_BYTES`] and
/// [`p::SIGNUP_MAX_PAGE_SHARE`] of the page's, below the
/// page's `body`, `main` and `article` and any element holding the
/// headline (`holds_h1`): the box, not the story around it.
pub(super) fn signup_boxes(
    doc: &Document,
    forms: &[NodeId],
    sizes: &[usize],
    mut holds_h1: impl FnMut(NodeId) -> bool,
) -> Vec<NodeId> {
    let page_bytes = sizes.first().copied().unwrap_or(0) as f32;
    let mut boxes = Vec::new();
    for &form in forms {
        let mut found = None;
        for anc in doc.ancestors(form).take(p::SIGNUP_MAX_LEVELS + 1) {
            let small = sizes.get(anc).is_some_and(|&n| {
                n <= p::SIGNUP_MAX_BYTES && n as f32 <= page_bytes * p::SIGNUP_MAX_PAGE_SHARE
            });
            let page = matches!(
                doc.tag(anc),
                Tag::Body | Tag::Html | Tag::Main | Tag::Article
            );
            if page || !small || holds_h1(anc) {
                break;
            }
            found = Some(anc);
        }
        boxes.extend(found);
    }
    boxes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn boxes(html: &str) -> Vec<String> {
        let doc = Document::parse(html, &Options::new()).unwrap();
        let forms = signup_forms(&doc);
        let sizes = crate::prune::shown_text_sizes(&doc);
        let mut h1s = None;
        let holds_h1 = |id| crate::prune::holds_h1(&doc, &mut h1s, id);
        signup_boxes(&doc, &forms, &sizes, holds_h1)
            .into_iter()
            .map(|id| doc.hints(doc.element(id).unwrap()).to_string())
            .collect()
    }

    #[test]
    fn the_box_around_a_form_asking_for_an_address() {
        let story = "<p>The story's own paragraph, long enough to be a good part of it.</p>";
        let html = format!(
            "<article>{story}<section class='deals'><div class='pitch'>Deals to your phone!</div>\
             <form><input type='tel'><button>Sign me up</button></form>\
             <div class='fine'>Msg and data rates may apply.</div></section>{story}</article>"
        );
        assert_eq!(boxes(&html), ["deals"]);
        // A text-message box's consent terms are long small print.
        let terms = "By signing up, you agree to receive recurring automated marketing messages \
                     at the number provided. Consent is not a condition of purchase. "
            .repeat(8);
        let long = story.repeat(10);
        let sms = format!(
            "<article>{long}<div class='sms'><div class='pitch'>Deals to your phone!</div>\
             <form><input type='tel'></form><div class='fine'>{terms}</div></div>{long}</article>"
        );
        assert!((1000..1500).contains(&terms.len()), "{}", terms.len());
        assert_eq!(boxes(&sms), ["sms"]);
        let text = crate::clean_article(&html).unwrap().text();
        assert!(text.contains("good part of it"), "{text}");
        assert!(!text.contains("data rates"), "{text}");
        let html = format!(
            "<div class='story'>{story}</div><div class='nl'><p>Our newsletter</p>\
             <form class='f'><input type='text' name='EMAIL'></form></div>"
        );
        assert_eq!(boxes(&html), ["nl"]);
        // Never the wrapper of most of a small page.
        let html = "<div class='all'><p>A short post, of one sentence only.</p>\
            <div class='nl'><p>Our newsletter</p><form class='f'><input type='email'></form>\
            </div></div>";
        assert_eq!(boxes(html), ["nl"]);
    }

    #[test]
    fn other_forms_and_big_boxes_are_not_signups() {
        // A search form asks for no address.
        let html = "<div class='s'><form><input type='search' name='q'></form></div>";
        assert!(boxes(html).is_empty());
        // A page wrapped in one form (ASP.NET): the box stays under the
        // size, and the page's text is far over it.
        let story = "<p>A paragraph of the story, with words enough to count.</p>".repeat(40);
        let html = format!(
            "<body><form><div class='page'>{story}<input type='email' name='email'></div></form></body>"
        );
        assert!(boxes(&html).is_empty());
    }
}
