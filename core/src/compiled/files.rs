//! The layout of each file behind the manifest, written and read side by side: the term
//! dictionary, the per-fact table (`docs.bin`), the sort columns, the postings shards, the
//! openings and the id buckets (the fact chunks and text files are `records`', the timeline
//! `chronology`'s). Readers check what the index relies on (terms sorted, facts in range
//! and in order, counts that agree with the dictionary), so that no bytes can make it panic.

use super::codec::{crc32, width, Read, Reader, Writer};
use crate::filter::FacetTable;
use crate::model::Kind;
use crate::search::Posting;
use crate::sort::MISSING;

const TERMS: &[u8; 4] = b"FDKT";
const DOCS: &[u8; 4] = b"FDKD";
const SORT: &[u8; 4] = b"FDKS";
const SHARD: &[u8; 4] = b"FDKP";
const IDS: &[u8; 4] = b"FDKI";
const OPENING: &[u8; 4] = b"FDKO";

/// Sorted unique terms, each as the bytes it shares with the one before and the rest, with
/// `freq(term)`, the number of facts it is in.
pub(crate) fn write_terms(terms: &[Box<str>], freq: impl Fn(usize) -> usize) -> Vec<u8> {
    let mut w = Writer::file(TERMS);
    w.usize(terms.len());
    let mut prev: &[u8] = b"";
    for (t, term) in terms.iter().enumerate() {
        let shared = prev.iter().zip(term.as_bytes()).take_while(|(a, b)| a == b).count();
        w.usize(shared);
        w.usize(term.len() - shared);
        w.bytes.extend_from_slice(&term.as_bytes()[shared..]);
        w.usize(freq(t));
        prev = term.as_bytes();
    }
    w.bytes
}

/// The terms and their fact counts; `terms` of them, strictly increasing.
pub(crate) fn read_terms(bytes: &[u8], terms: usize) -> Read<(Vec<Box<str>>, Vec<u32>)> {
    let mut r = Reader::file(bytes, TERMS)?;
    if r.usize()? != terms {
        return Err("its term count differs from the manifest's".to_owned());
    }
    let (mut out, mut freq): (Vec<Box<str>>, Vec<u32>) =
        (Vec::with_capacity(terms.min(bytes.len())), Vec::with_capacity(terms.min(bytes.len())));
    let mut term = Vec::new();
    for _ in 0..terms {
        let shared = r.usize()?;
        if shared > term.len() {
            return Err("a term shares more than the one before it".to_owned());
        }
        term.truncate(shared);
        let n = r.usize()?;
        term.extend_from_slice(r.bytes(n)?);
        let s = std::str::from_utf8(&term).map_err(|_| "a term is not UTF-8")?;
        if out.last().is_some_and(|p| **p >= *s) {
            return Err("terms are not in order".to_owned());
        }
        out.push(s.into());
        freq.push(r.u32()?);
    }
    r.end()?;
    Ok((out, freq))
}

/// Each fact's kind (3 bits), its sectors as a bitset of `sector_count` bits, and its BM25
/// length normalisation as an index into the table of distinct values.
pub(crate) fn write_docs(table: &FacetTable, doc_norm: &[f32], sector_count: usize) -> Vec<u8> {
    let mut w = Writer::file(DOCS);
    let n = doc_norm.len();
    w.usize(n);
    w.usize(sector_count);
    w.packed((0..n).map(|f| table.fact(f).0 as u64), 3);
    w.packed((0..n).flat_map(|f| (0..sector_count as u32).map(move |s| u64::from(table.fact(f).1.contains(&s)))), 1);
    let mut distinct: Vec<u32> = doc_norm.iter().map(|v| v.to_bits()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    w.usize(distinct.len());
    for &v in &distinct {
        w.u32_le(v);
    }
    let bits = width(distinct.len().saturating_sub(1) as u64);
    w.packed(doc_norm.iter().map(|v| distinct.binary_search(&v.to_bits()).unwrap_or(0) as u64), bits);
    w.bytes
}

/// The facet table and the length normalisations of `facts` facts in `sector_count` sectors.
pub(crate) fn read_docs(bytes: &[u8], facts: usize, sector_count: usize) -> Read<(FacetTable, Vec<f32>)> {
    let mut r = Reader::file(bytes, DOCS)?;
    if r.usize()? != facts || r.usize()? != sector_count {
        return Err("its counts differ from the manifest's".to_owned());
    }
    let kinds = r.packed(facts, 3)?.map(|k| Kind::ALL.get(k as usize).copied().ok_or("an unknown kind")).collect::<Result<_, _>>()?;
    let total = facts.checked_mul(sector_count).ok_or("too many facts")?;
    // Most facts have a sector or two.
    let (mut starts, mut sectors) = (Vec::with_capacity(facts + 1), Vec::with_capacity(facts.min(bytes.len()) * 2));
    starts.push(0u32);
    if (1..=64).contains(&sector_count) {
        // The bits were written one by one, fact after fact: the same bits, read a fact's
        // worth at a time (the start-up of a large dataset reads a million of them).
        for mut set in r.packed(facts, sector_count as u32)? {
            while set != 0 {
                sectors.push(set.trailing_zeros());
                set &= set - 1;
            }
            starts.push(sectors.len() as u32);
        }
    } else {
        let mut bits = r.packed(total, 1)?;
        for _ in 0..facts {
            sectors.extend((0..sector_count as u32).filter(|_| bits.next() == Some(1)));
            starts.push(sectors.len() as u32);
        }
    }
    let n = r.count()?;
    let distinct = (0..n).map(|_| r.u32_le().map(f32::from_bits)).collect::<Read<Vec<f32>>>()?;
    let norms = r.packed(facts, width(n.saturating_sub(1) as u64))?;
    let doc_norm = norms.map(|i| distinct.get(i as usize).copied().ok_or("a length out of range")).collect::<Result<_, _>>()?;
    r.end()?;
    Ok((FacetTable::from_parts(kinds, starts, sectors, sector_count), doc_norm))
}

/// The facts holding a word with one opening (`docs`, sorted) of a dataset of `facts`
/// facts: a short word being typed reads this instead of those words' postings. As a bitset
/// over all facts or as a list, whichever is smaller (rare openings make short lists).
pub(crate) fn write_opening(docs: &[u32], facts: usize) -> Vec<u8> {
    let mut w = Writer::file(OPENING);
    w.usize(facts);
    let head = w.bytes.len();
    w.bool(false);
    doc_list(&mut w, docs);
    if w.bytes.len() - head > facts.div_ceil(8) + 1 {
        w.bytes.truncate(head);
        w.bool(true);
        let mut docs = docs.iter().peekable();
        w.packed((0..facts as u32).map(|d| u64::from(docs.next_if_eq(&&d).is_some())), 1);
    }
    w.bytes
}

/// The facts of an opening file (see [`write_opening`]) of a dataset of `facts` facts, as
/// the bitset [`crate::search::Index`] keeps (fact `d` is bit `d % 64` of word `d / 64`).
pub(crate) fn read_opening(bytes: &[u8], facts: usize) -> Read<Vec<u64>> {
    let mut r = Reader::file(bytes, OPENING)?;
    if r.usize()? != facts {
        return Err("its count differs from the manifest's".to_owned());
    }
    let mut words = vec![0u64; facts.div_ceil(64)];
    if r.bool()? {
        for (d, bit) in r.packed(facts, 1)?.enumerate() {
            words[d / 64] |= bit << (d % 64);
        }
    } else {
        let n = r.count()?;
        read_doc_list(&mut r, n, facts, |_, d| {
            words[d as usize / 64] |= 1 << (d % 64);
            Ok(())
        })?;
    }
    r.end()?;
    Ok(words)
}

/// Every fact's rank in one column, plus one (0 for [`MISSING`]), in as few bits as the
/// largest needs.
pub(crate) fn write_sort(ranks: &[u32]) -> Vec<u8> {
    let mut w = Writer::file(SORT);
    let value = |&r: &u32| if r == MISSING { 0 } else { u64::from(r) + 1 };
    let bits = width(ranks.iter().map(value).max().unwrap_or(0));
    w.usize(ranks.len());
    w.u8(bits as u8);
    w.packed(ranks.iter().map(value), bits);
    w.bytes
}

pub(crate) fn read_sort(bytes: &[u8], facts: usize) -> Read<Vec<u32>> {
    let mut r = Reader::file(bytes, SORT)?;
    if r.usize()? != facts {
        return Err("its fact count differs from the manifest's".to_owned());
    }
    let bits = u32::from(r.u8()?);
    let ranks = r.packed(facts, bits)?;
    let ranks = ranks
        .map(|v| match v {
            0 => Ok(MISSING),
            // Ranks need only be below MISSING: kinds and sources rank among all of theirs,
            // so a column's ranks may exceed its fact count.
            v if v <= u64::from(MISSING) => Ok((v - 1) as u32),
            _ => Err("a rank out of range".to_owned()),
        })
        .collect();
    r.end()?;
    ranks
}

/// The postings and spellings of one shard, read back.
pub(crate) struct Shard {
    /// The id of the shard's first term.
    pub(crate) first: u32,
    pub(crate) postings: Vec<Vec<Posting>>,
    pub(crate) spellings: Vec<(Box<str>, Vec<u32>)>,
}

/// Each posting's term frequency is written as the index keeps it (twice its value, a small
/// integer: [`Posting::twice_tf`]), with the plain flag in the low bit.
pub(crate) fn write_shard(first: u32, postings: &[Vec<Posting>], spellings: &[(Box<str>, Vec<u32>)]) -> Vec<u8> {
    let mut w = Writer::file(SHARD);
    w.varint(u64::from(first));
    w.usize(postings.len());
    for list in postings {
        w.usize(list.len());
        let mut prev = 0;
        for p in list {
            w.varint(u64::from(p.doc - prev));
            prev = p.doc;
            w.varint(u64::from(p.twice_tf) << 1 | u64::from(p.plain));
        }
    }
    w.usize(spellings.len());
    for (spelling, docs) in spellings {
        w.str(spelling);
        doc_list(&mut w, docs);
    }
    w.bytes
}

fn doc_list(w: &mut Writer, docs: &[u32]) {
    w.usize(docs.len());
    let mut prev = 0;
    for &d in docs {
        w.varint(u64::from(d - prev));
        prev = d;
    }
}

/// Fact ids, strictly increasing and below `facts` (the first may be 0).
fn read_doc_list(r: &mut Reader, n: usize, facts: usize, mut each: impl FnMut(&mut Reader, u32) -> Read<()>) -> Read<()> {
    let mut doc: Option<u32> = None;
    for _ in 0..n {
        let delta = r.u32()?;
        let d = match doc {
            None => delta,
            Some(prev) if delta > 0 => prev.checked_add(delta).ok_or("a fact out of range")?,
            Some(_) => return Err("facts are not in order".to_owned()),
        };
        if d as usize >= facts {
            return Err("a fact out of range".to_owned());
        }
        doc = Some(d);
        each(r, d)?;
    }
    Ok(())
}

pub(crate) fn read_shard(bytes: &[u8], facts: usize) -> Read<Shard> {
    let mut r = Reader::file(bytes, SHARD)?;
    let first = r.u32()?;
    let n = r.count()?;
    let mut postings = Vec::with_capacity(n);
    for _ in 0..n {
        let len = r.count()?;
        let mut list = Vec::with_capacity(len);
        read_doc_list(&mut r, len, facts, |r, doc| {
            let v = r.varint()?;
            let twice_tf = u16::try_from(v >> 1).map_err(|_| "a term frequency out of range")?;
            list.push(Posting { doc, twice_tf, plain: v & 1 != 0 });
            Ok(())
        })?;
        postings.push(list);
    }
    let n = r.count()?;
    let mut spellings: Vec<(Box<str>, Vec<u32>)> = Vec::with_capacity(n);
    for _ in 0..n {
        let spelling = r.str()?.into_boxed_str();
        if spellings.last().is_some_and(|(p, _)| *p >= spelling) {
            return Err("spellings are not in order".to_owned());
        }
        let len = r.count()?;
        let mut docs = Vec::with_capacity(len);
        read_doc_list(&mut r, len, facts, |_, d| {
            docs.push(d);
            Ok(())
        })?;
        spellings.push((spelling, docs));
    }
    r.end()?;
    Ok(Shard { first, postings, spellings })
}

/// The id bucket fact id `id` belongs in, of `buckets`: by its CRC-32, so that buckets fill
/// evenly whatever the ids look like.
pub(crate) fn id_bucket(id: &str, buckets: usize) -> usize {
    crc32(id.as_bytes()) as usize % buckets.max(1)
}

/// One bucket's (fact id, fact index) pairs, sorted by id, front-coded.
pub(crate) fn write_ids(ids: &[(&str, usize)]) -> Vec<u8> {
    let mut w = Writer::file(IDS);
    w.usize(ids.len());
    let mut prev: &[u8] = b"";
    for (id, fact) in ids {
        let shared = prev.iter().zip(id.as_bytes()).take_while(|(a, b)| a == b).count();
        w.usize(shared);
        w.usize(id.len() - shared);
        w.bytes.extend_from_slice(&id.as_bytes()[shared..]);
        w.usize(*fact);
        prev = id.as_bytes();
    }
    w.bytes
}

/// Bucket `bucket` of `buckets`, for a dataset of `facts` facts: ids in order, each in
/// this bucket, each naming a fact in range.
pub(crate) fn read_ids(bytes: &[u8], bucket: usize, buckets: usize, facts: usize) -> Read<Vec<(String, usize)>> {
    let mut r = Reader::file(bytes, IDS)?;
    let n = r.count()?;
    let mut out: Vec<(String, usize)> = Vec::with_capacity(n);
    let mut id = Vec::new();
    for _ in 0..n {
        let shared = r.usize()?;
        if shared > id.len() {
            return Err("an id shares more than the one before it".to_owned());
        }
        id.truncate(shared);
        let len = r.usize()?;
        id.extend_from_slice(r.bytes(len)?);
        let s = String::from_utf8(id.clone()).map_err(|_| "an id is not UTF-8")?;
        let fact = r.usize()?;
        if fact >= facts || id_bucket(&s, buckets) != bucket || out.last().is_some_and(|(p, _)| *p >= s) {
            return Err("ids out of order, out of range or in the wrong bucket".to_owned());
        }
        out.push((s, fact));
    }
    r.end()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::compiled::records::{read_chunk, read_texts};
    use crate::compiled::{compile, Manifest, MANIFEST};
    use crate::search::Index;
    use crate::test_events::events;

    /// A small compiled dataset: its manifest, and every other file.
    fn compiled() -> (Manifest, Vec<(String, Vec<u8>)>) {
        let d = events(&[
            ("a", json!({ "title": "Gəncə solar plant", "sectors": ["x", "y"], "date": "2021" })),
            (
                "b",
                json!({ "title": "Şəki pipeline", "kind": "indicator", "quantity": { "value": 5, "unit": "times", "measure": "change" } }),
            ),
        ]);
        let mut files = Vec::new();
        let write = |n: &str, b: &[u8]| -> Result<(), ()> {
            files.push((n.to_owned(), b.to_vec()));
            Ok(())
        };
        let manifest = compile(&d, &Index::build(&d), write, |_| {}).unwrap();
        files.retain(|(n, _)| n != MANIFEST);
        (manifest, files)
    }

    /// Decodes `bytes` as the file `name` of the dataset `m` describes, its checksum not
    /// checked (the last four bytes); true when it decodes.
    fn decodes(m: &Manifest, name: &str, bytes: &[u8]) -> bool {
        let bytes = &bytes[..bytes.len().saturating_sub(4)];
        match name.split(['-', '.']).next() {
            Some("terms") => read_terms(bytes, m.terms).is_ok(),
            Some("docs") => read_docs(bytes, m.facts, m.sectors.len()).is_ok(),
            Some("sort") => read_sort(bytes, m.facts).is_ok(),
            Some("post") => read_shard(bytes, m.facts).is_ok(),
            Some("facts") => read_chunk(bytes, m.sectors.len(), m.sources, m.facts).is_ok(),
            Some("text") => read_texts(bytes, m.facts).is_ok(),
            Some("ids") => read_ids(bytes, 0, m.id_buckets, m.facts).is_ok(),
            Some("open") => read_opening(bytes, m.facts).is_ok(),
            Some("timeline") => super::super::chronology::read_timeline(bytes, m.facts).is_ok(),
            _ => panic!("unknown file {name}"),
        }
    }

    #[test]
    fn every_file_decodes_as_written() {
        let (m, files) = compiled();
        let openings = m.openings.len();
        assert!(openings > 4, "{openings} openings");
        assert_eq!(
            files.len(),
            13 + openings,
            "terms, docs, 6 sort columns, a shard, the openings, a chunk, a text file, an id bucket, the timeline"
        );
        for (name, bytes) in &files {
            assert!(decodes(&m, name, bytes), "{name}");
        }
    }

    #[test]
    fn an_opening_reads_back_as_a_list_or_as_a_bitset() {
        let bit = |docs: &[u32], d: u32| docs.contains(&d);
        for (docs, facts, as_bits) in [(vec![3, 700], 1000, false), ((0..1000).step_by(3).collect(), 1000, true), (vec![], 200, false)] {
            let bytes = write_opening(&docs, facts);
            // After the magic, the version and the count (two bytes for these counts).
            assert_eq!(bytes[6 + 2], u8::from(as_bits), "{docs:?}");
            let words = read_opening(&bytes, facts).unwrap();
            assert_eq!(words.len(), facts.div_ceil(64));
            assert!((0..facts as u32).all(|d| (words[d as usize / 64] >> (d % 64) & 1 == 1) == bit(&docs, d)));
        }
    }

    #[test]
    fn each_fact_s_sectors_read_back_as_written_however_many_sectors_a_dataset_declares() {
        for sector_count in [0, 1, 3, 64, 65, 70] {
            let facts = 50;
            let (mut starts, mut sectors) = (vec![0u32], Vec::new());
            for f in 0..facts as u32 {
                sectors.extend((0..sector_count as u32).filter(|s| (f * 7 + s * 3) % 5 == 0 || *s == sector_count as u32 - 1));
                starts.push(sectors.len() as u32);
            }
            let kinds = (0..facts).map(|f| Kind::ALL[f % Kind::ALL.len()]).collect();
            let table = FacetTable::from_parts(kinds, starts, sectors, sector_count);
            let norms: Vec<f32> = (0..facts).map(|f| (f % 4) as f32 / 2.0).collect();
            let (back, back_norms) = read_docs(&write_docs(&table, &norms, sector_count), facts, sector_count).unwrap();
            for f in 0..facts {
                assert_eq!(back.fact(f), table.fact(f), "fact {f} of {sector_count} sectors");
            }
            assert_eq!(back_norms, norms);
        }
    }

    proptest! {
        /// The checksum stops damaged files first; behind it, no bytes make a decoder panic.
        #[test]
        fn damaged_bytes_are_an_error_or_a_value_never_a_panic(which in any::<usize>(), at in any::<usize>(), xor in 1u8..=255, cut in any::<bool>()) {
            let (m, files) = compiled();
            let (name, mut bytes) = files[which % files.len()].clone();
            let i = at % bytes.len();
            if cut {
                bytes.truncate(i);
            } else {
                bytes[i] ^= xor;
            }
            let _ = decodes(&m, &name, &bytes);
        }
    }
}
