// The build made with `--public-url /factdeck/`, served under /factdeck/ as on a project
// page of a static host: it loads, works, and keeps its path in every URL it writes.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  SUBPATH_DIST,
  TOTAL,
  card,
  cardControl,
  checkbox,
  search,
  typeQuery,
  viewSnapshot,
  waitForApp,
  waitForCardSet,
  waitForCount,
  waitForSearch,
  useApp,
} from './helpers.mjs';

const app = useApp({ dist: SUBPATH_DIST, base: '/factdeck/' });

test('the_sub_path_build_loads_every_card_from_files_under_the_sub_path', async () => {
  const page = await app.open();
  assert.equal(new URL(page.url()).pathname, '/factdeck/');
  await waitForCount(page, TOTAL, { filtered: false });
  const outside = app.server.requests.filter((p) => !p.startsWith('/factdeck/'));
  assert.deepEqual(outside, [], 'every file is requested under /factdeck/');
});

test('searching_and_filtering_under_the_sub_path_keep_the_path_in_the_url', async () => {
  const page = await app.open();
  await typeQuery(page, 'trade');
  await waitForSearch(page, '?q=trade', '/factdeck/');
  await checkbox(page, 'Energy').check();
  await waitForSearch(page, '?q=trade&sector=energy', '/factdeck/');
  await waitForCardSet(page, ['program-20-key-areas']);
  const before = await viewSnapshot(page);
  assert.equal(before.url, '/factdeck/?q=trade&sector=energy');
  await page.reload();
  await waitForApp(page);
  await waitForCardSet(page, ['program-20-key-areas']);
  assert.deepEqual(await viewSnapshot(page), before);
  await page.goBack();
  await waitForSearch(page, '?q=trade', '/factdeck/');
  await waitForCount(page, 5);
  assert.equal(await search(page).inputValue(), 'trade');
});

test('a_permalink_under_the_sub_path_points_inside_the_sub_path', async () => {
  const page = await app.open();
  const id = 'nizami-ganjavi-880th-anniversary';
  const link = await cardControl(page, id, 'link', { name: /Permalink/ });
  assert.equal(await link.evaluate((a) => a.href), app.url(`?fact=${id}`));
  assert.ok(app.url(`?fact=${id}`).includes('/factdeck/?fact='));
  await link.click();
  await waitForSearch(page, `?fact=${id}`, '/factdeck/');
  await card(page, id).locator('.details').waitFor();
});
