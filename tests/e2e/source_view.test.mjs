// The source view: from a card, the whole source text with the card's quote highlighted,
// in view and focused; the other facts of the same text marked and linked; a URL of its
// own that reloads and shares; Back, Forward and closing land where a reader expects.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { DATASET, ROOT, card, fact, search, typeQuery, useApp, waitForApp, waitForCount, waitForSearch, waitForState } from './helpers.mjs';

const app = useApp();
const TREATY = 'treaty-on-allied-relations';
const PROGRAMME = 'program-20-key-areas';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const squash = (s) => s.replace(/\s+/g, ' ').trim();
const SOURCE_TEXT = readFileSync(path.join(ROOT, 'data', DATASET.sources[0].file), 'utf8');
const sourceLink = (page, id) => card(page, id).getByRole('link', { name: `Source text of “${fact(id).title}”` });

/** Waits until the source view highlights fact `id`'s quote. */
async function waitForHighlight(page, id) {
  await waitForState(
    page,
    (quote) => {
      const mark = document.querySelector('#source-current');
      return !!mark && mark.textContent.replace(/^Highlighted quote: /, '').replace(/\s+/g, ' ').trim() === quote;
    },
    squash(fact(id).quote),
    `the quote of ${id} highlighted`,
  );
}

/** Where the highlighted quote is: inside the viewport, and whether it has focus. */
function currentMark(page) {
  return page.evaluate(() => {
    const mark = document.querySelector('#source-current');
    const r = mark.getBoundingClientRect();
    return { inViewport: r.top >= 0 && r.bottom <= innerHeight && r.height > 0, focused: document.activeElement === mark };
  });
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? null);

test('a_cards_source_link_opens_the_source_with_its_quote_marked_in_view_and_focused', async () => {
  const page = await app.open();
  await sourceLink(page, TREATY).click();
  await waitForSearch(page, `?fact=${TREATY}&view=source`);
  await waitForHighlight(page, TREATY);
  assert.deepEqual(await currentMark(page), { inViewport: true, focused: true });
  assert.equal(await page.locator('article.card').count(), 0, 'the source view replaces the cards');
  const text = await page.locator('.source-text').textContent();
  assert.equal(squash(text.replace('Highlighted quote: ', '')), squash(SOURCE_TEXT), 'the whole text is shown');
});

test('the_other_facts_of_the_same_source_are_marked_and_link_to_their_quotes', async () => {
  const page = await app.open(`?fact=${TREATY}&view=source`);
  await waitForHighlight(page, TREATY);
  const hrefs = await page.$$eval('mark.source-mark--other a', (as) => as.map((a) => a.getAttribute('href')));
  const linked = new Set(hrefs.map((h) => new URLSearchParams(h).get('fact')));
  const others = DATASET.facts.filter((f) => f.source === fact(TREATY).source && f.id !== TREATY).map((f) => f.id);
  // Quotes nested inside another fact's quote are reached through the list below the text.
  assert.ok(linked.size >= others.length - 3, `${linked.size} of ${others.length} other facts linked in the text`);
  assert.ok([...linked].every((id) => others.includes(id)), [...linked].join(', '));
  assert.ok(hrefs.every((h) => h.endsWith('&view=source')));
  const listed = await page.$$eval('.source-view__others li', (lis) => lis.length);
  assert.equal(listed, others.length, 'every other fact is listed');

  await page.locator(`mark.source-mark--other a[href="?fact=${PROGRAMME}&view=source"]`).first().click();
  await waitForSearch(page, `?fact=${PROGRAMME}&view=source`);
  await waitForHighlight(page, PROGRAMME);
  assert.deepEqual(await currentMark(page), { inViewport: true, focused: true });
  assert.equal(await page.locator('mark.source-mark--current').count(), 1, 'one highlighted quote at a time');
});

test('the_list_of_other_facts_opens_a_card_in_the_cards_view', async () => {
  const page = await app.open(`?fact=${TREATY}&view=source`);
  await waitForHighlight(page, TREATY);
  await page.getByRole('link', { name: `Card of “${fact(PROGRAMME).title}”` }).click();
  await waitForSearch(page, `?fact=${PROGRAMME}`);
  await waitForState(page, (id) => document.querySelector(`#fact-${id}.card--open`) !== null, PROGRAMME, 'the card open');
  const where = await card(page, PROGRAMME).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, focusInside: el.contains(document.activeElement) };
  });
  assert.ok(where.top < 900 && where.bottom > 0, `card in view: ${JSON.stringify(where)}`);
  assert.ok(where.focusInside, 'focus moves into the card');
});

test('reloading_a_source_view_url_opens_the_same_view', async () => {
  const page = await app.open(`?q=treaty&fact=${TREATY}&view=source`);
  await waitForHighlight(page, TREATY);
  assert.equal((await currentMark(page)).inViewport, true);
  await page.reload();
  await waitForApp(page);
  await waitForHighlight(page, TREATY);
  assert.deepEqual(await currentMark(page), { inViewport: true, focused: true });
  assert.equal(await search(page).inputValue(), 'treaty', 'the search is kept behind the source view');
});

test('back_leaves_the_source_view_and_forward_returns_to_it', async () => {
  const page = await app.open('?q=treaty');
  await waitForCount(page, 2);
  await sourceLink(page, TREATY).click();
  await waitForSearch(page, `?q=treaty&fact=${TREATY}&view=source`);
  await waitForHighlight(page, TREATY);
  await page.goBack();
  await waitForSearch(page, '?q=treaty');
  await waitForCount(page, 2);
  assert.equal(await page.locator('.source-view').count(), 0);
  await page.goForward();
  await waitForSearch(page, `?q=treaty&fact=${TREATY}&view=source`);
  await waitForHighlight(page, TREATY);
});

test('closing_the_source_view_returns_focus_to_the_cards_source_link', async () => {
  const page = await app.open('?q=treaty');
  await sourceLink(page, TREATY).focus();
  await page.keyboard.press('Enter');
  await waitForHighlight(page, TREATY);
  assert.equal(await activeId(page), 'source-current');
  await page.getByRole('button', { name: 'Back to the cards' }).click();
  await waitForSearch(page, `?q=treaty&fact=${TREATY}`);
  await waitForState(page, (id) => document.activeElement?.id === `fact-${id}-source`, TREATY, 'focus on the card’s source link');

  // Escape closes it too.
  await page.keyboard.press('Enter');
  await waitForHighlight(page, TREATY);
  await page.keyboard.press('Escape');
  await waitForSearch(page, `?q=treaty&fact=${TREATY}`);
  await waitForState(page, (id) => document.activeElement?.id === `fact-${id}-source`, TREATY, 'focus back after Escape');
});

test('searching_from_the_source_view_shows_the_cards', async () => {
  const page = await app.open(`?fact=${TREATY}&view=source`);
  await waitForHighlight(page, TREATY);
  await typeQuery(page, 'gypsum');
  await waitForSearch(page, `?q=gypsum&fact=${TREATY}`);
  await waitForCount(page, 2, { filtered: true });
});

test('a_source_link_to_an_unknown_fact_says_so_and_offers_the_cards', async () => {
  const page = await app.open('?fact=no-such-fact&view=source');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /no fact “no-such-fact” in this dataset/);
  await alert.getByRole('button', { name: 'Show the cards' }).click();
  await waitForSearch(page, '?fact=no-such-fact');
  await waitForCount(page, 25);
});

for (const [name, options] of [
  ['desktop', {}],
  ['dark_theme', { colorScheme: 'dark' }],
  ['narrow_320px', { viewport: { width: 320, height: 800 } }],
]) {
  test(`axe_finds_no_wcag_violations_in_the_source_view_${name}`, async () => {
    const page = await app.open(`?fact=${TREATY}&view=source`, { viewport: options.viewport });
    if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
    await waitForHighlight(page, TREATY);
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    if (options.viewport) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `no sideways scroll at 320 px (${width})`);
    }
  });
}
