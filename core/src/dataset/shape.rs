//! The dataset file's shape: reading `serde_json` values into raw records, exactly what
//! the file may contain, before any rule is checked.
//!
//! Every reader records a precise error (wrong type, missing field, unknown field) naming
//! the record and the dotted field, and returns `None` on a wrong shape; records are read
//! one by one, so that one bad record does not hide the errors of the others.

use serde_json::{Map, Value};

use super::Validator;

pub(super) struct RawDataset<'v> {
    pub(super) title: String,
    pub(super) description: String,
    pub(super) sectors: Vec<RawSector>,
    pub(super) sources: Vec<RawSource>,
    pub(super) facts: Vec<(String, &'v Map<String, Value>)>,
}

pub(super) struct RawSector {
    pub(super) id: String,
    pub(super) label: String,
}

pub(super) struct RawSource {
    pub(super) id: String,
    pub(super) publisher: String,
    pub(super) title: String,
    pub(super) place: Option<String>,
    pub(super) published: String,
    pub(super) url: Option<String>,
    pub(super) note: Option<String>,
    pub(super) file: Option<String>,
    pub(super) text: Option<String>,
}

pub(super) struct RawFact<'v> {
    pub(super) id: String,
    pub(super) kind: String,
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) sectors: Vec<String>,
    pub(super) countries: Vec<String>,
    pub(super) parties: Vec<String>,
    pub(super) attribution: Option<String>,
    pub(super) date: Option<&'v Value>,
    pub(super) status: Option<String>,
    pub(super) source: String,
    pub(super) quote: Option<String>,
    pub(super) quantity: Option<&'v Value>,
    pub(super) derived: Vec<&'v Value>,
    pub(super) compare_with: Option<String>,
}

pub(super) struct RawDateSpec {
    pub(super) start: String,
    pub(super) end: Option<String>,
    pub(super) phrase: Option<String>,
    pub(super) inferred: bool,
}

pub(super) struct RawQuantity<'v> {
    /// `None` when missing or not a number (already reported); the rules still run.
    pub(super) value: Option<f64>,
    pub(super) unit: String,
    pub(super) currency: Option<String>,
    pub(super) multiplier: Option<String>,
    pub(super) measure: String,
    pub(super) approximate: bool,
    pub(super) period: Option<&'v Value>,
}

pub(super) struct RawDerived<'v> {
    pub(super) label: String,
    pub(super) method: String,
    pub(super) date: Option<String>,
    pub(super) quantity: Option<&'v Value>,
}

const DATASET_FIELDS: &[&str] = &["title", "description", "sectors", "sources", "facts"];
const SECTOR_FIELDS: &[&str] = &["id", "label"];
const SOURCE_FIELDS: &[&str] = &["id", "publisher", "title", "place", "published", "url", "note", "file", "text"];
const FACT_FIELDS: &[&str] = &[
    "id",
    "kind",
    "title",
    "summary",
    "sectors",
    "countries",
    "parties",
    "attribution",
    "date",
    "status",
    "source",
    "quote",
    "quantity",
    "derived",
    "compare_with",
];
const DATE_FIELDS: &[&str] = &["start", "end", "phrase", "inferred"];
const QUANTITY_FIELDS: &[&str] = &["value", "unit", "currency", "multiplier", "measure", "approximate", "period"];
const DERIVED_FIELDS: &[&str] = &["label", "quantity", "date", "method"];

/// What a JSON value is, for "expected …, found …" messages.
fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Field readers: each records a precise error and returns `None` on a wrong shape.
impl Validator<'_> {
    fn wrong(&mut self, record: &str, field: &str, expected: &str, found: &Value) {
        self.push(record, field, format!("expected {expected}, found {}", describe(found)));
    }

    /// `v` as an object whose keys are all in `allowed`.
    fn object<'v>(&mut self, record: &str, field: &str, v: &'v Value, allowed: &[&str]) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = v else {
            self.wrong(record, field, "an object", v);
            return None;
        };
        let mut ok = true;
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                self.push(record, &join(field, key), format!("unknown field; expected one of: {}", allowed.join(", ")));
                ok = false;
            }
        }
        ok.then_some(map)
    }

    /// An optional string field; `Err(())` when present with another type.
    fn opt_string(&mut self, record: &str, prefix: &str, map: &Map<String, Value>, key: &str) -> Result<Option<String>, ()> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => {
                self.wrong(record, &join(prefix, key), "a string", other);
                Err(())
            }
        }
    }

    fn string(&mut self, record: &str, prefix: &str, map: &Map<String, Value>, key: &str) -> Result<String, ()> {
        match self.opt_string(record, prefix, map, key)? {
            Some(s) => Ok(s),
            None => {
                self.push(record, &join(prefix, key), "is missing");
                Err(())
            }
        }
    }

    /// An optional list; each item is checked with `item`.
    fn list<'v, T>(
        &mut self,
        record: &str,
        prefix: &str,
        map: &'v Map<String, Value>,
        key: &str,
        mut item: impl FnMut(&mut Self, String, &'v Value) -> Option<T>,
    ) -> Result<Vec<T>, ()> {
        let field = join(prefix, key);
        match map.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => {
                let before = self.errors.len();
                let out: Vec<T> = items.iter().enumerate().filter_map(|(i, v)| item(self, format!("{field}[{i}]"), v)).collect();
                if self.errors.len() == before {
                    Ok(out)
                } else {
                    Err(())
                }
            }
            Some(other) => {
                self.wrong(record, &field, "a list", other);
                Err(())
            }
        }
    }

    fn strings(&mut self, record: &str, prefix: &str, map: &Map<String, Value>, key: &str) -> Result<Vec<String>, ()> {
        self.list(record, prefix, map, key, |v, field, item| match item {
            Value::String(s) => Some(s.clone()),
            other => {
                v.wrong(record, &field, "a string", other);
                None
            }
        })
    }

    fn boolean(&mut self, record: &str, prefix: &str, map: &Map<String, Value>, key: &str) -> Result<bool, ()> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => {
                self.wrong(record, &join(prefix, key), "true or false", other);
                Err(())
            }
        }
    }

    pub(super) fn read_dataset<'v>(&mut self, value: &'v Value) -> Option<RawDataset<'v>> {
        let map = self.object("dataset", "", value, DATASET_FIELDS)?;
        let title = self.string("dataset", "", map, "title");
        let description = self.opt_string("dataset", "", map, "description");
        let sectors = self.list("dataset", "", map, "sectors", |v, field, item| {
            let record = record_name("sector", item, &field);
            let m = v.object(&record, "", item, SECTOR_FIELDS)?;
            let id = v.string(&record, "", m, "id");
            let label = v.string(&record, "", m, "label");
            Some(RawSector { id: id.ok()?, label: label.ok()? })
        });
        let sources = self.list("dataset", "", map, "sources", |v, field, item| {
            let record = record_name("source", item, &field);
            let m = v.object(&record, "", item, SOURCE_FIELDS)?;
            let r = &record;
            Some(RawSource {
                id: v.string(r, "", m, "id").ok()?,
                publisher: v.string(r, "", m, "publisher").ok()?,
                title: v.string(r, "", m, "title").ok()?,
                place: v.opt_string(r, "", m, "place").ok()?,
                published: v.string(r, "", m, "published").ok()?,
                url: v.opt_string(r, "", m, "url").ok()?,
                note: v.opt_string(r, "", m, "note").ok()?,
                file: v.opt_string(r, "", m, "file").ok()?,
                text: v.opt_string(r, "", m, "text").ok()?,
            })
        });
        // Facts are read one by one so that one bad fact does not hide the others.
        let facts: Vec<_> = match map.get("facts") {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let record = record_name("fact", item, &format!("facts[{i}]"));
                    let m = self.object(&record, "", item, FACT_FIELDS)?;
                    Some((record, m))
                })
                .collect(),
            None | Some(Value::Null) => Vec::new(),
            Some(other) => {
                self.wrong("dataset", "facts", "a list", other);
                Vec::new()
            }
        };
        Some(RawDataset {
            title: title.ok()?,
            description: description.ok()?.unwrap_or_default(),
            sectors: sectors.ok()?,
            sources: sources.ok()?,
            facts,
        })
    }

    pub(super) fn read_fact<'v>(&mut self, r: &str, m: &'v Map<String, Value>) -> Option<RawFact<'v>> {
        let id = self.string(r, "", m, "id");
        let kind = self.string(r, "", m, "kind");
        let title = self.string(r, "", m, "title");
        let summary = self.string(r, "", m, "summary");
        let sectors = self.strings(r, "", m, "sectors");
        let countries = self.strings(r, "", m, "countries");
        let parties = self.strings(r, "", m, "parties");
        let attribution = self.opt_string(r, "", m, "attribution");
        let status = self.opt_string(r, "", m, "status");
        let source = self.string(r, "", m, "source");
        let quote = self.opt_string(r, "", m, "quote");
        let derived = self.list(r, "", m, "derived", |_, _, item| Some(item));
        let compare_with = self.opt_string(r, "", m, "compare_with");
        Some(RawFact {
            id: id.ok()?,
            kind: kind.ok()?,
            title: title.ok()?,
            summary: summary.ok()?,
            sectors: sectors.ok()?,
            countries: countries.ok()?,
            parties: parties.ok()?,
            attribution: attribution.ok()?,
            date: m.get("date").filter(|v| !v.is_null()),
            status: status.ok()?,
            source: source.ok()?,
            quote: quote.ok()?,
            quantity: m.get("quantity").filter(|v| !v.is_null()),
            derived: derived.ok()?,
            compare_with: compare_with.ok()?,
        })
    }

    /// A date: a plain `"YYYY-MM"` string or a `{start, end, phrase, inferred}` object.
    pub(super) fn read_date(&mut self, r: &str, field: &str, v: &Value) -> Option<RawDateSpec> {
        if let Value::String(start) = v {
            return Some(RawDateSpec { start: start.clone(), end: None, phrase: None, inferred: false });
        }
        if !v.is_object() {
            self.wrong(r, field, "a date string or an object", v);
            return None;
        }
        let m = self.object(r, field, v, DATE_FIELDS)?;
        let start = self.string(r, field, m, "start");
        let end = self.opt_string(r, field, m, "end");
        let phrase = self.opt_string(r, field, m, "phrase");
        let inferred = self.boolean(r, field, m, "inferred");
        Some(RawDateSpec { start: start.ok()?, end: end.ok()?, phrase: phrase.ok()?, inferred: inferred.ok()? })
    }

    /// A quantity object; `None` when it is not an object, has unknown fields, or a field
    /// other than `value` has the wrong type.
    pub(super) fn read_quantity<'v>(&mut self, r: &str, field: &str, value: &'v Value) -> Option<RawQuantity<'v>> {
        let m = self.object(r, field, value, QUANTITY_FIELDS)?;
        let number = match m.get("value") {
            Some(Value::Number(n)) => n.as_f64(),
            None => {
                self.push(r, &join(field, "value"), "is missing");
                None
            }
            Some(other) => {
                self.wrong(r, &join(field, "value"), "a number", other);
                None
            }
        };
        Some(RawQuantity {
            value: number,
            unit: self.opt_string(r, field, m, "unit").ok()?.unwrap_or_default(),
            currency: self.opt_string(r, field, m, "currency").ok()?,
            multiplier: self.opt_string(r, field, m, "multiplier").ok()?,
            measure: self.string(r, field, m, "measure").ok()?,
            approximate: self.boolean(r, field, m, "approximate").ok()?,
            period: m.get("period").filter(|v| !v.is_null()),
        })
    }

    /// One item of a fact's `derived` list.
    pub(super) fn read_derived<'v>(&mut self, r: &str, field: &str, value: &'v Value) -> Option<RawDerived<'v>> {
        let m = self.object(r, field, value, DERIVED_FIELDS)?;
        let (Ok(label), Ok(method), Ok(date)) =
            (self.string(r, field, m, "label"), self.string(r, field, m, "method"), self.opt_string(r, field, m, "date"))
        else {
            return None;
        };
        Some(RawDerived { label, method, date, quantity: m.get("quantity").filter(|v| !v.is_null()) })
    }
}

/// `fact "id"` when the record has a string id, else its position (`facts[3]`).
fn record_name(kind: &str, item: &Value, position: &str) -> String {
    match item.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => format!("{kind} \"{id}\""),
        _ => position.to_owned(),
    }
}
