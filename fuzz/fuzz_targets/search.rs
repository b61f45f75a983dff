//! Any query, over the shipped dataset, searches, highlights and suggests without panicking,
//! and highlighting always covers the text exactly.
#![no_main]

use std::sync::LazyLock;

use factdeck_core::dataset::{load, Dataset};
use factdeck_core::search::{excerpt, highlight, Index, Query};
use libfuzzer_sys::fuzz_target;

static DECK: LazyLock<(Dataset, Index)> = LazyLock::new(|| {
    let json = include_str!("../../data/dataset.json");
    let text = include_str!("../../data/sources/000_6adf5e488d17fff9.txt");
    let dataset = load("data/dataset.json", json, |_| Some(text.to_owned())).expect("shipped dataset is valid");
    let index = Index::build(&dataset);
    (dataset, index)
});

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (dataset, index) = &*DECK;
    let query = Query::parse(&input);
    let hits = index.search(&query);
    if hits.is_empty() {
        let _ = index.suggest(&query);
    }
    for &h in hits.iter().take(5) {
        let fact = &dataset.facts[h];
        let pieces = highlight(&fact.quote, &query);
        assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), fact.quote);
        let (range, _, _) = excerpt(&fact.summary, &query, 40);
        assert!(fact.summary.get(range).is_some());
    }
});
