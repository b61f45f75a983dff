// Typing in the search box: narrowing, ranking, highlighting, and folding of case,
// diacritics, Turkic i and apostrophes.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  TOTAL,
  cardIds,
  card,
  search,
  statusText,
  typeQuery,
  waitForCardSet,
  waitForCount,
  useApp,
} from './helpers.mjs';

const app = useApp();

const GYPSUM = 'gypsum-board-production-uzbekistan';
// The quote of the jewelry fact also mentions gypsum board.
const GYPSUM_HITS = [GYPSUM, 'jewelry-production-uzbekistan'];
// "trade" in the title, or in the Trade sector tag.
const TRADE_HITS = [
  'trade-turnover-tripled',
  'trade-turnover-255-million',
  'trade-turnover-target-1-billion',
  'program-20-key-areas',
  'year-of-economic-cooperation-2025',
];
// Facts whose text has the whole word "Uzbek" (every fact names Uzbekistan).
const UZBEK_WORD_HITS = ['expert-council-second-session', 'uzbek-capital-enterprises-in-azerbaijan'];

test('typing_a_query_narrows_the_cards', async () => {
  const page = await app.open();
  await typeQuery(page, 'gypsum');
  await waitForCardSet(page, GYPSUM_HITS);
  assert.equal(await statusText(page), `2 of ${TOTAL} facts`);
});

test('the_best_match_comes_first_and_matches_are_highlighted_with_mark', async () => {
  const page = await app.open();
  await typeQuery(page, 'gypsum');
  await waitForCardSet(page, GYPSUM_HITS);
  assert.equal((await cardIds(page))[0], GYPSUM, 'the fact with gypsum in its title ranks first');
  const marks = await card(page, GYPSUM).locator('h3 mark').allTextContents();
  assert.deepEqual(marks, ['Gypsum'], 'the title word is marked as written');
  // Every shown card marks the word somewhere, and marks nothing else.
  for (const id of GYPSUM_HITS) {
    const all = await card(page, id).locator('mark').allTextContents();
    assert.ok(all.length > 0, `${id} has a highlight`);
    assert.ok(all.every((m) => m.toLowerCase() === 'gypsum'), `${id} marks only gypsum: ${all}`);
  }
});

test('clearing_the_query_brings_every_card_back_without_highlights', async () => {
  const page = await app.open();
  await typeQuery(page, 'gypsum');
  await waitForCount(page, 2);
  await search(page).fill('');
  await waitForCount(page, TOTAL, { filtered: false });
  assert.equal(await page.locator('article mark').count(), 0);
});

test('matching_ignores_case', async () => {
  const page = await app.open();
  await typeQuery(page, 'TRADE');
  await waitForCardSet(page, TRADE_HITS);
  assert.equal(await statusText(page), `5 of ${TOTAL} facts`);
  await search(page).fill('trade');
  await waitForCardSet(page, TRADE_HITS);
  await search(page).fill('tRaDe');
  await waitForCardSet(page, TRADE_HITS);
});

test('matching_ignores_diacritics_and_highlights_the_text_as_written', async () => {
  const page = await app.open();
  await typeQuery(page, 'GÝPŞÜM');
  await waitForCardSet(page, GYPSUM_HITS);
  assert.deepEqual(await card(page, GYPSUM).locator('h3 mark').allTextContents(), ['Gypsum']);
});

test('turkic_dotted_and_dotless_i_match_plain_i', async () => {
  const page = await app.open();
  await typeQuery(page, 'NİZAMİ');
  await waitForCardSet(page, ['nizami-ganjavi-880th-anniversary']);
  await search(page).fill('');
  await waitForCount(page, TOTAL);
  await typeQuery(page, 'nızamı');
  await waitForCardSet(page, ['nizami-ganjavi-880th-anniversary']);
});

test('an_apostrophe_inside_a_word_is_ignored_as_in_uzbek_o_okina', async () => {
  for (const q of ["gyp'sum", 'gypʻsum', 'gyp’sum']) {
    const page = await app.open();
    await typeQuery(page, q);
    await waitForCardSet(page, GYPSUM_HITS);
  }
});

test('the_word_being_typed_matches_as_a_prefix', async () => {
  const page = await app.open();
  await typeQuery(page, 'uzbek');
  // "uzbek" completes to "Uzbekistan", which every fact names.
  await waitForCount(page, TOTAL, { filtered: true });
  assert.equal(await statusText(page), `${TOTAL} of ${TOTAL} facts`);
  // A finished word (followed by a space) must match whole.
  await search(page).press('Space');
  await waitForCardSet(page, UZBEK_WORD_HITS);
  await search(page).fill('gyps');
  await waitForCardSet(page, GYPSUM_HITS);
});

test('every_word_of_the_query_must_match', async () => {
  const page = await app.open();
  await typeQuery(page, 'green');
  await waitForCardSet(page, ['program-20-key-areas', 'green-energy-export-to-europe']);
  await search(page).pressSequentially(' production');
  await waitForCardSet(page, ['program-20-key-areas', 'green-energy-export-to-europe']);
  await search(page).fill('green gypsum');
  await waitForCount(page, 0, { filtered: true });
  await page.getByText('No facts match this view.').waitFor();
});

test('a_one_letter_typo_still_finds_the_fact', async () => {
  const page = await app.open();
  await typeQuery(page, 'gipsum');
  await waitForCardSet(page, GYPSUM_HITS);
  assert.equal((await cardIds(page))[0], GYPSUM);
  assert.deepEqual(await card(page, GYPSUM).locator('h3 mark').allTextContents(), ['Gypsum']);
});

test('a_query_too_far_from_any_word_offers_a_did_you_mean_that_brings_results_back', async () => {
  const page = await app.open();
  await typeQuery(page, 'gupsvm');
  await page.getByText('No facts match this view.').waitFor();
  await page.getByRole('button', { name: '“gypsum”', exact: true }).click();
  await waitForCardSet(page, GYPSUM_HITS);
  assert.equal(await search(page).inputValue(), 'gypsum');
  await page.waitForURL((u) => u.search === '?q=gypsum');
});
