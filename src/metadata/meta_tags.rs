//! `<meta>` tags: OpenGraph (`og:*`, `article:*`), Twitter cards
//! (`twitter:*`) and named tags (`author`, `description`, `keywords`,
//! Dublin Core `dc.*`/`dcterms.*`, Parse.ly `parsely-*`, Sailthru
//! `sailthru.*`, Highwire `citation_*`, ...). Keys are matched lower case.

use super::{Found, author, date};
use crate::datetime::DateTime;
use crate::dom::text::collapse;
use crate::patterns as p;

type Meta = [(String, String)];

/// The first non-empty value among `keys`, in the order of `keys`.
fn first<'a>(meta: &'a Meta, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|key| {
        meta.iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    })
}

/// Every non-empty value of `key`, in page order.
fn all<'a>(meta: &'a Meta, key: &str) -> impl Iterator<Item = &'a str> + 'a {
    let key = key.to_string();
    meta.iter()
        .filter(move |(k, v)| *k == key && !v.trim().is_empty())
        .map(|(_, v)| v.as_str())
}

fn text(value: Option<&str>) -> Option<String> {
    let s = collapse(value?);
    (!s.is_empty()).then_some(s)
}

fn date_of(meta: &Meta, keys: &[&str]) -> Option<DateTime> {
    keys.iter()
        .filter_map(|k| first(meta, &[k]))
        .find_map(date::parse)
}

/// Comma- or semicolon-separated values, trimmed, without duplicates.
fn split_list<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        for part in value.split([',', ';']) {
            let part = collapse(part);
            if !part.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&part)) {
                out.push(part);
            }
        }
    }
    out
}

/// Authors from tag values; values that are URLs (`article:author` is
/// often a profile link) are skipped.
fn authors_of<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let v = value.trim();
        if v.starts_with("http://") || v.starts_with("https://") || v.starts_with('/') {
            continue;
        }
        for name in author::clean_authors(v) {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                out.push(name);
            }
        }
    }
    out
}

/// OpenGraph: `og:*` and the `article:*` properties of `og:type=article`.
pub(crate) fn open_graph(meta: &Meta) -> Found {
    Found {
        title: text(first(meta, &["og:title"])),
        authors: {
            let mut authors = authors_of(all(meta, "article:author"));
            if authors.is_empty() {
                authors = authors_of(all(meta, "og:article:author"));
            }
            authors
        },
        published: date_of(
            meta,
            &[
                "article:published_time",
                "og:article:published_time",
                "article:published",
                "og:published_time",
            ],
        ),
        modified: date_of(
            meta,
            &[
                "article:modified_time",
                "og:article:modified_time",
                "og:updated_time",
                "article:modified",
            ],
        ),
        site_name: text(first(meta, &["og:site_name"])),
        language: text(first(meta, &["og:locale"])),
        description: text(first(meta, &["og:description"])),
        url: text(first(meta, &["og:url"])),
        image: text(first(
            meta,
            &["og:image", "og:image:url", "og:image:secure_url"],
        )),
        categories: split_list(all(meta, "article:section")),
        tags: split_list(all(meta, "article:tag")),
        page_type: text(first(meta, &["og:type"])),
    }
}

/// Twitter cards. `twitter:creator` is a handle, not a name; a
/// "Written by" label/data pair (as WordPress SEO plugins write) is.
pub(crate) fn twitter(meta: &Meta) -> Found {
    let mut authors = Vec::new();
    for n in p::TWITTER_LABEL_PAIRS {
        let label = first(meta, &[&format!("twitter:label{n}")]).unwrap_or("");
        let label = label.trim().to_lowercase();
        if p::TWITTER_AUTHOR_LABELS.contains(&label.as_str()) {
            authors = authors_of(first(meta, &[&format!("twitter:data{n}")]).into_iter());
            break;
        }
    }
    Found {
        title: text(first(meta, &["twitter:title"])),
        authors,
        description: text(first(meta, &["twitter:description"])),
        image: text(first(
            meta,
            &["twitter:image", "twitter:image:src", "twitter:image0"],
        )),
        ..Found::default()
    }
}

/// Named `<meta>` tags, Dublin Core, Parse.ly, Sailthru and Highwire
/// (scholarly) tags.
pub(crate) fn named(meta: &Meta) -> Found {
    let parsely = first(meta, &["parsely-page"])
        .map(parsely_page)
        .unwrap_or_default();
    let mut authors = Vec::new();
    // Dublin Core first, as Readability reads them.
    for key in [
        "dc:creator",
        "dc.creator",
        "dcterms.creator",
        "author",
        "parsely-author",
        "sailthru.author",
        "citation_author",
        "byl",
        "authors",
        "article.author",
        "article:author_name",
        "creator",
    ] {
        authors = authors_of(all(meta, key));
        if !authors.is_empty() {
            break;
        }
    }
    if authors.is_empty() {
        authors = parsely.authors.clone();
    }
    let mut tags = Vec::new();
    for key in [
        "keywords",
        "news_keywords",
        "parsely-tags",
        "sailthru.tags",
        "dc.subject",
        "dcterms.subject",
        "citation_keywords",
    ] {
        tags = split_list(all(meta, key));
        if !tags.is_empty() {
            break;
        }
    }
    if tags.is_empty() {
        tags = parsely.tags.clone();
    }
    let mut categories = split_list(
        first(
            meta,
            &["parsely-section", "section", "category", "article.section"],
        )
        .into_iter(),
    );
    if categories.is_empty() {
        categories = parsely.categories.clone();
    }
    Found {
        title: text(first(
            meta,
            &[
                "dc.title",
                "dc:title",
                "dcterms.title",
                "citation_title",
                "parsely-title",
                "sailthru.title",
                "title",
                "headline",
            ],
        ))
        .or(parsely.title),
        authors,
        published: date_of(meta, p::META_PUBLISHED).or(parsely.published),
        modified: date_of(meta, p::META_MODIFIED),
        site_name: text(first(
            meta,
            &[
                "application-name",
                "dc.publisher",
                "dcterms.publisher",
                "citation_journal_title",
                "publisher",
                "apple-mobile-web-app-title",
            ],
        )),
        language: text(first(
            meta,
            &[
                "content-language",
                "dc.language",
                "dcterms.language",
                "language",
                "citation_language",
            ],
        )),
        description: text(first(
            meta,
            &[
                "description",
                "dc.description",
                "dcterms.description",
                "dcterms.abstract",
                "sailthru.description",
                "citation_abstract",
            ],
        )),
        url: None,
        image: text(first(meta, &["sailthru.image.full", "thumbnail", "image"])),
        categories,
        tags,
        page_type: None,
    }
}

/// Parse.ly's older JSON tag: `<meta name="parsely-page" content='{...}'>`.
fn parsely_page(json: &str) -> Found {
    let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(json) else {
        return Found::default();
    };
    let s = |k: &str| o.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let list = |k: &str| match o.get(k) {
        Some(serde_json::Value::Array(items)) => {
            split_list(items.iter().filter_map(|v| v.as_str()))
        }
        Some(serde_json::Value::String(v)) => split_list(std::iter::once(v.as_str())),
        _ => Vec::new(),
    };
    let mut authors = authors_of(
        o.get("authors")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str()),
    );
    if authors.is_empty() {
        authors = s("author")
            .map(|a| author::clean_authors(&a))
            .unwrap_or_default();
    }
    Found {
        title: text(s("title").as_deref()),
        authors,
        published: s("pub_date").and_then(|d| date::parse(&d)),
        categories: list("section"),
        tags: list("tags"),
        ..Found::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn open_graph_fields() {
        let m = meta(&[
            ("og:title", "Rain returns"),
            ("og:site_name", "The Daily"),
            ("og:type", "article"),
            ("og:image", "/img/rain.jpg"),
            ("article:published_time", "2015-02-25T11:46:00+01:00"),
            ("article:author", "https://facebook.com/jane"),
            ("article:author", "Jane Doe"),
            ("article:tag", "weather"),
            ("article:tag", "farming"),
            ("article:section", "Local"),
        ]);
        let f = open_graph(&m);
        assert_eq!(f.title.as_deref(), Some("Rain returns"));
        assert_eq!(f.site_name.as_deref(), Some("The Daily"));
        assert_eq!(f.page_type.as_deref(), Some("article"));
        assert_eq!(f.authors, ["Jane Doe"]);
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25T11:46:00+01:00")
        );
        assert_eq!(f.tags, ["weather", "farming"]);
        assert_eq!(f.categories, ["Local"]);
    }

    #[test]
    fn named_tags_parsely_sailthru_dublin_core() {
        let m = meta(&[
            ("parsely-author", "Jane Doe"),
            ("parsely-pub-date", "2024-04-20T04:20:00.000Z"),
            ("parsely-title", "Parsely title"),
            ("parsely-tags", "a, b"),
            ("keywords", ""),
        ]);
        let f = named(&m);
        assert_eq!(f.authors, ["Jane Doe"]);
        assert_eq!(f.title.as_deref(), Some("Parsely title"));
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2024-04-20T04:20:00Z")
        );
        assert_eq!(f.tags, ["a", "b"]);

        let m = meta(&[
            ("dc.creator", "Jong, Michiel de"),
            ("dc.date.issued", "25.02.2015"),
            ("sailthru.date", "Wed, 25 Feb 2015 11:46:00 GMT"),
            ("dc.language", "de_DE"),
        ]);
        let f = named(&m);
        assert_eq!(f.authors, ["Jong, Michiel de"]);
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25T11:46:00Z"),
            "sailthru.date comes before dc.date.issued"
        );
        assert_eq!(f.language.as_deref(), Some("de_DE"));
    }

    #[test]
    fn unix_timestamp_in_meta() {
        let m = meta(&[("timestamp", "1424864760")]);
        assert_eq!(
            named(&m).published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25T11:46:00Z")
        );
        let m = meta(&[("article:published_time", "1424864760000")]);
        assert_eq!(
            open_graph(&m).published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25T11:46:00Z")
        );
    }

    #[test]
    fn parsely_page_json_and_twitter_label() {
        let m = meta(&[(
            "parsely-page",
            r#"{"title":"T","pub_date":"2015-02-25T11:46:00Z","authors":["By Jane Doe"],"section":"World","tags":["x"]}"#,
        )]);
        let f = named(&m);
        assert_eq!(f.title.as_deref(), Some("T"));
        assert_eq!(f.authors, ["Jane Doe"]);
        assert_eq!(f.categories, ["World"]);
        let m = meta(&[
            ("twitter:label1", "Written by"),
            ("twitter:data1", "John Roe"),
        ]);
        assert_eq!(twitter(&m).authors, ["John Roe"]);
    }
}
