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
//!
//! A word of one or two characters still being typed (`s`, `sa`, or the `en` of
//! `green en`) matches every word that starts so but adds nothing to the score: it narrows
//! the results, and the other words (or dataset order) rank them. Its matches are much of
//! the dataset, and ranking them would read the postings of every word that starts so,
//! which a compiled dataset would have to fetch on the first keystrokes of every word (at
//! 100k facts, 200–500 kB for a second letter); instead it reads one list of facts per
//! opening ([`Opening`], `crate::compiled`).
//!
//! One job per module:
//! - `query`: the search box's text as folded words, and how a word meets an indexed one;
//! - `distance`: edit distance and the typo budget;
//! - `index`: the inverted index, BM25 scoring and "did you mean";
//! - `ranked`: the matches with what ranks them, ranked as far as a page needs;
//! - `highlight`: highlight spans and excerpts for display.

mod distance;
mod highlight;
mod index;
mod query;
mod ranked;

pub use distance::max_edits;
pub use highlight::{excerpt, highlight, highlight_ranges};
pub(crate) use index::Posting;
pub use index::{Field, Index};
pub use query::{Opening, Query, Word, MAX_QUERY_WORDS, OPENING_CHARS};
pub use ranked::Ranked;
