//! A dataset checked in three steps, so that its facts can come one at a time
//! ([`super::load_stream`]) as well as from one parsed value ([`super::load_value`]):
//! [`Validator::begin`] checks the title, sectors and sources, [`Validator::add_fact`] each
//! fact record against them, and [`Validator::finish`] the links between facts.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde_json::{Map, Value};

use super::shape::{RawDataset, RawHeader};
use super::{Dataset, Validator};
use crate::model::{Fact, Sector, Source};

/// A dataset being checked: its checked header, and the facts checked so far.
pub(super) struct Checked {
    title: String,
    description: String,
    sectors: Vec<Sector>,
    sources: Vec<Source>,
    source_index: HashMap<String, usize>,
    /// Every fact id read, valid or not.
    seen: HashSet<String>,
    facts: Vec<Fact>,
    /// (fact index, record, the id it names): resolved once every fact is known.
    comparisons: Vec<(usize, String, String)>,
    /// Fact records added, valid or not.
    records: usize,
}

impl Validator<'_> {
    pub(super) fn dataset(&mut self, raw: RawDataset, read_source: &impl Fn(&str) -> Option<String>) -> Option<Dataset> {
        let (header, facts) = raw.split();
        let mut checked = self.begin(header, read_source);
        for (record, map) in facts {
            self.add_fact(&mut checked, record, map);
        }
        Some(self.finish(checked))
    }

    /// Checks the dataset's title, sectors and sources: what each fact is then checked
    /// against as it comes ([`Validator::add_fact`]).
    pub(super) fn begin(&mut self, raw: RawHeader, read_source: &impl Fn(&str) -> Option<String>) -> Checked {
        self.non_empty("dataset", "title", &raw.title);
        let sectors = self.sectors(raw.sectors);
        let sources = self.sources(raw.sources, read_source);
        // Each id's first source: looked up per fact, so a scan of the sources for each
        // would make a million facts quadratic (minutes, not seconds).
        let mut source_index = HashMap::with_capacity_and_hasher(sources.len(), Default::default());
        for (i, s) in sources.iter().enumerate() {
            source_index.entry(s.id.clone()).or_insert(i);
        }
        Checked {
            title: raw.title,
            description: raw.description,
            sectors,
            sources,
            source_index,
            seen: HashSet::default(),
            facts: Vec::new(),
            comparisons: Vec::new(),
            records: 0,
        }
    }

    /// Checks one fact record (`record` names it in errors) and keeps the fact if it is
    /// valid.
    pub(super) fn add_fact(&mut self, c: &mut Checked, record: String, map: &Map<String, Value>) {
        c.records += 1;
        let Some(mut f) = self.read_fact(&record, map) else { return };
        if !c.seen.insert(f.id.clone()) {
            self.push(&record, "id", format!("duplicate id \"{}\"; ids must be unique", f.id));
        }
        let compare_with = f.compare_with.take();
        if let Some(fact) = self.fact(&record, f, &c.sectors, (&c.sources, &c.source_index)) {
            if let Some(other) = compare_with {
                c.comparisons.push((c.facts.len(), record, other));
            }
            c.facts.push(fact);
        }
    }

    /// Once every fact record has been added: resolves `compare_with` links, which may
    /// name a later fact.
    pub(super) fn finish(&mut self, c: Checked) -> Dataset {
        if c.records == 0 && self.errors.is_empty() {
            self.push("dataset", "facts", "the dataset has no facts");
        }
        let Checked { title, description, sectors, sources, seen, mut facts, comparisons, .. } = c;
        let mut fact_index = HashMap::with_capacity_and_hasher(facts.len(), Default::default());
        for (i, f) in facts.iter().enumerate() {
            fact_index.entry(f.id.as_str()).or_insert(i);
        }
        let resolved: Vec<_> = comparisons
            .into_iter()
            .map(|(i, record, other)| (i, self.compare_with(&record, &facts, &fact_index, i, &other, &seen)))
            .collect();
        for (i, compare_with) in resolved {
            facts[i].compare_with = compare_with;
        }
        Dataset { title, description, sectors, sources, facts }
    }
}
