// Hand-computed expectations: every number below was worked out on paper from the fixtures.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fsSource } from '../../scripts/io/fs-source.js';
import { loadContent } from '../../scripts/core/load/content.js';
import { scoreYear } from '../../scripts/core/score/year.js';
import { classify, rank, scoreTree, selfScores } from '../../scripts/core/score/index.js';
import { resultsCsv, resultsJson } from '../../scripts/core/score/export.js';
import { indexFramework, type Framework } from '../../scripts/core/model.js';

const base = join(import.meta.dirname, '..', 'fixtures', 'base');

describe('scoring the base fixture', () => {
  it('sums points, removes N/A and survey leaves from the applicable max', async () => {
    const content = await loadContent(fsSource(base));
    const result = scoreYear(content, 2023, 'self');
    const so = result.groups.find((g) => g.id === 'so-ban-nganh')!;
    expect(so.units).toHaveLength(1);
    const a = so.units[0]!;
    // Leaves: 1.1=2, 1.2=2, 1.3 N/A (max 2 removed), 2.1.1=0.5, 2.1.2=0, 2.2 survey (max 2, not in self stage).
    // Points 4.5; applicable max 10 − 2 − 2 = 6; index 75 %.
    expect(a.points).toBe(4.5);
    expect(a.applicableMax).toBe(6);
    expect(a.index).toBe(75);
    expect(a.rank).toBe(1);
    expect(a.classification).toEqual({ id: 'kha', name: 'Khá' });
    const [d1, d2] = a.tree.children!;
    expect(d1).toMatchObject({ code: '1', points: 4, applicableMax: 4, index: 100 });
    expect(d2).toMatchObject({ code: '2', points: 0.5, applicableMax: 2, index: 25 });
    expect(d2!.children![0]).toMatchObject({ code: '2.1', points: 0.5, applicableMax: 2 });
    expect(d2!.children![1]!.leaf).toMatchObject({ method: 'survey', excluded: true });
    expect(result.groups.find((g) => g.id === 'ubnd-cap-huyen')!.units).toHaveLength(0);
  });

  it('exports CSV with Vietnamese headers and decimal commas, and JSON', async () => {
    const content = await loadContent(fsSource(base));
    const result = scoreYear(content, 2023);
    const csv = resultsCsv(result);
    // The words of scripts/core/score/terms.ts; no appraisal yet at the self stage, so Thẩm định is empty.
    expect(csv.startsWith('\uFEFFNhóm;Hạng;Mã đơn vị;Đơn vị;Tự chấm;Thẩm định;Điều tra XHH;Điểm các tiêu chí;Thưởng;Trừ;Tổng điểm;')).toBe(true);
    expect(csv).toContain('Sở, ban, ngành;1;don-vi-a;Sở Thử nghiệm A tỉnh Thái Nguyên;4,5;;0;4,5;0;0;4,5;6;75;Khá;');
    const json = resultsJson(result);
    expect(json.groups[0]!.units[0]!.domains.map((d) => d.index)).toEqual([100, 25]);
  });
});

describe('ranking and classification', () => {
  it('shares ranks on ties at published precision: 1, 2, 2, 4', () => {
    const rows = [{ id: 'a', i: 90 }, { id: 'b', i: 80.004 }, { id: 'c', i: 80.001 }, { id: 'd', i: 70 }, { id: 'e', i: null }];
    const ranked = rank(rows, (r) => r.i);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([['a', 1], ['b', 2], ['c', 2], ['d', 4], ['e', null]]);
  });
  it('classifies by the campaign bands, boundaries inclusive', () => {
    const bands = [{ id: 'x', name: 'Xuất sắc', min: 90 }, { id: 't', name: 'Tốt', min: 80 }, { id: 'k', name: 'Khác', min: 0 }];
    expect(classify(90, bands)?.id).toBe('x');
    expect(classify(89.99, bands)?.id).toBe('t');
    expect(classify(0, bands)?.id).toBe('k');
    expect(classify(null, bands)).toBeNull();
  });
  it('caps a leaf at its max and treats a missing item as 0 points but still applicable', () => {
    const fw: Framework = {
      id: 'f', title: 'F', group: 'g', year: 2023, max: 3,
      children: [{ code: '1', title: 'Một', max: 3, children: [
        { code: '1.1', title: 'A', max: 1, method: 'self', levels: [{ score: 1, condition: 'c' }] },
        { code: '1.2', title: 'B', max: 2, method: 'self', levels: [{ score: 2, condition: 'c' }] },
      ] }],
    };
    const tree = scoreTree(indexFramework(fw), selfScores({
      unit: 'u', year: 2023, framework: 'f', preparedBy: { name: 'X Y' },
      items: [{ code: '1.1', score: 5 }],
    }));
    expect(tree).toMatchObject({ points: 1, applicableMax: 3, index: 33.33 });
    expect(tree.children![0]!.children![1]!.leaf!.scored).toBe(false);
  });
});
