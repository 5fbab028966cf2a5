//! Deterministic synthetic articles for benchmarks and tests.
//!
//! Why in the library: the native bench, the CLI and the in-browser benchmark must
//! measure the *same* document, and tests must be able to assert that every generated
//! mention resolves (so a benchmark never silently measures the warning path). The text
//! is Vietnamese-like (multi-byte, diacritics), numbers are grouped the vi way, and
//! every figure's quote is unique by construction: filler text contains no digits and
//! every mentioned value is distinct.
use crate::format::number;
use serde_json::{json, Value};
use std::collections::HashSet;

/// SplitMix64: tiny, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const WORDS: &[&str] = &[
    "Đảng bộ",
    "thành phố",
    "Cẩm Phả",
    "đã",
    "tập trung",
    "lãnh đạo",
    "phát triển",
    "kinh tế",
    "xã hội",
    "nhân dân",
    "công tác",
    "xây dựng",
    "chỉnh đốn",
    "cán bộ",
    "trong",
    "năm",
    "qua",
    "các",
    "cơ sở",
    "tỉnh",
    "Quảng Ninh",
    "hoàn thành",
    "nhiệm vụ",
    "chính trị",
    "địa phương",
    "vững mạnh",
    "tiêu biểu",
    "đổi mới",
    "phương thức",
    "hiệu quả",
    "chất lượng",
    "sinh hoạt",
    "thường xuyên",
    "kiểm tra",
    "giám sát",
    "quy hoạch",
    "đô thị",
    "hạ tầng",
    "giao thông",
    "môi trường",
    "bền vững",
    "người dân",
    "doanh nghiệp",
    "than",
    "khai thác",
    "vùng mỏ",
    "văn minh",
    "hiện đại",
];
const UNITS: &[&str] = &[
    "đảng viên",
    "hộ",
    "đơn vị",
    "tỷ đồng",
    "công trình",
    "chi bộ",
    "người",
    "km",
    "ha",
    "dự án",
    "lượt",
    "học sinh",
];
const INTROS: &[&str] = &["có", "đạt", "với", "tới", "tổng cộng", "thêm"];
const CATEGORIES: &[(&str, &str)] = &[
    ("org", "Tổ chức đảng"),
    ("econ", "Kinh tế"),
    ("infra", "Hạ tầng"),
    ("people", "Dân cư"),
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut cs = w.chars();
            if let Some(c) = cs.next() {
                s.extend(c.to_uppercase());
                s.push_str(cs.as_str());
            }
        } else {
            s.push_str(w);
        }
    }
    s
}

struct Slot {
    figure: usize,
    mention: usize,
    intro: &'static str,
}

/// An `article/1` JSON document with about `text_bytes` bytes of paragraph text and
/// `figures` figures (most with one or two mentions, about a tenth computed totals with
/// `parts`, some `within` others). Same arguments, same bytes. Every mention resolves.
pub fn big_article(text_bytes: usize, figures: usize, seed: u64) -> String {
    let mut rng = Rng(seed ^ 0x5EED_0A27_1C1E);
    let paragraphs = (text_bytes / 600).max(1);
    let per_para = (text_bytes / paragraphs).max(40);

    // Figures: values unique among mentioned figures so quotes are unique.
    struct Fig {
        value: f64,
        unit: &'static str,
        mentions: usize,
        parts: Vec<usize>,
        within: Option<usize>,
        qualifier: Option<&'static str>,
        category: usize,
    }
    let mut used: HashSet<(u64, &'static str)> = HashSet::new();
    let mut figs: Vec<Fig> = Vec::with_capacity(figures);
    let mut leaves: Vec<usize> = Vec::new();
    for k in 0..figures {
        let unit = UNITS[rng.below(UNITS.len())];
        let category = rng.below(CATEGORIES.len());
        if k % 10 == 9 && leaves.len() >= 3 {
            // A total of 2–3 earlier leaves in one unit (parts in other units than
            // their total cannot be added): the first leaf picked sets the unit, and a
            // bounded number of draws looks for more in it.
            let n = 2 + rng.below(2);
            let first = leaves[rng.below(leaves.len())];
            let unit = figs[first].unit;
            let mut parts = vec![first];
            for _ in 0..64 {
                if parts.len() == n {
                    break;
                }
                let p = leaves[rng.below(leaves.len())];
                if figs[p].unit == unit && !parts.contains(&p) {
                    parts.push(p);
                }
            }
            let sum: f64 = parts.iter().map(|&p| figs[p].value).sum();
            let over = k % 30 == 29;
            let value = if over { (sum - 1.0).max(0.0) } else { sum };
            let mentioned = k % 50 != 49 && used.insert((value as u64, unit));
            figs.push(Fig {
                value,
                unit,
                mentions: usize::from(mentioned),
                parts,
                within: None,
                qualifier: over.then_some("over"),
                category,
            });
            continue;
        }
        let value = loop {
            let v = 10 + rng.below(9_999_990) as u64;
            if used.insert((v, unit)) {
                break v as f64;
            }
        };
        let within = (k % 7 == 6 && !leaves.is_empty()).then(|| leaves[rng.below(leaves.len())]);
        figs.push(Fig {
            value,
            unit,
            mentions: 1 + usize::from(k % 3 == 0),
            parts: Vec::new(),
            within,
            qualifier: None,
            category,
        });
        leaves.push(k);
    }

    // Mention slots spread over paragraphs; second mentions land elsewhere.
    let mut slots: Vec<Vec<Slot>> = (0..paragraphs).map(|_| Vec::new()).collect();
    let total: usize = figs.iter().map(|f| f.mentions).sum::<usize>().max(1);
    let mut seen = 0usize;
    // (figure, mention) → (block, prefix or block mode)
    let mut placed: Vec<Vec<(usize, &'static str)>> = figs.iter().map(|_| Vec::new()).collect();
    for (fi, f) in figs.iter().enumerate() {
        let mut first_para: Option<usize> = None;
        for mi in 0..f.mentions {
            let mut para = seen * paragraphs / total;
            if mi == 1 {
                if let Some(p0) = first_para {
                    if paragraphs > 1 {
                        para = (p0 + paragraphs / 2).max(p0 + 1) % paragraphs;
                        if para == p0 {
                            para = (p0 + 1) % paragraphs;
                        }
                    }
                }
            }
            let intro = if mi == 0 {
                "có"
            } else {
                INTROS[1 + rng.below(INTROS.len() - 1)]
            };
            slots[para].push(Slot {
                figure: fi,
                mention: mi,
                intro,
            });
            placed[fi].push((para, intro));
            first_para.get_or_insert(para);
            seen += 1;
        }
    }

    // Paragraph text.
    let mut blocks: Vec<Value> = Vec::new();
    let mut block_of_para: Vec<usize> = Vec::with_capacity(paragraphs);
    for (pi, para_slots) in slots.iter().enumerate() {
        if pi > 0 && pi % 25 == 0 {
            blocks.push(json!({
                "kind": "image",
                "src": format!("images/anh-{pi}.jpg"),
                "alt": sentence(&mut rng, 5),
                "caption": sentence(&mut rng, 8),
                "credit": "Thùy Dương (CTV)",
            }));
        }
        let mut text = String::with_capacity(per_para + 64);
        for s in para_slots {
            let f = &figs[s.figure];
            if !text.is_empty() {
                text.push(' ');
            }
            let n = 3 + rng.below(5);
            text.push_str(&sentence(&mut rng, n));
            text.push(' ');
            text.push_str(s.intro);
            text.push(' ');
            text.push_str(&number(f.value, "vi"));
            text.push(' ');
            text.push_str(f.unit);
            text.push(' ');
            let n = 2 + rng.below(5);
            let tail = sentence(&mut rng, n);
            text.push_str(&tail.to_lowercase());
            text.push('.');
            let _ = s.mention;
        }
        while text.len() < per_para {
            if !text.is_empty() {
                text.push(' ');
            }
            let n = 6 + rng.below(10);
            text.push_str(&sentence(&mut rng, n));
            text.push('.');
        }
        block_of_para.push(blocks.len());
        blocks.push(json!({ "kind": "paragraph", "text": text }));
    }

    // Figures JSON.
    let fig_json: Vec<Value> = figs
        .iter()
        .enumerate()
        .map(|(fi, f)| {
            let quote = format!("{} {}", number(f.value, "vi"), f.unit);
            let mentions: Vec<Value> = placed[fi]
                .iter()
                .enumerate()
                .map(|(mi, &(para, intro))| {
                    if f.mentions == 1 {
                        json!({ "quote": quote })
                    } else if fi % 2 == 0 || placed[fi][0].0 == placed[fi][1].0 {
                        // disambiguate by prefix
                        json!({ "quote": quote, "prefix": format!("{intro} ") })
                    } else {
                        // disambiguate by block
                        let _ = mi;
                        json!({ "quote": quote, "block": block_of_para[para] })
                    }
                })
                .collect();
            let mut o = json!({
                "id": format!("f{fi}"),
                "value": f.value,
                "unit": f.unit,
                "label": sentence(&mut Rng(fi as u64 ^ seed), 3).to_lowercase(),
                "category": CATEGORIES[f.category].0,
                "mentions": mentions,
            });
            if let Some(map) = o.as_object_mut() {
                if !f.parts.is_empty() {
                    map.insert(
                        "parts".into(),
                        f.parts
                            .iter()
                            .map(|p| Value::from(format!("f{p}")))
                            .collect(),
                    );
                }
                if let Some(w) = f.within {
                    map.insert("within".into(), Value::from(format!("f{w}")));
                }
                if let Some(q) = f.qualifier {
                    map.insert("qualifier".into(), Value::from(q));
                }
            }
            o
        })
        .collect();

    let doc = json!({
        "format": "article/1",
        "id": format!("bench-{seed}"),
        "lang": "vi",
        "kicker": "Thành phố Cẩm Phả",
        "title": "Đảng bộ thành phố Cẩm Phả: những con số của một nhiệm kỳ",
        // Spread over the years, so an archive of them has an order.
        "published": format!(
            "{}-{:02}-{:02}T07:35:00+07:00",
            2000 + seed % 25,
            1 + seed / 25 % 12,
            1 + seed / 300 % 28
        ),
        "byline": "Nguyên Lâm",
        "blocks": blocks,
        "categories": CATEGORIES.iter().map(|(id, label)| json!({"id": id, "label": label})).collect::<Vec<_>>(),
        "figures": fig_json,
    });
    doc.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_fully_resolved() {
        let a = big_article(60_000, 300, 7);
        assert_eq!(a, big_article(60_000, 300, 7));
        let doc = crate::load(&a).expect("generated article is valid");
        assert_eq!(doc.figures.len(), 300);
        let bad: Vec<_> = doc
            .warnings
            .iter()
            .filter(|w| w.kind != crate::problem::Kind::SumMismatch)
            .collect();
        assert!(bad.is_empty(), "{bad:#?}");
        assert!(doc.warnings.is_empty(), "{:#?}", doc.warnings);
        for (f, r) in doc.article.figures.iter().zip(&doc.figures) {
            assert_eq!(f.mentions.len(), r.anchors.len(), "figure {}", f.id);
        }
        let text = doc.article.text_bytes();
        assert!((60_000..80_000).contains(&text), "{text}");
        assert!(!doc.relations.breakdowns.is_empty());
        assert!(doc.relations.children.iter().any(|c| !c.is_empty()));
    }

    #[test]
    fn tiny_sizes_do_not_break() {
        for (t, f) in [(0, 0), (10, 1), (100, 5), (1000, 40)] {
            let a = big_article(t, f, 1);
            let doc = crate::load(&a).expect("valid");
            assert!(doc.warnings.is_empty(), "{t} {f}: {:#?}", doc.warnings);
        }
    }
}
