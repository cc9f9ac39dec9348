//! Author names: from a byline as pages write it ("By Jane Doe and John
//! Roe, Staff Writers | Updated March 3, 2015") to a clean list of names.

use super::date;
use crate::dom::text::collapse;
use crate::patterns as p;

/// The names in a byline or author value, cleaned: "By", roles, "Staff",
/// e-mails, URLs, handles and dates stripped, split on "and", "&", commas
/// and the like; duplicates dropped.
pub(crate) fn clean_authors(raw: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in split_names(raw) {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            names.push(name);
        }
    }
    names
}

fn split_names(raw: &str) -> Vec<String> {
    let text: String = raw.chars().take(p::MAX_AUTHOR_BYLINE_CHARS).collect();
    let mut text = collapse(&text);
    // A date or a status word ends the names.
    if let Some((at, _)) = date::find_all_in_text(&text).first() {
        text.truncate(*at);
        drop_trailing_weekdays(&mut text);
    }
    if let Some(m) = p::BYLINE_STATUS.find(&text) {
        text.truncate(m.start());
    }
    text = p::AUTHOR_NOISE.replace_all(&text, " ").into_owned();
    let text = unwrap_with(&text);
    let text = drop_brackets(&text);
    let text = drop_other_credits(&text);

    let mut parts: Vec<String> = vec![text];
    for sep in p::NAME_SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts = parts.iter().flat_map(|p| split_commas(p)).collect();
    for joiner in p::NAME_JOINERS {
        parts = parts
            .iter()
            .flat_map(|part| {
                // "Mac & i" is one name: every side of a split must be a
                // name of 2 letters or more.
                let pieces = split_ignore_case(part, joiner);
                let named = |x: &String| {
                    x.chars().filter(|c| c.is_alphabetic()).count() >= p::MIN_JOINED_NAME_LETTERS
                };
                if pieces.iter().all(named) {
                    pieces
                } else {
                    vec![part.clone()]
                }
            })
            .collect();
    }
    let cleaned: Vec<String> = parts.iter().filter_map(|p| clean_name(p)).collect();
    let person = |n: &String| !is_org(n);
    if cleaned.iter().any(person) {
        cleaned.into_iter().filter(person).collect()
    } else {
        cleaned
    }
}

/// "Richard Eskow, Sunday," -> "Richard Eskow".
fn drop_trailing_weekdays(text: &mut String) {
    loop {
        let trimmed = text
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '-' | '·'));
        let last = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
        let word = last.trim_end_matches('.').to_lowercase();
        if last.is_empty() || !p::WEEKDAYS.contains(&word.as_str()) {
            let len = trimmed.len();
            text.truncate(len);
            return;
        }
        let len = trimmed.len() - last.len();
        text.truncate(len);
    }
}

/// "Martin Untersinger (avec Damien Leloup et Morgane Tual)": a bracket
/// that credits co-authors becomes a list.
fn unwrap_with(text: &str) -> String {
    let lower = text.to_lowercase();
    for with in p::CO_AUTHOR_BRACKETS {
        if let Some(start) = lower.find(with) {
            let inner_start = start + with.len();
            let Some(close) = text.get(inner_start..).and_then(|r| r.find(')')) else {
                continue;
            };
            let (Some(head), Some(inner), Some(tail)) = (
                text.get(..start),
                text.get(inner_start..inner_start + close),
                text.get(inner_start + close + 1..),
            ) else {
                continue;
            };
            return format!("{head}, {inner} {tail}");
        }
    }
    text.to_string()
}

/// Removes `(...)` and `[...]` (a location, a handle, a site), except
/// inside a name: "Bruno (Henrique Zecchin) Rodrigues", "Richard (R.J.)
/// Eskow" keep theirs.
fn drop_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut group = String::new();
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    group.clear();
                }
                depth += 1;
                group.push(c);
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                group.push(c);
                if depth == 0 {
                    let rest = text.get(i + c.len_utf8()..).unwrap_or("");
                    if inside_name(&group, rest) {
                        out.push_str(&group);
                    }
                }
            }
            _ if depth == 0 => out.push(c),
            _ => group.push(c),
        }
    }
    out
}

/// A bracket group continues a name when words of the name follow it.
fn inside_name(group: &str, rest: &str) -> bool {
    let next = rest.split_whitespace().next().unwrap_or("");
    let joiner = p::NAME_JOINERS
        .iter()
        .any(|j| j.trim().eq_ignore_ascii_case(next));
    group.chars().any(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_alphabetic)
        && !joiner
}

/// Cuts "Edited by ...", "Photos by ..." and the like from the byline.
fn drop_other_credits(text: &str) -> String {
    let lower = text.to_lowercase();
    let cut = p::OTHER_CREDITS
        .iter()
        .filter_map(|c| find_word(&lower, c))
        .min();
    match cut {
        // `lower` can differ in length from `text` for a few characters;
        // fall back to the whole text then.
        Some(at) if lower.len() == text.len() => text.get(..at).unwrap_or(text).to_string(),
        _ => text.to_string(),
    }
}

/// Byte offset of `needle` in `haystack` at word boundaries.
fn find_word(haystack: &str, needle: &str) -> Option<usize> {
    haystack.match_indices(needle).map(|(i, _)| i).find(|&i| {
        let before = haystack.get(..i).and_then(|b| b.chars().next_back());
        let after = haystack
            .get(i + needle.len()..)
            .and_then(|a| a.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Splits on commas, except "Doe, Jane" (one comma, one word before it:
/// a name written family name first).
fn split_commas(part: &str) -> Vec<String> {
    let pieces: Vec<&str> = part.split(',').collect();
    if let [family, given] = pieces.as_slice() {
        let family_words = family.split_whitespace().count();
        let given_words = given.split_whitespace().count();
        if family_words == 1
            && p::FAMILY_FIRST_GIVEN_WORDS.contains(&given_words)
            && !is_role(given)
        {
            return vec![part.to_string()];
        }
    }
    pieces.into_iter().map(str::to_string).collect()
}

fn split_ignore_case(text: &str, sep: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return vec![text.to_string()];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in lower.match_indices(sep) {
        if i >= start {
            out.push(text.get(start..i).unwrap_or("").to_string());
            start = i + sep.len();
        }
    }
    out.push(text.get(start..).unwrap_or("").to_string());
    out
}

fn words_lower(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, ',' | ':' | '|' | '-' | '–' | '—'))
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_role(part: &str) -> bool {
    let words = words_lower(part);
    !words.is_empty() && words.iter().all(|w| p::ROLE_WORDS.contains(&w.as_str()))
}

fn is_org(name: &str) -> bool {
    words_lower(name)
        .iter()
        .any(|w| p::ORG_WORDS.contains(&w.as_str()))
}

/// One name: prefixes, roles and stray punctuation stripped; `None` when
/// what is left is not a plausible name.
fn clean_name(part: &str) -> Option<String> {
    let trim = |s: &str| {
        let t = s.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ':' | ';' | '-' | '–' | '—' | '|' | '·' | '*')
        });
        // A final dot goes, unless it ends an initial ("Kooman, F.").
        let initial = t
            .strip_suffix('.')
            .and_then(|b| b.rsplit(|c: char| c.is_whitespace() || c == ',').next())
            .is_some_and(|w| w.chars().count() == 1);
        let t = if initial { t } else { t.trim_end_matches('.') };
        t.trim_start_matches('.').trim().to_string()
    };
    let mut name = trim(part);
    // Prefixes, repeatedly ("By: Staff Writer Jane Doe" -> "Jane Doe").
    loop {
        let lower = name.to_lowercase();
        let Some(prefix) = p::BYLINE_PREFIXES.iter().find(|pre| {
            lower.starts_with(*pre)
                && (pre.ends_with(':')
                    || lower
                        .get(pre.len()..)
                        .is_some_and(|r| r.starts_with(|c: char| c.is_whitespace() || c == ':')))
        }) else {
            break;
        };
        if lower.len() != name.len() {
            break;
        }
        name = trim(name.get(prefix.len()..).unwrap_or(""));
    }
    // Roles at either end ("Staff Writer Jane Doe", "Jane Doe, MA").
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let role = |w: &&str| {
        p::ROLE_WORDS.contains(
            &w.trim_matches(|c: char| matches!(c, ',' | ':'))
                .to_lowercase()
                .as_str(),
        )
    };
    let before_roles = words.len();
    while words.len() > 1 && words.last().is_some_and(role) {
        words.pop();
    }
    // "Games Editor", "Science Correspondent": a beat and a role, no name.
    if words.len() == 1 && before_roles > 1 {
        return None;
    }
    let mut lead = 0;
    while lead + 1 < words.len() && words.get(lead).is_some_and(role) {
        lead += 1;
    }
    // "Contributors to Wikimedia projects": a role word followed by a
    // lower-case word is the name itself.
    let lower_next = words
        .get(lead)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    if lead > 0 && !lower_next {
        words.drain(..lead);
    }
    let name = trim(&words.join(" "));
    let lower = name.to_lowercase();
    let plausible = !name.is_empty()
        && name.chars().count() <= p::MAX_NAME_CHARS
        && name.split_whitespace().count() <= p::MAX_NAME_WORDS
        && name.chars().any(char::is_alphabetic)
        // "CC7567", "user123", "mcupdate": account names, not people's.
        && !name.chars().any(|c| c.is_ascii_digit())
        && (name.contains(' ') || !name.chars().all(|c| c.is_ascii_lowercase()))
        // "Our Foreign Staff", "Our Correspondent".
        && !p::NOT_NAME_PREFIXES.iter().any(|x| lower.starts_with(x))
        && !is_role(&name)
        && !p::NOT_NAMES.contains(&lower.as_str())
        && !lower.contains("http");
    plausible.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Vec<String> {
        clean_authors(s)
    }

    #[test]
    fn by_and_roles_are_stripped() {
        assert_eq!(a("By Jane Doe"), ["Jane Doe"]);
        assert_eq!(a("by: Jane Doe, Staff Writer"), ["Jane Doe"]);
        assert_eq!(a("Jane Doe | Staff"), ["Jane Doe"]);
        assert_eq!(
            a("Written by Rob Ewaschuk Edited by Betsy Beyer"),
            ["Rob Ewaschuk"]
        );
        assert_eq!(
            a("By Brenda Goodman, MA WebMD Health News"),
            ["Brenda Goodman"]
        );
        assert_eq!(a("Par Sébastien Farcis"), ["Sébastien Farcis"]);
        assert_eq!(a("Von Max Mustermann"), ["Max Mustermann"]);
    }

    #[test]
    fn lists_are_split() {
        assert_eq!(a("Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(
            a("Stella Kim, Jennifer Jett"),
            ["Stella Kim", "Jennifer Jett"]
        );
        assert_eq!(
            a("By Alice A, Bob B & Carol C"),
            ["Alice A", "Bob B", "Carol C"]
        );
        assert_eq!(
            a("Martin Untersinger (avec Damien Leloup et Morgane Tual)"),
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
        );
        assert_eq!(a("Jong, Michiel de"), ["Jong, Michiel de"]);
        assert_eq!(a("Kooman, F."), ["Kooman, F."]);
        assert_eq!(a("Mac & i"), ["Mac & i"]);
        assert_eq!(a("Jane Doe; Jane Doe"), ["Jane Doe"]);
    }

    #[test]
    fn emails_dates_and_urls_are_stripped() {
        assert_eq!(
            a("By GILLIAN MOHNEY March 11, 2015 3:46 PM"),
            ["GILLIAN MOHNEY"]
        );
        assert_eq!(
            a("By Hua Shengdun in Washington (China Daily USA) Updated: 2015-02-25 11:46"),
            ["Hua Shengdun"]
        );
        assert_eq!(a("Jane Doe jane.doe@example.com"), ["Jane Doe"]);
        assert_eq!(
            a("Bradley M. Kuhn (http://ebb.org/bkuhn/)"),
            ["Bradley M. Kuhn"]
        );
        assert_eq!(a("Jane Doe @janedoe"), ["Jane Doe"]);
        assert_eq!(a("By Nathan Willis March 25, 2015"), ["Nathan Willis"]);
        assert_eq!(a("Last Updated: January 7, 2025"), Vec::<String>::new());
    }

    #[test]
    fn brackets_inside_a_name_stay() {
        assert_eq!(
            a("Bruno (Henrique Zecchin) Rodrigues"),
            ["Bruno (Henrique Zecchin) Rodrigues"]
        );
        assert_eq!(
            a("By Richard (R.J.) Eskow Sunday, Apr 26, 2015"),
            ["Richard (R.J.) Eskow"]
        );
        assert_eq!(a("史蒂文的家_藍天 (stevenhgm)"), ["史蒂文的家_藍天"]);
        assert_eq!(
            a("Contributors to Wikimedia projects"),
            ["Contributors to Wikimedia projects"]
        );
    }

    #[test]
    fn junk_is_not_a_name() {
        assert!(a("CC7567").is_empty());
        assert!(a("mcupdate").is_empty());
        assert!(a("By Our Foreign Staff").is_empty());
        assert!(a("Follow Author").is_empty());
        assert!(a("Staff").is_empty());
        assert!(a("https://www.facebook.com/someone").is_empty());
        assert!(a(&"word ".repeat(50)).is_empty());
        assert!(a("").is_empty());
        assert_eq!(a("BBC News"), ["BBC News"], "an organisation alone is kept");
    }
}
