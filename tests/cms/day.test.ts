// An officer's day in the CMS on the portal's own backend (the gate, the draft reader, the
// portal clock) in real Chromium: a draft, other work merged into main meanwhile, the draft
// reopened, sent before 17:00 and merged after, and a late send refused;
// the editor, the workflow board and the toasts read as the officer should read them, and the
// page logs no error on the way (issue 13, items 1, 3, 10, 11).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { entryUrl, git, launch, login, openPage, startCms, unexpectedErrors, type CmsServer, type Watched } from '../../scripts/bench/cms-harness.js';
import { createBackendApp } from '../../scripts/portal/backend.js';
import { ensureClone } from '../../scripts/portal/clone.js';
import { createClock } from '../../scripts/portal/clock.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { fixtureText, makeDevRepo, type DevRepo } from '../portal/helpers.js';
import { portalGate } from '../portal/gate.js';
import type { Browser } from 'playwright-core';

const COLLECTION = 'self-assessments-2023';
const BRANCH = `cms/${COLLECTION}/don-vi-a`;
const FILE = 'content/self-assessments/2023/don-vi-a.yaml';
const UNIT_NAME = 'Sở Thử nghiệm A tỉnh Thái Nguyên';

let dev: DevRepo;
let clone: string;
let server: CmsServer;
let browser: Browser;
let w: Watched;
let page: Page;
const clock = createClock('2023-11-10T09:00+07:00');
/** Bodies of requests the backend failed, to say which in the last test. */
const serverErrors: string[] = [];

beforeAll(async () => {
  dev = makeDevRepo();
  clone = (await ensureClone(dev.dir, join(dev.root, 'clone'))).dir;
  const backend = await createBackendApp({ repo: clone, clock, gate: portalGate });
  server = await startCms(REPO_ROOT, clone, { backend, pageEnv: () => ({ PARINDEX_NOW: clock.now().toISOString() }) });
  browser = await launch();
  w = await openPage(browser);
  page = w.page;
  // Leaving an edited entry, and the merge's confirmation: Decap asks, the officer agrees.
  page.on('dialog', (d) => void d.accept());
  page.on('response', (r) => {
    if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.request().postData()?.slice(0, 300) ?? ''}`);
  });
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  dev?.cleanup();
});

const row = (code: string) => page.locator(`.pi-row[data-code="${code}"]`);
const save = () => page.getByRole('button', { name: 'Lưu', exact: true }).click();

async function setStatus(label: string): Promise<void> {
  await page.getByRole('button', { name: /^Trạng thái:/ }).click();
  await page.getByRole('menuitem', { name: label }).click();
}

async function toastAfter(text: RegExp, action: () => Promise<void>): Promise<string> {
  await page.locator('.Toastify__toast').evaluateAll((els) => els.forEach((e) => e.setAttribute('data-seen', '1')));
  await action();
  const fresh = page.locator('.Toastify__toast:not([data-seen])', { hasText: text }).first();
  await fresh.waitFor({ timeout: 20_000 });
  return fresh.innerText();
}

/** Another unit's send and the council's appraisal reach main (as merges would). */
function otherWorkMerged() {
  const files = {
    'content/self-assessments/2023/don-vi-cu.yaml': fixtureText(FILE).replace('unit: don-vi-a', 'unit: don-vi-cu'),
    'content/appraisals/2023/don-vi-a.yaml': 'unit: don-vi-a\nyear: 2023\nframework: fw-so-2023\nitems: []\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(clone, path)), { recursive: true });
    writeFileSync(join(clone, path), text);
  }
  git(clone, 'add', '.');
  git(clone, 'commit', '--quiet', '-m', 'Merge branch \'cms/self-assessments-2023/don-vi-cu\'');
}

async function openEntry(slug: string): Promise<void> {
  await page.goto(entryUrl(server.adminUrl, COLLECTION, slug));
  await page.reload();
  await page.waitForSelector(`.pi-row[data-code="2.1.2"]`, { timeout: 90_000 });
}

describe('an officer’s day on the portal backend', () => {
  test('a draft saved in the morning changes one line of the file', async () => {
    await login(page, server.adminUrl);
    await openEntry('don-vi-a');
    // Inside the window the editor warns about nothing.
    expect(await page.locator('[data-deadline]').count()).toBe(0);
    await row('1.1').locator('select[data-field="score"]').selectOption('1');
    await toastAfter(/Đã lưu/, save);
    expect(git(clone, 'diff', '--numstat', 'main', BRANCH, '--', FILE)).toBe(`1\t1\t${FILE}`);
  }, 120_000);

  test('after other work reached main, the draft reopens as itself', async () => {
    otherWorkMerged();
    await openEntry('don-vi-a');
    expect(await page.locator('[data-widget="parindex-score-table"] .pi-table').getAttribute('data-unit')).toBe('don-vi-a');
    expect(await row('1.1').locator('select[data-field="score"]').inputValue()).toBe('1');
    expect(await row('1.2').locator('select[data-field="score"]').inputValue()).toBe('2');
    await page.waitForSelector('[data-findings-panel][data-checking="false"]');
    expect(await page.locator('[data-findings-panel]').getAttribute('data-errors')).toBe('0');
    // Saving again writes only the officer's file, still one line away from main.
    await row('2.1.2').locator('textarea[data-field="explanation"]').fill('Đã công khai kết quả tại Mục III, Báo cáo số 55/BC-SNV.');
    await toastAfter(/Đã lưu/, save);
    expect(git(clone, 'diff', '--name-only', `main...${BRANCH}`)).toBe(FILE);
  }, 120_000);

  test('the board and the list name the unit, date the draft by the portal clock, and count truly', async () => {
    await page.goto(`${server.adminUrl}#/workflow`);
    const board = page.locator('body');
    await page.getByText(UNIT_NAME).first().waitFor({ timeout: 20_000 });
    const text = await board.innerText();
    expect(text).toContain('10/11/2023');
    expect(text).not.toMatch(/December|tháng 12|Xoá/);
    expect(text).toContain('0 bảng chờ lãnh đạo đơn vị duyệt, 0 bảng đã gửi đi');
    await page.goto(`${server.adminUrl}#/collections/${COLLECTION}`);
    await page.getByText(UNIT_NAME).first().waitFor({ timeout: 20_000 });
  });

  test('sent at 16:59:50 and merged at 17:00:20; the refusal of a late send reads plainly', async () => {
    clock.set('2023-11-17T16:59:50+07:00');
    await openEntry('don-vi-a');
    await toastAfter(/Đã cập nhật trạng thái/, () => setStatus('Đã gửi đi'));
    clock.set('2023-11-17T17:00:20+07:00');
    await page.getByRole('button', { name: 'Hợp nhất', exact: true }).click();
    await toastAfter(/Đã hợp nhất vào dữ liệu chính/, () => page.getByRole('menuitem', { name: 'Hợp nhất ngay' }).click());
    expect(git(clone, 'show', `main:${FILE}`)).toContain('Đã công khai kết quả tại Mục III');

    // Reopened after 17:00: the editor says so before any send.
    await openEntry('don-vi-a');
    const notice = page.locator('[data-deadline]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Đã hết hạn “Tự đánh giá, chấm điểm” năm 2023 lúc 17/11/2023 17:00');
    await row('1.1').locator('select[data-field="score"]').selectOption('2');
    await toastAfter(/Đã lưu/, save);
    const refusal = await toastAfter(/Không đổi được trạng thái/, () => setStatus('Đã gửi đi'));
    expect(refusal).toContain('17/11/2023 17:00');
    expect(refusal).not.toContain('API_ERROR');
  }, 240_000);

  test('no console or page errors on the way (the gate\'s refusals aside)', () => {
    const refused = /HTTP 403 POST .* (persistEntry|updateUnpublishedEntryStatus)$|status of 403 \(Forbidden\)/;
    expect(unexpectedErrors(w).filter((e) => !refused.test(e)), serverErrors.join('\n')).toEqual([]);
  });
});
