// Trunk post-build step (scripts/post-build, after csp-hook.mjs and sw-hook.mjs): writes
// factdeck.html, the whole app in one HTML file that works opened straight from disk
// (file://), e.g. sent by email or carried on a USB stick.
//
// From the build's own files: the page (prerendered cards included, so it reads without
// JavaScript), the stylesheet in a <style>, the favicon as a data: URL, and one module
// script holding the wasm-bindgen glue plus the WebAssembly as base64, instantiated from
// those bytes (a page opened from disk may not fetch or import other files). The loader
// worker (src/bin/factdeck-loader.rs, which checks a visitor's own file) rides along the
// same way: its glue and base64 wasm become a Blob whose blob: URL the script leaves in
// `window.factdeckLoaderUrl` for src/ui/loader.rs. Its strict Content-Security-Policy
// allows exactly that script and that style by their sha256, the WebAssembly compile,
// workers from blob: URLs and data: images; nothing else, and never 'unsafe-inline'.
//
//   node scripts/single-file.mjs [dist-dir]   (default: $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const OUTPUT = 'factdeck.html';
// Trunk's loader shim for the worker (index.html, `data-loader-shim`).
const LOADER_SHIM = 'factdeck-loader_loader.js';

const fail = (msg) => {
  console.error(`single-file: ${msg}`);
  process.exit(1);
};

/** The one match of `re` in `text`, or a build failure naming `what`. */
function one(text, re, what) {
  const all = [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))];
  if (all.length !== 1) fail(`expected one ${what} in index.html, found ${all.length}`);
  return all[0];
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Text placed inside <script> or <style> must not close or confuse the element. */
function checkInline(text, tag, what) {
  if (new RegExp(`</${tag}`, 'i').test(text) || text.includes('<!--')) fail(`${what} contains "</${tag}" or "<!--"; it cannot be inlined as is`);
  return text;
}

export function singleFile(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const read = (url, encoding) => readFileSync(join(dir, basename(url)), encoding);

  // Trunk's loader, as scripts/defer-hook.mjs left it: `await import('<glue>.js')` and the
  // wasm's URL.
  const loader = one(html, /<script type="module">([\s\S]*?)<\/script>/, 'module loader script');
  const glueUrl = one(loader[1], /const bindings = await import\('([^']+)'\);/, 'glue import')[1];
  const wasmUrl = one(loader[1], /__trunkInitializer\(init, '([^']+)'/, 'wasm URL')[1];
  const cssLink = one(html, /<link rel="stylesheet" href="([^"]+)"[^>]*\/?>/, 'stylesheet link');
  const iconLink = one(html, /<link rel="icon" href="([^"]+\.svg)"[^>]*\/?>/, 'SVG icon link');

  // The glue is an ES module ending in `export { initSync, __wbg_init as default };`: drop
  // the export (nothing imports this script) and call __wbg_init with the bytes instead.
  const glue = read(glueUrl, 'utf8');
  const exportLine = one(glue, /^export \{[^}]*\};?\s*$/m, 'export statement in the glue');
  if (!/\b__wbg_init as default\b/.test(exportLine[0])) fail('the glue does not export __wbg_init as default');
  const wasm = read(wasmUrl);
  const bytesFn = `function __factdeckBytes(base64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}`;
  // The worker, as Trunk's loader shim (LOADER_SHIM) starts it, but from these bytes: its
  // no-modules glue defines `wasm_bindgen`, called with the wasm instead of its URL.
  const shim = read(LOADER_SHIM, 'utf8');
  const shimCall = one(shim, /importScripts\(["'][^"']*\/([^"'/]+\.js)["']\);?\s*wasm_bindgen\(["'][^"']*\/([^"'/]+\.wasm)["']\);?/, 'importScripts + wasm_bindgen call in the loader shim');
  const worker = `${read(shimCall[1], 'utf8')}
${bytesFn}
wasm_bindgen({ module_or_path: __factdeckBytes(${JSON.stringify(read(shimCall[2]).toString('base64'))}) });
`;
  const script = checkInline(
    `${glue.replace(exportLine[0], '')}
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
  const css = checkInline(read(cssLink[1], 'utf8'), 'style', 'the stylesheet');
  const icon = `data:image/svg+xml;base64,${read(iconLink[1]).toString('base64')}`;

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

  let out = html
    // The site's policy (csp-hook.mjs) allows 'self', which a file opened from disk is not.
    .replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`)
    .replace(cssLink[0], () => `<style>${css}</style>`)
    .replace(iconLink[0], () => `<link rel="icon" href="${icon}" />`)
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace(loader[0], () => `<script type="module">${script}</script>`);
  for (const leftover of [/<link[^>]+href="(?!data:)[^"]*"/, /<script[^>]+src=/]) {
    const m = out.match(leftover);
    if (m) fail(`a reference to another file is left: ${m[0]}`);
  }
  writeFileSync(join(dir, OUTPUT), out);
  const bytes = Buffer.byteLength(out);
  const gzip = gzipSync(out, { level: 9 }).length;
  console.log(`single-file: ${OUTPUT} ${(bytes / 1024).toFixed(0)} KB, ${(gzip / 1024).toFixed(0)} KB gzip -9`);
  return { bytes, gzip };
}

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) fail('give the dist directory, or run me from Trunk (TRUNK_STAGING_DIR)');
singleFile(dir);
