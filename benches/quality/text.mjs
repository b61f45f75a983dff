// Folding and word splitting for the quality set, in the spirit of core/src/text.rs:
// case, Latin diacritics, Turkic dotted/dotless i, Azerbaijani ə and Uzbek apostrophes.
// Used to check that each base query finds its target alone, and by the "MiniSearch +
// folding" variant of the harness. Runs in Node and in the browser.

const APOSTROPHES = /['ʻ’‘ʼ`ʹ′]/g;

/** Folds `s`: lowercase, ə → e, İ/I/ı → i, diacritics stripped, apostrophes dropped. */
export function fold(s) {
  return s
    .replace(/[İIı]/g, 'i')
    .replace(/[əƏ]/g, 'e')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, '');
}

/** Folded words of `text`; an English possessive 's is dropped, like factdeck does. */
export function words(text) {
  return fold(text.replace(/['’]s\b/g, ''))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Azerbaijani (and other Latin) diacritics removed, Uzbek ʻ kept: "Gəncə" → "Gence". */
export function stripDiacritics(s) {
  return s
    .replace(/ə/g, 'e')
    .replace(/Ə/g, 'E')
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** All text factdeck indexes for a fact (a superset of what the JS engines get). */
export function factText(fact, dataset) {
  const sectors = fact.sectors.map((id) => dataset.sectors.find((s) => s.id === id)?.label ?? id);
  return [
    fact.title,
    ...sectors,
    ...(fact.parties ?? []),
    ...(fact.countries ?? []),
    fact.kind,
    fact.summary,
    fact.quote,
    fact.attribution ?? '',
    fact.status ?? '',
  ].join(' \n ');
}
