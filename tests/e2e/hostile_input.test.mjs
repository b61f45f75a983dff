// Hostile input stays inert: a dataset whose every text field carries markup (stored XSS),
// links crafted to inject markup through the view (reflected XSS), undecodable
// percent-encoding and a 100 KB link. Each page must show the markup as literal text, run
// none of it (no dialog, no injected element or handler, no page error, no CSP violation:
// `useApp` fails the test on any of those) and keep working.
//
// malformed_urls.test.mjs checks what such URLs *mean* (which view they open, the caps);
// this file checks that nothing in them *runs*.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  ROOT,
  TOTAL,
  card,
  cardControl,
  checkbox,
  search,
  statusText,
  typeQuery,
  waitForApp,
  waitForCardSet,
  waitForCount,
  useApp,
  viewSnapshot,
} from './helpers.mjs';

const FIXTURES = path.join(ROOT, 'tests/fixtures/hostile');
const fixture = (name) => readFileSync(path.join(FIXTURES, name), 'utf8');
const HOSTILE = JSON.parse(fixture('stored-xss.json'));
const UNICODE = JSON.parse(fixture('unicode.json'));
const MINIMAL = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/valid-minimal.json'), 'utf8'));

const BIG_DESCRIPTION = '<img src=x onerror=alert(1)> '.repeat(35_000).trim();

/** Files that are not datasets at all, or push the parser to its limits. */
const GARBAGE_FILES = {
  'empty.json': '',
  'deep.json': '['.repeat(200_000),
  'deep-object.json': '{"title":'.repeat(50_000),
  'binary.json': Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
  'lone-surrogate.json': JSON.stringify(MINIMAL).replace('"Fixture"', '"\\ud800 <img src=x onerror=alert(1)>"'),
  'huge-number.json': JSON.stringify(MINIMAL).replace('"value":255', '"value":1e999'),
  'null.json': 'null',
  'array.json': '[]',
  'string.json': '"</script><script>alert(1)</script>"',
  'html.json': '<!doctype html><script>alert(1)</script>',
};

const app = useApp({
  files: {
    'hostile/stored-xss.json': fixture('stored-xss.json'),
    'hostile/javascript-url.json': fixture('javascript-url.json'),
    'hostile/unicode.json': fixture('unicode.json'),
    ...Object.fromEntries(Object.entries(GARBAGE_FILES).map(([name, body]) => [`garbage/${name}`, body])),
    // Odd but valid: a byte-order mark (dropped by the browser's UTF-8 decoding) and a 1 MB
    // description made of markup.
    'garbage/bom.json': `\uFEFF${JSON.stringify(MINIMAL)}`,
    'garbage/one-megabyte.json': JSON.stringify({ ...MINIMAL, description: BIG_DESCRIPTION }),
  },
});

/** What a clean load of the built-in page looks like (scripts, head): see `reference`. */
let clean = null;

/** Everything an injection would leave behind, as plain data for a readable diff. */
function inspect() {
  const elements = [...document.querySelectorAll('*')];
  const describe = (el) => el.outerHTML.slice(0, 120);
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'];
  return {
    ran: window.__xss ?? null,
    handlers: elements.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map(describe),
    scripts: [...document.scripts].map((s) => `${s.type}|${s.src}|${s.text.length}`),
    bodyScripts: document.body.querySelectorAll('script').length,
    // Less what the page's opening script asks for early on a ?data= page: the app files
    // its own inline scripts name, and the dataset's manifest (scripts/defer-hook.mjs).
    head: [...document.head.children]
      .filter((el) => {
        if (el.tagName !== 'LINK' || !['preload', 'modulepreload'].includes(el.rel)) return true;
        const href = el.getAttribute('href');
        const own = [...document.scripts].some((s) => !s.src && s.text.includes(JSON.stringify(href)));
        return !(own || href === `${new URLSearchParams(location.search).get('data')}manifest.bin`);
      })
      .map((el) => el.tagName),
    injected: [...document.querySelectorAll('img, svg, iframe, object, embed, frame, base, form, math, template, video, audio')]
      // The app's own inline icons (if any) are SVGs without handlers; anything else is foreign.
      .filter((el) => !(el.tagName === 'svg' && el.closest('#app') && !el.querySelector('script, foreignObject')))
      .map(describe),
    scriptUrls: elements.flatMap((el) =>
      urlAttrs
        .map((name) => el.getAttribute(name))
        .filter((v) => v != null && /^\s*(javascript|data|vbscript):/i.test(v))
        .map((v) => `${el.tagName}: ${v}`),
    ),
  };
}

/** Asserts that the page shows no trace of executed or injected markup. */
async function assertInert(page, what) {
  const clean = await reference();
  const seen = await page.evaluate(inspect);
  assert.deepEqual(
    seen,
    { ran: null, handlers: [], scripts: clean.scripts, bodyScripts: 0, head: clean.head, injected: [], scriptUrls: [] },
    `${what}: markup ran or was injected`,
  );
}

/**
 * Loads `link` (relative to the app) in `page` as a fresh document, even when it differs from
 * the current URL only by its fragment, and waits for the app.
 */
async function visit(page, link) {
  await page.goto('about:blank');
  await page.goto(app.url(link));
  await waitForApp(page);
}

/** Polls a condition of the test process (not the page) until it holds. */
async function waitUntil(condition, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The app still does its job after hostile input: a typed search finds its facts. */
async function assertStillSearches(page) {
  await assertStillSearchesIn(page, 'silk', 2, TOTAL);
}

async function assertStillSearchesIn(page, query, n, total) {
  await search(page).fill('');
  await typeQuery(page, query);
  await waitForCount(page, n, { total });
}

/** Loads the built-in page once, cleanly, as the reference for `assertInert`. */
async function reference() {
  if (clean) return clean;
  const page = await app.open();
  const seen = await page.evaluate(inspect);
  // The reference itself must be clean, or every comparison with it would be meaningless.
  assert.deepEqual(
    { ...seen, scripts: [], head: [] },
    { ran: null, handlers: [], scripts: [], bodyScripts: 0, head: [], injected: [], scriptUrls: [] },
  );
  assert.ok(seen.scripts.length > 0 && seen.head.includes('META'));
  clean = seen;
  return clean;
}

test('the_inertness_checks_catch_injected_markup', async () => {
  // The checks below would pass vacuously if they could not see an injection: make one on
  // purpose. An <img> without src still fires `error`; the CSP must block its handler and
  // report it, and `inspect` must find the element and its handler.
  app.allow(/CSP violation: script-src-attr|Executing inline event handler violates/);
  const page = await app.open();
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__xss = 1');
    document.querySelector('article.card h3').append(img);
  });
  await assert.rejects(assertInert(page, 'injected on purpose'), (err) => {
    assert.match(err.message, /handlers[\s\S]*onerror/);
    return true;
  });
  await waitUntil(() => app.problems.some((p) => p.startsWith('CSP violation: script-src-attr')), 'the CSP to report the blocked handler');
  assert.equal(await page.evaluate(() => window.__xss ?? null), null, 'the CSP blocked the handler');
});

// ---------------------------------------------------------------------------------------
// Stored XSS: a valid dataset full of markup, loaded with ?data=

const STORED = '?data=hostile/stored-xss.json';
const fact = (id) => HOSTILE.facts.find((f) => f.id === id);
const squash = (s) => s.replace(/\s+/g, ' ').trim();

test('a_dataset_full_of_markup_renders_it_as_literal_text', async () => {
  const page = await app.open(STORED);
  await waitForCount(page, 3, { total: 3 });
  await assertInert(page, 'stored dataset');

  assert.equal(await page.locator('h1').textContent(), HOSTILE.title);
  assert.equal(await page.locator('.site-header__desc').textContent(), HOSTILE.description);
  for (const f of HOSTILE.facts) {
    const c = card(page, f.id);
    assert.equal(await c.locator('h3').textContent(), f.title, `${f.id}: title`);
    assert.equal(squash(await c.locator('.card__summary').textContent()), squash(f.summary), `${f.id}: summary`);
    assert.equal(squash(await c.locator('blockquote').textContent()), squash(f.quote), `${f.id}: quote`);
  }
  assert.ok((await card(page, 'img-title').locator('h3').textContent()).includes('<img src=x onerror='));
  // Sector labels: as tags on the cards and as the names of their checkboxes.
  for (const s of HOSTILE.sectors) {
    assert.equal(await checkbox(page, s.label).count(), 1, `checkbox named ${s.label}`);
  }
  assert.deepEqual(
    await card(page, 'img-title').locator('.tags .tag').allTextContents(),
    ['trade', 'energy'].map((id) => HOSTILE.sectors.find((s) => s.id === id).label),
  );
  // Source links keep their odd URLs as attribute values; the publisher is the link text.
  const links = await page.locator('.quote__cite a:not(.quote__context)').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.deepEqual(
    [...new Set(links.map(JSON.stringify))].map((l) => JSON.parse(l)),
    HOSTILE.sources.map((s) => [s.url, s.publisher]),
  );
});

test('opening_a_hostile_card_shows_its_details_as_text', async () => {
  const page = await app.open(`${STORED}&fact=img-title`);
  const details = card(page, 'img-title').locator('.details');
  await details.waitFor();
  const text = await details.textContent();
  const f = fact('img-title');
  for (const literal of [...f.countries, f.attribution, f.derived[0].label, f.derived[0].method, HOSTILE.sources[0].title, HOSTILE.sources[0].note]) {
    assert.ok(text.includes(literal), `details show ${literal}`);
  }
  await assertInert(page, 'open card');

  await (await cardControl(page, 'script-title', 'button', { name: 'Details' })).click();
  const agreement = await card(page, 'script-title').locator('.details').textContent();
  for (const p of fact('script-title').parties) assert.ok(agreement.includes(p), `parties show ${p}`);
  assert.ok((await card(page, 'script-title').locator('.card__date').textContent()).includes(fact('script-title').date.phrase));
  await assertInert(page, 'second open card');
});

test('searching_and_filtering_a_hostile_dataset_keeps_the_markup_inert', async () => {
  const page = await app.open(STORED);
  await waitForCount(page, 3, { total: 3 });
  // Highlighting splits titles into marked pieces; the pieces must still be text.
  await typeQuery(page, 'onerror');
  await waitForCardSet(page, ['img-title', 'script-title']);
  assert.ok(await card(page, 'img-title').locator('mark').count() > 0, 'the match is highlighted');
  assert.equal(await card(page, 'img-title').locator('h3').textContent(), fact('img-title').title);
  await assertInert(page, 'highlighted search');

  await search(page).fill('');
  await waitForCount(page, 3, { total: 3 });
  await checkbox(page, HOSTILE.sectors[2].label).check();
  await waitForCardSet(page, ['svg-title']);
  // The active filter chip repeats the label, as text.
  await page.getByRole('button', { name: `Remove sector ${HOSTILE.sectors[2].label}`, exact: true }).waitFor();
  await assertInert(page, 'filtered by a hostile sector');

  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  await typeQuery(page, 'ports');
  await waitForCardSet(page, ['svg-title']);
  assert.equal(await statusText(page), '1 of 3 facts');
});

test('a_dataset_with_javascript_links_is_rejected_and_its_errors_are_text', async () => {
  const page = await app.open('?data=hostile/javascript-url.json', { waitForApp: false });
  const alert = page.getByRole('alert');
  await alert.getByText('The dataset could not be loaded').waitFor();
  const text = await alert.textContent();
  assert.match(text, /"javascript:alert\(8\)" is not an http\(s\) address/);
  assert.match(text, /"JaVaScRiPt:window.__xss='url'" is not an http\(s\) address/);
  // Messages quote the bad values back, markup and all, as text.
  assert.ok(text.includes('<script>alert(9)</script>'), 'the unknown sector is quoted');
  assert.ok(text.includes('<img src=x onerror='), 'the unknown kind is quoted');
  await assertInert(page, 'dataset errors');
  await alert.getByRole('link', { name: 'Open the built-in dataset' }).click();
  await waitForApp(page);
  await assertStillSearches(page);
});

test('long_unicode_texts_are_cut_and_highlighted_between_characters', async () => {
  // Excerpts and highlights work on byte offsets: next to multi-byte, combining, zero-width
  // and case-changing characters a wrong cut would panic the app (a page error) or mangle text.
  const page = await app.open('?data=hostile/unicode.json');
  await waitForCount(page, 2, { total: 2 });
  const f = UNICODE.facts[0];
  assert.equal(await card(page, f.id).locator('h3').textContent(), f.title);
  for (const word of ['gence', 'izmir', 'ozbek', 'istanbul']) {
    await search(page).fill(word);
    await waitForCardSet(page, [f.id]);
    const summary = await card(page, f.id).locator('.card__summary').textContent();
    assert.ok(!summary.includes('\uFFFD'), `${word}: no broken character in ${summary}`);
    const shown = summary.replace(/^… /, '').replace(/ …$/, '');
    assert.ok(f.summary.includes(shown), `${word}: the excerpt is a piece of the summary`);
    assert.ok((await card(page, f.id).locator('.card__summary mark').count()) > 0, `${word}: highlighted`);
  }
  await search(page).fill('');
  await card(page, 'big-numbers').waitFor();
  assert.match(await card(page, 'big-numbers').locator('.card__figure-value').textContent(), /\d/);
  await (await cardControl(page, 'big-numbers', 'button', { name: 'Details' })).click();
  await card(page, 'big-numbers').locator('.derived').waitFor();
  await assertInert(page, 'unicode dataset');
});

test('garbage_dataset_files_are_refused_with_a_message_and_odd_valid_ones_load', async () => {
  const page = await app.open();
  for (const name of Object.keys(GARBAGE_FILES)) {
    await page.goto('about:blank');
    await page.goto(app.url(`?data=garbage/${name}`));
    const alert = page.getByRole('alert');
    await alert
      .getByText('The dataset could not be loaded')
      .waitFor()
      .catch(async (err) => {
        throw new Error(`${name}: no error list; the page shows ${JSON.stringify(await viewSnapshot(page))}; ${app.problems}\n${err.message}`);
      });
    assert.match(await alert.textContent(), new RegExp(`garbage/${name.replace('.', '\\.')}`), `${name}: the error names the file`);
    await assertInert(page, name);
  }
  await page.getByRole('link', { name: 'Open the built-in dataset' }).click();
  await waitForApp(page);
  await assertStillSearches(page);
  await visit(page, '?data=garbage/bom.json');
  await waitForCount(page, MINIMAL.facts.length, { total: MINIMAL.facts.length });
  await visit(page, '?data=garbage/one-megabyte.json');
  await waitForCount(page, MINIMAL.facts.length, { total: MINIMAL.facts.length });
  assert.equal(await page.locator('.site-header__desc').textContent(), BIG_DESCRIPTION);
  await assertInert(page, '1 MB description');
  await assertStillSearchesIn(page, 'treaty', 1, MINIMAL.facts.length);
});

// ---------------------------------------------------------------------------------------
// Reflected XSS: markup in every part of the link

const MARKUP_LINKS = [
  // [link, what the search box must hold afterwards]
  ['?q=<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ['?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', '<img src=x onerror=alert(1)>'],
  ['?q=</script><script>alert(2)</script>', '</script><script>alert(2)</script>'],
  ['?q="><svg onload=alert(3)>', '"><svg onload=alert(3)>'],
  ['?q=javascript:alert(4)', 'javascript:alert(4)'],
  ['?fact="><svg onload=alert(5)>', ''],
  ['?fact=silk-road<script>alert(6)</script>', ''],
  ['?sector=<script>alert(7)</script>', ''],
  ['?sector=energy"><img src=x onerror=alert(8)>', ''],
  ['?kind=<img src=x onerror=alert(9)>', ''],
  ['?data=javascript:alert(10)', ''],
  ['?data=javascript:alert(11)//x.json', ''],
  ['?data=//evil.example/x.json', ''],
  ['?data=%2F%2Fevil.example%2Fx.json', ''],
  ['?data=https://evil.example/x.json', ''],
  [`?data=${encodeURIComponent('data:application/json,{"title":"<img src=x onerror=alert(12)>"}')}`, ''],
  ['?data=data:application/json;x=.json', ''],
  ['?data=hostile/<img src=x onerror=alert(13)>.json', ''],
  ['#<img src=x onerror=alert(14)>', ''],
  ['?q=trade#"><svg onload=alert(15)>', 'trade'],
  ['#fact-"><svg onload=alert(16)>', ''],
  ['#javascript:alert(17)', ''],
  ['?q=<script>alert(18)</script>#</script><script>alert(19)</script>', '<script>alert(18)</script>'],
];

test('markup_in_any_part_of_the_link_is_never_run', async () => {
  const from = app.server.requests.length;
  const page = await app.open();
  for (const [link, query] of MARKUP_LINKS) {
    await visit(page, link);
    assert.equal(await search(page).inputValue(), query, `${link}: the search box holds the literal text`);
    await assertInert(page, link);
    if (query.includes('<')) {
      // Shown where the query is echoed: the search chip and the empty state.
      await page.getByRole('button', { name: `Remove search “${query}”`, exact: true }).waitFor();
    }
    // Only the built-in dataset is shown: nothing was fetched from the link.
    assert.ok(/^\d+( of \d+)? facts$/.test(await statusText(page)), `${link}: the built-in explorer is shown`);
  }
  const fetched = app.server.requests.slice(from).filter((p) => p.endsWith('.json') || p.includes('evil'));
  assert.deepEqual(fetched, [], 'no dataset was requested');
  // And after all of that, the page still works.
  await assertStillSearches(page);
  await assertInert(page, 'after typing');
});

// ---------------------------------------------------------------------------------------
// Percent-encoding garbage

/** What a browser's own URL parser makes of `q` (the app must agree, capped at 200). */
const decodedQuery = (qs) => [...(new URLSearchParams(qs).get('q') ?? '')].slice(0, 200).join('');

const GARBAGE = [
  '?q=%',
  '?q=%%%25%',
  '?q=%E0%A4%A',
  '?q=%E0%A4%A4%E0%A4',
  '?q=trade%00',
  '?q=%00%01%1F%7F',
  '?q=%C0%BCscript%C0%BE', // overlong "<" and ">"
  '?q=%E0%80%BCimg%E0%80%BE', // three-byte overlong "<" and ">"
  '?q=%F8%80%80%80%BC', // five-byte form, never valid
  '?q=%ED%A0%80', // lone high surrogate
  '?q=%ED%BF%BF%ED%A0%80silk', // lone low + high surrogates
  '?q=%FF%FE%EF%BF%BF',
  '?q=%F4%90%80%80', // above U+10FFFF
  '?q=%2',
  '?q=+%2B+',
  '?%',
  '?&&&==&q',
  '?q=%E0%A4%A&sector=%E0%A4%A&kind=%00&fact=%ED%A0%80&data=%C0%AE%C0%AE/x.json',
  '?sector=%C0%AE%C0%AE&sector=trade%00',
  '?q=%u003Cimg%20src%3Dx%20onerror%3Dalert(1)%u003E',
];

test('undecodable_percent_encoding_renders_the_full_explorer', async () => {
  const page = await app.open();
  for (const link of GARBAGE) {
    await visit(page, link);
    const expected = decodedQuery(link.slice(1));
    assert.equal(await search(page).inputValue(), expected.replace(/[\r\n]/g, ''), `${link}: search box`);
    assert.equal(await page.locator('input[type=checkbox]:checked').count(), 0, `${link}: nothing ticked`);
    assert.equal(await page.locator('article.card--open').count(), 0, `${link}: no card opened`);
    assert.match(await statusText(page), new RegExp(`^(\\d+ of )?${TOTAL} facts$`), `${link}: count`);
    await assertInert(page, link);
  }
  await assertStillSearches(page);
});

// ---------------------------------------------------------------------------------------
// A 100 KB link made of all of the above

test('a_100_kb_link_of_markup_and_garbage_renders_inertly_and_works', async () => {
  const chunk =
    `q=${encodeURIComponent('<img src=x onerror=alert(1)>')}&sector=<script>alert(2)</script>` +
    '&fact="><svg onload=alert(3)>&data=javascript:alert(4)&%ED%A0%80=%E0%A4%A&kind=%00&';
  const link = `?${chunk.repeat(Math.ceil(100_000 / chunk.length))}#${'<img src=x onerror=alert(5)>'.repeat(100)}`;
  assert.ok(link.length > 100_000);
  const page = await app.open(link);
  assert.ok(
    app.requests.some((u) => u.length > 100_000),
    'the browser really requested the 100 KB URL',
  );
  assert.equal(await search(page).inputValue(), '<img src=x onerror=alert(1)>');
  await page.getByText('No facts match this view.').waitFor();
  await assertInert(page, '100 KB link');
  await assertStillSearches(page);
  await assertInert(page, '100 KB link, after typing');
});
