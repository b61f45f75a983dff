//! Facet filters and counts.
//!
//! Semantics: OR within a facet (any selected sector), AND across facets (and the
//! search). A facet value's count is the number of facts with that value that pass the
//! search and the *other* facets' selections (its own facet's selection is ignored, as in
//! disjunctive faceting). So the count is what the page would show if that value were the
//! only one ticked in its facet, and a value with a non-zero count never leads to an empty
//! page.

use crate::dataset::Dataset;
use crate::model::{Fact, Kind};
use crate::url_state::ViewState;

/// The view's facet selections resolved against a dataset; unknown ids are dropped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// Sector indices into `Dataset::sectors`, sorted.
    pub sectors: Vec<usize>,
    pub kinds: Vec<Kind>,
}

/// Which facet to leave out when counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Sector,
    Kind,
}

impl Selection {
    pub fn resolve(view: &ViewState, dataset: &Dataset) -> Selection {
        let mut sectors: Vec<usize> = view.sectors.iter().filter_map(|s| dataset.sector_index(s)).collect();
        sectors.sort_unstable();
        Selection { sectors, kinds: view.kinds.iter().copied().collect() }
    }

    /// True when no facet value is selected: every fact passes.
    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty() && self.kinds.is_empty()
    }

    /// Does `fact` pass every facet except `skip`?
    pub fn admits(&self, fact: &Fact, skip: Option<Facet>) -> bool {
        let sector_ok = skip == Some(Facet::Sector)
            || self.sectors.is_empty()
            || fact.sectors.iter().any(|s| self.sectors.binary_search(s).is_ok());
        let kind_ok = skip == Some(Facet::Kind) || self.kinds.is_empty() || self.kinds.contains(&fact.kind);
        sector_ok && kind_ok
    }
}

/// Live counts for every facet value, in the dataset's declared order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FacetCounts {
    /// (sector index, count) for every declared sector.
    pub sectors: Vec<(usize, usize)>,
    /// (kind, count) for every kind present in the dataset.
    pub kinds: Vec<(Kind, usize)>,
}

/// Counts for `hits` (indices of the facts matching the search) under `sel`, in one pass.
pub fn facet_counts(dataset: &Dataset, hits: impl IntoIterator<Item = usize>, sel: &Selection) -> FacetCounts {
    let mut sectors = vec![0usize; dataset.sectors.len()];
    let mut kinds = [0usize; Kind::ALL.len()];
    for h in hits {
        let fact = &dataset.facts[h];
        if sel.admits(fact, Some(Facet::Sector)) {
            for &s in &fact.sectors {
                sectors[s] += 1;
            }
        }
        if sel.admits(fact, Some(Facet::Kind)) {
            kinds[fact.kind as usize] += 1;
        }
    }
    let present: Vec<Kind> = Kind::ALL.into_iter().filter(|k| dataset.facts.iter().any(|f| f.kind == *k)).collect();
    FacetCounts {
        sectors: sectors.into_iter().enumerate().collect(),
        kinds: present.into_iter().map(|k| (k, kinds[k as usize])).collect(),
    }
}
