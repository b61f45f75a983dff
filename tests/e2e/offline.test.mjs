// After one visit the explorer works with no network: the service worker precaches
// exactly this build's files.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { ROOT_DIST, cardIds, miniDataset, search, useApp, waitForApp, waitForCount } from './helpers.mjs';

const app = useApp();

test('the_service_worker_precaches_exactly_the_files_of_this_build', () => {
  const sw = readFileSync(join(ROOT_DIST, 'sw.js'), 'utf8');
  const listed = JSON.parse(sw.match(/const ASSETS = (\[.*\]);/)[1]);
  const built = readdirSync(ROOT_DIST, { withFileTypes: true })
    // factdeck.html, the single-file build, is for opening from disk, not for the cache;
    // the loader worker is fetched (and then cached) only when a visitor opens a file.
    .filter((e) => e.isFile() && !['sw.js', 'index.html', 'factdeck.html'].includes(e.name) && !e.name.startsWith('factdeck-loader'))
    .map((e) => `./${e.name}`);
  assert.deepEqual([...listed].sort(), ['./', ...built].sort());
  assert.match(sw, /const VERSION = "factdeck-[0-9a-f]{16}";/);
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
  await page.getByLabel(/^Open (your own dataset|another file)$/).setInputFiles({
    name: 'offline.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(own)),
  });
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
  await page.getByLabel(/^Open (your own dataset|another file)$/).setInputFiles({
    name: 'offline.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(miniDataset({ title: 'Offline file', description: 'Never checked.' }))),
  });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /“offline\.json” could not be opened[\s\S]*checker could not start[\s\S]*online/);
});
