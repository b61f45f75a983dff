// Trunk's post_build hook (Trunk.toml): the build's post-build steps, in order, on the
// directory Trunk is building into ($TRUNK_STAGING_DIR), before Trunk moves it to dist/.
//
//   node scripts/post-build.mjs        (run by Trunk; exits 1 with a readable message)
//
// Trunk's page is parsed once (trunk-page.mjs) and nothing is written until it has been
// understood, so a Trunk whose output has changed stops the build with a message saying
// what is missing, not with a half-rewritten page. The order, and why:
//   1. defer-hook:  Trunk's loader waits for the first paint, and the app's preloads go;
//   2. csp-hook:    the CSP pins the sha256 of that loader, so it comes after the loader's
//                   last change; index.html is then final, and written;
//   3. sw-hook:     sw.js precaches the build's files, and names its cache after their
//                   bytes, so it comes after index.html is final;
//   4. single-file: factdeck.html, built from the final page, comes after sw.js so that the
//                   service worker's file list is the site's alone (it is for opening from
//                   disk, never precached).
// One script rather than four hooks, because Trunk starts separate hooks concurrently.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { pinCsp } from './csp-hook.mjs';
import { deferApp } from './defer-hook.mjs';
import { writeSingleFile } from './single-file.mjs';
import { writeServiceWorker } from './sw-hook.mjs';
import { BuildError, parseTrunkPage } from './trunk-page.mjs';

/** Runs every step on `dir`, a Trunk build's directory; returns what each step reports. */
export function postBuild(dir) {
  const file = join(dir, 'index.html');
  const page = pinCsp(deferApp(parseTrunkPage(readFileSync(file, 'utf8'))));
  writeFileSync(file, page.html);
  const sw = writeServiceWorker(dir);
  const single = writeSingleFile(dir, page);
  return [
    `the app loads after the first paint; the CSP pins its loader's hash`,
    `sw.js: ${sw.version}, ${sw.assets.length} files precached`,
    `factdeck.html: ${(single.bytes / 1024).toFixed(0)} KB, ${(single.gzip / 1024).toFixed(0)} KB gzip -9`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.TRUNK_STAGING_DIR;
  try {
    if (!dir) throw new BuildError('TRUNK_STAGING_DIR is not set (Trunk runs me: trunk build)');
    for (const line of postBuild(dir)) console.log(`post-build: ${line}`);
  } catch (e) {
    console.error(`post-build: ${e instanceof BuildError ? e.message : e.stack}`);
    process.exit(1);
  }
}
