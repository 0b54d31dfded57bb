// The lock's desired state: active exactly when no edit window is open, at the boundary instants.
import { describe, expect, it } from 'vitest';
import { lockPlan } from '../../scripts/core/gate/lock.js';
import type { Campaign } from '../../scripts/core/model.js';
import { parseYaml } from '../../scripts/core/load/yaml.js';
import { baseText } from '../helpers/fixtures.js';

const campaign = parseYaml(baseText('content/campaigns/2023.yaml'), 'c').data as Campaign;
const plan = (iso: string) => lockPlan([campaign], new Date(iso));

describe('lockPlan', () => {
  it.each([
    ['2023-10-31T23:59:59+07:00', true],
    ['2023-11-01T00:00:00+07:00', false],
    ['2023-11-17T16:59:59+07:00', false],
    ['2023-11-17T17:00:00+07:00', true],
    ['2023-11-17T09:59:59.999Z', false],
    ['2023-11-17T10:00:00Z', true],
    ['2023-11-27T07:59:59+07:00', true],
    ['2023-11-27T08:00:00+07:00', false],
    ['2023-12-01T17:00:00+07:00', true],
    ['2023-12-10T23:59:59+07:00', false],
    ['2023-12-11T00:00:00+07:00', true],
  ])('at %s active = %s', (iso, active) => {
    expect(plan(iso).active).toBe(active);
  });

  it('names the next change and the window that just closed', () => {
    const p = plan('2023-11-17T16:50:00+07:00');
    expect(p.nextChange?.at.toISOString()).toBe('2023-11-17T10:00:00.000Z');
    expect(p.nextChange?.phase.id).toBe('tu-danh-gia');
    expect(p.summary).toBe('Mở khóa: đang trong “Tự đánh giá, chấm điểm” năm 2023, đến 17/11/2023 17:00.');
    const after = plan('2023-11-17T17:00:20+07:00');
    expect(after.lastClosed?.phase.id).toBe('tu-danh-gia');
    expect(after.nextChange?.at.toISOString()).toBe('2023-11-27T01:00:00.000Z');
    expect(after.summary).toContain('Khóa: không có đợt tự đánh giá hay giải trình nào đang mở; thay đổi tiếp theo lúc 27/11/2023 08:00');
  });

  it('is locked with no campaigns at all, and has nothing to wait for', () => {
    const p = lockPlan([], new Date('2023-11-10T00:00:00Z'));
    expect(p).toMatchObject({ active: true, nextChange: null, lastClosed: null });
  });
});
