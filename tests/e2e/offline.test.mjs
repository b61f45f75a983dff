// After one visit the explorer works with no network: the service worker precaches
// exactly this build's files.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { ROOT_DIST, cardIds, miniDataset, pickOwnFile, search, useApp, waitForApp, waitForCount } from './helpers.mjs';

const app = useApp();

/** The lists of the built sw.js (scripts/sw-hook.mjs): `ASSETS` (precached) and `LATER`. */
function serviceWorkerLists() {
  const sw = readFileSync(join(ROOT_DIST, 'sw.js'), 'utf8');
  const list = (name) => JSON.parse(sw.match(new RegExp(`^const ${name} = (\\[.*\\]);$`, 'm'))?.[1] ?? 'null');
  assert.match(sw, /^const VERSION = "factdeck-[0-9a-f]{16}";$/m);
  return { assets: list('ASSETS'), later: list('LATER') };
}

test('the_service_worker_precaches_every_file_a_first_visit_fetches_and_not_the_single_file_build', async () => {
  const { assets, later } = serviceWorkerLists();
  assert.ok(Array.isArray(assets) && Array.isArray(later), 'sw.js lists ASSETS and LATER');
  const page = await app.open('', { serviceWorkers: 'allow' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  // What this first visit fetched from the site, as paths relative to the page.
  const site = new URL(app.url());
  const fetched = [...new Set(app.requests.map((r) => new URL(r)).filter((u) => u.origin === site.origin).map((u) => `.${u.pathname}`))];
  assert.ok(fetched.some((f) => f.endsWith('.wasm')) && fetched.some((f) => f.endsWith('.css')), `the visit fetched the app: ${fetched}`);
  for (const f of fetched) assert.ok(assets.includes(f), `${f}, fetched on a first visit, is precached: ${JSON.stringify(assets)}`);
  // The service worker installed, so every precached file was there to fetch; and it is in
  // the cache, under this build's version.
  const cached = await page.evaluate(async () => {
    const keys = (await caches.keys()).filter((k) => k.startsWith('factdeck-'));
    const requests = (await Promise.all(keys.map(async (k) => (await caches.open(k)).keys()))).flat();
    return requests.map((r) => `.${new URL(r.url).pathname}`);
  });
  assert.deepEqual([...cached].sort(), [...assets].sort(), 'the cache holds exactly the precache list');
  for (const a of [...assets, ...later].filter((a) => a !== './')) assert.ok(existsSync(join(ROOT_DIST, a)), `${a} is a file of dist/`);
  // Not precached: the single-file build (for opening from disk), nor the loader worker,
  // which comes later (LATER) or when a file is first opened.
  assert.ok(existsSync(join(ROOT_DIST, 'factdeck.html')), 'dist/ has the single-file build');
  assert.ok(![...assets, ...later].includes('./factdeck.html'), 'factdeck.html is never cached');
  const worker = readdirSync(ROOT_DIST).filter((f) => f.startsWith('factdeck-loader')).map((f) => `./${f}`);
  assert.ok(worker.length > 0, 'dist/ has the loader worker');
  assert.deepEqual([...later].sort(), worker.sort(), 'the loader worker is cached later');
  assert.ok(!assets.some((a) => worker.includes(a)), 'the loader worker is not precached');
});

test('after_a_first_visit_the_explorer_reloads_and_searches_offline', async () => {
  const page = await app.open('', { serviceWorkers: 'allow' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.context().setOffline(true);
  await page.reload();
  await waitForApp(page);
  await search(page).fill('gypsum');
  await waitForCount(page, 2, { filtered: true });
  assert.equal((await cardIds(page))[0], 'gypsum-board-production-uzbekistan');
  await page.goto(app.url('?sector=energy'));
  await waitForApp(page);
  assert.equal(await page.locator('#sector-energy').isChecked(), true, 'a shared link opens offline too');
});

test('after_a_return_visit_a_visitors_own_file_opens_offline', async () => {
  const page = await app.open('', { serviceWorkers: 'allow' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  // A first visit does not download the checker; the visitor's next visit does, in the
  // background.
  assert.equal(await page.evaluate(() => caches.match('./factdeck-loader_bg.wasm').then((r) => r !== undefined)), false);
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => caches.match('./factdeck-loader_bg.wasm').then((r) => r !== undefined), null, { timeout: 15_000, polling: 100 });
  await page.context().setOffline(true);
  await page.reload();
  await waitForApp(page);
  const own = miniDataset({ title: 'Offline file', description: 'Opened with no network.' });
  await pickOwnFile(page, 'offline.json', own);
  await waitForCount(page, 2, { total: 2 });
  assert.equal((await page.locator('h1').textContent()).trim(), 'Offline file');
});

test('offline_before_the_checker_was_ever_fetched_opening_a_file_says_why_it_cannot', async () => {
  app.allow(/^request failed: .*factdeck-loader.*ERR_INTERNET_DISCONNECTED/);
  const page = await app.open('', { serviceWorkers: 'allow' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.context().setOffline(true);
  await page.reload();
  await waitForApp(page);
  await pickOwnFile(page, 'offline.json', miniDataset({ title: 'Offline file', description: 'Never checked.' }));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /“offline\.json” could not be opened[\s\S]*checker could not start[\s\S]*online/);
});
