//! Share cards: 1200×630 PNG images a link preview shows, one per article (kicker,
//! title, date, its three most mentioned figures) and one per figure (the value as the
//! article writes it, its label, the arithmetic check, the article's title and date).
//!
//! Drawn as SVG with the reader's own font (Be Vietnam Pro, as TrueType in the site's
//! `fonts/`), so Vietnamese diacritics come out exactly, and rendered natively by resvg.
//! SVG does not wrap text, so lines are measured here with the font's advances and
//! wrapped at words (a word longer than a line is cut), with an ellipsis when a text needs
//! more lines than it has. A character the font does not have is left out rather than
//! drawn as a box; the check mark, which the font lacks, is a path.
use std::path::Path;
use std::sync::Arc;

use article_core::format::Timestamp;
use article_core::html;
use article_core::Document;
use resvg::{tiny_skia, usvg};
use skrifa::{FontRef, MetadataProvider};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
const PAD: f32 = 72.0;
const FAMILY: &str = "Be Vietnam Pro";
/// The TrueType files `scripts/setup.sh` puts into `public/fonts` (and Trunk into the
/// site's `fonts/`).
const FILES: [(&str, u16); 3] = [
    ("BeVietnamPro_400Regular.ttf", 400),
    ("BeVietnamPro_600SemiBold.ttf", 600),
    ("BeVietnamPro_700Bold.ttf", 700),
];

/// The card font, loaded once per build.
pub struct Fonts {
    db: Arc<usvg::fontdb::Database>,
    /// Each weight's file, for measuring.
    faces: Vec<(u16, Vec<u8>)>,
}

impl Fonts {
    /// The font from `dir` (the site's `fonts/`).
    pub fn load(dir: &Path) -> Result<Fonts, String> {
        let mut db = usvg::fontdb::Database::new();
        let mut faces = Vec::new();
        for (file, weight) in FILES {
            let path = dir.join(file);
            let bytes = std::fs::read(&path).map_err(|e| {
                format!(
                    "the card font {} is missing ({e}); run scripts/setup.sh, or use --cards none",
                    path.display()
                )
            })?;
            FontRef::new(&bytes).map_err(|e| format!("{}: not a font: {e}", path.display()))?;
            db.load_font_data(bytes.clone());
            faces.push((weight, bytes));
        }
        Ok(Fonts {
            db: Arc::new(db),
            faces,
        })
    }

    fn face(&self, weight: u16) -> FontRef<'_> {
        let bytes = self
            .faces
            .iter()
            .find(|(w, _)| *w == weight)
            .or(self.faces.first())
            .map(|(_, b)| b.as_slice())
            .unwrap_or_default();
        FontRef::new(bytes).expect("checked when loaded")
    }

    /// Whether the font draws `c` (spaces always count).
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace() || self.face(400).charmap().map(c).is_some()
    }

    /// `text` without the characters the font cannot draw.
    pub fn drawable(&self, text: &str) -> String {
        let kept: String = text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|&c| self.covers(c) && !c.is_control())
            .collect();
        kept.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Width of `text` at `size` px.
    fn width(&self, text: &str, size: f32, weight: u16) -> f32 {
        let face = self.face(weight);
        let charmap = face.charmap();
        let metrics = face.glyph_metrics(
            skrifa::instance::Size::new(size),
            skrifa::instance::LocationRef::default(),
        );
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|g| metrics.advance_width(g))
                    .unwrap_or(size * 0.5)
            })
            .sum()
    }

    /// `text` in at most `max_lines` lines of at most `max_width` px; the last one ends in
    /// "…" if the text did not fit. Words longer than a line are cut.
    pub fn wrap(
        &self,
        text: &str,
        size: f32,
        weight: u16,
        max_width: f32,
        max_lines: usize,
    ) -> Vec<String> {
        let text = self.drawable(text);
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        let mut words: std::collections::VecDeque<String> =
            text.split(' ').map(str::to_string).collect();
        while let Some(word) = words.pop_front() {
            let candidate = if line.is_empty() {
                word.clone()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size, weight) <= max_width {
                line = candidate;
                continue;
            }
            if line.is_empty() {
                // One word wider than a line: cut it where it stops fitting.
                let mut cut = String::new();
                for c in word.chars() {
                    if self.width(&format!("{cut}{c}"), size, weight) > max_width && !cut.is_empty()
                    {
                        break;
                    }
                    cut.push(c);
                }
                let rest: String = word.chars().skip(cut.chars().count()).collect();
                if !rest.is_empty() {
                    words.push_front(rest);
                }
                lines.push(cut);
            } else {
                lines.push(std::mem::take(&mut line));
                words.push_front(word);
            }
            if lines.len() == max_lines {
                break;
            }
        }
        if !line.is_empty() && lines.len() < max_lines {
            lines.push(line);
        } else if !line.is_empty() || !words.is_empty() {
            // More text than lines: end the last line with an ellipsis that fits.
            if let Some(last) = lines.last_mut() {
                while !last.is_empty() && self.width(&format!("{last}…"), size, weight) > max_width
                {
                    last.pop();
                }
                *last = format!("{}…", last.trim_end());
            }
        }
        lines
    }

    /// The largest of `sizes` at which `text` fits in `max_lines` lines of `max_width`.
    fn fit(
        &self,
        text: &str,
        sizes: &[f32],
        weight: u16,
        max_width: f32,
        max_lines: usize,
    ) -> (f32, Vec<String>) {
        for &size in sizes {
            let lines = self.wrap(text, size, weight, max_width, max_lines);
            if !lines.last().is_some_and(|l| l.ends_with('…')) || size == sizes[sizes.len() - 1] {
                return (size, lines);
            }
        }
        (
            sizes[0],
            self.wrap(text, sizes[0], weight, max_width, max_lines),
        )
    }
}

/// SVG being drawn: text lines at positions, escaped for XML.
struct Svg(String);

impl Svg {
    fn new() -> Svg {
        Svg(format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\">\
             <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#faf8f4\"/>\
             <rect width=\"16\" height=\"{HEIGHT}\" fill=\"#1f5c99\"/>"
        ))
    }

    fn text(&mut self, x: f32, y: f32, size: f32, weight: u16, fill: &str, s: &str) {
        self.0.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" font-family=\"{FAMILY}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\">{}</text>",
            html::text(s)
        ));
    }

    /// Lines from `y` down; returns the y below them.
    fn lines(&mut self, lines: &[String], mut y: f32, size: f32, weight: u16, fill: &str) -> f32 {
        for l in lines {
            y += size * 1.2;
            self.text(PAD, y - size * 0.22, size, weight, fill, l);
        }
        y
    }

    /// A check mark (the font has no ✓), its left at `x`, sitting on the baseline `y`.
    fn check_mark(&mut self, x: f32, y: f32, size: f32) {
        let s = size * 0.8;
        self.0.push_str(&format!(
            "<path d=\"M{} {} L{} {} L{} {}\" fill=\"none\" stroke=\"#1d7a3a\" stroke-width=\"{}\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
            x,
            y - s * 0.45,
            x + s * 0.35,
            y - s * 0.1,
            x + s,
            y - s * 0.85,
            size * 0.12
        ));
    }

    fn finish(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }
}

/// The date line: "29/11/2016" / "29 Nov 2016".
fn date(doc: &Document) -> Option<String> {
    let a = &doc.article;
    a.published
        .as_deref()
        .and_then(|p| Timestamp::parse(p).ok())
        .map(|t| t.short(&a.lang))
}

/// The footer: article title and date over the site's name.
fn footer(svg: &mut Svg, fonts: &Fonts, doc: &Document, site: &str) {
    let width = WIDTH as f32 - 2.0 * PAD;
    let title = fonts.wrap(&doc.article.title, 28.0, 600, width, 1);
    svg.lines(&title, HEIGHT as f32 - PAD - 70.0, 28.0, 600, "#1d1c1a");
    let line = match date(doc) {
        Some(d) => format!("{d} · {site}"),
        None => site.to_string(),
    };
    let line = fonts.wrap(&line, 24.0, 400, width, 1);
    svg.lines(&line, HEIGHT as f32 - PAD - 34.0, 24.0, 400, "#5b564f");
}

/// The card of one figure, as SVG.
pub fn figure_svg(
    fonts: &Fonts,
    doc: &Document,
    values: &[String],
    figure: usize,
    site: &str,
) -> String {
    let mut svg = Svg::new();
    let width = WIDTH as f32 - 2.0 * PAD;
    let Some(fig) = doc.article.figures.get(figure) else {
        return svg.finish();
    };
    let mut y = PAD - 10.0;
    if let Some(kicker) = doc.article.kicker.as_deref() {
        let k = fonts.wrap(kicker, 26.0, 600, width, 1);
        y = svg.lines(&k, y, 26.0, 600, "#1f5c99");
    }
    let value = values.get(figure).cloned().unwrap_or_default();
    // One line if it fits at a size that reads in a thumbnail, else two.
    let (mut size, mut lines) = fonts.fit(&value, &[104.0, 88.0, 72.0], 700, width, 1);
    if lines.last().is_some_and(|l| l.ends_with('…')) {
        (size, lines) = fonts.fit(&value, &[72.0, 60.0], 700, width, 2);
    }
    y = svg.lines(&lines, y + 10.0, size, 700, "#1d1c1a");
    let label = fonts.wrap(&fig.label, 38.0, 400, width, 2);
    y = svg.lines(&label, y + 4.0, 38.0, 400, "#2d2b28");
    if let Some(b) = doc.relations.breakdown(figure) {
        let equation = b.equation(&doc.article.figures, &doc.article.lang);
        let eq = fonts.wrap(&equation, 36.0, 600, width - 60.0, 1);
        let color = if b.consistent { "#1d7a3a" } else { "#a3342b" };
        let after = svg.lines(&eq, y + 16.0, 36.0, 600, color);
        if b.consistent {
            if let Some(line) = eq.first() {
                let x = PAD + fonts.width(line, 36.0, 600) + 16.0;
                svg.check_mark(x, after - 36.0 * 0.22, 36.0);
            }
        }
    }
    footer(&mut svg, fonts, doc, site);
    svg.finish()
}

/// Figures in the order a preview should show them: the most mentioned first, then in
/// reading order.
pub fn prominent(doc: &Document, n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = doc.reading_order.clone();
    order.sort_by_key(|&f| std::cmp::Reverse(doc.figures.get(f).map_or(0, |r| r.anchors.len())));
    order.truncate(n);
    order
}

/// The card of an article, as SVG.
pub fn article_svg(fonts: &Fonts, doc: &Document, values: &[String], site: &str) -> String {
    let mut svg = Svg::new();
    let width = WIDTH as f32 - 2.0 * PAD;
    let mut y = PAD - 10.0;
    if let Some(kicker) = doc.article.kicker.as_deref() {
        let k = fonts.wrap(kicker, 28.0, 600, width, 1);
        y = svg.lines(&k, y, 28.0, 600, "#1f5c99");
    }
    let (size, title) = fonts.fit(&doc.article.title, &[60.0, 52.0, 44.0], 700, width, 3);
    y = svg.lines(&title, y + 6.0, size, 700, "#1d1c1a");
    y += 18.0;
    for f in prominent(doc, 3) {
        if y > HEIGHT as f32 - PAD - 110.0 {
            break;
        }
        let value = values.get(f).cloned().unwrap_or_default();
        let label = doc
            .article
            .figures
            .get(f)
            .map(|x| x.label.clone())
            .unwrap_or_default();
        let v = fonts.wrap(&value, 34.0, 700, width * 0.45, 1);
        let vw = v.first().map_or(0.0, |l| fonts.width(l, 34.0, 700));
        let l = fonts.wrap(&label, 26.0, 400, width - vw - 24.0, 1);
        y += 34.0 * 1.25;
        if let Some(v) = v.first() {
            svg.text(PAD, y - 8.0, 34.0, 700, "#1f5c99", v);
        }
        if let Some(l) = l.first() {
            svg.text(PAD + vw + 20.0, y - 8.0, 26.0, 400, "#2d2b28", l);
        }
    }
    footer(&mut svg, fonts, doc, site);
    svg.finish()
}

/// The characters an SVG card draws (the content of its `<text>` elements), for checking
/// that the font has every one.
#[cfg(test)]
pub fn drawn_text(svg: &str) -> String {
    let mut out = String::new();
    for part in svg.split("<text ").skip(1) {
        let body = part.split_once('>').map_or("", |(_, b)| b);
        let body = body.split("</text>").next().unwrap_or_default();
        out.push_str(
            &body
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        );
    }
    out
}

/// The key a card's PNG carries in a `tEXt` chunk: a hash of the SVG it was drawn from
/// (and of this renderer's settings), so a build can tell an unchanged card without
/// drawing it again.
const STAMP: &str = "article-card";

/// The stamp of an SVG (FNV-1a, 64 bits: no cryptography needed, only change detection).
pub fn stamp(svg: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in svg.bytes().chain(*b"rgb-fastest-1") {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The stamp a PNG carries, if it is one of our cards.
pub fn stamp_of(png: &[u8]) -> Option<String> {
    let mut at = 8;
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().ok()?) as usize;
        let kind = &png[at + 4..at + 8];
        let data = png.get(at + 8..at + 8 + len)?;
        if kind == b"tEXt" {
            if let Some(rest) = data
                .strip_prefix(STAMP.as_bytes())
                .and_then(|r| r.strip_prefix(b"\0"))
            {
                return String::from_utf8(rest.to_vec()).ok();
            }
        }
        if kind == b"IDAT" {
            return None;
        }
        at += 12 + len;
    }
    None
}

/// Render an SVG card to PNG.
pub fn render(fonts: &Fonts, svg: &str) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        fontdb: fonts.db.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("card SVG: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("card: no pixmap")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    // The card is opaque, so its premultiplied RGBA is plain RGB: drop the alpha.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut png = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut png, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fastest);
    encoder
        .add_text_chunk(STAMP.to_string(), stamp(svg))
        .map_err(|e| format!("card PNG: {e}"))?;
    let mut writer = encoder
        .write_header()
        .map_err(|e| format!("card PNG: {e}"))?;
    writer
        .write_image_data(&rgb)
        .map_err(|e| format!("card PNG: {e}"))?;
    writer.finish().map_err(|e| format!("card PNG: {e}"))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Option<Fonts> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/fonts");
        match Fonts::load(&dir) {
            Ok(f) => Some(f),
            Err(e) => {
                // The font comes from scripts/setup.sh (./dev test runs it first).
                eprintln!("skipping: {e}");
                None
            }
        }
    }

    #[test]
    fn wrapping_fits_and_ends_with_an_ellipsis() {
        let Some(f) = fonts() else { return };
        let long = "chữ ".repeat(200);
        let lines = f.wrap(&long, 40.0, 400, 600.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
        for l in &lines {
            assert!(f.width(l, 40.0, 400) <= 600.0, "{l}");
        }
        let word = "x".repeat(500);
        let lines = f.wrap(&word, 40.0, 400, 600.0, 2);
        assert_eq!(lines.len(), 2, "a long word is cut");
        assert!(lines.iter().all(|l| f.width(l, 40.0, 400) <= 600.0));
        assert_eq!(f.wrap("ngắn", 40.0, 400, 600.0, 3), ["ngắn"]);
        assert_eq!(f.drawable("a✓b 😀 c"), "ab c", "no glyph, no box");
    }

    fn check_cards(json: &str) {
        let Some(f) = fonts() else { return };
        let doc = article_core::load(json).expect("loads");
        let values = article_core::markup::values(&doc);
        let mut svgs = vec![article_svg(&f, &doc, &values, "Đọc số liệu")];
        svgs.extend(
            (0..doc.article.figures.len()).map(|i| figure_svg(&f, &doc, &values, i, "Đọc số liệu")),
        );
        for svg in svgs {
            // No tofu: the font has a glyph for every character drawn.
            let drawn = drawn_text(&svg);
            let missing: Vec<char> = drawn.chars().filter(|&c| !f.covers(c)).collect();
            assert!(missing.is_empty(), "no glyph for {missing:?} in {drawn}");
            // A real 1200×630 PNG.
            let png = render(&f, &svg).unwrap();
            let pixmap = tiny_skia::Pixmap::decode_png(&png).expect("decodes");
            assert_eq!(stamp_of(&png), Some(stamp(&svg)), "stamped with its SVG");
            assert_eq!((pixmap.width(), pixmap.height()), (WIDTH, HEIGHT));
            assert!(png.len() > 5_000, "not blank: {} bytes", png.len());
        }
    }

    #[test]
    fn every_card_of_the_samples_and_the_hostile_document_draws_only_glyphs_the_font_has() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for file in [
            "public/articles/cam-pha-2016-11-29.json",
            "public/articles/harbour-2024-03-04.json",
            "tests/fixtures/hostile.json",
            "tests/fixtures/exact.json",
        ] {
            check_cards(&std::fs::read_to_string(root.join(file)).unwrap());
        }
    }

    #[test]
    fn the_value_is_drawn_as_the_article_writes_it_and_markup_stays_text() {
        let Some(f) = fonts() else { return };
        let json = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../public/articles/cam-pha-2016-11-29.json"),
        )
        .unwrap();
        let doc = article_core::load(&json).unwrap();
        let values = article_core::markup::values(&doc);
        let members = doc.figure_index("members").unwrap();
        let svg = figure_svg(&f, &doc, &values, members, "Đọc số liệu");
        assert!(
            drawn_text(&svg).contains("trên 8.000 đảng viên"),
            "{}",
            drawn_text(&svg)
        );
        let units = doc.figure_index("units").unwrap();
        let svg = figure_svg(&f, &doc, &values, units, "Đọc số liệu");
        assert!(
            drawn_text(&svg).contains("33 + 21 = 54"),
            "{}",
            drawn_text(&svg)
        );
        assert!(svg.contains("<path d="), "the check mark is drawn");
        let mut hostile = doc.clone();
        hostile.article.figures[units].label = "</text><script>alert(1)</script>".into();
        let svg = figure_svg(&f, &hostile, &values, units, "x");
        assert!(!svg.contains("<script>"), "markup escaped: {svg}");
        assert!(
            drawn_text(&svg).contains("</text><script>alert(1)</script>"),
            "drawn as text"
        );
    }
}
