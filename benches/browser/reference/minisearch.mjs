// The MiniSearch reference page (minisearch.html): page.mjs with engines.mjs's MiniSearch configuration.
import { makeMiniSearch } from './engines.mjs';
import { start } from './page.mjs';

start((docs) => {
  const e = makeMiniSearch(docs);
  return { search: (q) => {
    const ids = e.search(q);
    return { ids, count: ids.length };
  } };
});
