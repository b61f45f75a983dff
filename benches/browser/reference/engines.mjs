// The JavaScript search engines' configurations, shared by the engine benchmark
// (harness.mjs) and the plain-JS reference pages of the keystroke benchmark, so that both
// measure the same setup (documented in BENCHMARKS.md's Method; change them here only).
// Each engine takes the same documents (`toDocs`; `id` is the fact's position) and
// returns the ids of every match, best first. Served by both servers at
// /reference/engines.mjs, with the libraries' ESM builds under /vendor/.

import { Charset, Document } from '/vendor/flexsearch.mjs';
import MiniSearch from '/vendor/minisearch.js';
import { create, insertMultiple, search as oramaSearch } from '/vendor/orama/index.js';

/** The indexed fields, most important first (the order FlexSearch's per-field hits merge in). */
export const FIELDS = ['title', 'tags', 'summary', 'quote'];

/** MiniSearch: the fields factdeck weighs most, prefix + fuzzy on, every word required. */
export const MINISEARCH_OPTIONS = {
  fields: FIELDS,
  storeFields: [],
  extractField: (doc, field) => (field === 'tags' ? doc.tags.join(' ') : doc[field]),
  searchOptions: {
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND',
    boost: { title: 4, tags: 2, summary: 1.5, quote: 1 },
  },
};

/**
 * FlexSearch 0.8: a Document index over the four fields, every prefix of a word indexed
 * (`tokenize: 'forward'`, so the word being typed matches), and the LatinBalance encoder
 * (lowercase, diacritics folded, some phonetic folding of Latin letters; FlexSearch has no
 * edit-distance typo tolerance). A query's words are searched one by one across all fields
 * and intersected: every word must match, in any field.
 */
export const FLEXSEARCH_OPTIONS = {
  tokenize: 'forward',
  encoder: 'Charset.LatinBalance',
  document: { id: 'id', index: FIELDS },
};

/** Orama 3: full-text over the four fields (prefix matching is built in), one typo per word, every word required. */
export const ORAMA_SEARCH = {
  properties: FIELDS,
  tolerance: 1,
  threshold: 0,
  boost: { title: 4, tags: 2, summary: 1.5, quote: 1 },
};

export function makeMiniSearch(docs, options = MINISEARCH_OPTIONS) {
  const ms = new MiniSearch(options);
  ms.addAll(docs);
  return { search: (q) => ms.search(q).map((r) => r.id) };
}

export function makeFlexSearch(docs) {
  const index = new Document({ ...FLEXSEARCH_OPTIONS, encoder: Charset.LatinBalance });
  for (const d of docs) index.add({ ...d, tags: d.tags.join(' ') });
  const limit = docs.length;
  const wordHits = (word) => {
    const hits = new Set();
    for (const { result } of index.search(word, { limit })) for (const id of result) hits.add(id);
    return hits;
  };
  // Hits of one word, in field order (title hits first), de-duplicated.
  const ordered = (word) => {
    const byField = new Map(index.search(word, { limit }).map((r) => [r.field, r.result]));
    const out = [];
    const seen = new Set();
    for (const f of FIELDS) for (const id of byField.get(f) ?? []) if (!seen.has(id)) (seen.add(id), out.push(id));
    return out;
  };
  return {
    search(q) {
      const words = q.split(/\s+/).filter(Boolean);
      if (!words.length) return [];
      let out = ordered(words[0]);
      for (const w of words.slice(1)) {
        if (!out.length) break;
        const hits = wordHits(w);
        out = out.filter((id) => hits.has(id));
      }
      return out;
    },
  };
}

export function makeOrama(docs) {
  const db = create({ schema: { title: 'string', tags: 'string', summary: 'string', quote: 'string' } });
  insertMultiple(db, docs.map((d) => ({ id: String(d.id), title: d.title, tags: d.tags.join(' '), summary: d.summary, quote: d.quote })), docs.length);
  const limit = docs.length;
  return {
    search: (q, max = limit) => {
      const r = oramaSearch(db, { term: q, ...ORAMA_SEARCH, limit: max });
      return { ids: r.hits.map((h) => Number(h.id)), count: r.count };
    },
  };
}

/**
 * The documents every JavaScript engine indexes: the fields factdeck weighs most, `tags`
 * the sector labels, parties, countries and kind; with `cards`, also `sectors` (the labels)
 * for the reference pages' cards.
 */
export function toDocs(dataset, { cards = false } = {}) {
  const label = Object.fromEntries(dataset.sectors.map((s) => [s.id, s.label]));
  return dataset.facts.map((f, i) => ({
    id: i,
    fid: f.id,
    title: f.title,
    summary: f.summary,
    quote: f.quote,
    ...(cards && { sectors: f.sectors.map((s) => label[s] ?? s) }),
    tags: [...f.sectors.map((s) => label[s] ?? s), ...(f.parties ?? []), ...(f.countries ?? []), f.kind],
  }));
}
