//! Pure decisions behind the reader's views, kept here so they are tested natively:
//! stepping round a cycle, grouping and ordering the ledger, the download progress text.
//!
//! ```
//! use article_core::view::step;
//! assert_eq!(step(Some(3), 4, 1), Some(0));   // past the last: the first
//! assert_eq!(step(None, 4, -1), Some(3));     // nothing yet, backwards: the last
//! ```
use crate::Document;

/// The next (`by = 1`) or previous (`-1`) position in a cycle of `len`, from `here`
/// (none yet: forwards starts at the first, backwards at the last). `None` when empty.
/// Used for j / k through figures, ‹ › through a figure's mentions, ↑ ↓ through hits.
pub fn step(here: Option<usize>, len: usize, by: isize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match here {
        Some(i) => (i as isize + by).rem_euclid(len as isize) as usize,
        None if by >= 0 => 0,
        None => len - 1,
    })
}

/// Text bytes shown in the first pass of a long article: a few screens.
const FIRST_PASS_BYTES: usize = 12_000;

/// How many leading blocks make up the first pass of rendering (all of them for a short
/// article): a long article shows its first screens at once and the rest a frame later.
pub fn first_screens(blocks: &[crate::Block]) -> usize {
    let mut bytes = 0;
    for (i, b) in blocks.iter().enumerate() {
        bytes += b.text().map_or(0, str::len);
        if bytes > FIRST_PASS_BYTES {
            return i + 1;
        }
    }
    blocks.len()
}

/// The sentence a figure is first mentioned in (what a shared link to it quotes): from
/// the end of the previous sentence (`.`, `!`, `?` or `;` and a space, or the start of the
/// block) to the end of this one, whitespace tidied. `None` for a figure without anchors.
pub fn first_sentence(doc: &Document, figure: usize) -> Option<String> {
    let anchor = doc.figures.get(figure)?.anchors.first()?;
    let text = doc.article.blocks.get(anchor.block)?.text()?;
    let ends = |i: usize| {
        let b = text.as_bytes();
        matches!(b.get(i), Some(b'.' | b'!' | b'?' | b';'))
            && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
    };
    let start = (0..anchor.bytes.start)
        .rev()
        .find(|&i| ends(i))
        .map_or(0, |i| i + 1);
    let end = (anchor.bytes.end..text.len())
        .find(|&i| ends(i))
        .map_or(text.len(), |i| i + 1);
    let sentence = text.get(start..end)?;
    Some(sentence.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// How the ledger orders cards within a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortBy {
    /// As the figures first appear in the text.
    #[default]
    Reading,
    /// Largest value first; equal values keep their reading order.
    Value,
    /// By source, in the order sources are declared, the article's own numbers last;
    /// within a source, reading order.
    Source,
}

/// One ledger group: a category (or none: the uncategorised, shown last) and its
/// figures in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub category: Option<usize>,
    pub figures: Vec<usize>,
}

/// The ledger's groups: categories in document order, then figures without one; empty
/// groups left out.
pub fn ledger_groups(doc: &Document) -> Vec<Group> {
    let n = doc.article.categories.len();
    let mut groups: Vec<Group> = (0..=n)
        .map(|c| Group {
            category: (c < n).then_some(c),
            figures: Vec::new(),
        })
        .collect();
    for &f in &doc.reading_order {
        let slot = doc
            .article
            .figures
            .get(f)
            .and_then(|fig| fig.category)
            .filter(|&c| c < n)
            .unwrap_or(n);
        groups[slot].figures.push(f);
    }
    groups.retain(|g| !g.figures.is_empty());
    groups
}

/// `figures` (in reading order) in the order `by` asks for.
pub fn ordered(doc: &Document, figures: &[usize], by: SortBy) -> Vec<usize> {
    let mut order = figures.to_vec();
    match by {
        SortBy::Reading => {}
        SortBy::Value => {
            let value = |f: usize| doc.article.figures.get(f).map_or(f64::NAN, |x| x.value);
            // Stable: equal values keep reading order; NaN cannot occur in a loaded document.
            order.sort_by(|&a, &b| value(b).total_cmp(&value(a)));
        }
        SortBy::Source => {
            order.sort_by_key(|&f| {
                doc.article
                    .figures
                    .get(f)
                    .and_then(|x| x.source)
                    .unwrap_or(usize::MAX)
            });
        }
    }
    order
}

/// How much of a download arrived, in the unit of the total: "8 / 20 kB", "1,2 / 2,1 MB",
/// or "8 kB" without a total (or with one smaller than what arrived). Numbers are written
/// the way `lang` writes them.
pub fn download_size(received: u64, total: Option<u64>, lang: &str) -> String {
    let total = total.filter(|&t| t >= received);
    let scale = total.unwrap_or(received);
    let (div, unit, digits) = if scale < 1_000_000 {
        (1e3, "kB", 1.0)
    } else {
        (1e6, "MB", 10.0)
    };
    let size = |b: u64| crate::format::number((b as f64 / div * digits).round() / digits, lang);
    match total {
        Some(t) => format!("{} / {} {unit}", size(received), size(t)),
        None => format!("{} {unit}", size(received)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_round_a_cycle() {
        assert_eq!(step(None, 0, 1), None);
        assert_eq!(step(Some(0), 0, -1), None);
        assert_eq!(step(None, 5, 1), Some(0));
        assert_eq!(step(None, 5, -1), Some(4));
        assert_eq!(step(Some(0), 5, -1), Some(4));
        assert_eq!(step(Some(4), 5, 1), Some(0));
        assert_eq!(step(Some(2), 5, 1), Some(3));
        assert_eq!(step(Some(2), 5, 7), Some(4));
        assert_eq!(step(Some(0), 1, 1), Some(0));
        for len in 1..20 {
            for here in 0..len {
                let there = step(Some(here), len, 1).unwrap();
                assert_eq!(step(Some(there), len, -1), Some(here), "back and forth");
            }
        }
    }

    fn doc() -> Document {
        crate::load(include_str!(
            "../../../public/articles/cam-pha-2016-11-29.json"
        ))
        .unwrap()
    }

    #[test]
    fn ledger_groups_follow_categories_then_the_rest() {
        let d = doc();
        let groups = ledger_groups(&d);
        let cats: Vec<Option<usize>> = groups.iter().map(|g| g.category).collect();
        let mut sorted = cats.clone();
        sorted.sort_by_key(|c| c.unwrap_or(usize::MAX));
        assert_eq!(cats, sorted, "category order, uncategorised last");
        let all: usize = groups.iter().map(|g| g.figures.len()).sum();
        assert_eq!(all, d.article.figures.len(), "every figure once");
        for g in &groups {
            assert!(!g.figures.is_empty());
            let pos = |f: &usize| d.reading_order.iter().position(|x| x == f).unwrap();
            assert!(
                g.figures.windows(2).all(|w| pos(&w[0]) < pos(&w[1])),
                "reading order"
            );
            assert!(g
                .figures
                .iter()
                .all(|&f| d.article.figures[f].category == g.category));
        }
    }

    #[test]
    fn ordering_by_value_is_stable_and_reversible() {
        let d = doc();
        let figs: Vec<usize> = d.reading_order.clone();
        assert_eq!(ordered(&d, &figs, SortBy::Reading), figs);
        let by_value = ordered(&d, &figs, SortBy::Value);
        let v = |f: usize| d.article.figures[f].value;
        assert!(by_value.windows(2).all(|w| v(w[0]) >= v(w[1])));
        // Equal values keep reading order (the sample has several 50 %, 5 …).
        for w in by_value.windows(2) {
            if v(w[0]) == v(w[1]) {
                let pos = |f: usize| figs.iter().position(|&x| x == f).unwrap();
                assert!(pos(w[0]) < pos(w[1]));
            }
        }
    }

    #[test]
    fn first_screens_are_a_few_screens() {
        let para = |n: usize| crate::Block::Paragraph {
            text: "x".repeat(n),
        };
        assert_eq!(first_screens(&[]), 0);
        assert_eq!(
            first_screens(&[para(100), para(100)]),
            2,
            "a short article at once"
        );
        let long: Vec<_> = (0..100).map(|_| para(1_000)).collect();
        assert_eq!(first_screens(&long), 13, "just past 12,000 bytes");
    }

    #[test]
    fn a_figure_is_quoted_in_its_sentence() {
        let d = doc();
        let units = d.figure_index("units").unwrap();
        let s = first_sentence(&d, units).unwrap();
        assert!(s.starts_with("Đồng chí Bùi Thị Bính"), "{s}");
        assert!(s.contains("54 chi, đảng bộ trực thuộc"), "{s}");
        assert!(s.ends_with('.') && !s.contains(". "), "one sentence: {s}");
        let total = d.figure_index("households-total").unwrap();
        assert_eq!(first_sentence(&d, total), None, "computed: no sentence");
    }

    #[test]
    fn download_sizes() {
        assert_eq!(download_size(8_000, Some(20_000), "en"), "8 / 20 kB");
        assert_eq!(download_size(8_400, None, "vi"), "8 kB");
        assert_eq!(download_size(1_250_000, None, "vi"), "1,3 MB");
        assert_eq!(
            download_size(1_200_000, Some(2_100_000), "vi"),
            "1,2 / 2,1 MB"
        );
        assert_eq!(
            download_size(3_000, Some(10), "en"),
            "3 kB",
            "a total below what arrived is ignored"
        );
        assert_eq!(download_size(0, Some(0), "en"), "0 / 0 kB");
        assert_eq!(download_size(999_999, None, "en"), "1,000 kB");
    }
}
