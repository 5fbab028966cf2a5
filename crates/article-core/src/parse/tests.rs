//! The parser's tests, through [`crate::load`]: every problem a publisher can make, with
//! its kind, JSON path and position.
use crate::problem::Kind;
use crate::{load, Problem};
use serde_json::{json, Value};

fn base() -> Value {
    json!({"format": "article/1", "id": "t", "title": "T", "lang": "vi",
    "published": "2016-11-29T07:35:00+07:00",
    "blocks": [{"kind": "paragraph", "text": "Có 54 chi, đảng bộ; 33 chi bộ và 21 đảng bộ."}],
    "categories": [{"id": "org", "label": "Tổ chức"}],
    "figures": [
        {"id": "units", "value": 54, "label": "đơn vị", "category": "org",
         "mentions": [{"quote": "54 chi, đảng bộ"}], "parts": ["cells", "committees"]},
        {"id": "cells", "value": 33, "label": "chi bộ", "mentions": [{"quote": "33 chi bộ"}]},
        {"id": "committees", "value": 21, "label": "đảng bộ", "mentions": [{"quote": "21 đảng bộ"}],
         "within": "units"}
    ]})
}
fn errors_of(v: &Value) -> Vec<Problem> {
    load(&serde_json::to_string_pretty(v).unwrap()).expect_err("should fail")
}
fn with(mut v: Value, ptr: &str, new: Value) -> Value {
    let (parent, key) = ptr.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).expect(ptr) {
        Value::Object(o) => {
            o.insert(key.to_string(), new);
        }
        other => *other.pointer_mut(&format!("/{key}")).expect(ptr) = new,
    }
    v
}
fn without(mut v: Value, ptr: &str) -> Value {
    let (parent, key) = ptr.rsplit_once('/').unwrap();
    v.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    v
}
fn has(errs: &[Problem], kind: Kind, path: &str) -> bool {
    errs.iter()
        .any(|e| e.kind == kind && e.path == path && e.line.is_some())
}

#[test]
fn valid_base() {
    let d = load(&base().to_string()).unwrap();
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
    assert_eq!(d.article.figures[0].parts, vec![1, 2]);
    assert_eq!(d.article.figures[2].within, Some(0));
    assert_eq!(d.article.figures[0].category, Some(0));
    assert_eq!(d.article.lang, "vi");
}

#[test]
fn defaults() {
    let v = without(without(base(), "/lang"), "/categories");
    let v = without(without(v, "/figures/0/category"), "/published");
    let d = load(&v.to_string()).unwrap();
    assert_eq!(d.article.lang, "en");
    assert!(d.article.categories.is_empty());
}

#[test]
fn not_json_has_line_col() {
    let errs = load("{\n  \"format\": \"article/1\",\n  \"id\": 'x'\n}").unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].kind, Kind::Syntax);
    assert_eq!((errs[0].line, errs[0].column), (Some(3), Some(9)));
    assert_eq!(errs[0].path, "$.id");
    assert!(errs[0].hint.is_some());
    let errs = load("{\"a\": [1, 2,]}").unwrap_err();
    assert!(errs[0].hint.as_deref().unwrap().contains("comma"));
    let errs = load("{\"a\": [1, 2").unwrap_err();
    assert!(errs[0].message.contains("EOF"));
    assert!(load("").is_err());
    assert_eq!(load("[1]").unwrap_err()[0].kind, Kind::Type);
}

#[test]
fn wrong_types_with_hints() {
    let errs = errors_of(&with(base(), "/figures/1/value", json!("33")));
    let e = errs
        .iter()
        .find(|e| e.path == "$.figures[1].value")
        .unwrap();
    assert_eq!(e.kind, Kind::Type);
    assert!(
        e.message
            .contains("expected a number, found a string \"33\""),
        "{}",
        e.message
    );
    assert!(e.hint.as_deref().unwrap().contains("remove the quotes"));
    assert!(e.line.is_some());
    let errs = errors_of(&with(base(), "/title", json!(5)));
    assert!(has(&errs, Kind::Type, "$.title"));
    let errs = errors_of(&with(base(), "/blocks", json!({})));
    assert!(has(&errs, Kind::Type, "$.blocks"));
    let errs = errors_of(&with(base(), "/figures/0/mentions/0/block", json!(-1)));
    assert!(has(&errs, Kind::Type, "$.figures[0].mentions[0].block"));
}

#[test]
fn missing_required() {
    for (ptr, path) in [
        ("/id", "$.id"),
        ("/title", "$.title"),
        ("/blocks", "$.blocks"),
        ("/figures", "$.figures"),
        ("/format", "$.format"),
        ("/figures/1/label", "$.figures[1].label"),
        ("/figures/1/value", "$.figures[1].value"),
        ("/blocks/0/text", "$.blocks[0].text"),
        (
            "/figures/1/mentions/0/quote",
            "$.figures[1].mentions[0].quote",
        ),
    ] {
        let errs = errors_of(&without(base(), ptr));
        assert!(has(&errs, Kind::Missing, path), "{path}: {errs:#?}");
    }
    // a figure with neither mentions nor parts
    let errs = errors_of(&without(base(), "/figures/1/mentions"));
    assert!(has(&errs, Kind::Missing, "$.figures[1]"), "{errs:#?}");
}

#[test]
fn all_errors_collected() {
    let v = with(base(), "/figures/1/value", json!("33"));
    let v = with(v, "/figures/2/label", json!(null));
    let v = without(v, "/title");
    let errs = errors_of(&v);
    assert_eq!(errs.len(), 3, "{errs:#?}");
    // capped
    let figs: Vec<Value> = (0..300)
        .map(|i| json!({"id": format!("f{i}"), "value": "x", "label": "l", "parts": ["f0"]}))
        .collect();
    let errs = errors_of(&with(base(), "/figures", Value::Array(figs)));
    assert!(errs.len() <= crate::limits::MAX_ERRORS + 1);
    assert_eq!(errs.last().unwrap().kind, Kind::Limit);
}

#[test]
fn unsupported_format() {
    let errs = errors_of(&with(base(), "/format", json!("article/2")));
    assert_eq!(errs.len(), 1);
    assert!(has(&errs, Kind::Format, "$.format"));
    assert!(errs[0].message.contains("unsupported format"));
}

#[test]
fn duplicates_and_bad_ids() {
    let errs = errors_of(&with(base(), "/figures/2/id", json!("cells")));
    assert!(has(&errs, Kind::Duplicate, "$.figures[2].id"), "{errs:#?}");
    let v = with(
        base(),
        "/categories",
        json!([{"id": "org", "label": "a"}, {"id": "org", "label": "b"}]),
    );
    assert!(has(&errors_of(&v), Kind::Duplicate, "$.categories[1].id"));
    for bad in ["", "a b", "ẩ", "x.y"] {
        let errs = errors_of(&with(base(), "/figures/1/id", json!(bad)));
        assert!(
            has(&errs, Kind::Format, "$.figures[1].id"),
            "{bad}: {errs:#?}"
        );
    }
    let errs = errors_of(&with(base(), "/figures/0/parts/0", json!("committees")));
    assert!(
        has(&errs, Kind::Duplicate, "$.figures[0].parts[1]"),
        "{errs:#?}"
    );
}

#[test]
fn unknown_references() {
    let errs = errors_of(&with(base(), "/figures/0/category", json!("econ")));
    let e = errs
        .iter()
        .find(|e| e.path == "$.figures[0].category")
        .unwrap();
    assert_eq!(e.kind, Kind::UnknownReference);
    assert!(e.hint.as_deref().unwrap().contains("org"));
    let errs = errors_of(&with(base(), "/figures/0/parts/1", json!("nope")));
    assert!(has(&errs, Kind::UnknownReference, "$.figures[0].parts[1]"));
    let errs = errors_of(&with(base(), "/figures/2/within", json!("nope")));
    assert!(has(&errs, Kind::UnknownReference, "$.figures[2].within"));
    let errs = errors_of(&with(base(), "/figures/0/mentions/0/block", json!(9)));
    assert!(has(
        &errs,
        Kind::UnknownReference,
        "$.figures[0].mentions[0].block"
    ));
}

#[test]
fn cycles() {
    let errs = errors_of(&with(base(), "/figures/1/parts", json!(["units"])));
    let e = errs.iter().find(|e| e.kind == Kind::Cycle).expect("cycle");
    assert!(e.message.contains("units → cells → units"), "{}", e.message);
    let errs = errors_of(&with(base(), "/figures/0/parts/0", json!("units")));
    assert!(has(&errs, Kind::Cycle, "$.figures[0].parts[0]"));
    let v = with(base(), "/figures/0/within", json!("committees"));
    let errs = errors_of(&v);
    let e = errs.iter().find(|e| e.kind == Kind::Cycle).expect("cycle");
    assert!(e.message.contains("within"), "{}", e.message);
    assert!(has(
        &errors_of(&with(base(), "/figures/1/within", json!("cells"))),
        Kind::Cycle,
        "$.figures[1].within"
    ));
}

#[test]
fn published_validated() {
    let errs = errors_of(&with(base(), "/published", json!("29/11/2016")));
    assert!(has(&errs, Kind::Format, "$.published"));
}

#[test]
fn bad_qualifier_and_empty_quote() {
    assert!(has(
        &errors_of(&with(base(), "/figures/0/qualifier", json!("more"))),
        Kind::Format,
        "$.figures[0].qualifier"
    ));
    assert!(has(
        &errors_of(&with(base(), "/figures/1/mentions/0/quote", json!(""))),
        Kind::Format,
        "$.figures[1].mentions[0].quote"
    ));
}

#[test]
fn limits() {
    let big = " ".repeat(crate::limits::MAX_INPUT_BYTES + 1);
    assert_eq!(load(&big).unwrap_err()[0].kind, Kind::Limit);
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let e = &load(&deep).unwrap_err()[0];
    assert_eq!(e.kind, Kind::Limit);
    assert!(e.line.is_some());
    // brackets inside strings do not count
    let v = with(
        base(),
        "/title",
        json!("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["),
    );
    assert!(load(&v.to_string()).is_ok());
    let long = "x".repeat(crate::limits::MAX_QUOTE_CHARS + 1);
    let errs = errors_of(&with(base(), "/figures/1/mentions/0/quote", json!(long)));
    assert!(has(&errs, Kind::Limit, "$.figures[1].mentions[0].quote"));
}

#[test]
fn unknown_kind_and_refused_urls() {
    let v = with(
        base(),
        "/blocks",
        json!([
            {"kind": "video", "src": "v.mp4"},
            {"kind": "image", "src": " JaVa\tScRipt:alert(1)", "alt": "x"},
            {"kind": "image", "src": "\u{1}data:image/png;base64,xx", "alt": "x"},
            {"kind": "image", "src": "http://x/y.jpg", "alt": "x"},
            {"kind": "image", "src": "//evil/y.jpg", "alt": "x"},
            {"kind": "image", "src": "images/ok.jpg", "alt": "x", "caption": "Ảnh 54 chi, đảng bộ"},
            {"kind": "image", "src": "HTTPS://cdn/ok.jpg", "alt": "x"},
            {"kind": "paragraph", "text": "Có 54 chi, đảng bộ; 33 chi bộ và 21 đảng bộ."}
        ]),
    );
    let v = with(v, "/figures/0/mentions/0/block", json!(7));
    let d = load(&v.to_string()).unwrap();
    assert_eq!(d.article.blocks.len(), 3);
    let refused: Vec<&str> = d
        .warnings
        .iter()
        .filter(|w| w.kind == Kind::RefusedUrl)
        .map(|w| w.path.as_str())
        .collect();
    assert_eq!(
        refused,
        vec![
            "$.blocks[1].src",
            "$.blocks[2].src",
            "$.blocks[3].src",
            "$.blocks[4].src"
        ]
    );
    assert!(d
        .warnings
        .iter()
        .any(|w| w.kind == Kind::SkippedBlock && w.path == "$.blocks[0].kind"));
    // JSON block 7 is model block 2
    assert_eq!(d.figures[0].anchors[0].block, 2);
    assert_eq!(d.runs[0].len(), 1); // caption, no anchors there
    assert!(d.runs[1].is_empty()); // image without caption
    assert!(d.warnings.iter().all(|w| w.line.is_some()));
}

#[test]
fn nfc_at_parse_time() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = "Cẩm Phả".nfd().collect();
    let d = load(&with(base(), "/title", json!(nfd)).to_string()).unwrap();
    assert_eq!(d.article.title, "Cẩm Phả");
}

#[test]
fn unknown_keys_are_warnings_naming_the_nearest_key() {
    // The issue's typos, each in its own kind of object, plus keys with no near match.
    let cases = [
        (
            "/figures/0/qualifer",
            json!("over"),
            "$.figures[0].qualifer",
            Some("qualifier"),
        ),
        (
            "/figures/0/categroy",
            json!("org"),
            "$.figures[0].categroy",
            Some("category"),
        ),
        (
            "/figures/0/Label",
            json!("x"),
            "$.figures[0].Label",
            Some("label"),
        ),
        (
            "/figures/0/vlaue",
            json!(5),
            "$.figures[0].vlaue",
            Some("value"),
        ),
        (
            "/figures/0/extra",
            json!({"anything": [1, 2]}),
            "$.figures[0].extra",
            None,
        ),
        ("/publshed", json!("2016"), "$.publshed", Some("published")),
        ("/titel", json!("T"), "$.titel", Some("title")),
        ("/blocks/0/txt", json!("x"), "$.blocks[0].txt", Some("text")),
        (
            "/figures/0/mentions/0/prefx",
            json!("Có "),
            "$.figures[0].mentions[0].prefx",
            Some("prefix"),
        ),
        (
            "/categories/0/lable",
            json!("x"),
            "$.categories[0].lable",
            Some("label"),
        ),
    ];
    for (ptr, value, path, near) in cases {
        let d = load(&with(base(), ptr, value).to_string()).expect("still renders");
        let w = d
            .warnings
            .iter()
            .find(|w| w.kind == Kind::UnknownKey)
            .unwrap_or_else(|| panic!("{ptr}: no warning"));
        assert_eq!(w.path, path);
        assert!(w.line.is_some(), "{ptr}: positioned");
        match near {
            Some(k) => assert_eq!(
                w.hint.as_deref(),
                Some(format!("did you mean \"{k}\"?").as_str())
            ),
            None => assert!(w.hint.as_deref().unwrap().starts_with("known keys here:")),
        }
    }
    let img = with(
        base(),
        "/blocks/0",
        json!({"kind": "image", "src": "a.png", "alt": "a", "captoin": "c"}),
    );
    let d = load(&img.to_string()).unwrap();
    assert_eq!(
        d.warnings[0].hint.as_deref(),
        Some("did you mean \"caption\"?")
    );
    // Unknown keys of an unknown block kind are not ours to judge.
    let future = with(base(), "/blocks/0", json!({"kind": "chart", "series": [1]}));
    let d = load(&future.to_string()).unwrap();
    assert!(d.warnings.iter().all(|w| w.kind != Kind::UnknownKey));
}

#[test]
fn duplicate_keys_are_errors_with_both_positions() {
    let text = base()
        .to_string()
        .replacen("\"value\":54", "\"value\":12,\"value\":13", 1);
    assert!(text.contains("\"value\":12,\"value\":13"));
    let errs = load(&text).expect_err("refused");
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0].kind, Kind::Duplicate);
    assert_eq!(errs[0].path, "$.figures[0].value");
    assert!(
        errs[0].message.contains("first at line 1, column"),
        "{}",
        errs[0].message
    );
    let text = base()
        .to_string()
        .replacen("\"title\":\"T\"", "\"title\":\"T\",\"title\":\"U\"", 1);
    assert_eq!(load(&text).expect_err("refused")[0].path, "$.title");
}

#[test]
fn empty_required_strings_are_errors() {
    for (ptr, path) in [
        ("/title", "$.title"),
        ("/id", "$.id"),
        ("/figures/0/label", "$.figures[0].label"),
        ("/figures/0/id", "$.figures[0].id"),
        ("/categories/0/label", "$.categories[0].label"),
        (
            "/figures/1/mentions/0/quote",
            "$.figures[1].mentions[0].quote",
        ),
    ] {
        for empty in ["", "  ", "\n\t"] {
            let errs = errors_of(&with(base(), ptr, json!(empty)));
            assert!(
                has(&errs, Kind::Format, path),
                "{ptr} = {empty:?}: {errs:#?}"
            );
            assert_eq!(
                errs.iter().filter(|e| e.path == path).count(),
                1,
                "reported once: {errs:#?}"
            );
        }
    }
    // Optional strings and paragraph text may be empty; so may alt (decorative image).
    let v = with(base(), "/kicker", json!(""));
    assert!(load(&v.to_string()).is_ok());
    let img = with(
        base(),
        "/blocks/0",
        json!({"kind": "image", "src": "a.png", "alt": ""}),
    );
    let img = with(img, "/figures", json!([]));
    assert!(load(&img.to_string()).is_ok());
    let src = with(
        base(),
        "/blocks/0",
        json!({"kind": "image", "src": " ", "alt": "a"}),
    );
    assert!(has(&errors_of(&src), Kind::Format, "$.blocks[0].src"));
}

#[test]
fn decimals_and_year_are_validated() {
    let d = load(&with(base(), "/figures/1/decimals", json!(2)).to_string()).unwrap();
    assert_eq!(d.article.figures[1].decimals, Some(2));
    assert!(has(
        &errors_of(&with(base(), "/figures/1/decimals", json!(21))),
        Kind::Format,
        "$.figures[1].decimals"
    ));
    assert!(has(
        &errors_of(&with(base(), "/figures/1/decimals", json!(1.5))),
        Kind::Type,
        "$.figures[1].decimals"
    ));
    assert!(has(
        &errors_of(&with(base(), "/figures/1/decimals", json!(-1))),
        Kind::Type,
        "$.figures[1].decimals"
    ));
    let d = load(&with(base(), "/figures/1/year", json!(true)).to_string()).unwrap();
    assert!(d.article.figures[1].year);
    assert!(has(
        &errors_of(&with(base(), "/figures/1/year", json!("yes"))),
        Kind::Type,
        "$.figures[1].year"
    ));
    let frac = with(
        with(base(), "/figures/1/year", json!(true)),
        "/figures/1/value",
        json!(2015.5),
    );
    assert!(has(&errors_of(&frac), Kind::Format, "$.figures[1].value"));
}

#[test]
fn integers_beyond_two_to_the_53_warn() {
    let v = with(base(), "/figures/1/value", json!(12345678901234567890u64));
    let d = load(&v.to_string()).unwrap();
    assert!(d
        .warnings
        .iter()
        .any(|w| w.path == "$.figures[1].value" && w.kind == Kind::Format));
    let v = with(base(), "/figures/1/value", json!(9007199254740992u64));
    assert!(load(&v.to_string())
        .unwrap()
        .warnings
        .iter()
        .all(|w| w.path != "$.figures[1].value"));
    // Round numbers that big are exact as written: no warning.
    for exact in [json!(1e308), json!(12e9), json!(1.5e300)] {
        let v = with(base(), "/figures/1/value", exact.clone());
        let d = load(&v.to_string()).unwrap();
        assert!(
            d.warnings.iter().all(|w| w.path != "$.figures[1].value"),
            "{exact}"
        );
    }
}

#[test]
fn lone_surrogates_are_named() {
    for bad in [
        r#""\ud800""#,
        r#""\ud800x""#,
        r#""\udc00""#,
        r#""\ud83d\u0041""#,
    ] {
        let text = base().to_string().replacen("\"T\"", bad, 1);
        let errs = load(&text).expect_err("refused");
        let hint = errs[0].hint.as_deref().unwrap_or("");
        assert!(hint.contains("surrogate"), "{bad}: {errs:#?}");
        assert!(
            errs[0].message.contains("is half of a character"),
            "{bad}: {errs:#?}"
        );
        assert!(!errs[0].message.contains("hex escape"), "{bad}: {errs:#?}");
    }
}

#[test]
fn categories_beyond_the_palette_warn() {
    let many = |n: usize| {
        let cats: Vec<Value> = (0..n)
            .map(|i| json!({"id": format!("c{i}"), "label": format!("C{i}")}))
            .collect();
        load(
            &with(base(), "/categories", Value::Array(cats))
                .to_string()
                .replace("\"category\":\"org\",", ""),
        )
        .unwrap()
        .warnings
    };
    assert!(many(60).iter().all(|w| !w.message.contains("categories")));
    let w = many(61);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].path, "$.categories[60]");
    assert!(w[0].message.contains("61 categories"), "{}", w[0].message);
}
