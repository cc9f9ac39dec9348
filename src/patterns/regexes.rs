//! The compiled class/id patterns, phrase patterns and word lists, built
//! once and shared by every [`crate::Cleaner`].

use std::sync::{Arc, LazyLock, OnceLock};

use regex::{Regex, RegexSet};
use rustc_hash::FxHashSet;

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
    /// Class/id of overlays over the page (dialogs, consent and cookie
    /// banners, paywall and newsletter pop-ups), removed on every rung.
    pub overlay: Regex,
    /// Class/id that rescue an `unlikely` match ("article-related" is still
    /// the article).
    pub maybe: Regex,
    /// `positive`, `negative`, `unlikely`, `maybe` and `overlay` in one set
    /// (in that order), for `prune`, which asks several of them of each
    /// hint string: one search instead of up to five.
    pub class_set: RegexSet,
    /// The five of `class_set` as one alternation: whether any matches.
    /// Half the distinct hint strings of a page match none, which this
    /// search, stopping at a first match and skipping ahead by literals,
    /// tells in about a quarter of the set's instructions.
    pub class_any: Regex,
    /// Text of short blocks that is boilerplate in any context.
    pub boilerplate_phrase: Regex,
    /// Common function words of several languages.
    pub stopwords: FxHashSet<&'static str>,
    /// The longest stopword, in bytes: a longer word is not looked up.
    pub longest_stopword: usize,
    /// Labels that open the page's furniture after a story ("Related",
    /// "Like this:", "3 Comments", "Most Popular"): in plain text they cut
    /// the story off.
    pub story_end: LazyLock<Regex>,
    /// A comments heading in plain text ("Top Rated Comments", "12
    /// Comments", "Leave a Reply", a bare "Comments" or "Kommentare"): it
    /// opens the comments when a comment's attribution or time line
    /// follows (`text_mode::comments`).
    pub comments_heading: LazyLock<Regex>,
    /// A byline line of plain text: "By NAME [in PLACE] [(SITE)]".
    pub text_byline: LazyLock<Regex>,
    /// Input that starts like HTML: a tag, comment or doctype.
    pub html_start: Regex,
    /// A tag of a known HTML element, for sniffing fragments.
    pub html_tag: LazyLock<Regex>,
}

/// Compiles a built-in pattern with ASCII word boundaries (see
/// `Patterns::compile`).
fn ascii_bounds(pattern: &str) -> Regex {
    super::regex(&pattern.replace(r"\b", r"(?-u:\b)"))
}

impl Patterns {
    /// The shared, lazily compiled patterns.
    pub(crate) fn shared() -> Arc<Patterns> {
        static SHARED: OnceLock<Arc<Patterns>> = OnceLock::new();
        SHARED.get_or_init(|| Arc::new(Patterns::compile())).clone()
    }

    fn compile() -> Patterns {
        // Word boundaries are ASCII ones: a Unicode `\b` makes the regex
        // engine leave its DFA for an NFA simulation on any non-ASCII text
        // (a 10 MB word of "é" took 7 s against 0.3 s for ASCII). Every
        // pattern's words are ASCII; the two kinds of boundary differ only
        // beside non-ASCII letters ("contenté"), which none of them targets.
        let re = ascii_bounds;
        let mut patterns = Patterns {
            // Story containers: WordPress `entry-content`, `article-body`,
            // `post`, `story`, schema.org `articleBody`.
            positive: re(
                r"(?-u)\b(article|articlebody|body|content|entry|hentry|h-entry|main|post|text|blog|story|prose|rich-text)\b",
            ),
            // Boilerplate containers; `ad` only as a whole token. A
            // `copyright` box is the site's legal footer (magic-html's
            // forum threads lost to one, a long ICP licence notice).
            negative: re(
                r"(?-u)\b(ad|ads|advert\w*|banner|combx|comment\w*|com|contact|copyright|footer|gdpr|masthead|media|meta|outbrain|taboola|promo\w*|related|recommend\w*|scroll|share|sharing|shoutbox|sidebar|skyscraper|sponsor\w*|shopping|tags?|widget|byline|author|newsletter|subscribe|social|popular|trending|caption|credit|breadcrumbs?|nav|navigation|menu|cookie\w*|consent|disclaimer|toolbar|print|modal|popup|signup|paywall|login)\b",
            ),
            // Overlays: what a reader closes before reading. Consent
            // managers by their own names (OneTrust, Didomi, Quantcast's
            // qc-cmp, Sourcepoint's sp-message, the IAB's cmp); `modal` and
            // `popup` as whole class tokens: page builders name many a
            // wrapper `render-target-modal` or `modal-open-op(1)` (Yahoo),
            // and `html`/`body`/`article`/`main` are never removed. Google
            // Translate's injected widget (its tooltip, banner and menu,
            // saved with the page's rendered DOM) by its own class names.
            // A `tooltip` or `popover` (Bootstrap's, Stack Exchange's
            // `s-popover`) is hover text: "This answer is useful", "Show
            // activity on this post" on every post of a Q&A page
            // (magic-html +0.09, +0.04, +0.01, one -0.01); a class that
            // only ends in the word (`has-tooltip`) marks the visible text
            // it is attached to, and stays.
            overlay: re(
                r"(?:^| )(skiptranslate|goog-te-[^ ]+|goog-gt-tt|modal|modal-dialog|popup|pop-up|lightbox|tooltip|popover|s-popover|cookie-?(?:banner|notice|consent|bar|popup|message)|consent-?(?:banner|popup|modal|dialog)|gdpr-?(?:banner|popup|modal|consent)|onetrust-[^ ]+|didomi-[^ ]+|qc-cmp[^ ]*|sp-message[^ ]*|cc-window|cc-banner|paywall-?(?:modal|overlay|popup)|newsletter-(?:popup|modal|overlay)|subscribe-(?:popup|modal|overlay))(?:$| )",
            ),
            // Removed outright on the strict rung (Readability's idea), and
            // two boxes Readability's list lacks: the `copyright` footer
            // notice and a shop's customer `reviews` (a product page's
            // comments, which outweighed its description: wceb's IKEA page
            // 0 -> 0.61). The singular `review` names review articles.
            // A forum post's signature (phpBB's `signature`, vBulletin's
            // `signaturecontainer`, IPS's `cSignature`), which goes on every
            // rung (`SIGNATURE_HINT`).
            unlikely: re(
                r"(?-u)\b(ad-break|agegate|banner|breadcrumbs?|combx|comment\w*|\w*comments|community|copyright|cover-wrap|reviews|disqus|extra|footer|gdpr|legends|menu|related|remark|replies|rss|shoutbox|sidebar\w*|skyscraper|social\w*|sponsor\w*|supplemental|pagination|pager|popup|newsletter|subscribe|cookie\w*|consent|outbrain|taboola|most-popular|popular|trending|recommend\w*|share|sharing|nav|navbar|masthead|\w*signature\w*)\b",
            ),
            maybe: re(
                r"(?-u)\b(and|article|body|column|content|main|mathjax|shadow|story|entry|post)\b",
            ),
            class_set: RegexSet::empty(),
            // Set below, from the five as compiled.
            class_any: super::regex(""),
            // Short lines that are site furniture, in several languages;
            // with the placeholders and widget labels a scraped page keeps
            // of its scripts and galleries ("Loading...", "1 of 12",
            // "Story continues below", "hide caption", "Image copyright":
            // wceb 0654 +0.58, big5 text 17-russia_2 +0.23, twelve big5
            // pages +0.01 or less, no page lower on any set).
            boilerplate_phrase: re(
                r"(?i)(all rights reserved|©|copyright|(?-u:\b)sign up(?-u:\b)|(?-u:\b)subscribe(?-u:\b)|(?-u:\b)newsletter(?-u:\b)|follow us|share (this|on)|(?-u:\b)share(?-u:\b).*(?-u:\b)(facebook|twitter|email)(?-u:\b)|related (articles|stories|posts|content)|most (popular|read|viewed)|hot topics|read more|(?-u:\b)advertisement(?-u:\b)|(?-u:\b)cookies?(?-u:\b)|click here|leave a (comment|reply)|\d+ comments?(?-u:\b)|^comments?$|terms of (use|service)|privacy policy|image:|photo:|getty images|(?-u:\b)ap photo(?-u:\b)|reuters/|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|weiterlesen|lire aussi|leer más|continue reading|you may also like|recommended for you|more from|sponsored|^tags?:|^filed under|^posted in|^by [^.]{0,60}$|(story|article) continues below|hide caption|image copyright|^loading( new images)?\.*$|^\d+ of \d+$|^advertisements$|^back to (gallery|top)$|(?-u:\b)(19|20)\d\d,? at \d{1,2}:\d\d)",
            ),
            stopwords: STOPWORDS.iter().copied().collect(),
            longest_stopword: STOPWORDS.iter().map(|w| w.len()).max().unwrap_or(0),
            // The next three and `html_tag` are compiled on first use: only
            // plain text reads them (and `html_tag` only a fragment that
            // does not start with a tag), and together they are most of the
            // compiled patterns' memory (`html_tag`'s bounded repetition
            // alone 2.2 MB, and a 2 MB peak while it compiles), which every
            // HTML page paid before it was read.
            // "More" then a capitalised name ("More Washington Examiner")
            // labels a site's teaser box (scrapinghub: +0.03, +0.03).
            story_end: LazyLock::new(|| {
                ascii_bounds(
                    r"(?i)^(related|related (posts|articles|stories|content|links|coverage|reading)|like this:?|share this( story| article)?:?|comments?( \(\d+\))?|\d+ (comments?|responses?|replies)|leave a (comment|reply)|post a comment|you (may|might) also like|more from .{0,40}|more stories|most (popular|read|viewed|shared|emailed)|recommended( for you| stories)?|read (more|next)|trending( now| stories)?|popular (posts|stories|articles)|further reading|see also|about the author|sponsored( content| stories)?|advertisement|reply|hot topics|latest (news|stories|posts)|top stories|editor'?s picks|(?-i:More(?: \p{Lu}[\w'’.-]*){1,4}))$",
                )
            }),
            // WordPress's "12 thoughts on “Title”" and "Leave a Reply",
            // news sites' "Top Rated Comments" and "Comments (12)", and the
            // bare word in a few languages.
            comments_heading: LazyLock::new(|| {
                ascii_bounds(
                    r"(?i)^((top|most) (rated|liked|popular|recent) comments|(reader|readers'?|user|latest|recent|newest|all) comments|\d+ (comments|responses|replies|thoughts on .{1,200})|(one|two|three|four|five|six|seven|eight|nine|ten) (comments|responses|replies|thoughts on .{1,200})|comments \(\d+\)|leave a (comment|reply)|join the (discussion|conversation)|(show|view|read|see) (all )?(\d+ )?comments|comments?|discussion|responses|replies|kommentare|commentaires|comentarios|commenti|reacties)$",
                )
            }),
            // "By Hua Shengdun in Washington (China Daily USA) Updated: ..."
            // in English, Spanish/Portuguese, French, German, Italian, Dutch.
            text_byline: LazyLock::new(|| {
                ascii_bounds(
                    r"^(?i:by|por|par|von|di|door)\s+(?P<name>\p{Lu}[\p{L}.'\- ]*?)(?:\s+(?i:in|en|aus|à|a)\s+[^(|,;]*?)?\s*(?:\((?P<site>[^)]+)\))?\s*(?:$|[,|;·•–-]|(?i:updated|published|posted|actualizado|publié|aktualisiert)|\d)",
                )
            }),
            html_start: re(
                r"(?i)^(?:<!--|<(?:!doctype|\?xml|html|head|body|meta|title|div|p|span|article|section|table|ul|ol|li|h[1-6]|a|b|i|em|strong|br|img|main|header|footer|nav|form|script|style|link|pre|blockquote|font|center)[\s>/])",
            ),
            html_tag: LazyLock::new(|| {
                ascii_bounds(
                    r"(?i)</?(?:html|head|body|div|p|span|article|section|table|tr|td|th|ul|ol|li|h[1-6]|a|br|hr|img|main|header|footer|nav|form|script|style|meta|link|pre|blockquote|em|strong|b|i|figure|time)(?:\s[^<>]{0,2000})?/?>",
                )
            }),
        };
        // Built from the compiled patterns' own text, so it matches what
        // they match; constant patterns, compiled by the unit tests.
        let classes = [
            patterns.positive.as_str(),
            patterns.negative.as_str(),
            patterns.unlikely.as_str(),
            patterns.maybe.as_str(),
            patterns.overlay.as_str(),
        ];
        #[allow(clippy::expect_used)]
        let class_set = RegexSet::new(classes).expect("built-in patterns compile");
        let any: Vec<String> = classes.iter().map(|c| format!("(?:{c})")).collect();
        patterns.class_any = super::regex(&any.join("|"));
        patterns.class_set = class_set;
        patterns
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
