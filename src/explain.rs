//! Per-block trace: the features, the decision and the rule that decided.
//! Answers "why was my paragraph dropped?".

pub use crate::features::Features;

/// Whether a block went into the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Decision {
    /// The block is part of the story.
    Keep,
    /// The block was dropped as boilerplate.
    Drop,
}

/// One text block of the page, as the classifier saw it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct BlockTrace {
    /// The block's text (whitespace collapsed).
    pub text: String,
    /// The block's shallow features.
    pub features: Features,
    /// Keep or drop.
    pub decision: Decision,
    /// The name of the rule that made the decision (see `classify.rs`).
    pub rule: &'static str,
}

impl std::fmt::Display for BlockTrace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let verdict = match self.decision {
            Decision::Keep => "KEEP",
            Decision::Drop => "drop",
        };
        let mut preview: String = self.text.chars().take(70).collect();
        if preview.len() < self.text.len() {
            preview.push('…');
        }
        write!(
            f,
            "{verdict} {:<22} words={:<4} link={:.2} density={:.1} stop={:.2} hint={:+} | {preview}",
            self.rule,
            self.features.words,
            self.features.link_density,
            self.features.text_density,
            self.features.stopword_density,
            self.features.class_hint,
        )
    }
}
