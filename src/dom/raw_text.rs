//! The bodies of `<script>` and `<style>` elements that html5ever is not
//! made to tokenize. A third of a page's bytes are scripts and a quarter
//! styles (the scrapinghub pages: 10.8 and 8.1 MB of 31.5 MB), and `prune`
//! drops both elements whole. The only script text a stage reads is
//! JSON-LD's (kept, see `page::is_json_ld_type`); the only other reader of
//! script and style text is prune's weighing of a `<noscript>` by all the
//! text in it (`prune::NoscriptText`), so bodies inside one are kept too.
//! The pre-scan (`nesting`) notes where each body ends, and the parse loop
//! (`budget`) feeds html5ever the page without those bytes: the element
//! is still created, opened and closed as before, only its one text node
//! is missing from the tree (and from the arena's node count).
//!
//! Exact, or nothing: a body is left out only where html5ever's tokenizer
//! would end it at the same byte. The pre-scan proposes a body from the
//! `>` of a start tag it read as `<script>` or `<style>` to the end tag
//! the tokenizer would find from there ([`body_end`]); the parse loop stops
//! feeding at that `>` and skips the body only when the tree builder has
//! just created an HTML `script` or `style` element and appended nothing
//! to it since (`sink::Sink::in_raw_text`), that is when the tokenizer is
//! at the start of its script-data or raw-text state. Anything the
//! pre-scan misread (a tag html5ever saw inside a comment, an `<svg>`'s
//! `<style>`, which is markup) fails that check and is fed whole.

use std::ops::Range;

/// Bytes that end an end tag's name: the tokenizer's whitespace (a `\r` is
/// read as a line feed), the self-closing `/` and `>`. `</scripts>` or
/// `</script-x>` do not end a script.
const NAME_ENDS: &[u8] = b"\t\n\x0C\r />";

/// Where the body of the raw-text element `name` (`script` or `style`)
/// that starts at `from` ends, as html5ever's tokenizer finds it:
/// the first `</name` (ASCII case aside) followed by one of [`NAME_ENDS`],
/// the end of the page when there is none. `naive_end` is where the
/// pre-scan's own skip stopped (the first `</name`, whatever follows it,
/// or the end of the page); `comment_open` whether it passed a `<!--` on
/// the way. `None` when unsure, and the body is then fed whole:
/// - a script's `<!--` starts the tokenizer's escaped states, where a
///   `<script` inside makes the next `</script>` not the end;
/// - a `</name` not followed by [`NAME_ENDS`] is not the end, and the
///   search would have to go on (rare: left to html5ever).
///
/// With no `</name` left at all, the rest of the page is the body in any
/// state of the tokenizer.
pub(super) fn body_end(
    bytes: &[u8],
    naive_end: usize,
    name: &[u8],
    script: bool,
    comment_open: bool,
) -> Option<usize> {
    if naive_end >= bytes.len() {
        return Some(bytes.len());
    }
    if script && comment_open {
        return None;
    }
    let after = naive_end + 2 + name.len();
    bytes
        .get(after)
        .filter(|c| NAME_ENDS.contains(c))
        .map(|_| naive_end)
}

/// The bodies the pre-scan proposes to leave out, in page order, as byte
/// ranges of the page html5ever is given.
pub(super) type Bodies = Vec<Range<usize>>;

#[cfg(test)]
mod tests {
    use super::super::sink::{Event, Tree};
    use super::super::{budget, nesting, sink};
    use crate::options::Options;

    /// The tree as one line per node, the text of scripts and styles
    /// aside: (the outline without it, that text node by node).
    fn outline(tree: Tree) -> (String, Vec<String>) {
        let (mut out, mut raw) = (String::new(), Vec::new());
        let mut open: Vec<String> = Vec::new();
        let walked: Result<(), ()> = tree.walk(|event| {
            match event {
                Event::Open(name, attrs) => {
                    let attrs: Vec<String> = attrs
                        .iter()
                        .map(|a| format!("{}={}", &*a.name.local, &*a.value))
                        .collect();
                    out.push_str(&format!("<{name} {}>\n", attrs.join(" ")));
                    open.push(name.to_string());
                }
                Event::Text(t) if open.last().is_some_and(|n| n == "script" || n == "style") => {
                    raw.push(t.to_string());
                }
                Event::Text(t) => out.push_str(&format!("{t:?}\n")),
                Event::Close => {
                    open.pop();
                    out.push_str("</>\n");
                }
            }
            Ok(())
        });
        walked.unwrap();
        (out, raw)
    }

    /// Parses `html` with the bodies the pre-scan proposes left out, and
    /// whole: the two trees must be the same but for script and style
    /// text, of which the first keeps `kept` (all of it for the second).
    /// Returns the outline and the bytes proposed.
    fn check(html: &str, kept: &[&str]) -> (String, usize) {
        let caps = nesting::Caps {
            depth: 10_000,
            attributes: 1_000,
        };
        let deadline = Options::new().deadline();
        let scanned = nesting::limit_nesting_within(html, caps, &deadline);
        let parse = |bodies: &[std::ops::Range<usize>]| {
            let sink = sink::Sink::for_page(scanned.html.len(), usize::MAX);
            budget::parse_document(sink, &scanned.html, bodies, usize::MAX, &deadline).unwrap()
        };
        let (skipped, skipped_raw) = outline(parse(&scanned.bodies));
        let (whole, whole_raw) = outline(parse(&[]));
        assert_eq!(skipped, whole, "{html}");
        assert_eq!(skipped_raw, kept, "{html}: {whole_raw:?}");
        (whole, scanned.bodies.iter().map(|b| b.len()).sum())
    }

    #[test]
    fn script_and_style_bodies_are_left_out() {
        check(
            "<html><head><style>p > a { color: red }</style>\
             <script>var a = '<p>not a tag</p>'; if (a<b) {}</script></head>\
             <body><p>text</p><script src=x></script><p>more</p></body></html>",
            &[],
        );
        // Upper case, a space or a line break before '>', and a '/' end
        // the body too; `</scr` tricks do not.
        check("<SCRIPT>x = 1</SCRIPT ><p>after</p>", &[]);
        check("<style>a{}</Style\r\n><p>after</p>", &[]);
        check(
            "<p>a<script>s = '</scr' + 'ipt>'</script/><b>b</b></p>",
            &[],
        );
        // The text of a script or style that never ends is all the rest.
        check("<p>before<script>if (a < b) { '</p><p>' <!--<script>", &[]);
        check("<p>before<style>b { }</styl", &[]);
        // In a table, a template and a noscript, bodies go too.
        check(
            "<table><script>a</script><tr><td><style>b</style></table>\
             <template><script>c</script></template>",
            &[],
        );
        // Inside a noscript (prune counts its text), bodies stay.
        check(
            "<div>x<noscript><div><style>d</style></div><script>e</script></noscript></div><style>f</style>",
            &["d", "e"],
        );
    }

    #[test]
    fn unsure_bodies_are_fed_whole() {
        // `</scripty>` is not the end: html5ever goes on to the next.
        let (whole, proposed) = check(
            "<script>a = '</scripty>'; b = '<p>'</script><p>after</p>",
            &["a = '</scripty>'; b = '<p>'"],
        );
        assert_eq!(proposed, 0);
        assert!(whole.contains("<p >\n\"after\""), "{whole}");
        // `<!--` then `<script>`: the first `</script>` does not end it.
        let page = "<script><!--<script>x</script>y--></script><p>after</p>";
        let (whole, _) = check(page, &["<!--<script>x</script>y-->"]);
        assert!(whole.contains("<p >\n\"after\""), "{whole}");
        // One unsure script does not stop the next from being skipped.
        check(
            "<script><!-- x --></script><p>a</p><script>y</script>",
            &["<!-- x -->"],
        );
    }

    #[test]
    fn json_ld_foreign_and_misread_tags_stay() {
        let ld = r#"<script type="Application/LD+JSON; x">{"headline":"</b>"}</script><p>x</p>"#;
        let (_, proposed) = check(ld, &[r#"{"headline":"</b>"}"#]);
        assert!(proposed > 0, "proposed, then kept after the sink's check");
        // An SVG's style and script hold markup; a `<script>` inside a
        // bogus comment, a `<noembed>` or after `<plaintext>` is text.
        for (page, kept) in [
            (
                "<svg><style>a<g>c</g></style><script>d<g>e</g></script></svg><p>f</p>",
                &["a", "d"][..],
            ),
            ("<?x <script>y<b>z</b></script> ?>", &[]),
            ("<noembed><script>a<b>c</b></script></noembed><p>d</p>", &[]),
            ("<plaintext><script>a<b>c</b></script>", &[]),
        ] {
            let (_, proposed) = check(page, kept);
            assert!(proposed > 0, "{page}");
        }
        // A `<b>` ends the SVG: the script after it is HTML's, and skipped.
        let (whole, _) = check(
            "<svg><style>a<b>c</b></style><script>d<g>e</g></script>",
            &["a"],
        );
        assert!(whole.contains("<b >\n\"c\""), "{whole}");
    }
}
