// Post-build step 4, the last (scripts/post-build.mjs): writes factdeck.html, the whole
// app in one HTML file that works opened straight from disk (file://), e.g. sent by email
// or carried on a USB stick.
//
// From the build's own files: the page (prerendered cards included, so it reads without
// JavaScript), the stylesheet in a <style>, the favicon as a data: URL, and one module
// script holding the wasm-bindgen glue plus the WebAssembly as base64, instantiated from
// those bytes (a page opened from disk may not fetch or import other files). The loader
// worker (src/bin/factdeck-loader.rs, which checks a visitor's own file) rides along the
// same way: its glue and base64 wasm become a Blob whose blob: URL the script leaves in
// `window.factdeckLoaderUrl` for src/ui/loading/loader.rs. Its strict Content-Security-Policy
// allows exactly that script and that style by their sha256, the WebAssembly compile,
// workers from blob: URLs and data: images; nothing else, and never 'unsafe-inline'.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { sha256 } from './csp-hook.mjs';
import { BuildError, parseWorkerShim } from './trunk-page.mjs';

export const OUTPUT = 'factdeck.html';
// Trunk's loader shim for the worker (index.html, `data-loader-shim`).
const LOADER_SHIM = 'factdeck-loader_loader.js';

const fail = (msg) => {
  throw new BuildError(`single-file: ${msg}`);
};

/** Text placed inside <script> or <style> must not close or confuse the element. */
function checkInline(text, tag, what) {
  if (new RegExp(`</${tag}`, 'i').test(text) || text.includes('<!--')) fail(`${what} contains "</${tag}" or "<!--"; it cannot be inlined as is`);
  return text;
}

/**
 * Writes `dir`/factdeck.html from `page` (the site's page as the previous steps left it:
 * parseTrunkPage, deferApp, pinCsp) and the files in `dir`; returns its size, raw and gzip.
 */
export function writeSingleFile(dir, page) {
  const read = (url, encoding) => readFileSync(join(dir, basename(url)), encoding);

  // The glue is an ES module ending in `export { initSync, __wbg_init as default };`: drop
  // the export (nothing imports this script) and call __wbg_init with the bytes instead.
  const glue = read(page.loader.glue, 'utf8');
  const exports = [...glue.matchAll(/^export \{[^}]*\};?\s*$/gm)];
  if (exports.length !== 1) fail(`expected one export statement in the glue ${page.loader.glue}, found ${exports.length}`);
  const exportLine = exports[0][0];
  if (!/\b__wbg_init as default\b/.test(exportLine)) fail('the glue does not export __wbg_init as default');
  const wasm = read(page.loader.wasm);
  const bytesFn = `function __factdeckBytes(base64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}`;
  // The worker, as Trunk's loader shim (LOADER_SHIM) starts it, but from these bytes: its
  // no-modules glue defines `wasm_bindgen`, called with the wasm instead of its URL.
  const shim = parseWorkerShim(read(LOADER_SHIM, 'utf8'));
  const worker = `${read(shim.glue, 'utf8')}
${bytesFn}
wasm_bindgen({ module_or_path: __factdeckBytes(${JSON.stringify(read(shim.wasm).toString('base64'))}) });
`;
  const script = checkInline(
    `${glue.replace(exportLine, '')}
// ---- factdeck single-file start (scripts/single-file.mjs) ----
const __factdeckWasm = ${JSON.stringify(wasm.toString('base64'))};
${bytesFn}
window.factdeckLoaderUrl = URL.createObjectURL(new Blob([${JSON.stringify(worker)}], { type: 'text/javascript' }));
try {
  await __wbg_init({ module_or_path: __factdeckBytes(__factdeckWasm) });
} catch (error) {
  // As static/initializer.mjs does: keep the prerendered page and show its notice.
  console.warn('factdeck: the app could not start; the page stays static.', error);
  document.documentElement.classList.add('app-failed');
}
`,
    'script',
    'the JS glue',
  );
  const css = checkInline(read(page.stylesheet.href, 'utf8'), 'style', 'the stylesheet');
  const icon = `data:image/svg+xml;base64,${read(page.icon.href).toString('base64')}`;

  const policy = [
    "default-src 'none'",
    `script-src 'wasm-unsafe-eval' ${sha256(script)}`,
    'worker-src blob:',
    `style-src ${sha256(css)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');

  // The site's policy (csp-hook.mjs) allows 'self', which a file opened from disk is not.
  if (!page.csp) fail("the page has no CSP of the site's to replace (run csp-hook first)");
  let out = page.html.replace(page.csp, () => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  for (const p of page.preloads) out = out.replace(p.tag, '');
  // Opened from disk, the page opens no other dataset (src/ui/loading/loader.rs): nothing
  // to mark or preload for one.
  if (page.opening) out = out.replace(page.opening.tag, '');
  out = out
    .replace(page.stylesheet.tag, () => `<style>${css}</style>`)
    .replace(page.icon.tag, () => `<link rel="icon" href="${icon}" />`)
    .replace(page.loader.tag, () => `<script type="module">${script}</script>`);
  for (const leftover of [/<link[^>]+href="(?!data:)[^"]*"/, /<script[^>]+src=/]) {
    const m = out.match(leftover);
    if (m) fail(`a reference to another file is left: ${m[0]}`);
  }
  writeFileSync(join(dir, OUTPUT), out);
  return { bytes: Buffer.byteLength(out), gzip: gzipSync(out, { level: 9 }).length };
}
