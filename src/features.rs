//! Shallow per-block features: pure functions of a block and its place.

use crate::blocks::TextBlock;
use crate::dom::{Document, NodeId};
use crate::explain::Features;
use crate::locate::Container;
use crate::options::Deadline;
use crate::patterns::{self as p, Patterns};
use crate::prune::Pruned;

/// Computes the features of every block; past `deadline` it stops early
/// (the caller's check then fails the page).
pub(crate) fn compute(
    blocks: &[TextBlock],
    doc: &Document,
    pruned: &Pruned,
    container: &Container,
    patterns: &Patterns,
    deadline: &Deadline,
) -> Vec<Features> {
    let last = blocks.len().saturating_sub(1).max(1) as f32;
    let mut lower = String::new();
    blocks
        .iter()
        .enumerate()
        .take_while(|&(i, _)| !deadline.passed_at(i))
        .map(|(i, b)| Features {
            link_density: if b.chars == 0 {
                0.0
            } else {
                b.link_chars as f32 / b.chars as f32
            },
            class_hint: path_hint(doc, pruned, container, b.owner),
            in_container: container.contains(b.owner),
            position: i as f32 / last,
            ..text_features(&b.text, patterns, &mut lower)
        })
        .collect()
}

/// The features that depend on the text alone (no links, no DOM): shared
/// by the HTML pipeline and the plain-text mode. `lower` is a scratch
/// buffer, reused across calls to save allocations.
pub(crate) fn text_features(text: &str, patterns: &Patterns, lower: &mut String) -> Features {
    let words = count_words(text, patterns, lower);
    Features {
        words: words.words,
        chars: text.chars().count(),
        text_density: text_density(text),
        stopword_density: if words.latin == 0 {
            0.0
        } else {
            words.stopwords as f32 / words.latin as f32
        },
        sentence_ends: sentence_ends(text),
        ends_sentence: ends_sentence(text),
        boilerplate_phrase: words.words <= p::PHRASE_MAX_WORDS
            && patterns.boilerplate_phrase.is_match(text),
        ..Features::default()
    }
}

struct WordCounts {
    words: usize,
    latin: usize,
    stopwords: usize,
}

fn count_words(text: &str, patterns: &Patterns, lower: &mut String) -> WordCounts {
    let (mut latin, mut stopwords, mut cjk) = (0, 0, 0);
    let mut word_start: Option<usize> = None;
    let mut check = |word: &str, latin: &mut usize, stopwords: &mut usize| {
        *latin += 1;
        if word.is_ascii() {
            // Most words: lower case in place of bytes, and no look-up for
            // a word longer than every stopword.
            if word.len() > patterns.longest_stopword {
                return;
            }
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        if patterns.stopwords.contains(lower.as_str()) {
            *stopwords += 1;
        }
    };
    for (i, c) in text.char_indices() {
        // ASCII first (most characters): no CJK range to test, and a
        // letter or digit is told by its byte.
        let wordish = if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '\''
        } else if p::is_cjk(c) {
            cjk += 1;
            false
        } else {
            c.is_alphanumeric()
        };
        match (wordish, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                check(&text[s..i], &mut latin, &mut stopwords);
                word_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = word_start {
        check(&text[s..], &mut latin, &mut stopwords);
    }
    WordCounts {
        words: latin + cjk / p::CJK_CHARS_PER_WORD,
        latin,
        stopwords,
    }
}

/// Boilerpipe's text density: wrap at [`p::WRAP_WIDTH`] columns; words per
/// line, leaving out the last line when there are several.
fn text_density(text: &str) -> f32 {
    let (mut lines, mut col, mut words, mut words_in_last) = (1usize, 0usize, 0usize, 0usize);
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if col > 0 && col + 1 + len > p::WRAP_WIDTH {
            lines += 1;
            col = 0;
            words_in_last = 0;
        }
        col += len + usize::from(col > 0);
        words += 1;
        words_in_last += 1;
    }
    if lines == 1 {
        words as f32
    } else {
        (words - words_in_last) as f32 / (lines - 1) as f32
    }
}

fn is_sentence_end(c: char) -> bool {
    p::SENTENCE_END_MARKS.contains(&c)
}

/// [`is_sentence_end`] of each ASCII character, by its byte: the count
/// below runs over every block's every character on every rung.
// Evaluated when the crate is built; the loop stays within both arrays.
#[allow(clippy::indexing_slicing)]
const ASCII_SENTENCE_END: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < p::SENTENCE_END_MARKS.len() {
        let c = p::SENTENCE_END_MARKS[i] as usize;
        if c < 128 {
            table[c] = true;
        }
        i += 1;
    }
    table
};

/// How many characters of `text` end a sentence ([`is_sentence_end`]).
fn sentence_ends(text: &str) -> usize {
    let ascii = |b: u8| ASCII_SENTENCE_END.get(usize::from(b)).copied() == Some(true);
    if text.is_ascii() {
        return text.bytes().filter(|&b| ascii(b)).count();
    }
    text.chars()
        .filter(|&c| match u8::try_from(c) {
            Ok(b) if b.is_ascii() => ascii(b),
            _ => is_sentence_end(c),
        })
        .count()
}

fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(p::CLOSING_MARKS);
    trimmed
        .chars()
        .next_back()
        .is_some_and(|c| is_sentence_end(c) || p::CLAUSE_END_MARKS.contains(&c))
}

/// Sum of class/id hints from the block's owner up to (not including) the
/// story container's root.
fn path_hint(doc: &Document, pruned: &Pruned, container: &Container, owner: NodeId) -> i32 {
    let post_chars =
        post_of(doc, container, owner).and_then(|post| container.subtree_chars.get(post).copied());
    let mut sum = 0i32;
    let mut node = Some(owner);
    for _ in 0..p::HINT_LEVELS {
        let Some(id) = node else { break };
        if container.ranges.iter().any(|r| r.0 == id) {
            break;
        }
        let hint = i32::from(pruned.hint.get(id).copied().unwrap_or(0));
        let chars = container.subtree_chars.get(id).copied().unwrap_or(0) as f32;
        // A "boilerplate" class on an element holding much of the story is a
        // page-builder wrapper (`elementor-widget-container`), not a box...
        let share = chars / container.chars.max(1) as f32;
        // ...and in a thread, a "comment" class on the body of a post marks
        // the posts, which are the content.
        let body = post_chars.is_some_and(|all| chars >= all as f32 * p::POST_BODY_MIN_SHARE);
        if hint > 0 || (share < p::NEGATIVE_HINT_MAX_SHARE && !body) {
            sum += hint;
        }
        node = doc.parent(id);
    }
    sum
}

/// The post of the container's thread that `owner` lies in, if any: its
/// ancestor (a few levels up at most) whose parent is the thread's.
fn post_of(doc: &Document, container: &Container, owner: NodeId) -> Option<NodeId> {
    let thread = container.thread?;
    doc.ancestors(owner)
        .take(p::HINT_LEVELS)
        .find(|&id| doc.parent(id) == Some(thread))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_density_follows_boilerpipe() {
        assert_eq!(text_density("three short words"), 3.0);
        // 20 words of 7 chars: 10 per 80-column line, two full lines.
        let long = "abcdefg ".repeat(25);
        assert_eq!(text_density(long.trim()), 10.0);
    }

    #[test]
    fn stopwords_and_cjk_words_are_counted() {
        let mut buf = String::new();
        let c = count_words("The cat sat on the mat", &Patterns::shared(), &mut buf);
        assert_eq!((c.words, c.latin, c.stopwords), (6, 6, 3));
        let c = count_words("中国和美国", &Patterns::shared(), &mut buf);
        assert_eq!(c.words, 2);
    }

    #[test]
    fn stopwords_are_found_in_any_case_and_script() {
        let mut buf = String::new();
        let patterns = Patterns::shared();
        // Upper-case ASCII (the fast path), a word longer than every
        // stopword, and a non-ASCII stopword in capitals.
        let c = count_words("THE Und extraordinarily FÜR", &patterns, &mut buf);
        assert_eq!((c.latin, c.stopwords), (4, 3));
        assert!(patterns.longest_stopword < "extraordinarily".len());
    }

    #[test]
    fn sentence_ends_are_counted_as_each_mark_is_told() {
        for text in [
            "One. Two! Three? 四。五！六？",
            "a.b",
            "",
            "no end",
            "“Quoted.” — ok?",
        ] {
            let each = text.chars().filter(|&c| is_sentence_end(c)).count();
            assert_eq!(sentence_ends(text), each, "{text}");
        }
        assert_eq!(sentence_ends("One. Two! Three? 四。五！六？"), 6);
    }

    #[test]
    fn sentence_endings() {
        assert!(ends_sentence("He said so.\""));
        assert!(!ends_sentence("Most Popular"));
    }

    /// The class hint of the block holding `needle`, on the rung that
    /// keeps "unlikely" classes (a thread of comments is pruned before).
    fn hint_of(html: &str, needle: &str) -> i32 {
        use crate::patterns::LADDER;
        let doc = Document::parse(html, &crate::options::Options::new()).unwrap();
        let patterns = Patterns::shared();
        let pruned = crate::prune::prune(&doc, &patterns, LADDER[1]);
        let blocks = crate::blocks::segment(&doc, &pruned, false);
        let c = crate::locate::locate(&doc, &pruned, &blocks, LADDER[1], &Deadline::NONE);
        let feats = compute(&blocks, &doc, &pruned, &c, &patterns, &Deadline::NONE);
        let i = blocks.iter().position(|b| b.text.contains(needle)).unwrap();
        feats[i].class_hint
    }

    #[test]
    fn a_comment_class_on_a_posts_body_is_no_mark_in_a_thread() {
        let reply = |i: usize, class: &str| {
            format!(
                "<div class='r'><div class='who'>user{i}</div><div class='{class}'>A reply \
                 of a few plain sentences, long enough to be a post, number {i}. It goes on \
                 with a second sentence of the same kind.</div></div>"
            )
        };
        let thread: String = (0..5).map(|i| reply(i, "comment")).collect();
        let html = format!("<body><div id='thread'>{thread}</div></body>");
        assert_eq!(hint_of(&html, "number 3"), 0);
        // The same class on a box of a story still counts against it.
        let story = "<p>The story's own paragraph, in plain words, with commas, long enough \
                     to vote for the container that holds it.</p>"
            .repeat(8);
        let html = format!(
            "<body><div id='story'>{story}<div class='comment'>A reader's note of a few \
             plain words, number 3, long enough to be some text.</div>{story}</div></body>"
        );
        assert!(hint_of(&html, "number 3") < 0);
    }
}
