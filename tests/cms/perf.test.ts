// The CMS with a real 100-criterion self-assessment in Chromium: opening the entry and typing
// in an explanation, measured the way `npm run bench -- --only cms` does. Bounds are looser than
// the targets (open < 1,5 s, typing p95 < 50 ms) so a busy CI machine does not flake; the
// benchmark reports the real figures.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, makeRepo, openPage, startCms, unexpectedErrors, type CmsServer, type TempRepo, type Watched } from '../../scripts/bench/cms-harness.js';
import { bigFixture, measureColdOpen, measureTyping, measureWarmOpen, TYPED_TEXT, TYPING_DELAYS, BIG_SELF_LEAVES } from '../../scripts/bench/cms.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

let repo: TempRepo;
let cms: CmsServer;
let browser: Browser;
let w: Watched;

beforeAll(async () => {
  repo = makeRepo(bigFixture());
  cms = await startCms(REPO_ROOT, repo.dir);
  browser = await launch();
  w = await openPage(browser);
  await login(w.page, cms.adminUrl);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await cms?.close();
  repo?.cleanup();
});

test('a 100-criterion entry opens fast and typing in it stays fast, first keystroke included', async () => {
  // Medians of three, as the benchmark reports: the first load of a fresh browser also compiles the bundle.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const colds = [await measureColdOpen(w.page, cms.adminUrl), await measureColdOpen(w.page, cms.adminUrl), await measureColdOpen(w.page, cms.adminUrl)];
  const warms = [await measureWarmOpen(w.page, cms.adminUrl), await measureWarmOpen(w.page, cms.adminUrl), await measureWarmOpen(w.page, cms.adminUrl)];
  const cold = median(colds);
  const warm = median(warms);
  await measureColdOpen(w.page, cms.adminUrl);
  expect(await w.page.locator('.pi-row:not([data-survey])').count()).toBe(BIG_SELF_LEAVES);
  const typing = await measureTyping(w.page, '4.2.2', TYPED_TEXT, TYPING_DELAYS);
  console.log(`CMS 100 tiêu chí: mở ${colds.map((x) => x.toFixed(0)).join('/')} ms (tải trang), ${warms.map((x) => x.toFixed(0)).join('/')} ms (từ danh sách); gõ phím đầu ${typing.first.toFixed(1)} ms, p50 ${typing.p50.toFixed(1)} ms, p95 ${typing.p95.toFixed(1)} ms, max ${typing.max.toFixed(1)} ms`);
  expect(typing.latencies.length).toBe(TYPED_TEXT.length);
  // Bounds are loose on purpose: this runs beside Astro builds on 2 shared cores in CI. They still
  // catch the stock widgets' behaviour (a 220–390 ms freeze on the first keystroke, ~2 s opens);
  // the real figures come from `npm run bench -- --only cms` (docs/benchmarks.md).
  expect(cold).toBeLessThan(4000);
  expect(warm).toBeLessThan(3000);
  expect(typing.first).toBeLessThan(200);
  expect(typing.p95).toBeLessThan(200);
  // What was typed reached Decap: the entry is unsaved and the preview shows the text.
  await expect.poll(() => w.page.getByRole('button', { name: 'Lưu', exact: true }).isEnabled()).toBe(true);
  await w.page.frameLocator('iframe').first().locator('tr[data-code="4.2.2"]', { hasText: TYPED_TEXT.trim() }).waitFor({ timeout: 10_000 });
  expect(unexpectedErrors(w)).toEqual([]);
}, 120_000);
