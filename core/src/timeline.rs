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

use crate::facts::Facts;
use crate::model::DateSpec;

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

/// One dated point or range on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Index into the dataset's facts.
    pub fact: usize,
    pub origin: DateOrigin,
    /// The date shown, with its phrase and inferred flag (derived dates have neither).
    pub when: DateSpec,
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
}

/// The timeline of `results` (fact indices, in any order; typically the explore outcome's).
/// Results whose fact is not at hand are left out, counted neither dated nor undated: a
/// caller with a compiled dataset fetches them first.
pub fn timeline(facts: &impl Facts, results: &[usize]) -> Timeline {
    let mut entries: Vec<Entry> = Vec::new();
    let (mut dated, mut undated) = (0, 0);
    for &fact in results {
        let before = entries.len();
        let Some(f) = facts.fact(fact) else { continue };
        if let Some(d) = &f.date {
            entries.push(Entry { fact, origin: DateOrigin::Date, when: d.clone() });
        }
        if let Some(p) = f.quantity.as_ref().and_then(|q| q.period.as_ref()) {
            entries.push(Entry { fact, origin: DateOrigin::Period, when: p.clone() });
        }
        for (i, d) in f.derived.iter().enumerate() {
            if let Some(date) = d.date {
                let when = DateSpec { start: date, end: None, phrase: None, inferred: false };
                entries.push(Entry { fact, origin: DateOrigin::Derived(i), when });
            }
        }
        if entries.len() == before {
            undated += 1;
        } else {
            dated += 1;
        }
    }
    // Unstable is enough: no two entries compare equal (one fact, one entry per origin).
    entries.sort_unstable_by(|a, b| {
        let key = |e: &Entry| (e.when.start.lower(), e.when.end.unwrap_or(e.when.start).upper());
        key(a)
            .cmp(&key(b))
            .then_with(|| facts.fact(a.fact).map(|f| &f.id).cmp(&facts.fact(b.fact).map(|f| &f.id)))
            .then(a.origin.cmp(&b.origin))
    });
    let mut years: Vec<Year> = Vec::new();
    for e in entries {
        match years.last_mut() {
            Some(y) if y.year == e.when.start.year => y.entries.push(e),
            _ => years.push(Year { year: e.when.start.year, entries: vec![e] }),
        }
    }
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
        assert_eq!(t.years[0].entries[0].when.to_string(), "2020 – 2025");
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
        let got: Vec<(DateOrigin, String, bool)> = t.entries().map(|e| (e.origin, e.when.to_string(), e.when.inferred)).collect();
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
}
