//! Who said the numbers: attribution patterns in Vietnamese and English, so a draft can
//! propose `sources` and give the numbers of an attributed passage their `source`, for
//! the publisher to confirm.
//!
//! - "Đồng chí Bùi Thị Bính, Phó Bí thư Thường trực Thành uỷ, cho biết: …" (also "khẳng
//!   định", "nhấn mạnh", "thông tin"): the name, the role between the commas, and the rest
//!   of the paragraph as what they said;
//! - "Theo ông X, …" / "According to X, …" and "X said …": the name up to the comma.
//!
//! Only names written with capitals count (a person or an office, not "theo đó").

/// One attribution: who, and where in which block their passage starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub block: usize,
    /// Byte offset in the block where the attributed passage starts.
    pub from: usize,
    pub name: String,
    pub role: Option<String>,
}

const VERBS_VI: [&str; 5] = [
    ", cho biết",
    ", khẳng định",
    ", nhấn mạnh",
    ", thông tin",
    ", chia sẻ",
];
const TITLES: [&str; 8] = [
    "Đồng chí ",
    "đồng chí ",
    "Ông ",
    "ông ",
    "Bà ",
    "bà ",
    "Anh ",
    "Chị ",
];

/// Every word starts with a capital letter (a name), and there are one to six of them.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The clause just before `end`: back to the last sentence break.
fn clause_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head.rfind(['.', ':', ';', '!', '?']).map_or(0, |i| i + 1);
    head[start..].trim()
}

fn strip_title(s: &str) -> &str {
    TITLES
        .iter()
        .find_map(|t| s.strip_prefix(t))
        .unwrap_or(s)
        .trim()
}

/// Attributions in one block.
fn in_block(b: usize, text: &str) -> Vec<Attribution> {
    let mut out = Vec::new();
    for verb in VERBS_VI {
        let mut at = 0;
        while let Some(i) = text[at..].find(verb).map(|i| i + at) {
            at = i + verb.len();
            let clause = clause_before(text, i);
            let (name, role) = match clause.split_once(", ") {
                Some((n, r)) => (strip_title(n), Some(r.trim().to_string())),
                None => (strip_title(clause), None),
            };
            if is_name(name) {
                out.push(Attribution {
                    block: b,
                    from: at,
                    name: name.to_string(),
                    role: role.filter(|r| !r.is_empty()),
                });
            }
        }
    }
    for lead in ["Theo ", "According to ", "according to "] {
        let mut at = 0;
        while let Some(i) = text[at..].find(lead).map(|i| i + at) {
            at = i + lead.len();
            let rest = &text[at..];
            let end = rest.find([',', '.', ';', ':']).unwrap_or(rest.len());
            let name = strip_title(&rest[..end]);
            if is_name(name) {
                out.push(Attribution {
                    block: b,
                    from: i,
                    name: name.to_string(),
                    role: None,
                });
            }
        }
    }
    for verb in [" said", " says"] {
        let mut at = 0;
        while let Some(i) = text[at..].find(verb).map(|i| i + at) {
            at = i + verb.len();
            let clause = clause_before(text, i);
            let clause = clause.rsplit(", ").next().unwrap_or(clause);
            if is_name(clause) {
                let start = text[..i].rfind(['.', '!', '?']).map_or(0, |s| s + 1);
                out.push(Attribution {
                    block: b,
                    from: start,
                    name: clause.to_string(),
                    role: None,
                });
            }
        }
    }
    out.sort_by_key(|a| a.from);
    out
}

/// Attributions in every block, in reading order.
pub fn attributions(blocks: &[String]) -> Vec<Attribution> {
    blocks
        .iter()
        .enumerate()
        .flat_map(|(b, t)| in_block(b, t))
        .collect()
}

/// The attribution a number at (`block`, `at`) falls under: the last one before it in
/// its block.
pub fn of(attributions: &[Attribution], block: usize, at: usize) -> Option<usize> {
    attributions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.block == block && a.from <= at)
        .map(|(i, _)| i)
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_and_english_patterns() {
        let blocks = vec![
            "Đồng chí Bùi Thị Bính, Phó Bí thư Thường trực Thành uỷ, cho biết: Hiện có 54 chi bộ.".to_string(),
            "Mở đầu. Theo ông Nguyễn Văn An, năm nay có 28 hộ. Theo đó, 6 hộ khác.".to_string(),
            "The ferry carried 48,210 passengers, Jane Doe said. According to Wrenmouth Port Authority, 412 sailings.".to_string(),
        ];
        let a = attributions(&blocks);
        assert_eq!(a[0].name, "Bùi Thị Bính");
        assert_eq!(
            a[0].role.as_deref(),
            Some("Phó Bí thư Thường trực Thành uỷ")
        );
        assert_eq!(a[1].name, "Nguyễn Văn An", "{a:?}");
        assert!(a.iter().all(|x| x.name != "đó"), "not a name");
        let names: Vec<&str> = a
            .iter()
            .filter(|x| x.block == 2)
            .map(|x| x.name.as_str())
            .collect();
        assert_eq!(names, ["Jane Doe", "Wrenmouth Port Authority"]);
        let n54 = blocks[0].find("54").unwrap();
        assert_eq!(of(&a, 0, n54), Some(0));
        assert_eq!(of(&a, 1, 0), None, "before the attribution");
    }
}
