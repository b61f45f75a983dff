//! A dataset compiled for static hosting: the validated [`Dataset`] and its search
//! [`Index`] written as a directory of small binary files, which a reader fetches only as a
//! query needs them, and which answer every view exactly as [`crate::explore::explore`]
//! answers it over the whole dataset in memory.
//!
//! The files ([`compile`] writes them, [`Compiled`] reads them):
//! - `manifest.bin`: title, description, sectors, counts, the first term of each postings
//!   shard, the openings, every fact's facets counted (the first view's counts), and the
//!   compile's `build` checksum ([`Manifest`]);
//! - `terms.bin`: the term dictionary: every indexed (folded) term, sorted and
//!   front-coded, with the number of facts it is in. Exact, prefix and typo-tolerant
//!   matching and "did you mean" all choose terms from it alone;
//! - `docs.bin`: every fact's kind, sectors (a bitset) and BM25 length normalisation, so
//!   that counts are exact for every query without any fact fetched;
//! - `timeline.bin`: the whole dataset's timeline (every dated entry's fact and origin,
//!   oldest first, and how many each year holds), fetched when a view shows the timeline:
//!   any view's timeline is this one less the facts outside it, so only the facts of the
//!   entries on screen are fetched;
//! - `sort-<column>.bin`: every fact's rank in one sortable column, fetched when a view
//!   sorts by it;
//! - `post-NNNN.bin`: the postings (fact, field-weighted term frequency, plain spelling) of
//!   a range of terms, about [`SHARD_BYTES`] each, and the facts using each spelling with
//!   diacritics whose text falls in the same range;
//! - `open-HHHH.bin` and `open-HHHH-HHHH.bin`: for each opening of the terms (their first
//!   character, and their first two; HHHH: a code point in hex), the facts holding a word
//!   that starts so, as a bitset or a list, whichever is smaller: a word's first two
//!   keystrokes, which narrow without ranking, read one such file each instead of the
//!   postings of every word that starts so;
//! - `facts-NNNN.bin`: [`CHUNK_FACTS`] facts in full, with the sources they quote but for
//!   those sources' texts: what the facts' cards show;
//! - `text-NNNN.bin`: [`SOURCE_GROUP`] sources in full, texts included, each with where
//!   every fact quoting it quotes it (the source view's spans), for the source view and
//!   exports;
//! - `ids-NNNN.bin`: fact id → fact index for about [`BUCKET_IDS`] ids, bucketed by the
//!   id's CRC-32, so that a permalink finds its fact with one small fetch.
//!
//! Every file opens with a four-byte magic and [`FORMAT_VERSION`], and ends with its CRC-32
//! salted with the manifest's `build` ([`Manifest::check`]); a file that is damaged,
//! truncated, from another compile or of another version is an [`Error`] naming it, and a
//! file that could not be fetched is one too. A query is never
//! answered from part of what it needs.
//!
//! The reader works in steps so that the page can fetch asynchronously: it says which
//! files a view needs ([`Compiled::try_explore`]), the caller fetches them and hands them
//! in ([`Compiled::insert`]), and the same call then answers. It answers the dataset's
//! first view (no search, no filter) from the manifest alone
//! ([`Compiled::from_manifest`]); every other view needs `terms.bin` and `docs.bin` first.
//! [`Compiled::explore`] runs those steps with any [`Fetch`] (a directory natively, an
//! in-memory map in tests).

mod chronology;
mod codec;
mod fetching;
mod files;
mod manifest;
mod read;
mod records;
mod write;

use std::collections::{BTreeMap, HashMap};
use std::fmt;

pub use manifest::{Manifest, CHRONOLOGY, DICTIONARY, MANIFEST, TABLE};
pub use read::Compiled;
pub use write::{compile, compile_sharded};

#[cfg(doc)]
use crate::{dataset::Dataset, search::Index};

/// The layout every file of a compiled dataset follows; a reader reads only its own.
pub const FORMAT_VERSION: u16 = 7;

/// Facts per `facts-NNNN.bin` chunk: small, since the results on a page of cards may each
/// lie in a chunk of their own (neighbouring facts, often from one source, share one), so
/// a new page costs about 20 chunks (at 100k facts, 6 a chunk took the largest keystroke
/// from 166 to 141 kB against 8, for 29 % more files; 4 saved another 24 kB for 45 % more).
pub const CHUNK_FACTS: usize = 6;

/// Sources per `text-NNNN.bin` file. A source's text is kept out of the chunks, since a
/// page of cards shows none of it; a source view needs one source, and neighbouring sources
/// share a file so that a large dataset does not make tens of thousands of them.
pub const SOURCE_GROUP: usize = 4;

/// Fact ids per `ids-NNNN.bin` bucket, on average.
pub const BUCKET_IDS: usize = 1024;

/// A postings shard closes before it grows past this many bytes (a single term's postings
/// may make one larger): small enough that a keystroke fetches little, large enough that a
/// query does not fetch hundreds of files.
pub const SHARD_BYTES: usize = 32 * 1024;

/// A compiled file that could not be fetched, or is not what the compiler wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file, as the manifest names it (relative to the compiled directory).
    pub file: String,
    pub message: String,
}

impl Error {
    pub fn new(file: &str, message: impl Into<String>) -> Error {
        Error { file: file.to_owned(), message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for Error {}

/// Where a compiled dataset's files come from: a directory, a map, or (on the page) the
/// network. `file` is a name from the manifest, relative to the compiled directory; the
/// error says why the file could not be had (the reader adds its name).
pub trait Fetch {
    fn fetch(&self, file: &str) -> Result<Vec<u8>, String>;
}

impl Fetch for HashMap<String, Vec<u8>> {
    fn fetch(&self, file: &str) -> Result<Vec<u8>, String> {
        self.get(file).cloned().ok_or_else(|| "missing".to_owned())
    }
}

impl Fetch for BTreeMap<String, Vec<u8>> {
    fn fetch(&self, file: &str) -> Result<Vec<u8>, String> {
        self.get(file).cloned().ok_or_else(|| "missing".to_owned())
    }
}
