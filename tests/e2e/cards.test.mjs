// Opening a card: its title, its "Actions" (Details, the permalink, "Copy link", Cite), and
// `?fact=` URLs.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  card,
  cardControl,
  fact,
  waitForApp,
  waitForSearch,
  useApp,
} from './helpers.mjs';

const app = useApp();

const GYPSUM = 'gypsum-board-production-uzbekistan';
const LAST = 'nizami-ganjavi-880th-anniversary';

const toggleLocator = (page, id) => card(page, id).locator('.card__actions button[aria-controls$="-details"]');

/** The card's Details / Hide details button, its Actions opened first when needed. */
async function toggle(page, id) {
  await cardControl(page, id, 'button', { name: /Details/ });
  return toggleLocator(page, id);
}

async function assertOpen(page, id) {
  await card(page, id).locator(`#fact-${id}-details`).waitFor();
  assert.match(await card(page, id).getAttribute('class'), /\bcard--open\b/);
  assert.equal(await toggleLocator(page, id).getAttribute('aria-expanded'), 'true');
  assert.equal((await toggleLocator(page, id).textContent()).trim(), 'Hide details');
  assert.equal(await toggleLocator(page, id).getAttribute('aria-controls'), `fact-${id}-details`);
  assert.match(await card(page, id).locator('.details').textContent(), new RegExp(`Fact id\\s*${id}`));
  assert.equal(await page.locator('article.card--open').count(), 1, 'only one card is open');
}

test('details_opens_the_card_and_puts_fact_in_the_url', async () => {
  const page = await app.open();
  const details = await cardControl(page, GYPSUM, 'button', { name: 'Details', exact: true });
  assert.equal(await details.getAttribute('aria-expanded'), 'false');
  await details.click();
  await waitForSearch(page, `?fact=${GYPSUM}`);
  await assertOpen(page, GYPSUM);
  // The details show the fields the card itself leaves out.
  const text = await card(page, GYPSUM).locator('.details').textContent();
  assert.ok(text.includes(fact(GYPSUM).attribution), 'attribution shown');
});

test('hide_details_closes_the_card_and_removes_fact_from_the_url', async () => {
  const page = await app.open();
  await (await toggle(page, GYPSUM)).click();
  await waitForSearch(page, `?fact=${GYPSUM}`);
  await (await toggle(page, GYPSUM)).click();
  await waitForSearch(page, '');
  assert.equal(await (await toggle(page, GYPSUM)).getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('article.card--open').count(), 0);
});

test('opening_another_card_closes_the_first', async () => {
  const page = await app.open();
  await (await toggle(page, GYPSUM)).click();
  await waitForSearch(page, `?fact=${GYPSUM}`);
  await (await toggle(page, LAST)).click();
  await waitForSearch(page, `?fact=${LAST}`);
  await assertOpen(page, LAST);
  assert.equal(await (await toggle(page, GYPSUM)).getAttribute('aria-expanded'), 'false');
});

test('reloading_a_fact_url_shows_that_card_opened', async () => {
  const page = await app.open();
  await (await toggle(page, LAST)).click();
  await waitForSearch(page, `?fact=${LAST}`);
  await page.reload();
  await waitForApp(page);
  await assertOpen(page, LAST);
});

test('a_fact_url_opens_that_card_and_scrolls_it_into_view', async () => {
  const page = await app.open(`?fact=${LAST}`);
  await assertOpen(page, LAST);
  // The last card starts far below the fold; it must be brought into the viewport.
  await page.waitForFunction((id) => {
    const r = document.getElementById(`fact-${id}`).getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  }, LAST);
});

test('back_closes_an_opened_card', async () => {
  const page = await app.open();
  await (await toggle(page, GYPSUM)).click();
  await waitForSearch(page, `?fact=${GYPSUM}`);
  await page.goBack();
  await waitForSearch(page, '');
  await page.locator('article.card--open').waitFor({ state: 'detached' });
});

test('the_permalink_opens_the_card_in_place', async () => {
  const page = await app.open();
  await page.evaluate(() => (window.__samePage = true));
  const link = await cardControl(page, GYPSUM, 'link', { name: /Permalink/ });
  assert.equal(await link.evaluate((a) => a.href), app.url(`?fact=${GYPSUM}`));
  await link.click();
  await waitForSearch(page, `?fact=${GYPSUM}`);
  await assertOpen(page, GYPSUM);
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page load');
});

test('copy_link_copies_the_absolute_permalink', async () => {
  const page = await app.open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  const copy = await cardControl(page, GYPSUM, 'button', { name: /Copy link/ });
  assert.equal((await copy.textContent()).trim(), 'Copy link');
  await copy.click();
  await page.waitForFunction(
    (id) => document.querySelector(`#fact-${id} .card__actions`).textContent.includes('Link copied'),
    GYPSUM,
  );
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), app.url(`?fact=${GYPSUM}`));
});

test('a_fact_url_keeps_the_card_open_alongside_filters', async () => {
  const page = await app.open(`?sector=construction-materials&fact=${GYPSUM}`);
  await assertOpen(page, GYPSUM);
  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  await waitForSearch(page, `?fact=${GYPSUM}`);
  await assertOpen(page, GYPSUM);
});

test('the_title_is_the_permalink_and_opens_the_card_in_place', async () => {
  const page = await app.open();
  await page.evaluate(() => (window.__samePage = true));
  const title = card(page, GYPSUM).getByRole('heading', { level: 3 }).getByRole('link');
  assert.equal(await title.evaluate((a) => a.href), app.url(`?fact=${GYPSUM}`));
  assert.equal((await title.textContent()).trim(), fact(GYPSUM).title);
  await title.click();
  await waitForSearch(page, `?fact=${GYPSUM}`);
  await assertOpen(page, GYPSUM);
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page load');
});

test('a_closed_card_has_one_actions_button_and_escape_closes_its_menu', async () => {
  const page = await app.open();
  const more = card(page, GYPSUM).getByRole('button', { name: `Actions for “${fact(GYPSUM).title}”` });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await card(page, GYPSUM).locator('.card__actions').count(), 0, 'no controls until asked');
  await more.focus();
  await page.keyboard.press('Enter');
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  const names = await card(page, GYPSUM).locator('.card__actions').locator('a, button').allTextContents();
  assert.deepEqual(names.map((n) => n.trim()), ['Details', 'Permalink', 'Copy link', 'Cite']);
  // Tab goes from the button into its menu, in reading order.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Details');
  await page.keyboard.press('Escape');
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.id), `fact-${GYPSUM}-more`);
});
