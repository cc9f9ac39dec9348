//! What the metadata stage reads besides the text: `<meta>`, `lang`,
//! `<base>`, `rel` links, JSON-LD, microdata and `<time>`, gathered during
//! the one parse because pruning later drops scripts and links.

use super::element::{Start, attr};
use super::{Document, NodeId};
use crate::patterns as p;

/// Metadata sources gathered while parsing, for `crate::metadata`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageInfo {
    /// `lang` (or `xml:lang`) of `<html>`, as written.
    pub lang: Option<String>,
    /// `href` of the first `<base>`, as written.
    pub base_href: Option<String>,
    /// `<link>` and `<a>` elements that have a `rel`, in document order.
    pub links: Vec<Link>,
    /// The text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// Elements with `itemprop` or `itemscope` (microdata), in document order.
    pub items: Vec<Item>,
    /// `<time>` elements and the other elements that carry a date in an
    /// attribute (see [`TimeTag`]), in document order.
    pub times: Vec<TimeTag>,
}

/// A `<link>` or `<a>` with a `rel`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link {
    /// The element (or its nearest kept ancestor when nesting was capped).
    pub node: Option<NodeId>,
    /// The `rel` tokens, lower case, space separated.
    pub rel: String,
    pub href: String,
    /// True for `<link>`, false for `<a>`.
    pub is_link: bool,
}

/// A microdata element: `itemprop`, `itemscope` or both.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub node: Option<NodeId>,
    /// The `itemprop` names, lower case, space separated (empty when absent).
    pub props: String,
    /// The `itemtype`, when the element has `itemscope`.
    pub scope_type: Option<String>,
    /// Whether the element opens an item (`itemscope`).
    pub is_scope: bool,
    /// The value carried by an attribute: (`content`, `datetime`, `href`,
    /// `src` or `value`, the first present; its value). `None` means the
    /// text content is the value.
    pub attr_value: Option<(&'static str, String)>,
    /// Index in [`PageInfo::items`] of the nearest enclosing `itemscope`.
    pub parent_scope: Option<usize>,
}

/// A `<time>` element, or another element with a date in an attribute:
/// `datetime` (GitHub's `<relative-time>`, `<time-ago>`; not `<ins>` and
/// `<del>`, whose `datetime` is an edit's), the `title` of an `<abbr>` or
/// of an element whose class/id names a date
/// ([`p::DATE_TITLE_HINTS`]), a `data-*` date or timestamp
/// ([`p::DATA_DATE_WORDS`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TimeTag {
    pub node: Option<NodeId>,
    /// The attribute's value; `None` for a `<time>` without `datetime`,
    /// whose text is its date.
    pub datetime: Option<String>,
    /// The obsolete `pubdate` attribute: "this is the publication date".
    pub pubdate: bool,
}

impl Document {
    /// Records a `<meta>` under each name it gives, so metadata finds
    /// `og:title` and `twitter:title` alike by key. The value is `content`;
    /// a date tag without one is read from `value`, where pages saved by
    /// Mercury/Postlight's parser carry it. Only date tags: a date must
    /// parse to be used, while a stray `value` read as a title or an author
    /// would be taken as it stands.
    pub(super) fn push_meta(&mut self, el: &Start<'_>) {
        let (content, dates_only) = match attr(el, "content") {
            Some(content) => (content, false),
            None => match attr(el, "value") {
                Some(value) => (value, true),
                None => return,
            },
        };
        for name in ["property", "name", "itemprop", "http-equiv"] {
            for key in attr(el, name).unwrap_or("").split_whitespace() {
                let key = key.to_ascii_lowercase();
                if !dates_only || p::is_date_meta_key(&key) {
                    self.meta.push((key, content.to_string()));
                }
            }
        }
    }
}

impl PageInfo {
    /// Records what metadata needs from one element; returns the index of
    /// its [`Item`] when it opens a microdata scope.
    pub(super) fn collect(
        &mut self,
        el: &Start<'_>,
        node: Option<NodeId>,
        scope: Option<usize>,
    ) -> Option<usize> {
        let owned = |v: &str| v.trim().to_string();
        match el.name {
            "html" if self.lang.is_none() => {
                self.lang = attr(el, "lang").or_else(|| attr(el, "xml:lang")).map(owned);
            }
            "base" if self.base_href.is_none() => {
                self.base_href = attr(el, "href").map(owned);
            }
            "link" | "a" => {
                if let (Some(rel), Some(href)) = (attr(el, "rel"), attr(el, "href")) {
                    self.links.push(Link {
                        node,
                        rel: rel.to_ascii_lowercase(),
                        href: owned(href),
                        is_link: el.name == "link",
                    });
                }
            }
            "time" => self.times.push(TimeTag {
                node,
                datetime: attr(el, "datetime").map(owned),
                pubdate: attr(el, "pubdate").is_some(),
            }),
            _ => {
                if let Some(value) = date_attribute(el) {
                    self.times.push(TimeTag {
                        node,
                        datetime: Some(owned(value)),
                        pubdate: false,
                    });
                }
            }
        }
        let props = el.common.itemprop;
        let is_scope = el.common.itemscope.is_some();
        if props.is_none() && !is_scope {
            return None;
        }
        let attr_value = ["content", "datetime", "href", "src", "value"]
            .into_iter()
            .find_map(|a| attr(el, a).map(|v| (a, owned(v))));
        self.items.push(Item {
            node,
            props: props.unwrap_or("").to_ascii_lowercase(),
            scope_type: is_scope.then(|| owned(attr(el, "itemtype").unwrap_or(""))),
            is_scope,
            attr_value,
            parent_scope: scope,
        });
        is_scope.then(|| self.items.len() - 1)
    }
}

/// The date an element other than `<time>` carries in an attribute, if
/// any (see [`TimeTag`]).
fn date_attribute<'a>(el: &Start<'a>) -> Option<&'a str> {
    // One pass over the element's few attributes: this runs for every
    // element of the page.
    let (mut datetime, mut title, mut data) = (None, None, None);
    for a in el.attrs {
        let value = &a.value;
        match &*a.name.local {
            "datetime" => datetime = Some(&**value),
            "title" => title = Some(&**value),
            name if data.is_none() && is_data_date(name) => data = Some(&**value),
            _ => {}
        }
    }
    if !matches!(el.name, "ins" | "del") && datetime.is_some() {
        return datetime;
    }
    let names_a_date = |a: &str| {
        attr(el, a).is_some_and(|v| {
            v.to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| p::DATE_TITLE_HINTS.iter().any(|h| w.starts_with(h)))
        })
    };
    if title.is_some() && (el.name == "abbr" || names_a_date("class") || names_a_date("id")) {
        return title;
    }
    data
}

/// A `data-*` attribute name that holds a date: a word of it (split at
/// `-` and `_`) has a date word ([`p::DATA_DATE_WORDS`]), and none starts
/// with a word that names something else ([`p::DATA_DATE_EXCLUDED`]).
fn is_data_date(name: &str) -> bool {
    let Some(name) = name.strip_prefix("data-") else {
        return false;
    };
    let words = || name.split(['-', '_']);
    words().any(|w| p::DATA_DATE_WORDS.iter().any(|d| w.contains(d)))
        && !words().any(|w| p::DATA_DATE_EXCLUDED.iter().any(|x| w.starts_with(x)))
}

/// `<script type="application/ld+json">` (type compared without case and
/// parameters).
pub(super) fn is_json_ld(el: &Start<'_>) -> bool {
    attr(el, "type").is_some_and(is_json_ld_type)
}

/// A script `type` that names JSON-LD (the sink keeps such scripts'
/// text, see `raw_text`).
pub(super) fn is_json_ld_type(t: &str) -> bool {
    t.split(';')
        .next()
        .unwrap_or("")
        .trim()
        .eq_ignore_ascii_case("application/ld+json")
}
