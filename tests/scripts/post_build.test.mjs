// The post-build steps (scripts/post-build.mjs) on Trunk 0.21.14's own output page, saved in
// tests/fixtures/trunk-0.21.14/: the parser finds every piece the steps need; a page whose
// loader or links have changed stops the build with a message saying what was expected;
// and the steps, in their order, give a page whose CSP allows exactly its deferred loader,
// a service worker that precaches what that page loads, and a single file that needs no
// other. No build needed: the app's files are stand-ins named as the page names them.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { pinCsp } from '../../scripts/csp-hook.mjs';
import { deferApp } from '../../scripts/defer-hook.mjs';
import { postBuild } from '../../scripts/post-build.mjs';
import { BuildError, parseTrunkPage, parseWorkerShim } from '../../scripts/trunk-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/trunk-0.21.14');
const PAGE = readFileSync(path.join(FIXTURE, 'index.html'), 'utf8');
const SHIM = readFileSync(path.join(FIXTURE, 'factdeck-loader_loader.js'), 'utf8');

// What Trunk 0.21.14 wrote, read by eye from the saved page.
const GLUE = '/factdeck-aabb6a3cd43db0a0.js';
const INITIALIZER = '/1a36a9943c0d0c24-initializer.mjs';
const WASM = '/factdeck-aabb6a3cd43db0a0_bg.wasm';
const CSS = '/style-c52837fe1976fb9f.css';
const ICON = '/favicon-8bd6f4df7f624bf7.svg';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const count = (text, needle) => text.split(needle).length - 1;
/** The inline scripts of `html`, by a reading of its own (not the parser's). */
const inlineScripts = (html) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
/** The value of `directive` in the CSP meta tag of `html`. */
function cspDirective(html, directive) {
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
  assert.equal(metas.length, 1, 'one CSP meta tag');
  return metas[0][1].split('; ').find((d) => d.startsWith(`${directive} `));
}

/** The error `fn` throws; fails the test if it throws none. */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected the build to stop, and it went on');
}

const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A build directory holding `page` and stand-ins for the files it names (`tag` varies their bytes). */
function buildDir(page = PAGE, tag = '') {
  const dir = mkdtempSync(path.join(tmpdir(), 'factdeck-post-build-'));
  dirs.push(dir);
  const files = {
    'index.html': page,
    [path.basename(GLUE)]: `function initSync() {}\nasync function __wbg_init() {}\nexport { initSync, __wbg_init as default };\n`,
    [path.basename(INITIALIZER)]: 'export default function initializer() { return {}; }\n',
    [path.basename(WASM)]: Buffer.from(`\0asm app${tag}`),
    [path.basename(CSS)]: `body { color: black; } /*${tag}*/\n`,
    [path.basename(ICON)]: '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n',
    'factdeck-loader_loader.js': SHIM,
    'factdeck-loader.js': 'var wasm_bindgen = function () {};\n',
    'factdeck-loader_bg.wasm': Buffer.from('\0asm worker'),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  return dir;
}

test('the_parser_finds_each_piece_of_trunks_page', () => {
  const page = parseTrunkPage(PAGE);
  assert.equal(page.loader.glue, GLUE);
  assert.equal(page.loader.initializer, INITIALIZER);
  assert.equal(page.loader.wasm, WASM);
  assert.equal(page.stylesheet.href, CSS);
  assert.equal(page.icon.href, ICON);
  assert.deepEqual(page.preloads.map((p) => p.href), [GLUE, INITIALIZER, WASM]);
  assert.ok(page.loader.tag.startsWith('<script type="module">') && page.loader.tag.endsWith('</script>'), page.loader.tag.slice(0, 80));
  assert.deepEqual(inlineScripts(PAGE), [page.loader.body], 'the loader is the only inline script');
  assert.equal(page.loader.imports, `import init, * as bindings from '${GLUE}';\nimport initializer from '${INITIALIZER}';`);
  for (const piece of [page.loader, page.stylesheet, page.icon, ...page.preloads]) {
    assert.equal(count(PAGE, piece.tag), 1, `found once in the page: ${piece.tag.slice(0, 80)}`);
  }
  assert.deepEqual(parseWorkerShim(SHIM), { glue: 'factdeck-loader.js', wasm: 'factdeck-loader_bg.wasm' });
});

test('a_page_whose_loader_or_links_changed_stops_the_build_saying_what_was_expected', () => {
  const loaderTag = parseTrunkPage(PAGE).loader.tag;
  const cases = [
    ['no loader', PAGE.replace(loaderTag, ''), "Trunk's output page has no <script type=module> loader: has Trunk's loader changed? (written for trunk 0.21.14)"],
    [
      'a loader with another opening tag',
      PAGE.replace('<script type="module">', '<script type="module" data-trunk>'),
      "Trunk's output page has no <script type=module> loader: has Trunk's loader changed? (written for trunk 0.21.14)",
    ],
    ['two loaders', PAGE.replace(loaderTag, `${loaderTag}${loaderTag}`), "Trunk's output page has 2 <script type=module> loaders, expected one: has Trunk's loader changed? (written for trunk 0.21.14)"],
    [
      'another inline script',
      PAGE.replace('<body>', '<body><script>window.trunk = 1;</script>'),
      "Trunk's output page has 2 inline scripts, expected only its module loader (the CSP allows that one): has Trunk's loader changed? (written for trunk 0.21.14)",
    ],
    [
      'the glue imported another way',
      PAGE.replace('import init, * as bindings from', 'import init, { initSync } from'),
      "Trunk's loader (index.html's <script type=module>) has no static imports of the app's glue and initializer (\"import init, * as bindings from '…';\" then \"import initializer from '…';\"): has Trunk's loader changed? (written for trunk 0.21.14)",
    ],
    [
      'the wasm started another way',
      PAGE.replace(`__trunkInitializer(init, '${WASM}'`, `__trunkInitializer(init, new URL('${WASM}')`),
      "Trunk's loader (index.html's <script type=module>) has no call __trunkInitializer(init, '<the app's wasm>', …): has Trunk's loader changed? (written for trunk 0.21.14)",
    ],
    ['no stylesheet link', PAGE.replace(/<link rel="stylesheet"[^>]*>/, ''), "Trunk's output page has no <link rel=\"stylesheet\">: has Trunk's output changed? (written for trunk 0.21.14)"],
    ['no <head>', PAGE.replace('<head>', '<head lang="en">'), "Trunk's output page has no <head>: has Trunk's output changed? (written for trunk 0.21.14)"],
  ];
  for (const [what, page, message] of cases) {
    const e = thrown(() => parseTrunkPage(page));
    assert.ok(e instanceof BuildError, `${what}: a BuildError, not ${e}`);
    assert.equal(e.message, message, what);
  }
  // Found by the step that needs it: the preload it drops.
  const noWasmPreload = parseTrunkPage(PAGE.replace(/<link rel="preload" href="[^"]+_bg\.wasm"[^>]*>/, ''));
  assert.equal(
    thrown(() => deferApp(noWasmPreload)).message,
    `Trunk's output page has no preload link (<link rel="modulepreload"> or "preload") for ${WASM}: has Trunk's output changed? (written for trunk 0.21.14)`,
  );
  assert.equal(
    thrown(() => parseWorkerShim('import "./factdeck-loader.js";')).message,
    "Trunk's worker loader shim has no importScripts(<glue>) then wasm_bindgen(<wasm>) call: has Trunk's output changed? (written for trunk 0.21.14)",
  );
});

test('the_steps_in_order_give_a_page_whose_csp_allows_exactly_its_deferred_loader_and_opening_script', () => {
  const html = pinCsp(deferApp(parseTrunkPage(PAGE))).html;
  const scripts = inlineScripts(html);
  assert.equal(scripts.length, 2, 'the opening script, then the loader');
  const [opening, loader] = scripts;
  assert.equal(
    cspDirective(html, 'script-src'),
    `script-src 'self' 'wasm-unsafe-eval' ${sha256(loader)} ${sha256(opening)}`,
    'the CSP allows those two, by their hashes, and no other inline script',
  );
  assert.ok(html.indexOf('<meta charset="utf-8" />') < 1024, 'the charset still comes in the first 1024 bytes');
  assert.ok(html.indexOf(opening) < html.indexOf(parseTrunkPage(PAGE).stylesheet.tag), 'the opening script runs before the stylesheet is asked for');
  assert.ok(html.indexOf(parseTrunkPage(PAGE).icon.tag) < html.indexOf(opening), 'the icon comes before the opening script, which may hold it back');
  assert.ok(html.startsWith(PAGE.slice(0, PAGE.indexOf('<head>') + 6) + '\n    <meta http-equiv="Content-Security-Policy"'), 'the CSP comes first in <head>, before anything it governs');
  // Deferred: no static import; the glue is imported once the first paint is observed.
  assert.doesNotMatch(loader, /^import /m);
  const paint = loader.indexOf("observe({ type: 'paint', buffered: true })");
  const glue = loader.indexOf(`const bindings = await import('${GLUE}');`);
  assert.ok(paint >= 0 && glue > paint, `the loader waits for the paint, then imports the glue:\n${loader}`);
  assert.ok(loader.indexOf(`await import('${INITIALIZER}')`) > paint, 'the initializer after the paint too');
  assert.match(loader, new RegExp(`__trunkInitializer\\(init, '${WASM}'`), 'the wasm is still started by Trunk');
  for (const url of [GLUE, INITIALIZER, WASM]) assert.ok(!html.includes(`href="${url}"`), `no preload of ${url} left`);
  // The rest is as Trunk wrote it: the links the page needs and the prerendered body.
  const { stylesheet, icon } = parseTrunkPage(PAGE);
  assert.equal(count(html, stylesheet.tag), 1);
  assert.equal(count(html, icon.tag), 1);
  assert.equal(html.slice(html.indexOf('<body>')), PAGE.slice(PAGE.indexOf('<body>')));
});

/** A compiled dataset's manifest head (core/src/compiled/manifest.rs): magic, version,
 * then the build, the number of facts and the facts per chunk, and a few bytes more. */
function manifestHead(build, facts, perChunk, magic = 'FDKM') {
  const bytes = new ArrayBuffer(24);
  const view = new DataView(bytes);
  [...magic].forEach((c, i) => view.setUint8(i, c.charCodeAt(0)));
  view.setUint16(4, 6, true);
  view.setUint32(6, build, true);
  view.setUint32(10, facts, true);
  view.setUint32(14, perChunk, true);
  return bytes;
}

/** What the opening script of the page the steps give does at `search` (`?data=…`): the
 * class it gives <html>, the links it adds, what it fetches and leaves for the app, and
 * whether it holds back the page's icon, run against a stand-in document whose fetch
 * answers with `manifest` (bytes; null: a 404). */
async function openingAt(search, manifest = null) {
  const opening = inlineScripts(pinCsp(deferApp(parseTrunkPage(PAGE))).html)[0];
  const classes = [];
  const links = [];
  const fetched = [];
  const document = {
    documentElement: { classList: { add: (c) => classes.push(c) } },
    createElement: (tag) => ({ tag }),
    head: { append: (link) => links.push(`${link.rel} ${link.href}${link.as ? ` as=${link.as} ${link.crossOrigin}` : ''}`) },
    querySelector: (selector) => (selector === 'link[rel="icon"]' ? icon : null),
  };
  const iconAttributes = { href: '/favicon.svg' };
  const icon = { getAttribute: (name) => iconAttributes[name], setAttribute: (name, value) => (iconAttributes[name] = value) };
  const window = {};
  const fetch = async (url) => {
    fetched.push(url);
    return { ok: manifest !== null, clone: () => ({ arrayBuffer: async () => manifest }) };
  };
  new Function('location', 'document', 'window', 'fetch', opening)({ search }, document, window, fetch);
  // The stand-in answers at once: one turn of the event loop runs the script's whole chain.
  await new Promise(setImmediate);
  const held = iconAttributes.href === 'data:,' && window.factdeckIcon === '/favicon.svg';
  return { classes, links, fetched, left: window.factdeckManifest?.url ?? null, icon: held ? 'held' : 'left' };
}

test('a_page_opened_on_another_dataset_is_marked_holds_back_its_icon_and_asks_for_the_app_and_the_first_files_before_its_body_is_parsed', async () => {
  const app = [`modulepreload ${GLUE}`, `modulepreload ${INITIALIZER}`, `preload ${WASM} as=fetch anonymous`];
  const first = (dir, v, chunks) =>
    ['terms.bin', 'docs.bin', ...Array.from({ length: chunks }, (_, c) => `facts-000${c}.bin`)].map((f) => `preload ${dir}${f}?v=${v} as=fetch anonymous`);
  const compiled = (dir, v, chunks) => ({ classes: ['opening'], links: [...app, ...first(dir, v, chunks)], fetched: [`${dir}manifest.bin`], left: `${dir}manifest.bin`, icon: 'held' });
  assert.deepEqual(await openingAt('?data=big/', manifestHead(0xc0ffee, 100000, 6)), compiled('big/', '00c0ffee', 4), 'the first page: 20 facts in 4 chunks');
  assert.deepEqual(await openingAt('?q=x&data=sub/dir/&sector=energy', manifestHead(0xfedcba98, 7, 6)), compiled('sub/dir/', 'fedcba98', 2));
  assert.deepEqual(await openingAt('?data=ok/', manifestHead(1, 0, 6)), compiled('ok/', '00000001', 0), 'no facts: no chunk');
  assert.deepEqual(await openingAt('?data=https%3A%2F%2Fexample.com%2F&data=ok/', manifestHead(1, 25, 10)), compiled('ok/', '00000001', 2));
  const manifestOnly = (dir) => ({ classes: ['opening'], links: app, fetched: [`${dir}manifest.bin`], left: `${dir}manifest.bin`, icon: 'held' });
  assert.deepEqual(await openingAt('?data=gone/'), manifestOnly('gone/'), 'a 404: the app reports it');
  assert.deepEqual(await openingAt('?data=odd/', manifestHead(1, 20, 6, 'FDKX')), manifestOnly('odd/'), 'not a manifest');
  assert.deepEqual(await openingAt('?data=cut/', manifestHead(1, 20, 6).slice(0, 12)), manifestOnly('cut/'), 'a truncated manifest');
  const jsonPage = { classes: ['opening'], links: app, fetched: [], left: null, icon: 'held' };
  assert.deepEqual(await openingAt('?data=facts.json'), jsonPage, 'a JSON dataset: no manifest');
  assert.deepEqual(await openingAt('?data=local'), jsonPage, "the visitor's own file");
  for (const search of ['', '?q=baku', '?data=', '?data=%2F%2Fexample.com%2F', '?data=/abs/', '?data=notes.txt', `?data=${'a'.repeat(200)}/`]) {
    const untouched = { classes: [], links: [], fetched: [], left: null, icon: 'left' };
    assert.deepEqual(await openingAt(search), untouched, `${search}: the prerendered page is the one asked for, or the app refuses the address`);
  }
});

test('the_build_precaches_what_the_final_page_loads_and_writes_a_single_file_needing_no_other', () => {
  const dir = buildDir();
  postBuild(dir);
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  assert.equal(html, pinCsp(deferApp(parseTrunkPage(PAGE))).html, 'index.html is the page of the steps above');

  // sw.js: the page ("./") and every file it loads, and only those; the worker later.
  const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const list = (name) => JSON.parse(sw.match(new RegExp(`^const ${name} = (\\[.*\\]);$`, 'm'))[1]);
  const loaded = [...html.matchAll(/(?:href="|import\(')\/([^"']+)["']|__trunkInitializer\(init, '\/([^']+)'/g)].map((m) => `./${m[1] ?? m[2]}`);
  assert.deepEqual([...list('ASSETS')].sort(), ['./', ...loaded].sort(), 'precached: the page and what it loads');
  assert.equal(loaded.length, 5, `the page loads the glue, initializer, wasm, stylesheet and icon: ${loaded}`);
  assert.deepEqual(list('LATER'), ['./factdeck-loader.js', './factdeck-loader_bg.wasm', './factdeck-loader_loader.js']);
  for (const url of [...list('ASSETS'), ...list('LATER')].filter((u) => u !== './')) {
    assert.ok(existsSync(path.join(dir, url)), `${url} is a file of the build`);
  }
  const version = sw.match(/^const VERSION = "(factdeck-[0-9a-f]{16})";$/m)?.[1];
  assert.ok(version, 'a cache version');
  // The cache is named after the files' bytes: the same build, the same name; a changed
  // file, another.
  const versionOf = (d) => (postBuild(d), readFileSync(path.join(d, 'sw.js'), 'utf8').match(/const VERSION = "([^"]+)"/)[1]);
  assert.equal(versionOf(buildDir()), version);
  assert.notEqual(versionOf(buildDir(PAGE, 'changed')), version);

  // factdeck.html: not precached; its only script and style inline and allowed by hash.
  const single = readFileSync(path.join(dir, 'factdeck.html'), 'utf8');
  assert.ok(!sw.includes('factdeck.html'), 'the single file is not precached');
  const scripts = inlineScripts(single);
  assert.equal(scripts.length, 1, 'no opening script: a page opened from disk opens no other dataset');
  assert.equal(cspDirective(single, 'script-src'), `script-src 'wasm-unsafe-eval' ${sha256(scripts[0])}`);
  const styles = [...single.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.deepEqual(styles, ['body { color: black; } /**/\n']);
  assert.equal(cspDirective(single, 'style-src'), `style-src ${sha256(styles[0])}`);
  assert.ok(scripts[0].includes(JSON.stringify(Buffer.from('\0asm app').toString('base64'))), "the app's wasm, inline");
  assert.ok(scripts[0].includes(Buffer.from('\0asm worker').toString('base64')), "the worker's wasm, inline (in the worker's Blob)");
  assert.doesNotMatch(single, /<link[^>]+href="(?!data:)|<script[^>]+src=/, 'no reference to another file');
  assert.equal(single.slice(single.indexOf('<body>')), PAGE.slice(PAGE.indexOf('<body>')), 'the prerendered page');
});

test('a_changed_page_stops_the_build_before_anything_is_written_with_a_one_line_message', () => {
  const changed = PAGE.replace(parseTrunkPage(PAGE).loader.tag, '');
  const dir = buildDir(changed);
  const before = readdirSync(dir).sort();
  assert.ok(thrown(() => postBuild(dir)) instanceof BuildError);
  assert.deepEqual(readdirSync(dir).sort(), before, 'no sw.js, no factdeck.html');
  assert.equal(readFileSync(path.join(dir, 'index.html'), 'utf8'), changed, 'index.html untouched');
  // As Trunk runs it: exit status 1 and the message alone, no stack trace.
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/post-build.mjs')], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir },
    encoding: 'utf8',
  });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.equal(run.stderr, "post-build: Trunk's output page has no <script type=module> loader: has Trunk's loader changed? (written for trunk 0.21.14)\n");
});
