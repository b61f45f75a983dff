// A visitor's own dataset: picked or dropped, checked in the browser by the same validator,
// explored in place, never uploaded, kept only on request, and a 10 MB file does not freeze
// the page (it is checked and indexed in a Web Worker).

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { TOTAL, cardIds, miniDataset, pickOwnFile, search, statusText, typeQuery, useApp, waitForApp, waitForCardSet, waitForCount, waitForSearch, waitForState } from './helpers.mjs';

const MARKER = 'Zanzibar-7f3c marker sentence';
const MINI = miniDataset({
  title: 'My own mini dataset',
  description: 'Two facts from a file on this device.',
  extra: ` ${MARKER}.`,
});

const BROKEN = structuredClone(MINI);
BROKEN.facts[1].quote = 'A sentence the source never says.';
BROKEN.facts[0].kind = 'rumour';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
async function violations(page, include) {
  const result = await new AxeBuilder({ page }).include(include).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const app = useApp();

const fileInput = (page) => page.getByLabel(/^Open (your own dataset|another file)$/);

async function openOwn(page, name = 'mini.json', content = MINI) {
  await pickOwnFile(page, name, content);
  await waitForCount(page, 2, { total: 2 });
  await waitForSearch(page, '?data=local');
}

test('picking_a_valid_file_explores_it_and_search_works', async () => {
  const page = await app.open();
  await openOwn(page);
  assert.equal((await page.locator('h1').textContent()).trim(), 'My own mini dataset');
  const banner = await page.getByRole('banner').textContent();
  assert.match(banner, /Shown: your file “mini\.json”/);
  assert.match(banner, /nothing was uploaded/);
  await typeQuery(page, 'freight');
  await waitForCardSet(page, ['corridor-freight-growth']);
  await waitForSearch(page, '?q=freight&data=local');
  await page.getByRole('button', { name: 'Back to the built-in dataset' }).click();
  await waitForSearch(page, '');
  await waitForCount(page, TOTAL, { filtered: false });
});

test('dropping_a_file_anywhere_on_the_page_opens_it', async () => {
  const page = await app.open();
  const overlay = await page.evaluate((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    // On a card in the middle of the results, far from the header's picker.
    const target = document.querySelectorAll('article.card')[4];
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return new Promise((resolve) =>
      requestAnimationFrame(() => {
        const shown = document.querySelector('.drop-overlay') !== null;
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        resolve(shown);
      }),
    );
  }, JSON.stringify(MINI));
  assert.ok(overlay, 'the page says where the file will go while it is dragged');
  await waitForCount(page, 2, { total: 2 });
  assert.match(await page.getByRole('banner').textContent(), /your file “dropped\.json”/);
});

test('an_invalid_file_lists_its_errors_by_fact_and_field_and_back_returns_to_the_built_in_dataset', async () => {
  const page = await app.open('?q=trade');
  await pickOwnFile(page, 'broken.json', BROKEN);
  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { name: '“broken.json” could not be opened' }).waitFor();
  const items = await alert.getByRole('list', { name: 'Problems' }).getByRole('listitem').allTextContents();
  assert.ok(items.some((t) => /fact "solar-memorandum", field kind: /.test(t)), items.join('\n'));
  assert.ok(items.some((t) => /fact "corridor-freight-growth", field quote: does not occur verbatim/.test(t)), items.join('\n'));
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus moves to the errors so they are announced');
  assert.deepEqual(await violations(page, '.dataset-errors'), []);
  await page.getByRole('button', { name: 'Back to the built-in dataset' }).click();
  await waitForApp(page);
  await waitForSearch(page, '?q=trade');
  assert.ok((await cardIds(page)).length > 0);
});

test('another_file_can_be_picked_from_the_errors', async () => {
  const page = await app.open();
  await pickOwnFile(page, 'not-json.json', '{ "title": ');
  await page.getByRole('heading', { name: '“not-json.json” could not be opened' }).waitFor();
  assert.match(await page.getByRole('alert').textContent(), /invalid JSON at line 1/);
  await openOwn(page, 'fixed.json');
});

test('keep_then_reload_restores_it_the_next_visit_offers_it_and_forget_removes_it', async () => {
  const page = await app.open();
  await openOwn(page);
  const keep = page.getByRole('checkbox', { name: 'Keep on this device' });
  assert.equal(await keep.isChecked(), false, 'nothing is kept unless asked');
  await keep.check();
  await page.getByText('Kept in this browser').waitFor();
  await typeQuery(page, 'solar');
  await waitForSearch(page, '?q=solar&data=local');
  await page.reload();
  await waitForApp(page);
  await waitForCardSet(page, ['solar-memorandum']);
  assert.equal(await search(page).inputValue(), 'solar');
  assert.equal(await keep.isChecked(), true);
  // A later visit to the plain address offers the kept copy.
  await page.goto(app.url(''));
  await waitForApp(page);
  await page.getByText('Kept on this device: “mini.json”').waitFor();
  await page.getByRole('button', { name: 'Open it' }).click();
  await waitForCount(page, 2, { total: 2 });
  await waitForSearch(page, '?data=local');
  await keep.uncheck();
  await page.reload();
  await page.getByRole('heading', { name: 'Your dataset is not on this device' }).waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('factdeck.own')).length), 0);
});

test('a_shared_local_link_without_the_file_explains_itself', async () => {
  const page = await app.open('?q=x&data=local', { waitForApp: false });
  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { name: 'Your dataset is not on this device' }).waitFor();
  assert.match(await alert.textContent(), /never uploads files, so a link cannot carry one/);
  assert.deepEqual(await violations(page, '.dataset-errors'), []);
  await alert.getByRole('button', { name: 'Back to the built-in dataset' }).click();
  await waitForSearch(page, '');
  await waitForCount(page, TOTAL, { filtered: false });
});

test('the_file_is_never_uploaded', async () => {
  const page = await app.open();
  const sent = [];
  page.on('request', (r) => sent.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  await openOwn(page);
  await typeQuery(page, 'freight');
  await waitForCardSet(page, ['corridor-freight-growth']);
  await page.getByRole('checkbox', { name: 'Keep on this device' }).check();
  await page.getByText('Kept in this browser').waitFor();
  assert.ok(sent.length > 0, 'the worker script was requested (the check is observed)');
  assert.deepEqual(sent.filter((r) => r.method !== 'GET'), []);
  assert.deepEqual(sent.filter((r) => r.body.includes('Zanzibar') || decodeURIComponent(r.url).includes('Zanzibar')), []);
  assert.deepEqual(app.server.requests.filter((p) => p.includes('Zanzibar')), []);
});

test('the_dataset_picker_and_the_own_dataset_controls_pass_axe', async () => {
  const page = await app.open();
  assert.deepEqual(await violations(page, '.site-header'), []);
  await openOwn(page);
  await page.getByRole('checkbox', { name: 'Keep on this device' }).check();
  await page.getByText('Kept in this browser').waitFor();
  assert.deepEqual(await violations(page, '.site-header'), []);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await violations(page, '.site-header'), []);
});

// ~10 MB: 9,000 facts over 450 sources, each source's text made of its facts' quotes.
function bigDataset() {
  const sectors = ['energy', 'transport', 'trade'].map((id) => ({ id, label: id[0].toUpperCase() + id.slice(1) }));
  const sources = [];
  const facts = [];
  const filler = 'The delegations reviewed cooperation in industry, logistics, agriculture, education, tourism and the digital economy at length. '.repeat(6);
  for (let s = 0; s < 450; s++) {
    const quotes = [];
    for (let i = 0; i < 20; i++) {
      const n = s * 20 + i;
      const quote = `Project number ${n} in Gəncə and Oʻzbekiston reached stage ${n % 7} with ${n * 3} workers. ${filler}`;
      quotes.push(quote);
      facts.push({
        id: `fact-${n}`,
        kind: ['project', 'event', 'statement'][n % 3],
        title: `Project ${n} reached stage ${n % 7}`,
        summary: `Project ${n} reached stage ${n % 7}; ${n * 3} workers.`,
        sectors: [sectors[n % 3].id],
        source: `source-${s}`,
        quote,
      });
    }
    sources.push({ id: `source-${s}`, publisher: 'Wire', title: `Report ${s}`, published: '2025-06-04', text: quotes.join(' ') });
  }
  return JSON.stringify({ title: 'Big dataset', description: 'Nine thousand facts.', sectors, sources, facts });
}

test('a_10_mb_file_loads_without_freezing_the_page', async (t) => {
  const json = bigDataset();
  assert.ok(json.length > 9_500_000, `${json.length} bytes`);
  // A file on disk: the browser reads it itself (a buffer would be built by page script).
  const dir = mkdtempSync(path.join(tmpdir(), 'factdeck-'));
  const big = path.join(dir, 'big.json');
  writeFileSync(big, json);
  const page = await app.open('', {
    initScript: () => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    },
  });
  const t0 = await page.evaluate(() => performance.now());
  await fileInput(page).setInputFiles(big);
  // Progress is shown, and the page answers input while the file is checked.
  await waitForState(page, () => /Checking 9,000 facts|Indexing 9,000 facts/.test(document.body.textContent), undefined, 'progress');
  await search(page).fill('tashkent');
  assert.equal(await search(page).inputValue(), 'tashkent');
  await waitForState(page, () => document.querySelector('#result-count')?.textContent.trim() === '9000 facts', undefined, 'the big dataset explored', 60_000);
  const t1 = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(({ t0, t1 }) => window.__longTasks.filter((t) => t.start >= t0 && t.start <= t1), { t0, t1 });
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  // Checking and indexing this file in one task takes most of the load (measured: one
  // 3.4 s task of a 7 s load on a busy 2-core machine, ~0.7 s of ~1 s on a quiet one).
  // Here no task may hold the page for more than a quarter of the load, whatever the
  // machine's speed, nor for a full second.
  const total = t1 - t0;
  t.diagnostic(`10 MB load: ${Math.round(total)} ms, longest task ${Math.round(longest)} ms, ${tasks.length} long tasks`);
  assert.ok(longest < total / 4 && longest < 1000, `longest task ${Math.round(longest)} ms of a ${Math.round(total)} ms load: ${JSON.stringify(tasks.map((t) => Math.round(t.duration)))}`);
  await typeQuery(page, 'project 8765');
  await waitForState(page, () => document.querySelector('article#fact-fact-8765'), undefined, 'fact 8765 found');
});

test('opening_a_large_file_can_be_cancelled', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'factdeck-'));
  const big = path.join(dir, 'big.json');
  writeFileSync(big, bigDataset());
  const page = await app.open('?q=trade');
  await fileInput(page).setInputFiles(big);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await waitForState(page, () => !document.querySelector('progress'), undefined, 'progress gone');
  assert.equal(await page.evaluate(() => location.search), '?q=trade');
  assert.match(await statusText(page), new RegExp(`of ${TOTAL} facts`));
});
