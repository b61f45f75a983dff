// Paired A/B of opening a compiled dataset (`?data=DIR/`): two builds of the app, each
// with its own compile of the same facts (a format change needs both), opened in turns in
// one headless Chromium, so that the machine's slow and quick spells fall on both alike.
//
//   node benches/browser/opening-ab.mjs DIST_A DIR_A DIST_B DIR_B [--facts 100000] [--pairs 16]
//
// Per load, in a fresh context: "first card", navigation → the first frame after a card of
// the dataset and its count are in the DOM, rendered; "ready", the later of that and the page's
// `factdeck:search-ready` performance mark (a build that makes no such mark answers typing
// once it shows its count). Prints both builds' loads, their medians, and the median of the
// paired differences (B − A).

import path from 'node:path';

import { launch } from './browser.mjs';
import { serveRoutes } from './server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const facts = Number(opt('--facts', '100000'));
const pairs = Number(opt('--pairs', '16'));
if (args.length !== 4) {
  console.error('usage: opening-ab.mjs DIST_A DIR_A DIST_B DIR_B [--facts N] [--pairs N]');
  process.exit(2);
}
const builds = [
  { dist: args[0], dir: args[1] },
  { dist: args[2], dir: args[3] },
];
const servers = await Promise.all(
  builds.map((b) => serveRoutes({ '/': `${path.resolve(b.dist)}/`, '/data/': `${path.resolve(b.dir)}/` })),
);

/** In the page, before it loads: resolves `window.__firstCard` at the first card's frame. */
const WATCH = (facts) => {
  window.__firstCard = new Promise((done) => {
    const watch = new MutationObserver(() => {
      if (!document.querySelector('.cards article')) return;
      if ((document.querySelector('#result-count')?.textContent ?? '').trim() !== `${facts} facts`) return;
      watch.disconnect();
      // Once that frame has been rendered: a task posted from its rAF callback runs after.
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => done(performance.now());
        ch.port2.postMessage(0);
      });
    });
    watch.observe(document, { subtree: true, childList: true, characterData: true });
  });
};

const browser = await launch();
const runs = builds.map(() => ({ first: [], ready: [] }));
for (let i = 0; i < pairs; i++) {
  for (const k of i % 2 ? [1, 0] : [0, 1]) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript({ content: `(${WATCH})(${facts});` });
    await page.goto(`${servers[k].origin}/?data=data/`);
    const first = await page.evaluate(() => window.__firstCard);
    // The mark, if this build makes one, comes within a few seconds of the first card.
    const marked = await page
      .waitForFunction(() => performance.getEntriesByName('factdeck:search-ready')[0]?.startTime, null, { timeout: 5000 })
      .then((h) => h.jsonValue())
      .catch(() => 0);
    runs[k].first.push(first);
    runs[k].ready.push(Math.max(first, marked));
    await context.close();
  }
}
await browser.close();
await Promise.all(servers.map((s) => s.close()));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};
for (const what of ['first', 'ready']) {
  const [a, b] = runs.map((r) => r[what]);
  const diffs = b.map((x, i) => x - a[i]);
  console.log(`${what}: A ${a.map(Math.round).join(' ')}`);
  console.log(`${what}: B ${b.map(Math.round).join(' ')}`);
  console.log(
    `${what}: median A ${median(a)} ms, B ${median(b)} ms; paired B − A median ${median(diffs)} ms; B earlier in ${diffs.filter((d) => d < 0).length} of ${diffs.length}`,
  );
}
