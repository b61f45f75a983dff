// What a reader sees for the facts the fact-check corrected (issue 12, item 5): each card
// says no more than the article does, and says whose word a claim is.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  card,
  checkbox,
  factsOfKind,
  waitForCardSet,
  waitForSearch,
  useApp,
} from './helpers.mjs';

const app = useApp();

const AMBASSADOR = 'Bahrom Ashrafkhanov, Ambassador of Uzbekistan to Azerbaijan';
const GREEN = 'green-energy-export-to-europe';
const TRANSPORT = 'transport-logistics-corridors';
const GOAL = 'trade-turnover-target-1-billion';
const VISITS = 'anniversary-high-level-visits';
const LEVEL = 'trade-turnover-255-million';
const SESSION = 'expert-council-second-session';
const CLUSTERS = ['textile-clusters-azerbaijan', 'silk-growing-clusters-azerbaijan'];

const text = async (page, id, selector) => (await card(page, id).locator(selector).textContent()).replace(/\s+/g, ' ').trim();

/** What the open card's details give as "Attributed to". */
const attributedTo = async (page, id) =>
  (await card(page, id).locator('.details dt', { hasText: 'Attributed to' }).locator('xpath=following-sibling::dd[1]').textContent()).trim();

test('the_green_energy_card_is_a_key_area_of_the_programme_with_no_status_and_no_date', async () => {
  const page = await app.open();
  const green = card(page, GREEN);
  assert.equal(await text(page, GREEN, '.badge'), 'Statement');
  assert.equal(await green.locator('.status').count(), 0, 'no status: the article gives none');
  assert.equal(await green.locator('.card__date').count(), 0, 'no date: 2024 is the programme’s, not the area’s');
  assert.match(await text(page, GREEN, 'h3'), /^Key area: /);
  const summary = await text(page, GREEN, '.card__summary');
  assert.ok(summary.includes('One of the 20 key areas of the cooperation programme'), summary);
  assert.ok(summary.includes('no project, start date or status'), summary);
  // Not on the timeline either, while the programme it belongs to is.
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  await waitForSearch(page, '?view=timeline');
  await page.locator('.timeline__what a[href$="fact=program-20-key-areas"]').first().waitFor();
  assert.equal(await page.locator(`.timeline__what a[href$="fact=${GREEN}"]`).count(), 0);
});

test('filtering_by_project_leaves_out_the_transport_priority_and_the_green_energy_area', async () => {
  const page = await app.open();
  assert.equal(await text(page, TRANSPORT, '.badge'), 'Statement');
  assert.equal(await card(page, TRANSPORT).locator('.status').count(), 0);
  assert.match(await text(page, TRANSPORT, '.card__summary'), /a stated priority: “high on the agenda”/);
  await checkbox(page, 'Project').check();
  await waitForCardSet(page, factsOfKind('project'));
  assert.equal(await card(page, TRANSPORT).count(), 0);
  assert.equal(await card(page, GREEN).count(), 0);
  await checkbox(page, 'Project').uncheck();
  await checkbox(page, 'Statement').check();
  await waitForCardSet(page, factsOfKind('statement'));
  assert.equal(await card(page, TRANSPORT).count(), 1);
  assert.equal(await card(page, GREEN).count(), 1);
});

test('the_trade_goal_card_gives_the_goal_as_the_ambassadors_words', async () => {
  const page = await app.open(`?fact=${GOAL}`);
  assert.equal(await text(page, GOAL, 'h3'), 'Ambassador: the goal is $1 billion in trade turnover');
  const summary = await text(page, GOAL, '.card__summary');
  assert.ok(summary.startsWith('The ambassador, Bahrom Ashrafkhanov, said the goal is to bring bilateral trade turnover to 1 billion US dollars.'), summary);
  assert.ok(!/two countries aim/.test(summary), summary);
  assert.equal(await attributedTo(page, GOAL), AMBASSADOR);
});

test('the_anniversary_visits_figure_says_planned_not_target', async () => {
  const page = await app.open();
  assert.equal(await text(page, VISITS, '.card__figure-value'), '2 high-level visits');
  assert.equal(await text(page, VISITS, '.card__figure-measure'), 'Planned');
  assert.ok(!(await text(page, VISITS, '.card__figure')).includes('Target'));
});

test('the_cluster_cards_do_not_call_the_clusters_joint_projects', async () => {
  const page = await app.open();
  for (const id of CLUSTERS) {
    const summary = await text(page, id, '.card__summary');
    assert.ok(summary.includes('clusters are being created in Azerbaijan, the ambassador said'), `${id}: ${summary}`);
    assert.ok(!/joint/i.test(summary), `${id}: ${summary}`);
  }
});

test('the_255_million_card_says_the_article_gives_no_reference_year', async () => {
  const page = await app.open();
  assert.ok((await text(page, LEVEL, '.card__summary')).includes('The report gives no reference year for the figure.'));
  assert.equal(await text(page, LEVEL, '.card__figure-value'), '$255 million');
  assert.equal(await card(page, LEVEL).locator('.card__figure-period').count(), 0, 'no period beside the figure');
});

test('the_expert_council_card_says_its_date_is_the_reports_dateline', async () => {
  const page = await app.open();
  assert.equal(await text(page, SESSION, '.card__date'), '4 June 2025 inferred from “BAKU, Azerbaijan, June 4”');
  const summary = await text(page, SESSION, '.card__summary');
  assert.ok(summary.includes("The report does not date the session: the date shown is the report's dateline"), summary);
});

test('the_details_attribute_each_claim_to_the_ambassador_or_to_the_report', async () => {
  // A paragraph of the article with no speaker: the report's own statement.
  const companies = 'azerbaijani-capital-companies-in-uzbekistan';
  let page = await app.open(`?fact=${companies}`);
  assert.equal(await attributedTo(page, companies), 'Trend');
  // "… has increased five times in recent years, the ambassador … said".
  const ventures = 'joint-ventures-fivefold';
  page = await app.open(`?fact=${ventures}`);
  assert.equal(await attributedTo(page, ventures), AMBASSADOR);
});
