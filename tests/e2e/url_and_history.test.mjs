// Every view has a URL: changes write it, reloading or sharing it restores the view, and
// Back/Forward step through views (a typed word is one step, not one per letter).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  TOTAL,
  checkbox,
  factsInSector,
  params,
  search,
  typeQuery,
  viewSnapshot,
  waitForApp,
  waitForCardSet,
  waitForCount,
  waitForSearch,
  useApp,
} from './helpers.mjs';

const app = useApp();

const historyLength = (page) => page.evaluate(() => history.length);

test('typing_a_query_writes_q_to_the_url', async () => {
  const page = await app.open();
  await typeQuery(page, 'gypsum');
  await waitForSearch(page, '?q=gypsum');
  await typeQuery(page, ' board');
  await waitForSearch(page, '?q=gypsum+board');
  assert.deepEqual(params(page), { q: ['gypsum board'] });
});

test('ticking_filters_writes_sector_and_kind_to_the_url', async () => {
  const page = await app.open();
  await typeQuery(page, 'trade');
  await waitForSearch(page, '?q=trade');
  await checkbox(page, 'Trade').check();
  await waitForSearch(page, '?q=trade&sector=trade');
  await checkbox(page, 'Energy').check();
  await waitForSearch(page, '?q=trade&sector=energy&sector=trade');
  await checkbox(page, 'Indicator').check();
  await waitForSearch(page, '?q=trade&sector=energy&sector=trade&kind=indicator');
  await checkbox(page, 'Trade').uncheck();
  await waitForSearch(page, '?q=trade&sector=energy&kind=indicator');
});

test('clearing_every_filter_leaves_the_bare_url', async () => {
  const page = await app.open();
  await checkbox(page, 'Energy').check();
  await waitForSearch(page, '?sector=energy');
  await checkbox(page, 'Energy').uncheck();
  await waitForSearch(page, '');
});

test('reloading_the_url_restores_the_view', async () => {
  const page = await app.open();
  await typeQuery(page, 'trade');
  await checkbox(page, 'Trade').check();
  await checkbox(page, 'Indicator').check();
  await waitForSearch(page, '?q=trade&sector=trade&kind=indicator');
  await waitForCount(page, 3);
  const before = await viewSnapshot(page);
  await page.reload();
  await waitForApp(page);
  await waitForCount(page, 3);
  assert.deepEqual(await viewSnapshot(page), before);
  assert.equal(await search(page).inputValue(), 'trade');
  assert.ok(await checkbox(page, 'Trade').isChecked());
  assert.ok(await checkbox(page, 'Indicator').isChecked());
  assert.ok(!(await checkbox(page, 'Energy').isChecked()));
});

test('a_query_typed_just_before_leaving_the_page_is_in_its_address_on_coming_back', async () => {
  // The address is written once typing pauses; leaving the page sooner writes it then.
  const page = await app.open();
  await typeQuery(page, 'gypsum');
  await waitForCount(page, 2);
  await page.goto('about:blank');
  await page.goBack();
  await waitForApp(page);
  await waitForCount(page, 2);
  assert.equal(await search(page).inputValue(), 'gypsum');
  assert.deepEqual(params(page), { q: ['gypsum'] });
});

test('a_shared_url_opens_the_same_view_in_a_new_browser', async () => {
  const first = await app.open();
  await typeQuery(first, 'gypsum');
  await checkbox(first, 'Construction materials').check();
  await waitForSearch(first, '?q=gypsum&sector=construction-materials');
  await waitForCount(first, 1);
  const shared = first.url();
  const seen = await viewSnapshot(first);
  const second = await app.open(shared);
  await waitForCount(second, 1);
  assert.deepEqual(await viewSnapshot(second), seen);
});

test('back_restores_the_previous_view_and_forward_returns', async () => {
  const page = await app.open();
  await checkbox(page, 'Energy').check();
  await waitForCardSet(page, factsInSector('energy'));
  await checkbox(page, 'Trade').check();
  await waitForSearch(page, '?sector=energy&sector=trade');
  await page.goBack();
  await waitForSearch(page, '?sector=energy');
  await waitForCardSet(page, factsInSector('energy'));
  assert.ok(!(await checkbox(page, 'Trade').isChecked()), 'Trade unticked again');
  assert.ok(await checkbox(page, 'Energy').isChecked());
  await page.goBack();
  await waitForSearch(page, '');
  await waitForCount(page, TOTAL, { filtered: false });
  assert.equal(await page.locator('input[type=checkbox]:checked').count(), 0);
  await page.goForward();
  await waitForSearch(page, '?sector=energy');
  await waitForCardSet(page, factsInSector('energy'));
  await page.goForward();
  await waitForSearch(page, '?sector=energy&sector=trade');
  assert.ok(await checkbox(page, 'Trade').isChecked());
});

test('typing_a_word_adds_one_history_entry_not_one_per_letter', async () => {
  const page = await app.open();
  const start = await historyLength(page);
  await typeQuery(page, 'gypsum');
  await waitForSearch(page, '?q=gypsum');
  await waitForCount(page, 2);
  assert.equal(await historyLength(page), start + 1, 'six keystrokes, one entry');
  await page.goBack();
  await waitForSearch(page, '');
  await waitForCount(page, TOTAL, { filtered: false });
  assert.equal(await search(page).inputValue(), '', 'Back empties the box');
  await page.goForward();
  await waitForSearch(page, '?q=gypsum');
  await waitForCount(page, 2);
  assert.equal(await search(page).inputValue(), 'gypsum');
});

test('back_steps_through_typing_and_clicking_in_order', async () => {
  const page = await app.open();
  const start = await historyLength(page);
  await typeQuery(page, 'trade');
  await waitForSearch(page, '?q=trade');
  assert.equal(await historyLength(page), start + 1, 'typing added one history entry');
  await checkbox(page, 'Trade').check();
  await waitForSearch(page, '?q=trade&sector=trade');
  // Typing again after a click is a new step.
  await typeQuery(page, ' turnover');
  await waitForSearch(page, '?q=trade+turnover&sector=trade');
  await waitForCount(page, 3);
  assert.equal(await historyLength(page), start + 3, 'three steps: word, click, word');

  await page.goBack();
  await waitForSearch(page, '?q=trade&sector=trade');
  await waitForCount(page, 5);
  assert.equal(await search(page).inputValue(), 'trade');
  await page.goBack();
  await waitForSearch(page, '?q=trade');
  await waitForCount(page, 5);
  assert.ok(!(await checkbox(page, 'Trade').isChecked()));
  await page.goBack();
  await waitForSearch(page, '');
  await waitForCount(page, TOTAL, { filtered: false });
  assert.equal(await search(page).inputValue(), '');

  await page.goForward();
  await waitForSearch(page, '?q=trade');
  await page.goForward();
  await waitForSearch(page, '?q=trade&sector=trade');
  await page.goForward();
  await waitForSearch(page, '?q=trade+turnover&sector=trade');
  await waitForCount(page, 3);
  assert.equal(await search(page).inputValue(), 'trade turnover');
  assert.ok(await checkbox(page, 'Trade').isChecked());
});

test('typing_after_going_back_starts_a_new_entry', async () => {
  const page = await app.open();
  const start = await historyLength(page);
  await typeQuery(page, 'gypsum');
  await waitForSearch(page, '?q=gypsum');
  assert.equal(await historyLength(page), start + 1, 'typing added one history entry');
  await page.goBack();
  await waitForSearch(page, '');
  await waitForCount(page, TOTAL);
  await typeQuery(page, 'silk');
  await waitForSearch(page, '?q=silk');
  assert.equal(await historyLength(page), start + 1, 'the new word replaced the forward entry');
  await page.goBack();
  await waitForSearch(page, '');
  await waitForCount(page, TOTAL, { filtered: false });
  assert.equal(await search(page).inputValue(), '');
});

test('keystrokes_handled_before_the_next_render_still_add_one_history_entry', async () => {
  // On a slow or busy device several keystrokes can reach the app before it renders
  // (Yew batches renders and may defer effects past a yield). Two input events in one
  // task reproduce that deterministically: typing must still be one new entry, and Back
  // must return to the view before typing, not leave the app.
  const page = await app.open('?sector=trade');
  await waitForCardSet(page, factsInSector('trade'));
  const start = await historyLength(page);
  await page.evaluate(() => {
    const box = document.getElementById('search');
    box.focus();
    for (const value of ['t', 'tu']) {
      box.value = value;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.at(-1) }));
    }
  });
  await waitForSearch(page, '?q=tu&sector=trade');
  assert.equal(await historyLength(page), start + 1, 'typing added one history entry');
  await page.goBack();
  await waitForSearch(page, '?sector=trade');
  await waitForCardSet(page, factsInSector('trade'));
  assert.equal(await search(page).inputValue(), '');
});
