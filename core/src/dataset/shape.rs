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
    pub(super) facts: Vec<FactRecord<'v>>,
}

/// A fact record that is an object, with its name for errors.
pub(super) type FactRecord<'v> = (String, &'v Map<String, Value>);

/// A dataset's fields but its facts.
pub(super) struct RawHeader {
    pub(super) title: String,
    pub(super) description: String,
    pub(super) sectors: Vec<RawSector>,
    pub(super) sources: Vec<RawSource>,
}

impl<'v> RawDataset<'v> {
    pub(super) fn split(self) -> (RawHeader, Vec<FactRecord<'v>>) {
        let RawDataset { title, description, sectors, sources, facts } = self;
        (RawHeader { title, description, sectors, sources }, facts)
    }
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
/// A fact's fields in the dataset file.
pub(crate) const FACT_FIELDS: &[&str] = &[
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
            Some(Value::Array(items)) => items.iter().enumerate().filter_map(|(i, item)| self.fact_record(i, item)).collect(),
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

    /// Fact record `i` (`item`) if it is an object of fact fields, with its name for errors.
    pub(super) fn fact_record<'v>(&mut self, i: usize, item: &'v Value) -> Option<FactRecord<'v>> {
        let record = record_name("fact", item, &format!("facts[{i}]"));
        let m = self.object(&record, "", item, FACT_FIELDS)?;
        Some((record, m))
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

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use crate::dataset::{load, load_stream, DatasetError};

    const FILE: &str = "data/shape.json";

    /// A valid dataset (two sectors, one inline source, an indicator and an agreement), for
    /// each test to break in one or more places.
    fn valid() -> Value {
        json!({
            "title": "Shapes",
            "description": "Every shape the file may take.",
            "sectors": [{ "id": "trade", "label": "Trade" }, { "id": "energy", "label": "Energy" }],
            "sources": [{ "id": "wire", "publisher": "Wire", "title": "Report", "published": "2025-06-04", "url": "https://example.org/report",
                          "text": "Trade turnover reached 255 million dollars. A treaty was signed last August." }],
            "facts": [
                { "id": "turnover", "kind": "indicator", "title": "Turnover", "summary": "Trade grew.", "sectors": ["trade"],
                  "countries": ["Uzbekistan"], "source": "wire", "quote": "Trade turnover reached 255 million dollars.",
                  "quantity": { "value": 255, "unit": "currency", "currency": "USD", "multiplier": "million", "measure": "current", "approximate": false },
                  "derived": [{ "label": "Per year", "date": "2024", "method": "255 ÷ 1" }] },
                { "id": "treaty", "kind": "agreement", "title": "A treaty", "summary": "Signed.", "sectors": ["energy"],
                  "parties": ["A", "B"], "source": "wire", "quote": "A treaty was signed last August.",
                  "date": { "start": "2024-08", "phrase": "last August", "inferred": true } }
            ]
        })
    }

    /// Every error for `value` written as JSON, as the maintainer reads it: file, record,
    /// field and message.
    fn errors(value: &Value) -> Vec<String> {
        errors_of(&value.to_string())
    }

    fn errors_of(text: &str) -> Vec<String> {
        let errors = load(FILE, text, |_| None).expect_err("the file must be rejected");
        let mut streamed = load_stream(FILE, || Ok(text.as_bytes()), |_| None, |_, _| {}).expect_err("rejected when streamed too");
        let mut all = errors.clone();
        all.sort_by_key(ToString::to_string);
        streamed.sort_by_key(ToString::to_string);
        assert_eq!(streamed, all, "load_stream and load differ on {text}");
        errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_unbroken_dataset_loads() {
        let d = load(FILE, &valid().to_string(), |_| None).unwrap_or_else(|e| panic!("{e:#?}"));
        assert_eq!(d.facts.len(), 2);
    }

    #[test]
    fn a_shape_error_names_file_record_and_field_apart() {
        let mut v = valid();
        v["facts"][1]["title"] = json!(5);
        let errors = load(FILE, &v.to_string(), |_| None).unwrap_err();
        assert_eq!(
            errors,
            [DatasetError {
                file: FILE.to_owned(),
                record: "fact \"treaty\"".to_owned(),
                field: "title".to_owned(),
                message: "expected a string, found a number".to_owned(),
            }]
        );
    }

    #[test]
    fn a_field_of_the_wrong_type_says_what_was_expected_and_found() {
        let cases = [
            ("/title", json!(["Shapes"]), "dataset, field `title`: expected a string, found a list"),
            ("/description", json!(true), "dataset, field `description`: expected a string, found true/false"),
            ("/sectors", json!({ "id": "trade" }), "dataset, field `sectors`: expected a list, found an object"),
            ("/sectors/0/label", json!(1), "sector \"trade\", field `label`: expected a string, found a number"),
            ("/sources/0/published", json!(2025), "source \"wire\", field `published`: expected a string, found a number"),
            ("/sources/0/url", json!({}), "source \"wire\", field `url`: expected a string, found an object"),
            ("/facts", json!("none"), "dataset, field `facts`: expected a list, found a string"),
            ("/facts/0/countries", json!("Uzbekistan"), "fact \"turnover\", field `countries`: expected a list, found a string"),
            ("/facts/0/countries/0", json!(3), "fact \"turnover\", field `countries[0]`: expected a string, found a number"),
            ("/facts/0/quantity", json!(255), "fact \"turnover\", field `quantity`: expected an object, found a number"),
            ("/facts/0/quantity/value", json!("255"), "fact \"turnover\", field `quantity.value`: expected a number, found a string"),
            (
                "/facts/0/quantity/approximate",
                json!("yes"),
                "fact \"turnover\", field `quantity.approximate`: expected true or false, found a string",
            ),
            ("/facts/0/derived", json!({}), "fact \"turnover\", field `derived`: expected a list, found an object"),
            ("/facts/0/derived/0", json!("Per year"), "fact \"turnover\", field `derived[0]`: expected an object, found a string"),
            ("/facts/0/derived/0/method", json!(null), "fact \"turnover\", field `derived[0].method`: is missing"),
            ("/facts/1/date", json!(2024), "fact \"treaty\", field `date`: expected a date string or an object, found a number"),
            ("/facts/1/date/inferred", json!("true"), "fact \"treaty\", field `date.inferred`: expected true or false, found a string"),
            ("/facts/1/parties/1", json!(null), "fact \"treaty\", field `parties[1]`: expected a string, found null"),
        ];
        for (pointer, value, expected) in cases {
            let mut v = valid();
            *v.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer} is in the dataset")) = value;
            assert_eq!(errors(&v), [format!("{FILE}: {expected}")], "{pointer}");
        }
    }

    #[test]
    fn a_missing_required_field_is_named() {
        let cases = [
            ("", "title", "dataset, field `title`: is missing"),
            ("/sectors/1", "label", "sector \"energy\", field `label`: is missing"),
            ("/sources/0", "publisher", "source \"wire\", field `publisher`: is missing"),
            ("/facts/0", "source", "fact \"turnover\", field `source`: is missing"),
            ("/facts/0/quantity", "measure", "fact \"turnover\", field `quantity.measure`: is missing"),
            ("/facts/0/quantity", "value", "fact \"turnover\", field `quantity.value`: is missing"),
            ("/facts/0/derived/0", "label", "fact \"turnover\", field `derived[0].label`: is missing"),
            ("/facts/1/date", "start", "fact \"treaty\", field `date.start`: is missing"),
        ];
        for (record, key, expected) in cases {
            let mut v = valid();
            v.pointer_mut(record).and_then(Value::as_object_mut).expect("an object").remove(key).expect("the field was there");
            assert_eq!(errors(&v), [format!("{FILE}: {expected}")], "{record}/{key}");
        }
    }

    #[test]
    fn an_unknown_field_is_named_with_the_fields_allowed_there() {
        let cases = [
            ("", "titel", "dataset, field `titel`: unknown field; expected one of: title, description, sectors, sources, facts"),
            ("/sectors/0", "name", "sector \"trade\", field `name`: unknown field; expected one of: id, label"),
            (
                "/sources/0",
                "author",
                "source \"wire\", field `author`: unknown field; expected one of: id, publisher, title, place, published, url, note, file, text",
            ),
            (
                "/facts/0/quantity",
                "units",
                "fact \"turnover\", field `quantity.units`: unknown field; expected one of: value, unit, currency, multiplier, measure, approximate, period",
            ),
            ("/facts/0/derived/0", "how", "fact \"turnover\", field `derived[0].how`: unknown field; expected one of: label, quantity, date, method"),
            ("/facts/1/date", "approx", "fact \"treaty\", field `date.approx`: unknown field; expected one of: start, end, phrase, inferred"),
        ];
        for (record, key, expected) in cases {
            let mut v = valid();
            v.pointer_mut(record).and_then(Value::as_object_mut).expect("an object").insert(key.to_owned(), json!("x"));
            assert_eq!(errors(&v), [format!("{FILE}: {expected}")], "{record}/{key}");
        }
    }

    #[test]
    fn a_record_without_a_usable_id_is_named_by_its_position() {
        let mut v = valid();
        v["facts"][1]["id"] = json!(7);
        assert_eq!(errors(&v), [format!("{FILE}: facts[1], field `id`: expected a string, found a number")]);
        let mut v = valid();
        v["sectors"][1].as_object_mut().unwrap().remove("id");
        assert_eq!(errors(&v), [format!("{FILE}: sectors[1], field `id`: is missing")]);
        let mut v = valid();
        v["sources"][0]["id"] = json!("");
        v["sources"][0]["title"] = json!(null);
        assert_eq!(errors(&v), [format!("{FILE}: sources[0], field `title`: is missing")]);
        let mut v = valid();
        v["facts"][0] = json!("turnover");
        assert_eq!(errors(&v), [format!("{FILE}: facts[0]: expected an object, found a string")]);
    }

    #[test]
    fn text_that_is_not_json_or_not_an_object_is_one_error_for_the_whole_file() {
        assert_eq!(errors_of("{ \"title\": "), [format!("{FILE}: dataset: invalid JSON at line 1 column 11: EOF while parsing a value")]);
        assert_eq!(
            errors_of("{ \"title\": \"a\" }\n}"),
            [format!("{FILE}: dataset: invalid JSON at line 2 column 1: trailing characters")]
        );
        assert_eq!(errors_of(""), [format!("{FILE}: dataset: invalid JSON at line 1 column 0: EOF while parsing a value")]);
        assert_eq!(errors_of("[1, 2]"), [format!("{FILE}: dataset: expected an object, found a list")]);
    }

    #[test]
    fn a_dataset_without_facts_says_so() {
        let mut v = valid();
        v["facts"] = json!([]);
        assert_eq!(errors(&v), [format!("{FILE}: dataset, field `facts`: the dataset has no facts")]);
        v.as_object_mut().unwrap().remove("facts");
        assert_eq!(errors(&v), [format!("{FILE}: dataset, field `facts`: the dataset has no facts")]);
        v["facts"] = json!(null);
        assert_eq!(errors(&v), [format!("{FILE}: dataset, field `facts`: the dataset has no facts")]);
    }

    #[test]
    fn several_shape_errors_in_one_record_are_all_reported() {
        let mut v = valid();
        let fact = v["facts"][0].as_object_mut().unwrap();
        fact.insert("title".into(), json!(1));
        fact.remove("summary");
        fact.insert("sectors".into(), json!("trade"));
        fact.insert("countries".into(), json!(["Uzbekistan", false, 2]));
        fact.insert("status".into(), json!([]));
        assert_eq!(
            errors(&v),
            [
                "fact \"turnover\", field `title`: expected a string, found a number",
                "fact \"turnover\", field `summary`: is missing",
                "fact \"turnover\", field `sectors`: expected a list, found a string",
                "fact \"turnover\", field `countries[1]`: expected a string, found true/false",
                "fact \"turnover\", field `countries[2]`: expected a string, found a number",
                "fact \"turnover\", field `status`: expected a string, found a list",
            ]
            .map(|e| format!("{FILE}: {e}"))
        );
    }

    #[test]
    fn a_shape_error_in_one_fact_does_not_hide_another_facts_rule_error() {
        let mut v = valid();
        v["facts"][0]["summary"] = json!({});
        v["facts"][1]["sectors"] = json!(["mining"]);
        assert_eq!(
            errors(&v),
            [
                "fact \"turnover\", field `summary`: expected a string, found an object",
                "fact \"treaty\", field `sectors[0]`: unknown sector \"mining\"; declared sectors are: trade, energy",
            ]
            .map(|e| format!("{FILE}: {e}"))
        );
    }

    #[test]
    fn shape_errors_in_several_records_are_all_reported() {
        let mut v = valid();
        v["description"] = json!(1);
        v["sectors"][0]["label"] = json!(null);
        v["sectors"][1]["colour"] = json!("red");
        v["sources"][0]["published"] = json!(2025);
        assert_eq!(
            errors(&v),
            [
                "dataset, field `description`: expected a string, found a number",
                "sector \"trade\", field `label`: is missing",
                "sector \"energy\", field `colour`: unknown field; expected one of: id, label",
                "source \"wire\", field `published`: expected a string, found a number",
            ]
            .map(|e| format!("{FILE}: {e}"))
        );

        let mut v = valid();
        v["facts"][0]["quantity"]["value"] = json!("255");
        v["facts"][0]["quantity"]["unit"] = json!(5);
        v["facts"][0]["derived"][0]["method"] = json!(3);
        v["facts"][1]["qoute"] = json!("A treaty");
        v["facts"].as_array_mut().unwrap().push(json!({ "id": "third", "kind": 3, "title": "T", "summary": "S", "source": "wire" }));
        assert_eq!(
            errors(&v),
            [
                "fact \"treaty\", field `qoute`: unknown field; expected one of: id, kind, title, summary, sectors, countries, parties, \
                 attribution, date, status, source, quote, quantity, derived, compare_with",
                "fact \"turnover\", field `quantity.value`: expected a number, found a string",
                "fact \"turnover\", field `quantity.unit`: expected a string, found a number",
                "fact \"turnover\", field `derived[0].method`: expected a string, found a number",
                "fact \"third\", field `kind`: expected a string, found a number",
            ]
            .map(|e| format!("{FILE}: {e}"))
        );
    }
}
