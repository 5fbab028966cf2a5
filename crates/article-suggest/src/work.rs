//! A journalist's work in progress in the studio: the story's header and text, the figures
//! they accepted (and edited), the suggestions they rejected. Pure: the studio is its
//! shell; this turns the work into an `article/1` document and says what is wrong with it,
//! each problem tied to the field or figure it concerns.
//!
//! ```
//! use article_suggest::work::Work;
//! let mut work = Work::new("vi");
//! work.title = "Cẩm Phả".into();
//! work.text = "Thành phố có 54 chi bộ và 28 hộ dân.".into();
//! let analysis = work.analyse();
//! let first = analysis.suggestions[0].clone();
//! work.accept(&first);
//! let json = work.document(&analysis);
//! assert!(article_core::load(&json).is_ok());
//! ```
use std::collections::BTreeMap;

use article_core::problem::{Kind, Problem, Severity};
use serde::{Deserialize, Serialize};

use crate::json::{pretty, Json};

/// What the studio saves as the journalist types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Work {
    /// The article's language (`vi`, `en`).
    pub lang: String,
    pub kicker: String,
    pub title: String,
    pub byline: String,
    /// RFC 3339 with an offset, or empty.
    pub published: String,
    /// The story as pasted or typed: one paragraph per block of lines.
    pub text: String,
    /// Accepted figures, in the order they were accepted.
    pub figures: Vec<Chosen>,
    /// Keys of rejected suggestions.
    pub rejected: Vec<String>,
}

impl Default for Work {
    fn default() -> Self {
        Work::new("vi")
    }
}

/// One accepted figure, as the journalist left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Chosen {
    /// The suggestion it came from (empty: added by hand).
    pub key: String,
    pub id: String,
    pub value: f64,
    pub unit: String,
    pub label: String,
    /// A category's label (figures with the same label share it), or empty.
    pub category: String,
    /// `over`, `at-least`, `about`, `under`, or empty.
    pub qualifier: String,
    pub quote: String,
    pub block: Option<usize>,
    pub prefix: String,
    pub suffix: String,
    /// The id of the figure this one is a part of (its total), or empty.
    pub part_of: String,
    /// The id of a source the story attributes the number to, or empty.
    pub source: String,
}

/// A figure the engine proposes for the text as it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Stable while the words around the number stay: the block's text is not part of it.
    pub key: String,
    pub figure: Chosen,
    /// The paragraph it was read in, and the quote's byte range in it.
    pub block: usize,
    pub at: std::ops::Range<usize>,
}

/// What the engine reads from the text: the header it finds, the paragraphs, the
/// suggestions and the people numbers are attributed to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    pub kicker: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub byline: Option<String>,
    pub lang: Option<String>,
    pub blocks: Vec<String>,
    pub suggestions: Vec<Suggestion>,
    /// `(id, name, role)` of each source the draft declares.
    pub sources: Vec<(String, String, Option<String>)>,
}

/// What a problem is about, for showing it next to that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Concerns {
    /// A header field: `title`, `kicker`, `byline`, `published`, `lang`.
    Field(&'static str),
    /// The story text itself (no paragraphs).
    Text,
    /// An accepted figure (index into `Work::figures`).
    Figure(usize),
    Document,
}

/// A problem of the document the work makes, in a form the studio can say in either
/// language: its kind, what it concerns, and the core's own (English) message.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkProblem {
    pub concerns: Concerns,
    pub problem: Problem,
}

impl WorkProblem {
    pub fn is_error(&self) -> bool {
        self.problem.severity == Severity::Error
    }
}

const HEADER_FIELDS: [&str; 5] = ["title", "kicker", "byline", "published", "lang"];
const QUALIFIERS: [&str; 4] = ["over", "at-least", "about", "under"];

impl Work {
    pub fn new(lang: &str) -> Self {
        Work {
            lang: lang.to_string(),
            kicker: String::new(),
            title: String::new(),
            byline: String::new(),
            published: String::new(),
            text: String::new(),
            figures: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// Run the suggestion engine on the text (the same as `article suggest`; see
    /// [`analyse`]).
    pub fn analyse(&self) -> Analysis {
        analyse(&self.text)
    }

    /// Fill the empty header fields from what the engine found in the text.
    pub fn fill_header(&mut self, a: &Analysis) {
        for (field, found) in [
            (&mut self.kicker, &a.kicker),
            (&mut self.title, &a.title),
            (&mut self.published, &a.published),
            (&mut self.byline, &a.byline),
        ] {
            if field.trim().is_empty() {
                if let Some(v) = found {
                    *field = v.clone();
                }
            }
        }
    }

    pub fn is_accepted(&self, key: &str) -> bool {
        self.figures.iter().any(|f| f.key == key)
    }

    pub fn is_rejected(&self, key: &str) -> bool {
        self.rejected.iter().any(|k| k == key)
    }

    /// Accept a suggestion (once), with an id no other accepted figure has.
    pub fn accept(&mut self, s: &Suggestion) {
        if self.is_accepted(&s.key) {
            return;
        }
        self.rejected.retain(|k| *k != s.key);
        let mut figure = s.figure.clone();
        figure.id = self.free_id(&figure.id);
        self.figures.push(figure);
    }

    pub fn reject(&mut self, s: &Suggestion) {
        if !self.is_rejected(&s.key) {
            self.rejected.push(s.key.clone());
        }
    }

    /// Add a figure by hand for the words `quote` (the first number in them is its value).
    /// `occurrence` says which occurrence of the quote in the text was selected (0 for the
    /// first), so a repeated phrase gets the block it was selected in.
    pub fn add_by_hand(&mut self, a: &Analysis, quote: &str, occurrence: usize) -> Option<usize> {
        let quote = quote.trim();
        let value = crate::number_in(quote)?;
        let places: Vec<usize> = a
            .blocks
            .iter()
            .enumerate()
            .flat_map(|(b, t)| t.match_indices(quote).map(move |_| b))
            .collect();
        let block = places.get(occurrence).or(places.first()).copied();
        let base = crate::slug_of(quote);
        let id = self.free_id(if base.is_empty() { "figure" } else { &base });
        self.figures.push(Chosen {
            id,
            value,
            label: quote.to_string(),
            quote: quote.to_string(),
            block,
            ..Chosen::default()
        });
        Some(self.figures.len() - 1)
    }

    /// Take a figure out (and out of any total it was a part of).
    pub fn remove(&mut self, index: usize) {
        if index >= self.figures.len() {
            return;
        }
        let gone = self.figures.remove(index);
        for f in &mut self.figures {
            if f.part_of == gone.id {
                f.part_of.clear();
            }
        }
    }

    /// An id like `base`, `base-2`, … that no accepted figure has.
    fn free_id(&self, base: &str) -> String {
        let taken = |id: &str| self.figures.iter().any(|f| f.id == id);
        let mut id = base.to_string();
        let mut n = 2;
        while taken(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// The `article/1` document the work makes (pretty-printed).
    pub fn document(&self, a: &Analysis) -> String {
        let s = |v: &str| Json::Str(v.to_string());
        let id = crate::id_for_title(&self.title);
        let mut fields = vec![
            ("format", s("article/1")),
            ("id", s(&id)),
            ("lang", s(&self.lang)),
        ];
        for (key, value) in [("kicker", &self.kicker)] {
            if !value.trim().is_empty() {
                fields.push((key, s(value.trim())));
            }
        }
        fields.push(("title", s(self.title.trim())));
        for (key, value) in [("published", &self.published), ("byline", &self.byline)] {
            if !value.trim().is_empty() {
                fields.push((key, s(value.trim())));
            }
        }
        let blocks = a
            .blocks
            .iter()
            .map(|t| Json::Obj(vec![("kind", s("paragraph")), ("text", s(t))]))
            .collect();
        fields.push(("blocks", Json::Arr(blocks)));
        let cited: Vec<&(String, String, Option<String>)> = a
            .sources
            .iter()
            .filter(|(id, ..)| self.figures.iter().any(|f| f.source == *id))
            .collect();
        if !cited.is_empty() {
            let list = cited
                .iter()
                .map(|(id, name, role)| {
                    let mut o = vec![("id", s(id)), ("name", s(name))];
                    if let Some(r) = role {
                        o.push(("role", s(r)));
                    }
                    Json::Obj(o)
                })
                .collect();
            fields.push(("sources", Json::Arr(list)));
        }
        // Categories: one per distinct label, in the order figures first use them.
        let mut categories: Vec<(String, String)> = Vec::new();
        for f in &self.figures {
            let label = f.category.trim();
            if !label.is_empty() && !categories.iter().any(|(_, l)| l == label) {
                let base = crate::slug_of(label);
                let base = if base.is_empty() {
                    "category".into()
                } else {
                    base
                };
                let mut cid = base.clone();
                let mut n = 2;
                while categories.iter().any(|(c, _)| *c == cid) {
                    cid = format!("{base}-{n}");
                    n += 1;
                }
                categories.push((cid, label.to_string()));
            }
        }
        if !categories.is_empty() {
            let list = categories
                .iter()
                .map(|(id, label)| Json::Obj(vec![("id", s(id)), ("label", s(label))]))
                .collect();
            fields.push(("categories", Json::Arr(list)));
        }
        let mut parts: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for f in &self.figures {
            if !f.part_of.is_empty() {
                parts.entry(f.part_of.as_str()).or_default().push(&f.id);
            }
        }
        let figures = self
            .figures
            .iter()
            .map(|f| {
                let mut o = vec![("id", s(&f.id)), ("value", Json::Num(f.value))];
                if !f.unit.trim().is_empty() {
                    o.push(("unit", s(f.unit.trim())));
                }
                o.push(("label", s(f.label.trim())));
                if let Some((cid, _)) = categories.iter().find(|(_, l)| l == f.category.trim()) {
                    o.push(("category", s(cid)));
                }
                if QUALIFIERS.contains(&f.qualifier.as_str()) {
                    o.push(("qualifier", s(&f.qualifier)));
                }
                if !f.source.is_empty() && cited.iter().any(|(id, ..)| *id == f.source) {
                    o.push(("source", s(&f.source)));
                }
                let mut m = vec![("quote", s(&f.quote))];
                if let Some(b) = f.block {
                    m.push(("block", Json::Num(b as f64)));
                }
                if !f.prefix.is_empty() {
                    m.push(("prefix", s(&f.prefix)));
                }
                if !f.suffix.is_empty() {
                    m.push(("suffix", s(&f.suffix)));
                }
                o.push(("mentions", Json::Arr(vec![Json::Obj(m)])));
                if let Some(p) = parts.get(f.id.as_str()) {
                    o.push(("parts", Json::Arr(p.iter().map(|id| s(id)).collect())));
                }
                Json::Obj(o)
            })
            .collect();
        fields.push(("figures", Json::Arr(figures)));
        pretty(&Json::Obj(fields))
    }

    /// Every problem `article check` would report for the document, each tied to what it
    /// concerns; empty when the document is clean.
    pub fn problems(&self, a: &Analysis) -> Vec<WorkProblem> {
        let found = match article_core::load(&self.document(a)) {
            Ok(doc) => doc.warnings,
            Err(errors) => errors,
        };
        self.problems_found(a, found)
    }

    /// [`Work::problems`] from what loading the document already said (`found`: its
    /// warnings, or its errors), for a caller that loads it anyway (the studio's preview).
    pub fn problems_found(&self, a: &Analysis, mut found: Vec<Problem>) -> Vec<WorkProblem> {
        if a.blocks.is_empty() {
            found.push(Problem::error(
                Kind::Missing,
                "$.blocks",
                "the story has no text yet",
            ));
        }
        found
            .into_iter()
            .map(|problem| WorkProblem {
                concerns: self.concerns(&problem.path),
                problem,
            })
            .collect()
    }

    fn concerns(&self, path: &str) -> Concerns {
        if let Some(rest) = path.strip_prefix("$.figures[") {
            if let Some(i) = rest.split(']').next().and_then(|n| n.parse().ok()) {
                if i < self.figures.len() {
                    return Concerns::Figure(i);
                }
            }
        }
        if path.starts_with("$.blocks") {
            return Concerns::Text;
        }
        for field in HEADER_FIELDS {
            if path == format!("$.{field}") || path.starts_with(&format!("$.{field}.")) {
                return Concerns::Field(field);
            }
        }
        if path == "$.id" {
            return Concerns::Field("title"); // the id is made from the title
        }
        Concerns::Document
    }

    /// The work an existing `article/1` document makes: every figure accepted, its text
    /// one paragraph per block. `Err` (the check's problems) when it does not load, so
    /// the current work is left untouched.
    pub fn from_document(json: &str) -> Result<Work, Vec<Problem>> {
        let doc = article_core::load(json)?;
        let a = &doc.article;
        let paragraphs: Vec<String> = a
            .blocks
            .iter()
            .filter_map(|b| match b {
                article_core::Block::Paragraph { text } => Some(text.clone()),
                article_core::Block::Image { caption, .. } => caption.clone(),
            })
            .collect();
        // Block numbers stay right only when every block becomes a paragraph of the text.
        let same_blocks = paragraphs.len() == a.blocks.len();
        let mut part_of: BTreeMap<usize, String> = BTreeMap::new();
        for f in &a.figures {
            for &p in &f.parts {
                part_of.insert(p, f.id.clone());
            }
        }
        let figures = a
            .figures
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let mut c = chosen(a, f)?;
                c.block = c.block.filter(|_| same_blocks);
                c.part_of = part_of.get(&i).cloned().unwrap_or_default();
                Some(c)
            })
            .collect();
        Ok(Work {
            lang: a.lang.clone(),
            kicker: a.kicker.clone().unwrap_or_default(),
            title: a.title.clone(),
            byline: a.byline.clone().unwrap_or_default(),
            published: a.published.clone().unwrap_or_default(),
            text: paragraphs.join("\n\n"),
            figures,
            rejected: Vec::new(),
        })
    }
}

/// What the engine reads from a story's text: header, paragraphs, suggestions (each with
/// the place the core anchored it), the people numbers are attributed to. Read from the
/// draft as the core loaded it (`Draft::document`), not from its JSON again.
pub fn analyse(text: &str) -> Analysis {
    let Ok(draft) = crate::suggest(text) else {
        return Analysis::default();
    };
    let doc = &draft.document;
    let a = &doc.article;
    let blocks: Vec<String> = a
        .blocks
        .iter()
        .map(|b| b.text().unwrap_or_default().to_string())
        .collect();
    let suggestions = a
        .figures
        .iter()
        .zip(&doc.figures)
        .filter_map(|(f, resolved)| {
            let anchor = resolved.anchors.first()?.clone();
            let figure = chosen(a, f)?;
            let block_text = blocks.get(anchor.block)?;
            // The words before and after the quote, up to 24 bytes each way.
            let before = floor(block_text, anchor.bytes.start.saturating_sub(24));
            let after = ceil(block_text, anchor.bytes.end + 24);
            let key = format!(
                "{}|{}|{}",
                &block_text[before..anchor.bytes.start],
                figure.quote,
                &block_text[anchor.bytes.end..after]
            );
            Some(Suggestion {
                key: key.clone(),
                figure: Chosen { key, ..figure },
                block: anchor.block,
                at: anchor.bytes,
            })
        })
        .collect();
    Analysis {
        kicker: a.kicker.clone(),
        title: Some(a.title.clone()),
        published: a.published.clone(),
        byline: a.byline.clone(),
        lang: Some(a.lang.clone()),
        blocks,
        suggestions,
        sources: a
            .sources
            .iter()
            .map(|s| (s.id.clone(), s.name.clone(), s.role.clone()))
            .collect(),
    }
}

/// A figure of a document as the studio holds it (its first mention; no links yet).
fn chosen(a: &article_core::Article, f: &article_core::Figure) -> Option<Chosen> {
    let m = f.mentions.first()?;
    Some(Chosen {
        key: String::new(),
        id: f.id.clone(),
        value: f.value,
        unit: f.unit.clone().unwrap_or_default(),
        label: f.label.clone(),
        category: f
            .category
            .and_then(|c| a.categories.get(c))
            .map(|c| c.label.clone())
            .unwrap_or_default(),
        qualifier: f
            .qualifier
            .and_then(|q| serde_json::to_value(q).ok())
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        quote: m.quote.clone(),
        block: m.block,
        prefix: m.prefix.clone().unwrap_or_default(),
        suffix: m.suffix.clone().unwrap_or_default(),
        part_of: String::new(),
        source: f
            .source
            .and_then(|s| a.sources.get(s))
            .map(|s| s.id.clone())
            .unwrap_or_default(),
    })
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
