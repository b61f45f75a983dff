// On a 320 px wide phone the page never scrolls sideways, whatever it shows.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TOTAL, card, cardControl, checkbox, typeQuery, waitForCount, waitForSearch, useApp } from './helpers.mjs';

const app = useApp();
const PHONE = { viewport: { width: 320, height: 640 } };

async function assertNoHorizontalScroll(page, what) {
  const m = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(m.scrollWidth <= 320, `${what}: page is ${m.scrollWidth}px wide (${JSON.stringify(m)})`);
  assert.ok(m.bodyScrollWidth <= 320, `${what}: body is ${m.bodyScrollWidth}px wide`);
}

test('at_320px_the_first_view_has_no_horizontal_scroll', async () => {
  const page = await app.open('', PHONE);
  await waitForCount(page, TOTAL);
  await assertNoHorizontalScroll(page, 'first view');
});

test('at_320px_an_open_card_with_filters_and_chips_has_no_horizontal_scroll', async () => {
  const page = await app.open('', PHONE);
  // Below 56rem the facets fold away behind a "Filters" button.
  const filters = page.getByRole('button', { name: /^Filters/ });
  assert.equal(await filters.getAttribute('aria-expanded'), 'false');
  await filters.click();
  assert.equal(await filters.getAttribute('aria-expanded'), 'true');
  // The longest sector labels first: once the query is typed their counts drop to 0.
  await checkbox(page, 'Transport & logistics').check();
  await checkbox(page, 'Construction materials').check();
  await checkbox(page, 'Trade').check();
  await typeQuery(page, 'trade');
  await checkbox(page, 'Indicator').check();
  await waitForCount(page, 3);
  const id = 'trade-turnover-255-million';
  await (await cardControl(page, id, 'button', { name: 'Details', exact: true })).click();
  await waitForSearch(
    page,
    `?q=trade&sector=construction-materials&sector=trade&sector=transport-logistics&kind=indicator&fact=${id}`,
  );
  await card(page, id).locator('.details').waitFor();
  assert.equal((await filters.textContent()).trim(), 'Filters · 4 active');
  await assertNoHorizontalScroll(page, 'open card with chips');
});

test('at_320px_the_facets_fold_behind_a_filters_button', async () => {
  const page = await app.open('', PHONE);
  const filters = page.getByRole('button', { name: /^Filters/ });
  assert.equal(await filters.getAttribute('aria-controls'), 'facets');
  assert.equal(await checkbox(page, 'Energy').count(), 0, 'facets hidden until asked for');
  await filters.click();
  await checkbox(page, 'Energy').check();
  await waitForCount(page, 2);
  await assertNoHorizontalScroll(page, 'facets open');
  await filters.click();
  await checkbox(page, 'Energy').waitFor({ state: 'hidden' });
});

test('at_320px_a_long_unbroken_query_and_the_empty_state_have_no_horizontal_scroll', async () => {
  const page = await app.open(`?q=${'Supercalifragilisticexpialidocious'.repeat(5)}&sector=construction-materials`, PHONE);
  await page.getByText('No facts match this view.').waitFor();
  await assertNoHorizontalScroll(page, 'empty state with a long query');
});

test('at_320px_every_card_opened_in_turn_fits', async () => {
  const page = await app.open('', PHONE);
  const ids = await page.$$eval('article.card', (as) => as.map((a) => a.id.replace(/^fact-/, '')));
  for (const id of ids) {
    // The title is the card's permalink: it opens the card in place.
    await card(page, id).locator('h3 a').click();
    await waitForSearch(page, `?fact=${id}`);
    await card(page, id).locator('.details').waitFor();
    await assertNoHorizontalScroll(page, `card ${id} open`);
  }
});

test('at_320px_the_search_box_is_in_the_first_screen_and_the_dataset_picker_is_one_header_control', async () => {
  const page = await app.open('', PHONE);
  const search = page.getByRole('searchbox', { name: 'Search facts' });
  const box = await search.boundingBox();
  // The whole search box is on the first 640 px screen, with room to type below it.
  assert.ok(box.y + box.height < 480, `search box ends at ${box.y + box.height}px`);
  const picker = page.getByLabel('Open your own dataset');
  assert.equal(await picker.getAttribute('type'), 'file');
  assert.ok(await page.locator('label[for=own-file]').isVisible(), 'the picker is one visible control');
  await assertNoHorizontalScroll(page, 'first screen');
});
