// Any URL a user, a chat app or an attacker might produce still renders a working page:
// garbage is ignored, markup stays text, and huge URLs are capped.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  TOTAL,
  cards,
  factsInSector,
  params,
  search,
  statusText,
  typeQuery,
  waitForCardSet,
  waitForCount,
  waitForSearch,
  useApp,
} from './helpers.mjs';

const app = useApp();

/** Nothing in the page came from the URL as markup. */
async function assertNoInjectedMarkup(page) {
  const found = await page.evaluate(() => ({
    flag: window.__xss ?? null,
    bodyScripts: document.body.querySelectorAll('script').length,
    images: document.querySelectorAll('img').length,
  }));
  assert.deepEqual(found, { flag: null, bodyScripts: 0, images: 0 });
}

test('broken_percent_encoding_and_unknown_values_still_render_every_card', async () => {
  const page = await app.open('?q=%E2%28%A1%&sector=%zz&kind=nope&fact=<script>window.__xss=1</script>');
  await waitForCount(page, TOTAL);
  // The undecodable bytes become U+FFFD; the query has no word, so nothing is filtered out.
  assert.equal(await search(page).inputValue(), '\uFFFD(\uFFFD%');
  assert.equal(await page.locator('input[type=checkbox]:checked').count(), 0, 'no facet ticked');
  assert.equal(await page.locator('article.card--open').count(), 0, 'no card opened');
  await assertNoInjectedMarkup(page);
  // The address bar is rewritten to what the view holds: the garbage keys are gone.
  await page.waitForURL((u) => !u.searchParams.has('sector') && !u.searchParams.has('kind') && !u.searchParams.has('fact'));
  assert.deepEqual(Object.keys(params(page)), ['q']);
});

test('markup_in_the_query_is_shown_as_text_never_run', async () => {
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const page = await app.open(`?q=${encodeURIComponent(payload)}`);
  await page.getByText('No facts match this view.').waitFor();
  assert.equal(await search(page).inputValue(), payload);
  await page.getByRole('button', { name: `Remove search “${payload}”`, exact: true }).waitFor();
  await assertNoInjectedMarkup(page);
  // The page still works: clearing the search brings everything back.
  await page.getByRole('button', { name: /^Clear the search/ }).click();
  await waitForCount(page, TOTAL, { filtered: false });
});

test('an_unknown_sector_or_fact_id_is_ignored', async () => {
  const page = await app.open('?sector=not-a-sector&sector=energy&kind=spaceship&fact=no-such-fact');
  await waitForCardSet(page, factsInSector('energy'));
  assert.equal(await page.locator('article.card--open').count(), 0);
});

test('a_100_kb_url_renders_its_view', async () => {
  const padding = 'x'.repeat(100_000);
  const page = await app.open(`?sector=trade&pad=${padding}`);
  assert.ok(
    app.requests.some((u) => u.length > 100_000 && u.includes('pad=xxx')),
    'the browser really requested the 100 KB URL',
  );
  await waitForCardSet(page, factsInSector('trade'));
  await waitForSearch(page, '?sector=trade');
});

test('a_100_kb_query_is_capped_and_still_searches', async () => {
  const page = await app.open(`?q=${'energy+'.repeat(15_000)}`);
  await waitForCardSet(page, factsInSector('energy'));
  const value = await search(page).inputValue();
  assert.ok(value.length <= 200, `query capped, got ${value.length} characters`);
  assert.match(value, /^(energy )+(energy?|energ?|ener?|ene?|en?|e)?$/);
  assert.match(await statusText(page), new RegExp(`^2 of ${TOTAL} facts$`));
});

test('a_huge_non_ascii_query_renders_an_empty_state_without_errors', async () => {
  const page = await app.open(`?q=${encodeURIComponent('ə'.repeat(20_000))}`);
  await page.getByText('No facts match this view.').waitFor();
  assert.equal(await cards(page).count(), 0);
  assert.ok((await search(page).inputValue()).length <= 200);
});

test('a_pasted_huge_query_is_capped_and_the_page_stays_responsive', async () => {
  const page = await app.open();
  await search(page).fill('gypsum '.repeat(5_000));
  await waitForCardSet(page, ['gypsum-board-production-uzbekistan', 'jewelry-production-uzbekistan']);
  assert.ok((await search(page).inputValue()).length <= 200);
  await search(page).fill('');
  await typeQuery(page, 'silk');
  await waitForCount(page, 2);
});
