// The public site built from the repository's own content (the sample province), checked against
// the scoring engine and in real Chromium: every page type renders offline without console
// errors or axe violations, results equal `npm run score`, downloads open, print fits A4.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext } from 'playwright-core';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { chromiumAvailable, collectErrors, launchBrowser } from '../helpers/browser.js';
import { loadContent, type Content } from '../../scripts/core/load/content.js';
import { fsSource } from '../../scripts/io/fs-source.js';
import { scoreYear } from '../../scripts/core/score/year.js';
import { isPublishedAt } from '../../scripts/core/publication.js';
import { TERMS } from '../../scripts/core/score/terms.js';
import { RESULT_COLUMNS, resultRows, resultsCsv, resultsJson } from '../../scripts/core/score/export.js';
import type { Stage } from '../../scripts/core/score/index.js';
import { formatChange, formatNumber } from '../../scripts/core/format.js';
import { buildSite, siteOutDir, type BuildResult } from './build.js';
import { serveStatic } from './static-server.js';
import { axeViolations, htmlFiles, offlineContext, openPage, rankingRows, readHtml, scoreCli } from './pages.js';

const NOW = '2023-11-10T09:00:00+07:00';
const OUT = siteOutDir('sample');
let build: BuildResult;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let ctx: BrowserContext;
let content: Content;
let published: number[];
let unpublished: number[];

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error('Chromium không có ở /usr/bin/chromium (đặt CHROMIUM_PATH).');
  [build, content] = await Promise.all([
    // History is exercised by the fixture test; here the pages must not depend on the checkout's git state.
    buildSite({ contentRoot: REPO_ROOT, outDir: OUT, env: { PARINDEX_NOW: NOW, PARINDEX_SITE_HISTORY: 'off' } }),
    loadContent(fsSource(REPO_ROOT)),
  ]);
  const years = [...content.registry.campaigns.values()];
  // Public on the build's clock: 2023 is marked published (decision of 22/03/2024) but at NOW,
  // inside the 2023 self-assessment window, only 2022 is.
  published = years.filter((c) => isPublishedAt(c, new Date(NOW))).map((c) => c.year);
  unpublished = years.filter((c) => !isPublishedAt(c, new Date(NOW))).map((c) => c.year);
  server = await serveStatic(OUT);
  browser = await launchBrowser();
  ctx = await offlineContext(browser, server.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(OUT, { recursive: true, force: true });
});

/** The stage the results page says it shows. */
async function shownStage(year: number): Promise<Stage> {
  const html = readHtml(OUT, `/ket-qua/${year}/`);
  const m = /data-stage="(\w+)"/.exec(html);
  if (!m) throw new Error(`no stage on /ket-qua/${year}/`);
  return m[1] as Stage;
}

describe('build', () => {
  it('reads content/ once for the whole build, not once per page', () => {
    expect(build.log.match(/\[parindex\] Đã đọc dữ liệu/g)?.length).toBe(1);
    expect(htmlFiles(OUT).length).toBeGreaterThan(20);
  });

  it('has sample data with a published campaign, and one whose decision is still to come at NOW', () => {
    expect(published).toEqual([2022]);
    expect(unpublished).toEqual([2023]);
    expect(content.registry.campaigns.get(2023)!.publication.status).toBe('published');
  });
});

describe('results equal the scoring engine', () => {
  it('the ranking on each results page equals `npm run score -- --format json`', async () => {
    for (const year of published) {
      const stage = await shownStage(year);
      const cli = scoreCli(['--year', String(year), '--stage', stage, '--format', 'json', '--root', REPO_ROOT]) as ReturnType<typeof resultsJson>;
      const { page } = await openPage(ctx, `${server.url}/ket-qua/${year}/`);
      let compared = 0;
      for (const g of cli.groups) {
        const rows = await rankingRows(page, g.id);
        expect(rows.map((r) => r.unit), `${year} ${g.id}`).toEqual(g.units.map((u) => u.unit));
        rows.forEach((r, i) => {
          const u = g.units[i]!;
          // Council stages show every component of the total (issue 7); the self stage the total alone.
          const parts = stage === 'self' ? [] : [formatNumber(u.selfPoints), formatNumber(u.criteriaPoints - u.surveyPoints), formatNumber(u.surveyPoints), formatNumber(u.bonus), formatNumber(u.penalty)];
          expect(r.cells).toEqual([String(u.rank ?? '—'), u.name, ...parts, formatNumber(u.points), formatNumber(u.applicableMax), formatNumber(u.index, 2), u.classification?.name ?? '—', formatChange(u.change)]);
          compared++;
        });
        // One bar per ranked unit in the static chart, in rank order.
        expect(await page.$$eval(`section[aria-labelledby="nhom-${g.id}"] figure.bar-chart .bars li`, (lis) => lis.map((li) => li.getAttribute('data-unit')))).toEqual(g.units.map((u) => u.unit));
      }
      expect(compared).toBeGreaterThan(0);
      expect(await page.textContent('main')).toContain(stage === 'self' ? 'Kết quả tự chấm' : 'Kết quả thẩm định');
      await page.close();
    }
  });

  it('one vocabulary: “Thẩm định” and “Điều tra XHH” are the same numbers in the ranking, the CSV and each unit’s domain table', async () => {
    const num = (t: string) => (t === '—' || t === '' ? 0 : Number(t.replace(/\./g, '').replace(',', '.')));
    let compared = 0;
    for (const year of published) {
      if ((await shownStage(year)) === 'self') continue;
      const [header, ...lines] = readFileSync(join(OUT, 'tai-ve', `chi-so-cchc-${year}.csv`), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/).map((l) => l.split(';'));
      const csv = new Map(lines.map((l) => [l[header!.indexOf('Mã đơn vị')]!, l]));
      const { page } = await openPage(ctx, `${server.url}/ket-qua/${year}/`);
      const tables = await page.$$eval('table.ranking', (ts) => ts.map((t) => ({
        head: [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
        rows: [...t.querySelectorAll('tbody tr')].map((tr) => ({ unit: tr.getAttribute('data-unit')!, cells: [...tr.children].map((c) => c.textContent!.trim()) })),
      })));
      await page.close();
      for (const t of tables) {
        for (const term of [TERMS.self, TERMS.appraised, TERMS.survey, TERMS.total]) {
          expect(t.head, `${year}: ranking column ${term}`).toContain(term);
          expect(header, `${year}: CSV column ${term}`).toContain(term);
        }
        for (const r of t.rows) {
          const onPage = (term: string) => r.cells[t.head.indexOf(term)]!;
          const inCsv = (term: string) => csv.get(r.unit)![header!.indexOf(term)]!;
          for (const term of [TERMS.appraised, TERMS.survey]) expect(num(inCsv(term)), `${year} ${r.unit} ${term}: CSV vs page`).toBe(num(onPage(term)));
          const unitPage = await openPage(ctx, `${server.url}/don-vi/${r.unit}/`);
          const domains = await unitPage.page.$eval(`section[aria-labelledby="nam-${year}"] table`, (table) => ({
            head: [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
            rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim())),
          }));
          await unitPage.page.close();
          for (const term of [TERMS.appraised, TERMS.survey]) {
            const col = domains.head.indexOf(term);
            expect(col, `${r.unit} domain table column ${term}`).toBeGreaterThan(0);
            const sum = Math.round(domains.rows.reduce((s, row) => s + num(row[col]!), 0) * 100) / 100;
            expect(sum, `${year} ${r.unit} ${term}: domains vs ranking`).toBe(num(onPage(term)));
          }
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('the JSON download is the CLI output, the CSV the engine’s CSV', async () => {
    for (const year of published) {
      const stage = await shownStage(year);
      const json = JSON.parse(readFileSync(join(OUT, 'tai-ve', `chi-so-cchc-${year}.json`), 'utf8'));
      expect(json).toEqual(scoreCli(['--year', String(year), '--stage', stage, '--format', 'json', '--root', REPO_ROOT]));
      const csv = readFileSync(join(OUT, 'tai-ve', `chi-so-cchc-${year}.csv`), 'utf8');
      expect(csv).toBe(resultsCsv(scoreYear(content, year, stage)));
      expect(csv.charCodeAt(0)).toBe(0xfeff);
    }
  });

  it('the XLSX download opens in exceljs with Vietnamese headers and the same rows', async () => {
    for (const year of published) {
      const stage = await shownStage(year);
      const res = await fetch(`${server.url}/tai-ve/chi-so-cchc-${year}.xlsx`);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const ws = wb.getWorksheet('Kết quả')!;
      expect(ws.getRow(1).values).toEqual([undefined, ...RESULT_COLUMNS.map(([, vi]) => vi)]);
      const rows = resultRows(scoreYear(content, year, stage));
      expect(ws.actualRowCount).toBe(rows.length + 1);
      rows.forEach((r, i) => {
        const got = ws.getRow(i + 2);
        RESULT_COLUMNS.forEach(([key], j) => expect(got.getCell(j + 1).value ?? null, `${year} row ${i} ${key}`).toEqual(r[key] === '' ? null : r[key]));
      });
      expect(wb.getWorksheet('Theo lĩnh vực')!.actualRowCount).toBeGreaterThan(rows.length);
    }
  });
});

describe('progress and unpublished campaigns', () => {
  it('unpublished years (if the sample has any) show progress only: no ranking, no downloads, no index on unit pages', async () => {
    for (const year of unpublished) {
      const html = readHtml(OUT, `/ket-qua/${year}/`);
      expect(html).not.toContain('class="ranking"');
      expect(html).toContain(`href="/tien-do/${year}/"`);
      expect(existsSync(join(OUT, 'tai-ve', `chi-so-cchc-${year}.json`))).toBe(false);
      expect(readHtml(OUT, '/tai-ve/')).not.toContain(`chi-so-cchc-${year}`);
      const someUnit = [...(content.years.get(year)?.selfAssessments.keys() ?? [])][0]!;
      const unitHtml = readHtml(OUT, `/don-vi/${someUnit}/`);
      expect(unitHtml).toMatch(new RegExp(`<tr data-year="${year}">.*?Chưa công bố.*?</tr>`, 's'));
      expect(unitHtml).not.toContain(`id="nam-${year}"`);
    }
  });

  it('the progress page lists every unit of every group, submitted or not', async () => {
    for (const year of [...published, ...unpublished]) {
      const campaign = content.registry.campaigns.get(year)!;
      const { page, errors } = await openPage(ctx, `${server.url}/tien-do/${year}/`);
      const submitted = content.years.get(year)?.selfAssessments ?? new Map();
      for (const g of campaign.groups) {
        const expected = [...content.registry.units.values()].filter((u) => u.group === g.id && (submitted.has(u.id) || (u.activeFrom <= `${year}-12-31` && (!u.activeTo || u.activeTo >= `${year}-01-01`))));
        const rows = await page.$$eval(`section[aria-labelledby="nhom-${g.id}"] tbody tr`, (trs) => trs.map((tr) => ({ href: tr.querySelector('a')?.getAttribute('href'), state: tr.children[1]?.className })));
        expect(rows.length, `${year} ${g.id}`).toBe(expected.length);
        for (const u of expected) {
          const row = rows.find((r) => r.href === `/don-vi/${u.id}/`);
          expect(row?.state, u.id).toBe(submitted.has(u.id) ? 'state-submitted' : 'state-missing');
        }
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

describe('pages in Chromium', () => {
  const pageTypes = () => {
    const year = published[0]!;
    const latest = Math.max(...content.registry.campaigns.keys());
    const unit = [...content.years.get(year)!.selfAssessments.keys()][0]!;
    const group = content.registry.campaigns.get(latest)!.groups[0]!.id;
    return {
      home: '/', guidance: '/huong-dan/', guidancePage: '/huong-dan/giai-trinh/', search: '/huong-dan/tim-kiem/?q=gi%E1%BA%A3i%20tr%C3%ACnh',
      frameworks: '/bo-tieu-chi/', framework: `/bo-tieu-chi/${latest}/${group}/`, progressIndex: '/tien-do/', progress: `/tien-do/${latest}/`,
      resultsIndex: '/ket-qua/', results: `/ket-qua/${year}/`, units: '/don-vi/', unit: `/don-vi/${unit}/`,
      print: `/in/${year}/${unit}/`, downloads: '/tai-ve/', notFound: '/404.html',
    };
  };

  it('every page type renders offline with no console errors and no axe violations', async () => {
    const failures: string[] = [];
    for (const [kind, path] of Object.entries(pageTypes())) {
      const { page, errors } = await openPage(ctx, server.url + path);
      if (kind === 'search') await page.waitForSelector('.search-results, #ket-qua-tim-kiem p');
      if (kind === 'unit') await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const violations = await axeViolations(page);
      if (kind !== 'notFound') failures.push(...errors.map((e) => `${kind} ${path}: ${e}`));
      failures.push(...violations.map((v) => `${kind} ${path}: axe ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.join(', ')}`));
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      expect((await page.textContent('h1'))?.trim().length, path).toBeGreaterThan(3);
      await page.close();
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('public pages ship no script except the home countdown and search; results pages none at all', () => {
    const withScript = htmlFiles(OUT).filter((f) => !f.startsWith('admin/') && /<script\b/i.test(readFileSync(join(OUT, f), 'utf8')));
    expect(withScript.sort()).toEqual(['huong-dan/tim-kiem/index.html', 'index.html']);
  });

  it('the home page shows the next deadline without JavaScript, and counts from the site’s clock, not the reader’s', async () => {
    const noJs = await offlineContext(browser, server.url, { javaScriptEnabled: false });
    const { page } = await openPage(noJs, `${server.url}/`);
    const text = await page.textContent('main');
    expect(text).toContain('Tự đánh giá, chấm điểm');
    expect(text).toContain('17/11/2023 17:00');
    expect(await page.isVisible('[data-countdown]')).toBe(false);
    await noJs.close();

    // The build ran on a set clock (PARINDEX_NOW, as under `npm start`): whatever the reader's
    // clock says (here today's), the countdown is the time left at 10/11/2023 09:00 and stands still.
    const set = await offlineContext(browser, server.url);
    const p1 = await set.newPage();
    const errors = collectErrors(p1);
    await p1.clock.install({ time: new Date('2026-12-05T08:00:00+07:00') });
    await p1.goto(`${server.url}/`);
    const at = 'Còn 7 ngày 8 giờ 0 phút 0 giây đến hạn “Tự đánh giá, chấm điểm” (17/11/2023 17:00)';
    await expect.poll(() => p1.locator('[data-countdown]').textContent()).toBe(at);
    await p1.clock.runFor(61_000);
    expect(await p1.locator('[data-countdown]').textContent()).toBe(at);
    expect(errors).toEqual([]);
    await set.close();

    // A build on the system clock (no data-now: the deployed site) counts live on the reader's clock,
    // so a page built days ago still counts to the right deadline.
    const live = await offlineContext(browser, server.url);
    await live.route(`${server.url}/`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: (await res.text()).replace(/ data-now="[^"]*"/, '') });
    });
    const p2 = await live.newPage();
    await p2.clock.install({ time: new Date('2023-11-17T16:59:00+07:00') });
    await p2.goto(`${server.url}/`);
    const el = p2.locator('[data-countdown]');
    await expect.poll(() => el.textContent()).toMatch(/^Còn 0 ngày 0 giờ (1 phút 0|0 phút [45]\d) giây đến hạn “Tự đánh giá, chấm điểm” \(17\/11\/2023 17:00\)$/);
    await p2.clock.runFor(61_000);
    // Past the self-assessment deadline the countdown moves on to the next phase end, never to a past one.
    await expect.poll(() => el.textContent()).not.toContain('“Tự đánh giá, chấm điểm”');
    expect(await el.textContent()).toMatch(/^Còn \d+ ngày/);
    await live.close();
  });

  it('the home page links only results public at the site’s clock', () => {
    const html = readHtml(OUT, '/');
    expect(html).toContain('Kết quả Chỉ số CCHC năm 2022 (đã công bố)');
    expect(html).not.toMatch(/2023 \(đã công bố\)/);
    expect(html).not.toContain('href="/ket-qua/2023/"');
  });

  it('results and print pages fit 390, 768 and 1440 px: no page overflow, readable charts, the ranking whole from 768 px', async () => {
    const year = published[0]!;
    const [unit] = [...content.years.get(year)!.selfAssessments.entries()]
      .sort((a, b) => JSON.stringify(b[1]).length - JSON.stringify(a[1]).length)[0]!;
    const failures: string[] = [];
    for (const width of [390, 768, 1440]) {
      const sized = await offlineContext(browser, server.url, { viewport: { width, height: 900 } });
      for (const path of [`/ket-qua/${year}/`, `/in/${year}/${unit}/`]) {
        const { page, errors } = await openPage(sized, server.url + path);
        failures.push(...errors.map((e) => `${width} ${path}: ${e}`));
        const m = await page.evaluate(() => {
          const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
          const wraps = [...document.querySelectorAll('.table-wrap, .sheet-wrap')].map((w) => ({ cls: w.querySelector('table')!.className, table: w.querySelector('table')!.scrollWidth, box: (w as HTMLElement).clientWidth }));
          const chartText = [...document.querySelectorAll('.bar-label, .bar-value, table.heatmap th, table.heatmap td')];
          return {
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            wraps,
            smallest: Math.min(...chartText.map(px)),
            clipped: chartText.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
            chartText: chartText.length,
            domainHeads: [...document.querySelectorAll('table.domain-summary th[scope="row"]')].map((th) => Math.round(th.getBoundingClientRect().width)),
          };
        });
        if (m.overflow > 0) failures.push(`${width} ${path}: the page is ${m.overflow} px wider than the window`);
        if (path.startsWith('/ket-qua/')) {
          expect(m.chartText, path).toBeGreaterThan(0);
          if (m.smallest < 12) failures.push(`${width} ${path}: chart text at ${m.smallest} px`);
          if (m.clipped.length) failures.push(`${width} ${path}: chart labels cut: ${m.clipped.join(', ')}`);
          // A domain name keeps at least ~12 characters a line: no word-per-line column.
          if (Math.min(...m.domainHeads) < 150) failures.push(`${width} ${path}: domain names squeezed to ${Math.min(...m.domainHeads)} px`);
          for (const w of m.wraps.filter((x) => x.cls === 'ranking')) {
            if (width >= 768 && w.table > w.box) failures.push(`${width} ${path}: ranking ${w.table} px wide in a ${w.box} px column`);
          }
        }
        await page.close();
      }
      await sized.close();
    }
    expect(failures).toEqual([]);
  });

  it('the keyboard reaches the skip link first and it moves focus to the content', async () => {
    const { page } = await openPage(ctx, `${server.url}/ket-qua/${published[0]}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    expect(await page.isVisible('a.skip')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#noi-dung');
    await page.keyboard.press('Tab');
    // The next stop is inside the main content (the breadcrumb), not back in the header.
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.close();
  });

  it('the print view fits A4: no horizontal overflow at A4 width and A4 pages in the PDF', async () => {
    const year = published[0]!;
    // The unit with the longest explanations is the hardest to fit.
    const [unit] = [...content.years.get(year)!.selfAssessments.entries()]
      .sort((a, b) => JSON.stringify(b[1]).length - JSON.stringify(a[1]).length)[0]!;
    const { page, errors } = await openPage(ctx, `${server.url}/in/${year}/${unit}/`);
    await page.emulateMedia({ media: 'print' });
    // A4 (210 mm) minus the 2 × 10 mm page margins, in CSS pixels.
    await page.setViewportSize({ width: Math.floor((190 / 25.4) * 96), height: 1000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const header = await page.textContent('.print-head');
    expect(header).toContain(content.registry.units.get(unit)!.name.toUpperCase());
    expect(header).toContain(String(year));
    expect(await page.textContent('.print-meta')).toMatch(/Ngày in: \d{2}\/\d{2}\/\d{4}/);
    expect(await page.isVisible('.site-header')).toBe(false);
    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true }));
    expect(pdf.getPageCount()).toBeGreaterThan(0);
    for (const p of pdf.getPages()) {
      expect(Math.round(p.getWidth())).toBe(595);
      expect(Math.round(p.getHeight())).toBe(842);
    }
    // Every self-scored criterion is on paper.
    const items = content.years.get(year)!.selfAssessments.get(unit)!.items;
    const codes = await page.$$eval('.print-sheet tbody th[scope="row"]', (ths) => ths.map((t) => t.textContent?.trim()));
    for (const i of items) expect(codes).toContain(i.code);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search works from the built files alone', async () => {
    const { page, errors } = await openPage(ctx, `${server.url}/huong-dan/tim-kiem/?q=${encodeURIComponent('giải trình')}`);
    await page.waitForSelector('.search-results li a');
    const hrefs = await page.$$eval('.search-results li a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/huong-dan/giai-trinh/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('evidence links open the published PDF; the framework page shows the whole tree', async () => {
    const year = published[0]!;
    const unit = [...content.years.get(year)!.selfAssessments.keys()][0]!;
    const html = readHtml(OUT, `/don-vi/${unit}/`);
    const link = /href="(\/minh-chung\/[^"]+\.pdf)"/.exec(html)?.[1];
    expect(link).toBeTruthy();
    const pdf = await fetch(server.url + link);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    const campaign = content.registry.campaigns.get(year)!;
    for (const g of campaign.groups) {
      const fw = content.registry.frameworks.get(g.framework)!;
      const page = readHtml(OUT, `/bo-tieu-chi/${year}/${g.id}/`);
      const ids = [...page.matchAll(/<tr (?:class="branch" )?id="tc-([\d.]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBe(fw.byCode.size - fw.framework.children.length);
      expect(page.match(/class="badge survey"/g)?.length ?? 0).toBe(fw.leaves.filter((l) => l.method === 'survey').length + 1);
      expect(page.match(/class="badge deferred"/g)?.length ?? 0).toBe(fw.leaves.filter((l) => l.deferred).length + 1);
    }
  });

  it('the results page stays under 60 KB of gzip HTML', () => {
    for (const year of published) {
      const html = readFileSync(join(OUT, 'ket-qua', String(year), 'index.html'));
      expect(gzipSync(html).length).toBeLessThan(60 * 1024);
    }
  });
});
