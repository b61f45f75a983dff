// The controls around the results: the "/" shortcut, removable chips, "Clear all", and
// the empty state's suggestions.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  TOTAL,
  checkbox,
  factsInSector,
  factsOfKind,
  search,
  statusText,
  typeQuery,
  waitForCardSet,
  waitForCount,
  waitForSearch,
  useApp,
} from './helpers.mjs';

const app = useApp();

const GYPSUM_HITS = ['gypsum-board-production-uzbekistan', 'jewelry-production-uzbekistan'];

test('pressing_slash_focuses_the_search_box', async () => {
  const page = await app.open();
  await page.locator('h1').click();
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'search');
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.id === 'search');
  assert.equal(await search(page).inputValue(), '', 'the slash itself is not typed');
  await page.keyboard.type('gypsum');
  await waitForCardSet(page, GYPSUM_HITS);
});

test('slash_does_not_steal_focus_once_in_the_search_box', async () => {
  const page = await app.open();
  await typeQuery(page, 'a/b');
  assert.equal(await search(page).inputValue(), 'a/b');
});

test('chips_show_the_active_filters_and_remove_them', async () => {
  const page = await app.open();
  await typeQuery(page, 'trade');
  await checkbox(page, 'Energy').check();
  await waitForCardSet(page, ['program-20-key-areas']);
  const sectorChip = page.getByRole('button', { name: 'Remove sector Energy', exact: true });
  const searchChip = page.getByRole('button', { name: 'Remove search “trade”', exact: true });
  await sectorChip.click();
  await waitForCount(page, 5);
  assert.ok(!(await checkbox(page, 'Energy').isChecked()), 'the chip unticks the sector');
  assert.equal(await sectorChip.count(), 0);
  await waitForSearch(page, '?q=trade');
  await searchChip.click();
  await waitForCount(page, TOTAL, { filtered: false });
  assert.equal(await search(page).inputValue(), '');
  await waitForSearch(page, '');
  assert.equal(await page.getByRole('button', { name: /^Remove / }).count(), 0, 'no chips left');
  assert.equal(await page.getByRole('button', { name: 'Clear all', exact: true }).count(), 0);
});

test('a_kind_chip_removes_the_kind', async () => {
  const page = await app.open('?kind=statement&kind=event');
  await waitForCardSet(page, [...factsOfKind('statement'), ...factsOfKind('event')]);
  await page.getByRole('button', { name: 'Remove kind Statement', exact: true }).click();
  await waitForSearch(page, '?kind=event');
  await waitForCardSet(page, factsOfKind('event'));
  assert.ok(!(await checkbox(page, 'Statement').isChecked()));
  assert.ok(await checkbox(page, 'Event').isChecked());
});

test('clear_all_resets_the_query_and_every_filter', async () => {
  const page = await app.open('?q=trade&sector=trade&sector=energy&kind=indicator');
  await waitForCount(page, 3);
  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  await waitForCount(page, TOTAL, { filtered: false });
  assert.equal(await statusText(page), `${TOTAL} facts`);
  assert.equal(await search(page).inputValue(), '');
  assert.equal(await page.locator('input[type=checkbox]:checked').count(), 0);
  await waitForSearch(page, '');
  // Clearing is one step: Back brings the whole view back.
  await page.goBack();
  await waitForSearch(page, '?q=trade&sector=energy&sector=trade&kind=indicator');
  await waitForCount(page, 3);
  assert.equal(await search(page).inputValue(), 'trade');
});

test('the_empty_state_suggests_clearing_the_search', async () => {
  const page = await app.open();
  await typeQuery(page, 'zzzz');
  await page.getByText('No facts match this view.').waitFor();
  assert.equal(await statusText(page), `0 of ${TOTAL} facts`);
  const clear = page.getByRole('button', { name: `Clear the search “zzzz” → ${TOTAL} facts`, exact: true });
  await clear.click();
  await waitForCount(page, TOTAL, { filtered: false });
  assert.equal(await page.getByText('No facts match this view.').count(), 0);
  await waitForSearch(page, '');
});

test('each_empty_state_suggestion_brings_back_the_results_it_promises', async () => {
  const page = await app.open('?q=gypsum&sector=energy');
  await page.getByText('No facts match this view.').waitFor();
  const energy = factsInSector('energy');
  const removeSector = page.getByRole('button', { name: `Remove sector Energy → ${GYPSUM_HITS.length} facts`, exact: true });
  const clearSearch = page.getByRole('button', { name: `Clear the search “gypsum” → ${energy.length} facts`, exact: true });
  assert.equal(await clearSearch.count(), 1);
  await removeSector.click();
  await waitForCardSet(page, GYPSUM_HITS);
  await waitForSearch(page, '?q=gypsum');

  await page.goBack();
  await waitForSearch(page, '?q=gypsum&sector=energy');
  await clearSearch.click();
  await waitForCardSet(page, energy);
  await waitForSearch(page, '?sector=energy');
});
