//! `probe OUT_DIR [DATASET.json]`: what a compiled dataset costs a reader, natively. Opens
//! it, types a few searches a keystroke at a time, and prints for each keystroke the files
//! it fetched (new ones only: shards are kept), their bytes, and the time to answer,
//! fetching and decoding included; then the same keystrokes again, all cached. With the
//! dataset file it also checks every outcome against the in-memory index and times that.
//! Last, whole words on a fresh reader, and the first page of cards. With `--memory
//! DATASET.json`, the heap that checking and indexing the file take, as the compiler does.
//! A measuring tool for the benchmarks and the issue notes; nothing here ships.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use factdeck_compile::Dir;
use factdeck_core::compiled::Compiled;
use factdeck_core::dataset;
use factdeck_core::explore::explore;
use factdeck_core::search::Index;
use factdeck_core::url_state::{Column, Direction, Sort, ViewState};

/// Searches as typed, one entry per keystroke; a sorted and a filtered view after them.
const TYPED: [&str; 6] = ["energy", "samarqand textile", "Gəncə", "tashknet", "prciosu", "xqzv"];

/// Whole words searched on a reader that has fetched no shard yet.
const ONE_WORD: [&str; 6] = ["energy ", "samarqand ", "textile ", "Gəncə ", "agreement ", "cotton "];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path] = args.as_slice() {
        if flag == "--memory" {
            return memory(path);
        }
    }
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: probe OUT_DIR [DATASET.json] | probe --memory DATASET.json");
        return ExitCode::from(2);
    };
    let reference = args.get(1).map(|path| {
        let json = std::fs::read_to_string(path).expect("dataset file");
        let data = dataset::load(path, &json, |_| None).expect("a valid dataset");
        let index = Index::build(&data);
        (data, index)
    });
    let fetch = Dir(dir);
    let t = Instant::now();
    let mut c = match Compiled::open(&fetch) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("probe: {e}");
            return ExitCode::FAILURE;
        }
    };
    report("open", &c.take_fetched(), t.elapsed().as_secs_f64());
    let mut views: Vec<ViewState> = Vec::new();
    for text in TYPED {
        for (i, _) in text.char_indices().skip(1).chain([(text.len(), ' ')]) {
            views.push(ViewState { query: text[..i].to_owned(), ..ViewState::default() });
        }
    }
    let mut sorted = ViewState { query: "energy ".to_owned(), sort: Sort::By(Column::Date, Direction::Descending), ..ViewState::default() };
    views.push(sorted.clone());
    sorted.sectors.insert("textiles".to_owned());
    views.push(sorted);
    for round in ["cold", "warm"] {
        let mut total = 0.0;
        for v in &views {
            let t = Instant::now();
            let outcome = match c.explore(&fetch, v) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("probe: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let page = outcome.results.top(20);
            let ms = t.elapsed().as_secs_f64();
            total += ms;
            if round == "cold" {
                let label = format!("{:?} sort {:?} sectors {:?}: {} results", v.query, v.sort.slug(), v.sectors, outcome.results.len());
                report(&label, &c.take_fetched(), ms);
                if let Some((data, index)) = &reference {
                    let t = Instant::now();
                    let want = explore(data, index, v);
                    let want_page = want.results.top(20);
                    println!(
                        "    in memory {:.2} ms, same outcome: {}",
                        t.elapsed().as_secs_f64() * 1e3,
                        want == outcome && want_page == page
                    );
                }
            }
        }
        println!("{round}: {} views, {:.1} ms in all, {:.2} ms each", views.len(), total * 1e3, total * 1e3 / views.len() as f64);
    }
    // A typical one-word search, typed whole, by a reader that has only opened the dataset.
    for word in ONE_WORD {
        let mut fresh = Compiled::open(&fetch).expect("opened once already");
        fresh.take_fetched();
        let t = Instant::now();
        let v = ViewState { query: word.to_owned(), ..ViewState::default() };
        let found = fresh.explore(&fetch, &v).map(|o| o.results.len()).unwrap_or_default();
        report(&format!("one word {word:?} on a fresh reader: {found} results"), &fresh.take_fetched(), t.elapsed().as_secs_f64());
    }
    let t = Instant::now();
    let first: Vec<usize> = c.explore(&fetch, &ViewState::default()).map(|o| o.results.top(20)).unwrap_or_default();
    if let Err(e) = c.load_facts(&fetch, &first) {
        eprintln!("probe: {e}");
        return ExitCode::FAILURE;
    }
    report("first page of cards", &c.take_fetched(), t.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}

/// What compiling `path` holds in memory, step by step (`--memory`): the heap after
/// checking the file, after indexing it, and the peak of each step.
fn memory(path: &str) -> ExitCode {
    let t = Instant::now();
    let open = || std::fs::File::open(path);
    let data = match dataset::load_stream(path, open, |_| None, |_, _| {}) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("probe: {} errors, the first: {}", e.len(), e[0]);
            return ExitCode::FAILURE;
        }
    };
    report(&format!("checked {} facts", data.facts.len()), &[], t.elapsed().as_secs_f64());
    let t = Instant::now();
    let index = Index::build(&data);
    report(&format!("indexed {} facts", index.len()), &[], t.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}

fn report(label: &str, fetched: &[(String, u64)], secs: f64) {
    let bytes: u64 = fetched.iter().map(|(_, n)| n).sum();
    let names: Vec<&str> = fetched.iter().map(|(f, _)| f.as_str()).collect();
    let (now, peak) = (HEAP.now.load(Ordering::Relaxed), HEAP.peak.swap(0, Ordering::Relaxed));
    println!(
        "{label}: {:.2} ms, {} files, {bytes} bytes new {names:?}; heap {:.1} MB, peak since the last line {:.1} MB",
        secs * 1e3,
        fetched.len(),
        now as f64 / 1e6,
        peak as f64 / 1e6
    );
}

/// The heap in use and its peak (since the last report): what the reader keeps, as the
/// page's wasm memory would have to hold it.
struct Counting {
    now: AtomicUsize,
    peak: AtomicUsize,
}

#[global_allocator]
static HEAP: Counting = Counting { now: AtomicUsize::new(0), peak: AtomicUsize::new(0) };

// SAFETY: every call is passed on to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = self.now.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        self.peak.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's layout, as given.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.now.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}
