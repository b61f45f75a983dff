// The page is prerendered at build time (prerender/): every card is in the HTML itself, so
// it reads without JavaScript or WebAssembly, and the app takes it over (hydrates it) with
// no blank page, no flash and no layout shift.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  DATASET,
  SUBPATH_DIST,
  TOTAL,
  cardIds,
  cards,
  launchBrowser,
  search,
  statusText,
  useApp,
  waitForCards,
} from './helpers.mjs';

const app = useApp();

/** The no-JavaScript notice, as a reader would find it. */
const notice = (page) => page.locator('.js-notice');

/** Collapses runs of whitespace, as rendered text does. */
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Checks that the static page shows every fact, its quote, the count and the notice. */
async function assertStaticPage(page) {
  assert.equal(await cards(page).count(), TOTAL);
  assert.deepEqual(await cardIds(page), DATASET.facts.map((f) => f.id));
  assert.equal(await statusText(page), `${TOTAL} facts`);
  for (const f of DATASET.facts) {
    const card = page.locator(`article#fact-${f.id}`);
    assert.ok(await card.locator('h3').isVisible(), `${f.id}: title visible`);
    assert.equal(squash(await card.locator('h3').textContent()), squash(f.title));
    const quote = card.locator('blockquote');
    assert.ok(await quote.isVisible(), `${f.id}: quote visible`);
    assert.equal(squash(await quote.textContent()), squash(f.quote), `${f.id}: the whole quote`);
  }
  await notice(page).waitFor({ state: 'visible' });
  assert.match(await notice(page).textContent(), /Search and filters need JavaScript and WebAssembly/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), DATASET.title);
}

test('the_served_html_already_holds_every_card_and_the_count', async () => {
  // Fetched as a crawler or a browser without JavaScript would: no script runs.
  for (const html of [
    await (await fetch(app.url())).text(),
    readFileSync(path.join(SUBPATH_DIST, 'index.html'), 'utf8'),
  ]) {
    assert.equal(html.match(/<article /g)?.length, TOTAL);
    assert.match(html, /<p [^>]*id="result-count"[^>]*>25 facts<\/p>/);
    assert.match(html, /<input [^>]*type="search"/);
    assert.equal(html.match(/type="checkbox"/g)?.length, DATASET.sectors.length + 5);
    for (const f of DATASET.facts) assert.ok(html.includes(`id="fact-${f.id}"`), f.id);
    const ids = [...html.matchAll(/<article id="fact-([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids, DATASET.facts.map((f) => f.id), 'the cards in dataset order, as the app first shows them');
    const text = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const f of DATASET.facts) {
      assert.ok(html.includes(`<a href="?fact=${f.id}">${text(f.title)}</a></h3>`), `${f.id}: its title is in the page as text`);
    }
    assert.match(html, /class="js-notice"/);
    assert.ok(!/\sstyle=/.test(html), 'no inline style (the CSP forbids them)');
  }
});

test('without_javascript_every_card_and_quote_is_readable_with_the_notice', async () => {
  // Chromium refuses the script preloads of a page without JavaScript: expected here.
  app.allow(/^request failed: .*\.m?js \(csp\)$/);
  const page = await app.open('', { javaScriptEnabled: false, waitForApp: false });
  await assertStaticPage(page);
  // Nothing ran: Yew's hydration markers are still in the page.
  assert.equal(await page.locator('#app').evaluate((el) => el.firstChild.nodeType), 8 /* comment */);
});

test('without_webassembly_the_page_shows_the_cards_and_the_notice_never_a_blank_page', async (t) => {
  // A browser in which WebAssembly does not exist. `--js-flags=--noexpose_wasm` no longer
  // does that (Chromium 156 still has `WebAssembly`); a jitless V8 has no WebAssembly.
  const browser = await launchBrowser(['--js-flags=--jitless']);
  t.after(() => browser.close());
  const page = await app.open('', { browser, waitForApp: false });
  assert.equal(await page.evaluate(() => typeof WebAssembly), 'undefined', 'the flag hides WebAssembly');
  await page.locator('html.app-failed').waitFor({ state: 'attached' });
  await assertStaticPage(page);
  // No uncaught error (the recorded problems are checked after each test); the failure is
  // only reported on the console, as a warning.
  assert.ok(app.messages.some((m) => /^warning: factdeck: the app could not start/.test(m)), app.messages.join('\n'));
});

test('a_filtered_url_hydrates_then_shows_its_view_without_console_errors', async () => {
  const page = await app.open('?q=gypsum', {
    // Remembers a prerendered node once the HTML is parsed, before any script has run.
    initScript: () => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') window.__prerenderedHeader = document.querySelector('.site-header');
      });
    },
  });
  await waitForCards(page, ['gypsum-board-production-uzbekistan', 'jewelry-production-uzbekistan']);
  assert.equal(await statusText(page), '2 of 25 facts');
  assert.equal(await search(page).inputValue(), 'gypsum');
  assert.equal(new URL(page.url()).search, '?q=gypsum', 'the URL is kept as it was');
  assert.equal(await notice(page).count(), 0, 'the app removed the notice');
  assert.ok(
    await page.evaluate(() => !!window.__prerenderedHeader && window.__prerenderedHeader === document.querySelector('.site-header')),
    'the app adopted the prerendered nodes (hydration) instead of drawing new ones',
  );
  // Console errors fail the test after it; warnings about hydration would show up here.
  assert.deepEqual(app.messages.filter((m) => /hydrat|mismatch/i.test(m)), []);
  // And it is the app: the page reacts.
  await search(page).fill('trade');
  await page.waitForURL((u) => u.search === '?q=trade');
});

test('the_app_takes_over_the_default_view_without_any_layout_shift_or_change', async () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 375, height: 740 },
  ]) {
    const page = await app.open('', {
      viewport,
      initScript: () => {
        // The markup of `#app` without comments (Yew's hydration markers) and the notice.
        window.__appMarkup = () =>
          document
            .getElementById('app')
            .innerHTML.replace(/<!--[\s\S]*?-->/g, '')
            .replace(/<p [^>]*class="js-notice"[^>]*>[\s\S]*?<\/p>/, '');
        // The page as prerendered, once parsed and before any script has run.
        document.addEventListener('readystatechange', () => {
          if (document.readyState === 'interactive') window.__prerendered = window.__appMarkup();
        });
        window.__layoutShift = { total: 0, entries: [] };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.hadRecentInput) continue;
            window.__layoutShift.total += e.value;
            window.__layoutShift.entries.push({ value: e.value, nodes: e.sources?.map((s) => s.node?.nodeName + (s.node?.className ? '.' + s.node.className : '')) });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      },
    });
    assert.equal(await cards(page).count(), TOTAL);
    // Layout shifts are reported after the frame that shows them: let two frames pass.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shift = await page.evaluate(() => window.__layoutShift);
    assert.ok(shift.total < 0.01, `layout shift at ${viewport.width}px: ${JSON.stringify(shift)}`);
    // What the app shows is exactly what was prerendered (bar the notice): nothing flashes.
    const [before, now] = await page.evaluate(() => [window.__prerendered, window.__appMarkup()]);
    assert.ok(before?.includes('<article '), 'the prerendered markup was recorded');
    assert.equal(now, before);
  }
});
