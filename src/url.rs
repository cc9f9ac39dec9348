//! URL rules shared by the stages: which URLs an output may carry
//! ([`safe_url`]), how a page's URLs are made absolute ([`resolve`]), and the
//! site name a host gives ([`host_label`]). A leaf module: it imports no
//! stage.

use ::url::Url;

/// The URL if a renderer may write it: `http`, `https`, `mailto` or
/// relative (no scheme). As a browser reads it: ASCII tabs and newlines
/// anywhere are ignored, and control characters and spaces at both ends.
/// So `JaVaScRiPt:`, `java\tscript:` and ` javascript:` are all refused
/// (entities such as `&#106;` were decoded by the HTML parser already).
pub(crate) fn safe_url(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c <= ' ');
    if cleaned.is_empty() {
        return None;
    }
    if let Some((scheme, _)) = cleaned.split_once(':') {
        let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if is_scheme {
            let allowed = ["http", "https", "mailto"]
                .iter()
                .any(|s| scheme.eq_ignore_ascii_case(s));
            return allowed.then(|| cleaned.to_string());
        }
    }
    Some(cleaned.to_string())
}

/// `url` made absolute against `base`; kept as written when it cannot be
/// (no base); `None` for `javascript:` and `data:` URLs and for empty ones.
pub(crate) fn resolve(url: &str, base: Option<&Url>) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    let lower = url.get(..11).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("javascript:") || lower.starts_with("data:") {
        return None;
    }
    if let Ok(absolute) = Url::parse(url) {
        return Some(absolute.to_string());
    }
    match base {
        Some(b) => b.join(url).ok().map(|u| u.to_string()),
        None => Some(url.to_string()),
    }
}

/// The site's name as its host says it: `www.nytimes.com` -> `nytimes`.
pub(crate) fn host_label(url: &str) -> Option<String> {
    let host = Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let generic = ["com", "co", "org", "net", "gov", "ac", "edu", "www"];
    labels
        .iter()
        .rev()
        .skip(1)
        .find(|l| !generic.contains(l) && l.len() > 2)
        .map(|l| l.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_as_browsers_read_them() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " \u{1}javascript:alert(1)",
            "jav\nascript:x",
            "vbscript:x",
            "data:text/html,<script>",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
        for good in [
            "https://a.example/",
            "HTTP://A",
            "mailto:a@b",
            "/rel",
            "x/y:z",
            "//cdn.example/x",
        ] {
            assert!(safe_url(good).is_some(), "{good:?}");
        }
    }
}
