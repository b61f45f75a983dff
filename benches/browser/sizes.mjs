// First-load size of the real app build (target/dist-bench, a `trunk build --release`), as
// Chromium fetches it: the page is opened in headless Chromium with service workers allowed,
// and once the service worker is activated (its install step, the precache, is done) and the
// network has been idle for a second, every file the server sent (to the page or to the
// worker) is counted once, its bytes on disk raw, gzip -9 and brotli (quality 11) with
// Node's zlib, by file type; plus the WebAssembly's top contributors from `twiggy top` on a
// names-preserving build of the same wasm (scripts/bench makes it: wasm-bindgen
// --keep-debug, wasm-opt -Oz -g).
//
//   node benches/browser/sizes.mjs [--out target/bench/results] [--twiggy target/bench-twiggy]

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { launch } from './browser.mjs';
import { opt } from './cli.mjs';
import { serveRoutes } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const OUT = path.resolve(ROOT, opt('--out', 'target/bench/results'));
const DIST = path.resolve(ROOT, opt('--dist', 'target/dist-bench'));
const TWIGGY_DIR = path.resolve(ROOT, opt('--twiggy', 'target/bench-twiggy'));

const SINGLE_FILE = 'factdeck.html';
const TYPES = { '.html': 'html', '.js': 'js', '.mjs': 'js', '.wasm': 'wasm', '.css': 'css' };

function compressed(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

function twiggy(wasm) {
  if (!existsSync(wasm)) return null;
  const bin = [path.join(process.env.HOME ?? '', '.cargo/bin/twiggy'), 'twiggy'].find((b) => b === 'twiggy' || existsSync(b));
  const out = execFileSync(bin, ['top', '-n', '25', '-f', 'json', wasm], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  // Every item, grouped by the crate its name starts with (a heuristic: generic code is
  // counted where its first path points, e.g. `<yew::… as core::…>` under yew).
  const all = JSON.parse(execFileSync(bin, ['top', '-f', 'json', wasm], { encoding: 'utf8', maxBuffer: 256 << 20 }));
  const byCrate = {};
  for (const item of all) {
    if (/subsection|custom section/i.test(item.name)) continue;
    const crate = crateOf(item.name);
    byCrate[crate] = (byCrate[crate] ?? 0) + item.shallow_size;
  }
  return {
    version,
    file: path.relative(ROOT, wasm),
    bytes: statSync(wasm).size,
    top: JSON.parse(out),
    byCrate: Object.entries(byCrate)
      .map(([crate, bytes]) => ({ crate, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}

function crateOf(name) {
  if (name.startsWith('data segment')) return '(data segments: strings, tables, the embedded dataset)';
  if (name.startsWith('import ')) return '(imports from the JS glue)';
  if (name.startsWith('export ')) return '(exports)';
  if (/^(code|import|export|table|elem|global|type|memory|wasm magic|header|function)\b/i.test(name) && !name.includes('::')) return '(wasm sections and unnamed items)';
  const m = name.match(/([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  return m ? m[1] : '(other: libc-style helpers, unnamed)';
}

/** Network quiet this long (ms) after the service worker is active ends the first visit. */
const IDLE_MS = 1000;

/**
 * Opens the built site in Chromium as a first visitor (fresh profile, service workers
 * allowed) and returns the files the server sent, by name, and the service worker's state.
 */
async function firstVisit() {
  const sent = [];
  let last = Date.now();
  const server = await serveRoutes({ '/': DIST }, {}, {
    onResponse: (r) => {
      last = Date.now();
      sent.push(r);
    },
  });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const sw = await page.evaluate(async () => {
      const reg = await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(() => r(null), 60_000))]);
      if (!reg) return { state: 'none' };
      const w = reg.active;
      if (w.state !== 'activated') await new Promise((r) => w.addEventListener('statechange', () => w.state === 'activated' && r()));
      const keys = await caches.keys();
      const cached = (await Promise.all(keys.map(async (k) => (await (await caches.open(k)).keys()).map((q) => q.url)))).flat();
      return { state: w.state, script: w.scriptURL, caches: keys, cached: cached.map((u) => new URL(u).pathname) };
    });
    while (Date.now() - last < IDLE_MS) await new Promise((r) => setTimeout(r, 100));
    await context.close();
    return { sent, sw };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${path.relative(ROOT, DIST)} has no index.html: build it first`);
  // factdeck.html (scripts/single-file.mjs) is the whole app again in one file, for opening
  // from disk; a visit to the site never loads it, so it is reported on its own.
  const singlePath = path.join(DIST, SINGLE_FILE);
  const singleFile = existsSync(singlePath) ? { file: SINGLE_FILE, ...compressed(readFileSync(singlePath)) } : null;
  // A first visit downloads what Chromium fetched (page, glue, wasm, CSS, icons, sw.js and
  // what the worker precaches); the rest (the loader worker, for a visitor's own file) only
  // when used, so it is reported apart.
  const visit = await firstVisit();
  if (visit.sw.state !== 'activated') throw new Error(`the service worker did not activate (${visit.sw.state})`);
  const failed = visit.sent.filter((r) => r.status !== 200);
  if (failed.length) throw new Error(`the first visit got errors: ${failed.map((r) => `${r.status} ${r.path}`).join(', ')}`);
  const fetched = new Set(visit.sent.map((r) => path.relative(DIST, r.file)));
  const requests = visit.sent.length;
  const measure = (f) => ({ file: f, type: TYPES[path.extname(f)] ?? 'other', ...compressed(readFileSync(path.join(DIST, f))) });
  const files = [...fetched].sort().map(measure);
  const onDemand = readdirSync(DIST)
    .filter((f) => f !== SINGLE_FILE && !fetched.has(f) && statSync(path.join(DIST, f)).isFile())
    .sort()
    .map(measure);
  const byType = {};
  for (const t of ['html', 'js', 'wasm', 'css', 'other']) {
    const fs = files.filter((f) => f.type === t);
    byType[t] = { files: fs.length, raw: 0, gzip: 0, brotli: 0 };
    for (const f of fs) for (const k of ['raw', 'gzip', 'brotli']) byType[t][k] += f[k];
  }
  const total = { files: files.length, raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of ['raw', 'gzip', 'brotli']) total[k] += f[k];
  // The same wasm without names, to show the names-preserving build matches what ships.
  const stripped = path.join(TWIGGY_DIR, 'stripped.wasm');
  const report = {
    dist: path.relative(ROOT, DIST),
    method: 'chromium',
    requests,
    serviceWorker: visit.sw,
    files,
    onDemand,
    byType,
    total,
    singleFile,
    twiggy: twiggy(path.join(TWIGGY_DIR, 'named.wasm')),
    strippedTwiggyBuildBytes: existsSync(stripped) ? statSync(stripped).size : null,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'sizes.json'), JSON.stringify(report, null, 1));
  console.error(`[sizes] ${files.length} files (${requests} requests): ${total.raw} B raw, ${total.gzip} B gzip -9, ${total.brotli} B brotli`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
