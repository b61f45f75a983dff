//! factdeck's search core as a small WebAssembly module for the browser benchmarks
//! (`benches/browser/`), so that it can be timed side by side with JavaScript engines on
//! the same data and queries. It runs exactly the code the app runs on every keystroke:
//! [`Query::parse`] + [`Index::search`], built with the workspace's release profile (the
//! app's: `opt-level = "z"`, LTO) and shrunk by `wasm-opt -Oz` like the app.
//!
//! Build (see `scripts/bench`):
//!
//! ```text
//! cargo build -p factdeck-bench-wasm --release --target wasm32-unknown-unknown --offline
//! wasm-bindgen --target web --out-dir target/bench-wasm \
//!     target/wasm32-unknown-unknown/release/factdeck_bench_wasm.wasm
//! ```
//!
//! One dataset is loaded at a time and kept in a thread-local. Under wasm32 a counting
//! global allocator reports the bytes live on the Rust heap, so the index's own size can be
//! told apart from the dataset it indexes and from linear memory that is merely reserved.

use std::cell::RefCell;

use factdeck_core::dataset::{self, Dataset};
use factdeck_core::search::{Index, Query};
use wasm_bindgen::prelude::*;

struct Loaded {
    dataset: Dataset,
    index: Option<Index>,
}

thread_local! {
    static STATE: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Parses, validates and indexes `json` (a dataset whose sources carry inline `text`).
/// Returns the number of facts.
#[wasm_bindgen]
pub fn load(json: &str) -> Result<u32, JsValue> {
    let n = load_dataset(json)?;
    build_index();
    Ok(n)
}

/// Parses and validates `json` only (the dataset is kept, any previous index dropped).
/// Returns the number of facts. Time this and [`build_index`] separately to tell
/// validation from indexing.
#[wasm_bindgen]
pub fn load_dataset(json: &str) -> Result<u32, JsValue> {
    STATE.with(|s| *s.borrow_mut() = None);
    let dataset = dataset::load("bench.json", json, |_| None).map_err(|errors| {
        let shown: Vec<String> = errors.iter().take(5).map(ToString::to_string).collect();
        JsValue::from_str(&format!("{} dataset error(s): {}", errors.len(), shown.join("; ")))
    })?;
    let n = dataset.facts.len() as u32;
    STATE.with(|s| *s.borrow_mut() = Some(Loaded { dataset, index: None }));
    Ok(n)
}

/// Builds the search index of the loaded dataset (replacing any previous one). Returns the
/// bytes the index holds on the Rust heap (0 outside wasm32, where nothing is counted).
#[wasm_bindgen]
pub fn build_index() -> u32 {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let loaded = s.as_mut().expect("load_dataset first");
        loaded.index = None;
        let before = alloc::live();
        let index = Index::build(&loaded.dataset);
        let bytes = alloc::live().saturating_sub(before);
        loaded.index = Some(index);
        bytes as u32
    })
}

/// Fact indices (in dataset order numbering) matching `q`, best first, exactly as the app
/// ranks them. Empty before anything is loaded.
#[wasm_bindgen]
pub fn search(q: &str) -> Vec<u32> {
    STATE.with(|s| {
        let s = s.borrow();
        match s.as_ref().and_then(|l| l.index.as_ref()) {
            Some(index) => index.search(&Query::parse(q)).into_iter().map(|i| i as u32).collect(),
            None => Vec::new(),
        }
    })
}

/// Number of facts matching `q` (the search runs in full; only the copy to JavaScript is
/// saved).
#[wasm_bindgen]
pub fn count(q: &str) -> u32 {
    STATE.with(|s| {
        let s = s.borrow();
        s.as_ref().and_then(|l| l.index.as_ref()).map_or(0, |index| index.search(&Query::parse(q)).len() as u32)
    })
}

/// The id of fact `i` of the loaded dataset (empty when out of range).
#[wasm_bindgen]
pub fn fact_id(i: u32) -> String {
    STATE.with(|s| {
        let s = s.borrow();
        s.as_ref().and_then(|l| l.dataset.facts.get(i as usize)).map_or_else(String::new, |f| f.id.as_str().to_owned())
    })
}

/// Size of the module's linear memory in bytes. It only ever grows: it includes the peak
/// reached while parsing, and memory freed since.
#[wasm_bindgen]
pub fn memory_bytes() -> u32 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 65_536) as u32
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// Bytes live on the Rust heap now (dataset + index + anything else kept).
#[wasm_bindgen]
pub fn heap_live_bytes() -> u32 {
    alloc::live() as u32
}

/// Most bytes ever live on the Rust heap at once since [`reset_heap_peak`].
#[wasm_bindgen]
pub fn heap_peak_bytes() -> u32 {
    alloc::peak() as u32
}

/// Starts a new peak measurement from the bytes live now.
#[wasm_bindgen]
pub fn reset_heap_peak() {
    alloc::reset_peak();
}

/// Drops the loaded dataset and index.
#[wasm_bindgen]
pub fn unload() {
    STATE.with(|s| *s.borrow_mut() = None);
}

/// A counting wrapper around the system allocator, on wasm32 only (natively the functions
/// return 0, so the crate builds and tests anywhere).
mod alloc {
    #[cfg(target_arch = "wasm32")]
    mod imp {
        use std::alloc::{GlobalAlloc, Layout, System};
        use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

        pub static LIVE: AtomicUsize = AtomicUsize::new(0);
        pub static PEAK: AtomicUsize = AtomicUsize::new(0);

        struct Counting;

        fn grew(by: usize) {
            let now = LIVE.fetch_add(by, Relaxed) + by;
            PEAK.fetch_max(now, Relaxed);
        }

        // SAFETY: every call is forwarded unchanged to `System`; only counters are updated.
        unsafe impl GlobalAlloc for Counting {
            unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
                let p = unsafe { System.alloc(layout) };
                if !p.is_null() {
                    grew(layout.size());
                }
                p
            }

            unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
                let p = unsafe { System.alloc_zeroed(layout) };
                if !p.is_null() {
                    grew(layout.size());
                }
                p
            }

            unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
                unsafe { System.dealloc(ptr, layout) };
                LIVE.fetch_sub(layout.size(), Relaxed);
            }

            unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
                let p = unsafe { System.realloc(ptr, layout, new_size) };
                if !p.is_null() {
                    LIVE.fetch_sub(layout.size(), Relaxed);
                    grew(new_size);
                }
                p
            }
        }

        #[global_allocator]
        static GLOBAL: Counting = Counting;
    }

    #[cfg(target_arch = "wasm32")]
    pub fn live() -> usize {
        imp::LIVE.load(std::sync::atomic::Ordering::Relaxed)
    }

    #[cfg(target_arch = "wasm32")]
    pub fn peak() -> usize {
        imp::PEAK.load(std::sync::atomic::Ordering::Relaxed)
    }

    #[cfg(target_arch = "wasm32")]
    pub fn reset_peak() {
        imp::PEAK.store(live(), std::sync::atomic::Ordering::Relaxed);
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn live() -> usize {
        0
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn peak() -> usize {
        0
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn reset_peak() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_searches_and_names_facts_natively() {
        let json = factdeck_synth::json(50, 1);
        assert_eq!(load(&json).ok(), Some(50));
        let hits = search("");
        assert_eq!(hits.len(), 50);
        assert_eq!(count(""), 50);
        assert!(!fact_id(0).is_empty());
        assert_eq!(fact_id(50), "");
        let first = fact_id(hits[0]);
        assert!(first.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{first}");
        unload();
        assert!(search("x").is_empty());
    }

    /// The labelled dataset of the search-quality evaluation is a valid factdeck dataset.
    #[test]
    fn quality_dataset_is_valid() {
        let json = include_str!("../../quality/dataset.json");
        if let Err(errors) = factdeck_core::dataset::load("benches/quality/dataset.json", json, |_| None) {
            let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{}", shown.join("\n"));
        }
    }
}
