//! Splitting each block's text into runs at every anchor boundary, so nested and
//! overlapping mentions render as flat, non-overlapping runs.
//!
//! Why: the DOM cannot express overlapping `<mark>`s, and a renderer that has to work
//! out nesting itself gets it wrong at the edges. With runs, the app emits one span per
//! run carrying every figure that covers it; hover and focus logic only looks at marks.
//! One sweep over sorted boundaries per block; the total number of marks is bounded by
//! the total quote length, so this is linear in the input.
use crate::anchor::Anchor;
use crate::model::Article;
use std::ops::Range;

/// One covering mention: figure index and the index of the anchor in
/// `ResolvedFigure::anchors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    pub figure: usize,
    pub anchor: usize,
}

/// A maximal stretch of text covered by the same set of marks (possibly none).
/// Runs of a block are contiguous, non-empty, and cover the whole text in order.
/// (Runs are split at every anchor boundary; two neighbours can have the same marks
/// when one anchor ends exactly where another of the same set begins.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub bytes: Range<usize>,
    /// Sorted by figure index (then anchor index), no duplicates.
    pub marks: Vec<Mark>,
}

/// Runs for one text given the anchors that fall in it.
pub fn segment(text_len: usize, anchors: &[(Mark, Range<usize>)]) -> Vec<Run> {
    if text_len == 0 {
        return Vec::new();
    }
    let mut cuts: Vec<usize> = Vec::with_capacity(anchors.len() * 2 + 2);
    cuts.push(0);
    cuts.push(text_len);
    for (_, r) in anchors {
        cuts.push(r.start.min(text_len));
        cuts.push(r.end.min(text_len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Events: at each cut, which anchors start / end.
    let mut starts: Vec<(usize, Mark)> = Vec::with_capacity(anchors.len());
    let mut ends: Vec<(usize, Mark)> = Vec::with_capacity(anchors.len());
    for (m, r) in anchors {
        if r.start < r.end && r.end <= text_len {
            starts.push((r.start, *m));
            ends.push((r.end, *m));
        }
    }
    starts.sort_unstable();
    ends.sort_unstable();
    let (mut si, mut ei) = (0, 0);
    let mut active: std::collections::BTreeSet<Mark> = std::collections::BTreeSet::new();
    let mut runs = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while ei < ends.len() && ends[ei].0 <= a {
            active.remove(&ends[ei].1);
            ei += 1;
        }
        while si < starts.len() && starts[si].0 <= a {
            active.insert(starts[si].1);
            si += 1;
        }
        runs.push(Run {
            bytes: a..b,
            marks: active.iter().copied().collect(),
        });
    }
    runs
}

/// Runs for every block (empty for a block without text).
pub(crate) fn segment_all(article: &Article, anchored: &[Vec<Anchor>]) -> Vec<Vec<Run>> {
    let mut per_block: Vec<Vec<(Mark, Range<usize>)>> =
        article.blocks.iter().map(|_| Vec::new()).collect();
    for (figure, anchors) in anchored.iter().enumerate() {
        for (anchor, a) in anchors.iter().enumerate() {
            if let Some(v) = per_block.get_mut(a.block) {
                v.push((Mark { figure, anchor }, a.bytes.clone()));
            }
        }
    }
    article
        .blocks
        .iter()
        .zip(per_block)
        .map(|(b, anchors)| segment(b.text().map_or(0, str::len), &anchors))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(figure: usize) -> Mark {
        Mark { figure, anchor: 0 }
    }
    fn shape(runs: &[Run]) -> Vec<(Range<usize>, Vec<usize>)> {
        runs.iter()
            .map(|r| (r.bytes.clone(), r.marks.iter().map(|m| m.figure).collect()))
            .collect()
    }

    #[test]
    fn no_anchors_one_run() {
        assert_eq!(shape(&segment(5, &[])), vec![(0..5, vec![])]);
        assert!(segment(0, &[]).is_empty());
    }

    #[test]
    fn nested() {
        // "54 chi, đảng bộ" with "54" nested in the whole
        let runs = segment(20, &[(m(0), 2..12), (m(1), 2..4)]);
        assert_eq!(
            shape(&runs),
            vec![
                (0..2, vec![]),
                (2..4, vec![0, 1]),
                (4..12, vec![0]),
                (12..20, vec![])
            ]
        );
    }

    #[test]
    fn overlapping() {
        let runs = segment(10, &[(m(1), 0..6), (m(0), 4..10)]);
        assert_eq!(
            shape(&runs),
            vec![(0..4, vec![1]), (4..6, vec![0, 1]), (6..10, vec![0])]
        );
    }

    #[test]
    fn adjacent_and_identical() {
        let runs = segment(10, &[(m(0), 0..3), (m(1), 3..6), (m(2), 3..6)]);
        assert_eq!(
            shape(&runs),
            vec![(0..3, vec![0]), (3..6, vec![1, 2]), (6..10, vec![])]
        );
    }
}
