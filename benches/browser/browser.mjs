// Launches the Debian Chromium through playwright-core (never a downloaded browser), with
// the flags the end-to-end suite uses.
import { execFileSync } from 'node:child_process';

import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** The end-to-end suite's flags: no sandbox (root), no GPU, no background network. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

/** `chromium --version`, e.g. "Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)". */
export function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
