//! Heuristics of parsing (`dom`): the nesting pre-scan that caps depth
//! before html5ever sees the page, and what an element keeps of its
//! attributes (class/id hints, hiding styles, lazy-loaded images).

/// Start tags deeper than `max_depth` times this are dropped before parsing
/// (the arena flattens at `max_depth` anyway; the margin absorbs unclosed
/// inline tags that the estimate counts but a browser would close). Twice,
/// not four times: the tree builder walks its whole stack of open elements
/// for some start tags (a `<ul>` looks for a `<p>` in button scope), so a
/// page holding its stack at the cap costs the cap per tag: `<ul><dt><dd>`
/// repeated (dos-fuzzer `mixed` seed 1948) took 667 ns/byte at a cap of
/// 1024, 411 at 512. Output unchanged on every dev set.
pub(crate) const PARSE_DEPTH_FACTOR: usize = 2;

/// Elements that never nest content or that the parser closes implicitly
/// whatever lies between (table parts close up to their table, a `<p>`
/// closes the open `<p>`); they do not count towards the nesting estimate.
pub(crate) const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
];

/// Elements the parser closes implicitly only when no other element stands
/// in the way, as `(element, what its start tag closes, how far)`. A list
/// of a thousand unclosed `<li>` is one level deep, but `<li><dt>` repeated
/// nests (`<dt>` stands in the way of the next `<li>`): counted as nesting
/// before, it reached the parser as 16,000 levels and cost seconds in its
/// scope checks (a dos-fuzzer find). The search for the element to close
/// goes down the open elements past [`IMPLIED_END_LOOKS_PAST`] only, at
/// most [`IMPLIED_END_SEARCH`] of them (`0`: the innermost only).
pub(crate) const IMPLIED_END: &[(&str, &[&str], usize)] = &[
    ("li", &["li"], IMPLIED_END_SEARCH),
    ("dt", &["dt", "dd"], IMPLIED_END_SEARCH),
    ("dd", &["dt", "dd"], IMPLIED_END_SEARCH),
    ("option", &["option"], 0),
    ("optgroup", &["option"], 0),
    ("rt", &["rt", "rp"], 0),
    ("rp", &["rt", "rp"], 0),
];

/// Open elements searched for the one an `<li>`, `<dt>` or `<dd>` closes:
/// real lists have a few inline elements left open in an item at most, and
/// the bound keeps the scan linear on hostile pages (missing one only
/// overcounts the depth).
pub(crate) const IMPLIED_END_SEARCH: usize = 64;

/// The elements the search for the `<li>`, `<dt>` or `<dd>` a new one
/// closes goes past: `address`, `div` and `p`, which the parser looks
/// past, and the common non-special (inline) elements. Any other element
/// stops the search, so the estimate errs towards deeper nesting: the
/// HTML standard's list of special elements is long (`noscript`,
/// `frameset`, `listing`, the MathML and SVG text points...), and missing
/// one let `<a><noscript><dt>` repeated nest 16,000 deep unseen (a
/// dos-fuzzer find).
pub(crate) const IMPLIED_END_LOOKS_PAST: &[&str] = &[
    "address", "div", "p", "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del",
    "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
];

/// End tags the pre-scan keeps even when no start tag of their name is
/// open: the tree builder acts on them anyway (`</h2>` closes an open
/// `<h1>`, `</body>` and `</html>` end the body of a page that never opened
/// one, `</form>` resets the form pointer, `</template>` and the foreign
/// roots have rules of their own). Other stray end tags are dropped: the
/// tree builder would ignore them after walking its whole stack of open
/// elements, and a run of them cost seconds (a dos-fuzzer find).
pub(crate) const STRAY_END_TAGS_KEPT: &[&str] = &[
    "html", "head", "body", "h1", "h2", "h3", "h4", "h5", "h6", "form", "template", "svg", "math",
    "sarcasm", "applet", "marquee", "object", "table", "select", "frameset",
];

/// Stray end tags (no start tag of their name left open) are dropped by the
/// pre-scan only when it counts this many open elements: the tree builder
/// walks its whole stack for each, so a run of them under a deep stack
/// cost seconds, while on a page of ordinary depth a stray is cheap and
/// dropping it could move where a reconstructed `<b>` or `<em>` ends
/// (real pages rarely nest past 60).
pub(crate) const STRAY_END_TAG_DEPTH: usize = 128;

/// The formatting elements of the HTML standard that pile up: the tree
/// builder keeps each one opened and not closed by name in its list of
/// active formatting elements, and rebuilds the whole list inside every new
/// paragraph. (`a` and `nobr` are formatting elements too, but a new one
/// closes the one open before: they never pile up.)
pub(crate) const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u",
];
/// Formatting start tags the pre-scan keeps open at most: past this many
/// not closed by name, more are dropped. Each `<p>x` after them made the
/// tree builder rebuild every one (the standard's three-copy limit does not
/// apply when their attributes differ): a page of `<strong color=N>` and
/// short paragraphs (dos-fuzzer `unclosed_formatting` seed 719) created
/// nodes up to the node budget, 2.9 s and 600 MB for 98 KB. Real pages
/// leave a handful open.
pub(crate) const MAX_OPEN_FORMATTING: usize = 16;

/// Raw-text elements whose content the scan skips: a `<` inside a script
/// (`if (a<b)`) or a comment-like string is not a tag.
pub(crate) const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe"];

/// Characters of each of `class` and `id` kept as hints: real names are
/// far shorter, and a page with megabyte-long class attributes must not
/// make every hint search slow.
pub(crate) const MAX_HINT_CHARS: usize = 256;

/// Inline styles longer than this (bytes) are not read for hiding: real
/// hiding styles are short, and reading a huge one costs more than it tells.
pub(crate) const MAX_STYLE_BYTES: usize = 2048;

/// Inline style declarations (whitespace removed, lower case) that hide an
/// element: hidden text is not part of what a reader sees.
pub(crate) const HIDING_STYLES: &[&str] = &["display:none"];
/// Inline style declarations that veil an element: hidden too, but pages
/// also veil the story itself for a script to reveal once the page is laid
/// out (WeChat articles veil their whole `#js_content`: magic-html
/// article-7e99760d0920 came out empty). Veiled text is left out like
/// hidden text, unless that leaves no story: then the ladder's last rung
/// reveals it (`patterns::REVEAL`). Readability's visibility test page
/// keeps its veiled text out, as it has a story besides.
pub(crate) const VEILING_STYLES: &[&str] = &["visibility:hidden"];

/// Attributes lazy-loading scripts put an image's URL in, read when `src`
/// is missing or a `data:` placeholder (the common lazy-load plugins).
pub(crate) const LAZY_SRC_ATTRS: &[&str] = &["data-src", "data-original", "data-lazy-src"];

/// The ARIA roles some stage reads: `prune`'s [`FURNITURE_ROLES`] and
/// [`OVERLAY_ROLES`], `locate`'s `main`, `structure`'s `presentation`. An
/// element keeps its role as an index into this list (one byte, not a
/// string: the arena of a hostile page of tiny elements is a good part of
/// its peak memory, see `fuzz/dos_rss.sh`); any other role is kept as the
/// empty first entry, which no stage can tell from no role. A stage that
/// reads a new role must add it here (a test checks the lists above).
pub(crate) const READ_ROLES: &[&str] = &[
    "",
    "main",
    "presentation",
    "navigation",
    "menu",
    "menubar",
    "complementary",
    "contentinfo",
    "banner",
    "dialog",
    "alert",
    "alertdialog",
    "search",
];
