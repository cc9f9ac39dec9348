//! Tests of pruning: removal on each rung, hints, the page cache.

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
            NodeKind::Text(t) if pruned.removed[i].is_some() => Some(doc.text(*t).to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_section_named_after_its_title_is_not_a_share_bar() {
    let html = "<div class='section' id='sharing-with-a-single-developer'>\
        <h2>Sharing with a single developer</h2><p>Keep changesets in draft.</p></div>\
        <div class='sharing'><p>Share on Twitter</p></div>";
    let strict = LADDER[0];
    assert!(strict.strip_unlikely);
    assert_eq!(removed_text(html, strict), ["Share on Twitter"]);
}

#[test]
fn a_forum_signature_goes_on_every_rung() {
    let html = "<div class='post'><p>The reply itself.</p><div class='signaturecontainer'>\
        <p>Ride on.</p></div><div class='cSignature'>Ride again.</div></div>";
    for pass in LADDER {
        assert_eq!(removed_text(html, pass), ["Ride on.", "Ride again."]);
    }
}

#[test]
fn the_class_set_answers_like_each_pattern() {
    let p = Patterns::shared();
    for hints in [
        "entry-content",
        "sidebar",
        "article-related",
        "article-related entry-content",
        "cs-entry--author-description",
        "modal fade",
        "row",
        "x",
        "col-md-6 clearfix",
        "btn btn-primary",
        "wp-block-group my-comments",
        "onetrust-pc-dark-filter x",
        "xmodal",
    ] {
        let mut classes = HintMemo::default().load(hints, &p);
        // Story-like only by a token that is not also boilerplate.
        let positive = hints
            .split_whitespace()
            .any(|t| p.positive.is_match(t) && !p.negative.is_match(t));
        assert_eq!(classes.is(Class::Positive), positive, "{hints}");
        assert_eq!(classes.is(Class::Negative), p.negative.is_match(hints));
        assert_eq!(classes.is(Class::Unlikely), p.unlikely.is_match(hints));
        assert_eq!(classes.is(Class::Maybe), p.maybe.is_match(hints));
        assert_eq!(classes.is(Class::Overlay), p.overlay.is_match(hints));
    }
}

/// A token naming a story and a boilerplate part of it (BEM's
/// `cs-entry__author-description`, an author box in a WordPress theme's
/// entry) counts against the element; a story-like token of its own still
/// cancels a boilerplate one (`post sidebar`).
#[test]
fn a_boilerplate_part_of_the_story_component_is_boilerplate() {
    let p = Patterns::shared();
    let hint = |hints: &str| {
        let mut classes = HintMemo::default().load(hints, &p);
        i8::from(classes.is(Class::Positive)) - i8::from(classes.is(Class::Negative))
    };
    assert_eq!(hint("cs-entry--author-description"), -1);
    assert_eq!(hint("post-sidebar"), -1);
    assert_eq!(hint("post sidebar"), 0);
    assert_eq!(hint("entry-content"), 1);
}

#[test]
fn scripts_nav_and_hidden_are_removed_on_every_rung() {
    // (The parse leaves a script's text out: its element is what goes.)
    let html = "<nav>menu</nav><script>x()</script><p hidden>secret</p><p>story</p>";
    let doc = Document::parse(html, &Options::new()).unwrap();
    let script = (0..doc.nodes.len())
        .find(|&id| doc.tag(id) == Tag::Script)
        .unwrap();
    for pass in LADDER {
        let gone = removed_text(html, pass);
        assert_eq!(gone, ["menu", "secret"], "{pass:?}");
        let pruned = prune(&doc, &Patterns::shared(), pass);
        assert!(pruned.removed[script].is_some(), "{pass:?}");
    }
}

#[test]
fn a_cache_kept_across_rungs_changes_nothing() {
    // Strict, relaxed, strict again: what one rung learnt (class
    // matches, noscript text, shown text) must not leak into another's
    // verdicts.
    let html = "<div class='page sidebar'><noscript>Turn on JavaScript</noscript>\
        <div class='article-related'>kept</div><div class='comment'>c</div>\
        <p class='story'>story</p><div class='sidebar'>side</div></div>";
    let doc = Document::parse(html, &Options::new()).unwrap();
    let patterns = Patterns::shared();
    let mut cache = PageCache::default();
    for pass in [LADDER[0], LADDER[1], LADDER[0], LADDER[2]] {
        let fresh = prune(&doc, &patterns, pass);
        let cached = prune_cached(
            &doc,
            &patterns,
            pass,
            &Deadline::NONE,
            &mut cache,
            Removed::Hinted,
        );
        assert_eq!(cached.removed, fresh.removed, "{pass:?}");
        assert_eq!(cached.hint, fresh.hint, "{pass:?}");
    }
    assert!(!cache.memo.0.is_empty() && cache.noscript.is_some());
}

#[test]
fn unhinted_removed_nodes_change_no_kept_hint() {
    let html = "<div class='sidebar'><p class='story'>side</p></div>\
        <nav class='menu'><a class='post'>x</a></nav>\
        <div class='entry-content'><p class='comment'>story</p></div>";
    let doc = Document::parse(html, &Options::new()).unwrap();
    let patterns = Patterns::shared();
    for pass in LADDER {
        let all = prune(&doc, &patterns, pass);
        let mut cache = PageCache::default();
        let none = &Deadline::NONE;
        let kept = prune_cached(&doc, &patterns, pass, none, &mut cache, Removed::Unhinted);
        assert_eq!(kept.removed, all.removed, "{pass:?}");
        for (id, why) in all.removed.iter().enumerate() {
            let expected = if why.is_some() { 0 } else { all.hint[id] };
            assert_eq!(kept.hint[id], expected, "{pass:?} {id}");
        }
        let removed_hinted = all
            .hint
            .iter()
            .zip(&all.removed)
            .any(|(h, r)| *h != 0 && r.is_some());
        assert_eq!(removed_hinted, pass.weight_classes, "{pass:?}");
    }
}

#[test]
fn unlikely_classes_go_only_on_the_strict_rung() {
    let html = "<div class='sidebar'>side</div><div class='article-related'>kept</div><p>story</p>";
    assert_eq!(removed_text(html, LADDER[0]), ["side"]);
    assert!(removed_text(html, LADDER[1]).is_empty());
}

#[test]
fn a_wrapper_of_the_whole_page_is_not_removed_for_its_class() {
    // `footer-borders` names the page's wrapper: it holds the story,
    // and only the real footer inside it goes.
    let story = "<p>The preprint reports how cell-free DNA in urine is organised.</p>".repeat(5);
    let html =
        format!("<div class='page footer-borders'>{story}<div class='footer'>About us</div></div>");
    let removed = removed_text(&html, LADDER[0]);
    assert_eq!(removed, ["About us"]);
}

#[test]
fn a_noscript_page_is_content_and_a_noscript_notice_is_not() {
    let story = "The council met on Tuesday to vote on the new library hours. ".repeat(20);
    let html = format!(
        "<body><div id=app></div><noscript><p>Please turn on JavaScript to see this page.</p></noscript>\
         <noscript><article><p>{story}</p></article></noscript></body>"
    );
    for pass in LADDER {
        let gone = removed_text(&html, pass);
        assert_eq!(
            gone,
            ["Please turn on JavaScript to see this page."],
            "{pass:?}"
        );
    }
}

#[test]
fn fallback_markup_is_never_text() {
    // `noembed` is raw text to the parser: its markup would be words.
    let html = "<noembed><a href='/ad?id=1'><img src='/ad.gif'></a></noembed><p>story</p>";
    let gone = removed_text(html, LADDER[2]);
    assert_eq!(gone.len(), 1);
    assert!(gone[0].starts_with("<a href"), "{gone:?}");
}

#[test]
fn overlays_go_on_every_rung_and_look_alikes_stay() {
    let html = "<div role=dialog>Report this post</div>\
        <div aria-modal=true>Sign up for our newsletter</div>\
        <div class='modal fade'>Editor help</div>\
        <div id='onetrust-banner-sdk'>We use cookies</div>\
        <div class='render-target-modal'>wrapper stays</div>\
        <p>A note <a class=popup href='#n1'>opens here</a>.</p>";
    for pass in LADDER {
        let gone = removed_text(html, pass);
        assert_eq!(
            gone,
            [
                "Report this post",
                "Sign up for our newsletter",
                "Editor help",
                "We use cookies"
            ],
            "{pass:?}"
        );
    }
}

#[test]
fn a_story_header_keeps_its_standfirst_only() {
    let lede = "The bizarre genome of the largest flower in the world shows what \
                parasites can do: they steal, delete and copy the genes of their host.";
    let html = format!(
        "<body><header><p>{lede}</p></header><article><header><h1>Giant flowers</h1>\
         <div class='intro'>{lede}</div><div class='by'>By Ann Lee</div></header>\
         <p>Body.</p></article></body>"
    );
    let removed = removed_text(&html, LADDER[0]);
    // The page's banner goes whole; the story's header keeps its
    // standfirst and loses its headline and byline.
    assert_eq!(removed, [lede, "Giant flowers", "By Ann Lee"]);
    // Without a standfirst the story's header goes whole.
    let bare = "<body><article><header><h1>Giant flowers</h1><p>By Ann Lee</p></header>\
                <p>Body.</p></article></body>";
    assert_eq!(
        removed_text(bare, LADDER[0]),
        ["Giant flowers", "By Ann Lee"]
    );
    // A standfirst never brings back what is removed around it: a
    // teaser in a sidebar, a hidden header.
    for outer in ["<aside>{}</aside>", "<div hidden>{}</div>"] {
        let story = format!("<article><header><h1>Elsewhere</h1><p>{lede}</p></header></article>");
        let html = format!("<body>{}<p>Body.</p></body>", outer.replace("{}", &story));
        assert_eq!(removed_text(&html, LADDER[0]), ["Elsewhere", lede]);
    }
}

#[test]
fn a_consent_box_known_by_its_wording_goes_on_every_rung() {
    let html = "<div class='box-a'><h1>Library to close</h1><p>The council voted.</p></div>\
        <div class='layer'><p>We and our partners use cookies to measure ads.</p>\
        <button>Accept all</button></div>";
    for pass in LADDER {
        let gone = removed_text(html, pass);
        assert!(
            gone.iter().any(|t| t.contains("partners use cookies")),
            "{pass:?}: {gone:?}"
        );
        assert!(!gone.iter().any(|t| t.contains("council")), "{pass:?}");
    }
}

#[test]
fn a_section_header_is_kept_and_the_page_banner_is_not() {
    let html = "<header><p>Site name</p></header>\
        <main><header><h1>Our product</h1><p>Tagline</p></header>\
        <section><header><h2>Find solutions for your industry</h2></header>\
        <p>Cards follow.</p></section>\
        <article><header><h3>Customer stories</h3></header><p>Quotes.</p></article></main>";
    let strict = LADDER[0];
    assert!(strict.strip_unlikely);
    // The banner outside every section and the header holding the h1
    // (the story's headline box) go; the sections' own headers stay.
    assert_eq!(
        removed_text(html, strict),
        ["Site name", "Our product", "Tagline"]
    );
}

#[test]
fn nested_headers_around_the_headline_all_go() {
    let depth = 200;
    let html = format!(
        "<main>{}<h1>Deep headline</h1>{}</main>",
        "<header>".repeat(depth),
        "</header>".repeat(depth)
    );
    // Every header holds the h1: each is the headline box, so the
    // outermost goes and the rest with it.
    assert_eq!(removed_text(&html, LADDER[0]), ["Deep headline"]);
}
