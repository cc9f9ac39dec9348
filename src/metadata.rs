//! Metadata read from the page: for now, the headline.

use crate::dom::{Document, NodeKind, Tag};

/// Separators between a headline and a site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " / ",
];

/// The story's headline: an `h1` that the `<title>` or `og:title` also
/// names, else `og:title`/`twitter:title`, else `<title>` without its
/// site-name part, else the first `h1`.
pub(crate) fn title(doc: &Document) -> Option<String> {
    let h1s = h1_texts(doc);
    let meta = doc
        .meta("og:title")
        .or_else(|| doc.meta("twitter:title"))
        .map(collapse);
    let head = doc.title.as_deref().map(collapse);
    let named = |h: &String| {
        let key = h.to_lowercase();
        key.split_whitespace().count() >= 2
            && [&meta, &head]
                .iter()
                .any(|t| t.as_ref().is_some_and(|t| t.to_lowercase().contains(&key)))
    };
    if let Some(h) = h1s.iter().find(|h| named(h)) {
        return Some(h.clone());
    }
    let site = doc.meta("og:site_name").map(collapse);
    meta.or(head)
        .map(|t| strip_site(&t, site.as_deref()))
        .filter(|t| !t.is_empty())
        .or_else(|| h1s.into_iter().next())
}

/// Texts of the first few `h1` elements, whitespace collapsed.
fn h1_texts(doc: &Document) -> Vec<String> {
    const MAX_H1: usize = 5;
    let mut out = Vec::new();
    for (id, node) in doc.nodes.iter().enumerate() {
        if doc.tag(id) != Tag::H(1) {
            continue;
        }
        let text: String = doc
            .nodes
            .get(id + 1..node.end)
            .unwrap_or(&[])
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ");
        let text = collapse(&text);
        if !text.is_empty() {
            out.push(text);
        }
        if out.len() >= MAX_H1 {
            break;
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops the site-name part of "Headline | Site" or "Site - Headline": the
/// part equal to `og:site_name`, else the shorter side.
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in TITLE_SEPARATORS {
        let Some((left, right)) = title
            .split_once(sep)
            .map(|(l, _)| (l, title.rsplit_once(sep).map_or("", |x| x.1)))
        else {
            continue;
        };
        if let Some(site) = site {
            if right.eq_ignore_ascii_case(site) {
                return title[..title.len() - right.len() - sep.len()]
                    .trim()
                    .to_string();
            }
            if left.eq_ignore_ascii_case(site) {
                return title[left.len() + sep.len()..].trim().to_string();
            }
        }
        let head = title.rsplit_once(sep).map_or(title, |x| x.0);
        return if head.split_whitespace().count() >= 3 || right.split_whitespace().count() < 3 {
            head.trim().to_string()
        } else {
            right.trim().to_string()
        };
    }
    title.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    fn t(html: &str) -> Option<String> {
        title(&Document::parse(html, &Options::new()).unwrap())
    }

    #[test]
    fn h1_named_by_the_title_wins() {
        assert_eq!(
            t("<title>Rain returns | The Daily</title><h1>Rain returns</h1>").as_deref(),
            Some("Rain returns")
        );
    }

    #[test]
    fn site_name_is_stripped() {
        assert_eq!(
            t("<title>A long headline here - Site</title>").as_deref(),
            Some("A long headline here")
        );
        assert_eq!(
            t("<meta property='og:site_name' content='Site'><title>Site | Short one</title>")
                .as_deref(),
            Some("Short one")
        );
    }
}
