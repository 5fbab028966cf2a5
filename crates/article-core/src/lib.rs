//! DOM-free core of article-viewer.
//!
//! ```
//! let json = r#"{"format":"article/1","id":"a","title":"T",
//!   "blocks":[{"kind":"paragraph","text":"We moved 28 households."}],
//!   "figures":[{"id":"h","value":28,"label":"households",
//!     "mentions":[{"quote":"28 households"}]}]}"#;
//! let doc = article_core::load(json).expect("valid");
//! assert_eq!(doc.figures[0].anchors.len(), 1);
//! assert!(doc.warnings.is_empty());
//! ```
//!
//! Why a separate, DOM-free crate: the same validation and anchoring must run in the
//! browser (wasm, Leptos app), in the publisher's CLI and in native tests/benchmarks,
//! and give identical results everywhere. Everything here is pure data in, data out;
//! errors are values with JSON paths, never panics.
//!
//! The pipeline is `parse` (JSON text → [`Article`], with JSON-path problems) →
//! `anchor` (quotes → ranges in NFC text) → `segment` (ranges → runs) → `relate`
//! (parts / within). [`load`] runs all of it and returns a [`Document`] that a renderer
//! only has to walk.

pub mod format;
pub mod generate;
pub mod html;
pub mod ids;
pub mod json;
pub mod keys;
pub mod limits;
pub mod markup;
pub mod position;
pub mod problem;
pub mod search;
pub mod text;
pub mod unicode;
pub mod view;
pub mod words;

mod anchor;
mod model;
mod parse;
mod relate;
mod segment;

pub use anchor::Anchor;
pub use model::{Article, Block, Category, Correction, Figure, MentionSpec, Qualifier, Source};
pub use parse::{check_src, DROPPED_BLOCK};
pub use position::locate;
pub use problem::Kind;
pub use problem::{Problem, Severity};
pub use relate::consistent;
pub use relate::{BarSegment, Breakdown, Check, Relations};
pub use segment::{Mark, Run};
pub use unicode::Normalizer;

/// A validated article with every mention anchored, every block segmented and every
/// relation checked: everything the reader and the CLI need, with no DOM in sight.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The parsed, NFC-normalised article (unknown blocks and refused images removed).
    pub article: Article,
    /// One entry per `article.figures`, same order.
    pub figures: Vec<ResolvedFigure>,
    /// One entry per `article.blocks`: the runs of the block's text (paragraph text or
    /// image caption; empty for an image without caption).
    pub runs: Vec<Vec<Run>>,
    /// Figure indices in reading order: by first anchor (block, offset); figures without
    /// anchors (computed ones and orphans) last, in document order.
    pub reading_order: Vec<usize>,
    pub relations: Relations,
    /// Orphaned / ambiguous mentions, sum mismatches, skipped blocks, refused images …
    pub warnings: Vec<Problem>,
}

/// A figure and where its mentions landed.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedFigure {
    /// Resolved anchors in mention order; orphaned / ambiguous mentions are absent here
    /// (they are in `Document::warnings`).
    pub anchors: Vec<Anchor>,
    /// True when the figure has no mentions at all (a computed figure, e.g. 28 + 6 = 34).
    pub computed: bool,
}

/// Parse, validate, anchor, segment and relate, normalising with this build's
/// [`unicode::builtin`] normaliser. `Err` holds every error found (at least one), each
/// with a JSON path; warnings never make it fail.
pub fn load(json: &str) -> Result<Document, Vec<Problem>> {
    load_with(json, unicode::builtin())
}

/// [`load`] with the given normaliser: every string of the document is put in NFC by
/// `normalizer`, and nothing else decides how text is compared. The same `json` and
/// normaliser always give the same [`Document`].
pub fn load_with(json: &str, normalizer: &dyn Normalizer) -> Result<Document, Vec<Problem>> {
    Ok(Parsed::new(json, normalizer)?.finish())
}

/// [`load`] in two steps, for a caller that lets the browser breathe in between (the
/// reader: each step is one task): parse and validate, then anchor, segment and relate.
/// `Parsed::new(json, n)?.finish()` is exactly `load_with(json, n)`.
pub struct Parsed<'a> {
    json: &'a str,
    article: Article,
    warnings: Vec<Problem>,
}

impl<'a> Parsed<'a> {
    pub fn new(json: &'a str, normalizer: &dyn Normalizer) -> Result<Self, Vec<Problem>> {
        let (article, warnings) = parse::parse(json, normalizer)?;
        Ok(Parsed {
            json,
            article,
            warnings,
        })
    }

    /// [`Parsed::new`] with this build's [`unicode::builtin`] normaliser.
    pub fn builtin(json: &'a str) -> Result<Self, Vec<Problem>> {
        Parsed::new(json, unicode::builtin())
    }

    pub fn finish(self) -> Document {
        let mut doc = analyse(self.article, self.warnings);
        // Anchoring and relation warnings only know their JSON path; find them in the text.
        position::locate_problems(self.json, &mut doc.warnings);
        doc
    }
}

/// Only the first stage: parse and validate (NFC-normalised [`Article`] plus parse
/// warnings such as skipped blocks), without anchoring. Problems carry line:column.
pub fn parse_article(json: &str) -> Result<(Article, Vec<Problem>), Vec<Problem>> {
    parse_article_with(json, unicode::builtin())
}

/// [`parse_article`] with the given normaliser (see [`load_with`]).
pub fn parse_article_with(
    json: &str,
    normalizer: &dyn Normalizer,
) -> Result<(Article, Vec<Problem>), Vec<Problem>> {
    parse::parse(json, normalizer)
}

/// Everything after parsing, for callers that already hold an [`Article`].
pub fn analyse(article: Article, mut warnings: Vec<Problem>) -> Document {
    let anchored = anchor::anchor_all(&article, &mut warnings);
    let runs = segment::segment_all(&article, &anchored);
    let relations = relate::relate(&article, &mut warnings);
    let reading_order = anchor::reading_order(&anchored);
    let figures = article
        .figures
        .iter()
        .zip(anchored)
        .map(|(f, anchors)| ResolvedFigure {
            computed: f.mentions.is_empty(),
            anchors,
        })
        .collect();
    Document {
        article,
        figures,
        runs,
        reading_order,
        relations,
        warnings,
    }
}

impl Document {
    /// Index of the figure with this id.
    pub fn figure_index(&self, id: &str) -> Option<usize> {
        self.article.figures.iter().position(|f| f.id == id)
    }
}
