// The table view (`?view=table`): a captioned table with a row per result, paged like the
// cards, sorted by clicking its headers (`aria-sort`, `?sort=`), following the search and
// filters; a row's title opens the card; at 320 px it scrolls in its own box.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { DATASET, TOTAL, checkbox, factsInSector, foldTitle, search, sortedIds, useApp, waitForSearch, waitForState } from './helpers.mjs';

const PAGE = 20;

/** `n` undated statements, "Plant 0" … "Plant n-1", for paging. */
function numbered(n) {
  const sentences = Array.from({ length: n }, (_, i) => `Plant ${i} makes widgets.`);
  return {
    title: 'Numbered facts',
    description: 'Many facts, for paging.',
    sectors: [{ id: 'industry', label: 'Industry' }],
    sources: [{ id: 'wire', publisher: 'Wire', title: 'Plants', published: '2025-06-04', text: sentences.join(' ') }],
    facts: sentences.map((s, i) => ({ id: `plant-${i}`, kind: 'statement', title: `Plant ${i}`, summary: s, sectors: ['industry'], source: 'wire', quote: s })),
  };
}

const app = useApp({ files: { 'numbered.json': JSON.stringify(numbered(75)) } });

/** Fact ids of the rows, in the order shown. */
function rowIds(page) {
  return page.$$eval('.results-table tbody tr th a', (as) => as.map((a) => new URL(a.href).searchParams.get('fact')));
}

async function waitForRows(page, ids) {
  await waitForState(
    page,
    (ids) => {
      const shown = [...document.querySelectorAll('.results-table tbody tr th a')].map((a) => new URL(a.href).searchParams.get('fact'));
      return shown.length === ids.length && shown.every((id, i) => id === ids[i]);
    },
    ids,
    `rows ${JSON.stringify(ids)}`,
  );
}

async function waitForRowCount(page, n) {
  await waitForState(page, (n) => document.querySelectorAll('.results-table tbody tr').length === n, n, `${n} rows`);
}

/** Each column header's `aria-sort`, by its label. */
function ariaSorts(page) {
  return page.$$eval('.results-table thead th', (ths) => Object.fromEntries(ths.map((th) => [th.querySelector('button').firstChild.textContent, th.getAttribute('aria-sort')])));
}

const header = (page, label) => page.locator('.results-table thead th button', { hasText: label });

test('the_table_toggle_shows_a_row_per_result_with_the_right_headers_and_caption', async () => {
  const page = await app.open();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await waitForSearch(page, '?view=table');
  await waitForRows(page, DATASET.facts.map((f) => f.id));
  assert.equal(await page.getByRole('button', { name: 'Table', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('article.card').count(), 0, 'the cards make way for the table');
  const table = page.getByRole('table');
  assert.equal(await table.count(), 1);
  assert.deepEqual(await page.$$eval('.results-table thead th', (ths) => ths.map((th) => [th.getAttribute('scope'), th.querySelector('button').firstChild.textContent])), [
    ['col', 'Kind'],
    ['col', 'Title'],
    ['col', 'Key figure'],
    ['col', 'Sectors'],
    ['col', 'Date'],
    ['col', 'Source'],
  ]);
  assert.equal((await page.locator('.results-table caption').textContent()).trim(), `All ${TOTAL} facts. Order: Dataset order.`);
  // A row says what a card's first lines say.
  const treaty = DATASET.facts.find((f) => f.id === 'treaty-on-allied-relations');
  const cells = await page.locator('.results-table tbody tr', { hasText: treaty.title }).locator('td, th').allTextContents();
  assert.equal(cells[0], 'Agreement');
  assert.equal(cells[1], treaty.title);
  assert.match(cells[4], /August 2024/);
});

test('clicking_a_header_sorts_by_it_and_sets_aria_sort_and_the_url', async () => {
  const page = await app.open('?view=table');
  await waitForRowCount(page, TOTAL);
  assert.deepEqual(Object.values(await ariaSorts(page)), Array(6).fill('none'));

  await header(page, 'Title').click();
  await waitForSearch(page, '?view=table&sort=title');
  await waitForRows(page, sortedIds('title'));
  assert.deepEqual(await ariaSorts(page), { Kind: 'none', Title: 'ascending', 'Key figure': 'none', Sectors: 'none', Date: 'none', Source: 'none' });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Title▲', 'focus stays on the header button');

  await header(page, 'Title').click();
  await waitForSearch(page, '?view=table&sort=-title');
  await waitForRows(page, sortedIds('-title'));
  assert.equal((await ariaSorts(page)).Title, 'descending');

  await header(page, 'Date').click();
  await waitForSearch(page, '?view=table&sort=oldest');
  await waitForRows(page, sortedIds('oldest'));
  assert.equal((await ariaSorts(page)).Date, 'ascending');
  assert.equal(await page.locator('#sort').inputValue(), 'oldest', 'the Sort select agrees');
  await header(page, 'Date').click();
  await waitForSearch(page, '?view=table&sort=newest');
  await waitForRows(page, sortedIds('newest'));

  // Back undoes one click at a time.
  await page.goBack();
  await waitForSearch(page, '?view=table&sort=oldest');
  await waitForRows(page, sortedIds('oldest'));
});

test('the_table_pages_like_the_cards_and_a_new_order_starts_again_from_one_page', async () => {
  const page = await app.open('?data=numbered.json&view=table');
  await waitForRowCount(page, PAGE);
  const more = page.locator('button.show-more');
  assert.equal((await more.textContent()).trim(), `Show ${PAGE} more of ${75 - PAGE}`);
  assert.match(await page.locator('.results-table caption').textContent(), /^All 75 facts\. .* The first 20 are shown\.$/);
  await more.click();
  await waitForRowCount(page, 2 * PAGE);
  assert.equal((await rowIds(page)).at(-1), 'plant-39');

  await header(page, 'Title').click();
  await waitForSearch(page, '?view=table&sort=title&data=numbered.json');
  await header(page, 'Title').click();
  await waitForSearch(page, '?view=table&sort=-title&data=numbered.json');
  const zToA = numbered(75).facts.sort((a, b) => (foldTitle(a.title) < foldTitle(b.title) ? 1 : -1)).map((f) => f.id);
  await waitForRows(page, zToA.slice(0, PAGE));
  for (const n of [2 * PAGE, 3 * PAGE, 75]) {
    await more.click();
    await waitForRowCount(page, n);
  }
  await waitForRows(page, zToA);
  assert.equal(await more.count(), 0);
});

test('a_rows_title_opens_the_card_it_names', async () => {
  const page = await app.open('?view=table&q=trade');
  await waitForState(page, () => document.querySelectorAll('.results-table tbody tr').length > 1, undefined, 'rows');
  const id = (await rowIds(page))[1];
  const link = page.locator(`.results-table tbody a[href="?fact=${id}"]`);
  assert.equal(await link.count(), 1, 'the title links to the card’s permalink');
  await link.click();
  await waitForSearch(page, `?q=trade&fact=${id}`);
  const card = page.locator(`article#fact-${id}`);
  await card.waitFor();
  assert.match(await card.getAttribute('class'), /card--open/);
  assert.equal(await page.locator('.results-table').count(), 0);
  await page.goBack();
  await waitForSearch(page, '?q=trade&view=table');
  await page.locator('.results-table').waitFor();
});

test('the_table_follows_search_and_filters_and_shows_the_empty_state', async () => {
  const page = await app.open('?view=table');
  await waitForRowCount(page, TOTAL);
  await checkbox(page, 'Energy').check();
  await waitForSearch(page, '?sector=energy&view=table');
  await waitForRows(page, factsInSector('energy'));
  assert.match(await page.locator('.results-table caption').textContent(), new RegExp(`^The ${factsInSector('energy').length} facts that match this view\\.`));
  await search(page).fill('zzqxjv');
  await page.locator('.empty').waitFor();
  assert.equal(await page.locator('.results-table').count(), 0);
});

test('at_320px_the_table_scrolls_inside_its_own_box_and_the_page_does_not', async () => {
  const page = await app.open('?view=table', { viewport: { width: 320, height: 800 } });
  await waitForRowCount(page, TOTAL);
  const m = await page.evaluate(() => {
    const box = document.querySelector('.table-scroll');
    return { page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, box: box.scrollWidth, boxView: box.clientWidth };
  });
  assert.ok(m.page <= m.view, `the page scrolls sideways: ${JSON.stringify(m)}`);
  assert.ok(m.box > m.boxView, `the table fits, so nothing to scroll: ${JSON.stringify(m)}`);
  const region = page.getByRole('region', { name: /facts/ });
  assert.equal(await region.getAttribute('tabindex'), '0');
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await waitForState(page, () => document.querySelector('.table-scroll').scrollLeft > 0, undefined, 'the box to scroll by keyboard');
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const [name, url, options] of [
  ['table', '?view=table', {}],
  ['sorted_searched_table', '?q=trade&view=table&sort=-figure', {}],
  ['dark_table', '?view=table&sort=newest', { colorScheme: 'dark' }],
  ['narrow_320px_table', '?view=table', { viewport: { width: 320, height: 800 } }],
]) {
  test(`axe_finds_no_wcag_violations_in_the_${name}_view`, async () => {
    const page = await app.open(url, { viewport: options.viewport });
    if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
    await page.locator('.results-table tbody tr').first().waitFor();
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  });
}
