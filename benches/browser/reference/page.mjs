// The plain-JS reference page (index.html?engine=…&data=…; `?engine=pagefind` hands the
// page to pagefind.mjs): what a typical search page
// does, to compare factdeck's keystrokes against (benches/browser/keystroke.mjs). It fetches
// `?data=` (a dataset in factdeck's format), indexes it with `?engine=` (FlexSearch,
// MiniSearch or Orama, configured as in engines.mjs), and on every `input` event (no
// debounce) searches, writes the count into the `role=status` line and replaces the list
// with up to 50 plain cards: an <article> with the title, summary and sectors.

import { card } from './card.mjs';

/** Cards shown at most. */
export const SHOWN = 50;

/** Every id an engine found, best first, and their number. */
const allIds = (ids) => ({ ids, count: ids.length });

/**
 * Each engine's `make(E, docs)` returns `{ search(q) → { ids, count } }`, ids best first
 * (at least SHOWN of them); E is engines.mjs, imported only for these engines, since the
 * Pagefind page is served without their vendored modules. Orama counts every match but
 * returns only the shown ones.
 */
const ENGINES = {
  flexsearch: { name: 'FlexSearch 0.8.212', make: (E, docs) => { const e = E.makeFlexSearch(docs); return { search: (q) => allIds(e.search(q)) }; } },
  minisearch: { name: 'MiniSearch 7.2.0', make: (E, docs) => { const e = E.makeMiniSearch(docs); return { search: (q) => allIds(e.search(q)) }; } },
  orama: { name: 'Orama 3.1.18', make: (E, docs) => { const e = E.makeOrama(docs); return { search: (q) => e.search(q, SHOWN) }; } },
};

async function start() {
  const status = document.getElementById('result-count');
  const list = document.getElementById('results');
  const input = document.getElementById('search');
  const params = new URLSearchParams(location.search);
  if (params.get('engine') === 'pagefind') {
    // Pagefind brings its own index and fetches (benches/browser/scale.mjs serves it).
    await import('./pagefind.mjs');
    return;
  }
  const engine = ENGINES[params.get('engine')];
  const url = params.get('data');
  if (!engine || !url) {
    status.textContent = `Open this page with ?engine=${Object.keys(ENGINES).join('|')}&data=file.json`;
    return;
  }
  document.title = `Facts: plain-JS reference page (${engine.name})`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const E = await import('./engines.mjs');
  const docs = E.toDocs(await res.json(), { cards: true });
  const search = engine.make(E, docs);
  const all = docs.slice(0, SHOWN).map((d) => d.id);

  const render = () => {
    const q = input.value.trim();
    let ids = all;
    let text = `${docs.length} facts`;
    if (q) {
      const r = search.search(q);
      ids = r.ids.slice(0, SHOWN);
      text = `${r.count} of ${docs.length} facts`;
    }
    status.textContent = text;
    list.replaceChildren(...ids.map((id) => card(docs[id].title, docs[id].summary, docs[id].sectors.join(' · '))));
  };
  input.addEventListener('input', render);
  render();
}

start();
