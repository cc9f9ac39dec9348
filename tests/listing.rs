//! A page whose content is a listing of teaser cards (each card one link
//! wrapping a heading and a summary) keeps its cards, while a story with a
//! grid of related cards beside it keeps the story alone.

/// One teaser card: the whole card is a link, as on topic pages and
/// catalogues.
fn card(title: &str, summary: &str) -> String {
    format!(
        "<div class='card'><a href='/{}'><h2>{title}</h2><p>{summary}</p></a></div>",
        title.len()
    )
}

fn cards() -> String {
    [
        card(
            "Renting a car could lead to your arrest",
            "Police drew their guns on a customer whose rental had been reported stolen by \
             mistake, and she is not the first driver this has happened to this year.",
        ),
        card(
            "What to know about the app behind the rentals",
            "The company lets owners rent out their own cars by the day, and it has grown \
             quickly in the cities where the big rental firms are short of cars.",
        ),
        card(
            "Rental car shortage spikes costs during travel season",
            "Travellers found empty lots and prices three times higher than last summer, as the \
             firms that sold their fleets in the spring struggle to buy new cars again.",
        ),
        card(
            "Airport announces a consolidated rental car facility",
            "The plan puts every rental company in one building between the two terminals, with \
             a covered walkway to each and a new road to take the shuttle buses off the kerb.",
        ),
    ]
    .concat()
}

#[test]
fn a_listing_of_cards_is_the_content() {
    let html = format!(
        "<html><head><title>Vehicle rental news</title></head><body>\
         <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
         <main><h1>Vehicle rental news</h1><p>The latest on vehicle rentals.</p>\
         <section class='list'>{}</section></main>\
         <footer><p>Copyright The Station.</p></footer></body></html>",
        cards()
    );
    let article = unboil::clean_article(&html).expect("a page");
    let text = article.text();
    assert!(text.contains("Police drew their guns"), "{text}");
    assert!(
        text.contains("a new road to take the shuttle buses"),
        "{text}"
    );
    assert!(!text.contains("Copyright"), "{text}");
}

#[test]
fn a_story_keeps_its_related_cards_out() {
    let html = format!(
        "<html><head><title>Council approves the new library</title></head><body>\
         <main><article><h1>Council approves the new library</h1>\
         <p>The town council voted on Tuesday evening to build the new library on the site of \
         the old bus depot, after two years of argument over its cost and its size.</p>\
         <p>Work is due to begin in the spring, and the library should open its doors to \
         readers before the end of next year, the council's leader told the meeting.</p>\
         <p>Opponents said the money would be better spent on the branch libraries that have \
         lost their opening hours, but the vote was carried by eleven to four.</p></article>\
         <div class='grid'><h2>More news</h2>{}</div></main></body></html>",
        cards()
    );
    let article = unboil::clean_article(&html).expect("a page");
    let text = article.text();
    assert!(text.contains("carried by eleven to four"), "{text}");
    assert!(!text.contains("Police drew their guns"), "{text}");
}

/// A news index: each card a linked headline over its summary and a
/// byline, the summary outside the link. The headlines are the listing's
/// content as much as the summaries are.
#[test]
fn a_news_index_keeps_its_cards_headlines() {
    let card = |i: usize, title: &str, summary: &str| {
        format!(
            "<article class='tease'><div class='eyebrow'><a href='/s'>North America</a></div>\
             <h3 class='tease-title'><a href='/{i}'>{title}</a></h3>\
             <p class='tease-text'>{summary}</p>\
             <div class='byline'>Ann Lee | {i} days ago</div></article>"
        )
    };
    let cards = [
        card(
            1,
            "Trust sells five hotels for $47 million",
            "The trust sold five hotels with 679 rooms in four states for a combined price of \
             $47 million. Plus, more hotel deal news.",
        ),
        card(
            2,
            "Park Hyatt Tokyo reopens after restoration",
            "The hotel has reopened following a restoration that took nineteen months. Plus, \
             more hotel business news.",
        ),
        card(
            3,
            "Loews plans a $410 million hotel in Arlington",
            "The company will build a luxury hotel in Arlington, Texas, replacing the old \
             hotel beside the stadium by September. Plus, more development news.",
        ),
    ]
    .concat();
    let html = format!(
        "<html><head><title>Latest News</title></head><body><main><h1>Latest News</h1>\
         <section class='posts'><div class='stack'>{cards}</div></section></main></body></html>"
    );
    let article = unboil::clean_article(&html).expect("a page");
    let text = article.text();
    assert!(
        text.contains("Park Hyatt Tokyo reopens after restoration"),
        "{text}"
    );
    assert!(text.contains("reopened following a restoration"), "{text}");
    assert!(text.contains("Loews plans a $410 million hotel"), "{text}");
}
