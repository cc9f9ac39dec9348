//! Pages from WARC files (the format of Common Crawl and web archives),
//! behind the `warc` feature.
//!
//! [`WarcPages`] reads a `.warc` or `.warc.gz` file (gzip is recognised by
//! its magic bytes, one member per record or one for the whole file) with
//! the [`warc`](https://crates.io/crates/warc) crate, and yields the HTML
//! pages of its `response` records: the HTTP headers stripped, the body
//! de-chunked and decompressed when the crawler stored it so, with the HTTP
//! `Content-Type` (whose charset [`crate::Cleaner::clean_bytes`] uses) and
//! the record's target URI, date, id and HTTP status. WET files (Common
//! Crawl's extracted text) are read too: their `conversion` records of
//! `text/plain` come out as pages with [`WarcPage::plain_text`] set, for
//! [`crate::Cleaner::clean_text`]. Other records (`request`, `warcinfo`,
//! `metadata`, `revisit`...) and non-HTML responses (images, PDFs, scripts)
//! are skipped and counted in [`WarcStats`]. Every page is yielded whatever
//! its HTTP status: a caller that wants the `200 OK` pages alone (not the
//! "Moved here" of a redirect or a 404 page) checks [`WarcPage::status`].
//!
//! ```
//! # fn main() -> std::io::Result<()> {
//! // A one-record WARC, as a crawler would write it.
//! let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
//!     <html><body><p>The river rose by two metres overnight, and the town closed the old bridge until further notice.</p></body></html>";
//! let warc = format!(
//!     "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-03-05T09:00:00Z\r\n\
//!      WARC-Record-ID: <urn:uuid:5f6e1c2a-0000-4000-8000-000000000001>\r\n\
//!      WARC-Target-URI: https://example.com/river\r\n\
//!      Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
//!     http.len()
//! );
//! let mut pages = unboil::warc::WarcPages::new(std::io::Cursor::new(warc.into_bytes()))?;
//! let page = pages.next().expect("one page")?;
//! assert_eq!(page.target_uri.as_deref(), Some("https://example.com/river"));
//! let article = unboil::Cleaner::default().clean_bytes(&page.body, page.content_type.as_deref())
//!     .expect("a story");
//! assert!(article.text().starts_with("The river rose"));
//! assert_eq!(pages.stats().pages, 1);
//! # Ok(())
//! # }
//! ```

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use ::warc::{RawRecordHeader, WarcHeader, WarcReader};

use crate::patterns as p;

/// One HTML page from a WARC `response` record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct WarcPage {
    /// `WARC-Target-URI`: the URL the page was fetched from.
    pub target_uri: Option<String>,
    /// `WARC-Date`, as written (ISO 8601 / RFC 3339): when it was fetched.
    pub date: Option<String>,
    /// `WARC-Record-ID`.
    pub record_id: Option<String>,
    /// The HTTP status code (200, 404...); `None` for a WET `conversion`
    /// record, which has no HTTP response.
    pub status: Option<u16>,
    /// True for a WET `conversion` record: the body is the page as plain
    /// text (UTF-8), for [`crate::Cleaner::clean_text`], not HTML.
    pub plain_text: bool,
    /// The HTTP `Content-Type` header value (e.g. `text/html;
    /// charset=gbk`), for [`crate::Cleaner::clean_bytes`].
    pub content_type: Option<String>,
    /// The HTTP body: the page's bytes, in its own encoding.
    pub body: Vec<u8>,
}

/// What a [`WarcPages`] read so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct WarcStats {
    /// WARC records read, of any type.
    pub records: u64,
    /// Records that are not `response` records (`warcinfo`, `request`,
    /// `metadata`, `revisit`...), skipped.
    pub not_response: u64,
    /// `response` records whose payload is not HTML (images, PDFs, CSS,
    /// JSON...), or not an HTTP response at all, skipped.
    pub not_html: u64,
    /// Pages yielded: HTML responses, and the plain-text `conversion`
    /// records of a WET file.
    pub pages: u64,
}

/// The HTML pages of a WARC file, in file order: an iterator of
/// [`WarcPage`]s. Reading stops at the first malformed record (reported
/// as an [`io::Error`] of kind `InvalidData`), since the records after it
/// cannot be found reliably.
pub struct WarcPages {
    records: ::warc::RawRecordIter<Box<dyn BufRead + Send>>,
    stats: WarcStats,
    failed: bool,
}

impl std::fmt::Debug for WarcPages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WarcPages")
            .field("stats", &self.stats)
            .finish_non_exhaustive()
    }
}

/// The gzip magic bytes.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

impl WarcPages {
    /// Opens a `.warc` or `.warc.gz` file (`-` for standard input).
    ///
    /// # Errors
    /// When the file cannot be opened or its first bytes read.
    pub fn open(path: impl AsRef<Path>) -> io::Result<WarcPages> {
        let path = path.as_ref();
        if path.as_os_str() == "-" {
            return WarcPages::new(io::stdin());
        }
        WarcPages::new(std::fs::File::open(path)?)
    }

    /// Reads WARC records from `reader`, gzip-compressed or not.
    ///
    /// # Errors
    /// When the first bytes cannot be read.
    pub fn new<R: Read + Send + 'static>(reader: R) -> io::Result<WarcPages> {
        let mut reader = BufReader::with_capacity(p::WARC_BUFFER_BYTES, reader);
        let gzip = reader.fill_buf()?.starts_with(&GZIP_MAGIC);
        let reader: Box<dyn BufRead + Send> = if gzip {
            // Multi-member: Common Crawl compresses each record on its own.
            Box::new(BufReader::with_capacity(
                p::WARC_BUFFER_BYTES,
                flate2::bufread::MultiGzDecoder::new(reader),
            ))
        } else {
            Box::new(reader)
        };
        Ok(WarcPages {
            records: WarcReader::new(reader).iter_raw_records(),
            stats: WarcStats::default(),
            failed: false,
        })
    }

    /// Records read, pages yielded and records skipped so far.
    pub fn stats(&self) -> WarcStats {
        self.stats
    }
}

impl Iterator for WarcPages {
    type Item = io::Result<WarcPage>;

    fn next(&mut self) -> Option<io::Result<WarcPage>> {
        if self.failed {
            return None;
        }
        loop {
            let (header, block) = match self.records.next()? {
                Ok(record) => record,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("malformed WARC record: {e}"),
                    )));
                }
            };
            self.stats.records += 1;
            let kind = header_str(&header, &WarcHeader::WarcType).unwrap_or_default();
            let page = if kind.eq_ignore_ascii_case("response") {
                html_page(&header, block)
            } else if kind.eq_ignore_ascii_case("conversion") {
                text_page(&header, block)
            } else {
                self.stats.not_response += 1;
                continue;
            };
            match page {
                Some(page) => {
                    self.stats.pages += 1;
                    return Some(Ok(page));
                }
                None => self.stats.not_html += 1,
            }
        }
    }
}

/// The page of a WET `conversion` record, when its block is plain text.
fn text_page(header: &RawRecordHeader, block: Vec<u8>) -> Option<WarcPage> {
    let content_type = header_str(header, &WarcHeader::ContentType);
    let mime = content_type.as_deref().and_then(|t| t.split(';').next());
    if !mime.is_some_and(|m| m.trim().eq_ignore_ascii_case("text/plain")) {
        return None;
    }
    Some(WarcPage {
        target_uri: header_str(header, &WarcHeader::TargetURI),
        date: header_str(header, &WarcHeader::Date),
        record_id: header_str(header, &WarcHeader::RecordID),
        status: None,
        plain_text: true,
        content_type,
        body: block,
    })
}

/// A WARC header's value as text.
fn header_str(header: &RawRecordHeader, name: &WarcHeader) -> Option<String> {
    header
        .headers
        .get(name)
        .map(|v| String::from_utf8_lossy(v).trim().to_string())
}

/// The page of a `response` record's block (an HTTP response), when it is
/// HTML.
fn html_page(header: &RawRecordHeader, block: Vec<u8>) -> Option<WarcPage> {
    let http = Http::parse(&block)?;
    let html = match &http.content_type {
        Some(ct) => is_html_type(ct),
        // No Content-Type: look at the payload.
        None => looks_like_html(block.get(http.body_start..).unwrap_or_default()),
    };
    if !html {
        return None;
    }
    let mut body = block;
    body.drain(..http.body_start.min(body.len()));
    if http.chunked {
        if let Some(joined) = dechunk(&body) {
            body = joined;
        }
    }
    if let Some(encoding) = &http.content_encoding {
        if let Some(decoded) = decompress(&body, encoding) {
            body = decoded;
        }
    }
    Some(WarcPage {
        target_uri: header_str(header, &WarcHeader::TargetURI),
        date: header_str(header, &WarcHeader::Date),
        record_id: header_str(header, &WarcHeader::RecordID),
        status: http.status,
        plain_text: false,
        content_type: http.content_type,
        body,
    })
}

/// The parts of an HTTP response head that matter here.
#[derive(Debug, Default)]
struct Http {
    status: Option<u16>,
    content_type: Option<String>,
    content_encoding: Option<String>,
    chunked: bool,
    /// Offset of the body in the block.
    body_start: usize,
}

impl Http {
    /// Reads the status line and headers, leniently (crawled servers send
    /// bare `\n` line ends, spaces before colons, folded lines). `None` when
    /// the block does not start like an HTTP response.
    fn parse(block: &[u8]) -> Option<Http> {
        if !block.starts_with(b"HTTP/") {
            return None;
        }
        let search = block.get(..block.len().min(p::MAX_HTTP_HEAD))?;
        let (head_end, body_start) = match memchr::memmem::find(search, b"\r\n\r\n") {
            Some(i) => (i, i + 4),
            None => {
                let i = memchr::memmem::find(search, b"\n\n")?;
                (i, i + 2)
            }
        };
        let head = String::from_utf8_lossy(block.get(..head_end)?);
        let mut lines = head.lines();
        let status = lines
            .next()?
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok());
        let mut http = Http {
            status,
            body_start,
            ..Http::default()
        };
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let (name, value) = (name.trim(), value.trim());
            if name.eq_ignore_ascii_case("content-type") {
                http.content_type.get_or_insert_with(|| value.to_string());
            } else if name.eq_ignore_ascii_case("content-encoding") {
                http.content_encoding = Some(value.to_ascii_lowercase());
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                http.chunked = value.to_ascii_lowercase().contains("chunked");
            }
        }
        Some(http)
    }
}

/// `text/html` and `application/xhtml+xml`, with or without parameters.
fn is_html_type(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or("").trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

/// A payload without a Content-Type is HTML when it opens with a doctype
/// or an `<html>` tag early on.
fn looks_like_html(payload: &[u8]) -> bool {
    let start = String::from_utf8_lossy(payload.get(..p::WARC_SNIFF_BYTES).unwrap_or(payload))
        .to_ascii_lowercase();
    start.contains("<!doctype html") || start.contains("<html")
}

/// Joins an HTTP/1.1 chunked body; `None` when it is not well formed (then
/// the body is used as stored).
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let line_end = memchr::memchr(b'\n', rest)?;
        let line = String::from_utf8_lossy(rest.get(..line_end)?);
        let size_hex = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        rest = rest.get(line_end + 1..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// Undoes a `Content-Encoding` of gzip, deflate, brotli or zstd; `None`
/// for other encodings or a corrupt stream (then the body is used as
/// stored: many crawlers store it decoded and keep the header).
/// The body is decoded to [`p::WARC_MAX_DECODED_BYTES`] at most.
fn decompress(body: &[u8], encoding: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len().saturating_mul(p::INFLATE_CAPACITY_FACTOR));
    let cap = p::WARC_MAX_DECODED_BYTES;
    let mut read_all = |reader: &mut dyn Read| reader.take(cap).read_to_end(&mut out);
    let read = match encoding {
        "gzip" | "x-gzip" if body.starts_with(&GZIP_MAGIC) => {
            read_all(&mut flate2::read::MultiGzDecoder::new(body))
        }
        "deflate" => {
            // Servers send zlib-wrapped or raw deflate under this name.
            let zlib = read_all(&mut flate2::read::ZlibDecoder::new(body));
            if zlib.is_err() {
                out.clear();
                flate2::read::DeflateDecoder::new(body)
                    .take(cap)
                    .read_to_end(&mut out)
            } else {
                zlib
            }
        }
        "br" => read_all(&mut brotli_decompressor::Decompressor::new(
            body,
            p::WARC_BUFFER_BYTES,
        )),
        "zstd" => zstd::stream::read::Decoder::new(body).and_then(|mut d| read_all(&mut d)),
        _ => return None,
    };
    read.ok().map(|_| out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_head_is_read_leniently() {
        let block = b"HTTP/1.1 404 Not Found\nServer: x\ncontent-type : text/html; charset=gbk\nTransfer-Encoding: chunked\n\nbody";
        let http = Http::parse(block).unwrap();
        assert_eq!(http.status, Some(404));
        assert_eq!(http.content_type.as_deref(), Some("text/html; charset=gbk"));
        assert!(http.chunked);
        assert_eq!(&block[http.body_start..], b"body");
        assert!(Http::parse(b"GET / HTTP/1.1\r\n\r\n").is_none());
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello, world"[..])
        );
        assert_eq!(dechunk(b"<html>not chunked</html>"), None);
    }

    #[test]
    fn wet_records_are_plain_text_pages() {
        let header = |content_type: &str| {
            let mut h = RawRecordHeader {
                version: "1.0".to_string(),
                headers: Default::default(),
            };
            h.headers
                .insert(WarcHeader::ContentType, content_type.as_bytes().to_vec());
            h.headers
                .insert(WarcHeader::TargetURI, b"https://x.example/".to_vec());
            h
        };
        let page = text_page(&header("text/plain"), b"Some text.".to_vec()).unwrap();
        assert!(page.plain_text && page.status.is_none());
        assert_eq!(page.target_uri.as_deref(), Some("https://x.example/"));
        assert_eq!(page.body, b"Some text.");
        assert!(text_page(&header("application/pdf"), b"%PDF".to_vec()).is_none());
    }

    #[test]
    fn a_body_cut_at_the_decoding_cap_is_still_too_large() {
        let default = crate::options::DEFAULT_MAX_INPUT_BYTES as u64;
        assert!(p::WARC_MAX_DECODED_BYTES > default);
    }

    #[test]
    fn html_types() {
        assert!(is_html_type("text/html"));
        assert!(is_html_type("Text/HTML; charset=UTF-8"));
        assert!(is_html_type("application/xhtml+xml"));
        assert!(!is_html_type("image/png"));
        assert!(!is_html_type("text/plain"));
        assert!(looks_like_html(b"\n<!DOCTYPE html><p>x"));
        assert!(!looks_like_html(b"\x89PNG"));
    }
}
