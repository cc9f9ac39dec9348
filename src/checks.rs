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
    let (sampled, control) = control_chars(input);
    if control as f32 > sampled as f32 * p::BINARY_CONTROL_SHARE {
        return Err(Error::BinaryInput { control, sampled });
    }
    Ok(())
}

/// The first [`p::BINARY_SAMPLE_CHARS`] characters of `input`: how many
/// there are, and how many of them are control characters that text does
/// not have.
fn control_chars(input: &str) -> (usize, usize) {
    // Counted on bytes, where decoding each character cost about 18
    // instructions (13 M on the 181 scrapinghub pages): a character starts
    // at each byte that is not a continuation byte, and a control
    // character is an ASCII byte or, U+0080 to U+009F, the byte after a
    // 0xC2 lead, whose value is the character's. Which bytes count is a
    // table.
    let mut counts = [false; 256];
    // `0..=255`, not `0..`: the open range overflows computing 256 once it
    // has handed out 255, which debug builds (the fuzzers) trap.
    for (b, slot) in (0..=255u8).zip(counts.iter_mut()) {
        let c = char::from(b);
        *slot = c.is_control() && !p::TEXT_CONTROLS.contains(&c);
    }
    let is_continuation = |b: u8| b & 0xC0 == 0x80;
    let (mut sampled, mut control) = (0usize, 0usize);
    let mut lead = 0u8;
    for &b in input.as_bytes() {
        if is_continuation(b) {
            // Only the C1 controls (0xC2 0x80 to 0xC2 0x9F) among them.
            control += usize::from(lead == 0xC2 && counts.get(usize::from(b)) == Some(&true));
            lead = 0;
            continue;
        }
        if sampled == p::BINARY_SAMPLE_CHARS {
            break;
        }
        sampled += 1;
        lead = b;
        control += usize::from(b < 0x80 && counts.get(usize::from(b)) == Some(&true));
    }
    (sampled, control)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters' count, without the ASCII shortcut.
    fn counted(input: &str) -> (usize, usize) {
        let sample: Vec<char> = input.chars().take(p::BINARY_SAMPLE_CHARS).collect();
        let control = sample
            .iter()
            .filter(|c| c.is_control() && !p::TEXT_CONTROLS.contains(c))
            .count();
        (sample.len(), control)
    }

    #[test]
    fn the_ascii_shortcut_counts_like_the_characters() {
        let page = "<p>a\tb\r\n\u{c}c\u{0}d\u{7f}e\u{1b}</p>".repeat(400);
        let accented = format!("é\u{85}\u{1}{page}");
        let short = "<p>\u{0}\u{1}\n</p>";
        for input in [page.as_str(), accented.as_str(), short] {
            assert_eq!(control_chars(input), counted(input));
        }
        assert!(page.len() > p::BINARY_SAMPLE_CHARS && control_chars(&page).1 > 0);
    }
}
