// `npm start` end to end in real Chromium: the portal (clone, gated decap-server, `astro dev`)
// runs on a temporary clone of the fixture repository; an officer logs in to the local backend,
// edits the unit's self-assessment (a score, an explanation, an uploaded signed PDF), saves,
// sends ("Đã gửi đi") and merges ("Hợp nhất"); the merge commit in the clone holds the YAML.
// An entry sent at 16:59:59 still merges at 17:00:10; from 17:00:00 on, sending is refused with
// the Vietnamese reason in the CMS, a merge through the backend too, and main keeps its commit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from '../../scripts/core/load/yaml.js';
import type { Browser, Page } from 'playwright-core';
import { startPortal, type Portal } from '../../scripts/portal/index.js';
import { createClock } from '../../scripts/portal/clock.js';
import { evaluateGate } from '../../scripts/core/gate/index.js';
import type { SelfAssessment } from '../../scripts/core/model.js';
import { chromiumAvailable, launchBrowser } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { makePdf } from '../helpers/pdf.js';
import { fixtureText, makeDevRepo, sh, type DevRepo } from './helpers.js';

const COLLECTION = 'self-assessments-2023';
const SLUG = 'don-vi-a';
const BRANCH = `cms/${COLLECTION}/${SLUG}`;
const FILE = 'content/self-assessments/2023/don-vi-a.yaml';
const START = '2023-11-10T09:00+07:00';

/** Fixed ports keep Vite's dependency cache valid between runs (the site URL is in its config). */
async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) => new Promise<number | null>((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(null));
    s.listen(port, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
  return (await tryPort(preferred)) ?? (await tryPort(0))!;
}

let sitePort: number;
let backendPort: number;
let dev: DevRepo;
let clone: string;
let portal: Portal;
let browser: Browser;
let page: Page;
const logs: string[] = [];
const clock = createClock(START);

const row = (code: string) => page.locator(`.pi-row[data-code="${code}"]`);
const mainHead = () => sh(clone, 'rev-parse', 'main');

async function dismissToasts(): Promise<void> {
  for (const t of await page.locator('.Toastify__toast').all()) await t.click().catch(() => {});
  await page.locator('.Toastify__toast').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
}

async function toast(text: RegExp): Promise<string> {
  const t = page.locator('.Toastify__toast', { hasText: text }).first();
  await t.waitFor({ timeout: 30_000 });
  return t.innerText();
}

async function openEntry(): Promise<void> {
  await page.goto(`${portal.adminUrl}#/collections/${COLLECTION}/entries/${SLUG}`);
  await row('2.1.2').waitFor({ timeout: 60_000 });
  await dismissToasts();
}

async function save(): Promise<void> {
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await toast(/Đã lưu/);
  await dismissToasts();
}

async function setStatus(label: string): Promise<void> {
  await page.getByRole('button', { name: /^Trạng thái:/ }).click();
  await page.getByRole('menuitem', { name: label }).click();
}

async function publishNow(): Promise<void> {
  await page.getByRole('button', { name: 'Hợp nhất', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Hợp nhất ngay' }).click();
}

describe.skipIf(!chromiumAvailable() && process.env.CI !== 'true')('npm start end to end in Chromium', () => {
  beforeAll(async () => {
    dev = makeDevRepo();
    [sitePort, backendPort] = [await freePort(14321), await freePort(18081)];
    portal = await startPortal({
      repoRoot: REPO_ROOT, source: dev.dir, cloneDir: join(dev.root, 'clone'),
      sitePort, backendPort, clock, gate: evaluateGate,
      siteEnv: { PARINDEX_NOW: START },
      log: (line) => logs.push(line),
    });
    clone = portal.clone.dir;
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    // Decap asks before merging; the officer confirms.
    page.on('dialog', (d) => void d.accept());
    // Decap's local backend login: one button, no password.
    await page.goto(portal.adminUrl);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator(`a[href$="/entries/${SLUG}"]`).waitFor({ timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    dev?.cleanup();
  });

  test('an officer logs in, edits, uploads, saves, sends and merges: main gets a merge commit with the YAML', async () => {
    const before = mainHead();
    await openEntry();

    const explanation = 'Đã công khai kết quả đánh giá, xếp loại tại Mục III, Thông báo số 57/TB-SNV ngày 13/11/2023.';
    await row('2.1.2').locator('select[data-field="score"]').selectOption('1');
    await row('2.1.2').locator('textarea[data-field="explanation"]').fill(explanation);
    await row('2.1.2').locator('[data-action="add-evidence"]').click();
    const ev = row('2.1.2').locator('.pi-ev').last();
    await ev.locator('[data-ev-field="number"]').fill('57/TB-SNV');
    await ev.locator('[data-ev-field="date"]').fill('13/11/2023');
    await ev.locator('[data-ev-field="issuer"]').fill('Sở Thử nghiệm A');
    await ev.locator('[data-ev-field="title"]').fill('Thông báo công khai kết quả đánh giá, xếp loại công chức');
    await ev.locator('[data-ev-field="locator"]').fill('Mục III');
    const pdf = await makePdf('Thong bao 57/TB-SNV', { sign: true });
    const sha = createHash('sha256').update(pdf).digest('hex');
    await ev.locator('input[type="file"][data-ev-field="file"]').setInputFiles({ name: 'Thông báo 57.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await ev.locator(`[data-sha256="${sha}"]`).waitFor({ timeout: 20_000 });

    await save();
    expect(mainHead()).toBe(before);
    expect(sh(clone, 'log', '-1', '--format=%an %cI', BRANCH)).toBe('officer-a 2023-11-10T09:00:00+07:00');

    await setStatus('Đã gửi đi');
    await toast(/Đã cập nhật trạng thái/);
    await dismissToasts();
    expect(sh(clone, 'config', `branch.${BRANCH}.description`)).toBe('decap-cms/pending_publish');

    await publishNow();
    await toast(/Đã hợp nhất vào dữ liệu chính/);
    await dismissToasts();

    const merge = mainHead();
    expect(merge).not.toBe(before);
    const [parents, subject, meta] = sh(clone, 'log', '-1', '--format=%P%n%s%n%an %cI', merge).split('\n');
    expect(parents!.split(' ')).toHaveLength(2);
    expect(parents!.split(' ')[0]).toBe(before);
    expect(subject).toBe(`Merge branch '${BRANCH}'`);
    expect(meta).toBe('officer-a 2023-11-10T09:00:00+07:00');
    // The send time travels with the merge, for history (docs/deadline-semantics.md §9).
    expect(sh(clone, 'log', '-1', '--format=%B', merge)).toMatch(/^Parindex-Submitted-At: 2023-11-10T09:00:00\+07:00$/m);
    expect(sh(clone, 'branch', '--list', BRANCH)).toBe('');

    const merged = parseYaml(sh(clone, 'show', `${merge}:${FILE}`), FILE).data as SelfAssessment;
    const original = parseYaml(fixtureText(FILE), FILE).data as SelfAssessment;
    const item = merged.items.find((i) => i.code === '2.1.2')!;
    expect(item).toMatchObject({ code: '2.1.2', score: 1, explanation });
    expect(item.evidence).toHaveLength(1);
    expect(item.evidence![0]).toMatchObject({
      number: '57/TB-SNV', date: '2023-11-13', issuer: 'Sở Thử nghiệm A',
      title: 'Thông báo công khai kết quả đánh giá, xếp loại công chức', locator: 'Mục III', sha256: sha,
      file: `content/evidence/2023/don-vi-a/thong-bao-57-${sha.slice(0, 12)}.pdf`,
    });
    // Every other criterion is as it was.
    expect(merged.items.filter((i) => i.code !== '2.1.2')).toEqual(original.items.filter((i) => i.code !== '2.1.2'));
    const stored = execFileSync('git', ['show', `${merge}:${item.evidence![0]!.file}`], { cwd: clone });
    expect(createHash('sha256').update(stored).digest('hex')).toBe(sha);

    expect(logs.some((l) => l.includes(`officer-a đã gửi ${BRANCH}`))).toBe(true);
    expect(logs.some((l) => l.includes(`Đã hợp nhất ${BRANCH} vào main`))).toBe(true);

    // The site reads the clone: the progress page shows the arrival at the portal's time.
    const progress = await (await fetch(new URL('tien-do/2023/', portal.siteUrl.replace('localhost', '127.0.0.1')))).text();
    const unitRow = /<tr>(?:(?!<\/tr>)[\s\S])*don-vi\/don-vi-a\/(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(progress)?.[0] ?? '';
    expect(unitRow).toContain('10/11/2023 09:00');
  }, 150_000);

  test('sent at 16:59:59 and merged at 17:00:10: the send time counts, the merge is accepted', async () => {
    clock.set('2023-11-17T16:59:59+07:00');
    await openEntry();
    const explanation = 'Đã công khai tại Mục III, Thông báo số 57/TB-SNV ngày 13/11/2023 và trên cổng thông tin của Sở.';
    await row('2.1.2').locator('textarea[data-field="explanation"]').fill(explanation);
    await save();
    await setStatus('Đã gửi đi');
    await toast(/Đã cập nhật trạng thái/);
    await dismissToasts();
    const before = mainHead();

    clock.set('2023-11-17T17:00:10+07:00');
    await publishNow();
    await toast(/Đã hợp nhất vào dữ liệu chính/);
    await dismissToasts();
    const merge = mainHead();
    expect(sh(clone, 'log', '-1', '--format=%P|%cI', merge)).toMatch(new RegExp(`^${before} [0-9a-f]{40}\\|2023-11-17T17:00:10\\+07:00$`));
    const merged = parseYaml(sh(clone, 'show', `${merge}:${FILE}`), FILE).data as SelfAssessment;
    expect(merged.items.find((i) => i.code === '2.1.2')!.explanation).toBe(explanation);
    expect(logs.some((l) => l.includes('Bài được gửi lúc 17/11/2023 16:59:59 (giờ Việt Nam), trong thời hạn'))).toBe(true);
  }, 120_000);

  test('after 17:00 on 17/11/2023 sending is refused with the reason in the CMS, and nothing reaches main', async () => {
    clock.set('2023-11-17T17:00:00+07:00');
    await openEntry();
    const main = mainHead();
    await row('2.1.2').locator('textarea[data-field="explanation"]').fill('Sửa sau hạn: Mục IV, Thông báo số 57/TB-SNV ngày 13/11/2023.');
    await save(); // a draft is still allowed: it stays on the cms/ branch
    const branchHead = sh(clone, 'rev-parse', BRANCH);

    await setStatus('Đã gửi đi');
    const refused = await toast(/Không đổi được trạng thái/);
    expect(refused).toContain('Không đổi được trạng thái: Chưa gửi được bài');
    expect(refused).not.toContain('API_ERROR');
    expect(refused).toContain('Đã hết hạn “Tự đánh giá, chấm điểm” năm 2023 lúc 17/11/2023 17:00');
    expect(refused).toContain('được xét lúc 17/11/2023 17:00:00');
    await dismissToasts();
    expect(await page.getByRole('button', { name: /^Trạng thái:/ }).innerText()).toContain('Bản nháp');
    expect(sh(clone, 'config', `branch.${BRANCH}.description`)).toBe('decap-cms/draft');

    // Merging straight through the backend from the CMS page: the gate, not the UI, refuses it.
    const direct = await page.evaluate(async ({ url, collection, slug }) => {
      const res = await fetch(url, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'publishUnpublishedEntry', params: { branch: 'main', collection, slug } }),
      });
      return { status: res.status, body: await res.json() as { error?: string } };
    }, { url: portal.backendUrl, collection: COLLECTION, slug: SLUG });
    expect(direct.status).toBe(403);
    expect(direct.body.error).toMatch(/^Chưa nhập được bài vào nhánh chính: .*Đã hết hạn/);

    expect(mainHead()).toBe(main);
    expect(sh(clone, 'rev-parse', BRANCH)).toBe(branchHead);
    expect(logs.filter((l) => l.startsWith('[17/11/2023 17:00:00] Từ chối'))).toHaveLength(2);
  }, 120_000);
});

// The command itself, as `npm start` runs it, on the same ports (so Vite's dependency cache
// stays valid): Vietnamese banner, both servers up, a clean stop on Ctrl+C (SIGINT).
describe.skipIf(!chromiumAvailable() && process.env.CI !== 'true')('npm start as a command', () => {
  test('prints the URLs in Vietnamese, serves, and stops cleanly on Ctrl+C', async () => {
    // The command clones the repository it runs in (its HEAD), here into a temp folder.
    const tmp = mkdtempSync(join(tmpdir(), 'parindex-start-'));
    let child: ReturnType<typeof spawn> | undefined;
    try {
      child = spawn(process.execPath, [join(REPO_ROOT, 'scripts/bin/parindex.mjs'), 'start', '--clone', join(tmp, 'clone')], {
        cwd: REPO_ROOT,
        env: { ...process.env, PARINDEX_PORT: String(sitePort), PARINDEX_BACKEND_PORT: String(backendPort), PARINDEX_NOW: START },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
      child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
      const running = child;
      const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
      await expect.poll(() => out, { timeout: 120_000, interval: 250 }).toContain('Nhấn Ctrl+C để dừng.');
      expect(out).toContain(`Trang quản trị (CMS):    http://localhost:${sitePort}/admin/`);
      expect(out).toContain(`Máy chủ git cục bộ:      http://127.0.0.1:${backendPort}/api/v1`);
      expect(out).toContain(`Bản sao kho: ${join(tmp, 'clone')} (vừa tạo từ commit`);
      expect(out).toContain('Đồng hồ của cổng: dừng tại 10/11/2023 09:00');

      const info = await fetch(`http://127.0.0.1:${backendPort}/api/v1`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'info' }),
      });
      expect(((await info.json()) as { type: string }).type).toBe('local_git');
      expect((await fetch(`http://127.0.0.1:${sitePort}/`)).status).toBe(200);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toContain('Đã dừng.');
      // Both ports are free again: the Astro child went with the portal.
      expect(await freePort(sitePort)).toBe(sitePort);
      expect(await freePort(backendPort)).toBe(backendPort);
    } finally {
      // A failed assertion must not leave the portal (and its Astro child) running: SIGTERM
      // goes through the same clean stop.
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child!.once('exit', resolve));
      }
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 150_000);
});
