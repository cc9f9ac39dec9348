//! Bytes to text: which character encoding a page is in, then decoding.
//!
//! The encoding is chosen the way browsers choose it (the WHATWG HTML
//! "determine the character encoding" steps), with one deliberate change:
//!
//! 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins over everything;
//! 2. then the `charset` parameter of the HTTP `Content-Type` header;
//! 3. then a `<meta charset>` or `<meta http-equiv="Content-Type"
//!    content="...; charset=...">` found by the browsers' prescan of the
//!    first [`PRESCAN_BYTES`] bytes (a UTF-16 label there means UTF-8, as
//!    in browsers: a page that can be prescanned as ASCII is not UTF-16);
//! 4. then, with no label, content detection: ASCII-only input is UTF-8;
//!    input whose non-ASCII sequences are mostly valid UTF-8 (at most
//!    [`UTF8_MAX_INVALID_SHARE`] invalid: a UTF-8 page with some stray
//!    bytes) is UTF-8; anything else goes to `chardetng`, the detector
//!    Firefox uses.
//!
//! **The change (labels that lie):** a label from step 2 or 3 naming a
//! legacy ASCII-compatible encoding (windows-1252, GBK, Shift_JIS, ...) is
//! overruled when the bytes are UTF-8 (at most
//! [`UTF8_OVERRULE_MAX_INVALID_SHARE`] of the non-ASCII sequences invalid).
//! Text in a legacy encoding almost never forms valid multi-byte UTF-8
//! sequences by chance, while sites that moved their content to UTF-8 and
//! kept an old `<meta charset>` or server default are common; decoding such
//! a page as labelled gives mojibake ("Ã©" for "é") on every non-ASCII
//! character. A byte order mark is never overruled, nor a UTF-8 or UTF-16
//! label.
//!
//! Labels that name no encoding, and labels of the WHATWG "replacement"
//! encoding (ISO-2022-KR, HZ-GB-2312, ...; browsers turn such a page into a
//! single U+FFFD to defeat script injection), are ignored: the next step
//! decides. Bytes that are invalid in the chosen encoding become U+FFFD;
//! decoding never fails.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

use crate::patterns::{PRESCAN_BYTES, UTF8_MAX_INVALID_SHARE, UTF8_OVERRULE_MAX_INVALID_SHARE};

/// Which step of the order chose the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A byte order mark.
    Bom,
    /// The `charset` of the `Content-Type` header.
    ContentType,
    /// A `<meta>` charset declaration.
    Meta,
    /// No usable label, or a legacy label overruled: the bytes are ASCII or
    /// look like UTF-8.
    Utf8Content,
    /// `chardetng`'s guess.
    Detected,
}

/// Decodes a page (see the module docs for the order of the steps); the
/// text is borrowed when the input is valid UTF-8 without a byte order mark.
pub(crate) fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    let (encoding, _source, bom_len) = sniff(bytes, content_type);
    let body = bytes.get(bom_len..).unwrap_or_default();
    encoding.decode_without_bom_handling(body).0
}

/// Chooses the encoding; also gives the length of the byte order mark to
/// skip (0 when there is none).
fn sniff(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, Source, usize) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, Source::Bom, bom_len);
    }
    let declared = content_type
        .and_then(charset_from_content_type)
        .map(|e| (e, Source::ContentType))
        .or_else(|| {
            let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
            prescan(head).map(|e| (e, Source::Meta))
        });
    let (valid, invalid) = utf8_sequences(bytes);
    let invalid_share =
        |limit: f64| valid > 0 && invalid as f64 <= (valid + invalid) as f64 * limit;
    if let Some((encoding, source)) = declared {
        let legacy = encoding != UTF_8 && encoding.is_ascii_compatible();
        return if legacy && invalid_share(UTF8_OVERRULE_MAX_INVALID_SHARE) {
            (UTF_8, Source::Utf8Content, 0)
        } else {
            (encoding, source, 0)
        };
    }
    // Only ASCII (and no escape byte, which could start ISO-2022-JP): any
    // ASCII-compatible encoding reads it the same.
    let ascii = valid == 0 && invalid == 0 && !bytes.contains(&0x1B);
    if ascii || invalid_share(UTF8_MAX_INVALID_SHARE) {
        return (UTF_8, Source::Utf8Content, 0);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    (
        detector.guess(None, Utf8Detection::Allow),
        Source::Detected,
        0,
    )
}

/// Counts the non-ASCII UTF-8 characters and the invalid sequences (each a
/// maximal run of one to three bytes that starts no valid character).
///
/// Legacy text scores badly: in windows-1252 or KOI8-R a letter is one high
/// byte followed by ASCII or another letter, never valid UTF-8; in GBK,
/// Shift_JIS, EUC-JP or EUC-KR about one character in four to eight happens
/// to be.
fn utf8_sequences(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        // Leading bytes of multi-byte characters: one per non-ASCII char.
        valid += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        let bad = chunk.invalid();
        // A character cut off by the end of the input (a truncated
        // download) is the start of a valid one: no evidence against UTF-8.
        let cut_at_end = chunks.peek().is_none()
            && std::str::from_utf8(bad).is_err_and(|e| e.error_len().is_none());
        if !bad.is_empty() && !cut_at_end {
            invalid += 1;
        }
    }
    (valid, invalid)
}

/// The encoding named by the `charset` parameter of a `Content-Type` value
/// such as `text/html; charset="Shift_JIS"`; the first `charset` counts.
fn charset_from_content_type(content_type: &str) -> Option<&'static Encoding> {
    // The MIME type before the first `;` has no `=`, so every part can be
    // tried as a parameter (a bare `charset=...` works too).
    let value = content_type.split(';').find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })?;
    usable(Encoding::for_label(value.as_bytes())?)
}

/// Drops the "replacement" encoding: see the module docs.
fn usable(encoding: &'static Encoding) -> Option<&'static Encoding> {
    (encoding != REPLACEMENT).then_some(encoding)
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// True when `bytes[pos..]` starts with `prefix`, ASCII case-insensitively.
fn starts_with_ci(bytes: &[u8], pos: usize, prefix: &[u8]) -> bool {
    bytes
        .get(pos..pos.saturating_add(prefix.len()))
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
}

/// The WHATWG HTML "prescan a byte stream to determine its encoding"
/// algorithm over `head`: the first `<meta>` that declares a known charset
/// (outside comments, attribute values and other tags) gives the encoding.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0usize;
    while pos < head.len() {
        if starts_with_ci(head, pos, b"<!--") {
            // To the first "-->" whose dashes may be those of "<!--".
            let from = pos + 2;
            let end = head.get(from..)?.windows(3).position(|w| w == b"-->")?;
            pos = from + end + 3;
            continue;
        }
        if starts_with_ci(head, pos, b"<meta")
            && head.get(pos + 5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 5;
            let (found, next) = meta_charset(head, pos);
            if found.is_some() {
                return found;
            }
            pos = next;
            continue;
        }
        let letter_at = |i: usize| head.get(i).is_some_and(u8::is_ascii_alphabetic);
        let is_open = head.get(pos) == Some(&b'<');
        if is_open
            && (letter_at(pos + 1) || (head.get(pos + 1) == Some(&b'/') && letter_at(pos + 2)))
        {
            // Another tag: skip its name, then its attributes (a `>` inside
            // a quoted value does not end it).
            pos += 1;
            while head.get(pos).is_some_and(|&b| !is_space(b) && b != b'>') {
                pos += 1;
            }
            while let Some((_, _, next)) = attribute(head, pos) {
                pos = next;
            }
            pos += 1;
            continue;
        }
        if is_open && matches!(head.get(pos + 1), Some(b'!' | b'/' | b'?')) {
            let end = head.get(pos..)?.iter().position(|&b| b == b'>')?;
            pos += end + 1;
            continue;
        }
        pos += 1;
    }
    None
}

/// The attributes of one `<meta>` starting at `pos`: the charset it
/// declares, if any, and the position after what was read.
fn meta_charset(head: &[u8], mut pos: usize) -> (Option<&'static Encoding>, usize) {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let (mut got_pragma, mut need_pragma, mut charset) = (false, None::<bool>, None);
    while let Some((name, value, next)) = attribute(head, pos) {
        pos = next;
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(label) = charset_from_meta_content(&value) {
                    charset = Encoding::for_label(label);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let declared = match need_pragma {
        None => None,
        Some(true) if !got_pragma => None,
        Some(_) => charset.and_then(usable),
    };
    let declared = declared.map(|e| {
        if e == UTF_16LE || e == UTF_16BE {
            UTF_8
        } else if e == X_USER_DEFINED {
            WINDOWS_1252
        } else {
            e
        }
    });
    (declared, pos)
}

/// The WHATWG "get an attribute" step of the prescan: the lower-cased name
/// and value of the attribute at `pos`, and the position after it. `None`
/// at the end of the tag or of the bytes.
fn attribute(head: &[u8], mut pos: usize) -> Option<(Vec<u8>, Vec<u8>, usize)> {
    while head.get(pos).is_some_and(|&b| is_space(b) || b == b'/') {
        pos += 1;
    }
    if *head.get(pos)? == b'>' {
        return None;
    }
    let (mut name, mut value) = (Vec::new(), Vec::new());
    // The name.
    loop {
        let b = *head.get(pos)?;
        match b {
            b'=' if !name.is_empty() => {
                pos += 1;
                break;
            }
            b if is_space(b) => {
                while head.get(pos).is_some_and(|&b| is_space(b)) {
                    pos += 1;
                }
                if *head.get(pos)? != b'=' {
                    return Some((name, value, pos));
                }
                pos += 1;
                break;
            }
            b'/' | b'>' => return Some((name, value, pos)),
            b => name.push(b.to_ascii_lowercase()),
        }
        pos += 1;
    }
    // The value.
    while head.get(pos).is_some_and(|&b| is_space(b)) {
        pos += 1;
    }
    match *head.get(pos)? {
        quote @ (b'"' | b'\'') => loop {
            pos += 1;
            let b = *head.get(pos)?;
            if b == quote {
                return Some((name, value, pos + 1));
            }
            value.push(b.to_ascii_lowercase());
        },
        b'>' => Some((name, value, pos)),
        _ => loop {
            let b = *head.get(pos)?;
            if is_space(b) || b == b'>' {
                return Some((name, value, pos));
            }
            value.push(b.to_ascii_lowercase());
            pos += 1;
        },
    }
}

/// The WHATWG "extract a character encoding from a meta element" step: the
/// label after `charset=` in a `content` value, quoted or not.
fn charset_from_meta_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0usize;
    loop {
        let at = content
            .get(pos..)?
            .windows(7)
            .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        pos += at + 7;
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if content.get(pos) == Some(&b'=') {
            break;
        }
    }
    pos += 1;
    while content.get(pos).is_some_and(|&b| is_space(b)) {
        pos += 1;
    }
    let rest = content.get(pos..)?;
    match *rest.first()? {
        quote @ (b'"' | b'\'') => {
            let inner = rest.get(1..)?;
            let end = inner.iter().position(|&b| b == quote)?;
            inner.get(..end)
        }
        _ => {
            let end = rest
                .iter()
                .position(|&b| is_space(b) || b == b';')
                .unwrap_or(rest.len());
            rest.get(..end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{GBK, SHIFT_JIS, WINDOWS_1251};

    fn sniffed(bytes: &[u8], content_type: Option<&str>) -> (&'static str, Source) {
        let (e, s, _) = sniff(bytes, content_type);
        (e.name(), s)
    }

    #[test]
    fn bom_wins_over_labels() {
        let page = b"\xEF\xBB\xBF<meta charset=windows-1251><p>x";
        assert_eq!(
            sniffed(page, Some("text/html; charset=gbk")),
            ("UTF-8", Source::Bom)
        );
        assert!(decode(page, None).starts_with("<meta"), "BOM not stripped");
        assert_eq!(sniffed(b"\xFF\xFE<\0p\0", None), ("UTF-16LE", Source::Bom));
        assert_eq!(sniffed(b"\xFE\xFF\0<\0p", None), ("UTF-16BE", Source::Bom));
    }

    #[test]
    fn content_type_charset_is_parsed() {
        let c = charset_from_content_type;
        assert_eq!(c("text/html; charset=Shift_JIS"), Some(SHIFT_JIS));
        assert_eq!(c("text/html;charset=\"gb2312\""), Some(GBK));
        assert_eq!(
            c("text/html; q=1; CHARSET='cp1251' ; x=y"),
            Some(WINDOWS_1251)
        );
        assert_eq!(c("text/html"), None);
        assert_eq!(c("text/html; charset=no-such-thing"), None);
        assert_eq!(c("text/html; charset=iso-2022-kr"), None, "replacement");
        assert_eq!(c("charset=utf-8"), Some(UTF_8), "no MIME type before it");
        assert_eq!(c(""), None);
    }

    #[test]
    fn prescan_finds_both_meta_forms() {
        assert_eq!(
            prescan(b"<meta charset=\"koi8-r\">"),
            Encoding::for_label(b"koi8-r")
        );
        assert_eq!(
            prescan(
                b"<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=euc-kr'>"
            ),
            Encoding::for_label(b"euc-kr")
        );
        assert_eq!(
            prescan(b"<meta content=\"text/html; charset=shift_jis\" http-equiv=content-type>"),
            Some(SHIFT_JIS)
        );
        // `content` without the pragma declares nothing.
        assert_eq!(prescan(b"<meta content=\"text/html; charset=gbk\">"), None);
        // The first meta that declares wins; repeated attributes are ignored.
        assert_eq!(
            prescan(b"<meta charset=gbk charset=koi8-r><meta charset=windows-1251>"),
            Some(GBK)
        );
    }

    #[test]
    fn prescan_skips_comments_tags_and_values() {
        assert_eq!(prescan(b"<!-- <meta charset=gbk> --><p>"), None);
        assert_eq!(prescan(b"<!--><meta charset=gbk>"), Some(GBK));
        assert_eq!(prescan(b"<div title='<meta charset=gbk>'>"), None);
        assert_eq!(prescan(b"<!doctype html><meta/charset=gbk>"), Some(GBK));
        assert_eq!(
            prescan(b"<?xml version='1.0'?><meta charset=gbk>"),
            Some(GBK)
        );
        // UTF-16 in a meta means UTF-8; x-user-defined means windows-1252.
        assert_eq!(prescan(b"<meta charset=utf-16le>"), Some(UTF_8));
        assert_eq!(
            prescan(b"<meta charset=x-user-defined>"),
            Some(WINDOWS_1252)
        );
        assert_eq!(prescan(b"<meta charset=nonsense>"), None);
    }

    #[test]
    fn prescan_survives_truncation_anywhere() {
        let page: &[u8] = b"<!-- c --><div a='1' b=2 c><meta http-equiv=\"content-type\" content='text/html; charset=\"gbk\"'>";
        for end in 0..page.len() {
            let _ = prescan(page.get(..end).unwrap_or_default());
        }
        assert_eq!(prescan(page), Some(GBK));
    }

    #[test]
    fn meta_content_charset_extraction() {
        let f = charset_from_meta_content;
        assert_eq!(f(b"text/html; charset=utf-8"), Some(&b"utf-8"[..]));
        assert_eq!(f(b"text/html; charset = \"gbk\" "), Some(&b"gbk"[..]));
        assert_eq!(f(b"charsetcharset=koi8-r;x"), Some(&b"koi8-r"[..]));
        assert_eq!(f(b"text/html; charset=\"gbk"), None);
        assert_eq!(f(b"text/html; charset="), None);
        assert_eq!(f(b"text/html"), None);
    }

    #[test]
    fn header_beats_meta_and_meta_beats_detection() {
        let page = b"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert_eq!(
            sniffed(page, Some("text/html; charset=koi8-r")),
            ("KOI8-R", Source::ContentType)
        );
        assert_eq!(sniffed(page, None), ("windows-1251", Source::Meta));
        assert_eq!(
            sniffed(page, Some("text/html")),
            ("windows-1251", Source::Meta)
        );
    }

    #[test]
    fn utf8_content_overrules_a_legacy_label() {
        let page = "<meta charset=windows-1252><p>Crème brûlée</p>".as_bytes();
        assert_eq!(sniffed(page, None), ("UTF-8", Source::Utf8Content));
        assert_eq!(
            sniffed(page, Some("text/html; charset=iso-8859-1")),
            ("UTF-8", Source::Utf8Content)
        );
        // A UTF-16 label from the header is not overruled: UTF-16 is not
        // ASCII-compatible, so valid UTF-8 says nothing against it.
        assert_eq!(
            sniffed(page, Some("text/html; charset=utf-16be")),
            ("UTF-16BE", Source::ContentType)
        );
        // An ASCII page keeps its label.
        assert_eq!(
            sniffed(b"<meta charset=koi8-r><p>plain</p>", None),
            ("KOI8-R", Source::Meta)
        );
    }

    #[test]
    fn unlabelled_pages_are_utf8_or_detected() {
        assert_eq!(
            sniffed(b"<p>plain</p>", None),
            ("UTF-8", Source::Utf8Content)
        );
        assert_eq!(
            sniffed("<p>naïve café</p>".as_bytes(), None),
            ("UTF-8", Source::Utf8Content)
        );
        // One stray Latin-1 byte among many UTF-8 characters is still UTF-8.
        let mut mostly = "<p>".to_string() + &"é ü ß ".repeat(30);
        mostly.push_str("</p>");
        let mut bytes = mostly.into_bytes();
        bytes.splice(20..20, [0xE9, b' ']);
        assert_eq!(sniffed(&bytes, None), ("UTF-8", Source::Utf8Content));
        // Nor is one cut off by the end of the input.
        assert_eq!(
            sniffed(
                "<p>Zürich é"
                    .as_bytes()
                    .split_last()
                    .map_or(&[][..], |(_, b)| b),
                None
            ),
            ("UTF-8", Source::Utf8Content)
        );
        assert_eq!(utf8_sequences(b"\xC3\xBC \xE2\x82"), (1, 0));
        assert_eq!(utf8_sequences(b"\xC3\xBC \xE2\x82 "), (1, 1));
        // windows-1252 bytes are not UTF-8.
        let (e, s) = sniffed(
            b"<p>Cr\xe8me br\xfbl\xe9e, caf\xe9 na\xefve, \xe0 la carte</p>",
            None,
        );
        assert_eq!(s, Source::Detected);
        assert!(e == "windows-1252" || e == "ISO-8859-2", "{e}");
    }

    #[test]
    fn decoding_errors_become_replacement_characters() {
        let d = decode(
            b"<p>ok \xFF\xFE\xFD then more ok</p>",
            Some("text/html; charset=utf-8"),
        );
        assert!(d.contains("ok \u{FFFD}"), "{d}");
        assert!(d.contains("then more ok"));
        assert_eq!(decode(b"", None), "");
        // A UTF-16LE BOM, then half a code unit.
        assert_eq!(decode(b"\xFF\xFE\x00", None), "\u{FFFD}");
        assert_eq!(decode(b"\xFF\xFEh\x00i\x00", None), "hi");
    }
}
