// The first screen reads like a tracker: at 1280×900, without scrolling, the search box, the
// sector filter and the titles of at least six cards; the dataset picker is one header
// control; every card action is reachable by keyboard in reading order.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DATASET, card, fact, search, useApp } from './helpers.mjs';

const app = useApp();
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** True when the whole box of `locator` lies inside the viewport, unscrolled. */
async function fullyOnScreen(page, locator) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width;
}

for (const dark of [false, true]) {
  test(`at_1280x900_the_search_box_the_sector_filter_and_six_card_titles_need_no_scrolling${dark ? '_in_dark_mode' : ''}`, async () => {
    const page = await app.open('', DESKTOP);
    if (dark) await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await page.evaluate(() => scrollY), 0);
    assert.ok(await fullyOnScreen(page, search(page)), 'the search box');
    const sectors = page.getByRole('group', { name: /^Sector/ });
    assert.ok(await fullyOnScreen(page, sectors.getByRole('checkbox').first()), 'the first sector checkbox');
    const titles = page.locator('article.card h3');
    let visible = 0;
    for (let i = 0; i < (await titles.count()); i++) {
      if (await fullyOnScreen(page, titles.nth(i))) visible++;
    }
    assert.ok(visible >= 6, `${visible} card titles fully on the first screen`);
  });
}

test('the_own_dataset_picker_is_a_header_control_not_a_drop_zone_between_title_and_results', async () => {
  const page = await app.open('', DESKTOP);
  const banner = page.getByRole('banner');
  const input = banner.getByLabel('Open your own dataset');
  assert.equal(await input.getAttribute('type'), 'file');
  assert.ok(await fullyOnScreen(page, banner.locator('label[for=own-file]')), 'its label shows as a button');
  // Nothing of the picker sits between the search box and the results.
  const headerBottom = (await banner.boundingBox()).y + (await banner.boundingBox()).height;
  assert.ok(headerBottom < 120, `the header ends at ${headerBottom}px`);
});

test('every_card_action_is_reachable_by_keyboard_in_reading_order', async () => {
  const page = await app.open('', { ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
  const id = DATASET.facts[0].id;
  const f = fact(id);
  // From the card's title link, Tab walks the card: the quote's links, then its Actions.
  await card(page, id).locator('h3 a').focus();
  const order = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.getAttribute('aria-label') ?? document.activeElement.textContent.trim()));
  }
  const actions = `Actions for “${f.title}”`;
  assert.ok(order.includes(`Source text of “${f.title}”`), order.join(' | '));
  assert.ok(order.includes(actions), order.join(' | '));
  // Enter opens the menu; each action answers Enter.
  await card(page, id).getByRole('button', { name: actions }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // Details
  await page.keyboard.press('Tab'); // Permalink
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Permalink');
  await page.keyboard.press('Tab'); // Copy link
  await page.keyboard.press('Enter');
  await card(page, id).getByRole('button', { name: /Copy link/ }).filter({ hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), app.url(`?fact=${id}`));
  await page.keyboard.press('Tab'); // Cite
  await page.keyboard.press('Enter');
  await card(page, id).locator('.cite__text').waitFor();
  await page.keyboard.press('Tab'); // Copy citation
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Copy citation');
  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), actions);
  assert.equal(await card(page, id).locator('.card__actions').count(), 0);
  // Permalink and Details by keyboard: Enter on Details opens the card in place.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('fact') === id);
  await card(page, id).locator('.details').waitFor();
});
