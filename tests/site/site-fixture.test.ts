// The site built from a small province with git history, under a Pages-style sub-path: hostile
// text stays inert, evidence outside a unit's folder is neither linked nor published, submission
// times come from git, an appraised year shows the council's score, an unpublished year shows
// progress only, and every internal link of the build resolves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from '../helpers/browser.js';
import type { resultsJson } from '../../scripts/core/score/export.js';
import { formatNumber } from '../../scripts/core/format.js';
import type { GitFixture } from '../history/fixture.js';
import { buildSite, siteOutDir, type BuildResult } from './build.js';
import { serveStatic } from './static-server.js';
import { axeViolations, htmlFiles, offlineContext, openPage, rankingRows, scoreCli } from './pages.js';
import { BUILD_NOW, createHostileRepo, HOSTILE_EXPLANATION, HOSTILE_UNIT_NAME, HOSTILE_URL } from './hostile-repo.js';

const BASE = '/chi-so/';
const OUT = siteOutDir('fixture');
let repo: GitFixture;
let build: BuildResult;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let ctx: BrowserContext;

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error('Chromium không có ở /usr/bin/chromium (đặt CHROMIUM_PATH).');
  repo = createHostileRepo();
  build = await buildSite({ contentRoot: repo.dir, outDir: OUT, env: { PARINDEX_NOW: BUILD_NOW, PARINDEX_BASE: BASE, PARINDEX_SITE: 'https://example.gov.vn' } });
  server = await serveStatic(OUT, BASE);
  browser = await launchBrowser();
  ctx = await offlineContext(browser, server.origin);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(OUT, { recursive: true, force: true });
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

const file = (path: string) => readFileSync(join(OUT, path), 'utf8');

describe('hostile content', () => {
  it('a <script> explanation, a javascript: URL and markup in a unit name stay inert text', async () => {
    for (const path of ['/don-vi/don-vi-b/', '/in/2023/don-vi-b/', '/tien-do/2023/', '/ket-qua/2023/']) {
      const { page, errors, dialogs } = await openPage(ctx, server.url + path);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const main = (await page.textContent('main')) ?? '';
      expect(main, path).toContain(HOSTILE_UNIT_NAME);
      if (path.startsWith('/don-vi') || path.startsWith('/in')) {
        expect(main).toContain(HOSTILE_EXPLANATION);
        expect(main).toContain(HOSTILE_URL);
      }
      expect(await page.$$eval('script, img, iframe, object, embed', (els) => els.length), path).toBe(0);
      const protocols = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.getAttribute('href')!, location.href).protocol));
      expect(protocols.filter((p) => p !== 'http:' && p !== 'https:'), path).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(file('don-vi/don-vi-b/index.html')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('evidence outside the unit’s own folder is neither linked nor published', () => {
    const html = file('in/2023/don-vi-b/index.html');
    // Cited from don-vi-a's folder and with "../" escapes: shown, not linked.
    expect(html).not.toMatch(/href="[^"]*don-vi-a[^"]*"/);
    expect(html).not.toContain('passwd"');
    expect(html).toMatch(/<a href="\/chi-so\/minh-chung\/2023\/don-vi-b\/bao-cao-55-bc-snv\.pdf">/);
    expect(existsSync(join(OUT, 'minh-chung/2023/don-vi-b/bao-cao-55-bc-snv.pdf'))).toBe(true);
    expect(existsSync(join(OUT, 'minh-chung/2023/don-vi-b/bang-thong-ke.pdf'))).toBe(false);
    expect(existsSync(join(OUT, 'etc'))).toBe(false);
    // don-vi-a's own citations are published from its folder; the never-cited unsigned file is not.
    expect(existsSync(join(OUT, 'minh-chung/2023/don-vi-a/bang-thong-ke.pdf'))).toBe(true);
    expect(existsSync(join(OUT, 'minh-chung/2023/don-vi-a/chua-ky.pdf'))).toBe(false);
  });
});

describe('progress from git history', () => {
  it('shows when each unit submitted, flags late arrivals and files that do not parse', async () => {
    const { page } = await openPage(ctx, `${server.url}/tien-do/2023/`);
    const rows = await page.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim())));
    expect(rows).toContainEqual(['Sở Thử nghiệm A tỉnh Thái Nguyên', 'Đã nộp · Bản in', '10/11/2023 09:00', '10/11/2023 09:00']);
    expect(rows).toContainEqual([HOSTILE_UNIT_NAME, 'Đã nộp · Bản in', '17/11/2023 17:30', '17/11/2023 17:30 (sau thời hạn)']);
    // A unit closed before the year is not expected.
    expect(rows.flat().join(' ')).not.toContain('Sở Đã sáp nhập');
    expect(await page.textContent('main')).toContain('lịch sử git');
    await page.close();

    const { page: p2 } = await openPage(ctx, `${server.url}/tien-do/2024/`);
    const rows24 = await p2.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim())));
    expect(rows24).toContainEqual(['Sở Thử nghiệm A tỉnh Thái Nguyên', 'Đã nộp · Bản in', '05/11/2024 08:00', '05/11/2024 08:00']);
    expect(rows24).toContainEqual([HOSTILE_UNIT_NAME, 'Đã nộp, tệp có lỗi', '06/11/2024 10:00', '06/11/2024 10:00']);
    expect(rows24.flat().join(' ')).not.toContain('Chưa nộp');
    await p2.close();
  });
});

describe('published and unpublished years', () => {
  it('an appraised year shows the council’s final score, equal to `npm run score -- --stage final`', async () => {
    const cli = scoreCli(['--year', '2023', '--stage', 'final', '--format', 'json', '--root', repo.dir]) as ReturnType<typeof resultsJson>;
    const { page } = await openPage(ctx, `${server.url}/ket-qua/2023/`);
    expect(await page.textContent('main')).toContain('Kết quả thẩm định');
    for (const g of cli.groups) {
      const rows = await rankingRows(page, g.id);
      // Rank, unit, self, appraised, survey, bonus, penalty, total, max, index…
      expect(rows.map((r) => [r.unit, r.rank, r.cells[2], r.cells[7], r.cells[9]])).toEqual(g.units.map((u) =>
        [u.unit, String(u.rank ?? '—'), formatNumber(u.selfPoints), formatNumber(u.points), formatNumber(u.index, 2)]));
    }
    await page.close();
    expect(JSON.parse(file('tai-ve/chi-so-cchc-2023.json'))).toEqual(cli);

    // Self-score beside the appraised score, with the council's remark (round 2 wins).
    const unit = file('don-vi/don-vi-a/index.html');
    expect(unit).toContain('<th scope="col" class="num">Tự chấm</th>');
    expect(unit).toContain('<th scope="col" class="num">Thẩm định</th>');
    expect(unit).toContain('Đã bổ sung đủ.');
    expect(unit).not.toContain('Thiếu sản phẩm của 2 nhiệm vụ.');
  });

  it('an unpublished year shows progress only', async () => {
    const html = file('ket-qua/2024/index.html');
    expect(html).not.toContain('class="ranking"');
    expect(html).toContain('Kết quả năm 2024 chưa được công bố.');
    expect(html).toContain('href="/chi-so/tien-do/2024/"');
    expect(existsSync(join(OUT, 'tai-ve/chi-so-cchc-2024.csv'))).toBe(false);
    expect(file('tai-ve/index.html')).not.toContain('chi-so-cchc-2024');
    expect(file('don-vi/don-vi-a/index.html')).toMatch(/<tr data-year="2024">.*?Chưa công bố.*?<\/tr>/s);
    expect(file('don-vi/don-vi-a/index.html')).not.toContain('id="nam-2024"');
    // The print view of the unit's own submission exists: it is the unit's document, not a result.
    expect(existsSync(join(OUT, 'in/2024/don-vi-a/index.html'))).toBe(true);
    const { page, errors } = await openPage(ctx, `${server.url}/ket-qua/2024/`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the build as a whole', () => {
  it('reads content once, and every internal link under the sub-path resolves', () => {
    expect(build.log.match(/\[parindex\] Đã đọc dữ liệu/g)?.length).toBe(1);
    const broken: string[] = [];
    for (const f of htmlFiles(OUT)) {
      if (f.startsWith('admin/')) continue;
      const pageUrl = new URL(BASE + f.replace(/index\.html$/, ''), 'http://site');
      for (const m of file(f).matchAll(/(?:href|src)="([^"#?]*)[^"]*"/g)) {
        if (!m[1] || /^https?:/.test(m[1])) continue;
        // Relative links (the guidance Markdown uses them) resolve against the page's own URL.
        const target = new URL(m[1], pageUrl).pathname;
        if (!target.startsWith(BASE)) { broken.push(`${f}: ${target} (outside ${BASE})`); continue; }
        if (target === `${BASE}admin/`) continue;
        const path = decodeURIComponent(target.slice(BASE.length));
        const onDisk = path === '' || path.endsWith('/') ? join(OUT, path, 'index.html') : join(OUT, path);
        if (!existsSync(onDisk)) broken.push(`${f}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('hostile and appraised pages pass axe', async () => {
    for (const path of ['/don-vi/don-vi-a/', '/don-vi/don-vi-b/', '/in/2023/don-vi-b/', '/ket-qua/2023/', '/tien-do/2023/']) {
      const { page } = await openPage(ctx, server.url + path);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
  });
});
