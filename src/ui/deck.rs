//! The context every results view reads: a dataset with its search index, either whole in
//! memory (the embedded one, a `.json` file, a visitor's own file) or compiled and fetched
//! as the views need it (`?data=DIR/`, [`Remote`]). It sits below the components that use
//! it, so `app` imports them and none of them imports `app`.
//!
//! Views ask in the same words either way. What a compiled dataset does not hold yet is an
//! [`Answer::Waiting`] (its files are requested, and the explorer renders again when they
//! arrive) or an [`Answer::Failed`] naming the file that could not be had; an in-memory
//! dataset always answers at once.

use std::cell::Ref;
use std::rc::Rc;

use factdeck_core::compiled::{Compiled, Error};
use factdeck_core::dataset::Dataset;
use factdeck_core::explore::{explore, Outcome};
use factdeck_core::facts::Facts;
use factdeck_core::model::{Fact, Sector, Source};
use factdeck_core::search::Index;
use factdeck_core::source_view::{quote_spans, QuoteSpan};
use factdeck_core::timeline::{timeline, Timeline};
use factdeck_core::url_state::ViewState;

use crate::ui::remote::Remote;

/// A dataset with its search index. Compared by identity: one `Deck` is built per load.
pub struct Deck {
    store: Store,
}

enum Store {
    Memory(Box<InMemory>),
    Remote(Rc<Remote>),
}

struct InMemory {
    dataset: Dataset,
    index: Index,
}

/// What a view asked of a deck: the answer, or why there is none yet.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer<T> {
    Ready(T),
    /// Files are on their way; the explorer renders again when they arrive.
    Waiting,
    /// A file it needs could not be fetched, or is not what the compiler wrote.
    Failed(Error),
}

impl Deck {
    pub fn new(dataset: Dataset) -> Deck {
        let index = Index::build(&dataset);
        Deck::with_index(dataset, index)
    }

    pub fn with_index(dataset: Dataset, index: Index) -> Deck {
        Deck { store: Store::Memory(Box::new(InMemory { dataset, index })) }
    }

    pub fn remote(remote: Remote) -> Deck {
        let remote = Rc::new(remote);
        remote.start();
        Deck { store: Store::Remote(remote) }
    }

    /// The dataset, when it is all in memory.
    pub fn dataset(&self) -> Option<&Dataset> {
        match &self.store {
            Store::Memory(m) => Some(&m.dataset),
            Store::Remote(_) => None,
        }
    }

    pub fn remote_store(&self) -> Option<&Rc<Remote>> {
        match &self.store {
            Store::Memory(_) => None,
            Store::Remote(r) => Some(r),
        }
    }

    pub fn title(&self) -> &str {
        match &self.store {
            Store::Memory(m) => &m.dataset.title,
            Store::Remote(r) => &r.manifest().title,
        }
    }

    pub fn description(&self) -> &str {
        match &self.store {
            Store::Memory(m) => &m.dataset.description,
            Store::Remote(r) => &r.manifest().description,
        }
    }

    pub fn sectors(&self) -> &[Sector] {
        match &self.store {
            Store::Memory(m) => &m.dataset.sectors,
            Store::Remote(r) => &r.manifest().sectors,
        }
    }

    pub fn sector_index(&self, id: &str) -> Option<usize> {
        self.sectors().iter().position(|s| s.id == id)
    }

    /// Number of facts, and of sources.
    pub fn size(&self) -> (usize, usize) {
        match &self.store {
            Store::Memory(m) => (m.dataset.facts.len(), m.dataset.sources.len()),
            Store::Remote(r) => (r.manifest().facts, r.manifest().sources),
        }
    }

    /// Changes since the deck was made (files arriving); 0 for a dataset in memory.
    pub fn generation(&self) -> u32 {
        self.remote_store().map_or(0, |r| r.generation())
    }

    /// Whether a compiled dataset's dictionary or table is not in yet: until they are, a
    /// view answered without them (the first) may still turn out unreadable.
    pub fn index_pending(&self) -> bool {
        self.remote_store().is_some_and(|r| !r.compiled().index_files().is_empty())
    }

    /// The facts at hand, to read while rendering.
    pub fn facts(&self) -> FactsRef<'_> {
        match &self.store {
            Store::Memory(m) => FactsRef::Memory(&m.dataset),
            Store::Remote(r) => FactsRef::Compiled(r.compiled()),
        }
    }

    /// The view's outcome.
    pub fn explore(&self, view: &ViewState) -> Answer<Outcome> {
        match &self.store {
            Store::Memory(m) => Answer::Ready(explore(&m.dataset, &m.index, view)),
            Store::Remote(r) => {
                // Every view but the first needs the dictionary and the table: they are on
                // their way whichever view shows, and a failure shows whichever view.
                let index = r.compiled().index_files();
                if !index.is_empty() {
                    if let Some(e) = r.failure(&index) {
                        return Answer::Failed(e);
                    }
                    r.request(index);
                }
                let tried = r.compiled().try_explore(view);
                match tried {
                    Ok(outcome) => Answer::Ready(outcome),
                    // A new view needs files: first make room, then ask again what it needs.
                    Err(_) if r.make_room() => r.compiled().try_explore(view).map_or_else(|files| wait_for(r, files), Answer::Ready),
                    Err(files) => wait_for(r, files),
                }
            }
        }
    }

    /// The index of the fact with id `id`, or `None` when the dataset has no such fact.
    pub fn fact_index(&self, id: &str) -> Answer<Option<usize>> {
        match &self.store {
            Store::Memory(m) => Answer::Ready(m.dataset.fact_index(id)),
            Store::Remote(r) => {
                let tried = r.compiled().try_fact_index(id);
                tried.map_or_else(|file| wait_for(r, vec![file]), Answer::Ready)
            }
        }
    }

    /// The timeline of `results` (fact indices): a compiled dataset orders it from its
    /// timeline file, without the facts; their entries show once [`Deck::facts_at_hand`].
    pub fn timeline(&self, results: &[usize]) -> Answer<Timeline> {
        match &self.store {
            Store::Memory(m) => Answer::Ready(timeline(&m.dataset, results)),
            Store::Remote(r) => {
                let tried = r.compiled().try_timeline(results);
                tried.map_or_else(|file| wait_for(r, vec![file]), Answer::Ready)
            }
        }
    }

    /// Whether facts `facts`, their sources and the facts their charts compare with are all
    /// at hand; when not, what they need is requested.
    pub fn at_hand(&self, facts: &[usize]) -> Answer<()> {
        let Store::Remote(r) = &self.store else { return Answer::Ready(()) };
        let all: Vec<usize> = {
            let c = r.compiled();
            let partners = facts.iter().filter_map(|&i| c.fact_and_source(i)?.0.compare_with);
            facts.iter().copied().chain(partners).collect()
        };
        self.facts_at_hand(&all)
    }

    /// Whether facts `facts` and their sources are at hand (not the facts their charts
    /// compare with: a view that draws no chart); when not, their chunks are requested.
    pub fn facts_at_hand(&self, facts: &[usize]) -> Answer<()> {
        let Store::Remote(r) = &self.store else { return Answer::Ready(()) };
        let need = r.compiled().chunks_for(facts);
        if need.is_empty() {
            Answer::Ready(())
        } else {
            wait_for(r, need)
        }
    }

    /// Whether source `source`'s text and quote spans are at hand (a compiled dataset keeps
    /// them apart from the cards' chunks); when not, its text file is requested.
    pub fn text_at_hand(&self, source: usize) -> Answer<()> {
        let Store::Remote(r) = &self.store else { return Answer::Ready(()) };
        let need = r.compiled().texts_for(&[source]);
        if need.is_empty() {
            Answer::Ready(())
        } else {
            wait_for(r, need)
        }
    }

    /// Where each fact quoting source `source` quotes it, in dataset order (the source
    /// view). A compiled dataset holds them once [`Deck::text_at_hand`] is ready.
    pub fn quote_spans(&self, source: usize) -> Vec<QuoteSpan> {
        match &self.store {
            Store::Memory(m) => quote_spans(&m.dataset, source),
            Store::Remote(r) => r.compiled().quote_spans(source).map(<[QuoteSpan]>::to_vec).unwrap_or_default(),
        }
    }

    /// `f` of facts `facts` as a dataset and their indices in it (an export): the dataset
    /// itself, or those facts on their own once a compiled dataset holds them all.
    pub fn with_facts<R>(&self, facts: &[usize], f: impl FnOnce(&Dataset, &[usize]) -> R) -> Option<R> {
        match &self.store {
            Store::Memory(m) => Some(f(&m.dataset, facts)),
            Store::Remote(r) => {
                let subset = r.compiled().subset(facts)?;
                Some(f(&subset, &(0..facts.len()).collect::<Vec<_>>()))
            }
        }
    }
}

/// [`Answer::Waiting`] for `files`, requested now; or [`Answer::Failed`] if one of them failed.
fn wait_for<T>(remote: &Rc<Remote>, files: Vec<String>) -> Answer<T> {
    if let Some(error) = remote.failure(&files) {
        return Answer::Failed(error);
    }
    remote.request(files);
    Answer::Waiting
}

impl PartialEq for Deck {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The facts at hand in a deck, borrowed for one render.
pub enum FactsRef<'a> {
    Memory(&'a Dataset),
    Compiled(Ref<'a, Compiled>),
}

impl Facts for FactsRef<'_> {
    fn title(&self) -> &str {
        match self {
            FactsRef::Memory(d) => d.title(),
            FactsRef::Compiled(c) => c.title(),
        }
    }

    fn sectors(&self) -> &[Sector] {
        match self {
            FactsRef::Memory(d) => Facts::sectors(*d),
            FactsRef::Compiled(c) => Facts::sectors(&**c),
        }
    }

    fn fact(&self, i: usize) -> Option<&Fact> {
        match self {
            FactsRef::Memory(d) => d.fact(i),
            FactsRef::Compiled(c) => c.fact(i),
        }
    }

    fn source(&self, s: usize) -> Option<&Source> {
        match self {
            FactsRef::Memory(d) => d.source(s),
            FactsRef::Compiled(c) => c.source(s),
        }
    }
}
