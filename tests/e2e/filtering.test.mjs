// Ticking sectors and kinds: OR within a facet, AND across facets and the search, and
// live counts beside every value.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  DATASET,
  TOTAL,
  cardIds,
  cardSectors,
  checkbox,
  facetCount,
  fact,
  factsInSector,
  factsOfKind,
  statusText,
  typeQuery,
  waitForCardSet,
  waitForCount,
  waitForParams,
  useApp,
} from './helpers.mjs';

const app = useApp();

const KINDS = [
  ['project', 'Project'],
  ['agreement', 'Agreement'],
  ['indicator', 'Indicator'],
  ['event', 'Event'],
  ['statement', 'Statement'],
];

test('filtering_by_energy_shows_only_energy_cards', async () => {
  const page = await app.open();
  const energy = factsInSector('energy');
  await checkbox(page, 'Energy').check();
  await waitForCardSet(page, energy);
  assert.equal(await statusText(page), `${energy.length} of ${TOTAL} facts`);
  assert.ok(await checkbox(page, 'Energy').isChecked());
  for (const [id, tags] of Object.entries(await cardSectors(page))) {
    assert.ok(tags.includes('Energy'), `${id} is tagged Energy: ${tags}`);
  }
});

test('filtering_by_trade_shows_only_trade_cards', async () => {
  const page = await app.open();
  await checkbox(page, 'Trade').check();
  await waitForCardSet(page, factsInSector('trade'));
  for (const [id, tags] of Object.entries(await cardSectors(page))) {
    assert.ok(tags.includes('Trade'), `${id} is tagged Trade: ${tags}`);
  }
});

test('unticking_the_sector_brings_every_card_back', async () => {
  const page = await app.open();
  const everyCard = await cardIds(page);
  assert.deepEqual([...everyCard].sort(), DATASET.facts.map((f) => f.id).sort(), 'the page starts with every card');
  await checkbox(page, 'Energy').check();
  await waitForCardSet(page, factsInSector('energy'));
  assert.ok((await cardIds(page)).length < TOTAL, 'ticking Energy hid some cards');
  await checkbox(page, 'Energy').uncheck();
  await waitForCount(page, TOTAL, { filtered: false });
  assert.equal(await checkbox(page, 'Energy').isChecked(), false, 'Energy is unticked');
  assert.deepEqual(await cardIds(page), everyCard, 'every card is back, in the order it had before the filter');
  assert.equal(await statusText(page), `${TOTAL} facts`);
  await waitForParams(page, {});
});

test('ticking_a_sector_updates_the_counts_of_the_kinds', async () => {
  const page = await app.open();
  await checkbox(page, 'Energy').check();
  await waitForCount(page, factsInSector('energy').length);
  for (const [slug, label] of KINDS) {
    const expected = factsInSector('energy').filter((id) => fact(id).kind === slug).length;
    assert.equal(await facetCount(page, 'kind', slug), expected, `count of ${label} within Energy`);
  }
  // Sector counts ignore the sector selection itself, so they still count the whole data.
  for (const s of DATASET.sectors) {
    assert.equal(await facetCount(page, 'sector', s.id), factsInSector(s.id).length, `count of ${s.label}`);
  }
});

test('a_query_updates_the_counts_of_every_sector', async () => {
  const page = await app.open();
  await typeQuery(page, 'trade');
  await waitForCount(page, 5);
  const hits = [
    'trade-turnover-tripled',
    'trade-turnover-255-million',
    'trade-turnover-target-1-billion',
    'program-20-key-areas',
    'year-of-economic-cooperation-2025',
  ];
  for (const s of DATASET.sectors) {
    const expected = hits.filter((id) => fact(id).sectors.includes(s.id)).length;
    assert.equal(await facetCount(page, 'sector', s.id), expected, `count of ${s.label} for "trade"`);
  }
});

test('each_kind_count_is_what_ticking_that_kind_gives', async () => {
  const page = await app.open();
  await checkbox(page, 'Energy').check();
  await waitForCount(page, factsInSector('energy').length);
  for (const [slug, label] of KINDS) {
    const count = await facetCount(page, 'kind', slug);
    const expected = factsInSector('energy').filter((id) => fact(id).kind === slug);
    assert.equal(count, expected.length, `the count beside ${label} within Energy`);
    await checkbox(page, label).check();
    await waitForCardSet(page, expected);
    assert.equal(await statusText(page), `${count} of ${TOTAL} facts`, `ticking ${label} shows as many facts as its count said`);
    assert.equal(await facetCount(page, 'kind', slug), count, `ticking ${label} keeps its own count`);
    await checkbox(page, label).uncheck();
    await waitForCardSet(page, factsInSector('energy'));
  }
});

test('ticked_sectors_combine_with_or_and_kinds_narrow_with_and', async () => {
  const page = await app.open();
  await checkbox(page, 'Energy').check();
  await checkbox(page, 'Trade').check();
  const either = [...new Set([...factsInSector('energy'), ...factsInSector('trade')])];
  await waitForCardSet(page, either);
  await checkbox(page, 'Indicator').check();
  await waitForCardSet(page, either.filter((id) => fact(id).kind === 'indicator'));
  for (const [id, tags] of Object.entries(await cardSectors(page))) {
    assert.ok(tags.includes('Energy') || tags.includes('Trade'), `${id}: ${tags}`);
    assert.equal(fact(id).kind, 'indicator');
  }
});

test('filtering_by_a_kind_shows_only_cards_of_that_kind', async () => {
  const page = await app.open();
  await checkbox(page, 'Statement').check();
  await waitForCardSet(page, factsOfKind('statement'));
  assert.equal(await page.locator('article.card:not(.card--statement)').count(), 0);
});

test('sector_filters_combine_with_the_query', async () => {
  const page = await app.open();
  await typeQuery(page, 'trade');
  await waitForCount(page, 5);
  await checkbox(page, 'Energy').check();
  await waitForCardSet(page, ['program-20-key-areas']);
  assert.equal(await statusText(page), `1 of ${TOTAL} facts`);
});
