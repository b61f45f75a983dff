// Shared fixtures for the end-to-end suite: a tiny static server for a built dist/, a
// headless Chromium (the Debian one, driven by playwright-core), and pages that record
// everything that must never happen (console errors, page errors, failed or foreign
// requests, dialogs). Helpers wait on conditions, never on time.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** `trunk build --release`: the site at the host's root. */
export const ROOT_DIST = path.join(ROOT, 'dist');
/** `trunk build --release --public-url /factdeck/ --dist target/dist-subpath`. */
export const SUBPATH_DIST = path.join(ROOT, 'target/dist-subpath');

/** The shipped dataset, read directly so expectations come from the data, not the app. */
export const DATASET = JSON.parse(readFileSync(path.join(ROOT, 'data/dataset.json'), 'utf8'));
export const TOTAL = DATASET.facts.length;

/** Ids of the facts tagged with `sector`, in dataset order. */
export function factsInSector(sector) {
  return DATASET.facts.filter((f) => f.sectors.includes(sector)).map((f) => f.id);
}

/** Ids of the facts of `kind`, in dataset order. */
export function factsOfKind(kind) {
  return DATASET.facts.filter((f) => f.kind === kind).map((f) => f.id);
}

export function sectorLabel(id) {
  const sector = DATASET.sectors.find((s) => s.id === id);
  assert.ok(sector, `no sector ${id} in data/dataset.json`);
  return sector.label;
}

export function fact(id) {
  const f = DATASET.facts.find((x) => x.id === id);
  assert.ok(f, `no fact ${id} in data/dataset.json`);
  return f;
}

// ---------------------------------------------------------------------------------------
// Orders (core/src/sort.rs), computed from the data so that tests do not trust the app

/** First and last day (ISO) a `YYYY[-MM[-DD]]` date can denote. */
function dayRange(date) {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const iso = (year, month, day) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return [iso(y, m ?? 1, d ?? 1), iso(y, m ?? 12, d ?? lastDay(y, m ?? 12))];
}

/**
 * The date fact `f` sorts by, as [first day, last day]: its own date, else its figure's
 * period, else its first derived date; null when undated.
 */
export function sortDate(f) {
  const spec = f.date ?? f.quantity?.period ?? (f.derived ?? []).find((d) => d.date)?.date;
  if (!spec) return null;
  const { start, end } = typeof spec === 'string' ? { start: spec } : spec;
  return [dayRange(start)[0], dayRange(end ?? start)[1]];
}

/** Case, accents and apostrophes folded away, as titles are compared for sorting. */
export function foldTitle(s) {
  return s
    .replace(/[ƏəƏ]/g, 'e')
    .replace(/[İı]/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’ʻʼ‘`]/g, '')
    .toLowerCase();
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `facts` (dataset facts, in relevance order) sorted: 'oldest', 'newest', 'title' or
 * '-title'. Undated facts go last either way; ties keep the given order.
 */
export function sortFacts(facts, sort) {
  if (sort === 'title' || sort === '-title') {
    const dir = sort === 'title' ? 1 : -1;
    return [...facts].sort((a, b) => dir * cmp(foldTitle(a.title), foldTitle(b.title)));
  }
  const dir = sort === 'oldest' ? 1 : -1;
  const dated = facts.filter((f) => sortDate(f));
  const undated = facts.filter((f) => !sortDate(f));
  dated.sort((a, b) => {
    const [x, y] = [sortDate(a), sortDate(b)];
    return dir * (cmp(x[0], y[0]) || cmp(x[1], y[1]));
  });
  return [...dated, ...undated];
}

/** Ids of the shipped facts in `sort` order ('oldest', 'newest', 'title', '-title'). */
export function sortedIds(sort, ids = DATASET.facts.map((f) => f.id)) {
  return sortFacts(ids.map(fact), sort).map((f) => f.id);
}

// ---------------------------------------------------------------------------------------
// Static server

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves `dir` under `base` ("/" or "/factdeck/") on a free loopback port. Anything outside
 * `base`, or missing, is a 404, so a build that requests the wrong path fails loudly.
 * `files` maps extra paths (relative to `base`) to contents, e.g. datasets to load with
 * `?data=`. Returns `{ origin, url, requests, close }`; `requests` lists every path asked for.
 */
export async function serve(dir, base = '/', files = {}) {
  assert.ok(base.startsWith('/') && base.endsWith('/'), `base must start and end with "/": ${base}`);
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(
      `${path.relative(ROOT, dir) || dir}/index.html is missing: build first ` +
        '(trunk build --release --offline; for the sub-path also ' +
        '--public-url /factdeck/ --dist target/dist-subpath)',
    );
  }
  const root = path.resolve(dir);
  for (const name of readdirSync(root).filter((n) => n.endsWith('.wasm'))) {
    const head = readFileSync(path.join(root, name)).subarray(0, 4);
    if (!head.equals(Buffer.from([0, 0x61, 0x73, 0x6d]))) {
      throw new Error(`${path.relative(ROOT, path.join(root, name))} is not WebAssembly (interrupted or concurrent build?): rebuild`);
    }
  }
  const requests = [];
  // Views live in the query string, and the suite loads ~100 KB URLs: allow long lines.
  const server = http.createServer({ maxHeaderSize: 1024 * 1024 }, async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(pathname);
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    if (!pathname.startsWith(base)) return send(404, `outside ${base}`);
    let rel = pathname.slice(base.length);
    if (Object.hasOwn(files, rel)) return send(200, files[rel], MIME[path.extname(rel)] ?? 'text/plain');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'forbidden');
    try {
      if (!(await stat(file)).isFile()) return send(404, 'not found');
      const body = await readFile(file);
      send(200, body, MIME[path.extname(file)] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + base,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------
// Browser

/** Headless Chromium; `extraArgs` are added to its command line (e.g. `--js-flags=...`). */
export function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isForeign(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return false;
  return !LOOPBACK.has(u.hostname);
}

/**
 * A fresh browser context and page that record every problem:
 * console errors, uncaught page errors, failed requests, HTTP errors, requests to any
 * non-loopback origin (which are also aborted), websockets, dialogs (dismissed) and
 * Content-Security-Policy violations. `messages` lists every console message ("type: text").
 * `javaScriptEnabled: false` opens the page as a browser without JavaScript would; an
 * `initScript` (function) runs in the page before any of its own scripts.
 */
export async function newPage(
  browser,
  { viewport = { width: 1280, height: 900 }, permissions = [], serviceWorkers = 'block', javaScriptEnabled = true, initScript } = {},
) {
  const context = await browser.newContext({ viewport, serviceWorkers, javaScriptEnabled });
  if (permissions.length) await context.grantPermissions(permissions);
  const problems = [];
  const requests = [];
  const messages = [];
  await context.route(
    (url) => isForeign(url.href),
    (route) => {
      problems.push(`request to another origin: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  // Fail fast with a clear message rather than after Playwright's 30 s default (generous for loaded CI machines).
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('console', (msg) => {
    messages.push(`${msg.type()}: ${msg.text()}`);
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('websocket', (ws) => problems.push(`websocket: ${ws.url()}`));
  // Content-Security-Policy violations, reported by the page itself.
  await page.exposeBinding('__factdeckCspViolation', (_source, v) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__factdeckCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  if (initScript) await page.addInitScript(initScript);
  page.on('request', (req) => requests.push(req.url()));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    // A reload or navigation cancels requests still in flight (e.g. the favicon): that is
    // the browser's doing, not a failure. HTTP errors are caught by the response handler.
    if (isForeign(req.url()) || error === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { context, page, problems, requests, messages };
}

/**
 * Registers the fixtures of one test file: a server for `dist` at `base` and a browser for
 * the whole file, a fresh context per test, closed after it. After each test, any recorded
 * problem fails that test. Use `app.open(pathAndQuery)` inside a test.
 */
export function useApp({ dist = ROOT_DIST, base = '/', files = {} } = {}) {
  const app = {
    server: null,
    browser: null,
    sessions: [],
    /**
     * Opens `rel` (relative to the base, e.g. "?q=trade") in a fresh context and waits for
     * the app, unless `options.waitForApp` is false. Options also take `viewport`,
     * `permissions`, `serviceWorkers` ('block' unless 'allow'), `javaScriptEnabled` and
     * `initScript` (see newPage), and `browser` to use another browser than the file's (e.g.
     * one launched with other flags).
     */
    async open(rel = '', options = {}) {
      const session = await newPage(options.browser ?? app.browser, options);
      app.sessions.push(session);
      await session.page.goto(app.url(rel));
      if (options.waitForApp !== false) await waitForApp(session.page);
      return session.page;
    },
    url(rel = '') {
      return new URL(rel, app.server.url).href;
    },
    /** Lets the current test expect problems matching `pattern` (e.g. a deliberate 404). */
    allow(pattern) {
      app.allowed.push(pattern);
    },
    allowed: [],
    /** Problems recorded so far in the current test. */
    get problems() {
      return app.sessions.flatMap((s) => s.problems);
    },
    /** Every URL requested so far in the current test. */
    get requests() {
      return app.sessions.flatMap((s) => s.requests);
    },
    /** Every console message so far in the current test ("type: text"). */
    get messages() {
      return app.sessions.flatMap((s) => s.messages);
    },
  };
  before(async () => {
    app.server = await serve(dist, base, files);
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  afterEach(async () => {
    const sessions = app.sessions;
    app.sessions = [];
    const allowed = app.allowed;
    app.allowed = [];
    const problems = sessions.flatMap((s) => s.problems).filter((p) => !allowed.some((a) => a.test(p)));
    await Promise.all(sessions.map((s) => s.context.close()));
    assert.deepEqual(problems, [], 'the page logged errors or left its origin');
  });
  return app;
}

// ---------------------------------------------------------------------------------------
// Reading the page

/**
 * Waits until the WebAssembly app runs and shows its result count. The prerendered page
 * shows a count before the app starts; its notice (`.js-notice`) goes once the app has
 * taken the page over and applied the URL's view, and the card list is marked busy
 * (`aria-busy`) until every prerendered card has been adopted (src/ui/hydration.rs).
 */
export async function waitForApp(page) {
  await waitForState(
    page,
    () => !!document.querySelector('#result-count') && !document.querySelector('.js-notice') && !document.querySelector('[aria-busy]'),
    undefined,
    'the app to start',
  );
}

export const search = (page) => page.getByRole('searchbox', { name: 'Search facts' });
export const status = (page) => page.getByRole('status');
export const cards = (page) => page.locator('article.card');
export const card = (page, id) => page.locator(`article#fact-${id}`);

/**
 * A card's control (Details, Permalink, Copy link, Cite) by role and name. A closed card
 * keeps them behind its "Actions" button, which is clicked first when it is collapsed.
 */
export async function cardControl(page, id, role, options) {
  const more = card(page, id).getByRole('button', { name: /^Actions for/ });
  if ((await more.count()) > 0 && (await more.getAttribute('aria-expanded')) === 'false') {
    await more.click();
  }
  return card(page, id).getByRole(role, options);
}
export const checkbox = (page, label) => page.getByRole('checkbox', { name: label, exact: true });

export async function statusText(page) {
  return (await status(page).textContent()).trim();
}

/** Card titles, in the order shown. */
export function cardTitles(page) {
  return page.$$eval('article.card h3', (hs) => hs.map((h) => h.textContent.trim()));
}

/** Fact ids of the cards, in the order shown. */
export function cardIds(page) {
  return page.$$eval('article.card', (as) => as.map((a) => a.id.replace(/^fact-/, '')));
}

/** The sector tags of every shown card, by fact id. */
export function cardSectors(page) {
  return page.$$eval('article.card', (as) =>
    Object.fromEntries(
      as.map((a) => [
        a.id.replace(/^fact-/, ''),
        [...a.querySelectorAll('.tags .tag')].map((t) => t.textContent.trim()),
      ]),
    ),
  );
}

/** The live count shown beside a facet value, e.g. facetCount(page, 'kind', 'project'). */
export async function facetCount(page, facet, value) {
  const text = await page.locator(`#${facet}-${value}-count`).textContent();
  const m = text.match(/\d+/);
  assert.ok(m, `no number in the count of ${facet} ${value}: ${JSON.stringify(text)}`);
  return Number(m[0]);
}

/** The page's query parameters as a plain object of arrays. */
export function params(page) {
  return paramsOf(new URL(page.url()));
}

function paramsOf(url) {
  const out = {};
  for (const [k, v] of url.searchParams) (out[k] ??= []).push(v);
  return out;
}

/**
 * Waits until the page's query parameters are `expected` (a view changed in place reaches
 * the address bar once it has not changed for 400 ms, src/ui/browser.rs: set_query); on
 * timeout, fails showing what they are.
 */
export async function waitForParams(page, expected, timeout = 5_000) {
  const same = (u) => JSON.stringify(paramsOf(u)) === JSON.stringify(expected);
  await page.waitForURL(same, { timeout }).catch(() => {});
  assert.deepEqual(params(page), expected);
}

/** A snapshot of what the view shows, for failure messages and comparisons. */
export async function viewSnapshot(page) {
  return page.evaluate(() => ({
    url: location.pathname + location.search,
    status: document.querySelector('[role=status]')?.textContent.trim() ?? null,
    query: document.querySelector('#search')?.value ?? null,
    checked: [...document.querySelectorAll('input[type=checkbox]:checked')].map((c) => `${c.name}=${c.value}`),
    ids: [...document.querySelectorAll('article.card')].map((a) => a.id.replace(/^fact-/, '')),
    empty: !!document.querySelector('.empty'),
  }));
}

/**
 * Waits until the page shows `n` cards and the matching count ("25 facts" when
 * unfiltered, else "n of 25 facts"). With `filtered` undefined, either wording passes.
 * `total` is the dataset's size (the shipped one's by default).
 */
export async function waitForCount(page, n, { filtered, total = TOTAL } = {}) {
  await waitForState(
    page,
    ({ n, total, filtered }) => {
      const status = document.querySelector('[role=status]')?.textContent.trim();
      const shown = document.querySelectorAll('article.card').length;
      const ok = [`${n} of ${total} facts`, ...(n === total ? [`${total} facts`] : [])];
      const allowed = filtered == null ? ok : filtered ? [ok[0]] : [`${total} facts`];
      return shown === n && allowed.includes(status);
    },
    { n, total, filtered: filtered ?? null },
    `${n} cards`,
  );
}

/** Waits until the cards shown are exactly `ids`, in that order. */
export async function waitForCards(page, ids) {
  await waitForState(
    page,
    (ids) => {
      const shown = [...document.querySelectorAll('article.card')].map((a) => a.id.replace(/^fact-/, ''));
      return shown.length === ids.length && shown.every((id, i) => id === ids[i]);
    },
    ids,
    `cards ${JSON.stringify(ids)}`,
  );
}

/** Waits until the cards shown are exactly the set `ids`, in any order. */
export async function waitForCardSet(page, ids) {
  await waitForState(
    page,
    (ids) => {
      const shown = [...document.querySelectorAll('article.card')].map((a) => a.id.replace(/^fact-/, ''));
      return shown.length === ids.length && ids.every((id) => shown.includes(id));
    },
    ids,
    `cards {${ids.join(', ')}}`,
  );
}

/** Waits until the URL's query string (after the base path) is exactly `search`. */
export async function waitForSearch(page, search, pathname) {
  await page.waitForURL((u) => u.search === search && (pathname === undefined || u.pathname === pathname));
}

/**
 * `page.waitForFunction` with a readable failure: on timeout, throws with the snapshot
 * of what the page actually showed.
 */
export async function waitForState(page, predicate, arg, what, timeout = 15_000) {
  try {
    await page.waitForFunction(predicate, arg, { timeout });
  } catch (err) {
    const seen = await viewSnapshot(page).catch(() => null);
    throw new Error(`timed out waiting for ${what}; page shows ${JSON.stringify(seen, null, 2)}\n${err.message}`);
  }
}

/** Types `text` key by key into the search box, as a user would. */
export async function typeQuery(page, text) {
  await search(page).click();
  await search(page).pressSequentially(text);
}

/**
 * A two-fact dataset in the dataset format (sources with inline text), for the tests that
 * load another dataset: `?data=` and the visitor's own file. `extra` is appended to the
 * source text.
 */
export function miniDataset({ title, description, extra = '' }) {
  const text =
    'Tashkent, 1 July. The two ministries signed a memorandum on solar power. ' +
    `Freight traffic on the Middle Corridor grew by 40 percent this year.${extra}`;
  return {
    title,
    description,
    sectors: [
      { id: 'energy', label: 'Energy' },
      { id: 'transport', label: 'Transport' },
    ],
    sources: [{ id: 'note-2025', publisher: 'Test wire', title: 'Test note', published: '2025-07-01', text }],
    facts: [
      {
        id: 'solar-memorandum',
        kind: 'event',
        title: 'Memorandum on solar power',
        summary: 'The two ministries signed a memorandum on solar power.',
        sectors: ['energy'],
        source: 'note-2025',
        quote: 'The two ministries signed a memorandum on solar power.',
      },
      {
        id: 'corridor-freight-growth',
        kind: 'statement',
        title: 'Freight on the Middle Corridor grew',
        summary: 'Freight traffic on the Middle Corridor grew by 40 percent this year.',
        sectors: ['transport'],
        source: 'note-2025',
        quote: 'Freight traffic on the Middle Corridor grew by 40 percent this year.',
      },
    ],
  };
}

/**
 * Picks `content` (an object, written as JSON, or a string) as the visitor's own file named
 * `name`, through the header's labelled file input, as a visitor does.
 */
export async function pickOwnFile(page, name, content) {
  await page.getByLabel(/^Open (your own dataset|another file)$/).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
  });
}
