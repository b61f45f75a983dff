// Drives the benchmark harness (harness.html) in headless Chromium: for each dataset size
// and engine (factdeck, MiniSearch, Fuse.js, FlexSearch, Orama), in a fresh browser context,
// index build time, JS heap / WebAssembly memory and query latency; then the search-quality
// evaluation of benches/quality/queries.json.
//
//   node benches/browser/run.mjs [--out target/bench/results] [--sizes 1000,10000,100000]
//                                [--only engines|quality] [--quick] [--engines factdeck,flexsearch,…]
//
// Needs (scripts/bench makes them): target/bench-wasm/ (the bench module), and
// target/bench/data/synth-{N}.json for each size and synth-2000.json.

import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromiumVersion, launch } from './browser.mjs';
import { serveRoutes } from './server.mjs';
import { args, opt } from './cli.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const DATA = path.join(ROOT, 'target/bench/data');

const OUT = path.resolve(ROOT, opt('--out', 'target/bench/results'));
const SIZES = opt('--sizes', '1000,10000,100000').split(',').map(Number);
const ONLY = opt('--only', null);
const QUICK = args.includes('--quick');

const ENGINES = opt('--engines', 'factdeck,minisearch,fuse,flexsearch,orama').split(',').filter(Boolean);
const QUALITY_ENGINES = ['factdeck', 'minisearch', 'fuse', 'flexsearch', 'orama', 'minisearch-folded', 'fuse-ignore-diacritics'];

/** Repetitions per size; Fuse.js scans every record per query, so it gets fewer. */
function plan(engine, facts) {
  const big = facts >= 100_000;
  const mid = facts >= 10_000;
  if (engine === 'fuse') {
    // At 100k: each of the 20 queries exactly once, no warm-up (20 calls in all).
    if (big) return { rebuilds: 0, latency: { reps: 1, warmup: 0 }, capped: true };
    return { rebuilds: mid ? 2 : 4, latency: { reps: mid ? 2 : 5, warmup: 1 }, capped: false };
  }
  const reps = QUICK ? 3 : big ? 5 : mid ? 15 : 30;
  return { rebuilds: big ? 0 : mid ? 2 : 4, latency: { reps, warmup: 3 }, capped: false };
}

const label = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (...a) => console.error('[bench]', ...a);

/** data/dataset.json with each source's file inlined as `text` (the bench module reads no files). */
function writeRealInline() {
  const file = path.join(DATA, 'real-inline.json');
  const d = JSON.parse(readFileSync(path.join(ROOT, 'data/dataset.json'), 'utf8'));
  for (const s of d.sources) {
    if (s.file) {
      s.text = readFileSync(path.join(ROOT, 'data', s.file), 'utf8');
      delete s.file;
    }
  }
  writeFileSync(file, JSON.stringify(d));
  return file;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const wasmDir = path.join(ROOT, 'target/bench-wasm');
  if (!existsSync(path.join(wasmDir, 'factdeck_bench_wasm.js'))) throw new Error('target/bench-wasm is missing: run scripts/bench');
  writeRealInline();
  const server = await serveRoutes(
    {
      '/harness.html': path.join(HERE, 'harness.html'),
      '/harness.mjs': path.join(HERE, 'harness.mjs'),
      '/vendor/minisearch.js': path.join(ROOT, 'node_modules/minisearch/dist/es/index.js'),
      '/vendor/fuse.mjs': path.join(ROOT, 'node_modules/fuse.js/dist/fuse.mjs'),
      '/vendor/flexsearch.mjs': path.join(ROOT, 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs'),
      '/vendor/orama/': path.join(ROOT, 'node_modules/@orama/orama/dist/browser/'),
      '/reference/engines.mjs': path.join(HERE, 'reference/engines.mjs'),
      '/wasm/': wasmDir,
      '/data/': DATA,
      '/quality/': path.join(ROOT, 'benches/quality'),
    },
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
    { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
  );
  const browser = await launch();
  const meta = { chromium: chromiumVersion(), browserVersion: browser.version(), node: process.version, date: new Date().toISOString() };
  try {
    if (ONLY !== 'quality') {
      const queries = JSON.parse(readFileSync(path.join(HERE, 'latency-queries.json'), 'utf8')).queries;
      const sizes = [];
      for (const n of SIZES) {
        const file = path.join(DATA, `synth-${n}.json`);
        if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: target/release/synth ${n} 1 > ${path.relative(ROOT, file)}`);
        const size = { facts: n, label: label(n), jsonBytes: readFileSync(file).length, engines: {} };
        for (const engine of ENGINES) {
          log(`${size.label} ${engine}…`);
          size.engines[engine] = await measureEngine(browser, server.origin, engine, n, queries, meta);
          const e = size.engines[engine];
          log(`  ${size.label} ${engine}: parse ${e.parseMs.toFixed(1)} ms, build ${e.buildMedian.toFixed(1)} ms, query median ${e.latency.median.toFixed(3)} ms p95 ${e.latency.p95.toFixed(3)} ms`);
        }
        sizes.push(size);
        writeFileSync(path.join(OUT, 'engines.json'), JSON.stringify({ meta, queries, sizes }, null, 1));
      }
    }
    if (ONLY !== 'engines') {
      const quality = await measureQuality(browser, server.origin);
      writeFileSync(path.join(OUT, 'quality.json'), JSON.stringify({ meta, ...quality }, null, 1));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function openHarness(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(`${origin}/harness.html`);
  await page.waitForFunction(() => window.bench);
  const info = await page.evaluate(() => window.bench.ready);
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, info, errors };
}

/** JS heap in use after two full garbage collections (DevTools protocol). */
async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage');
  return u.usedSize;
}

async function measureEngine(browser, origin, engine, n, queries, meta) {
  const p = plan(engine, n);
  const { context, page, cdp, info, errors } = await openHarness(browser, origin);
  meta.crossOriginIsolated = info.crossOriginIsolated;
  meta.userAgent = info.userAgent;
  meta.config = info.config;
  try {
    const h0 = await heapUsed(cdp);
    const fetched = await page.evaluate((url) => window.bench.fetch(url), `/data/synth-${n}.json`);
    const prep = await page.evaluate((e) => window.bench.prepare(e), engine);
    if (prep.facts !== n) throw new Error(`${engine} loaded ${prep.facts} facts, expected ${n}`);
    const h1 = await heapUsed(cdp);
    const wasm1 = engine === 'factdeck' ? await page.evaluate(() => window.bench.wasmMemory()) : null;
    const first = await page.evaluate(() => window.bench.build());
    const h2 = await heapUsed(cdp);
    const wasm2 = engine === 'factdeck' ? await page.evaluate(() => window.bench.wasmMemory()) : null;
    const again = p.rebuilds ? await page.evaluate((t) => window.bench.rebuild(t), p.rebuilds) : [];
    const builds = [first, ...again];
    const latency = await page.evaluate(([qs, o]) => window.bench.latency(qs, o), [queries.map((q) => q.q), p.latency]);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return {
      fetchMs: fetched.ms,
      parseMs: prep.ms,
      builds,
      buildMedian: median(builds),
      heap: { beforeLoad: h0, afterParse: h1, afterBuild: h2, docs: h1 - h0, index: h2 - h1 },
      wasm: wasm1 && { afterParse: wasm1, afterBuild: wasm2 },
      latency,
      plan: p,
    };
  } finally {
    await context.close();
  }
}

async function measureQuality(browser, origin) {
  const qfile = JSON.parse(readFileSync(path.join(ROOT, 'benches/quality/queries.json'), 'utf8'));
  const urls = { curated: '/quality/dataset.json', real: '/data/real-inline.json', 'synth-2k': '/data/synth-2000.json' };
  const results = Object.fromEntries(QUALITY_ENGINES.map((e) => [e, []]));
  const quality = {};
  for (const [name, url] of Object.entries(urls)) {
    const qs = qfile.queries.filter((q) => q.dataset === name);
    const { context, page, errors, info } = await openHarness(browser, origin);
    quality.config = info.config;
    try {
      for (const engine of QUALITY_ENGINES) {
        log(`quality ${name} ${engine} (${qs.length} queries)…`);
        await page.evaluate((u) => window.bench.fetch(u), url);
        await page.evaluate((e) => window.bench.prepare(e), engine);
        await page.evaluate(() => window.bench.build());
        results[engine].push(...(await page.evaluate((q) => window.bench.quality(q), qs)));
      }
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    } finally {
      await context.close();
    }
  }
  return { config: quality.config, engines: QUALITY_ENGINES, categories: qfile.categories, datasets: qfile.datasets, queries: qfile.queries, results };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
