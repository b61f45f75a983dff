// The reference pages' card, alone in its module so that a page can use it without
// loading the JS engines (the Pagefind page counts every byte it fetches).

/**
 * A plain card: an <article> with the title, a text (a string, or nodes such as an
 * excerpt's marks) and, if given, a line of notes (the sectors).
 */
export function card(title, text, notes = null) {
  const article = document.createElement('article');
  const h2 = document.createElement('h2');
  h2.textContent = title;
  const body = document.createElement('p');
  if (typeof text === 'string') body.textContent = text;
  else body.append(...text);
  article.append(h2, body);
  if (notes != null) {
    const line = document.createElement('p');
    line.className = 'sectors';
    line.textContent = notes;
    article.append(line);
  }
  return article;
}
