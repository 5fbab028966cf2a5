//! DOM described as data and built in one call by `fill.js` (see there for why): every
//! string of a fragment in one pool, its structure as numbers. Used for the parts of the
//! reader that exist ten thousand times over in a long article: highlighted text and
//! ledger cards. Strings only ever become text nodes, attribute values and style values.

// The vocabulary shared with `fill.js` (same order as its OPS, TAGS and NAMES).
const TEXT: u32 = 0;
const OPEN: u32 = 1;
const CLOSE: u32 = 2;

/// The class of a span holding one character with more combining marks than any script
/// needs (see [`article_core::text::stacked_clusters`]).
pub const STACK_CLASS: &str = "marks-clip";

/// `s` as a view, with stacked characters clipped like [`Plan::text`] does, for the
/// article's strings that are not built from a plan (title, labels, captions …).
pub fn text_view(s: &str) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    let stacked = article_core::text::stacked_clusters(s);
    if stacked.is_empty() {
        return s.to_string().into_any();
    }
    let mut parts: Vec<AnyView> = Vec::new();
    let mut at = 0;
    for cluster in stacked {
        parts.push(s[at..cluster.start].to_string().into_any());
        parts.push(
            view! { <span class=STACK_CLASS>{s[cluster.clone()].to_string()}</span> }.into_any(),
        );
        at = cluster.end;
    }
    parts.push(s[at..].to_string().into_any());
    parts.into_any()
}

/// Elements a plan can create.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Mark = 0,
    Span = 1,
    Li = 2,
    Button = 3,
}

/// Attributes a plan can set (and, last, the one style property it can set).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    Class = 0,
    Role = 1,
    Tabindex = 2,
    DataFigure = 3,
    DataMention = 4,
    DataPrimary = 5,
    DataAnchor = 6,
    DataCat = 7,
    AriaLabel = 8,
    AriaCurrent = 9,
    DataSearchHit = 10,
    Type = 11,
    DataFigureCard = 12,
    AriaHidden = 13,
    Lang = 14,
    Dir = 15,
    /// The `width` style property (through CSSOM, which a strict CSP allows).
    StyleWidth = 16,
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/fill.js")]
extern "C" {
    /// Replace `parent`'s children with the DOM a [`Plan`] describes.
    #[wasm_bindgen(js_name = fill)]
    fn fill_js(parent: &web_sys::Element, pool: &str, ops: &[u32]);
}

/// A DOM fragment as data.
#[derive(Default, Debug, PartialEq)]
pub struct Plan {
    pool: String,
    /// Length of `pool` in UTF-16 code units: offsets are in the units JavaScript counts.
    units: u32,
    ops: Vec<u32>,
}

impl Plan {
    fn push(&mut self, s: &str) -> [u32; 2] {
        let start = self.units;
        self.pool.push_str(s);
        self.units += article_core::unicode::utf16_len(s) as u32;
        [start, self.units]
    }

    /// A text node; a character stacked high with combining marks ("Zalgo" text) goes in a
    /// `span.marks-clip`, which the style sheet clips to its line.
    pub fn text(&mut self, s: &str) {
        let mut at = 0;
        for cluster in article_core::text::stacked_clusters(s) {
            self.raw_text(&s[at..cluster.start]);
            self.open(Tag::Span, &[(Name::Class, STACK_CLASS)]);
            self.raw_text(&s[cluster.clone()]);
            self.close();
            at = cluster.end;
        }
        self.raw_text(&s[at..]);
    }

    fn raw_text(&mut self, s: &str) {
        if !s.is_empty() {
            let [a, b] = self.push(s);
            self.ops.extend([TEXT, a, b]);
        }
    }

    /// Open an element with these attributes; what follows goes inside until [`Plan::close`].
    pub fn open(&mut self, tag: Tag, attrs: &[(Name, &str)]) {
        self.ops.extend([OPEN, tag as u32, attrs.len() as u32]);
        for &(name, value) in attrs {
            let [a, b] = self.push(value);
            self.ops.extend([name as u32, a, b]);
        }
    }

    pub fn close(&mut self) {
        self.ops.push(CLOSE);
    }

    /// An element holding only text.
    pub fn element(&mut self, tag: Tag, attrs: &[(Name, &str)], text: &str) {
        self.open(tag, attrs);
        self.text(text);
        self.close();
    }

    /// Replace `parent`'s children with this fragment.
    pub fn fill(&self, parent: &web_sys::Element) {
        fill_js(parent, &self.pool, &self.ops);
    }
}
