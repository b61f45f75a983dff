//! A search box's text as a query: folded words, the last of which may be a prefix, and
//! how each query word meets an indexed word (exactly, as a prefix, or with typos).

use super::distance::{distance_within, max_edits, typo_distance};
use crate::text::{ends_inside_word, spelling, tokenize};

/// Score multipliers by match kind, each in 0..=1.
const PREFIX_FACTOR: f32 = 0.75;
const ONE_TYPO_FACTOR: f32 = 0.45;
const TWO_TYPOS_FACTOR: f32 = 0.3;
/// Longest query the engine looks at, in words; further words are ignored.
pub const MAX_QUERY_WORDS: usize = 16;
/// Words longer than this (in characters) are matched exactly or by prefix only.
pub(super) const MAX_FUZZY_CHARS: usize = 40;

/// One query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Folded form, as indexed.
    pub norm: String,
    /// As typed, lowercased (see [`spelling`]).
    pub spelling: String,
    pub(super) chars: Vec<char>,
    /// May match with typos: false for words under 4 characters, words with digits and
    /// words over `MAX_FUZZY_CHARS`. How many typos depends on the word it meets too.
    pub(super) fuzzy: bool,
}

impl Word {
    /// Shortest and longest indexed word (in characters) within this word's typo budget.
    pub(super) fn fuzzy_lengths(&self) -> (usize, usize) {
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

/// Words being typed up to this many characters narrow without ranking ([`Opening`]).
pub const OPENING_CHARS: usize = 2;

/// The first one or two characters of a word, kept as one number ordered as the strings
/// are (`s` < `sa` < `sb` < `t`): a word being typed that is no longer than this narrows the
/// results to the facts holding a word that starts so, without ranking them. A compiled
/// dataset keeps those facts in one file per opening of its terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct Opening(u64);

impl Opening {
    /// The opening of `word`: its first two characters, or its only one. `None` when empty.
    pub fn of(word: &str) -> Option<Opening> {
        let mut chars = word.chars();
        let first = chars.next()?;
        Some(Opening(u64::from(first) << 21 | chars.next().map_or(0, |c| u64::from(c) + 1)))
    }

    /// The opening as a number, ordered as the strings are.
    pub fn key(self) -> u64 {
        self.0
    }

    /// The opening whose [`Opening::key`] is `key`, if any is.
    pub fn from_key(key: u64) -> Option<Opening> {
        char::from_u32(u32::try_from(key >> 21).ok()?)?;
        let second = (key & 0x1f_ffff) as u32;
        if second != 0 {
            char::from_u32(second - 1)?;
        }
        Some(Opening(key))
    }

    /// Its characters: one or two.
    pub fn chars(self) -> (char, Option<char>) {
        let first = char::from_u32((self.0 >> 21) as u32).unwrap_or_default();
        let second = (self.0 & 0x1f_ffff) as u32;
        (first, second.checked_sub(1).and_then(char::from_u32))
    }

    /// Whether `word` starts with this opening.
    pub fn opens(self, word: &str) -> bool {
        let mut chars = word.chars();
        let (first, second) = self.chars();
        chars.next() == Some(first) && second.is_none_or(|c| chars.next() == Some(c))
    }
}

/// How a query word met an indexed word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Match {
    Exact,
    Prefix,
    /// With this many edits (1 or 2).
    Fuzzy(u8),
}

impl Match {
    pub(super) fn factor(self) -> f32 {
        match self {
            Match::Exact => 1.0,
            Match::Prefix => PREFIX_FACTOR,
            Match::Fuzzy(1) => ONE_TYPO_FACTOR,
            Match::Fuzzy(_) => TWO_TYPOS_FACTOR,
        }
    }

    pub(super) fn typos(self) -> u8 {
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

    pub(super) fn prefix_allowed(&self, i: usize) -> bool {
        self.last_is_prefix && i + 1 == self.words.len()
    }

    /// The opening of word `i` when it is one or two characters still being typed: it
    /// matches every word that starts so and narrows the results without ranking them.
    pub(crate) fn opening(&self, i: usize) -> Option<Opening> {
        let w = &self.words[i];
        (self.prefix_allowed(i) && w.chars.len() <= OPENING_CHARS).then(|| Opening::of(&w.norm)).flatten()
    }

    /// How query word `i` meets the indexed (folded) word `term`, if it does.
    pub(super) fn match_term(&self, i: usize, term: &str) -> Option<Match> {
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
pub(super) fn str_distance_within(word: &Word, term: &str, k: usize) -> Option<u8> {
    if word.norm.is_ascii() && term.is_ascii() {
        distance_within(word.norm.as_bytes(), term.as_bytes(), k)
    } else {
        let term: Vec<char> = term.chars().collect();
        distance_within(&word.chars, &term, k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_never_match_fuzzily() {
        let q = Query::parse("2555 ");
        assert!(!q.matches_term("2556"));
        assert!(q.matches_term("2555"));
    }
}
