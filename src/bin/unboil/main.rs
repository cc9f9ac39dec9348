//! `unboil`: strips boilerplate from web pages on the command line.
//!
//! ```text
//! unboil [OPTIONS] [PATH]...
//! ```
//!
//! Each PATH is an HTML file (gzipped files are decompressed), a directory
//! (searched recursively for `*.html` and `*.htm`, gzipped or not, in
//! sorted order) or `-` for standard input; no PATH at all reads standard
//! input. Output is the article text (`--format text`, the
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
//! records) and the run goes on; the exit code is 1 when any input failed
//! or when there was nothing to clean (an empty directory or list, a WARC
//! file without pages), 2 on a usage error (an invalid `--base-url`).
//! `-o DIR` writes one file per page instead of standard output.
//!
//! Pages are cleaned on all cores (`--jobs N` to choose), in bounded memory,
//! and written in input order; `--files-from FILE` (or `-`) reads more paths
//! from a list. A progress bar goes to stderr when it is a terminal and
//! there is more than one input. `--warc FILE.warc[.gz]...` cleans the
//! `200 OK` HTML responses of WARC files instead (every status with
//! `--all-statuses`; the charset of each response's HTTP `Content-Type` is
//! used, and links resolve against the record's URL), and the text records
//! of WET files; JSON records then carry `warc_record_id`, `http_status`,
//! `target_uri` and `warc_date`, and a summary of the records read and
//! skipped goes to stderr. `--input-format jsonl` reads pages as JSON
//! Lines on standard input instead, one `{"url", "html"}` object per line
//! (for `rdd.pipe()` and shell pipelines): each cleaned with its URL as
//! base URL, named by it, in input order; a line that is not such a record
//! is reported and the run goes on.

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
use output::{Outcome, Progress, Settings, Tally, WarcInfo, Writer};

mod args;
mod inputs;
mod output;

fn main() -> ExitCode {
    let args = Args::parse();
    let cleaner = match args.cleaner() {
        Ok(cleaner) => cleaner,
        Err(e) => {
            eprintln!("unboil: {e}");
            return ExitCode::from(2);
        }
    };
    let done = if args.input_format == InputFormat::Jsonl {
        run_jsonl(&args, &cleaner)
    } else if args.warc.is_empty() {
        match inputs::gather(&args.paths, args.files_from.as_deref()) {
            Ok(inputs) => run(&args, &cleaner, &inputs),
            Err(e) => {
                eprintln!("unboil: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        run_warc(&args, &cleaner)
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

/// A writer for the run, with the progress bar `several` and `total` ask
/// for (see [`Progress::new`]).
fn writer(args: &Args, several: bool, total: Option<usize>) -> io::Result<Writer> {
    let settings = Settings {
        timing: args.timing,
        with_metadata: args.with_metadata,
    };
    Writer::new(
        args.format,
        settings,
        args.output_dir.as_deref(),
        Progress::new(several, total),
    )
}

/// Cleans every input and writes the output; `Ok(false)` when an input
/// failed or there was none.
fn run(args: &Args, cleaner: &Cleaner, inputs: &[Input]) -> io::Result<bool> {
    if inputs.is_empty() {
        eprintln!("unboil: nothing to clean: no input page found");
        return Ok(false);
    }
    let several = inputs.len() > 1;
    let mut writer = writer(args, several, Some(inputs.len()))?;
    let limit = args.max_input_bytes();
    // Stops reading inputs once the output is gone (`unboil ... | head`).
    let stop = Cell::new(false);
    cleaner.clean_stream(
        args.jobs(),
        inputs.iter().enumerate().take_while(|_| !stop.get()),
        |cleaner, (i, input)| (i, clean(cleaner, input, limit)),
        |(i, outcome)| {
            if !deliver(args, &mut writer, outcome, several.then_some(i)) {
                stop.set(true);
            }
        },
    );
    let tally = writer.finish(several)?;
    report_skips(&tally);
    Ok(tally.failed == 0)
}

/// Writes one outcome, or counts it as left out by the filters
/// (`--target-language`, `--only-with-metadata`); `false` once the output
/// is gone.
fn deliver(args: &Args, writer: &mut Writer, outcome: Outcome, index: Option<usize>) -> bool {
    let skip = outcome
        .result
        .as_ref()
        .ok()
        .and_then(|a| args.skip_reason(a));
    writer.write(outcome, index, skip)
}

/// Says on stderr how many cleaned pages the filters left out, if any.
fn report_skips(tally: &Tally) {
    if tally.skipped_language + tally.skipped_metadata > 0 {
        eprintln!(
            "unboil: left out {} pages in another language (--target-language) and {} \
             without a title, a URL or a date (--only-with-metadata)",
            tally.skipped_language, tally.skipped_metadata
        );
    }
}

/// What one WARC file gave, for its summary line.
#[derive(Default)]
struct WarcRun {
    stats: WarcStats,
    /// Responses left out for their HTTP status (see `--all-statuses`).
    other_status: u64,
    seconds: f64,
}

/// Cleans the pages of every `--warc` file, one file after the other;
/// `Ok(false)` when a page failed, a file could not be read to its end,
/// or no file held a page to clean.
fn run_warc(args: &Args, cleaner: &Cleaner) -> io::Result<bool> {
    // A WARC file's page count is unknown until its end: a spinner, and
    // always a `==> URI <==` header.
    let mut writer = writer(args, true, None)?;
    let (mut all_read, mut index) = (true, 0usize);
    for path in &args.warc {
        let name = path.display().to_string();
        match read_warc(args, cleaner, path, &mut writer, &mut index) {
            Ok(run) => writer.report(&warc_summary(&name, &run)),
            Err(e) => {
                writer.report(&format!("unboil: {name}: cannot read: {e}"));
                all_read = false;
            }
        }
    }
    let tally = writer.finish(true)?;
    report_skips(&tally);
    if tally.processed == 0 {
        eprintln!(
            "unboil: nothing to clean: no page in the WARC input to clean \
             (responses other than 200 OK are left out unless --all-statuses)"
        );
        return Ok(false);
    }
    Ok(all_read && tally.failed == 0)
}

/// Cleans the pages of one WARC file into `writer`; `index` counts the
/// pages of the run, for the headers.
fn read_warc(
    args: &Args,
    cleaner: &Cleaner,
    path: &Path,
    writer: &mut Writer,
    index: &mut usize,
) -> io::Result<WarcRun> {
    let name = path.display().to_string();
    let mut pages = WarcPages::open(path)?;
    let other_status = Cell::new(0u64);
    let stop = Cell::new(false);
    let start = Instant::now();
    let wanted = |page: &io::Result<WarcPage>| {
        let keep = match page {
            // A WET text record has no status.
            Ok(page) => args.all_statuses || page.plain_text || page.status == Some(200),
            Err(_) => true,
        };
        if !keep {
            other_status.set(other_status.get() + 1);
        }
        keep
    };
    let first = *index;
    cleaner.clean_stream(
        args.jobs(),
        pages
            .by_ref()
            .filter(wanted)
            .enumerate()
            .take_while(|_| !stop.get()),
        |cleaner, (i, page)| (i, clean_warc_page(cleaner, &name, i, page)),
        |(i, outcome)| {
            *index = first + i + 1;
            if !deliver(args, writer, outcome, Some(first + i)) {
                stop.set(true);
            }
        },
    );
    Ok(WarcRun {
        stats: pages.stats(),
        other_status: other_status.get(),
        seconds: start.elapsed().as_secs_f64(),
    })
}

/// Cleans the pages of JSON Lines on standard input (`--input-format
/// jsonl`), each with its own URL; `Ok(false)` when a line was not a page,
/// a page failed, or there was none.
fn run_jsonl(args: &Args, cleaner: &Cleaner) -> io::Result<bool> {
    let mut writer = writer(args, true, None)?;
    let stop = Cell::new(false);
    let pages = inputs::jsonl_pages(io::stdin().lock());
    cleaner.clean_stream(
        args.jobs(),
        pages.enumerate().take_while(|_| !stop.get()),
        |cleaner, (i, (line, page))| (i, clean_json_page(cleaner, line, page)),
        |(i, outcome)| {
            if !deliver(args, &mut writer, outcome, Some(i)) {
                stop.set(true);
            }
        },
    );
    let tally = writer.finish(true)?;
    report_skips(&tally);
    if tally.processed == 0 {
        eprintln!("unboil: nothing to clean: no page on standard input");
        return Ok(false);
    }
    Ok(tally.failed == 0)
}

/// Cleans one page of `--input-format jsonl`, HTML with its links resolved
/// against its URL, or plain text; its name is the URL, else `-#LINE`.
fn clean_json_page(
    cleaner: &Cleaner,
    line: usize,
    page: Result<inputs::JsonPage, String>,
) -> Outcome {
    let stem = format!("line-{line}");
    let page = match page {
        Ok(page) => page,
        Err(e) => return unread(format!("-#{line}"), stem, e),
    };
    let source = page.url.clone().unwrap_or_else(|| format!("-#{line}"));
    timed(source, stem, || match page.url.as_deref() {
        Some(url) if unboil::is_html(&page.html) => cleaner.clean_html_at(&page.html, url),
        _ => cleaner.clean(&page.html),
    })
}

/// The line on stderr after a WARC file: how much was read, how fast, and
/// what was skipped, so that a crawl's yield can be judged.
fn warc_summary(name: &str, run: &WarcRun) -> String {
    let (stats, seconds) = (&run.stats, run.seconds);
    format!(
        "unboil: {name}: {} records in {seconds:.2} s ({:.0} records/s, {:.1} pages/s): \
         {} pages ({} cleaned, {} not 200 OK left out{}); skipped {} non-HTML responses \
         and {} other records",
        stats.records,
        stats.records as f64 / seconds.max(1e-9),
        stats.pages as f64 / seconds.max(1e-9),
        stats.pages,
        stats.pages.saturating_sub(run.other_status),
        run.other_status,
        if run.other_status > 0 {
            ": --all-statuses cleans them"
        } else {
            ""
        },
        stats.not_html,
        stats.not_response,
    )
}

/// Reads, decodes and cleans one input (at most `limit` bytes of it once
/// gunzipped).
fn clean(cleaner: &Cleaner, input: &Input, limit: usize) -> Outcome {
    let (source, stem) = (input.source(), input.stem());
    match input.read(limit) {
        // Files carry no Content-Type header: the page's encoding comes from
        // its BOM, its <meta charset> or detection.
        Ok(bytes) => timed(source, stem, || cleaner.clean_bytes(&bytes, None)),
        Err(error) => unread(source, stem, error),
    }
}

/// Cleans one WARC page: HTML decoded with the charset of its HTTP
/// `Content-Type` and its links resolved against the record's URL, or a
/// WET record's text; the record's fields go with it into JSON records.
fn clean_warc_page(
    cleaner: &Cleaner,
    name: &str,
    index: usize,
    page: io::Result<WarcPage>,
) -> Outcome {
    let page = match page {
        Ok(page) => page,
        // A broken record: the file's name is all there is to show.
        Err(e) => return unread(name.to_string(), format!("{name}-broken"), e.to_string()),
    };
    let source = inputs::warc_source(&page, name, index);
    let stem = inputs::warc_stem(&page, name, index);
    // A record whose URI is no URL is cleaned without one, rather than
    // failing for want of a base for its links.
    let url = page
        .target_uri
        .as_deref()
        .filter(|uri| url::Url::parse(uri).is_ok_and(|u| !u.cannot_be_a_base()));
    let content_type = page.content_type.as_deref();
    let mut outcome = timed(source, stem, || match (page.plain_text, url) {
        (true, _) => cleaner.clean_text(&String::from_utf8_lossy(&page.body)),
        (false, Some(url)) => cleaner.clean_bytes_at(&page.body, content_type, url),
        (false, None) => cleaner.clean_bytes(&page.body, content_type),
    });
    outcome.warc = Some(WarcInfo {
        warc_record_id: page.record_id,
        http_status: page.status,
        target_uri: page.target_uri,
        warc_date: page.date,
    });
    outcome
}

/// Runs `clean`, timing that alone: reading is I/O, which the `seconds`
/// field is not meant to measure.
fn timed(
    source: String,
    stem: String,
    clean: impl FnOnce() -> unboil::Result<unboil::Article>,
) -> Outcome {
    let start = Instant::now();
    let result = clean().map_err(|e| e.to_string());
    Outcome {
        source,
        stem,
        result,
        seconds: start.elapsed().as_secs_f64(),
        warc: None,
    }
}

/// The outcome of an input that could not be read.
fn unread(source: String, stem: String, error: String) -> Outcome {
    Outcome {
        source,
        stem,
        result: Err(error),
        seconds: 0.0,
        warc: None,
    }
}
