//! One view of the dataset: search, then facets, then counts and empty-state advice.
//!
//! This is what the UI derives from a [`ViewState`] on every change; it is pure so that
//! every number a user sees can be tested without a browser.

use crate::dataset::Dataset;
use crate::filter::{facet_counts, FacetCounts, FacetTable, Selection};
use crate::model::{Kind, Sector};
use crate::search::{Index, Query, Ranked};
use crate::url_state::{Sort, ViewState};

/// A way back from an empty result: drop one constraint and get `results` facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relaxation {
    ClearQuery { results: usize },
    RemoveSector { sector: usize, results: usize },
    RemoveKind { kind: Kind, results: usize },
}

/// Everything the result area shows for one view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub query: Query,
    /// The facts shown, in the view's order (relevance, or its [`Sort`]), ranked on demand
    /// (`results.top(k)` for the first page); its length is the exact count.
    pub results: Ranked,
    pub counts: FacetCounts,
    /// Only when `results` is empty: single changes that would bring results back,
    /// those giving the most results first.
    pub relaxations: Vec<Relaxation>,
    /// Only when the search alone finds nothing: a corrected query that finds something.
    pub suggestion: Option<String>,
}

pub fn explore(dataset: &Dataset, index: &Index, view: &ViewState) -> Outcome {
    explore_with(&dataset.sectors, index, view, |query| index.suggest(query))
}

/// [`explore`] knowing only the dataset's declared `sectors` and its `index`, with the
/// "did you mean" step (`Index::suggest`) given: what a compiled dataset
/// (`crate::compiled`) has before any fact is fetched, and how it suggests.
pub(crate) fn explore_with(sectors: &[Sector], index: &Index, view: &ViewState, suggest: impl FnOnce(&Query) -> Option<String>) -> Outcome {
    let query = Query::parse(&view.query);
    let sel = Selection::resolve_in(view, sectors);
    let hits = index.rank(&query);
    let table = index.facets();
    let mut results = filtered(table, &hits, &sel);
    if view.sort != Sort::Relevance {
        let keys = index.sort_keys();
        results = results.sorted_by(|f| keys.key(view.sort, f));
    }
    // Every fact, nothing selected: the table has those counts already.
    let counts = if query.is_empty() && sel.is_empty() { table.totals().clone() } else { facet_counts(table, hits.facts(), &sel) };
    let relaxations = if results.is_empty() { relax(index.len(), table, &query, &hits, &sel) } else { Vec::new() };
    let suggestion = if hits.is_empty() { suggest(&query) } else { None };
    Outcome { query, results, counts, relaxations, suggestion }
}

fn filtered(table: &FacetTable, hits: &Ranked, sel: &Selection) -> Ranked {
    if sel.is_empty() {
        return hits.clone();
    }
    hits.filter(|h| sel.admits(table, h))
}

/// How many of `facts` pass `sel`.
fn admitted(table: &FacetTable, facts: impl Iterator<Item = usize>, sel: &Selection) -> usize {
    facts.filter(|&f| sel.admits(table, f)).count()
}

fn relax(facts: usize, table: &FacetTable, query: &Query, hits: &Ranked, sel: &Selection) -> Vec<Relaxation> {
    let mut out = Vec::new();
    if !query.is_empty() {
        out.push(Relaxation::ClearQuery { results: admitted(table, 0..facts, sel) });
    }
    for (i, &sector) in sel.sectors.iter().enumerate() {
        let mut s = sel.clone();
        s.sectors.remove(i);
        out.push(Relaxation::RemoveSector { sector, results: admitted(table, hits.facts(), &s) });
    }
    for (i, &kind) in sel.kinds.iter().enumerate() {
        let mut s = sel.clone();
        s.kinds.remove(i);
        out.push(Relaxation::RemoveKind { kind, results: admitted(table, hits.facts(), &s) });
    }
    out.retain(|r| r.results() > 0);
    out.sort_by_key(|r| std::cmp::Reverse(r.results()));
    out
}

impl Relaxation {
    pub fn results(&self) -> usize {
        match *self {
            Relaxation::ClearQuery { results } | Relaxation::RemoveSector { results, .. } | Relaxation::RemoveKind { results, .. } => {
                results
            }
        }
    }
}
