//! A fuzzer for super-linear time, in the manner of pulldown-cmark's
//! dos-fuzzer: structured generation of hostile pages (HTML and plain
//! text), each cleaned at three sizes; an input whose time per byte grows
//! well above linear between the smallest and the largest size is a find.
//!
//! ```text
//! cargo run --release --example dos_fuzz -- [SECONDS_PER_KIND] [KIND...]
//! cargo run --release --example dos_fuzz -- 600                  # 10 min each
//! cargo run --release --example dos_fuzz -- 120 attributes links
//! cargo run --release --example dos_fuzz -- write DIR BYTES      # one page per kind
//! cargo run --release --example dos_fuzz -- write DIR BYTES json_ld:2 # KIND-SEED.html
//! cargo run --release --example dos_fuzz -- overshoot [BYTES]     # time limit's lag
//! cargo run --release --example dos_fuzz -- overshoot 4000000 bylines_dates:3 json_ld
//! cargo run --release --example dos_fuzz -- one KIND SEED [SIZES] [MAX_DEPTH]
//! ```
//!
//! Each input is a *recipe* drawn from a seed (which hostile shape, which
//! tags, which attribute style...), rendered at three sizes that differ by
//! `GROWTH` each. Linear code takes about the same time per byte at each
//! size; a quadratic loop takes `GROWTH` times more per step. An input is
//! flagged when its time per byte at the largest size is over
//! `FLAG_RATIO` times that at the smallest (and the largest took over
//! `MIN_FLAG_SECONDS`, so timer noise on tiny inputs is not a find); a
//! flagged input is timed again (best of three at each size) and reported
//! only if it flags twice. Finds
//! are written to `fuzz/dos-finds/` with their seed, and each becomes a
//! test in `tests/linear_time.rs`.
//!
//! Not part of the library: an example target, so it builds with the crate.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use unboil::{Cleaner, Options};

/// Bytes of the smallest rendering of a recipe.
const SMALL_BYTES: usize = 24 * 1024;
/// Each size is this many times the one before (three sizes: 1x, 4x, 16x).
const GROWTH: usize = 4;
/// Time per byte at 16x over this many times that at 1x flags an input:
/// linear code stays near 1 (caches and noise give up to 2 or so), a
/// quadratic loop gives 16.
const FLAG_RATIO: f64 = 4.0;
/// A flagged input must take at least this long at its largest size.
const MIN_FLAG_SECONDS: f64 = 0.02;

/// xorshift64*: a tiny deterministic generator, so a seed names an input.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const KINDS: &[&str] = &[
    "deep_nesting",
    "wide_nesting",
    "attributes",
    "long_words",
    "entities",
    "unclosed_formatting",
    "tables_lists",
    "comments_scripts",
    "json_ld",
    "bylines_dates",
    "links",
    "text_mode",
    "mixed",
];

const BLOCK_TAGS: &[&str] = &[
    "div",
    "p",
    "section",
    "article",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "pre",
    "figure",
    "main",
    "aside",
    "nav",
    "header",
    "footer",
    "form",
    "dl",
    "dd",
    "dt",
    "details",
    "summary",
    "noscript",
    "template",
    "svg",
    "math",
    "select",
    "option",
    "button",
    "label",
    "caption",
    "tbody",
    "frameset",
    "iframe",
    "object",
];
const INLINE_TAGS: &[&str] = &[
    "b", "i", "em", "strong", "a", "span", "font", "u", "s", "code", "small", "big", "nobr", "tt",
    "strike", "sub", "sup", "mark", "q", "cite", "abbr", "time", "br", "img", "wbr",
];
const CLASSES: &[&str] = &[
    "content",
    "article-body",
    "story",
    "sidebar",
    "comments",
    "comment",
    "nav",
    "menu",
    "related",
    "share",
    "footer",
    "byline",
    "author",
    "date",
    "modal",
    "cookie",
    "popup",
    "post",
    "entry-content",
    "hidden",
    "ad",
    "promo",
    "caption",
    "meta",
    "tags",
];
const WORDS: &[&str] = &[
    "the",
    "council",
    "met",
    "on",
    "Thursday",
    "to",
    "discuss",
    "library",
    "and",
    "after",
    "a",
    "long",
    "debate",
    "members",
    "agreed",
    "that",
    "building",
    "should",
    "keep",
    "its",
    "stone",
    "front",
    "Read",
    "more",
    "Share",
    "By",
    "Posted",
    "Comments",
    "2024-03-05",
    "Copyright",
    "Subscribe",
    "©",
    "|",
    "»",
    "Zürich",
    "北京",
    "…",
    "—",
    ".",
    ",",
];
const DATES: &[&str] = &[
    "2024-03-05",
    "March 5, 2024",
    "5 March 2024",
    "2024-03-05T10:20:30Z",
    "Tue, 05 Mar 2024 10:20:30 GMT",
    "05/03/2024",
    "3 hours ago",
    "Updated: 2024-03-05 10:20",
];
const ENTITIES: &[&str] = &[
    "&amp;",
    "&lt;",
    "&gt;",
    "&nbsp;",
    "&#x1F4DA;",
    "&#128218;",
    "&#99999999;",
    "&#0;",
    "&am",
    "&notit;",
    "&",
    "&#x;",
    "&#",
    "&ampamp;",
    "&CounterClockwiseContourIntegral;",
    "&#xD800;",
];

fn words(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    s
}

/// One recipe: a seed and a kind; `render` draws the recipe's choices from
/// the seed again for every size, so the three sizes share their shape.
struct Recipe {
    kind: &'static str,
    seed: u64,
}

impl Recipe {
    /// Whether this input is cleaned as plain text.
    fn is_text(&self) -> bool {
        self.kind == "text_mode"
    }

    fn render(&self, bytes: usize) -> String {
        let mut rng = Rng::new(self.seed);
        let kind = if self.kind == "mixed" {
            KINDS[rng.below(KINDS.len() - 2)]
        } else {
            self.kind
        };
        let mut out = String::with_capacity(bytes + 4096);
        if kind != "text_mode" && rng.chance(70) {
            out.push_str("<!DOCTYPE html><html><head><title>A page</title></head><body>");
        }
        match kind {
            "deep_nesting" => deep(&mut rng, &mut out, bytes),
            "wide_nesting" => wide(&mut rng, &mut out, bytes),
            "attributes" => attributes(&mut rng, &mut out, bytes),
            "long_words" => long_words(&mut rng, &mut out, bytes),
            "entities" => entities(&mut rng, &mut out, bytes),
            "unclosed_formatting" => unclosed(&mut rng, &mut out, bytes),
            "tables_lists" => tables_lists(&mut rng, &mut out, bytes),
            "comments_scripts" => comments_scripts(&mut rng, &mut out, bytes),
            "json_ld" => json_ld(&mut rng, &mut out, bytes),
            "bylines_dates" => bylines_dates(&mut rng, &mut out, bytes),
            "links" => links(&mut rng, &mut out, bytes),
            _ => text_mode(&mut rng, &mut out, bytes),
        }
        out
    }
}

/// Repeats `unit` until `out` has `bytes` (the recipe's choices were drawn
/// before, so the pattern is the same at every size).
fn fill(out: &mut String, bytes: usize, mut unit: impl FnMut(&mut String)) {
    while out.len() < bytes {
        let before = out.len();
        unit(out);
        if out.len() == before {
            break;
        }
    }
}

fn deep(rng: &mut Rng, out: &mut String, bytes: usize) {
    let tags: Vec<&str> = (0..1 + rng.below(4))
        .map(|_| {
            if rng.chance(50) {
                rng.pick(BLOCK_TAGS)
            } else {
                rng.pick(INLINE_TAGS)
            }
        })
        .collect();
    let close = rng.chance(50);
    let text_every = 1 + rng.below(20);
    let class = rng.chance(30).then(|| rng.pick(CLASSES));
    let half = if close { bytes / 2 } else { bytes };
    let mut depth = 0usize;
    fill(out, half, |o| {
        let t = tags[depth % tags.len()];
        match class {
            Some(c) => write!(o, "<{t} class=\"{c}\">").unwrap(),
            None => write!(o, "<{t}>").unwrap(),
        }
        if depth % text_every == 0 {
            o.push_str("text of the story ");
        }
        depth += 1;
    });
    if close {
        for d in (0..depth).rev() {
            write!(out, "</{}>", tags[d % tags.len()]).unwrap();
        }
    }
}

fn wide(rng: &mut Rng, out: &mut String, bytes: usize) {
    let tag = rng.pick(BLOCK_TAGS);
    let inner = rng.pick(INLINE_TAGS);
    let n_words = rng.below(30);
    let class = rng.pick(CLASSES);
    let mut wr = Rng::new(rng.next());
    fill(out, bytes, |o| {
        let w = words(&mut wr, n_words);
        write!(o, "<{tag} class=\"{class}\"><{inner}>{w}</{inner}></{tag}>").unwrap();
    });
}

fn attributes(rng: &mut Rng, out: &mut String, bytes: usize) {
    let tag = rng.pick(&[
        "div", "p", "a", "img", "meta", "span", "svg", "td", "script",
    ]);
    let distinct = rng.chance(70);
    let quote = rng.pick(&["\"", "'", ""]);
    let value_len = rng.below(40);
    let tags_count = 1 + rng.below(3);
    let names = [
        "class", "id", "style", "href", "content", "property", "itemprop", "data-x",
    ];
    let per_tag = bytes / tags_count;
    for t in 0..tags_count {
        write!(out, "<{tag}").unwrap();
        let target = out.len() + per_tag;
        let mut i = 0usize;
        let value = "v".repeat(value_len);
        fill(out, target, |o| {
            if distinct {
                write!(o, " a{t}x{i}={quote}{value}{quote}").unwrap();
            } else {
                write!(o, " {}={quote}{value}{quote}", names[i % names.len()]).unwrap();
            }
            i += 1;
        });
        write!(
            out,
            ">The story text of the page, a long paragraph.</{tag}>"
        )
        .unwrap();
    }
}

fn long_words(rng: &mut Rng, out: &mut String, bytes: usize) {
    let letter = rng.pick(&["a", "é", "北", "-", ".", "&nbsp;", " ", "\u{200b}", "x."]);
    let wrap = rng.pick(&["p", "pre", "td", "li", "h1", "a", "code"]);
    let newlines = rng.chance(30);
    write!(out, "<{wrap}>").unwrap();
    fill(out, bytes, |o| {
        o.push_str(letter);
        if newlines && o.len() % 997 == 0 {
            o.push('\n');
        }
    });
    write!(out, "</{wrap}>").unwrap();
}

fn entities(rng: &mut Rng, out: &mut String, bytes: usize) {
    let ents: Vec<&str> = (0..1 + rng.below(3)).map(|_| rng.pick(ENTITIES)).collect();
    let in_attr = rng.chance(30);
    let mut i = 0usize;
    if in_attr {
        out.push_str("<a title=\"");
    } else {
        out.push_str("<p>");
    }
    fill(out, bytes, |o| {
        o.push_str(ents[i % ents.len()]);
        i += 1;
    });
    out.push_str(if in_attr { "\">x</a>" } else { "</p>" });
}

fn unclosed(rng: &mut Rng, out: &mut String, bytes: usize) {
    let tags: Vec<&str> = (0..1 + rng.below(3))
        .map(|_| rng.pick(INLINE_TAGS))
        .collect();
    let attrs = rng.chance(40);
    let between = rng.pick(&[
        "",
        "x",
        "</p><p>x",
        "<p>x",
        "<td>x",
        "<li>x",
        "</b>",
        "<div>x</div>",
    ]);
    let every = 1 + rng.below(50);
    let opens_share = 1 + rng.below(100);
    let mut i = 0usize;
    let open = |o: &mut String, i: usize| {
        let t = tags[i % tags.len()];
        if attrs {
            write!(o, "<{t} color={i}>").unwrap();
        } else {
            write!(o, "<{t}>").unwrap();
        }
    };
    // First a run of open tags, then `between` with a tag every so often.
    fill(out, bytes * opens_share / 100, |o| {
        open(o, i);
        i += 1;
    });
    fill(out, bytes, |o| {
        if i % every == 0 {
            open(o, i);
        }
        o.push_str(between);
        i += 1;
    });
    out.push_str("The story text after all of them.");
}

fn tables_lists(rng: &mut Rng, out: &mut String, bytes: usize) {
    let pattern = [
        rng.pick(&["<table>", "<table><tr>", "<ul>", "<ol>", "<dl>"]),
        rng.pick(&["<tr>", "<td>", "<li>", "<dt>", "<th>", ""]),
        rng.pick(&["<td>", "<li>", "<dd>", "<caption>", ""]),
    ];
    let text = rng.chance(60);
    let close = rng.chance(40);
    let mut depth = 0usize;
    fill(out, bytes, |o| {
        for p in pattern {
            o.push_str(p);
        }
        if text {
            o.push_str("cell text ");
        }
        if close && depth % 3 == 2 {
            o.push_str("</td></tr></table></li></ul>");
        }
        depth += 1;
    });
}

fn comments_scripts(rng: &mut Rng, out: &mut String, bytes: usize) {
    let open = rng.pick(&[
        "<!--",
        "<![CDATA[",
        "<script>",
        "<style>",
        "<textarea>",
        "<title>",
        "<xmp>",
        "<iframe>",
        "<noscript>",
        "<script type=\"application/ld+json\">",
        "<!",
        "<?",
    ]);
    let body = rng.pick(&[
        "</scr",
        "</script",
        "<!--",
        "--!>",
        "-->",
        "]]>",
        "</",
        "<",
        "x",
        "--",
        "</style",
        "<script>",
        "\\u003c/script",
    ]);
    let close_at_end = rng.chance(50);
    out.push_str("<p>The story before the tail, long enough to be prose.</p>");
    out.push_str(open);
    fill(out, bytes, |o| o.push_str(body));
    if close_at_end {
        out.push_str("--></script></style></textarea></title>");
    }
}

fn json_ld(rng: &mut Rng, out: &mut String, bytes: usize) {
    let shape = rng.below(5);
    out.push_str("<script type=\"application/ld+json\">");
    let body_start = out.len();
    let end = bytes.saturating_sub(200);
    match shape {
        0 => {
            // Deep arrays and objects.
            let mut depth = 0usize;
            fill(out, end / 2, |o| {
                o.push_str(if depth % 2 == 0 { "[" } else { "{\"a\":" });
                depth += 1;
            });
            out.push('1');
            for d in (0..depth).rev() {
                out.push_str(if d % 2 == 0 { "]" } else { "}" });
            }
        }
        1 => {
            // Many authors.
            out.push_str("{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"author\":[");
            let mut i = 0usize;
            fill(out, end, |o| {
                write!(o, "{{\"@type\":\"Person\",\"name\":\"Jane Doe{i}\"}},").unwrap();
                i += 1;
            });
            out.push_str("{}],\"datePublished\":\"2024-03-05\"}");
        }
        2 => {
            // One huge string.
            out.push_str("{\"@type\":\"Article\",\"articleBody\":\"");
            fill(out, end, |o| o.push_str("story \\\" text \\u00e9 "));
            out.push_str("\"}");
        }
        3 => {
            // A big @graph.
            out.push_str("{\"@graph\":[");
            let mut i = 0usize;
            fill(out, end, |o| {
                write!(
                    o,
                    "{{\"@type\":\"WebPage\",\"@id\":\"#p{i}\",\"isPartOf\":{{\"@id\":\"#p{}\"}},\"datePublished\":\"2024-03-05\"}},",
                    i + 1
                )
                .unwrap();
                i += 1;
            });
            out.push_str("{}]}");
        }
        _ => {
            // Many scripts.
            out.truncate(body_start - "<script type=\"application/ld+json\">".len());
            fill(out, end, |o| {
                o.push_str("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"A B\"},\"datePublished\":\"2024-03-05\"}</script>");
            });
            out.push_str("<script>");
        }
    }
    out.push_str("</script><p>The story text of the page, long enough to count as prose here.</p>");
}

fn bylines_dates(rng: &mut Rng, out: &mut String, bytes: usize) {
    let form = rng.below(5);
    let date = rng.pick(DATES);
    let mut i = 0usize;
    fill(out, bytes, |o| {
        match form {
            0 => write!(o, "<p class=\"byline\">By Jane Doe{i} and John Roe</p>").unwrap(),
            1 => write!(o, "<time datetime=\"2024-03-05\">{date}</time> ").unwrap(),
            2 => write!(o, "<meta name=\"author\" content=\"Jane Doe{i}\"><meta property=\"article:published_time\" content=\"{date}\">").unwrap(),
            3 => write!(o, "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">A{i}</span>").unwrap(),
            _ => write!(o, "Posted by admin on {date} | ").unwrap(),
        }
        i += 1;
    });
}

fn links(rng: &mut Rng, out: &mut String, bytes: usize) {
    let href = rng.pick(&[
        "/a",
        "https://x.example/a/b?c=d#e",
        "javascript:void(0)",
        "#",
        "",
        "//x",
    ]);
    let nested = rng.chance(30);
    let in_p = rng.chance(50);
    if in_p {
        out.push_str("<p>");
    }
    let mut i = 0usize;
    fill(out, bytes, |o| {
        if nested {
            write!(o, "<a href=\"{href}{i}\">link ").unwrap();
        } else {
            write!(o, "<a href=\"{href}{i}\">link {i}</a> word ").unwrap();
        }
        i += 1;
    });
}

fn text_mode(rng: &mut Rng, out: &mut String, bytes: usize) {
    let form = rng.below(6);
    let date = rng.pick(DATES);
    let mut wr = Rng::new(rng.next());
    let n_words = 1 + rng.below(40);
    fill(out, bytes, |o| match form {
        0 => o.push_str("Home\n"),
        1 => {
            let w = words(&mut wr, n_words);
            writeln!(o, "{w}").unwrap();
        }
        2 => {
            let w = words(&mut wr, n_words);
            write!(o, "{w} ").unwrap();
        }
        3 => writeln!(o, "By Jane Doe\n{date}").unwrap(),
        4 => o.push_str("\n\n\n"),
        _ => {
            let w = words(&mut wr, n_words);
            write!(o, "{w}\n\n").unwrap();
        }
    });
}

/// Cleans `input` once (and renders it), returning the seconds taken.
fn time_one(cleaner: &Cleaner, input: &str, text: bool) -> f64 {
    let start = cpu_seconds();
    let result = if text {
        cleaner.clean_text(input)
    } else {
        cleaner.clean_html(input)
    };
    if let Ok(article) = result {
        std::hint::black_box(article.to_markdown());
    }
    cpu_seconds() - start
}

/// The CPU time this thread has used, in seconds: not the wall clock, since
/// on a shared machine a niced run is preempted for tens of milliseconds at
/// a time, and the first long run of the fuzzer flagged such pauses as
/// finds (a 100 KB page "taking" 78 ms that takes 1.5 ms).
fn cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Times a recipe at its three sizes: (bytes, seconds) per size.
fn measure(cleaner: &Cleaner, recipe: &Recipe, careful: bool) -> Vec<(usize, f64)> {
    let mut out = Vec::new();
    let mut size = SMALL_BYTES;
    for _ in 0..3 {
        let input = recipe.render(size);
        // The best of three at the smallest size, where noise weighs most,
        // and at every size when checking a flagged input again (the
        // machine is shared: one slow run is no find).
        let runs = if size == SMALL_BYTES || careful { 3 } else { 1 };
        let secs = (0..runs)
            .map(|_| time_one(cleaner, &input, recipe.is_text()))
            .fold(f64::INFINITY, f64::min);
        out.push((input.len(), secs));
        size *= GROWTH;
    }
    out
}

/// The recipes that `specs` name: `KIND` or `KIND:SEED` (seed 1 when
/// none; a kind's forms differ by seed); no specs: every kind, seed 1.
fn recipes_of(specs: &[String]) -> Vec<Recipe> {
    if specs.is_empty() {
        return KINDS.iter().map(|kind| Recipe { kind, seed: 1 }).collect();
    }
    specs
        .iter()
        .map(|spec| {
            let (name, seed) = spec.split_once(':').unwrap_or((spec, "1"));
            let kind = KINDS
                .iter()
                .copied()
                .find(|k| *k == name)
                .expect("a KIND or KIND:SEED");
            let seed = seed.parse().expect("a numeric SEED");
            Recipe { kind, seed }
        })
        .collect()
}

/// How late `Options::time_limit` stops each kind's page of `bytes`: the
/// page is cleaned with limits from 0 to its full time in twenty steps,
/// and the worst lag past the limit (wall clock) is printed with the
/// stage-free time it took in full. A long lag means a loop the deadline
/// is not checked in. `specs` as for [`recipes_of`].
fn overshoot(bytes: usize, specs: &[String]) {
    for recipe in &recipes_of(specs) {
        let kind = format!("{}:{}", recipe.kind, recipe.seed);
        let input = recipe.render(bytes);
        let full = {
            let start = Instant::now();
            clean_with(&Cleaner::new(Options::new()), &input, recipe.is_text()).ok();
            start.elapsed()
        };
        let (mut worst, mut worst_at) = (Duration::ZERO, Duration::ZERO);
        for step in 0..20u32 {
            let limit = full * step / 20;
            let cleaner = Cleaner::new(Options::new().time_limit(limit));
            let start = Instant::now();
            let result = clean_with(&cleaner, &input, recipe.is_text());
            let took = start.elapsed();
            if matches!(result, Err(unboil::Error::TimedOut { .. })) {
                let lag = took.saturating_sub(limit);
                if lag > worst {
                    (worst, worst_at) = (lag, limit);
                }
            }
        }
        println!(
            "{kind:22} full {:8.1} ms  worst lag past the limit {:7.1} ms (limit {:.1} ms)",
            full.as_secs_f64() * 1e3,
            worst.as_secs_f64() * 1e3,
            worst_at.as_secs_f64() * 1e3
        );
    }
}

fn clean_with(cleaner: &Cleaner, input: &str, text: bool) -> unboil::Result<unboil::Article> {
    if text {
        cleaner.clean_text(input)
    } else {
        cleaner.clean_html(input)
    }
}

fn ratio(m: &[(usize, f64)]) -> f64 {
    let per_byte = |(b, s): (usize, f64)| s / b.max(1) as f64;
    per_byte(m[m.len() - 1]) / per_byte(m[0]).max(1e-12)
}

fn flags(m: &[(usize, f64)]) -> bool {
    ratio(m) > FLAG_RATIO && m[m.len() - 1].1 > MIN_FLAG_SECONDS
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cleaner = Cleaner::new(Options::new().links(true).images(true).comments(true));
    if args.first().map(String::as_str) == Some("write") {
        let dir = args.get(1).expect("write DIR BYTES");
        let bytes: usize = args.get(2).and_then(|b| b.parse().ok()).expect("BYTES");
        std::fs::create_dir_all(dir).unwrap();
        let specs = args.get(3..).unwrap_or_default();
        for recipe in recipes_of(specs) {
            let ext = if recipe.is_text() { "txt" } else { "html" };
            let name = if specs.is_empty() {
                recipe.kind.to_string()
            } else {
                format!("{}-{}", recipe.kind, recipe.seed)
            };
            std::fs::write(format!("{dir}/{name}.{ext}"), recipe.render(bytes)).unwrap();
        }
        return;
    }
    if args.first().map(String::as_str) == Some("overshoot") {
        let bytes: usize = args
            .get(1)
            .and_then(|b| b.parse().ok())
            .unwrap_or(4_000_000);
        overshoot(bytes, args.get(2..).unwrap_or_default());
        return;
    }
    if args.first().map(String::as_str) == Some("one") {
        // one KIND SEED [SIZES]: one recipe at more sizes, best of three each.
        let kind = KINDS
            .iter()
            .copied()
            .find(|k| Some(*k) == args.get(1).map(String::as_str))
            .expect("one KIND SEED");
        let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).expect("SEED");
        let sizes: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(4);
        // An optional max_depth: how the cost of deep stacks scales with it.
        let cleaner = match args.get(4).and_then(|d| d.parse().ok()) {
            Some(depth) => Cleaner::new(Options::new().max_depth(depth)),
            None => cleaner,
        };
        let recipe = Recipe { kind, seed };
        let mut size = SMALL_BYTES;
        for _ in 0..sizes {
            let input = recipe.render(size);
            let secs = (0..3)
                .map(|_| time_one(&cleaner, &input, recipe.is_text()))
                .fold(f64::INFINITY, f64::min);
            println!(
                "{kind} seed {seed}: {} bytes {:.1} ms, {:.0} ns/byte",
                input.len(),
                secs * 1e3,
                secs * 1e9 / input.len() as f64
            );
            if let Ok(path) = std::env::var("DOS_DUMP") {
                // The input itself, to look at (the largest size wins).
                std::fs::write(path, &input).unwrap();
            }
            size *= GROWTH;
        }
        return;
    }
    let seconds: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(60);
    let kinds: Vec<&str> = if args.len() > 1 {
        KINDS
            .iter()
            .copied()
            .filter(|k| args[1..].iter().any(|a| a == k))
            .collect()
    } else {
        KINDS.to_vec()
    };
    let finds_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/dos-finds");
    let (mut total_inputs, mut total_finds) = (0usize, 0usize);
    for kind in kinds {
        let start = Instant::now();
        let (mut tried, mut finds) = (0usize, 0usize);
        let (mut worst_ratio, mut worst_ratio_seed) = (0f64, 0u64);
        let (mut slowest_ns_per_byte, mut slowest_seed) = (0f64, 0u64);
        let mut seed = 1u64;
        while start.elapsed() < Duration::from_secs(seconds) {
            let recipe = Recipe { kind, seed };
            let m = measure(&cleaner, &recipe, false);
            tried += 1;
            let r = ratio(&m);
            let (bytes, secs) = m[m.len() - 1];
            let ns = secs * 1e9 / bytes.max(1) as f64;
            if ns > slowest_ns_per_byte {
                (slowest_ns_per_byte, slowest_seed) = (ns, seed);
            }
            if r > worst_ratio && secs > MIN_FLAG_SECONDS {
                (worst_ratio, worst_ratio_seed) = (r, seed);
            }
            if flags(&m) && flags(&measure(&cleaner, &recipe, true)) {
                finds += 1;
                std::fs::create_dir_all(finds_dir).unwrap();
                let path = format!("{finds_dir}/{kind}-{seed}.input");
                std::fs::write(&path, recipe.render(SMALL_BYTES * GROWTH)).unwrap();
                println!(
                    "FIND {kind} seed {seed}: {:?} (ratio {r:.1}), written to {path}",
                    m.iter()
                        .map(|(b, s)| format!("{b} B {:.1} ms", s * 1e3))
                        .collect::<Vec<_>>()
                );
            }
            seed += 1;
        }
        println!(
            "{kind}: {tried} inputs ({} sizes each) in {:.0} s; {finds} finds; worst growth of time per byte {worst_ratio:.2}x (seed {worst_ratio_seed}); slowest {slowest_ns_per_byte:.0} ns/byte at the largest size (seed {slowest_seed})",
            3,
            start.elapsed().as_secs_f64()
        );
        total_inputs += tried;
        total_finds += finds;
    }
    println!("total: {total_inputs} inputs, {total_finds} finds");
}
