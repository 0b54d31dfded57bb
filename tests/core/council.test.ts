// The council's stages on a small campaign, computed by hand:
//   don-vi-a self: 1.1=2, 1.2=2, 1.3 N/A (max 2 out), 2.1.1=0.5, 2.1.2=0; 2.2 is a survey leaf (max 2).
//   appraisal round 1: 1.1=1 (explanation requested), 1.2=2, 2.1.1=0.5, 2.1.2=0; survey 2.2=1.5.
//     points 1+2+0.5+0+1.5 = 5; bonus 1.5 capped at 1 → 6; applicable max 10 − 2 = 8 → 75 %.
//   final: round 2 raises 1.1 to 2 and the deferred 2.1.1 to 1 → 2+2+1+0+1.5 = 6.5 + 1 = 7.5 → 93.75 %.
//   don-vi-c gets the same final numbers (tie → both rank 1); don-vi-d is third with rank 3.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fsSource } from '../../scripts/io/fs-source.js';
import { memorySource, overlaySource } from '../../scripts/core/source.js';
import { loadContent } from '../../scripts/core/load/content.js';
import { scoreYear } from '../../scripts/core/score/year.js';
import { validate } from '../../scripts/core/validate/engine.js';

const baseDir = join(import.meta.dirname, '..', 'fixtures', 'base');
const base = fsSource(baseDir);
const selfA = readFileSync(join(baseDir, 'content/self-assessments/2023/don-vi-a.yaml'), 'utf8');
const campaign = readFileSync(join(baseDir, 'content/campaigns/2023.yaml'), 'utf8')
  .replace('publication: { status: unpublished }', 'adjustments: { bonusMax: 1, penaltyMax: 2 }\npublication: { status: published, decision: 12/QĐ-UBND, date: "2024-02-01" }');

const unit = (id: string) => `id: ${id}\nname: Sở Thử nghiệm ${id}\nshortName: Sở ${id}\ngroup: so-ban-nganh\ngithub: { users: [user-${id}] }\nactiveFrom: "2010-01-01"\n`;
const selfOf = (id: string) => selfA.replace('unit: don-vi-a', `unit: ${id}`).replace(/file: content\/evidence\/2023\/don-vi-a\/[^\n]+\n\s+sha256: [0-9a-f]+\n/g, 'url: https://example.gov.vn/x.pdf\n');

function appraisal(id: string, opts: { r1_11?: number; bonus?: number; penalty?: number; round2?: boolean } = {}) {
  return `unit: ${id}
year: 2023
framework: fw-so-2023
${opts.bonus !== undefined ? `bonus: { points: ${opts.bonus}, reason: Sáng kiến CCHC được công nhận }\n` : ''}${opts.penalty !== undefined ? `penalty: { points: ${opts.penalty}, reason: Chậm báo cáo }\n` : ''}items:
  - code: "1.1"
    round1: { score: ${opts.r1_11 ?? 1}, remark: Thiếu danh mục sản phẩm, requestExplanation: true }
${opts.round2 === false ? '' : '    round2: { score: 2, remark: Đã bổ sung đủ }\n'}  - code: "1.2"
    round1: { score: 2 }
  - code: "1.3"
    round1: { score: 0 }
  - code: "2.1.1"
    round1: { score: 0.5 }
${opts.round2 === false ? '' : '    round2: { score: 1 }\n'}  - code: "2.1.2"
    round1: { score: 0 }
`;
}

const survey = `year: 2023
source: Nhóm điều tra xã hội học (mẫu)
units:
  don-vi-a: { "2.2": 1.5 }
  don-vi-c: { "2.2": 1.5 }
  don-vi-d: { "2.2": 1 }
`;

function source(extra: Record<string, string> = {}) {
  return overlaySource(memorySource({
    'content/campaigns/2023.yaml': campaign,
    'content/units/don-vi-c.yaml': unit('don-vi-c'),
    'content/units/don-vi-d.yaml': unit('don-vi-d'),
    'content/self-assessments/2023/don-vi-c.yaml': selfOf('don-vi-c'),
    'content/self-assessments/2023/don-vi-d.yaml': selfOf('don-vi-d'),
    'content/appraisals/2023/don-vi-a.yaml': appraisal('don-vi-a', { bonus: 1.5 }),
    'content/appraisals/2023/don-vi-c.yaml': appraisal('don-vi-c', { bonus: 1 }),
    'content/appraisals/2023/don-vi-d.yaml': appraisal('don-vi-d', { penalty: 3 }),
    'content/surveys/2023.yaml': survey,
    ...extra,
  }), base);
}

describe('council stages', () => {
  it('scores round 1 with survey and capped bonus', async () => {
    const content = await loadContent(source());
    const r = scoreYear(content, 2023, 'appraisal');
    const a = r.groups[0]!.units.find((u) => u.unit === 'don-vi-a')!;
    expect(a).toMatchObject({ selfPoints: 4.5, criteriaPoints: 5, surveyPoints: 1.5, bonus: 1, penalty: 0, points: 6, applicableMax: 8, index: 75 });
  });

  it('scores the final stage: round 2 where given, ties share a rank, penalty capped', async () => {
    const content = await loadContent(source());
    const r = scoreYear(content, 2023, 'final');
    const rows = r.groups[0]!.units.map((u) => [u.unit, u.rank, u.points, u.index]).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    // don-vi-d: 2+2+1+0 + survey 1 = 6, penalty 3 capped at 2 → 4 / 8 = 50 %.
    expect(rows).toEqual([['don-vi-a', 1, 7.5, 93.75], ['don-vi-c', 1, 7.5, 93.75], ['don-vi-d', 3, 4, 50]]);
    const a = r.groups[0]!.units.find((u) => u.unit === 'don-vi-a')!;
    expect(a.classification?.id).toBe('tot');
    const d2 = a.tree.children![1]!;
    expect(d2).toMatchObject({ points: 2.5, applicableMax: 4 });
  });

  it('refuses council stages for a year without appraisals, in Vietnamese', async () => {
    const content = await loadContent(base);
    expect(() => scoreYear(content, 2023, 'final')).toThrow(/chưa có kết quả thẩm định/);
  });
});

describe('council rules', () => {
  const findingsFor = async (file: string, text: string) => {
    const r = await validate(source({ [file]: text }), { targets: [file] });
    return r.findings;
  };
  const path = 'content/appraisals/2023/don-vi-a.yaml';

  it('accepts a well-formed appraisal', async () => {
    expect(await findingsFor(path, appraisal('don-vi-a', { bonus: 1 }))).toEqual([]);
  });
  it('requires a remark when the appraised score is below the self-score', async () => {
    const f = await findingsFor(path, appraisal('don-vi-a').replace('round1: { score: 1, remark: Thiếu danh mục sản phẩm,', 'round1: { score: 1,'));
    expect(f.map((x) => [x.rule, x.code, x.line])).toEqual([['appraisal-remark-required', '1.1', 6]]);
  });
  it('allows round 2 only on flagged or deferred items', async () => {
    const text = appraisal('don-vi-a').replace('  - code: "1.2"\n    round1: { score: 2 }\n', '  - code: "1.2"\n    round1: { score: 2 }\n    round2: { score: 1, remark: Hạ điểm }\n');
    const f = await findingsFor(path, text);
    expect(f.map((x) => [x.rule, x.code])).toEqual([['appraisal-round2-scope', '1.2']]);
  });
  it('keeps appraised scores on the leaf levels and caps bonus and penalty', async () => {
    const f = await findingsFor(path, appraisal('don-vi-a', { r1_11: 1.5, bonus: 3 }));
    expect(f.map((x) => x.rule).sort()).toEqual(['appraisal-adjustment-cap', 'appraisal-score']);
    expect(f.find((x) => x.rule === 'appraisal-score')!.message).toMatch(/không phải mức điểm/);
  });
  it('checks survey units, codes and maxima', async () => {
    const bad = 'year: 2023\nunits:\n  don-vi-a: { "2.2": 2.5, "1.1": 1 }\n  khong-co: { "2.2": 1 }\n';
    const f = await findingsFor('content/surveys/2023.yaml', bad);
    expect(f.map((x) => [x.rule, x.line]).sort()).toEqual([['survey-score', 3], ['survey-score', 3], ['survey-score', 4]]);
  });
});
