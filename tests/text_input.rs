//! Plain-text input: the seed page, HTML-or-text detection, and hostile
//! text inputs (no panic, no hang, a clear error or an article).

mod common;

use common::eval::{shared_dir, skip_or_fail};
use unboil::{Cleaner, Error};

#[test]
fn detection_tells_html_from_text_both_ways() {
    // HTML: documents, fragments without <html>, markup-heavy snippets.
    for html in [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "\u{feff}  <html lang=en><p>x</p>",
        "<p>First paragraph.</p><p>Second paragraph.</p>",
        "<div class=story>Loose text <b>bold</b></div>",
        "<!-- saved page --><div>x</div>",
        "Some intro\n<div>one</div>\n<div>two</div>\n<p>three</p>",
    ] {
        assert!(unboil::is_html(html), "should be HTML: {html:?}");
    }
    // Text: prose that mentions a tag or two, comparisons, the seed page.
    for text in [
        "Wrap bold words in <b> and </b>, the style guide says.",
        "Use <p> for paragraphs.\n\nThat is all there is to it.",
        "if a < b and b > c then a <= c",
        "World / China-US\n\nUS State Dept calls for cyber security boost",
        "",
    ] {
        assert!(!unboil::is_html(text), "should be text: {text:?}");
    }
}

#[test]
fn clean_article_routes_text_to_the_text_mode() {
    let page = "Home\nNews\nSport\nWeather\n\n\
        Storm closes coastal road\n\n\
        The coastal road between the two towns was closed on Monday after the storm washed part of the sea wall away, the council said.\n\n\
        Engineers will inspect the damage this week, and the council expects the road to reopen before the end of the month.\n\n\
        Most Popular\nTen things to do this weekend\nCouncil approves new car park\n";
    let article = unboil::clean_article(page).unwrap();
    assert_eq!(article.title.as_deref(), Some("Storm closes coastal road"));
    assert_eq!(article.blocks.len(), 2, "{:?}", article.blocks);
    for gone in ["Home", "Most Popular", "Ten things", "car park"] {
        assert!(!article.text().contains(gone), "{gone:?} kept");
    }
}

#[test]
fn seed_page_body_is_the_story_alone() {
    let dir = shared_dir().join("seed");
    let page = dir.join("china-daily-cyber-security.txt");
    let Ok(text) = std::fs::read_to_string(&page) else {
        skip_or_fail(&format!("the seed page {} is missing", page.display()));
        return;
    };
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("china-daily-cyber-security.expected.json")).unwrap(),
    )
    .unwrap();
    let article = unboil::clean_article(&text).unwrap();
    let want: Vec<&str> = expected["text"].as_str().unwrap().split("\n\n").collect();
    let got: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(got.len(), 17, "17 story paragraphs, got {got:#?}");
    assert_eq!(got, want);
    assert_eq!(
        got.last(),
        Some(&"Sheng Yang in Washington contributed to this story.")
    );
    for snippet in expected["must_not_contain"].as_array().unwrap() {
        let snippet = snippet.as_str().unwrap();
        assert!(
            !article.text().contains(snippet),
            "{snippet:?} leaked into the text"
        );
    }
    assert_eq!(article.title.as_deref(), expected["title"].as_str());
    assert_eq!(article.authors, [expected["author"].as_str().unwrap()]);
    let date = expected["date"].as_str().unwrap();
    assert_eq!(article.published, unboil::DateTime::parse(date));
    assert_eq!(
        article
            .published
            .map(|d| d.to_string())
            .as_deref()
            .map(|d| &d[..16]),
        Some(date)
    );
    assert_eq!(article.site_name.as_deref(), expected["site_name"].as_str());
    let categories: Vec<&str> = expected["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(article.categories, categories);
    assert_eq!(article.language.as_deref(), Some("en"));
}

#[test]
fn hostile_text_inputs_end_with_an_article_or_an_error() {
    let cleaner = Cleaner::default();
    assert_eq!(cleaner.clean_text(""), Err(Error::EmptyInput));
    assert_eq!(
        cleaner.clean_text(&"\n".repeat(1_000_000)),
        Err(Error::EmptyInput)
    );

    // One 10 MB line of prose: one block, kept whole.
    let line = "The quick brown fox jumps over the lazy dog, and then it rests. ".repeat(160_000);
    let article = cleaner.clean_text(&line).unwrap();
    assert_eq!(article.blocks.len(), 1);
    assert!(article.text().len() > 9_000_000);

    // A million lines, one word each: a menu, never a story.
    let menu = "Menu\n".repeat(1_000_000);
    let article = cleaner.clean_text(&menu).unwrap();
    assert!(article.text().len() < menu.len());

    // NUL bytes here and there are tolerated; a mostly-NUL input is binary.
    let story =
        "A paragraph of a real story with enough words to count as prose, it says.\u{0}\n\n";
    assert!(cleaner.clean_text(&story.repeat(3)).is_ok());
    assert!(matches!(
        cleaner.clean_text(&"\u{0}".repeat(5000)),
        Err(Error::BinaryInput { .. })
    ));

    // Mixed scripts: Latin, Cyrillic, CJK, Arabic, emoji in one page.
    let mixed = "Новости дня\n\n\
        Правительство объявило о новых мерах поддержки, и эксперты считают, что они помогут экономике в этом году.\n\n\
        中国和美国的官员周二在华盛顿举行会谈，讨论了网络安全合作问题。双方同意继续对话。\n\n\
        أعلنت الحكومة عن خطة جديدة لدعم الاقتصاد في هذا العام، وقال الخبراء إنها خطوة مهمة.\n\n\
        Emoji 🎉 and text together, a sentence that ends properly with a full stop.\n";
    let article = cleaner.clean_text(mixed).unwrap();
    assert!(article.text().contains("网络安全"), "{:?}", article.text());
    assert!(article.text().contains("Правительство"));
}
