// Indicator charts: each is an SVG image named by its <title>, with a visible caption that
// says the same in words; derived figures say "derived"; they fit a 320 px phone and pass axe.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { card, useApp } from './helpers.mjs';

const app = useApp();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const INDICATORS = '?kind=indicator';

/** The chart each fact gets with the shipped data, and its accessible name. */
const CHARTS = [
  ['trade-turnover-target-1-billion', 'progress', 'Progress toward the target: $255 million of $1 billion'],
  ['trade-turnover-tripled', 'change', 'Change ×3: from about $85 million (derived) to $255 million'],
  ['joint-ventures-fivefold', 'ratio', 'Change ×5; the base is not given'],
  ['azerbaijani-capital-companies-in-uzbekistan', 'comparison', '540 companies compared with about 70 enterprises'],
];

/** The chart's drawn text, line by line. */
function drawnLines(page, id) {
  return card(page, id).locator('svg text').allTextContents();
}

test('each_indicator_type_shows_an_svg_named_by_its_title_with_a_caption', async () => {
  const page = await app.open(INDICATORS);
  for (const [id, kind, title] of CHARTS) {
    const figure = card(page, id).locator(`figure.chart--${kind}`);
    await figure.waitFor();
    const svg = figure.getByRole('img', { name: title, exact: true });
    assert.equal(await svg.count(), 1, `${id}: an image named “${title}”`);
    assert.equal(await svg.locator('title').textContent(), title);
    const caption = (await figure.locator('figcaption').innerText()).trim();
    assert.ok(caption.length > 40, `${id}: caption “${caption}”`);
    assert.ok(await figure.locator('figcaption').isVisible(), `${id}: caption visible`);
    assert.equal(await svg.locator('desc').textContent(), caption);
    assert.equal(await svg.getAttribute('aria-describedby'), await figure.locator('figcaption').getAttribute('id'));
  }
});

test('a_single_figure_without_a_comparison_gets_no_chart', async () => {
  const page = await app.open(INDICATORS);
  for (const id of ['five-mutual-visits-heads-of-state', 'trade-turnover-255-million', 'uzbek-capital-enterprises-in-azerbaijan']) {
    await card(page, id).waitFor();
    assert.equal(await card(page, id).locator('figure.chart').count(), 0, id);
  }
});

test('progress_marks_the_target_and_labels_the_percentage_derived', async () => {
  const page = await app.open(INDICATORS);
  const id = 'trade-turnover-target-1-billion';
  assert.deepEqual(await drawnLines(page, id), ['Target: $1 billion', '$255 million', '25.5% of the target (derived)']);
  const derived = card(page, id).locator('svg .chart__derived');
  assert.equal(await derived.textContent(), ' (derived)');
  // The target rule sits at the end of the track; the fill stops at a quarter of it.
  const [track, fill, rule] = await Promise.all(
    ['track', 'stated', 'target'].map((t) => card(page, id).locator(`rect.chart__bar--${t}`).boundingBox()),
  );
  assert.ok(Math.abs(rule.x + rule.width - (track.x + track.width)) <= 2, JSON.stringify({ track, rule }));
  assert.ok(Math.abs(fill.width / track.width - 0.255) < 0.01, JSON.stringify({ track, fill }));
  assert.match(await card(page, id).locator('.chart__caption').innerText(), /25\.5% of the target of \$1 billion \(derived: /);
});

test('the_change_chart_labels_its_base_derived_visibly_and_in_words', async () => {
  const page = await app.open(INDICATORS);
  const id = 'trade-turnover-tripled';
  const lines = await drawnLines(page, id);
  assert.equal(lines[0], 'about $85 million (derived)');
  assert.ok(lines.includes('$255 million, ×3'), lines.join(' | '));
  assert.ok(await card(page, id).locator('rect.chart__bar--derived').isVisible());
  assert.match(await card(page, id).locator('.chart__caption').innerText(), /from about \$85 million \(derived: \$255 million ÷ 3/);
});

test('a_change_without_a_base_shows_only_the_ratio', async () => {
  const page = await app.open(INDICATORS);
  const id = 'joint-ventures-fivefold';
  assert.deepEqual(await drawnLines(page, id), ['Before: the base (not given)', 'After: ×5 the base']);
  assert.equal(await card(page, id).locator('rect.chart__bar--base').count(), 1);
  assert.equal(await card(page, id).locator('rect.chart__bar--stated').count(), 5);
});

test('an_approximate_count_is_shown_with_about', async () => {
  const page = await app.open(INDICATORS);
  const id = 'azerbaijani-capital-companies-in-uzbekistan';
  const lines = await drawnLines(page, id);
  assert.equal(lines[0], '540 companies');
  assert.ok(lines.includes('about 70 enterprises'), lines.join(' | '));
  assert.match(await card(page, id).locator('.chart__caption').innerText(), /compared with about 70 enterprises/);
});

test('at_320px_charts_fit_and_no_drawn_text_is_cut_off', async () => {
  const page = await app.open(INDICATORS, { viewport: { width: 320, height: 800 } });
  await page.locator('figure.chart').first().waitFor();
  const m = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    figures: [...document.querySelectorAll('figure.chart')].map((f) => {
      const svg = f.querySelector('svg');
      const box = svg.getBoundingClientRect();
      const cardBox = f.closest('article').getBoundingClientRect();
      const width = svg.viewBox.baseVal.width;
      // Every line of drawn text inside the viewBox, with the reader's actual font (a glyph
      // such as "T" may overhang its origin by a unit).
      const overflowing = [...svg.querySelectorAll('text')]
        .map((t) => ({ text: t.textContent, box: t.getBBox() }))
        .filter(({ box: b }) => b.x < -2 || b.x + b.width > width + 2)
        .map(({ text, box: b }) => `${text} (${Math.round(b.x)}..${Math.round(b.x + b.width)} of ${width})`);
      return { id: f.closest('article').id, inside: box.left >= cardBox.left && box.right <= cardBox.right, overflowing };
    }),
  }));
  assert.ok(m.scrollWidth <= 320, `page is ${m.scrollWidth}px wide`);
  assert.equal(m.figures.length, 4);
  for (const f of m.figures) {
    assert.ok(f.inside, `${f.id}: chart wider than its card`);
    assert.deepEqual(f.overflowing, [], f.id);
  }
});

test('charts_are_in_the_page_before_and_without_javascript', async () => {
  // Chromium refuses the script preloads of a page without JavaScript: expected here.
  app.allow(/^request failed: .*\.m?js \(csp\)$/);
  const page = await app.open(INDICATORS, { javaScriptEnabled: false, waitForApp: false });
  // The prerendered page is the default view: every card, each with its chart.
  assert.equal(await page.locator('figure.chart svg[role="img"]').count(), 4);
  assert.equal(
    await page.getByRole('img', { name: CHARTS[0][2], exact: true }).count(),
    1,
  );
});

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const scheme of ['light', 'dark']) {
  test(`chart_shapes_have_3_to_1_and_text_4_5_to_1_contrast_in_the_${scheme}_theme`, async () => {
    const page = await app.open(INDICATORS);
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator('figure.chart').first().waitFor();
    const colours = await page.evaluate(() =>
      [...document.querySelectorAll('figure.chart rect, figure.chart tspan')].map((el) => {
        const s = getComputedStyle(el);
        const isTrack = el.classList.contains('chart__bar--track');
        return {
          what: `${el.closest('article').id} ${el.getAttribute('class')}`,
          text: el.tagName === 'tspan',
          // A track is drawn by its outline; everything else by its fill.
          colour: isTrack ? s.stroke : s.fill,
          background: getComputedStyle(el.closest('article')).backgroundColor,
        };
      }),
    );
    assert.ok(colours.length > 20, `${colours.length} chart parts`);
    const poor = colours
      .map((c) => ({ ...c, ratio: contrast(c.colour, c.background) }))
      .filter((c) => c.ratio < (c.text ? 4.5 : 3))
      .map((c) => `${c.what}: ${c.colour} on ${c.background} = ${c.ratio.toFixed(2)}`);
    assert.deepEqual(poor, []);
  });
}

for (const [name, options] of [
  ['light', {}],
  ['dark', { colorScheme: 'dark' }],
  ['narrow_320px', { viewport: { width: 320, height: 800 } }],
]) {
  test(`axe_finds_no_wcag_violations_with_charts_visible_${name}`, async () => {
    const page = await app.open(`${INDICATORS}&fact=trade-turnover-tripled`, { viewport: options.viewport });
    if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
    await page.locator('figure.chart').first().waitFor();
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );
  });
}
