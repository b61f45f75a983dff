// The in-page half of the browser benchmarks: factdeck's search core (WebAssembly, built
// from benches/wasm-harness), MiniSearch, Fuse.js, FlexSearch and Orama behind one
// interface, on the same data and the same queries. benches/browser/run.mjs drives it
// through `window.bench`; memory is read from outside, over the DevTools protocol.
//
// Engine configurations (documented in BENCHMARKS.md): MiniSearch, FlexSearch and Orama
// in reference/engines.mjs (shared with the keystroke benchmark's reference pages), Fuse.js
// here. Change them there only.

import Fuse from '/vendor/fuse.mjs';
import {
  FLEXSEARCH_OPTIONS,
  MINISEARCH_OPTIONS,
  ORAMA_SEARCH,
  makeFlexSearch,
  makeMiniSearch,
  makeOrama,
  toDocs,
} from '/reference/engines.mjs';
import { fold } from '/quality/text.mjs';
import initWasm, * as fd from '/wasm/factdeck_bench_wasm.js';

/** Fuse.js: weighted keys; no index to speak of, every query scans every record. */
export const FUSE_OPTIONS = {
  keys: [
    { name: 'title', weight: 4 },
    { name: 'tags', weight: 2 },
    { name: 'summary', weight: 1.5 },
    { name: 'quote', weight: 1 },
  ],
  threshold: 0.4,
  ignoreLocation: true,
  useExtendedSearch: false,
};

// Variants for the quality table only: what a careful integrator might add to each peer.
const WORD = /[^\p{L}\p{N}\p{M}'ʻ’‘ʼ]+/u;
const MINISEARCH_FOLDED_OPTIONS = {
  ...MINISEARCH_OPTIONS,
  // Split like factdeck (apostrophes stay inside words) and fold like factdeck.
  tokenize: (text) => text.split(WORD),
  processTerm: (term) => fold(term) || null,
};
const FUSE_DIACRITICS_OPTIONS = { ...FUSE_OPTIONS, ignoreDiacritics: true };

const now = () => performance.now();

class JsEngine {
  constructor(kind, options) {
    this.kind = kind;
    this.options = options;
    this.docs = null;
    this.index = null;
  }
  prepare(text) {
    const dataset = JSON.parse(text);
    this.docs = toDocs(dataset);
    return this.docs.length;
  }
  build() {
    this.index = null;
    if (this.kind === 'minisearch') this.index = makeMiniSearch(this.docs, this.options);
    else if (this.kind === 'flexsearch') this.index = makeFlexSearch(this.docs);
    else if (this.kind === 'orama') this.index = makeOrama(this.docs);
    else this.index = new Fuse(this.docs, this.options);
  }
  search(q) {
    if (this.kind === 'fuse') return this.index.search(q).map((r) => r.refIndex);
    if (this.kind === 'orama') return this.index.search(q).ids;
    return this.index.search(q);
  }
  id(i) {
    return this.docs[i].fid;
  }
}

class WasmEngine {
  constructor() {
    this.ids = null;
  }
  prepare(text) {
    this.ids = null;
    return fd.load_dataset(text);
  }
  build() {
    this.indexBytes = fd.build_index();
  }
  search(q) {
    return fd.search(q);
  }
  count(q) {
    return fd.search(q).length;
  }
  id(i) {
    return fd.fact_id(i);
  }
}

function makeEngine(name) {
  switch (name) {
    case 'factdeck':
      return new WasmEngine();
    case 'minisearch':
      return new JsEngine('minisearch', MINISEARCH_OPTIONS);
    case 'minisearch-folded':
      return new JsEngine('minisearch', MINISEARCH_FOLDED_OPTIONS);
    case 'fuse':
      return new JsEngine('fuse', FUSE_OPTIONS);
    case 'flexsearch':
      return new JsEngine('flexsearch', FLEXSEARCH_OPTIONS);
    case 'orama':
      return new JsEngine('orama', ORAMA_SEARCH);
    case 'fuse-ignore-diacritics':
      return new JsEngine('fuse', FUSE_DIACRITICS_OPTIONS);
    default:
      throw new Error(`unknown engine ${name}`);
  }
}

function quantile(sorted, p) {
  if (!sorted.length) return null;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

let text = null;
let engine = null;
let engineName = null;

let wasmExports = null;
const wasmReady = initWasm({ module_or_path: '/wasm/factdeck_bench_wasm_bg.wasm' }).then((w) => (wasmExports = w));

window.bench = {
  ready: wasmReady.then(() => ({
    crossOriginIsolated: self.crossOriginIsolated,
    userAgent: navigator.userAgent,
    config: {
      minisearch: { ...MINISEARCH_OPTIONS, extractField: String(MINISEARCH_OPTIONS.extractField) },
      fuse: FUSE_OPTIONS,
      flexsearch: FLEXSEARCH_OPTIONS,
      orama: ORAMA_SEARCH,
    },
  })),

  /** Fetches a dataset's JSON text (kept until `prepare`). */
  async fetch(url) {
    const t0 = now();
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    text = await res.text();
    return { chars: text.length, ms: now() - t0 };
  },

  /**
   * Makes `name` and gives it the fetched text: JSON.parse + documents for the JS engines,
   * parse + validation into WebAssembly memory for factdeck. The text is dropped after.
   */
  prepare(name) {
    engine?.index && (engine.index = null);
    engineName = name;
    engine = makeEngine(name);
    const t0 = now();
    const facts = engine.prepare(text);
    const ms = now() - t0;
    text = null;
    return { facts, ms };
  },

  /** Builds the index; returns its time in ms. */
  build() {
    const t0 = now();
    engine.build();
    return now() - t0;
  },

  /** Rebuilds the index `times` times; returns each time in ms. */
  rebuild(times) {
    const out = [];
    for (let i = 0; i < times; i++) out.push(this.build());
    return out;
  },

  /** factdeck's memory figures (bytes): linear memory, Rust heap live and peak, index. */
  wasmMemory() {
    return {
      linear: wasmExports.memory.buffer.byteLength,
      heapLive: fd.heap_live_bytes(),
      heapPeak: fd.heap_peak_bytes(),
      index: engine?.indexBytes ?? null,
    };
  },

  /**
   * Times `queries` (strings). Each sample is one query's mean time over k back-to-back
   * calls, k chosen per query during warm-up so that a sample lasts ≥ minSampleMs (k = 1
   * for slow queries, and with no warm-up). Rounds go through all queries in order, `reps`
   * times. Every call returns the full ranked list of matches, as an array.
   */
  latency(queries, { reps = 10, warmup = 3, minSampleMs = 0.5, maxK = 64 } = {}) {
    const per = queries.map((q) => ({ q, k: 1, hits: 0, samples: [] }));
    if (warmup > 0) {
      for (const p of per) {
        let t = Infinity;
        for (let i = 0; i < warmup; i++) {
          const t0 = now();
          engine.search(p.q);
          t = Math.min(t, now() - t0);
        }
        p.k = t >= minSampleMs ? 1 : Math.min(maxK, Math.ceil(minSampleMs / Math.max(t, 0.005)));
      }
    }
    for (let r = 0; r < reps; r++) {
      for (const p of per) {
        let res;
        const t0 = now();
        for (let j = 0; j < p.k; j++) res = engine.search(p.q);
        p.samples.push((now() - t0) / p.k);
        p.hits = res.length;
      }
    }
    const all = per.flatMap((p) => p.samples).sort((a, b) => a - b);
    return {
      engine: engineName,
      median: quantile(all, 0.5),
      p95: quantile(all, 0.95),
      samples: all.length,
      perQuery: per.map((p) => {
        const s = [...p.samples].sort((a, b) => a - b);
        return { q: p.q, k: p.k, hits: p.hits, median: quantile(s, 0.5), p95: quantile(s, 0.95), n: s.length };
      }),
    };
  },

  /** For each labelled query: the target's rank (0-based, -1 if absent), hit count, top 5 ids. */
  quality(queries) {
    return queries.map((q) => {
      const res = engine.search(q.query);
      let rank = -1;
      const n = res.length;
      for (let i = 0; i < n; i++) {
        if (engine.id(res[i]) === q.target) {
          rank = i;
          break;
        }
      }
      const top = [];
      for (let i = 0; i < Math.min(5, n); i++) top.push(engine.id(res[i]));
      return { id: q.id, rank, hits: n, top };
    });
  },

  quantile,
};
