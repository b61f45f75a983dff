// The Lighthouse section of BENCHMARKS.md, rendered from the committed
// benches/results/lighthouse.json that scripts/lighthouse writes. Shared by lighthouse.mjs
// (which splices a fresh section in after measuring) and report.mjs (which renders it when
// scripts/bench regenerates the rest of the file), so neither run loses the other's figures.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The recorded medians, committed so that the section survives any regeneration. */
export const COMMITTED = path.join(ROOT, 'benches/results/lighthouse.json');
const START = '<!-- lighthouse: generated from benches/results/lighthouse.json by scripts/lighthouse -->';
const END = '<!-- /lighthouse -->';

export function loadCommitted() {
  return existsSync(COMMITTED) ? JSON.parse(readFileSync(COMMITTED, 'utf8')) : null;
}

const TARGETS = [
  ['accessibility', (m) => m.scores.accessibility, (v) => v === 100, '= 100'],
  ['best practices', (m) => m.scores['best-practices'], (v) => v === 100, '= 100'],
  ['performance', (m) => m.scores.performance, (v) => v >= 95, '≥ 95'],
  ['SEO', (m) => m.scores.seo, () => true, '(no target)'],
  ['CLS', (m) => m.metrics.cls, (v) => v === 0, '= 0'],
];

const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);

/** The section as Markdown, between its markers. */
export function renderSection(r) {
  const lines = [START, '## Lighthouse', ''];
  if (!r) {
    lines.push('Not measured yet: run `scripts/lighthouse`.', '', END);
    return lines.join('\n');
  }
  const presets = Object.keys(r.presets);
  const runs = r.presets[presets[0]].runs.length;
  lines.push(
    '```sh',
    'scripts/lighthouse',
    '```',
    '',
    `${r.lighthouse ? `Lighthouse ${r.lighthouse}` : 'Lighthouse'} (npm, dev-only) in ${r.chromium}, ` +
      `\`CHROME_PATH=/usr/bin/chromium\`, flags \`${r.chromeFlags}\`, against the release build ` +
      '(`trunk build --release --offline`) served from 127.0.0.1 with gzip as a static host would. ' +
      `Median of ${runs} runs per preset: mobile is Lighthouse's default (simulated slow 4G and a 4× slower CPU), ` +
      'desktop is `--preset=desktop`. Categories: performance, accessibility, best practices, SEO. ' +
      'Raw runs, with any audit that lost points, are in `benches/results/lighthouse.json`.',
    '',
    '|  |  |',
    '|---|---|',
    `| date | ${r.date} |`,
    `| commit | ${r.commit} |`,
    `| machine | ${r.machine.cpu}, ${r.machine.nproc} cores; load average ${r.machine.loadavgBefore.join(', ')} before, ${r.machine.loadavgAfter.join(', ')} after |`,
    `| node | ${r.node} |`,
    '',
    `| median | ${presets.join(' | ')} |`,
    `|---|${presets.map(() => '---:').join('|')}|`,
  );
  const row = (label, f) => lines.push(`| ${label} | ${presets.map((p) => f(r.presets[p].median)).join(' | ')} |`);
  row('performance', (m) => m.scores.performance);
  row('accessibility', (m) => m.scores.accessibility);
  row('best practices', (m) => m.scores['best-practices']);
  row('SEO', (m) => m.scores.seo);
  row('First Contentful Paint', (m) => ms(m.metrics.fcp));
  row('Largest Contentful Paint', (m) => ms(m.metrics.lcp));
  row('Total Blocking Time', (m) => ms(m.metrics.tbt));
  row('Cumulative Layout Shift', (m) => m.metrics.cls.toFixed(3));
  row('Speed Index', (m) => ms(m.metrics.si));
  row('benchmarkIndex (CPU speed probe)', (m) => m.benchmarkIndex ?? '–');
  lines.push('', '| target | ' + presets.join(' | ') + ' |', `|---|${presets.map(() => '---').join('|')}|`);
  for (const [label, get, ok, text] of TARGETS) {
    if (text === '(no target)') continue;
    lines.push(`| ${label} ${text} | ${presets.map((p) => (ok(get(r.presets[p].median)) ? '**met**' : `**missed** (${get(r.presets[p].median)})`)).join(' | ')} |`);
  }
  lines.push(
    '',
    "Lighthouse times the page in wall-clock time, and its mobile preset slows the CPU a further 4×, so a busy machine " +
      'costs performance points (mostly Total Blocking Time) that a user\'s device would not lose. `benchmarkIndex` is ' +
      'Lighthouse\'s own CPU probe: about 1000–2000 on a typical quiet desktop, lower when other work competes.',
  );
  // Audits that lost points, per preset, with the range of their scores over the runs.
  const lost = new Map();
  for (const p of presets) {
    for (const run of r.presets[p].runs) {
      for (const f of run.failed) {
        const [, id, score] = f.match(/^(.*) \((.*)\)$/);
        const key = `${p}: ${id}`;
        lost.set(key, [...(lost.get(key) ?? []), Number(score)]);
      }
    }
  }
  const range = (xs) => (Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}–${Math.max(...xs)}`);
  lines.push(
    '',
    lost.size
      ? `Scored audits that lost points (score 0–1, and in how many runs): ${[...lost].map(([k, xs]) => `\`${k}\` ${range(xs)} in ${xs.length}/${runs}`).join(', ')}.`
      : 'No scored audit lost points in any run.',
  );
  lines.push('', END);
  return lines.join('\n');
}

/** `markdown` with its Lighthouse section replaced by a fresh one (appended if absent). */
export function spliceSection(markdown, result) {
  const section = renderSection(result);
  const a = markdown.indexOf(START);
  const b = markdown.indexOf(END);
  if (a >= 0 && b > a) return markdown.slice(0, a) + section + markdown.slice(b + END.length);
  return `${markdown.replace(/\s*$/, '')}\n\n${section}\n`;
}
