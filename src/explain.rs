//! Per-block trace: the features, the decision and the rule that decided.
//! Answers "why was my paragraph dropped?". Output types only (a leaf
//! module): `features` computes [`Features`], `classify` decides.

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

/// The features of one text block, as the classifier saw them.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Features {
    /// Words (runs of letters/digits; CJK characters count half a word each).
    pub words: usize,
    /// Characters of text.
    pub chars: usize,
    /// Share of the characters inside links, 0..=1.
    pub link_density: f32,
    /// Words per line when the text is wrapped at 80 columns, the last line
    /// left out when there are several (boilerpipe's text density).
    pub text_density: f32,
    /// Share of the words that are common function words.
    pub stopword_density: f32,
    /// Sentence-ending punctuation marks (`.`, `!`, `?` and CJK ones).
    pub sentence_ends: usize,
    /// Whether the text ends like a sentence.
    pub ends_sentence: bool,
    /// Sum of the class/id hints of the elements between the story
    /// container and the block (> 0 story-like, < 0 boilerplate-like).
    pub class_hint: i32,
    /// Whether the block lies in the container chosen as the story's.
    pub in_container: bool,
    /// Whether the text matches a known boilerplate phrase.
    pub boilerplate_phrase: bool,
    /// Position in the page, 0 (first block) to 1 (last).
    pub position: f32,
}
