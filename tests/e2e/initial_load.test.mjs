// What a visitor sees before touching anything, and what the page loads to show it.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  DATASET,
  TOTAL,
  cardControl,
  cardIds,
  cardSectors,
  cardTitles,
  cards,
  checkbox,
  facetCount,
  factsInSector,
  factsOfKind,
  search,
  statusText,
  useApp,
} from './helpers.mjs';

const app = useApp();

test('the_first_view_shows_every_fact_as_a_card_and_says_25_facts', async () => {
  const page = await app.open();
  assert.equal(TOTAL, 25, 'the shipped dataset has 25 facts');
  assert.equal(await cards(page).count(), 25);
  assert.equal(await statusText(page), '25 facts');
  assert.deepEqual(await cardIds(page), DATASET.facts.map((f) => f.id), 'unfiltered cards keep dataset order');
  assert.deepEqual(await cardTitles(page), DATASET.facts.map((f) => f.title));
});

test('the_header_says_25_facts_from_1_source', async () => {
  const page = await app.open();
  const header = page.getByRole('banner');
  assert.equal((await header.getByRole('heading', { level: 1 }).textContent()).trim(), DATASET.title);
  assert.match(await header.textContent(), /\b25 facts from 1 source\b/);
});

test('each_card_is_an_article_of_its_kind_with_its_title_and_sector_tags', async () => {
  const page = await app.open();
  const sectors = await cardSectors(page);
  for (const f of DATASET.facts) {
    const article = page.locator(`article#fact-${f.id}`);
    assert.equal(await article.count(), 1, f.id);
    assert.match(await article.getAttribute('class'), new RegExp(`(^|\\s)card card--${f.kind}(\\s|$)`), f.id);
    assert.equal((await article.locator('h3').textContent()).trim(), f.title);
    const labels = f.sectors.map((s) => DATASET.sectors.find((x) => x.id === s).label);
    assert.deepEqual(sectors[f.id], labels, `${f.id} sector tags`);
    // The title is the card's permalink; its other controls wait behind one button.
    assert.equal(await article.locator('h3 a').getAttribute('href'), `?fact=${f.id}`, f.id);
    const actions = article.getByRole('button', { name: `Actions for “${f.title}”` });
    assert.equal(await actions.getAttribute('aria-expanded'), 'false', f.id);
    assert.equal(await article.getByRole('link', { name: `Source text of “${f.title}”` }).count(), 1, f.id);
  }
});

test('nothing_is_filtered_at_first', async () => {
  const page = await app.open();
  assert.equal(await search(page).inputValue(), '');
  assert.equal(await page.locator('input[type=checkbox]:checked').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Clear all' }).count(), 0);
  assert.equal(new URL(page.url()).search, '', 'the bare URL stays bare');
});

test('every_sector_and_kind_is_a_checkbox_counting_its_facts', async () => {
  const page = await app.open();
  for (const s of DATASET.sectors) {
    assert.equal(await checkbox(page, s.label).count(), 1, `sector ${s.label}`);
    assert.equal(await facetCount(page, 'sector', s.id), factsInSector(s.id).length, `count of ${s.label}`);
  }
  for (const [slug, label] of [
    ['project', 'Project'],
    ['agreement', 'Agreement'],
    ['indicator', 'Indicator'],
    ['event', 'Event'],
    ['statement', 'Statement'],
  ]) {
    assert.equal(await checkbox(page, label).count(), 1, `kind ${label}`);
    assert.equal(await facetCount(page, 'kind', slug), factsOfKind(slug).length, `count of ${label}`);
  }
});

test('the_page_loads_only_its_own_files_and_serves_wasm_as_application_wasm', async () => {
  const page = await app.open();
  const origin = app.server.origin;
  const foreign = app.requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to other origins');
  const wasm = app.requests.filter((u) => new URL(u).pathname.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one .wasm fetched: ${JSON.stringify(app.requests)}`);
  const type = await page.evaluate(async (u) => (await fetch(u)).headers.get('content-type'), wasm[0]);
  assert.equal(type, 'application/wasm');
});

test('a_whole_session_logs_no_errors_and_requests_nothing_from_other_origins', async () => {
  const page = await app.open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  await search(page).click();
  await search(page).pressSequentially('energy');
  await page.waitForURL((u) => u.search === '?q=energy');
  await checkbox(page, 'Diplomacy').check();
  await checkbox(page, 'Agreement').check();
  await page.waitForURL((u) => u.search === '?q=energy&sector=diplomacy&kind=agreement');
  const id = 'program-20-key-areas';
  await (await cardControl(page, id, 'button', { name: 'Details', exact: true })).click();
  await page.waitForURL((u) => u.searchParams.get('fact') === id);
  await page.locator(`#fact-${id}`).getByRole('button', { name: /Copy link/ }).click();
  await page.locator(`#fact-${id}`).getByText('Link copied').waitFor();
  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  await page.waitForURL((u) => u.search === `?fact=${id}`);
  await search(page).fill('zzzz');
  await page.getByText('No facts match this view.').waitFor();
  await page.goBack();
  await page.reload();
  await page.locator('#result-count').waitFor();
  assert.deepEqual(app.problems, []);
  const origin = app.server.origin;
  assert.deepEqual(app.requests.filter((u) => !u.startsWith(origin + '/')), []);
});

test('the_page_runs_under_a_strict_content_security_policy', async () => {
  const page = await app.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['style-src'], ["'self'"], 'no inline styles allowed');
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'self'"]);
  const scripts = directives['script-src'];
  assert.ok(scripts.includes("'self'") && scripts.includes("'wasm-unsafe-eval'"));
  assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), scripts.join(' '));
  assert.ok(scripts.some((s) => s.startsWith("'sha256-")), 'the inline loader is allowed by its hash only');
  // Interact a little: any violation is recorded and fails the test after it.
  await search(page).fill('trade');
  assert.equal(await page.locator('[style]').count(), 0, 'no element carries an inline style');
});
