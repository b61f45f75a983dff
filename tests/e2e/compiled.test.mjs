// A compiled dataset (`scripts/compile`, opened with `?data=DIR/`) answers exactly as the
// same facts do in memory: the built-in dataset's embedded page, and a 3,000-fact synthetic
// dataset opened as JSON. It fetches only what a view needs, says which file is broken or
// missing instead of answering from part of it, and works offline after first use.
//
// The compiled directories are made by scripts/test before this suite runs
// (target/e2e/: builtin/, synth-3k/ and synth-3k.json).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { ROOT, TOTAL, card, cardIds, checkbox, search, typeQuery, useApp, viewSnapshot, waitForState } from './helpers.mjs';

const E2E = path.join(ROOT, 'target/e2e');

/** The files of compiled directory `dir` (under target/e2e), as `prefix` + name → bytes. */
function compiledFiles(dir, prefix, change = (name, bytes) => bytes) {
  const from = path.join(E2E, dir);
  if (!existsSync(path.join(from, 'manifest.bin'))) {
    throw new Error(`${path.relative(ROOT, from)}/manifest.bin is missing: scripts/test compiles it before the browser tests`);
  }
  const files = {};
  for (const name of readdirSync(from)) {
    const bytes = change(name, readFileSync(path.join(from, name)));
    if (bytes) files[`${prefix}${name}`] = bytes;
  }
  return files;
}

/** `bytes` with one byte in its middle changed: the checksum no longer matches. */
function corrupt(bytes) {
  const copy = Buffer.from(bytes);
  copy[copy.length >> 1] ^= 0x5a;
  return copy;
}

const isShard = (name) => name.startsWith('post-');
const isChunk = (name) => name.startsWith('facts-');

const app = useApp({
  files: {
    ...compiledFiles('builtin', 'c/builtin/'),
    ...compiledFiles('synth-3k', 'c/synth/'),
    'c/synth-3k.json': readFileSync(path.join(E2E, 'synth-3k.json')),
    ...compiledFiles('synth-3k', 'c/bad-shards/', (name, b) => (isShard(name) ? corrupt(b) : b)),
    ...compiledFiles('synth-3k', 'c/no-shards/', (name, b) => (isShard(name) ? null : b)),
    ...compiledFiles('synth-3k', 'c/bad-chunks/', (name, b) => (isChunk(name) ? corrupt(b) : b)),
    ...compiledFiles('synth-3k', 'c/bad-table/', (name, b) => (name === 'docs.bin' ? corrupt(b) : b)),
  },
});

/**
 * Waits until the view has answered (nothing busy, a count shown) and has not changed for a
 * frame, and reads what it shows, in the same evaluation that finds it so: a read made
 * afterwards could catch the start of the next fetch. The quiet frame matters because Yew
 * may finish a render in a later task: the count can be drawn before the list below it.
 */
async function answered(page) {
  const settled = () => {
    // Counts the DOM's changes since the first poll (polls run once a frame).
    if (!window.__answerWatch) {
      const watch = { changes: 0, seen: -1 };
      new MutationObserver((records) => (watch.changes += records.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      window.__answerWatch = watch;
    }
    const watch = window.__answerWatch;
    const quiet = watch.seen === watch.changes;
    watch.seen = watch.changes;
    const status = document.querySelector('#result-count')?.textContent ?? '';
    if (!quiet || document.querySelector('[aria-busy]') || !/\d+ (of \d+ )?facts/.test(status) || document.querySelector('.js-notice')) return null;
    return {
      status: status.trim(),
      ids: [...document.querySelectorAll('article.card')].map((a) => a.id),
      counts: Object.fromEntries([...document.querySelectorAll('.facets [id$="-count"]')].map((e) => [e.id, e.textContent.trim()])),
      empty: document.querySelector('.empty')?.textContent.trim() ?? null,
      rows: [...document.querySelectorAll('.results-table tbody tr')].map((r) => r.textContent.trim()),
      timeline: [...document.querySelectorAll('.timeline__entry')].map((e) => e.textContent.trim()),
    };
  };
  try {
    return await (await page.waitForFunction(settled, undefined, { timeout: 15_000 })).jsonValue();
  } catch (err) {
    throw new Error(`timed out waiting for the view to answer; it shows ${JSON.stringify(await viewSnapshot(page).catch(() => null))}\n${err.message}`);
  }
}

/** What the page at `rel` shows once it has answered. */
async function show(rel) {
  const page = await app.open(rel, { waitForApp: false });
  return { page, seen: await answered(page) };
}

/** The site files the page asked for since `from`, as paths under the served root. */
function fetchedSince(from) {
  return app.requests.slice(from).map((r) => new URL(r)).map((u) => u.pathname + u.search);
}

const BUILTIN_VIEWS = ['', '?q=trade', '?q=tashkant', '?q=gənc', '?sector=energy', '?q=railway&kind=project', '?sort=newest', '?q=zzzz', '?view=table&q=billion', '?view=timeline&sector=transport'];

test('the_built_in_dataset_compiled_answers_every_view_as_the_embedded_page_does', async () => {
  for (const view of BUILTIN_VIEWS) {
    const { seen: embedded } = await show(view || '?');
    const sep = view ? '&' : '?';
    const { seen: compiled } = await show(`${view}${sep}data=c/builtin/`);
    assert.deepEqual(compiled, embedded, `view ${view || '(default)'}`);
  }
  const { seen } = await show('?data=c/builtin/');
  assert.equal(seen.status, `${TOTAL} facts`);
});

const SYNTH_VIEWS = [
  '',
  '?q=baku',
  '?q=samarqand+rail',
  '?q=gence',
  '?q=Gəncə',
  '?q=toshkent+agrement',
  '?q=solar&sector=energy',
  '?kind=agreement&sector=trade&sector=transport',
  '?q=pipe&sort=-title',
  '?sort=figure',
  '?q=tashkentt+investmnt',
  '?q=qqqqq',
  '?view=table&q=forum',
  '?view=timeline&q=memorandum+baku',
  '?view=timeline',
  '?view=timeline&sector=energy&kind=agreement',
];

test('a_compiled_dataset_answers_as_the_same_facts_opened_as_json', async () => {
  for (const view of SYNTH_VIEWS) {
    const sep = view ? '&' : '?';
    const { seen: json } = await show(`${view}${sep}data=c/synth-3k.json`);
    const { seen: compiled } = await show(`${view}${sep}data=c/synth/`);
    assert.deepEqual(compiled, json, `view ${view || '(default)'}`);
    assert.match(compiled.status, /^\d+ (of \d+ )?facts\b/);
  }
});

test('typing_fetches_only_the_shards_the_words_need_and_the_counts_follow', async () => {
  const from = app.requests.length;
  const { page, seen } = await show('?data=c/synth/');
  assert.equal(seen.status, '3000 facts');
  const opened = fetchedSince(from).filter((p) => p.startsWith('/c/synth/'));
  // The page's first script asks for the manifest before the app runs; the app reads that.
  assert.deepEqual(opened.filter((p) => p.startsWith('/c/synth/manifest.bin')), ['/c/synth/manifest.bin'], 'the manifest, once');
  assert.ok(opened.some((p) => p.startsWith('/c/synth/terms.bin?v=')), `the dictionary: ${opened}`);
  assert.ok(!opened.some((p) => p.includes('/post-')), `no postings before a search: ${opened}`);
  // The first two keystrokes of a word each read one opening file, and no postings.
  for (const [typed, q, file] of [['b', 'b', 'open-0062.bin'], ['a', 'ba', 'open-0062-0061.bin']]) {
    const from = app.requests.length;
    await (q.length === 1 ? typeQuery(page, typed) : page.keyboard.type(typed));
    await page.waitForURL((u) => u.searchParams.get('q') === q);
    await answered(page);
    const got = fetchedSince(from).filter((p) => p.startsWith('/c/synth/'));
    assert.ok(got.some((p) => p.startsWith(`/c/synth/${file}?v=`)), `"${q}" reads ${file}: ${got}`);
    assert.ok(!got.some((p) => p.includes('/post-')), `and no postings: ${got}`);
  }
  const before = app.requests.length;
  await page.keyboard.type('ku');
  await page.waitForURL((u) => u.searchParams.get('q') === 'baku');
  const typed = await answered(page);
  const fetched = fetchedSince(before).filter((p) => p.includes('/post-'));
  const all = readdirSync(path.join(E2E, 'synth-3k')).filter(isShard);
  assert.ok(fetched.length >= 1 && fetched.length < all.length, `some shards, not all ${all.length}: ${fetched}`);
  const { seen: json } = await show('?q=baku&data=c/synth-3k.json');
  assert.deepEqual(typed, json, 'typed into the compiled page, the same view as the JSON one');
});

test('the_first_files_are_asked_for_before_the_app_starts_and_fetched_once', async () => {
  const page = await app.open('', { waitForApp: false });
  // The app's wasm is held back: whatever is asked for meanwhile, the page's first script asked for.
  let release;
  const held = new Promise((go) => (release = go));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const from = app.requests.length;
  const firstChunk = page.waitForRequest((r) => r.url().includes('/c/synth/facts-0003.bin?v='));
  await page.goto(app.url('?data=c/synth/'));
  await firstChunk;
  release();
  const seen = await answered(page);
  assert.equal(seen.status, '3000 facts');
  const got = fetchedSince(from).filter((p) => p.startsWith('/c/synth/'));
  const once = ['manifest.bin', 'terms.bin', 'docs.bin', 'facts-0000.bin', 'facts-0001.bin', 'facts-0002.bin', 'facts-0003.bin'];
  for (const file of once) {
    assert.equal(got.filter((p) => p.replace(/\?v=[0-9a-f]{8}$/, '') === `/c/synth/${file}`).length, 1, `${file}, once: ${got}`);
  }
  assert.deepEqual(got.filter((p) => !once.some((f) => p.startsWith(`/c/synth/${f}`))), [], 'and nothing else before a search');
});

test('the_first_view_shows_before_the_dictionary_and_table_and_a_search_waits_for_them', async () => {
  const page = await app.open('about:blank', { waitForApp: false });
  let release;
  const held = new Promise((go) => (release = go));
  await page.route(/\/c\/synth\/(terms|docs)\.bin/, async (route) => {
    await held;
    await route.continue();
  });
  const from = app.requests.length;
  const icon = await iconAskedFor(page);
  await page.goto(app.url('?data=c/synth/'));
  const first = await answered(page);
  // The icon waits for the app to answer typing: read while it starts, it held the first cards back.
  assert.deepEqual(await iconLinks(page), ['data:,'], 'no icon while the index is out');
  assert.deepEqual(fetchedSince(from).filter((p) => p.includes('favicon')), [], 'nor asked for');
  const { seen: json } = await show('?data=c/synth-3k.json');
  assert.deepEqual(first, json, 'the first view, with neither file in');
  await typeQuery(page, 'baku');
  await page.waitForURL((u) => u.searchParams.get('q') === 'baku');
  await waitForState(page, () => document.querySelector('[aria-busy="true"]'), undefined, 'the search busy while they are held');
  release();
  const { seen: baku } = await show('?q=baku&data=c/synth-3k.json');
  assert.deepEqual(await answered(page), baku, 'then the search answers as the JSON page does');
  await icon();
});

test('the_first_view_draws_a_screenful_of_cards_busy_then_the_whole_page', async () => {
  // What the list held when a card of the dataset first appeared (the page's prerendered
  // cards, of the built-in dataset, are hidden and do not count), and whether it was busy.
  const firstCards = () => {
    const watch = new MutationObserver(() => {
      const list = document.querySelector('.cards');
      if (!list?.querySelector('article') || document.querySelector('#result-count')?.textContent.trim() !== '3000 facts') return;
      watch.disconnect();
      window.__firstCards = { cards: list.querySelectorAll('article').length, busy: list.getAttribute('aria-busy') };
    });
    watch.observe(document, { subtree: true, childList: true });
  };
  const sizes = [
    [{ width: 1280, height: 900 }, 6],
    [{ width: 390, height: 844 }, 2],
  ];
  const { seen: json } = await show('?data=c/synth-3k.json');
  assert.equal(json.status, '3000 facts');
  assert.equal(json.ids.length, 20, 'a page of cards');
  for (const [viewport, screenful] of sizes) {
    const page = await app.open('?data=c/synth/', { waitForApp: false, viewport, initScript: firstCards });
    const seen = await answered(page);
    assert.deepEqual(await page.evaluate(() => window.__firstCards), { cards: screenful, busy: 'true' }, `first at ${viewport.width}px`);
    assert.deepEqual(seen, json, `then the page the JSON path shows, at ${viewport.width}px`);
  }
});

/** The page's icon links and what they point at. */
const iconLinks = (page) => page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));

/** Returns a check that waits until `page` (opened blank: no icon of its own) asks for its
 * icon, and then finds its link pointing at it. */
async function iconAskedFor(page) {
  const asked = page.waitForRequest((r) => /\/favicon-[0-9a-f]+\.svg$/.test(r.url()), { timeout: 15_000 });
  return async () => {
    const request = await asked;
    assert.deepEqual(await iconLinks(page), [new URL(request.url()).pathname], 'the icon back');
  };
}

test('a_corrupted_table_is_an_error_naming_it_on_the_first_view_too', async () => {
  app.allow(/docs\.bin/);
  const page = await app.open('about:blank', { waitForApp: false });
  const icon = await iconAskedFor(page);
  await page.goto(app.url('?data=c/bad-table/'));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /docs\.bin: corrupt, truncated or from another compile: its checksum does not match the manifest/);
  assert.equal(await page.locator('article.card').count(), 0, 'no cards beside the error');
  assert.equal((await page.locator('#result-count').textContent()).trim(), 'The dataset could not be read');
  await icon();
});

test('the_timeline_of_all_3000_facts_reads_one_file_and_the_facts_of_the_entries_it_shows', async () => {
  const from = app.requests.length;
  const { page, seen } = await show('?view=timeline&data=c/synth/');
  assert.equal(seen.timeline.length, 100, 'the first 100 entries');
  assert.match(seen.status, /^3000 facts, \d+ on the timeline$/);
  const got = fetchedSince(from).filter((p) => p.startsWith('/c/synth/'));
  assert.equal(got.filter((p) => p.startsWith('/c/synth/timeline.bin?v=')).length, 1, `the timeline file, once: ${got}`);
  const chunks = got.filter((p) => p.includes('/facts-'));
  assert.equal(new Set(chunks).size, chunks.length, `no chunk twice: ${chunks}`);
  assert.ok(chunks.length <= 100 + 4, `the chunks of 100 entries (and of the first page of cards): ${chunks.length}`);
  // The next hundred fetch their facts and show below the first.
  const more = async (page) => {
    await page.getByRole('button', { name: /^Show 100 more of \d+$/ }).click();
    await waitForState(page, () => document.querySelectorAll('.timeline__entry').length === 200, undefined, '200 entries');
    return answered(page);
  };
  const compiled = await more(page);
  assert.deepEqual(compiled.timeline.slice(0, 100), seen.timeline);
  const { page: json } = await show('?view=timeline&data=c/synth-3k.json');
  assert.deepEqual(compiled, await more(json), 'the same 200 entries as the JSON page');
});

test('the_timeline_shows_its_first_entries_before_it_asks_for_the_facts_of_the_last', async () => {
  // How many entries were on screen as each chunk was asked for.
  const page = await app.open('about:blank', { waitForApp: false });
  const onScreen = [];
  await page.route(/\/c\/synth\/facts-\d+\.bin/, async (route) => {
    onScreen.push(await page.evaluate(() => document.querySelectorAll('.timeline__entry').length));
    await route.continue();
  });
  await page.goto(app.url('?view=timeline&data=c/synth/'));
  const seen = await answered(page);
  assert.equal(seen.timeline.length, 100, 'the first 100 entries');
  assert.equal(onScreen[0], 0, 'none before the first facts were asked for');
  assert.ok(onScreen.at(-1) >= 20, `a screenful of entries showed before the last facts were asked for: ${onScreen}`);
  const { page: json } = await show('?view=timeline&data=c/synth-3k.json');
  assert.deepEqual(seen, await answered(json), 'the same entries as the JSON page');
});

test('a_permalink_the_source_view_and_cite_work_from_the_chunks', async () => {
  const { seen: json } = await show('?q=baku&data=c/synth-3k.json');
  const id = json.ids[3].replace(/^fact-/, '');
  const { page } = await show(`?fact=${id}&data=c/synth/`);
  await waitForState(page, (id) => document.querySelector(`article#fact-${id}.card--open`), id, 'the open card');
  await card(page, id).getByRole('button', { name: /^Cite/ }).click();
  const citation = (await card(page, id).locator('.cite__text').textContent()).trim();
  assert.match(citation, new RegExp(`Fact ${id}, accessed`));
  const { page: source } = await show(`?view=source&fact=${id}&data=c/synth/`);
  await waitForState(source, () => document.querySelector('#source-current'), undefined, 'the highlighted quote');
  const quote = (await source.locator('#source-current').textContent()).replace('Highlighted quote: ', '').trim();
  const own = await card(page, id).locator('.quote__text').textContent();
  assert.equal(quote.replace(/\s+/g, ' '), own.trim().replace(/\s+/g, ' '), 'the card’s quote, found in its source text');
});

test('downloading_the_view_fetches_its_facts_and_writes_the_same_file_as_the_json_path', async () => {
  const download = async (rel) => {
    const { page } = await show(rel);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /as JSON$/ }).first().click()]);
    return readFileSync(await file.path(), 'utf8');
  };
  const json = await download('?q=samarqand&data=c/synth-3k.json');
  const compiled = await download('?q=samarqand&data=c/synth/');
  assert.equal(compiled, json);
  assert.ok(JSON.parse(compiled).facts.length > 1);
});

test('a_corrupted_shard_is_an_error_naming_it_never_a_wrong_answer', async () => {
  const { page, seen } = await show('?data=c/bad-shards/');
  assert.equal(seen.status, '3000 facts', 'the views that need no shard still answer');
  await typeQuery(page, 'baku');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /post-\d{4}\.bin: corrupt, truncated or from another compile: its checksum does not match the manifest/);
  assert.equal(await page.locator('article.card').count(), 0, 'no cards from part of what the search needs');
  assert.equal((await page.locator('#result-count').textContent()).trim(), 'The dataset could not be read');
  app.allow(/post-\d{4}\.bin/);
});

test('a_missing_shard_is_an_error_naming_it_and_trying_again_asks_again', async () => {
  app.allow(/404|post-\d{4}\.bin/);
  const page = await app.open('?q=baku&data=c/no-shards/', { waitForApp: false });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /post-\d{4}\.bin: could not be fetched \(HTTP 404\)/);
  const before = app.requests.length;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await waitForState(page, () => document.querySelector('[aria-busy]') === null && document.querySelector('[role=alert]'), undefined, 'the error again');
  assert.ok(fetchedSince(before).some((p) => p.includes('/post-')), 'the shard was asked for again');
});

test('a_corrupted_chunk_is_an_error_naming_it', async () => {
  app.allow(/facts-\d{4}\.bin/);
  const { page } = await show('?data=c/bad-chunks/');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /facts-\d{4}\.bin: corrupt, truncated or from another compile: its checksum does not match the manifest/);
  assert.equal(await page.locator('article.card').count(), 0);  // The timeline is ordered from its own file, and says which of its entries it cannot show.
  const { page: timeline } = await show('?view=timeline&data=c/bad-chunks/');
  const said = timeline.getByRole('alert');
  await said.waitFor();
  assert.match(await said.textContent(), /^Some of these entries could not be read: facts-\d{4}\.bin: corrupt, truncated/);
  assert.equal(await timeline.locator('.timeline__entry').count(), 0);
  assert.match(await timeline.locator('.timeline__summary').textContent(), /^\d+ facts in date order/);
});

test('after_first_use_the_same_searches_work_offline', async () => {
  const page = await app.open('?data=c/synth/', { serviceWorkers: 'allow', waitForApp: false });
  await answered(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  // Once the service worker controls the page, what it fetches is kept.
  await page.reload();
  await answered(page);
  await typeQuery(page, 'baku');
  await page.waitForURL((u) => u.searchParams.get('q') === 'baku');
  const online = await answered(page);
  await checkbox(page, 'Energy').check();
  const energy = await answered(page);
  await page.context().setOffline(true);
  await page.reload();
  const offline = await answered(page);
  assert.deepEqual(offline, energy, 'the same search and filter, offline');
  await checkbox(page, 'Energy').uncheck();
  assert.deepEqual(await answered(page), online, 'and the search before it');
  assert.equal(await search(page).inputValue(), 'baku');
  assert.ok((await cardIds(page)).length > 0);
});
