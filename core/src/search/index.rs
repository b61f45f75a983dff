//! The inverted index over one dataset's facts, and matching and scoring against it: every
//! query word must match (AND), each fact's matches scored by BM25 over field-weighted term
//! counts; also the "did you mean" correction for a query that finds nothing.

use rustc_hash::FxHashMap;

use super::query::{str_distance_within, Match, Opening, Query, Word, MAX_FUZZY_CHARS};
use super::ranked::{intersect, Hit, Ranked};
use crate::dataset::Dataset;
use crate::filter::FacetTable;
use crate::sort::SortKeys;
use crate::text::{for_each_token, spelling};

/// Where in a fact a word was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Tags,
    Summary,
    Quote,
    Other,
}

impl Field {
    /// Twice the term-frequency weight of one occurrence. Only the ratios matter.
    fn twice_weight(self) -> u16 {
        match self {
            Field::Title => 16,
            Field::Tags => 8,
            Field::Summary => 4,
            Field::Quote => 2,
            Field::Other => 1,
        }
    }
}

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation, in 0..=1.
const B: f32 = 0.75;
/// Multiplier (≥ 1) for an exact match spelled exactly as the query spells it.
const SPELLING_BONUS: f32 = 1.15;

#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct Posting {
    pub(crate) doc: u32,
    /// Twice the field-weighted term frequency ([`Posting::tf`]), a sum of field weights
    /// and so whole, in 16 bits (saturating past some 4,000 title words): 8 bytes a posting.
    pub(crate) twice_tf: u16,
    /// Some occurrence is spelled exactly as the folded term (no diacritics to fold).
    pub(crate) plain: bool,
}

impl Posting {
    /// Field-weighted term frequency: a sum of [`Field::twice_weight`]s, halved.
    pub(crate) fn tf(self) -> f32 {
        f32::from(self.twice_tf) / 2.0
    }
}

/// The search index over one dataset's facts. With the `transfer` feature it
/// (de)serialises, so that the browser's loader worker can build it off the main thread.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct Index {
    /// Sorted, unique folded terms.
    pub(crate) terms: Vec<Box<str>>,
    /// Each term's postings, in dataset order. A compiled dataset (`crate::compiled`) fills
    /// in only the terms its queries have needed so far.
    pub(crate) postings: Vec<Vec<Posting>>,
    /// Term ids by length in characters (capped at `MAX_FUZZY_CHARS + 3`), for fuzzy scans.
    by_len: Vec<Vec<u32>>,
    /// Spellings that differ from their folded form, sorted, with the facts using them.
    pub(crate) spellings: Vec<(Box<str>, Vec<u32>)>,
    /// The facts holding a word with each opening, as a compiled dataset loads them: sorted
    /// bitsets (fact `d` is bit `d % 64` of word `d / 64`). In memory this stays empty: the
    /// union of the postings gives the same facts.
    pub(crate) openings: Vec<(Opening, Vec<u64>)>,
    /// Each fact's BM25 length normalisation, K1 · (1 − B + B · length / average length),
    /// with lengths weighted by field: computed once here rather than for every posting a
    /// query reads.
    pub(crate) doc_norm: Vec<f32>,
    /// The facts' facet values, packed for counting (built with the index: one per dataset).
    pub(crate) facets: FacetTable,
    /// Every fact's place in each sortable column, so that sorting a keystroke's results
    /// compares integers.
    pub(crate) sort_keys: SortKeys,
}

impl Index {
    pub fn build(dataset: &Dataset) -> Index {
        // Sort keys first: ranking a million titles briefly takes 150 MB, not beside postings.
        let (sort_keys, facets) = (SortKeys::new(dataset), FacetTable::new(dataset));
        let mut map: FxHashMap<String, Vec<Posting>> = FxHashMap::default();
        let mut spell_map: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut doc_len = Vec::with_capacity(dataset.facts.len());
        let mut spelled = String::new();
        for (doc, fact) in dataset.facts.iter().enumerate() {
            let doc = doc as u32;
            let mut len = 0.0f32;
            let mut add = |text: &str, field: Field| {
                for_each_token(text, |span, norm| {
                    len += f32::from(field.twice_weight()) / 2.0;
                    let word = &text[span];
                    // ASCII words are spelled as they fold; only others need a second look.
                    let plain = word.is_ascii() || {
                        spelled.clear();
                        spelled.push_str(&spelling(word));
                        spelled == norm
                    };
                    if !plain {
                        let docs = spell_map.entry(spelled.clone()).or_default();
                        if docs.last() != Some(&doc) {
                            docs.push(doc);
                        }
                    }
                    let posting = Posting { doc, twice_tf: field.twice_weight(), plain };
                    match map.get_mut(norm) {
                        Some(list) => match list.last_mut() {
                            Some(p) if p.doc == doc => {
                                p.twice_tf = p.twice_tf.saturating_add(field.twice_weight());
                                p.plain |= plain;
                            }
                            _ => list.push(posting),
                        },
                        None => {
                            map.insert(norm.to_owned(), vec![posting]);
                        }
                    }
                });
            };
            add(&fact.title, Field::Title);
            for sector in fact.sectors.iter().filter_map(|&s| dataset.sectors.get(s)) {
                add(&sector.label, Field::Tags);
            }
            for p in fact.parties.iter().chain(&fact.countries) {
                add(p, Field::Tags);
            }
            add(fact.kind.label(), Field::Tags);
            add(&fact.summary, Field::Summary);
            add(&fact.quote, Field::Quote);
            if let Some(a) = &fact.attribution {
                add(a, Field::Other);
            }
            if let Some(q) = &fact.quantity {
                add(&q.to_string(), Field::Other);
            }
            if let Some(s) = fact.status {
                add(s.label(), Field::Other);
            }
            doc_len.push(len);
        }
        let mut entries: Vec<_> = map.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // Each list gives back the room it grew into (a quarter, on average).
        let (terms, postings): (Vec<_>, Vec<_>) =
            entries.into_iter().map(|(term, list)| (term.into_boxed_str(), list.into_boxed_slice().into_vec())).unzip();
        let mut spellings: Vec<_> = spell_map.into_iter().map(|(s, d)| (s.into_boxed_str(), d)).collect();
        spellings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let avg_len = if doc_len.is_empty() { 1.0 } else { doc_len.iter().sum::<f32>() / doc_len.len() as f32 };
        let avg_len = avg_len.max(1.0);
        let doc_norm = doc_len.iter().map(|&len| K1 * (1.0 - B + B * len / avg_len)).collect();
        let mut index = Index::assemble(terms, postings, doc_norm, facets, sort_keys);
        index.spellings = spellings;
        index
    }

    /// An index over sorted, unique `terms` with their `postings` (one list per term) and no
    /// spellings yet: the build has them all, a compiled dataset (`crate::compiled`) starts
    /// with empty lists and fills in those its queries need.
    pub(crate) fn assemble(
        terms: Vec<Box<str>>,
        postings: Vec<Vec<Posting>>,
        doc_norm: Vec<f32>,
        facets: FacetTable,
        sort_keys: SortKeys,
    ) -> Index {
        let mut by_len: Vec<Vec<u32>> = vec![Vec::new(); MAX_FUZZY_CHARS + 4];
        for (id, term) in terms.iter().enumerate() {
            by_len[term.chars().count().min(MAX_FUZZY_CHARS + 3)].push(id as u32);
        }
        Index { terms, postings, by_len, spellings: Vec::new(), openings: Vec::new(), doc_norm, facets, sort_keys }
    }

    /// Number of indexed facts.
    pub fn len(&self) -> usize {
        self.doc_norm.len()
    }

    pub fn is_empty(&self) -> bool {
        self.doc_norm.is_empty()
    }

    /// The facts' facet values, packed for counting (`filter::facet_counts`).
    pub fn facets(&self) -> &FacetTable {
        &self.facets
    }

    /// Every fact's sort key in each column (`sort::SortKeys::key`).
    pub fn sort_keys(&self) -> &SortKeys {
        &self.sort_keys
    }

    /// Fact indices matching every word of `query`, best first. An empty query matches
    /// every fact, in dataset order. The same as `self.rank(query).best_first()`.
    pub fn search(&self, query: &Query) -> Vec<usize> {
        self.rank(query).best_first()
    }

    /// The facts matching every word of `query`, with what ranks them (see [`Ranked`]).
    pub fn rank(&self, query: &Query) -> Ranked {
        if query.is_empty() {
            return Ranked::every(self.len());
        }
        // Work in proportion to the matches, not to the dataset: a query that matches
        // little costs little however many facts there are.
        let mut scratch = None;
        let mut acc: Option<Vec<Hit>> = None;
        for i in 0..query.words.len() {
            let hits = self.word_hits(query, i, &mut scratch);
            let both = match acc {
                None => hits,
                Some(prev) => intersect(&prev, &hits),
            };
            if both.is_empty() {
                return Ranked::default();
            }
            acc = Some(both);
        }
        Ranked::new(acc.unwrap_or_default())
    }

    /// Term ids query word `i` may match: exact/prefix candidates, then fuzzy ones.
    fn candidates(&self, query: &Query, i: usize) -> Vec<u32> {
        let w = &query.words[i];
        let prefix = query.prefix_allowed(i);
        let from = self.terms.partition_point(|t| **t < *w.norm);
        let mut out: Vec<u32> = (from..self.terms.len())
            .take_while(|&t| if prefix { self.terms[t].starts_with(w.norm.as_str()) } else { *self.terms[t] == *w.norm })
            .map(|t| t as u32)
            .collect();
        if w.fuzzy {
            let (lo, hi) = w.fuzzy_lengths();
            let hi = if prefix { self.by_len.len() - 1 } else { hi.min(self.by_len.len() - 1) };
            let already = |t: &str| if prefix { t.starts_with(w.norm.as_str()) } else { t == w.norm };
            for bucket in &self.by_len[lo..=hi] {
                out.extend(bucket.iter().copied().filter(|&t| !already(&self.terms[t as usize])));
            }
        }
        out
    }

    /// The facts query word `i` matches, in dataset order, each with the score and typos of
    /// its best match (fewest typos, then highest score). `scratch` holds per-fact slots,
    /// allocated on first use and left clean for the next word.
    fn word_hits(&self, query: &Query, i: usize, scratch: &mut Option<Scratch>) -> Vec<Hit> {
        if let Some(opening) = query.opening(i) {
            // Narrows, does not rank: every such fact scores alike (see `search`).
            let hit = |doc| Hit { doc, typos: 0, score: f32::MIN_POSITIVE };
            return self.opening_docs(opening, query, i).into_iter().map(hit).collect();
        }
        let n = self.len();
        let w = &query.words[i];
        let matched = self.matched(query, i);
        if matched.is_empty() {
            return Vec::new();
        }
        let Scratch { scores, typos, touched } =
            scratch.get_or_insert_with(|| Scratch { scores: vec![0.0; n], typos: vec![u8::MAX; n], touched: Vec::new() });
        let spelled_docs = (w.spelling != w.norm).then(|| self.spelled(&w.spelling));
        for (t, m) in matched {
            let list = &self.postings[t];
            let idf = (1.0 + (n as f32 - list.len() as f32 + 0.5) / (list.len() as f32 + 0.5)).ln();
            for p in list {
                let d = p.doc as usize;
                let norm = self.doc_norm[d];
                let mut s = m.factor() * idf * p.tf() * (K1 + 1.0) / (p.tf() + norm);
                let exact_spelling = match &spelled_docs {
                    None => p.plain,
                    Some(docs) => docs.binary_search(&p.doc).is_ok(),
                };
                if m == Match::Exact && exact_spelling {
                    s *= SPELLING_BONUS;
                }
                if typos[d] == u8::MAX {
                    touched.push(p.doc);
                }
                if (m.typos(), -s) < (typos[d], -scores[d]) {
                    typos[d] = m.typos();
                    scores[d] = s.max(f32::MIN_POSITIVE);
                }
            }
        }
        // Few matches: sort them; many: a pass over every slot is cheaper than a sort.
        if touched.len() * 16 < n {
            touched.sort_unstable();
        } else {
            touched.clear();
            touched.extend((0..n as u32).filter(|&d| typos[d as usize] != u8::MAX));
        }
        let hits = touched
            .iter()
            .map(|&doc| {
                let d = doc as usize;
                let hit = Hit { doc, typos: typos[d], score: scores[d] };
                (typos[d], scores[d]) = (u8::MAX, 0.0);
                hit
            })
            .collect();
        touched.clear();
        hits
    }

    /// The facts holding a word with `opening` (query word `i`, a word of one or two
    /// characters being typed), in dataset order.
    fn opening_docs(&self, opening: Opening, query: &Query, i: usize) -> Vec<u32> {
        if let Ok(at) = self.openings.binary_search_by_key(&opening, |(o, _)| *o) {
            let words = self.openings[at].1.iter().enumerate();
            return words.flat_map(|(w, &bits)| (0..64).filter(move |b| bits >> b & 1 == 1).map(move |b| (w * 64 + b) as u32)).collect();
        }
        let mut docs: Vec<u32> = self.matched(query, i).into_iter().flat_map(|(t, _)| self.postings[t].iter().map(|p| p.doc)).collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    /// The openings of the short words being typed in `query` (at most one).
    pub(crate) fn openings_read(&self, query: &Query) -> Vec<Opening> {
        (0..query.words.len()).filter_map(|i| query.opening(i)).collect()
    }

    /// The indexed terms query word `i` matches, and how.
    fn matched(&self, query: &Query, i: usize) -> Vec<(usize, Match)> {
        self.candidates(query, i).into_iter().filter_map(|t| Some((t as usize, query.match_term(i, &self.terms[t as usize])?))).collect()
    }

    /// The ids of the terms whose postings ranking `query` reads (from the term list alone).
    pub(crate) fn terms_read(&self, query: &Query) -> Vec<usize> {
        (0..query.words.len()).filter(|&i| query.opening(i).is_none()).flat_map(|i| self.matched(query, i)).map(|(t, _)| t).collect()
    }

    fn spelled(&self, spelling: &str) -> &[u32] {
        self.spellings.binary_search_by(|(s, _)| (**s).cmp(spelling)).map_or(&[], |i| &self.spellings[i].1)
    }

    /// A corrected query for one that finds nothing: each word that matches no indexed
    /// word is replaced by the closest indexed word (within 2 edits, most frequent first).
    /// `None` when no correction finds anything.
    pub fn suggest(&self, query: &Query) -> Option<String> {
        let fixed = self.correction(query, |t| self.postings[t].len())?;
        (!self.rank(&Query::parse(&fixed)).is_empty()).then_some(fixed)
    }

    /// [`Index::suggest`]'s correction before it is tried, from the term list alone, with
    /// `freq(term)` the number of facts a term is in (a compiled dataset knows it for terms
    /// whose postings it has not fetched). `None` when no word needs one or some word has
    /// none.
    pub(crate) fn correction(&self, query: &Query, freq: impl Fn(usize) -> usize) -> Option<String> {
        if query.is_empty() {
            return None;
        }
        let mut changed = false;
        let mut words = Vec::with_capacity(query.words.len());
        for (i, w) in query.words.iter().enumerate() {
            if self.candidates(query, i).iter().any(|&t| query.match_term(i, &self.terms[t as usize]).is_some()) {
                words.push(w.norm.clone());
                continue;
            }
            let best = (3..=MAX_FUZZY_CHARS).contains(&w.chars.len()).then(|| self.closest(w, &freq)).flatten()?;
            words.push(best.to_owned());
            changed = true;
        }
        changed.then(|| words.join(" "))
    }

    fn closest(&self, word: &Word, freq: impl Fn(usize) -> usize) -> Option<&str> {
        let lo = word.chars.len().saturating_sub(2);
        let hi = (word.chars.len() + 2).min(self.by_len.len() - 1);
        self.by_len[lo..=hi]
            .iter()
            .flatten()
            .filter(|&&t| !self.terms[t as usize].bytes().any(|b| b.is_ascii_digit()))
            .filter_map(|&t| {
                let d = str_distance_within(word, &self.terms[t as usize], 2)?;
                Some((d, std::cmp::Reverse(freq(t as usize)), t))
            })
            .min()
            .map(|(_, _, t)| &*self.terms[t as usize])
    }
}

/// Per-fact slots reused across the words of one query.
struct Scratch {
    scores: Vec<f32>,
    /// `u8::MAX` where the current word has not matched.
    typos: Vec<u8>,
    /// Facts whose slots are in use.
    touched: Vec<u32>,
}
