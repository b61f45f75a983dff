//! [`compile`]: a validated dataset and its index → the files of a compiled dataset, the
//! same bytes for the same dataset.

use super::chronology::write_timeline;
use super::codec::{crc32, crc32_continue};
use super::files::{id_bucket, write_docs, write_ids, write_opening, write_shard, write_sort, write_terms};
use super::manifest::{file_name, seal, File, Manifest, MANIFEST};
use super::records::{write_chunk, write_texts};
use super::{BUCKET_IDS, CHUNK_FACTS, SHARD_BYTES, SOURCE_GROUP};
use crate::dataset::Dataset;
use crate::search::{Index, Opening, OPENING_CHARS};
use crate::timeline::sorted;
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
    let facts = index.len();
    let dictionary = write_terms(&index.terms, |t| index.postings[t].len());
    let docs = write_docs(&index.facets, &index.doc_norm, dataset.sectors.len());
    let mut quoting = vec![Vec::new(); dataset.sources.len()];
    for (i, f) in dataset.facts.iter().enumerate() {
        quoting[f.source].push(i);
    }
    let count = facts.div_ceil(CHUNK_FACTS);
    let chunk = |c: usize| write_chunk(dataset, c * CHUNK_FACTS, CHUNK_FACTS.min(facts - c * CHUNK_FACTS));
    let text_files = dataset.sources.len().div_ceil(SOURCE_GROUP);
    let texts = |g: usize| write_texts(dataset, &quoting, g * SOURCE_GROUP, SOURCE_GROUP.min(dataset.sources.len() - g * SOURCE_GROUP));
    // The build checksum covers every fact and source in full (the chunks and text files)
    // and what the index makes of them (the dictionary and table; the other files follow
    // from these), so it needs a pass over those before any file is written.
    let mut build = crc32_continue(crc32(&dictionary), &docs);
    build = crc32_continue(build, &(shard_bytes as u64).to_le_bytes());
    for c in 0..count {
        build = crc32_continue(build, &chunk(c));
    }
    for g in 0..text_files {
        build = crc32_continue(build, &texts(g));
    }
    let index_bytes = (dictionary.len() + docs.len()) as u64;
    let mut put = |file: File, body: Vec<u8>| write(&file_name(file), &seal(build, body));
    put(File::Terms, dictionary)?;
    put(File::Docs, docs)?;
    for c in Column::ALL {
        put(File::Sort(c), write_sort(index.sort_keys.column(c)))?;
    }
    let all: Vec<usize> = (0..facts).collect();
    put(File::Timeline, write_timeline(&sorted(dataset, &all), facts))?;
    progress(&format!("{} terms, {facts} facts: dictionary, facet table, timeline and sort columns written", index.terms.len()));

    let ranges = shard_ranges(index, shard_bytes);
    let mut shards = Vec::with_capacity(ranges.len());
    let mut spellings = &index.spellings[..];
    for (i, range) in ranges.iter().enumerate() {
        // The spellings whose text sorts before the next shard's first term.
        let end = ranges.get(i + 1).map_or(spellings.len(), |next| spellings.partition_point(|(s, _)| **s < *index.terms[next.start]));
        let (mine, rest) = spellings.split_at(end);
        spellings = rest;
        let bytes = write_shard(range.start as u32, &index.postings[range.clone()], mine);
        put(File::Shard(i), bytes)?;
        shards.push(range.start as u32);
        if (i + 1).is_multiple_of(100) {
            progress(&format!("postings: {} of {} shards", i + 1, ranges.len()));
        }
    }
    progress(&format!("postings: {} shards", ranges.len()));

    // For each opening of the terms (first character, first two), the facts holding a word
    // that starts so: terms are sorted, so each opening's terms are one range.
    let mut openings = Vec::new();
    for t in 0..index.terms.len() {
        for chars in 1..=OPENING_CHARS {
            let term = &index.terms[t];
            let Some(opening) = term.char_indices().nth(chars - 1).and_then(|(at, c)| Opening::of(&term[..at + c.len_utf8()])) else {
                continue;
            };
            if t > 0 && opening.opens(&index.terms[t - 1]) {
                continue;
            }
            let end = t + index.terms[t..].partition_point(|term| opening.opens(term));
            let mut docs: Vec<u32> = index.postings[t..end].iter().flatten().map(|p| p.doc).collect();
            docs.sort_unstable();
            docs.dedup();
            put(File::Opening(opening), write_opening(&docs, facts))?;
            openings.push(opening);
        }
    }
    progress(&format!("openings: {} files", openings.len()));

    for c in 0..count {
        put(File::Chunk(c), chunk(c))?;
        // About ten reports, whatever the size.
        if (c + 1).is_multiple_of(count.div_ceil(10).max(200)) {
            progress(&format!("facts: {} of {count} chunks", c + 1));
        }
    }
    progress(&format!("facts: {count} chunks"));
    for g in 0..text_files {
        put(File::Texts(g), texts(g))?;
    }
    progress(&format!("sources: {text_files} text files"));

    let buckets = facts.div_ceil(BUCKET_IDS);
    let mut by_bucket: Vec<Vec<(&str, usize)>> = vec![Vec::new(); buckets];
    for (i, f) in dataset.facts.iter().enumerate() {
        by_bucket[id_bucket(f.id.as_str(), buckets)].push((f.id.as_str(), i));
    }
    for (b, mut list) in by_bucket.into_iter().enumerate() {
        list.sort_unstable();
        put(File::Ids(b), write_ids(&list))?;
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
        build,
        index_bytes,
        shards,
        openings,
        chunks: count,
        source_group: SOURCE_GROUP,
        id_buckets: buckets,
        totals: index.facets().totals().clone(),
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
