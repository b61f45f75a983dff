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
// for the app's files, and a compiled dataset's manifest, at once.
import { preloadOf } from './trunk-page.mjs';

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
  // the first 1024 bytes.
  let html = page.html.replace(page.loader.tag, () => tag).replace(page.stylesheet.tag, () => `${opening.tag}\n    ${page.stylesheet.tag}`);
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
 * opened with `?data=`, it marks the page (`.opening`) and preloads the app's glue,
 * initializer and wasm, and, for a compiled dataset (`?data=DIR/`), its manifest, which
 * the app reads first (src/ui/remote.rs). A preload the app does not use costs one wasted
 * request; the app checks the address itself.
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
    "  const manifest = data.endsWith('/') ? [[`${data}manifest.bin`, 'fetch']] : [];",
    `  for (const [url, as] of [...${app}, ...manifest]) {`,
    "    const link = document.createElement('link');",
    "    link.rel = as ? 'preload' : 'modulepreload';",
    '    if (as) {',
    '      link.as = as;',
    "      link.crossOrigin = 'anonymous';",
    '    }',
    '    link.href = url;',
    '    document.head.append(link);',
    '  }',
    '})();',
  ].join('\n');
  return { tag: `<script>\n${code}\n</script>`, body: `\n${code}\n` };
}
