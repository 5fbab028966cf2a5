//! Anchoring mention quotes to block text (W3C TextQuoteSelector semantics, exact match
//! after NFC, never fuzzy). Near-linear: all quotes are found in one pass per block
//! (e.g. an index of quote starts / Aho–Corasick-like automaton), not quote × block scans.
//!
//! Why exact and why this way: a highlighted "54" that silently lands on "55" or inside
//! "154" is worse than no highlight, so a mention either matches exactly once or becomes
//! a warning the publisher can fix. Prefix and suffix must touch the quote, so each
//! mention is searched as the single string `prefix + quote + suffix`; all distinct
//! strings go into one hand-written Aho–Corasick automaton (no dependency, small in
//! wasm) that scans each block once, so 5,000 mentions in 1 MB cost one pass, not
//! 5,000. A position hint is verified, never believed blindly.
use crate::limits::MAX_ANCHOR_CANDIDATES;
use crate::model::{Article, MentionSpec};
use crate::problem::{Kind, Problem};
use std::collections::HashMap;
use std::ops::Range;

/// Where one mention landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Index of the mention in `Figure::mentions`.
    pub mention: usize,
    /// Index into `Article::blocks`.
    pub block: usize,
    /// Byte range in the block's NFC text: `text[bytes] == quote`.
    pub bytes: Range<usize>,
    /// The same range in code points.
    pub chars: Range<usize>,
}

const NONE: u32 = u32::MAX;

/// A byte-level Aho–Corasick automaton over distinct patterns.
struct Automaton {
    /// Dense transitions of the root (0 = stay at root).
    root: [u32; 256],
    /// Sparse, sorted transitions of every node (the root's are unused).
    edges: Vec<Vec<(u8, u32)>>,
    fail: Vec<u32>,
    /// Pattern ending at this node.
    out: Vec<u32>,
    /// Nearest node on the failure chain with an output.
    dict: Vec<u32>,
}

impl Automaton {
    fn new(patterns: &[&str]) -> Automaton {
        let mut edges: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut out: Vec<u32> = vec![NONE];
        for (pid, p) in patterns.iter().enumerate() {
            let mut node = 0usize;
            for &byte in p.as_bytes() {
                let found = edges[node].iter().find(|e| e.0 == byte).map(|e| e.1);
                node = match found {
                    Some(n) => n as usize,
                    None => {
                        let n = edges.len();
                        edges.push(Vec::new());
                        out.push(NONE);
                        edges[node].push((byte, n as u32));
                        n
                    }
                };
            }
            out[node] = pid as u32;
        }
        for e in edges.iter_mut() {
            e.sort_unstable_by_key(|x| x.0);
        }
        let mut root = [0u32; 256];
        for &(b, n) in &edges[0] {
            root[b as usize] = n;
        }
        let n = edges.len();
        let mut fail = vec![0u32; n];
        let mut dict = vec![NONE; n];
        let mut queue: std::collections::VecDeque<u32> = edges[0].iter().map(|e| e.1).collect();
        while let Some(u) = queue.pop_front() {
            let u = u as usize;
            for i in 0..edges[u].len() {
                let (b, v) = edges[u][i];
                let mut f = fail[u] as usize;
                let target = loop {
                    if let Some(t) = Self::goto_in(&root, &edges, f, b) {
                        break t;
                    }
                    if f == 0 {
                        break 0;
                    }
                    f = fail[f] as usize;
                };
                let target = if target == v { 0 } else { target };
                fail[v as usize] = target;
                dict[v as usize] = if out[target as usize] != NONE {
                    target
                } else {
                    dict[target as usize]
                };
                queue.push_back(v);
            }
        }
        Automaton { root, edges, fail, out, dict }
    }

    #[inline]
    fn goto_in(root: &[u32; 256], edges: &[Vec<(u8, u32)>], node: usize, b: u8) -> Option<u32> {
        if node == 0 {
            let t = root[b as usize];
            return (t != 0).then_some(t);
        }
        let e = &edges[node];
        if e.len() <= 8 {
            e.iter().find(|x| x.0 == b).map(|x| x.1)
        } else {
            e.binary_search_by_key(&b, |x| x.0).ok().map(|i| e[i].1)
        }
    }

    /// Calls `hit(pattern, end_byte)` for every occurrence (overlapping ones too).
    /// Stops early (returning false) when `hit` returns false.
    fn scan(&self, text: &str, mut hit: impl FnMut(u32, usize) -> bool) -> bool {
        let mut state = 0usize;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            loop {
                if let Some(t) = Self::goto_in(&self.root, &self.edges, state, b) {
                    state = t as usize;
                    break;
                }
                if state == 0 {
                    break;
                }
                state = self.fail[state] as usize;
            }
            if state == 0 {
                continue;
            }
            let mut t = if self.out[state] != NONE {
                state as u32
            } else {
                self.dict[state]
            };
            while t != NONE {
                if !hit(self.out[t as usize], i + 1) {
                    return false;
                }
                t = self.dict[t as usize];
            }
        }
        true
    }
}

/// The numeric-boundary rule: a quote starting (ending) with a digit must not continue
/// a longer number before (after) it, e.g. "54" is not in "154", "54.000" or "1.540".
pub(crate) fn numeric_ok(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(q), Some(after)) =
        (text.get(..start), text.get(start..end), text.get(end..))
    else {
        return false;
    };
    let sep = |c: char| c == '.' || c == ',';
    if q.starts_with(|c: char| c.is_ascii_digit()) {
        let mut it = before.chars().rev();
        match it.next() {
            Some(c) if c.is_ascii_digit() => return false,
            Some(c) if sep(c) && it.next().is_some_and(|d| d.is_ascii_digit()) => return false,
            _ => {}
        }
    }
    if q.ends_with(|c: char| c.is_ascii_digit()) {
        let mut it = after.chars();
        match it.next() {
            Some(c) if c.is_ascii_digit() => return false,
            Some(c) if sep(c) && it.next().is_some_and(|d| d.is_ascii_digit()) => return false,
            _ => {}
        }
    }
    true
}

/// Does the mention fit at `start` (byte offset of the quote) in `text`?
fn fits_at(text: &str, start: usize, m: &MentionSpec) -> bool {
    let end = start + m.quote.len();
    let pre = m.prefix.as_deref().unwrap_or("");
    let suf = m.suffix.as_deref().unwrap_or("");
    text.get(start..end) == Some(m.quote.as_str())
        && text.get(..start).is_some_and(|b| b.ends_with(pre))
        && text.get(end..).is_some_and(|a| a.starts_with(suf))
        && numeric_ok(text, start, end)
}

enum Outcome {
    Pending,
    Found { block: usize, start: usize },
    Orphan(&'static str),
    Ambiguous(Vec<(usize, usize)>),
    GaveUp,
}

/// Converts sorted byte offsets to char offsets (or the reverse) in one sweep.
fn byte_to_char(text: &str, sorted_bytes: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted_bytes.len());
    let mut chars = 0usize;
    let mut it = text.char_indices().peekable();
    for &b in sorted_bytes {
        while let Some(&(i, _)) = it.peek() {
            if i >= b {
                break;
            }
            chars += 1;
            it.next();
        }
        out.push(chars);
    }
    out
}

fn char_to_byte(text: &str, sorted_chars: &[usize]) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(sorted_chars.len());
    let mut it = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
    let mut idx = 0usize;
    let mut cur = it.next();
    for &c in sorted_chars {
        while idx < c && cur.is_some() {
            cur = it.next();
            idx += 1;
        }
        out.push(if idx == c { cur } else { None });
    }
    out
}

/// A few characters around a place, for messages.
fn context(text: &str, start: usize, end: usize) -> String {
    let before: Vec<char> = text.get(..start).unwrap_or("").chars().rev().take(12).collect();
    let after: String = text.get(end..).unwrap_or("").chars().take(12).collect();
    let mid = text.get(start..end).unwrap_or("");
    let before: String = before.into_iter().rev().collect();
    format!("…{before}[{mid}]{after}…")
        .replace(['\n', '\r'], " ")
}

fn quoted(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    if short.len() < s.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

/// Anchor every mention of every figure; returns, per figure, its anchors in mention
/// order. Orphaned and ambiguous mentions become warnings.
pub(crate) fn anchor_all(article: &Article, warnings: &mut Vec<Problem>) -> Vec<Vec<Anchor>> {
    let texts: Vec<&str> = article
        .blocks
        .iter()
        .map(|b| b.text().unwrap_or(""))
        .collect();
    let nb = texts.len();
    // Flattened mentions: (figure, mention).
    let all: Vec<(usize, usize)> = article
        .figures
        .iter()
        .enumerate()
        .flat_map(|(fi, f)| (0..f.mentions.len()).map(move |mi| (fi, mi)))
        .collect();
    let spec = |k: usize| -> &MentionSpec {
        let (fi, mi) = all[k];
        &article.figures[fi].mentions[mi]
    };
    let mut outcome: Vec<Outcome> = (0..all.len()).map(|_| Outcome::Pending).collect();

    // 1. Block out of range (a skipped block) and empty quotes.
    for (k, o) in outcome.iter_mut().enumerate() {
        let m = spec(k);
        if m.quote.is_empty() {
            *o = Outcome::Orphan("the quote is empty");
        } else if m.block.is_some_and(|b| b >= nb) {
            *o = Outcome::Orphan("it names a block that is not shown (skipped or refused)");
        }
    }

    // 2. Position hints, verified.
    let mut hints: Vec<(usize, usize, usize)> = Vec::new(); // (block, char pos, mention)
    for (k, o) in outcome.iter().enumerate() {
        let m = spec(k);
        if let (Outcome::Pending, Some(b), Some(p)) = (o, m.block, m.position) {
            hints.push((b, p, k));
        }
    }
    hints.sort_unstable();
    for group in hints.chunk_by(|a, b| a.0 == b.0) {
        let b = group[0].0;
        let positions: Vec<usize> = group.iter().map(|h| h.1).collect();
        let bytes = char_to_byte(texts[b], &positions);
        for (h, byte) in group.iter().zip(bytes) {
            if let Some(start) = byte {
                if fits_at(texts[b], start, spec(h.2)) {
                    outcome[h.2] = Outcome::Found { block: b, start };
                }
            }
        }
    }

    // 3. Everything else: one automaton over the distinct prefix+quote+suffix strings.
    struct Pattern {
        prefix_len: usize,
        quote_len: usize,
        /// Wanted in any block.
        global: bool,
        /// Blocks wanted by block-restricted mentions (sorted, deduplicated later).
        blocks: Vec<usize>,
        /// Matches: (block, byte start of the quote).
        hits: Vec<(usize, usize)>,
    }
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut patterns: Vec<Pattern> = Vec::new();
    let mut pattern_of: Vec<usize> = vec![usize::MAX; all.len()];
    for k in 0..all.len() {
        if !matches!(outcome[k], Outcome::Pending) {
            continue;
        }
        let m = spec(k);
        let pre = m.prefix.as_deref().unwrap_or("");
        let suf = m.suffix.as_deref().unwrap_or("");
        let key = format!("{pre}{}{suf}", m.quote);
        let next = patterns.len();
        let id = *ids.entry(key).or_insert(next);
        if id == next {
            patterns.push(Pattern {
                prefix_len: pre.len(),
                quote_len: m.quote.len(),
                global: false,
                blocks: Vec::new(),
                hits: Vec::new(),
            });
        }
        match m.block {
            Some(b) => patterns[id].blocks.push(b),
            None => patterns[id].global = true,
        }
        pattern_of[k] = id;
    }
    let mut gave_up = false;
    if !patterns.is_empty() {
        let mut keys: Vec<(&str, usize)> = ids.iter().map(|(s, &i)| (s.as_str(), i)).collect();
        keys.sort_unstable_by_key(|k| k.1);
        let strs: Vec<&str> = keys.iter().map(|k| k.0).collect();
        let automaton = Automaton::new(&strs);
        let pattern_len: Vec<usize> = strs.iter().map(|s| s.len()).collect();
        for p in patterns.iter_mut() {
            p.blocks.sort_unstable();
            p.blocks.dedup();
        }
        let any_global = patterns.iter().any(|p| p.global);
        let mut scan_blocks: Vec<usize> = if any_global {
            (0..nb).collect()
        } else {
            patterns.iter().flat_map(|p| p.blocks.iter().copied()).collect()
        };
        scan_blocks.sort_unstable();
        scan_blocks.dedup();
        let mut budget = MAX_ANCHOR_CANDIDATES;
        'blocks: for b in scan_blocks {
            let text = texts[b];
            let ok = automaton.scan(text, |pid, end| {
                if budget == 0 {
                    return false;
                }
                budget -= 1;
                let pid = pid as usize;
                let p = &mut patterns[pid];
                if !(p.global || p.blocks.binary_search(&b).is_ok()) {
                    return true;
                }
                let start = end - pattern_len[pid] + p.prefix_len;
                if numeric_ok(text, start, start + p.quote_len) {
                    p.hits.push((b, start));
                }
                true
            });
            if !ok {
                gave_up = true;
                break 'blocks;
            }
        }
    }
    for k in 0..all.len() {
        if !matches!(outcome[k], Outcome::Pending) {
            continue;
        }
        if gave_up {
            outcome[k] = Outcome::GaveUp;
            continue;
        }
        let p = &patterns[pattern_of[k]];
        let restrict = spec(k).block;
        let mut found = p
            .hits
            .iter()
            .filter(|h| restrict.is_none_or(|b| h.0 == b))
            .copied();
        outcome[k] = match (found.next(), found.next()) {
            (None, _) => Outcome::Orphan(""),
            (Some((block, start)), None) => Outcome::Found { block, start },
            (Some(a), Some(b)) => {
                let mut places = vec![a, b];
                places.extend(found);
                Outcome::Ambiguous(places)
            }
        };
    }

    // 4. Char offsets for the found ones, one sweep per block.
    let mut need: Vec<(usize, usize)> = Vec::new(); // (block, byte)
    for (k, o) in outcome.iter().enumerate() {
        if let Outcome::Found { block, start } = *o {
            need.push((block, start));
            need.push((block, start + spec(k).quote.len()));
        }
    }
    need.sort_unstable();
    need.dedup();
    let mut char_at: HashMap<(usize, usize), usize> = HashMap::with_capacity(need.len());
    for group in need.chunk_by(|a, b| a.0 == b.0) {
        let b = group[0].0;
        let bytes: Vec<usize> = group.iter().map(|x| x.1).collect();
        for (byte, ch) in bytes.iter().zip(byte_to_char(texts[b], &bytes)) {
            char_at.insert((b, *byte), ch);
        }
    }

    // 5. Results and warnings.
    let mut result: Vec<Vec<Anchor>> = article.figures.iter().map(|_| Vec::new()).collect();
    let mut orphan_details = 0usize;
    for (k, o) in outcome.into_iter().enumerate() {
        let (fi, mi) = all[k];
        let m = spec(k);
        let path = format!("$.figures[{fi}].mentions[{mi}]");
        let fig_id = &article.figures[fi].id;
        match o {
            Outcome::Found { block, start } => {
                let end = start + m.quote.len();
                let cs = char_at.get(&(block, start)).copied().unwrap_or(0);
                let ce = char_at.get(&(block, end)).copied().unwrap_or(cs);
                result[fi].push(Anchor {
                    mention: mi,
                    block,
                    bytes: start..end,
                    chars: cs..ce,
                });
            }
            Outcome::Orphan(reason) => {
                let mut msg = format!(
                    "figure \"{fig_id}\": quote {} was not found",
                    quoted(&m.quote)
                );
                if let Some(b) = m.block {
                    msg.push_str(&format!(" in block {b}"));
                }
                if m.prefix.is_some() || m.suffix.is_some() {
                    msg.push_str(" with the given prefix/suffix");
                }
                if !reason.is_empty() {
                    msg.push_str(&format!(": {reason}"));
                }
                let mut pr = Problem::warning(Kind::Orphan, path, msg);
                // Explain the first few orphans (bounded work).
                if reason.is_empty() && orphan_details < 20 {
                    orphan_details += 1;
                    pr = pr.with_hint(orphan_hint(&texts, m));
                }
                warnings.push(pr);
            }
            Outcome::Ambiguous(places) => {
                let shown: Vec<String> = places
                    .iter()
                    .take(3)
                    .map(|&(b, s)| {
                        format!("block {b} {}", context(texts[b], s, s + m.quote.len()))
                    })
                    .collect();
                let more = if places.len() > 3 {
                    format!(" and {} more", places.len() - 3)
                } else {
                    String::new()
                };
                warnings.push(
                    Problem::warning(
                        Kind::Ambiguous,
                        path,
                        format!(
                            "figure \"{fig_id}\": quote {} matches {} places: {}{more}",
                            quoted(&m.quote),
                            places.len(),
                            shown.join("; ")
                        ),
                    )
                    .with_hint(
                        "add \"prefix\" / \"suffix\" (the text just before / after the quote) or \"block\" so it matches once",
                    ),
                );
            }
            Outcome::GaveUp => {}
            Outcome::Pending => {}
        }
    }
    if gave_up {
        warnings.push(
            Problem::warning(
                Kind::Limit,
                "$.figures",
                format!(
                    "anchoring stopped after {MAX_ANCHOR_CANDIDATES} candidate matches; mentions not yet placed are not highlighted"
                ),
            )
            .with_hint("make quotes longer or add prefix/suffix so they match fewer places"),
        );
    }
    result
}

/// Why an orphan did not match, when that is cheap to tell.
fn orphan_hint(texts: &[&str], m: &MentionSpec) -> String {
    let in_scope: Vec<(usize, &str)> = match m.block {
        Some(b) => texts.get(b).map(|t| vec![(b, *t)]).unwrap_or_default(),
        None => texts.iter().copied().enumerate().collect(),
    };
    let mut bare = 0usize;
    let mut numeric_fail = 0usize;
    for (_, t) in &in_scope {
        for (i, _) in t.match_indices(m.quote.as_str()) {
            bare += 1;
            if !numeric_ok(t, i, i + m.quote.len()) {
                numeric_fail += 1;
            }
            if bare > 100 {
                break;
            }
        }
    }
    if bare == 0 {
        if m.block.is_some()
            && texts
                .iter()
                .any(|t| t.contains(m.quote.as_str()))
        {
            return "the quote occurs in another block: check \"block\"".into();
        }
        "the quote must match the text exactly (same words, punctuation, spaces and diacritics)"
            .into()
    } else if numeric_fail == bare {
        "the quote only occurs as part of a longer number (e.g. \"54\" inside \"154\" or \"54.000\"); quote the whole number"
            .into()
    } else {
        "the quote occurs, but not next to this prefix/suffix: they must touch the quote exactly"
            .into()
    }
}

/// Figure indices by first anchor (block, byte start); anchorless figures last, in
/// document order.
pub(crate) fn reading_order(anchored: &[Vec<Anchor>]) -> Vec<usize> {
    let mut order: Vec<(Option<(usize, usize)>, usize)> = anchored
        .iter()
        .enumerate()
        .map(|(i, a)| (a.iter().map(|x| (x.block, x.bytes.start)).min(), i))
        .collect();
    order.sort_by(|a, b| match (a.0, b.0) {
        (Some(x), Some(y)) => x.cmp(&y).then(a.1.cmp(&b.1)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.1.cmp(&b.1),
    });
    order.into_iter().map(|x| x.1).collect()
}
