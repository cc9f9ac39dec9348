//! What is refused before and after the stages: empty, binary or oversized
//! input, a page URL that links cannot be resolved against, and extracted
//! text over [`crate::Options::max_text_bytes`]. `lib.rs` calls these
//! around the pipeline.

use crate::article::Article;
use crate::error::{Error, Result};
use crate::options::Options;
use crate::patterns as p;

/// Enforces [`Options::max_text_bytes`] on the article's text (the blocks
/// and the blank lines [`Article::text`] puts between them).
pub(crate) fn check_text(article: Article, options: &Options) -> Result<Article> {
    let blocks = article.blocks.iter().map(|b| b.text.len());
    let size = blocks
        .sum::<usize>()
        .saturating_add(article.blocks.len().saturating_sub(1) * 2);
    let limit = options.get_max_text_bytes();
    if size > limit {
        return Err(Error::TextTooLarge { size, limit });
    }
    Ok(article)
}

/// Rejects a file of a known binary format by its first bytes.
pub(crate) fn check_signature(bytes: &[u8]) -> Result<()> {
    match p::BINARY_SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        Some((_, format)) => Err(Error::NotAPage { format }),
        None => Ok(()),
    }
}

/// Rejects a page URL that relative links cannot be resolved against,
/// rather than ignoring it and leaving every link relative.
pub(crate) fn check_base_url(base: Option<&str>) -> Result<()> {
    let Some(url) = base else {
        return Ok(());
    };
    let reason = match ::url::Url::parse(url.trim()) {
        Ok(parsed) if parsed.cannot_be_a_base() => "no path to resolve links against".to_string(),
        Ok(_) => return Ok(()),
        Err(e) => e.to_string(),
    };
    Err(Error::InvalidBaseUrl {
        url: url.to_string(),
        reason,
    })
}

/// Rejects input that is not worth parsing: empty, too large, or binary.
pub(crate) fn check_input(input: &str, options: &Options) -> Result<()> {
    if input.len() > options.get_max_input_bytes() {
        return Err(Error::InputTooLarge {
            size: input.len(),
            limit: options.get_max_input_bytes(),
        });
    }
    if input.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    check_signature(input.trim_start_matches('\u{feff}').as_bytes())?;
    let sample = input.chars().take(p::BINARY_SAMPLE_CHARS);
    let (mut sampled, mut control) = (0usize, 0usize);
    for c in sample {
        sampled += 1;
        if c.is_control() && !p::TEXT_CONTROLS.contains(&c) {
            control += 1;
        }
    }
    if control as f32 > sampled as f32 * p::BINARY_CONTROL_SHARE {
        return Err(Error::BinaryInput { control, sampled });
    }
    Ok(())
}
