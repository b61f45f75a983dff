//! A compiled dataset read over the network (`?data=DIR/`, written by `scripts/compile`):
//! the core's sans-IO [`Compiled`] reader, with the fetches it asks for. It opens with the
//! manifest and the first page's chunks, which show the dataset's first view; the term
//! dictionary and the table, which every other view needs, arrive meanwhile. Views ask the
//! [`crate::ui::deck::Deck`] for what they show; what is not at hand yet is requested here,
//! fetched in the background, checked and inserted, and every change is announced to the
//! explorer (`on_change`) so that it renders again. A file that fails its fetch or its check
//! is remembered with its error: the views that need it say so, instead of answering from
//! part of what they need, until the visitor tries again.

use std::cell::{Cell, Ref, RefCell};
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use factdeck_core::compiled::{Compiled, Error, Manifest, DICTIONARY, MANIFEST, TABLE};
use factdeck_core::model::format_bytes;
use factdeck_core::url_state::is_compiled_path;
use yew::Callback;

use crate::ui::browser;
use crate::ui::paging::PAGE;
use crate::ui::url_sync::initial_view;

/// Postings a page keeps from earlier views (8 bytes each: about 16 MB).
const POSTINGS_BUDGET: usize = 2_000_000;

/// A file's bytes on their way.
type Arriving = Pin<Box<dyn Future<Output = Result<Vec<u8>, Error>>>>;

pub struct Remote {
    /// The directory, as `?data=` names it (relative, with its trailing `/`).
    base: String,
    /// The manifest, outside the cell: the header and facets read it on every render.
    manifest: Manifest,
    compiled: RefCell<Compiled>,
    in_flight: RefCell<HashSet<String>>,
    /// Files requested while opening, before there was a `Remote` to insert them into:
    /// handed to [`Remote::receive`] by [`Remote::start`].
    opening: RefCell<Vec<(String, Arriving)>>,
    failed: RefCell<HashMap<String, Error>>,
    /// Counts the changes (a file inserted, a failure); the explorer renders on each.
    generation: Cell<u32>,
    on_change: RefCell<Option<Callback<u32>>>,
}

impl Remote {
    /// Opens the compiled dataset in directory `base`: its manifest, then the chunks of the
    /// dataset's first page of cards, enough to show its first view (no search, no filter),
    /// which most visits show first. The term dictionary and the per-fact table, which
    /// every other view needs, are requested at the same time and taken in once the
    /// `Remote` has [started](Remote::start). `progress` hears what is being fetched.
    pub async fn open(base: &str, progress: impl Fn(String)) -> Result<Remote, Error> {
        progress("Loading the dataset’s manifest…".into());
        let bytes = browser::fetch_manifest(&format!("{base}{MANIFEST}")).await.map_err(|m| unfetched(MANIFEST, &m))?;
        let manifest = Manifest::decode(&bytes)?;
        progress(format!("Loading the index of {} facts ({})…", manifest.facts, format_bytes(manifest.index_bytes)));
        // All at once: the dictionary, the table, and the first page's chunks (a view that
        // shows other facts asks for theirs).
        let opening: Vec<(String, Arriving)> =
            [DICTIONARY, TABLE].into_iter().map(|name| (name.to_owned(), Box::pin(fetch(base, &manifest, name)) as Arriving)).collect();
        let first: Vec<_> =
            manifest.chunk_names(0..PAGE.min(manifest.facts)).into_iter().map(|name| (fetch(base, &manifest, &name), name)).collect();
        let mut compiled = Compiled::from_manifest(manifest.clone());
        for (bytes, name) in first {
            // A chunk that fails here is asked for again, and reported, by the view that shows it.
            if let Ok(bytes) = bytes.await {
                let _ = compiled.insert(&name, &bytes);
            }
        }
        Ok(Remote {
            base: base.to_owned(),
            manifest,
            compiled: RefCell::new(compiled),
            in_flight: RefCell::new(opening.iter().map(|(name, _)| name.clone()).collect()),
            opening: RefCell::new(opening),
            failed: RefCell::default(),
            generation: Cell::new(0),
            on_change: RefCell::new(None),
        })
    }

    /// Takes in the files requested while opening as they arrive (a `Remote` is shared once
    /// it has opened: call this then).
    pub fn start(self: &Rc<Self>) {
        for (file, arriving) in self.opening.take() {
            self.receive(file, arriving);
        }
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The reader, with what has been fetched so far. Borrowed while rendering only: files
    /// are inserted in tasks of their own.
    pub fn compiled(&self) -> Ref<'_, Compiled> {
        self.compiled.borrow()
    }

    pub fn generation(&self) -> u32 {
        self.generation.get()
    }

    /// `callback` hears the generation after every change.
    pub fn on_change(&self, callback: Callback<u32>) {
        *self.on_change.borrow_mut() = Some(callback);
    }

    /// The first error among `files`, if fetching or checking one of them failed.
    pub fn failure(&self, files: &[String]) -> Option<Error> {
        let failed = self.failed.borrow();
        files.iter().find_map(|f| failed.get(f).cloned())
    }

    /// Fetches `files` (names from the manifest) in the background, those not already on
    /// their way or failed; each is inserted when checked, and the explorer hears of them
    /// once none is on its way any more.
    pub fn request(self: &Rc<Self>, files: Vec<String>) {
        for file in files {
            if self.failed.borrow().contains_key(&file) || !self.in_flight.borrow_mut().insert(file.clone()) {
                continue;
            }
            // Requested now, not when the task first runs: the request leaves before the
            // explorer's render (a page of cards' chunks fetch while it draws).
            let fetched = Box::pin(fetch(&self.base, &self.manifest, &file));
            self.receive(file, fetched);
        }
    }

    /// Inserts `file` once `arriving` is in (it is in flight), or remembers its failure.
    fn receive(self: &Rc<Self>, file: String, arriving: Arriving) {
        let remote = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let index = [DICTIONARY, TABLE].contains(&file.as_str());
            let result = match arriving.await {
                Ok(bytes) => {
                    if index {
                        // Read once the frame being drawn (the first view's) is on screen:
                        // at a million facts the table takes about 200 ms to read.
                        browser::after_next_frame(100).await;
                    }
                    remote.compiled.borrow_mut().insert(&file, &bytes)
                }
                Err(e) => Err(e),
            };
            if result.is_ok() && index && remote.compiled.borrow().index_files().is_empty() {
                // For the benchmarks (benches/browser/scale.mjs): from here on typing answers.
                browser::mark("factdeck:search-ready");
            }
            let idle = {
                let mut in_flight = remote.in_flight.borrow_mut();
                in_flight.remove(&file);
                in_flight.is_empty()
            };
            if let Err(e) = result {
                remote.failed.borrow_mut().insert(file, e);
            }
            // One render for what was asked together (a page of cards' chunks), not one
            // per file: each render re-draws the explorer.
            if idle {
                remote.changed();
            }
        });
    }

    /// Fetches `files` one after another, telling `progress` how many are done, until all
    /// are in, one fails, or `cancelled` is set (then `Ok(false)`).
    pub async fn fetch_all(&self, files: &[String], progress: impl Fn(usize), cancelled: &Cell<bool>) -> Result<bool, Error> {
        for (done, file) in files.iter().enumerate() {
            if cancelled.get() {
                return Ok(false);
            }
            progress(done);
            self.fetch_into(file).await?;
        }
        self.changed();
        Ok(!cancelled.get())
    }

    /// Before a view's files are requested: when the postings fetched so far hold more than
    /// [`POSTINGS_BUDGET`] entries and nothing is on its way, drops them all, so that memory
    /// stays near the budget plus what one view needs (each view fetches again what it
    /// needs, from the browser's cache). Returns whether it did.
    pub fn make_room(&self) -> bool {
        let over = self.in_flight.borrow().is_empty() && self.compiled.borrow().postings_held() > POSTINGS_BUDGET;
        if over {
            self.compiled.borrow_mut().forget_shards();
        }
        over
    }

    /// Forgets the failures, so that the views that need those files fetch them again.
    pub fn retry(&self) {
        self.failed.borrow_mut().clear();
        self.changed();
    }

    async fn fetch_into(&self, file: &str) -> Result<(), Error> {
        let bytes = fetch(&self.base, &self.manifest, file).await?;
        self.compiled.borrow_mut().insert(file, &bytes)
    }

    fn changed(&self) {
        self.generation.set(self.generation.get().wrapping_add(1));
        let callback = self.on_change.borrow().clone();
        if let Some(callback) = callback {
            callback.emit(self.generation.get());
        }
    }
}

/// Fetches one of the dataset's files (the request leaves at once). Its address carries the
/// compile's checksum (`?v=`), so that a cache (the browser's, the service worker's, a
/// CDN's) never hands back a copy from before the dataset was compiled again: static hosts
/// ignore the query.
fn fetch(base: &str, manifest: &Manifest, file: &str) -> impl Future<Output = Result<Vec<u8>, Error>> {
    let started = browser::fetch_bytes(&format!("{base}{file}?v={:08x}", manifest.build));
    let file = file.to_owned();
    async move { started.await.map_err(|m| unfetched(&file, &m)) }
}

fn unfetched(file: &str, why: &str) -> Error {
    Error::new(file, format!("could not be fetched ({why})"))
}

/// A compiled dataset opened as soon as the wasm starts (`open_early`), while the page
/// still adopts its prerendered view, before the explorer asks for it (`open`).
#[derive(Default)]
struct Early {
    result: Option<Result<Remote, Error>>,
    /// The latest progress message, and where later ones go once the explorer listens.
    progress: String,
    forward: Option<Box<dyn Fn(String)>>,
    waker: Option<Waker>,
}

thread_local! {
    static EARLY: RefCell<Option<(String, Rc<RefCell<Early>>)>> = const { RefCell::new(None) };
}

/// Starts opening the compiled dataset the address names (`?data=DIR/`), if it names one, at
/// once: there is no need to wait for the page to adopt its prerendered view (which shows
/// the built-in dataset) before fetching its manifest, dictionary and table.
pub fn open_early_from_address() {
    let path = initial_view().data;
    if let Some(path) = path.as_deref().filter(|p| is_compiled_path(p) && !browser::opened_from_disk()) {
        open_early(path);
    }
}

fn open_early(base: &str) {
    let early = Rc::new(RefCell::new(Early::default()));
    EARLY.with(|e| *e.borrow_mut() = Some((base.to_owned(), early.clone())));
    let base = base.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let told = early.clone();
        let progress = move |what: String| {
            let mut e = told.borrow_mut();
            match &e.forward {
                Some(forward) => forward(what),
                None => e.progress = what,
            }
        };
        let opened = Remote::open(&base, progress).await;
        let waker = {
            let mut e = early.borrow_mut();
            e.result = Some(opened);
            e.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    });
}

/// Opens the compiled dataset in `base`, or takes over its early opening (`open_early`).
pub async fn open(base: &str, progress: impl Fn(String) + 'static) -> Result<Remote, Error> {
    let early = EARLY.with(|e| e.borrow_mut().take()).filter(|(b, _)| b == base);
    match early {
        Some((_, early)) => {
            {
                let mut e = early.borrow_mut();
                if !e.progress.is_empty() {
                    progress(std::mem::take(&mut e.progress));
                }
                e.forward = Some(Box::new(progress));
            }
            Opened(early).await
        }
        None => Remote::open(base, progress).await,
    }
}

/// The result of an early opening, once it is in.
struct Opened(Rc<RefCell<Early>>);

impl Future for Opened {
    type Output = Result<Remote, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut e = self.0.borrow_mut();
        match e.result.take() {
            Some(result) => Poll::Ready(result),
            None => {
                e.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
