//! `cargo run --release -p article-core --example bench [text_bytes] [figures]`
//!
//! Generates a deterministic ~1 MB article with 5,000 figures and times the pipeline
//! (median of 7 runs): JSON parse + validation, anchoring + segmentation + relations,
//! and the whole `load`.
use std::time::Instant;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let mut args = std::env::args().skip(1);
    let text_bytes: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let figures: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5_000);
    let t = Instant::now();
    let json = article_core::generate::big_article(text_bytes, figures, 2016);
    let gen = ms(t);
    let doc = article_core::load(&json).expect("generated article loads");
    let text = doc.article.text_bytes();
    let mentions: usize = doc.article.figures.iter().map(|f| f.mentions.len()).sum();
    let anchors: usize = doc.figures.iter().map(|f| f.anchors.len()).sum();
    println!("json bytes:      {} (generated in {gen:.1} ms)", json.len());
    println!("text bytes:      {text}");
    println!("blocks:          {}", doc.article.blocks.len());
    println!("figures:         {}", doc.article.figures.len());
    println!(
        "mentions:        {mentions} ({anchors} anchored, {} warnings)",
        doc.warnings.len()
    );

    let (mut parse, mut analyse, mut total) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..7 {
        let t = Instant::now();
        let (article, warnings) = article_core::parse_article(&json).expect("parses");
        parse.push(ms(t));
        let t = Instant::now();
        let d = article_core::analyse(article, warnings);
        analyse.push(ms(t));
        std::hint::black_box(&d);
        let t = Instant::now();
        let d = article_core::load(&json).expect("loads");
        total.push(ms(t));
        std::hint::black_box(&d);
    }
    println!("parse+validate:  {:.2} ms", median(parse));
    println!(
        "anchor+segment:  {:.2} ms (anchor, segment, relate)",
        median(analyse)
    );
    println!("total load:      {:.2} ms", median(total));
}
