// Collects the medians of the native Criterion benchmarks (synth/benches/search.rs) from
// target/criterion/**/new/{benchmark,estimates}.json into criterion.json. Only results
// written since --since (ms since the epoch; scripts/bench passes the run's start) count,
// so stale directories of renamed benchmarks are left out.
//
//   node benches/browser/criterion.mjs --since 1700000000000 [--out target/bench/results]

import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { args, opt } from './cli.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.resolve(ROOT, opt('--out', 'target/bench/results'));
const SINCE = Number(opt('--since', '0'));
const DIR = path.join(ROOT, 'target/criterion');

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

const results = [];
if (existsSync(DIR)) {
  for (const file of walk(DIR)) {
    if (!file.endsWith(`${path.sep}new${path.sep}estimates.json`)) continue;
    if (statSync(file).mtimeMs < SINCE) continue;
    const bench = JSON.parse(readFileSync(path.join(path.dirname(file), 'benchmark.json'), 'utf8'));
    const est = JSON.parse(readFileSync(file, 'utf8'));
    results.push({
      id: bench.full_id,
      group: bench.group_id,
      medianNs: est.median.point_estimate,
      medianLowNs: est.median.confidence_interval.lower_bound,
      medianHighNs: est.median.confidence_interval.upper_bound,
      meanNs: est.mean.point_estimate,
    });
  }
}
results.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
mkdirSync(OUT, { recursive: true });
writeFileSync(path.join(OUT, 'criterion.json'), JSON.stringify({ since: SINCE, results }, null, 1));
console.error(`[criterion] ${results.length} benchmark medians`);
