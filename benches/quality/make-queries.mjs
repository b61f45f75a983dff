// Builds benches/quality/queries.json, the labelled query set of the search-quality
// evaluation, deterministically from:
//   - benches/quality/bases.json: hand-written base queries for the curated dataset
//     (benches/quality/dataset.json) and for the shipped data/dataset.json;
//   - bases picked here in the synthetic dataset `synth 2000 1` (target/bench/data/synth-2000.json,
//     written by scripts/bench), from fact titles whose word combination no other fact has.
//
// Each base yields one query per category, each introducing exactly one difficulty:
//   exact                   the base as written (diacritics and ʻ included);
//   prefix                  the last word cut short (the shortest cut, ≥ 3 letters and at
//                           least half the word, that still leaves the target alone);
//   one-typo                one edit in one word of ≥ 5 letters: deletion, transposition of
//                           two neighbours, or substitution by a QWERTY neighbour, cycling;
//   two-typo                two edits: both in one word of ≥ 8 letters, or one in each of
//                           two words of ≥ 5 letters;
//   diacritic-free          Azerbaijani letters written without their marks (ə→e, ş→s, ç→c,
//                           ğ→g, ö→o, ü→u, ı/İ→i/I); only for bases that have some;
//   uzbek-apostrophe-variant  the ʻ of oʻ/gʻ written ' ’ ‘ ʼ or left out, cycling; only for
//                           bases that have some.
// A typo never touches the first letter or a non-ASCII letter, and never yields a word that
// occurs in the dataset (it is a misspelling, not another word).
//
// Checks (the script fails otherwise): every target exists; every base, and every prefix
// query in its prefix form, matches its target and no other fact when matched strictly
// (every folded word present as a whole word, the last as a prefix for `prefix`) over all
// the text factdeck indexes.
//
//   node benches/quality/make-queries.mjs            writes queries.json
//   node benches/quality/make-queries.mjs --check    fails if queries.json is not up to date

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { factText, fold, stripDiacritics, words } from './text.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const OUT = path.join(HERE, 'queries.json');
const SYNTH = path.join(ROOT, 'target/bench/data/synth-2000.json');
const SYNTH_BASES = { azDiacritics: 8, okina: 8, plain: 4 };

export const CATEGORIES = ['exact', 'prefix', 'one-typo', 'two-typo', 'diacritic-free', 'uzbek-apostrophe-variant'];

// ---- deterministic choices ----

function hash(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0;
  return h;
}

function rng(seedText) {
  let x = hash(seedText) || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

const QWERTY = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbours(ch) {
  const lower = ch.toLowerCase();
  for (let r = 0; r < 3; r++) {
    const c = QWERTY[r].indexOf(lower);
    if (c < 0) continue;
    const out = [];
    for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, 0], [1, -1]]) {
      const row = QWERTY[r + dr];
      if (row && row[c + dc]) out.push(row[c + dc]);
    }
    return out.map((n) => (ch === lower ? n : n.toUpperCase()));
  }
  return [];
}

const isAsciiLetter = (c) => /^[A-Za-z]$/.test(c ?? '');

// ---- a dataset's strict matcher ----

function matcher(dataset) {
  const docs = dataset.facts.map((f) => new Set(words(factText(f, dataset))));
  const vocab = new Set(docs.flatMap((d) => [...d]));
  /** Fact indices that contain every word of `query` (the last as a prefix when asked). */
  function strict(query, lastIsPrefix = false) {
    const ws = words(query);
    return docs
      .map((d, i) => [d, i])
      .filter(([d]) =>
        ws.every((w, k) => (lastIsPrefix && k === ws.length - 1 ? [...d].some((t) => t.startsWith(w)) : d.has(w))),
      )
      .map(([, i]) => i);
  }
  return { strict, vocab };
}

// ---- variants ----

/** The query's words with their offsets, as typed (letters, digits, ʻ and apostrophes inside). */
function typedWords(q) {
  return [...q.matchAll(/[\p{L}\p{N}ʻ'’‘ʼ]+/gu)].map((m) => ({ text: m[0], at: m.index }));
}

function replaceWord(q, w, text) {
  return q.slice(0, w.at) + text + q.slice(w.at + w.text.length);
}

/** Positions i (≥ 1) where an edit of `kind` on `word` touches only ASCII letters. */
function editPositions(word, kind) {
  const out = [];
  const chars = [...word];
  for (let i = 1; i < chars.length; i++) {
    if (!isAsciiLetter(chars[i])) continue;
    if (kind === 'transposition') {
      if (i + 1 < chars.length && isAsciiLetter(chars[i + 1]) && chars[i + 1].toLowerCase() !== chars[i].toLowerCase()) out.push(i);
    } else if (kind === 'deletion') {
      // Deleting the last letter leaves a prefix, not a misspelling; deleting one of a
      // double letter is a real typo but a weak one. Skip both.
      if (i < chars.length - 1 && chars[i - 1]?.toLowerCase() !== chars[i].toLowerCase() && chars[i + 1]?.toLowerCase() !== chars[i].toLowerCase()) out.push(i);
    } else {
      out.push(i);
    }
  }
  return out;
}

function applyEdit(word, kind, i, pick) {
  const chars = [...word];
  if (kind === 'deletion') chars.splice(i, 1);
  else if (kind === 'transposition') [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  else {
    const ns = neighbours(chars[i]).filter((n) => n.toLowerCase() !== chars[i].toLowerCase());
    chars[i] = ns[pick(ns.length)];
  }
  return chars.join('');
}

const EDITS = ['deletion', 'transposition', 'substitution'];

/** `word` with one edit of `kind` somewhere it can go, or null. */
function typo(word, kind, pick, vocab, avoid = []) {
  const positions = editPositions(word, kind).filter((i) => !avoid.some((a) => Math.abs(a - i) <= 1));
  for (let tries = 0; tries < positions.length; tries++) {
    const i = positions[(pick(positions.length) + tries) % positions.length];
    const out = applyEdit(word, kind, i, pick);
    const folded = fold(out);
    if (folded !== fold(word) && !vocab.has(folded)) return { text: out, at: i };
  }
  return null;
}

const letters = (w) => [...fold(w)].length;
const eligible = (w, min) => letters(w.text) >= min && /^[\p{L}ʻ'’‘ʼ]+$/u.test(w.text);

function variants(base, key, m, counters) {
  const out = [];
  const pick = rng(key);
  const ws = typedWords(base);
  out.push({ category: 'exact', query: base, edit: 'as written' });

  // prefix: shortest cut of the last word that still leaves the target alone
  const last = ws[ws.length - 1];
  const n = [...last.text].length;
  if (letters(last.text) >= 4) {
    for (let k = 3; k < n; k++) {
      const cut = [...last.text].slice(0, k).join('');
      if (/[ʻ'’‘ʼ]$/u.test(cut) || letters(cut) < Math.max(3, Math.ceil(letters(last.text) / 2))) continue;
      const q = replaceWord(base, last, cut);
      if (m.strict(q, true).length === 1) {
        out.push({ category: 'prefix', query: q, edit: `"${last.text}" cut to "${cut}"` });
        break;
      }
    }
  }

  // one typo in one word of ≥ 5 letters
  const five = ws.filter((w) => eligible(w, 5));
  if (five.length) {
    const start = pick(five.length);
    for (let t = 0; t < five.length * 3; t++) {
      const w = five[(start + t) % five.length];
      const kind = EDITS[(counters.one + Math.floor(t / five.length)) % 3];
      const e = typo(w.text, kind, pick, m.vocab);
      if (e) {
        counters.one++;
        out.push({ category: 'one-typo', query: replaceWord(base, w, e.text), edit: `${kind}: "${w.text}" → "${e.text}"` });
        break;
      }
    }
  }

  // two typos: in one long word, or one in each of two words (alternating when both fit)
  const eight = ws.filter((w) => eligible(w, 8));
  const tryOneWord = () => {
    for (const w of eight) {
      const k1 = EDITS[counters.two % 3];
      const k2 = EDITS[(counters.two + 1) % 3];
      const e1 = typo(w.text, k1, pick, m.vocab);
      if (!e1) continue;
      // The second edit is placed away from the first, on the edited word.
      const e2 = typo(e1.text, k2, pick, m.vocab, [e1.at]);
      if (!e2) continue;
      return { query: replaceWord(base, w, e2.text), edit: `${k1} + ${k2}: "${w.text}" → "${e2.text}"` };
    }
    return null;
  };
  const tryTwoWords = () => {
    if (five.length < 2) return null;
    const [a, b] = [five[0], five[five.length - 1]];
    const ka = EDITS[counters.two % 3];
    const kb = EDITS[(counters.two + 2) % 3];
    const ea = typo(a.text, ka, pick, m.vocab);
    const eb = typo(b.text, kb, pick, m.vocab);
    if (!ea || !eb) return null;
    const q = replaceWord(replaceWord(base, b, eb.text), a, ea.text);
    return { query: q, edit: `${ka}: "${a.text}" → "${ea.text}"; ${kb}: "${b.text}" → "${eb.text}"` };
  };
  const two = counters.two % 2 === 0 ? tryOneWord() ?? tryTwoWords() : tryTwoWords() ?? tryOneWord();
  if (two) {
    counters.two++;
    out.push({ category: 'two-typo', ...two });
  }

  // diacritic-free
  const plain = stripDiacritics(base);
  if (plain !== base) out.push({ category: 'diacritic-free', query: plain, edit: 'Azerbaijani diacritics dropped' });

  // Uzbek apostrophe variants
  if (base.includes('ʻ')) {
    const forms = ["'", '’', '‘', 'ʼ', ''];
    const names = ['ASCII apostrophe', 'right single quote ’', 'left single quote ‘', 'modifier apostrophe ʼ', 'no apostrophe'];
    const v = counters.apo++ % forms.length;
    out.push({ category: 'uzbek-apostrophe-variant', query: base.replaceAll('ʻ', forms[v]), edit: `ʻ written as ${names[v]}` });
  }
  return out;
}

// ---- synthetic bases ----

const STOP = new Set(
  'a an the and or of in on at to for from by with up since goal hosts held under way planned completed reached presents sign signs between is are will be has have its their our this that it as no not'.split(' '),
);

function synthBases(dataset, m) {
  const want = { ...SYNTH_BASES };
  const bases = [];
  const seen = new Set();
  const order = dataset.facts.map((_, i) => i);
  const pick = rng('synth-2000-bases');
  for (let i = order.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const fi of order) {
    if (!want.azDiacritics && !want.okina && !want.plain) break;
    const f = dataset.facts[fi];
    const ws = typedWords(f.title)
      .map((w) => w.text.replace(/['’]s$/, ''))
      .filter((w) => !STOP.has(w.toLowerCase()) && !/\d/.test(w) && letters(w) >= 3);
    const uniq = [...new Set(ws)];
    let found = null;
    for (let size = 2; size <= 3 && !found; size++) {
      for (const combo of combinations(uniq, size)) {
        const q = combo.join(' ');
        if (seen.has(fold(q))) continue;
        const hits = m.strict(q);
        if (hits.length === 1 && hits[0] === fi) {
          found = q;
          break;
        }
      }
    }
    if (!found) continue;
    const az = stripDiacritics(found) !== found;
    const ok = found.includes('ʻ');
    const slot = az && want.azDiacritics ? 'azDiacritics' : ok && want.okina ? 'okina' : !az && !ok && want.plain ? 'plain' : null;
    if (!slot) continue;
    want[slot]--;
    seen.add(fold(found));
    bases.push([f.id, found]);
  }
  return bases;
}

function* combinations(items, k, from = 0, acc = []) {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = from; i < items.length; i++) yield* combinations(items, k, i + 1, [...acc, items[i]]);
}

// ---- main ----

function build() {
  const bases = JSON.parse(readFileSync(path.join(HERE, 'bases.json'), 'utf8'));
  if (!existsSync(SYNTH)) {
    throw new Error(`${path.relative(ROOT, SYNTH)} is missing: target/release/synth 2000 1 > ${path.relative(ROOT, SYNTH)} (scripts/bench does it)`);
  }
  const sets = [
    { name: 'curated', file: 'benches/quality/dataset.json', bases: bases.curated },
    { name: 'real', file: 'data/dataset.json', bases: bases.real },
    { name: 'synth-2k', file: 'target/bench/data/synth-2000.json', generated: 'synth 2000 1', bases: null },
  ];
  const queries = [];
  const datasets = {};
  const problems = [];
  for (const set of sets) {
    const dataset = JSON.parse(readFileSync(path.join(ROOT, set.file), 'utf8'));
    const m = matcher(dataset);
    const list = set.bases ?? synthBases(dataset, m);
    datasets[set.name] = { file: set.file, ...(set.generated ? { generated: set.generated } : {}), facts: dataset.facts.length, bases: list.length };
    const counters = { one: 0, two: 0, apo: 0 };
    list.forEach(([target, base], b) => {
      const ti = dataset.facts.findIndex((f) => f.id === target);
      if (ti < 0) return problems.push(`${set.name}: no fact ${target}`);
      const hits = m.strict(base);
      if (hits.length !== 1 || hits[0] !== ti) {
        return problems.push(`${set.name}: base "${base}" matches ${hits.length} facts strictly (${hits.slice(0, 4).map((i) => dataset.facts[i].id).join(', ')}), not just ${target}`);
      }
      for (const v of variants(base, `${set.name}/${target}`, m, counters)) {
        queries.push({ id: `${set.name}-${String(b + 1).padStart(2, '0')}-${v.category}`, dataset: set.name, category: v.category, query: v.query, target, base, edit: v.edit });
      }
    });
  }
  if (problems.length) throw new Error(problems.join('\n'));
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, queries.filter((q) => q.category === c).length]));
  for (const [c, n] of Object.entries(counts)) if (n < 15) throw new Error(`only ${n} ${c} queries (need ≥ 15)`);
  return {
    about:
      'Labelled queries for the search-quality evaluation (benches/browser, scripts/bench). Each query has one target fact; a hit is the target ranked first (top-1) or among the first five (top-5). Generated by benches/quality/make-queries.mjs from bases.json and the synthetic dataset; do not edit by hand.',
    categories: CATEGORIES,
    counts,
    datasets,
    queries,
  };
}

const json = JSON.stringify(build(), null, 1) + '\n';
if (process.argv.includes('--check')) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== json) {
    console.error('benches/quality/queries.json is out of date: node benches/quality/make-queries.mjs');
    process.exit(1);
  }
  console.log('queries.json is up to date');
} else {
  writeFileSync(OUT, json);
  const q = JSON.parse(json);
  console.log(`benches/quality/queries.json: ${q.queries.length} queries`, q.counts);
}
