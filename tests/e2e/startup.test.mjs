// How the app takes over the prerendered page: its code loads after the first paint, the
// cards are adopted a task at a time while the page stays responsive, and nothing a
// visitor does in the meantime is lost.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  card,
  cardControl,
  cardIds,
  checkbox,
  factsInSector,
  newPage,
  waitForParams,
  search,
  statusText,
  TOTAL,
  useApp,
  waitForApp,
  waitForCards,
} from './helpers.mjs';

const app = useApp();

/** Opens the page with the app's wasm held back until `release()` is called. */
async function openHeld(rel = '') {
  const session = await newPage(app.browser);
  app.sessions.push(session);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await session.context.route(/_bg\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await session.page.goto(app.url(rel));
  return { page: session.page, release };
}

test('the_app_code_is_requested_only_after_the_page_has_painted', async () => {
  const page = await app.open('');
  const timing = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const code = performance
      .getEntriesByType('resource')
      .filter((e) => /\/factdeck-[0-9a-f]+(_bg\.wasm|\.js)$/.test(e.name))
      .map((e) => ({ name: e.name.split('/').pop(), start: e.startTime }));
    return { fcp, code };
  });
  assert.equal(timing.code.length, 2, `the glue and the wasm: ${JSON.stringify(timing.code)}`);
  assert.ok(timing.fcp > 0, 'the page painted');
  for (const { name, start } of timing.code) {
    assert.ok(start >= timing.fcp, `${name} requested at ${start} ms, before the first paint at ${timing.fcp} ms`);
  }
  // Nothing in the HTML makes the browser fetch them early either.
  const html = await (await fetch(app.url(''))).text();
  assert.doesNotMatch(html, /<link rel="(?:module)?preload"[^>]*factdeck-/);
});

test('text_typed_before_the_app_runs_is_kept_and_searched', async () => {
  const { page, release } = await openHeld('');
  // The prerendered search box takes typing before any WebAssembly has run.
  await search(page).fill('gypsum');
  release();
  await waitForApp(page);
  await waitForCards(page, ['gypsum-board-production-uzbekistan', 'jewelry-production-uzbekistan']);
  assert.equal(await search(page).inputValue(), 'gypsum');
  assert.equal(await statusText(page), `2 of ${TOTAL} facts`);
  await waitForParams(page, { q: ['gypsum'] });
});

test('typed_text_wins_over_the_query_of_the_link_that_was_opened', async () => {
  const { page, release } = await openHeld('?q=trade');
  await search(page).fill('gypsum');
  release();
  await waitForApp(page);
  assert.equal(await search(page).inputValue(), 'gypsum');
  await waitForParams(page, { q: ['gypsum'] });
});

test('filters_ticked_before_the_app_runs_are_kept_and_join_the_links_view', async () => {
  const { page, release } = await openHeld('?kind=indicator');
  // The prerendered checkbox ticks as plain HTML before any WebAssembly has run.
  await checkbox(page, 'Trade').check();
  release();
  await waitForApp(page);
  assert.equal(await checkbox(page, 'Trade').isChecked(), true, 'the tick survived the take-over');
  assert.equal(await checkbox(page, 'Indicator').isChecked(), true, "the link's filter too");
  await waitForParams(page, { sector: ['trade'], kind: ['indicator'] });
  const trade = new Set(factsInSector('trade'));
  const ids = await cardIds(page);
  assert.ok(ids.length > 0 && ids.every((id) => trade.has(id)), `only trade facts: ${ids}`);
});

test('other_tasks_run_between_card_adoptions_and_the_list_is_busy_until_the_last', async () => {
  const page = await app.open('', {
    waitForApp: false,
    initScript: () => {
      // A chain of zero timeouts, as any other script on the page might run: count how many
      // of its tasks run while the list is marked busy. One long adoption task would leave
      // room for one at most.
      window.__ticksWhileBusy = 0;
      window.__sawBusy = false;
      const tick = () => {
        if (document.querySelector('.cards[aria-busy="true"]')) {
          window.__sawBusy = true;
          window.__ticksWhileBusy++;
        }
        if (!window.__sawBusy || document.querySelector('.cards[aria-busy]')) setTimeout(tick);
      };
      tick();
    },
  });
  await waitForApp(page);
  const { sawBusy, ticks } = await page.evaluate(() => ({ sawBusy: window.__sawBusy, ticks: window.__ticksWhileBusy }));
  assert.ok(sawBusy, 'the list was marked busy while its cards were adopted');
  assert.ok(ticks >= TOTAL / 2, `only ${ticks} other tasks ran while ${TOTAL} cards were adopted`);
  // Once adopted, every card answers: the last one opens its details.
  const last = (await cardIds(page)).at(-1);
  await (await cardControl(page, last, 'button', { name: 'Details' })).click();
  await card(page, last).locator('.details').waitFor();
  assert.equal(await card(page, last).getByRole('button', { name: 'Hide details' }).getAttribute('aria-expanded'), 'true');
});
