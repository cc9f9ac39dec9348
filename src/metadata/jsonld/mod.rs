//! JSON-LD (`<script type="application/ld+json">`): the schema.org
//! `Article` (`NewsArticle`, `BlogPosting`, ...) that describes the page,
//! found among `@graph`s, arrays and nested nodes, with `author` and
//! `publisher` given inline, as lists or as `@id` references.
//!
//! Broken JSON is tolerated: HTML comment and CDATA wrappers, raw control
//! characters in strings, trailing commas and several objects in one
//! script are repaired or read one by one; when nothing parses, the main
//! fields are read with patterns. `serde_json`'s recursion limit (128) is
//! kept, so deeply nested input fails fast instead of exhausting the stack.

mod entities;
mod lean;
mod repair;

use std::collections::HashMap;

use super::{Found, author, date};
use crate::dom::text::collapse;
use crate::options::Deadline;
use crate::patterns as p;
use lean::{Object, Value};
use repair::{parse_script, read_broken};

/// Reads every JSON-LD script; `title_hints` (the `<title>`, `og:title`,
/// the `h1`s) choose between `headline` and `name` when they differ. With
/// `full` false ([`crate::Options::metadata`] off), the main item gives
/// only what the text depends on (see [`Graph::found`]). Past `deadline`
/// it stops early and finds nothing (the caller's check then fails the
/// page).
pub(crate) fn read(
    scripts: &[String],
    title_hints: &[&str],
    full: bool,
    deadline: &Deadline,
) -> Found {
    let mut values = Vec::new();
    let mut broken = Vec::new();
    lean::start_page();
    for script in scripts {
        let parsed = parse_script(script, deadline);
        if deadline.passed() {
            return Found::default();
        }
        if parsed.is_empty() {
            broken.push(script.as_str());
        }
        values.extend(parsed);
    }
    let graph = Graph::build(&values, deadline);
    match graph.main() {
        Some(main) => graph.found(main, title_hints, full),
        None => broken
            .iter()
            .take_while(|_| !deadline.passed())
            .map(|s| read_broken(s))
            .find(|f| f.title.is_some() || f.published.is_some() || !f.authors.is_empty())
            .unwrap_or_default(),
    }
}

// ------------------------------------------------------------------ graph

/// Every typed node of the page's JSON-LD, in document order.
struct Graph<'a> {
    nodes: Vec<Node<'a>>,
    by_id: HashMap<&'a str, &'a Object>,
}

/// What a node's types (lower case, without the schema.org prefix) say.
#[derive(Clone, Copy)]
struct Kind {
    /// The best rank of its types in [`p::ARTICLE_TYPES`] (0: none).
    rank: u8,
    /// A `WebSite`.
    website: bool,
    /// One of [`p::SITE_TYPES`].
    site: bool,
}

impl Kind {
    fn of(types: &[String]) -> Kind {
        Kind {
            rank: types
                .iter()
                .filter_map(|t| {
                    p::ARTICLE_TYPES
                        .iter()
                        .find(|(a, _)| a == t)
                        .map(|(_, r)| *r)
                })
                .max()
                .unwrap_or(0),
            website: types.iter().any(|t| t == "website"),
            site: types.iter().any(|t| p::SITE_TYPES.contains(&t.as_str())),
        }
    }
}

struct Node<'a> {
    object: &'a Object,
    /// Objects above this one (0 for a script's top level; a `@graph`
    /// member is at 1).
    depth: usize,
    /// What its types say (read once: no type names kept per node).
    kind: Kind,
}

impl<'a> Graph<'a> {
    /// Past `deadline` it stops early.
    fn build(values: &'a [Value], deadline: &Deadline) -> Graph<'a> {
        let mut graph = Graph {
            nodes: Vec::new(),
            by_id: HashMap::new(),
        };
        let mut visited = 0usize;
        // Depth-first, children pushed in reverse: document order.
        let mut stack: Vec<(&Value, usize)> = values.iter().rev().map(|v| (v, 0)).collect();
        while let Some((value, depth)) = stack.pop() {
            match value {
                Value::Object(object) => {
                    visited += 1;
                    if visited > p::MAX_JSONLD_OBJECTS || deadline.passed_at(visited) {
                        break;
                    }
                    let types = types_of(object);
                    if let Some(id) = object.get("@id").and_then(Value::as_str) {
                        // A reference alone ({"@id": ...}) must not shadow
                        // the node it points to.
                        if object.len() > 1 {
                            graph.by_id.entry(id).or_insert(object);
                        }
                    }
                    let child_depth = depth + 1;
                    if !types.is_empty() {
                        graph.nodes.push(Node {
                            object,
                            depth,
                            kind: Kind::of(&types),
                        });
                    }
                    for (key, child) in object.iter().rev() {
                        // The story's text: large, never metadata.
                        if p::STORY_TEXT_KEYS.contains(&key) {
                            continue;
                        }
                        stack.push((child, child_depth));
                    }
                }
                Value::Array(items) => {
                    stack.extend(items.iter().rev().map(|v| (v, depth)));
                }
                _ => {}
            }
        }
        graph
    }

    fn rank(node: &Node<'_>) -> u8 {
        node.kind.rank
    }

    /// The node that describes the page: the best-ranked type, then the
    /// shallowest, then the first.
    fn main(&self) -> Option<&Node<'a>> {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| Self::rank(n) > 0)
            .min_by_key(|(i, n)| (std::cmp::Reverse(Self::rank(n)), n.depth, *i))
            .map(|(_, n)| n)
    }

    /// The fields of `main`, with the page nodes (`WebPage`) as fallback
    /// for dates, and the publisher or `WebSite` for the site name.
    /// The main item's fields; with `full` false, only those the text
    /// depends on (the title, the site name, the URL and the page type: see
    /// `metadata::extract_within`), as the authors' cleaning and the dates'
    /// parsing cost most of the rest.
    fn found(&self, main: &Node<'a>, title_hints: &[&str], full: bool) -> Found {
        let o = main.object;
        let for_text = Found {
            title: choose_title(o, title_hints),
            site_name: self.site_name(o),
            url: ["url", "mainEntityOfPage", "@id"]
                .iter()
                .filter_map(|k| o.get(k))
                .filter_map(url_of)
                .next(),
            page_type: o.get("@type").and_then(|t| type_name(t, Self::rank(main))),
            ..Found::default()
        };
        if !full {
            return for_text;
        }
        let pages: Vec<&Object> = self
            .nodes
            .iter()
            .filter(|n| Self::rank(n) == 1 && !std::ptr::eq(n.object, o))
            .map(|n| n.object)
            .collect();
        let field = |key: &str| {
            std::iter::once(o)
                .chain(pages.iter().copied())
                .find_map(|obj| obj.get(key))
        };
        let date_of = |keys: &[&str]| {
            keys.iter()
                .filter_map(|k| field(k))
                .filter_map(text)
                .find_map(|s| date::parse(&s))
        };
        let mut found = Found {
            authors: self.authors(o),
            published: date_of(&["datePublished", "dateCreated", "uploadDate"]),
            modified: date_of(&["dateModified"]),
            language: o.get("inLanguage").and_then(language),
            description: o
                .get("description")
                .and_then(text)
                .and_then(|s| non_empty(&s)),
            image: ["image", "thumbnailUrl"]
                .iter()
                .filter_map(|k| o.get(k))
                .find_map(|v| self.image(v)),
            categories: o.get("articleSection").map(list_of).unwrap_or_default(),
            tags: o.get("keywords").map(list_of).unwrap_or_default(),
            ..for_text
        };
        if found.language.is_none() {
            found.language = pages
                .iter()
                .find_map(|p| p.get("inLanguage").and_then(language));
        }
        found
    }

    fn authors(&self, o: &'a Object) -> Vec<String> {
        let mut names = Vec::new();
        for key in ["author", "creator"] {
            let Some(value) = o.get(key) else { continue };
            let items: Vec<&Value> = match value {
                Value::Array(items) => items.iter().take(p::MAX_JSONLD_LIST).collect(),
                other => vec![other],
            };
            for item in items {
                let raw = match self.resolve_object(item) {
                    ResolvedValue::String(s) => Some(s.to_string()),
                    ResolvedValue::Object(p) => person_name(p),
                    ResolvedValue::Other => None,
                };
                for name in raw.map(|r| author::clean_authors(&r)).unwrap_or_default() {
                    if !names.iter().any(|n: &String| n.eq_ignore_ascii_case(&name)) {
                        names.push(name);
                    }
                }
            }
            if !names.is_empty() {
                break;
            }
        }
        names
    }

    /// `{"@id": x}` replaced by the node `x` (as a value) when known.
    fn resolve_object(&self, value: &'a Value) -> ResolvedValue<'a> {
        if let Value::Object(o) = value {
            if let Some(full) = o
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| self.by_id.get(id))
            {
                if o.len() == 1 || (!o.contains_key("name") && full.contains_key("name")) {
                    return ResolvedValue::Object(full);
                }
            }
            return ResolvedValue::Object(o);
        }
        match value {
            Value::String(s) => ResolvedValue::String(s),
            _ => ResolvedValue::Other,
        }
    }

    /// An image URL: a string, an `ImageObject` (`url`, `contentUrl`), a
    /// list of either, or a reference to one.
    fn image(&self, value: &'a Value) -> Option<String> {
        match value {
            Value::String(s) => non_empty(s),
            Value::Array(items) => items
                .iter()
                .take(p::MAX_JSONLD_LIST)
                .find_map(|i| self.image(i)),
            Value::Object(_) => {
                let ResolvedValue::Object(o) = self.resolve_object(value) else {
                    return None;
                };
                ["url", "contentUrl", "@list"]
                    .iter()
                    .filter_map(|k| o.get(k))
                    .find_map(|v| self.image(v))
                    .or_else(|| o.get("@id").and_then(url_of))
            }
            _ => None,
        }
    }

    fn site_name(&self, o: &'a Object) -> Option<String> {
        let publisher = o.get("publisher").map(|p| match p {
            Value::Array(items) => items
                .first()
                .map_or(ResolvedValue::Other, |i| self.resolve_object(i)),
            other => self.resolve_object(other),
        });
        let from_publisher = match publisher {
            Some(ResolvedValue::Object(p)) => p.get("name").and_then(text),
            Some(ResolvedValue::String(s)) => Some(s.to_string()),
            _ => None,
        };
        from_publisher
            .or_else(|| {
                self.nodes
                    .iter()
                    .find(|n| n.kind.website)
                    .and_then(|n| n.object.get("name"))
                    .and_then(text)
            })
            .or_else(|| {
                self.nodes
                    .iter()
                    .find(|n| n.kind.site)
                    .and_then(|n| n.object.get("name"))
                    .and_then(text)
            })
            .and_then(|s| non_empty(&s))
    }
}

/// A value after following an `@id` reference.
enum ResolvedValue<'a> {
    Object(&'a Object),
    String(&'a str),
    Other,
}

fn person_name(p: &Object) -> Option<String> {
    if let Some(name) = p.get("name").and_then(text) {
        return Some(name);
    }
    let given = p.get("givenName").and_then(text);
    let family = p.get("familyName").and_then(text);
    match (given, family) {
        (Some(g), Some(f)) => Some(format!("{g} {f}")),
        (g, f) => g.or(f),
    }
}

/// `headline` or `name`: the one the page's other titles support (Readability's
/// rule: some sites put their own name in `name`), `headline` on a tie.
fn choose_title(o: &Object, hints: &[&str]) -> Option<String> {
    let headline = o.get("headline").and_then(text).and_then(|s| non_empty(&s));
    let name = o.get("name").and_then(text).and_then(|s| non_empty(&s));
    match (headline, name) {
        (Some(h), Some(n)) if !h.eq_ignore_ascii_case(&n) => {
            let support = |t: &str| {
                hints
                    .iter()
                    .map(|hint| super::title::similarity(t, hint))
                    .fold(0.0f32, f32::max)
            };
            if support(&n) > support(&h) {
                Some(n)
            } else {
                Some(h)
            }
        }
        (h, n) => h.or(n),
    }
}

/// The lower-case type names of a node (`"http://schema.org/NewsArticle"`
/// -> `newsarticle`).
fn types_of(object: &Object) -> Vec<String> {
    let short = |t: &str| {
        t.rsplit(['/', '#', ':'])
            .next()
            .unwrap_or(t)
            .trim()
            .to_ascii_lowercase()
    };
    match object.get("@type") {
        Some(Value::String(t)) => vec![short(t)],
        Some(Value::Array(ts)) => ts
            .iter()
            .take(p::MAX_JSONLD_LIST)
            .filter_map(Value::as_str)
            .map(short)
            .collect(),
        _ => Vec::new(),
    }
}

/// The declared type of the main node, as written (the best-ranked one
/// when there are several).
fn type_name(value: &Value, rank: u8) -> Option<String> {
    let names: Vec<&str> = match value {
        Value::String(t) => vec![&**t],
        Value::Array(ts) => ts
            .iter()
            .take(p::MAX_JSONLD_LIST)
            .filter_map(Value::as_str)
            .collect(),
        _ => return None,
    };
    let short = |t: &str| {
        t.rsplit(['/', '#', ':'])
            .next()
            .unwrap_or(t)
            .trim()
            .to_string()
    };
    names
        .iter()
        .find(|t| {
            let lower = short(t).to_ascii_lowercase();
            p::ARTICLE_TYPES
                .iter()
                .any(|(a, r)| *a == lower && *r == rank)
        })
        .or(names.first())
        .map(|t| short(t))
        .and_then(|t| non_empty(&t))
}

/// A string value: a string, the first string of an array, or `@value`.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean(s)),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => items.iter().take(p::MAX_JSONLD_LIST).find_map(text),
        Value::Object(o) => o.get("@value").and_then(text),
        _ => None,
    }
}

/// Whitespace collapsed and HTML entities decoded: JSON-LD is often
/// written by templates that HTML-escape their strings (`&#8217;`,
/// `&amp;`, `&mdash;`).
fn clean(s: &str) -> String {
    if s.contains('&') {
        collapse(&entities::decode(s))
    } else {
        collapse(s)
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = clean(s);
    (!s.is_empty()).then_some(s)
}

/// A URL-looking string, or the `@id`/`url` of an object.
fn url_of(value: &Value) -> Option<String> {
    let s = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Object(o) => o
            .get("@id")
            .or_else(|| o.get("url"))
            .and_then(Value::as_str)?
            .trim()
            .to_string(),
        _ => return None,
    };
    let looks_like_url = s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("//")
        || s.starts_with('/');
    looks_like_url.then_some(s)
}

/// Strings of a list, or of a comma-separated string.
fn list_of(value: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        for part in s.split(',') {
            if let Some(term) = non_empty(part) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&term))
                    && out.len() < p::MAX_JSONLD_LIST
                {
                    out.push(term);
                }
            }
        }
    };
    match value {
        Value::String(s) => push(s),
        Value::Array(items) => {
            for item in items.iter().take(p::MAX_JSONLD_LIST) {
                if let Some(s) = text(item) {
                    push(&s);
                }
            }
        }
        other => {
            if let Some(s) = text(other) {
                push(&s);
            }
        }
    }
    out
}

/// `inLanguage`: a code, or a `Language` node with `alternateName`/`name`.
fn language(value: &Value) -> Option<String> {
    match value {
        Value::Object(o) => o
            .get("alternateName")
            .or_else(|| o.get("name"))
            .and_then(text),
        other => text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(json: &str) -> Found {
        read(&[json.to_string()], &[], true, &Deadline::NONE)
    }

    #[test]
    fn without_full_metadata_the_main_item_gives_what_the_text_needs() {
        let json = r#"{"@context":"https://schema.org","@type":"DiscussionForumPosting",
            "headline":"Rain returns","url":"https://daily.example/rain",
            "publisher":{"@type":"Organization","name":"The Daily"},
            "author":{"@type":"Person","name":"Jane Doe"},
            "datePublished":"2024-05-01T10:00:00Z","keywords":"rain, weather",
            "description":"After a dry summer.","inLanguage":"en"}"#;
        let full = ld(json);
        let lean = read(&[json.to_string()], &[], false, &Deadline::NONE);
        let for_text = Found {
            title: full.title.clone(),
            site_name: full.site_name.clone(),
            url: full.url.clone(),
            page_type: full.page_type.clone(),
            ..Found::default()
        };
        assert_eq!(lean, for_text);
        assert!(lean.title.is_some() && lean.site_name.is_some() && lean.url.is_some());
        assert!(lean.page_type.is_some());
        assert!(!full.authors.is_empty() && full.published.is_some() && !full.tags.is_empty());
    }

    #[test]
    fn graph_with_several_nodes() {
        let f = ld(r##"{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"https://d.example/#org","name":"The Daily"},
            {"@type":"WebSite","@id":"https://d.example/#site","name":"The Daily Site","publisher":{"@id":"https://d.example/#org"}},
            {"@type":"ImageObject","@id":"https://d.example/#img","url":"https://d.example/a.jpg"},
            {"@type":"WebPage","@id":"https://d.example/story/#page","url":"https://d.example/story/","inLanguage":"en-US",
             "datePublished":"2015-02-24","dateModified":"2015-02-26T08:00:00+00:00"},
            {"@type":["Article","NewsArticle"],"@id":"https://d.example/story/#article","headline":"Rain returns",
             "isPartOf":{"@id":"https://d.example/story/#page"},"author":{"@id":"https://d.example/#jane"},
             "datePublished":"2015-02-25T11:46:00+01:00","publisher":{"@id":"https://d.example/#org"},
             "image":{"@id":"https://d.example/#img"},"keywords":"weather, farming","articleSection":["Local","Weather"]},
            {"@type":"Person","@id":"https://d.example/#jane","name":"Jane Doe","url":"https://d.example/jane"}]}"##);
        assert_eq!(f.title.as_deref(), Some("Rain returns"));
        assert_eq!(f.authors, ["Jane Doe"]);
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25T11:46:00+01:00")
        );
        assert_eq!(
            f.modified.map(|d| d.to_string()).as_deref(),
            Some("2015-02-26T08:00:00Z"),
            "from the WebPage node"
        );
        assert_eq!(f.site_name.as_deref(), Some("The Daily"));
        assert_eq!(f.language.as_deref(), Some("en-US"));
        assert_eq!(f.image.as_deref(), Some("https://d.example/a.jpg"));
        assert_eq!(f.tags, ["weather", "farming"]);
        assert_eq!(f.categories, ["Local", "Weather"]);
        assert_eq!(f.page_type.as_deref(), Some("Article"));
    }

    #[test]
    fn author_as_string_object_array() {
        let f = ld(r#"{"@type":"NewsArticle","author":"By Jane Doe and John Roe"}"#);
        assert_eq!(f.authors, ["Jane Doe", "John Roe"]);
        let f = ld(r#"{"@type":"NewsArticle","author":{"@type":"Person","name":"Jane Doe"}}"#);
        assert_eq!(f.authors, ["Jane Doe"]);
        let f = ld(
            r#"{"@type":"BlogPosting","author":[{"@type":"Person","name":"Jane Doe"},"John Roe",
               {"@type":"Person","givenName":"Ann","familyName":"Lee"}]}"#,
        );
        assert_eq!(f.authors, ["Jane Doe", "John Roe", "Ann Lee"]);
        let f = ld(r#"{"@type":"Article","creator":["Jane Doe"]}"#);
        assert_eq!(f.authors, ["Jane Doe"]);
    }

    #[test]
    fn the_article_node_wins_over_others() {
        // Several scripts; a video and the article; an array at the top.
        let f = read(
            &[
                r#"{"@type":"VideoObject","name":"A video","uploadDate":"2024-12-07"}"#.to_string(),
                r#"[{"@type":"BreadcrumbList"},{"@type":"NewsArticle","headline":"The story","datePublished":"2024-12-06"}]"#
                    .to_string(),
            ],
            &[],
            true,
            &Deadline::NONE,
        );
        assert_eq!(f.title.as_deref(), Some("The story"));
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2024-12-06")
        );
        assert_eq!(f.page_type.as_deref(), Some("NewsArticle"));
    }

    #[test]
    fn headline_or_name_by_the_page_title() {
        let json =
            r#"{"@type":"NewsArticle","name":"Aktuálně.cz","headline":"West Ham hrozí gigantům"}"#;
        assert_eq!(
            read(
                &[json.to_string()],
                &["West Ham hrozí gigantům | Aktuálně.cz"],
                true,
                &Deadline::NONE,
            )
            .title
            .as_deref(),
            Some("West Ham hrozí gigantům")
        );
        let json = r#"{"@type":"Article","name":"New Zealand","headline":"constitutional monarchy in Oceania"}"#;
        assert_eq!(
            read(
                &[json.to_string()],
                &["New Zealand - Wikipedia"],
                true,
                &Deadline::NONE
            )
            .title
            .as_deref(),
            Some("New Zealand")
        );
    }

    #[test]
    fn html_entities_in_strings_are_decoded() {
        let f = ld(
            r#"{"@type":"Article","headline":"Bike &amp; Style &#8211; it&#8217;s &mdash; &#x263A; &bogus; & more"}"#,
        );
        assert_eq!(
            f.title.as_deref(),
            Some("Bike & Style – it’s — ☺ &bogus; & more")
        );
    }

    #[test]
    fn stops_at_the_deadline() {
        let scripts = [r#"{"@type":"NewsArticle","headline":"H"}"#.to_string()];
        let passed = crate::Options::new()
            .time_limit(std::time::Duration::ZERO)
            .deadline();
        assert_eq!(ld(&scripts[0]).title.as_deref(), Some("H"));
        assert_eq!(read(&scripts, &[], true, &passed), Found::default());
        // The parse itself reads the clock: a script of 2,000 values stops.
        let long = format!("[{}1]", "1,".repeat(2000));
        assert!(lean::parse_stream(&long, &passed).is_empty());
        assert_eq!(lean::parse_stream(&long, &Deadline::NONE).len(), 1);
    }
}
