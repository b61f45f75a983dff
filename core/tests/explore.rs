//! Facets, counts and the empty state: what the result area and the facet panel show for
//! a view.

mod common;

use common::{fact, view, Deck};
use factdeck_core::explore::Relaxation;
use factdeck_core::model::Kind;
use factdeck_core::search::Query;
use factdeck_core::url_state::ViewState;

const SECTORS: [&str; 4] = ["energy", "trade", "transport", "water"];

/// Six facts over three of four sectors (`water` has none) and four of five kinds
/// (no statements). Titles avoid sector and kind words so searches hit titles only.
fn deck() -> Deck {
    Deck::new(
        &SECTORS,
        &[
            fact("solar", Kind::Project, &["energy"], "Solar plant in Jizzakh"),
            fact("pipeline", Kind::Project, &["energy", "transport"], "Gas pipeline to Baku"),
            fact("railway", Kind::Project, &["transport"], "Railway line to Baku"),
            fact("turnover", Kind::Indicator, &["trade"], "Turnover tripled"),
            fact("power-deal", Kind::Agreement, &["trade", "energy"], "Power supply deal"),
            fact("forum", Kind::Event, &["trade"], "Business forum in Baku"),
        ],
    )
}

fn sector_counts(deck: &Deck, v: &ViewState) -> Vec<(&'static str, usize)> {
    let counts = deck.explore(v).counts;
    assert_eq!(counts.sectors.iter().map(|&(s, _)| s).collect::<Vec<_>>(), [0, 1, 2, 3], "every declared sector, in order");
    counts.sectors.iter().map(|&(s, n)| (SECTORS[s], n)).collect()
}

fn kind_counts(deck: &Deck, v: &ViewState) -> Vec<(Kind, usize)> {
    deck.explore(v).counts.kinds
}

/// The view a user gets by following `r` from `v`.
fn apply(deck: &Deck, v: &ViewState, r: &Relaxation) -> ViewState {
    let mut v = v.clone();
    match *r {
        Relaxation::ClearQuery { .. } => v.query.clear(),
        Relaxation::RemoveSector { sector, .. } => {
            assert!(v.sectors.remove(&deck.data.sectors[sector].id), "{r:?} names a sector the view did not select");
        }
        Relaxation::RemoveKind { kind, .. } => {
            assert!(v.kinds.remove(&kind), "{r:?} names a kind the view did not select");
        }
    }
    v
}

/// Every view built from a few queries and every combination of facet values,
/// including a sector id the dataset does not declare and a kind it has no fact of.
fn all_views() -> Vec<ViewState> {
    let queries = ["", "baku", "solar", "tripled", "pipe", "zzz", "!!!"];
    let sectors = ["energy", "trade", "transport", "water", "no-such-sector"];
    let kinds = [Kind::Project, Kind::Agreement, Kind::Indicator, Kind::Statement];
    let mut out = Vec::new();
    for q in queries {
        for sector_mask in 0..1u32 << sectors.len() {
            for kind_mask in 0..1u32 << kinds.len() {
                let s: Vec<&str> = (0..sectors.len()).filter(|i| sector_mask >> i & 1 == 1).map(|i| sectors[i]).collect();
                let k: Vec<Kind> = (0..kinds.len()).filter(|i| kind_mask >> i & 1 == 1).map(|i| kinds[i]).collect();
                out.push(view(q, &s, &k));
            }
        }
    }
    out
}

// ---- filters ----

#[test]
fn no_filter_shows_everything_in_dataset_order() {
    assert_eq!(deck().shown(&ViewState::default()), ["solar", "pipeline", "railway", "turnover", "power-deal", "forum"]);
}

#[test]
fn selecting_two_sectors_shows_facts_in_either() {
    let d = deck();
    assert_eq!(d.shown(&view("", &["transport"], &[])), ["pipeline", "railway"]);
    assert_eq!(d.shown(&view("", &["transport", "trade"], &[])), ["pipeline", "railway", "turnover", "power-deal", "forum"]);
}

#[test]
fn selecting_two_kinds_shows_facts_of_either() {
    let d = deck();
    assert_eq!(d.shown(&view("", &[], &[Kind::Indicator, Kind::Event])), ["turnover", "forum"]);
}

#[test]
fn sector_and_kind_must_both_hold() {
    let d = deck();
    assert_eq!(d.shown(&view("", &["energy"], &[Kind::Project])), ["solar", "pipeline"]);
    assert_eq!(d.shown(&view("", &["trade", "transport"], &[Kind::Agreement, Kind::Project])), ["pipeline", "railway", "power-deal"]);
}

#[test]
fn facets_narrow_the_search() {
    let d = deck();
    // "baku" is in three titles; the facets keep only those that pass them.
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(sorted(d.shown(&view("baku", &[], &[]))), ["forum", "pipeline", "railway"]);
    assert_eq!(sorted(d.shown(&view("baku", &["transport"], &[]))), ["pipeline", "railway"]);
    assert_eq!(d.shown(&view("baku", &["trade", "energy"], &[Kind::Event])), ["forum"]);
    // A sector's label is searchable too.
    assert_eq!(sorted(d.shown(&view("transport", &[], &[Kind::Project]))), ["pipeline", "railway"]);
}

#[test]
fn unknown_sector_ids_in_the_view_are_ignored() {
    let d = deck();
    assert_eq!(d.explore(&view("", &["no-such-sector"], &[])), d.explore(&ViewState::default()));
    assert_eq!(d.explore(&view("baku", &["no-such-sector", "transport"], &[])), d.explore(&view("baku", &["transport"], &[])));
}

#[test]
fn a_sector_without_facts_selects_nothing() {
    let d = deck();
    assert!(d.shown(&view("", &["water"], &[])).is_empty());
    assert_eq!(d.shown(&view("", &["water", "transport"], &[])), ["pipeline", "railway"]);
}

// ---- counts ----

#[test]
fn counts_without_selection_count_every_fact_per_value() {
    let d = deck();
    let v = ViewState::default();
    assert_eq!(sector_counts(&d, &v), [("energy", 3), ("trade", 3), ("transport", 2), ("water", 0)]);
    assert_eq!(kind_counts(&d, &v), [(Kind::Project, 3), (Kind::Agreement, 1), (Kind::Indicator, 1), (Kind::Event, 1)]);
}

#[test]
fn kind_counts_list_only_kinds_present_in_the_dataset() {
    let d = deck();
    let v = view("zzz", &["water"], &[Kind::Statement]);
    let kinds: Vec<Kind> = kind_counts(&d, &v).into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, [Kind::Project, Kind::Agreement, Kind::Indicator, Kind::Event]);
}

#[test]
fn counts_ignore_own_facet_but_respect_others() {
    let d = deck();
    let v = view("", &["energy"], &[Kind::Project]);
    // Sector counts respect the kind selection (projects only) but not the sector one.
    assert_eq!(sector_counts(&d, &v), [("energy", 2), ("trade", 0), ("transport", 2), ("water", 0)]);
    // Kind counts respect the sector selection (energy only) but not the kind one.
    assert_eq!(kind_counts(&d, &v), [(Kind::Project, 2), (Kind::Agreement, 1), (Kind::Indicator, 0), (Kind::Event, 0)]);
}

#[test]
fn counts_respect_the_search() {
    let d = deck();
    let v = view("baku", &[], &[]);
    assert_eq!(sector_counts(&d, &v), [("energy", 1), ("trade", 1), ("transport", 2), ("water", 0)]);
    assert_eq!(kind_counts(&d, &v), [(Kind::Project, 2), (Kind::Agreement, 0), (Kind::Indicator, 0), (Kind::Event, 1)]);
}

#[test]
fn a_count_is_what_selecting_that_value_alone_would_show() {
    let d = deck();
    for v in all_views() {
        let out = d.explore(&v);
        for &(sector, n) in &out.counts.sectors {
            let only = ViewState { sectors: [d.data.sectors[sector].id.clone()].into(), ..v.clone() };
            assert_eq!(d.shown(&only).len(), n, "sector {} in {v:?}", d.data.sectors[sector].id);
        }
        for &(kind, n) in &out.counts.kinds {
            let only = ViewState { kinds: [kind].into(), ..v.clone() };
            assert_eq!(d.shown(&only).len(), n, "kind {kind:?} in {v:?}");
        }
    }
}

// ---- empty state ----

#[test]
fn search_with_no_hits_offers_clearing_the_query() {
    let d = deck();
    assert_eq!(d.explore(&view("zzz", &[], &[])).relaxations, [Relaxation::ClearQuery { results: 6 }]);
}

#[test]
fn empty_result_offers_each_way_back_most_results_first() {
    let d = deck();
    // "baku" finds two transport projects and a trade event; none is a transport event.
    let v = view("baku", &["transport"], &[Kind::Event]);
    assert!(d.shown(&v).is_empty());
    assert_eq!(
        d.explore(&v).relaxations,
        [Relaxation::RemoveKind { kind: Kind::Event, results: 2 }, Relaxation::RemoveSector { sector: d.sector("transport"), results: 1 },]
    );
    // "tripled" finds the trade indicator; only clearing the query brings transport projects.
    let v = view("tripled", &["transport"], &[Kind::Project]);
    assert_eq!(d.explore(&v).relaxations, [Relaxation::ClearQuery { results: 2 }]);
    // A sector with no facts at all: dropping it is the only way back.
    let v = view("baku", &["water"], &[Kind::Project]);
    assert_eq!(d.explore(&v).relaxations, [Relaxation::RemoveSector { sector: d.sector("water"), results: 2 }]);
}

#[test]
fn nothing_to_offer_when_no_single_change_helps() {
    let d = deck();
    // Both the query and the sector rule everything out; removing either alone is not enough.
    let v = view("zzz", &["water"], &[]);
    assert!(d.shown(&v).is_empty());
    assert!(d.explore(&v).relaxations.is_empty());
}

#[test]
fn relaxations_really_lead_to_that_many_results() {
    let d = deck();
    let mut checked = 0;
    for v in all_views() {
        let out = d.explore(&v);
        if !out.results.is_empty() {
            assert!(out.relaxations.is_empty(), "advice shown next to results for {v:?}");
            continue;
        }
        for r in &out.relaxations {
            assert!(r.results() > 0, "{r:?} offered for {v:?}");
            assert_eq!(d.shown(&apply(&d, &v, r)).len(), r.results(), "{r:?} from {v:?}");
        }
        let counts: Vec<usize> = out.relaxations.iter().map(Relaxation::results).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "not most-results-first for {v:?}: {:?}", out.relaxations);
        checked += out.relaxations.len();
    }
    assert!(checked > 100, "the views should exercise many relaxations, got {checked}");
}

#[test]
fn every_single_change_that_helps_is_offered() {
    let d = deck();
    for v in all_views() {
        let out = d.explore(&v);
        if !out.results.is_empty() {
            continue;
        }
        let mut helpful = Vec::new();
        if !Query::parse(&v.query).is_empty() {
            helpful.push(ViewState { query: String::new(), ..v.clone() });
        }
        for s in v.sectors.iter().filter(|s| d.data.sector_index(s).is_some()) {
            let mut w = v.clone();
            w.sectors.remove(s);
            helpful.push(w);
        }
        for k in &v.kinds {
            let mut w = v.clone();
            w.kinds.remove(k);
            helpful.push(w);
        }
        helpful.retain(|w| !d.shown(w).is_empty());
        let offered: Vec<ViewState> = out.relaxations.iter().map(|r| apply(&d, &v, r)).collect();
        for w in &helpful {
            assert!(offered.contains(w), "from {v:?}, {w:?} has results but is not offered: {:?}", out.relaxations);
        }
        assert_eq!(offered.len(), helpful.len(), "from {v:?}: {:?}", out.relaxations);
    }
}
