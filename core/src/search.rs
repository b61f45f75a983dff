//! Full-text search over facts: an inverted index with BM25 ranking over weighted fields,
//! typo tolerance, prefix matching on the word being typed, "did you mean" suggestions,
//! and highlight spans for display.
//!
//! A fact matches when every query word matches one of its words, either
//! - exactly (after folding, see [`crate::text`]),
//! - as a prefix, for the last word while it is being typed, or
//! - within an edit distance of 1 for words of 4–7 characters and 2 for 8 or more
//!   (transpositions count as one edit; words with digits never match fuzzily, so `255`
//!   does not find `256`).
//!
//! Ranking, in order: fewer typos first; then the BM25 score, in which a match counts by
//! field (title > sectors/parties > summary > quote > the rest) and by kind (exact >
//! prefix > fuzzy), and an exact spelling (`Gəncə` for `Gəncə`) beats a folded one; then
//! dataset order, so results are stable.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::dataset::Dataset;
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

/// Edits allowed for a query word of `len` characters.
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
    /// Edits tolerated: 0 for short words and words with digits.
    edits: usize,
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
                let edits = if has_digit || chars.len() > MAX_FUZZY_CHARS { 0 } else { max_edits(chars.len()) };
                Word { spelling: spelling(&input[t.span]), norm: t.norm, chars, edits }
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
        if w.edits == 0 || term.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        str_distance_within(w, term, w.edits, prefix).map(Match::Fuzzy)
    }

    /// True when some query word matches `term` (a folded word); used for highlighting.
    pub fn matches_term(&self, term: &str) -> bool {
        (0..self.words.len()).any(|i| self.match_term(i, term).is_some())
    }
}

/// Optimal-string-alignment distance between `a` and `b` (or, with `prefix`, between `a`
/// and the closest prefix of `b`), if it is at most `k`. Words longer than
/// `MAX_FUZZY_CHARS + k` are never within reach and return `None`.
fn edit_distance_within<T: PartialEq + Copy>(a: &[T], b: &[T], k: usize, prefix: bool) -> Option<u8> {
    const W: usize = MAX_FUZZY_CHARS + 4;
    let b = if prefix { &b[..b.len().min(a.len() + k)] } else { b };
    if (!prefix && a.len().abs_diff(b.len()) > k) || b.len() >= W || a.len() >= W {
        return None;
    }
    let n = b.len();
    let (mut prev2, mut prev, mut cur) = ([0usize; W], [0usize; W], [0usize; W]);
    for (j, p) in prev.iter_mut().enumerate().take(n + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        prev2 = prev;
        prev = cur;
    }
    let d = if prefix { *prev[..=n].iter().min()? } else { prev[n] };
    (d <= k).then_some(d as u8)
}

/// [`edit_distance_within`] on strings: on bytes when both are ASCII (most folded words),
/// else on characters.
fn str_distance_within(word: &Word, term: &str, k: usize, prefix: bool) -> Option<u8> {
    if word.norm.is_ascii() && term.is_ascii() {
        edit_distance_within(word.norm.as_bytes(), term.as_bytes(), k, prefix)
    } else {
        let term: Vec<char> = term.chars().collect();
        edit_distance_within(&word.chars, &term, k, prefix)
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
    /// Weighted length of each fact.
    doc_len: Vec<f32>,
    avg_len: f32,
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
        Index { terms, postings, by_len, spellings, doc_len, avg_len: avg_len.max(1.0) }
    }

    /// Number of indexed facts.
    pub fn len(&self) -> usize {
        self.doc_len.len()
    }

    pub fn is_empty(&self) -> bool {
        self.doc_len.is_empty()
    }

    /// Fact indices matching every word of `query`, best first. An empty query matches
    /// every fact, in dataset order.
    pub fn search(&self, query: &Query) -> Vec<usize> {
        let n = self.len();
        if query.is_empty() {
            return (0..n).collect();
        }
        let mut score = vec![0.0f32; n];
        let mut typos = vec![0u8; n];
        let mut alive = vec![true; n];
        for i in 0..query.words.len() {
            let (word_score, word_typos) = self.word_scores(query, i);
            for d in 0..n {
                if word_score[d] > 0.0 {
                    score[d] += word_score[d];
                    typos[d] = typos[d].saturating_add(word_typos[d]);
                } else {
                    alive[d] = false;
                }
            }
        }
        let mut hits: Vec<usize> = (0..n).filter(|&d| alive[d]).collect();
        hits.sort_by(|&a, &b| typos[a].cmp(&typos[b]).then(score[b].total_cmp(&score[a])).then(a.cmp(&b)));
        hits
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
        if w.edits > 0 {
            let lo = w.chars.len().saturating_sub(w.edits);
            let hi = if prefix { self.by_len.len() - 1 } else { (w.chars.len() + w.edits).min(self.by_len.len() - 1) };
            let already = |t: &str| if prefix { t.starts_with(w.norm.as_str()) } else { t == w.norm };
            for bucket in &self.by_len[lo..=hi] {
                out.extend(bucket.iter().copied().filter(|&t| !already(&self.terms[t as usize])));
            }
        }
        out
    }

    /// Per-fact score and typo count of query word `i` (score 0 where it does not match).
    fn word_scores(&self, query: &Query, i: usize) -> (Vec<f32>, Vec<u8>) {
        let n = self.len();
        let w = &query.words[i];
        let mut scores = vec![0.0f32; n];
        let mut typos = vec![u8::MAX; n];
        let spelled_docs = (w.spelling != w.norm).then(|| self.spelled(&w.spelling));
        for t in self.candidates(query, i) {
            let t = t as usize;
            let Some(m) = query.match_term(i, &self.terms[t]) else { continue };
            let list = &self.postings[t];
            let idf = (1.0 + (n as f32 - list.len() as f32 + 0.5) / (list.len() as f32 + 0.5)).ln();
            for p in list {
                let d = p.doc as usize;
                let norm = K1 * (1.0 - B + B * self.doc_len[d] / self.avg_len);
                let mut s = m.factor() * idf * p.tf * (K1 + 1.0) / (p.tf + norm);
                let exact_spelling = match &spelled_docs {
                    None => p.plain,
                    Some(docs) => docs.binary_search(&p.doc).is_ok(),
                };
                if m == Match::Exact && exact_spelling {
                    s *= SPELLING_BONUS;
                }
                if (m.typos(), -s) < (typos[d], -scores[d]) {
                    typos[d] = m.typos();
                    scores[d] = s.max(f32::MIN_POSITIVE);
                }
            }
        }
        for t in &mut typos {
            if *t == u8::MAX {
                *t = 0;
            }
        }
        (scores, typos)
    }

    fn spelled(&self, spelling: &str) -> &[u32] {
        self.spellings
            .binary_search_by(|(s, _)| (**s).cmp(spelling))
            .map_or(&[], |i| &self.spellings[i].1)
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
            let best = (3..=MAX_FUZZY_CHARS)
                .contains(&w.chars.len())
                .then(|| self.closest(w))
                .flatten()?;
            words.push(best.to_owned());
            changed = true;
        }
        let fixed = words.join(" ");
        (changed && !self.search(&Query::parse(&fixed)).is_empty()).then_some(fixed)
    }

    fn closest(&self, word: &Word) -> Option<&str> {
        let lo = word.chars.len().saturating_sub(2);
        let hi = (word.chars.len() + 2).min(self.by_len.len() - 1);
        self.by_len[lo..=hi]
            .iter()
            .flatten()
            .filter(|&&t| !self.terms[t as usize].bytes().any(|b| b.is_ascii_digit()))
            .filter_map(|&t| {
                let d = str_distance_within(word, &self.terms[t as usize], 2, false)?;
                Some((d, std::cmp::Reverse(self.postings[t as usize].len()), t))
            })
            .min()
            .map(|(_, _, t)| &*self.terms[t as usize])
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

    fn d(a: &str, b: &str, k: usize, prefix: bool) -> Option<u8> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        edit_distance_within(&a, &b, k, prefix)
    }

    #[test]
    fn one_typo_is_one_edit() {
        assert_eq!(d("trade", "trade", 1, false), Some(0));
        assert_eq!(d("trdae", "trade", 1, false), Some(1), "transposition");
        assert_eq!(d("trad", "trade", 1, false), Some(1), "insertion");
        assert_eq!(d("trxde", "trade", 1, false), Some(1), "substitution");
        assert_eq!(d("tade", "trade", 1, false), Some(1), "deletion");
        assert_eq!(d("tdx", "trade", 1, false), None);
    }

    #[test]
    fn prefix_distance_compares_with_the_best_prefix() {
        assert_eq!(d("samrq", "samarqand", 1, true), Some(1));
        assert_eq!(d("samarq", "samarqand", 1, true), Some(0));
        assert_eq!(d("xyzq", "samarqand", 1, true), None);
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
