//! Result orders other than relevance: by kind, title, key figure, sectors, date or source,
//! ascending or descending (the view's [`Sort`]).
//!
//! Each column's order is worked out once per dataset ([`SortKeys::new`], built with the
//! search index), so that a keystroke sorts by comparing integers: a fact's key is its
//! rank in the column's ascending order (equal values share a rank), or [`MISSING`] when
//! it has no value (no date, no figure). Facts without a value go last in both
//! directions, and ties keep relevance order (`search::Ranked::sorted_by`).
//!
//! How each column compares:
//! - dates: the date a fact resolves to ([`date_of`]: its own date, else its figure's
//!   period, else its first derived date; inferred dates count as given), by the first day
//!   it can denote, then the last, as on the timeline;
//! - key figures: by value with its multiplier applied, whatever the unit;
//! - kinds, titles, sectors and sources: by the text the table shows, folded (case,
//!   diacritics and apostrophes, [`crate::text::fold`]); sources then by publication date.

use std::cmp::Ordering;

use crate::dataset::Dataset;
use crate::model::{DateSpec, Fact, Kind, PartialDate};
use crate::text::fold;
use crate::timeline::DateOrigin;
use crate::url_state::{Column, Direction, Sort};

/// The key of a fact with no value in a column: after every other, in both directions.
pub const MISSING: u32 = u32::MAX;

/// Every fact's rank in every column, indexed by [`Column`] then fact.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct SortKeys {
    columns: [Vec<u32>; 6],
}

impl SortKeys {
    /// Folds each title once, and each kind, sector and source label once per dataset (not
    /// per fact): the rest compares small integers.
    pub fn new(dataset: &Dataset) -> SortKeys {
        let facts = &dataset.facts;
        let kind_rank = ranks(Kind::ALL.iter().map(|k| Some(fold(k.label()))).collect(), Ord::cmp);
        let sector_rank = ranks(dataset.sectors.iter().map(|s| Some(fold(&s.label))).collect(), Ord::cmp);
        let source_rank =
            ranks(dataset.sources.iter().map(|s| Some((fold(&s.publisher), s.published.lower(), fold(&s.title)))).collect(), Ord::cmp);
        let column = |c: Column| -> Vec<u32> {
            match c {
                Column::Kind => facts.iter().map(|f| kind_rank[f.kind as usize]).collect(),
                Column::Title => {
                    // Every folded title in one buffer, not a string each: at a million
                    // facts the strings would take 100 MB in small pieces that the compiler's
                    // process keeps after they are freed.
                    let mut folded = String::new();
                    let ends: Vec<usize> = facts
                        .iter()
                        .map(|f| {
                            folded.push_str(&fold(&f.title));
                            folded.len()
                        })
                        .collect();
                    let starts = std::iter::once(0).chain(ends.iter().copied());
                    ranks(starts.zip(&ends).map(|(a, &b)| Some(with_prefix(&folded[a..b]))).collect(), Ord::cmp)
                }
                Column::Figure => ranks(facts.iter().map(|f| f.quantity.as_ref().map(|q| q.absolute())).collect(), f64::total_cmp),
                Column::Sectors => ranks(facts.iter().map(|f| Some(&f.sectors)).collect(), |a: &&Vec<usize>, b: &&Vec<usize>| {
                    a.iter().map(|&s| sector_rank[s]).cmp(b.iter().map(|&s| sector_rank[s]))
                }),
                Column::Date => ranks(facts.iter().map(date_span).collect(), Ord::cmp),
                Column::Source => facts.iter().map(|f| source_rank[f.source]).collect(),
            }
        };
        SortKeys { columns: Column::ALL.map(column) }
    }

    /// Every fact's rank in column `c` ([`MISSING`] for none): a compiled dataset stores it.
    pub(crate) fn column(&self, c: Column) -> &[u32] {
        &self.columns[c as usize]
    }

    /// Sets column `c` to ranks read back from a compiled dataset.
    pub(crate) fn set_column(&mut self, c: Column, ranks: Vec<u32>) {
        self.columns[c as usize] = ranks;
    }

    /// Fact `fact`'s key under `sort`: results run in ascending key order. 0 for every fact
    /// under relevance.
    pub fn key(&self, sort: Sort, fact: usize) -> u32 {
        match sort {
            Sort::Relevance => 0,
            Sort::By(c, dir) => match (self.columns[c as usize][fact], dir) {
                (MISSING, _) => MISSING,
                (k, Direction::Ascending) => k,
                (k, Direction::Descending) => MISSING - 1 - k,
            },
        }
    }
}

/// The date a fact sorts by and the table shows: its own date, else the period of its
/// figure, else its first derived date; `None` for an undated fact. Which one it is comes
/// with it, as the timeline names its entries.
pub fn date_of(fact: &Fact) -> Option<(DateOrigin, DateSpec)> {
    if let Some(d) = &fact.date {
        return Some((DateOrigin::Date, d.clone()));
    }
    if let Some(p) = fact.quantity.as_ref().and_then(|q| q.period.as_ref()) {
        return Some((DateOrigin::Period, p.clone()));
    }
    fact.derived.iter().enumerate().find_map(|(i, d)| {
        let start = d.date?;
        Some((DateOrigin::Derived(i), DateSpec { start, end: None, phrase: None, inferred: false }))
    })
}

/// A day as (year, month, day), ordered as a date.
type Day = (i32, u8, u8);

/// The first and last day the date of [`date_of`] can denote, for ordering (without
/// copying the date).
fn date_span(fact: &Fact) -> Option<(Day, Day)> {
    let span = |start: PartialDate, end: Option<PartialDate>| (start.lower(), end.unwrap_or(start).upper());
    match (&fact.date, fact.quantity.as_ref().and_then(|q| q.period.as_ref())) {
        (Some(d), _) | (None, Some(d)) => Some(span(d.start, d.end)),
        (None, None) => fact.derived.iter().find_map(|d| d.date).map(|d| span(d, None)),
    }
}

/// `s` behind its first 8 bytes as a number, which orders the same way: most comparisons
/// of 100k titles then end before reading the strings, scattered over the heap (sorting
/// them took some 0.5 s natively without it).
fn with_prefix(s: &str) -> (u64, &str) {
    let mut head = [0u8; 8];
    let n = s.len().min(8);
    head[..n].copy_from_slice(&s.as_bytes()[..n]);
    (u64::from_be_bytes(head), s)
}

/// Each value's rank in ascending order (equal values get the rank of the first of them),
/// [`MISSING`] for `None`.
fn ranks<V>(values: Vec<Option<V>>, cmp: impl Fn(&V, &V) -> Ordering) -> Vec<u32> {
    let mut out = vec![MISSING; values.len()];
    let mut present: Vec<(usize, V)> = values.into_iter().enumerate().filter_map(|(i, v)| Some((i, v?))).collect();
    // Equal values get one rank whatever their order, so an unstable sort is enough.
    present.sort_unstable_by(|a, b| cmp(&a.1, &b.1));
    for n in 0..present.len() {
        let i = present[n].0;
        out[i] = if n > 0 && cmp(&present[n - 1].1, &present[n].1) == Ordering::Equal { out[present[n - 1].0] } else { n as u32 };
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::dataset::load;
    use crate::test_events::events as deck;

    /// Fact ids in ascending key order under `sort` (ties in dataset order).
    fn order(d: &Dataset, sort: Sort) -> Vec<String> {
        let keys = SortKeys::new(d);
        let mut facts: Vec<usize> = (0..d.facts.len()).collect();
        facts.sort_by_key(|&f| keys.key(sort, f));
        facts.iter().map(|&f| d.facts[f].id.to_string()).collect()
    }

    const OLDEST: Sort = Sort::By(Column::Date, Direction::Ascending);
    const NEWEST: Sort = Sort::By(Column::Date, Direction::Descending);

    #[test]
    fn undated_facts_go_last_in_both_directions() {
        let d = deck(&[("none", json!({})), ("b", json!({ "date": "2024" })), ("a", json!({ "date": "1995" }))]);
        assert_eq!(order(&d, OLDEST), ["a", "b", "none"]);
        assert_eq!(order(&d, NEWEST), ["b", "a", "none"]);
    }

    #[test]
    fn a_fact_sorts_by_its_own_date_else_its_period_else_a_derived_date() {
        let d = deck(&[
            (
                "own",
                json!({ "date": { "start": "2025", "phrase": "this year", "inferred": true }, "derived": [{ "label": "l", "date": "1995", "method": "m" }] }),
            ),
            (
                "period",
                json!({ "kind": "indicator", "quantity": { "value": 5, "unit": "visits", "measure": "current", "period": { "start": "2022", "end": "2025", "phrase": "p", "inferred": true } } }),
            ),
            (
                "derived",
                json!({ "derived": [{ "label": "l", "quantity": { "value": 1, "unit": "times", "measure": "change" }, "method": "m" }, { "label": "l", "date": "2000", "method": "m" }] }),
            ),
        ]);
        assert_eq!(order(&d, OLDEST), ["derived", "period", "own"]);
        assert_eq!(order(&d, NEWEST), ["own", "period", "derived"]);
        let (origin, when) = date_of(&d.facts[2]).unwrap();
        assert_eq!((origin, when.to_string()), (DateOrigin::Derived(1), "2000".to_owned()), "the first derived date that has one");
    }

    #[test]
    fn dates_compare_by_first_then_last_day() {
        let d = deck(&[
            ("day", json!({ "date": "2025-06-04" })),
            ("year", json!({ "date": "2025" })),
            ("range", json!({ "date": { "start": "2025", "end": "2026" } })),
            ("month", json!({ "date": "2025-06" })),
        ]);
        assert_eq!(order(&d, OLDEST), ["year", "range", "month", "day"]);
        assert_eq!(order(&d, NEWEST), ["day", "month", "range", "year"]);
    }

    #[test]
    fn equal_values_share_a_key_so_ties_keep_the_order_they_had() {
        let d = deck(&[("c", json!({ "date": "2024" })), ("a", json!({ "date": "2024" })), ("b", json!({ "date": "2023" }))]);
        let keys = SortKeys::new(&d);
        assert_eq!(keys.key(OLDEST, 0), keys.key(OLDEST, 1));
        assert_eq!(keys.key(NEWEST, 0), keys.key(NEWEST, 1));
        assert_eq!(order(&d, OLDEST), ["b", "c", "a"]);
        assert_eq!(order(&d, NEWEST), ["c", "a", "b"]);
    }

    #[test]
    fn titles_sort_folding_case_and_diacritics() {
        let d = deck(&[
            ("b", json!({ "title": "beta" })),
            ("e", json!({ "title": "Əli" })),
            ("a", json!({ "title": "Alpha" })),
            ("c", json!({ "title": "Çay" })),
        ]);
        assert_eq!(order(&d, Sort::By(Column::Title, Direction::Ascending)), ["a", "b", "c", "e"]);
        assert_eq!(order(&d, Sort::By(Column::Title, Direction::Descending)), ["e", "c", "b", "a"]);
    }

    #[test]
    fn figures_sort_by_value_with_the_multiplier_and_facts_without_one_go_last() {
        let q = |v: f64, m: Option<&str>| {
            let mut q = json!({ "value": v, "unit": "currency", "currency": "USD", "measure": "current" });
            if let Some(m) = m {
                q["multiplier"] = json!(m);
            }
            json!({ "kind": "indicator", "quantity": q })
        };
        let d = deck(&[
            ("none", json!({})),
            ("billion", q(1.0, Some("billion"))),
            ("million", q(255.0, Some("million"))),
            ("small", q(540.0, None)),
        ]);
        assert_eq!(order(&d, Sort::By(Column::Figure, Direction::Ascending)), ["small", "million", "billion", "none"]);
        assert_eq!(order(&d, Sort::By(Column::Figure, Direction::Descending)), ["billion", "million", "small", "none"]);
    }

    #[test]
    fn kinds_and_sectors_sort_by_their_labels() {
        let d = deck(&[
            ("s", json!({ "kind": "statement", "sectors": ["y"] })),
            ("p", json!({ "kind": "project", "sectors": ["x", "y"] })),
            ("e", json!({ "kind": "event", "sectors": ["x"] })),
        ]);
        assert_eq!(order(&d, Sort::By(Column::Kind, Direction::Ascending)), ["e", "p", "s"]);
        // "X" < "X, Ýes" < "Ýes" (folded to "yes").
        assert_eq!(order(&d, Sort::By(Column::Sectors, Direction::Ascending)), ["e", "p", "s"]);
        assert_eq!(order(&d, Sort::By(Column::Sectors, Direction::Descending)), ["s", "p", "e"]);
    }

    #[test]
    fn sources_sort_by_publisher_then_publication_date() {
        let facts: Vec<_> = ["late", "early", "other"]
            .iter()
            .map(|s| json!({ "id": s, "kind": "event", "title": s, "summary": "s", "sectors": ["x"], "source": s, "quote": "q" }))
            .collect();
        let json = json!({
            "title": "t",
            "sectors": [{ "id": "x", "label": "X" }],
            "sources": [
                { "id": "late", "publisher": "Wire", "title": "t", "published": "2025-06-04", "text": "q" },
                { "id": "early", "publisher": "wire", "title": "t", "published": "2024", "text": "q" },
                { "id": "other", "publisher": "Ágency", "title": "t", "published": "2026", "text": "q" },
            ],
            "facts": facts,
        });
        let d = load("t.json", &json.to_string(), |_| None).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(order(&d, Sort::By(Column::Source, Direction::Ascending)), ["other", "early", "late"]);
    }

    #[test]
    fn relevance_gives_every_fact_the_same_key() {
        let d = deck(&[("b", json!({ "date": "2024" })), ("a", json!({}))]);
        let keys = SortKeys::new(&d);
        assert_eq!((keys.key(Sort::Relevance, 0), keys.key(Sort::Relevance, 1)), (0, 0));
    }
}
