//! Per-block trace: the features, the decision and the rule that decided.
//! Answers "why was my paragraph dropped?". Output types only (a leaf
//! module): `features` computes [`Features`], `classify` decides.

/// Characters of a block's text shown in a trace line (the rest becomes
/// `…`): a line of the trace stays readable in a terminal.
const PREVIEW_CHARS: usize = 70;

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
#[non_exhaustive]
pub struct BlockTrace {
    /// The block's text (whitespace collapsed).
    pub text: String,
    /// The block's shallow features.
    pub features: Features,
    /// Keep or drop.
    pub decision: Decision,
    /// The rule that made the decision.
    pub rule: Rule,
}

/// The rule that decided a block, as [`BlockTrace::rule`] reports it.
///
/// [`Rule::name`] (and `Display`, and the `serde` serialization) give the
/// rule's stable kebab-case name, as the CLI's `--explain` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// Pruned: a script, style, form control, `head` or other element whose text is never shown
    /// as content.
    NeverContent,
    /// Pruned: the element is hidden (`hidden`, `aria-hidden`, or an inline style that hides
    /// it).
    Hidden,
    /// Pruned: page furniture, by tag (`nav`, `menu`, and on the strict rung `aside`, `header`,
    /// `footer`) or by ARIA role (`navigation`, `banner`, `contentinfo`...).
    Furniture,
    /// Pruned: an overlay over the page: an ARIA dialog or modal, or a class or id naming one
    /// (`modal`, a cookie or consent banner, a pop-up).
    Overlay,
    /// Pruned on the strict rung: a boilerplate class or id (`sidebar`, `comments`,
    /// `related`...) not also naming the story.
    UnlikelyClass,
    /// A block of the reader comments (with `Options::comments`): never story, returned apart
    /// in `Article::comments`.
    CommentSection,
    /// An image or a figure's caption (with `Options::images`) in the story's container, not
    /// part of a link list: kept.
    Figure,
    /// An image or a figure's caption outside the story's container, or in a link list of
    /// thumbnails: dropped.
    FigureOutside,
    /// The block lies outside the container chosen as the story's.
    OutsideContainer,
    /// A heading that repeats the page's title: the title is returned apart, so the heading is
    /// dropped.
    TitleHeading,
    /// A figure or table caption (without `Options::images`): dropped.
    Caption,
    /// The caption of the story's lead picture, just above its first paragraph (in the
    /// story's container, or right under a picture above it): kept, as the story begins
    /// with it on the page.
    LeadCaption,
    /// A prose paragraph just above the story's container (a lede or the first paragraphs
    /// set apart from the rest), up to the headline: kept, as the story begins there.
    LeadProse,
    /// Most of the block's text is link text: a menu, a tag cloud or a list of related
    /// headlines.
    LinkHeavy,
    /// A teaser's summary inside the story: the paragraph under a linked headline, the two
    /// alone in one box (an inline "Related" card): dropped with its headline.
    TeaserSummary,
    /// A heading that is nearly all link, kept: the headline of a card in a listing (a series of
    /// cards, each a headline over its summary, with no story above them), or the heading of an
    /// item in the story's own flow over its paragraph (a list article's "1. Stitch Fix"), on a
    /// page with several of them.
    LinkedHeading,
    /// A short block matching a known boilerplate phrase ("All rights reserved", "Read more",
    /// "Sign up for our newsletter"...).
    BoilerplatePhrase,
    /// A block of few words under elements whose class/id says boilerplate (a share bar or
    /// byline inside the article).
    NegativeClass,
    /// Prose on its own: long enough, with sentence punctuation or many function words (or a
    /// code block).
    Prose,
    /// First look at a heading: its neighbours decide. Replaced by a context rule before it
    /// reaches a trace.
    Heading,
    /// First look at a block too short to judge alone: its neighbours decide. Replaced by a
    /// context rule before it reaches a trace.
    Short,
    /// A block of middling length that ends like a sentence or is dense with function words:
    /// kept.
    Sentence,
    /// First look at a block of middling length that is not a sentence: its neighbours decide.
    /// Replaced by a context rule before it reaches a trace.
    Fragment,
    /// The page has no prose at all: its short blocks are kept, as a short note is all it has.
    ShortPage,
    /// A block with no first-look verdict (never happens; dropped to be safe).
    Missing,
    /// A heading followed by story text (and, with `Focus::Precision`, preceded by it too): a
    /// subheading.
    HeadingBeforeText,
    /// A heading not followed by story text: the label of a box after the story ("Related").
    HeadingAlone,
    /// A short block between two blocks of story text.
    ShortBetweenGood,
    /// With `Focus::Precision`: a fragment of one or two words between two blocks of story
    /// text, not a sentence.
    FragmentBetweenGood,
    /// A short block beside story text on one side (with `Focus::Precision`, only when it ends
    /// a sentence).
    SentenceNearGood,
    /// A short block with no story text beside it.
    ShortNearBoilerplate,
    /// Plain-text mode: the line lies outside the stretch of lines found to be the story.
    OutsideStory,
    /// Plain-text mode: a short line that occurs more than once on the page (a caption shown
    /// twice, a "Share" button).
    RepeatedLine,
    /// Plain-text mode, with `Focus::Precision`: a short list item in the story that does not
    /// end a sentence.
    ShortBullet,
    /// Plain-text mode: a short line inside the story (a subheading or a short paragraph).
    ShortInStory,
    /// A site rule: inside an element matched by an `Options::include` selector, so kept
    /// whatever the heuristics said.
    IncludeSelector,
    /// A site rule: inside an element matched by an `Options::exclude` selector, so removed
    /// before the story is located.
    ExcludeSelector,
}

impl Rule {
    /// The rule's kebab-case name (`"link-heavy"`, `"prose"`...).
    ///
    /// ```
    /// assert_eq!(unboil::Rule::LinkHeavy.name(), "link-heavy");
    /// assert_eq!(unboil::Rule::ShortBetweenGood.to_string(), "short-between-good");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Rule::NeverContent => "never-content",
            Rule::Hidden => "hidden",
            Rule::Furniture => "furniture",
            Rule::Overlay => "overlay",
            Rule::UnlikelyClass => "unlikely-class",
            Rule::CommentSection => "comment-section",
            Rule::Figure => "figure",
            Rule::FigureOutside => "figure-outside",
            Rule::OutsideContainer => "outside-container",
            Rule::TitleHeading => "title-heading",
            Rule::Caption => "caption",
            Rule::LeadCaption => "lead-caption",
            Rule::LeadProse => "lead-prose",
            Rule::LinkHeavy => "link-heavy",
            Rule::TeaserSummary => "teaser-summary",
            Rule::LinkedHeading => "linked-heading",
            Rule::BoilerplatePhrase => "boilerplate-phrase",
            Rule::NegativeClass => "negative-class",
            Rule::Prose => "prose",
            Rule::Heading => "heading",
            Rule::Short => "short",
            Rule::Sentence => "sentence",
            Rule::Fragment => "fragment",
            Rule::ShortPage => "short-page",
            Rule::Missing => "missing",
            Rule::HeadingBeforeText => "heading-before-text",
            Rule::HeadingAlone => "heading-alone",
            Rule::ShortBetweenGood => "short-between-good",
            Rule::FragmentBetweenGood => "fragment-between-good",
            Rule::SentenceNearGood => "sentence-near-good",
            Rule::ShortNearBoilerplate => "short-near-boilerplate",
            Rule::OutsideStory => "outside-story",
            Rule::RepeatedLine => "repeated-line",
            Rule::ShortBullet => "short-bullet",
            Rule::ShortInStory => "short-in-story",
            Rule::IncludeSelector => "include-selector",
            Rule::ExcludeSelector => "exclude-selector",
        }
    }
}

impl std::fmt::Display for Rule {
    /// The rule's name; width and alignment flags apply (`{:<22}`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// Serialized as its name, a plain string (`"link-heavy"`).
#[cfg(feature = "serde")]
impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl std::fmt::Display for BlockTrace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let verdict = match self.decision {
            Decision::Keep => "KEEP",
            Decision::Drop => "drop",
        };
        let mut preview: String = self.text.chars().take(PREVIEW_CHARS).collect();
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
#[non_exhaustive]
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
