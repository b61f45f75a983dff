// Post-build step 3 (scripts/post-build.mjs): writes sw.js, the offline service worker,
// with the exact list of files this build produced. The cache is named after those files
// and their bytes, so a new deploy gets a new cache and old HTML is never served with new
// assets (or the reverse).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { OUTPUT as SINGLE_FILE } from './single-file.mjs';

export const OUTPUT = 'sw.js';

/** Writes `dir`/sw.js for the files in `dir`; returns its cache `version`, `assets` and `later`. */
export function writeServiceWorker(dir) {
  const files = readdirSync(dir, { withFileTypes: true })
    // factdeck.html (scripts/single-file.mjs) is the whole app again, for opening from disk:
    // never needed by the site, so never precached.
    .filter((e) => e.isFile() && e.name !== OUTPUT && e.name !== SINGLE_FILE)
    .map((e) => e.name)
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
  const version = `factdeck-${hash.digest('hex').slice(0, 16)}`;
  // The page itself is precached as "./" (index.html's URL); hashed assets by name. The
  // loader worker (factdeck-loader*: it checks a dataset file) is left out: most visits never
  // open a file, so a first visit should not download it. The service worker caches it when
  // it is first used, or in the background on a visitor's next visit (LATER).
  const ON_DEMAND = /^factdeck-loader/;
  const assets = ['./', ...files.filter((f) => f !== 'index.html' && !ON_DEMAND.test(f)).map((f) => `./${f}`)];
  const later = files.filter((f) => ON_DEMAND.test(f)).map((f) => `./${f}`);
  const template = readFileSync(new URL('../static/sw.template.js', import.meta.url), 'utf8');
  const sw = template
    .replace('__VERSION__', JSON.stringify(version))
    .replace('__ASSETS__', JSON.stringify(assets))
    .replace('__LATER__', JSON.stringify(later));
  writeFileSync(join(dir, OUTPUT), sw);
  return { version, assets, later };
}
