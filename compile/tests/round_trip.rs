//! The compile → load round trip over generated datasets: for random datasets and random
//! views (words of the dataset, their prefixes and one-typo variants, two-word queries,
//! sector and kind filters, every sort), a compiled dataset read back shard by shard gives
//! the outcome the in-memory index gives, its chunks hold the facts as loaded (with where
//! each source's facts quote it), and its id buckets find each fact by id.

use factdeck_core::export;
use std::collections::BTreeMap;

use factdeck_core::compiled::{compile_sharded, Compiled, CHUNK_FACTS, SHARD_BYTES};
use factdeck_core::dataset::Dataset;
use factdeck_core::explore::explore;
use factdeck_core::model::Kind;
use factdeck_core::search::Index;
use factdeck_core::source_view::quote_spans;
use factdeck_core::timeline::timeline;
use factdeck_core::url_state::{Sort, ViewState};
use proptest::prelude::*;

/// `dataset` compiled in memory, in shards of about `shard_bytes`.
fn compiled(dataset: &Dataset, index: &Index, shard_bytes: usize) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let write = |name: &str, bytes: &[u8]| -> Result<(), ()> {
        files.insert(name.to_owned(), bytes.to_vec());
        Ok(())
    };
    compile_sharded(dataset, index, shard_bytes, write, |_| {}).unwrap();
    files
}

/// A small deterministic generator, so that one proptest seed gives a whole set of views.
struct Pick(u64);

impl Pick {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n.max(1) as u64) as usize
    }
}

/// A word of some fact's title, summary or quote, as written (diacritics and all).
fn some_word(d: &Dataset, p: &mut Pick) -> String {
    let f = &d.facts[p.next(d.facts.len())];
    let text = [&f.title, &f.summary, &f.quote][p.next(3)];
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.get(p.next(words.len())).map_or("energy", |w| w).to_owned()
}

/// `word` with one edit: a letter replaced, dropped, doubled or swapped with the next.
fn one_typo(word: &str, p: &mut Pick) -> String {
    let mut c: Vec<char> = word.chars().collect();
    let i = p.next(c.len());
    match p.next(4) {
        0 => c[i] = ['a', 'e', 'o', 'x'][p.next(4)],
        1 if c.len() > 1 => drop(c.remove(i)),
        2 => c.insert(i, c[i]),
        _ if i + 1 < c.len() => c.swap(i, i + 1),
        _ => c.push('s'),
    }
    c.into_iter().collect()
}

fn query(d: &Dataset, p: &mut Pick) -> String {
    let word = some_word(d, p);
    let typed = match p.next(7) {
        0 => String::new(),
        1 => word.chars().take(1 + p.next(word.chars().count())).collect(),
        // A first letter after a whole word: the keystroke that starts the second word.
        5 => format!("{word} {}", some_word(d, p).chars().next().unwrap_or('e')),
        2 => one_typo(&word, p),
        3 => format!("{word} {}", some_word(d, p)),
        4 => format!("{} zqxj", one_typo(&word, p)),
        _ => word,
    };
    // With a trailing space the last word is whole; without, it is a prefix being typed.
    if p.next(2) == 0 {
        typed + " "
    } else {
        typed
    }
}

fn view(d: &Dataset, p: &mut Pick) -> ViewState {
    let mut v = ViewState { query: query(d, p), ..ViewState::default() };
    for _ in 0..p.next(3) {
        v.sectors.insert(d.sectors[p.next(d.sectors.len())].id.clone());
    }
    for _ in 0..p.next(3) {
        v.kinds.insert(Kind::ALL[p.next(Kind::ALL.len())]);
    }
    let sorts: Vec<Sort> = Sort::all().collect();
    v.sort = if p.next(2) == 0 { Sort::Relevance } else { sorts[p.next(sorts.len())] };
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_compiled_dataset_answers_every_view_as_the_dataset_in_memory(n in prop_oneof![1usize..6, 6usize..400], seed in any::<u64>(), views in any::<u64>(), shard_bytes in 16usize..4096) {
        let dataset = factdeck_synth::dataset(n, seed);
        let index = Index::build(&dataset);
        // Tiny shards, so that queries cross many shard boundaries.
        let files = compiled(&dataset, &index, shard_bytes);
        let mut c = Compiled::open(&files).unwrap();
        // The first view, from the manifest alone (the page shows it before the index is in).
        let first = ViewState::default();
        let early = Compiled::from_manifest(c.manifest().clone()).try_explore(&first).unwrap();
        let want = explore(&dataset, &index, &first);
        prop_assert_eq!(early.results.top(25), want.results.top(25));
        prop_assert_eq!(early, want);
        let mut p = Pick(views);
        for _ in 0..24 {
            let v = view(&dataset, &mut p);
            let want = explore(&dataset, &index, &v);
            let got = c.explore(&files, &v).unwrap();
            prop_assert_eq!(&got, &want, "{:?}", v);
            prop_assert_eq!(got.results.top(25), want.results.top(25), "{:?}", v);
            // The view's timeline, with no fact fetched for it.
            let results: Vec<usize> = want.results.facts().collect();
            prop_assert_eq!(c.timeline(&files, &results).unwrap(), timeline(&dataset, &results), "{:?}", v);
            if p.next(8) == 0 {
                // As a page over its memory budget would.
                c.forget_shards();
            }
        }
        let some: Vec<usize> = (0..8).map(|_| p.next(n)).collect();
        c.load_facts(&files, &some).unwrap();
        let sources: Vec<usize> = some.iter().map(|&i| dataset.facts[i].source).collect();
        c.load_texts(&files, &sources).unwrap();
        for &i in &some {
            let (fact, source) = c.fact_and_source(i).unwrap();
            prop_assert_eq!(fact, &dataset.facts[i]);
            prop_assert_eq!(source, dataset.source_of(fact));
            prop_assert_eq!(c.quote_spans(fact.source).unwrap(), quote_spans(&dataset, fact.source));
        }
        for &i in &some {
            prop_assert_eq!(c.fact_index(&files, dataset.facts[i].id.as_str()), Ok(Some(i)));
        }
        // An export of those facts (in the order picked, repeats dropped) is the same file.
        let mut picked = Vec::new();
        for i in some {
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        let subset = c.subset(&picked).unwrap();
        let all: Vec<usize> = (0..picked.len()).collect();
        prop_assert_eq!(export::json(&subset, &all), export::json(&dataset, &picked));
        prop_assert_eq!(export::csv(&subset, &all, None), export::csv(&dataset, &picked, None));
    }
}

#[test]
fn a_larger_dataset_in_shards_of_the_real_size_still_agrees() {
    let dataset = factdeck_synth::dataset(3000, 11);
    let index = Index::build(&dataset);
    let files = compiled(&dataset, &index, SHARD_BYTES);
    let mut c = Compiled::open(&files).unwrap();
    assert!(c.manifest().shards.len() > 5, "{} shards", c.manifest().shards.len());
    assert_eq!(c.manifest().chunks, 3000_usize.div_ceil(CHUNK_FACTS));
    assert_eq!(c.manifest().id_buckets, 3);
    for (i, f) in dataset.facts.iter().enumerate().step_by(97) {
        assert_eq!(c.fact_index(&files, f.id.as_str()), Ok(Some(i)));
    }
    assert_eq!(c.fact_index(&files, "no-such-fact"), Ok(None));
    let mut p = Pick(3);
    for _ in 0..200 {
        let v = view(&dataset, &mut p);
        assert_eq!(c.explore(&files, &v).unwrap(), explore(&dataset, &index, &v), "{v:?}");
    }
    let all: Vec<usize> = (0..dataset.facts.len()).collect();
    let whole = c.timeline(&files, &all).unwrap();
    assert!(whole.dated > 1000 && whole.undated > 0, "{} dated facts, {} undated", whole.dated, whole.undated);
    assert_eq!(whole, timeline(&dataset, &all));
}
