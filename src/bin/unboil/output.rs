//! Writing the output: each cleaned input as text, Markdown or HTML (with a
//! `==> PATH <==` header when there are several), or as a JSON record
//! (`json`, `jsonl`); failures on stderr; and the progress bar.
//!
//! Outcomes arrive in input order, one at a time, as the pages are cleaned;
//! everything but `json` is written at once, so that memory stays bounded
//! and `unboil ... | head` stops early.

use std::io::{self, BufWriter, IsTerminal, Write};

use serde::Serialize;
use unboil::{Article, Block, BlockTrace, DateTime};

use crate::args::Format;

/// What cleaning one input gave.
pub struct Outcome {
    /// The input's name (see `Input::source` and `inputs::warc_source`).
    pub source: String,
    /// The article, or why the input could not be read or cleaned.
    pub result: Result<Article, String>,
    /// The time spent decoding and cleaning (not reading), in seconds.
    pub seconds: f64,
}

/// One input as JSON, for both `json` and `jsonl`.
#[derive(Serialize)]
struct Record<'a> {
    source: &'a str,
    title: Option<&'a str>,
    /// The first author (see `authors` for all).
    author: Option<&'a str>,
    authors: &'a [String],
    /// The publication date, ISO 8601.
    date: Option<&'a DateTime>,
    modified: Option<&'a DateTime>,
    site_name: Option<&'a str>,
    language: Option<&'a str>,
    description: Option<&'a str>,
    url: Option<&'a str>,
    image: Option<&'a str>,
    categories: &'a [String],
    tags: &'a [String],
    page_type: Option<&'a str>,
    text: String,
    blocks: &'a [Block],
    /// The reader comments (with `--comments`).
    comments: &'a [Block],
    error: Option<&'a str>,
    seconds: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a [BlockTrace]>,
}

impl<'a> Record<'a> {
    fn new(outcome: &'a Outcome) -> Self {
        let (article, error) = match &outcome.result {
            Ok(article) => (Some(article), None),
            Err(error) => (None, Some(error.as_str())),
        };
        Record {
            source: &outcome.source,
            title: article.and_then(|a| a.title.as_deref()),
            author: article.and_then(|a| a.authors.first()).map(String::as_str),
            authors: article.map_or(&[], |a| &a.authors),
            date: article.and_then(|a| a.published.as_ref()),
            modified: article.and_then(|a| a.modified.as_ref()),
            site_name: article.and_then(|a| a.site_name.as_deref()),
            language: article.and_then(|a| a.language.as_deref()),
            description: article.and_then(|a| a.description.as_deref()),
            url: article.and_then(|a| a.url.as_deref()),
            image: article.and_then(|a| a.image.as_deref()),
            categories: article.map_or(&[], |a| &a.categories),
            tags: article.map_or(&[], |a| &a.tags),
            page_type: article.and_then(|a| a.page_type.as_deref()),
            text: article.map(Article::text).unwrap_or_default(),
            blocks: article.map_or(&[], |a| &a.blocks),
            comments: article.map_or(&[], |a| &a.comments),
            error,
            seconds: outcome.seconds,
            explanation: article.and_then(Article::explanation),
        }
    }
}

/// The record's URI and date, for the JSON of a WARC page.
#[derive(Default, Serialize)]
pub struct WarcInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_date: Option<String>,
}

/// A JSON record, with the WARC fields when the page came from a WARC file.
#[derive(Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    record: Record<'a>,
    #[serde(flatten)]
    warc: Option<&'a WarcInfo>,
}

impl<'a> Line<'a> {
    fn new(outcome: &'a Outcome, warc: Option<&'a WarcInfo>) -> Self {
        Line {
            record: Record::new(outcome),
            warc,
        }
    }
}

/// Writes outcomes as they come, in input order (for `json`, at the end),
/// and reports failures on stderr.
pub struct Writer {
    out: BufWriter<io::StdoutLock<'static>>,
    format: Format,
    progress: Progress,
    all_ok: bool,
    /// The outcomes of a `json` run, written by [`Writer::finish`].
    kept: Vec<(Outcome, Option<WarcInfo>)>,
    /// The first write error; nothing is written after it.
    error: Option<io::Error>,
}

impl Writer {
    pub fn new(format: Format, progress: Progress) -> Writer {
        Writer {
            out: BufWriter::new(io::stdout().lock()),
            format,
            progress,
            all_ok: true,
            kept: Vec::new(),
            error: None,
        }
    }

    /// Writes one outcome; false once the output cannot be written, so that
    /// the caller stops reading inputs. `index` (the input's position) asks
    /// for a `==> PATH <==` header in the text formats.
    pub fn write(
        &mut self,
        outcome: Outcome,
        warc: Option<WarcInfo>,
        index: Option<usize>,
    ) -> bool {
        self.progress.inc();
        // Failures are reported even after the output is gone: they are
        // what the exit code will be about.
        if let Err(error) = &outcome.result {
            self.report(&format!("unboil: {}: {error}", outcome.source));
            self.all_ok = false;
        }
        if self.error.is_some() {
            return false;
        }
        let written = match self.format {
            Format::Text | Format::Markdown | Format::Html => {
                write_text(&mut self.out, &outcome, index, self.format)
            }
            Format::Jsonl => write_line(&mut self.out, &Line::new(&outcome, warc.as_ref())),
            // One pretty document: nothing can be written before the end.
            Format::Json => {
                self.kept.push((outcome, warc));
                Ok(())
            }
        };
        if let Err(e) = written {
            self.error = Some(e);
            return false;
        }
        true
    }

    /// Writes the `json` array (or object, for one input) and flushes;
    /// `Ok(false)` when an input failed. `several` asks for an array even
    /// when there is one record (a WARC file that held one page), so that
    /// the output's shape depends on the command line, not on the data.
    pub fn finish(mut self, several: bool) -> io::Result<bool> {
        self.progress.finish();
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.format == Format::Json {
            write_json(&mut self.out, &self.kept, several)?;
        }
        self.out.flush()?;
        Ok(self.all_ok)
    }

    /// Prints `message` on stderr, with the progress bar out of its way.
    pub fn report(&self, message: &str) {
        self.progress.suspend(|| eprintln!("{message}"));
    }
}

/// Writes one `jsonl` line.
fn write_line(out: &mut impl Write, line: &Line) -> io::Result<()> {
    serde_json::to_writer(&mut *out, line)?;
    writeln!(out)
}

/// Writes the `json` document: the one record alone when the run had one
/// input, else an array of them all.
fn write_json(
    out: &mut impl Write,
    kept: &[(Outcome, Option<WarcInfo>)],
    several: bool,
) -> io::Result<()> {
    let lines: Vec<Line> = kept
        .iter()
        .map(|(outcome, warc)| Line::new(outcome, warc.as_ref()))
        .collect();
    match lines.as_slice() {
        [one] if !several => serde_json::to_writer_pretty(&mut *out, one)?,
        all => serde_json::to_writer_pretty(&mut *out, all)?,
    }
    writeln!(out)
}

/// A progress bar on stderr, when it is a terminal and there is more than
/// one input (never in pipelines and logs, where it would be noise).
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// `total`: the number of inputs, when known (a WARC file's is not: a
    /// spinner then counts the pages).
    pub fn new(several: bool, total: Option<usize>) -> Progress {
        if !several || !io::stderr().is_terminal() {
            return Progress(None);
        }
        let (bar, template) = match total {
            Some(n) => (
                indicatif::ProgressBar::new(n as u64),
                "{elapsed_precise} [{wide_bar}] {pos}/{len} pages, {rate} pages/s, eta {eta}",
            ),
            None => (
                indicatif::ProgressBar::new_spinner(),
                "{spinner} {elapsed_precise} {pos} pages, {rate} pages/s",
            ),
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style.with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}", state.per_sec());
                },
            ));
        }
        Progress(Some(bar))
    }

    fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Runs `f` (which writes to stderr) with the bar hidden.
    fn suspend(&self, f: impl FnOnce()) {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// Writes one outcome as text, Markdown or HTML: a `==> PATH <==` header
/// when `index` is given (several inputs), the article, then (for text) the
/// trace if there is one. Failed inputs write nothing here; their error
/// went to stderr.
fn write_text(
    out: &mut impl Write,
    outcome: &Outcome,
    index: Option<usize>,
    format: Format,
) -> io::Result<()> {
    let Ok(article) = &outcome.result else {
        return Ok(());
    };
    if let Some(i) = index {
        let gap = if i == 0 { "" } else { "\n" };
        writeln!(out, "{gap}==> {} <==", outcome.source)?;
    }
    let text = match format {
        Format::Markdown => article.to_markdown(),
        Format::Html => article.to_html(),
        _ => article.text(),
    };
    let text = text.trim_end_matches('\n');
    if !text.is_empty() {
        writeln!(out, "{text}")?;
    }
    if let Some(traces) = article.explanation().filter(|_| format == Format::Text) {
        writeln!(out)?;
        for trace in traces {
            writeln!(out, "{trace}")?;
        }
    }
    Ok(())
}
