//! Input checks before any stage runs: binary sniffing and charset
//! decoding (`checks`, `decode`).

/// Input sniffing: characters sampled to tell text from binary junk.
pub(crate) const BINARY_SAMPLE_CHARS: usize = 4096;
/// More control characters than this share of the sample means binary input
/// (real pages have none besides tab/newline; a stray NUL is tolerated).
pub(crate) const BINARY_CONTROL_SHARE: f32 = 0.10;
/// Control characters that text has (line ends, tab, form feed): not
/// counted against [`BINARY_CONTROL_SHARE`].
pub(crate) const TEXT_CONTROLS: &[char] = &['\n', '\r', '\t', '\u{c}'];

/// First bytes of binary formats that crawls and folders of pages hold
/// beside HTML, with the name the error gives. A PDF is mostly ASCII
/// (its streams are compressed, but its object syntax is text), so the
/// control-character share alone lets it through as 265 blocks of
/// `endstream endobj`: the magic bytes catch it and the others for sure.
pub(crate) const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x7fELF", "ELF"),
    (b"%!PS", "PostScript"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office"),
];

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

/// A WARC payload with no `Content-Type` is sniffed for a doctype or an
/// `<html>` tag in this many bytes: pages open with them, and a binary
/// payload (an image, a PDF) is not read further.
#[cfg(feature = "warc")]
pub(crate) const WARC_SNIFF_BYTES: usize = 1024;
