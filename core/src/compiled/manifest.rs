//! `manifest.bin`, the one file a reader fetches first: the dataset's title, description
//! and sectors, its counts, and the table of every other file with its length and CRC-32, by
//! which each file is checked when it arrives. The manifest checks itself: its last four
//! bytes are the CRC-32 of the rest.

use super::codec::{crc32, Read, Reader, Writer};
use super::Error;
use crate::model::Sector;
use crate::url_state::Column;

/// The manifest's file name in a compiled directory.
pub const MANIFEST: &str = "manifest.bin";

const MAGIC: &[u8; 4] = b"FDKM";

/// One file of a compiled dataset, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// Relative to the compiled directory.
    pub name: String,
    /// In bytes.
    pub len: u64,
    /// CRC-32 (IEEE) of the whole file.
    pub crc: u32,
}

/// Which file of a compiled dataset, by its place; [`file_name`] names it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum File {
    Terms,
    Docs,
    Sort(Column),
    Shard(usize),
    Letter(char),
    Chunk(usize),
    Ids(usize),
}

/// The name of `file`, relative to the compiled directory. The manifest lists lengths and
/// checksums only: the names follow from the places, which keeps it small (a dataset of
/// 100,000 facts has 12,500 chunks).
pub(crate) fn file_name(file: File) -> String {
    match file {
        File::Terms => "terms.bin".to_owned(),
        File::Docs => "docs.bin".to_owned(),
        File::Sort(c) => format!("sort-{}.bin", c.slug()),
        File::Shard(i) => format!("post-{i:04}.bin"),
        File::Letter(c) => format!("letter-{:04x}.bin", u32::from(c)),
        File::Chunk(i) => format!("facts-{i:04}.bin"),
        File::Ids(i) => format!("ids-{i:04}.bin"),
    }
}

impl FileEntry {
    pub(crate) fn of(name: String, bytes: &[u8]) -> FileEntry {
        FileEntry { name, len: bytes.len() as u64, crc: crc32(bytes) }
    }

    /// `bytes` if they are this file as the compiler wrote it, else an error naming it.
    pub(crate) fn check<'a>(&self, bytes: &'a [u8]) -> Result<&'a [u8], Error> {
        if bytes.len() as u64 != self.len {
            let how = if (bytes.len() as u64) < self.len { "truncated" } else { "too long" };
            return Err(Error::new(&self.name, format!("{how}: {} bytes where the manifest says {}", bytes.len(), self.len)));
        }
        if crc32(bytes) != self.crc {
            return Err(Error::new(&self.name, "corrupt: its checksum does not match the manifest's"));
        }
        Ok(bytes)
    }
}

/// What a compiled dataset holds, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    pub title: String,
    pub description: String,
    pub sectors: Vec<Sector>,
    pub facts: usize,
    pub sources: usize,
    /// Indexed terms: the term dictionary's length.
    pub terms: usize,
    /// Facts per chunk (the last may hold fewer).
    pub chunk_facts: usize,
    /// The term dictionary (`terms.bin`).
    pub dictionary: FileEntry,
    /// Every fact's kind, sectors and BM25 length normalisation (`docs.bin`).
    pub docs: FileEntry,
    /// Every fact's rank in each sortable column, in [`Column::ALL`] order.
    pub sort: Vec<FileEntry>,
    /// The postings shards, in term order, with the id of the first term each holds.
    pub shards: Vec<(u32, FileEntry)>,
    /// Per first letter of the terms (in term order), the facts holding a word that starts
    /// with it, for one-letter queries.
    pub letters: Vec<(char, FileEntry)>,
    /// The fact chunks, in fact order.
    pub chunks: Vec<FileEntry>,
    /// Fact id → fact index, in buckets by the id's CRC-32 (for permalinks).
    pub ids: Vec<FileEntry>,
}

impl Manifest {
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut w = Writer::file(MAGIC);
        w.str(&self.title);
        w.str(&self.description);
        w.usize(self.sectors.len());
        for s in &self.sectors {
            w.str(&s.id);
            w.str(&s.label);
        }
        for n in [self.facts, self.sources, self.terms, self.chunk_facts] {
            w.usize(n);
        }
        // Names are not written: each file's follows from its place ([`file_name`]).
        let entry = |w: &mut Writer, e: &FileEntry| {
            w.varint(e.len);
            w.u32_le(e.crc);
        };
        entry(&mut w, &self.dictionary);
        entry(&mut w, &self.docs);
        for e in &self.sort {
            entry(&mut w, e);
        }
        w.usize(self.shards.len());
        for (first, e) in &self.shards {
            w.varint(u64::from(*first));
            entry(&mut w, e);
        }
        w.usize(self.letters.len());
        for (letter, e) in &self.letters {
            w.varint(u64::from(u32::from(*letter)));
            entry(&mut w, e);
        }
        for list in [&self.chunks, &self.ids] {
            w.usize(list.len());
            for e in list {
                entry(&mut w, e);
            }
        }
        let crc = crc32(&w.bytes);
        w.u32_le(crc);
        w.bytes
    }

    /// The manifest in `bytes`, checked: its format version, its checksum, and that its
    /// tables agree with its counts.
    pub fn decode(bytes: &[u8]) -> Result<Manifest, Error> {
        let fail = |m: String| Error::new(MANIFEST, m);
        // The version first: a later format may end differently.
        Reader::file(bytes, MAGIC).map_err(fail)?;
        let (body, crc) = bytes.split_at(bytes.len().saturating_sub(4));
        if crc.len() < 4 || crc32(body) != u32::from_le_bytes(crc.try_into().unwrap_or_default()) {
            return Err(fail("corrupt or truncated: its checksum does not match".to_owned()));
        }
        let mut r = Reader::file(body, MAGIC).map_err(fail)?;
        let m = Manifest::read(&mut r).map_err(fail)?;
        r.end().map_err(fail)?;
        m.consistent().map_err(fail)?;
        Ok(m)
    }

    fn read(r: &mut Reader) -> Read<Manifest> {
        let (title, description) = (r.str()?, r.str()?);
        let n = r.count()?;
        let sectors = (0..n).map(|_| Ok(Sector { id: r.str()?, label: r.str()? })).collect::<Read<_>>()?;
        let (facts, sources, terms, chunk_facts) = (r.usize()?, r.usize()?, r.usize()?, r.usize()?);
        let entry = |r: &mut Reader, file: File| Ok(FileEntry { name: file_name(file), len: r.varint()?, crc: r.u32_le()? });
        let (dictionary, docs) = (entry(r, File::Terms)?, entry(r, File::Docs)?);
        let sort = Column::ALL.iter().map(|&c| entry(r, File::Sort(c))).collect::<Read<_>>()?;
        let n = r.count()?;
        let shards = (0..n).map(|i| Ok((r.u32()?, entry(r, File::Shard(i))?))).collect::<Read<_>>()?;
        let n = r.count()?;
        let letters = (0..n)
            .map(|_| {
                let letter = char::from_u32(r.u32()?).ok_or("a letter that is not a character")?;
                Ok((letter, entry(r, File::Letter(letter))?))
            })
            .collect::<Read<_>>()?;
        let n = r.count()?;
        let chunks = (0..n).map(|i| entry(r, File::Chunk(i))).collect::<Read<_>>()?;
        let n = r.count()?;
        let ids = (0..n).map(|i| entry(r, File::Ids(i))).collect::<Read<_>>()?;
        Ok(Manifest {
            title,
            description,
            sectors,
            facts,
            sources,
            terms,
            chunk_facts,
            dictionary,
            docs,
            sort,
            shards,
            letters,
            chunks,
            ids,
        })
    }

    fn consistent(&self) -> Read<()> {
        let firsts_rise = self.shards.windows(2).all(|w| w[0].0 < w[1].0);
        let shards_ok = match self.shards.first() {
            None => self.terms == 0,
            Some((first, _)) => *first == 0 && firsts_rise && self.shards.iter().all(|(f, _)| (*f as usize) < self.terms),
        };
        if !shards_ok {
            return Err("its shard table does not cover the terms in order".to_owned());
        }
        if !self.letters.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err("its letters are not in order".to_owned());
        }
        if self.chunk_facts == 0 || self.chunks.len() != self.facts.div_ceil(self.chunk_facts) {
            return Err(format!("{} chunks of {} facts for {} facts", self.chunks.len(), self.chunk_facts, self.facts));
        }
        if self.ids.is_empty() && self.facts > 0 {
            return Err("no id buckets".to_owned());
        }
        Ok(())
    }

    /// Every file the manifest lists, itself excluded.
    pub fn files(&self) -> impl Iterator<Item = &FileEntry> {
        let shards = self.shards.iter().map(|(_, e)| e);
        let letters = self.letters.iter().map(|(_, e)| e);
        [&self.dictionary, &self.docs].into_iter().chain(&self.sort).chain(shards).chain(letters).chain(&self.chunks).chain(&self.ids)
    }
}
