//! Full-text search over facts: an inverted index with BM25 ranking over weighted fields,
//! typo tolerance, prefix matching on the word being typed, "did you mean" suggestions,
//! and highlight spans for display.
//!
//! A fact matches when every query word matches one of its words, either
//! - exactly (after folding, see [`crate::text`]),
//! - as a prefix, for the last word while it is being typed, or
//! - within an edit distance of 1 for words of 4–7 characters and 2 for 8 or more,
//!   counting the longer of the query word and the indexed word (so `Prciosu`, `Precious`
//!   with a letter dropped, still gets 2), while query words under 4 characters get none
//!   (transpositions count as one edit; words with digits never match fuzzily, so `255`
//!   does not find `256`).
//!
//! Ranking, in order: fewer typos first; then the BM25 score, in which a match counts by
//! field (title > sectors/parties > summary > quote > the rest) and by kind (exact >
//! prefix > fuzzy), and an exact spelling (`Gəncə` for `Gəncə`) beats a folded one; then
//! dataset order, so results are stable.

use std::cmp::Ordering;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::dataset::Dataset;
use crate::filter::FacetTable;
use crate::sort::SortKeys;
use crate::text::{ends_inside_word, for_each_token, spelling, tokenize};

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
    /// Term-frequency weight of one occurrence. Only the ratios matter.
    fn weight(self) -> f32 {
        match self {
            Field::Title => 8.0,
            Field::Tags => 4.0,
            Field::Summary => 2.0,
            Field::Quote => 1.0,
            Field::Other => 0.5,
        }
    }
}

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation, in 0..=1.
const B: f32 = 0.75;
/// Score multipliers by match kind, each in 0..=1.
const PREFIX_FACTOR: f32 = 0.75;
const FUZZY_FACTOR: [f32; 3] = [1.0, 0.45, 0.3];
/// Multiplier (≥ 1) for an exact match spelled exactly as the query spells it.
const SPELLING_BONUS: f32 = 1.15;
/// Longest query the engine looks at, in words; further words are ignored.
pub const MAX_QUERY_WORDS: usize = 16;
/// Words longer than this (in characters) are matched exactly or by prefix only.
const MAX_FUZZY_CHARS: usize = 40;

/// Edits allowed between two words, the longer of which has `len` characters. Query words
/// under 4 characters get none whatever they are compared with (see [`Word`]).
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// One query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Folded form, as indexed.
    pub norm: String,
    /// As typed, lowercased (see [`spelling`]).
    pub spelling: String,
    chars: Vec<char>,
    /// May match with typos: false for words under 4 characters, words with digits and
    /// words over `MAX_FUZZY_CHARS`. How many typos depends on the word it meets too.
    fuzzy: bool,
}

impl Word {
    /// Shortest and longest indexed word (in characters) within this word's typo budget.
    fn fuzzy_lengths(&self) -> (usize, usize) {
        let len = self.chars.len();
        // Shorter words: the query word is the longer one. Longer words: the longer word
        // sets the budget, so a 6-letter word already reaches 8-letter words with 2 edits.
        (len - max_edits(len), len + max_edits(len + 2))
    }
}

/// A parsed query: folded words, the last of which may be a prefix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub words: Vec<Word>,
    /// True when the query does not end in a separator, so its last word is still
    /// being typed and matches as a prefix.
    pub last_is_prefix: bool,
}

/// How a query word met an indexed word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Exact,
    Prefix,
    /// With this many edits (1 or 2).
    Fuzzy(u8),
}

impl Match {
    fn factor(self) -> f32 {
        match self {
            Match::Exact => 1.0,
            Match::Prefix => PREFIX_FACTOR,
            Match::Fuzzy(d) => FUZZY_FACTOR[usize::from(d)],
        }
    }

    fn typos(self) -> u8 {
        match self {
            Match::Fuzzy(d) => d,
            _ => 0,
        }
    }
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let words = tokenize(input)
            .into_iter()
            .take(MAX_QUERY_WORDS)
            .map(|t| {
                let chars: Vec<char> = t.norm.chars().collect();
                let has_digit = chars.iter().any(char::is_ascii_digit);
                let fuzzy = !has_digit && (4..=MAX_FUZZY_CHARS).contains(&chars.len());
                Word { spelling: spelling(&input[t.span]), norm: t.norm, chars, fuzzy }
            })
            .collect();
        Query { words, last_is_prefix: ends_inside_word(input) }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn prefix_allowed(&self, i: usize) -> bool {
        self.last_is_prefix && i + 1 == self.words.len()
    }

    /// How query word `i` meets the indexed (folded) word `term`, if it does.
    fn match_term(&self, i: usize, term: &str) -> Option<Match> {
        let w = &self.words[i];
        let prefix = self.prefix_allowed(i);
        if term == w.norm {
            return Some(Match::Exact);
        }
        if prefix && term.starts_with(w.norm.as_str()) {
            return Some(Match::Prefix);
        }
        if !w.fuzzy || term.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        str_typo_distance(w, term, prefix).map(Match::Fuzzy)
    }

    /// True when some query word matches `term` (a folded word); used for highlighting.
    pub fn matches_term(&self, term: &str) -> bool {
        (0..self.words.len()).any(|i| self.match_term(i, term).is_some())
    }
}

/// Longest word (in characters) the edit-distance table holds.
const W: usize = MAX_FUZZY_CHARS + 4;

/// Optimal-string-alignment distances between `a` and every prefix of `b`: on return,
/// `row[j]` is the distance between `a` and `b[..j]` (at most `W`, so a byte holds it). `false` (row undefined) as soon as
/// every distance exceeds `k`, or when a word is too long for the table.
fn osa_row<T: PartialEq + Copy>(a: &[T], b: &[T], k: usize, row: &mut [u8; W]) -> bool {
    if b.len() >= W || a.len() >= W {
        return false;
    }
    let n = b.len();
    // Three rows of the table (two back, previous, current), small enough to copy.
    let (mut prev2, mut prev, mut cur) = ([0u8; W], [0u8; W], [0u8; W]);
    for (j, p) in prev.iter_mut().enumerate().take(n + 1) {
        *p = j as u8;
    }
    for i in 1..=a.len() {
        cur[0] = i as u8;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if usize::from(row_min) > k {
            return false;
        }
        prev2 = prev;
        prev = cur;
    }
    *row = prev;
    true
}

/// Optimal-string-alignment distance between `a` and `b`, if it is at most `k`
/// (transpositions count as one edit).
fn distance_within<T: PartialEq + Copy>(a: &[T], b: &[T], k: usize) -> Option<u8> {
    let mut row = [0u8; W];
    if a.len().abs_diff(b.len()) > k || !osa_row(a, b, k, &mut row) {
        return None;
    }
    (usize::from(row[b.len()]) <= k).then_some(row[b.len()])
}

/// Typos between a query word `a` and an indexed word `b` (with `prefix`, the closest
/// prefix of `b`), if within the budget that the longer of the two sets ([`max_edits`]).
/// The caller has checked that `a` may match fuzzily at all.
fn typo_distance<T: PartialEq + Copy>(a: &[T], b: &[T], prefix: bool) -> Option<u8> {
    if !prefix {
        return distance_within(a, b, max_edits(a.len().max(b.len())));
    }
    // Each prefix of `b` is a candidate word of its own length.
    let b = &b[..b.len().min(a.len() + 2)];
    let mut row = [0u8; W];
    if !osa_row(a, b, max_edits(a.len().max(b.len())), &mut row) {
        return None;
    }
    (0..=b.len()).filter(|&j| usize::from(row[j]) <= max_edits(a.len().max(j))).map(|j| row[j]).min()
}

/// On bytes when both words are ASCII (most folded words), else on characters.
fn str_typo_distance(word: &Word, term: &str, prefix: bool) -> Option<u8> {
    if word.norm.is_ascii() && term.is_ascii() {
        typo_distance(word.norm.as_bytes(), term.as_bytes(), prefix)
    } else {
        let term: Vec<char> = term.chars().collect();
        typo_distance(&word.chars, &term, prefix)
    }
}

/// [`distance_within`] on strings.
fn str_distance_within(word: &Word, term: &str, k: usize) -> Option<u8> {
    if word.norm.is_ascii() && term.is_ascii() {
        distance_within(word.norm.as_bytes(), term.as_bytes(), k)
    } else {
        let term: Vec<char> = term.chars().collect();
        distance_within(&word.chars, &term, k)
    }
}

#[derive(Debug, Clone, Copy)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
struct Posting {
    doc: u32,
    /// Field-weighted term frequency.
    tf: f32,
    /// Some occurrence is spelled exactly as the folded term (no diacritics to fold).
    plain: bool,
}

/// The search index over one dataset's facts. With the `transfer` feature it
/// (de)serialises, so that the browser's loader worker can build it off the main thread.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct Index {
    /// Sorted, unique folded terms.
    terms: Vec<Box<str>>,
    postings: Vec<Vec<Posting>>,
    /// Term ids by length in characters (capped at `MAX_FUZZY_CHARS + 3`), for fuzzy scans.
    by_len: Vec<Vec<u32>>,
    /// Spellings that differ from their folded form, sorted, with the facts using them.
    spellings: Vec<(Box<str>, Vec<u32>)>,
    /// Each fact's BM25 length normalisation, K1 · (1 − B + B · length / average length),
    /// with lengths weighted by field: computed once here rather than for every posting a
    /// query reads.
    doc_norm: Vec<f32>,
    /// The facts' facet values, packed for counting (built with the index: one per dataset).
    facets: FacetTable,
    /// Every fact's place in each sortable column, so that sorting a keystroke's results
    /// compares integers.
    sort_keys: SortKeys,
}

impl Index {
    pub fn build(dataset: &Dataset) -> Index {
        let mut map: FxHashMap<String, Vec<Posting>> = FxHashMap::default();
        let mut spell_map: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut doc_len = Vec::with_capacity(dataset.facts.len());
        let mut spelled = String::new();
        for (doc, fact) in dataset.facts.iter().enumerate() {
            let doc = doc as u32;
            let mut len = 0.0f32;
            let mut add = |text: &str, field: Field| {
                for_each_token(text, |span, norm| {
                    len += field.weight();
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
                    let posting = Posting { doc, tf: field.weight(), plain };
                    match map.get_mut(norm) {
                        Some(list) => match list.last_mut() {
                            Some(p) if p.doc == doc => {
                                p.tf += field.weight();
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
            for &s in &fact.sectors {
                add(&dataset.sectors[s].label, Field::Tags);
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
        let mut terms = Vec::with_capacity(entries.len());
        let mut postings = Vec::with_capacity(entries.len());
        let mut by_len: Vec<Vec<u32>> = vec![Vec::new(); MAX_FUZZY_CHARS + 4];
        for (id, (term, list)) in entries.into_iter().enumerate() {
            let chars = term.chars().count().min(MAX_FUZZY_CHARS + 3);
            by_len[chars].push(id as u32);
            terms.push(term.into_boxed_str());
            postings.push(list);
        }
        let mut spellings: Vec<_> = spell_map.into_iter().map(|(s, d)| (s.into_boxed_str(), d)).collect();
        spellings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let avg_len = if doc_len.is_empty() { 1.0 } else { doc_len.iter().sum::<f32>() / doc_len.len() as f32 };
        let avg_len = avg_len.max(1.0);
        let doc_norm = doc_len.iter().map(|&len| K1 * (1.0 - B + B * len / avg_len)).collect();
        Index { terms, postings, by_len, spellings, doc_norm, facets: FacetTable::new(dataset), sort_keys: SortKeys::new(dataset) }
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
            return Ranked::new((0..self.len() as u32).map(|doc| Hit { doc, typos: 0, score: 0.0, key: 0 }).collect());
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
        let n = self.len();
        let w = &query.words[i];
        let matched: Vec<(usize, Match)> = self
            .candidates(query, i)
            .into_iter()
            .filter_map(|t| Some((t as usize, query.match_term(i, &self.terms[t as usize])?)))
            .collect();
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
                let mut s = m.factor() * idf * p.tf * (K1 + 1.0) / (p.tf + norm);
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
                let hit = Hit { doc, typos: typos[d], score: scores[d], key: 0 };
                (typos[d], scores[d]) = (u8::MAX, 0.0);
                hit
            })
            .collect();
        touched.clear();
        hits
    }

    fn spelled(&self, spelling: &str) -> &[u32] {
        self.spellings.binary_search_by(|(s, _)| (**s).cmp(spelling)).map_or(&[], |i| &self.spellings[i].1)
    }

    /// A corrected query for one that finds nothing: each word that matches no indexed
    /// word is replaced by the closest indexed word (within 2 edits, most frequent first).
    /// `None` when no correction finds anything.
    pub fn suggest(&self, query: &Query) -> Option<String> {
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
            let best = (3..=MAX_FUZZY_CHARS).contains(&w.chars.len()).then(|| self.closest(w)).flatten()?;
            words.push(best.to_owned());
            changed = true;
        }
        let fixed = words.join(" ");
        (changed && !self.rank(&Query::parse(&fixed)).is_empty()).then_some(fixed)
    }

    fn closest(&self, word: &Word) -> Option<&str> {
        let lo = word.chars.len().saturating_sub(2);
        let hi = (word.chars.len() + 2).min(self.by_len.len() - 1);
        self.by_len[lo..=hi]
            .iter()
            .flatten()
            .filter(|&&t| !self.terms[t as usize].bytes().any(|b| b.is_ascii_digit()))
            .filter_map(|&t| {
                let d = str_distance_within(word, &self.terms[t as usize], 2)?;
                Some((d, std::cmp::Reverse(self.postings[t as usize].len()), t))
            })
            .min()
            .map(|(_, _, t)| &*self.terms[t as usize])
    }
}

/// Up to this many, [`Ranked::top`] keeps a sorted shortlist instead of selecting.
const SMALL_TOP: usize = 64;

/// Per-fact slots reused across the words of one query.
struct Scratch {
    scores: Vec<f32>,
    /// `u8::MAX` where the current word has not matched.
    typos: Vec<u8>,
    /// Facts whose slots are in use.
    touched: Vec<u32>,
}

/// The facts in both lists (each in dataset order), with their scores and typos added up.
fn intersect(a: &[Hit], b: &[Hit]) -> Vec<Hit> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].doc.cmp(&b[j].doc) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                let (x, y) = (a[i], b[j]);
                out.push(Hit { doc: x.doc, typos: x.typos.saturating_add(y.typos), score: x.score + y.score, key: 0 });
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// One matching fact and what ranks it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Hit {
    doc: u32,
    typos: u8,
    score: f32,
    /// The view's sort key ([`Ranked::sorted_by`]); 0 for relevance order.
    key: u32,
}

impl Hit {
    /// Best first: the lower sort key, then fewer typos, then a higher score, then dataset
    /// order (a total order, so every ranking is stable).
    fn rank(&self, other: &Hit) -> Ordering {
        self.key.cmp(&other.key).then(self.typos.cmp(&other.typos)).then(other.score.total_cmp(&self.score)).then(self.doc.cmp(&other.doc))
    }
}

/// The facts a query matches, kept in dataset order with what ranks them, and ranked only
/// as far as asked: a page of results needs the best 20 of perhaps 100,000, and a full
/// sort on every keystroke would cost more than the search. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    hits: Arc<[Hit]>,
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.hits, &other.hits) || self.hits == other.hits
    }
}

impl Ranked {
    fn new(hits: Vec<Hit>) -> Ranked {
        Ranked { hits: hits.into() }
    }

    /// How many facts matched: the exact count, however few are ranked.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The matching facts' indices in dataset order (not ranked).
    pub fn facts(&self) -> impl Iterator<Item = usize> + '_ {
        self.hits.iter().map(|h| h.doc as usize)
    }

    pub fn contains(&self, fact: usize) -> bool {
        self.hits.binary_search_by_key(&fact, |h| h.doc as usize).is_ok()
    }

    /// The facts for which `keep` holds, ranked as before.
    pub fn filter(&self, mut keep: impl FnMut(usize) -> bool) -> Ranked {
        Ranked::new(self.hits.iter().copied().filter(|h| keep(h.doc as usize)).collect())
    }

    /// The same facts ranked by `key(fact)`, lowest first; facts with equal keys keep their
    /// relevance order. A constant key gives relevance order back.
    pub fn sorted_by(&self, mut key: impl FnMut(usize) -> u32) -> Ranked {
        Ranked::new(self.hits.iter().map(|&h| Hit { key: key(h.doc as usize), ..h }).collect())
    }

    /// The best `k` facts (or all, if fewer), best first. Costs O(n + k log k) for n
    /// matches, and allocates only for the k.
    pub fn top(&self, k: usize) -> Vec<usize> {
        let k = k.min(self.hits.len());
        let mut best: Vec<Hit> = Vec::with_capacity(k);
        if k <= SMALL_TOP {
            // A page: keep the best k seen so far, sorted; most hits lose to the last of
            // them at the first comparison.
            for h in self.hits.iter() {
                if best.len() == k {
                    if k == 0 || h.rank(&best[k - 1]) != Ordering::Less {
                        continue;
                    }
                    best.pop();
                }
                let at = best.partition_point(|b| b.rank(h) == Ordering::Less);
                best.insert(at, *h);
            }
        } else {
            best.extend_from_slice(&self.hits);
            if k < best.len() {
                best.select_nth_unstable_by(k - 1, Hit::rank);
                best.truncate(k);
            }
            best.sort_unstable_by(Hit::rank);
        }
        best.into_iter().map(|h| h.doc as usize).collect()
    }

    /// Every matching fact, best first.
    pub fn best_first(&self) -> Vec<usize> {
        self.top(self.len())
    }
}

/// Byte ranges of `text` to highlight for `query`, in order and non-overlapping.
pub fn highlight_ranges(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for_each_token(text, |span, norm| {
        if query.matches_term(norm) {
            out.push(span);
        }
    });
    out
}

/// Splits `text` into (segment, highlighted) pieces covering it exactly.
pub fn highlight<'t>(text: &'t str, query: &Query) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in highlight_ranges(text, query) {
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.clone()], true));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((&text[at..], false));
    }
    out
}

/// The part of `text` to show when it is longer than `max_chars`: a window of about
/// `max_chars` characters around the first match (or the start), cut at spaces.
/// Returns the byte range and whether text was cut before and after it.
pub fn excerpt(text: &str, query: &Query, max_chars: usize) -> (Range<usize>, bool, bool) {
    if text.chars().count() <= max_chars {
        return (0..text.len(), false, false);
    }
    let anchor = highlight_ranges(text, query).first().map_or(0, |r| r.start);
    let before = text[..anchor].chars().count();
    let start_char = before.saturating_sub(max_chars / 3);
    let mut start = text.char_indices().nth(start_char).map_or(0, |(b, _)| b);
    let mut end = text[start..].char_indices().nth(max_chars).map_or(text.len(), |(b, _)| start + b);
    if start > 0 {
        start = text[start..anchor.max(start)].find(' ').map_or(start, |s| start + s + 1);
    }
    if end < text.len() {
        end = text[..end].rfind(' ').filter(|&e| e > anchor).unwrap_or(end);
    }
    (start..end, start > 0, end < text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn d(a: &str, b: &str, k: usize) -> Option<u8> {
        distance_within(&chars(a), &chars(b), k)
    }

    /// Typos within the length-based budget, as a query word (`prefix`: being typed).
    fn typos(a: &str, b: &str, prefix: bool) -> Option<u8> {
        typo_distance(&chars(a), &chars(b), prefix)
    }

    #[test]
    fn one_typo_is_one_edit() {
        assert_eq!(d("trade", "trade", 1), Some(0));
        assert_eq!(d("trdae", "trade", 1), Some(1), "transposition");
        assert_eq!(d("trad", "trade", 1), Some(1), "insertion");
        assert_eq!(d("trxde", "trade", 1), Some(1), "substitution");
        assert_eq!(d("tade", "trade", 1), Some(1), "deletion");
        assert_eq!(d("tdx", "trade", 1), None);
    }

    #[test]
    fn prefix_distance_compares_with_the_best_prefix() {
        assert_eq!(typos("samrq", "samarqand", true), Some(1));
        assert_eq!(typos("samarq", "samarqand", true), Some(0));
        assert_eq!(typos("xyzq", "samarqand", true), None);
    }

    #[test]
    fn the_longer_word_sets_the_typo_budget() {
        // 7 letters typed, 8 indexed: a deletion plus a transposition is within 2.
        assert_eq!(typos("prciosu", "precious", false), Some(2));
        assert_eq!(typos("prciosu", "precious", true), Some(2), "also while typing");
        // 5 letters against 6: still 1.
        assert_eq!(typos("enrgy", "energy", false), Some(1));
        assert_eq!(typos("nrgyy", "energy", false), None);
        // 6 letters against 8: two insertions.
        assert_eq!(typos("export", "exporter", false), Some(2));
        // While typing, a short prefix is a short word: "toxx" is 2 edits from "text".
        assert_eq!(typos("toxx", "textiles", true), None);
    }

    #[test]
    fn a_page_of_results_is_the_start_of_the_full_ranking() {
        let mut x: u32 = 1;
        let hits: Vec<Hit> = (0..500)
            .map(|doc| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                Hit { doc, typos: (x >> 29) as u8 % 3, score: ((x >> 8) % 50) as f32, key: 0 }
            })
            .collect();
        let mut full = hits.clone();
        full.sort_by(Hit::rank);
        let full: Vec<usize> = full.iter().map(|h| h.doc as usize).collect();
        let ranked = Ranked::new(hits);
        assert_eq!(ranked.best_first(), full);
        for k in [0, 1, 12, 30, 64, 65, 200, 500, 900] {
            assert_eq!(ranked.top(k), full[..k.min(500)], "k = {k}");
        }
    }

    #[test]
    fn a_sorted_page_is_the_start_of_the_full_sort_with_ties_in_relevance_order() {
        // Relevance: doc 3 best, then 1, 0, 2; keys put 0 and 3 first, then the rest.
        let hits = [(0, 2.0), (1, 3.0), (2, 1.0), (3, 4.0)].map(|(doc, score)| Hit { doc, typos: 0, score, key: 0 });
        let ranked = Ranked::new(hits.to_vec());
        assert_eq!(ranked.best_first(), [3, 1, 0, 2]);
        let sorted = ranked.sorted_by(|f| if f == 0 || f == 3 { 5 } else { 9 });
        assert_eq!(sorted.best_first(), [3, 0, 1, 2]);
        assert_eq!(sorted.top(3), [3, 0, 1]);
        assert_eq!(sorted.len(), ranked.len());
        assert_eq!(sorted.sorted_by(|_| 0).best_first(), ranked.best_first(), "a constant key is relevance again");
    }

    #[test]
    fn edit_budget_grows_with_word_length() {
        assert_eq!([3, 4, 7, 8, 20].map(max_edits), [0, 1, 1, 2, 2]);
    }

    #[test]
    fn numbers_never_match_fuzzily() {
        let q = Query::parse("2555 ");
        assert!(!q.matches_term("2556"));
        assert!(q.matches_term("2555"));
    }

    #[test]
    fn excerpt_centres_on_the_match() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma";
        let q = Query::parse("sigma");
        let (r, before, after) = excerpt(text, &q, 30);
        assert!(text[r.clone()].contains("sigma"), "{}", &text[r]);
        assert!(before && !after);
        let (all, b2, a2) = excerpt("short", &q, 30);
        assert_eq!((all, b2, a2), (0..5, false, false));
    }
}
