// The Orama reference page (orama.html): page.mjs with engines.mjs's Orama configuration;
// Orama counts every match but returns only the shown ones.
import { makeOrama } from './engines.mjs';
import { SHOWN, start } from './page.mjs';

start((docs) => {
  const e = makeOrama(docs);
  return { search: (q) => e.search(q, SHOWN) };
});
