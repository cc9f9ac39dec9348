//! Unit tests of the headline's choice.

use super::*;

#[test]
fn a_title_without_a_separators_mark_does_not_hold_it() {
    let title = "Rain returns | The Daily – News";
    for sep in p::TITLE_SEPARATORS
        .iter()
        .chain(p::TITLE_CONFIRMED_SEPARATORS)
    {
        if title.contains(sep) {
            assert!(may_hold(title, sep), "{sep}");
        }
    }
    assert!(may_hold(title, " | ") && may_hold(title, " – "));
    assert!(!may_hold(title, " » ") && !may_hold(title, " ["));
    assert!(may_hold(title, " "));
}

#[test]
fn words_one_at_a_time_are_the_list_of_words() {
    let texts = [
        "",
        "  -- ",
        "Rain Returns to the Valley",
        "rain returns — to the valley!",
        "北京欢迎你 Beijing 2008",
        "ΣΟΦΙΑ Σοφία ΟΔΟΣ",
        "TMZ.com",
        "tmz com",
    ];
    // The list as it was built before the words came one at a time.
    let listed_before = |s: &'static str| {
        let mut out: Vec<Cow<'_, str>> = Vec::new();
        for w in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if w.chars().any(is_cjk) {
                out.extend(w.chars().map(|c| Cow::Owned(c.to_lowercase().collect())));
            } else {
                out.push(Cow::Owned(w.to_lowercase()));
            }
        }
        out
    };
    for a in texts {
        let listed = listed_before(a);
        assert_eq!(words(a), listed, "{a}");
        for b in texts {
            let same_before = !listed.is_empty() && listed == listed_before(b);
            assert_eq!(same(a, b), same_before, "{a} / {b}");
            assert_eq!(
                squashed(a).eq(squashed(b)),
                squash(a) == squash(b),
                "{a} / {b}"
            );
        }
    }
    assert_eq!(words("北京 News"), ["北", "京", "news"]);
}

fn h(texts: &[&str]) -> Vec<Heading> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Heading {
            node: i,
            text: t.to_string(),
        })
        .collect()
}

fn pick(declared: &[&str], title: Option<&str>, heads: &[&str], sites: &[&str]) -> Option<String> {
    pick_with(declared, title, heads, &[], sites)
}

fn pick_with(
    declared: &[&str],
    title: Option<&str>,
    heads: &[&str],
    subs: &[&str],
    sites: &[&str],
) -> Option<String> {
    let headings = h(heads);
    let sub_headings = || h(subs);
    let sites: Vec<String> = sites.iter().map(|s| s.to_string()).collect();
    let cx = Context {
        title_tag: title,
        headings: &headings,
        site_names: &sites,
        sub_headings: &sub_headings,
    };
    let declared: Vec<String> = declared.iter().map(|s| s.to_string()).collect();
    choose(&declared, &cx).map(|(t, _)| t)
}

#[test]
fn a_blogs_name_in_the_h1_is_not_the_headline() {
    // "Post | Blog" with the blog's name as the page's h1 and the post's
    // title as an h2: the post's title.
    let title = Some("First frost | Valley Garden Diary");
    assert_eq!(
        pick_with(
            &[],
            title,
            &["Valley Garden Diary"],
            &["First frost", "About me"],
            &[]
        )
        .as_deref(),
        Some("First frost")
    );
    // Without that h2, the h1 that the title ends with is still taken.
    assert_eq!(
        pick_with(&[], title, &["Valley Garden Diary"], &["About me"], &[]).as_deref(),
        Some("Valley Garden Diary")
    );
}

#[test]
fn site_affixes_are_removed() {
    // Suffix confirmed by the heading.
    assert_eq!(
        pick(
            &["Getting LEAN with Digital Ad UX | IAB"],
            None,
            &["Getting LEAN with Digital Ad UX"],
            &[]
        )
        .as_deref(),
        Some("Getting LEAN with Digital Ad UX")
    );
    // Suffix equal to og:site_name.
    assert_eq!(
        pick(
            &["'Neutral' Snopes Fact-Checker: a story - Breitbart"],
            None,
            &[],
            &["Breitbart"]
        )
        .as_deref(),
        Some("'Neutral' Snopes Fact-Checker: a story")
    );
    // Prefix equal to the site name.
    assert_eq!(
        pick(&[], Some("The Daily | Short one"), &[], &["The Daily"]).as_deref(),
        Some("Short one")
    );
    // Generic rule on <title>.
    assert_eq!(
        pick(&[], Some("A long headline here - Site"), &[], &[]).as_deref(),
        Some("A long headline here")
    );
    // Several affixes.
    assert_eq!(
        pick(
            &[],
            Some("Tite diz que errou - 21/12/2018 - Esporte - Folha"),
            &["Tite diz que errou"],
            &["Folha de S.Paulo"]
        )
        .as_deref(),
        Some("Tite diz que errou")
    );
    // CJK title with underscores, confirmed by the heading.
    assert_eq!(
        pick(
            &[],
            Some("宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网"),
            &["宇航员在太空中喝酒会怎么样？后果很严重"],
            &[]
        )
        .as_deref(),
        Some("宇航员在太空中喝酒会怎么样？后果很严重")
    );
    // A domain-like affix.
    assert_eq!(
        pick(&[], Some("Lupita's Dress -- STOLEN!!! | TMZ.com"), &[], &[]).as_deref(),
        Some("Lupita's Dress -- STOLEN!!!")
    );
}

#[test]
fn the_headline_is_not_the_site_name() {
    // og:title is a site-wide default; <title> and h1 agree.
    assert_eq!(
        pick(
            &["Yahoo News - Latest News & Headlines"],
            Some("Russia: Space ship malfunctions, breaks up over Siberia"),
            &["Russia: Space ship malfunctions, breaks up over Siberia"],
            &[]
        )
        .as_deref(),
        Some("Russia: Space ship malfunctions, breaks up over Siberia")
    );
    // A heading that is the site name is not the headline.
    assert_eq!(
        pick(
            &[],
            Some("Salon - The sharing economy is a lie"),
            &["Salon", "The sharing economy is a lie"],
            &["Salon"]
        )
        .as_deref(),
        Some("The sharing economy is a lie")
    );
    // A colon is part of the headline, not a separator.
    assert_eq!(
        pick(
            &[],
            Some("Daring Fireball: Colophon"),
            &["About This Site"],
            &[]
        )
        .as_deref(),
        Some("Daring Fireball: Colophon")
    );
}

#[test]
fn declared_title_wins_over_a_different_heading() {
    assert_eq!(
        pick(
            &["The Modern Ambitions Behind Neon"],
            Some("A Brief History of Neon Signage - CityLab"),
            &["Why Neon Is the Ultimate Symbol of the 20th Century"],
            &["CityLab"]
        )
        .as_deref(),
        Some("The Modern Ambitions Behind Neon")
    );
}

#[test]
fn the_visible_heading_beats_a_reworded_title_tag() {
    // Curly quotes the <title> made straight.
    assert_eq!(
        pick(
            &[],
            Some("Why Donald Trump won't change | CNN Politics"),
            &["Why Donald Trump won’t change"],
            &["cnn"]
        )
        .as_deref(),
        Some("Why Donald Trump won’t change")
    );
    // The same story worded for search results.
    assert_eq!(
        pick(
            &[],
            Some("Why New Yorkers Received an Alert About a Manhunt - The Atlantic"),
            &["Why New Yorkers Received a Push Alert About a Manhunt"],
            &["theatlantic"]
        )
        .as_deref(),
        Some("Why New Yorkers Received a Push Alert About a Manhunt")
    );
    // A site affix after a CJK separator.
    assert_eq!(
        pick(
            &[],
            Some("メディア芸術祭賞、「チコちゃんに叱られる！」が受賞：朝日新聞デジタル"),
            &["メディア芸術祭賞、「チコちゃんに叱られる！」が受賞"],
            &["asahi"]
        )
        .as_deref(),
        Some("メディア芸術祭賞、「チコちゃんに叱られる！」が受賞")
    );
    // Another headline altogether, as the page's only heading.
    assert_eq!(
        pick(
            &[],
            Some("Why Does Slack Say Hummus?"),
            &["The Adorable Reason You Can Set Your Alert Sound to “Hummus” on Slack"],
            &["forward"]
        )
        .as_deref(),
        Some("The Adorable Reason You Can Set Your Alert Sound to “Hummus” on Slack")
    );
    // A short lone heading is a section name, not the headline...
    assert_eq!(
        pick(
            &[],
            Some("Babies Who Eat Peanuts Early May Avoid Allergy"),
            &["Allergies Health Center"],
            &[]
        )
        .as_deref(),
        Some("Babies Who Eat Peanuts Early May Avoid Allergy")
    );
    // ...and a heading the <title> names in its suffix is the site.
    assert_eq!(
        pick(
            &[],
            Some("Conversations with a Cryptid - Chapter 1 [Archive of Our Own]"),
            &["Archive of Our Own beta"],
            &[]
        )
        .as_deref(),
        Some("Conversations with a Cryptid")
    );
}

#[test]
fn similarity_counts_shared_words() {
    assert!((similarity("Rain returns", "rain RETURNS | The Daily") - 1.0).abs() < 1e-6);
    assert!(similarity("Yahoo News", "Russia space ship") < 0.1);
    assert!(similarity("", "x") == 0.0);
}

#[test]
fn lower_is_to_lowercase() {
    for w in [
        "abc",
        "ABC",
        "Straße",
        "ǅemal",
        "ǆemal",
        "ΟΔΟΣ",
        "οδος",
        "İstanbul",
        "Σ",
        "ᾈ",
    ] {
        assert_eq!(lower(w), w.to_lowercase(), "{w}");
    }
}

#[test]
fn inline_markup_in_a_title_is_not_its_text() {
    assert_eq!(unmark("The Antidote <br/>to DEI"), "The Antidote  to DEI");
    assert_eq!(
        unmark("A <i>Hamlet</i> for <EM class='x'>now</EM>"),
        "A Hamlet for now"
    );
    // Anything else in angle brackets is the title's own words.
    assert_eq!(
        unmark("<table>: The Table element"),
        "<table>: The Table element"
    );
    assert_eq!(unmark("1 < 2 and <b"), "1 < 2 and <b");
    let picked = pick(&["The Antidote <br/>to DEI"], None, &[], &[]);
    assert_eq!(picked.as_deref(), Some("The Antidote to DEI"));
}

#[test]
fn a_dialogs_heading_is_no_headline() {
    let html = "<html><head><title>Daily Trends - Trends</title></head><body>\
                <div role='dialog'><h1>Your choice regarding cookies on this site</h1>\
                <p>We use cookies.</p></div>\
                <div aria-modal='true'><h1>Sign up for our newsletter today</h1></div>\
                <h1>Rivers rise after a week of rain</h1></body></html>";
    let doc = Document::parse(html, &crate::options::Options::new()).unwrap();
    let texts: Vec<String> = headings(&doc).into_iter().map(|h| h.text).collect();
    assert_eq!(texts, ["Rivers rise after a week of rain"]);
}
