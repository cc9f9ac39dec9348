//! A script's JSON values, read as `serde_json::Value` reads them (the
//! same strings, numbers and errors) into a smaller tree, less what is
//! never read. An object is a slice of its entries sorted by key, the last
//! of equal keys winning, as `serde_json::Map` (a `BTreeMap`) keeps them,
//! at about a tenth of the memory: a `BTreeMap` spends a node of some 600
//! bytes on every object, and JSON-LD of a hundred thousand small objects
//! took twenty times its size. The story's text ([`p::STORY_TEXT_KEYS`],
//! `articleBody` and `text`, the one large string a script may hold) is
//! parsed, so a script with a broken one fails as before, but not kept:
//! its key stays, with `null`, so an object keeps its size (a lone `@id`
//! reference is told apart by it). The parse reads the clock every
//! [`p::DEADLINE_CHECK_ITEMS`] values, so a script of a hundred thousand
//! objects does not outlast [`crate::Options::time_limit`].

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde_core::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use crate::options::Deadline;
use crate::patterns as p;

thread_local! {
    /// The deadline of the parse under way on this thread (serde's
    /// `Deserialize` takes no argument), and the values parsed so far.
    static DEADLINE: Cell<Deadline> = const { Cell::new(Deadline::NONE) };
    static ITEMS: Cell<usize> = const { Cell::new(0) };
    /// The objects kept so far on this page (see [`start_page`]).
    static KEPT: Cell<usize> = const { Cell::new(0) };
}

/// Starts a page's budget of [`p::MAX_JSONLD_KEPT_OBJECTS`] objects kept
/// over all its scripts. Past it, an object is parsed (so a broken one
/// fails as before) but read as `null`, and an array's further items are
/// parsed but not kept: a page of 100,000 small JSON-LD objects built a
/// tree of six times its size (allocations of 20 to 100 bytes each).
pub(super) fn start_page() {
    KEPT.set(0);
}

/// Whether the page's budget allows one more object, counting it if so.
fn keep_object() -> bool {
    let kept = KEPT.get();
    if kept >= p::MAX_JSONLD_KEPT_OBJECTS {
        return false;
    }
    KEPT.set(kept + 1);
    true
}

/// The values in `text` one after another, up to the first error (or up
/// to `deadline`), at most [`p::MAX_VALUES_PER_SCRIPT`].
pub(super) fn parse_stream(text: &str, deadline: &Deadline) -> Vec<Value> {
    DEADLINE.set(*deadline);
    ITEMS.set(0);
    let mut out = Vec::new();
    let stream = serde_json::Deserializer::from_str(text).into_iter::<Lean>();
    for value in stream {
        match value {
            Ok(v) => out.push(v.0),
            Err(_) => break,
        }
        if out.len() >= p::MAX_VALUES_PER_SCRIPT {
            break;
        }
    }
    DEADLINE.set(Deadline::NONE);
    out
}

/// A JSON value: `serde_json::Value`'s variants, boxed slices for its
/// lists and objects.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(Box<str>),
    Array(Box<[Value]>),
    Object(Object),
}

impl Value {
    /// The string, for a string value.
    pub(super) fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// An object's key: one of [`p::JSONLD_COMMON_KEYS`] borrowed (no
/// allocation for each `@type` and `name`), any other owned.
type Key = Cow<'static, str>;

fn key_of(k: String) -> Key {
    match p::JSONLD_COMMON_KEYS.binary_search(&k.as_str()) {
        Ok(i) => p::JSONLD_COMMON_KEYS
            .get(i)
            .map_or(Cow::Owned(k), |c| Cow::Borrowed(*c)),
        Err(_) => Cow::Owned(k),
    }
}

/// An object's entries sorted by key (byte order, as `BTreeMap<String,
/// _>`), one per key.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Object(Box<[(Key, Value)]>);

impl Object {
    /// The entries in the order they were read, sorted by key; of equal
    /// keys the last read wins (`BTreeMap::insert`).
    fn from_entries(mut entries: Vec<(Key, Value)>) -> Object {
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
        Object(entries.into_boxed_slice())
    }

    pub(super) fn get(&self, key: &str) -> Option<&Value> {
        let i = self.0.binary_search_by(|(k, _)| (**k).cmp(key)).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }

    pub(super) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// The entries in key order.
    pub(super) fn iter(&self) -> impl DoubleEndedIterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }
}

/// One more value parsed: an error once the deadline has passed.
fn count<E: de::Error>() -> Result<(), E> {
    let items = ITEMS.get() + 1;
    ITEMS.set(items);
    if DEADLINE.get().passed_at(items) {
        return Err(E::custom("time limit"));
    }
    Ok(())
}

/// A value as `serde_json::Value` reads it, into [`Value`], with the
/// story's text dropped.
struct Lean(Value);

impl<'de> Deserialize<'de> for Lean {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Lean, D::Error> {
        deserializer.deserialize_any(LeanVisitor).map(Lean)
    }
}

/// `serde_json::Value`'s own visitor, into [`Value`], less the story's
/// text.
struct LeanVisitor;

impl<'de> Visitor<'de> for LeanVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
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
        Ok(Value::String(v.into()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v.into_boxed_str()))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Lean::deserialize(deserializer).map(|v| v.0)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            if KEPT.get() >= p::MAX_JSONLD_KEPT_OBJECTS {
                // Past the page's budget: parsed, not kept.
                while seq.next_element::<Checked>()?.is_some() {
                    count()?;
                }
                break;
            }
            let Some(Lean(item)) = seq.next_element()? else {
                break;
            };
            count()?;
            items.push(item);
        }
        Ok(Value::Array(items.into_boxed_slice()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        if !keep_object() {
            CheckedVisitor.visit_map(map)?;
            return Ok(Value::Null);
        }
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            count()?;
            let value = if p::STORY_TEXT_KEYS.contains(&key.as_str()) {
                map.next_value::<Checked>()?;
                Value::Null
            } else {
                map.next_value::<Lean>()?.0
            };
            entries.push((key_of(key), value));
        }
        Ok(Value::Object(Object::from_entries(entries)))
    }
}

/// A value parsed as `serde_json::Value` parses it (strings decoded and
/// checked, lone surrogates refused), then dropped. serde's `IgnoredAny`
/// would skip strings without those checks.
struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Checked, D::Error> {
        deserializer
            .deserialize_any(CheckedVisitor)
            .map(|_| Checked)
    }
}

struct CheckedVisitor;

impl<'de> Visitor<'de> for CheckedVisitor {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        Checked::deserialize(deserializer).map(|_| ())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<Checked>()?.is_some() {
            count()?;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<String>()?.is_some() {
            count()?;
            map.next_value::<Checked>()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_core::de::IgnoredAny;

    /// The same tree as `serde_json::Value`'s.
    fn to_serde(v: &Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.clone()),
            Value::String(s) => serde_json::Value::String(s.to_string()),
            Value::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
            Value::Object(o) => serde_json::Value::Object(
                o.iter()
                    .map(|(k, v)| (k.to_string(), to_serde(v)))
                    .collect(),
            ),
        }
    }

    fn same_as_serde(json: &str) {
        let serde: Vec<serde_json::Value> = serde_json::Deserializer::from_str(json)
            .into_iter::<serde_json::Value>()
            .map_while(Result::ok)
            .take(p::MAX_VALUES_PER_SCRIPT)
            .map(|mut v| {
                drop_story_text(&mut v);
                v
            })
            .collect();
        let ours: Vec<serde_json::Value> = parse_stream(json, &Deadline::NONE)
            .iter()
            .map(to_serde)
            .collect();
        assert_eq!(ours, serde, "{json}");
        // Key order as serde_json's map iterates it.
        for (ours, serde) in parse_stream(json, &Deadline::NONE).iter().zip(&serde) {
            if let (Value::Object(o), serde_json::Value::Object(m)) = (ours, serde) {
                assert!(o.iter().map(|(k, _)| k).eq(m.keys().map(String::as_str)));
            }
        }
    }

    fn drop_story_text(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, child) in o.iter_mut() {
                    if p::STORY_TEXT_KEYS.contains(&k.as_str()) {
                        *child = serde_json::Value::Null;
                    } else {
                        drop_story_text(child);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(drop_story_text),
            _ => {}
        }
    }

    #[test]
    fn reads_as_serde_json_does() {
        for json in [
            r#"{"@type":"NewsArticle","headline":"H","articleBody":"Long \u00e9 text","a":[1,-2,3.5,true,null]}"#,
            r#"{"a":1}{"b":2} [3] "s" 4 5"#,
            r#"{"text":{"@type":"Article","headline":"Inside"},"x":{"articleBody":["a",{"b":1}]}}"#,
            r#"{"a":1,"a":2}"#,
            r#"{"b":1,"a":2,"b":[3],"c":{"z":1,"y":2,"z":3},"b":4,"@id":"x"}"#,
            // A broken story text fails the value as it did: a lone
            // surrogate, a raw control character, a bad escape.
            r#"{"@type":"Article","articleBody":"\udc00","headline":"H"}"#,
            "{\"@type\":\"Article\",\"text\":\"a\u{1}b\"}",
            r#"{"@type":"Article","text":"\q"} {"b":2}"#,
            r#"{"a":1e400}"#,
            r#"[[[[1]]]] {"#,
            "",
        ] {
            same_as_serde(json);
        }
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        same_as_serde(&deep);
    }

    #[test]
    fn common_keys_are_sorted() {
        assert!(p::JSONLD_COMMON_KEYS.is_sorted());
        assert!(matches!(key_of("@type".to_string()), Cow::Borrowed(_)));
        assert!(matches!(key_of("x-other".to_string()), Cow::Owned(_)));
    }

    #[test]
    fn story_text_is_not_kept() {
        let v = parse_stream(
            r#"{"@type":"Article","articleBody":"Long text","text":"More"}"#,
            &Deadline::NONE,
        );
        assert_eq!(
            v.iter().map(to_serde).collect::<Vec<_>>(),
            [serde_json::json!({"@type":"Article","articleBody":null,"text":null})]
        );
    }

    #[test]
    fn keeps_at_most_the_page_budget_of_objects() {
        start_page();
        let n = p::MAX_JSONLD_KEPT_OBJECTS;
        let json = format!("[{}]", vec![r#"{"a":1}"#; n + 10].join(","));
        let v = parse_stream(&json, &Deadline::NONE);
        assert!(matches!(&v[..], [Value::Array(items)] if items.len() == n));
        // The budget spans the page's scripts: the next object reads as
        // null, still parsed (a broken one still fails).
        let next = parse_stream(r#"{"@type":"Article"} 7"#, &Deadline::NONE);
        assert_eq!(next, [Value::Null, Value::Number(7.into())]);
        assert!(parse_stream(r#"{"b":"\udc00"}"#, &Deadline::NONE).is_empty());
        // A new page starts a new budget.
        start_page();
        let next = parse_stream(r#"{"@type":"Article"}"#, &Deadline::NONE);
        assert!(matches!(&next[..], [Value::Object(o)] if o.len() == 1));
    }

    #[test]
    fn ignored_any_would_not_refuse_a_lone_surrogate() {
        // Why `Checked` and not serde's `IgnoredAny`.
        let json = r#"{"articleBody":"\udc00"}"#;
        assert!(serde_json::from_str::<IgnoredAny>(json).is_ok());
        assert!(parse_stream(json, &Deadline::NONE).is_empty());
    }
}
