// The FlexSearch reference page (flexsearch.html): page.mjs with engines.mjs's FlexSearch Document index.
import { makeFlexSearch } from './engines.mjs';
import { start } from './page.mjs';

start((docs) => {
  const e = makeFlexSearch(docs);
  return { search: (q) => {
    const ids = e.search(q);
    return { ids, count: ids.length };
  } };
});
