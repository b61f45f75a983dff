// How soon this machine can paint a compiled dataset's first view at all, with no app in
// the way: the app opens the dataset once (`?data=DIR/`) and the view it shows at its first
// card is kept as a static page (its markup and the app's stylesheet, no script, nothing to
// fetch); then, each in a fresh browser context, in turns, a page of one sentence, that
// static copy and the app itself are opened, and the time from navigation to the frame
// that shows a card (the sentence) is taken. The floor under the Scale section's "first
// card" (BENCHMARKS.md, the note under its tables).
//
//   node benches/browser/first-frame-floor.mjs COMPILED_DIR [--dist dist] [--loads 8]
//
// COMPILED_DIR is a compiled dataset (`scripts/compile`); --dist, a built app (`trunk build
// --release --offline`). A "first card" here is as in scale.mjs and opening-ab.mjs: a card
// and the dataset's count in the DOM, then the next frame rendered (a task posted from its
// animation frame). Prints each load and the medians.

import fs from 'node:fs';
import path from 'node:path';

import { launch } from './browser.mjs';
import { serveRoutes } from './server.mjs';
import { args, opt } from './cli.mjs';

const dist = path.resolve(opt('--dist', 'dist'));
const loads = Number(opt('--loads', '8'));
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const manifest = dir && path.join(dir, 'manifest.bin');
if (!manifest || !fs.existsSync(manifest) || !fs.existsSync(path.join(dist, 'index.html')) || !(loads > 0)) {
  console.error('usage: first-frame-floor.mjs COMPILED_DIR [--dist DIST] [--loads N] (a compiled dataset, a built app)');
  process.exit(2);
}
// The manifest's fixed head: magic, version (u16), build (u32), then the number of facts
// (core/src/compiled/manifest.rs).
const facts = fs.readFileSync(manifest).readUInt32LE(10);

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'first-frame-floor-'));
fs.writeFileSync(path.join(tmp, 'sentence.html'), '<!doctype html><meta charset="utf-8"><title>floor</title><p>One sentence, and nothing else.</p>');
const server = await serveRoutes({ '/': `${dist}/`, '/data/': `${path.resolve(dir)}/`, '/floor/': `${tmp}/` });

/** In the page, before it loads: `window.__firstCard` resolves at the first card's frame. */
const WATCH = (facts) => {
  window.__firstCard = new Promise((done) => {
    const shown = () =>
      document.querySelector('.cards article') && (document.querySelector('#result-count')?.textContent ?? '').trim() === `${facts} facts`;
    const frame = () =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => done(performance.now());
        ch.port2.postMessage(0);
      });
    const watch = new MutationObserver(() => {
      if (!shown()) return;
      watch.disconnect();
      window.__view = document.documentElement.outerHTML;
      frame();
    });
    watch.observe(document, { subtree: true, childList: true, characterData: true });
    // A static page's cards are parsed, not added: check once it has been.
    document.addEventListener('DOMContentLoaded', () => {
      if (!shown()) return;
      watch.disconnect();
      frame();
    });
  });
};

/** The frame with a card (the sentence, for the one-sentence page), from navigation. */
async function load(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({ content: `(${WATCH})(${facts});` });
  await page.goto(url);
  const at = url.endsWith('sentence.html')
    ? await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0))))
    : await page.evaluate(() => window.__firstCard);
  const view = await page.evaluate(() => window.__view ?? null);
  await context.close();
  return { at, view };
}

const browser = await launch();
const app = `${server.origin}/?data=data/`;
// The app's first view, without its scripts and the preloads of its files.
const { view } = await load(browser, app);
const copy = `<!doctype html>${view}`
  .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
  .replace(/<link\b[^>]*rel="(modulepreload|preload)"[^>]*>/g, '')
  .replace(/<link\b[^>]*rel="icon"[^>]*>/g, '');
const cards = (copy.match(/<article\b/g) ?? []).length;
fs.writeFileSync(path.join(tmp, 'first-view.html'), copy);

const pages = { sentence: `${server.origin}/floor/sentence.html`, 'static copy': `${server.origin}/floor/first-view.html`, app };
const times = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
for (let i = 0; i < loads; i++) {
  const order = Object.keys(pages);
  for (const name of i % 2 ? order.reverse() : order) times[name].push((await load(browser, pages[name])).at);
}
await browser.close();
await server.close();
fs.rmSync(tmp, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`${facts} facts; the static copy of the app's first view: ${cards} cards, ${(copy.length / 1024).toFixed(1)} KiB of markup`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(12)} median ${Math.round(median(xs))} ms   (${xs.map(Math.round).join(' ')})`);
}
process.exit(0);
