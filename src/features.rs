//! Shallow per-block features: pure functions of a block and its place.

use crate::blocks::{Blocks, TextBlock, small};
use crate::dom::{Document, NodeId};
use crate::explain::Features;
use crate::locate::Container;
use crate::options::Deadline;
use crate::patterns::{self as p, Patterns};
use crate::prune::Pruned;

mod teasers;

/// What the classifier reads of a block (each field as in [`Features`]):
/// 16 bytes, not the public type's 48. Every block's are alive together
/// while the classifier runs, the peak of a hostile page of 78,000 short
/// blocks (`fuzz/dos_rss.sh`). What only the trace shows (characters,
/// text density, the count of sentence ends, position) is counted again
/// when it is asked for ([`explained`]); the link density is the block's
/// own ([`TextBlock::link_density`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct BlockFeatures {
    /// 32 bits, as a block's counts (see [`small`]).
    pub words: u32,
    pub stopword_density: f32,
    /// 16 bits: a sum of [`p::HINT_LEVELS`] hints of 8 bits each (see
    /// [`hint_sum`]).
    pub class_hint: i16,
    /// The text holds a sentence-ending mark ([`Features::sentence_ends`]
    /// is more than 0).
    pub sentence_end: bool,
    pub ends_sentence: bool,
    pub in_container: bool,
    pub boilerplate_phrase: bool,
    /// The block is a teaser's summary (see `teasers::mark_teasers`).
    pub teaser: bool,
    /// The block is a linked heading kept as content (see
    /// [`LinkedHeading`]).
    pub linked_heading: LinkedHeading,
}

/// A heading that is nearly all link, which the classifier would drop as
/// a link list, marked as content by `teasers::mark_teasers`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum LinkedHeading {
    #[default]
    No,
    /// The headline of a listing's card, over its summary.
    Card,
    /// The heading of an item in the story's own flow, over its paragraph
    /// (a list article's "1. Stitch Fix"), on a page with at least
    /// [`p::FLOW_HEADINGS_MIN`] of them.
    Flow,
}

impl BlockFeatures {
    /// Words, as the thresholds count them.
    pub(crate) fn words(&self) -> usize {
        self.words as usize
    }

    /// The public [`Features`], with what only the trace shows.
    fn public(&self, trace: Recount, link_density: f32, position: f32) -> Features {
        Features {
            words: self.words(),
            chars: trace.chars,
            link_density,
            text_density: trace.text_density,
            stopword_density: self.stopword_density,
            sentence_ends: trace.sentence_ends,
            ends_sentence: self.ends_sentence,
            class_hint: i32::from(self.class_hint),
            in_container: self.in_container,
            boilerplate_phrase: self.boilerplate_phrase,
            position,
        }
    }
}

/// What the trace shows of a text that the classifier does not read.
struct Recount {
    chars: usize,
    text_density: f32,
    sentence_ends: usize,
}

impl Recount {
    /// Counted as [`Scan`] counts them (the density's words are the runs
    /// of non-whitespace).
    fn of(text: &str) -> Recount {
        let mut density = Density::default();
        text.split_whitespace()
            .for_each(|word| density.word(word.chars().count()));
        Recount {
            chars: text.chars().count(),
            text_density: density.value(),
            sentence_ends: text.chars().filter(|&c| is_sentence_end(c)).count(),
        }
    }
}

/// The position [`Features::position`] gives block `index` of `count`: 0
/// for the first, 1 for the last.
pub(crate) fn position(index: usize, count: usize) -> f32 {
    index as f32 / count.saturating_sub(1).max(1) as f32
}

/// The public [`Features`] of `block`, of `text`, whose classifier's
/// features are `f`, at `position` (see [`position`]), for the trace.
pub(crate) fn explained(
    f: &BlockFeatures,
    block: &TextBlock,
    text: &str,
    position: f32,
) -> Features {
    f.public(Recount::of(text), block.link_density(), position)
}

/// Computes the features of every block; past `deadline` it stops early
/// (the caller's check then fails the page).
pub(crate) fn compute(
    blocks: &Blocks,
    doc: &Document,
    pruned: &Pruned,
    container: &Container,
    patterns: &Patterns,
    deadline: &Deadline,
) -> Vec<BlockFeatures> {
    let mut lower = String::new();
    // Sized once: the deadline's `take_while` hides the length from
    // `collect`, which doubled its way up to twice the blocks' count
    // (6.3 MB for a page of 70,000 one-line paragraphs).
    let mut out = Vec::with_capacity(blocks.len());
    out.extend(
        blocks
            .iter()
            .enumerate()
            .take_while(|&(i, _)| !deadline.passed_at(i))
            .map(|(_, b)| (b, blocks.text(b)))
            .map(|(b, text)| BlockFeatures {
                class_hint: hint_sum(path_hint(doc, pruned, container, b.owner())),
                in_container: container.contains(b.owner()),
                ..Scan::of(text, patterns, &mut lower).features(text, patterns)
            }),
    );
    teasers::mark_teasers(blocks, doc, container, &mut out);
    out
}

/// The features that depend on the text alone (no links, no DOM): shared
/// by the HTML pipeline and the plain-text mode. `lower` is a scratch
/// buffer, reused across calls to save allocations.
pub(crate) fn text_features(text: &str, patterns: &Patterns, lower: &mut String) -> Features {
    let scan = Scan::of(text, patterns, lower);
    let counted = Recount {
        chars: scan.chars,
        text_density: scan.density.value(),
        sentence_ends: scan.sentence_ends,
    };
    scan.features(text, patterns).public(counted, 0.0, 0.0)
}

/// A sum of class hints as [`BlockFeatures`] keeps it: 16 bits, which
/// [`p::HINT_LEVELS`] hints of 8 bits each never pass (saturating all
/// the same).
fn hint_sum(sum: i32) -> i16 {
    let clamped = sum.clamp(i32::from(i16::MIN), i32::from(i16::MAX));
    i16::try_from(clamped).unwrap_or_default()
}

/// What one pass over a block's characters counts: its words (latin ones
/// checked against the stopwords, CJK characters), its characters, its
/// sentence ends and its text density. One pass, not one per feature: the
/// features run over every block's every character on every rung.
struct Scan {
    latin: usize,
    stopwords: usize,
    cjk: usize,
    chars: usize,
    sentence_ends: usize,
    density: Density,
}

impl Scan {
    fn of(text: &str, patterns: &Patterns, lower: &mut String) -> Scan {
        let mut scan = Scan {
            latin: 0,
            stopwords: 0,
            cjk: 0,
            chars: 0,
            sentence_ends: 0,
            density: Density::default(),
        };
        // Where the current word (letters, digits, apostrophes) starts, and
        // how many characters the current whitespace-separated run has.
        let mut word_start: Option<usize> = None;
        let mut run = 0usize;
        for (i, c) in text.char_indices() {
            scan.chars += 1;
            // ASCII first (most characters): no CJK range to test, and a
            // letter, digit or sentence end is told by its byte.
            let wordish = if c.is_ascii() {
                scan.sentence_ends += usize::from(ascii_sentence_end(c as u8));
                c.is_ascii_alphanumeric() || c == '\''
            } else {
                scan.sentence_ends += usize::from(is_sentence_end(c));
                if p::is_cjk(c) {
                    scan.cjk += 1;
                    false
                } else {
                    c.is_alphanumeric()
                }
            };
            match (wordish, word_start) {
                (true, None) => word_start = Some(i),
                (false, Some(s)) => {
                    scan.word(text.get(s..i).unwrap_or_default(), patterns, lower);
                    word_start = None;
                }
                _ => {}
            }
            if wordish || !c.is_whitespace() {
                run += 1;
            } else if run > 0 {
                scan.density.word(run);
                run = 0;
            }
        }
        if let Some(s) = word_start {
            scan.word(text.get(s..).unwrap_or_default(), patterns, lower);
        }
        if run > 0 {
            scan.density.word(run);
        }
        scan
    }

    /// A latin word: counted, and looked up among the stopwords.
    fn word(&mut self, word: &str, patterns: &Patterns, lower: &mut String) {
        self.latin += 1;
        if word.is_ascii() {
            // Most words: lower case in place of bytes, and no look-up for
            // a word longer than every stopword.
            if word.len() > patterns.longest_stopword {
                return;
            }
            // A word already in lower case (most) is looked up as it is.
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                self.stopwords += usize::from(patterns.stopwords.contains(word));
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
            self.stopwords += 1;
        }
    }

    /// Words: the latin ones, and CJK text by its characters.
    fn words(&self) -> usize {
        self.latin + self.cjk / p::CJK_CHARS_PER_WORD
    }

    /// The classifier's features of `text`, the one scanned, that depend
    /// on the text alone.
    fn features(&self, text: &str, patterns: &Patterns) -> BlockFeatures {
        BlockFeatures {
            words: small(self.words()),
            sentence_end: self.sentence_ends > 0,
            stopword_density: if self.latin == 0 {
                0.0
            } else {
                self.stopwords as f32 / self.latin as f32
            },
            ends_sentence: ends_sentence(text),
            boilerplate_phrase: self.words() <= p::PHRASE_MAX_WORDS
                && patterns.boilerplate_phrase.is_match(text),
            ..BlockFeatures::default()
        }
    }
}

/// Boilerpipe's text density: wrap at [`p::WRAP_WIDTH`] columns; words per
/// line, leaving out the last line when there are several. Words are
/// whitespace-separated runs, fed one by one with their length in
/// characters.
struct Density {
    lines: usize,
    col: usize,
    words: usize,
    words_in_last: usize,
}

impl Default for Density {
    fn default() -> Self {
        Density {
            lines: 1,
            col: 0,
            words: 0,
            words_in_last: 0,
        }
    }
}

impl Density {
    fn word(&mut self, len: usize) {
        if self.col > 0 && self.col + 1 + len > p::WRAP_WIDTH {
            self.lines += 1;
            self.col = 0;
            self.words_in_last = 0;
        }
        self.col += len + usize::from(self.col > 0);
        self.words += 1;
        self.words_in_last += 1;
    }

    fn value(&self) -> f32 {
        if self.lines == 1 {
            self.words as f32
        } else {
            (self.words - self.words_in_last) as f32 / (self.lines - 1) as f32
        }
    }
}

fn is_sentence_end(c: char) -> bool {
    p::SENTENCE_END_MARKS.contains(&c)
}

/// [`is_sentence_end`] of each ASCII character, by its byte: the count
/// runs over every block's every character on every rung.
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

/// [`is_sentence_end`] of an ASCII character, by its byte.
fn ascii_sentence_end(b: u8) -> bool {
    ASCII_SENTENCE_END.get(usize::from(b)).copied() == Some(true)
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
        post_of(doc, container, owner).and_then(|post| container.subtree_chars.get(post));
    let mut sum = 0i32;
    let mut node = Some(owner);
    for _ in 0..p::HINT_LEVELS {
        let Some(id) = node else { break };
        if container.ranges.iter().any(|r| r.0 == id) {
            break;
        }
        let hint = i32::from(pruned.hint.get(id).copied().unwrap_or(0));
        let chars = container.subtree_chars.at(id) as f32;
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

    /// The features one by one, as they were counted before the one pass
    /// ([`Scan`]): the pass must count the same.
    mod one_by_one {
        use super::*;

        pub fn count_words(text: &str, patterns: &Patterns) -> (usize, usize, usize) {
            let (mut latin, mut stopwords, mut cjk) = (0, 0, 0);
            let mut word_start: Option<usize> = None;
            let check = |word: &str, latin: &mut usize, stopwords: &mut usize| {
                *latin += 1;
                let lower: String = word.chars().flat_map(char::to_lowercase).collect();
                if patterns.stopwords.contains(lower.as_str()) {
                    *stopwords += 1;
                }
            };
            for (i, c) in text.char_indices() {
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
            (latin + cjk / p::CJK_CHARS_PER_WORD, latin, stopwords)
        }

        pub fn text_density(text: &str) -> f32 {
            let (mut lines, mut col, mut words, mut words_in_last) = (1usize, 0, 0, 0);
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

        pub fn sentence_ends(text: &str) -> usize {
            text.chars().filter(|&c| is_sentence_end(c)).count()
        }
    }

    fn scan(text: &str) -> Scan {
        Scan::of(text, &Patterns::shared(), &mut String::new())
    }

    #[test]
    fn the_one_pass_counts_as_each_feature_alone() {
        let patterns = Patterns::shared();
        let long = "The council's plan, approved on Tuesday, adds 40 buses. ".repeat(9);
        for text in [
            "",
            " ",
            "word",
            "  The cat sat on the mat.  ",
            "THE Und extraordinarily FÜR über-groß",
            "中国和美国。日本語のテキスト、한국어 텍스트！",
            "tab\tseparated\nlines\r\nand\u{a0}no-break\u{2003}em\u{3000}ideographic",
            "don't 'quoted' rock'n'roll ... ?! 4.5 % $3",
            "«Guillemets» — dashes – and “curly quotes”.",
            "Ελληνικά ΚΕΊΜΕΝΟ και Кириллица ТЕКСТ.",
            "mixed中文words and 123数字",
            "\u{b}vertical\u{c}feed\u{85}next\u{2028}line",
            &long,
        ] {
            let s = scan(text);
            let (words, latin, stopwords) = one_by_one::count_words(text, &patterns);
            assert_eq!(
                (s.words(), s.latin, s.stopwords),
                (words, latin, stopwords),
                "{text}"
            );
            assert_eq!(s.chars, text.chars().count(), "{text}");
            assert_eq!(s.sentence_ends, one_by_one::sentence_ends(text), "{text}");
            assert_eq!(s.density.value(), one_by_one::text_density(text), "{text}");
        }
    }

    #[test]
    fn the_trace_counts_as_the_one_pass() {
        // `explained` counts characters and density again for the trace:
        // as the pass did, so the trace shows what it always showed.
        let patterns = Patterns::shared();
        let long = "abcdefg ".repeat(25);
        for text in ["", "three short words", "tab\tand\u{a0}nbsp 中文", &long] {
            let mut lower = String::new();
            let whole = text_features(text, &patterns, &mut lower);
            let scan = Scan::of(text, &patterns, &mut lower);
            let block = TextBlock {
                text: Default::default(),
                kind: crate::article::BlockKind::Paragraph,
                owner: 0,
                chars: small(text.chars().count()),
                link_chars: 0,
                pruned: None,
                after_image: false,
                figure: None,
                shape: None,
            };
            let again = explained(&scan.features(text, &patterns), &block, text, 0.0);
            assert_eq!(again, whole, "{text}");
        }
        assert_eq!(
            (position(0, 1), position(1, 3), position(2, 3)),
            (0.0, 0.5, 1.0)
        );
    }

    #[test]
    fn a_blocks_features_are_small() {
        // 48 bytes as the public type: every block's are alive at the
        // classifier's peak on a hostile page of many short blocks.
        assert_eq!(std::mem::size_of::<BlockFeatures>(), 16);
        let levels = i32::try_from(p::HINT_LEVELS).unwrap();
        assert!(levels * i32::from(i8::MIN) >= i32::from(i16::MIN));
        assert_eq!(hint_sum(i32::MIN), i16::MIN);
    }

    #[test]
    fn text_density_follows_boilerpipe() {
        assert_eq!(scan("three short words").density.value(), 3.0);
        // 20 words of 7 chars: 10 per 80-column line, two full lines.
        let long = "abcdefg ".repeat(25);
        assert_eq!(scan(long.trim()).density.value(), 10.0);
    }

    #[test]
    fn stopwords_and_cjk_words_are_counted() {
        let c = scan("The cat sat on the mat");
        assert_eq!((c.words(), c.latin, c.stopwords), (6, 6, 3));
        assert_eq!(scan("中国和美国").words(), 2);
    }

    #[test]
    fn stopwords_are_found_in_any_case_and_script() {
        let patterns = Patterns::shared();
        // Upper-case ASCII (the fast path), a word longer than every
        // stopword, and a non-ASCII stopword in capitals.
        let c = scan("THE Und extraordinarily FÜR");
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
            assert_eq!(scan(text).sentence_ends, each, "{text}");
        }
        assert_eq!(scan("One. Two! Three? 四。五！六？").sentence_ends, 6);
    }

    #[test]
    fn sentence_endings() {
        assert!(ends_sentence("He said so.\""));
        assert!(!ends_sentence("Most Popular"));
    }

    #[test]
    fn sentences_end_in_the_marks_of_other_scripts() {
        // Urdu, Arabic, Hindi, Armenian, Amharic, Burmese.
        for text in [
            "یہ ایک جملہ ہے۔",
            "هل هذا سؤال؟",
            "यह एक वाक्य है।",
            "Սա նախադասություն է։",
            "ይህ ዓረፍተ ነገር ነው።",
            "ဒါက စာကြောင်း ဖြစ်သည်။",
        ] {
            assert!(ends_sentence(text), "{text}");
            assert_eq!(scan(text).sentence_ends, 1, "{text}");
        }
        assert!(!ends_sentence("مرکزی صفحہ"));
    }

    /// The class hint of the block holding `needle`, on the rung that
    /// keeps "unlikely" classes (a thread of comments is pruned before).
    fn hint_of(html: &str, needle: &str) -> i32 {
        use crate::patterns::LADDER;
        let doc = Document::parse(html, &crate::options::Options::new()).unwrap();
        let patterns = Patterns::shared();
        let pruned = crate::prune::prune(&doc, &patterns, LADDER[1]);
        let blocks = crate::blocks::segment(&doc, &pruned, false);
        let c = crate::locate::locate(
            &doc,
            &pruned,
            &blocks,
            LADDER[1],
            Default::default(),
            &Deadline::NONE,
        );
        let feats = compute(&blocks, &doc, &pruned, &c, &patterns, &Deadline::NONE);
        let i = blocks
            .texts()
            .iter()
            .position(|t| t.contains(needle))
            .unwrap();
        i32::from(feats[i].class_hint)
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
