// Runs Lighthouse (npm lighthouse, a dev dependency) against a built dist/ served on a
// loopback port, `--runs` times for each of the mobile (Lighthouse's default) and desktop
// presets, in the Debian Chromium (CHROME_PATH). Records every run and the medians in
// `<out>/lighthouse.json` and in the committed `benches/results/lighthouse.json`, and
// rewrites the Lighthouse section of BENCHMARKS.md from it (report.mjs renders the same
// section, from the committed file, when it regenerates the rest).
//
//   node benches/browser/lighthouse.mjs [--dist dist] [--runs 3] [--out target/bench/results]

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { CHROMIUM, CHROMIUM_FLAGS, chromiumVersion } from './browser.mjs';
import { COMMITTED, spliceSection } from './lighthouse-report.mjs';
import { MIME } from './server.mjs';
import { args, opt } from './cli.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(ROOT, opt('--dist', 'dist'));
const RUNS = Number(opt('--runs', '3'));
const OUT = path.resolve(ROOT, opt('--out', 'target/bench/results'));
const LIGHTHOUSE = path.join(ROOT, 'node_modules/.bin/lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};
// The flags of the end-to-end suite (tests/e2e/helpers.mjs), headless.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];


/**
 * Serves `dir` at "/" as a typical static host does: the right content types, gzip when
 * the browser accepts it, and revalidation on every load (`cache-control: no-cache`).
 */
async function serveDist(dir) {
  const root = path.resolve(dir);
  const server = http.createServer(async (req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    const fail = (status) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(status));
    };
    if (!file.startsWith(root + path.sep)) return fail(403);
    try {
      if (!(await stat(file)).isFile()) return fail(404);
    } catch {
      return fail(404);
    }
    let body = await readFile(file);
    const headers = { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && !/\.(png|jpe?g|woff2)$/.test(file)) {
      body = zlib.gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** One Lighthouse run; resolves to its JSON report (the lhr). */
function lighthouse(url, preset, outFile) {
  const argv = [
    url,
    '--quiet',
    '--no-enable-error-reporting',
    '--output=json',
    `--output-path=${outFile}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(LIGHTHOUSE, argv, {
      cwd: ROOT,
      env: { ...process.env, CHROME_PATH: CHROMIUM },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse ${preset} exited with ${code}`));
      resolve(JSON.parse(readFileSync(outFile, 'utf8')));
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** What one run measured, plus the scored audits it failed (to say why a score is short). */
function summarise(lhr) {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id].numericValue]));
  const failed = CATEGORIES.flatMap((c) =>
    lhr.categories[c].auditRefs
      .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
      .map((r) => `${c}/${r.id} (${lhr.audits[r.id].score})`),
  );
  const warnings = lhr.runWarnings ?? [];
  // benchmarkIndex: Lighthouse's own CPU speed probe for this run (higher is faster; it
  // reads about 1000–2000 on a typical quiet desktop and falls when other work competes).
  const benchmarkIndex = Math.round(lhr.environment?.benchmarkIndex ?? 0) || null;
  return { scores, metrics, benchmarkIndex, failed, warnings, lighthouseVersion: lhr.lighthouseVersion };
}

const git = (a) => {
  try {
    return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build first`);
if (!existsSync(LIGHTHOUSE)) throw new Error('node_modules/.bin/lighthouse is missing: npm ci');
mkdirSync(OUT, { recursive: true });
const tmp = path.join(OUT, 'lighthouse-runs');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const server = await serveDist(DIST);
const started = new Date().toISOString();
const loadBefore = os.loadavg();
const presets = {};
try {
  for (const preset of ['mobile', 'desktop']) {
    const runs = [];
    for (let i = 1; i <= RUNS; i++) {
      console.error(`[lighthouse] ${preset} run ${i}/${RUNS}`);
      const lhr = await lighthouse(server.url, preset, path.join(tmp, `${preset}-${i}.json`));
      runs.push({ loadavg1: Math.round(os.loadavg()[0] * 100) / 100, ...summarise(lhr) });
    }
    presets[preset] = {
      runs,
      median: {
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])),
        metrics: Object.fromEntries(Object.keys(METRICS).map((k) => [k, median(runs.map((r) => r.metrics[k]))])),
        benchmarkIndex: median(runs.map((r) => r.benchmarkIndex ?? 0)),
      },
    };
  }
} finally {
  await server.close();
}

const commit = git(['rev-parse', '--short', 'HEAD']);
const dirty = git(['status', '--porcelain', '--untracked-files=no']);
const result = {
  command: `scripts/lighthouse (${RUNS} runs per preset)`,
  date: started,
  commit: commit && `${commit}${dirty ? ' (with uncommitted changes)' : ''}`,
  machine: {
    cpu: readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model,
    nproc: os.cpus().length,
    loadavgBefore: loadBefore.map((x) => Math.round(x * 100) / 100),
    loadavgAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
  },
  chromium: chromiumVersion(),
  node: process.version,
  lighthouse: presets.mobile.runs[0].lighthouseVersion,
  chromeFlags: CHROME_FLAGS.join(' '),
  server: 'benches/browser/lighthouse.mjs: dist/ on 127.0.0.1, gzip, cache-control: no-cache',
  presets,
};
const json = JSON.stringify(result, null, 1) + '\n';
writeFileSync(path.join(OUT, 'lighthouse.json'), json);
mkdirSync(path.dirname(COMMITTED), { recursive: true });
writeFileSync(COMMITTED, json);
const bench = path.join(ROOT, 'BENCHMARKS.md');
writeFileSync(bench, spliceSection(existsSync(bench) ? readFileSync(bench, 'utf8') : '# Benchmarks\n', result));
console.error(`[lighthouse] wrote ${path.relative(ROOT, COMMITTED)} and the Lighthouse section of BENCHMARKS.md`);
for (const [preset, p] of Object.entries(presets)) console.error(`[lighthouse] ${preset} medians:`, JSON.stringify(p.median));
