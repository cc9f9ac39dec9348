//! Microdata: `itemprop` values (`headline`, `author`, `datePublished`,
//! ...) of the page's article item, read from the attributes and text that
//! the parse gathered. Items inside comments, products and other
//! non-article scopes are ignored.

use std::collections::{HashMap, HashSet};

use crate::dom::text::{Spacing, collapse, node_text};
use crate::dom::{Document, Item};
use crate::options::Deadline;
use crate::patterns as p;

use super::{Found, author, date};

fn short_type(t: &str) -> String {
    t.split_whitespace()
        .next()
        .unwrap_or("")
        .rsplit(['/', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether the item's nearest enclosing scope (or the item itself, for a
/// top-level scope) describes the page.
fn on_page(items: &[Item], item: &Item) -> bool {
    match item.parent_scope.and_then(|i| items.get(i)) {
        None => true,
        Some(scope) => {
            let t = short_type(scope.scope_type.as_deref().unwrap_or(""));
            t.is_empty() || p::PAGE_SCOPES.contains(&t.as_str())
        }
    }
}

fn has_prop(item: &Item, prop: &str) -> bool {
    item.props.split_whitespace().any(|p| p == prop)
}

/// The item's value: a `content` or `datetime` attribute, else (for URL
/// properties) `href`/`src`, else the element's text.
fn value(doc: &Document, item: &Item, url: bool) -> Option<String> {
    let attr = match &item.attr_value {
        Some(("content" | "datetime" | "value", v)) => Some(v.clone()),
        Some(("href" | "src", v)) if url => Some(v.clone()),
        _ => None,
    };
    let v = attr.or_else(|| {
        item.node
            .map(|n| node_text(doc, n, p::MAX_MICRODATA_VALUE_CHARS, Spacing::Blocks))
    })?;
    let v = collapse(&v);
    (!v.is_empty()).then_some(v)
}

/// The items of each scope: `children[i]` lists the indices of the items
/// whose nearest scope is item `i`.
fn children_of(items: &[Item]) -> HashMap<usize, Vec<usize>> {
    let mut map: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(parent) = item.parent_scope {
            map.entry(parent).or_default().push(i);
        }
    }
    map
}

/// The value of the child property `prop` of the scope at `scope`.
fn child(
    doc: &Document,
    items: &[Item],
    children: &HashMap<usize, Vec<usize>>,
    scope: usize,
    prop: &str,
    url: bool,
) -> Option<String> {
    children
        .get(&scope)?
        .iter()
        .filter_map(|&i| items.get(i))
        .filter(|i| has_prop(i, prop))
        .find_map(|i| value(doc, i, url))
}

/// Reads the microdata of the page's article; past `deadline` it stops
/// early (the caller's check fails the page).
pub(crate) fn read(doc: &Document, deadline: &Deadline) -> Found {
    let items = &doc.page.items;
    let children = children_of(items);
    let mut found = Found::default();
    let first = |prop: &str, url: bool| {
        items
            .iter()
            .filter(|i| has_prop(i, prop) && on_page(items, i))
            .find_map(|i| value(doc, i, url))
    };
    found.title = first("headline", false);
    found.published = ["datepublished", "datecreated"]
        .iter()
        .filter_map(|p| first(p, false))
        .find_map(|v| date::parse(&v));
    found.modified = first("datemodified", false).and_then(|v| date::parse(&v));
    found.description = first("description", false);
    found.language = first("inlanguage", false);
    // The sections so far, for a linear check of duplicates.
    let mut sections: HashSet<String> = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        if deadline.passed_at(i) {
            break;
        }
        if !on_page(items, item) {
            continue;
        }
        if (has_prop(item, "author") || has_prop(item, "creator"))
            && found.authors.len() < p::MAX_MICRODATA_AUTHORS
        {
            // A name's cleaning costs tens of microseconds: the clock is
            // read for every one.
            if deadline.passed() {
                break;
            }
            let raw = if item.is_scope {
                child(doc, items, &children, i, "name", false)
            } else {
                value(doc, item, false)
            };
            for name in raw.map(|r| author::clean_authors(&r)).unwrap_or_default() {
                if !found.authors.iter().any(|a| a.eq_ignore_ascii_case(&name)) {
                    found.authors.push(name);
                }
            }
        }
        if has_prop(item, "publisher") && found.site_name.is_none() {
            found.site_name = if item.is_scope {
                child(doc, items, &children, i, "name", false)
            } else {
                value(doc, item, false)
            };
        }
        if has_prop(item, "image") && found.image.is_none() {
            found.image = if item.is_scope {
                child(doc, items, &children, i, "url", true)
                    .or_else(|| child(doc, items, &children, i, "contenturl", true))
            } else {
                value(doc, item, true)
            };
        }
        if has_prop(item, "keywords") && found.tags.is_empty() {
            found.tags = value(doc, item, false)
                .map(|v| {
                    v.split(',')
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect()
                })
                .unwrap_or_default();
        }
        if has_prop(item, "articlesection") {
            if let Some(v) = value(doc, item, false) {
                if sections.insert(v.clone()) {
                    found.categories.push(v);
                }
            }
        }
    }
    found.page_type = items
        .iter()
        .filter(|i| i.is_scope)
        .filter_map(|i| i.scope_type.as_deref())
        .find(|t| {
            let s = short_type(t);
            (p::PAGE_SCOPES.contains(&s.as_str()) && s != "webpage")
                || p::MICRODATA_DISCUSSION_SCOPES.contains(&s.as_str())
        })
        .and_then(|t| t.split_whitespace().next())
        .and_then(|t| t.rsplit(['/', '#']).next())
        .map(str::to_string);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    fn read_html(html: &str) -> Found {
        read(
            &Document::parse(html, &Options::new()).unwrap(),
            &Deadline::NONE,
        )
    }

    #[test]
    fn article_item_properties() {
        let f = read_html(
            r#"<div itemscope itemtype="https://schema.org/NewsArticle">
              <h1 itemprop="headline">Town hall reopens</h1>
              <span itemprop="author" itemscope itemtype="https://schema.org/Person">
                By <a href="/jane" itemprop="url"><span itemprop="name">Jane Doe</span></a></span>
              <time itemprop="datePublished" datetime="2015-02-25T11:46:00+01:00">Feb 25</time>
              <meta itemprop="dateModified" content="2015-02-26">
              <div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
                <meta itemprop="name" content="The Weekly"></div>
              <img itemprop="image" src="/img/hall.jpg">
              <div class="comment" itemscope itemtype="https://schema.org/Comment">
                <span itemprop="author">A commenter</span></div>
            </div>"#,
        );
        assert_eq!(f.title.as_deref(), Some("Town hall reopens"));
        assert_eq!(f.authors, ["Jane Doe"]);
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25T11:46:00+01:00")
        );
        assert_eq!(
            f.modified.map(|d| d.to_string()).as_deref(),
            Some("2015-02-26")
        );
        assert_eq!(f.site_name.as_deref(), Some("The Weekly"));
        assert_eq!(f.image.as_deref(), Some("/img/hall.jpg"));
        assert_eq!(f.page_type.as_deref(), Some("NewsArticle"));
    }

    #[test]
    fn author_as_plain_item() {
        let f = read_html(r#"<p>By <a rel="author" itemprop="author" href="/x">John Roe</a></p>"#);
        assert_eq!(f.authors, ["John Roe"]);
    }

    #[test]
    fn stops_at_the_deadline() {
        let html = r#"<div itemscope itemtype="https://schema.org/Article">
            <span itemprop="author">Jane Doe</span></div>"#;
        assert_eq!(read_html(html).authors, ["Jane Doe"]);
        let passed = Options::new()
            .time_limit(std::time::Duration::ZERO)
            .deadline();
        let doc = Document::parse(html, &Options::new()).unwrap();
        assert!(read(&doc, &passed).authors.is_empty());
    }
}
