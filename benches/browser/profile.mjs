// Where a keystroke's time goes in the real app: types queries into a built app (as
// keystroke.mjs does) while Chromium traces its main thread, then sums the trace by event
// (script, style, layout, paint, GC, …) and, with --cpu, the sampled self time by function
// (wasm functions are named only in a build that keeps names: wasm-bindgen --keep-debug,
// wasm-opt -g).
//
//   node benches/browser/profile.mjs [--dist target/dist-bench] [--size 10000] [--cpu]
//                                    [--queries "samarqand,green energy"]
//
// A development aid, not part of scripts/bench: it prints to the terminal and stores nothing.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from './browser.mjs';
import { serveRoutes } from './server.mjs';
import { args, opt } from './cli.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const DIST = path.resolve(ROOT, opt('--dist', 'target/dist-bench'));
const SIZE = Number(opt('--size', '10000'));
const CPU = args.includes('--cpu');
const QUERIES = opt('--queries', 'samarqand,green energy,gence aluminium').split(',');
const GAP_MS = 40;

/** Top-level main-thread trace events worth summing (nested ones would count twice). */
const TOP = new Set(['FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'V8.Execute', 'TimerFire', 'EventDispatch', 'FireAnimationFrame',
  'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'ParseHTML',
  'IntersectionObserverController::computeIntersections', 'RasterTask']);

async function main() {
  const file = path.join(ROOT, `target/bench/data/synth-${SIZE}.json`);
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing (target/release/synth ${SIZE} 1)`);
  const server = await serveRoutes({ '/': DIST, '/synth.json': file });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${server.origin}/?data=synth.json`);
    await page.waitForFunction((n) => document.querySelector('#result-count')?.textContent.trim() === `${n} facts`, SIZE, { timeout: 900_000, polling: 50 });
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    if (CPU) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline' + (process.env.SHOW_FORCED ? ',disabled-by-default-devtools.timeline.stack' : ''), transferMode: 'ReportEvents' });
    const search = page.locator('#search');
    await search.click();
    let keys = 0;
    const t0 = Date.now();
    for (const q of QUERIES) {
      for (const ch of q) {
        await page.keyboard.type(ch);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
        await page.waitForTimeout(GAP_MS);
        keys++;
      }
      await search.fill('');
      await page.waitForFunction((n) => document.querySelector('#result-count')?.textContent.trim() === `${n} facts`, SIZE);
    }
    const wall = Date.now() - t0;
    await cdp.send('Tracing.end');
    await done;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const mainEvents = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && TOP.has(e.name));
    // Sum only outermost events of the set (an event inside another counted one is skipped).
    mainEvents.sort((a, b) => a.ts - b.ts);
    const sums = new Map();
    let end = -1;
    let shownForced;
    const nested = new Map();
    for (const e of mainEvents) {
      const dur = (e.dur ?? 0) / 1000;
      if (e.ts < end) {
        nested.set(e.name, (nested.get(e.name) ?? 0) + dur);
        if (process.env.SHOW_FORCED && e.name === "Layout" && dur > 5 && (shownForced = (globalThis.shownForced ?? 0) + 1) <= 3) {
          globalThis.shownForced = shownForced;
          console.log('forced layout', dur.toFixed(1), 'ms', JSON.stringify(e.args).slice(0, 1500));
        }
        continue;
      }
      end = e.ts + (e.dur ?? 0);
      const name = e.name === 'EventDispatch' ? `EventDispatch:${e.args?.data?.type}` : e.name;
      sums.set(name, (sums.get(name) ?? 0) + dur);
    }
    console.log(`${keys} keystrokes in ${wall} ms at ${SIZE} facts (${path.relative(ROOT, DIST)})`);
    console.log('main thread, outermost events (ms per keystroke):');
    for (const [name, ms] of [...sums].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(28)} ${(ms / keys).toFixed(2)}`);
    console.log('nested inside those (ms per keystroke):');
    for (const [name, ms] of [...nested].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${name.padEnd(28)} ${(ms / keys).toFixed(2)}`);
    if (CPU) {
      const { profile } = await cdp.send('Profiler.stop');
      const self = new Map();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const dt = profile.timeDeltas;
      profile.samples.forEach((id, i) => {
        const n = byId.get(id);
        const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? path.basename(n.callFrame.url) : ''}`;
        self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
      });
      let script = 0;
      for (const [name, ms] of self) if (!/^\((idle|program|garbage collector)\)/.test(name)) script += ms;
      console.log(`sampled: script ${(script / keys).toFixed(2)} ms per keystroke; (program) ${((self.get('(program) ') ?? 0) / keys).toFixed(2)}`);
      console.log('sampled self time (ms per keystroke), top 40:');
      for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${(ms / keys).toFixed(2).padStart(7)}  ${name.slice(0, 150)}`);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
