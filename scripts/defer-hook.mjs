// Post-build step 1 (scripts/post-build.mjs): the app's code loads only after the
// prerendered page has painted. Trunk's loader imports the JS glue statically and preloads
// the glue and the wasm, so they compete with the HTML and CSS for the network and their
// start-up work lands before the first paint. This rewrites the loader to wait for the
// first paint (or a second, for a tab opened in the background), then import the glue, and
// drops the preloads of the app (not of anything else). A page opened with `?data=` (another
// dataset than the prerendered one) does not wait: what has painted is not what was asked for.
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
  let html = page.html.replace(page.loader.tag, () => tag);
  for (const p of dropped) html = html.replace(p.tag, '');
  return {
    ...page,
    html,
    loader: { ...page.loader, tag, body, imports: null },
    preloads: page.preloads.filter((p) => !dropped.includes(p)),
  };
}
