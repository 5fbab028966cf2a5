use article_core::*;
use serde_json::{json, Value};
use std::time::Instant;

fn article(blocks: Value, figures: Value) -> String {
    json!({"format": "article/1", "id": "t", "title": "T", "blocks": blocks, "figures": figures}).to_string()
}

#[test]
fn probe_categories() {
    let cats: Vec<Value> = (0..300_000).map(|i| json!({"id": format!("c{i}"), "label": "l"})).collect();
    let figs: Vec<Value> = (0..200).map(|i| json!({"id": format!("f{i}"), "value": 1, "label": "l", "category": "nope", "mentions": [{"quote": "a"}]})).collect();
    let mut v: Value = serde_json::from_str(&article(json!([{"kind":"paragraph","text": "a"}]), Value::Array(figs))).unwrap();
    v["categories"] = Value::Array(cats);
    let j = v.to_string();
    let t = Instant::now();
    let e = load(&j).unwrap_err();
    eprintln!("cats: {:?} {} bytes={}", t.elapsed(), e.len(), j.len());
}

#[test]
fn probe_nfc() {
    let text = format!("a{}", "\u{301}\u{316}".repeat(500_000));
    let j = article(json!([{"kind":"paragraph","text": text}]), json!([{"id":"f","value":1,"label":"l","mentions":[{"quote":"a"}]}]));
    let t = Instant::now();
    let d = load(&j);
    eprintln!("nfc: {:?} {}", t.elapsed(), d.is_ok());
}

#[test]
fn probe_distinct_quotes() {
    // 100k mentions of distinct 140-byte quotes
    let mut figs = Vec::new();
    let mut x: u64 = 1;
    for i in 0..1000 {
        let mut ms = Vec::new();
        for _ in 0..100 {
            let q: String = (0..140).map(|_| { x ^= x << 13; x ^= x >> 7; x ^= x << 17; (b'a' + (x % 26) as u8) as char }).collect();
            ms.push(json!({"quote": q}));
        }
        figs.push(json!({"id": format!("f{i}"), "value": 1, "label": "l", "mentions": ms}));
    }
    let j = article(json!([{"kind":"paragraph","text": "a".repeat(1_000_000)}]), Value::Array(figs));
    let t = Instant::now();
    let d = load(&j).unwrap();
    eprintln!("distinct: {:?} {} bytes={}", t.elapsed(), d.warnings.len(), j.len());
}
