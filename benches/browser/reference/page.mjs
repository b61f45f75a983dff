// The reference pages' whole UI: what a typical plain-JS search page does, to compare
// factdeck's keystrokes against (benches/browser/keystroke.mjs). It fetches `?data=` (a
// dataset in factdeck's format), indexes it with the page's engine, and on every `input`
// event (no debounce) searches, writes the count into the `role=status` line and replaces
// the list with up to 50 plain cards: an <article> with the title, summary and sectors.

import { card } from './card.mjs';
import { toDocs } from './engines.mjs';

/** Cards shown at most. */
export const SHOWN = 50;

/** `makeEngine(docs)` returns `{ search(q) → { ids, count } }`, ids best first (at least SHOWN of them). */
export async function start(makeEngine) {
  const status = document.getElementById('result-count');
  const list = document.getElementById('results');
  const input = document.getElementById('search');
  const url = new URLSearchParams(location.search).get('data');
  if (!url) {
    status.textContent = 'Open this page with ?data=file.json';
    return;
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const docs = toDocs(await res.json(), { cards: true });
  const engine = makeEngine(docs);
  const all = docs.slice(0, SHOWN).map((d) => d.id);

  const render = () => {
    const q = input.value.trim();
    let ids = all;
    let text = `${docs.length} facts`;
    if (q) {
      const r = engine.search(q);
      ids = r.ids.slice(0, SHOWN);
      text = `${r.count} of ${docs.length} facts`;
    }
    status.textContent = text;
    list.replaceChildren(...ids.map((id) => card(docs[id].title, docs[id].summary, docs[id].sectors.join(' · '))));
  };
  input.addEventListener('input', render);
  render();
}
