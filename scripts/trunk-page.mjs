// What the post-build steps (scripts/post-build.mjs) know about Trunk's output, in one
// place: the page Trunk writes (index.html) is parsed once, here, into the pieces the steps
// rewrite (its module loader, the app's JS glue, initializer and wasm, the stylesheet, the
// icon, the preload links), and so is the loader shim of the worker. Each piece must be
// found exactly once; when one is not, the build stops with a message naming what was
// expected, so that a new Trunk fails here, readably, rather than shipping a half-rewritten
// page. Written for, and tested against, the page of trunk 0.21.14
// (tests/fixtures/trunk-0.21.14/, tests/scripts/post_build.test.mjs).

export const TRUNK_VERSION = '0.21.14';

/** A post-build step's failure; its message says what was expected. Printed without a stack. */
export class BuildError extends Error {}

/** Stops the build: `what` is wrong with Trunk's output (`where`). */
function changed(where, what, part = 'output') {
  throw new BuildError(`Trunk's ${where} ${what}: has Trunk's ${part} changed? (written for trunk ${TRUNK_VERSION})`);
}

/** Every match of `re` (a global regex) in `text`. */
const all = (text, re) => [...text.matchAll(re)];

/** The one match of `re` in `text`, or a BuildError saying `what` was not found once. */
function one(text, re, where, what, part) {
  const found = all(text, re);
  if (found.length === 0) changed(where, `has no ${what}`, part);
  if (found.length > 1) changed(where, `has ${found.length} ${what}s, expected one`, part);
  return found[0];
}

/**
 * Trunk's page, parsed: `html` as Trunk wrote it, and each piece as the exact text it has in
 * `html` (`tag`) with what the steps need from it. URLs are as Trunk wrote them (with the
 * `--public-url` prefix). The loader is the page's only inline script.
 *
 * - `loader`: `{ tag, body, imports, glue, initializer, wasm }`: Trunk's `<script type=module>`,
 *   its text, its two static import statements, and the URLs of the glue (`import init, *
 *   as bindings from …`), of the initializer (`import initializer from …`) and of the wasm
 *   (`__trunkInitializer(init, '<wasm>', …)`);
 * - `stylesheet`, `icon`: `{ tag, href }` of `<link rel="stylesheet">` and the SVG `<link rel="icon">`;
 * - `preloads`: `[{ tag, href }]`, every `<link rel="modulepreload">` and `<link rel="preload">`.
 */
export function parseTrunkPage(html) {
  const page = "output page";
  one(html, /<head>/g, page, '<head>');
  const [tag, body] = one(html, /<script type="module">([\s\S]*?)<\/script>/g, page, '<script type=module> loader', 'loader');
  const inline = all(html, /<script(?![^>]*\bsrc=)[^>]*>/g);
  if (inline.length !== 1) changed(page, `has ${inline.length} inline scripts, expected only its module loader (the CSP allows that one)`, 'loader');

  const loader = "loader (index.html's <script type=module>)";
  const [imports, glue, initializer] = one(
    body,
    /import init, \* as bindings from '([^']+)';\nimport initializer from '([^']+)';/g,
    loader,
    "static imports of the app's glue and initializer (\"import init, * as bindings from '…';\" then \"import initializer from '…';\")",
    'loader',
  );
  const [, wasm] = one(body, /__trunkInitializer\(init, '([^']+)'/g, loader, "call __trunkInitializer(init, '<the app's wasm>', …)", 'loader');

  const link = (re, what) => {
    const [linkTag, href] = one(html, re, page, what);
    return { tag: linkTag, href };
  };
  return {
    html,
    loader: { tag, body, imports, glue, initializer, wasm },
    stylesheet: link(/<link rel="stylesheet" href="([^"]+)"[^>]*>/g, '<link rel="stylesheet">'),
    icon: link(/<link rel="icon" href="([^"]+\.svg)"[^>]*>/g, '<link rel="icon"> to an .svg'),
    preloads: all(html, /<link rel="(?:modulepreload|preload)" href="([^"]+)"[^>]*>/g).map(([linkTag, href]) => ({ tag: linkTag, href })),
  };
}

/** The preload link of `href` in `page`, or a BuildError. */
export function preloadOf(page, href) {
  return page.preloads.find((p) => p.href === href) ?? changed('output page', `has no preload link (<link rel="modulepreload"> or "preload") for ${href}`);
}

/**
 * The loader shim Trunk writes for a worker (index.html, `data-loader-shim`), parsed: the
 * file names of the worker's no-modules glue (`importScripts`) and wasm (`wasm_bindgen(…)`).
 */
export function parseWorkerShim(text) {
  const [, glue, wasm] = one(
    text,
    /importScripts\(["'](?:[^"']*\/)?([^"'/]+\.js)["']\);?\s*wasm_bindgen\(["'](?:[^"']*\/)?([^"'/]+\.wasm)["']\);?/g,
    'worker loader shim',
    'importScripts(<glue>) then wasm_bindgen(<wasm>) call',
  );
  return { glue, wasm };
}
