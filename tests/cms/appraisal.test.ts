// The council's appraisal collection in real Chromium against decap-server's git backend, on a
// repository holding the sample content: beside each criterion the unit's self-score,
// explanation, evidence (with a working link) and the engine's findings; round-1 and round-2
// inputs under the appraisal rules; totals self vs round 1 vs final; drafts save with errors,
// "Đã gửi đi" does not.
import { beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import type { Locator, Page } from 'playwright-core';
import { entryUrl, git, login, unexpectedErrors } from '../../scripts/bench/cms-harness.js';
import { cmsInChromium, ENGLISH } from './cms-in-chromium.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { indexFramework, type Appraisal, type Framework, type SelfAssessment } from '../../scripts/core/model.js';
import { councilScores, scoreTree, selfScores } from '../../scripts/core/score/index.js';
import { EvidenceInspector, parseText } from '../../scripts/core/validate/engine.js';
import { summarizeEvidence } from '../../scripts/core/evidence/summary.js';
import { fsSource, nodeSha256 } from '../../scripts/io/fs-source.js';

const YEAR = 2023;
const UNIT = 'tp-pho-yen';
const COLLECTION = `appraisals-${YEAR}`;
const BRANCH = `cms/${COLLECTION}/${UNIT}`;
const FILE = `content/appraisals/${YEAR}/${UNIT}.yaml`;
const readContent = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const SA = loadYaml(readContent(`content/self-assessments/${YEAR}/${UNIT}.yaml`), { schema: CORE_SCHEMA }) as SelfAssessment;
const APPRAISAL = loadYaml(readContent(FILE), { schema: CORE_SCHEMA }) as Appraisal;
const FW = indexFramework(loadYaml(readContent(`content/frameworks/${SA.framework}.yaml`), { schema: CORE_SCHEMA }) as Framework);

// Criteria of the sample chosen for what they are: 1.2 scored by the council as the unit did,
// no remark, no request, not deferred; 1.5 flagged for explanation with a round-2 score; 5.3.1
// deferred (its data comes in round 2); 1.6 cites a letter-suffixed document number.
const PLAIN = '1.2';
const FLAGGED = '1.5';
const DEFERRED = '5.3.1';
const SUFFIXED = '1.6';

const cms = cmsInChromium(join(REPO_ROOT, 'content'));
let page: Page;
beforeAll(() => { page = cms.page; });

/** What a reader sees: off-screen rows skip rendering (content-visibility), so scroll first. */
async function seen(l: Locator): Promise<string> {
  await l.scrollIntoViewIfNeeded();
  // Rendering catches up a frame after the scroll.
  await l.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return l.innerText();
}

const row = (code: string) => page.locator(`.pi-row[data-code="${code}"]`);

const councilPanel = () => page.locator('[data-findings-panel]');

describe('the council’s appraisal collection in Chromium', () => {
  test('lists the year’s appraisals, in Vietnamese', async () => {
    await login(page, cms.adminUrl);
    await page.goto(`${cms.adminUrl}#/collections/${COLLECTION}`);
    await page.locator(`a[href$="/entries/${UNIT}"]`).waitFor();
    const listed = await page.locator(`a[href*="/collections/${COLLECTION}/entries/"]`).evaluateAll((els) => els.map((e) => e.getAttribute('href')!.split('/').pop()));
    const files = git(cms.repoDir, 'ls-tree', '--name-only', 'main', `content/appraisals/${YEAR}/`).split('\n').map((p) => p.split('/').pop()!.replace(/\.yaml$/, ''));
    expect(listed.sort()).toEqual(files.sort());
    const text = await page.locator('body').innerText();
    expect(text).toContain(`Thẩm định năm ${YEAR}`);
    expect(text.match(ENGLISH)).toBeNull();
  });

  test('beside each criterion: the unit’s score, explanation, evidence link and the engine’s findings', async () => {
    await page.goto(entryUrl(cms.adminUrl, COLLECTION, UNIT));
    await page.waitForSelector(`[data-self-findings="${SUFFIXED}"]`, { timeout: 30_000 });
    // Every leaf of the unit's framework, in order.
    const rows = await page.locator('[data-widget="parindex-appraisal-table"] .pi-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(rows).toEqual(FW.leaves.map((l) => l.code));

    const item = SA.items.find((i) => i.code === SUFFIXED)!;
    const self = row(SUFFIXED).locator(`[data-self="${SUFFIXED}"]`);
    expect(await self.locator('[data-self-score]').getAttribute('data-self-score')).toBe(String(item.score));
    expect(await seen(self.locator('[data-self-score]'))).toContain('1,5 / 1,5 điểm');
    expect(await seen(self.locator(`[data-self-explanation="${SUFFIXED}"]`))).toBe(item.explanation);
    expect(await seen(self.locator('[data-evidence-number]'))).toContain('627a/BC-UBND ngày 06/11/2023 của UBND thành phố Phổ Yên');
    // The engine's finding on the unit's item, in its Vietnamese words, under the item.
    const finding = self.locator(`[data-self-findings="${SUFFIXED}"] li[data-rule="evidence-number-suffix"]`);
    expect(await seen(finding)).toContain('Văn bản “627a/BC-UBND” có số ký hiệu kèm chữ cái');
    expect(await page.locator(`[data-self-findings-panel] li[data-rule="evidence-number-suffix"][data-code="${SUFFIXED}"]`).count()).toBe(1);
    // An item without findings shows none.
    expect(await row(PLAIN).locator('[data-self-findings]').count()).toBe(0);

    // The evidence link opens the very file the unit filed (read through the CMS's backend).
    const ev = item.evidence![0]!;
    const link = self.locator(`a[data-evidence-file="${ev.file}"]`);
    await link.hover();
    await expect.poll(() => link.getAttribute('href')).toMatch(/^blob:/);
    const href = (await link.getAttribute('href'))!;
    const sha = await page.evaluate(async (url) => {
      const bytes = await (await fetch(url)).arrayBuffer();
      return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    }, href);
    expect(sha).toBe(createHash('sha256').update(readFileSync(join(REPO_ROOT, ev.file!))).digest('hex'));
    expect(sha).toBe(ev.sha256);

    // The council's saved inputs are shown in its column.
    const council = row(SUFFIXED).locator(`[data-council="${SUFFIXED}"]`);
    expect(await council.locator('select[data-field="round1.score"]').inputValue()).toBe('0');
    expect(await council.locator('textarea[data-field="round1.remark"]').inputValue()).toContain('số văn bản a, b');
    await cms.findingsChecked();
    expect(await councilPanel().getAttribute('data-errors')).toBe('0');
    expect((await page.locator('body').innerText()).match(ENGLISH)).toBeNull();
  });

  test('beside each document: signer, signing time and the printed header, as the engine reads them in Node', async () => {
    const ev = SA.items.find((i) => i.code === SUFFIXED)!.evidence![0]!;
    const verdict = row(SUFFIXED).locator(`[data-self="${SUFFIXED}"] [data-verdict="${ev.file}"]`);
    await verdict.scrollIntoViewIfNeeded();
    await expect.poll(() => verdict.locator('[data-tone]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const lines = await verdict.locator('[data-tone]').allInnerTexts();
    const info = await new EvidenceInspector(fsSource(REPO_ROOT), nodeSha256).inspect(ev.file!);
    expect(lines).toEqual(summarizeEvidence(info, ev).map((l) => l.text));
    expect(lines[0]).toMatch(/^Chữ ký 1: .+ · ký lúc \d\d\/\d\d\/2023 \d\d:\d\d · chữ ký hợp lệ · .* · chuỗi chứng thực tin cậy$/);
    expect(lines.at(-1)).toBe(`Trên văn bản: Số: ${ev.number}, ngày ${ev.date.split('-').reverse().join('/')}.`);
  }, 90_000);

  test('totals: self vs round 1 vs final per domain, as the scoring engine computes them', async () => {
    const trees = {
      self: scoreTree(FW, selfScores(SA)),
      round1: scoreTree(FW, councilScores(SA, APPRAISAL, undefined, UNIT, 'appraisal')),
      final: scoreTree(FW, councilScores(SA, APPRAISAL, undefined, UNIT, 'final')),
    };
    for (const [i, d] of FW.framework.children.entries()) {
      const tr = page.locator(`.pa-totals tr[data-domain="${d.code}"]`);
      expect([await tr.getAttribute('data-self'), await tr.getAttribute('data-round1'), await tr.getAttribute('data-final')])
        .toEqual([trees.self, trees.round1, trees.final].map((t) => String(t.children![i]!.points)));
    }
    // The sample's first domain differs in all three: it shows the stages apart.
    const first = page.locator('.pa-totals tr[data-domain="1"]');
    expect(new Set([await first.getAttribute('data-self'), await first.getAttribute('data-round1'), await first.getAttribute('data-final')]).size).toBe(3);
    expect(await page.locator('.pi-summary-total').getAttribute('data-total')).toBe(String(trees.final.points));
  });

  test('round 2 is open only where round 1 asked for an explanation or the data comes later', async () => {
    const r2 = (code: string) => row(code).locator('select[data-field="round2.score"]');
    expect(await r2(PLAIN).isDisabled()).toBe(true);
    expect(await row(PLAIN).locator('textarea[data-field="round2.remark"]').isDisabled()).toBe(true);
    expect(await seen(row(PLAIN).locator('[data-round="2"]'))).toContain('Chỉ thẩm định đợt 2 khi đã yêu cầu giải trình');
    expect(await r2(FLAGGED).isEnabled()).toBe(true);
    expect(await r2(FLAGGED).inputValue()).toBe('1.5');
    expect(await r2(DEFERRED).isEnabled()).toBe(true);
    expect(await row(DEFERRED).locator('[data-field="round1.requestExplanation"]').isChecked()).toBe(false);

    // Asking for an explanation opens round 2; a round-2 score moves the final total only.
    const domain = page.locator('.pa-totals tr[data-domain="1"]');
    const [round1Before, finalBefore] = [await domain.getAttribute('data-round1'), Number(await domain.getAttribute('data-final'))];
    await row(PLAIN).locator('[data-field="round1.requestExplanation"]').check();
    await expect.poll(() => r2(PLAIN).isEnabled()).toBe(true);
    await r2(PLAIN).selectOption('0');
    await expect.poll(async () => Number(await domain.getAttribute('data-final'))).toBe(finalBefore - 1);
    expect(await domain.getAttribute('data-round1')).toBe(round1Before);
    // Withdrawn again: the untouched state comes back.
    await r2(PLAIN).selectOption('');
    await row(PLAIN).locator('[data-field="round1.requestExplanation"]').uncheck();
    await expect.poll(() => r2(PLAIN).isDisabled()).toBe(true);
    await expect.poll(async () => Number(await domain.getAttribute('data-final'))).toBe(finalBefore);
    await cms.findingsChecked();
    expect(await councilPanel().getAttribute('data-errors')).toBe('0');
  });

  test('a round-1 score below the self-score needs a remark: the draft saves, sending is refused until it has one', async () => {
    await row(PLAIN).locator('select[data-field="round1.score"]').selectOption('0.5');
    const finding = page.locator(`[data-findings-panel] li[data-rule="appraisal-remark-required"][data-code="${PLAIN}"]`);
    await finding.waitFor({ timeout: 10_000 });
    expect(await seen(finding)).toContain(`Tiêu chí ${PLAIN}: điểm thẩm định đợt 1 (0,5) thấp hơn điểm tự chấm (1) nên phải có nhận xét`);
    expect(await seen(row(PLAIN).locator(`[data-findings="${PLAIN}"]`))).toContain('phải có nhận xét');
    expect(await councilPanel().getAttribute('data-errors')).toBe('1');
    // The totals follow at once.
    await expect.poll(() => page.locator('.pa-totals tr[data-domain="1"]').getAttribute('data-round1'))
      .toBe(String(scoreTree(FW, councilScores(SA, APPRAISAL, undefined, UNIT, 'appraisal')).children![0]!.points - 0.5));

    await cms.toastAfter(/Đã lưu/, cms.save);
    const draft = loadYaml(git(cms.repoDir, 'show', `${BRANCH}:${FILE}`), { schema: CORE_SCHEMA }) as Appraisal;
    expect(draft.items.find((i) => i.code === PLAIN)).toEqual({ code: PLAIN, round1: { score: 0.5 } });
    // What the council did not touch is written back unchanged.
    expect({ ...draft, items: draft.items.filter((i) => i.code !== PLAIN) }).toEqual({ ...APPRAISAL, items: APPRAISAL.items.filter((i) => i.code !== PLAIN) });
    expect(await cms.branchStatus(BRANCH)).toMatch(/draft/);

    const refusal = await cms.toastAfter(/Chưa gửi được/, () => cms.setStatus('Đã gửi đi'));
    expect(refusal).toContain('kết quả thẩm định còn 1 lỗi');
    expect(refusal).toContain(PLAIN);
    expect(await cms.branchStatus(BRANCH)).toMatch(/draft/);

    await row(PLAIN).locator('textarea[data-field="round1.remark"]').fill('Kế hoạch ban hành chậm so với thời hạn của UBND tỉnh.');
    await expect.poll(() => finding.count(), { timeout: 10_000 }).toBe(0);
    await cms.findingsChecked();
    expect(await councilPanel().getAttribute('data-errors')).toBe('0');
    await cms.toastAfter(/Đã lưu/, cms.save);
    await cms.toastAfter(/Đã cập nhật trạng thái/, () => cms.setStatus('Đã gửi đi'));
    expect(await cms.branchStatus(BRANCH)).toMatch(/pending_publish/);
    const sent = git(cms.repoDir, 'show', `${BRANCH}:${FILE}`);
    expect(parseText(sent, FILE).findings).toEqual([]);
    expect((loadYaml(sent, { schema: CORE_SCHEMA }) as Appraisal).items.find((i) => i.code === PLAIN))
      .toEqual({ code: PLAIN, round1: { score: 0.5, remark: 'Kế hoạch ban hành chậm so với thời hạn của UBND tỉnh.' } });
  });

  test('no console errors on the way', () => {
    expect(unexpectedErrors(cms.w)).toEqual([]);
  });
});
