// WCAG 2.2 AA, checked with axe-core in every state a visitor reaches, plus the keyboard
// contract: Tab order, focus that never drops to <body>, and target sizes.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { checkbox, search, useApp, waitForCount } from './helpers.mjs';

const app = useApp();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const STATES = [
  ['initial', '', {}],
  ['searched', '?q=trade', {}],
  ['filtered', '?sector=energy&kind=project', {}],
  ['empty', '?q=gyspm+', {}],
  ['card_opened', '?fact=trade-turnover-tripled', {}],
  ['dark_theme', '?q=trade', { colorScheme: 'dark' }],
  ['narrow_320px', '', { viewport: { width: 320, height: 800 } }],
];

for (const [name, url, options] of STATES) {
  test(`axe_finds_no_wcag_violations_in_the_${name}_state`, async () => {
    const page = await app.open(url, { viewport: options.viewport });
    if (options.colorScheme) {
      await page.emulateMedia({ colorScheme: options.colorScheme });
    }
    assert.deepEqual(await violations(page), []);
  });
}

test('tab_moves_from_search_to_filters_to_cards', async () => {
  const page = await app.open();
  await search(page).focus();
  const order = [];
  // Past the 16 filters and the result bar's controls (view switch, downloads).
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el.closest('article') ? 'card' : el.closest('fieldset') ? 'filter' : el.id === 'search' ? 'search' : el.tagName.toLowerCase();
    }));
  }
  const firstFilter = order.indexOf('filter');
  const firstCard = order.indexOf('card');
  assert.ok(firstFilter >= 0 && firstCard > firstFilter, order.join(' '));
  assert.ok(!order.slice(firstCard).includes('filter'), 'no filter after the cards start');
});

test('ticking_a_filter_by_keyboard_keeps_focus_on_it', async () => {
  const page = await app.open();
  await checkbox(page, 'Energy').focus();
  await page.keyboard.press('Space');
  await waitForCount(page, 2, { filtered: true });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sector-energy');
  // Removing the filter from its chip moves the chip away; focus must not fall to <body>.
  await page.getByRole('button', { name: 'Remove sector Energy' }).focus();
  await page.keyboard.press('Enter');
  await waitForCount(page, 25);
  assert.notEqual(await page.evaluate(() => document.activeElement.tagName), 'BODY');
});

test('focus_is_visible_on_every_control', async () => {
  const page = await app.open();
  await search(page).focus();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.ok(outline.style !== 'none' && outline.width >= 2, JSON.stringify(outline));
  }
});

test('every_control_is_at_least_24_by_24_pixels_or_has_a_24px_label_row', async () => {
  const page = await app.open('?q=trade');
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input')]
      .filter((el) => el.offsetParent !== null && !el.classList.contains('skip-link'))
      .map((el) => {
        // A checkbox's target is its row; the visually hidden file input's is its label.
        const target = el.type === 'checkbox' ? el.closest('li') : el.type === 'file' ? el.labels[0] : el;
        const r = target.getBoundingClientRect();
        return { what: el.outerHTML.slice(0, 80), w: r.width, h: r.height };
      })
      .filter((r) => r.w < 24 || r.h < 24),
  );
  assert.deepEqual(small, []);
});

test('the_live_region_announces_only_the_count', async () => {
  const page = await app.open();
  await search(page).fill('trade');
  await waitForCount(page, 5, { filtered: true });
  const region = page.locator('[role="status"]');
  assert.equal(await region.count(), 1);
  assert.match(await region.innerText(), /^\d+ (of \d+ )?facts?$/);
});
