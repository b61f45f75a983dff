//! A dataset checked in three steps, so that its facts can come one at a time
//! ([`super::load_stream`]) as well as from one parsed value ([`super::load_value`]):
//! [`Validator::begin`] checks the title, sectors and sources, [`Validator::add_fact`] each
//! fact record against them, and [`Validator::finish`] the links between facts.

use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet, FxHasher};
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
    ids: FactIds,
    facts: Vec<Fact>,
    /// (fact index, record, the id it names): resolved once every fact is known.
    comparisons: Vec<(usize, String, String)>,
    /// Fact records added, valid or not.
    records: usize,
}

impl Validator<'_> {
    pub(super) fn dataset(&mut self, raw: RawDataset, read_source: &impl Fn(&str) -> Option<String>) -> Option<Dataset> {
        let (header, facts) = raw.split();
        let mut checked = self.begin(header, read_source, facts.len());
        for (record, map) in facts {
            self.add_fact(&mut checked, record, map);
        }
        Some(self.finish(checked))
    }

    /// Checks the dataset's title, sectors and sources: what each fact is then checked
    /// against as it comes ([`Validator::add_fact`]).
    /// `records`: how many fact records will come (for the space to hold them).
    pub(super) fn begin(&mut self, raw: RawHeader, read_source: &impl Fn(&str) -> Option<String>, records: usize) -> Checked {
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
            ids: FactIds { by_hash: HashMap::with_capacity_and_hasher(records, Default::default()), others: HashSet::default() },
            facts: Vec::with_capacity(records),
            comparisons: Vec::new(),
            records: 0,
        }
    }

    /// Checks one fact record (`record` names it in errors) and keeps the fact if it is
    /// valid.
    pub(super) fn add_fact(&mut self, c: &mut Checked, record: String, map: &Map<String, Value>) {
        c.records += 1;
        let Some(mut f) = self.read_fact(&record, map) else { return };
        let duplicate = c.ids.contains(&f.id, &c.facts);
        if duplicate {
            self.push(&record, "id", format!("duplicate id \"{}\"; ids must be unique", f.id));
        }
        let (id, compare_with) = (f.id.clone(), f.compare_with.take());
        let fact = self.fact(&record, f, &c.sectors, (&c.sources, &c.source_index));
        if !duplicate {
            c.ids.insert(&id, fact.is_some().then_some(c.facts.len()));
        }
        if let Some(fact) = fact {
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
        let Checked { title, description, sectors, sources, ids, mut facts, comparisons, .. } = c;
        let resolved: Vec<_> = comparisons
            .into_iter()
            .map(|(i, record, other)| {
                let found = (ids.index_of(&other, &facts), ids.contains(&other, &facts));
                (i, self.compare_with(&record, &facts, i, &other, found))
            })
            .collect();
        for (i, compare_with) in resolved {
            facts[i].compare_with = compare_with;
        }
        Dataset { title, description, sectors, sources, facts }
    }
}

/// Every fact id read, valid or not, without a copy of each (a million ids would take some
/// 100 MB): a valid fact's id is found by its 64-bit hash and its place among the facts;
/// only the ids of invalid facts, and those whose hash another id had first, are kept.
struct FactIds {
    /// Each hash → the first valid fact with it, or [`FactIds::INVALID`].
    by_hash: HashMap<u64, u32>,
    others: HashSet<String>,
}

impl FactIds {
    const INVALID: u32 = u32::MAX;

    fn hash(id: &str) -> u64 {
        let mut h = FxHasher::default();
        id.hash(&mut h);
        h.finish()
    }

    /// Whether some fact record read so far has id `id`.
    fn contains(&self, id: &str, facts: &[Fact]) -> bool {
        self.index_of(id, facts).is_some() || self.others.contains(id)
    }

    /// The first valid fact with id `id`.
    fn index_of(&self, id: &str, facts: &[Fact]) -> Option<usize> {
        match self.by_hash.get(&Self::hash(id)) {
            Some(&i) if i != Self::INVALID && facts[i as usize].id.as_str() == id => Some(i as usize),
            // Another id's hash: this one, if read, is among the others.
            Some(_) if self.others.contains(id) => facts.iter().position(|f| f.id.as_str() == id),
            _ => None,
        }
    }

    /// Records `id`, not read before: fact `fact` if it is valid.
    fn insert(&mut self, id: &str, fact: Option<usize>) {
        match self.by_hash.entry(Self::hash(id)) {
            Entry::Vacant(e) => {
                e.insert(fact.map_or(Self::INVALID, |i| i as u32));
                if fact.is_none() {
                    self.others.insert(id.to_owned());
                }
            }
            Entry::Occupied(_) => {
                self.others.insert(id.to_owned());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::dataset::load;

    fn fact(id: &str, kind: &str) -> serde_json::Value {
        json!({ "id": id, "kind": kind, "title": "Turnover grew", "summary": "It grew.", "sectors": ["trade"], "source": "wire", "quote": "Turnover grew." })
    }

    fn errors(facts: Vec<serde_json::Value>) -> Vec<String> {
        let d = json!({ "title": "T", "sectors": [{ "id": "trade", "label": "Trade" }],
            "sources": [{ "id": "wire", "publisher": "Wire", "title": "Report", "published": "2025-06-04", "text": "Turnover grew." }],
            "facts": facts });
        load("t.json", &d.to_string(), |_| None).err().unwrap_or_default().iter().map(|e| format!("{}: {}", e.record, e.message)).collect()
    }

    #[test]
    fn an_invalid_facts_id_still_counts_as_read() {
        let mut linking = fact("later", "statement");
        linking["compare_with"] = json!("broken");
        let found = errors(vec![fact("broken", "rumour"), fact("broken", "statement"), linking]);
        assert!(found.iter().any(|e| e.starts_with("fact \"broken\": duplicate id \"broken\"")), "{found:?}");
        assert!(!found.iter().any(|e| e.contains("no fact has id")), "an invalid fact exists: {found:?}");
        assert_eq!(errors(vec![fact("a", "statement"), fact("b", "statement"), fact("a", "statement")]).len(), 1, "one duplicate");
        assert!(errors(vec![fact("a", "statement"), fact("b", "statement")]).is_empty());
    }
}
