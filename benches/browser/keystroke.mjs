// Keystroke → results painted, in the real app (target/dist-bench, a `trunk build --release`)
// in headless Chromium, on the built-in dataset and on synthetic ones loaded with ?data=.
//
// For each keystroke typed into #search (one character at a time, waiting for the previous
// one to finish, then a short pause), an init script records in the page:
//   t0          performance.now() in a capture-phase keydown listener;
//   statusMut   the first DOM mutation inside [role=status] (MutationObserver);
//   rafStatus   the first requestAnimationFrame callback after that mutation;
//   settled     a task posted from the input event (it runs after the app's render, which
//               Yew does in a microtask), and rafSettled, the first frame after it.
//   afterFrame  a task posted from that rAF callback: it runs once the frame has been
//               rendered (style, layout, paint of the new results).
// "keystroke → paint" is rafStatus − t0 for keystrokes that changed the result count (the
// headline figure, as specified: the frame *starts*), "keystroke → frame rendered" is
// afterFrame − t0 (the frame *done*), and rafSettled − t0 times every keystroke ("any
// keystroke"); "keystroke → DOM" is statusMut − t0 (the app's work, without any frame).
//
//   node benches/browser/keystroke.mjs [--out target/bench/results] [--sizes 10000,100000]
//                                      [--dist target/dist-bench]

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromiumVersion, launch } from './browser.mjs';
import { serveRoutes } from './server.mjs';
import { args, opt } from './cli.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const DATA = path.join(ROOT, 'target/bench/data');

/** The built app to measure (another build can be compared with `--dist`). */
const DIST = path.resolve(ROOT, opt('--dist', 'target/dist-bench'));
const OUT = path.resolve(ROOT, opt('--out', 'target/bench/results'));
const SIZES = opt('--sizes', '10000,100000').split(',').filter(Boolean).map(Number);
/** Pause after a keystroke has painted, before the next one (ms). */
const GAP_MS = 40;
/** Longest wait for one keystroke to paint before giving up on it (ms). */
const KEY_TIMEOUT_MS = 30_000;

/** Realistic searches, typed in ASCII (Playwright sends no keydown for other characters). */
const SYNTH_QUERIES = ['samarqand', 'green energy', 'gence aluminium', 'toshkent cotton', 'qoqon cement', 'silk mill'];
const BUILTIN_QUERIES = ['trade turnover', 'green energy', 'joint ventures', 'nizami', 'textile clusters'];

const log = (...a) => console.error('[keystroke]', ...a);
const label = (n) => `${n / 1000}k`;

// Runs in the page before any of its scripts (via the DevTools protocol, so the page's
// strict CSP does not apply to it).
const INSTRUMENT = () => {
  // statusLog: every text the result count shows before typing starts, with its time, so
  // that "ready" is when the loaded dataset's count appears (a prerendered page may show
  // another count first).
  const ks = { recording: false, pending: null, done: [], statusLog: [] };
  window.__ks = ks;
  const statusEl = () => document.querySelector('#result-count');
  const finish = (rec) => {
    if (rec.finished || rec.rafSettled == null || (rec.statusMut != null && rec.afterFrame == null)) return;
    rec.finished = true;
    rec.statusAfter = statusEl()?.textContent ?? null;
    if (ks.pending === rec) ks.pending = null;
    const { resolve, promise, finished, ...plain } = rec;
    ks.done.push(plain);
    resolve();
  };
  document.addEventListener(
    'keydown',
    (e) => {
      if (!ks.recording) return;
      const rec = { key: e.key, t0: performance.now(), eventTimeStamp: e.timeStamp, statusBefore: statusEl()?.textContent ?? null };
      rec.statusMut = rec.rafStatus = rec.afterFrame = rec.anyMut = rec.input = rec.settled = rec.rafSettled = null;
      rec.promise = new Promise((r) => (rec.resolve = r));
      ks.pending = rec;
    },
    true,
  );
  document.addEventListener(
    'input',
    () => {
      const rec = ks.pending;
      if (!rec || rec.input != null) return;
      rec.input = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        rec.settled = performance.now();
        requestAnimationFrame(() => {
          rec.rafSettled = performance.now();
          finish(rec);
        });
      };
      ch.port2.postMessage(0);
    },
    true,
  );
  new MutationObserver((mutations) => {
    const st = statusEl();
    if (st && !ks.recording && ks.statusLog.length < 500 && ks.statusLog.at(-1)?.text !== st.textContent) {
      ks.statusLog.push({ t: performance.now(), text: st.textContent });
    }
    const rec = ks.pending;
    if (!rec) return;
    const t = performance.now();
    if (rec.anyMut == null) rec.anyMut = t;
    if (rec.statusMut == null && st && mutations.some((m) => st.contains(m.target) || [...m.addedNodes].some((n) => n.contains?.(st)))) {
      rec.statusMut = t;
      requestAnimationFrame(() => {
        rec.rafStatus = performance.now();
        // A task posted from the frame's rAF callback runs once that frame has been
        // rendered (style, layout, paint): the results are on screen.
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          rec.afterFrame = performance.now();
          finish(rec);
        };
        ch.port2.postMessage(0);
      });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

function quantile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}

async function runDataset(browser, origin, { name, query, facts, queries }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(INSTRUMENT);
  try {
    await page.goto(`${origin}/${query}`);
    // Ready = the count of *this* dataset is shown (not a prerendered or earlier one).
    await page.waitForFunction((n) => document.querySelector('#result-count')?.textContent.trim() === `${n} facts`, facts, { timeout: 900_000, polling: 50 });
    const total = facts;
    const readyMs = await page.evaluate((n) => window.__ks.statusLog.find((e) => e.text.trim() === `${n} facts`)?.t ?? null, facts);
    const search = page.locator('#search');
    await search.click();
    for (const q of queries) {
      await page.evaluate(() => (window.__ks.recording = true));
      for (const ch of q) {
        await page.keyboard.type(ch);
        await page.evaluate(
          ([timeout]) => {
            const r = window.__ks.pending;
            return r ? Promise.race([r.promise, new Promise((res) => setTimeout(res, timeout))]) : null;
          },
          [KEY_TIMEOUT_MS],
        );
        await page.waitForTimeout(GAP_MS);
      }
      await page.evaluate(() => (window.__ks.recording = false));
      // Back to an empty box, not measured; wait until the full list is back and painted.
      await search.fill('');
      await page.waitForFunction((n) => document.querySelector('#result-count')?.textContent.trim() === `${n} facts`, total, { timeout: 120_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const recs = await page.evaluate(() => window.__ks.done);
    if (errors.length) throw new Error(`${name}: page errors: ${errors.join('; ')}`);
    const keys = recs.map((r) => ({
      key: r.key,
      changed: r.statusMut != null && r.statusBefore !== r.statusAfter,
      toPaint: r.rafStatus != null ? r.rafStatus - r.t0 : null,
      toDom: r.statusMut != null ? r.statusMut - r.t0 : null,
      toPainted: r.afterFrame != null ? r.afterFrame - r.t0 : null,
      toFrame: r.rafSettled - r.t0,
      toRender: r.settled - r.t0,
      inputDelay: r.input - r.t0,
      status: r.statusAfter,
    }));
    const changed = keys.filter((k) => k.changed).map((k) => k.toPaint);
    const all = keys.map((k) => k.toFrame);
    const dom = keys.filter((k) => k.changed).map((k) => k.toDom);
    const painted = keys.filter((k) => k.changed).map((k) => k.toPainted);
    const typed = queries.join('').length;
    return {
      name,
      url: query,
      facts: total,
      readyMs,
      typed,
      measured: keys.length,
      countChanged: changed.length,
      paint: { median: quantile(changed, 0.5), p95: quantile(changed, 0.95), max: Math.max(...changed) },
      anyKey: { median: quantile(all, 0.5), p95: quantile(all, 0.95), max: Math.max(...all) },
      dom: { median: quantile(dom, 0.5), p95: quantile(dom, 0.95) },
      painted: { median: quantile(painted, 0.5), p95: quantile(painted, 0.95), max: Math.max(...painted) },
      queries,
      keys,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${path.relative(ROOT, DIST)} is missing: trunk build --release --offline --dist target/dist-bench`);
  mkdirSync(OUT, { recursive: true });
  const routes = { '/': DIST };
  for (const n of SIZES) {
    const file = path.join(DATA, `synth-${n}.json`);
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing`);
    routes[`/synth-${label(n)}.json`] = file;
  }
  const server = await serveRoutes(routes);
  const browser = await launch();
  const runs = [];
  try {
    const builtin = JSON.parse(readFileSync(path.join(ROOT, 'data/dataset.json'), 'utf8')).facts.length;
    const plan = [
      { name: 'built-in', query: '', facts: builtin, queries: BUILTIN_QUERIES },
      ...SIZES.map((n) => ({ name: `synth-${label(n)}`, query: `?data=synth-${label(n)}.json`, facts: n, queries: SYNTH_QUERIES })),
    ];
    for (const p of plan) {
      log(`${p.name}…`);
      const r = await runDataset(browser, server.origin, p);
      log(
        `  ${p.name}: ready ${r.readyMs?.toFixed(0)} ms; ${r.countChanged}/${r.measured} keystrokes changed the count; ` +
          `paint median ${r.paint.median?.toFixed(1)} ms p95 ${r.paint.p95?.toFixed(1)} ms; any key median ${r.anyKey.median.toFixed(1)} p95 ${r.anyKey.p95.toFixed(1)}`,
      );
      runs.push(r);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const dist = readdirSync(DIST);
  writeFileSync(
    path.join(OUT, 'keystroke.json'),
    JSON.stringify({ meta: { chromium: chromiumVersion(), node: process.version, date: new Date().toISOString(), gapMs: GAP_MS, dist }, runs }, null, 1),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
