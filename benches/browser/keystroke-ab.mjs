// Paired A/B of keystrokes: two builds of the app, each opened in turns in one headless
// Chromium on the same dataset, typing the same keys, so that the machine's slow and quick
// spells fall on both. The dataset is a JSON file (`?data=FILE.json`, everything in memory:
// no fetch per key) or a compiled directory (`?data=DIR/`: each build starts with an empty
// cache in a fresh context, and fetches what its own keys need).
//
//   node benches/browser/keystroke-ab.mjs DIST_A DIST_B DATASET.json|COMPILED_DIR [--pairs 4]
//
// Per pair, each build in a fresh context types every key of the Scale queries
// (keystroke.mjs: SYNTH_QUERIES), each timed end to end as in "Keystroke cost, end to end"
// (INSTRUMENT: the input event → the DOM quiet and a frame rendered after it), the box
// emptied between queries. Prints each build's p50 and p95 and the median of the per-key
// differences (B − A, key i of one against key i of the other in the same pair).

import fs from 'node:fs';
import path from 'node:path';

import { launch } from './browser.mjs';
import { INSTRUMENT, SYNTH_QUERIES, quantile } from './keystroke.mjs';
import { serveRoutes } from './server.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--pairs');
const pairs = at >= 0 ? Number(args.splice(at, 2)[1]) : 4;
if (args.length !== 3 || !(pairs > 0)) {
  console.error('usage: keystroke-ab.mjs DIST_A DIST_B DATASET.json|COMPILED_DIR [--pairs N]');
  process.exit(2);
}
const [distA, distB, dataset] = args;
const compiled = fs.statSync(dataset).isDirectory();
const file = `/${path.basename(dataset)}${compiled ? '/' : ''}`;
const route = `${path.resolve(dataset)}${compiled ? '/' : ''}`;
const servers = await Promise.all([distA, distB].map((d) => serveRoutes({ '/': `${path.resolve(d)}/`, [file]: route })));

/** Every key's time (ms) on build `k`, in typing order. */
async function typeAll(browser, k) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({ content: `(${INSTRUMENT})(100, '[aria-busy="true"]');` });
  await page.goto(`${servers[k].origin}/?data=${file.slice(1)}`);
  await page.waitForFunction(() => /^\d+ facts$/.test(document.querySelector('#result-count')?.textContent.trim() ?? ''), null, { timeout: 120_000 });
  // A compiled dataset shows its first cards before its index is in: wait until typing answers.
  if (compiled) await page.waitForFunction(() => performance.getEntriesByName('factdeck:search-ready').length > 0, null, { timeout: 120_000 });
  const search = page.locator('#search');
  await search.click();
  for (const query of SYNTH_QUERIES) {
    await page.evaluate(() => (window.__ks.recording = true));
    for (const key of query) {
      await page.keyboard.type(key);
      await page.evaluate(() => window.__ks.pending?.promise);
    }
    await page.evaluate(() => (window.__ks.recording = false));
    await search.fill('');
    await page.waitForFunction(() => /^\d+ facts$/.test(document.querySelector('#result-count')?.textContent.trim() ?? ''));
  }
  const times = await page.evaluate(() => window.__ks.done.map((r) => r.end - r.t0));
  await context.close();
  return times;
}

const browser = await launch();
const all = [[], []];
const diffs = [];
for (let i = 0; i < pairs; i++) {
  const got = [];
  for (const k of i % 2 ? [1, 0] : [0, 1]) got[k] = await typeAll(browser, k);
  all[0].push(...got[0]);
  all[1].push(...got[1]);
  for (let j = 0; j < Math.min(got[0].length, got[1].length); j++) diffs.push(got[1][j] - got[0][j]);
}
await browser.close();
await Promise.all(servers.map((s) => s.close()));

const ms = (x) => `${x.toFixed(1)} ms`;
for (const [k, label] of [[0, 'A'], [1, 'B']]) {
  console.log(`${label}: ${all[k].length} keys, p50 ${ms(quantile(all[k], 0.5))}, p95 ${ms(quantile(all[k], 0.95))}`);
}
const faster = diffs.filter((d) => d < 0).length;
console.log(`paired B − A per key: median ${ms(quantile(diffs, 0.5))}; B faster in ${faster} of ${diffs.length}`);
process.exit(0);
