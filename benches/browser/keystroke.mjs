// Keystroke cost as a user feels it, end to end, in headless Chromium: in the real app
// (target/dist-bench, a `trunk build --release`) and in plain-JS reference pages
// (benches/browser/reference/: FlexSearch, MiniSearch, Orama), with the same typing, the
// same measuring code and the same datasets (the built-in 25 facts for factdeck only; the
// synthetic ones, opened with ?data=, for every page).
//
// For each keystroke typed into #search (one character at a time), an init script records
// in the page:
//   t0        performance.now() in a capture-phase keydown listener;
//   lastMut   the time of the last DOM mutation after it (a MutationObserver on the whole
//             document: children, text and attributes), so the cards a page renders in a
//             later task count too;
//   settled   a task posted from the input event (the page has handled the event);
//   frames    for the page's work so far, the first requestAnimationFrame callback after it
//             and a task posted from that callback, which runs once the frame has been
//             rendered (style, layout, paint).
// The keystroke is over once nothing has changed the DOM for QUIET_MS; its cost ("end to
// end") is keydown → the first frame rendered after its last mutation (or after `settled`
// when it changed nothing). The quiet window only decides that the page is done: it is not
// part of the figure. "DOM work" is keydown → last mutation. Still recorded: "count
// painted", keydown → the first rAF after [role=status] changed (the old headline figure).
// After each keystroke, "nodes per card" counts the nodes (elements, text, comments) in the
// subtrees of the <article>s shown, divided by their number.
//
//   node benches/browser/keystroke.mjs [--out target/bench/results] [--sizes 10000,100000]
//        [--pages factdeck,flexsearch,minisearch,orama] [--rounds 3] [--dist target/dist-bench]

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromiumVersion, launch } from './browser.mjs';
import { serveRoutes } from './server.mjs';
import { opt } from './cli.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const DATA = path.join(ROOT, 'target/bench/data');
const MODULES = path.join(ROOT, 'node_modules');

/** The built app to measure (another build can be compared with `--dist`). */
const DIST = path.resolve(ROOT, opt('--dist', 'target/dist-bench'));
const OUT = path.resolve(ROOT, opt('--out', 'target/bench/results'));
const SIZES = opt('--sizes', '10000,100000').split(',').filter(Boolean).map(Number);
const PAGES = opt('--pages', 'factdeck,flexsearch,minisearch,orama').split(',').filter(Boolean);
/** Each page types every query this many times, each round in a freshly loaded page; pages take turns. */
const ROUNDS = Number(opt('--rounds', '3'));
/**
 * Pages whose keystrokes are too slow at a size to type every round: Orama at 100k facts
 * spends up to seconds on a one-letter query (10+ s on a busy 2-core machine), so it types
 * one round there. The report says so.
 */
const ROUND_CAPS = { orama: (facts) => (facts >= 100_000 ? 1 : Infinity) };
/**
 * A keystroke is over when the DOM has not changed for this long. factdeck renders the
 * rest of a page of cards in a task posted after the first frame (~1 frame, 16.7 ms, after
 * its first render); 100 ms is six frames, well past that, and still shorter than the pause
 * between two keys of a fast typist, so no later work of one keystroke is missed and none of
 * the next is counted.
 */
const QUIET_MS = 100;
/** Longest wait for one keystroke to end before giving up on it (ms). */
const KEY_TIMEOUT_MS = 60_000;

/** Realistic searches, typed in ASCII (Playwright sends no keydown for other characters). */
export const SYNTH_QUERIES = ['samarqand', 'green energy', 'gence aluminium', 'toshkent cotton', 'qoqon cement', 'silk mill'];
const BUILTIN_QUERIES = ['trade turnover', 'green energy', 'joint ventures', 'nizami', 'textile clusters'];

/** The pages, by id: where each lives and how it opens a dataset (`file`: a route on this server). */
export const PAGE_INFO = {
  factdeck: { name: 'factdeck', url: (file) => (file ? `/?data=${file.slice(1)}` : '/') },
  flexsearch: { name: 'plain-JS page, FlexSearch 0.8.212', url: (file) => `/reference/index.html?engine=flexsearch&data=${file}` },
  minisearch: { name: 'plain-JS page, MiniSearch 7.2.0', url: (file) => `/reference/index.html?engine=minisearch&data=${file}` },
  orama: { name: 'plain-JS page, Orama 3.1.18', url: (file) => `/reference/index.html?engine=orama&data=${file}` },
};

const log = (...a) => console.error('[keystroke]', ...a);
const label = (n) => `${n / 1000}k`;

// Runs in the page before any of its scripts (via the DevTools protocol, so the page's
// strict CSP does not apply to it). `BUSY`, if given, is a selector: while an element
// matches it, the keystroke is not over (for pages that answer after a fetch, which may
// leave the DOM quiet for longer than QUIET before the results come).
export const INSTRUMENT = (QUIET, BUSY = null) => {
  // statusLog: every text the result count shows before typing starts, with its time, so
  // that "ready" is when the loaded dataset's count appears (a prerendered page may show
  // another count first).
  const ks = { recording: false, pending: null, done: [], statusLog: [], lastMut: 0 };
  window.__ks = ks;
  const now = () => performance.now();
  const statusEl = () => document.querySelector('#result-count');
  const post = (fn) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = fn;
    ch.port2.postMessage(0);
  };
  const nodesInCards = () => {
    const cards = document.querySelectorAll('article');
    let nodes = 0;
    let elements = 0;
    for (const a of cards) {
      const w = document.createTreeWalker(a, NodeFilter.SHOW_ALL);
      for (let n = w.currentNode; n; n = w.nextNode()) {
        nodes++;
        if (n.nodeType === 1) elements++;
      }
    }
    return { cards: cards.length, nodes, elements };
  };
  const finish = (rec, frame) => {
    rec.finished = true;
    clearTimeout(rec.timer);
    rec.end = frame.done;
    rec.endRaf = frame.raf;
    rec.statusAfter = statusEl()?.textContent ?? null;
    Object.assign(rec, nodesInCards());
    if (ks.pending === rec) ks.pending = null;
    const { resolve, promise, finished, timer, frameAsked, ...plain } = rec;
    ks.done.push(plain);
    resolve();
  };
  // Over once QUIET ms have passed since the last work and a frame has rendered after it.
  const check = (rec) => {
    if (rec.finished) return;
    // Busy: the mutation that ends it (an attribute or the element going) checks again.
    if (BUSY && document.querySelector(BUSY)) return clearTimeout(rec.timer);
    const idle = now() - rec.lastWork;
    if (rec.settled == null || idle < QUIET) {
      clearTimeout(rec.timer);
      rec.timer = setTimeout(() => check(rec), Math.max(1, QUIET - idle));
      return;
    }
    const frame = rec.frames.find((f) => f.raf >= rec.lastWork);
    if (frame) finish(rec, frame);
  };
  // The first frame after the work so far: its rAF callback, then a task posted from it,
  // which runs once that frame has been rendered.
  const watchFrame = (rec) => {
    if (rec.frameAsked || rec.finished) return;
    rec.frameAsked = true;
    requestAnimationFrame(() => {
      const raf = now();
      post(() => {
        rec.frameAsked = false;
        rec.frames.push({ raf, done: now() });
        if (rec.lastWork > raf) watchFrame(rec);
        check(rec);
      });
    });
  };
  const work = (rec, t) => {
    rec.lastWork = Math.max(rec.lastWork, t);
    watchFrame(rec);
    check(rec);
  };
  document.addEventListener(
    'keydown',
    (e) => {
      if (!ks.recording) return;
      const t0 = now();
      const rec = { key: e.key, t0, statusBefore: statusEl()?.textContent ?? null, lastWork: t0, frames: [], mutations: 0 };
      rec.input = rec.settled = rec.firstMut = rec.lastMut = rec.statusMut = rec.statusRaf = null;
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
      rec.input = now();
      post(() => {
        rec.settled = now();
        work(rec, rec.settled);
      });
    },
    true,
  );
  new MutationObserver((mutations) => {
    const t = now();
    ks.lastMut = t;
    const st = statusEl();
    if (st && !ks.recording && ks.statusLog.length < 500 && ks.statusLog.at(-1)?.text !== st.textContent) {
      ks.statusLog.push({ t, text: st.textContent });
    }
    const rec = ks.pending;
    if (!rec || rec.finished) return;
    rec.mutations += mutations.length;
    rec.firstMut ??= t;
    rec.lastMut = t;
    if (rec.statusMut == null && st && mutations.some((m) => st.contains(m.target) || [...m.addedNodes].some((n) => n.contains?.(st)))) {
      rec.statusMut = t;
      requestAnimationFrame(() => (rec.statusRaf = now()));
    }
    work(rec, t);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  /** Resolves once the DOM has not changed for QUIET ms and a frame has been rendered. */
  ks.quiet = () =>
    new Promise((resolve) => {
      const poll = () => {
        const idle = now() - ks.lastMut;
        if (idle < QUIET) return setTimeout(poll, QUIET - idle);
        requestAnimationFrame(() => post(resolve));
      };
      poll();
    });
  ks.nodesInCards = nodesInCards;
};

export function quantile(xs, p) {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}
export const stats = (xs) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: xs.length ? Math.max(...xs) : null, n: xs.length });

/** One round: load `url` in a fresh context, wait for `facts` to show, type every query. */
async function typeRound(browser, origin, url, facts, queries) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.addInitScript(INSTRUMENT, QUIET_MS);
  const full = `${facts} facts`;
  const showsAll = () => page.waitForFunction((t) => document.querySelector('#result-count')?.textContent.trim() === t, full, { timeout: 900_000, polling: 50 });
  try {
    await page.goto(`${origin}${url}`);
    // Ready = the count of *this* dataset is shown (not a prerendered or earlier one).
    await showsAll();
    const readyMs = await page.evaluate((t) => window.__ks.statusLog.find((e) => e.text.trim() === t)?.t ?? null, full);
    const search = page.locator('#search');
    await search.click();
    await page.evaluate(() => window.__ks.quiet());
    const emptyCards = await page.evaluate(() => window.__ks.nodesInCards());
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
      }
      await page.evaluate(() => (window.__ks.recording = false));
      // Back to an empty box, not measured; wait until the full list is back and quiet.
      await search.fill('');
      await showsAll();
      await page.evaluate(() => window.__ks.quiet());
    }
    const recs = await page.evaluate(() => window.__ks.done);
    if (errors.length) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    const typed = queries.join('').length;
    return { readyMs, typed, emptyCards, recs };
  } finally {
    await context.close();
  }
}

export function keyFigures(r) {
  return {
    key: r.key,
    changed: r.statusBefore !== r.statusAfter,
    e2e: r.end - r.t0,
    dom: (r.lastMut ?? r.settled) - r.t0,
    domMutated: r.lastMut != null,
    countPaint: r.statusRaf != null ? r.statusRaf - r.t0 : null,
    inputDelay: r.input - r.t0,
    mutations: r.mutations,
    cards: r.cards,
    nodesPerCard: r.cards ? r.nodes / r.cards : null,
    elementsPerCard: r.cards ? r.elements / r.cards : null,
    status: r.statusAfter,
  };
}

function summarize(page, dataset, facts, queries, rounds) {
  const keys = rounds.flatMap((r, i) => r.recs.map((rec) => ({ round: i + 1, ...keyFigures(rec) })));
  const typed = rounds.reduce((a, r) => a + r.typed, 0);
  const changed = keys.filter((k) => k.changed);
  return {
    page,
    pageName: PAGE_INFO[page].name,
    name: dataset,
    facts,
    rounds: rounds.length,
    readyMs: quantile(rounds.map((r) => r.readyMs), 0.5),
    ready: rounds.map((r) => r.readyMs),
    typed,
    measured: keys.length,
    timedOut: typed - keys.length,
    countChanged: changed.length,
    e2e: stats(keys.map((k) => k.e2e)),
    dom: stats(keys.map((k) => k.dom)),
    e2eChanged: stats(changed.map((k) => k.e2e)),
    countPaint: stats(changed.map((k) => k.countPaint).filter((x) => x != null)),
    nodesPerCard: { median: quantile(keys.filter((k) => k.cards).map((k) => k.nodesPerCard), 0.5), elements: quantile(keys.filter((k) => k.cards).map((k) => k.elementsPerCard), 0.5) },
    cardsShown: quantile(keys.map((k) => k.cards), 0.5),
    emptyQuery: rounds[0].emptyCards,
    queries,
    keys,
  };
}

async function main() {
  for (const p of PAGES) if (!PAGE_INFO[p]) throw new Error(`unknown page ${p} (known: ${Object.keys(PAGE_INFO).join(', ')})`);
  if (PAGES.includes('factdeck') && !existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${path.relative(ROOT, DIST)} is missing: trunk build --release --offline --dist target/dist-bench`);
  }
  mkdirSync(OUT, { recursive: true });
  const routes = {
    '/': DIST,
    '/reference/': path.join(HERE, 'reference/'),
    '/vendor/flexsearch.mjs': path.join(MODULES, 'flexsearch/dist/flexsearch.bundle.module.min.mjs'),
    '/vendor/minisearch.js': path.join(MODULES, 'minisearch/dist/es/index.js'),
    '/vendor/orama/': path.join(MODULES, '@orama/orama/dist/browser/'),
  };
  for (const n of SIZES) {
    const file = path.join(DATA, `synth-${n}.json`);
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: target/release/synth ${n} 1 > ${path.relative(ROOT, file)}`);
    routes[`/synth-${label(n)}.json`] = file;
  }
  const server = await serveRoutes(routes);
  const browser = await launch();
  const runs = [];
  try {
    const builtin = JSON.parse(readFileSync(path.join(ROOT, 'data/dataset.json'), 'utf8')).facts.length;
    const plan = [
      ...(PAGES.includes('factdeck') ? [{ name: 'built-in', file: null, facts: builtin, queries: BUILTIN_QUERIES, pages: ['factdeck'] }] : []),
      ...SIZES.map((n) => ({ name: `synth-${label(n)}`, file: `/synth-${label(n)}.json`, facts: n, queries: SYNTH_QUERIES, pages: PAGES })),
    ];
    for (const d of plan) {
      const rounds = Object.fromEntries(d.pages.map((p) => [p, []]));
      // Pages take turns, round by round, so that other load on the machine falls on all.
      for (let i = 0; i < ROUNDS; i++) {
        for (const p of d.pages) {
          if (i >= (ROUND_CAPS[p]?.(d.facts) ?? Infinity)) continue;
          log(`${d.name} ${p} round ${i + 1}/${ROUNDS}…`);
          const r = await typeRound(browser, server.origin, PAGE_INFO[p].url(d.file), d.facts, d.queries);
          log(`  ready ${r.readyMs?.toFixed(0)} ms; ${r.recs.length}/${r.typed} keystrokes`);
          rounds[p].push(r);
        }
      }
      for (const p of d.pages) {
        const s = summarize(p, d.name, d.facts, d.queries, rounds[p]);
        log(
          `${d.name} ${p}: end to end p50 ${s.e2e.median?.toFixed(1)} ms p95 ${s.e2e.p95?.toFixed(1)} ms; ` +
            `DOM work p50 ${s.dom.median?.toFixed(1)} ms; ${s.nodesPerCard.median?.toFixed(1)} nodes per card` +
            (s.timedOut ? `; ${s.timedOut} keystrokes timed out` : ''),
        );
        runs.push(s);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const dist = existsSync(DIST) ? readdirSync(DIST) : [];
  writeFileSync(
    path.join(OUT, 'keystroke.json'),
    JSON.stringify({ meta: { chromium: chromiumVersion(), node: process.version, date: new Date().toISOString(), quietMs: QUIET_MS, rounds: ROUNDS, pages: PAGES, dist }, runs }, null, 1),
  );
}

// Run as a script, not when imported (scale.mjs reuses the instrument above).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
