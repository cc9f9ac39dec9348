//! Every heuristic in one place: thresholds, word lists and patterns, each
//! named, with a comment saying why it exists and what it helps.
//!
//! Class/id hints follow the facts Readability.js and boilerpipe publish
//! (content-ish vs. boilerplate-ish class names); the word lists are ours.

use regex::Regex;
use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

/// One rung of the retry ladder: which aggressive heuristics are on.
///
/// Readability.js's idea: when the strict pass keeps too little text, retry
/// with one heuristic relaxed at a time, and keep the longest result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pass {
    /// Remove whole subtrees whose class/id says boilerplate (`sidebar`,
    /// `comment`, `related`...) before scoring.
    pub strip_unlikely: bool,
    /// Let class/id hints weigh on container scores and block decisions.
    pub weight_classes: bool,
}

/// The retry ladder, strictest first.
pub(crate) const LADDER: [Pass; 3] = [
    Pass {
        strip_unlikely: true,
        weight_classes: true,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: true,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: false,
    },
];

/// A result shorter than this (bytes of kept text) triggers the next rung of
/// the ladder. Most real stories are longer; short notes still come through
/// the later rungs, and the longest result wins.
pub(crate) const MIN_ARTICLE_CHARS: usize = 250;

/// Input sniffing: characters sampled to tell text from binary junk.
pub(crate) const BINARY_SAMPLE_CHARS: usize = 4096;
/// More control characters than this share of the sample means binary input
/// (real pages have none besides tab/newline; a stray NUL is tolerated).
pub(crate) const BINARY_CONTROL_SHARE: f32 = 0.10;

// ---------------------------------------------------------------- decode

/// Bytes at the start of a page searched for a `<meta charset>`. Browsers
/// prescan 1024 bytes; pages with long `<head>`s (inline styles, scripts
/// and social tags before the charset) declare later, and since the whole
/// page is at hand here, a wider window costs nothing.
pub(crate) const PRESCAN_BYTES: usize = 4096;
/// Unlabelled input is decoded as UTF-8 when at most this share of its
/// non-ASCII sequences are invalid UTF-8 (a UTF-8 page with stray Latin-1
/// bytes pasted in): each valid sequence misread as legacy text would be two
/// or three characters of mojibake, each invalid one is a single U+FFFD.
/// Legacy text is far above it: 100% for windows-1252 and the Cyrillic
/// encodings, 75-90% for GBK, Shift_JIS and EUC-KR, 68% for EUC-JP (measured
/// on the test pages of `tests/encodings.rs`).
pub(crate) const UTF8_MAX_INVALID_SHARE: f64 = 0.35;
/// A `<meta>` or header label naming a legacy encoding is overruled only
/// on stronger evidence: at most this share of the non-ASCII sequences
/// invalid (valid UTF-8, or nearly).
pub(crate) const UTF8_OVERRULE_MAX_INVALID_SHARE: f64 = 0.05;

// ---------------------------------------------------------------- features

/// Boilerpipe's text density wraps text at this many characters a line.
pub(crate) const WRAP_WIDTH: usize = 80;

// ---------------------------------------------------------------- locate

/// Blocks shorter than this (chars) do not vote for their container:
/// Readability's cut-off, it keeps menus and captions from voting.
pub(crate) const MIN_SCORING_CHARS: usize = 25;
/// Each vote is 1 + commas + one point per this many chars...
pub(crate) const CHARS_PER_POINT: usize = 100;
/// ...capped at this many length points, so one huge block cannot win alone.
pub(crate) const MAX_LENGTH_POINTS: f32 = 3.0;
/// How many ancestors above a block receive its vote (parent full, grand-
/// parent half, the rest a third per level).
pub(crate) const VOTE_LEVELS: usize = 5;
/// Class/id hint weight on a container's score (Readability uses 25).
pub(crate) const CLASS_WEIGHT: f32 = 25.0;
/// A sibling of the best container joins the story when its score is at
/// least this share of the best score...
pub(crate) const SIBLING_SHARE: f32 = 0.2;
/// ...and at least this absolute score.
pub(crate) const SIBLING_MIN_SCORE: f32 = 10.0;
/// How many best-scoring candidates are compared when looking for a shared
/// ancestor (Readability uses 5)...
pub(crate) const TOP_CANDIDATES: usize = 5;
/// ...counting those that score at least this share of the best...
pub(crate) const RIVAL_SHARE: f32 = 0.75;
/// ...and moving up to an ancestor that holds at least this many of them:
/// stories split into step or section boxes (how-to pages, live blogs).
pub(crate) const MIN_RIVALS: usize = 3;

// ---------------------------------------------------------------- classify

/// A block with more than this share of its characters in links is a link
/// list (related headlines, tag clouds, menus), not prose.
pub(crate) const MAX_LINK_DENSITY: f32 = 0.65;
/// Short blocks (fewer words) are judged by their neighbours, jusText-style.
pub(crate) const SHORT_WORDS: usize = 5;
/// Blocks with at least this many words and some sentence punctuation are
/// prose on their own.
pub(crate) const PROSE_WORDS: usize = 15;
/// Stopword density that marks running text in a known language (jusText's
/// "good" threshold is 0.32 on its own lists; ours are shorter).
pub(crate) const PROSE_STOPWORDS: f32 = 0.22;
/// A block of boilerplate phrasing is dropped only while it is this short in
/// words: a long paragraph that mentions "newsletter" is still story.
pub(crate) const PHRASE_MAX_WORDS: usize = 25;
/// A boilerplate class/id counts against a block only when its element
/// holds less than this share of the story container's text: page builders
/// wrap whole stories in `widget` or `module` classes.
pub(crate) const NEGATIVE_HINT_MAX_SHARE: f32 = 0.3;
/// Class/id hints at or below this value on the path between the container
/// and a block drop the block (a share bar or byline inside the article).
pub(crate) const NEGATIVE_HINT_DROP: i32 = -1;

// ---------------------------------------------------------------- text mode

/// A page counts as hard-wrapped when most long lines end within this many
/// columns of the longest...
pub(crate) const WRAP_SLACK: usize = 12;
/// ...the longest is between these widths (mail and Usenet wrap at 72-80)...
pub(crate) const WRAP_MIN_WIDTH: usize = 60;
pub(crate) const WRAP_MAX_WIDTH: usize = 100;
/// ...and there are at least this many long lines.
pub(crate) const WRAP_MIN_LINES: usize = 8;
/// Value of a boilerplate-phrase or repeated line in the story search: a
/// "Most Popular" label or a caption shown twice cuts the story off.
pub(crate) const TEXT_BOILERPLATE_PENALTY: f32 = 20.0;
/// The first run of blocks worth this share of the best run is the story.
pub(crate) const TEXT_FIRST_RUN_SHARE: f32 = 0.5;
/// Value of a label that opens the furniture ("Related", "Comments"): a
/// story rarely goes on after one.
pub(crate) const TEXT_STORY_END_PENALTY: f32 = 20.0;
/// Value of a short, non-prose line: a small fixed cost...
pub(crate) const TEXT_SHORT_PENALTY: f32 = 2.0;
/// ...plus this much per word, so a list of headlines costs more than a
/// subheading between two paragraphs.
pub(crate) const TEXT_SHORT_WORD_PENALTY: f32 = 0.5;
/// Bullets and headline-shaped lines cost this many times a plain short
/// line: they come in lists of links.
pub(crate) const TEXT_LIST_PENALTY_FACTOR: f32 = 2.0;
/// A headline-shaped line has this many words...
pub(crate) const HEADLINE_MIN_WORDS: usize = 3;
pub(crate) const HEADLINE_MAX_WORDS: usize = 16;
/// ...at least this share of them capitalised, and no sentence end.
pub(crate) const HEADLINE_CAPITALISED_SHARE: f32 = 0.6;
/// Words that make a line prose on their own (with a sentence end or
/// stopwords). Lower than the HTML mode's: text lines are whole paragraphs.
pub(crate) const TEXT_PROSE_WORDS: usize = 10;
/// Prose-like lines that do not end a sentence, or are list items, count
/// this share of their words: headline teasers in "Most read" lists.
pub(crate) const TEXT_UNFINISHED_WEIGHT: f32 = 0.3;
/// Prose indented unlike the story's paragraphs counts this share of its
/// words (a comment or a teaser box laid out apart).
pub(crate) const TEXT_OFF_INDENT_WEIGHT: f32 = 0.7;
/// Lines shorter than this are not judged by repetition ("Share", "1")...
pub(crate) const REPEAT_MIN_CHARS: usize = 12;
/// ...nor longer ones in words: a repeated caption or teaser is short, a
/// repeated paragraph is a quoted passage (or a lorem-ipsum fixture).
pub(crate) const REPEAT_MAX_WORDS: usize = 30;
/// How many lines before the story are searched for the headline, byline,
/// breadcrumb and date.
pub(crate) const HEADER_LINES: usize = 8;
/// HTML-or-text sniffing looks at this many bytes of the input...
pub(crate) const SNIFF_BYTES: usize = 64 * 1024;
/// ...and calls it HTML when it holds at least this many known tags.
pub(crate) const HTML_MIN_TAGS: usize = 4;

/// Compiled patterns and word lists, built once and shared by every
/// [`crate::Cleaner`].
#[derive(Debug)]
pub(crate) struct Patterns {
    /// Class/id of containers that hold stories.
    pub positive: Regex,
    /// Class/id of boilerplate containers (score penalty).
    pub negative: Regex,
    /// Class/id of subtrees removed before scoring on the strict rung.
    pub unlikely: Regex,
    /// Class/id that rescue an `unlikely` match ("article-related" is still
    /// the article).
    pub maybe: Regex,
    /// Text of short blocks that is boilerplate in any context.
    pub boilerplate_phrase: Regex,
    /// Common function words of several languages.
    pub stopwords: HashSet<&'static str>,
    /// Labels that open the page's furniture after a story ("Related",
    /// "Like this:", "3 Comments", "Most Popular"): in plain text they cut
    /// the story off.
    pub story_end: Regex,
    /// A byline line of plain text: "By NAME [in PLACE] [(SITE)]".
    pub text_byline: Regex,
    /// Input that starts like HTML: a tag, comment or doctype.
    pub html_start: Regex,
    /// A tag of a known HTML element, for sniffing fragments.
    pub html_tag: Regex,
}

impl Patterns {
    /// The shared, lazily compiled patterns.
    pub(crate) fn shared() -> Arc<Patterns> {
        static SHARED: OnceLock<Arc<Patterns>> = OnceLock::new();
        SHARED.get_or_init(|| Arc::new(Patterns::compile())).clone()
    }

    #[allow(clippy::expect_used)] // the patterns are constants: a bad one fails every test
    fn compile() -> Patterns {
        // Word boundaries are ASCII ones: a Unicode `\b` makes the regex
        // engine leave its DFA for an NFA simulation on any non-ASCII text
        // (a 10 MB word of "é" took 7 s against 0.3 s for ASCII). Every
        // pattern's words are ASCII; the two kinds of boundary differ only
        // beside non-ASCII letters ("contenté"), which none of them targets.
        let re = |p: &str| {
            Regex::new(&p.replace(r"\b", r"(?-u:\b)")).expect("built-in pattern compiles")
        };
        Patterns {
            // Story containers: WordPress `entry-content`, `article-body`,
            // `post`, `story`, schema.org `articleBody`.
            positive: re(
                r"(?-u)\b(article|articlebody|body|content|entry|hentry|h-entry|main|post|text|blog|story|prose|rich-text)\b",
            ),
            // Boilerplate containers; `ad` only as a whole token.
            negative: re(
                r"(?-u)\b(ad|ads|advert\w*|banner|combx|comment\w*|com|contact|footer|gdpr|masthead|media|meta|outbrain|taboola|promo\w*|related|recommend\w*|scroll|share|sharing|shoutbox|sidebar|skyscraper|sponsor\w*|shopping|tags?|widget|byline|author|newsletter|subscribe|social|popular|trending|caption|credit|breadcrumbs?|nav|navigation|menu|cookie\w*|consent|disclaimer|toolbar|print|modal|popup|signup|paywall|login)\b",
            ),
            // Removed outright on the strict rung (Readability's idea).
            unlikely: re(
                r"(?-u)\b(ad-break|agegate|banner|breadcrumbs?|combx|comment\w*|\w*comments|community|cover-wrap|disqus|extra|footer|gdpr|legends|menu|related|remark|replies|rss|shoutbox|sidebar\w*|skyscraper|social\w*|sponsor\w*|supplemental|pagination|pager|popup|newsletter|subscribe|cookie\w*|consent|outbrain|taboola|most-popular|popular|trending|recommend\w*|share|sharing|nav|navbar|masthead)\b",
            ),
            maybe: re(
                r"(?-u)\b(and|article|body|column|content|main|mathjax|shadow|story|entry|post)\b",
            ),
            // Short lines that are site furniture, in several languages.
            boilerplate_phrase: re(
                r"(?i)(all rights reserved|©|copyright|(?-u:\b)sign up(?-u:\b)|(?-u:\b)subscribe(?-u:\b)|(?-u:\b)newsletter(?-u:\b)|follow us|share (this|on)|(?-u:\b)share(?-u:\b).*(?-u:\b)(facebook|twitter|email)(?-u:\b)|related (articles|stories|posts|content)|most (popular|read|viewed)|hot topics|read more|(?-u:\b)advertisement(?-u:\b)|(?-u:\b)cookies?(?-u:\b)|click here|leave a (comment|reply)|\d+ comments?(?-u:\b)|^comments?$|terms of (use|service)|privacy policy|image:|photo:|getty images|(?-u:\b)ap photo(?-u:\b)|reuters/|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|weiterlesen|lire aussi|leer más|continue reading|you may also like|recommended for you|more from|sponsored|^tags?:|^filed under|^posted in|^by [^.]{0,60}$|(?-u:\b)(19|20)\d\d,? at \d{1,2}:\d\d)",
            ),
            stopwords: STOPWORDS.iter().copied().collect(),
            story_end: re(
                r"(?i)^(related|related (posts|articles|stories|content|links|coverage|reading)|like this:?|share this( story| article)?:?|comments?( \(\d+\))?|\d+ (comments?|responses?|replies)|leave a (comment|reply)|post a comment|you (may|might) also like|more from .{0,40}|more stories|most (popular|read|viewed|shared|emailed)|recommended( for you| stories)?|read (more|next)|trending( now| stories)?|popular (posts|stories|articles)|further reading|see also|about the author|sponsored( content| stories)?|advertisement|reply|hot topics|latest (news|stories|posts)|top stories|editor'?s picks)$",
            ),
            // "By Hua Shengdun in Washington (China Daily USA) Updated: ..."
            // in English, Spanish/Portuguese, French, German, Italian, Dutch.
            text_byline: re(
                r"^(?i:by|por|par|von|di|door)\s+(?P<name>\p{Lu}[\p{L}.'\- ]*?)(?:\s+(?i:in|en|aus|à|a)\s+[^(|,;]*?)?\s*(?:\((?P<site>[^)]+)\))?\s*(?:$|[,|;·•–-]|(?i:updated|published|posted|actualizado|publié|aktualisiert)|\d)",
            ),
            html_start: re(
                r"(?i)^(?:<!--|<(?:!doctype|\?xml|html|head|body|meta|title|div|p|span|article|section|table|ul|ol|li|h[1-6]|a|b|i|em|strong|br|img|main|header|footer|nav|form|script|style|link|pre|blockquote|font|center)[\s>/])",
            ),
            html_tag: re(
                r"(?i)</?(?:html|head|body|div|p|span|article|section|table|tr|td|th|ul|ol|li|h[1-6]|a|br|hr|img|main|header|footer|nav|form|script|style|meta|link|pre|blockquote|em|strong|b|i|figure|time)(?:\s[^<>]{0,2000})?/?>",
            ),
        }
    }
}

/// Function words of English, French, German, Spanish, Italian, Portuguese
/// and Dutch: prose is dense with them, menus and headlines are not
/// (jusText's main cue). Lower case.
const STOPWORDS: &[&str] = &[
    // English
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more",
    "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
    "our", "ours", "out", "over", "own", "said", "same", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
    "your", "yours", "one", "like", "there's", "it's", "i'm", "don't", "may", "many", "much",
    "even", "well", "us", "get", "got", "says", "say", // French
    "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "que", "qui", "dans", "pour",
    "pas", "sur", "au", "aux", "il", "elle", "ce", "cette", "ne", "se", "sont", "avec", "par",
    "plus", "ou", "mais", "nous", "vous", "ils", "leur", "été", "son", "sa", "ses",
    // German
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "dem", "mit", "sich",
    "auf", "für", "von", "im", "es", "auch", "als", "wie", "bei", "nach", "aus", "er", "sie",
    "wir", "ich", "hat", "wird", "werden", "oder", "aber", "noch", "nur",
    // Spanish / Portuguese / Italian
    "el", "los", "las", "y", "en", "por", "con", "una", "para", "es", "lo", "como", "más", "pero",
    "sus", "su", "al", "del", "se", "o", "e", "em", "os", "não", "uma", "il", "di", "che", "per",
    "non", "sono", "della", "nel", "gli", "ha", // Dutch
    "het", "een", "van", "niet", "op", "te", "zijn", "voor", "met", "ook", "maar", "er",
];
