//! # unboil
//!
//! Strips boilerplate from web-scraped articles: give it a page's HTML and it
//! returns the story alone (its title and its text blocks), dropping
//! navigation, "Most Popular" boxes, related headlines, share bars, cookie
//! notices, comments and footers.
//!
//! ```
//! let html = r#"<html><head><title>Rain returns | The Daily</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>Rain returns</h1>
//!     <p>After a dry summer, the rain came back on Tuesday, and farmers across the valley were glad of it.</p>
//!     <p>Forecasters expect showers to continue through the week, with heavier falls in the hills.</p>
//!   </article>
//!   <footer>Copyright 2024 The Daily. All rights reserved.</footer>
//! </body></html>"#;
//! let article = unboil::clean_article(html)?;
//! assert_eq!(article.title.as_deref(), Some("Rain returns"));
//! assert!(article.text().starts_with("After a dry summer"));
//! assert!(!article.text().contains("All rights reserved"));
//! # Ok::<(), unboil::Error>(())
//! ```
//!
//! ## Pipeline
//! One module per stage; data flows one way through plain structs:
//! `dom` (parse, iterative arena) → `prune` (nodes that are never content) →
//! `blocks` (segment into text blocks) → `locate` (which container holds
//! the story) → `features` (shallow per-block features) → `classify`
//! (keep/drop with neighbours) → [`Article`]. Every threshold, word list and
//! pattern lives in `patterns`, named, with a comment saying why. When too
//! little text is kept, the whole run is retried with one heuristic relaxed
//! (the retry ladder) and the longest result wins.
//!
//! ## Why was my paragraph dropped?
//! Turn on [`Options::explain`]: every block of the page, kept or not, comes
//! back in [`Article::explanation`] with its [`Features`], its [`Decision`]
//! and the name of the rule that decided.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod article;
mod blocks;
mod classify;
mod dom;
mod error;
mod explain;
mod features;
mod locate;
mod metadata;
mod options;
mod patterns;
mod prune;
mod text_mode;

pub use article::{Article, Block, BlockKind};
pub use error::{Error, Result};
pub use explain::{BlockTrace, Decision, Features};
pub use options::{DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_NODES, Focus, Options};

/// A reusable, thread-safe cleaner: [`Options`] plus compiled patterns.
///
/// Build one and share it (`Cleaner` is `Send + Sync`); cleaning does not
/// mutate it.
///
/// ```
/// use unboil::{Cleaner, Options};
/// let cleaner = Cleaner::new(Options::new());
/// let article = cleaner.clean_html("<p>Just one paragraph of a short note, but with enough words to count as prose here.</p>")?;
/// assert_eq!(article.blocks.len(), 1);
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Cleaner {
    options: Options,
    patterns: std::sync::Arc<patterns::Patterns>,
}

impl Default for Cleaner {
    fn default() -> Self {
        Self::new(Options::default())
    }
}

impl Cleaner {
    /// A cleaner with these options.
    pub fn new(options: Options) -> Self {
        Self {
            options,
            patterns: patterns::Patterns::shared(),
        }
    }

    /// The options this cleaner was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Cleans an HTML page (a whole document or a fragment).
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for empty or whitespace-only input,
    /// [`Error::BinaryInput`] when the input is not text,
    /// [`Error::InputTooLarge`] and [`Error::TooManyNodes`] when a limit of
    /// the [`Options`] is passed.
    ///
    /// ```
    /// let cleaner = unboil::Cleaner::default();
    /// assert!(matches!(cleaner.clean_html("  \n "), Err(unboil::Error::EmptyInput)));
    /// ```
    pub fn clean_html(&self, html: &str) -> Result<Article> {
        check_input(html, &self.options)?;
        let doc = dom::Document::parse(html, &self.options)?;
        let title = metadata::title(&doc);
        let mut best: Option<Article> = None;
        for pass in patterns::LADDER {
            let article = self.extract(&doc, title.as_deref(), pass);
            let chars: usize = article.blocks.iter().map(|b| b.text.len()).sum();
            let better = best
                .as_ref()
                .is_none_or(|b| chars > b.blocks.iter().map(|b| b.text.len()).sum());
            if better {
                best = Some(article);
            }
            if chars >= patterns::MIN_ARTICLE_CHARS {
                break;
            }
        }
        let mut article = best.unwrap_or_default();
        article.title = title;
        Ok(article)
    }

    /// Cleans a page that was already flattened to plain text (by a
    /// scraper, `lynx -dump`, inscriptis...): the story's lines are kept,
    /// menus, headline lists and "Most Popular" labels dropped, and the
    /// header lines (breadcrumb, headline, byline, date) read into the
    /// metadata.
    ///
    /// # Errors
    /// As [`Cleaner::clean_html`], but for the node limit.
    ///
    /// ```
    /// let text = "Home\nNews\nSport\n\nRain returns to the valley\n\n\
    ///     After a dry summer, the rain came back on Tuesday, and farmers across the valley were glad of it.\n\n\
    ///     Forecasters expect showers to continue through the week, with heavier falls in the hills.\n\n\
    ///     Most Popular\nTen things to do this weekend\nCouncil approves new car park\n";
    /// let article = unboil::Cleaner::default().clean_text(text)?;
    /// assert_eq!(article.title.as_deref(), Some("Rain returns to the valley"));
    /// assert_eq!(article.blocks.len(), 2);
    /// assert!(!article.text().contains("Most Popular"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn clean_text(&self, text: &str) -> Result<Article> {
        check_input(text, &self.options)?;
        Ok(text_mode::clean(
            text,
            &self.patterns,
            self.options.get_focus(),
            self.options.get_explain(),
        ))
    }

    /// Cleans a page given as HTML or as plain text, telling them apart
    /// first (see [`is_html`]).
    ///
    /// # Errors
    /// As [`Cleaner::clean_html`] or [`Cleaner::clean_text`].
    ///
    /// ```
    /// let cleaner = unboil::Cleaner::default();
    /// let from_html = cleaner.clean("<p>A single paragraph of a story, long enough to count as prose, with some words.</p>")?;
    /// let from_text = cleaner.clean("A single paragraph of a story, long enough to count as prose, with some words.")?;
    /// assert_eq!(from_html.text(), from_text.text());
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn clean(&self, input: &str) -> Result<Article> {
        if text_mode::looks_like_html(input, &self.patterns) {
            self.clean_html(input)
        } else {
            self.clean_text(input)
        }
    }

    fn extract(&self, doc: &dom::Document, title: Option<&str>, pass: patterns::Pass) -> Article {
        let pruned = prune::prune(doc, &self.patterns, pass);
        let blocks = blocks::segment(doc, &pruned, self.options.get_explain());
        let container = locate::locate(doc, &pruned, &blocks, pass);
        let feats = features::compute(&blocks, doc, &pruned, &container, &self.patterns);
        let decisions = classify::classify(&blocks, &feats, title, self.options.get_focus());
        classify::assemble(blocks, feats, decisions, self.options.get_explain())
    }
}

/// Cleans a page, HTML or already-scraped plain text, with the default
/// [`Options`]. Which of the two it is, is told by [`is_html`].
///
/// # Errors
/// See [`Cleaner::clean_html`] and [`Cleaner::clean_text`].
pub fn clean_article(input: &str) -> Result<Article> {
    Cleaner::default().clean(input)
}

/// Whether [`clean_article`] treats `input` as HTML (else as plain text).
///
/// The rule: after leading whitespace (and a byte-order mark), the input
/// starts with a tag, a comment or a doctype (`<!DOCTYPE`, `<html`, `<p>`,
/// `<!--`...), or its first 64 KiB hold at least four tags of known HTML
/// elements (opening or closing). So HTML fragments without `<html>` are
/// HTML, and prose that mentions a tag or two stays text.
///
/// ```
/// assert!(unboil::is_html("<p>Hello</p><p>World</p>"));
/// assert!(unboil::is_html("Intro <div>one</div><div>two</div>"));
/// assert!(!unboil::is_html("Wrap bold words in <b> and </b>, the manual says."));
/// ```
pub fn is_html(input: &str) -> bool {
    text_mode::looks_like_html(input, &patterns::Patterns::shared())
}

/// Rejects input that is not worth parsing: empty, too large, or binary.
fn check_input(input: &str, options: &Options) -> Result<()> {
    if input.len() > options.get_max_input_bytes() {
        return Err(Error::InputTooLarge {
            size: input.len(),
            limit: options.get_max_input_bytes(),
        });
    }
    if input.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    let sample = input.chars().take(patterns::BINARY_SAMPLE_CHARS);
    let (mut sampled, mut control) = (0usize, 0usize);
    for c in sample {
        sampled += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    if control as f32 > sampled as f32 * patterns::BINARY_CONTROL_SHARE {
        return Err(Error::BinaryInput { control, sampled });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaner_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Cleaner>();
    }

    #[test]
    fn binary_junk_is_an_error() {
        let junk: String = (0u8..32).cycle().take(4000).map(char::from).collect();
        assert!(matches!(
            clean_article(&junk),
            Err(Error::BinaryInput { .. })
        ));
    }

    #[test]
    fn too_large_is_an_error() {
        let cleaner = Cleaner::new(Options::new().max_input_bytes(5));
        assert_eq!(
            cleaner.clean_html("<p>123456</p>"),
            Err(Error::InputTooLarge { size: 13, limit: 5 })
        );
    }
}

/// The README's code samples, compiled and run as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
