// `parindex bench --only cms`: the officers' CMS with a real 100-criterion self-assessment in
// Chromium. Opening the entry (cold: page load to table drawn; warm: click in the list to table
// drawn) and typing in an explanation (keydown to the next frame, the first keystroke counted
// on its own), plus the bundle size. The targets: open < 1.5 s, typing p95 < 50 ms.
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { dump } from 'js-yaml';
import type { Page } from 'playwright-core';
import { adminBundle, entryUrl, launch, login, makeRepo, openPage, startCms, unexpectedErrors } from './cms-harness.js';
import { collectionName } from '../../site/cms/page-data.js';

export const BIG_UNIT = 'so-thu-nghiem-lon';
export const BIG_YEAR = 2023;
export const BIG_FRAMEWORK = 'nhom-lon-2023';

/** A PDF header and trailer: enough for the rules' PDF check (unsigned, so a warning). */
function tinyPdf(n: number): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n% tai lieu ${n}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

interface Leaf { code: string; title: string; max: number; method: 'self' | 'survey'; [k: string]: unknown }
interface Branch { code: string; title: string; max: number; children: (Leaf | Branch)[] }

/**
 * A framework of 8 domains with 100 self-scored leaves (and 3 survey leaves), levels on every
 * leaf, ratio measures, N/A and deferred flags, and the unit's filled self-assessment: every
 * criterion explained, citing 2 evidence documents from 25 PDFs in the unit's folder.
 */
export function bigFixture(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  const domains: Branch[] = [];
  let k = 0;
  const leaf = (code: string): Leaf => {
    k++;
    const max = k % 4 === 0 ? 2 : 1;
    const l: Leaf = {
      code, title: `Tiêu chí thử nghiệm ${code}: thực hiện nhiệm vụ cải cách hành chính theo kế hoạch năm`, max, method: 'self',
      levels: [{ score: max, condition: 'Hoàn thành 100% kế hoạch' }, { score: max / 2, condition: 'Hoàn thành từ 80% đến dưới 100%' }, { score: 0, condition: 'Dưới 80%' }],
      evidence: { required: true, hint: 'Kế hoạch, báo cáo kết quả thực hiện và bảng thống kê nhiệm vụ', ...(k % 6 === 0 ? { statisticsTable: true } : {}) },
    };
    if (k % 5 === 0) {
      l.measure = { kind: 'ratio', numerator: { key: 'done', label: 'Số nhiệm vụ hoàn thành' }, denominator: { key: 'total', label: 'Tổng số nhiệm vụ' },
        thresholds: [{ atLeast: 100, score: max }, { atLeast: 80, score: max / 2 }, { atLeast: 0, score: 0 }] };
    }
    if (k % 7 === 0) l.notApplicableAllowed = true;
    if (k % 9 === 0) l.deferred = true;
    return l;
  };
  for (let d = 1; d <= 8; d++) {
    const criteria: (Leaf | Branch)[] = [];
    for (let c = 1; c <= 4; c++) {
      const subs = [1, 2, 3].map((s) => leaf(`${d}.${c}.${s}`));
      criteria.push({ code: `${d}.${c}`, title: `Tiêu chí ${d}.${c} của lĩnh vực ${d}`, max: subs.reduce((s, x) => s + x.max, 0), children: subs });
    }
    if (d <= 4) criteria.push(leaf(`${d}.5`));
    if (d === 8) for (let s = 6; s <= 8; s++) criteria.push({ code: `8.${s}`, title: `Mức độ hài lòng ${s} (điều tra xã hội học)`, max: 2, method: 'survey' });
    domains.push({ code: String(d), title: `Lĩnh vực thử nghiệm số ${d}`, max: criteria.reduce((s, x) => s + x.max, 0), children: criteria });
  }
  const fw = { id: BIG_FRAMEWORK, title: 'Bộ tiêu chí 100 tiêu chí (đo hiệu năng)', source: 'mẫu', group: 'nhom-lon', year: BIG_YEAR,
    max: domains.reduce((s, x) => s + x.max, 0), children: domains };
  files[`content/frameworks/${BIG_FRAMEWORK}.yaml`] = dump(fw, { lineWidth: -1 });
  files[`content/units/${BIG_UNIT}.yaml`] = dump({ id: BIG_UNIT, name: 'Sở Thử nghiệm Lớn', shortName: 'Sở Lớn', group: 'nhom-lon', github: { users: ['officer-lon'] }, activeFrom: '2010-01-01' });
  files[`content/campaigns/${BIG_YEAR}.yaml`] = dump({
    year: BIG_YEAR, title: 'Đo hiệu năng', province: 'Thái Nguyên', timezone: 'Asia/Ho_Chi_Minh',
    groups: [{ id: 'nhom-lon', name: 'Nhóm lớn', framework: BIG_FRAMEWORK }],
    phases: [{ id: 'tu-danh-gia', kind: 'self-assessment', name: 'Tự đánh giá', start: '2023-11-01T00:00', end: '2023-11-17T17:00' }],
    dataCutoff: '2023-12-10', deferredCutoff: '2023-11-30', bands: [{ id: 'tot', name: 'Tốt', min: 80 }, { id: 'khac', name: 'Khác', min: 0 }],
    publication: { status: 'unpublished' },
  });
  const pdfs = Array.from({ length: 25 }, (_, i) => {
    const bytes = tinyPdf(i);
    const path = `content/evidence/${BIG_YEAR}/${BIG_UNIT}/bao-cao-${i + 1}.pdf`;
    files[path] = bytes;
    return { path, number: `${100 + i}/BC-SLON`, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  const leaves: Leaf[] = [];
  const walk = (n: Leaf | Branch): void => { if ('children' in n) (n as Branch).children.forEach(walk); else leaves.push(n as Leaf); };
  domains.forEach(walk);
  const items = leaves.filter((l) => l.method === 'self').map((l, i) => {
    const a = pdfs[i % 25]!;
    const b = pdfs[(i + 7) % 25]!;
    const item: Record<string, unknown> = { code: l.code, score: l.max };
    if (l.measure) item.figures = { done: 20, total: 20 };
    item.explanation = `Năm ${BIG_YEAR} đơn vị hoàn thành 20/20 nhiệm vụ của tiêu chí ${l.code}, đạt 100% kế hoạch. Kết quả được minh chứng tại Mục II, Báo cáo số ${a.number} ngày 12/11/${BIG_YEAR} và Phụ lục I, Báo cáo số ${b.number}.`;
    item.evidence = [a, b].map((p, j) => ({
      number: p.number, date: `${BIG_YEAR}-11-12`, issuer: 'Sở Thử nghiệm Lớn', title: `Báo cáo kết quả thực hiện nhiệm vụ (tài liệu ${j + 1})`,
      file: p.path, sha256: p.sha256, locator: j ? 'Phụ lục I' : 'Mục II',
      ...((l.evidence as { statisticsTable?: boolean }).statisticsTable && j === 0 ? { statisticsTable: true } : {}),
    }));
    return item;
  });
  files[`content/self-assessments/${BIG_YEAR}/${BIG_UNIT}.yaml`] = dump({
    unit: BIG_UNIT, year: BIG_YEAR, framework: BIG_FRAMEWORK, preparedBy: { name: 'Nguyễn Văn Đo', position: 'Chuyên viên' }, items,
  }, { lineWidth: -1 });
  return files;
}

export const BIG_SELF_LEAVES = 100;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Waits until the score table shows every self-scored row; returns ms since `since` (page clock). */
async function tableDrawn(page: Page, rows: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-widget="parindex-score-table"] .pi-row:not([data-survey])').length >= n, rows, { timeout: 30_000, polling: 'raf' });
}

/** Cold: a fresh document load of the entry URL until the table is drawn (page clock, ms). */
export async function measureColdOpen(page: Page, adminUrl: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(entryUrl(adminUrl, collectionName(BIG_YEAR), BIG_UNIT));
  await tableDrawn(page, BIG_SELF_LEAVES);
  return page.evaluate(() => performance.now());
}

/** Warm: from the click on the entry in the collection list until the table is drawn. */
export async function measureWarmOpen(page: Page, adminUrl: string): Promise<number> {
  await page.goto(`${adminUrl}#/collections/${collectionName(BIG_YEAR)}`);
  const link = page.locator(`a[href$="/entries/${BIG_UNIT}"]`).first();
  await link.waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    document.addEventListener('click', () => { (window as unknown as { __clickAt: number }).__clickAt = performance.now(); }, { capture: true, once: true });
  });
  await link.click();
  await tableDrawn(page, BIG_SELF_LEAVES);
  return page.evaluate(() => performance.now() - (window as unknown as { __clickAt: number }).__clickAt);
}

export interface TypingResult {
  latencies: number[];
  first: number;
  p50: number;
  p95: number;
  max: number;
  longestTask: number;
}

/**
 * Types `text` into the explanation of criterion `code`, one key at a time with `delays` ms
 * between keys. Latency = from the key event's timestamp (when the browser received it, so time
 * spent waiting for a busy main thread counts) to the frame after it is handled.
 */
export async function measureTyping(page: Page, code: string, text: string, delays: number[]): Promise<TypingResult> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __long: number[] };
    w.__lat = [];
    w.__long = [];
    document.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => w.__lat.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    }, true);
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask', buffered: false });
    } catch { /* longtask unsupported */ }
  });
  const box = page.locator(`[data-code="${code}"] textarea[data-field="explanation"]`);
  await box.scrollIntoViewIfNeeded();
  await box.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(800);
  await page.evaluate(() => { (window as unknown as { __lat: number[] }).__lat = []; });
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.press(text[i] === ' ' ? 'Space' : text[i]!);
    await page.waitForTimeout(delays[i % delays.length]!);
  }
  await page.waitForTimeout(600);
  const { lat, long } = await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __long: number[] };
    return { lat: w.__lat, long: w.__long };
  });
  const sorted = [...lat].sort((a, b) => a - b);
  return { latencies: lat, first: lat[0] ?? NaN, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN, longestTask: Math.max(0, ...long) };
}

/** Key gaps of a person typing: mostly quick, with pauses long enough for the edits to reach Decap. */
export const TYPING_DELAYS = [90, 70, 120, 60, 450, 80, 100, 65, 350, 110, 75, 95, 600, 85, 70];
export const TYPED_TEXT = ' Ket qua tai Muc III, Bao cao so 101/BC-SLON';

export function bundleSizes(dir: string): { js: number; jsGzip: number } {
  const astro = join(dir, '_astro');
  const html = readFileSync(join(dir, 'admin', 'index.html'), 'utf8');
  // Only what the page loads up front: its module script (lazy chunks such as the WebP encoder are fetched on use).
  const main = [...html.matchAll(/src="\/_astro\/([^"]+\.js)"/g)].map((m) => m[1]!);
  let js = 0;
  let jsGzip = 0;
  for (const name of main.length ? main : readdirSync(astro).filter((f) => f.endsWith('.js'))) {
    const bytes = readFileSync(join(astro, name));
    js += statSync(join(astro, name)).size;
    jsGzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { js, jsGzip };
}

export async function benchCms(opts: { dir: string; log: (line: string) => void; root?: string }): Promise<Record<string, number>> {
  const root = opts.root ?? process.cwd();
  const log = opts.log;
  log('Dựng gói /admin/ (Astro, bản production; dùng lại bản đã dựng nếu mã nguồn không đổi)…');
  const bundle = await adminBundle(root);
  const sizes = bundleSizes(bundle.dir);
  log(`Gói JS: ${(sizes.js / 1024).toFixed(0)} KB, nén gzip ${(sizes.jsGzip / 1024).toFixed(0)} KB${bundle.buildSeconds ? ` (dựng ${bundle.buildSeconds.toFixed(1)} s)` : ''}.`);
  const repo = makeRepo(bigFixture());
  const cms = await startCms(root, repo.dir);
  const browser = await launch();
  try {
    const w = await openPage(browser);
    await login(w.page, cms.adminUrl);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) cold.push(await measureColdOpen(w.page, cms.adminUrl));
    for (let i = 0; i < 3; i++) warm.push(await measureWarmOpen(w.page, cms.adminUrl));
    log(`Mở bảng 100 tiêu chí: lần đầu (tải trang) ${cold.map(round).join(' / ')} ms; từ danh sách ${warm.map(round).join(' / ')} ms.`);
    await measureColdOpen(w.page, cms.adminUrl);
    const typing = await measureTyping(w.page, '4.2.2', TYPED_TEXT, TYPING_DELAYS);
    log(`Gõ ${typing.latencies.length} phím trong giải trình: phím đầu ${round(typing.first)} ms, trung vị ${round(typing.p50)} ms, p95 ${round(typing.p95)} ms, chậm nhất ${round(typing.max)} ms; tác vụ dài nhất ${round(typing.longestTask)} ms.`);
    const errors = unexpectedErrors(w);
    if (errors.length) log(`Lỗi trong trang: ${errors.join(' | ')}`);
    return {
      bundle_js_kb: Math.round(sizes.js / 1024), bundle_gzip_kb: Math.round(sizes.jsGzip / 1024),
      open_cold_ms_median: round([...cold].sort((a, b) => a - b)[1]!), open_cold_ms_max: round(Math.max(...cold)),
      open_warm_ms_median: round([...warm].sort((a, b) => a - b)[1]!), open_warm_ms_max: round(Math.max(...warm)),
      key_first_ms: round(typing.first), key_p50_ms: round(typing.p50), key_p95_ms: round(typing.p95), key_max_ms: round(typing.max),
      longest_task_ms: round(typing.longestTask), page_errors: errors.length,
    };
  } finally {
    await browser.close();
    await cms.close();
    repo.cleanup();
  }
}
