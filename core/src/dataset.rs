//! Dataset loading: JSON text → `serde_json::Value` → a validator that walks the values
//! → a validated [`Dataset`].
//!
//! Every rejection is a [`DatasetError`] naming the file, the record (a fact, source or
//! sector, by id where it has one) and the field, so a maintainer can fix the file
//! without reading Rust. Text that is not JSON is one error; otherwise shape errors (wrong
//! types, unknown fields) and rule errors are all collected and reported together.

use std::collections::HashSet;
use std::fmt;

use serde_json::{Map, Value};

use crate::chart;
use crate::model::{DateSpec, Derived, Fact, FactId, Kind, Measure, Multiplier, PartialDate, Quantity, Sector, Source, Status};
use crate::url_state::{is_id, MAX_ID_BYTES};

/// A validated dataset. Indices stored in facts (`sectors`, `source`) are always in range.
///
/// With the `transfer` feature it also (de)serialises, so that a dataset validated in one
/// place (the browser's loader worker) can be handed to another without validating again.
/// Only bytes produced by serialising a `Dataset` that [`load`] returned may be decoded.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct Dataset {
    pub title: String,
    pub description: String,
    pub sectors: Vec<Sector>,
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
}

impl Dataset {
    pub fn sector_index(&self, id: &str) -> Option<usize> {
        self.sectors.iter().position(|s| s.id == id)
    }

    pub fn fact_index(&self, id: &str) -> Option<usize> {
        self.facts.iter().position(|f| f.id.as_str() == id)
    }

    pub fn source_of(&self, fact: &Fact) -> &Source {
        &self.sources[fact.source]
    }
}

/// One problem in a dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetError {
    /// The dataset file as the maintainer knows it, e.g. `data/dataset.json`.
    pub file: String,
    /// The record: `fact "trade-turnover"`, `source "trend"`, `facts[3]`, or `dataset`.
    pub record: String,
    /// Dotted path of the field inside the record, e.g. `quantity.unit`; empty for the
    /// record as a whole.
    pub field: String,
    pub message: String,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.record)?;
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Parses and validates a dataset.
///
/// `file` names the dataset in error messages. `read_source` resolves a source's `file`
/// (a path relative to the dataset file) to its text; sources may instead carry their
/// text inline in a `text` field.
pub fn load(file: &str, json: &str, read_source: impl Fn(&str) -> Option<String>) -> Result<Dataset, Vec<DatasetError>> {
    load_value(file, &parse(file, json)?, read_source)
}

/// The first step of [`load`]: the file's JSON, or the error that says where it breaks.
pub fn parse(file: &str, json: &str) -> Result<Value, Vec<DatasetError>> {
    serde_json::from_str(json).map_err(|e| {
        vec![DatasetError {
            file: file.to_owned(),
            record: "dataset".to_owned(),
            field: String::new(),
            message: format!("invalid JSON at line {} column {}: {}", e.line(), e.column(), strip_position(&e.to_string())),
        }]
    })
}

/// How many records the file's `facts` list holds (0 when it has none), before any
/// validation: for progress messages while a large file is checked.
pub fn fact_count(value: &Value) -> usize {
    value.get("facts").and_then(Value::as_array).map_or(0, Vec::len)
}

/// The second step of [`load`]: validates parsed JSON.
pub fn load_value(file: &str, value: &Value, read_source: impl Fn(&str) -> Option<String>) -> Result<Dataset, Vec<DatasetError>> {
    let mut v = Validator { file, errors: Vec::new() };
    let raw = v.read_dataset(value);
    let dataset = raw.and_then(|raw| v.dataset(raw, &read_source));
    match dataset {
        Some(d) if v.errors.is_empty() => Ok(d),
        _ => Err(v.errors),
    }
}

fn strip_position(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |i| &msg[..i])
}

// ---- raw shapes: exactly what the file may contain, read from JSON values ----

struct RawDataset<'v> {
    title: String,
    description: String,
    sectors: Vec<RawSector>,
    sources: Vec<RawSource>,
    facts: Vec<(String, &'v Map<String, Value>)>,
}

struct RawSector {
    id: String,
    label: String,
}

struct RawSource {
    id: String,
    publisher: String,
    title: String,
    place: Option<String>,
    published: String,
    url: Option<String>,
    note: Option<String>,
    file: Option<String>,
    text: Option<String>,
}

struct RawFact<'v> {
    id: String,
    kind: String,
    title: String,
    summary: String,
    sectors: Vec<String>,
    countries: Vec<String>,
    parties: Vec<String>,
    attribution: Option<String>,
    date: Option<&'v Value>,
    status: Option<String>,
    source: String,
    quote: Option<String>,
    quantity: Option<&'v Value>,
    derived: Vec<&'v Value>,
    compare_with: Option<String>,
}

struct RawDateSpec {
    start: String,
    end: Option<String>,
    phrase: Option<String>,
    inferred: bool,
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

    fn read_dataset<'v>(&mut self, value: &'v Value) -> Option<RawDataset<'v>> {
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

    fn read_fact<'v>(&mut self, r: &str, m: &'v Map<String, Value>) -> Option<RawFact<'v>> {
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
    fn read_date(&mut self, r: &str, field: &str, v: &Value) -> Option<RawDateSpec> {
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
}

/// `fact "id"` when the record has a string id, else its position (`facts[3]`).
fn record_name(kind: &str, item: &Value, position: &str) -> String {
    match item.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => format!("{kind} \"{id}\""),
        _ => position.to_owned(),
    }
}

// ---- semantic validation ----

struct Validator<'a> {
    file: &'a str,
    errors: Vec<DatasetError>,
}

/// An absolute `http://` or `https://` address with a real host: a scheme (any case), a
/// host name of letters, digits, hyphens and dots (non-ASCII letters allowed, as in
/// internationalised names) or a bracketed IPv6 address, an optional port, then a path,
/// query and fragment made of URL characters only. Quotes, angle brackets, backslashes,
/// whitespace and other characters a URL must escape are refused, so a source link is a
/// link and nothing else.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // The host, then an optional `:port`.
    let split = if authority.starts_with('[') { authority.find(']').map(|i| i + 1) } else { authority.find(':').or(Some(authority.len())) };
    let Some(split) = split else { return false };
    let (host, port) = authority.split_at(split);
    let port_ok =
        port.is_empty() || port.strip_prefix(':').is_some_and(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let host_ok = if let Some(ip6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !ip6.is_empty() && ip6.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
    };
    host_ok && port_ok && tail.chars().all(is_url_char)
}

/// A character that may appear unescaped in a URL's path, query or fragment (RFC 3986's
/// unreserved and reserved characters and `%`), or any non-ASCII letter or mark, as
/// browsers accept in addresses typed or pasted as text (IRIs).
fn is_url_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
    } else {
        !c.is_whitespace() && !c.is_control()
    }
}

/// Collapses every run of whitespace to one space and trims, for quote matching.
pub fn normalise_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Validator<'_> {
    fn push(&mut self, record: &str, field: &str, message: impl Into<String>) {
        self.errors.push(DatasetError {
            file: self.file.to_owned(),
            record: record.to_owned(),
            field: field.to_owned(),
            message: message.into(),
        });
    }

    fn non_empty(&mut self, record: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(record, field, "must not be empty");
        }
    }

    fn dataset(&mut self, raw: RawDataset, read_source: &impl Fn(&str) -> Option<String>) -> Option<Dataset> {
        self.non_empty("dataset", "title", &raw.title);
        let sectors = self.sectors(raw.sectors);
        let sources = self.sources(raw.sources, read_source);
        if raw.facts.is_empty() && self.errors.is_empty() {
            self.push("dataset", "facts", "the dataset has no facts");
        }
        // Normalised once per source: quotes are checked against these.
        let source_texts: Vec<String> = sources.iter().map(|s| normalise_whitespace(&s.text)).collect();
        let mut seen = HashSet::new();
        let mut facts = Vec::with_capacity(raw.facts.len());
        // (fact index, record, the id it names): resolved once every fact is known.
        let mut comparisons = Vec::new();
        for (record, map) in raw.facts {
            let Some(mut f) = self.read_fact(&record, map) else { continue };
            if !seen.insert(f.id.clone()) {
                self.push(&record, "id", format!("duplicate id \"{}\"; ids must be unique", f.id));
            }
            let compare_with = f.compare_with.take();
            if let Some(fact) = self.fact(&record, f, &sectors, &sources, &source_texts) {
                if let Some(other) = compare_with {
                    comparisons.push((facts.len(), record, other));
                }
                facts.push(fact);
            }
        }
        for (i, record, other) in comparisons {
            facts[i].compare_with = self.compare_with(&record, &facts, i, &other, &seen);
        }
        Some(Dataset { title: raw.title, description: raw.description, sectors, sources, facts })
    }

    fn sectors(&mut self, raw: Vec<RawSector>) -> Vec<Sector> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for s in raw {
            let record = format!("sector \"{}\"", s.id);
            if !is_id(&s.id) {
                self.push(&record, "id", "must be a slug: lowercase letters, digits and single hyphens");
            }
            if !seen.insert(s.id.clone()) {
                self.push(&record, "id", format!("duplicate sector id \"{}\"", s.id));
            }
            self.non_empty(&record, "label", &s.label);
            out.push(Sector { id: s.id, label: s.label });
        }
        if out.is_empty() {
            self.push("dataset", "sectors", "declare at least one sector");
        }
        out
    }

    fn sources(&mut self, raw: Vec<RawSource>, read_source: &impl Fn(&str) -> Option<String>) -> Vec<Source> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for s in raw {
            let record = format!("source \"{}\"", s.id);
            if !is_id(&s.id) {
                self.push(&record, "id", "must be a slug: lowercase letters, digits and single hyphens");
            }
            if !seen.insert(s.id.clone()) {
                self.push(&record, "id", format!("duplicate source id \"{}\"", s.id));
            }
            self.non_empty(&record, "publisher", &s.publisher);
            self.non_empty(&record, "title", &s.title);
            let published = self.date_value(&record, "published", &s.published);
            if let Some(url) = &s.url {
                if !is_http_url(url) {
                    self.push(&record, "url", format!("\"{url}\" is not an http(s) address"));
                }
            }
            let text = match (&s.file, s.text.clone()) {
                (Some(_), Some(_)) => {
                    self.push(&record, "text", "give either `file` or `text`, not both");
                    None
                }
                (None, None) => {
                    self.push(&record, "file", "give the source text as `file` (a path next to the dataset) or inline `text`");
                    None
                }
                (Some(path), None) => {
                    let text = read_source(path);
                    if text.is_none() {
                        self.push(&record, "file", format!("cannot read source text \"{path}\""));
                    }
                    text
                }
                (None, Some(text)) => Some(text),
            };
            if let Some(text) = &text {
                if text.trim().is_empty() {
                    self.push(&record, "text", "the source text is empty");
                }
            }
            if let (Some(published), Some(text)) = (published, text) {
                out.push(Source {
                    id: s.id,
                    publisher: s.publisher,
                    title: s.title,
                    place: s.place,
                    published,
                    url: s.url,
                    note: s.note,
                    file: s.file,
                    text,
                });
            }
        }
        out
    }

    fn fact(&mut self, record: &str, f: RawFact, sectors: &[Sector], sources: &[Source], source_texts: &[String]) -> Option<Fact> {
        let before = self.errors.len();
        // The links' own rule (`url_state::is_id`): every id accepted here is one a link
        // can carry (`?fact=`, `?sector=`).
        if !is_id(&f.id) {
            self.push(
                record,
                "id",
                format!("\"{}\" is not a slug: use lowercase letters, digits and single hyphens, at most {MAX_ID_BYTES} characters", f.id),
            );
        }
        let kind = Kind::from_slug(&f.kind);
        if kind.is_none() {
            self.push(
                record,
                "kind",
                format!("unknown kind \"{}\"; expected one of: {}", f.kind, slugs(Kind::ALL.iter().map(|k| k.slug()))),
            );
        }
        self.non_empty(record, "title", &f.title);
        self.non_empty(record, "summary", &f.summary);
        let mut sector_idx = Vec::new();
        if f.sectors.is_empty() {
            self.push(record, "sectors", "list at least one sector");
        }
        for (i, s) in f.sectors.iter().enumerate() {
            match sectors.iter().position(|d| &d.id == s) {
                Some(idx) if sector_idx.contains(&idx) => {
                    self.push(record, &format!("sectors[{i}]"), format!("sector \"{s}\" is listed twice"))
                }
                Some(idx) => sector_idx.push(idx),
                None => self.push(
                    record,
                    &format!("sectors[{i}]"),
                    format!("unknown sector \"{s}\"; declared sectors are: {}", slugs(sectors.iter().map(|d| d.id.as_str()))),
                ),
            }
        }
        let status = f.status.as_deref().and_then(|s| {
            let st = Status::from_slug(s);
            if st.is_none() {
                self.push(
                    record,
                    "status",
                    format!("unknown status \"{s}\"; expected one of: {}", slugs(Status::ALL.iter().map(|k| k.slug()))),
                );
            }
            st
        });
        let date = f.date.and_then(|d| self.date_spec(record, "date", d));
        let quantity = f.quantity.and_then(|q| self.quantity(record, "quantity", q));
        let source = sources.iter().position(|s| s.id == f.source);
        if source.is_none() {
            self.push(
                record,
                "source",
                format!("no source has id \"{}\"; declared sources are: {}", f.source, slugs(sources.iter().map(|s| s.id.as_str()))),
            );
        }
        let quote = f.quote.unwrap_or_default();
        if quote.trim().is_empty() {
            self.push(record, "quote", "missing or empty: every fact needs the verbatim source text that supports it");
        } else if let Some(i) = source {
            if !source_texts[i].contains(&normalise_whitespace(&quote)) {
                self.push(
                    record,
                    "quote",
                    format!("does not occur verbatim in source \"{}\"; copy it exactly from the source text", sources[i].id),
                );
            }
        }
        match kind {
            Some(Kind::Indicator) if quantity.is_none() && before == self.errors.len() => {
                self.push(record, "quantity", "an indicator needs a quantity");
            }
            Some(Kind::Agreement) => {
                if f.parties.is_empty() {
                    self.push(record, "parties", "an agreement needs its parties");
                }
                if date.is_none() && before == self.errors.len() {
                    self.push(record, "date", "an agreement needs the date it was signed or agreed");
                }
            }
            _ => {}
        }
        let mut derived = Vec::new();
        for (i, d) in f.derived.into_iter().enumerate() {
            let field = format!("derived[{i}]");
            let Some(m) = self.object(record, &field, d, DERIVED_FIELDS) else { continue };
            let (Ok(label), Ok(method), Ok(date)) = (
                self.string(record, &field, m, "label"),
                self.string(record, &field, m, "method"),
                self.opt_string(record, &field, m, "date"),
            ) else {
                continue;
            };
            self.non_empty(record, &format!("{field}.label"), &label);
            self.non_empty(record, &format!("{field}.method"), &method);
            let quantity = m.get("quantity").filter(|v| !v.is_null()).and_then(|q| self.quantity(record, &format!("{field}.quantity"), q));
            let date = date.and_then(|s| self.date_value(record, &format!("{field}.date"), &s));
            if quantity.is_none() && date.is_none() {
                self.push(record, &field, "a derived figure needs a `quantity` or a `date`");
            }
            derived.push(Derived { label, quantity, date, method });
        }
        if self.errors.len() != before {
            return None;
        }
        Some(Fact {
            id: FactId(f.id),
            kind: kind?,
            title: f.title,
            summary: f.summary,
            sectors: sector_idx,
            countries: f.countries,
            parties: f.parties,
            attribution: f.attribution,
            date,
            status,
            source: source?,
            quote,
            quantity,
            derived,
            compare_with: None,
        })
    }

    /// Resolves `compare_with` to a fact index, if the two figures can be drawn together.
    fn compare_with(&mut self, record: &str, facts: &[Fact], i: usize, other: &str, ids: &HashSet<String>) -> Option<usize> {
        let Some(j) = facts.iter().position(|f| f.id.as_str() == other) else {
            // A fact that exists but failed validation already has its own error.
            if !ids.contains(other) {
                self.push(record, "compare_with", format!("no fact has id \"{other}\""));
            }
            return None;
        };
        if i == j {
            self.push(record, "compare_with", "a fact cannot be compared with itself");
            return None;
        }
        match chart::pairing(&facts[i], &facts[j]) {
            Ok(_) => Some(j),
            Err(why) => {
                self.push(record, "compare_with", why);
                None
            }
        }
    }

    fn date_value(&mut self, record: &str, field: &str, s: &str) -> Option<PartialDate> {
        let d = PartialDate::parse(s);
        if d.is_none() {
            self.push(record, field, format!("malformed date \"{s}\"; use YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        d
    }

    fn date_spec(&mut self, record: &str, field: &str, value: &Value) -> Option<DateSpec> {
        let raw = self.read_date(record, field, value)?;
        let start = self.date_value(record, &format!("{field}.start"), &raw.start);
        let end = match &raw.end {
            Some(e) => Some(self.date_value(record, &format!("{field}.end"), e)?),
            None => None,
        };
        let start = start?;
        if let Some(end) = end {
            if !start.not_after(end) {
                self.push(record, &format!("{field}.end"), format!("ends ({end}) before it starts ({start})"));
                return None;
            }
        }
        if raw.inferred && raw.phrase.as_deref().is_none_or(|p| p.trim().is_empty()) {
            self.push(record, &format!("{field}.phrase"), "an inferred date must keep the source's original phrase");
            return None;
        }
        Some(DateSpec { start, end, phrase: raw.phrase, inferred: raw.inferred })
    }

    fn quantity(&mut self, record: &str, field: &str, value: &Value) -> Option<Quantity> {
        let before = self.errors.len();
        let m = self.object(record, field, value, QUANTITY_FIELDS)?;
        let number = match m.get("value") {
            Some(Value::Number(n)) => n.as_f64(),
            None => {
                self.push(record, &join(field, "value"), "is missing");
                None
            }
            Some(other) => {
                self.wrong(record, &join(field, "value"), "a number", other);
                None
            }
        };
        let unit = self.opt_string(record, field, m, "unit").ok()?.unwrap_or_default();
        let currency = self.opt_string(record, field, m, "currency").ok()?;
        let multiplier = self.opt_string(record, field, m, "multiplier").ok()?;
        let measure = self.string(record, field, m, "measure").ok()?;
        let approximate = self.boolean(record, field, m, "approximate").ok()?;
        let period = m.get("period").filter(|v| !v.is_null());
        if unit.trim().is_empty() {
            self.push(record, &format!("{field}.unit"), "a quantity needs a unit (what is counted, or \"currency\")");
        }
        match (unit.as_str(), &currency) {
            ("currency", None) => {
                self.push(record, &format!("{field}.currency"), "unit \"currency\" needs an ISO 4217 `currency` such as \"USD\"")
            }
            ("currency", Some(c)) if !(c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())) => {
                self.push(record, &format!("{field}.currency"), format!("\"{c}\" is not an ISO 4217 code such as \"USD\""))
            }
            (u, Some(_)) if u != "currency" => {
                self.push(record, &format!("{field}.currency"), "`currency` only goes with unit \"currency\"")
            }
            _ => {}
        }
        let multiplier = multiplier.as_deref().and_then(|m| {
            let mm = Multiplier::from_slug(m);
            if mm.is_none() {
                self.push(
                    record,
                    &format!("{field}.multiplier"),
                    format!("unknown multiplier \"{m}\"; expected thousand, million or billion"),
                );
            }
            mm
        });
        let measure_kind = Measure::from_slug(&measure);
        if measure_kind.is_none() {
            self.push(
                record,
                &format!("{field}.measure"),
                format!("unknown measure \"{measure}\"; expected current, change, target or planned"),
            );
        }
        let period = period.and_then(|p| self.date_spec(record, &format!("{field}.period"), p));
        if self.errors.len() != before {
            return None;
        }
        Some(Quantity { value: number?, unit, currency, multiplier, measure: measure_kind?, approximate, period })
    }
}

fn slugs<'a>(it: impl Iterator<Item = &'a str>) -> String {
    it.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod url_tests {
    use super::is_http_url;

    #[test]
    fn real_source_addresses_are_http_urls() {
        for url in [
            "https://en.trend.az/azerbaijan/politics/4054123.html",
            "http://example.com",
            "HTTPS://Example.COM/",
            "https://example.com:8443/a/b?c=d&e=f#g",
            "https://example.com/search?q=caf%C3%A9",
            "https://xn--80ak6aa92e.com/",
            "https://президент.рф/новости",
            "https://uz.wikipedia.org/wiki/Oʻzbekiston",
            "http://[2001:db8::1]:8080/path",
            "https://a.b/(x)_[y]!$&'*+,;=~@",
        ] {
            assert!(is_http_url(url), "{url}");
        }
    }

    #[test]
    fn addresses_that_could_break_out_of_a_link_or_are_not_http_are_refused() {
        for url in [
            "http://\"onmouseover=alert(1)",
            "https://example.com/\"onmouseover=alert(1)",
            "https://example.com/<script>",
            "https://example.com/a b",
            "https://example.com/a\\b",
            "https://exa mple.com/",
            "https://",
            "https:///path",
            "https://:80/",
            "https://example.com:/",
            "https://example.com:123456/",
            "https://user:pass@example.com/",
            "https://-bad-.com/",
            "https://a..b/",
            "javascript:alert(1)",
            "JaVaScRiPt://example.com/%0Aalert(1)",
            "ftp://example.com/",
            "//example.com/",
            "https://example.com/`x`",
            "https://example.com/{x}",
            "https://example.com/\u{0007}",
            "",
        ] {
            assert!(!is_http_url(url), "{url:?}");
        }
    }
}
