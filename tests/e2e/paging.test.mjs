// Large results render a page of cards at a time (src/ui/cards/card_list.rs), with the count
// always exact: "Show more" adds the next page, and a new search starts again from one page.
// A last page shorter than half a page joins the one before it.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { cards, search, statusText, typeQuery, useApp, waitForState } from './helpers.mjs';

/** Cards per page (`card_list::PAGE`). */
const PAGE = 20;

/**
 * A dataset of `n` facts from one source: fact `i` is about "widget i", and every third
 * one also about "cotton".
 */
function numbered(n) {
  const sentences = Array.from({ length: n }, (_, i) => `Plant ${i} makes widget ${i}${i % 3 === 0 ? ' from cotton' : ''}.`);
  return {
    title: 'Numbered facts',
    description: 'Many facts, for paging.',
    sectors: [{ id: 'industry', label: 'Industry' }],
    sources: [{ id: 'wire', publisher: 'Wire', title: 'Plants', published: '2025-06-04', text: sentences.join(' ') }],
    facts: sentences.map((s, i) => ({
      id: `plant-${i}`,
      kind: 'statement',
      title: `Plant ${i}`,
      summary: s,
      sectors: ['industry'],
      source: 'wire',
      quote: s,
    })),
  };
}

const app = useApp({ files: { 'numbered.json': JSON.stringify(numbered(75)) } });

const more = (page) => page.locator('button.show-more');

/** Waits until `n` cards are shown (the list renders the first few cards, then the rest). */
async function waitForCardCount(page, n) {
  await waitForState(page, (n) => document.querySelectorAll('article.card').length === n, n, `${n} cards`);
  // A later render must not change it again.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  assert.equal(await cards(page).count(), n);
}

test('a_large_result_shows_one_page_with_the_exact_count_and_show_more_adds_the_next', async () => {
  const page = await app.open('?data=numbered.json');
  await waitForState(page, () => document.querySelector('#result-count')?.textContent === '75 facts', undefined, 'the dataset');
  await waitForCardCount(page, PAGE);
  assert.equal((await more(page).textContent()).trim(), `Show ${PAGE} more of ${75 - PAGE}`);

  await more(page).click();
  await waitForCardCount(page, 2 * PAGE);
  assert.equal((await more(page).textContent()).trim(), `Show ${PAGE} more of ${75 - 2 * PAGE}`);
  await more(page).click();
  await waitForCardCount(page, 3 * PAGE);
  // 15 left: more than half a page, so a page of its own.
  assert.equal((await more(page).textContent()).trim(), 'Show 15 more of 15');
  await more(page).click();
  await waitForCardCount(page, 75);
  assert.equal(await more(page).count(), 0, 'no button once every card is shown');
  assert.equal(await statusText(page), '75 facts');
  // In dataset order when nothing is searched: the last card is the last fact.
  assert.equal(await cards(page).last().getAttribute('id'), 'fact-plant-74');
});

test('a_new_search_starts_again_from_one_page_and_counts_every_match', async () => {
  const page = await app.open('?data=numbered.json');
  await waitForCardCount(page, PAGE);
  await more(page).click();
  await waitForCardCount(page, 2 * PAGE);

  // Every fact is a plant: one page again, and the exact count.
  await typeQuery(page, 'plant');
  await waitForState(page, () => document.querySelector('#result-count')?.textContent === '75 of 75 facts', undefined, 'the count');
  await waitForCardCount(page, PAGE);
  assert.equal((await more(page).textContent()).trim(), `Show ${PAGE} more of ${75 - PAGE}`);

  // 25 of the 75 mention cotton: 5 more than a page, so all 25 at once, with no button.
  await search(page).fill('cotton');
  await waitForState(page, () => document.querySelector('#result-count')?.textContent === '25 of 75 facts', undefined, 'the count');
  await waitForCardCount(page, 25);
  assert.equal(await more(page).count(), 0);
  const ids = await cards(page).evaluateAll((els) => els.map((e) => e.id));
  assert.ok(ids.every((id) => Number(id.replace('fact-plant-', '')) % 3 === 0), ids.join(' '));

  // Fewer matches than a page: every one shown, no button.
  await search(page).fill('widget 7');
  await waitForState(page, () => /of 75 facts$/.test(document.querySelector('#result-count')?.textContent ?? '') && !document.querySelector('button.show-more'), undefined, 'a short result');
  assert.equal(await cards(page).first().getAttribute('id'), 'fact-plant-7');
});
