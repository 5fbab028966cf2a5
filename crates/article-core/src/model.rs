//! The `article/1` document model, after validation and NFC normalisation.
//!
//! Why a separate model from the JSON: references are resolved to indices (parts,
//! within, category, block) and every string is NFC, so later stages never look ids up
//! or worry about Unicode forms. It is `Serialize` (for the CLI's JSON output), but
//! deliberately not `Deserialize`: input goes through the validating parser.
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub format: String,
    pub id: String,
    /// BCP 47 tag; "en" when the document has none.
    pub lang: String,
    pub kicker: Option<String>,
    pub title: String,
    /// RFC 3339 with offset, kept verbatim; see [`crate::format::Timestamp::parse`].
    pub published: Option<String>,
    pub byline: Option<String>,
    pub blocks: Vec<Block>,
    pub categories: Vec<Category>,
    /// Who said or published the numbers (`"source"` of a figure points here).
    pub sources: Vec<Source>,
    pub figures: Vec<Figure>,
}

/// Where numbers come from: a person, an office, a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    /// "Bùi Thị Bính".
    pub name: String,
    /// "Phó Bí thư Thường trực Thành uỷ".
    pub role: Option<String>,
    /// Checked like an image's: relative or `https:`.
    pub url: Option<String>,
    /// The report or statement, by name.
    pub document: Option<String>,
    /// `YYYY-MM-DD` (or less precise).
    pub date: Option<String>,
}

/// An earlier value of a figure, replaced on `date`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    /// `YYYY-MM-DD` (or less precise), in order: oldest first.
    pub date: String,
    pub previous: f64,
    pub note: Option<String>,
}

impl Article {
    /// Bytes of text mentions can anchor in (paragraphs and captions): the size that
    /// anchoring and segmentation work on.
    pub fn text_bytes(&self) -> usize {
        self.blocks
            .iter()
            .filter_map(Block::text)
            .map(str::len)
            .sum()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        text: String,
    },
    Image {
        /// Checked: a relative URL or `https:`.
        src: String,
        alt: String,
        caption: Option<String>,
        credit: Option<String>,
    },
}

impl Block {
    /// The text mentions can anchor in: paragraph text or image caption.
    pub fn text(&self) -> Option<&str> {
        match self {
            Block::Paragraph { text } => Some(text),
            Block::Image { caption, .. } => caption.as_deref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Category {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Over,
    AtLeast,
    About,
    Under,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub id: String,
    pub value: f64,
    pub unit: Option<String>,
    pub label: String,
    /// Index into `Article::categories`.
    pub category: Option<usize>,
    pub note: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// Digits after the decimal mark the publisher wants shown (rounded / padded);
    /// `None`: exactly the value's own digits.
    pub decimals: Option<u8>,
    /// The value is a year: whole, written without grouping ("2015").
    pub year: bool,
    /// Index into `Article::sources`; `None`: the article's own number.
    pub source: Option<usize>,
    /// When the number held: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub as_of: Option<String>,
    /// Earlier values, oldest first; `value` is the current one.
    pub corrections: Vec<Correction>,
    pub mentions: Vec<MentionSpec>,
    /// Indices into `Article::figures`.
    pub parts: Vec<usize>,
    /// Index into `Article::figures`.
    pub within: Option<usize>,
}

impl Figure {
    /// How its value is written: see [`crate::format::Style`].
    pub fn style(&self) -> crate::format::Style {
        crate::format::Style {
            decimals: self.decimals,
            year: self.year,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionSpec {
    pub quote: String,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    /// Index into `Article::blocks` (the parser maps the JSON array index to this index
    /// after skipped blocks were dropped; a mention naming a skipped block gets
    /// [`crate::DROPPED_BLOCK`] and is orphaned).
    pub block: Option<usize>,
    /// Optional position hint (code-point offset in the block text); trusted only if the
    /// text there equals the quote.
    pub position: Option<usize>,
}
