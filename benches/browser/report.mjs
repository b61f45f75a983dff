// Writes BENCHMARKS.md from the measured JSON in target/bench/results (machine.json,
// engines.json, quality.json, keystroke.json, sizes.json, criterion.json), so that no
// figure is ever copied by hand. Missing parts are reported as not run. The Lighthouse
// section comes from the committed benches/results/lighthouse.json (scripts/lighthouse),
// the Pagefind comparison from the committed benches/results/scale.json (scale.mjs);
// the first-load "before" column from the committed benches/results/size-baseline.json; and
// a hand-written explanation, if benches/results/notes.md exists, is included verbatim
// after the Targets table (see NOTES below).
//
//   node benches/browser/report.mjs [--results target/bench/results] [--out BENCHMARKS.md]

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadCommitted, renderSection } from './lighthouse-report.mjs';
import { loadScale, renderScale } from './scale-report.mjs';
import { args, opt } from './cli.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const RESULTS = path.resolve(ROOT, opt('--results', 'target/bench/results'));
const OUT = path.resolve(ROOT, opt('--out', 'BENCHMARKS.md'));

const load = (name) => {
  const f = path.join(RESULTS, `${name}.json`);
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null;
};
const machine = load('machine');
const engines = load('engines');
const quality = load('quality');
const keystroke = load('keystroke');
const sizes = load('sizes');
const criterion = load('criterion');
const config = engines?.meta.config ?? quality?.config ?? null;
const committed = (name) => {
  const f = path.join(ROOT, 'benches/results', name);
  return existsSync(f) ? readFileSync(f, 'utf8') : null;
};
/** The first-load size before issue 12 (6d6ebfc), for the before/after columns. */
const sizeBaseline = JSON.parse(committed('size-baseline.json') ?? 'null');
/**
 * NOTES: the lead's hand-written explanation of the targets (why one is missed, what was
 * tried), kept in benches/results/notes.md and included verbatim after the Targets table.
 */
const NOTES = committed('notes.md');
/**
 * PAIRED: the paired A/Bs of two builds (benches/browser/opening-ab.mjs, keystroke-ab.mjs),
 * run by hand, not by scripts/bench: their figures and what each step changed, kept in
 * benches/results/paired.md and included verbatim at the end.
 */
const PAIRED = committed('paired.md');

// ---- formatting ----

function ms(x) {
  if (x == null || Number.isNaN(x)) return '–';
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  if (x >= 1) return `${x.toFixed(2)} ms`;
  return `${(x * 1000).toFixed(0)} µs`;
}
const ns = (x) => ms(x / 1e6);
const kb = (b) => (b == null ? '–' : `${(b / 1000).toFixed(1)} kB`);
const mb = (b) => (b == null ? '–' : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1000).toFixed(0)} kB`);
const pct = (x) => (x == null ? '–' : `${(100 * x).toFixed(1)} %`);
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map((h) => (/^[-–]?\d|^(median|p50|p95|max|raw|gzip|brotli|top|bytes|DOM work|nodes)/i.test(h) ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const code = (s) => `\`${String(s).replaceAll('|', '\\|').replaceAll('`', 'ˋ')}\``;
const ENGINE_NAMES = {
  factdeck: 'factdeck (wasm)',
  minisearch: 'MiniSearch 7.2.0',
  fuse: 'Fuse.js 7.5.0',
  'minisearch-folded': 'MiniSearch + folding (variant)',
  'fuse-ignore-diacritics': 'Fuse.js + ignoreDiacritics (variant)',
  flexsearch: 'FlexSearch 0.8.212',
  orama: 'Orama 3.1.18',
};
const PEERS = ['minisearch', 'fuse', 'flexsearch', 'orama'];
/** The peers of the quality targets (set before FlexSearch and Orama joined the tables). */
const TARGET_PEERS = ['minisearch', 'fuse'];

const out = [];
const p = (...lines) => out.push(...lines, '');

// ---- quality helpers ----

function qualityStats() {
  if (!quality) return null;
  const byId = Object.fromEntries(quality.queries.map((q) => [q.id, q]));
  const stat = (engine, filter) => {
    const rs = quality.results[engine].filter((r) => filter(byId[r.id]));
    const n = rs.length;
    return {
      n,
      top1: n ? rs.filter((r) => r.rank === 0).length / n : null,
      top5: n ? rs.filter((r) => r.rank >= 0 && r.rank < 5).length / n : null,
    };
  };
  return { byId, stat };
}
const Q = qualityStats();

// ---- target checks ----

/** The keystroke figures of `page` (factdeck, flexsearch, minisearch, orama) on dataset `name`. */
function keystrokeRun(name, page = 'factdeck') {
  return keystroke?.runs.find((r) => r.name === name && (r.page ?? 'factdeck') === page && r.e2e) ?? null;
}

function targetRows() {
  const rows = [];
  const verdict = (ok, text) => (ok == null ? 'not measured' : ok ? `**met** (${text})` : `**missed** (${text})`);
  for (const name of ['synth-10k', 'synth-100k']) {
    const f = keystrokeRun(name);
    const x = keystrokeRun(name, 'flexsearch');
    for (const stat of ['median', 'p95']) {
      const a = f?.e2e[stat];
      const b = x?.e2e[stat];
      const known = a != null && b != null;
      rows.push([
        `factdeck keystroke ${stat === 'median' ? 'p50' : 'p95'} ≤ the FlexSearch page's at ${name.slice(6)}`,
        known ? `${ms(a)} vs ${ms(b)}` : '–',
        verdict(known ? a <= b : null, !known ? '' : a <= b ? `${ms(b - a)} to spare` : `by ${ms(a - b)}, ${(a / b).toFixed(2)}×`),
      ]);
    }
  }
  const s10 = engines?.sizes.find((s) => s.facts === 10000);
  if (s10) {
    for (const stat of ['median', 'p95']) {
      const f = s10.engines.factdeck.latency[stat];
      const m = s10.engines.minisearch.latency[stat];
      rows.push([
        `factdeck query latency (${stat}) at 10k ≤ MiniSearch's`,
        `${ms(f)} vs ${ms(m)}`,
        verdict(f <= m, f <= m ? `${(m / f).toFixed(2)}× faster` : `${(f / m).toFixed(2)}× slower`),
      ]);
    }
  } else rows.push(['factdeck query latency at 10k ≤ MiniSearch', '–', 'not measured']);
  if (Q) {
    for (const [cat, which, label] of [
      ['one-typo', 'top5', 'one-typo top-5'],
      ['diacritic-free', 'top1', 'diacritic-free top-1'],
    ]) {
      const f = Q.stat('factdeck', (q) => q.category === cat)[which];
      const best = Math.max(...TARGET_PEERS.map((e) => Q.stat(e, (q) => q.category === cat)[which]));
      const bestName = TARGET_PEERS.find((e) => Q.stat(e, (q) => q.category === cat)[which] === best);
      const ok = f >= 0.95 && f >= best;
      rows.push([
        `${label} ≥ 95 % and ≥ the better of MiniSearch and Fuse.js`,
        `${pct(f)} (best peer: ${ENGINE_NAMES[bestName]} ${pct(best)})`,
        verdict(ok, ok ? `${((f - best) * 100).toFixed(1)} points above the better peer` : f < 0.95 ? `${((0.95 - f) * 100).toFixed(1)} points under 95 %` : `${((best - f) * 100).toFixed(1)} points under ${ENGINE_NAMES[bestName]}`),
    ]);
    }
  }
  if (sizes) {
    const g = sizes.total.gzip;
    rows.push([
      'first load ≤ 150 kB gzip',
      `${kb(g)} (${(g / 1024).toFixed(1)} KiB)`,
      verdict(g <= 150_000, g <= 150_000 ? `${kb(150_000 - g)} to spare` : `by ${kb(g - 150_000)}`),
    ]);
  }
  return rows;
}

// ---- sections ----

p('# Benchmarks');
p(
  '> Generated by `benches/browser/report.mjs` from the JSON that `scripts/bench` measured ' +
    '(`target/bench/results/`), with the committed results in `benches/results/` (Scale, Lighthouse) ' +
    'and the hand-written parts there (`notes.md`, `scale-large-notes.md`, `paired.md`: the paired A/Bs). ' +
    'Do not edit this file by hand: edit those, or run `scripts/bench` again.',
);
p(
  'factdeck\'s search against [MiniSearch](https://github.com/lucaong/minisearch), ' +
    '[Fuse.js](https://www.fusejs.io/), [FlexSearch](https://github.com/nextapps-de/flexsearch) and ' +
    '[Orama](https://github.com/oramasearch/orama) side by side, in the same headless Chromium, on the same ' +
    'synthetic data and the same queries; the cost of a keystroke, end to end, in the real app and in ' +
    'plain-JS reference pages built on FlexSearch, MiniSearch and Orama; ' +
    'search quality on a labelled query set; the first-load size of the app; and the native ' +
    'Criterion benchmarks of the core.',
);

p('## Reproduce', '```sh\nscripts/bench\n```');
p(
  'One command, idempotent: it runs `scripts/setup --test`, `npm ci` (MiniSearch 7.2.0, Fuse.js ' +
    '7.5.0, FlexSearch 0.8.212, Orama 3.1.18, Pagefind 1.6.0 and playwright-core are dev dependencies; nothing ships), generates the synthetic ' +
    'datasets (`synth 1000|2000|10000|100000 1`), regenerates `benches/quality/queries.json`, builds ' +
    'the benchmark wasm (`benches/wasm-harness`, into `target/bench-wasm/`) and the app ' +
    '(`trunk build --release --dist target/dist-bench`), runs the browser benchmarks ' +
    '(`benches/browser/run.mjs`, `keystroke.mjs`, `scale.mjs`), the size report (`sizes.mjs`, `twiggy`), ' +
    '`cargo bench -p factdeck-synth --bench search`, and writes this file. It takes about 45–65 ' +
    'minutes on 2 cores (the Pagefind side by side about 5 of them). `BENCH_SIZES=1000,10000 scripts/bench` skips the 100k runs.',
);
p(
  'The side by side with Pagefind alone, against the app in `dist/` (`trunk build --release --offline` first): ' +
    'it indexes the same facts with Pagefind\'s Node API into `target/bench/pagefind-N/` and writes ' +
    '`benches/results/scale.json` (committed), which the "Scale" section shows whenever this file is written.',
  '```sh\nnode benches/browser/scale.mjs --sizes 10000,100000\n```',
);

if (machine) {
  p('## Machine');
  p(
    table(
      ['', ''],
      [
        ['date', machine.date],
        ['commit', `${machine.commit}${machine.dirty ? ' (with uncommitted changes)' : ''}`],
        ['CPU', `${machine.cpu}, ${machine.nproc} cores (nproc)`],
        ['memory', `${machine.memoryGiB} GiB`],
        ['kernel', machine.kernel],
        ['browser', machine.chromium],
        ['node', machine.node],
        ['rustc', machine.rustc],
        ['tools', [machine.trunk, machine.wasmBindgen, machine.wasmOpt].filter(Boolean).join(', ')],
      ],
    ),
  );
  const busy = machine.phases?.filter((ph) => ph.loadavg[0] > machine.nproc * 0.75) ?? [];
  p(
    'Load while each part ran (1-minute load average; share of time some task waited for a CPU, ' +
      'from /proc/pressure/cpu). Other work on the machine inflates every time below, tails (p95) ' +
      'most; compare engines within one run, not across runs.',
  );
  p(
    table(
      ['phase', 'started (UTC)', 'load average (1, 5, 15 min)', 'CPU pressure (60 s)', 'busy'],
      (machine.phases ?? []).map((ph) => [
        ph.phase,
        ph.at.slice(11, 19),
        ph.loadavg.join(', '),
        ph.cpuPressureSomeAvg60 == null ? '–' : `${ph.cpuPressureSomeAvg60} %`,
        busy.includes(ph) ? '**yes**' : '',
      ]),
    ),
  );
  if (busy.length) {
    p(
      `**Caution:** other work kept the machine busy in ${busy.length} of ${machine.phases.length} phases ` +
        `(1-minute load average above ${machine.nproc * 0.75} on ${machine.nproc} cores); absolute times ` +
        'are inflated there. Re-run on a quiet machine for figures to quote.',
    );
  }
}

p('## Targets');
p(table(['target', 'measured', 'verdict'], targetRows()));
p(
  'The keystroke targets compare end-to-end figures of the same run (see "Keystroke cost, end ' +
    'to end"): factdeck against the plain-JS FlexSearch reference page, same data, same typing.',
);
// ---- hand-written notes: benches/results/notes.md, verbatim (the lead's explanation) ----
if (NOTES) p(NOTES.trim());

p('## Method');
p(
  '- **Engines.** factdeck is its own search core (`core/src/search/`: `Query::parse` + ' +
    '`Index::search`), compiled with the app\'s release profile (`opt-level = "z"`, LTO) into a ' +
    'small wasm-bindgen module (`benches/wasm-harness`) and shrunk with `wasm-opt -Oz`, like the ' +
    'app. MiniSearch, Fuse.js, FlexSearch (`dist/flexsearch.bundle.module.min.mjs`) and Orama ' +
    '(`dist/browser/`) are the npm packages\' ESM builds, served from `node_modules`. ' +
    'Every engine returns the full ranked list of matches for each query.',
  '- **Documents.** factdeck indexes its dataset as the app does (title, sectors, parties, ' +
    'countries, kind, summary, quote, attribution, quantity, status). The JavaScript engines get ' +
    '`title`, `summary`, `quote` and `tags` (sector labels, parties, countries, kind). The latency ' +
    'queries use only words from those shared fields.',
  `- **MiniSearch** configuration (as measured, from \`benches/browser/reference/engines.mjs\`, shared with the MiniSearch reference page): ${config ? code(JSON.stringify(config.minisearch)) : '–'}; ` +
    'default tokenizer and `processTerm` (lowercase only). `fuzzy: 0.2` allows round(0.2 × length) ' +
    'edits (Levenshtein: a transposition is 2 edits).',
  `- **Fuse.js** configuration: ${config ? code(JSON.stringify(config.fuse)) : '–'}; ` +
    'other options default. Fuse.js has no inverted index: "build" only preprocesses the records, ' +
    'and each query runs its Bitap matcher over every record, so queries cost O(n).',
  `- **FlexSearch** configuration (\`reference/engines.mjs\`, shared with the FlexSearch reference page): ${config?.flexsearch ? code(JSON.stringify(config.flexsearch)) : '–'}: ` +
    'a `Document` index over the four fields, `tokenize: "forward"` (every prefix of a word is indexed, so the ' +
    'word being typed matches) and the `Charset.LatinBalance` encoder (lowercase, diacritics folded, some ' +
    'phonetic folding of Latin letters). FlexSearch has no edit-distance typo tolerance; the encoder is its ' +
    'only fuzziness. A query is split on spaces; each word is searched across all fields (`limit` = every ' +
    'fact), and the words\' hits are intersected: every word must match, in any field (FlexSearch\'s own ' +
    'multi-word search would require all words in one field). Results keep the first word\'s order, ' +
    'title hits first, then tags, summary, quote.',
  `- **Orama** configuration (\`reference/engines.mjs\`, shared with the Orama reference page): schema ` +
    '`title`, `tags`, `summary`, `quote` (all `string`), documents inserted with `insertMultiple`; search ' +
    `options ${config?.orama ? code(JSON.stringify(config.orama)) : '–'} (prefix matching is built in; ` +
    '`tolerance: 1` allows one edit per word; `threshold: 0` requires every word), `limit` = every fact. ' +
    'Orama\'s default (English) tokenizer splits words at letters outside `A-Za-zàèéìòóù` (so `Gəncə` ' +
    'becomes `g`, `nc`), and LatinBalance does not fold `ə`: both weigh on their quality figures below ' +
    'for Azerbaijani and Uzbek names.',
  '- **Variants** (quality table only, not the configurations above): "MiniSearch + folding" ' +
    'tokenizes like factdeck (apostrophes stay inside words) and folds terms like factdeck ' +
    '(`benches/quality/text.mjs`); "Fuse.js + ignoreDiacritics" sets that option. They show how ' +
    'much of each peer\'s gap an integrator could close by configuration.',
  '- **Data.** `synth N 1` from the `factdeck-synth` crate (`synth/`; the same files for every engine): ' +
    (engines ? engines.sizes.map((s) => `${s.label} facts = ${mb(s.jsonBytes)} of JSON`).join(', ') : '–') +
    '.',
  '- **Build time.** factdeck: "load" is `dataset::load` (JSON parse + validation, including ' +
    'the check that every quote occurs in its source) from the JSON text; "index" is ' +
    '`Index::build`. JavaScript engines: "load" is `JSON.parse` + mapping to documents; "index" ' +
    'is `new MiniSearch(…).addAll(docs)` / `new Fuse(docs, …)` / a FlexSearch `Document` and `add` per ' +
    'document / Orama\'s `create` + `insertMultiple`. Index times are the median of ' +
    'the first build and the rebuilds in the same page (1k: 5, 10k: 3, 100k: 1 build). V8 ' +
    'compiles WebAssembly functions lazily, on first call, so factdeck\'s first "load" also pays ' +
    'for compiling the parser and validator (visible at 1k).',
  '- **Query latency.** `performance.now()` in a cross-origin-isolated page (5 µs resolution). ' +
    'Each engine gets a fresh browser context; each of the 20 queries ' +
    `(${code('benches/browser/latency-queries.json')}) is warmed up 3 times, then timed in rounds ` +
    '(1k: 30, 10k: 15, 100k: 5 rounds). A sample is the mean of k back-to-back calls of one ' +
    'query, k chosen in warm-up so a sample lasts ≥ 0.5 ms (k = 1 for slower queries); median and ' +
    'p95 are over all samples. **Fuse.js is capped:** 5 rounds at 1k, 2 at 10k, and at 100k each ' +
    'query runs exactly once with no warm-up (20 calls in all).',
  '- **Memory.** JavaScript engines: JS heap in use (DevTools `Runtime.getHeapUsage` after two ' +
    '`HeapProfiler.collectGarbage`) before the dataset, after the documents are made, and after ' +
    'the index is built; "index" is the last difference. factdeck: a counting global allocator in ' +
    'the bench module gives the bytes live on the Rust heap (dataset, then dataset + index; ' +
    '"index" is the bytes `Index::build` kept), and `memory.buffer.byteLength` gives the linear ' +
    'memory. Caveats: linear memory never shrinks, so it includes the peak while parsing ' +
    '(serde_json\'s value tree of the whole file) and freed space; the JS heap figure excludes ' +
    'ArrayBuffers and strings shared with the documents, and V8 rounds allocations; neither ' +
    'counts allocator overhead the same way. factdeck\'s `Dataset` also keeps every source\'s text ' +
    '(in the synthetic data, the facts\' quotes again), which the JS documents leave out. Compare ' +
    'orders of magnitude, not bytes.',
  '- **Keystroke cost, end to end** (`benches/browser/keystroke.mjs`). The pages: the real app ' +
    '(`target/dist-bench`) and the plain-JS reference page (`benches/browser/reference/index.html?engine=…`): one ' +
    '`<input type="search">` with a label, a `role=status` line with the count, and up to 50 plain cards ' +
    '(an `<article>` with title, summary and sectors), rendered directly on each `input` event (no ' +
    'debounce), searching with the FlexSearch, MiniSearch or Orama configuration above. Every page gets the ' +
    'same datasets (`?data=`; the built-in 25 facts are factdeck\'s only), the same typing and the same ' +
    'measuring code, at 1280×900, service workers blocked. An init script (over the DevTools protocol, so ' +
    'no page\'s CSP blocks it) records `performance.now()` in a capture-phase `keydown` listener, and a ' +
    'MutationObserver on the whole document (children, text, attributes) records the time of the last ' +
    'DOM mutation after it, so cards a page renders in a later task count too (factdeck renders a whole ' +
    'page of cards in the task that answers the keystroke). For the work so far it watches ' +
    'the next frame: a `requestAnimationFrame` callback, then a task posted from it, which runs once that ' +
    'frame has been rendered (style, layout, paint). A keystroke is over once the DOM has been quiet for ' +
    `${keystroke?.meta.quietMs ?? 100} ms (six 60 Hz frames: past any work a page defers by a frame or two, ` +
    'and shorter than the pause between two keys of a fast typist). ' +
    '**End to end** = keydown → the first frame rendered after the last mutation (after the `input` ' +
    'event\'s work, for keystrokes that changed nothing); the quiet window is not part of it. **DOM work** = ' +
    'keydown → the last mutation (or the end of the `input` event\'s work). **Nodes per card**: after each ' +
    'keystroke, all nodes (elements, text, comments) in the subtrees of the `<article>`s in the document ' +
    'divided by their number; median over keystrokes. Queries are typed one ASCII character at a time ' +
    'with Playwright\'s keyboard (each a real `keydown`), the next key once the previous keystroke is over ' +
    '(so about ≥ 100 ms apart); the box is cleared between queries (not measured). ' +
    `Each page types all queries ${keystroke?.meta.rounds ?? 3} times, each time in a freshly loaded page; ` +
    'pages take turns round by round, so that other load on the machine falls on all of them. Every ' +
    'keystroke counts. Headless Chromium paints at 60 Hz, so up to one frame (16.7 ms) of every figure is ' +
    'waiting for the next frame.',
  '- **First-load size** (`benches/browser/sizes.mjs`): `target/dist-bench` is opened in headless ' +
    'Chromium as a first visitor (fresh profile, service workers allowed); once the service worker is ' +
    'activated (so its precache is done) and the network has been idle for a second, every file the ' +
    'server sent, to the page or to the worker, counts once, with its bytes on disk compressed by Node\'s ' +
    'zlib (gzip -9, brotli quality 11). A file fetched twice (by the page and by the worker\'s precache) ' +
    'counts once, as an HTTP cache would serve the second.',
  '- **Quality.** The labelled set (`benches/quality/queries.json`, made by ' +
    '`benches/quality/make-queries.mjs`) derives from each base query (the words a reader would ' +
    'type to find one fact, checked to match that fact and no other) one query per category, each ' +
    'adding exactly one difficulty. A query scores top-1 when the target is ranked first, top-5 ' +
    'when it is among the first five. All engines run in the same browser run.',
);

if (engines) {
  p('## Index build and memory');
  const rows = [];
  for (const s of engines.sizes) {
    for (const [e, r] of Object.entries(s.engines)) {
      const w = r.wasm?.afterBuild;
      rows.push([
        s.label,
        ENGINE_NAMES[e],
        ms(r.parseMs),
        `${ms(r.buildMedian)} (${r.builds.length})`,
        e === 'factdeck' ? mb(r.wasm.afterParse.heapLive) : mb(r.heap.docs),
        e === 'factdeck' ? mb(w.index) : mb(r.heap.index),
        e === 'factdeck' ? `${mb(w.linear)} linear memory (Rust heap peak ${mb(w.heapPeak)})` : `${mb(r.heap.afterBuild - r.heap.beforeLoad)} JS heap`,
      ]);
    }
  }
  p(table(['facts', 'engine', 'load', 'index build (builds)', 'dataset / documents', 'index', 'total'], rows));
  p('"dataset / documents": factdeck\'s validated `Dataset` on the Rust heap, or the JS documents on the JS heap. "index": the index alone.');

  p('## Query latency');
  const lrows = [];
  for (const s of engines.sizes) {
    for (const [e, r] of Object.entries(s.engines)) {
      const l = r.latency;
      lrows.push([s.label, ENGINE_NAMES[e], ms(l.median), ms(l.p95), String(l.samples), r.plan.capped ? 'capped: each query once, no warm-up' : `${r.plan.latency.reps} rounds`]);
    }
  }
  p(table(['facts', 'engine', 'median', 'p95', 'samples', 'runs'], lrows));
  for (const s of engines.sizes.filter((x) => x.facts === 10000 || x.facts === engines.sizes.at(-1).facts)) {
    p(`Per query at ${s.label} facts (median time; hits = matches returned):`);
    const names = Object.keys(s.engines);
    const qrows = engines.queries.map((q, i) => [
      code(q.q),
      q.kind,
      ...names.flatMap((e) => {
        const pq = s.engines[e].latency.perQuery[i];
        return [String(pq.hits), ms(pq.median)];
      }),
    ]);
    p(table(['query', 'kind', ...names.flatMap((e) => [`${e} hits`, `${e} median`])], qrows));
  }
}

if (keystroke) {
  p('## Keystroke cost, end to end');
  const runs = keystroke.runs.filter((r) => r.e2e);
  const PAGE_ORDER = ['factdeck', 'flexsearch', 'minisearch', 'orama'];
  const order = (r) => PAGE_ORDER.indexOf(r.page);
  const datasets = [...new Set(runs.map((r) => r.name))];
  const perCard = (r) => (r.nodesPerCard.median == null ? '–' : r.nodesPerCard.median.toFixed(1));
  p(
    'keydown → the DOM quiet and the next frame painted, every keystroke, same run, same typing ' +
      '(see Method). "DOM work": keydown → last DOM mutation. "nodes per card": nodes under each shown ' +
      '`<article>`, median over keystrokes.',
  );
  const rows = [];
  for (const d of datasets) {
    for (const r of runs.filter((x) => x.name === d).sort((x, y) => order(x) - order(y))) {
      rows.push([d, r.pageName, ms(r.e2e.median), ms(r.e2e.p95), ms(r.dom.median), perCard(r)]);
    }
  }
  p(table(['dataset', 'page', 'p50', 'p95', 'DOM work p50', 'nodes per card'], rows));
  const capped = runs.filter((r) => r.rounds < keystroke.meta.rounds);
  if (capped.length) {
    p(
      `**Capped:** ${capped.map((r) => `${r.page} at ${r.name} typed ${r.rounds} of ${keystroke.meta.rounds} rounds`).join('; ')} ` +
        '(its one-letter queries take seconds there; see `ROUND_CAPS` in `keystroke.mjs`).',
    );
  }
  p('Details:');
  p(
    table(
      ['dataset', 'page', 'ready (median)', 'keystrokes (rounds)', 'max', 'DOM work p95', 'count changed: p50 / p95', 'count painted (rAF): p50 / p95', 'cards shown (median)', 'elements per card'],
      datasets.flatMap((d) =>
        runs
          .filter((x) => x.name === d)
          .sort((x, y) => order(x) - order(y))
          .map((r) => [
            d,
            r.page,
            ms(r.readyMs),
            `${r.measured}${r.timedOut ? ` (+${r.timedOut} timed out)` : ''} (${r.rounds})`,
            ms(r.e2e.max),
            ms(r.dom.p95),
            `${ms(r.e2eChanged.median)} / ${ms(r.e2eChanged.p95)} (${r.countChanged})`,
            `${ms(r.countPaint.median)} / ${ms(r.countPaint.p95)}`,
            r.cardsShown == null ? '–' : String(r.cardsShown),
            r.nodesPerCard.elements == null ? '–' : r.nodesPerCard.elements.toFixed(1),
          ]),
      ),
    ),
  );
  p(
    '"ready": navigation start → the dataset\'s count first shown (fetching, parsing and indexing a ' +
      '`?data=` file included; a prerendered page may show the built-in count earlier, which does not ' +
      'count). "count changed": end to end over the keystrokes that changed the result count only. ' +
      '"count painted": keydown → the first `requestAnimationFrame` after `[role=status]` changed (the ' +
      'figure earlier reports used; the frame *starts* there, and later cards are not waited for). Typed: ' +
      [...new Set(runs.map((r) => `${r.name}: ${r.queries.map(code).join(', ')}`))].join('; ') +
      '.',
  );
  const slow = runs
    .flatMap((r) => r.keys.map((k) => ({ ...k, run: r.name, page: r.page })))
    .sort((a, b) => b.e2e - a.e2e)
    .slice(0, 10);
  if (slow.length) {
    p('Slowest keystrokes (end to end), with the count they produced:');
    p(table(['dataset', 'page', 'key', 'DOM work', 'end to end', 'status after'], slow.map((k) => [k.run, k.page, code(k.key), ms(k.dom), ms(k.e2e), k.status ?? '–'])));
  }
}

if (quality && Q) {
  p('## Search quality');
  const cats = quality.categories;
  const counts = cats.map((c) => quality.queries.filter((q) => q.category === c).length);
  p(
    `${quality.queries.length} labelled queries: ` +
      Object.entries(quality.datasets)
        .map(([n, d]) => `${n} (${d.file}${d.generated ? `, \`${d.generated}\`` : ''}: ${d.facts} facts, ${d.bases} bases, ${quality.queries.filter((q) => q.dataset === n).length} queries)`)
        .join('; ') +
      '. Per category: ' +
      cats.map((c, i) => `${c} ${counts[i]}`).join(', ') +
      '.',
  );
  const head = ['engine', ...cats.map((c, i) => `${c} (${counts[i]})`), `all (${quality.queries.length})`];
  const rowsFor = (which) =>
    quality.engines.map((e) => [
      ENGINE_NAMES[e],
      ...cats.map((c) => pct(Q.stat(e, (q) => q.category === c)[which])),
      pct(Q.stat(e, () => true)[which]),
    ]);
  p('**Top-1** (target ranked first):');
  p(table(head, rowsFor('top1')));
  p('**Top-5** (target among the first five):');
  p(table(head, rowsFor('top5')));
  p('Top-5 by dataset:');
  p(
    table(
      ['engine', ...Object.keys(quality.datasets)],
      quality.engines.map((e) => [ENGINE_NAMES[e], ...Object.keys(quality.datasets).map((d) => pct(Q.stat(e, (q) => q.dataset === d).top5))]),
    ),
  );
  p('Categories: ' + [
    '**exact**: the base as written;',
    '**prefix**: last word cut short (the shortest cut, ≥ 3 letters and half the word, that still leaves the target alone);',
    '**one-typo**: one deletion, transposition or QWERTY-neighbour substitution in a word of ≥ 5 letters;',
    '**two-typo**: two such edits in one word of ≥ 8 letters, or one in each of two words;',
    '**diacritic-free**: Azerbaijani letters without their marks (ə→e, ş→s, ç→c, ğ→g, ö→o, ü→u, ı/İ→i);',
    '**uzbek-apostrophe-variant**: the ʻ of oʻ/gʻ written \' ’ ‘ ʼ or left out.',
  ].join(' '));
  const misses = (e) => quality.results[e].filter((r) => r.rank !== 0).map((r) => ({ ...r, q: Q.byId[r.id] }));
  const fm = misses('factdeck');
  p(`### factdeck's misses (${fm.length})`);
  if (fm.length) {
    p(
      table(
        ['category', 'query', 'target', 'edit', 'rank', 'hits', 'first result'],
        fm.map((m) => [m.q.category, code(m.q.query), code(m.q.target), m.q.edit, m.rank < 0 ? 'not found' : String(m.rank + 1), String(m.hits), m.top[0] ? code(m.top[0]) : '–']),
      ),
    );
  } else p('None.');
  for (const e of PEERS) {
    const ms_ = misses(e);
    p(`### ${ENGINE_NAMES[e]}: misses by category (${ms_.length}; up to 3 examples each)`);
    const rows = [];
    for (const c of cats) {
      const inCat = ms_.filter((m) => m.q.category === c);
      if (!inCat.length) continue;
      rows.push([c, String(inCat.length), inCat.slice(0, 3).map((m) => `${code(m.q.query)} → ${m.rank < 0 ? `not found (${m.hits} hits)` : `rank ${m.rank + 1}`}`).join('; ')]);
    }
    p(rows.length ? table(['category', 'misses', 'examples'], rows) : 'None.');
  }
}

if (sizes) {
  p('## First-load size (the app)');
  p(
    sizes.method === 'chromium'
      ? `What a first visit downloads from \`${sizes.dist}\` (\`trunk build --release\`), as Chromium fetched it ` +
          `(${sizes.requests} requests, page and service worker; see Method): raw, gzip -9 and brotli (quality 11), by ` +
          `Node's zlib. 1 kB = 1000 bytes.`
      : `What a first visit downloads from \`${sizes.dist}\` (\`trunk build --release\`): the page, \`sw.js\` and the files it ` +
          `precaches, raw, gzip -9 and brotli (quality 11), by Node's zlib. 1 kB = 1000 bytes.`,
  );
  const t = sizes.byType;
  const base = sizeBaseline;
  const before = (v) => (v == null ? '–' : kb(v));
  p(
    base
      ? `"before": the first visit before issue 12 (BENCHMARKS.md at ${base.reportCommit}, measured on ${base.commit}; ` +
          '`benches/results/size-baseline.json`).'
      : '',
  );
  p(
    table(
      ['type', 'files', 'raw', 'gzip', 'brotli', ...(base ? ['gzip before', 'raw before'] : [])],
      [
        ...Object.entries(t).map(([k, v]) => [k, String(v.files), kb(v.raw), kb(v.gzip), kb(v.brotli), ...(base ? [before(base.byType[k]?.gzip), before(base.byType[k]?.raw)] : [])]),
        [
          '**total**',
          String(sizes.total.files),
          `**${kb(sizes.total.raw)}**`,
          `**${kb(sizes.total.gzip)}**`,
          `**${kb(sizes.total.brotli)}**`,
          ...(base ? [`**${kb(base.total.gzip)}**`, `**${kb(base.total.raw)}**`] : []),
        ],
      ],
    ),
  );
  p(table(['file', 'raw', 'gzip', 'brotli'], sizes.files.map((f) => [code(f.file), kb(f.raw), kb(f.gzip), kb(f.brotli)])));
  if (sizes.onDemand?.length) {
    const sum = (k) => sizes.onDemand.reduce((a, f) => a + f[k], 0);
    p(
      `Loaded only when used, not on a first visit: ${sizes.onDemand.map((f) => code(f.file)).join(', ')} (the checker ` +
        `of a dataset file: a visitor's own, or \`?data=\`), ${kb(sum('raw'))} raw, ${kb(sum('gzip'))} gzip, ${kb(sum('brotli'))} brotli.`,
    );
  }
  if (sizes.singleFile) {
    const f = sizes.singleFile;
    p(
      `Not part of the first load: \`${f.file}\`, the single-file build for opening from disk (the same app with its ` +
        `WebAssembly and the checker's as base64, script and style inline), ${kb(f.raw)} raw, ${kb(f.gzip)} gzip, ${kb(f.brotli)} brotli.`,
    );
  }
  if (sizes.twiggy) {
    const shipped = t.wasm.raw;
    p(`### What the wasm is made of (${sizes.twiggy.version})`);
    p(
      `\`twiggy top -n 25\` on a names-preserving build of the same wasm (wasm-bindgen \`--keep-debug\`, ` +
        `\`wasm-opt -Oz -g\`; ${kb(sizes.twiggy.bytes)}). The shipped wasm has no names section; the same ` +
        `build stripped is ${kb(sizes.strippedTwiggyBuildBytes)} (shipped: ${kb(shipped)}). Percentages are of the shipped wasm; ` +
        'custom sections that do not ship (names) are left out.',
    );
    if (sizes.twiggy.byCrate) {
      p('By crate (every item, grouped by the first path in its name; generic code is counted where that path points, so this is a rough split):');
      if (base?.byCrate) {
        // Before and after: the crates of either build, largest now first. The baseline
        // lists its 14 largest groups only, so a smaller one there shows as "–".
        const now = Object.fromEntries(sizes.twiggy.byCrate.map((c) => [c.crate, c.bytes]));
        const then = Object.fromEntries(base.byCrate.map((c) => [c.crate, c.bytes]));
        const crates = [...new Set([...sizes.twiggy.byCrate.slice(0, 14).map((c) => c.crate), ...base.byCrate.map((c) => c.crate)])];
        crates.sort((a, b) => (now[b] ?? 0) - (now[a] ?? 0) || (then[b] ?? 0) - (then[a] ?? 0));
        const signed = (x) => (x > 0 ? `+${x}` : String(x));
        p(
          table(
            ['crate', 'bytes before', 'bytes now', 'change', '% of shipped now'],
            [
              ...crates.map((c) => [code(c), then[c] == null ? '–' : String(then[c]), now[c] == null ? '0' : String(now[c]), then[c] == null ? '–' : signed((now[c] ?? 0) - then[c]), pct((now[c] ?? 0) / shipped)]),
              ['**wasm, shipped**', `**${base.wasm.raw}** (${kb(base.wasm.gzip)} gzip)`, `**${shipped}** (${kb(t.wasm.gzip)} gzip)`, signed(shipped - base.wasm.raw), ''],
            ],
          ),
        );
      } else p(table(['crate', 'bytes', '% of shipped'], sizes.twiggy.byCrate.slice(0, 14).map((c) => [code(c.crate), String(c.bytes), pct(c.bytes / shipped)])));
      p('Top 25 items:');
    }
    const items = sizes.twiggy.top.filter((i) => !/subsection|custom section/i.test(i.name));
    p(table(['item', 'bytes', '% of shipped'], items.map((i) => [code(i.name.length > 110 ? i.name.slice(0, 107) + '…' : i.name), String(i.shallow_size), pct(i.shallow_size / shipped)])));
  }
}

if (criterion) {
  p('## Native (Criterion)');
  p(
    '`cargo bench -p factdeck-synth --bench search` (`synth/benches/search.rs`), native release build, ' +
      'on the same synthetic datasets. Median with its 95 % confidence interval, from ' +
      '`target/criterion/**/new/estimates.json`.',
  );
  p(
    criterion.results.length
      ? table(['benchmark', 'median', '95 % CI'], criterion.results.map((r) => [code(r.id), ns(r.medianNs), `${ns(r.medianLowNs)} – ${ns(r.medianHighNs)}`]))
      : 'Not run.',
  );
}

// The Pagefind comparison comes from the committed benches/results/scale.json (scale.mjs).
p(renderScale(loadScale()));

// Lighthouse is measured by scripts/lighthouse, not scripts/bench: its section comes from the
// committed benches/results/lighthouse.json, so regenerating this file keeps it.
p(renderSection(loadCommitted()));

if (PAIRED) p(PAIRED.trim());

const missing = [
  ['engines', engines],
  ['quality', quality],
  ['keystroke', keystroke],
  ['sizes', sizes],
  ['criterion', criterion],
]
  .filter(([, v]) => !v)
  .map(([k]) => k);
if (missing.length) p(`_Not measured in this run: ${missing.join(', ')}._`);

writeFileSync(OUT, out.join('\n').replace(/\n{3,}/g, '\n\n'));
console.error(`[report] wrote ${path.relative(ROOT, OUT)}`);
