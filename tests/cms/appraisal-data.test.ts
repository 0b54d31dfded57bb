// The council's table without a browser: what the form writes (framework order, derived header,
// empty inputs left out), the same findings as CI for the same appraisal, the table's round-2
// and totals logic, and the send guard on an appraisal with errors.
import { beforeAll, describe, expect, test } from 'vitest';
import { dump } from 'js-yaml';
import { EvidenceInspector, loadRegistry, validate } from '../../scripts/core/validate/engine.js';
import type { Registry } from '../../scripts/core/rules/types.js';
import { checkText } from '../../site/cms/check.js';
import { setRegistry } from '../../site/cms/registry.js';
import { normalizeAppraisalData, type AppraisalItem } from '../../site/cms/appraisal/data.js';
import { AppraisalSession } from '../../site/cms/appraisal/session.js';
import { CmsRefusal, guardBackend, READY } from '../../site/cms/backend-guard.js';
import { baseBytes, baseSource, baseText, withFiles, BASE_SELF_ASSESSMENT } from '../helpers/fixtures.js';
import type { SelfAssessment } from '../../scripts/core/model.js';
import { load } from 'js-yaml';

const PATH = 'content/appraisals/2023/don-vi-a.yaml';
const strip = (fs: { rule: string; severity: string; line: number; code?: string; message: string }[]) =>
  fs.map((f) => `${f.severity} ${f.rule} ${f.code ?? ''} ${f.line} ${f.message}`);

let registry: Registry;

beforeAll(async () => {
  registry = (await loadRegistry(baseSource())).registry;
  setRegistry(registry);
});

describe('what the appraisal form writes', () => {
  test('year and framework derived, items in framework order, empty inputs left out, unknown fields kept', () => {
    const form = {
      unit: 'don-vi-a',
      appraisers: ['  Nguyễn Văn An ', '', 'Trần Thị Bình'],
      bonus: { points: '', reason: '' },
      penalty: { points: 1, reason: ' Chậm gửi báo cáo ' },
      items: [
        { code: '2.1.2', round1: { score: 0, remark: '' } },
        { code: '1.1', round1: { score: 1, remark: ' Thiếu sản phẩm \r\n của kế hoạch ', requestExplanation: false }, note: 'giữ' },
        { code: '1.2', round1: { remark: '' } },
        { code: '1.3', round1: { remark: 'Chưa chấm' } },
        { code: '9.9', round1: { score: 1 } },
      ],
    };
    const out = normalizeAppraisalData(form, 2023);
    expect(out).toEqual({
      unit: 'don-vi-a', year: 2023, framework: 'fw-so-2023',
      appraisers: ['Nguyễn Văn An', 'Trần Thị Bình'],
      penalty: { points: 1, reason: 'Chậm gửi báo cáo' },
      items: [
        { code: '1.1', round1: { score: 1, remark: 'Thiếu sản phẩm \n của kế hoạch' }, note: 'giữ' },
        // Typed without a score: kept, so the schema names the missing score.
        { code: '1.3', round1: { remark: 'Chưa chấm' } },
        { code: '2.1.2', round1: { score: 0 } },
        { code: '9.9', round1: { score: 1 } },
      ],
    });
  });
});

describe('the appraisal rules in the browser are CI’s', () => {
  test('same findings for the same appraisal text, read against the unit’s self-assessment', async () => {
    const text = dump({
      unit: 'don-vi-a', year: 2023, framework: 'fw-so-2023',
      items: [
        { code: '1.1', round1: { score: 1 } },                            // below the self-score (2), no remark
        { code: '1.2', round1: { score: 2 }, round2: { score: 1, remark: 'x' } }, // round 2 without request, not deferred
        { code: '2.1.1', round1: { score: 0.5 }, round2: { score: 1 } },   // deferred: round 2 allowed
        { code: '2.1.2', round1: { score: 0.7 } },                         // not a level
      ],
    });
    const source = withFiles({ [PATH]: text });
    const ci = await validate(source, { targets: [PATH] });
    const browser = await checkText(text, PATH, registry, new EvidenceInspector(source));
    expect(strip(browser)).toEqual(strip(ci.findings));
    expect(browser.map((f) => `${f.rule} ${f.code}`).sort()).toEqual([
      'appraisal-remark-required 1.1', 'appraisal-round2-scope 1.2', 'appraisal-score 2.1.2',
    ]);
  });
});

describe('the table’s logic', () => {
  function session(items: AppraisalItem[]) {
    const emitted: unknown[] = [];
    const s = new AppraisalSession({ year: 2023, collection: 'appraisals-2023', slug: null, header: () => ({ unit: 'don-vi-a' }), emit: (v) => emitted.push(v) }, 'don-vi-a', items);
    const sa = load(baseText(BASE_SELF_ASSESSMENT)) as SelfAssessment;
    s.store.setSelf({ status: 'loaded', items: new Map(sa.items.map((i) => [i.code, i])), valid: true });
    return { s, emitted };
  }

  test('round 2 opens with a request for explanation or a deferred leaf; a withdrawn request takes an untouched round 2 along', () => {
    const { s } = session([{ code: '1.1', round1: { score: 2 } }]);
    expect(s.round2Open('1.1')).toBe(false);
    expect(s.round2Open('2.1.1')).toBe(true); // deferred
    s.setRequestExplanation('1.1', true);
    expect(s.round2Open('1.1')).toBe(true);
    s.setRemark('1.1', 'round2', 'Đã bổ sung');
    s.setRemark('1.1', 'round2', '');
    s.setRequestExplanation('1.1', false);
    expect(s.store.toItems()).toEqual([{ code: '1.1', round1: { score: 2 } }]);
    // A scored round 2 stays when the request is withdrawn: the rule names it, nothing is lost.
    s.setRequestExplanation('1.1', true);
    s.setRound2Score('1.1', 1);
    s.setRequestExplanation('1.1', false);
    expect(s.store.toItems()).toEqual([{ code: '1.1', round1: { score: 2 }, round2: { score: 1 } }]);
    s.dropRound2('1.1');
    expect(s.store.toItems()).toEqual([{ code: '1.1', round1: { score: 2 } }]);
    s.dispose();
  });

  test('totals: self, round 1 and final per node; unscored leaves count 0; N/A stays the unit’s', () => {
    const { s } = session([{ code: '1.1', round1: { score: 1, requestExplanation: true }, round2: { score: 2 } }, { code: '1.2', round1: { score: 2 } }]);
    const t = s.totals()!;
    const d1 = t.byCode.get('1')!;
    expect([d1.self!.points, d1.round1!.points, d1.final!.points]).toEqual([4, 3, 4]);
    expect(d1.self!.applicableMax).toBe(4); // 1.3 is N/A for the unit
    expect([t.self.points, t.round1.points, t.final.points]).toEqual([4.5, 3, 4]);
    s.setRound1Score('1.2', 0);
    expect(s.totals()!.byCode.get('1')!.round1!.points).toBe(1);
    s.dispose();
  });
});

describe('send guard on an appraisal', () => {
  test('an appraisal saved with errors cannot be marked sent; the message names the council’s file', async () => {
    const text = dump({ unit: 'don-vi-a', year: 2023, framework: 'fw-so-2023', items: [{ code: '1.1', round1: { score: 1 } }] });
    const calls: string[] = [];
    class Recording {
      async unpublishedEntry() { return { status: 'draft', diffs: [{ path: PATH, id: 'x' }] }; }
      async unpublishedEntryDataFile() { return text; }
      async unpublishedEntryMediaFile(): Promise<never> { throw new Error('not on the branch'); }
      async getMediaFile(path: string) {
        if (path === BASE_SELF_ASSESSMENT || path.startsWith('content/evidence/')) return { file: new Blob([baseBytes(path) as BlobPart]) };
        throw new Error('404');
      }
      async updateUnpublishedEntryStatus(_c: string, _s: string, status: string) { calls.push(`status ${status}`); }
    }
    const Guarded = guardBackend(Recording, { allowPublish: false });
    const error = await new Guarded().updateUnpublishedEntryStatus('appraisals-2023', 'don-vi-a', READY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmsRefusal);
    expect(String(error)).toMatch(/^Chưa gửi được: kết quả thẩm định còn 1 lỗi\. 1\.1: Tiêu chí 1\.1: điểm thẩm định đợt 1 \(1\) thấp hơn điểm tự chấm \(2\)/);
    expect(calls).toEqual([]);
  });
});
