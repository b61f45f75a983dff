//! Dataset loading: JSON text → `serde_json::Value` → a validator that walks the values
//! → a validated [`Dataset`].
//!
//! Every rejection is a [`DatasetError`] naming the file, the record (a fact, source or
//! sector, by id where it has one) and the field, so a maintainer can fix the file
//! without reading Rust. Text that is not JSON is one error; otherwise shape errors (wrong
//! types, unknown fields) and rule errors are all collected and reported together.
//!
//! The validator's jobs, one module each: `shape` reads the JSON values into raw records,
//! `rules` checks them against each other and against the source texts, and `url` says
//! which source addresses are links.

mod checked;
mod rules;
mod shape;
mod stream;
mod url;

use std::fmt;

use serde_json::Value;

use crate::model::{Fact, Sector, Source};
pub(crate) use shape::FACT_FIELDS;
pub use stream::load_stream;
pub use url::is_http_url;

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

    /// The ids of `fact`'s sectors, in the fact's order.
    pub fn sector_ids<'a>(&'a self, fact: &'a Fact) -> impl Iterator<Item = &'a str> + 'a {
        fact.sectors.iter().map(|&s| self.sectors[s].id.as_str())
    }

    /// The facts at `indices` (a view's results, say), in that order. Panics on an index
    /// that is not one of this dataset's facts.
    pub fn facts_at<'a>(&'a self, indices: &'a [usize]) -> impl Iterator<Item = &'a Fact> + 'a {
        indices.iter().map(|&i| &self.facts[i])
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

impl DatasetError {
    /// An error about the file as a whole (record `dataset`, no field).
    pub fn whole(file: &str, message: impl Into<String>) -> DatasetError {
        DatasetError { file: file.to_owned(), record: "dataset".to_owned(), field: String::new(), message: message.into() }
    }
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
    serde_json::from_str(json).map_err(|e| vec![json_error(file, &e)])
}

/// The error for a file that is not JSON: where it breaks, and how.
fn json_error(file: &str, e: &serde_json::Error) -> DatasetError {
    DatasetError::whole(file, format!("invalid JSON at line {} column {}: {}", e.line(), e.column(), strip_position(&e.to_string())))
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

/// Collapses every run of whitespace to one space and trims, for quote matching.
pub fn normalise_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Walks one dataset file's values, collecting every error it finds ([`shape`] reads,
/// [`rules`] checks).
struct Validator<'a> {
    file: &'a str,
    errors: Vec<DatasetError>,
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
}
