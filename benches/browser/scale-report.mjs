// The "Scale: side by side with Pagefind" section of BENCHMARKS.md, rendered from the
// committed benches/results/scale.json that benches/browser/scale.mjs writes (like the
// Lighthouse section, it survives a regeneration of the rest of the file by report.mjs).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The recorded figures, committed so that the section survives any regeneration. */
export const COMMITTED = path.join(ROOT, 'benches/results/scale.json');
/** The compiled form alone at a size the others cannot take (`--sizes 1000000 --contestants factdeck-compiled`). */
export const COMMITTED_LARGE = path.join(ROOT, 'benches/results/scale-large.json');
/** Hand-written notes on the run (an earlier run beside it, say), shown after its tables. */
const NOTES = path.join(ROOT, 'benches/results/scale-notes.md');
/** The same for the larger run, shown after its table. */
const LARGE_NOTES = path.join(ROOT, 'benches/results/scale-large-notes.md');

export function loadScale(file = COMMITTED) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const ms = (x) => (x == null ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const size = (b) => (b == null ? '–' : b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1000).toFixed(1)} kB`);
const label = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1000}k`);

/** The rows of the comparison: a label and how each run shows it. */
const ROWS = [
  ['bytes before the first search (as served; gzip -9)', (r) => `${size(r.beforeFirst.raw)}; ${size(r.beforeFirst.gzip)} (${r.beforeFirst.requests} requests)`],
  [
    'bytes per later keystroke, as served (mean; max); gzip -9 (mean; max)',
    (r) => `${size(r.perKey.mean.raw)}; ${size(r.perKey.max)}; ${size(r.perKey.mean.gzip)}; ${size(r.perKey.maxGzip)}`,
  ],
  ['first card painted (factdeck: a card of the requested dataset)', (r) => ms(r.firstCardMs)],
  ['search ready (typing answers)', (r) => ms(r.readyMs)],
  ['time to first results', (r) => ms(r.firstResultsMs)],
  ['keystroke p50', (r) => ms(r.e2e.median)],
  ['keystroke p95', (r) => ms(r.e2e.p95)],
  ['memory after typing, JS heap + wasm (page and workers)', (r) => `${size(r.memory.jsHeap + r.memory.wasm)} (${size(r.memory.jsHeap)} + ${size(r.memory.wasm)})`],
  ['index size on disk (files; bytes; gzip -9)', (r) => `${r.disk.files}; ${size(r.disk.bytes)}; ${size(r.disk.gzip)}`],
  ['build time', (r) => (r.buildMs == null ? 'none (indexed in the page)' : ms(r.buildMs))],
];

/** The section as Markdown; `large`: the compiled form alone at larger sizes, if measured. */
export function renderScale(s, large = loadScale(COMMITTED_LARGE)) {
  const lines = ['## Scale: side by side with Pagefind', ''];
  if (!s) {
    lines.push('Not measured yet: run `node benches/browser/scale.mjs`.');
    return lines.join('\n');
  }
  const { meta, runs } = s;
  const m = meta.machine;
  const cols = runs.map((r) => `${label(r.facts)}: ${r.name}`);
  lines.push(
    '`scripts/bench` runs this section\'s two commands (and every other benchmark); alone:',
    '',
    '```sh',
    `node benches/browser/scale.mjs --sizes ${[...new Set(runs.map((r) => r.facts))].join(',')}`,
    '```',
    '',
    `The same synthetic facts (\`synth N 1\`), in ${meta.chromium}, headless, on localhost (\`benches/browser/server.mjs\`: ` +
      'HTTP/1.1, `cache-control: no-store`, files up to 1 MB read and sent in one write, larger ones streamed): ' +
      `factdeck's release build ` +
      `(\`${meta.dist}\`) opened with \`?data=synth-N.json\` (the JSON downloaded whole, checked and indexed in the page) ` +
      'and with `?data=compiled-N/` (the same file through `scripts/compile`: files fetched as views need them), ' +
      "and Pagefind's Node API index of the same facts " +
      '(custom records: title, summary, quote and the other text fields; filters sector and kind) searched through its JS ' +
      'API by `benches/browser/reference/index.html?engine=pagefind` (20 result cards, each with `result.data()`). ' +
      `${meta.rounds} round${meta.rounds === 1 ? '' : 's'} per contestant, each in a fresh profile, taking turns; medians of the rounds; keystrokes as in ` +
      '"Keystroke cost, end to end", every key of: ' +
      meta.queries.map((q) => `\`${q}\``).join(', ') +
      '. Bytes are the files the server sent (the browser may cache them within a round, as from a static host), ' +
      '"as served" uncompressed, and gzip -9 of the same files (Pagefind\'s are gzipped already). ' +
      '"search ready": factdeck shows the dataset\'s count and, compiled, has its dictionary and table in (it shows its ' +
      'first view before them, and marks `factdeck:search-ready` on the page\'s performance timeline once they are in: ' +
      'the later of the two); Pagefind, which shows nothing before a query, answers its first ' +
      'query; the harness watches for it from inside the page (a MutationObserver), not with Playwright\'s waitForFunction, ' +
      'which injects its own script into the page while it starts. "time to first results": navigation → the page takes ' +
      'keys, plus the first key\'s end to end. Memory: the page ' +
      'and its workers (Pagefind searches in a Web Worker), after a garbage collection.',
    '',
    '|  |  |',
    '|---|---|',
    `| date | ${meta.date} |`,
    `| commit | ${m.commit}${m.dirty ? ' (with uncommitted changes)' : ''} |`,
    `| machine | ${m.cpu}, ${m.nproc} cores, ${m.memoryGiB} GiB; load average ${m.loadavgBefore.join(', ')} before, ${m.loadavgAfter.join(', ')} after |`,
    `| node | ${meta.node} |`,
    '',
    `|  | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
    ...ROWS.map(([name, show]) => `| ${name} | ${runs.map(show).join(' | ')} |`),
    '',
    'Result counts after each query (the engines match differently: factdeck tolerates typos and folds diacritics; ' +
      'Pagefind has no typo tolerance):',
    '',
    `| query | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
    ...meta.queries.map((q, i) => `| \`${q}\` | ${runs.map((r) => r.finals[i]?.status ?? '–').join(' | ')} |`),
  );
  if (existsSync(NOTES)) lines.push('', readFileSync(NOTES, 'utf8').trim());
  if (large) {
    const sizes = [...new Set(large.runs.map((r) => r.facts))].join(',');
    const lm = large.meta.machine;
    lines.push(
      '',
      `### Larger: the compiled form alone`,
      '',
      'The JSON path cannot load a million facts in a page, and Pagefind\'s build of them takes longer than this run allows; ' +
        'the compiled form alone, measured the same way:',
      '',
      '```sh',
      `node benches/browser/scale.mjs --sizes ${sizes} --contestants factdeck-compiled --out benches/results/scale-large.json`,
      '```',
      '',
      `${large.meta.date}, commit ${lm.commit}${lm.dirty ? ' (with uncommitted changes)' : ''}, ${large.meta.rounds} round(s).`,
      '',
      `|  | ${large.runs.map((r) => `${label(r.facts)}: ${r.name}`).join(' | ')} |`,
      `|---|${large.runs.map(() => '---:').join('|')}|`,
      ...ROWS.map(([name, show]) => `| ${name} | ${large.runs.map(show).join(' | ')} |`),
    );
    if (existsSync(LARGE_NOTES)) lines.push('', readFileSync(LARGE_NOTES, 'utf8').trim());
  }
  return lines.join('\n');
}
