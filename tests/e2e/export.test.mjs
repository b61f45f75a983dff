// Export: the view's facts download as CSV and JSON exactly as the view lists them, the
// whole dataset as JSON, and each card offers a citation to copy.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { DATASET, TOTAL, card, cardControl, cardIds, checkbox, factsInSector, search, useApp, waitForCount } from './helpers.mjs';

const SLUG = 'azerbaijan-uzbekistan-cooperation';

/** A dataset whose texts hold everything CSV must quote or guard. */
const TRICKY_TEXT =
  'He said: "We, the people, agree." Then, on a new line:\n=SUM(A1:A9) is not a formula here. Gəncə oʻzbek 😀 ok.';
const TRICKY = {
  title: 'Tricky, "quoted" data',
  description: 'Quotes, commas, line breaks, formulas and Unicode.',
  sectors: [{ id: 'energy', label: 'Energy' }],
  sources: [
    { id: 'wire', publisher: 'Wire, Inc.', title: 'A "headline", with commas', published: '2025-07-01', url: 'https://example.org/a?b=1,2', text: TRICKY_TEXT },
  ],
  facts: [
    {
      id: 'said',
      kind: 'statement',
      title: 'They said "we, the people"',
      summary: 'First line,\nsecond line.',
      sectors: ['energy'],
      source: 'wire',
      quote: 'He said: "We, the people, agree."',
    },
    {
      id: 'formula',
      kind: 'statement',
      title: '=SUM(A1:A9)',
      summary: '@risky +cell -cell',
      sectors: ['energy'],
      source: 'wire',
      quote: '=SUM(A1:A9) is not a formula here.',
    },
    {
      id: 'unicode',
      kind: 'statement',
      title: 'Gəncə oʻzbek 😀',
      summary: 'Unicode survives.',
      sectors: ['energy'],
      source: 'wire',
      quote: 'Gəncə oʻzbek 😀 ok.',
    },
  ],
};

// Served next to the app; tests add files to it (e.g. an export, to open it again).
const files = { 'tricky.json': JSON.stringify(TRICKY) };
const app = useApp({ files });

/** RFC 4180, written here independently of the app: BOM, quoted fields, CRLF records. */
function parseCsv(text) {
  assert.ok(text.startsWith('\uFEFF'), 'CSV starts with a UTF-8 BOM');
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r') {
      assert.equal(text[i + 1], '\n', 'CR outside quotes only ends a record');
      i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      assert.notEqual(c, '\n', 'no bare LF outside quotes');
      field += c;
    }
  }
  assert.ok(!quoted && field === '' && record.length === 0, 'the last record ends with CRLF');
  const [header, ...rows] = records;
  for (const r of rows) assert.equal(r.length, header.length, `row ${r[0]} has every column`);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** Clicks the button named `name` and returns the download's file name and text. */
async function download(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { file: dl.suggestedFilename(), text: await readFile(await dl.path(), 'utf8') };
}

test('csv_of_a_sector_filter_has_exactly_its_facts', async () => {
  const page = await app.open('?sector=energy');
  const expected = factsInSector('energy');
  await waitForCount(page, expected.length, { filtered: true });
  const shown = await cardIds(page);
  const { file, text } = await download(page, /as CSV$/);
  assert.equal(file, `factdeck-${SLUG}-${expected.length}-facts.csv`);
  const rows = parseCsv(text);
  assert.deepEqual(rows.map((r) => r.id), shown);
  for (const row of rows) {
    const f = DATASET.facts.find((x) => x.id === row.id);
    assert.equal(row.title, f.title);
    assert.equal(row.quote, f.quote);
    assert.ok(row.sectors.split('; ').includes('energy'), row.sectors);
    const source = DATASET.sources.find((s) => s.id === f.source);
    assert.equal(row.source_publisher, source.publisher);
    assert.equal(row.source_title, source.title);
    assert.equal(row.source_published, source.published);
    assert.equal(row.source_file, source.file);
    assert.equal(row.permalink, app.url(`?fact=${row.id}`));
  }
});

test('csv_of_a_search_lists_every_result_in_ranked_order', async () => {
  const page = await app.open();
  await search(page).fill('trade');
  await page.waitForURL((u) => u.search === '?q=trade');
  const shown = await cardIds(page);
  assert.ok(shown.length > 1);
  const rows = parseCsv((await download(page, /as CSV$/)).text);
  assert.deepEqual(rows.map((r) => r.id), shown);
});

test('quotes_commas_line_breaks_formulas_and_unicode_survive_csv', async () => {
  const page = await app.open('?data=tricky.json');
  await waitForCount(page, 3, { total: 3 });
  const { file, text } = await download(page, /as CSV$/);
  assert.equal(file, 'factdeck-tricky-quoted-data-3-facts.csv');
  const rows = Object.fromEntries(parseCsv(text).map((r) => [r.id, r]));
  assert.equal(rows.said.title, 'They said "we, the people"');
  assert.equal(rows.said.summary, 'First line,\nsecond line.');
  assert.equal(rows.said.quote, 'He said: "We, the people, agree."');
  assert.equal(rows.said.source_title, 'A "headline", with commas');
  assert.equal(rows.said.source_publisher, 'Wire, Inc.');
  assert.equal(rows.said.source_url, 'https://example.org/a?b=1,2');
  // Cells a spreadsheet would run as formulas start with an apostrophe.
  assert.equal(rows.formula.title, "'=SUM(A1:A9)");
  assert.equal(rows.formula.summary, "'@risky +cell -cell");
  assert.equal(rows.formula.quote, "'=SUM(A1:A9) is not a formula here.");
  assert.equal(rows.unicode.title, 'Gəncə oʻzbek 😀');
  assert.equal(rows.unicode.quote, 'Gəncə oʻzbek 😀 ok.');
});

test('json_of_the_view_is_a_dataset_that_opens_again_with_the_same_cards', async () => {
  const page = await app.open('?kind=indicator');
  const shown = await cardIds(page);
  const { file, text } = await download(page, /facts shown as JSON$/);
  assert.equal(file, `factdeck-${SLUG}-${shown.length}-facts.json`);
  const exported = JSON.parse(text);
  assert.equal(exported.title, DATASET.title);
  assert.deepEqual(exported.facts.map((f) => f.id), shown);
  for (const f of exported.facts) {
    const original = DATASET.facts.find((x) => x.id === f.id);
    assert.deepEqual(f.quantity?.value, original.quantity?.value);
    assert.equal(f.quote, original.quote);
    assert.ok(exported.sources.some((s) => s.id === f.source && s.text.length > 0), `source of ${f.id} is inlined`);
  }
  files['exported/indicators.json'] = text;
  const again = await app.open('?data=exported/indicators.json');
  await waitForCount(again, shown.length, { total: shown.length });
  assert.deepEqual((await cardIds(again)).sort(), [...shown].sort());
});

test('whole_dataset_json_holds_every_fact_whatever_the_view', async () => {
  const page = await app.open('?q=energy&kind=project');
  const { file, text } = await download(page, /whole dataset/i);
  assert.equal(file, `factdeck-${SLUG}-dataset.json`);
  const exported = JSON.parse(text);
  assert.equal(exported.facts.length, TOTAL);
  assert.deepEqual(exported.facts.map((f) => f.id), DATASET.facts.map((f) => f.id));
  assert.deepEqual(exported.sectors, DATASET.sectors);
});

test('export_follows_a_filter_ticked_in_the_page', async () => {
  const page = await app.open();
  await checkbox(page, 'Energy').check();
  const expected = factsInSector('energy');
  await waitForCount(page, expected.length, { filtered: true });
  const rows = parseCsv((await download(page, /as CSV$/)).text);
  assert.deepEqual(rows.map((r) => r.id).sort(), [...expected].sort());
  const button = page.getByRole('button', { name: /as CSV$/ });
  assert.equal(await button.getAttribute('aria-label'), `Download the ${expected.length} facts shown as CSV`);
});

test('view_downloads_are_disabled_when_nothing_matches', async () => {
  const page = await app.open('?q=gyspm+zzzz');
  await page.locator('.empty').waitFor();
  assert.ok(await page.getByRole('button', { name: /as CSV$/ }).isDisabled());
  assert.ok(await page.getByRole('button', { name: /facts shown as JSON$/ }).isDisabled());
  assert.ok(await page.getByRole('button', { name: /whole dataset/i }).isEnabled());
});

test('cite_shows_a_full_citation_and_copies_it', async () => {
  const page = await app.open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  const f = DATASET.facts[0];
  const source = DATASET.sources.find((s) => s.id === f.source);
  const cite = await cardControl(page, f.id, 'button', { name: `Cite “${f.title}”` });
  assert.equal(await cite.getAttribute('aria-expanded'), 'false');
  await cite.click();
  assert.equal(await cite.getAttribute('aria-expanded'), 'true');
  const text = (await card(page, f.id).locator('.cite__text').textContent()).trim();
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }));
  assert.ok(text.startsWith(`“${f.title}.” factdeck: ${DATASET.title}. Source: ${source.publisher}, “${source.title}”`), text);
  assert.ok(text.includes(`Fact ${f.id}, accessed ${today}.`), text);
  assert.ok(text.endsWith(app.url(`?fact=${f.id}`)), text);
  const copy = card(page, f.id).getByRole('button', { name: 'Copy citation' });
  await copy.click();
  await card(page, f.id).getByRole('button', { name: 'Citation copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  await cite.click();
  assert.equal(await card(page, f.id).locator('.cite').count(), 0);
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [name, url, options] of [
  ['downloads_disabled', '?q=gyspm+zzzz', {}],
  ['citation_open', '', { cite: true }],
  ['citation_open_dark', '', { cite: true, dark: true }],
  ['citation_open_320px', '', { cite: true, viewport: { width: 320, height: 800 } }],
]) {
  test(`axe_finds_no_wcag_violations_with_${name}`, async () => {
    const page = await app.open(url, { viewport: options.viewport });
    if (options.dark) await page.emulateMedia({ colorScheme: 'dark' });
    if (options.cite) {
      const id = DATASET.facts[0].id;
      await (await cardControl(page, id, 'button', { name: /^Cite/ })).click();
      await card(page, id).getByRole('button', { name: 'Copy citation' }).waitFor();
    }
    assert.deepEqual(await violations(page), []);
  });
}
