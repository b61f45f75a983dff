//! Full-text search over facts: an inverted index with field weights, AND semantics and
//! prefix matching on the word being typed, plus highlight spans for display.
//!
//! Ranking: each query word contributes the weight of the best field it matched in
//! (title > sectors/parties > summary > quote > the rest), an exact word counting more
//! than a prefix. Ties keep dataset order, so results are stable.

use std::collections::HashMap;
use std::ops::Range;

use crate::dataset::Dataset;
use crate::text::{ends_inside_word, tokenize};

/// Relative weight of a match in each field. Only the ratios matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Tags,
    Summary,
    Quote,
    Other,
}

impl Field {
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

/// Multiplier for a word matched only as a prefix of an indexed word, in 0..=1.
const PREFIX_FACTOR: f32 = 0.6;
/// Longest query the engine looks at, in words; further words are ignored.
pub const MAX_QUERY_WORDS: usize = 16;

/// A parsed query: folded words, the last of which may be a prefix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub words: Vec<String>,
    /// True when the query does not end in a separator, so its last word is still
    /// being typed and matches as a prefix.
    pub last_is_prefix: bool,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut words: Vec<String> = tokenize(input).into_iter().map(|t| t.norm).collect();
        words.truncate(MAX_QUERY_WORDS);
        let last_is_prefix = ends_inside_word(input);
        Query { words, last_is_prefix }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether an indexed (folded) word satisfies query word `i`.
    fn word_matches(&self, i: usize, term: &str) -> bool {
        let w = &self.words[i];
        term == w || (self.prefix_allowed(i) && term.starts_with(w.as_str()))
    }

    fn prefix_allowed(&self, i: usize) -> bool {
        self.last_is_prefix && i + 1 == self.words.len()
    }

    /// True when some query word matches `term`; used for highlighting.
    pub fn matches_term(&self, term: &str) -> bool {
        (0..self.words.len()).any(|i| self.word_matches(i, term))
    }
}

/// The search index over one dataset's facts.
#[derive(Debug, Clone)]
pub struct Index {
    /// Sorted, unique folded terms.
    terms: Vec<String>,
    /// `postings[t]`: (fact index, best field weight of term `t` in that fact), by fact.
    postings: Vec<Vec<(u32, f32)>>,
    len: usize,
}

impl Index {
    pub fn build(dataset: &Dataset) -> Index {
        let mut map: HashMap<String, Vec<(u32, f32)>> = HashMap::new();
        for (doc, fact) in dataset.facts.iter().enumerate() {
            let doc = doc as u32;
            let mut add = |text: &str, field: Field| {
                for tok in tokenize(text) {
                    let list = map.entry(tok.norm).or_default();
                    match list.last_mut() {
                        Some((d, w)) if *d == doc => *w = w.max(field.weight()),
                        _ => list.push((doc, field.weight())),
                    }
                }
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
        }
        let mut entries: Vec<_> = map.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (terms, postings) = entries.into_iter().unzip();
        Index { terms, postings, len: dataset.facts.len() }
    }

    /// Fact indices matching every word of `query`, best first. An empty query matches
    /// every fact, in dataset order.
    pub fn search(&self, query: &Query) -> Vec<usize> {
        if query.is_empty() {
            return (0..self.len).collect();
        }
        let mut total: Option<Vec<f32>> = None;
        for i in 0..query.words.len() {
            let scores = self.word_scores(query, i);
            total = Some(match total {
                None => scores,
                Some(mut acc) => {
                    for (a, s) in acc.iter_mut().zip(&scores) {
                        *a = if *a > 0.0 && *s > 0.0 { *a + *s } else { 0.0 };
                    }
                    acc
                }
            });
        }
        let total = total.unwrap_or_default();
        let mut hits: Vec<usize> = (0..self.len).filter(|&d| total[d] > 0.0).collect();
        hits.sort_by(|&a, &b| total[b].total_cmp(&total[a]).then(a.cmp(&b)));
        hits
    }

    /// Per-fact score of query word `i`: the best matching term's field weight.
    fn word_scores(&self, query: &Query, i: usize) -> Vec<f32> {
        let word = query.words[i].as_str();
        let mut scores = vec![0.0f32; self.len];
        let from = self.terms.partition_point(|t| t.as_str() < word);
        for (t, term) in self.terms[from..].iter().enumerate() {
            if !term.starts_with(word) {
                break;
            }
            let factor = if term == word {
                1.0
            } else if query.word_matches(i, term) {
                PREFIX_FACTOR
            } else {
                continue;
            };
            for &(doc, w) in &self.postings[from + t] {
                let s = &mut scores[doc as usize];
                *s = s.max(w * factor);
            }
        }
        scores
    }
}

/// Byte ranges of `text` to highlight for `query`, in order and non-overlapping.
pub fn highlight_ranges(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    tokenize(text)
        .into_iter()
        .filter(|t| query.matches_term(&t.norm))
        .map(|t| t.span)
        .collect()
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
