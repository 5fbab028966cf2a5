use article_core::*;
use serde_json::{json, Value};
use std::time::Instant;

fn article(blocks: Value, figures: Value) -> String {
    json!({"format": "article/1", "id": "t", "title": "T", "blocks": blocks, "figures": figures}).to_string()
}

#[test]
fn probe_identical_quotes() {
    let text = "a".repeat(100_000);
    let figs: Vec<Value> = (0..2000).map(|i| json!({"id": format!("f{i}"), "value": 1, "label": "l", "mentions": [{"quote": "a"}]})).collect();
    let j = article(json!([{"kind":"paragraph","text": text}]), Value::Array(figs));
    let t = Instant::now();
    let d = load(&j).unwrap();
    eprintln!("identical: {:?} warnings {}", t.elapsed(), d.warnings.len());
}

#[test]
fn probe_long_key_locate() {
    let key = "k".repeat(1_000_000);
    let arr = vec!["0"; 200_000].join(",");
    let j = format!("{{\"{key}\": [{arr}], \"format\": 5}}");
    let t = Instant::now();
    let e = load(&j).unwrap_err();
    eprintln!("longkey: {:?} {:?}", t.elapsed(), e[0]);
}

#[test]
fn probe_long_key_syntax() {
    let key = "k".repeat(1_000_000);
    let arr = vec!["0"; 200_000].join(",");
    let j = format!("{{\"{key}\": [{arr}, x]}}");
    let t = Instant::now();
    let e = load(&j).unwrap_err();
    eprintln!("longkey syntax: {:?} {:?}", t.elapsed(), e[0].path.len());
}

#[test]
fn probe_parts() {
    let n = 20_000;
    let mut figs: Vec<Value> = (0..n).map(|i| json!({"id": format!("f{i}"), "value": 1, "label": "l", "mentions": [{"quote": "a"}]})).collect();
    let parts: Vec<String> = (1..n).map(|i| format!("f{i}")).collect();
    figs[0]["parts"] = json!(parts);
    let j = article(json!([{"kind":"paragraph","text": "a"}]), Value::Array(figs));
    let t = Instant::now();
    let d = load(&j).unwrap();
    eprintln!("parts: {:?} warnings {}", t.elapsed(), d.warnings.len());
}
