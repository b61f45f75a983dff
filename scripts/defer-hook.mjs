// Trunk post-build hook, run before the CSP is pinned: the app's code loads only after the
// prerendered page has painted. Trunk's loader imports the JS glue statically and preloads
// the glue and the wasm, so they compete with the HTML and CSS for the network and their
// start-up work lands before the first paint. This rewrites the loader to wait for the
// first paint (or a second, for a tab opened in the background), then import the glue, and
// drops the preloads of the app (not of anything else). A loader that does not look as
// expected fails the build rather than ship half-rewritten.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { stagingDir } from './staging.mjs';

const dir = stagingDir('defer-hook');
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const fail = (what) => {
  console.error(`defer-hook: ${what} not found in index.html (has Trunk's loader changed?)`);
  process.exit(1);
};

const imports = /import init, \* as bindings from '([^']+)';\nimport initializer from '([^']+)';/;
const m = html.match(imports);
if (!m) fail("the loader's two static imports");
const [, glue, initializer] = m;
const wasm = html.match(/__trunkInitializer\(init, '([^']+)'/)?.[1] ?? fail('the wasm URL');

const deferred = [
  '// factdeck (scripts/defer-hook.mjs): the prerendered page paints first.',
  'await new Promise((go) => {',
  "  try { new PerformanceObserver(go).observe({ type: 'paint', buffered: true }); } catch { go(); }",
  '  setTimeout(go, 1000);',
  '});',
  `const bindings = await import('${glue}');`,
  'const init = bindings.default;',
  `const { default: initializer } = await import('${initializer}');`,
].join('\n');

let out = html.replace(imports, () => deferred);
for (const url of [glue, initializer, wasm]) {
  const link = new RegExp(`<link rel="(?:modulepreload|preload)" href="${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
  if (!link.test(out)) fail(`the preload of ${url}`);
  out = out.replace(link, '');
}
writeFileSync(file, out);
console.log('defer-hook: the app loads after the first paint');
