//! `<meta>` tags: OpenGraph (`og:*`, `article:*`), Twitter cards
//! (`twitter:*`) and named tags (`author`, `description`, `keywords`,
//! Dublin Core `dc.*`/`dcterms.*`, Parse.ly `parsely-*`, Sailthru
//! `sailthru.*`, Highwire `citation_*`, ...). Keys are matched lower case.

use std::collections::HashSet;

use super::{Found, author, date};
use crate::datetime::DateTime;
use crate::dom::text::collapse;
use crate::options::Deadline;
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

/// A list of strings without duplicates told apart by ASCII case alone
/// (the first spelling is kept): past [`p::DISTINCT_SCAN_MAX`] strings, a
/// set of the lower-cased ones beside the list, so a page of 30,000 tags
/// costs no more than linear.
#[derive(Default)]
struct Distinct {
    list: Vec<String>,
    seen: HashSet<String>,
}

impl Distinct {
    fn push(&mut self, s: String) {
        if self.list.len() < p::DISTINCT_SCAN_MAX {
            if self.list.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
                return;
            }
        } else {
            if self.seen.is_empty() {
                let lower = self.list.iter().map(|o| o.to_ascii_lowercase());
                self.seen.extend(lower);
            }
            if !self.seen.insert(s.to_ascii_lowercase()) {
                return;
            }
        }
        self.list.push(s);
    }
}

/// Comma- or semicolon-separated values, trimmed, without duplicates.
/// Past `deadline` it stops early (the caller's check fails the page).
fn split_list<'a>(values: impl Iterator<Item = &'a str>, deadline: &Deadline) -> Vec<String> {
    let mut out = Distinct::default();
    for (i, value) in values.enumerate() {
        if deadline.passed_at(i) {
            break;
        }
        for part in value.split([',', ';']) {
            let part = collapse(part);
            if !part.is_empty() {
                out.push(part);
            }
        }
    }
    out.list
}

/// Authors from tag values; values that are URLs (`article:author` is
/// often a profile link) are skipped. Past `deadline` it stops early: a
/// value's cleaning costs tens of microseconds, so the clock is read for
/// every one.
fn authors_of<'a>(values: impl Iterator<Item = &'a str>, deadline: &Deadline) -> Vec<String> {
    let mut out = Distinct::default();
    for value in values {
        let v = value.trim();
        if v.starts_with("http://") || v.starts_with("https://") || v.starts_with('/') {
            continue;
        }
        if deadline.passed() {
            break;
        }
        for name in author::clean_authors(v) {
            out.push(name);
        }
    }
    out.list
}

/// OpenGraph: `og:*` and the `article:*` properties of `og:type=article`.
/// With `full` false ([`crate::Options::metadata`] off), only the title,
/// site name, URL and page type, which the text depends on. Past
/// `deadline` it stops early.
pub(crate) fn open_graph(meta: &Meta, full: bool, d: &Deadline) -> Found {
    let for_text = Found {
        title: text(first(meta, &["og:title"])),
        site_name: text(first(meta, &["og:site_name"])),
        url: text(first(meta, &["og:url"])),
        page_type: text(first(meta, &["og:type"])),
        ..Found::default()
    };
    if !full {
        return for_text;
    }
    Found {
        authors: {
            let mut authors = authors_of(all(meta, "article:author"), d);
            if authors.is_empty() {
                authors = authors_of(all(meta, "og:article:author"), d);
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
        language: text(first(meta, &["og:locale"])),
        description: text(first(meta, &["og:description"])),
        image: text(first(
            meta,
            &["og:image", "og:image:url", "og:image:secure_url"],
        )),
        categories: split_list(all(meta, "article:section"), d),
        tags: split_list(all(meta, "article:tag"), d),
        ..for_text
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
            authors = authors_of(
                first(meta, &[&format!("twitter:data{n}")]).into_iter(),
                &Deadline::NONE,
            );
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

/// The named `<meta>` tags of a title, in precedence order.
const NAMED_TITLES: &[&str] = &[
    "dc.title",
    "dc:title",
    "dcterms.title",
    "citation_title",
    "parsely-title",
    "sailthru.title",
    "title",
    "headline",
];

/// The named `<meta>` tags of a site name, in precedence order.
const NAMED_SITE_NAMES: &[&str] = &[
    "application-name",
    "dc.publisher",
    "dcterms.publisher",
    "citation_journal_title",
    "publisher",
    "apple-mobile-web-app-title",
];

/// Named `<meta>` tags, Dublin Core, Parse.ly, Sailthru and Highwire
/// (scholarly) tags.
/// With `full` false ([`crate::Options::metadata`] off), only the title
/// and the site name, which the text depends on. Past `deadline` it stops
/// early.
pub(crate) fn named(meta: &Meta, full: bool, d: &Deadline) -> Found {
    let parsely = || {
        first(meta, &["parsely-page"])
            .map(|json| parsely_page(json, d))
            .unwrap_or_default()
    };
    if !full {
        return Found {
            title: text(first(meta, NAMED_TITLES)).or_else(|| parsely().title),
            site_name: text(first(meta, NAMED_SITE_NAMES)),
            ..Found::default()
        };
    }
    let parsely = parsely();
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
        authors = authors_of(all(meta, key), d);
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
        tags = split_list(all(meta, key), d);
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
        d,
    );
    if categories.is_empty() {
        categories = parsely.categories.clone();
    }
    Found {
        title: text(first(meta, NAMED_TITLES)).or(parsely.title),
        authors,
        published: date_of(meta, p::META_PUBLISHED).or(parsely.published),
        modified: date_of(meta, p::META_MODIFIED),
        site_name: text(first(meta, NAMED_SITE_NAMES)),
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
fn parsely_page(json: &str, d: &Deadline) -> Found {
    let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(json) else {
        return Found::default();
    };
    let s = |k: &str| o.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let list = |k: &str| match o.get(k) {
        Some(serde_json::Value::Array(items)) => {
            split_list(items.iter().filter_map(|v| v.as_str()), d)
        }
        Some(serde_json::Value::String(v)) => split_list(std::iter::once(v.as_str()), d),
        _ => Vec::new(),
    };
    let mut authors = authors_of(
        o.get("authors")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str()),
        d,
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

    #[test]
    fn without_full_metadata_the_tags_give_what_the_text_needs() {
        let m: Vec<(String, String)> = [
            ("og:title", "Rain returns"),
            ("og:site_name", "The Daily"),
            ("og:url", "https://daily.example/rain"),
            ("og:type", "article"),
            ("article:author", "Jane Doe"),
            ("article:published_time", "2024-05-01T10:00:00Z"),
            ("dc.title", "Rain returns to the valley"),
            ("application-name", "Daily"),
            ("author", "Jane Doe"),
            ("keywords", "rain, weather"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let for_text = |f: Found| Found {
            title: f.title,
            site_name: f.site_name,
            url: f.url,
            page_type: f.page_type,
            ..Found::default()
        };
        let og = open_graph(&m, true, &Deadline::NONE);
        assert!(!og.authors.is_empty() && og.published.is_some());
        assert_eq!(open_graph(&m, false, &Deadline::NONE), for_text(og));
        let named_full = named(&m, true, &Deadline::NONE);
        assert!(!named_full.authors.is_empty() && !named_full.tags.is_empty());
        let lean = named(&m, false, &Deadline::NONE);
        assert_eq!(lean, for_text(named_full));
        assert!(lean.title.is_some() && lean.site_name.is_some());
        // Parse.ly's title when no tag names one.
        let parsely = vec![(
            "parsely-page".to_string(),
            r#"{"title":"From Parse.ly","author":"Jane Doe"}"#.to_string(),
        )];
        let lean = named(&parsely, false, &Deadline::NONE);
        assert_eq!(lean.title.as_deref(), Some("From Parse.ly"));
        assert_eq!(lean, for_text(named(&parsely, true, &Deadline::NONE)));
    }

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
        let f = open_graph(&m, true, &Deadline::NONE);
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
        let f = named(&m, true, &Deadline::NONE);
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
        let f = named(&m, true, &Deadline::NONE);
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
            named(&m, true, &Deadline::NONE)
                .published
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-02-25T11:46:00Z")
        );
        let m = meta(&[("article:published_time", "1424864760000")]);
        assert_eq!(
            open_graph(&m, true, &Deadline::NONE)
                .published
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-02-25T11:46:00Z")
        );
    }

    #[test]
    fn parsely_page_json_and_twitter_label() {
        let m = meta(&[(
            "parsely-page",
            r#"{"title":"T","pub_date":"2015-02-25T11:46:00Z","authors":["By Jane Doe"],"section":"World","tags":["x"]}"#,
        )]);
        let f = named(&m, true, &Deadline::NONE);
        assert_eq!(f.title.as_deref(), Some("T"));
        assert_eq!(f.authors, ["Jane Doe"]);
        assert_eq!(f.categories, ["World"]);
        let m = meta(&[
            ("twitter:label1", "Written by"),
            ("twitter:data1", "John Roe"),
        ]);
        assert_eq!(twitter(&m).authors, ["John Roe"]);
    }

    #[test]
    fn many_values_stay_linear_and_stop_at_the_deadline() {
        // 20,000 distinct authors and tags: a quadratic check of duplicates
        // took seconds.
        let names: Vec<String> = (0..20_000u32)
            .map(|i| {
                let letters: String = i
                    .to_string()
                    .bytes()
                    .map(|b| char::from(b'a' + (b - b'0')))
                    .collect();
                format!("Jane X{letters}")
            })
            .collect();
        let mut pairs: Vec<(&str, &str)> = names.iter().map(|n| ("author", n.as_str())).collect();
        pairs.extend(names.iter().map(|n| ("keywords", n.as_str())));
        pairs.push(("keywords", "JANE XA"));
        let m = meta(&pairs);
        let f = named(&m, true, &Deadline::NONE);
        assert_eq!(f.authors.len(), names.len());
        assert_eq!(f.tags.len(), names.len(), "JANE XA is a duplicate");
        // Past the deadline the loops stop.
        let passed = crate::Options::new()
            .time_limit(std::time::Duration::ZERO)
            .deadline();
        let f = named(&m, true, &passed);
        assert!(f.authors.is_empty());
        assert!(f.tags.len() < names.len());
    }
}
