//! [`compile`]: a validated dataset and its index → the files of a compiled dataset, the
//! same bytes for the same dataset.

use super::files::{id_bucket, write_chunk, write_docs, write_ids, write_letter, write_shard, write_sort, write_terms};
use super::manifest::{file_name, File, FileEntry, Manifest, MANIFEST};
use super::{BUCKET_IDS, CHUNK_FACTS, SHARD_BYTES};
use crate::dataset::Dataset;
use crate::search::Index;
use crate::url_state::Column;

/// Writes `dataset` (which `index` indexes) as a compiled dataset: every file through
/// `write(name, bytes)`, the manifest last (so a directory with a manifest is complete).
/// `progress` hears what has been written, now and then. Returns the manifest.
///
/// The output depends only on the dataset: compiling it twice gives the same bytes.
pub fn compile<E>(
    dataset: &Dataset,
    index: &Index,
    write: impl FnMut(&str, &[u8]) -> Result<(), E>,
    progress: impl FnMut(&str),
) -> Result<Manifest, E> {
    compile_sharded(dataset, index, SHARD_BYTES, write, progress)
}

/// [`compile`] with postings shards of about `shard_bytes` instead of [`SHARD_BYTES`]
/// (tests use tiny ones, to cross many shard boundaries with small datasets).
pub fn compile_sharded<E>(
    dataset: &Dataset,
    index: &Index,
    shard_bytes: usize,
    mut write: impl FnMut(&str, &[u8]) -> Result<(), E>,
    mut progress: impl FnMut(&str),
) -> Result<Manifest, E> {
    let mut put = |file: File, bytes: Vec<u8>| -> Result<FileEntry, E> {
        let name = file_name(file);
        write(&name, &bytes)?;
        Ok(FileEntry::of(name, &bytes))
    };
    let facts = index.len();
    let dictionary = put(File::Terms, write_terms(&index.terms, |t| index.postings[t].len()))?;
    let docs = put(File::Docs, write_docs(&index.facets, &index.doc_norm, dataset.sectors.len()))?;
    let sort = Column::ALL.iter().map(|&c| put(File::Sort(c), write_sort(index.sort_keys.column(c)))).collect::<Result<_, E>>()?;
    progress(&format!("{} terms, {facts} facts: dictionary, facet table and sort columns written", index.terms.len()));

    let ranges = shard_ranges(index, shard_bytes);
    let mut shards = Vec::with_capacity(ranges.len());
    let mut spellings = &index.spellings[..];
    for (i, range) in ranges.iter().enumerate() {
        // The spellings whose text sorts before the next shard's first term.
        let end = ranges.get(i + 1).map_or(spellings.len(), |next| spellings.partition_point(|(s, _)| **s < *index.terms[next.start]));
        let (mine, rest) = spellings.split_at(end);
        spellings = rest;
        let bytes = write_shard(range.start as u32, &index.postings[range.clone()], mine);
        shards.push((range.start as u32, put(File::Shard(i), bytes)?));
        if (i + 1) % 100 == 0 {
            progress(&format!("postings: {} of {} shards", i + 1, ranges.len()));
        }
    }
    progress(&format!("postings: {} shards", ranges.len()));

    // For each first letter of the terms, the facts holding a word that starts with it.
    let mut letters: Vec<(char, FileEntry)> = Vec::new();
    let mut t = 0;
    while t < index.terms.len() {
        let Some(letter) = index.terms[t].chars().next() else {
            t += 1;
            continue;
        };
        let end = t + index.terms[t..].partition_point(|term| term.starts_with(letter));
        let mut docs: Vec<u32> = index.postings[t..end].iter().flatten().map(|p| p.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        letters.push((letter, put(File::Letter(letter), write_letter(&docs, facts))?));
        t = end;
    }
    progress(&format!("letters: {} files", letters.len()));

    let mut quoting = vec![Vec::new(); dataset.sources.len()];
    for (i, f) in dataset.facts.iter().enumerate() {
        quoting[f.source].push(i);
    }
    let count = facts.div_ceil(CHUNK_FACTS);
    let mut chunks = Vec::with_capacity(count);
    for c in 0..count {
        let first = c * CHUNK_FACTS;
        chunks.push(put(File::Chunk(c), write_chunk(dataset, &quoting, first, CHUNK_FACTS.min(facts - first)))?);
        if (c + 1) % 200 == 0 {
            progress(&format!("facts: {} of {count} chunks", c + 1));
        }
    }
    progress(&format!("facts: {count} chunks"));

    let buckets = facts.div_ceil(BUCKET_IDS);
    let mut by_bucket: Vec<Vec<(&str, usize)>> = vec![Vec::new(); buckets];
    for (i, f) in dataset.facts.iter().enumerate() {
        by_bucket[id_bucket(f.id.as_str(), buckets)].push((f.id.as_str(), i));
    }
    let mut ids = Vec::with_capacity(buckets);
    for (b, mut list) in by_bucket.into_iter().enumerate() {
        list.sort_unstable();
        ids.push(put(File::Ids(b), write_ids(&list))?);
    }
    progress(&format!("ids: {buckets} buckets"));

    let manifest = Manifest {
        title: dataset.title.clone(),
        description: dataset.description.clone(),
        sectors: dataset.sectors.clone(),
        facts,
        sources: dataset.sources.len(),
        terms: index.terms.len(),
        chunk_facts: CHUNK_FACTS,
        dictionary,
        docs,
        sort,
        shards,
        letters,
        chunks,
        ids,
    };
    write(MANIFEST, &manifest.encode())?;
    Ok(manifest)
}

/// Consecutive term ranges whose postings take about `shard_bytes` each (a term alone may
/// take more), measured as written.
fn shard_ranges(index: &Index, shard_bytes: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut size) = (0, 0);
    for t in 0..index.terms.len() {
        let bytes = write_shard(0, std::slice::from_ref(&index.postings[t]), &[]).len();
        if size > 0 && size + bytes > shard_bytes {
            out.push(start..t);
            (start, size) = (t, 0);
        }
        size += bytes;
    }
    if start < index.terms.len() {
        out.push(start..index.terms.len());
    }
    out
}
