//! Dataset loading: JSON bytes → shape-checked raw records → validated [`Dataset`].
//!
//! Every rejection is a [`DatasetError`] naming the file, the record (a fact, source or
//! sector, by id where it has one) and the field, so a maintainer can fix the file
//! without reading Rust. Shape errors (bad JSON, wrong types, unknown fields) stop at the
//! first one; semantic errors are all collected and reported together.

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use crate::model::{
    DateSpec, Derived, Fact, FactId, Kind, Measure, Multiplier, PartialDate, Quantity, Sector,
    Source, Status,
};

/// A validated dataset. Indices stored in facts (`sectors`, `source`) are always in range.
#[derive(Debug, Clone, PartialEq)]
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
pub fn load(
    file: &str,
    json: &str,
    read_source: impl Fn(&str) -> Option<String>,
) -> Result<Dataset, Vec<DatasetError>> {
    let err = |record: &str, field: &str, message: String| DatasetError {
        file: file.to_owned(),
        record: record.to_owned(),
        field: field.to_owned(),
        message,
    };
    let value: Value = serde_json::from_str(json).map_err(|e| {
        vec![err(
            "dataset",
            "",
            format!("invalid JSON at line {} column {}: {}", e.line(), e.column(), strip_position(&e.to_string())),
        )]
    })?;
    let raw: RawDataset = serde_path_to_error::deserialize(&value).map_err(|e| {
        let (record, field) = locate(&value, e.path());
        vec![err(&record, &field, e.into_inner().to_string())]
    })?;
    let mut v = Validator { file, errors: Vec::new() };
    let dataset = v.dataset(raw, &read_source);
    match dataset {
        Some(d) if v.errors.is_empty() => Ok(d),
        _ => Err(v.errors),
    }
}

fn strip_position(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |i| &msg[..i])
}

/// Turns a serde path like `facts[3].quantity.unit` into (`fact "id"`, `quantity.unit`).
fn locate(value: &Value, path: &serde_path_to_error::Path) -> (String, String) {
    use serde_path_to_error::Segment;
    let segs: Vec<&Segment> = path.iter().collect();
    let (Some(Segment::Map { key: list }), Some(Segment::Seq { index })) = (segs.first(), segs.get(1)) else {
        let field = segs.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(".");
        return ("dataset".to_owned(), field.trim_start_matches('.').to_owned());
    };
    let singular = list.strip_suffix('s').unwrap_or(list);
    let id = value
        .get(list.as_str())
        .and_then(|l| l.get(*index))
        .and_then(|r| r.get("id"))
        .and_then(Value::as_str);
    let record = match id {
        Some(id) => format!("{singular} \"{id}\""),
        None => format!("{list}[{index}]"),
    };
    let mut field = String::new();
    for seg in &segs[2..] {
        match seg {
            Segment::Map { key } => {
                if !field.is_empty() {
                    field.push('.');
                }
                field.push_str(key);
            }
            Segment::Seq { index } => field.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    (record, field)
}

// ---- raw shapes: exactly what the file may contain ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    title: String,
    #[serde(default)]
    description: String,
    sectors: Vec<RawSector>,
    sources: Vec<RawSource>,
    facts: Vec<RawFact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSector {
    id: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: String,
    kind: String,
    title: String,
    summary: String,
    sectors: Vec<String>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    parties: Vec<String>,
    attribution: Option<String>,
    date: Option<RawDate>,
    status: Option<String>,
    source: String,
    quote: Option<String>,
    quantity: Option<RawQuantity>,
    #[serde(default)]
    derived: Vec<RawDerived>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawDate {
    Plain(String),
    Full(RawDateSpec),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDateSpec {
    start: String,
    end: Option<String>,
    phrase: Option<String>,
    #[serde(default)]
    inferred: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuantity {
    value: f64,
    unit: Option<String>,
    currency: Option<String>,
    multiplier: Option<String>,
    measure: String,
    #[serde(default)]
    approximate: bool,
    period: Option<RawDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDerived {
    label: String,
    quantity: Option<RawQuantity>,
    date: Option<String>,
    method: String,
}

// ---- semantic validation ----

struct Validator<'a> {
    file: &'a str,
    errors: Vec<DatasetError>,
}

const MAX_ID_LEN: usize = 80;

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
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

    fn dataset(
        &mut self,
        raw: RawDataset,
        read_source: &impl Fn(&str) -> Option<String>,
    ) -> Option<Dataset> {
        self.non_empty("dataset", "title", &raw.title);
        let sectors = self.sectors(raw.sectors);
        let sources = self.sources(raw.sources, read_source);
        if raw.facts.is_empty() {
            self.push("dataset", "facts", "the dataset has no facts");
        }
        // Normalised once per source: quotes are checked against these.
        let source_texts: Vec<String> = sources.iter().map(|s| normalise_whitespace(&s.text)).collect();
        let mut seen = HashSet::new();
        let mut facts = Vec::with_capacity(raw.facts.len());
        for (i, f) in raw.facts.into_iter().enumerate() {
            let record = if f.id.is_empty() { format!("facts[{i}]") } else { format!("fact \"{}\"", f.id) };
            if !seen.insert(f.id.clone()) {
                self.push(&record, "id", format!("duplicate id \"{}\"; ids must be unique", f.id));
            }
            if let Some(fact) = self.fact(&record, f, &sectors, &sources, &source_texts) {
                facts.push(fact);
            }
        }
        Some(Dataset { title: raw.title, description: raw.description, sectors, sources, facts })
    }

    fn sectors(&mut self, raw: Vec<RawSector>) -> Vec<Sector> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for s in raw {
            let record = format!("sector \"{}\"", s.id);
            if !is_slug(&s.id) {
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

    fn sources(
        &mut self,
        raw: Vec<RawSource>,
        read_source: &impl Fn(&str) -> Option<String>,
    ) -> Vec<Source> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for s in raw {
            let record = format!("source \"{}\"", s.id);
            if !is_slug(&s.id) {
                self.push(&record, "id", "must be a slug: lowercase letters, digits and single hyphens");
            }
            if !seen.insert(s.id.clone()) {
                self.push(&record, "id", format!("duplicate source id \"{}\"", s.id));
            }
            self.non_empty(&record, "publisher", &s.publisher);
            self.non_empty(&record, "title", &s.title);
            let published = self.date_value(&record, "published", &s.published);
            if let Some(url) = &s.url {
                if !(url.starts_with("https://") || url.starts_with("http://")) || url.chars().any(char::is_whitespace) {
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
        if !is_slug(&f.id) {
            self.push(record, "id", format!("\"{}\" is not a slug: use lowercase letters, digits and single hyphens, at most {MAX_ID_LEN} characters", f.id));
        }
        let kind = Kind::from_slug(&f.kind);
        if kind.is_none() {
            self.push(record, "kind", format!("unknown kind \"{}\"; expected one of: {}", f.kind, slugs(Kind::ALL.iter().map(|k| k.slug()))));
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
                self.push(record, "status", format!("unknown status \"{s}\"; expected one of: {}", slugs(Status::ALL.iter().map(|k| k.slug()))));
            }
            st
        });
        let date = f.date.and_then(|d| self.date_spec(record, "date", d));
        let quantity = f.quantity.and_then(|q| self.quantity(record, "quantity", q));
        let source = sources.iter().position(|s| s.id == f.source);
        if source.is_none() {
            self.push(record, "source", format!("no source has id \"{}\"; declared sources are: {}", f.source, slugs(sources.iter().map(|s| s.id.as_str()))));
        }
        let quote = f.quote.unwrap_or_default();
        if quote.trim().is_empty() {
            self.push(record, "quote", "missing or empty: every fact needs the verbatim source text that supports it");
        } else if let Some(i) = source {
            if !source_texts[i].contains(&normalise_whitespace(&quote)) {
                self.push(record, "quote", format!("does not occur verbatim in source \"{}\"; copy it exactly from the source text", sources[i].id));
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
            self.non_empty(record, &format!("{field}.label"), &d.label);
            self.non_empty(record, &format!("{field}.method"), &d.method);
            let quantity = d.quantity.and_then(|q| self.quantity(record, &format!("{field}.quantity"), q));
            let date = d.date.and_then(|s| self.date_value(record, &format!("{field}.date"), &s));
            if quantity.is_none() && date.is_none() {
                self.push(record, &field, "a derived figure needs a `quantity` or a `date`");
            }
            derived.push(Derived { label: d.label, quantity, date, method: d.method });
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
        })
    }

    fn date_value(&mut self, record: &str, field: &str, s: &str) -> Option<PartialDate> {
        let d = PartialDate::parse(s);
        if d.is_none() {
            self.push(record, field, format!("malformed date \"{s}\"; use YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        d
    }

    fn date_spec(&mut self, record: &str, field: &str, raw: RawDate) -> Option<DateSpec> {
        let raw = match raw {
            RawDate::Plain(start) => RawDateSpec { start, end: None, phrase: None, inferred: false },
            RawDate::Full(spec) => spec,
        };
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

    fn quantity(&mut self, record: &str, field: &str, q: RawQuantity) -> Option<Quantity> {
        let before = self.errors.len();
        let unit = q.unit.unwrap_or_default();
        if unit.trim().is_empty() {
            self.push(record, &format!("{field}.unit"), "a quantity needs a unit (what is counted, or \"currency\")");
        }
        match (unit.as_str(), &q.currency) {
            ("currency", None) => self.push(record, &format!("{field}.currency"), "unit \"currency\" needs an ISO 4217 `currency` such as \"USD\""),
            ("currency", Some(c)) if !(c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())) => {
                self.push(record, &format!("{field}.currency"), format!("\"{c}\" is not an ISO 4217 code such as \"USD\""))
            }
            (u, Some(_)) if u != "currency" => self.push(record, &format!("{field}.currency"), "`currency` only goes with unit \"currency\""),
            _ => {}
        }
        let multiplier = q.multiplier.as_deref().and_then(|m| {
            let mm = Multiplier::from_slug(m);
            if mm.is_none() {
                self.push(record, &format!("{field}.multiplier"), format!("unknown multiplier \"{m}\"; expected thousand, million or billion"));
            }
            mm
        });
        let measure = Measure::from_slug(&q.measure);
        if measure.is_none() {
            self.push(record, &format!("{field}.measure"), format!("unknown measure \"{}\"; expected current, change or target", q.measure));
        }
        let period = q.period.and_then(|p| self.date_spec(record, &format!("{field}.period"), p));
        if self.errors.len() != before {
            return None;
        }
        Some(Quantity {
            value: q.value,
            unit,
            currency: q.currency,
            multiplier,
            measure: measure?,
            approximate: q.approximate,
            period,
        })
    }
}

fn slugs<'a>(it: impl Iterator<Item = &'a str>) -> String {
    it.collect::<Vec<_>>().join(", ")
}
