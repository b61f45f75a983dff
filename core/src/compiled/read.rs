//! [`Compiled`]: a compiled dataset being read. It starts from the manifest, which is
//! enough to show the dataset's first view (no search, no filter), then takes the term
//! dictionary and the per-fact table, and loads postings shards, sort columns and fact
//! chunks into the same [`Index`] the in-memory path uses, as views and cards need them, so
//! that ranking, counts and suggestions are the same code as [`crate::explore::explore`].

use std::collections::HashMap;

use super::chronology::read_timeline;
use super::files::{id_bucket, read_docs, read_ids, read_opening, read_shard, read_sort, read_terms};
use super::manifest::{file_name, File, Manifest};
use super::records::{read_chunk, read_texts};
use super::Error;
use crate::dataset::Dataset;
use crate::explore::{explore_with, Outcome};
use crate::facts::Facts;
use crate::filter::{FacetTable, Selection};
use crate::model::{Fact, Sector, Source};
use crate::search::{Index, Query, Ranked, Word};
use crate::sort::SortKeys;
use crate::source_view::QuoteSpan;
use crate::timeline::Timeline;
use crate::url_state::{Sort, ViewState};

/// A compiled dataset, with what has been fetched of it so far.
pub struct Compiled {
    manifest: Manifest,
    /// Every term, every fact's facets and length, once the dictionary and the table are
    /// both in (empty until then); postings and sort columns as loaded.
    index: Index,
    /// The dictionary and the table, each decoded when it arrives, until both are in and
    /// make the index.
    dictionary: Option<(Vec<Box<str>>, Vec<u32>)>,
    table: Option<(FacetTable, Vec<f32>)>,
    indexed: bool,
    /// Facts each term is in, from the dictionary (for "did you mean" before any postings).
    freq: Vec<u32>,
    shard_loaded: Vec<bool>,
    opening_loaded: Vec<bool>,
    sort_loaded: [bool; 6],
    /// Each chunk's facts, once loaded.
    chunks: Vec<Option<Vec<Fact>>>,
    /// The sources the loaded chunks quote, by index: without their texts until their text
    /// file is loaded (`texts_loaded`), then in full.
    sources: HashMap<usize, Source>,
    texts_loaded: Vec<bool>,
    /// Where every fact quoting each source quotes it, for the sources whose text is loaded.
    spans: HashMap<usize, Vec<QuoteSpan>>,
    /// Each id bucket's (fact id, fact index) pairs, sorted, once loaded.
    ids: Vec<Option<Vec<(String, usize)>>>,
    /// The whole dataset's timeline, once loaded.
    chronology: Option<Timeline>,
    /// Files fetched through [`Compiled::open`] and the other methods taking a `Fetch`, with their sizes,
    /// since [`Compiled::take_fetched`] was last called.
    pub(super) fetched: Vec<(String, u64)>,
}

impl Compiled {
    /// From a decoded manifest and the bytes of the two files it names first (its
    /// `dictionary` and `docs`), fetched by the caller.
    pub fn new(manifest: Manifest, dictionary: &[u8], docs: &[u8]) -> Result<Compiled, Error> {
        let mut compiled = Compiled::from_manifest(manifest);
        compiled.insert(&file_name(File::Terms), dictionary)?;
        compiled.insert(&file_name(File::Docs), docs)?;
        Ok(compiled)
    }

    /// From a decoded manifest alone: it answers the dataset's first view (no search, no
    /// filter, in the dataset's order) at once; other views ask for the dictionary and the
    /// table first ([`Compiled::index_files`]), which [`Compiled::insert`] takes.
    pub fn from_manifest(manifest: Manifest) -> Compiled {
        Compiled {
            index: Index::assemble(Vec::new(), Vec::new(), Vec::new(), FacetTable::default(), SortKeys::default()),
            dictionary: None,
            table: None,
            indexed: false,
            freq: Vec::new(),
            shard_loaded: vec![false; manifest.shards.len()],
            opening_loaded: vec![false; manifest.openings.len()],
            sort_loaded: [false; 6],
            chunks: (0..manifest.chunks).map(|_| None).collect(),
            sources: HashMap::new(),
            texts_loaded: vec![false; manifest.text_files()],
            spans: HashMap::new(),
            ids: (0..manifest.id_buckets).map(|_| None).collect(),
            chronology: None,
            fetched: Vec::new(),
            manifest,
        }
    }

    /// The dictionary and the table, those not in yet: every view but the first needs them.
    pub fn index_files(&self) -> Vec<String> {
        let missing = [(self.indexed || self.dictionary.is_some(), File::Terms), (self.indexed || self.table.is_some(), File::Docs)];
        missing.into_iter().filter(|(held, _)| !held).map(|(_, f)| file_name(f)).collect()
    }

    /// The dataset's first view, which needs no file but the manifest: every fact, in the
    /// dataset's order, with every fact's facets counted. `None` for any other view.
    fn first_view(&self, view: &ViewState, query: &Query) -> Option<Outcome> {
        let plain = query.is_empty() && view.sort == Sort::Relevance && Selection::resolve_in(view, &self.manifest.sectors).is_empty();
        plain.then(|| Outcome {
            query: query.clone(),
            results: Ranked::every(self.manifest.facts),
            counts: self.manifest.totals.clone(),
            ..Outcome::default()
        })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Number of facts.
    pub fn len(&self) -> usize {
        self.manifest.facts
    }

    pub fn is_empty(&self) -> bool {
        self.manifest.facts == 0
    }

    /// The view's outcome, equal to [`crate::explore::explore`]'s over the whole dataset,
    /// or the names of the files still needed to answer it (fetch them, [`insert`] them,
    /// and ask again: a query that finds nothing may then need the shards of its "did you
    /// mean" correction).
    ///
    /// [`insert`]: Compiled::insert
    pub fn try_explore(&self, view: &ViewState) -> Result<Outcome, Vec<String>> {
        let query = Query::parse(&view.query);
        if !self.indexed {
            return self.first_view(view, &query).ok_or_else(|| self.index_files());
        }
        let mut need = self.shards_for(&query);
        if let Sort::By(c, _) = view.sort {
            if !self.sort_loaded[c as usize] {
                need.push(file_name(File::Sort(c)));
            }
        }
        if !need.is_empty() {
            return Err(need);
        }
        // "Did you mean" tries its correction, which may need shards of its own.
        let mut later = Vec::new();
        let outcome = explore_with(&self.manifest.sectors, &self.index, view, |query| {
            let fixed = self.index.correction(query, |t| self.freq[t] as usize)?;
            let fixed_query = Query::parse(&fixed);
            later = self.shards_for(&fixed_query);
            (later.is_empty() && !self.index.rank(&fixed_query).is_empty()).then_some(fixed)
        });
        if later.is_empty() {
            Ok(outcome)
        } else {
            Err(later)
        }
    }

    /// The names of the shards that ranking `query` reads and that are not loaded yet: those
    /// holding the terms its words match, and, for a word typed with diacritics, the one
    /// holding the facts that spell it so.
    fn shards_for(&self, query: &Query) -> Vec<String> {
        let shards = &self.manifest.shards;
        let of_term = |t: usize| shards.partition_point(|&first| first as usize <= t).saturating_sub(1);
        let of_key = |key: &str| shards.partition_point(|&first| *self.index.terms[first as usize] <= *key).saturating_sub(1);
        let mut ids: Vec<usize> = self.index.terms_read(query).into_iter().map(of_term).collect();
        // An opening narrows without ranking: its spelling earns nothing.
        let ranked = |&(i, w): &(usize, &Word)| w.spelling != w.norm && query.opening(i).is_none();
        ids.extend(query.words.iter().enumerate().filter(ranked).filter(|_| !shards.is_empty()).map(|(_, w)| of_key(&w.spelling)));
        ids.sort_unstable();
        ids.dedup();
        let mut need: Vec<String> = ids.into_iter().filter(|&i| !self.shard_loaded[i]).map(|i| file_name(File::Shard(i))).collect();
        // A short word being typed reads its opening's file (no file: no word starts so).
        let openings = &self.manifest.openings;
        for opening in self.index.openings_read(query) {
            if let Ok(at) = openings.binary_search(&opening) {
                if !self.opening_loaded[at] {
                    need.push(file_name(File::Opening(opening)));
                }
            }
        }
        need
    }

    /// Adds one of the dataset's files (a shard, an opening, a sort column, a chunk or an id
    /// bucket), checked by [`Manifest::check`]. A file that fails the check changes nothing.
    pub fn insert(&mut self, file: &str, bytes: &[u8]) -> Result<(), Error> {
        let m = &self.manifest;
        let slot = m.file(file).ok_or_else(|| Error::new(file, "not a file of this compiled dataset"))?;
        let body = m.check(file, bytes)?;
        let fail = |msg: String| Error::new(file, msg);
        let needs_index = matches!(slot, File::Sort(_) | File::Shard(_) | File::Opening(_));
        if needs_index && !self.indexed {
            return Err(fail(format!("read before {} and {}", file_name(File::Terms), file_name(File::Docs))));
        }
        match slot {
            File::Terms if !self.indexed => {
                self.dictionary = Some(read_terms(body, m.terms).map_err(fail)?);
                self.assemble();
            }
            File::Docs if !self.indexed => {
                let (facets, doc_norm) = read_docs(body, m.facts, m.sectors.len()).map_err(fail)?;
                if facets.totals() != &m.totals {
                    return Err(fail("its facet counts differ from the manifest's".to_owned()));
                }
                self.table = Some((facets, doc_norm));
                self.assemble();
            }
            File::Terms | File::Docs => {}
            File::Sort(c) => {
                let ranks = read_sort(body, m.facts).map_err(fail)?;
                self.index.sort_keys.set_column(c, ranks);
                self.sort_loaded[c as usize] = true;
            }
            File::Shard(i) => {
                let first = m.shards[i];
                let end = m.shards.get(i + 1).map_or(m.terms, |&next| next as usize);
                let shard = read_shard(body, m.facts).map_err(fail)?;
                let terms = first as usize..end;
                let counts_agree = shard.postings.iter().zip(&self.freq[terms.clone()]).all(|(p, &n)| p.len() == n as usize);
                if shard.first != first || shard.postings.len() != terms.len() || !counts_agree {
                    return Err(fail("its terms differ from the dictionary's".to_owned()));
                }
                for (t, list) in terms.zip(shard.postings) {
                    self.index.postings[t] = list;
                }
                self.index.spellings.extend(shard.spellings);
                self.index.spellings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                self.shard_loaded[i] = true;
            }
            File::Opening(opening) => {
                let i = m.openings.binary_search(&opening).unwrap_or_default();
                let docs = read_opening(body, m.facts).map_err(fail)?;
                let at = self.index.openings.partition_point(|&(o, _)| o < opening);
                if !self.opening_loaded[i] {
                    self.index.openings.insert(at, (opening, docs));
                }
                self.opening_loaded[i] = true;
            }
            File::Chunk(c) => {
                let chunk = read_chunk(body, m.sectors.len(), m.sources, m.facts).map_err(fail)?;
                let first = c * m.chunk_facts;
                if chunk.first != first || chunk.facts.len() != m.chunk_facts.min(m.facts - first) {
                    return Err(fail("it holds other facts than the manifest says".to_owned()));
                }
                for (i, source) in chunk.sources {
                    self.sources.entry(i).or_insert(source);
                }
                self.chunks[c] = Some(chunk.facts);
            }
            File::Texts(g) => {
                let (first, list) = read_texts(body, m.facts).map_err(fail)?;
                if first != g * m.source_group || list.len() != m.source_group.min(m.sources - first) {
                    return Err(fail("it holds other sources than the manifest says".to_owned()));
                }
                for (i, (source, spans)) in (first..).zip(list) {
                    self.sources.insert(i, source);
                    self.spans.insert(i, spans);
                }
                self.texts_loaded[g] = true;
            }
            File::Ids(b) => {
                self.ids[b] = Some(read_ids(body, b, m.id_buckets, m.facts).map_err(fail)?);
            }
            File::Timeline => self.chronology = Some(read_timeline(body, m.facts).map_err(fail)?),
        }
        Ok(())
    }

    /// The index, once the dictionary and the table are both in.
    fn assemble(&mut self) {
        match (self.dictionary.take(), self.table.take()) {
            (Some((terms, freq)), Some((facets, doc_norm))) => {
                let postings = vec![Vec::new(); terms.len()];
                self.index = Index::assemble(terms, postings, doc_norm, facets, SortKeys::default());
                self.freq = freq;
                self.indexed = true;
            }
            // One is still to come: keep the other for it.
            (dictionary, table) => (self.dictionary, self.table) = (dictionary, table),
        }
    }

    /// Postings held in memory: what fetched shards cost, for a caller keeping to a budget.
    pub fn postings_held(&self) -> usize {
        self.index.postings.iter().map(Vec::len).sum()
    }

    /// Drops every loaded postings shard (the dictionary, the table, sort columns, chunks and
    /// id buckets stay): the next views fetch again what they need, and answer the same.
    pub fn forget_shards(&mut self) {
        for list in &mut self.index.postings {
            *list = Vec::new();
        }
        self.index.spellings = Vec::new();
        self.shard_loaded.fill(false);
    }

    /// The chunks holding `facts` (fact indices) that are not loaded yet.
    pub fn chunks_for(&self, facts: &[usize]) -> Vec<String> {
        let mut ids: Vec<usize> = facts.iter().map(|&f| f / self.manifest.chunk_facts).filter(|&c| c < self.chunks.len()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().filter(|&c| self.chunks[c].is_none()).map(|c| file_name(File::Chunk(c))).collect()
    }

    /// Fact `i` and its source, if its chunk is loaded. The source's text is empty until
    /// its text file is loaded ([`Compiled::texts_for`]).
    pub fn fact_and_source(&self, i: usize) -> Option<(&Fact, &Source)> {
        let fact = self.chunks.get(i / self.manifest.chunk_facts)?.as_ref()?.get(i % self.manifest.chunk_facts)?;
        Some((fact, self.sources.get(&fact.source)?))
    }

    /// The text files holding sources `sources` (indices) that are not loaded yet.
    pub fn texts_for(&self, sources: &[usize]) -> Vec<String> {
        let group = self.manifest.source_group;
        let mut ids: Vec<usize> = sources.iter().map(|&s| s / group).filter(|&g| g < self.texts_loaded.len()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().filter(|&g| !self.texts_loaded[g]).map(|g| file_name(File::Texts(g))).collect()
    }

    /// Where each fact quoting source `source` quotes it in the source's text, in dataset
    /// order (what [`crate::source_view::quote_spans`] gives), once its text file is loaded.
    pub fn quote_spans(&self, source: usize) -> Option<&[QuoteSpan]> {
        self.spans.get(&source).map(Vec::as_slice)
    }

    /// The timeline of `results` (no repeats), with no fact at hand (their chunks show its
    /// entries), as [`crate::timeline::timeline`] gives it; or the file to fetch first.
    pub fn try_timeline(&self, results: &[usize]) -> Result<Timeline, String> {
        self.chronology.as_ref().map(|all| all.within(results, self.manifest.facts)).ok_or_else(|| file_name(File::Timeline))
    }

    /// The index of the fact with id `id` (`None` if there is none), or the name of the id
    /// bucket to fetch first.
    pub fn try_fact_index(&self, id: &str) -> Result<Option<usize>, String> {
        let b = id_bucket(id, self.ids.len());
        match self.ids.get(b) {
            None => Ok(None),
            Some(None) => Err(file_name(File::Ids(b))),
            Some(Some(list)) => Ok(list.binary_search_by(|(i, _)| i.as_str().cmp(id)).ok().map(|at| list[at].1)),
        }
    }

    /// Facts `facts` (indices, in that order) as a dataset of their own, with the sources
    /// they quote, for export: its fact `k` is `facts[k]`, and a `compare_with` link stays
    /// only when both facts are in it. `None` until every one of their chunks, and the text
    /// file of every source they quote, is loaded.
    pub fn subset(&self, facts: &[usize]) -> Option<Dataset> {
        let local: HashMap<usize, usize> = facts.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let found: Vec<(&Fact, &Source)> = facts.iter().map(|&i| self.fact_and_source(i)).collect::<Option<_>>()?;
        if found.iter().any(|(f, _)| !self.spans.contains_key(&f.source)) {
            return None;
        }
        // The sources in the dataset's order, as `export::json` writes a dataset's.
        let by_index: HashMap<usize, &Source> = found.iter().map(|(f, s)| (f.source, *s)).collect();
        let mut quoted: Vec<usize> = by_index.keys().copied().collect();
        quoted.sort_unstable();
        let sources = quoted.iter().map(|s| by_index[s].clone()).collect();
        let out = found
            .iter()
            .map(|(fact, _)| {
                let mut fact = (*fact).clone();
                fact.source = quoted.binary_search(&fact.source).unwrap_or_default();
                fact.compare_with = fact.compare_with.and_then(|c| local.get(&c).copied());
                fact
            })
            .collect();
        let m = &self.manifest;
        Some(Dataset { title: m.title.clone(), description: m.description.clone(), sectors: m.sectors.clone(), sources, facts: out })
    }
}

impl Facts for Compiled {
    fn title(&self) -> &str {
        &self.manifest.title
    }

    fn sectors(&self) -> &[Sector] {
        &self.manifest.sectors
    }

    fn fact(&self, i: usize) -> Option<&Fact> {
        self.fact_and_source(i).map(|(f, _)| f)
    }

    fn source(&self, s: usize) -> Option<&Source> {
        self.sources.get(&s)
    }
}
