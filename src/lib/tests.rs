//! Unit tests of the crate root: the wiring of the stages.

use super::*;

#[test]
fn cleaner_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Cleaner>();
}

#[test]
fn binary_junk_is_an_error() {
    let junk: String = (0u8..32).cycle().take(4000).map(char::from).collect();
    assert!(matches!(
        clean_article(&junk),
        Err(Error::BinaryInput { .. })
    ));
}

#[test]
fn every_later_stage_stops_past_the_deadline() {
    // A page long enough that every loop passes a clock reading, and a
    // deadline already passed: each stage returns at once with nothing
    // (a cut-off result the caller's check then refuses).
    let para =
        "<div><p>A paragraph of the story, long enough to count as prose, with words.</p></div>";
    let html = para.repeat(patterns::DEADLINE_CHECK_ITEMS * 2);
    let options = Options::new().time_limit(std::time::Duration::ZERO);
    let passed = options.deadline();
    let none = options::Deadline::NONE;
    let doc = dom::Document::parse(&html, &Options::new()).unwrap();
    let pats = patterns::Patterns::shared();
    let pass = patterns::LADDER[0];
    let pruned = prune::prune_within(&doc, &pats, pass, &none);
    assert!(
        prune::prune_within(&doc, &pats, pass, &passed)
            .removed
            .is_empty()
    );
    let all = 0..doc.nodes.len();
    let wants = blocks::Wants::default();
    let blocks = blocks::segment_with(&doc, &pruned, false, wants, all.clone(), false, &none);
    assert!(blocks.len() > patterns::DEADLINE_CHECK_ITEMS);
    assert!(blocks::segment_with(&doc, &pruned, false, wants, all, false, &passed).is_empty());
    let container = locate::locate(&doc, &pruned, &blocks, pass, Default::default(), &none);
    assert!(container.top.is_some());
    assert!(
        locate::locate(&doc, &pruned, &blocks, pass, Default::default(), &passed)
            .top
            .is_none()
    );
    let feats = features::compute(&blocks, &doc, &pruned, &container, &pats, &none);
    let cut = features::compute(&blocks, &doc, &pruned, &container, &pats, &passed);
    assert!(cut.is_empty());
    let focus = Focus::Balanced;
    let verdicts = classify::classify_within(&blocks, &feats, None, focus, &passed);
    assert!(verdicts.is_empty());
    let kept = blocks.clone();
    let cx = |deadline| structure::Context {
        doc: &doc,
        options: &options,
        deadline,
    };
    assert!(!cx(&none).build(kept.clone()).is_empty());
    assert!(cx(&passed).build(kept).is_empty());
    let text = "A line of the story, long enough to count as prose, with words.\n\n"
        .repeat(patterns::DEADLINE_CHECK_ITEMS * 2);
    let article = text_mode::clean(&text, &pats, focus, false, &passed);
    assert!(article.blocks.is_empty());
    // And the page as a whole is refused, HTML and text alike.
    let cleaner = Cleaner::new(options);
    assert!(matches!(
        cleaner.clean_html(&html),
        Err(Error::TimedOut { .. })
    ));
    assert!(matches!(
        cleaner.clean_text(&text),
        Err(Error::TimedOut { .. })
    ));
}

#[test]
fn too_large_is_an_error() {
    let cleaner = Cleaner::new(Options::new().max_input_bytes(5));
    assert_eq!(
        cleaner.clean_html("<p>123456</p>"),
        Err(Error::InputTooLarge { size: 13, limit: 5 })
    );
}
