//! The properties the fuzz targets check, shared with the regression replay
//! in `tests/hostile.rs` (which includes this file), so a saved crash input
//! is checked in CI exactly as the fuzzer checked it.
//!
//! Every function panics when a property breaks; errors that the library
//! documents are not failures.

#![allow(dead_code)] // each includer uses some of the functions
#![allow(clippy::panic)] // a broken property is a panic, by design

use std::collections::HashSet;

use unboil::{Cleaner, Error, Options};

/// Content-Type headers for `check_bytes`, picked by the first input byte:
/// none, real charsets, UTF-16, the "replacement" encoding, junk.
pub const CONTENT_TYPES: &[Option<&str>] = &[
    None,
    Some("text/html; charset=utf-8"),
    Some("text/html; charset=windows-1252"),
    Some("text/html; charset=gbk"),
    Some("text/html; charset=shift_jis"),
    Some("text/html; charset=euc-kr"),
    Some("text/html; charset=koi8-r"),
    Some("text/html; charset=utf-16le"),
    Some("text/html; charset=utf-16be"),
    Some("text/html; charset=iso-2022-jp"),
    Some("text/html; charset=iso-2022-kr"),
    Some("text/html; charset=\"x-user-defined\""),
    Some("text/html; charset="),
    Some(";;=;charset;charset=\u{0}"),
    Some("text/plain"),
];

/// `clean_bytes`: the first byte picks the Content-Type, the rest is the
/// page. No panic, and the trace does not change the outcome.
pub fn check_bytes(data: &[u8]) {
    let (content_type, bytes) = match data.split_first() {
        Some((&pick, rest)) => (
            CONTENT_TYPES
                .get(usize::from(pick) % CONTENT_TYPES.len())
                .copied()
                .flatten(),
            rest,
        ),
        None => (None, data),
    };
    let plain = Cleaner::default().clean_bytes(bytes, content_type);
    let traced = Cleaner::new(Options::new().explain(true)).clean_bytes(bytes, content_type);
    match (plain, traced) {
        (Ok(a), Ok(b)) => assert_eq!(a.blocks, b.blocks, "explain changed the blocks"),
        (Err(a), Err(b)) => assert_eq!(a, b, "explain changed the error"),
        (a, b) => panic!("explain changed the outcome: {a:?} vs {b:?}"),
    }
}

/// `clean_article` (HTML or text, detected): no panic, deterministic.
pub fn check_article(input: &str) {
    let first = unboil::clean_article(input);
    let second = unboil::clean_article(input);
    assert_eq!(first, second, "cleaning is not deterministic");
}

/// The plain-text mode, and both modes under tight limits: no panic, and
/// only documented errors.
pub fn check_text(input: &str) {
    let _ = Cleaner::default().clean_text(input);
    let tight = Cleaner::new(
        Options::new()
            .max_depth(3)
            .max_nodes(64)
            .max_text_bytes(64)
            .max_input_bytes(4096),
    );
    for result in [tight.clean_html(input), tight.clean_text(input)] {
        match result {
            Ok(_)
            | Err(
                Error::EmptyInput
                | Error::BinaryInput { .. }
                | Error::InputTooLarge { .. }
                | Error::TooManyNodes { .. }
                | Error::TextTooLarge { .. },
            ) => {}
            Err(e) => panic!("undocumented error: {e:?}"),
        }
    }
}

/// A generated HTML page: no panic, deterministic, the trace changes no
/// block, and (when the page's words are known) every output word is one
/// of them.
pub fn check_html_page(html: &str, page_words: Option<&HashSet<String>>) {
    let first = unboil::clean_article(html);
    assert_eq!(first, unboil::clean_article(html), "not deterministic");
    let traced = Cleaner::new(Options::new().explain(true)).clean_html(html);
    let Ok(article) = first else { return };
    let Ok(traced) = traced else {
        panic!("the trace turned success into an error: {traced:?}");
    };
    assert_eq!(
        article.blocks, traced.blocks,
        "the trace changed the blocks"
    );
    if let Some(page) = page_words {
        for block in &article.blocks {
            for word in block.text.split_whitespace() {
                assert!(
                    page.contains(word),
                    "{word:?} is not page text; page: {html}"
                );
            }
        }
    }
}

/// The text a `&str` fuzz target sees for raw fuzzer bytes: the longest
/// valid UTF-8 prefix (what `arbitrary` gives).
pub fn fuzz_str(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(bytes.get(..e.valid_up_to()).unwrap_or_default())
            .unwrap_or_default(),
    }
}

/// Text between tags.
fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An attribute value in double quotes.
fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}

/// The metadata sources fed the same arbitrary string: a JSON-LD script
/// (raw), `<meta>` values, the `<title>`, a byline, `<time datetime>`, the
/// canonical link, `<html lang>` and the base URL option; and the public
/// date parser. No panic, deterministic.
pub fn check_metadata(input: &str) {
    if let Some(date) = unboil::DateTime::parse(input) {
        let _ = (date.to_string(), date.timestamp(), date.hour());
    }
    let (text, attr) = (escape_text(input), escape_attr(input));
    let script = input.replace("</", "<\\/");
    let html = format!(
        "<html lang=\"{attr}\"><head><title>{text}</title>\
         <meta property=\"og:title\" content=\"{attr}\"><meta name=\"author\" content=\"{attr}\">\
         <meta property=\"article:published_time\" content=\"{attr}\">\
         <meta property=\"og:site_name\" content=\"{attr}\"><link rel=\"canonical\" href=\"{attr}\">\
         <script type=\"application/ld+json\">{script}</script></head><body><article>\
         <h1>{text}</h1><p class=\"byline\">By {text}</p><time datetime=\"{attr}\">{text}</time>\
         <p itemprop=\"author\">{text}</p><p>The council met on Tuesday and agreed to rebuild the \
         old bridge over the river, which was closed after the floods last year.</p>\
         </article></body></html>"
    );
    let cleaner = Cleaner::new(Options::new().base_url(input));
    let first = cleaner.clean_html(&html);
    assert_eq!(
        first,
        cleaner.clean_html(&html),
        "metadata is not deterministic"
    );
}
