//! Suggest quality, measured: on the seed story (a raw scrape of the sample article), how
//! many of the figures an editor chose for the sample (`public/articles/cam-pha-…json`)
//! are suggested with the right value on the right words (recall), and how many
//! suggestions are among them (precision). Printed with `--nocapture`; the test holds the
//! figures the issue names and a floor under both numbers.
use std::ops::Range;
use std::path::Path;

/// Every figure's first anchored mention: its value, the text of its block and the bytes.
fn anchored(json: &str) -> Vec<(String, f64, String, Range<usize>)> {
    let doc = article_core::load(json).expect("loads");
    doc.article
        .figures
        .iter()
        .zip(&doc.figures)
        .filter_map(|(f, r)| {
            let a = r.anchors.first()?;
            let text = match &doc.article.blocks[a.block] {
                article_core::Block::Paragraph { text } => text.clone(),
                article_core::Block::Image { caption, .. } => caption.clone().unwrap_or_default(),
            };
            Some((f.id.clone(), f.value, text, a.bytes.clone()))
        })
        .collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[test]
fn the_seed_story_gives_the_sample_figures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seed = std::fs::read_to_string(root.join("crates/article-cli/tests/fixtures/cam_pha.txt"))
        .unwrap();
    let sample =
        std::fs::read_to_string(root.join("public/articles/cam-pha-2016-11-29.json")).unwrap();
    let draft = article_suggest::suggest(&seed).expect("a draft");
    let suggested = anchored(&draft.json);
    let chosen = anchored(&sample);

    // One-to-one: a chosen figure is found by a suggestion with its value on the same
    // words of the same paragraph.
    let mut used = vec![false; suggested.len()];
    let mut found = Vec::new();
    let mut missed = Vec::new();
    for (id, value, text, bytes) in &chosen {
        let hit = suggested.iter().enumerate().position(|(k, (_, v, t, b))| {
            !used[k] && v == value && t == text && overlaps(b, bytes)
        });
        match hit {
            Some(k) => {
                used[k] = true;
                found.push(id.as_str());
            }
            None => missed.push(format!("{id} = {value}")),
        }
    }
    let recall = found.len() as f64 / chosen.len() as f64;
    let precision = found.len() as f64 / suggested.len() as f64;
    let extra: Vec<String> = suggested
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((id, v, t, b), _)| format!("{id} = {v} (`{}`)", &t[b.clone()]))
        .collect();
    println!(
        "suggest on the seed story: recall {:.0} % ({} of the sample's {} anchored figures), precision {:.0} % ({} of {} suggestions)",
        recall * 100.0,
        found.len(),
        chosen.len(),
        precision * 100.0,
        found.len(),
        suggested.len()
    );
    println!("  not suggested: {}", missed.join(", "));
    println!("  suggested beyond the sample: {}", extra.join(", "));

    for id in [
        "units",
        "committees",
        "committee-cells",
        "grassroots-cells",
        "members",
        "degree-share",
        "theory-share",
        "households-ql18",
        "households-km6",
    ] {
        assert!(found.contains(&id), "{id} not suggested: {missed:?}");
    }
    assert!(recall >= 0.75, "recall {recall:.2}");
    assert!(precision >= 0.6, "precision {precision:.2}");
}
