//! `unboil`: strips boilerplate from web pages on the command line.
//!
//! ```text
//! unboil [OPTIONS] [PATH]...
//! ```
//!
//! Each PATH is an HTML file, a directory (searched recursively for `*.html`
//! and `*.htm`, in sorted order) or `-` for standard input; no PATH at all
//! reads standard input. Output is the article text (`--format text`, the
//! default), Markdown (`markdown`: CommonMark with GitHub's tables), clean
//! HTML (`html`), pretty JSON (`json`: an object for one input, an array
//! for several) or one JSON object per input and line (`jsonl`, what
//! `../shared/eval/score.py` reads). `--no-tables`, `--images`, `--links`
//! and `--comments` choose what the story keeps (see `unboil::Options`).
//!
//! Files are read as bytes and decoded from their own encoding (a byte
//! order mark, a `<meta charset>`, else detection), so pages saved in
//! GBK, Shift_JIS or windows-1251 come out right.
//!
//! A bad input is reported (on stderr, and in the `error` field of JSON
//! records) and the run goes on; the exit code is 1 when any input failed,
//! 2 on a usage error.
//!
//! Pages are cleaned on all cores (`--jobs N` to choose), in bounded memory,
//! and written in input order; `--files-from FILE` (or `-`) reads more paths
//! from a list. A progress bar goes to stderr when it is a terminal and
//! there is more than one input. `--warc FILE.warc[.gz]` cleans the HTML
//! responses of a WARC file instead (the charset of each response's HTTP
//! `Content-Type` is used); JSON records then carry `target_uri` and
//! `warc_date`, and a summary of the records read and skipped goes to
//! stderr.

use std::cell::Cell;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use serde::Serialize;
use unboil::warc::{WarcPage, WarcPages};
use unboil::{Article, Block, BlockTrace, Cleaner, DateTime};

use args::{Args, Format};
use inputs::Input;

mod args;
mod inputs;

/// What cleaning one input gave.
struct Outcome {
    source: String,
    result: Result<Article, String>,
    seconds: f64,
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

fn main() -> ExitCode {
    let args = Args::parse();
    let done = if let Some(warc) = &args.warc {
        run_warc(&args, warc)
    } else {
        match inputs::gather(&args.paths, args.files_from.as_deref()) {
            Ok(inputs) => run(&args, &inputs),
            Err(e) => {
                eprintln!("unboil: {e}");
                return ExitCode::from(2);
            }
        }
    };
    match done {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // `unboil ... | head` is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unboil: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Cleans every input and writes the output; `Ok(false)` when an input failed.
fn run(args: &Args, inputs: &[Input]) -> io::Result<bool> {
    let cleaner = args.cleaner();
    let several = inputs.len() > 1;
    let mut writer = Writer::new(args.format, Progress::new(several, Some(inputs.len())));
    // Stops reading inputs once the output is gone (`unboil ... | head`).
    let stop = Cell::new(false);
    cleaner.clean_stream(
        args.jobs(),
        inputs.iter().enumerate().take_while(|_| !stop.get()),
        |cleaner, (i, input)| (i, clean(cleaner, input)),
        |(i, outcome)| {
            if !writer.write(outcome, None, several.then_some(i)) {
                stop.set(true);
            }
        },
    );
    writer.finish(several)
}

/// The record's URI and date, for the JSON of a WARC page.
#[derive(Default, Serialize)]
struct WarcInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    target_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warc_date: Option<String>,
}

/// A JSON record, with the WARC fields when the page came from a WARC file.
#[derive(Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    record: Record<'a>,
    #[serde(flatten)]
    warc: Option<&'a WarcInfo>,
}

/// Writes outcomes as they come, in input order (for `json`, at the end),
/// and reports failures on stderr.
struct Writer {
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
    fn new(format: Format, progress: Progress) -> Writer {
        Writer {
            out: BufWriter::new(io::stdout().lock()),
            format,
            progress,
            all_ok: true,
            kept: Vec::new(),
            error: None,
        }
    }

    /// Writes one outcome; false once the output cannot be written.
    fn write(&mut self, outcome: Outcome, warc: Option<WarcInfo>, index: Option<usize>) -> bool {
        self.progress.inc();
        if let Err(error) = &outcome.result {
            self.progress
                .suspend(|| eprintln!("unboil: {}: {error}", outcome.source));
            self.all_ok = false;
        }
        if self.error.is_some() {
            return false;
        }
        let written = match self.format {
            Format::Text | Format::Markdown | Format::Html => {
                write_text(&mut self.out, &outcome, index, self.format)
            }
            Format::Jsonl => {
                let line = Line {
                    record: Record::new(&outcome),
                    warc: warc.as_ref(),
                };
                serde_json::to_writer(&mut self.out, &line)
                    .map_err(io::Error::from)
                    .and_then(|()| writeln!(self.out))
            }
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
    /// `Ok(false)` when an input failed.
    fn finish(mut self, several: bool) -> io::Result<bool> {
        self.progress.finish();
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.format == Format::Json {
            let lines: Vec<Line> = self
                .kept
                .iter()
                .map(|(outcome, warc)| Line {
                    record: Record::new(outcome),
                    warc: warc.as_ref(),
                })
                .collect();
            match lines.as_slice() {
                [one] if !several => serde_json::to_writer_pretty(&mut self.out, one)?,
                all => serde_json::to_writer_pretty(&mut self.out, all)?,
            }
            writeln!(self.out)?;
        }
        self.out.flush()?;
        Ok(self.all_ok)
    }
}

/// A progress bar on stderr, when it is a terminal and there is more than
/// one input.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// `total`: the number of inputs, when known.
    fn new(several: bool, total: Option<usize>) -> Progress {
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

/// Cleans the HTML responses of a WARC file; `Ok(false)` when a page
/// failed or the file could not be read to its end.
fn run_warc(args: &Args, path: &Path) -> io::Result<bool> {
    let name = path.display().to_string();
    let mut pages = match WarcPages::open(path) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("unboil: {name}: cannot read: {e}");
            return Ok(false);
        }
    };
    let cleaner = args.cleaner();
    let mut writer = Writer::new(args.format, Progress::new(true, None));
    let stop = Cell::new(false);
    let (mut cleaned, mut failed) = (0u64, 0u64);
    let start = Instant::now();
    cleaner.clean_stream(
        args.jobs(),
        pages.by_ref().enumerate().take_while(|_| !stop.get()),
        |cleaner, (i, page)| (i, clean_warc_page(cleaner, &name, i, page)),
        |(i, (outcome, warc))| {
            if outcome.result.is_ok() {
                cleaned += 1;
            } else {
                failed += 1;
            }
            if !writer.write(outcome, Some(warc), Some(i)) {
                stop.set(true);
            }
        },
    );
    let seconds = start.elapsed().as_secs_f64();
    let stats = pages.stats();
    writer.progress.suspend(|| {
        eprintln!(
            "unboil: {name}: {} records in {seconds:.2} s ({:.0} records/s, {:.1} pages/s): \
             {} pages ({cleaned} cleaned, {failed} failed); skipped {} non-HTML responses \
             and {} other records",
            stats.records,
            stats.records as f64 / seconds.max(1e-9),
            stats.pages as f64 / seconds.max(1e-9),
            stats.pages,
            stats.not_html,
            stats.not_response,
        );
    });
    writer.finish(true)
}

/// Cleans one WARC page (bytes and HTTP charset), timing it; the source is
/// the record's target URI (else its id, else FILE#N).
fn clean_warc_page(
    cleaner: &Cleaner,
    name: &str,
    index: usize,
    page: io::Result<WarcPage>,
) -> (Outcome, WarcInfo) {
    let page = match page {
        Ok(page) => page,
        Err(e) => {
            let outcome = Outcome {
                source: name.to_string(),
                result: Err(e.to_string()),
                seconds: 0.0,
            };
            return (outcome, WarcInfo::default());
        }
    };
    let start = Instant::now();
    let result = cleaner
        .clean_bytes(&page.body, page.content_type.as_deref())
        .map_err(|e| e.to_string());
    let seconds = start.elapsed().as_secs_f64();
    let source = inputs::warc_source(&page, name, index);
    let warc = WarcInfo {
        target_uri: page.target_uri,
        warc_date: page.date,
    };
    let outcome = Outcome {
        source,
        result,
        seconds,
    };
    (outcome, warc)
}

/// Reads, decodes and cleans one input, timing the decoding and extraction.
fn clean(cleaner: &Cleaner, input: &Input) -> Outcome {
    let source = input.source();
    let bytes = match input.read() {
        Ok(bytes) => bytes,
        Err(error) => {
            let result = Err(error);
            return Outcome {
                source,
                result,
                seconds: 0.0,
            };
        }
    };
    let start = Instant::now();
    // Bytes in: the page's encoding comes from its BOM, its <meta charset>
    // or detection (files carry no Content-Type header).
    let result = cleaner.clean_bytes(&bytes, None).map_err(|e| e.to_string());
    let seconds = start.elapsed().as_secs_f64();
    Outcome {
        source,
        result,
        seconds,
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
