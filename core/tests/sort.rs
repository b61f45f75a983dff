//! Sorted views: each order, undated facts last whichever way, inferred and derived dates
//! by the date they resolve to, ties in relevance order, and counts that sorting leaves
//! alone.

mod common;

use common::{fact, view, Deck};
use factdeck_core::model::Kind;
use factdeck_core::url_state::{Column, Direction, Sort, ViewState};
use serde_json::json;

const OLDEST: Sort = Sort::By(Column::Date, Direction::Ascending);
const NEWEST: Sort = Sort::By(Column::Date, Direction::Descending);

/// Six facts: one dated outright, one inferred ("last year"), one dated only by its
/// figure's period, one only by a derived date, and two undated. Every title but the
/// last two mentions "plant".
fn deck() -> Deck {
    let indicator = |period: serde_json::Value| json!({ "value": 3, "unit": "times", "measure": "change", "period": period });
    Deck::new(
        &["energy", "trade"],
        &[
            fact("undated-plant", Kind::Project, &["trade"], "Zinc plant").summary("plant plant plant"),
            fact("stated", Kind::Event, &["energy"], "Opening of the solar plant").with("date", json!("2024-08-15")),
            fact("inferred", Kind::Project, &["energy"], "Áral wind plant")
                .with("date", json!({ "start": "2024", "phrase": "last year", "inferred": true })),
            fact("period", Kind::Indicator, &["trade"], "Turnover of the plant tripled")
                .with("quantity", indicator(json!({ "start": "2020", "end": "2025", "phrase": "in five years", "inferred": true }))),
            fact("derived", Kind::Event, &["energy"], "Anniversary of relations")
                .with("derived", json!([{ "label": "Relations established", "date": "1995", "method": "2025 − 30" }])),
            fact("undated", Kind::Statement, &["trade"], "Bridges matter"),
        ],
    )
}

fn sorted(query: &str, sort: Sort) -> ViewState {
    ViewState { sort, ..view(query, &[], &[]) }
}

#[test]
fn oldest_first_resolves_inferred_period_and_derived_dates_and_puts_undated_last() {
    assert_eq!(deck().shown(&sorted("", OLDEST)), ["derived", "period", "inferred", "stated", "undated-plant", "undated"]);
}

#[test]
fn newest_first_still_puts_undated_facts_last() {
    assert_eq!(deck().shown(&sorted("", NEWEST)), ["stated", "inferred", "period", "derived", "undated-plant", "undated"]);
}

#[test]
fn titles_sort_a_to_z_folding_case_and_accents() {
    let d = deck();
    let az = d.shown(&sorted("", Sort::By(Column::Title, Direction::Ascending)));
    assert_eq!(az, ["derived", "inferred", "undated", "stated", "period", "undated-plant"]);
    let za = d.shown(&sorted("", Sort::By(Column::Title, Direction::Descending)));
    assert_eq!(za, az.iter().rev().cloned().collect::<Vec<_>>());
}

#[test]
fn ties_keep_relevance_order() {
    let d = deck();
    // Searching "plant": the zinc plant says it four times, so it ranks first.
    let relevance = d.shown(&sorted("plant", Sort::Relevance));
    assert_eq!(relevance[0], "undated-plant");
    // Every match is in the trade or energy sector; within a sector, relevance order holds.
    let by_sector = d.shown(&sorted("plant", Sort::By(Column::Sectors, Direction::Ascending)));
    let energy: Vec<&String> = relevance.iter().filter(|id| ["stated", "inferred"].contains(&id.as_str())).collect();
    let trade: Vec<&String> = relevance.iter().filter(|id| ["undated-plant", "period"].contains(&id.as_str())).collect();
    assert_eq!(by_sector.iter().collect::<Vec<_>>(), [energy, trade].concat());
    // With no query, ties keep the dataset's order.
    assert_eq!(
        d.shown(&sorted("", Sort::By(Column::Kind, Direction::Ascending))),
        ["stated", "derived", "period", "undated-plant", "inferred", "undated"]
    );
}

#[test]
fn key_figures_sort_by_value_and_facts_without_one_go_last() {
    let d = deck();
    let asc = d.shown(&sorted("", Sort::By(Column::Figure, Direction::Ascending)));
    let desc = d.shown(&sorted("", Sort::By(Column::Figure, Direction::Descending)));
    assert_eq!(asc[0], "period");
    assert_eq!(desc[0], "period", "the one figure leads both ways; the rest keep dataset order");
    assert_eq!(asc[1..], ["undated-plant", "stated", "inferred", "derived", "undated"]);
}

#[test]
fn sorting_changes_the_order_only_never_the_results_or_the_counts() {
    let d = deck();
    for base in [view("", &[], &[]), view("plant", &[], &[]), view("", &["energy"], &[]), view("pl", &["trade"], &[Kind::Project])] {
        let plain = d.explore(&base);
        let mut ids = d.shown(&base);
        ids.sort();
        for sort in Sort::all() {
            let v = ViewState { sort, ..base.clone() };
            let out = d.explore(&v);
            assert_eq!(out.results.len(), plain.results.len(), "{v:?}");
            assert_eq!(out.counts, plain.counts, "{v:?}");
            let mut sorted_ids = d.shown(&v);
            sorted_ids.sort();
            assert_eq!(sorted_ids, ids, "{v:?}");
        }
    }
}

#[test]
fn a_page_of_a_sorted_view_is_the_start_of_its_full_order() {
    let d = deck();
    for sort in Sort::all() {
        let out = d.explore(&sorted("", sort));
        let full = out.results.best_first();
        for k in 0..=full.len() {
            assert_eq!(out.results.top(k), full[..k], "{sort:?}, k = {k}");
        }
    }
}
