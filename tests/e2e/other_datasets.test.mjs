// `?data=path.json` loads another same-origin dataset; anything else is ignored, and a
// broken file explains itself instead of showing a blank page.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  TOTAL,
  checkbox,
  miniDataset,
  statusText,
  typeQuery,
  viewSnapshot,
  waitForApp,
  waitForCardSet,
  waitForCount,
  waitForSearch,
  useApp,
  waitForState,
} from './helpers.mjs';

const MINI = miniDataset({ title: 'Mini dataset', description: 'Two facts for the end-to-end tests.' });

const BROKEN = structuredClone(MINI);
BROKEN.facts[1].quote = 'A sentence the source never says.';

const app = useApp({
  files: {
    'extra/mini.json': JSON.stringify(MINI),
    'extra/broken.json': JSON.stringify(BROKEN),
    'extra/not-json.json': '{ "title": ',
  },
});

test('a_data_url_loads_a_same_origin_dataset', async () => {
  const page = await app.open('?data=extra/mini.json');
  await waitForCardSet(page, ['solar-memorandum', 'corridor-freight-growth']);
  assert.equal(await statusText(page), '2 facts');
  assert.match(await page.getByRole('banner').textContent(), /\b2 facts from 1 source\b/);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Mini dataset');
  assert.ok(app.server.requests.includes('/extra/mini.json'));
  await iconBack(page);
});

/** Waits until the page's icon, held back while another dataset opens, is back. */
async function iconBack(page) {
  const back = () => [...document.querySelectorAll('link[rel="icon"]')].map((l) => l.getAttribute('href')).join().match(/^\/favicon-[0-9a-f]+\.svg$/);
  await waitForState(page, back, undefined, 'the page icon back');
}

test('a_page_opened_on_another_dataset_says_it_is_loading_and_never_shows_the_built_in_one', async () => {
  // What the page shows once parsed, before any of the app's code has run.
  const initScript = () =>
    document.addEventListener('DOMContentLoaded', () => {
      const app = document.getElementById('app');
      window.__parsed = {
        cardsShown: [...app.querySelectorAll('article')].filter((a) => a.getClientRects().length > 0).length,
        cards: app.querySelectorAll('article').length,
        says: getComputedStyle(app, '::before').content,
      };
    });
  const from = app.server.requests.length;
  const page = await app.open('?data=extra/mini.json', { initScript });
  await waitForCardSet(page, ['solar-memorandum', 'corridor-freight-growth']);
  const parsed = await page.evaluate(() => window.__parsed);
  assert.ok(parsed.cards > 2, `the prerendered built-in cards are in the page (${parsed.cards})`);
  assert.deepEqual(parsed, { cardsShown: 0, cards: parsed.cards, says: '"Loading dataset…"' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('app'), '::before').content), 'none', 'the app replaced the page');
  assert.ok(await page.locator('article#fact-solar-memorandum').isVisible());
  const appFiles = app.server.requests.slice(from).filter((p) => /\/factdeck-[0-9a-f]+(_bg\.wasm|\.js)$/.test(p));
  assert.equal(appFiles.length, 2, `the app's glue and wasm, asked for early, fetched once each: ${appFiles}`);
});

test('the_loaded_dataset_stays_in_the_url_while_searching_filtering_and_reloading', async () => {
  const page = await app.open('?data=extra/mini.json');
  await waitForCount(page, 2, { total: 2 });
  await typeQuery(page, 'freight');
  await waitForSearch(page, '?q=freight&data=extra%2Fmini.json');
  await waitForCardSet(page, ['corridor-freight-growth']);
  await checkbox(page, 'Transport').check();
  await waitForSearch(page, '?q=freight&sector=transport&data=extra%2Fmini.json');
  const before = await viewSnapshot(page);
  await page.reload();
  await waitForApp(page);
  await waitForCardSet(page, ['corridor-freight-growth']);
  assert.deepEqual(await viewSnapshot(page), before);
  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  await waitForSearch(page, '?data=extra%2Fmini.json');
  await waitForCount(page, 2, { filtered: false, total: 2 });
});

test('a_cards_permalink_and_source_link_open_the_same_dataset', async () => {
  const page = await app.open('?data=extra/mini.json');
  await waitForCardSet(page, ['solar-memorandum', 'corridor-freight-growth']);
  const card = page.locator('article#fact-solar-memorandum');
  const permalink = await card.locator('h3 a').getAttribute('href');
  assert.equal(permalink, '?fact=solar-memorandum&data=extra%2Fmini.json');
  const source = await card.getByRole('link', { name: /^Source text of/ }).getAttribute('href');
  assert.match(source, /[?&]data=extra%2Fmini\.json(&|$)/);
  await page.goto(app.url(permalink));
  await waitForApp(page);
  await waitForCount(page, 2, { total: 2 });
  assert.equal((await page.locator('h1').textContent()).trim(), 'Mini dataset');
});

test('back_to_the_built_in_dataset_reloads_it', async () => {
  const page = await app.open();
  await page.goto(app.url('?data=extra/mini.json'));
  await waitForApp(page);
  await waitForCount(page, 2, { total: 2 });
  await page.goBack();
  await waitForSearch(page, '');
  await waitForApp(page);
  await waitForCount(page, TOTAL, { filtered: false });
});

test('a_dataset_that_fails_validation_lists_its_errors_and_links_back', async () => {
  const page = await app.open('?data=extra/broken.json', { waitForApp: false });
  const alert = page.getByRole('alert');
  await alert.getByText('The dataset could not be loaded').waitFor();
  assert.match(await alert.textContent(), /corridor-freight-growth[\s\S]*quote/);
  await alert.getByRole('link', { name: 'Open the built-in dataset' }).click();
  await waitForApp(page);
  await waitForCount(page, TOTAL, { filtered: false });
});

test('a_file_that_is_not_json_lists_the_error', async () => {
  const page = await app.open('?data=extra/not-json.json', { waitForApp: false });
  await page.getByRole('alert').getByText('The dataset could not be loaded').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /not-json\.json/);
});

test('a_missing_dataset_file_says_so', async () => {
  app.allow(/extra\/missing\.json|status of 404/);
  const page = await app.open('?data=extra/missing.json', { waitForApp: false });
  const alert = page.getByRole('alert');
  await alert.getByText('The dataset could not be loaded').waitFor();
  assert.match(await alert.textContent(), /extra\/missing\.json.*404/);
  await iconBack(page);
});

test('a_data_url_on_another_origin_or_outside_the_site_is_ignored', async () => {
  const from = app.server.requests.length;
  for (const bad of [
    'https://evil.example/x.json',
    '//evil.example/x.json',
    '/extra/mini.json',
    '../extra/mini.json',
    'javascript:alert(1)//.json',
    'extra/mini.txt',
  ]) {
    const page = await app.open(`?data=${encodeURIComponent(bad)}`);
    await waitForCount(page, TOTAL);
    await page.waitForURL((u) => !u.searchParams.has('data'));
    // The page's first script hides the prerendered page for some of these (it checks less
    // than the app); the app shows it again.
    assert.ok(await page.locator('article.card').first().isVisible(), `${bad}: the built-in cards are shown`);
  }
  const fetched = app.server.requests.slice(from).filter((p) => p.includes('mini') || p.endsWith('.json'));
  assert.deepEqual(fetched, [], 'no dataset file was requested');
});
