// dist/factdeck.html, the single-file build: copied alone into an empty folder and opened
// from disk (file://), it starts, searches and filters with no other file, no network, no
// error and no Content-Security-Policy violation.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import {
  ROOT_DIST,
  TOTAL,
  checkbox,
  factsInSector,
  launchBrowser,
  miniDataset,
  newPage,
  pickOwnFile,
  typeQuery,
  waitForApp,
  waitForCardSet,
  waitForCount,
} from './helpers.mjs';

const BUILT = path.join(ROOT_DIST, 'factdeck.html');
let dir;
let browser;
let sessions = [];

before(async () => {
  assert.ok(existsSync(BUILT), 'dist/factdeck.html is missing: run trunk build --release --offline');
  dir = mkdtempSync(path.join(tmpdir(), 'factdeck-single-'));
  copyFileSync(BUILT, path.join(dir, 'factdeck.html'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  const done = sessions;
  sessions = [];
  const problems = done.flatMap((s) => s.problems);
  const requests = done.flatMap((s) => s.requests);
  await Promise.all(done.map((s) => s.context.close()));
  assert.deepEqual(problems, [], 'the page logged errors or violated its policy');
  const page = pathToFileURL(path.join(dir, 'factdeck.html')).href;
  // blob: is the loader worker the file carries inline (scripts/single-file.mjs).
  const others = requests.filter((u) => u.split(/[?#]/)[0] !== page && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(others, [], 'the single file requests nothing but itself');
});

/** Opens the lone copy by file://, with `search` as its query string. */
async function open(search = '', options = {}) {
  const session = await newPage(browser, options);
  sessions.push(session);
  // The shared recorder blocks anything not on a loopback server, file:// included; here
  // the file itself is the page. Any other request still fails the test (afterEach).
  await session.context.route((u) => u.protocol === 'file:', (route) => route.continue());
  await session.page.goto(pathToFileURL(path.join(dir, 'factdeck.html')).href + search);
  return session.page;
}

test('the_single_file_sits_alone_and_references_no_other_file', () => {
  assert.deepEqual(readdirSync(dir), ['factdeck.html']);
  const html = readFileSync(BUILT, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+\bsrc=/);
  assert.doesNotMatch(html, /<link[^>]+href="(?!data:)/);
  assert.doesNotMatch(html, /unsafe-inline/);
});

test('its_policy_allows_exactly_its_inline_script_and_style_by_hash', () => {
  const html = readFileSync(BUILT, 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const hash = (t) => `'sha256-${createHash('sha256').update(t, 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1);
  assert.equal(styles.length, 1);
  assert.match(policy, /default-src 'none'/);
  assert.ok(policy.includes(`script-src 'wasm-unsafe-eval' ${hash(scripts[0])}`), policy);
  assert.ok(policy.includes(`style-src ${hash(styles[0])}`), policy);
});

test('opened_from_disk_it_starts_searches_and_filters', async () => {
  const page = await open();
  await waitForApp(page);
  await waitForCount(page, TOTAL, { filtered: false });
  await typeQuery(page, 'trade');
  await page.waitForURL((u) => u.search === '?q=trade');
  assert.ok((await page.locator('article.card').count()) > 1);
  await checkbox(page, 'Energy').check();
  await page.waitForURL((u) => u.search === '?q=trade&sector=energy');
  await waitForCardSet(page, ['program-20-key-areas']);
  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  await waitForCount(page, TOTAL, { filtered: false });
});

test('a_view_in_its_query_string_opens_as_that_view', async () => {
  const page = await open('?sector=energy');
  await waitForApp(page);
  await waitForCardSet(page, factsInSector('energy'));
  assert.ok(await checkbox(page, 'Energy').isChecked());
});

test('without_javascript_every_card_is_still_readable', async () => {
  const page = await open('', { javaScriptEnabled: false });
  assert.equal(await page.locator('article.card').count(), TOTAL);
  assert.equal(await page.locator('article.card blockquote').count(), TOTAL);
});

test('another_dataset_cannot_load_from_disk_and_says_why', async () => {
  const page = await open('?data=other.json');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /problem in other\.json[\s\S]*opened from disk \(file:\/\/\)/);
});

test('a_visitors_own_file_opens_from_disk_checked_by_the_worker_it_carries', async () => {
  const page = await open();
  await waitForApp(page);
  const own = miniDataset({ title: 'A file beside the file', description: 'Opened from disk.' });
  await pickOwnFile(page, 'mine.json', own);
  await waitForCount(page, 2, { total: 2 });
  assert.equal((await page.locator('h1').textContent()).trim(), 'A file beside the file');
});

test('a_broken_file_opened_from_disk_gets_the_checkers_errors', async () => {
  const page = await open();
  await waitForApp(page);
  const broken = miniDataset({ title: 'Broken', description: 'One bad kind.' });
  broken.facts[0].kind = 'rumour';
  await pickOwnFile(page, 'broken.json', broken);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /“broken\.json” could not be opened[\s\S]*kind/);
});

test('downloads_work_from_disk', async () => {
  const page = await open('?sector=energy');
  await waitForApp(page);
  await waitForCardSet(page, factsInSector('energy'));
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /as CSV$/ }).click()]);
  const text = readFileSync(await dl.path(), 'utf8');
  const ids = text.split('\r\n').slice(1, -1).map((row) => row.split(',')[0]);
  assert.deepEqual(ids.sort(), factsInSector('energy').sort());
});

test('no_service_worker_is_registered_from_disk', async () => {
  // Counts the app's calls to register(): from disk there is no sw.js to register.
  const initScript = () => {
    window.__swRegisterCalls = 0;
    const container = navigator.serviceWorker;
    if (!container) return;
    const register = container.register.bind(container);
    container.register = (...args) => {
      window.__swRegisterCalls += 1;
      return register(...args);
    };
  };
  const page = await open('', { initScript });
  await waitForApp(page);
  await typeQuery(page, 'energy');
  await page.waitForURL((u) => u.search === '?q=energy');
  assert.equal(await page.evaluate(() => window.__swRegisterCalls), 0);
});
