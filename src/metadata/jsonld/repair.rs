//! JSON repair: what browsers' JSON-LD readers forgive (HTML comment and
//! CDATA wrappers, raw control characters in strings, trailing commas,
//! several values in one script), and, when nothing parses, the main
//! fields read with patterns.

use std::borrow::Cow;

use super::lean::{Value, parse_stream};
use super::non_empty;
use super::{Found, author, date};
use crate::options::Deadline;
use crate::patterns as p;

/// The JSON values of one script, repairing what browsers' JSON-LD readers
/// commonly forgive; empty when nothing parses (or past `deadline`).
pub(super) fn parse_script(script: &str, deadline: &Deadline) -> Vec<Value> {
    let mut text = Cow::Borrowed(strip_wrappers(script));
    // Raw control characters are invalid inside JSON strings and mere
    // whitespace outside them.
    if text.chars().any(|c| c.is_control()) {
        text = Cow::Owned(
            text.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect(),
        );
    }
    let values = parse_stream(&text, deadline);
    if !values.is_empty() || deadline.passed() {
        return values;
    }
    parse_stream(&p::TRAILING_COMMA.replace_all(&text, "$1"), deadline)
}

/// Drops `<!-- -->`, `<![CDATA[ ]]>` (and `//` before them) and a final
/// `;` around the JSON.
fn strip_wrappers(script: &str) -> &str {
    let mut s = script.trim();
    loop {
        let before = s.len();
        for open in ["<!--", "//<![CDATA[", "<![CDATA["] {
            if let Some(rest) = s.strip_prefix(open) {
                s = rest.trim_start();
            }
        }
        for close in ["-->", "//]]>", "]]>", ";"] {
            if let Some(rest) = s.strip_suffix(close) {
                s = rest.trim_end();
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// The main fields of a script that does not parse, read with patterns
/// (only when it names an article type).
pub(super) fn read_broken(script: &str) -> Found {
    let mut found = Found::default();
    let lower_has_article = p::ARTICLE_TYPES
        .iter()
        .filter(|(_, rank)| *rank >= p::BROKEN_MIN_RANK)
        .any(|(t, _)| script.to_ascii_lowercase().contains(&format!("\"{t}\"")));
    if !lower_has_article {
        return found;
    }
    for c in p::BROKEN_FIELDS.captures_iter(script) {
        let unescape = |s: &str| {
            serde_json::from_str::<String>(&format!("\"{s}\"")).unwrap_or_else(|_| s.to_string())
        };
        if let (Some(key), Some(value)) = (c.name("key"), c.name("value")) {
            let value = unescape(value.as_str());
            match key.as_str() {
                "headline" if found.title.is_none() => found.title = non_empty(&value),
                "datePublished" | "dateCreated" if found.published.is_none() => {
                    found.published = date::parse(&value);
                }
                "dateModified" if found.modified.is_none() => {
                    found.modified = date::parse(&value);
                }
                _ => {}
            }
        } else if let Some(name) = c.name("aname").or_else(|| c.name("astr")) {
            if found.authors.is_empty() {
                found.authors = author::clean_authors(&unescape(name.as_str()));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::*;

    fn ld(json: &str) -> Found {
        read(&[json.to_string()], &[], true, &Deadline::NONE)
    }

    #[test]
    fn broken_and_hostile_json() {
        assert_eq!(ld("").title, None);
        assert_eq!(ld("not json at all").title, None);
        assert_eq!(
            ld(r#"{"@type":"Article","headline":"Commas",}"#)
                .title
                .as_deref(),
            Some("Commas")
        );
        assert_eq!(
            ld("{\"@type\":\"Article\",\"headline\":\"Two\nlines\"}")
                .title
                .as_deref(),
            Some("Two lines")
        );
        let two = r#"{"@type":"WebSite","name":"S"}{"@type":"Article","headline":"Second"}"#;
        assert_eq!(ld(two).title.as_deref(), Some("Second"));
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(ld(&deep), Found::default());
        let nested = format!(
            r#"{{"@type":"Article","headline":"Top","x":{}1{}}}"#,
            "[".repeat(120),
            "]".repeat(120)
        );
        assert_eq!(
            ld(&nested).title.as_deref(),
            Some("Top"),
            "within serde_json's limit"
        );
        assert_eq!(
            ld(r#"{"@type":42,"headline":["a"],"author":{"name":{"x":1}}}"#).title,
            None
        );
    }
}
