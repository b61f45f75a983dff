//! `manifest.bin`, the one file a reader fetches first: the dataset's title, description
//! and sectors, its counts, the tables that say which file holds what, and the compile's
//! `build` checksum. Every other file ends with its own checksum, salted with `build`
//! ([`Manifest::check`]): a damaged or truncated file, or one left from another compile, is
//! refused without the manifest listing each file (at 100,000 facts it would list 13,000).
//! The manifest checks itself: its last four bytes are the CRC-32 of the rest.

use super::codec::{crc32, crc32_continue, Read, Reader, Writer};
use super::Error;
use crate::filter::FacetCounts;
use crate::model::{Kind, Sector};
use crate::search::{Opening, OPENING_CHARS};
use crate::url_state::Column;

/// The manifest's file name in a compiled directory.
pub const MANIFEST: &str = "manifest.bin";

/// The term dictionary's file name, fetched with the table on opening.
pub const DICTIONARY: &str = "terms.bin";

/// The per-fact table's file name.
pub const TABLE: &str = "docs.bin";

/// The whole dataset's timeline's file name, fetched when a view shows the timeline.
pub const CHRONOLOGY: &str = "timeline.bin";

const MAGIC: &[u8; 4] = b"FDKM";

/// Which file of a compiled dataset, by its place; [`file_name`] names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum File {
    Terms,
    Docs,
    Timeline,
    Sort(Column),
    Shard(usize),
    Opening(Opening),
    Chunk(usize),
    Texts(usize),
    Ids(usize),
}

/// The name of `file`, relative to the compiled directory. The manifest lists no names: they
/// follow from the places ([`Manifest::file`] reads them back).
pub(crate) fn file_name(file: File) -> String {
    match file {
        File::Terms => DICTIONARY.to_owned(),
        File::Docs => TABLE.to_owned(),
        File::Timeline => CHRONOLOGY.to_owned(),
        File::Sort(c) => format!("sort-{}.bin", c.slug()),
        File::Shard(i) => format!("post-{i:04}.bin"),
        File::Opening(o) => match o.chars() {
            (a, None) => format!("open-{:04x}.bin", u32::from(a)),
            (a, Some(b)) => format!("open-{:04x}-{:04x}.bin", u32::from(a), u32::from(b)),
        },
        File::Chunk(i) => format!("facts-{i:04}.bin"),
        File::Texts(i) => format!("text-{i:04}.bin"),
        File::Ids(i) => format!("ids-{i:04}.bin"),
    }
}

/// `body` as a compiled file: followed by its checksum, salted with the compile's `build`.
pub(crate) fn seal(build: u32, mut body: Vec<u8>) -> Vec<u8> {
    let crc = salted_crc(build, &body);
    body.extend_from_slice(&crc.to_le_bytes());
    body
}

fn salted_crc(build: u32, body: &[u8]) -> u32 {
    crc32_continue(crc32(&build.to_le_bytes()), body)
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
    /// This compile's checksum, from every fact in full and the index's dictionary and
    /// table: every other file's own checksum is salted with it, and the page fetches each
    /// file as `name?v=<build>`, so that no cache hands back a file of another compile.
    pub build: u32,
    /// Bytes of the term dictionary and the per-fact table, which a reader fetches on opening.
    pub index_bytes: u64,
    /// The postings shards (`post-NNNN.bin`), in term order, by the id of the first term
    /// each holds.
    pub shards: Vec<u32>,
    /// The openings of the terms (their first one and first two characters), in order:
    /// each has an `open-HHHH[-HHHH].bin` of the facts holding a word that starts so, for
    /// the first keystrokes of a word.
    pub openings: Vec<Opening>,
    /// Fact chunks (`facts-NNNN.bin`), in fact order.
    pub chunks: usize,
    /// Sources per text file (`text-NNNN.bin`: their texts and where facts quote them), in
    /// source order; the last may hold fewer.
    pub source_group: usize,
    /// Buckets of fact id → fact index (`ids-NNNN.bin`), by the id's CRC-32, for permalinks.
    pub id_buckets: usize,
    /// Every fact's facets counted: the counts of the dataset's first view (no search, no
    /// filter), which the page shows before the dictionary and the table are in.
    pub totals: FacetCounts,
}

impl Manifest {
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut w = Writer::file(MAGIC);
        // First, at fixed places, what the page's opening script reads to ask for the files
        // of the first view before the app has started (scripts/defer-hook.mjs): the build
        // (their `?v=`), the number of facts and the facts per chunk. Doc ids are u32.
        w.u32_le(self.build);
        w.u32_le(self.facts as u32);
        w.u32_le(self.chunk_facts as u32);
        w.str(&self.title);
        w.str(&self.description);
        w.usize(self.sectors.len());
        for s in &self.sectors {
            w.str(&s.id);
            w.str(&s.label);
        }
        w.usize(self.sources);
        w.usize(self.terms);
        w.varint(self.index_bytes);
        // Both tables rise: each entry is written as its step from the one before.
        let rising = |w: &mut Writer, values: &mut dyn Iterator<Item = u64>, n: usize| {
            w.usize(n);
            let mut last = 0;
            for v in values {
                w.varint(v - last);
                last = v;
            }
        };
        rising(&mut w, &mut self.shards.iter().map(|&f| u64::from(f)), self.shards.len());
        rising(&mut w, &mut self.openings.iter().map(|o| o.key()), self.openings.len());
        w.usize(self.chunks);
        w.usize(self.source_group);
        w.usize(self.id_buckets);
        // One count per declared sector, then one per kind (0 for a kind no fact has).
        for &(_, n) in &self.totals.sectors {
            w.usize(n);
        }
        for kind in Kind::ALL {
            w.usize(self.totals.kinds.iter().find(|(k, _)| *k == kind).map_or(0, |&(_, n)| n));
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
        let (build, facts, chunk_facts) = (r.u32_le()?, r.u32_le()? as usize, r.u32_le()? as usize);
        let (title, description) = (r.str()?, r.str()?);
        let n = r.count()?;
        let sectors: Vec<Sector> = (0..n).map(|_| Ok(Sector { id: r.str()?, label: r.str()? })).collect::<Read<_>>()?;
        let (sources, terms, index_bytes) = (r.usize()?, r.usize()?, r.varint()?);
        let rising = |r: &mut Reader| -> Read<Vec<u64>> {
            let n = r.count()?;
            let mut last = 0u64;
            (0..n)
                .map(|_| {
                    last = last.checked_add(r.varint()?).ok_or("a table entry past 2^64")?;
                    Ok(last)
                })
                .collect()
        };
        let shards = rising(r)?.into_iter().map(|f| u32::try_from(f).map_err(|_| "a shard past 2^32 terms")).collect::<Result<_, _>>()?;
        let openings =
            rising(r)?.into_iter().map(|k| Opening::from_key(k).ok_or("an opening that is not characters")).collect::<Result<_, _>>()?;
        let (chunks, source_group, id_buckets) = (r.usize()?, r.usize()?, r.usize()?);
        let by_sector = (0..sectors.len()).map(|s| Ok((s, r.usize()?))).collect::<Read<Vec<_>>>()?;
        let by_kind = Kind::ALL.into_iter().map(|k| Ok((k, r.usize()?))).collect::<Read<Vec<_>>>()?;
        let totals = FacetCounts { sectors: by_sector, kinds: by_kind.into_iter().filter(|&(_, n)| n > 0).collect() };
        Ok(Manifest {
            title,
            description,
            sectors,
            facts,
            sources,
            terms,
            chunk_facts,
            build,
            index_bytes,
            shards,
            openings,
            chunks,
            source_group,
            id_buckets,
            totals,
        })
    }

    fn consistent(&self) -> Read<()> {
        let firsts_rise = self.shards.windows(2).all(|w| w[0] < w[1]);
        let shards_ok = match self.shards.first() {
            None => self.terms == 0,
            Some(&first) => first == 0 && firsts_rise && self.shards.iter().all(|&f| (f as usize) < self.terms),
        };
        if !shards_ok {
            return Err("its shard table does not cover the terms in order".to_owned());
        }
        if !self.openings.windows(2).all(|w| w[0] < w[1]) {
            return Err("its openings are not in order".to_owned());
        }
        if self.chunk_facts == 0 || self.chunks != self.facts.div_ceil(self.chunk_facts) {
            return Err(format!("{} chunks of {} facts for {} facts", self.chunks, self.chunk_facts, self.facts));
        }
        if self.source_group == 0 {
            return Err("no sources per text file".to_owned());
        }
        if self.id_buckets == 0 && self.facts > 0 {
            return Err("no id buckets".to_owned());
        }
        let kinds: usize = self.totals.kinds.iter().map(|&(_, n)| n).sum();
        if kinds != self.facts || self.totals.sectors.iter().any(|&(_, n)| n > self.facts) {
            return Err(format!("its facet counts do not fit {} facts", self.facts));
        }
        Ok(())
    }

    /// Which of this dataset's files `name` is, if it is one (the manifest itself is not).
    pub(crate) fn file(&self, name: &str) -> Option<File> {
        let stem = name.strip_suffix(".bin")?;
        let file = match stem.split_once('-') {
            None => match stem {
                "terms" => File::Terms,
                "docs" => File::Docs,
                "timeline" => File::Timeline,
                _ => return None,
            },
            Some(("sort", slug)) => File::Sort(*Column::ALL.iter().find(|c| c.slug() == slug)?),
            Some(("open", hex)) => {
                let mut chars = hex.split('-').map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32));
                let mut word = String::new();
                for c in chars.by_ref().take(OPENING_CHARS) {
                    word.push(c?);
                }
                if chars.next().is_some() {
                    return None;
                }
                File::Opening(Opening::of(&word)?)
            }
            Some((kind, n)) => {
                let i = n.parse().ok()?;
                match kind {
                    "post" => File::Shard(i),
                    "facts" => File::Chunk(i),
                    "text" => File::Texts(i),
                    "ids" => File::Ids(i),
                    _ => return None,
                }
            }
        };
        let listed = match file {
            File::Terms | File::Docs | File::Timeline | File::Sort(_) => true,
            File::Shard(i) => i < self.shards.len(),
            File::Opening(o) => self.openings.binary_search(&o).is_ok(),
            File::Chunk(i) => i < self.chunks,
            File::Texts(i) => i < self.text_files(),
            File::Ids(i) => i < self.id_buckets,
        };
        // One spelling per file: "post-7.bin" is not "post-0007.bin".
        (listed && file_name(file) == name).then_some(file)
    }

    /// How many text files there are.
    pub fn text_files(&self) -> usize {
        self.sources.div_ceil(self.source_group.max(1))
    }

    /// The names of the chunks holding facts `facts` (fact indices).
    pub fn chunk_names(&self, facts: std::ops::Range<usize>) -> Vec<String> {
        if facts.is_empty() || self.chunk_facts == 0 {
            return Vec::new();
        }
        let last = (facts.end - 1) / self.chunk_facts;
        (facts.start / self.chunk_facts..=last.min(self.chunks.saturating_sub(1))).map(|c| file_name(File::Chunk(c))).collect()
    }

    /// Every file of the dataset, the manifest excluded, by name.
    pub fn file_names(&self) -> impl Iterator<Item = String> + '_ {
        let fixed = [File::Terms, File::Docs, File::Timeline].into_iter().chain(Column::ALL.iter().map(|&c| File::Sort(c)));
        let shards = (0..self.shards.len()).map(File::Shard);
        let openings = self.openings.iter().map(|&o| File::Opening(o));
        let chunks = (0..self.chunks).map(File::Chunk);
        let texts = (0..self.text_files()).map(File::Texts);
        let ids = (0..self.id_buckets).map(File::Ids);
        fixed.chain(shards).chain(openings).chain(chunks).chain(texts).chain(ids).map(file_name)
    }

    /// The contents of the file `name` if `bytes` are that file as this compile wrote it,
    /// checked by its own checksum salted with [`Manifest::build`]; else an error naming it.
    pub fn check<'a>(&self, name: &str, bytes: &'a [u8]) -> Result<&'a [u8], Error> {
        let (body, crc) = bytes.split_at(bytes.len().saturating_sub(4));
        let crc = <[u8; 4]>::try_from(crc).ok().map(u32::from_le_bytes);
        if crc != Some(salted_crc(self.build, body)) {
            return Err(Error::new(name, "corrupt, truncated or from another compile: its checksum does not match the manifest's"));
        }
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(kinds: Vec<(Kind, usize)>) -> Manifest {
        Manifest {
            title: "T".into(),
            description: String::new(),
            sectors: vec![Sector { id: "energy".into(), label: "Energy".into() }, Sector { id: "trade".into(), label: "Trade".into() }],
            facts: 5,
            sources: 1,
            terms: 0,
            chunk_facts: 2,
            build: 7,
            index_bytes: 10,
            shards: Vec::new(),
            openings: Vec::new(),
            chunks: 3,
            source_group: 1,
            id_buckets: 1,
            totals: FacetCounts { sectors: vec![(0, 4), (1, 0)], kinds },
        }
    }

    #[test]
    fn the_first_view_s_counts_read_back_and_must_fit_the_facts() {
        let m = manifest(vec![(Kind::Project, 3), (Kind::Indicator, 2)]);
        assert_eq!(Manifest::decode(&m.encode()), Ok(m));
        // Every fact has one kind: kind counts that do not add up to the facts are refused.
        let e = Manifest::decode(&manifest(vec![(Kind::Project, 3)]).encode()).unwrap_err();
        assert_eq!(e.to_string(), "manifest.bin: its facet counts do not fit 5 facts");
    }
}
