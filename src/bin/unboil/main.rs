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
//! stderr. `--input-format jsonl` reads pages as JSON Lines on standard
//! input instead, one `{"url", "html"}` object per line (for `rdd.pipe()`
//! and shell pipelines): each cleaned with its URL as base URL, named by
//! it, in input order; a line that is not such a record is reported and
//! the run goes on.

// The parts, in the order a page goes through them: `args` (what the user
// asked for), `inputs` (where pages come from), cleaning (here, a call to
// the library), `output` (what is written). This file wires them together
// and turns the result into the exit code.

use std::cell::Cell;
use std::io;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use unboil::Cleaner;
use unboil::warc::{WarcPage, WarcPages, WarcStats};

use args::{Args, InputFormat};
use inputs::Input;
use output::{Outcome, Progress, WarcInfo, Writer};

mod args;
mod inputs;
mod output;

fn main() -> ExitCode {
    let args = Args::parse();
    let done = if let Some(warc) = &args.warc {
        run_warc(&args, warc)
    } else if args.input_format == InputFormat::Jsonl {
        run_jsonl(&args)
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
    // A WARC file's page count is unknown until its end: a spinner, and
    // always a `==> URI <==` header.
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
    writer.report(&warc_summary(
        &name,
        &pages.stats(),
        seconds,
        cleaned,
        failed,
    ));
    writer.finish(true)
}

/// Cleans the pages of JSON Lines on standard input (`--input-format
/// jsonl`), each with its own URL; `Ok(false)` when a line was not a page
/// or a page failed.
fn run_jsonl(args: &Args) -> io::Result<bool> {
    let cleaner = args.cleaner();
    let mut writer = Writer::new(args.format, Progress::new(true, None));
    let stop = Cell::new(false);
    let pages = inputs::jsonl_pages(io::stdin().lock());
    cleaner.clean_stream(
        args.jobs(),
        pages.enumerate().take_while(|_| !stop.get()),
        |cleaner, (i, (line, page))| (i, clean_json_page(cleaner, line, page)),
        |(index, outcome)| {
            if !writer.write(outcome, None, Some(index)) {
                stop.set(true);
            }
        },
    );
    writer.finish(true)
}

/// Cleans one page of `--input-format jsonl` with its URL as the base
/// URL; its name is the URL, else `-#LINE`.
fn clean_json_page(
    cleaner: &Cleaner,
    line: usize,
    page: Result<inputs::JsonPage, String>,
) -> Outcome {
    let page = match page {
        Ok(page) => page,
        Err(e) => return unread(format!("-#{line}"), e),
    };
    let source = page.url.clone().unwrap_or_else(|| format!("-#{line}"));
    let with_url;
    let cleaner = match page.url {
        Some(url) => {
            with_url = Cleaner::new(cleaner.options().clone().base_url(url));
            &with_url
        }
        None => cleaner,
    };
    let start = Instant::now();
    let result = cleaner.clean(&page.html).map_err(|e| e.to_string());
    let seconds = start.elapsed().as_secs_f64();
    Outcome {
        source,
        result,
        seconds,
    }
}

/// The line on stderr after a WARC run: how much was read, how fast, and
/// what was skipped, so that a crawl's yield can be judged.
fn warc_summary(name: &str, stats: &WarcStats, seconds: f64, cleaned: u64, failed: u64) -> String {
    format!(
        "unboil: {name}: {} records in {seconds:.2} s ({:.0} records/s, {:.1} pages/s): \
         {} pages ({cleaned} cleaned, {failed} failed); skipped {} non-HTML responses \
         and {} other records",
        stats.records,
        stats.records as f64 / seconds.max(1e-9),
        stats.pages as f64 / seconds.max(1e-9),
        stats.pages,
        stats.not_html,
        stats.not_response,
    )
}

/// Reads, decodes and cleans one input.
fn clean(cleaner: &Cleaner, input: &Input) -> Outcome {
    let source = input.source();
    match input.read() {
        // Files carry no Content-Type header: the page's encoding comes from
        // its BOM, its <meta charset> or detection.
        Ok(bytes) => clean_timed(cleaner, source, &bytes, None),
        Err(error) => unread(source, error),
    }
}

/// Cleans one WARC page, decoded with the charset of its HTTP
/// `Content-Type`; the WARC fields go with it into the JSON records.
fn clean_warc_page(
    cleaner: &Cleaner,
    name: &str,
    index: usize,
    page: io::Result<WarcPage>,
) -> (Outcome, WarcInfo) {
    let page = match page {
        Ok(page) => page,
        // A broken record: the file's name is all there is to show.
        Err(e) => return (unread(name.to_string(), e.to_string()), WarcInfo::default()),
    };
    let source = inputs::warc_source(&page, name, index);
    let outcome = clean_timed(cleaner, source, &page.body, page.content_type.as_deref());
    let warc = WarcInfo {
        target_uri: page.target_uri,
        warc_date: page.date,
    };
    (outcome, warc)
}

/// Decodes and cleans `bytes`, timing that alone: reading is I/O, which the
/// `seconds` field is not meant to measure.
fn clean_timed(
    cleaner: &Cleaner,
    source: String,
    bytes: &[u8],
    content_type: Option<&str>,
) -> Outcome {
    let start = Instant::now();
    let result = cleaner
        .clean_bytes(bytes, content_type)
        .map_err(|e| e.to_string());
    let seconds = start.elapsed().as_secs_f64();
    Outcome {
        source,
        result,
        seconds,
    }
}

/// The outcome of an input that could not be read.
fn unread(source: String, error: String) -> Outcome {
    Outcome {
        source,
        result: Err(error),
        seconds: 0.0,
    }
}
