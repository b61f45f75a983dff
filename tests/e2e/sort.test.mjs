// The Sort select: each order is written to the URL as `?sort=`, reorders the cards as the
// data says (undated facts last, inferred and derived dates by the date they resolve to),
// survives a reload, and Back/Forward follow it.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DATASET, cardIds, params, sortDate, sortedIds, typeQuery, useApp, waitForApp, waitForCards, waitForSearch, waitForState } from './helpers.mjs';

const app = useApp();

const DATASET_ORDER = DATASET.facts.map((f) => f.id);
const sortSelect = (page) => page.getByLabel('Sort', { exact: true });

/** Waits until the select shows `value` (a `sort` slug; '' for relevance). */
async function waitForSelect(page, value) {
  await waitForState(page, (v) => document.querySelector('#sort')?.value === v, value, `the Sort select to show "${value}"`);
}

test('choosing_newest_first_writes_sort_to_the_url_and_orders_the_cards_by_date_with_undated_last', async () => {
  const page = await app.open();
  await sortSelect(page).selectOption('newest');
  await waitForSearch(page, '?sort=newest');
  const expected = sortedIds('newest');
  await waitForCards(page, expected);
  const undated = DATASET.facts.filter((f) => !sortDate(f)).map((f) => f.id);
  assert.ok(undated.length > 0, 'the shipped data has undated facts');
  assert.deepEqual(expected.slice(-undated.length), undated, 'undated facts come last, in dataset order');
  // An inferred date and a figure's period count: the first card is dated by one of them.
  assert.ok(sortDate(DATASET.facts.find((f) => f.id === expected[0])));
});

test('oldest_first_dates_a_fact_by_its_figures_inferred_period_and_puts_undated_facts_last', async () => {
  const page = await app.open();
  await sortSelect(page).selectOption('oldest');
  await waitForSearch(page, '?sort=oldest');
  const expected = sortedIds('oldest');
  await waitForCards(page, expected);
  const first = DATASET.facts.find((f) => f.id === expected[0]);
  assert.ok(!first.date && first.quantity?.period?.inferred, `${first.id} is dated only by its figure's inferred period`);
  assert.equal(sortDate(DATASET.facts.find((f) => f.id === expected.at(-1))), null);
});

test('title_a_to_z_orders_the_cards_by_title', async () => {
  const page = await app.open();
  await sortSelect(page).selectOption('title');
  await waitForSearch(page, '?sort=title');
  await waitForCards(page, sortedIds('title'));
});

test('a_sorted_view_survives_a_reload', async () => {
  const page = await app.open('?sort=oldest');
  await waitForCards(page, sortedIds('oldest'));
  await waitForSelect(page, 'oldest');
  await page.reload();
  await waitForApp(page);
  await waitForCards(page, sortedIds('oldest'));
  await waitForSelect(page, 'oldest');
  assert.deepEqual(params(page), { sort: ['oldest'] });
});

test('back_and_forward_follow_the_sort', async () => {
  const page = await app.open();
  await sortSelect(page).selectOption('newest');
  await waitForSearch(page, '?sort=newest');
  await sortSelect(page).selectOption('title');
  await waitForSearch(page, '?sort=title');
  await waitForCards(page, sortedIds('title'));

  await page.goBack();
  await waitForSearch(page, '?sort=newest');
  await waitForCards(page, sortedIds('newest'));
  await waitForSelect(page, 'newest');
  await page.goBack();
  await waitForSearch(page, '');
  await waitForCards(page, DATASET_ORDER);
  await waitForSelect(page, '');
  await page.goForward();
  await waitForSearch(page, '?sort=newest');
  await waitForCards(page, sortedIds('newest'));
  await waitForSelect(page, 'newest');
});

test('relevance_is_called_dataset_order_until_a_search_is_typed', async () => {
  const page = await app.open();
  const relevance = sortSelect(page).locator('option[value=""]');
  assert.equal((await relevance.textContent()).trim(), 'Dataset order');
  assert.deepEqual(await sortSelect(page).locator('option').allTextContents(), ['Dataset order', 'Newest first', 'Oldest first', 'Title A–Z']);
  await typeQuery(page, 'trade');
  await waitForState(page, () => document.querySelector('#sort option[value=""]')?.textContent === 'Relevance', undefined, 'the Relevance option');
});

test('a_search_sorted_by_date_shows_the_same_matches_newest_first', async () => {
  const page = await app.open('?q=trade');
  await waitForState(page, () => document.querySelectorAll('article.card').length === Number(document.querySelector('#result-count').textContent.match(/^\d+/)[0]), undefined, 'every match');
  const relevance = await cardIds(page);
  assert.ok(relevance.length > 2, relevance.join(' '));
  await sortSelect(page).selectOption('newest');
  await waitForSearch(page, '?q=trade&sort=newest');
  // Ties (and undated facts) keep the relevance order.
  await waitForCards(page, sortedIds('newest', relevance));
  assert.match(await page.locator('#result-count').textContent(), new RegExp(`^${relevance.length} of `), 'sorting leaves the count alone');
});

test('the_timeline_has_no_sort_select_since_it_is_always_chronological', async () => {
  const page = await app.open('?view=timeline&sort=title');
  await page.locator('.timeline').waitFor();
  assert.equal(await page.locator('#sort').count(), 0);
});
