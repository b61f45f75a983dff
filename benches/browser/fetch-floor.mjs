// How long a page of cards' files take to arrive, with no app in the way: a bare page on
// the bench server (benches/browser/server.mjs, as scale.mjs serves) fetches 20 chunk files
// of a compiled dataset at once, as a keystroke that needs a new page of cards does, first
// from its main thread and then from a Web Worker. The floor under such a keystroke on this
// machine (BENCHMARKS.md, "Scale", the note under the tables).
//
//   node benches/browser/fetch-floor.mjs COMPILED_DIR [--tries 4]
//
// Each try fetches 20 files not fetched before (every file once per page), waits for every
// body, and prints: the 20 `fetch()` calls' own time on the calling thread, and the time
// until the last body is in (the worker's: from the message that asks it until its answer).

import fs from 'node:fs';
import path from 'node:path';

import { launch } from './browser.mjs';
import { serveRoutes } from './server.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--tries');
const tries = at >= 0 ? Number(args.splice(at, 2)[1]) : 4;
if (args.length !== 1 || !fs.statSync(args[0], { throwIfNoEntry: false })?.isDirectory() || !(tries > 0)) {
  console.error('usage: fetch-floor.mjs COMPILED_DIR [--tries N]');
  process.exit(2);
}
const chunks = fs.readdirSync(args[0]).filter((f) => /^facts-\d+\.bin$/.test(f)).sort();
if (chunks.length < 40 * tries) {
  console.error(`fetch-floor: ${args[0]} has ${chunks.length} chunk files; ${40 * tries} are needed`);
  process.exit(2);
}

const PAGE = '<!doctype html><meta charset="utf-8"><title>fetch floor</title>';
const WORKER = `onmessage = async (e) => {
  const t0 = performance.now();
  const bodies = e.data.map((u) => fetch(u).then((r) => r.arrayBuffer()));
  const calls = performance.now() - t0;
  const buffers = await Promise.all(bodies);
  postMessage({ calls, buffers }, buffers);
};`;
const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'fetch-floor-'));
fs.writeFileSync(path.join(tmp, 'index.html'), PAGE);
fs.writeFileSync(path.join(tmp, 'worker.js'), WORKER);
const server = await serveRoutes({ '/c/': `${path.resolve(args[0])}/`, '/': `${tmp}/` });

const browser = await launch();
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
await page.goto(`${server.origin}/index.html`);
// Spread over the dataset, as a page of ranked results is.
const step = Math.floor(chunks.length / (40 * tries));
const pick = (i) => `/c/${chunks[i * step]}`;
for (let t = 0; t < tries; t++) {
  const main = Array.from({ length: 20 }, (_, i) => pick(t * 40 + i));
  const worker = Array.from({ length: 20 }, (_, i) => pick(t * 40 + 20 + i));
  const r = await page.evaluate(
    async ([main, worker]) => {
      const t0 = performance.now();
      const bodies = main.map((u) => fetch(u).then((r) => r.arrayBuffer()));
      const calls = performance.now() - t0;
      await Promise.all(bodies);
      const all = performance.now() - t0;
      const w = new Worker('/worker.js');
      await new Promise((ready) => {
        w.onmessage = ready;
        w.postMessage([]);
      });
      const t1 = performance.now();
      const got = await new Promise((done) => {
        w.onmessage = (e) => done(e.data);
        w.postMessage(worker.map((u) => new URL(u, location.href).href));
      });
      const inWorker = performance.now() - t1;
      w.terminate();
      return { calls, all, workerCalls: got.calls, inWorker };
    },
    [main, worker],
  );
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`try ${t + 1}: main thread: calls ${ms(r.calls)}, all in ${ms(r.all)}; worker: calls ${ms(r.workerCalls)}, all in ${ms(r.inWorker)}`);
}
await browser.close();
await server.close();
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(0);
