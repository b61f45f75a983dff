//! Native benchmarks of the search core on synthetic datasets ([`factdeck_synth`]). They live
//! here rather than in `factdeck-core`, which cannot depend on the generator that depends on it.
//!
//! ```text
//! cargo bench -p factdeck-synth --bench search               # everything, a few minutes
//! cargo bench -p factdeck-synth --bench search -- --quick    # rougher, faster
//! cargo bench -p factdeck-synth --bench search -- query/10k  # one part (a regex filter)
//! ```
//!
//! Groups:
//! - `index_build/{1k,10k,100k}`: [`Index::build`] on a loaded dataset;
//! - `query/{1k,10k,100k}/{exact,prefix,two_words,typo,diacritic_free,no_match}`:
//!   [`Query::parse`] + [`Index::search`] for one search-box text, as on every keystroke;
//! - `explore/{10k,100k}`: one full view ([`explore`]: search, one sector filter, facet
//!   counts).
//! - `explore_sorted/{10k,100k}/{search_newest,all_relevance,all_newest,all_title}`: the
//!   explore view sorted newest first, and every fact (no search, no filter) in relevance
//!   (dataset) order or sorted, each with its first page ranked (`top(20)`), as the card
//!   list asks; `sort_keys/{10k,100k}`: [`SortKeys::new`], part of the index build.
//!
//! Generating and loading each dataset (and building its index, for the query and explore
//! groups) happens once, lazily, outside the timed code; the setup times and each query's
//! hit count are printed to stderr so that figures can be read in context.
//!
//! Run as a test (`cargo test --benches`, no `--bench` flag) every benchmark runs once, on
//! 1k facts only, to keep test runs fast.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use factdeck_core::dataset::{load, Dataset};
use factdeck_core::explore::explore;
use factdeck_core::search::{Index, Query};
use factdeck_core::sort::SortKeys;
use factdeck_core::url_state::{Column, Direction, Sort, ViewState};

const SEED: u64 = 1;

/// Search-box texts, by benchmark name, chosen for the synthetic vocabulary.
const QUERIES: &[(&str, &str)] = &[
    // A whole place name, as indexed (Samarqand).
    ("exact", "samarqand"),
    // The first letters of a place name being typed (Toshkent).
    ("prefix", "toshk"),
    // Two words, both required; a phrase the energy sector uses.
    ("two_words", "green energy"),
    // A letter missing from Samarqand.
    ("typo", "smarqand"),
    // Gəncə typed without its schwas.
    ("diacritic_free", "gence"),
    // Nothing in the vocabulary.
    ("no_match", "zzzzqqq"),
];

/// The full view benchmarked by `explore/*`.
const EXPLORE_QUERY: &str = "samarqand";
const EXPLORE_SECTOR: &str = "energy";

struct Size {
    label: &'static str,
    facts: usize,
    cell: OnceLock<Prepared>,
}

struct Prepared {
    dataset: Dataset,
    index: Index,
}

static SIZES: [Size; 3] = [
    Size { label: "1k", facts: 1_000, cell: OnceLock::new() },
    Size { label: "10k", facts: 10_000, cell: OnceLock::new() },
    Size { label: "100k", facts: 100_000, cell: OnceLock::new() },
];

/// True under `cargo bench`; false when the bench target runs as a test (`cargo test
/// --benches`, or `cargo bench -- --test`), as Criterion decides it.
fn bench_mode() -> bool {
    let has = |flag: &str| std::env::args().any(|a| a == flag);
    has("--bench") && !has("--test")
}

/// The sizes to run: all under `cargo bench`, only the smallest as a test.
fn sizes() -> &'static [Size] {
    if bench_mode() {
        &SIZES
    } else {
        &SIZES[..1]
    }
}

impl Size {
    /// The dataset and its index, made on first use and printed about once.
    fn get(&self) -> &Prepared {
        self.cell.get_or_init(|| {
            let t = Instant::now();
            let json = factdeck_synth::json(self.facts, SEED);
            let generated = t.elapsed();
            let t = Instant::now();
            let dataset = load("synthetic.json", &json, |_| None).unwrap_or_else(|errors| {
                panic!("synthetic dataset rejected: {}", errors[0]);
            });
            let loaded = t.elapsed();
            let t = Instant::now();
            let index = Index::build(&dataset);
            let built = t.elapsed();
            let hits: Vec<String> =
                QUERIES.iter().map(|(name, q)| format!("{name} {:?}: {}", q, index.search(&Query::parse(q)).len())).collect();
            eprintln!(
                "setup {}: {} facts, {} sources, {:.1} MB JSON; generate {:.2?}, load {:.2?}, first index build {:.2?}; hits: {}",
                self.label,
                dataset.facts.len(),
                dataset.sources.len(),
                json.len() as f64 / 1e6,
                generated,
                loaded,
                built,
                hits.join(", ")
            );
            Prepared { dataset, index }
        })
    }

    /// Sampling settings that keep the whole run to a few minutes on two cores.
    fn configure<M: criterion::measurement::Measurement>(&self, group: &mut criterion::BenchmarkGroup<'_, M>) {
        let (samples, secs) = match self.facts {
            0..=1_000 => (30, 2),
            1_001..=10_000 => (20, 3),
            _ => (10, 4),
        };
        group.sample_size(samples).measurement_time(Duration::from_secs(secs)).warm_up_time(Duration::from_millis(500));
    }
}

fn index_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("index_build");
    for size in sizes() {
        size.configure(&mut group);
        group.bench_function(size.label, |b| {
            let dataset = &size.get().dataset;
            b.iter_with_large_drop(|| Index::build(black_box(dataset)));
        });
    }
    group.finish();
}

fn query(c: &mut Criterion) {
    let mut group = c.benchmark_group("query");
    for size in sizes() {
        size.configure(&mut group);
        for &(name, text) in QUERIES {
            group.bench_function(BenchmarkId::new(size.label, name), |b| {
                let index = &size.get().index;
                b.iter(|| index.search(&Query::parse(black_box(text))));
            });
        }
    }
    group.finish();
}

fn explore_view(c: &mut Criterion) {
    let view = ViewState { query: EXPLORE_QUERY.to_owned(), sectors: BTreeSet::from([EXPLORE_SECTOR.to_owned()]), ..ViewState::default() };
    let mut group = c.benchmark_group("explore");
    // Under `cargo bench` the view is measured at 10k and 100k; as a test, at 1k.
    let explored: Vec<&Size> = if bench_mode() { SIZES[1..].iter().collect() } else { vec![&SIZES[0]] };
    for size in explored {
        size.configure(&mut group);
        group.bench_function(size.label, |b| {
            let p = size.get();
            b.iter(|| explore(&p.dataset, &p.index, black_box(&view)));
        });
    }
    group.finish();
}

fn explore_sorted(c: &mut Criterion) {
    let newest = Sort::By(Column::Date, Direction::Descending);
    let views = [
        (
            "search_newest",
            ViewState {
                query: EXPLORE_QUERY.to_owned(),
                sectors: BTreeSet::from([EXPLORE_SECTOR.to_owned()]),
                sort: newest,
                ..ViewState::default()
            },
        ),
        ("all_relevance", ViewState::default()),
        ("all_newest", ViewState { sort: newest, ..ViewState::default() }),
        ("all_title", ViewState { sort: Sort::By(Column::Title, Direction::Ascending), ..ViewState::default() }),
    ];
    let mut group = c.benchmark_group("explore_sorted");
    let explored: Vec<&Size> = if bench_mode() { SIZES[1..].iter().collect() } else { vec![&SIZES[0]] };
    for size in &explored {
        size.configure(&mut group);
        for (name, view) in &views {
            group.bench_function(format!("{}/{name}", size.label), |b| {
                let p = size.get();
                b.iter(|| explore(&p.dataset, &p.index, black_box(view)).results.top(20));
            });
        }
    }
    group.finish();
    let mut group = c.benchmark_group("sort_keys");
    for size in explored {
        size.configure(&mut group);
        group.bench_function(size.label, |b| {
            let p = size.get();
            b.iter(|| SortKeys::new(black_box(&p.dataset)));
        });
    }
    group.finish();
}

criterion_group!(benches, index_build, query, explore_view, explore_sorted);
criterion_main!(benches);
