// factdeck at scale, side by side with Pagefind 1.6.0 (issue 14, item 4), in headless
// Chromium, on the same synthetic facts (`synth N 1`) at each size:
//   - factdeck (JSON): the release build (`trunk build --release`, dist/) opened with
//     `?data=synth-N.json`: the page fetches the JSON, the loader worker checks and indexes it;
//   - Pagefind: its Node API indexes the same facts as custom records (`buildPagefind`,
//     into target/bench/pagefind-N/), searched through its JS API by the reference page
//     benches/browser/reference/index.html?engine=pagefind.
// Each contestant (CONTESTANTS) says how it is built and served and how to tell that it
// is ready; all are typed into the same way (#search, #result-count) with keystroke.mjs's
// instrument, so a new one (the compiled form, `?data=DIR/`) is one more entry.
//
// Per contestant and size, in fresh browser contexts (rounds take turns between
// contestants):
//   bytes before the first search: every byte the server sent from navigation until the
//     first typed key's results are painted (and gzip -9 of those files, as sizes.mjs
//     measures); later keystrokes: the bytes each one made the page fetch. The server
//     lets the browser cache files (`max-age`), as a static host would;
//   first card (factdeck): navigation → a card of the requested dataset painted;
//   search ready: navigation → typing answers (factdeck: the dataset's count shown and,
//     compiled, the dictionary and the table in: its first view shows before them, and
//     the page marks `factdeck:search-ready` on its performance timeline once they are;
//     Pagefind: the first results of the first query, typed as soon as `init` is done);
//   first results: navigation → the page ready to take a key + that key's end to end;
//   keystrokes: keystroke.mjs's end to end (keydown → DOM quiet → next frame painted),
//     over its queries, each typed one key at a time;
//   memory after typing (after a garbage collection): JS heap and wasm linear memory of
//     the page and of its workers (Pagefind 1.6 searches in a Web Worker), summed;
//   on disk: the files that are published (factdeck: the JSON; Pagefind: its bundle,
//     without the UI bundles the page does not use), and the build time.
//
// Served over HTTP/1.1 on localhost; with `--http2`, over HTTP/2 with TLS (a self-signed
// certificate made with `openssl`, which the browser is told to accept), as static hosts
// and CDNs serve: many small files then share one connection instead of six.
//
//   node benches/browser/scale.mjs [--sizes 10000,100000] [--rounds 3] [--http2]
//        [--contestants factdeck-json,pagefind] [--dist dist] [--out benches/results/scale.json]

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { chromiumVersion, launch } from './browser.mjs';
import { opt } from './cli.mjs';
import { INSTRUMENT, SYNTH_QUERIES, keyFigures, quantile, stats } from './keystroke.mjs';
import { serveRoutes } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const DATA = path.join(ROOT, 'target/bench/data');
const SYNTH = path.join(ROOT, 'target/release/synth');

const DIST = path.resolve(ROOT, opt('--dist', 'dist'));
const OUT = path.resolve(ROOT, opt('--out', 'benches/results/scale.json'));
const SIZES = opt('--sizes', '10000,100000').split(',').filter(Boolean).map(Number);
const ROUNDS = Number(opt('--rounds', '3'));
/** Over HTTP/2 (TLS, self-signed) instead of HTTP/1.1, as static hosts and CDNs serve. */
const HTTP2 = process.argv.includes('--http2');
/** keystroke.mjs's quiet window and per-key limit (see there). */
const QUIET_MS = 100;
const KEY_TIMEOUT_MS = 60_000;
/** Served files may be cached this long by the browser (each round is a fresh profile). */
const CACHE = { 'cache-control': 'public, max-age=3600' };
/** Pagefind's UI bundles: written by `writeFiles`, not used by the reference page. */
const PAGEFIND_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;
const IDLE_PAGEFIND = 'Type to search';

const log = (...a) => console.error('[scale]', ...a);

/**
 * The contestants, by id. Each has a `name`; `prepare(n, file)` builds what it serves for
 * `n` facts (the dataset JSON `file`) and returns `{ routes, url, disk, buildMs }` (routes
 * for server.mjs, the page to open, the published files' size, the build's time or null);
 * `readyText(n)`: the status line once typing answers with the box empty; `busy`: a
 * selector that matches while a search is in flight (keystroke.mjs's instrument waits);
 * `readyIsFirstResults`: the page shows no results before a query, so "search ready" is
 * its first results; `readyMark`: a performance mark the page makes once typing answers,
 * which may come after the count shows (then "search ready" is the later of the two).
 */
export const CONTESTANTS = {
  'factdeck-json': {
    name: 'factdeck (JSON, `?data=`)',
    prepare: async (n, file) => {
      if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${path.relative(ROOT, DIST)} is missing: trunk build --release --offline`);
      return {
        routes: { '/': DIST, [`/synth-${n}.json`]: file },
        url: `/?data=synth-${n}.json`,
        disk: onDisk([file]),
        buildMs: null,
      };
    },
    readyText: (n) => `${n} facts`,
    firstCard: '.cards article',
    busy: null,
    readyIsFirstResults: false,
  },
  'factdeck-compiled': {
    name: 'factdeck (compiled, `?data=DIR/`)',
    prepare: async (n, file) => {
      if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${path.relative(ROOT, DIST)} is missing: trunk build --release --offline`);
      const dir = path.join(ROOT, `target/bench/compiled-${n}`);
      const buildMs = compileDataset(file, dir);
      return {
        routes: { '/': DIST, [`/compiled-${n}/`]: `${dir}/` },
        url: `/?data=compiled-${n}/`,
        disk: onDisk(listFiles(dir)),
        buildMs,
      };
    },
    readyText: (n) => `${n} facts`,
    firstCard: '.cards article',
    // While a view's shards or its cards' chunks are on their way.
    busy: '[aria-busy="true"]',
    readyIsFirstResults: false,
    readyMark: 'factdeck:search-ready',
  },
  pagefind: {
    name: 'Pagefind 1.6.0 (JS API)',
    prepare: async (n, file) => {
      const dir = path.join(ROOT, `target/bench/pagefind-${n}`);
      const buildMs = await buildPagefind(file, dir);
      const files = listFiles(dir).filter((f) => !PAGEFIND_UI.test(path.basename(f)));
      return {
        routes: { '/reference/': path.join(HERE, 'reference/'), '/pagefind/': `${dir}/` },
        url: '/reference/index.html?engine=pagefind',
        disk: onDisk(files),
        buildMs,
      };
    },
    readyText: () => IDLE_PAGEFIND,
    busy: '#results[aria-busy="true"]',
    readyIsFirstResults: true,
  },
};
const CHOSEN = opt('--contestants', Object.keys(CONTESTANTS).join(',')).split(',').filter(Boolean);

// ---- building ----

/** Makes target/bench/data/synth-N.json as scripts/bench does, if it is missing or older than synth. */
function dataset(n) {
  const file = path.join(DATA, `synth-${n}.json`);
  if (!existsSync(SYNTH)) {
    log('building synth (cargo build -p factdeck-synth --release --bin synth --offline)');
    execFileSync('cargo', ['build', '-p', 'factdeck-synth', '--release', '--bin', 'synth', '--offline'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!existsSync(file) || statSync(SYNTH).mtimeMs > statSync(file).mtimeMs) {
    log(`generating ${path.relative(ROOT, file)}`);
    mkdirSync(DATA, { recursive: true });
    writeFileSync(`${file}.tmp`, execFileSync(SYNTH, [String(n), '1'], { maxBuffer: 1 << 30 }));
    renameSync(`${file}.tmp`, file);
  }
  return file;
}

/** `scripts/compile FILE DIR` (its binary, built first if missing); returns its time in ms. */
function compileDataset(file, dir) {
  const bin = path.join(ROOT, 'target/release/compile');
  if (!existsSync(bin)) {
    log('building compile (cargo build -p factdeck-compile --release --bin compile --offline)');
    execFileSync('cargo', ['build', '-p', 'factdeck-compile', '--release', '--bin', 'compile', '--offline'], { cwd: ROOT, stdio: 'inherit' });
  }
  const t0 = performance.now();
  execFileSync(bin, [file, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - t0;
}

/**
 * Indexes the facts of `file` with Pagefind's Node API into `dir` (replaced), one custom
 * record per fact: url `?fact=ID`; content the title, summary, quote and the other text
 * fields (attribution, sector labels, parties, countries, kind); meta `title`; filters
 * `sector` (labels) and `kind`. Returns the time from `createIndex` to `writeFiles` done (ms).
 */
export async function buildPagefind(file, dir) {
  const pagefind = await import('pagefind');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const label = Object.fromEntries(data.sectors.map((s) => [s.id, s.label]));
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (errors.length) throw new Error(`pagefind createIndex: ${errors.join('; ')}`);
  // Sent in batches: the records go to Pagefind's binary over a pipe, and awaiting each
  // one alone would time the round trips, not the indexing.
  const BATCH = 500;
  for (let i = 0; i < data.facts.length; i += BATCH) {
    const added = await Promise.all(
      data.facts.slice(i, i + BATCH).map((f) => {
        const sectors = f.sectors.map((s) => label[s] ?? s);
        const content = [f.title, f.summary, f.quote, f.attribution, ...sectors, ...(f.parties ?? []), ...(f.countries ?? []), f.kind].filter(Boolean).join('\n');
        return index.addCustomRecord({ url: `?fact=${f.id}`, content, language: 'en', meta: { title: f.title }, filters: { sector: sectors, kind: [f.kind] } });
      }),
    );
    const failed = added.find((r) => r.errors.length);
    if (failed) throw new Error(`pagefind addCustomRecord: ${failed.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length) throw new Error(`pagefind writeFiles: ${written.errors.join('; ')}`);
  const ms = performance.now() - t0;
  await pagefind.close();
  return ms;
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

const gzipCache = new Map();
/** gzip -9 of a file, by Node's zlib as sizes.mjs measures (once per file and run). */
function gzipSize(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, zlib.gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipCache.get(file);
}

function onDisk(files) {
  return { files: files.length, bytes: files.reduce((a, f) => a + statSync(f).size, 0), gzip: files.reduce((a, f) => a + gzipSize(f), 0) };
}

// ---- measuring ----

/**
 * In the page, before it loads: `window.__firstCard` resolves to the time (ms since
 * navigation) at which a card (`selector`) of the requested dataset (the count reads
 * `readyText`) has been painted: the first frame after it is in the DOM, once rendered.
 */
const FIRST_CARD = (selector, readyText) => {
  const seen = () => {
    if (window.__firstCardSeen || !document.querySelector(selector)) return;
    if (document.querySelector('#result-count')?.textContent.trim() !== readyText) return;
    window.__firstCardSeen = true;
    // The frame after it, once rendered (style, layout, paint): a task posted from its
    // requestAnimationFrame callback runs after that, as keystroke.mjs measures keys.
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => window.__firstCardPainted(performance.now());
      ch.port2.postMessage(0);
    });
  };
  window.__firstCard = new Promise((painted) => (window.__firstCardPainted = painted));
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, characterData: true });
};

/**
 * Resolves once the status line (`#result-count`) of `page` reads `text`. Watched from
 * inside the page, with a MutationObserver: Playwright's own waitForFunction would first
 * inject its selector engine into the page, 35–50 ms of main-thread work on the bench
 * machine, in the middle of the start-up being measured.
 */
/** Resolves once the page has made performance mark `name`. */
function untilMark(page, name) {
  return page.evaluate(
    (name) =>
      new Promise((done) => {
        if (performance.getEntriesByName(name).length) return done();
        new PerformanceObserver((list, watch) => list.getEntriesByName(name).length && (watch.disconnect(), done())).observe({ type: 'mark' });
      }),
    name,
  );
}

function untilStatus(page, text) {
  return page.evaluate(
    (t) =>
      new Promise((done) => {
        const reads = () => document.querySelector('#result-count')?.textContent.trim() === t;
        if (reads()) return done();
        const watch = new MutationObserver(() => reads() && (watch.disconnect(), done()));
        watch.observe(document, { subtree: true, childList: true, characterData: true });
      }),
    text,
  );
}

/**
 * JS heap (used) and wasm linear memory of one JS context, after a garbage collection,
 * through the DevTools protocol (`send(method, params)`): the wasm memories are found with
 * `Runtime.queryObjects` on `WebAssembly.Memory.prototype`, so no hook in the page is needed.
 */
async function heapAndWasm(send) {
  await send('HeapProfiler.collectGarbage');
  const heap = await send('Runtime.getHeapUsage');
  const proto = await send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const found = await send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const wasm = await send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((a, m) => a + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return { jsHeap: heap.usedSize, wasm: wasm.result.value };
}

/**
 * Memory after typing: the page's, and each of its workers' (attached from a browser
 * session, whose messages to a worker go through `Target.sendMessageToTarget`).
 */
async function memory(browser, context, page) {
  const cdp = await context.newCDPSession(page);
  const main = await heapAndWasm((m, p = {}) => cdp.send(m, p));
  await cdp.detach();
  const workers = [];
  const b = await browser.newBrowserCDPSession();
  try {
    const pageUrls = new Set(page.workers().map((w) => w.url()));
    const { targetInfos } = await b.send('Target.getTargets');
    for (const t of targetInfos.filter((x) => x.type === 'worker' && pageUrls.has(x.url))) {
      const { sessionId } = await b.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      const replies = new Map();
      let next = 0;
      b.on('Target.receivedMessageFromTarget', (e) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message);
        replies.get(m.id)?.(m);
      });
      const send = (method, params = {}) =>
        new Promise((resolve, reject) => {
          const id = ++next;
          replies.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
          b.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
        });
      workers.push({ url: new URL(t.url).pathname, ...(await heapAndWasm(send)) });
    }
  } finally {
    await b.detach();
  }
  const sum = (k) => main[k] + workers.reduce((a, w) => a + w[k], 0);
  return { page: main, workers, jsHeap: sum('jsHeap'), wasm: sum('wasm') };
}

/**
 * One round: open the contestant's page in a fresh context, wait until it takes keys, type
 * every query one key at a time; the bytes the server sent are counted per phase.
 */
async function round(browser, server, c, prepared, n, queries) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.addInitScript({ content: `(${INSTRUMENT})(${QUIET_MS}, ${JSON.stringify(c.busy)});` });
  if (c.firstCard) await page.addInitScript({ content: `(${FIRST_CARD})(${JSON.stringify(c.firstCard)}, ${JSON.stringify(c.readyText(n))});` });
  const idle = c.readyText(n);
  const showsIdle = () => untilStatus(page, idle);
  server.sent.length = 0;
  try {
    await page.goto(`${server.origin}${prepared.url}`);
    await showsIdle();
    if (c.readyMark) await untilMark(page, c.readyMark);
    const typeableMs = await page.evaluate(
      ([t, mark]) => {
        const shown = window.__ks.statusLog.find((e) => e.text.trim() === t)?.t ?? null;
        const marked = mark ? performance.getEntriesByName(mark)[0].startTime : 0;
        return shown === null ? null : Math.max(shown, marked);
      },
      [idle, c.readyMark ?? null],
    );
    const firstCardMs = c.firstCard ? await page.evaluate(() => window.__firstCard) : null;
    const search = page.locator('#search');
    await search.click();
    await page.evaluate(() => window.__ks.quiet());
    const keys = [];
    const finals = [];
    for (const q of queries) {
      await page.evaluate(() => (window.__ks.recording = true));
      for (const ch of q) {
        const before = server.sent.length;
        await page.keyboard.type(ch);
        await page.evaluate(([timeout]) => {
          const r = window.__ks.pending;
          return r ? Promise.race([r.promise, new Promise((res) => setTimeout(res, timeout))]) : null;
        }, [KEY_TIMEOUT_MS]);
        keys.push({ sent: server.sent.slice(before), loadSent: keys.length ? null : server.sent.slice(0, before) });
      }
      await page.evaluate(() => (window.__ks.recording = false));
      finals.push({ query: q, status: await page.locator('#result-count').textContent() });
      await search.fill('');
      await showsIdle();
      await page.evaluate(() => window.__ks.quiet());
    }
    const recs = await page.evaluate(() => window.__ks.done);
    const mem = await memory(browser, context, page);
    if (errors.length) throw new Error(`${prepared.url}: page errors: ${errors.join('; ')}`);
    if (recs.length !== keys.length) throw new Error(`${prepared.url}: ${keys.length - recs.length} keystrokes did not end within ${KEY_TIMEOUT_MS} ms`);
    const figures = recs.map(keyFigures);
    const first = figures[0].e2e;
    return {
      typeableMs,
      firstCardMs,
      firstResultsMs: typeableMs + first,
      readyMs: c.readyIsFirstResults ? typeableMs + first : typeableMs,
      beforeFirst: bytes([...keys[0].loadSent, ...keys[0].sent]),
      perKey: keys.slice(1).map((k) => bytes(k.sent)),
      keys: figures.map((f, i) => ({ key: f.key, e2e: f.e2e, dom: f.dom, status: f.status, bytes: bytes(keys[i].sent).raw })),
      finals,
      memory: mem,
    };
  } finally {
    await context.close();
  }
}

/** The bytes of the files the server sent (200s), as served and gzip -9. */
function bytes(sent) {
  const ok = sent.filter((r) => r.status === 200 && r.file);
  return { requests: ok.length, raw: ok.reduce((a, r) => a + r.size, 0), gzip: ok.reduce((a, r) => a + gzipSize(r.file), 0) };
}

function summarize(id, n, prepared, rounds) {
  const keys = rounds.flatMap((r) => r.keys);
  const later = rounds.flatMap((r) => r.perKey);
  const med = (f) => quantile(rounds.map(f), 0.5);
  const mean = (k) => (later.length ? later.reduce((a, b) => a + b[k], 0) / later.length : null);
  return {
    contestant: id,
    name: CONTESTANTS[id].name,
    facts: n,
    rounds: rounds.length,
    url: prepared.url,
    disk: prepared.disk,
    buildMs: prepared.buildMs,
    readyMs: med((r) => r.readyMs),
    firstResultsMs: med((r) => r.firstResultsMs),
    typeableMs: med((r) => r.typeableMs),
    firstCardMs: med((r) => r.firstCardMs),
    beforeFirst: { requests: med((r) => r.beforeFirst.requests), raw: med((r) => r.beforeFirst.raw), gzip: med((r) => r.beforeFirst.gzip) },
    perKey: {
      mean: { raw: mean('raw'), gzip: mean('gzip') },
      max: later.length ? Math.max(...later.map((b) => b.raw)) : null,
      maxGzip: later.length ? Math.max(...later.map((b) => b.gzip)) : null,
      n: later.length,
    },
    e2e: stats(keys.map((k) => k.e2e)),
    dom: stats(keys.map((k) => k.dom)),
    // Median of the rounds (a worker's heap varies with when it last collected).
    memory: { jsHeap: med((r) => r.memory.jsHeap), wasm: med((r) => r.memory.wasm) },
    finals: rounds[0].finals,
    perRound: rounds.map(({ keys: _k, perKey: _p, finals: _f, ...r }) => r),
    keys,
  };
}

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const git = (a) => {
    try {
      return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return { cpu, nproc: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), commit: git(['rev-parse', '--short', 'HEAD']), dirty: Boolean(git(['status', '--porcelain'])) };
}

const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

async function main() {
  if (!SIZES.length) throw new Error('no sizes to measure (--sizes 10000,100000)');
  for (const id of CHOSEN) if (!CONTESTANTS[id]) throw new Error(`unknown contestant ${id} (known: ${Object.keys(CONTESTANTS).join(', ')})`);
  const loadBefore = loadavg();
  const runs = [];
  const browser = await launch(HTTP2 ? ['--ignore-certificate-errors'] : []);
  try {
    for (const n of SIZES) {
      const file = dataset(n);
      const prepared = {};
      for (const id of CHOSEN) {
        log(`${n} facts: preparing ${id}…`);
        prepared[id] = await CONTESTANTS[id].prepare(n, file);
        if (prepared[id].buildMs != null) log(`  built in ${(prepared[id].buildMs / 1000).toFixed(1)} s; ${prepared[id].disk.files} files, ${prepared[id].disk.bytes} B`);
      }
      const sent = [];
      const server = await serveRoutes(Object.assign({}, ...CHOSEN.map((id) => prepared[id].routes)), CACHE, {
        onResponse: (r) => sent.push({ ...r, size: r.file ? statSync(r.file).size : 0 }),
        h2: HTTP2,
      });
      server.sent = sent;
      const rounds = Object.fromEntries(CHOSEN.map((id) => [id, []]));
      try {
        for (let i = 0; i < ROUNDS; i++) {
          for (const id of CHOSEN) {
            log(`${n} facts: ${id} round ${i + 1}/${ROUNDS}…`);
            const r = await round(browser, server, CONTESTANTS[id], prepared[id], n, SYNTH_QUERIES);
            log(`  ready ${r.readyMs?.toFixed(0)} ms, first results ${r.firstResultsMs?.toFixed(0)} ms, ${r.beforeFirst.raw} B before the first search`);
            rounds[id].push(r);
          }
        }
      } finally {
        await server.close();
      }
      for (const id of CHOSEN) {
        const s = summarize(id, n, prepared[id], rounds[id]);
        log(`${n} ${id}: keystroke p50 ${s.e2e.median?.toFixed(1)} ms p95 ${s.e2e.p95?.toFixed(1)} ms; ${s.perKey.mean.raw?.toFixed(0)} B per later keystroke`);
        runs.push(s);
      }
    }
  } finally {
    await browser.close();
  }
  const meta = {
    date: new Date().toISOString(),
    chromium: chromiumVersion(),
    node: process.version,
    machine: { ...machine(), loadavgBefore: loadBefore, loadavgAfter: loadavg() },
    dist: path.relative(ROOT, DIST),
    rounds: ROUNDS,
    protocol: HTTP2 ? 'HTTP/2' : 'HTTP/1.1',
    quietMs: QUIET_MS,
    queries: SYNTH_QUERIES,
    contestants: Object.fromEntries(CHOSEN.map((id) => [id, CONTESTANTS[id].name])),
  };
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ meta, runs }, null, 1) + '\n');
  log(`wrote ${path.relative(ROOT, OUT)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
