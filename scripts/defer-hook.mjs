// Post-build step 1 (scripts/post-build.mjs): the app's code loads only after the
// prerendered page has painted. Trunk's loader imports the JS glue statically and preloads
// the glue and the wasm, so they compete with the HTML and CSS for the network and their
// start-up work lands before the first paint. This rewrites the loader to wait for the
// first paint (or a second, for a tab opened in the background), then import the glue, and
// drops the preloads of the app (not of anything else).
// A page opened with `?data=` (another dataset than the prerendered one) does not wait:
// what would paint is not what was asked for. A small script early in <head> (`opening`)
// marks such a page before its body is parsed, so that the prerendered view is never laid
// out or painted (style.css: .opening; the app then replaces it, src/main.rs), and asks
// for the app's files, and a compiled dataset's manifest, at once. It also holds back the
// page's icon, which the app puts back once it has shown the dataset.
import { preloadOf } from './trunk-page.mjs';

/** Cards on a page (src/ui/paging.rs: PAGE): the first page's chunks are asked for early. */
const PAGE = 20;

/** `page` (parseTrunkPage) with its loader deferred and the app's preloads dropped. */
export function deferApp(page) {
  const { glue, initializer, wasm } = page.loader;
  const deferred = [
    '// factdeck (scripts/defer-hook.mjs): the prerendered page paints first.',
    'await new Promise((go) => {',
    "  if (new URLSearchParams(location.search).has('data')) return go();",
    "  try { new PerformanceObserver(go).observe({ type: 'paint', buffered: true }); } catch { go(); }",
    '  setTimeout(go, 1000);',
    '});',
    `const bindings = await import('${glue}');`,
    'const init = bindings.default;',
    `const { default: initializer } = await import('${initializer}');`,
  ].join('\n');
  const body = page.loader.body.replace(page.loader.imports, () => deferred);
  const tag = page.loader.tag.replace(page.loader.body, () => body);
  const dropped = [glue, initializer, wasm].map((url) => preloadOf(page, url));
  const opening = openingScript(page.loader);
  // Before the stylesheet: its requests leave first. After the charset, which must come in
  // the first 1024 bytes, and after the icon, which it may hold back.
  let html = page.html
    .replace(page.loader.tag, () => tag)
    .replace(page.icon.tag, '')
    .replace(page.stylesheet.tag, () => `${page.icon.tag}\n    ${opening.tag}\n    ${page.stylesheet.tag}`);
  for (const p of dropped) html = html.replace(p.tag, '');
  return {
    ...page,
    html,
    loader: { ...page.loader, tag, body, imports: null },
    opening,
    preloads: page.preloads.filter((p) => !dropped.includes(p)),
  };
}

/**
 * `{ tag, body }`: the classic inline script that runs before the body is parsed. On a page
 * opened with `?data=`, it marks the page (`.opening`), holds back its icon until the app
 * has shown the dataset (`window.factdeckIcon`), and preloads the app's glue, initializer
 * and wasm. For a compiled dataset (`?data=DIR/`) it also fetches the manifest,
 * leaving the request in `window.factdeckManifest` for the app, which reads it first
 * (src/ui/browser.rs: fetch_manifest), and as soon as the manifest is in, preloads the
 * files the app reads next (src/ui/remote.rs: Remote::open): the dictionary, the table and
 * the chunks of the first page of cards, named from the manifest's fixed head (magic,
 * version, then the build, the number of facts and the facts per chunk, as u32;
 * core/src/compiled/manifest.rs). They arrive while the wasm starts, not after. A preload
 * the app does not use costs one wasted request; the app checks the address itself.
 */
function openingScript({ glue, initializer, wasm }) {
  const app = JSON.stringify([[glue], [initializer], [wasm, 'fetch']]);
  const code = [
    '(() => {',
    // As the app reads the address (core/src/url_state.rs, is_data_path), less its finer
    // checks: the app shows the page again if it disagrees (src/main.rs).
    "  const data = new URLSearchParams(location.search).getAll('data').find((d) => d === 'local' || /^[\\w.-][\\w./-]{0,199}$/.test(d) && /(\\/|\\.json)$/.test(d));",
    '  if (data === undefined) return;',
    "  document.documentElement.classList.add('opening');",
    // The icon waits for the app (src/ui/browser.rs: show_icon). Chromium reads an icon on
    // the page's main thread when the page has been parsed (an SVG one is a document of its
    // own: about 30 ms), which is when the app starts: it held the first cards back.
    // It stays an icon link, to nothing: a page with none makes the browser ask the
    // server's root for /favicon.ico.
    "  const icon = document.querySelector('link[rel=\"icon\"]');",
    '  if (icon) {',
    "    window.factdeckIcon = icon.getAttribute('href');",
    "    icon.setAttribute('href', 'data:,');",
    '  }',
    '  const preload = (url, as) => {',
    "    const link = document.createElement('link');",
    "    link.rel = as ? 'preload' : 'modulepreload';",
    '    if (as) {',
    '      link.as = as;',
    "      link.crossOrigin = 'anonymous';",
    '    }',
    '    link.href = url;',
    '    document.head.append(link);',
    '  };',
    `  for (const [url, as] of ${app}) preload(url, as);`,
    "  if (!data.endsWith('/')) return;",
    '  const url = `${data}manifest.bin`;',
    '  const response = fetch(url);',
    '  window.factdeckManifest = { url, response };',
    '  response',
    '    .then((r) => (r.ok ? r.clone().arrayBuffer() : null))',
    '    .then((bytes) => {',
    '      const head = bytes && bytes.byteLength >= 18 ? new DataView(bytes) : null;',
    "      if (!head || String.fromCharCode(...new Uint8Array(bytes, 0, 4)) !== 'FDKM') return;",
    "      const v = head.getUint32(6, true).toString(16).padStart(8, '0');",
    `      const facts = Math.min(head.getUint32(10, true), ${PAGE});`,
    '      const perChunk = head.getUint32(14, true);',
    "      const names = ['terms.bin', 'docs.bin'];",
    "      for (let c = 0; perChunk > 0 && c * perChunk < facts; c++) names.push(`facts-${String(c).padStart(4, '0')}.bin`);",
    "      for (const name of names) preload(`${data}${name}?v=${v}`, 'fetch');",
    '    })',
    '    .catch(() => {});',
    '})();',
  ].join('\n');
  return { tag: `<script>\n${code}\n</script>`, body: `\n${code}\n` };
}
