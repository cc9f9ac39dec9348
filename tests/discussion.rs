//! A page that declares itself a discussion (schema.org
//! `DiscussionForumPosting`, `QAPage`) keeps its replies: on a forum thread
//! they are the content, while elsewhere a box of replies is left out.

/// How a page declares itself.
#[derive(Clone, Copy, PartialEq)]
enum Declared {
    Not,
    /// A JSON-LD `DiscussionForumPosting`.
    JsonLd,
    /// Microdata's `QAPage` on `<html>`, as Stack Exchange has it.
    Microdata,
}

/// A thread: the opening post, then its replies in a `replies` box.
fn thread(declared: Declared) -> String {
    let json_ld = if declared == Declared::JsonLd {
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Best way to store winter tyres?"}</script>"#
    } else {
        ""
    };
    let html = if declared == Declared::Microdata {
        r#"<html itemscope itemtype="https://schema.org/QAPage">"#
    } else {
        "<html>"
    };
    let reply = |who: &str, text: &str| {
        format!(
            "<div class='reply'><div class='who'>{who}</div>\
             <div class='said'><p>{text}</p></div></div>"
        )
    };
    format!(
        "{html}<head><title>Best way to store winter tyres?</title>{json_ld}</head><body>\
         <main><h1>Best way to store winter tyres?</h1><div class='post'><p>I have a set of winter \
         tyres on rims and a small garage. Should they stand upright, lie flat in a stack, or \
         hang on the wall until the autumn comes round again? The garage gets cold but stays \
         dry, and there is a shelf along the back wall that might take their weight.</p></div>\
         <div class='replies'>{}{}{}</div></main></body></html>",
        reply(
            "ana",
            "Stacked flat on their rims is fine, as long as you rotate the stack once a month \
             and keep them away from the boiler and out of the sun."
        ),
        reply(
            "bo",
            "I hang mine on wall hooks by the rims, which keeps the weight off the tread and \
             leaves the floor free for the bicycles in the winter."
        ),
        reply(
            "cy",
            "Whatever you do, clean them first and mark each tyre with its position on the \
             car, so that they go back on the same axle next winter."
        ),
    )
}

#[test]
fn a_declared_thread_keeps_its_replies() {
    for how in [Declared::JsonLd, Declared::Microdata] {
        let declared = unboil::clean_article(&thread(how)).unwrap();
        let text = declared.text();
        assert!(text.contains("I have a set of winter tyres"), "{text}");
        assert!(text.contains("rotate the stack once a month"), "{text}");
        assert!(text.contains("wall hooks by the rims"), "{text}");
    }

    let plain = unboil::clean_article(&thread(Declared::Not)).unwrap();
    let text = plain.text();
    assert!(text.contains("I have a set of winter tyres"), "{text}");
    assert!(!text.contains("wall hooks"), "{text}");
}

/// The declaration decides the text with metadata off too.
#[test]
fn the_declaration_counts_without_metadata() {
    let cleaner = unboil::Cleaner::new(unboil::Options::new().metadata(false));
    let article = cleaner.clean_html(&thread(Declared::JsonLd)).unwrap();
    assert!(article.text().contains("wall hooks by the rims"));
    assert_eq!(article.page_type, None);
}
