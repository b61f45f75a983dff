//! Small inline datasets for the integration tests.
//!
//! A test lists its facts compactly with [`fact`], adding only the fields it is about;
//! [`dataset`] turns them into a real dataset through the same loader the app uses, with
//! the source text made of the facts' quotes so every quote is verbatim.
//!
//! Defaults are chosen to add no searchable words: the default summary and quote are
//! punctuation only. Note that the index also holds each fact's sector labels and kind
//! label, so tests about search avoid words such as "trade" or "project" in queries
//! unless they mean them.

#![allow(dead_code)] // each test binary uses a different part of this module

use factdeck_core::dataset::{load, Dataset};
use factdeck_core::explore::{explore, Outcome};
use factdeck_core::model::Kind;
use factdeck_core::search::Index;
use factdeck_core::url_state::ViewState;
use serde_json::{json, Value};

/// One fact of a test dataset.
#[derive(Debug, Clone)]
pub struct FactSpec {
    id: String,
    kind: Kind,
    sectors: Vec<String>,
    title: String,
    summary: String,
    quote: String,
    /// Further fields, as in the dataset file (e.g. `date`, `quantity`).
    extra: Vec<(String, Value)>,
}

/// A fact with the given id, kind, sectors and title; summary and quote are empty of words.
pub fn fact(id: &str, kind: Kind, sectors: &[&str], title: &str) -> FactSpec {
    FactSpec {
        id: id.to_owned(),
        kind,
        sectors: sectors.iter().map(|s| (*s).to_owned()).collect(),
        title: title.to_owned(),
        summary: "—".to_owned(),
        quote: "…".to_owned(),
        extra: Vec::new(),
    }
}

impl FactSpec {
    pub fn summary(mut self, summary: &str) -> Self {
        self.summary = summary.to_owned();
        self
    }

    pub fn quote(mut self, quote: &str) -> Self {
        self.quote = quote.to_owned();
        self
    }

    /// Sets field `key` of the fact, as the dataset file writes it.
    pub fn with(mut self, key: &str, value: Value) -> Self {
        self.extra.push((key.to_owned(), value));
        self
    }

    fn to_json(&self) -> Value {
        let mut v = json!({
            "id": self.id,
            "kind": self.kind.slug(),
            "title": self.title,
            "summary": self.summary,
            "sectors": self.sectors,
            "source": "src",
            "quote": self.quote,
        });
        // Kinds with required fields get values that add no searchable words.
        match self.kind {
            Kind::Agreement => {
                v["parties"] = json!(["—"]);
                v["date"] = json!("2024");
            }
            Kind::Indicator => {
                v["quantity"] = json!({ "value": 3, "unit": "times", "measure": "change" });
            }
            _ => {}
        }
        for (k, value) in &self.extra {
            v[k] = value.clone();
        }
        v
    }
}

/// Loads a dataset declaring `sectors` (ids; the label is the id capitalised) and `facts`,
/// in that order. Panics with the loader's messages if the test data is invalid.
pub fn dataset(sectors: &[&str], facts: &[FactSpec]) -> Dataset {
    let text = facts.iter().map(|f| f.quote.as_str()).collect::<Vec<_>>().join("\n");
    let json = json!({
        "title": "Test deck",
        "sectors": sectors.iter().map(|id| json!({ "id": id, "label": capitalise(id) })).collect::<Vec<_>>(),
        "sources": [{
            "id": "src",
            "publisher": "Test wire",
            "title": "Test source",
            "published": "2025-06-04",
            "text": text,
        }],
        "facts": facts.iter().map(FactSpec::to_json).collect::<Vec<_>>(),
    });
    load("test.json", &json.to_string(), |_| None)
        .unwrap_or_else(|errs| panic!("invalid test dataset:\n{}", errs.iter().map(|e| format!("{e}\n")).collect::<String>()))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A dataset with its index, ready to answer views the way the UI does.
pub struct Deck {
    pub data: Dataset,
    pub index: Index,
}

impl Deck {
    pub fn new(sectors: &[&str], facts: &[FactSpec]) -> Deck {
        let data = dataset(sectors, facts);
        let index = Index::build(&data);
        Deck { data, index }
    }

    pub fn explore(&self, view: &ViewState) -> Outcome {
        explore(&self.data, &self.index, view)
    }

    /// Ids of the facts `explore` shows for `view`, in display order.
    pub fn shown(&self, view: &ViewState) -> Vec<String> {
        self.ids(&self.explore(view).results.best_first())
    }

    /// Ids of the facts found by searching `query` alone, best first.
    pub fn search(&self, query: &str) -> Vec<String> {
        self.ids(&self.index.search(&factdeck_core::search::Query::parse(query)))
    }

    pub fn ids(&self, facts: &[usize]) -> Vec<String> {
        facts.iter().map(|&i| self.data.facts[i].id.to_string()).collect()
    }

    pub fn sector(&self, id: &str) -> usize {
        self.data.sector_index(id).unwrap_or_else(|| panic!("no sector {id}"))
    }
}

/// A view with the given search text, sector ids and kinds.
pub fn view(query: &str, sectors: &[&str], kinds: &[Kind]) -> ViewState {
    ViewState {
        query: query.to_owned(),
        sectors: sectors.iter().map(|s| (*s).to_owned()).collect(),
        kinds: kinds.iter().copied().collect(),
        ..ViewState::default()
    }
}
