//! Metadata read from the page: headline, authors, dates, site name,
//! language, description, canonical URL, image, categories, tags and page
//! type.
//!
//! Each source has its own module and reports what it found as a
//! [`Found`]; [`PRECEDENCE`] says, field by field, which source wins:
//!
//! | module | source |
//! | --- | --- |
//! | `jsonld` | `<script type="application/ld+json">` |
//! | `meta_tags` | OpenGraph, Twitter cards, named `<meta>` (Dublin Core, Parse.ly, Sailthru...) |
//! | `microdata` | `itemprop` values of the article item |
//! | `document` | `<title>`, `<html lang>`, `<link rel=canonical>`, `rel="category"`/`rel="tag"` links |
//! | `dom_byline` | byline elements, `<time>` and other dated elements, dates in the text near the headline, elements whose class names a date |
//! | `url_date` | a date in the URL path |
//! | `title` | the headline: declared titles checked against the page's headings |
//! | `date`, `author` | the date type and parser; author-name cleaning |
//!
//! Everything is read from the one parse, before pruning (which drops the
//! scripts that carry JSON-LD).

pub(crate) mod author;
pub(crate) mod date;
mod document;
mod dom_byline;
mod jsonld;
mod language;
mod meta_tags;
mod microdata;
mod title;
mod url_date;

use url::Url;

use crate::article::Article;
use crate::datetime::DateTime;
use crate::dom::text::collapse;
use crate::dom::{Document, NodeId};
use crate::options::Deadline;
use crate::url::{host_label, resolve};

use language::bcp47;
pub(crate) use language::detect_language;

/// What one source found; empty fields mean "nothing here".
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Found {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<DateTime>,
    pub modified: Option<DateTime>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub image: Option<String>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub page_type: Option<String>,
}

/// Where a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// schema.org JSON-LD.
    JsonLd,
    /// `og:*` and `article:*` `<meta property>`.
    OpenGraph,
    /// `twitter:*` `<meta name>`.
    Twitter,
    /// Other `<meta name>`: `author`, `description`, `dc.*`, `parsely-*`,
    /// `sailthru.*`, `citation_*`...
    MetaName,
    /// Microdata (`itemprop`).
    Microdata,
    /// The document itself: `<title>`, `<html lang>`, `<link
    /// rel=canonical>`, `rel="category"`/`rel="tag"` links.
    Html,
    /// `<time datetime>` near the headline.
    TimeElement,
    /// A byline element near the headline.
    Byline,
    /// A date in the page's URL.
    Url,
    /// A date written in the text around the headline.
    NearHeadline,
    /// An element whose class or id names a date, anywhere in the story.
    DateElement,
}

/// A field of [`Article`] that metadata fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Title,
    Authors,
    Published,
    Modified,
    SiteName,
    Language,
    Description,
    Url,
    Image,
    Categories,
    Tags,
    PageType,
}

/// Which source wins, field by field: the first source in the list that
/// has a value gives it. Declared metadata (JSON-LD, then OpenGraph and the
/// other tags) goes before what is read from the page's layout; the
/// headline is then checked against the page's headings (`title`), and the
/// language is detected from the text when no source declares it.
pub(crate) const PRECEDENCE: &[(Field, &[Source])] = {
    use Source::*;
    &[
        (
            Field::Title,
            &[JsonLd, OpenGraph, Twitter, MetaName, Microdata, Html],
        ),
        (
            Field::Authors,
            &[JsonLd, MetaName, OpenGraph, Twitter, Microdata, Byline],
        ),
        (
            Field::Published,
            &[
                JsonLd,
                OpenGraph,
                MetaName,
                Microdata,
                TimeElement,
                Url,
                NearHeadline,
                DateElement,
            ],
        ),
        (
            Field::Modified,
            &[
                JsonLd,
                OpenGraph,
                MetaName,
                Microdata,
                TimeElement,
                DateElement,
            ],
        ),
        (Field::SiteName, &[OpenGraph, JsonLd, MetaName, Microdata]),
        (
            Field::Language,
            &[Html, JsonLd, MetaName, OpenGraph, Microdata],
        ),
        (
            Field::Description,
            &[OpenGraph, JsonLd, MetaName, Twitter, Microdata],
        ),
        (Field::Url, &[Html, OpenGraph, JsonLd]),
        (
            Field::Image,
            &[OpenGraph, JsonLd, Twitter, Microdata, MetaName],
        ),
        (
            Field::Categories,
            &[JsonLd, OpenGraph, MetaName, Microdata, Html],
        ),
        (Field::Tags, &[JsonLd, OpenGraph, MetaName, Microdata, Html]),
        (Field::PageType, &[JsonLd, OpenGraph, Microdata]),
    ]
};

/// The sources of a field, in precedence order.
fn sources(field: Field) -> &'static [Source] {
    PRECEDENCE
        .iter()
        .find(|(f, _)| *f == field)
        .map_or(&[], |(_, s)| *s)
}

/// Every source's findings.
struct Findings(Vec<(Source, Found)>);

impl Findings {
    fn get(&self, source: Source) -> Option<&Found> {
        self.0.iter().find(|(s, _)| *s == source).map(|(_, f)| f)
    }

    /// The first value of `field` in precedence order.
    fn pick<T>(&self, field: Field, value: impl Fn(&Found) -> Option<T>) -> Option<T> {
        sources(field)
            .iter()
            .filter_map(|s| self.get(*s))
            .find_map(value)
    }

    /// The first non-empty list of `field` in precedence order.
    fn pick_list(&self, field: Field, value: impl Fn(&Found) -> &Vec<String>) -> Vec<String> {
        self.pick(field, |f| {
            let list = value(f);
            (!list.is_empty()).then(|| list.clone())
        })
        .unwrap_or_default()
    }
}

/// Metadata read from the page, before extraction; [`Metadata::apply`]
/// copies it into the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Metadata {
    pub found: Found,
    /// A source declares the page a discussion
    /// ([`crate::patterns::DISCUSSION_TYPES`]),
    /// read with or without `full`: the text depends on it.
    pub discussion: bool,
    /// A source declares the page a story
    /// ([`crate::patterns::STORY_TYPE_ENDINGS`]), read with or without
    /// `full`: the text depends on it.
    pub story: bool,
    /// The base that relative URLs resolve against (see `base_of`), for
    /// the story's links and images too.
    pub base: Option<Url>,
}

/// Reads every source of `doc` and picks each field by [`PRECEDENCE`].
/// `base_url` is the caller's URL of the page ([`crate::Options::base_url`]).
/// With `full` false ([`crate::Options::metadata`] off), only what the text
/// depends on is read: the headline and the base for relative URLs.
pub(crate) fn extract(doc: &Document, base_url: Option<&str>, full: bool) -> Metadata {
    extract_within(doc, base_url, full, &Deadline::NONE)
}

/// [`extract`], reading no more sources past `deadline`.
pub(crate) fn extract_within(
    doc: &Document,
    base_url: Option<&str>,
    full: bool,
    deadline: &Deadline,
) -> Metadata {
    let d = deadline;
    let headings = title::headings(doc);
    let title_tag = doc.title.as_deref().map(collapse);
    let mut hints: Vec<&str> = headings.iter().map(|h| h.text.as_str()).collect();
    hints.extend(title_tag.as_deref());
    hints.extend(
        doc.meta
            .iter()
            .filter(|(k, _)| k == "og:title")
            .map(|(_, v)| v.as_str()),
    );

    let mut findings = Findings(vec![
        (
            Source::JsonLd,
            d.unless_passed(|| jsonld::read(&doc.page.json_ld, &hints, full, d)),
        ),
        (
            Source::OpenGraph,
            d.unless_passed(|| meta_tags::open_graph(&doc.meta, full, d)),
        ),
        (
            Source::Twitter,
            d.unless_passed(|| meta_tags::twitter(&doc.meta)),
        ),
        (
            Source::MetaName,
            d.unless_passed(|| meta_tags::named(&doc.meta, full, d)),
        ),
        (
            Source::Microdata,
            d.unless_passed(|| microdata::read(doc, d)),
        ),
        (
            Source::Html,
            d.unless_passed(|| document::read(doc, title_tag.clone(), d)),
        ),
    ]);

    let discussion = findings.0.iter().any(|(_, f)| {
        f.page_type.as_deref().is_some_and(|t| {
            crate::patterns::DISCUSSION_TYPES.contains(&t.to_ascii_lowercase().as_str())
        })
    });
    let story = findings.0.iter().any(|(_, f)| {
        f.page_type.as_deref().is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            crate::patterns::STORY_TYPE_ENDINGS
                .iter()
                .any(|end| t.ends_with(end))
        })
    });
    // The URL and the base that relative URLs resolve against.
    let canonical = findings.pick(Field::Url, |f| f.url.clone());
    let base = base_of(doc, base_url, canonical.as_deref());
    let page_url = canonical
        .as_deref()
        .and_then(|u| resolve(u, base.as_ref()))
        .or_else(|| base_url.map(str::to_string));

    // The headline, checked against the page's headings.
    let declared: Vec<String> = sources(Field::Title)
        .iter()
        .filter(|s| **s != Source::Html)
        .filter_map(|s| findings.get(*s).and_then(|f| f.title.clone()))
        .collect();
    // A "site name" equal to a title (some pages put the headline in
    // `application-name`) is not one.
    let titles: Vec<&str> = declared
        .iter()
        .map(String::as_str)
        .chain(title_tag.as_deref())
        .collect();
    let site_like = |name: &String| !titles.iter().any(|t| title::same(t, name));
    let mut site_names: Vec<String> = sources(Field::SiteName)
        .iter()
        .filter_map(|s| findings.get(*s).and_then(|f| f.site_name.clone()))
        .filter(site_like)
        .collect();
    site_names.extend(
        [page_url.as_deref(), base_url]
            .into_iter()
            .flatten()
            .filter_map(host_label),
    );
    let sub_headings = || title::sub_headings(doc);
    let cx = title::Context {
        title_tag: title_tag.as_deref(),
        headings: &headings,
        site_names: &site_names,
        sub_headings: &sub_headings,
    };
    let chosen = title::choose(&declared, &cx);
    if !full {
        let found = Found {
            title: chosen.map(|(t, _)| t),
            ..Found::default()
        };
        return Metadata {
            found,
            base,
            discussion,
            story,
        };
    }
    let headline: Option<NodeId> = chosen
        .as_ref()
        .and_then(|(_, node)| *node)
        .or_else(|| headings.first().map(|h| h.node));

    // The sources that read the layout around the headline. The byline
    // element is last in the authors' precedence and costs a text walk: it
    // is read only when no source before it gives authors, which picks the
    // same authors. The date is chosen among every source's (a date alone
    // takes the time of a later source), so the date sources are read in
    // precedence order, and the two costly ones that come last (the date
    // patterns over the text near the headline, the walk over every
    // element for date classes) only while the dates are not settled by
    // the sources before them (`date_settled`): the same dates either way.
    // No date the layout shows is later than the newest the page declares.
    let newest = findings.newest_declared();
    if findings
        .pick_list(Field::Authors, |f| &f.authors)
        .is_empty()
    {
        let byline = d.unless_passed(|| dom_byline::byline(doc, headline, d));
        findings.0.push((Source::Byline, byline));
    }
    findings.0.push((
        Source::TimeElement,
        d.unless_passed(|| dom_byline::time_elements(doc, headline, newest, d)),
    ));
    findings.0.push((
        Source::Url,
        Found {
            published: [page_url.as_deref(), base_url]
                .into_iter()
                .flatten()
                .find_map(url_date::date_in_url)
                .filter(date::plausible_inferred),
            ..Found::default()
        },
    ));
    let published = |f: &Found| f.published;
    let modified = |f: &Found| f.modified;
    if !findings.date_settled(Field::Published, published) {
        findings.0.push((
            Source::NearHeadline,
            d.unless_passed(|| dom_byline::text_near_headline(doc, headline, newest)),
        ));
    }
    if !findings.date_settled(Field::Published, published)
        || !findings.date_settled(Field::Modified, modified)
    {
        findings.0.push((
            Source::DateElement,
            d.unless_passed(|| dom_byline::date_elements(doc, newest, d)),
        ));
    }

    let found = Found {
        title: chosen.map(|(t, _)| t),
        authors: findings.pick_list(Field::Authors, |f| &f.authors),
        published: findings.date(Field::Published, published),
        modified: findings.date(Field::Modified, modified),
        site_name: findings.pick(Field::SiteName, |f| f.site_name.clone().filter(site_like)),
        language: findings.pick(Field::Language, |f| f.language.as_deref().and_then(bcp47)),
        description: findings.pick(Field::Description, |f| f.description.clone()),
        url: page_url,
        image: findings.pick(Field::Image, |f| {
            f.image.as_deref().and_then(|i| resolve(i, base.as_ref()))
        }),
        categories: findings.pick_list(Field::Categories, |f| &f.categories),
        tags: findings.pick_list(Field::Tags, |f| &f.tags),
        page_type: findings.pick(Field::PageType, |f| f.page_type.clone()),
    };
    Metadata {
        found,
        base,
        discussion,
        story,
    }
}

impl Metadata {
    /// The headline, for the classifier (a heading that repeats it is
    /// not kept in the text).
    pub(crate) fn title(&self) -> Option<&str> {
        self.found.title.as_deref()
    }

    /// The base for relative URLs, when the page or the caller gives one.
    pub(crate) fn base(&self) -> Option<&Url> {
        self.base.as_ref()
    }

    /// Copies the metadata into `article`; the language, when no source
    /// declares it, is detected from the article's text.
    pub(crate) fn apply(self, article: &mut Article) {
        let f = self.found;
        article.title = f.title;
        article.authors = f.authors;
        article.published = f.published;
        article.modified = f.modified;
        article.site_name = f.site_name;
        article.language = f.language.or_else(|| detect_language(&article.text()));
        article.description = f.description;
        article.url = f.url;
        article.image = f.image;
        article.categories = f.categories;
        article.tags = f.tags;
        article.page_type = f.page_type;
    }
}

// ------------------------------------------------------------------- URLs

/// The base for relative URLs: `<base href>` (itself resolved against the
/// caller's URL), else the caller's URL, else an absolute canonical URL.
fn base_of(doc: &Document, base_url: Option<&str>, canonical: Option<&str>) -> Option<Url> {
    let caller = base_url.and_then(|u| Url::parse(u.trim()).ok());
    let base_tag = doc
        .page
        .base_href
        .as_deref()
        .and_then(|href| match &caller {
            Some(c) => c.join(href).ok(),
            None => Url::parse(href).ok(),
        });
    base_tag
        .or(caller)
        .or_else(|| canonical.and_then(|c| Url::parse(c.trim()).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    fn meta(html: &str) -> Found {
        meta_at(html, None)
    }

    fn meta_at(html: &str, base: Option<&str>) -> Found {
        extract(&Document::parse(html, &Options::new()).unwrap(), base, true).found
    }

    #[test]
    fn every_field_has_a_precedence_row() {
        for field in [
            Field::Title,
            Field::Authors,
            Field::Published,
            Field::Modified,
            Field::SiteName,
            Field::Language,
            Field::Description,
            Field::Url,
            Field::Image,
            Field::Categories,
            Field::Tags,
            Field::PageType,
        ] {
            assert!(!sources(field).is_empty(), "{field:?}");
        }
    }

    #[test]
    fn json_ld_graph_wins_over_meta_tags() {
        let f = meta(
            r##"<html lang="en-gb"><head><title>Rain returns | The Daily</title>
            <meta property="og:title" content="Rain returns">
            <meta name="author" content="Meta Author">
            <meta property="article:published_time" content="2015-01-01">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"#site","name":"The Daily"},
              {"@type":"Person","@id":"#jane","name":"Jane Doe"},
              {"@type":"WebPage","@id":"#page","datePublished":"2014-12-31"},
              {"@type":"NewsArticle","headline":"Rain returns","author":[{"@id":"#jane"},{"@type":"Person","name":"John Roe"}],
               "datePublished":"2015-02-25T11:46:00+01:00","publisher":{"@id":"#site"},
               "keywords":["weather","farming"],"articleSection":"Local"}]}</script>
            </head><body><h1>Rain returns</h1><p>Text.</p></body></html>"##,
        );
        assert_eq!(f.title.as_deref(), Some("Rain returns"));
        assert_eq!(f.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25T11:46:00+01:00")
        );
        assert_eq!(f.site_name.as_deref(), Some("The Daily"));
        assert_eq!(f.language.as_deref(), Some("en-GB"));
        assert_eq!(f.tags, ["weather", "farming"]);
        assert_eq!(f.categories, ["Local"]);
        assert_eq!(f.page_type.as_deref(), Some("NewsArticle"));
    }

    #[test]
    fn meta_tags_fill_what_json_ld_lacks() {
        let f = meta(
            r#"<head><title>x</title><meta name="author" content="By Jane Doe, Staff Writer">
            <meta name="description" content="  A   story. ">
            <meta property="og:site_name" content="The Daily">
            <meta property="og:type" content="article"></head><body></body>"#,
        );
        assert_eq!(f.authors, ["Jane Doe"]);
        assert_eq!(f.description.as_deref(), Some("A story."));
        assert_eq!(f.page_type.as_deref(), Some("article"));
    }

    #[test]
    fn relative_urls_resolve_against_base() {
        let html = r#"<head><base href="/news/"><link rel="canonical" href="story.html">
            <meta property="og:image" content="../img/a.jpg"></head><body></body>"#;
        let f = meta_at(html, Some("https://example.com/index.html"));
        assert_eq!(
            f.url.as_deref(),
            Some("https://example.com/news/story.html")
        );
        assert_eq!(f.image.as_deref(), Some("https://example.com/img/a.jpg"));
        // Without a caller URL, an absolute canonical URL is the base.
        let f = meta(
            r#"<head><link rel="canonical" href="https://example.com/2015/02/25/story/">
            <meta property="og:image" content="/img/a.jpg"></head><body></body>"#,
        );
        assert_eq!(f.image.as_deref(), Some("https://example.com/img/a.jpg"));
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25"),
            "the date in the URL"
        );
        // Nothing to resolve against: kept as written.
        let f = meta(r#"<head><meta property="og:image" content="/img/a.jpg"></head>"#);
        assert_eq!(f.image.as_deref(), Some("/img/a.jpg"));
        let f = meta(r#"<head><meta property="og:image" content="javascript:alert(1)"></head>"#);
        assert_eq!(f.image, None);
    }

    #[test]
    fn byline_and_date_from_the_layout() {
        let f = meta(
            r#"<body><nav><a href="/">Home</a></nav><article>
            <h1>US State Dept calls for cyber security boost</h1>
            <p class="byline">By Hua Shengdun in Washington (China Daily USA) Updated: 2015-02-25 11:46</p>
            <p>The US government pledges to have more cooperation with China.</p></article></body>"#,
        );
        assert_eq!(
            f.title.as_deref(),
            Some("US State Dept calls for cyber security boost")
        );
        assert_eq!(f.authors, ["Hua Shengdun"]);
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25T11:46:00")
        );
    }

    #[test]
    fn many_candidates_stay_linear() {
        // Each source meets 30,000 candidates; a quadratic pass would take
        // minutes.
        let n = 30_000;
        let mut html = String::from("<body><h1>A headline for the page</h1>");
        for i in 0..n {
            html.push_str(&format!(
                r#"<span class="author" itemprop="author" itemscope><span itemprop="name">Jane Doe {i}</span></span><time datetime="2015-02-25">x</time><a rel="tag" href="/t{i}">t{i}</a>"#
            ));
        }
        let start = std::time::Instant::now();
        let f = meta(&html);
        assert!(f.published.is_some());
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn hostile_metadata_does_not_panic() {
        // 10 MB of JSON-LD.
        let big = format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Big","articleBody":"{}","datePublished":"2015-02-25"}}</script><h1>Big</h1>"#,
            "x".repeat(10 * 1024 * 1024)
        );
        let f = meta(&big);
        assert_eq!(f.title.as_deref(), Some("Big"));
        assert!(f.published.is_some());
        // Deeply nested JSON: past serde_json's recursion limit.
        let deep = format!(
            r#"<script type="application/ld+json">{}{{"@type":"Article","headline":"Deep"}}{}</script>"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let _ = meta(&deep);
        let deep_objects = format!(
            r#"<script type="application/ld+json">{}</script>"#,
            r#"{"a":"#.repeat(50_000)
        );
        let _ = meta(&deep_objects);
        // Invalid dates, year 0 and year 99999.
        for date in [
            "0000-01-01",
            "99999-12-31",
            "2015-02-30",
            "garbage",
            "-1",
            "1e400",
        ] {
            let html = format!(
                r#"<script type="application/ld+json">{{"@type":"Article","datePublished":"{date}"}}</script>
                <meta property="article:published_time" content="{date}"><time datetime="{date}">x</time>"#
            );
            assert_eq!(meta(&html).published, None, "{date}");
        }
        // A .NET null date is not a date.
        let html = r#"<meta property="article:published_time" content="0001-01-01T00:00:00">"#;
        assert_eq!(meta(html).published, None);
        // Broken JSON-LD: trailing commas, raw newlines, comments, CDATA.
        let broken = "<script type=\"application/ld+json\"><!--//<![CDATA[\n{\"@type\":\"NewsArticle\",\n\"headline\":\"Line\none\",\"author\":{\"name\":\"Jane Doe\"},}\n//]]>--></script>";
        let f = meta(broken);
        assert_eq!(f.title.as_deref(), Some("Line one"));
        assert_eq!(f.authors, ["Jane Doe"]);
        // Truncated JSON: the main fields are read with patterns.
        let cut = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Cut short","datePublished":"2015-02-25","author":{"@type":"Person","name":"Jane Doe"},"articleBody":"never clo"#;
        let f = meta(cut);
        assert_eq!(f.title.as_deref(), Some("Cut short"));
        assert_eq!(f.authors, ["Jane Doe"]);
        assert!(f.published.is_some());
    }
}
