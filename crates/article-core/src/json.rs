//! JSON text → `serde_json::Value`, noticing what `Value` silently forgets: a key that
//! appears twice in one object (`"value": 12, "value": 13` keeps 13 with no word).
//!
//! ```
//! let (_, dups) = article_core::json::parse(r#"{"a": 1, "a": 2}"#).unwrap();
//! assert_eq!(dups[0].message, "duplicate key \"a\": first at line 1, column 7; a JSON object can hold a key only once");
//! ```
//!
//! Why here and not in a pass over the text: a pass that hashes every value's path costs
//! as much as parsing again on every document, while a duplicate is rare. Deserializing
//! through our own visitor notices it for the price of one map insert, and only then is
//! the text scanned (for the keys that were duplicated) to give both positions.
use crate::position;
use crate::problem::{self, Kind, Problem};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::collections::HashMap;

/// Parse `json` into a `Value` (the last of duplicated keys wins, as in `serde_json`)
/// plus one error per duplicated key, positioned at its second occurrence with the
/// first one in the message. `Err` is serde_json's syntax error.
pub fn parse(json: &str) -> Result<(Value, Vec<Problem>), serde_json::Error> {
    let dups = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_str(json);
    let value = Seed(&dups).deserialize(&mut de)?;
    de.end()?;
    let dups = dups.into_inner();
    let problems = if dups.is_empty() {
        Vec::new()
    } else {
        locate_duplicates(json, &dups)
    };
    Ok((value, problems))
}

/// Builds a `Value`, recording the keys that were already in their object.
struct Seed<'a>(&'a RefCell<Vec<String>>);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(Seed(self.0))? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut obj = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Seed(self.0))?;
            if let Some(k) = obj.insert(key.clone(), value).map(|_| key) {
                let mut dups = self.0.borrow_mut();
                if !dups.contains(&k) {
                    dups.push(k);
                }
            }
        }
        Ok(Value::Object(obj))
    }
}

/// Both positions of every duplicated key. Only values under one of `keys` are looked
/// at, so a document with a duplicate costs one scan, not a hash of every path.
fn locate_duplicates(json: &str, keys: &[String]) -> Vec<Problem> {
    let endings: Vec<String> = keys
        .iter()
        .map(|k| {
            let mut p = String::new();
            position::push_key(&mut p, k);
            p
        })
        .collect();
    let mut first: HashMap<String, (usize, usize)> = HashMap::new();
    let mut found: Vec<Problem> = Vec::new();
    position::scan(json, |path, _, line, col| {
        let Some(k) = endings.iter().position(|e| path.ends_with(e.as_str())) else {
            return true;
        };
        match first.get(path) {
            None => {
                first.insert(path.to_string(), (line, col));
            }
            Some(&(l, c)) => {
                // Under a duplicated key the same paths repeat; report the key itself only.
                if !found.iter().any(|p| path.starts_with(p.path.as_str())) {
                    found.push(
                        Problem::error(
                            Kind::Duplicate,
                            path,
                            format!(
                                "duplicate key {}: first at line {l}, column {c}; a JSON object can hold a key only once",
                                problem::quoted(&keys[k], 40)
                            ),
                        )
                        .with_hint("keep one of the two; a reader would silently take the last")
                        .at(line, col),
                    );
                }
            }
        }
        true
    });
    if found.is_empty() {
        // The scanner could not follow the text there; still never silent.
        found.push(Problem::error(
            Kind::Duplicate,
            "$",
            format!(
                "duplicate key {} in an object; a JSON object can hold a key only once",
                problem::quoted(&keys[0], 40)
            ),
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_value_as_serde_json_without_duplicates() {
        let text = r#"{"a": [1, -2, 2.5, 1e300, true, null, "x"], "b": {"c": {}}, "d": 18446744073709551615}"#;
        let (v, dups) = parse(text).unwrap();
        assert!(dups.is_empty());
        assert_eq!(v, serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn duplicates_at_any_depth_with_both_positions() {
        let text = "{\"figures\": [\n  {\"value\": 12,\n   \"value\": 13}],\n \"id\": \"a\", \"id\": \"b\"}";
        let (v, dups) = parse(text).unwrap();
        assert_eq!(v["figures"][0]["value"], 13, "the last wins, as before");
        assert_eq!(dups.len(), 2, "{dups:?}");
        assert_eq!(dups[0].path, "$.figures[0].value");
        assert_eq!((dups[0].line, dups[0].column), (Some(3), Some(13)));
        assert!(
            dups[0].message.contains("first at line 2, column 13"),
            "{}",
            dups[0].message
        );
        assert_eq!(dups[1].path, "$.id");
    }

    #[test]
    fn a_duplicated_object_is_reported_once_not_for_each_of_its_keys() {
        let text = r#"{"x": {"a": 1, "b": 2}, "x": {"a": 1, "b": 2}}"#;
        let (_, dups) = parse(text).unwrap();
        assert_eq!(dups.len(), 1, "{dups:?}");
        assert_eq!(dups[0].path, "$.x");
    }

    #[test]
    fn the_same_key_in_different_objects_is_fine() {
        let text = r#"[{"id": 1}, {"id": 2}, {"a": {"id": 3}}]"#;
        assert!(parse(text).unwrap().1.is_empty());
    }

    #[test]
    fn syntax_errors_are_serde_errors() {
        assert!(parse("{\"a\": 1,}").is_err());
        assert!(parse("{\"a\": 1} x").is_err());
    }
}
