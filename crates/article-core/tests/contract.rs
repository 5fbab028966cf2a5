//! One contract, checked one way: the JSON Schema (`public/schema/article-1.json`, what
//! editors and other tools validate against) and the core (what `article check` and the
//! reader accept) must agree on every document we have — shipped articles, CLI
//! fixtures, fuzz seeds, hostile variants and every leaf of the sample replaced by a
//! wrong value.
//!
//! Agreement, both ways:
//! - every place the schema objects to, the core reports too (an error, or a warning
//!   where the core is deliberately lenient: an unknown key is ignored for forward
//!   compatibility, a refused image is left out, an odd `lang` falls back to English);
//! - every error the core gives that a schema can express (a wrong type, a missing or
//!   empty field, a malformed value) and every unknown-key or refused-URL warning, the
//!   schema gives too. Errors a schema cannot express — duplicate ids or keys, unknown
//!   references, cycles, limits — are the core's alone.
//!
//! "The same place" means the same JSON path, or one is the parent of the other (the
//! schema reports a missing key at the object, the core at the key).
//!
//! The shipped catalog is checked here as well: valid against `catalog-1.json`, each
//! entry equal to its article, every article listed, and every relative image present.
use article_core::{parse_article, Kind, Problem, Severity};
use jsonschema::error::ValidationErrorKind;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn validator(name: &str) -> jsonschema::Validator {
    let path = root().join("public/schema").join(name);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A JSON pointer as the core writes paths: `/figures/0/value` → `$.figures[0].value`.
fn core_path(pointer: &str) -> String {
    let mut out = String::from("$");
    for raw in pointer.split('/').skip(1) {
        let seg = raw.replace("~1", "/").replace("~0", "~");
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{seg}]"));
        } else if !seg.is_empty()
            && !seg.as_bytes()[0].is_ascii_digit()
            && seg
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            out.push('.');
            out.push_str(&seg);
        } else {
            out.push_str(&format!("[{}]", serde_json::to_string(&seg).unwrap()));
        }
    }
    out
}

fn parent(p: &str) -> Option<&str> {
    if p == "$" {
        return None;
    }
    let cut = p.rfind(['.', '['])?;
    Some(if cut == 0 { "$" } else { &p[..cut] })
}

fn near(a: &str, b: &str) -> bool {
    a == b || parent(a) == Some(b) || parent(b) == Some(a)
}

/// Where the schema objects, as core paths (a missing or unexpected key at the key).
fn schema_places(v: &jsonschema::Validator, doc: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for e in v.iter_errors(doc) {
        let at = core_path(e.instance_path().as_str());
        match e.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                for k in unexpected {
                    out.insert(format!("{at}{}", &core_path(&format!("/{k}"))[1..]));
                }
            }
            ValidationErrorKind::Required { property } => {
                let k = property.as_str().unwrap_or_default();
                out.insert(format!("{at}{}", &core_path(&format!("/{k}"))[1..]));
            }
            _ => {
                out.insert(at);
            }
        }
    }
    out
}

/// Core problems a schema can express.
fn expressible(p: &Problem) -> bool {
    match p.severity {
        Severity::Error => matches!(p.kind, Kind::Type | Kind::Missing | Kind::Format),
        Severity::Warning => matches!(p.kind, Kind::UnknownKey | Kind::RefusedUrl),
    }
}

/// The disagreements on one document, described for a failure message.
fn disagreements(v: &jsonschema::Validator, text: &str) -> Vec<String> {
    let Ok(doc) = serde_json::from_str::<Value>(text) else {
        // Not JSON for serde_json: the core must refuse it as well.
        return match parse_article(text) {
            Err(_) => vec![],
            Ok(_) => vec!["not JSON, but the core accepted it".into()],
        };
    };
    let schema = schema_places(v, &doc);
    let core: Vec<Problem> = match parse_article(text) {
        Ok((_, warnings)) => warnings,
        Err(errors) => errors,
    };
    // Keys repeated in one object: serde_json keeps the last, so the schema judges a
    // different document than the publisher wrote. The core's duplicate error decides.
    if core
        .iter()
        .any(|p| p.kind == Kind::Duplicate && p.message.starts_with("duplicate key"))
    {
        return vec![];
    }
    // Another format: the core stops there, since nothing else in it means anything.
    if core.iter().any(|p| p.path == "$.format" && p.is_error()) {
        return vec![];
    }
    let mut out = Vec::new();
    for place in &schema {
        if !core.iter().any(|p| near(&p.path, place)) {
            out.push(format!(
                "the schema objects at {place}, the core says nothing there"
            ));
        }
    }
    for p in core.iter().filter(|p| expressible(p)) {
        if !schema.iter().any(|place| near(&p.path, place)) {
            out.push(format!("the core reports {p} but the schema accepts it"));
        }
    }
    out
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

fn shipped_articles() -> Vec<PathBuf> {
    json_files(&root().join("public/articles"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("index.json"))
        .collect()
}

fn sample() -> Value {
    let text =
        std::fs::read_to_string(root().join("public/articles/cam-pha-2016-11-29.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn assert_agree(v: &jsonschema::Validator, docs: impl IntoIterator<Item = (String, String)>) {
    let mut failures = Vec::new();
    let mut n = 0;
    for (name, text) in docs {
        n += 1;
        let d = disagreements(v, &text);
        if !d.is_empty() {
            failures.push(format!("{name}:\n  {}", d.join("\n  ")));
        }
    }
    assert!(n > 0, "no documents");
    assert!(
        failures.is_empty(),
        "{} of {n} documents where the schema and the core disagree:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn shipped_articles_are_valid_for_both() {
    let v = validator("article-1.json");
    for path in shipped_articles() {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = v
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let (_, warnings) =
            parse_article(&text).unwrap_or_else(|e| panic!("{}: {e:#?}", path.display()));
        assert!(warnings.is_empty(), "{}: {warnings:#?}", path.display());
    }
}

#[test]
fn cli_fixtures_and_fuzz_seeds_agree() {
    let v = validator("article-1.json");
    let mut files = json_files(&root().join("crates/article-cli/tests/fixtures"));
    files.extend(json_files(
        &root().join("crates/article-core/fuzz/seeds/load"),
    ));
    files.extend(shipped_articles());
    let docs = files.into_iter().filter_map(|p| {
        let bytes = std::fs::read(&p).unwrap();
        // Not UTF-8 is refused before either looks at it.
        String::from_utf8(bytes)
            .ok()
            .map(|t| (p.display().to_string(), t))
    });
    assert_agree(&v, docs);
}

/// Edits of the sample: (JSON pointer, new value); `null` at a key that is not there
/// adds it, `Value::Null` as a marker below removes it.
fn edited(base: &Value, ptr: &str, new: Option<Value>) -> Value {
    let mut doc = base.clone();
    let (parent, key) = ptr.rsplit_once('/').unwrap();
    let slot = doc.pointer_mut(parent).unwrap_or_else(|| panic!("{ptr}"));
    match (slot, new) {
        (Value::Object(o), Some(v)) => {
            o.insert(key.to_string(), v);
        }
        (Value::Object(o), None) => {
            o.remove(key);
        }
        (Value::Array(a), Some(v)) => a[key.parse::<usize>().unwrap()] = v,
        (Value::Array(a), None) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{ptr}"),
    }
    doc
}

#[test]
fn hostile_and_mistaken_variants_agree() {
    let v = validator("article-1.json");
    let base = sample();
    let cases: Vec<(&str, Option<Value>)> = vec![
        // The typos, and more of them.
        ("/figures/4/qualifer", Some(json!("over"))),
        ("/figures/0/categroy", Some(json!("org"))),
        ("/blocks/0/captoin", Some(json!("x"))),
        ("/publshed", Some(json!("2016-11-29T07:35:00+07:00"))),
        ("/figures/4/mentions/0/prefx", Some(json!("trên "))),
        ("/figures/0/Value", Some(json!(54))),
        ("/categories/0/name", Some(json!("x"))),
        ("/extra", Some(json!({"a": [1]}))),
        // Empty and blank required strings.
        ("/title", Some(json!(""))),
        ("/title", Some(json!("   "))),
        ("/figures/0/label", Some(json!(""))),
        ("/figures/0/label", Some(json!("\n"))),
        ("/categories/0/label", Some(json!(" "))),
        ("/figures/1/mentions/0/quote", Some(json!(""))),
        ("/figures/1/mentions/0/quote", Some(json!("\t"))),
        ("/id", Some(json!(""))),
        ("/figures/0/id", Some(json!(""))),
        ("/blocks/0/kind", Some(json!(" "))),
        // Wrong types and malformed values.
        ("/figures/0/value", Some(json!("54"))),
        ("/figures/0/value", Some(json!(null))),
        ("/figures/0/decimals", Some(json!(21))),
        ("/figures/0/decimals", Some(json!(-1))),
        ("/figures/0/decimals", Some(json!(1.5))),
        ("/figures/0/decimals", Some(json!(2))),
        ("/figures/0/year", Some(json!("yes"))),
        ("/figures/0/year", Some(json!(true))),
        ("/figures/5/year", Some(json!(true))),
        ("/figures/0/qualifier", Some(json!("more than"))),
        ("/figures/0/mentions/0/block", Some(json!(-1))),
        ("/published", Some(json!("2016-02-30T07:35:00+07:00"))),
        ("/published", Some(json!("2016-11-29"))),
        ("/format", Some(json!("article/2"))),
        ("/lang", Some(json!("vi_VN"))),
        ("/lang", Some(json!(""))),
        ("/blocks/2/src", Some(json!("javascript:alert(1)"))),
        ("/blocks/2/src", Some(json!("data:image/svg+xml,<svg/>"))),
        ("/blocks/2/src", Some(json!("//evil.example/x.png"))),
        ("/blocks/2/src", Some(json!("http://example.com/x.png"))),
        ("/blocks/2/src", Some(json!(""))),
        ("/blocks/2/alt", Some(json!(""))),
        ("/blocks/2/alt", None),
        ("/title", None),
        ("/figures/0/value", None),
        ("/figures/0/mentions", None),
        ("/figures/1/mentions", Some(json!([]))),
        // Provenance: sources, as-of dates, corrections, good and bad.
        (
            "/sources",
            Some(
                json!([{"id": "binh", "name": "Bùi Thị Bính", "role": "Phó Bí thư", "url": "https://example.org/a", "date": "2016-11-28"}]),
            ),
        ),
        ("/sources", Some(json!([{"id": "binh"}]))),
        ("/sources", Some(json!([{"id": "b b", "name": "x"}]))),
        ("/sources", Some(json!([{"id": "b", "name": ""}]))),
        (
            "/sources",
            Some(json!([{"id": "b", "name": "x", "url": "javascript:alert(1)"}])),
        ),
        (
            "/sources",
            Some(json!([{"id": "b", "name": "x", "date": "2016-13-01"}])),
        ),
        (
            "/sources",
            Some(json!([{"id": "b", "name": "x", "phone": "1"}])),
        ),
        ("/sources", Some(json!({"id": "b"}))),
        ("/figures/0/as_of", Some(json!("2016-11"))),
        ("/figures/0/as_of", Some(json!("2016"))),
        ("/figures/0/as_of", Some(json!("11/2016"))),
        ("/figures/0/as_of", Some(json!(2016))),
        (
            "/figures/0/corrections",
            Some(json!([{"date": "2016-12-01", "previous": 55, "note": "typo"}])),
        ),
        (
            "/figures/0/corrections",
            Some(json!([{"date": "2016-12-01"}])),
        ),
        (
            "/figures/0/corrections",
            Some(json!([{"date": "yesterday", "previous": 55}])),
        ),
        (
            "/figures/0/corrections",
            Some(json!([{"date": "2016-12-01", "previous": "55"}])),
        ),
        (
            "/figures/0/corrections",
            Some(json!([{"date": "2016-12-01", "previous": 55, "by": "x"}])),
        ),
        (
            "/figures/0/corrections",
            Some(json!({"date": "2016-12-01", "previous": 55})),
        ),
        // Markup is text, not an error.
        ("/title", Some(json!("<script>alert(1)</script>"))),
        (
            "/figures/0/label",
            Some(json!("\"><img src=x onerror=alert(1)>")),
        ),
    ];
    let docs = cases.into_iter().enumerate().map(|(i, (ptr, new))| {
        (
            format!("variant {i}: {ptr} = {new:?}"),
            edited(&base, ptr, new).to_string(),
        )
    });
    assert_agree(&v, docs);
}

/// Every leaf of the sample replaced, in turn, by each of a few wrong or odd values.
#[test]
fn every_leaf_replaced_agrees() {
    let v = validator("article-1.json");
    let base = sample();
    let mut pointers = Vec::new();
    fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => o
                .iter()
                .for_each(|(k, v)| leaves(v, format!("{at}/{k}"), out)),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, v)| leaves(v, format!("{at}/{i}"), out)),
            _ => out.push(at),
        }
    }
    leaves(&base, String::new(), &mut pointers);
    assert!(pointers.len() > 100, "{}", pointers.len());
    let odd = [
        json!(null),
        json!(""),
        json!(" "),
        json!(-1),
        json!(1.5),
        json!("x y"),
        json!(true),
        json!([]),
        json!({}),
    ];
    let docs = pointers.iter().flat_map(|ptr| {
        let base = &base;
        odd.iter().map(move |new| {
            (
                format!("{ptr} = {new}"),
                edited(base, ptr, Some(new.clone())).to_string(),
            )
        })
    });
    assert_agree(&v, docs);
}

#[test]
fn shipped_catalog_matches_its_articles() {
    let v = validator("catalog-1.json");
    let public = root().join("public");
    let text = std::fs::read_to_string(public.join("articles/index.json")).unwrap();
    let catalog: Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = v
        .iter_errors(&catalog)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut listed = BTreeSet::new();
    for entry in catalog["articles"].as_array().unwrap() {
        let path = entry["path"].as_str().unwrap();
        assert!(listed.insert(path.to_string()), "{path} listed twice");
        let text =
            std::fs::read_to_string(public.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (article, _) = parse_article(&text).unwrap_or_else(|e| panic!("{path}: {e:#?}"));
        assert_eq!(entry["id"], json!(article.id), "{path}: id");
        assert_eq!(entry["title"], json!(article.title), "{path}: title");
        assert_eq!(
            entry.get("kicker").cloned().unwrap_or(Value::Null),
            json!(article.kicker),
            "{path}: kicker"
        );
        assert_eq!(
            entry.get("published").cloned().unwrap_or(Value::Null),
            json!(article.published),
            "{path}: published"
        );
        for block in &article.blocks {
            if let article_core::Block::Image { src, .. } = block {
                if !src.starts_with("https:") {
                    assert!(
                        public.join(src).is_file(),
                        "{path}: image {src} is missing under public/"
                    );
                }
            }
        }
    }
    for file in shipped_articles() {
        let rel = format!("articles/{}", file.file_name().unwrap().to_string_lossy());
        assert!(listed.contains(&rel), "{rel} is not in articles/index.json");
    }
}

#[test]
fn the_core_knows_exactly_the_schemas_keys() {
    // The core's key lists (for "unknown key" warnings) against the schema's properties.
    let text = std::fs::read_to_string(root().join("public/schema/article-1.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let keys = |v: &Value| -> BTreeSet<String> {
        v["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    let set = |k: &[&str]| -> BTreeSet<String> { k.iter().map(|s| s.to_string()).collect() };
    use article_core::keys;
    assert_eq!(keys(&schema), set(keys::ARTICLE));
    assert_eq!(keys(&schema["$defs"]["paragraph"]), set(keys::PARAGRAPH));
    assert_eq!(keys(&schema["$defs"]["image"]), set(keys::IMAGE));
    assert_eq!(keys(&schema["$defs"]["category"]), set(keys::CATEGORY));
    assert_eq!(keys(&schema["$defs"]["figure"]), set(keys::FIGURE));
    assert_eq!(keys(&schema["$defs"]["mention"]), set(keys::MENTION));
    assert_eq!(keys(&schema["$defs"]["source"]), set(keys::SOURCE));
    assert_eq!(keys(&schema["$defs"]["correction"]), set(keys::CORRECTION));
}
