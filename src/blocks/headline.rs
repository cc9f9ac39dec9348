//! Whether a heading repeats the page's title: the classifier drops such a
//! heading (the title is metadata), the locator takes a container
//! holding one for a whole story, and the ladder keeps a short story that
//! starts under it.

use crate::article::BlockKind;
use crate::patterns as p;

/// Lower-case words only, for title comparison: the key [`repeats_title`]
/// compares with.
pub(crate) fn title_key(s: &str) -> String {
    normalized(s).collect()
}

/// The characters of [`title_key`]`(s)`, one by one.
fn normalized(s: &str) -> impl Iterator<Item = char> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
        .flat_map(|(i, w)| {
            let space = (i > 0).then_some(' ');
            space
                .into_iter()
                .chain(w.chars().flat_map(char::to_lowercase))
        })
}

/// Whether a block of `kind` and `text` is the story's headline: a
/// heading that repeats the title whose [`title_key`]d form is `title`.
/// The one test of locate, the ladder and the classifier.
pub(crate) fn title_heading(kind: BlockKind, text: &str, title: &str) -> bool {
    matches!(kind, BlockKind::Heading(_)) && repeats_title(text, title)
}

/// Whether `heading` repeats the title whose [`title_key`]d form is
/// `title` ([`same_title`]), without copying a heading of megabytes: one
/// normalized longer than [`p::TITLE_MAX_LENGTH_RATIO`] times the title
/// cannot, and one as long as the title repeats it only when equal, which
/// is compared character by character.
fn repeats_title(heading: &str, title: &str) -> bool {
    let max = title.len().saturating_mul(p::TITLE_MAX_LENGTH_RATIO);
    let mut len = 0usize;
    for c in normalized(heading) {
        len += c.len_utf8();
        if len > max {
            return false;
        }
    }
    if len == title.len() {
        return len > 0 && normalized(heading).eq(title.chars());
    }
    same_title(&title_key(heading), title)
}

/// A heading repeats the title when the words are the same, or one holds
/// the other and they are of similar length (site names trimmed or not).
fn same_title(heading: &str, title: &str) -> bool {
    if heading.is_empty() || title.is_empty() {
        return false;
    }
    if heading == title {
        return true;
    }
    let (short, long) = if heading.len() < title.len() {
        (heading, title)
    } else {
        (title, heading)
    };
    long.contains(short) && short.len() * p::TITLE_MAX_LENGTH_RATIO >= long.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_title_tolerates_site_suffix() {
        assert!(same_title("rain returns", "rain returns the daily"));
        assert!(!same_title(
            "rain",
            "rain returns to the valley after a long summer"
        ));
    }

    #[test]
    fn a_heading_repeats_the_title_in_any_case_and_punctuation() {
        let key = title_key("First frost | Valley Garden Diary");
        assert!(repeats_title("First Frost", &title_key("First frost")));
        assert!(!repeats_title("About me", &key));
    }
}
