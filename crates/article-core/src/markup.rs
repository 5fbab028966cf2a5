//! The article's markup as data: one description, built two ways.
//!
//! ```
//! use article_core::markup::{Name, Plan, Tag};
//! let mut plan = Plan::default();
//! plan.open(Tag::Mark, &[(Name::Class, "hl c0"), (Name::DataFigure, "units")]);
//! plan.text("54 < 55");
//! plan.close();
//! assert_eq!(plan.to_html(), r#"<mark class="hl c0" data-figure="units">54 &lt; 55</mark>"#);
//! ```
//!
//! Why: a long article has tens of thousands of highlights and ledger cards. The reader
//! builds them in the browser from a [`Plan`] in one call per fragment (`src/fill.js`:
//! one string pool, the structure as numbers), and `article site` writes the same plan as
//! static HTML with [`Plan::to_html`], so the page a crawler or a reader without
//! JavaScript sees is the page the reader builds — there is no second template to drift.
//! The planners here ([`header`], [`block`], [`runs`], [`card_item`]) are pure functions of
//! the document: state (selection, dimmed categories, the open popover, the current
//! search hit) is applied to the built nodes by the reader's `figure_dom` module.
//!
//! Strings only ever become text nodes and attribute values; the vocabulary of tags and
//! attribute names is closed ([`Tag`], [`Name`]), so no plan can create a `<script>`, an
//! event handler attribute or inline style.
use std::ops::Range;

use crate::format::Timestamp;
use crate::{Block, Document, Mark, Run};

const TEXT: u32 = 0;
const OPEN: u32 = 1;
const CLOSE: u32 = 2;

/// Elements a plan can create.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Mark,
    Span,
    Li,
    Button,
    P,
    H1,
    Header,
    Time,
    Figure,
    Img,
    Figcaption,
    Div,
    Ul,
    Section,
    H3,
    A,
    H2,
    Main,
    Aside,
    Details,
    Summary,
    Code,
    Article,
    Nav,
}

impl Tag {
    /// Every tag, in the order of their numbers in a plan.
    pub const ALL: [Tag; 24] = [
        Tag::Mark,
        Tag::Span,
        Tag::Li,
        Tag::Button,
        Tag::P,
        Tag::H1,
        Tag::Header,
        Tag::Time,
        Tag::Figure,
        Tag::Img,
        Tag::Figcaption,
        Tag::Div,
        Tag::Ul,
        Tag::Section,
        Tag::H3,
        Tag::A,
        Tag::H2,
        Tag::Main,
        Tag::Aside,
        Tag::Details,
        Tag::Summary,
        Tag::Code,
        Tag::Article,
        Tag::Nav,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Mark => "mark",
            Tag::Span => "span",
            Tag::Li => "li",
            Tag::Button => "button",
            Tag::P => "p",
            Tag::H1 => "h1",
            Tag::Header => "header",
            Tag::Time => "time",
            Tag::Figure => "figure",
            Tag::Img => "img",
            Tag::Figcaption => "figcaption",
            Tag::Div => "div",
            Tag::Ul => "ul",
            Tag::Section => "section",
            Tag::H3 => "h3",
            Tag::A => "a",
            Tag::H2 => "h2",
            Tag::Main => "main",
            Tag::Aside => "aside",
            Tag::Details => "details",
            Tag::Summary => "summary",
            Tag::Code => "code",
            Tag::Article => "article",
            Tag::Nav => "nav",
        }
    }

    /// Elements without content or end tag in HTML.
    fn is_void(self) -> bool {
        matches!(self, Tag::Img)
    }
}

/// Attributes a plan can set: the reader's whole vocabulary of hooks and state. The
/// reader writes and queries them through these names ([`Name::as_str`], [`Name::css`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    Class,
    Role,
    Tabindex,
    /// Space-separated ids of the figures a highlight stands for.
    DataFigure,
    /// `ID:K` for the first run of mention K of figure ID.
    DataMention,
    /// The figure a highlight shared by several stands for.
    DataPrimary,
    /// Which mention of its figure a highlight is (absent for the first).
    DataAnchor,
    /// The category index of a highlight's figure.
    DataCat,
    AriaLabel,
    AriaCurrent,
    AriaExpanded,
    AriaDescribedby,
    /// The global number of a search hit.
    DataSearchHit,
    Type,
    /// The id of a ledger card's figure.
    DataFigureCard,
    AriaHidden,
    Lang,
    Dir,
    Id,
    Href,
    Src,
    Alt,
    Datetime,
    Loading,
    Decoding,
    /// The block index of a block's text element (paragraph or caption).
    DataBlock,
    AriaLabelledby,
    /// On every highlight and card of a figure the newsroom corrected.
    DataCorrected,
}

impl Name {
    /// Every name, in the order of their numbers in a plan.
    pub const ALL: [Name; 28] = [
        Name::Class,
        Name::Role,
        Name::Tabindex,
        Name::DataFigure,
        Name::DataMention,
        Name::DataPrimary,
        Name::DataAnchor,
        Name::DataCat,
        Name::AriaLabel,
        Name::AriaCurrent,
        Name::AriaExpanded,
        Name::AriaDescribedby,
        Name::DataSearchHit,
        Name::Type,
        Name::DataFigureCard,
        Name::AriaHidden,
        Name::Lang,
        Name::Dir,
        Name::Id,
        Name::Href,
        Name::Src,
        Name::Alt,
        Name::Datetime,
        Name::Loading,
        Name::Decoding,
        Name::DataBlock,
        Name::AriaLabelledby,
        Name::DataCorrected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Name::Class => "class",
            Name::Role => "role",
            Name::Tabindex => "tabindex",
            Name::DataFigure => "data-figure",
            Name::DataMention => "data-mention",
            Name::DataPrimary => "data-primary",
            Name::DataAnchor => "data-anchor",
            Name::DataCat => "data-cat",
            Name::AriaLabel => "aria-label",
            Name::AriaCurrent => "aria-current",
            Name::AriaExpanded => "aria-expanded",
            Name::AriaDescribedby => "aria-describedby",
            Name::DataSearchHit => "data-search-hit",
            Name::Type => "type",
            Name::DataFigureCard => "data-figure-card",
            Name::AriaHidden => "aria-hidden",
            Name::Lang => "lang",
            Name::Dir => "dir",
            Name::Id => "id",
            Name::Href => "href",
            Name::Src => "src",
            Name::Alt => "alt",
            Name::Datetime => "datetime",
            Name::Loading => "loading",
            Name::Decoding => "decoding",
            Name::DataBlock => "data-block",
            Name::AriaLabelledby => "aria-labelledby",
            Name::DataCorrected => "data-corrected",
        }
    }

    /// A CSS attribute selector: `[data-figure~="units"]` (`word`: one of a space-separated
    /// list) or `[data-figure-card="units"]`. The value is quoted and escaped for CSS.
    pub fn css(self, value: &str, word: bool) -> String {
        let mut v = String::with_capacity(value.len() + 2);
        for c in value.chars() {
            match c {
                '"' | '\\' => {
                    v.push('\\');
                    v.push(c);
                }
                '\n' => v.push_str("\\a "),
                c => v.push(c),
            }
        }
        let op = if word { "~=" } else { "=" };
        format!("[{}{op}\"{v}\"]", self.as_str())
    }
}

/// The class of a span holding one character with more combining marks than any script
/// needs (see [`crate::text::stacked_clusters`]); the style sheet clips it to its line.
pub const STACK_CLASS: &str = "marks-clip";

/// A DOM fragment as data: every string in one pool, the structure as numbers.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct Plan {
    pool: String,
    /// Length of `pool` in UTF-16 code units: offsets are in the units JavaScript counts.
    units: u32,
    ops: Vec<u32>,
    /// Byte offset in `pool` of every UTF-16 offset used, for [`Plan::to_html`].
    spans: Vec<(u32, usize)>,
}

impl Plan {
    fn push(&mut self, s: &str) -> [u32; 2] {
        let start = self.units;
        self.spans.push((start, self.pool.len()));
        self.pool.push_str(s);
        self.units += crate::unicode::utf16_len(s) as u32;
        self.spans.push((self.units, self.pool.len()));
        [start, self.units]
    }

    /// A text node; a character stacked high with combining marks ("Zalgo" text) goes in a
    /// `span.marks-clip`.
    pub fn text(&mut self, s: &str) {
        let mut at = 0;
        for cluster in crate::text::stacked_clusters(s) {
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

    /// Another plan's content, appended.
    pub fn extend(&mut self, other: &Plan) {
        let ops = &other.ops;
        let mut i = 0;
        while i < ops.len() {
            match ops[i] {
                TEXT => {
                    self.raw_text(other.slice(ops[i + 1], ops[i + 2]));
                    i += 3;
                }
                OPEN => {
                    let (tag, n) = (ops[i + 1], ops[i + 2] as usize);
                    self.ops.extend([OPEN, tag, n as u32]);
                    for k in 0..n {
                        let at = i + 3 + 3 * k;
                        let [a, b] = self.push(other.slice(ops[at + 1], ops[at + 2]));
                        self.ops.extend([ops[at], a, b]);
                    }
                    i += 3 + 3 * n;
                }
                _ => {
                    self.ops.push(CLOSE);
                    i += 1;
                }
            }
        }
    }

    /// The pool of strings (for `fill.js`).
    pub fn pool(&self) -> &str {
        &self.pool
    }

    /// The structure (for `fill.js`).
    pub fn ops(&self) -> &[u32] {
        &self.ops
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The pool between two UTF-16 offsets this plan handed out.
    fn slice(&self, a: u32, b: u32) -> &str {
        let byte = |u: u32| {
            self.spans
                .binary_search_by_key(&u, |&(units, _)| units)
                .map(|i| self.spans[i].1)
                .unwrap_or(0)
        };
        self.pool.get(byte(a)..byte(b)).unwrap_or_default()
    }

    /// The fragment as HTML: text escaped for text, values for double-quoted attributes.
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(self.pool.len() * 2 + self.ops.len() * 4);
        let mut stack: Vec<Tag> = Vec::new();
        let ops = &self.ops;
        let mut i = 0;
        while i < ops.len() {
            match ops[i] {
                TEXT => {
                    out.push_str(&crate::html::text(self.slice(ops[i + 1], ops[i + 2])));
                    i += 3;
                }
                OPEN => {
                    let tag = Tag::ALL
                        .get(ops[i + 1] as usize)
                        .copied()
                        .unwrap_or(Tag::Span);
                    let n = ops[i + 2] as usize;
                    out.push('<');
                    out.push_str(tag.as_str());
                    for k in 0..n {
                        let at = i + 3 + 3 * k;
                        let name = Name::ALL
                            .get(ops[at] as usize)
                            .copied()
                            .unwrap_or(Name::Class);
                        out.push(' ');
                        out.push_str(name.as_str());
                        out.push_str("=\"");
                        out.push_str(&crate::html::attr(self.slice(ops[at + 1], ops[at + 2])));
                        out.push('"');
                    }
                    out.push('>');
                    stack.push(tag);
                    i += 3 + 3 * n;
                }
                _ => {
                    if let Some(tag) = stack.pop() {
                        if !tag.is_void() {
                            out.push_str("</");
                            out.push_str(tag.as_str());
                            out.push('>');
                        }
                    }
                    i += 1;
                }
            }
        }
        while let Some(tag) = stack.pop() {
            if !tag.is_void() {
                out.push_str(&format!("</{}>", tag.as_str()));
            }
        }
        out
    }
}

/// Words the markup needs in the article's language (a highlight's label is inside the
/// article) and in the UI's (the "computed" tag on a card).
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// "figure" / "số liệu", in the article's language.
    pub figure: &'a str,
    /// "computed" / "tính toán", in the UI language.
    pub computed: &'a str,
    /// "corrected" / "đã đính chính", in the article's language.
    pub corrected: &'a str,
}

/// What the planners draw from: the document, its figures' formatted values (see
/// [`values`]) and the words they need.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub doc: &'a Document,
    pub values: &'a [String],
    pub words: Words<'a>,
    /// Where the site's root is from the page being built (`""`, or `"../../"` on a static
    /// article page): image URLs relative to the site get it in front.
    pub root: &'a str,
}

/// An image URL from the document (relative to the site's root, or `https:`) as seen
/// from a page `root` away from it.
pub fn image_url(src: &str, root: &str) -> String {
    let absolute = src
        .get(..6)
        .is_some_and(|s| s.eq_ignore_ascii_case("https:"))
        || src.starts_with('/');
    if absolute {
        src.to_string()
    } else {
        format!("{root}{src}")
    }
}

/// The highlight class of a figure's category: `hl c3`, or `hl cx` without one. The
/// colour and the line style of category `c` come from `c % 12` and `c / 12 % 5`.
pub fn highlight_class(category: Option<usize>) -> String {
    match category {
        Some(c) => format!("hl {}", category_class(c)),
        None => "hl cx".to_string(),
    }
}

/// Colours of the category palette (`style/main.css`, `.c0` … `.c11`).
pub const PALETTE: usize = 12;
/// Underline styles (`.u0` … `.u4`), the second cue that tells categories apart.
pub const LINE_STYLES: usize = 5;
/// How many categories look different from each other.
pub const DISTINCT_CATEGORIES: usize = PALETTE * LINE_STYLES;

/// `c3 u1`: colour `c % 12`, underline style `c / 12 % 5` (60 distinguishable categories).
pub fn category_class(c: usize) -> String {
    format!("c{} u{}", c % PALETTE, c / PALETTE % LINE_STYLES)
}

/// The figure a run stands for when clicked: the innermost covering mention (the
/// shortest), so a number nested inside a longer quote is reachable.
pub fn primary_mark(doc: &Document, run: &Run) -> Option<Mark> {
    run.marks.iter().copied().min_by_key(|m| {
        doc.figures
            .get(m.figure)
            .and_then(|f| f.anchors.get(m.anchor))
            .map(|a| a.bytes.len())
            .unwrap_or(usize::MAX)
    })
}

/// Split `range` at the boundaries of `hits` (sorted, non-overlapping byte ranges): each
/// piece with the index (within `hits`) of the hit covering it, if any.
pub fn pieces(range: Range<usize>, hits: &[Range<usize>]) -> Vec<(Range<usize>, Option<usize>)> {
    let mut out = Vec::new();
    let mut at = range.start;
    for (i, h) in hits.iter().enumerate() {
        if h.end <= at || h.start >= range.end {
            continue;
        }
        if h.start > at {
            out.push((at..h.start, None));
        }
        let end = h.end.min(range.end);
        out.push((at.max(h.start)..end, Some(i)));
        at = end;
    }
    if at < range.end {
        out.push((at..range.end, None));
    }
    out
}

/// Figure indices of a run without repeats (a figure can cover a run twice when two of
/// its mentions overlap).
fn distinct_figures(run: &Run) -> impl Iterator<Item = usize> + '_ {
    run.marks
        .iter()
        .enumerate()
        .filter(|(i, m)| !run.marks[..*i].iter().any(|o| o.figure == m.figure))
        .map(|(_, m)| m.figure)
}

/// The text of `range`, with search hits wrapped in `data-search-hit` spans.
fn text_with_hits(
    plan: &mut Plan,
    text: &str,
    range: Range<usize>,
    hits: &[Range<usize>],
    first_hit: usize,
) {
    for (r, hit) in pieces(range, hits) {
        let s = text.get(r).unwrap_or_default();
        match hit {
            Some(i) => plan.element(
                Tag::Span,
                &[
                    (Name::Class, "search-hit"),
                    (Name::DataSearchHit, &(first_hit + i).to_string()),
                ],
                s,
            ),
            None => plan.text(s),
        }
    }
}

fn run(
    plan: &mut Plan,
    src: &Source,
    text: &str,
    run: &Run,
    hits: &[Range<usize>],
    first_hit: usize,
) {
    let (doc, values, words) = (src.doc, src.values, &src.words);
    let Some(slice) = text.get(run.bytes.clone()) else {
        return;
    };
    let local: Vec<Range<usize>> = hits
        .iter()
        .filter(|h| h.start < run.bytes.end && h.end > run.bytes.start)
        .cloned()
        .collect();
    let first = first_hit + hits.iter().take_while(|h| h.end <= run.bytes.start).count();
    let Some(primary) = primary_mark(doc, run) else {
        text_with_hits(plan, text, run.bytes.clone(), &local, first);
        return;
    };
    // Attributes are kept to what events and styles need, ten thousand times over in a
    // long article: `data-primary` only where several figures share the run,
    // `data-anchor` only past the first mention.
    let ids: Vec<&str> = distinct_figures(run)
        .filter_map(|f| doc.article.figures.get(f).map(|f| f.id.as_str()))
        .collect();
    // Only the first run of an anchor names it, so "scroll to mention k" lands at the
    // start of the quote.
    let mentions: Vec<String> = run
        .marks
        .iter()
        .filter(|m| {
            doc.figures
                .get(m.figure)
                .and_then(|f| f.anchors.get(m.anchor))
                .is_some_and(|a| a.bytes.start == run.bytes.start)
        })
        .map(|m| format!("{}:{}", doc.article.figures[m.figure].id, m.anchor))
        .collect();
    let Some(fig) = doc.article.figures.get(primary.figure) else {
        return;
    };
    let value = values
        .get(primary.figure)
        .map(String::as_str)
        .unwrap_or_default();
    let corrected = distinct_figures(run).any(|f| {
        doc.article
            .figures
            .get(f)
            .is_some_and(|x| !x.corrections.is_empty())
    });
    let label = if corrected {
        format!("{slice} — {}: {value} ({})", words.figure, words.corrected)
    } else {
        format!("{slice} — {}: {value}", words.figure)
    };
    let class = highlight_class(fig.category);
    let ids_joined = ids.join(" ");
    let mentions = mentions.join(" ");
    let anchor = primary.anchor.to_string();
    let category = fig.category.map(|c| c.to_string());
    let mut attrs = vec![
        (Name::Class, class.as_str()),
        (Name::Role, "button"),
        (Name::Tabindex, "0"),
        (Name::DataFigure, ids_joined.as_str()),
    ];
    if !mentions.is_empty() {
        attrs.push((Name::DataMention, &mentions));
    }
    if ids.len() > 1 {
        attrs.push((Name::DataPrimary, &fig.id));
    }
    if primary.anchor > 0 {
        attrs.push((Name::DataAnchor, &anchor));
    }
    if let Some(c) = &category {
        attrs.push((Name::DataCat, c));
    }
    attrs.push((Name::AriaLabel, &label));
    if corrected {
        attrs.push((Name::DataCorrected, "true"));
    }
    plan.open(Tag::Mark, &attrs);
    text_with_hits(plan, text, run.bytes.clone(), &local, first);
    plan.close();
}

/// One block's text (a paragraph's, or an image's caption) as runs: plain text, and a
/// `<mark>` for every run a mention covers, with the search `hits` of the block (byte
/// ranges, numbered from `first_hit`).
pub fn runs(plan: &mut Plan, src: &Source, block: usize, hits: &[Range<usize>], first_hit: usize) {
    let doc = src.doc;
    let text = doc
        .article
        .blocks
        .get(block)
        .and_then(Block::text)
        .unwrap_or_default();
    for r in doc.runs.get(block).map(Vec::as_slice).unwrap_or_default() {
        run(plan, src, text, r, hits, first_hit);
    }
}

/// Kicker, title, date (in the article's offset and language) and byline.
pub fn header(plan: &mut Plan, doc: &Document) {
    let a = &doc.article;
    plan.open(Tag::Header, &[(Name::Class, "article-head")]);
    if let Some(k) = a.kicker.as_deref() {
        plan.element(Tag::P, &[(Name::Class, "kicker")], k);
    }
    plan.element(Tag::H1, &[], &a.title);
    plan.open(Tag::P, &[(Name::Class, "meta")]);
    if let Some(t) = a
        .published
        .as_deref()
        .and_then(|p| Timestamp::parse(p).ok())
    {
        plan.element(
            Tag::Time,
            &[(Name::Class, "date"), (Name::Datetime, &t.iso_date())],
            &t.long(&a.lang),
        );
    }
    if let Some(b) = a.byline.as_deref() {
        plan.element(Tag::Span, &[(Name::Class, "byline")], b);
    }
    plan.close();
    plan.close();
}

/// One block: a paragraph with its runs, or an image with its caption's runs and credit.
/// The element holding the runs carries `data-block`, so the reader can refill it alone.
pub fn block(plan: &mut Plan, src: &Source, i: usize, hits: &[Range<usize>], first_hit: usize) {
    let doc = src.doc;
    let index = i.to_string();
    match doc.article.blocks.get(i) {
        None => {}
        Some(Block::Paragraph { .. }) => {
            plan.open(Tag::P, &[(Name::DataBlock, &index)]);
            runs(plan, src, i, hits, first_hit);
            plan.close();
        }
        Some(Block::Image {
            src: url,
            alt,
            caption,
            credit,
        }) => {
            plan.open(Tag::Figure, &[(Name::Class, "image")]);
            plan.open(
                Tag::Img,
                &[
                    (Name::Src, &image_url(url, src.root)),
                    (Name::Alt, alt),
                    (Name::Loading, "lazy"),
                    (Name::Decoding, "async"),
                ],
            );
            plan.close();
            if caption.is_some() || credit.is_some() {
                plan.open(Tag::Figcaption, &[]);
                if caption.is_some() {
                    plan.open(
                        Tag::Span,
                        &[(Name::Class, "caption"), (Name::DataBlock, &index)],
                    );
                    runs(plan, src, i, hits, first_hit);
                    plan.close();
                }
                if let Some(c) = credit {
                    if caption.is_some() {
                        plan.text(" ");
                    }
                    plan.element(Tag::Span, &[(Name::Class, "credit")], c);
                }
                plan.close();
            }
            plan.close();
        }
    }
}

/// The width class of a mini bar: `w0` … `w100`, percent of the bar (CSS classes, not
/// inline styles, so a strict Content-Security-Policy holds on static pages too).
pub fn width_class(ratio: f64) -> String {
    let pct = if ratio.is_finite() {
        (ratio.clamp(0.0, 1.0) * 100.0).round().max(1.0)
    } else {
        0.0
    };
    format!("w{}", pct as u32)
}

/// The largest finite value among `figures`: the scale of their cards' mini bars.
pub fn scale(doc: &Document, figures: &[usize]) -> f64 {
    figures
        .iter()
        .filter_map(|&f| doc.article.figures.get(f))
        .map(|f| f.value)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}

/// A ledger card, with `details` (the words they are written in) also what it shows on
/// paper and without JavaScript: its note, source, corrections and arithmetic
/// ([`card_details`]; the style sheet shows them only in print and where JavaScript does
/// not run; the reader adds them when the page is printed). `anchor` gives the item the
/// id `fig-ID`.
pub fn card_item(
    plan: &mut Plan,
    src: &Source,
    details: Option<&crate::words::Text>,
    figure: usize,
    scale: f64,
    anchor: bool,
) {
    let id = src
        .doc
        .article
        .figures
        .get(figure)
        .map(|f| format!("fig-{}", f.id))
        .unwrap_or_default();
    if anchor {
        plan.open(Tag::Li, &[(Name::Class, "card-item"), (Name::Id, &id)]);
    } else {
        plan.open(Tag::Li, &[(Name::Class, "card-item")]);
    }
    card_button(plan, src, figure, scale);
    if let Some(text) = details {
        card_details(plan, src, text, figure);
    }
    plan.close();
}

/// The button of one figure's ledger card: its value, label, a mini bar (a percentage of 100, or the
/// value against `scale`), and a "computed" tag for a figure without mentions.
pub fn card_button(plan: &mut Plan, src: &Source, figure: usize, scale: f64) {
    let (doc, values, words) = (src.doc, src.values, &src.words);
    let (Some(fig), Some(resolved)) = (doc.article.figures.get(figure), doc.figures.get(figure))
    else {
        return;
    };
    let computed = resolved.computed;
    let orphaned = !computed && resolved.anchors.is_empty();
    let ratio = if fig.unit.as_deref() == Some("%") {
        fig.value / 100.0
    } else if scale > 0.0 {
        fig.value / scale
    } else {
        0.0
    };
    let class = match (computed, orphaned) {
        (true, _) => "card computed",
        (false, true) => "card orphaned",
        _ => "card",
    };
    let mut attrs = vec![
        (Name::Type, "button"),
        (Name::Class, class),
        (Name::DataFigureCard, fig.id.as_str()),
    ];
    if !fig.corrections.is_empty() {
        attrs.push((Name::DataCorrected, "true"));
    }
    plan.open(Tag::Button, &attrs);
    plan.element(
        Tag::Span,
        &[(Name::Class, "card-value")],
        values.get(figure).map(String::as_str).unwrap_or_default(),
    );
    plan.element(Tag::Span, &[(Name::Class, "card-label")], &fig.label);
    plan.open(
        Tag::Span,
        &[(Name::Class, "mini"), (Name::AriaHidden, "true")],
    );
    plan.element(
        Tag::Span,
        &[(Name::Class, &format!("mini-bar {}", width_class(ratio)))],
        "",
    );
    plan.close();
    if computed {
        plan.element(Tag::Span, &[(Name::Class, "tag computed")], words.computed);
    }
    plan.close();
}

/// Every figure's value as the article writes it ("trên 8.000 đảng viên"), formatted
/// once per document for highlights, cards, popover and details.
pub fn values(doc: &Document) -> Vec<String> {
    doc.article
        .figures
        .iter()
        .map(|f| crate::format::figure_value(f, &doc.article.lang))
        .collect()
}

/// The article element's attributes (`class`, `lang`, `dir`), as the reader sets them.
pub fn article_attributes(lang: &str) -> [(Name, String); 3] {
    let dir = if crate::text::is_rtl(lang) {
        "rtl"
    } else {
        "ltr"
    };
    [
        (Name::Class, "article".to_string()),
        (Name::Lang, lang.to_string()),
        (Name::Dir, dir.to_string()),
    ]
}

/// The problems that did not stop the article from rendering, as the reader lists them:
/// message, where (`$.path (line:col)`) and hint, under a heading with their number (the
/// caller puts them in a `role="status"` element).
pub fn warnings(plan: &mut Plan, doc: &Document, heading: &str) {
    if doc.warnings.is_empty() {
        return;
    }
    plan.open(Tag::Details, &[(Name::Class, "warnings")]);
    plan.element(
        Tag::Summary,
        &[],
        &format!("{heading} ({})", doc.warnings.len()),
    );
    plan.open(Tag::Ul, &[]);
    for w in &doc.warnings {
        plan.open(Tag::Li, &[]);
        plan.element(Tag::Span, &[(Name::Class, "warn-msg")], &w.message);
        plan.text(" ");
        plan.element(
            Tag::Code,
            &[(Name::Class, "warn-path")],
            &problem_location(w),
        );
        if let Some(h) = &w.hint {
            plan.element(Tag::Span, &[(Name::Class, "warn-hint")], h);
        }
        plan.close();
    }
    plan.close();
    plan.close();
}

/// Where a problem is: `$.figures[3].value (12:5)`, or the path alone.
pub fn problem_location(p: &crate::Problem) -> String {
    match (p.line, p.column) {
        (Some(l), Some(c)) => format!("{} ({l}:{c})", p.path),
        _ => p.path.clone(),
    }
}

/// What a card shows without JavaScript (on a static page, where there is no details
/// panel): the note and the breakdown's arithmetic with its check.
pub fn card_details(plan: &mut Plan, src: &Source, text: &crate::words::Text, figure: usize) {
    let doc = src.doc;
    let Some(fig) = doc.article.figures.get(figure) else {
        return;
    };
    let breakdown = doc.relations.breakdown(figure);
    let source = provenance_line(doc, figure, text);
    if fig.note.is_none() && breakdown.is_none() && source.is_none() && fig.corrections.is_empty() {
        return;
    }
    plan.open(Tag::Div, &[(Name::Class, "card-details")]);
    if let Some(note) = &fig.note {
        plan.element(Tag::P, &[(Name::Class, "details-note")], note);
    }
    if let Some(line) = source {
        plan.element(Tag::P, &[(Name::Class, "details-source")], &line);
    }
    corrections(plan, doc, src.values, figure, text);
    if let Some(b) = breakdown {
        let equation = b.equation(&doc.article.figures, &doc.article.lang);
        let (line, status) = match b.check {
            crate::Check::Consistent => (format!("{equation} ✓"), text.sum_ok),
            crate::Check::Mismatch => (equation, text.sum_mismatch),
            crate::Check::UnitsDiffer(_) => (equation, text.sum_unchecked),
        };
        let class = if b.consistent {
            "arithmetic"
        } else {
            "arithmetic mismatch"
        };
        plan.open(Tag::P, &[(Name::Class, class)]);
        plan.element(Tag::Span, &[], &line);
        plan.text(" ");
        plan.element(
            Tag::Span,
            &[(Name::Class, "sum-status")],
            &format!("({status})"),
        );
        plan.close();
    }
    plan.close();
}

/// "Theo: Bùi Thị Bính, Phó Bí thư Thường trực Thành uỷ (Báo cáo …), tính đến 11/2016" —
/// who the number is from and when it held, in the article's language; `None` for an
/// article's own number without an as-of date.
pub fn provenance_line(doc: &Document, figure: usize, text: &crate::words::Text) -> Option<String> {
    let fig = doc.article.figures.get(figure)?;
    let lang = &doc.article.lang;
    let source = fig
        .source
        .and_then(|s| doc.article.sources.get(s))
        .map(|s| {
            let mut who = s.name.clone();
            if let Some(r) = &s.role {
                who = format!("{who}, {r}");
            }
            if let Some(d) = &s.document {
                who = format!("{who} ({d})");
            }
            format!("{}: {who}", text.according_to)
        });
    let as_of = fig
        .as_of
        .as_deref()
        .and_then(|d| crate::format::PartialDate::parse(d).ok())
        .map(|d| format!("{} {}", text.as_of, d.short(lang)));
    match (source, as_of) {
        (Some(s), Some(a)) => Some(format!("{s}, {a}")),
        (Some(s), None) => Some(s),
        (None, Some(a)) => Some(a),
        (None, None) => None,
    }
}

/// One correction as readers see it: "55 → 54 (01/12/2016): typo in the count".
pub fn correction_line(
    doc: &Document,
    figure: usize,
    k: usize,
    values: &[String],
) -> Option<String> {
    let fig = doc.article.figures.get(figure)?;
    let c = fig.corrections.get(k)?;
    let lang = &doc.article.lang;
    let previous = crate::format::figure_value(
        &crate::Figure {
            value: c.previous,
            ..fig.clone()
        },
        lang,
    );
    // The value it became: the next correction's previous, or the current one.
    let next = match fig.corrections.get(k + 1) {
        Some(n) => crate::format::figure_value(
            &crate::Figure {
                value: n.previous,
                ..fig.clone()
            },
            lang,
        ),
        None => values.get(figure).cloned().unwrap_or_default(),
    };
    let date = crate::format::PartialDate::parse(&c.date).map_or(c.date.clone(), |d| d.short(lang));
    let mut line = format!("{previous} → {next} ({date})");
    if let Some(n) = &c.note {
        line = format!("{line}: {n}");
    }
    Some(line)
}

/// A corrected figure's history, under a heading.
pub fn corrections(
    plan: &mut Plan,
    doc: &Document,
    values: &[String],
    figure: usize,
    text: &crate::words::Text,
) {
    let Some(fig) = doc.article.figures.get(figure) else {
        return;
    };
    if fig.corrections.is_empty() {
        return;
    }
    plan.open(Tag::Div, &[(Name::Class, "corrections")]);
    plan.element(
        Tag::P,
        &[(Name::Class, "rel-head")],
        text.corrections_heading,
    );
    plan.open(Tag::Ul, &[]);
    for k in 0..fig.corrections.len() {
        if let Some(line) = correction_line(doc, figure, k, values) {
            plan.element(Tag::Li, &[], &line);
        }
    }
    plan.close();
    plan.close();
}

/// A whole article page as the reader lays it out, for a static page: the article with
/// its highlights, the warnings, and the ledger with every figure's card (each reachable
/// as `#fig-ID`, with its note and arithmetic for readers without JavaScript). `text` is
/// the chrome's words in the article's language.
pub fn static_article(plan: &mut Plan, src: &Source, text: &crate::words::Text, root: &str) {
    let doc = src.doc;
    plan.open(Tag::Div, &[(Name::Id, STATIC_PAGE)]);
    static_top_bar(plan, text, root, true);
    plan.open(Tag::Div, &[(Name::Class, "reader")]);
    plan.open(
        Tag::Main,
        &[
            (Name::Id, "main"),
            (Name::Class, "reading"),
            (Name::Tabindex, "-1"),
        ],
    );
    plan.element(
        Tag::Div,
        &[
            (Name::Class, "article-search search-placeholder"),
            (Name::AriaHidden, "true"),
        ],
        "",
    );
    let attrs = article_attributes(&doc.article.lang);
    let attrs: Vec<(Name, &str)> = attrs.iter().map(|(n, v)| (*n, v.as_str())).collect();
    plan.open(Tag::Article, &attrs);
    header(plan, doc);
    plan.open(Tag::Div, &[(Name::Class, "body")]);
    for i in 0..doc.article.blocks.len() {
        block(plan, src, i, &[], 0);
    }
    plan.close();
    plan.close();
    if !doc.warnings.is_empty() {
        plan.open(Tag::Div, &[(Name::Role, "status")]);
        warnings(plan, doc, text.warnings_heading);
        plan.close();
    }
    plan.close();
    plan.open(
        Tag::Aside,
        &[(Name::Class, "side"), (Name::AriaLabel, text.ledger_label)],
    );
    plan.open(Tag::Div, &[(Name::Class, "side-body")]);
    plan.open(
        Tag::Section,
        &[
            (Name::Class, "ledger"),
            (Name::AriaLabelledby, "ledger-heading"),
        ],
    );
    plan.element(
        Tag::H2,
        &[(Name::Id, "ledger-heading")],
        text.ledger_heading,
    );
    if doc.article.figures.is_empty() {
        plan.element(Tag::P, &[(Name::Class, "ledger-empty")], text.no_figures);
    }
    for group in crate::view::ledger_groups(doc) {
        plan.open(Tag::Section, &[(Name::Class, "group")]);
        plan.open(Tag::H3, &[]);
        match group
            .category
            .and_then(|c| doc.article.categories.get(c).map(|cat| (c, cat)))
        {
            Some((c, cat)) => {
                plan.element(
                    Tag::Span,
                    &[
                        (Name::Class, &format!("swatch {}", category_class(c))),
                        (Name::AriaHidden, "true"),
                    ],
                    "",
                );
                plan.element(Tag::Span, &[], &cat.label);
            }
            None => plan.text(text.uncategorised),
        }
        plan.close();
        plan.open(Tag::Ul, &[(Name::Class, "cards")]);
        let scale = scale(doc, &group.figures);
        for &f in &group.figures {
            // With an id, so `#fig-ID` lands on the card without JavaScript.
            card_item(plan, src, Some(text), f, scale, true);
        }
        plan.close();
        plan.close();
    }
    plan.close();
    plan.close();
    plan.close();
    plan.close();
    plan.close();
}

/// The id of a static page's content, which the reader replaces when it takes over.
pub const STATIC_PAGE: &str = "static-page";

/// The bar above a static page, laid out like the reader's (skip link, the way to the
/// catalog; the language switch only works with JavaScript, so it is left to the reader).
pub fn static_top_bar(plan: &mut Plan, text: &crate::words::Text, root: &str, in_article: bool) {
    plan.element(
        Tag::A,
        &[(Name::Class, "skip"), (Name::Href, "#main")],
        text.skip_to_article,
    );
    plan.open(Tag::Header, &[(Name::Class, "topbar")]);
    plan.open(Tag::Nav, &[(Name::AriaLabel, text.app_name)]);
    plan.element(
        Tag::A,
        &[(Name::Class, "brand"), (Name::Href, root)],
        text.app_name,
    );
    if in_article {
        plan.element(
            Tag::A,
            &[(Name::Class, "back"), (Name::Href, root)],
            text.back_to_catalog,
        );
    }
    plan.close();
    plan.close();
}

/// One entry of the catalog list.
#[derive(Clone, Debug)]
pub struct CatalogEntry<'a> {
    pub href: String,
    pub title: &'a str,
    pub kicker: Option<&'a str>,
    pub lang: &'a str,
    pub published: Option<&'a str>,
}

/// The catalog as the reader lists it (heading, then kicker, linked title and date per
/// article), for the static first screen of `index.html`.
pub fn static_catalog<'a>(
    plan: &mut Plan,
    text: &crate::words::Text,
    entries: impl IntoIterator<Item = CatalogEntry<'a>>,
) {
    plan.open(Tag::Div, &[(Name::Id, STATIC_PAGE)]);
    static_top_bar(plan, text, "./", false);
    plan.open(
        Tag::Main,
        &[
            (Name::Id, "main"),
            (Name::Class, "catalog"),
            (Name::Tabindex, "-1"),
        ],
    );
    plan.element(Tag::H1, &[], text.catalog_heading);
    plan.open(Tag::Ul, &[(Name::Class, "entries")]);
    for e in entries {
        let dir = if crate::text::is_rtl(e.lang) {
            "rtl"
        } else {
            "ltr"
        };
        plan.open(
            Tag::Li,
            &[
                (Name::Class, "entry"),
                (Name::Lang, e.lang),
                (Name::Dir, dir),
            ],
        );
        if let Some(k) = e.kicker {
            plan.element(Tag::P, &[(Name::Class, "kicker")], k);
        }
        plan.open(Tag::H2, &[]);
        plan.element(Tag::A, &[(Name::Href, &e.href)], e.title);
        plan.close();
        if let Some(t) = e.published.and_then(|p| Timestamp::parse(p).ok()) {
            plan.element(
                Tag::Time,
                &[(Name::Datetime, &t.iso_date())],
                &t.short(e.lang),
            );
        }
        plan.close();
    }
    plan.close();
    plan.close();
    plan.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        crate::load(include_str!(
            "../../../public/articles/cam-pha-2016-11-29.json"
        ))
        .unwrap()
    }

    const WORDS: Words = Words {
        figure: "số liệu",
        computed: "tính toán",
        corrected: "đã đính chính",
    };

    /// What the planners draw from, for the test document, a page `root` away.
    fn source<'a>(d: &'a Document, values: &'a [String], root: &'a str) -> Source<'a> {
        Source {
            doc: d,
            values,
            words: WORDS,
            root,
        }
    }

    #[test]
    fn html_escapes_text_and_attributes_and_closes_void_elements() {
        let mut p = Plan::default();
        p.open(Tag::Figure, &[(Name::Class, "image")]);
        p.open(
            Tag::Img,
            &[(Name::Src, "a.png\"><script>"), (Name::Alt, "x & y")],
        );
        p.close();
        p.element(Tag::Span, &[], "</figure><script>alert(1)</script>");
        p.close();
        assert_eq!(
            p.to_html(),
            "<figure class=\"image\"><img src=\"a.png&quot;&gt;&lt;script&gt;\" alt=\"x &amp; y\">\
             <span>&lt;/figure&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span></figure>"
        );
    }

    #[test]
    fn offsets_are_utf16_as_javascript_counts_them() {
        let mut p = Plan::default();
        p.text("😀ẩ");
        p.element(Tag::Span, &[(Name::Class, "x")], "b");
        assert_eq!(
            p.ops(),
            &[
                TEXT,
                0,
                3,
                OPEN,
                Tag::Span as u32,
                1,
                Name::Class as u32,
                3,
                4,
                TEXT,
                4,
                5,
                CLOSE
            ]
        );
        assert_eq!(p.to_html(), "😀ẩ<span class=\"x\">b</span>");
    }

    #[test]
    fn extend_copies_a_plan() {
        let mut a = Plan::default();
        a.element(Tag::P, &[(Name::Class, "x")], "một");
        let mut b = Plan::default();
        b.text("hai ");
        b.extend(&a);
        assert_eq!(b.to_html(), "hai <p class=\"x\">một</p>");
    }

    #[test]
    fn the_sample_paragraph_has_its_highlights() {
        let d = doc();
        let values = values(&d);
        let mut p = Plan::default();
        block(&mut p, &source(&d, &values, ""), 4, &[], 0);
        let html = p.to_html();
        assert!(html.starts_with("<p data-block=\"4\">"), "{html}");
        assert!(html.contains("data-figure=\"units\""), "{html}");
        assert!(
            html.contains("aria-label=\"54 chi, đảng bộ trực thuộc — số liệu: 54 đơn vị\""),
            "{html}"
        );
        assert!(html.contains("role=\"button\" tabindex=\"0\""), "{html}");
        // Every character of the paragraph is there, in order.
        let text = d.article.blocks[4].text().unwrap();
        let stripped = strip_tags(&html);
        assert_eq!(stripped, crate::html::text(text));
    }

    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut inside = false;
        for c in html.chars() {
            match c {
                '<' => inside = true,
                '>' => inside = false,
                c if !inside => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn cards_say_what_they_are() {
        let d = doc();
        let values = values(&d);
        let total = d.figure_index("households-total").unwrap();
        let mut p = Plan::default();
        card_button(&mut p, &source(&d, &values, ""), total, 34.0);
        let html = p.to_html();
        assert!(
            html.contains("class=\"card computed\" data-figure-card=\"households-total\""),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"mini-bar w100\"></span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"tag computed\">tính toán</span>"),
            "{html}"
        );
        assert_eq!(width_class(0.371), "w37");
        assert_eq!(width_class(0.0), "w1", "a visible stub");
        assert_eq!(width_class(f64::NAN), "w0");
        assert_eq!(width_class(7.0), "w100");
    }

    #[test]
    fn css_selectors_are_escaped() {
        assert_eq!(
            Name::DataFigure.css("units", true),
            "[data-figure~=\"units\"]"
        );
        assert_eq!(
            Name::DataFigureCard.css("a\"b\\c", false),
            "[data-figure-card=\"a\\\"b\\\\c\"]"
        );
    }

    #[test]
    fn the_vocabulary_is_numbered_in_order() {
        for (i, t) in Tag::ALL.iter().enumerate() {
            assert_eq!(*t as usize, i);
        }
        for (i, n) in Name::ALL.iter().enumerate() {
            assert_eq!(*n as usize, i);
        }
    }

    #[test]
    fn a_static_page_holds_the_article_the_warnings_and_every_figure() {
        let d = doc();
        let values = values(&d);
        let src = source(&d, &values, "../../");
        let mut p = Plan::default();
        static_article(&mut p, &src, &crate::words::VI, "../../");
        let html = p.to_html();
        assert!(
            html.starts_with("<div id=\"static-page\"><a class=\"skip\" href=\"#main\">"),
            "{}",
            &html[..80]
        );
        assert!(html.contains(
            "<article class=\"article\" lang=\"vi\" dir=\"ltr\"><header class=\"article-head\">"
        ));
        assert!(html.contains(&format!("<h1>{}</h1>", crate::html::text(&d.article.title))));
        assert!(
            html.contains("<img src=\"../../images/ql18.svg\""),
            "images from the site's root"
        );
        assert_eq!(
            image_url("https://cdn.example/a.png", "../../"),
            "https://cdn.example/a.png"
        );
        assert_eq!(
            image_url("HTTPS://cdn.example/a.png", "../../"),
            "HTTPS://cdn.example/a.png"
        );
        assert_eq!(image_url("/a.png", "../../"), "/a.png");
        assert_eq!(image_url("images/a.png", ""), "images/a.png");
        for f in &d.article.figures {
            assert!(html.contains(&format!("id=\"fig-{}\"", f.id)), "{}", f.id);
            assert!(
                html.contains(&format!("data-figure-card=\"{}\"", f.id)),
                "{}",
                f.id
            );
        }
        assert!(html.contains("<p class=\"arithmetic\"><span>28 + 6 = 34 ✓</span> <span class=\"sum-status\">(tổng khớp)</span></p>"), "breakdowns");
        // Every paragraph's text, whole.
        for b in &d.article.blocks {
            if let crate::Block::Paragraph { text } = b {
                let words: Vec<&str> = text.split_whitespace().take(6).collect();
                assert!(
                    strip_tags(&html).contains(&crate::html::text(&words.join(" "))),
                    "{text}"
                );
            }
        }
        // Balanced: every element opened is closed.
        assert_eq!(html.matches("<div").count(), html.matches("</div>").count());
        assert_eq!(
            html.matches("<section").count(),
            html.matches("</section>").count()
        );
    }
}
