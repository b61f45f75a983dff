// What the benchmarks ran on: cores, CPU model, memory, load, tool versions, date, commit.
//   node benches/browser/machine.mjs [--out target/bench/results] [--phase NAME]
// With --phase, appends the current load average and CPU pressure under that name (so the
// report can show how busy the machine was during each part of the run).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromiumVersion } from './browser.mjs';
import { args, opt } from './cli.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.resolve(ROOT, opt('--out', 'target/bench/results'));
const PHASE = opt('--phase', null);
const FILE = path.join(OUT, 'machine.json');

const run = (cmd, a) => {
  try {
    return execFileSync(cmd, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], cwd: ROOT }).trim();
  } catch {
    return null;
  }
};
const read = (f) => (existsSync(f) ? readFileSync(f, 'utf8') : '');

function load() {
  const pressure = read('/proc/pressure/cpu').match(/some avg10=([\d.]+) avg60=([\d.]+)/);
  return {
    at: new Date().toISOString(),
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    cpuPressureSomeAvg60: pressure ? Number(pressure[2]) : null,
  };
}

mkdirSync(OUT, { recursive: true });
if (PHASE) {
  const m = JSON.parse(read(FILE) || '{}');
  (m.phases ??= []).push({ phase: PHASE, ...load() });
  writeFileSync(FILE, JSON.stringify(m, null, 1));
} else {
  const cpu = read('/proc/cpuinfo').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const dirty = run('git', ['status', '--porcelain']);
  writeFileSync(
    FILE,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        nproc: Number(run('nproc', [])) || os.cpus().length,
        cpu,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        kernel: `${os.type()} ${os.release()}`,
        chromium: chromiumVersion(),
        node: process.version,
        rustc: run('rustc', ['--version']),
        trunk: run('trunk', ['--version']),
        wasmBindgen: run('wasm-bindgen', ['--version']),
        wasmOpt: run('wasm-opt', ['--version']),
        commit: run('git', ['rev-parse', '--short', 'HEAD']),
        dirty: dirty == null ? null : dirty.length > 0,
        phases: [{ phase: 'start', ...load() }],
      },
      null,
      1,
    ),
  );
}
