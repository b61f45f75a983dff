// The Pagefind reference page (index.html?engine=pagefind), for benches/browser/scale.mjs: Pagefind
// 1.6.0's own JS API (`/pagefind/pagefind.js`, served from the bundle its Node API wrote
// for the same facts) behind the reference pages' plain UI. It loads Pagefind when the page
// opens (`init`: its wasm and metadata), then on every `input` event (no debounce) searches,
// fetches the first SHOWN results' data with `result.data()` as Pagefind's UI does, writes
// the count into the `role=status` line and replaces the list with cards (title and
// excerpt). While a search is in flight the list is `aria-busy`, which tells the benchmark
// that the keystroke is not over yet; an answer to an older input is dropped.

import { card } from './card.mjs';
import * as pagefind from '/pagefind/pagefind.js';

/** Cards shown at most. */
export const SHOWN = 20;
/** What the status line says when the box is empty and Pagefind is ready. */
export const IDLE = 'Type to search';

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const unescape = (s) => s.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]);

/** Pagefind's excerpt (HTML text with <mark>s) as text and <mark> nodes, never parsed as HTML. */
function excerpt(html) {
  return html.split(/(<mark>.*?<\/mark>)/).map((part) => {
    const m = part.match(/^<mark>(.*)<\/mark>$/);
    if (!m) return document.createTextNode(unescape(part));
    const mark = document.createElement('mark');
    mark.textContent = unescape(m[1]);
    return mark;
  });
}

const status = document.getElementById('result-count');
const list = document.getElementById('results');
const input = document.getElementById('search');
let latest = 0;
document.title = 'Facts: reference page (Pagefind 1.6.0)';

input.addEventListener('input', async () => {
  const mine = ++latest;
  const q = input.value.trim();
  if (!q) {
    status.textContent = IDLE;
    list.replaceChildren();
    list.removeAttribute('aria-busy');
    return;
  }
  list.setAttribute('aria-busy', 'true');
  try {
    const search = await pagefind.search(q);
    if (mine !== latest) return;
    const shown = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    if (mine !== latest) return;
    status.textContent = `${search.results.length} results`;
    list.replaceChildren(...shown.map((d) => card(d.meta.title ?? d.url, excerpt(d.excerpt))));
  } catch (e) {
    if (mine !== latest) return;
    status.textContent = `Search failed: ${e.message}`;
    console.error(e);
  }
  list.removeAttribute('aria-busy');
});

try {
  await pagefind.init();
  status.textContent = IDLE;
} catch (e) {
  status.textContent = `Pagefind did not load: ${e.message}`;
  console.error(e);
}
