//! Unit tests of the locate stage.

use super::*;
use crate::options::Options;
use crate::patterns::{LADDER, Patterns};

#[test]
fn the_story_div_wins_over_the_sidebar() {
    let para = "<p>This is a long paragraph of the story, with commas, clauses, and enough text to vote.</p>";
    let html = format!(
        "<body><div id='side'><p>Short link list</p></div><div id='story'>{}</div></body>",
        para.repeat(5)
    );
    let (doc, blocks, c) = container_of(&html);
    let top = c.top.unwrap();
    assert_eq!(doc.hints_of(top), "story");
    assert!(!c.contains(blocks[0].owner()));
    assert!(c.contains(blocks[1].owner()));
}

fn container_of(html: &str) -> (Document, Blocks, Container) {
    titled_container_of(html, None)
}

fn titled_container_of(html: &str, title: Option<&str>) -> (Document, Blocks, Container) {
    let doc = Document::parse(html, &Options::new()).unwrap();
    let pruned = crate::prune::prune(&doc, &Patterns::shared(), LADDER[0]);
    let blocks = crate::blocks::segment(&doc, &pruned, false);
    let declared = Declared {
        title,
        story: false,
    };
    let c = locate(&doc, &pruned, &blocks, LADDER[0], declared, &Deadline::NONE);
    (doc, blocks, c)
}

fn declared_container_of(html: &str, declared: Declared) -> Container {
    let doc = Document::parse(html, &Options::new()).unwrap();
    let pruned = crate::prune::prune(&doc, &Patterns::shared(), LADDER[0]);
    let blocks = crate::blocks::segment(&doc, &pruned, false);
    locate(&doc, &pruned, &blocks, LADDER[0], declared, &Deadline::NONE)
}

#[test]
fn a_landing_page_is_every_section_under_its_headline() {
    // A hero box with the page's h1, then a series of service cards and
    // an FAQ box that outscores each card, three levels under the
    // element that holds the headline: the FAQ holds under half of the
    // prose under the headline, and the prose-cover climb stops two
    // levels up.
    let card = |i: usize| {
        format!(
            "<div class='card'><h3>Service {i}</h3><div class='blurb'><p>We help your team \
             plan, build and run the systems your business needs, from the first idea to the \
             last mile.</p></div></div>"
        )
    };
    let cards: String = (0..10).map(card).collect();
    let faq = "<p>How long does a project take? Most projects take three to six months, \
        depending on the size of the team, the systems involved, and the data to move.</p>";
    let html = format!(
        "<body><div id='page'><div class='hero'><h1>Consulting services</h1></div>\
         <div class='sections'><div class='cards'>{cards}</div></div>\
         <div class='lower'><p>Contact</p><div class='col'><p>Questions</p>\
         <div class='more'><p>Answers</p><div id='faq'>{}</div></div></div></div></div></body>",
        faq.repeat(5)
    );
    let top_of = |story: bool| {
        let c = declared_container_of(&html, Declared { title: None, story });
        let doc = Document::parse(&html, &Options::new()).unwrap();
        doc.hints_of(c.top.unwrap()).to_string()
    };
    // Not declared a story: the headline's region, cards and FAQ.
    assert_eq!(top_of(false), "page");
    // Declared an article: the scored box stays.
    assert_ne!(top_of(true), "page");
}
#[test]
fn a_short_story_under_its_headline_does_not_climb_over_the_comments() {
    // A blog post of three sentences under its own headline, three longer
    // replies beside it and a long "About me" box: the post holds a
    // fifth of the page's prose, but it is the whole story.
    let replies = [
        "What a lovely post, we had the same frost here in the north and lost all our beans \
         overnight. I always leave the tubers a week before lifting them, it seems to help \
         them keep through the winter months.",
        "Thank you for the reminder about the sawdust. Last year I used newspaper and half of \
         them rotted by February, which was a great disappointment after all that work in \
         the summer.",
        "Our dahlias are still going strong down here in the south, but I expect it will not \
         be long now. Do you cut the stems right back before you lift them or leave a few \
         inches on?",
    ];
    let replies: String = replies
        .iter()
        .enumerate()
        .map(|(i, r)| {
            format!("<div class='resp'><p class='who'>Reader {i} wrote on October 2{i}</p><p>{r}</p></div>")
        })
        .collect();
    let html = format!(
        "<body><div id='main'><div class='post'><h2 class='post-title'>First frost</h2>\
         <div class='post-header'>Posted by Margaret on October 21</div><div class='post-body'>\
         We finally had our first frost last night. The dahlias are black this morning, so \
         the tubers come up this weekend. I will dry them in the shed as usual and store \
         them in boxes of sawdust until spring.</div></div><div id='responses'><h4>3 \
         responses</h4>{replies}</div></div><div id='side'><h2>About me</h2><p>I am a \
         retired teacher who writes about gardening, local history and the small pleasures \
         of country life. I have lived in this valley for forty years and I still find \
         something new on every walk. My husband and I keep bees, grow far too many \
         tomatoes and argue about the best way to prune roses. This blog began as a diary \
         for my grandchildren and grew from there.</p></div></body>"
    );
    let (doc, blocks, c) = titled_container_of(&html, Some("First frost"));
    assert_eq!(doc.hints_of(c.top.unwrap()), "post");
    let about = blocks
        .iter()
        .find(|b| blocks.text(b).starts_with("I am a retired"))
        .unwrap();
    assert!(!c.contains(about.owner()));
    let reply = blocks
        .iter()
        .find(|b| blocks.text(b).starts_with("What a lovely post"))
        .unwrap();
    assert!(!c.contains(reply.owner()), "a reply joined the story");
    // Without the title the post is one part among others: the climb
    // takes in its parent, as before.
    let (doc, _, c) = titled_container_of(&html, None);
    assert_eq!(doc.hints_of(c.top.unwrap()), "main");
}

#[test]
fn a_story_in_sections_is_located_whole() {
    // The references box scores best (commas), but the sections beside
    // it hold most of the prose: the container climbs to take them in.
    let section = |i: usize| {
        format!(
            "<div class='s{i}'><div><h2>Question {i}?</h2></div><div class='a{i}'><div>\
             <p>An answer of plain prose that runs on for a while, long enough to count \
             as running text here. A second sentence makes the answer twice as long as \
             that.</p></div></div></div>"
        )
    };
    let sections: String = (0..6).map(section).collect();
    let refs = "<li>Doe J, Roe R, Poe P, Low L, et al. A study, of things, in a journal, \
        2020, 1(2), 3-4, with, many, commas, and, more, of, them.</li>";
    let html = format!(
        "<body><div id='main'>{sections}<div id='refs'><ol>{}</ol></div></div>\
         <div id='teasers'><p><a href='/a'>Another story</a> and a summary of it, long \
         enough to pass for prose if links did not count against it.</p></div></body>",
        refs.repeat(6)
    );
    let (doc, blocks, c) = container_of(&html);
    assert_eq!(doc.hints_of(c.top.unwrap()), "main");
    let first_answer = blocks
        .iter()
        .find(|b| blocks.text(b).starts_with("An answer"))
        .unwrap();
    assert!(c.contains(first_answer.owner()));
    let teaser = blocks
        .iter()
        .find(|b| blocks.text(b).starts_with("Another story"))
        .unwrap();
    assert!(!c.contains(teaser.owner()));
}

/// A forum thread: the longest post wins the scoring, and the container
/// becomes the list of posts; two posts of the same class are not yet
/// a thread (a story and its pull-quote box can share a class) unless the
/// class names a post (a question and its one answer).
#[test]
fn a_post_of_a_thread_brings_the_thread() {
    let thread_of = |class: &'static str| move |n: usize| thread_page(class, n);
    let thread = thread_of("msg");
    let owner_of = |blocks: &Blocks, start: &str| {
        blocks
            .iter()
            .find(|b| blocks.text(b).starts_with(start))
            .unwrap()
            .owner()
    };
    let (doc, blocks, c) = container_of(&thread(4));
    assert_eq!(doc.hints_of(c.top.unwrap()), "thread");
    assert!(!c.contains(owner_of(&blocks, "A sidebar")));

    let (doc, _, c) = container_of(&thread(2));
    assert_ne!(doc.hints_of(c.top.unwrap()), "thread");

    for named in ["answer", "cpost", "row post-row"] {
        let (doc, _, c) = container_of(&thread_of(named)(2));
        assert_eq!(doc.hints_of(c.top.unwrap()), "thread", "{named}");
    }
    for layout in ["post-content", "posts", "column"] {
        let (doc, _, c) = container_of(&thread_of(layout)(2));
        assert_ne!(doc.hints_of(c.top.unwrap()), "thread", "{layout}");
    }
}

/// A page of `n` posts of class `class` (the second the longest) and a
/// sidebar.
fn thread_page(class: &str, n: usize) -> String {
    let post = |i: usize, words: usize| {
        format!(
            "<div class='{class} m{i}'><div class='who'>user{i}</div><div class='txt'>\
             <div><div><div><p>{}</p></div></div></div></div></div>",
            "Plain words of a reply, with commas, that run on. ".repeat(words)
        )
    };
    let posts: String = (0..n)
        .map(|i| post(i, if i == 1 { 12 } else { 3 }))
        .collect();
    format!(
        "<body><div id='wrap'><div id='thread'>{posts}</div>\
         <div id='side'><p>A sidebar note of its own words, long enough to be prose \
         for the measure here.</p></div></div></body>"
    )
}

/// A landing page: a lead box, then prose sections each nested deep in
/// wrappers, with `others` (three same-class boxes or three sections of
/// their own class) beside the lead inside `main`.
fn landing(others: &str) -> String {
    let lead = "<p>Our consulting team, with decades of work, helps you plan, build, and \
        run the systems your business needs, from the first idea to the last bolt.</p>";
    format!(
        "<body><nav><a href='/'>Home</a></nav><main><div><h2>Consulting</h2><div>\
         <h3>Services</h3><div><h4>Plans</h4><div id='lead'>{}</div></div></div></div>\
         <div id='rest'>{others}</div></main></body>",
        lead.repeat(4)
    )
}

fn wrapped(class: &str, i: usize) -> String {
    format!(
        "<div class='{class}{i}'><div><div><p>Section {i} of the page tells more of the same \
         service in plain words, and this second sentence makes it long enough.</p>\
         <p>Another paragraph of the section follows, so that the sections together hold \
         more prose than the lead box does.</p></div></div></div>"
    )
}

#[test]
fn inside_main_the_cover_climb_takes_every_section() {
    let sections: String = (0..4).map(|i| wrapped("sec", i)).collect();
    let (doc, _, c) = container_of(&landing(&sections));
    assert_eq!(doc.tag(c.top.unwrap()), Tag::Main);
}

#[test]
fn the_cover_climb_stops_at_a_series_of_posts() {
    // The same prose as one class repeated: a comment thread or a
    // stream of teasers beside the story, not more of it.
    let posts: String = (0..4).map(|_| wrapped("post", 0)).collect();
    let (doc, _, c) = container_of(&landing(&posts));
    let t = c.top.unwrap();
    assert_ne!(
        doc.tag(t),
        Tag::Main,
        "{:?} {:?}",
        doc.tag(t),
        doc.hints_of(t)
    );
}

/// A page whose short story sits in `main` under its headline, beside a
/// longer sign-up box outside it.
fn main_page(story_attrs: &str) -> String {
    let pitch = "<p>Create your account today, and connect with a whole world of communities, \
                 friends, and the conversations that matter to you most.</p>"
        .repeat(3);
    format!(
        "<body><main {story_attrs}><h1>The council votes on the bridge</h1>\
         <div id='item'><p>The council voted on Monday to rebuild the old bridge.</p></div>\
         </main><div id='box'>{pitch}</div></body>"
    )
}

#[test]
fn a_short_story_in_the_main_region_wins_over_a_longer_box_outside_it() {
    let (doc, blocks, c) = container_of(&main_page(""));
    let story = blocks
        .iter()
        .find(|b| blocks.text(b).contains("council voted"))
        .unwrap();
    let pitch = blocks
        .iter()
        .find(|b| blocks.text(b).contains("account"))
        .unwrap();
    assert!(c.contains(story.owner()));
    assert!(!c.contains(pitch.owner()));
    let top = c.top.unwrap();
    assert!(doc.ancestors(top).any(|a| doc.tag(a) == Tag::Main));
}

#[test]
fn a_main_region_without_a_headline_does_not_pull_the_story() {
    // The same page with its headline hidden: nothing marks the region as
    // the story's, and the longer box keeps the vote.
    let html = main_page("").replace("<h1>", "<h1 hidden>");
    let (_, blocks, c) = container_of(&html);
    let pitch = blocks
        .iter()
        .find(|b| blocks.text(b).contains("account"))
        .unwrap();
    assert!(c.contains(pitch.owner()));
}

/// A page whose four-line story sits in an `article` under its headline
/// (in the article's header), beside a longer box of prose outside it;
/// `around` wraps the box.
fn article_page(headline: &str, around: (&str, &str)) -> String {
    let teaser = "<p>The league's spring tournament drew a record crowd on Saturday, \
                  and organisers said the new stadium, with its long roof, would host \
                  next year's final, the first in the city since the war.</p>"
        .repeat(6);
    format!(
        "<body><article><header>{headline}</header><div id='story'>\
         <p>The mayor opened the new library on Friday morning.</p>\
         <p>It holds forty thousand books and a reading garden.</p></div></article>\
         {}<div id='stream'>{teaser}</div>{}</body>",
        around.0, around.1
    )
}

fn keeps(html: &str, needle: &str) -> bool {
    let (_, blocks, c) = container_of(html);
    let block = blocks
        .iter()
        .find(|b| blocks.text(b).contains(needle))
        .unwrap();
    c.contains(block.owner())
}

#[test]
fn a_short_story_under_the_headline_in_its_article_wins_over_a_longer_box() {
    let html = article_page("<h1>Library opens</h1>", ("", ""));
    assert!(keeps(&html, "mayor opened"));
    assert!(!keeps(&html, "spring tournament"));
}

#[test]
fn the_headline_article_does_not_pull_without_one_headline() {
    // No headline, or two: nothing says which article is the page's.
    for headline in ["<h2>Library opens</h2>", "<h1>Library</h1><h1>opens</h1>"] {
        let html = article_page(headline, ("", ""));
        assert!(keeps(&html, "spring tournament"), "{headline}");
    }
}

#[test]
fn a_container_in_another_article_keeps_the_vote() {
    // A front page: the featured story holds the only `h1`, the story
    // outscoring it is an article of its own.
    let html = article_page("<h1>Library opens</h1>", ("<article>", "</article>"));
    assert!(keeps(&html, "spring tournament"));
    assert!(!keeps(&html, "mayor opened"));
}

#[test]
fn a_headline_above_main_anchors_the_story_in_main() {
    // The headline sits above the page's columns; the story is the first
    // `main` after it, beside a longer box outside both.
    let html = article_page("", ("", ""))
        .replace(
            "<article><header></header>",
            "<h1>Library opens</h1><main><div class='byline'>By Ann Lee</div>",
        )
        .replace("</article>", "</main>");
    assert!(keeps(&html, "mayor opened"));
    assert!(!keeps(&html, "spring tournament"));
    // An `article` after the headline is not its region (teaser cards).
    let cards = html
        .replace("<main>", "<article>")
        .replace("</main>", "</article>");
    assert!(keeps(&cards, "spring tournament"));
}

#[test]
fn replies_as_bare_list_items_are_a_thread() {
    // A thread whose replies are the class-less `li`s of an `ol`.
    let reply = |words: usize| {
        format!(
            "<li><div class='who'>user</div><div class='txt'><div><p>{}</p></div></div></li>",
            "Plain words of a reply, with commas, that run on. ".repeat(words)
        )
    };
    let replies: String = [3, 12, 3, 3].iter().map(|&w| reply(w)).collect();
    let html = format!(
        "<body><div id='wrap'><ol id='thread'>{replies}</ol><div id='side'><p>A sidebar \
         note of its own words, long enough to be prose for the measure here.</p></div></div></body>"
    );
    let (doc, _, c) = container_of(&html);
    assert_eq!(doc.hints_of(c.top.unwrap()), "thread");
}

#[test]
fn short_replies_make_a_thread_but_link_lists_do_not() {
    // One long post among replies of a line each: the replies are not
    // prose (each sentence is short), but they are text, not links.
    let thread = |reply: &str| {
        let post = |body: &str| {
            format!(
                "<div class='post'><div class='who'>user</div><div class='txt'>{body}</div></div>"
            )
        };
        let long = format!(
            "<p>{}</p>",
            "Plain words of a post, with commas, that run on. ".repeat(12)
        );
        let posts: String = [long.as_str(), reply, reply, reply]
            .iter()
            .map(|b| post(b))
            .collect();
        format!(
            "<body><div id='wrap'><div id='thread'>{posts}</div><div id='side'><p>A sidebar \
             note of its own words, long enough to be prose for the measure here.</p></div></div></body>"
        )
    };
    let reply = "<p>Thanks, that fixed it.</p><p>I had the same problem with my setup here.</p>\
                 <p>Me too, on two sites.</p>";
    let (doc, _, c) = container_of(&thread(reply));
    assert_eq!(doc.hints_of(c.top.unwrap()), "thread");
    let links = "<p><a href='/a'>Thanks, that fixed it.</a> <a href='/b'>I had the same problem \
                 with my setup here.</a> <a href='/c'>Me too, on two sites.</a></p>";
    let (doc, _, c) = container_of(&thread(links));
    assert_ne!(doc.hints_of(c.top.unwrap()), "thread");
}

/// A thread laid out as a table's rows (Hacker News): the table is the
/// top, and the rows' parent (its `tbody`, under the top) is the thread's.
fn table_thread(replies: usize) -> String {
    let row = |i: usize| {
        format!(
            "<tr class='athing'><td><span class='user'>user{i}</span></td><td><div class='text'>\
             A reply of a few plain sentences, long enough to be a post of this thread, number \
             {i}. It goes on with a second sentence.</div></td></tr>"
        )
    };
    let rows: String = (0..replies).map(row).collect();
    format!(
        "<body><table class='fatitem'><tr><td>Ask: what next?</td></tr></table>\
         <table class='tree'>{rows}</table></body>"
    )
}

#[test]
fn a_table_of_replies_is_a_thread() {
    let (doc, _, c) = container_of(&table_thread(5));
    let top = c.top.unwrap();
    assert_eq!(doc.hints_of(top), "tree");
    let thread = c.thread.expect("a thread");
    assert_eq!(doc.tag(thread), Tag::TableSection);
    assert_eq!(doc.parent(thread), Some(top));
    // Two replies are not a thread.
    let (_, _, c) = container_of(&table_thread(2));
    assert_eq!(c.thread, None);
}

#[test]
fn a_few_boxes_of_one_class_in_a_story_are_not_a_thread() {
    let para = "<p>The story's own paragraph, in plain words, with commas, long enough to vote \
                for the container that holds it here.</p>";
    let boxed = "<div class='inline'><p>A photo box's caption of some length, long enough to \
                 pass for a reply's few lines here.</p></div>";
    let html = format!(
        "<body><article id='story'>{}{boxed}{}{boxed}{boxed}</article></body>",
        para.repeat(6),
        para.repeat(6)
    );
    let (doc, _, c) = container_of(&html);
    assert_eq!(doc.hints_of(c.top.unwrap()), "story");
    assert_eq!(c.thread, None);
}

#[test]
fn a_product_page_is_its_specifications_not_its_reviews() {
    // The headline's box holds a price, a table of specifications and a
    // list, and no paragraph; the customers' opinions below, a box of
    // their own at the top level, hold the only prose (named `review` they
    // would go on the strict rung; a relaxed rung keeps them).
    let row = |name: &str, value: &str| format!("<tr><th>{name}</th><td>{value}</td></tr>");
    let rows: String = [
        ("Voltage", "18 V"),
        ("Chuck size", "13 mm keyless"),
        ("Max torque", "60 Nm"),
        ("Battery", "2 x 2.0 Ah Li-ion"),
        ("Charging time", "45 minutes"),
        ("Weight", "1.6 kg with battery"),
    ]
    .iter()
    .map(|(n, v)| row(n, v))
    .collect();
    let html = format!(
        "<body><div id='product'><h1>Acme X200 Cordless Drill</h1><p>$129.00</p>\
         <h2>Specifications</h2><table>{rows}</table><h2>In the box</h2>\
         <ul><li>Drill</li><li>Two batteries</li><li>Charger</li><li>Carry case</li></ul></div>\
         <div id='opinions'><div class='opinion'><p>I bought this drill for a kitchen \
         renovation and it has been great, the batteries last a whole day of work.</p></div>\
         <div class='opinion'><p>Solid drill for the price. The case is a bit flimsy, but the \
         drill itself feels well made, and the charger is quick.</p></div></div></body>"
    );
    let top_of = |story: bool| {
        let c = declared_container_of(&html, Declared { title: None, story });
        let doc = Document::parse(&html, &Options::new()).unwrap();
        c.top.map(|t| doc.hints_of(t).to_string())
    };
    assert_eq!(top_of(false).as_deref(), Some("product"));
    // A page declaring an article keeps the prose's box.
    assert_ne!(top_of(true).as_deref(), Some("product"));
}
