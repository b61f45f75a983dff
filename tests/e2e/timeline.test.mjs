// The timeline: the dated results in chronological order, grouped by year, with inferred
// dates marked in words; it follows the search and filters, lives in the URL, is switched
// to with toggle buttons, and each entry leads to its card.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { DATASET, card, checkbox, fact, statusText, useApp, waitForApp, waitForCount, waitForSearch, waitForState } from './helpers.mjs';

const app = useApp();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TREATY = 'treaty-on-allied-relations';

/** Every date of a fact in the dataset file: its own, its figure's period, derived ones. */
function datesOf(f) {
  const spec = (d) => (typeof d === 'string' ? { start: d } : d);
  return [f.date && spec(f.date), f.quantity?.period && spec(f.quantity.period), ...(f.derived ?? []).filter((d) => d.date).map((d) => spec(d.date))].filter(Boolean);
}
const datedIds = (facts) => facts.filter((f) => datesOf(f).length > 0).map((f) => f.id);

/** The timeline as shown: year headings and entries (fact id, datetime, text). */
function shownTimeline(page) {
  return page.evaluate(() => ({
    years: [...document.querySelectorAll('.timeline__year-heading')].map((h) => Number(h.textContent)),
    entries: [...document.querySelectorAll('.timeline__entry')].map((li) => ({
      id: new URLSearchParams(li.querySelector('.timeline__what a').getAttribute('href')).get('fact'),
      datetime: li.querySelector('time').getAttribute('datetime'),
      text: li.textContent,
      inferred: li.classList.contains('timeline__entry--inferred'),
      year: Number(li.closest('section').querySelector('h3').textContent),
    })),
  }));
}

async function waitForTimeline(page) {
  await waitForState(page, () => document.querySelector('.timeline') !== null, undefined, 'the timeline');
}

const pressed = (page, name) => page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

test('the_timeline_lists_dated_facts_oldest_first_grouped_by_year', async () => {
  const page = await app.open();
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  await waitForSearch(page, '?view=timeline');
  await waitForTimeline(page);
  assert.equal(await pressed(page, 'Timeline'), 'true');
  assert.equal(await pressed(page, 'Cards'), 'false');
  const { years, entries } = await shownTimeline(page);
  assert.deepEqual(years, [...years].sort((a, b) => a - b), 'years ascend');
  assert.equal(new Set(years).size, years.length, 'one heading per year');
  assert.ok(entries.every((e) => Number(e.datetime.slice(0, 4)) === e.year), 'each entry sits under the year it starts');
  const starts = entries.map((e) => e.datetime.padEnd(10, e.datetime.length === 4 ? '-01-01' : '-01'));
  assert.deepEqual(starts, [...starts].sort(), 'entries ascend by their first day');
  const at = (id, needle = '') => entries.findIndex((e) => e.id === id && e.text.includes(needle));
  const path = [
    at('diplomatic-relations-30th-anniversary', 'Derived'),
    at('program-20-key-areas'),
    at(TREATY),
    at('year-of-economic-cooperation-2025'),
    at('expert-council-second-session'),
  ];
  assert.ok(path.every((i) => i >= 0), JSON.stringify(path));
  assert.deepEqual(path, [...path].sort((a, b) => a - b), '1995 relations → 2024 programme and treaty → 2025 Year → 4 June 2025 session');
  assert.equal(years[0], 1995);
  assert.equal(new Set(entries.map((e) => e.id)).size, datedIds(DATASET.facts).length, 'every dated fact, no undated one');
  const undated = DATASET.facts.length - datedIds(DATASET.facts).length;
  assert.match(await page.locator('.timeline__summary').textContent(), new RegExp(`${undated} facts without a date`));
  assert.equal(await statusText(page), `25 facts, ${datedIds(DATASET.facts).length} on the timeline`);
});

test('inferred_dates_and_ranges_are_marked_in_words', async () => {
  const page = await app.open('?view=timeline');
  await waitForTimeline(page);
  const { entries } = await shownTimeline(page);
  const treaty = entries.find((e) => e.id === TREATY);
  assert.match(treaty.text, /August 2024\s*inferred from “last August”/);
  assert.ok(treaty.inferred, 'an inferred date is also marked visually');
  const year = entries.find((e) => e.id === 'year-of-economic-cooperation-2025');
  assert.ok(!year.inferred && !year.text.includes('inferred'), 'a stated date is not marked');
  const tripled = entries.find((e) => e.id === 'trade-turnover-tripled');
  assert.match(tripled.text, /2020 – 2025/, 'a range shows both ends');
  const inferredEntries = entries.filter((e) => e.inferred);
  assert.ok(inferredEntries.every((e) => /inferred from “[^”]+”/.test(e.text)));
});

test('the_timeline_follows_the_search_and_filters', async () => {
  const page = await app.open('?view=timeline');
  await waitForTimeline(page);
  await checkbox(page, 'Diplomacy').check();
  await waitForSearch(page, '?sector=diplomacy&view=timeline');
  const diplomacy = DATASET.facts.filter((f) => f.sectors.includes('diplomacy'));
  await waitForState(page, (n) => document.querySelector('[role=status]').textContent.startsWith(`${n} of 25 facts`), diplomacy.length, 'the filtered count');
  const { entries } = await shownTimeline(page);
  assert.deepEqual(new Set(entries.map((e) => e.id)), new Set(datedIds(diplomacy)));
  assert.equal(await statusText(page), `${diplomacy.length} of 25 facts, ${datedIds(diplomacy).length} on the timeline`);

  await page.getByRole('searchbox', { name: 'Search facts' }).fill('treaty');
  await waitForSearch(page, '?q=treaty&sector=diplomacy&view=timeline');
  await waitForState(page, () => [...document.querySelectorAll('.timeline__entry')].length === 1, undefined, 'one entry');
  assert.deepEqual((await shownTimeline(page)).entries.map((e) => e.id), [TREATY]);
});

test('an_empty_view_in_the_timeline_offers_the_usual_ways_back', async () => {
  const page = await app.open('?q=gyspm+&kind=project&view=timeline');
  await page.locator('.empty').waitFor();
  assert.match(await statusText(page), /^0 of 25 facts$/);
});

test('a_timeline_entry_opens_its_card_in_view_with_focus', async () => {
  const page = await app.open('?view=timeline');
  await waitForTimeline(page);
  await page.locator('.timeline__what a', { hasText: fact(TREATY).title }).first().focus();
  await page.keyboard.press('Enter');
  await waitForSearch(page, `?fact=${TREATY}`);
  assert.equal(await pressed(page, 'Cards'), 'true');
  await waitForState(page, (id) => document.activeElement?.closest('article')?.id === `fact-${id}`, TREATY, 'focus in the card');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'true', 'on its details toggle');
  const box = await card(page, TREATY).boundingBox();
  assert.ok(box.y < 900 && box.y + box.height > 0, `card in view: ${JSON.stringify(box)}`);
  await page.goBack();
  await waitForSearch(page, '?view=timeline');
  await waitForTimeline(page);
});

test('the_timeline_url_reloads_and_back_returns_to_the_cards', async () => {
  const page = await app.open('?q=trade');
  await waitForCount(page, 5);
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  await waitForSearch(page, '?q=trade&view=timeline');
  await waitForTimeline(page);
  const before = await shownTimeline(page);
  await page.reload();
  await waitForApp(page);
  await waitForTimeline(page);
  assert.deepEqual(await shownTimeline(page), before);
  await page.goBack();
  await waitForSearch(page, '?q=trade');
  await waitForCount(page, 5);
  assert.equal(await pressed(page, 'Cards'), 'true');
});

test('the_view_switch_works_from_the_keyboard', async () => {
  const page = await app.open();
  await page.getByRole('button', { name: 'Cards', exact: true }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'view-timeline');
  await page.keyboard.press('Space');
  await waitForSearch(page, '?view=timeline');
  await waitForTimeline(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'view-timeline', 'focus stays on the switch');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await waitForSearch(page, '');
  await waitForCount(page, 25);
});

for (const [name, options] of [
  ['desktop', {}],
  ['dark_theme', { colorScheme: 'dark' }],
  ['narrow_320px', { viewport: { width: 320, height: 800 } }],
]) {
  test(`axe_finds_no_wcag_violations_in_the_timeline_${name}`, async () => {
    const page = await app.open('?view=timeline', { viewport: options.viewport });
    if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
    await waitForTimeline(page);
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    if (options.viewport) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `no sideways scroll at 320 px (${width})`);
    }
  });
}
