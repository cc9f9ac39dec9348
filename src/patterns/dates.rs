//! Dates as pages write them (`metadata::date`, `metadata::url_date`):
//! month names and zone abbreviations in the languages read, and the
//! patterns of whole values and of dates in running text.

use std::sync::LazyLock;

use regex::Regex;

use super::regex;

/// Month names as dates write them, one row a language (the 20-odd most
/// used on the web, and Czech): twelve slots separated by `|`, January
/// first; spelling variants of one month separated by `/`. Names are lower
/// case; slots may hold several words (Levantine Arabic). Where a language
/// inflects, the form a date uses (genitive, partitive) is listed.
/// Abbreviations may be followed by a dot. A name two languages share
/// must mean the same month in both (Croatian's `listopad`, October, is
/// Czech's November: Croatian is left out).
pub(crate) const MONTH_NAMES: &[(&str, &str)] = &[
    (
        "en",
        "january|february|march|april|may|june|july|august|september|october|november|december",
    ),
    (
        "en abbr.",
        "jan|feb|mar|apr|may|jun|jul|aug|sep/sept|oct|nov|dec",
    ),
    (
        "de",
        "januar/jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember",
    ),
    (
        "de abbr.",
        "jan|feb|mär/mrz|apr|mai|jun|jul|aug|sep|okt|nov|dez",
    ),
    (
        "fr",
        "janvier|février/fevrier|mars|avril|mai|juin|juillet|août/aout|septembre|octobre|novembre|décembre/decembre",
    ),
    (
        "fr abbr.",
        "janv|févr/fév|mars|avr|mai|juin|juil|août|sept|oct|nov|déc",
    ),
    (
        "es",
        "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre/setiembre|octubre|noviembre|diciembre",
    ),
    (
        "es abbr.",
        "ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic",
    ),
    (
        "pt",
        "janeiro|fevereiro|março/marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
    ),
    (
        "it",
        "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
    ),
    (
        "nl",
        "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
    ),
    (
        "sv",
        "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december",
    ),
    (
        "da, no",
        "januar|februar|marts|april|maj/mai|juni|juli|august|september|oktober|november|december/desember",
    ),
    (
        "fi (partitive)",
        "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta",
    ),
    (
        "pl (genitive)",
        "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia",
    ),
    (
        "cs (genitive)",
        "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince",
    ),
    (
        "ro",
        "ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie",
    ),
    (
        "hu",
        "január|február|március|április|május|június|július|augusztus|szeptember|október|november|december",
    ),
    (
        "tr",
        "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık",
    ),
    (
        "id, ms",
        "januari|februari|maret/mac|april|mei|juni/jun|juli/julai|agustus/ogos|september|oktober|november|desember/disember",
    ),
    (
        "ru (genitive)",
        "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря",
    ),
    (
        "uk (genitive)",
        "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня",
    ),
    (
        "el (genitive)",
        "ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου|νοεμβρίου|δεκεμβρίου",
    ),
    (
        "ar",
        "يناير|فبراير|مارس|أبريل/ابريل|مايو|يونيو|يوليو|أغسطس/اغسطس|سبتمبر|أكتوبر/اكتوبر|نوفمبر|ديسمبر",
    ),
    (
        "ar (Levant)",
        "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول",
    ),
    (
        "he",
        "בינואר/ינואר|בפברואר/פברואר|במרץ/מרץ|באפריל/אפריל|במאי/מאי|ביוני/יוני|ביולי/יולי|באוגוסט/אוגוסט|בספטמבר/ספטמבר|באוקטובר/אוקטובר|בנובמבר/נובמבר|בדצמבר/דצמבר",
    ),
    (
        "hi",
        "जनवरी|फ़रवरी/फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर/सितम्बर|अक्टूबर/अक्तूबर|नवंबर/नवम्बर|दिसंबर/दिसम्बर",
    ),
    (
        "th",
        "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม",
    ),
];

/// Every month name of [`MONTH_NAMES`] with its number, spaces collapsed.
pub(crate) static MONTHS: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    let mut months: Vec<(String, u32)> = Vec::new();
    for (_, row) in MONTH_NAMES {
        for (slot, month) in row.split('|').zip(1u32..) {
            for name in slot.split('/') {
                if !months.iter().any(|(n, _)| n == name) {
                    months.push((name.to_string(), month));
                }
            }
        }
    }
    months
});

/// Thai dates count years in the Buddhist era, 543 years ahead of the
/// common era: a year this large after a Thai month name is one.
pub(crate) const BUDDHIST_ERA_OFFSET: i32 = 543;
/// Years read as Buddhist-era years (1937 to 2100 CE).
pub(crate) const BUDDHIST_ERA_YEARS: std::ops::RangeInclusive<i32> = 2480..=2643;
/// Thai letters: a month name in them is Thai.
pub(crate) const THAI_LETTERS: std::ops::RangeInclusive<char> = '\u{0E00}'..='\u{0E7F}';

/// Japanese era names and the common-era year before each era's first
/// year: 令和4年 is 2018 + 4 = 2022. 元年 is an era's first year. The
/// Republic of China's calendar (民國, Taiwan) counts from 1912 the same
/// way.
pub(crate) const ERAS: &[(&str, i32)] = &[
    ("令和", 2018),
    ("平成", 1988),
    ("昭和", 1925),
    ("民國", 1911),
    ("民国", 1911),
];

/// Digits of other scripts that pages write dates in, as the first
/// character (zero) of each run of ten: full-width (CJK pages), Arabic-Indic,
/// Eastern Arabic-Indic (Persian, Urdu), Devanagari, Bengali and Thai. They
/// are read as ASCII digits before the date patterns run.
pub(crate) const DIGIT_ZEROS: &[char] = &['０', '٠', '۰', '०', '০', '๐'];

/// Time zone abbreviations pages write after a time, with their offset in
/// minutes. Ambiguous ones (IST, CST in Asia...) take their common web use.
pub(crate) const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("ut", 0),
    ("z", 0),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
    ("cet", 60),
    ("cest", 120),
    ("bst", 60),
    ("met", 60),
    ("mesz", 120),
    ("mez", 60),
];

/// Longest input the parser looks at; metadata values are short, and text
/// is searched in windows of this size.
pub(crate) const MAX_DATE_INPUT: usize = 4096;

/// Digits of a compact date, `20150225`.
pub(crate) const COMPACT_DATE_DIGITS: usize = 8;
/// A number of this many digits is a Unix timestamp in seconds (years
/// 1973 to 2286)...
pub(crate) const TIMESTAMP_SECONDS_DIGITS: std::ops::RangeInclusive<usize> = 9..=10;
/// ...and of this many, one in milliseconds (JavaScript's `Date.now()`).
/// Other lengths are ids, not dates.
pub(crate) const TIMESTAMP_MILLIS_DIGITS: std::ops::RangeInclusive<usize> = 12..=13;

/// ISO 8601 / RFC 3339 as a whole value: `2015-02-25`, `2015-02-25T11:46`,
/// `2015-02-25T11:46:07.123+01:00` (fractions beyond nanoseconds ignored).
pub(crate) static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?x)^\s*
        (?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
        (?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d{1,9})\d*)?)?)?
        \s*(?P<z>Z|[+-]\d{2}(?::?\d{2})?|(?i:UTC|GMT))?\s*$",
    )
});

/// RFC 2822 (feeds, `Last-Modified`, some `<meta>`): `Wed, 25 Feb 2015
/// 11:46:00 +0000`, the weekday optional, a zone name allowed.
pub(crate) static RFC2822_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)^\s*(?:[a-z]{3,9},?\s+)?
        (?P<d>\d{1,2})\s+(?P<mon>[a-z]{3,9})\.?\s+(?P<y>\d{4})
        (?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?
        \s*(?P<z>[+-]\d{4}|[a-z]{1,4})?\s*$",
    )
});

/// A time of day after a date, "11:46", "at 6:01 am", "um 14.30 Uhr",
/// "à 14h30", with an optional zone.
const TIME_OF_DAY: &str = r"(?:\s*,?\s*(?:at|um|à|a\s+las|às|alle|-|\|)?\s*(?P<H>\d{1,2})[:h.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?\s*(?P<ap>(?i:[ap]\.?\s?m\.?))?(?:\s*(?i:uhr|h))?(?:\s*(?P<z>[+-]\d{2}:?\d{2}|Z|(?i:utc|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|bst|mez|mesz))\b)?)?";

/// The alternation of every month name, longest first (so "sept" is not
/// read as "sep" + "t"), spaces inside a name matching any run of spaces.
fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// The date patterns searched for in text, most specific first (where two
/// overlap, the earlier pattern's match is kept).
pub(crate) static DATE_TEXT_PATTERNS: LazyLock<Vec<(DateOrder, Regex)>> = LazyLock::new(|| {
    date_text_sources(&month_alternation(), TIME_OF_DAY)
        .into_iter()
        .map(|(order, src)| (order, regex(&src)))
        .collect()
});

/// Each of [`DATE_TEXT_PATTERNS`] without its word boundaries (`\b`), in
/// the same order: a scout that says where a match can start. Why: a
/// Unicode `\b` makes the regex engine's fast automaton give up on any
/// text with a non-ASCII character (a curly quote, a no-break space: most
/// pages), and the slow one it falls back to cost a fifth of all the
/// cleaning's work on the scrapinghub pages. Without the assertions the
/// fast automaton runs; since dropping an assertion only widens what a
/// pattern accepts, every match of a pattern is a match of its scout, so
/// no match of the pattern starts before the scout's next match, and the
/// pattern itself need only run from there (`metadata::date::text`).
/// The month names are widened to [`MONTH_SCOUT`] too, and the optional
/// time of day that ends every pattern is left out (a match's start is
/// the same without it): the scouts then compile in a fraction of the
/// time the 300 names and the time's zones take (a one-off cost per
/// process that doubled the patterns' otherwise).
pub(crate) static DATE_TEXT_SCOUTS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    date_text_sources(MONTH_SCOUT, "")
        .into_iter()
        .map(|(_, src)| regex(&without_groups(&src.replace(r"\b", ""))))
        .collect()
});

/// `source` with its named groups made plain ones (`(?P<y>` -> `(?:`): a
/// scout is only searched, never asked for groups, and a pattern with
/// groups is also compiled to the engine that reports them (0.6 MB for
/// the scouts, and more in their automata), which a search never uses.
/// Groups change no match.
fn without_groups(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some((before, after)) = rest.split_once("(?P<") {
        out.push_str(before);
        out.push_str("(?:");
        rest = after.split_once('>').map_or("", |(_, name_end)| name_end);
    }
    out.push_str(rest);
    out
}

/// What a scout ([`DATE_TEXT_SCOUTS`]) takes for a month name: one or two
/// words (runs of anything but whitespace), which every name of [`MONTHS`]
/// is (a test checks), in any case. Not letters (`\p{L}`): that large
/// class took most of the scouts' compilation again.
const MONTH_SCOUT: &str = r"\S+(?:\s+\S+)?";

/// The sources of [`DATE_TEXT_PATTERNS`], most specific first, with
/// `month` for a month name and `time` for the optional time of day that
/// ends each.
fn date_text_sources(month: &str, time: &str) -> Vec<(DateOrder, String)> {
    let eras = ERAS.iter().map(|(e, _)| *e).collect::<Vec<_>>().join("|");
    let sources = [
        (
            DateOrder::Ymd,
            format!(r"\b(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?:[T\s]{time})?"),
        ),
        // 令和4年2月6日: a Japanese era year (or 民國, Taiwan's calendar).
        (
            DateOrder::Era,
            format!(
                r"(?P<era>{eras})\s*(?P<ey>\d{{1,3}}|元)\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日?{time}"
            ),
        ),
        // 2022年2月6日 (Chinese, Japanese), 2022년 2월 6일 (Korean).
        (
            DateOrder::Ymd,
            format!(
                r"(?P<y>\d{{4}})\s*[年년]\s*(?P<m>\d{{1,2}})\s*[月월]\s*(?P<d>\d{{1,2}})\s*[日일]?{time}"
            ),
        ),
        // Mon Aug 03 12:45:00 EDT 2015 (Java's and JavaScript's Date
        // strings): the time comes before the year.
        (
            DateOrder::Mdy,
            format!(
                r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)\s+(?P<mon>{month})\s+(?P<d>\d{{1,2}})\s+(?P<H>\d{{1,2}}):(?P<M>\d{{2}})(?::(?P<S>\d{{2}}))?\s+(?P<z>[a-z]{{2,4}})?\s*(?P<y>\d{{4}})\b"
            ),
        ),
        (
            DateOrder::Mdy,
            format!(
                r"(?i)\b(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b{time}"
            ),
        ),
        (
            DateOrder::Dmy,
            format!(
                r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+)?(?P<mon>{month})\.?,?\s+(?:de\s+|del\s+)?(?P<y>\d{{4}})\b{time}"
            ),
        ),
        // 2022. február 6. (Hungarian), 2022 Feb 6.
        (
            DateOrder::Ymd,
            format!(r"(?i)\b(?P<y>\d{{4}})\.?\s+(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}})\b\.?{time}"),
        ),
        // ngày 6 tháng 2 năm 2022, 6 tháng 2, 2022 (Vietnamese).
        (
            DateOrder::Dmy,
            format!(
                r"(?i)\b(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})\s*(?:,|năm)\s*(?P<y>\d{{4}})\b{time}"
            ),
        ),
        // 2015/02/25, 2015.02.25, 2022. 2. 6. (Korean).
        (
            DateOrder::Ymd,
            format!(
                r"\b(?P<y>\d{{4}})(?:/|\.\s?)(?P<m>\d{{1,2}})(?:/|\.\s?)(?P<d>\d{{1,2}})\b{time}"
            ),
        ),
        // 25.02.2015: day first wherever dots are written.
        (
            DateOrder::Dmy,
            format!(r"\b(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}})\b{time}"),
        ),
        // 25-02-2015 or 12-15-2016: the order is settled by the numbers,
        // the other dates of the text, the page's language, else day first.
        (
            DateOrder::Numeric { day_first: true },
            format!(r"\b(?P<a>\d{{1,2}})-(?P<b>\d{{1,2}})-(?P<y>\d{{4}})\b{time}"),
        ),
        // 02/25/2015 or 25/02/2015: as above, else month first.
        (
            DateOrder::Numeric { day_first: false },
            format!(r"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}})\b{time}"),
        ),
    ];
    sources.into()
}

/// How the numbers of a date pattern read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateOrder {
    /// Year, month (a number or a name), day.
    Ymd,
    /// Month (a name), day, year.
    Mdy,
    /// Day, month (a number or a name), year.
    Dmy,
    /// An era name and a year of that era, month, day.
    Era,
    /// `a-b-yyyy` or `a/b/yyyy`: the order a number over 12 allows, else
    /// the one the text's other dates or the page's language show, else
    /// `day_first`.
    Numeric { day_first: bool },
}

/// Languages (`<html lang>` prefixes) whose numeric dates put the month
/// first: `en-US` and its neighbours. Other languages, British English
/// among them, put the day first; a bare `en` says neither.
pub(crate) const MONTH_FIRST_LANGS: &[&str] = &["en-us", "en-ca", "en-ph"];

/// Before a date, marks that make it not a publication date: a copyright
/// line names the site's years, not the article's day.
pub(crate) const NOT_PUBLISHED_BEFORE: &[&str] = &["©", "copyright", "(c)"];
/// How far before a date, in bytes, [`NOT_PUBLISHED_BEFORE`] is looked for.
pub(crate) const NOT_PUBLISHED_WINDOW: usize = 24;

/// The earliest year a date found in a page's layout, text or URL is taken
/// as the publication date: the web had few articles before 1995, and
/// older years in a page's text are history, not its date. Declared dates
/// (JSON-LD, `<meta>`) keep `PLAUSIBLE_YEARS` (a song page may declare
/// 1984).
pub(crate) const MIN_INFERRED_YEAR: i32 = 1995;

/// Class or id words of an element whose `title` holds its date (`<abbr
/// class="published" title="2015-02-25">`, Hacker News' `<span class="age"
/// title="...">`): every `<abbr title>` is read, other elements only with
/// one of these words.
pub(crate) const DATE_TITLE_HINTS: &[&str] =
    &["date", "time", "age", "published", "posted", "updated"];

/// `data-*` attribute names that hold a timestamp or date
/// (`data-timestamp`, `data-origindate`, `data-published`, `data-utime`):
/// an attribute whose name has one of these words is read as a date.
pub(crate) const DATA_DATE_WORDS: &[&str] = &["date", "time", "publish", "posted", "created"];
/// ...except a name with a word that starts with one of these, which name
/// a format, a zone, a reading time or a duration, never a date
/// (`data-date-format`, `data-readtime`, `data-timeout`; `data-thread-date`
/// is a date).
pub(crate) const DATA_DATE_EXCLUDED: &[&str] = &[
    "format", "zone", "timezone", "read", "duration", "timeout", "ago",
];

/// Words of a class or id that name an element holding a date line
/// (`<p class="date">`, `<span class="post-date">`, `<div
/// id="dateline">`), whole words of a `-`-joined name; what htmldate's
/// widest search reads.
pub(crate) const DATE_CLASS_WORDS: &[&str] = &[
    "date",
    "dateline",
    "datetime",
    "timestamp",
    "published",
    "pubdate",
    "postdate",
    "publishdate",
    "datum",
    "fecha",
];
/// A part of each of [`DATE_CLASS_WORDS`]: a class or id that holds none
/// names no date (a test checks that each word holds one).
pub(crate) const DATE_CLASS_SCOUTS: &[&str] = &["dat", "timestamp", "published", "fecha"];
/// Most such elements looked at, in page order: a page of a million
/// `class="date"` costs no more than this many.
pub(crate) const MAX_DATE_CLASS_ELEMENTS: usize = 64;
/// Longest text, in characters, of an element read as a date line; longer
/// ones are containers (an archive list, a whole post).
pub(crate) const MAX_DATE_LINE_CHARS: usize = 120;

/// `<meta name>` (and `itemprop`) keys that give the publication date,
/// first found wins: the ones news and blog platforms write (Parse.ly,
/// Sailthru, Dublin Core, Highwire `citation_*`, cXense, Shareaholic, the
/// rNews and Open Graph variants that are written as names), after the
/// list htmldate reads. Lower case, as keys are stored.
pub(crate) const META_PUBLISHED: &[&str] = &[
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dc:date",
    "dcterms.date",
    "dc.date.created",
    "dc.date.publication",
    "dcterms.created",
    "dc.created",
    "dc:created",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
    "article.published",
    "article:published",
    "article:published_date",
    "article:post_date",
    "article.created",
    "article_date_original",
    "article_published_time",
    "published_time",
    "publication_date",
    "publication-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "published-date",
    "published_date",
    "published",
    "pubdate",
    "pdate",
    "rbpubdate",
    "bt:pubdate",
    "datepublished",
    "date_published",
    "dateposted",
    "datecreated",
    "date_created",
    "content_create_date",
    "cxenseparse:recs:publishtime",
    "shareaholic:article_published_time",
    "mediator_published_time",
    "rnews:datepublished",
    "twt-published-at",
    "vr:published_time",
    "displaydate",
    "doc_date",
    "date",
    "date.release",
    "release_date",
    "video:release_date",
    "originalpublicationdate",
    "created",
    "timestamp",
    "ptime",
    "uploaddate",
];

/// `<meta name>` keys that give the date of the last update.
pub(crate) const META_MODIFIED: &[&str] = &[
    "dcterms.modified",
    "dc.date.modified",
    "dc.modified",
    "dc:modified",
    "article.updated",
    "article:modified",
    "article:modified_date",
    "datemodified",
    "date_modified",
    "last-modified",
    "lastmodified",
    "last-updated",
    "lastmod",
    "revision_date",
    "revised",
    "modified",
    "updated",
    "utime",
];

/// The Open Graph date properties (read by `meta_tags::open_graph`).
pub(crate) const OPEN_GRAPH_DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
];

/// Whether `<meta>` key `key` (lower case) gives a date.
pub(crate) fn is_date_meta_key(key: &str) -> bool {
    [OPEN_GRAPH_DATE_KEYS, META_PUBLISHED, META_MODIFIED]
        .iter()
        .any(|keys| keys.contains(&key))
}

/// Years accepted in a URL: numbers outside look like ids, not dates.
pub(crate) const URL_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// A date in a URL path with separators: `/2015/02/25/`, `/2015-02-25-`,
/// `_2015_02_25_`.
pub(crate) static URL_DATE_SEPARATED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:^|[/_.-])((?:19|20)\d{2})[/_.-](\d{1,2})[/_.-](\d{1,2})(?:$|[/_.?#-])")
});

/// A compact date in a URL path: `/20150225/`.
pub(crate) static URL_DATE_COMPACT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:^|[/_.-])((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[/_.?#-])"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scouts_have_no_groups() {
        assert_eq!(
            without_groups(r"(?P<y>\d{4})-(?:x)(?P<m>\d+)"),
            r"(?:\d{4})-(?:x)(?:\d+)"
        );
        for (scout, (_, pattern)) in DATE_TEXT_SCOUTS.iter().zip(DATE_TEXT_PATTERNS.iter()) {
            assert_eq!(scout.captures_len(), 1, "{scout}");
            assert!(pattern.captures_len() > 1);
        }
    }

    #[test]
    fn every_date_pattern_compiles() {
        for re in [
            &ISO_DATE,
            &RFC2822_DATE,
            &URL_DATE_SEPARATED,
            &URL_DATE_COMPACT,
        ] {
            LazyLock::force(re);
        }
        assert_eq!(DATE_TEXT_PATTERNS.len(), 12);
    }

    #[test]
    fn every_month_name_is_a_scouts_month() {
        // The scouts must accept whatever the patterns accept.
        let scout = regex(&format!(r"(?i)^(?:{MONTH_SCOUT})$"));
        for (name, _) in MONTHS.iter() {
            for form in [name.clone(), name.to_uppercase(), name.replace(' ', "\n ")] {
                assert!(scout.is_match(&form), "{form}");
            }
        }
        assert_eq!(DATE_TEXT_SCOUTS.len(), DATE_TEXT_PATTERNS.len());
    }

    #[test]
    fn every_date_class_word_holds_a_scout() {
        for word in DATE_CLASS_WORDS {
            assert!(DATE_CLASS_SCOUTS.iter().any(|s| word.contains(s)), "{word}");
        }
    }
}
