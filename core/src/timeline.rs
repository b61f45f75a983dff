//! The results that carry dates, in chronological order and grouped by year.
//!
//! A fact can appear more than once: with its own `date`, with the period its figure
//! covers (`quantity.period`), and with each derived date (e.g. "relations established
//! 1995", computed from "the 30th anniversary"). Facts with none of these are left out
//! and counted, so the UI can say how many the timeline does not show.
//!
//! Order: by the earliest day an entry can denote (`2024` starts on 1 January 2024, so it
//! comes before `2024-08`), then by the latest day it can denote (a point before a range
//! that starts with it, a narrow range before a wide one), then by fact id, then by the
//! entry's origin (own date, period, derived dates in dataset order).
//!
//! The order of two entries does not depend on which other facts are among the results, so
//! the timeline of any results is the whole dataset's timeline with the other facts' entries
//! left out ([`Timeline::within`]): a compiled dataset stores the whole one, and draws any
//! view's timeline without fetching its facts, only those of the entries it shows.

use crate::facts::Facts;
use crate::model::{DateSpec, Fact};

/// Where a timeline entry's date comes from: which of a fact's dates it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateOrigin {
    /// The fact's own `date`.
    Date,
    /// The period of the fact's figure (`quantity.period`).
    Period,
    /// The fact's `derived[i]` date, computed by the dataset's author, not stated.
    Derived(usize),
}

impl DateOrigin {
    /// The date of `fact` this names, with its phrase and inferred flag (derived dates have
    /// neither); `None` if the fact has no such date.
    pub fn date(self, fact: &Fact) -> Option<DateSpec> {
        match self {
            DateOrigin::Date => fact.date.clone(),
            DateOrigin::Period => fact.quantity.as_ref()?.period.clone(),
            DateOrigin::Derived(i) => {
                let start = fact.derived.get(i)?.date?;
                Some(DateSpec { start, end: None, phrase: None, inferred: false })
            }
        }
    }

    /// Where the date of `fact` this names falls: the earliest and the latest day it can
    /// denote (what orders entries; the first's year groups them).
    fn span(self, fact: &Fact) -> Option<Span> {
        let span = |d: &DateSpec| (d.start.lower(), d.end.unwrap_or(d.start).upper());
        match self {
            DateOrigin::Date => fact.date.as_ref().map(span),
            DateOrigin::Period => fact.quantity.as_ref()?.period.as_ref().map(span),
            DateOrigin::Derived(i) => fact.derived.get(i)?.date.map(|d| (d.lower(), d.upper())),
        }
    }

    /// The origins of `fact`'s dates, in origin order.
    fn all(fact: &Fact) -> impl Iterator<Item = DateOrigin> + '_ {
        let origins = [DateOrigin::Date, DateOrigin::Period].into_iter().chain((0..fact.derived.len()).map(DateOrigin::Derived));
        origins.filter(|o| o.span(fact).is_some())
    }
}

/// The first and the last day a date can denote, as (year, month, day).
type Span = ((i32, u8, u8), (i32, u8, u8));

/// One dated point or range on the timeline: which fact, and which of its dates
/// ([`DateOrigin::date`] gives the date itself, from the fact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Index into the dataset's facts.
    pub fact: usize,
    pub origin: DateOrigin,
}

/// All entries of one calendar year: the year an entry starts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub year: i32,
    /// In timeline order; never empty.
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    /// Oldest first.
    pub years: Vec<Year>,
    /// Facts among the results that have no date at all, so are not on the timeline.
    pub undated: usize,
    /// Facts among the results with at least one entry.
    pub dated: usize,
}

impl Timeline {
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.years.iter().flat_map(|y| &y.entries)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.years.iter().map(|y| y.entries.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }

    /// The timeline of `results` (fact indices below `facts`, no repeats), when `self` is
    /// the timeline of all `facts` facts: the same as [`timeline`] of those results.
    pub fn within(&self, results: &[usize], facts: usize) -> Timeline {
        let mut wanted = vec![false; facts];
        for &r in results {
            if let Some(w) = wanted.get_mut(r) {
                *w = true;
            }
        }
        let mut seen = vec![false; facts];
        let mut dated = 0;
        let mut years = Vec::new();
        for y in &self.years {
            let entries: Vec<Entry> = y.entries.iter().filter(|e| wanted.get(e.fact) == Some(&true)).copied().collect();
            for e in &entries {
                if !std::mem::replace(&mut seen[e.fact], true) {
                    dated += 1;
                }
            }
            if !entries.is_empty() {
                years.push(Year { year: y.year, entries });
            }
        }
        let results = wanted.iter().filter(|&&w| w).count();
        Timeline { years, undated: results - dated, dated }
    }
}

/// A timeline in one list: every entry, oldest first, and each year with its number of
/// entries (what a compiled dataset stores, `crate::compiled`).
pub(crate) struct Sorted {
    pub(crate) entries: Vec<Entry>,
    pub(crate) years: Vec<(i32, usize)>,
    pub(crate) dated: usize,
    pub(crate) undated: usize,
}

/// [`timeline`] as one list. 24 bytes an entry: a million facts' entries sort in 16 MB,
/// each entry's date looked up in its fact as the sort compares it.
pub(crate) fn sorted(facts: &impl Facts, results: &[usize]) -> Sorted {
    let mut entries: Vec<Entry> = Vec::new();
    let (mut dated, mut undated) = (0, 0);
    for &fact in results {
        let Some(f) = facts.fact(fact) else { continue };
        let before = entries.len();
        entries.extend(DateOrigin::all(f).map(|origin| Entry { fact, origin }));
        if entries.len() == before {
            undated += 1;
        } else {
            dated += 1;
        }
    }
    let span = |e: &Entry| facts.fact(e.fact).and_then(|f| e.origin.span(f));
    // Unstable is enough: no two entries compare equal (one fact, one entry per origin).
    entries.sort_unstable_by(|a, b| {
        span(a)
            .cmp(&span(b))
            .then_with(|| facts.fact(a.fact).map(|f| &f.id).cmp(&facts.fact(b.fact).map(|f| &f.id)))
            .then(a.origin.cmp(&b.origin))
    });
    let mut years: Vec<(i32, usize)> = Vec::new();
    for e in &entries {
        let year = span(e).map_or(0, |((year, ..), _)| year);
        match years.last_mut() {
            Some((y, n)) if *y == year => *n += 1,
            _ => years.push((year, 1)),
        }
    }
    Sorted { entries, years, dated, undated }
}

/// The timeline of `results` (fact indices, in any order; typically the explore outcome's).
/// Results whose fact is not at hand are left out, counted neither dated nor undated.
pub fn timeline(facts: &impl Facts, results: &[usize]) -> Timeline {
    let Sorted { entries, years, dated, undated } = sorted(facts, results);
    let mut rest = entries.into_iter();
    let years = years.into_iter().map(|(year, n)| Year { year, entries: rest.by_ref().take(n).collect() }).collect();
    Timeline { years, undated, dated }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::dataset::Dataset;
    use crate::test_events::events as deck;

    fn all(d: &Dataset) -> Vec<usize> {
        (0..d.facts.len()).collect()
    }

    fn order(d: &Dataset, t: &Timeline) -> Vec<String> {
        t.entries().map(|e| d.facts[e.fact].id.to_string()).collect()
    }

    fn when(d: &Dataset, e: &Entry) -> DateSpec {
        e.origin.date(&d.facts[e.fact]).expect("an entry's date")
    }

    #[test]
    fn entries_run_oldest_first_whatever_the_result_order() {
        let d = deck(&[("c", json!({ "date": "2025-06-04" })), ("a", json!({ "date": "1995" })), ("b", json!({ "date": "2024-08" }))]);
        let t = timeline(&d, &[0, 1, 2]);
        assert_eq!(order(&d, &t), ["a", "b", "c"]);
        assert_eq!(t.years.iter().map(|y| y.year).collect::<Vec<_>>(), [1995, 2024, 2025]);
    }

    #[test]
    fn a_year_comes_before_a_month_and_a_day_within_it() {
        let d =
            deck(&[("day", json!({ "date": "2025-06-04" })), ("month", json!({ "date": "2025-06" })), ("year", json!({ "date": "2025" }))]);
        assert_eq!(order(&d, &timeline(&d, &all(&d))), ["year", "month", "day"]);
    }

    #[test]
    fn a_point_comes_before_a_range_starting_with_it_and_narrow_before_wide() {
        let d = deck(&[
            ("wide", json!({ "date": { "start": "2020", "end": "2025" } })),
            ("narrow", json!({ "date": { "start": "2020", "end": "2021" } })),
            ("point", json!({ "date": "2020" })),
            ("later", json!({ "date": "2020-03" })),
        ]);
        assert_eq!(order(&d, &timeline(&d, &all(&d))), ["point", "narrow", "wide", "later"]);
    }

    #[test]
    fn a_range_is_grouped_under_the_year_it_starts() {
        let d = deck(&[("r", json!({ "date": { "start": "2020", "end": "2025" } })), ("p", json!({ "date": "2025" }))]);
        let t = timeline(&d, &all(&d));
        assert_eq!(t.years.iter().map(|y| (y.year, y.entries.len())).collect::<Vec<_>>(), [(2020, 1), (2025, 1)]);
        assert_eq!(when(&d, &t.years[0].entries[0]).to_string(), "2020 – 2025");
    }

    #[test]
    fn ties_are_broken_by_fact_id() {
        let d = deck(&[("b", json!({ "date": "2024" })), ("c", json!({ "date": "2024" })), ("a", json!({ "date": "2024" }))]);
        assert_eq!(order(&d, &timeline(&d, &[1, 0, 2])), ["a", "b", "c"]);
    }

    #[test]
    fn undated_facts_are_left_out_and_counted() {
        let d = deck(&[("x", json!({})), ("y", json!({ "date": "2024" })), ("z", json!({}))]);
        let t = timeline(&d, &all(&d));
        assert_eq!(order(&d, &t), ["y"]);
        assert_eq!((t.dated, t.undated), (1, 2));
    }

    #[test]
    fn only_the_given_results_are_shown() {
        let d = deck(&[("a", json!({ "date": "2024" })), ("b", json!({ "date": "2025" })), ("c", json!({}))]);
        let t = timeline(&d, &[1, 2]);
        assert_eq!(order(&d, &t), ["b"]);
        assert_eq!((t.dated, t.undated), (1, 1));
        assert_eq!(timeline(&d, &[]), Timeline::default());
    }

    #[test]
    fn periods_and_derived_dates_are_entries_of_their_own() {
        let d = deck(&[(
            "anniversary",
            json!({
                "date": { "start": "2025", "phrase": "this year", "inferred": true },
                "kind": "indicator",
                "quantity": { "value": 5, "unit": "visits", "measure": "current", "period": { "start": "2022", "end": "2025", "phrase": "in the last three years", "inferred": true } },
                "derived": [{ "label": "Relations established", "date": "1995", "method": "2025 − 30" }],
            }),
        )]);
        let t = timeline(&d, &[0]);
        let got: Vec<(DateOrigin, String, bool)> = t.entries().map(|e| (e.origin, when(&d, e).to_string(), when(&d, e).inferred)).collect();
        assert_eq!(
            got,
            [
                (DateOrigin::Derived(0), "1995".to_owned(), false),
                (DateOrigin::Period, "2022 – 2025".to_owned(), true),
                (DateOrigin::Date, "2025".to_owned(), true),
            ]
        );
        assert_eq!((t.dated, t.undated), (1, 0), "one fact, however many entries");
    }

    #[test]
    fn the_timeline_of_some_results_is_the_whole_timeline_less_the_other_facts() {
        let d = deck(&[
            ("a", json!({ "date": "2024", "derived": [{ "label": "Founded", "date": "1990", "method": "2024 − 34" }] })),
            ("b", json!({ "date": { "start": "2020", "end": "2025" } })),
            ("c", json!({})),
            (
                "d",
                json!({ "date": "2024-05", "quantity": { "value": 5, "unit": "visits", "measure": "current", "period": { "start": "2022", "end": "2025" } } }),
            ),
            ("e", json!({ "date": "1990" })),
        ]);
        let whole = timeline(&d, &all(&d));
        assert_eq!(whole.len(), 6);
        let subsets: [&[usize]; 7] = [&[], &[0], &[2], &[1, 3], &[4, 0], &[2, 3, 1], &[0, 1, 2, 3, 4]];
        for results in subsets {
            assert_eq!(whole.within(results, d.facts.len()), timeline(&d, results), "results {results:?}");
        }
        // Indices past the dataset are not results.
        assert_eq!(whole.within(&[0, 99], d.facts.len()), timeline(&d, &[0]));
    }

    #[test]
    fn an_origin_the_fact_lacks_has_no_date() {
        let d = deck(&[("x", json!({ "date": "2024" }))]);
        let f = &d.facts[0];
        assert_eq!(DateOrigin::Date.date(f).map(|w| w.to_string()), Some("2024".to_owned()));
        assert_eq!(DateOrigin::Period.date(f), None);
        assert_eq!(DateOrigin::Derived(3).date(f), None);
    }
}
