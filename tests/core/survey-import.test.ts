import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fsSource } from '../../scripts/io/fs-source.js';
import { loadRegistry } from '../../scripts/core/validate/engine.js';
import { importSurvey, parseScore } from '../../scripts/core/survey/import.js';

const base = fsSource(join(import.meta.dirname, '..', 'fixtures', 'base'));

describe('survey import', () => {
  it('reads decimal commas and points, nothing else', () => {
    expect(parseScore('1,5')).toBe(1.5);
    expect(parseScore(' 2.25 ')).toBe(2.25);
    expect(parseScore('1,5,2')).toBeNull();
    expect(parseScore('abc')).toBeNull();
    expect(parseScore('-1')).toBeNull();
  });

  it('accepts the long layout and reports every bad row with its line', async () => {
    const { registry } = await loadRegistry(base);
    const rows = [
      ['Mã đơn vị', 'Mã tiêu chí', 'Điểm'],
      ['don-vi-a', '2.2', '1,75'],
      ['don-vi-b', '2.2', '1.5'],
      ['khong-co', '2.2', '1'],
      ['don-vi-a', '1.1', '1'],
      ['don-vi-b', '2.2', '2'],
      ['don-vi-a', '2.2', '2,5'],
      ['', '', ''],
    ];
    const r = importSurvey(rows, registry, 2023);
    expect(r.survey.units).toEqual({ 'don-vi-a': { '2.2': 1.75 }, 'don-vi-b': { '2.2': 1.5 } });
    expect(r.accepted).toBe(2);
    expect(r.rejected.map((x) => x.line)).toEqual([4, 5, 6, 7]);
    expect(r.rejected[0]!.message).toMatch(/không có trong danh mục/);
    expect(r.rejected[1]!.message).toMatch(/không phải tiêu chí điều tra xã hội học/);
    expect(r.rejected[2]!.message).toMatch(/Trùng điểm/);
    expect(r.rejected[3]!.message).toMatch(/vượt điểm tối đa 2/);
  });

  it('accepts the wide layout (a column per survey leaf)', async () => {
    const { registry } = await loadRegistry(base);
    const r = importSurvey([['Mã đơn vị', '2.2'], ['don-vi-a', '1,25'], ['don-vi-b', 'x']], registry, 2023);
    expect(r.survey.units).toEqual({ 'don-vi-a': { '2.2': 1.25 } });
    expect(r.rejected).toEqual([{ line: 3, message: expect.stringMatching(/không phải là số/) }]);
  });

  it('rejects a table without the unit column', async () => {
    const { registry } = await loadRegistry(base);
    expect(importSurvey([['Tên', 'Điểm']], registry, 2023).rejected[0]!.message).toMatch(/Mã đơn vị/);
  });
});
