import { describe, expect, it } from 'vitest';
import { localToInstant, parseInstant, toZonedIso, endOfLocalDay } from '../../scripts/core/time.js';
import { editPolicy, nextDeadline, openPhases } from '../../scripts/core/phases.js';
import { formatDateTime, formatNumber, formatChange } from '../../scripts/core/format.js';
import type { Campaign } from '../../scripts/core/model.js';

const campaign: Campaign = {
  year: 2023, title: 't', province: 'Thái Nguyên', timezone: 'Asia/Ho_Chi_Minh',
  groups: [{ id: 'g', name: 'G', framework: 'f' }],
  phases: [
    { id: 'self', kind: 'self-assessment', name: 'Tự đánh giá', start: '2023-11-01T00:00', end: '2023-11-17T17:00' },
    { id: 'e1', kind: 'explanation', round: 1, name: 'Giải trình 1', start: '2023-11-27T08:00', end: '2023-12-01T17:00' },
    { id: 'e2', kind: 'explanation', round: 2, name: 'Giải trình 2', start: '2023-12-04T08:00', end: '2023-12-11T00:00' },
  ],
  dataCutoff: '2023-12-10', bands: [{ id: 'a', name: 'A', min: 0 }], publication: { status: 'unpublished' },
};

describe('time', () => {
  it('reads local wall-clock times in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(localToInstant('2023-11-17T17:00')!.toISOString()).toBe('2023-11-17T10:00:00.000Z');
    expect(localToInstant('2023-11-17')!.toISOString()).toBe('2023-11-16T17:00:00.000Z');
    expect(endOfLocalDay('2023-12-10')!.toISOString()).toBe('2023-12-10T17:00:00.000Z');
  });
  it('parses instants with offsets, Z, and local times', () => {
    expect(parseInstant('2023-11-10T09:00+07:00')!.toISOString()).toBe('2023-11-10T02:00:00.000Z');
    expect(parseInstant('2023-11-17T09:59:59Z')!.toISOString()).toBe('2023-11-17T09:59:59.000Z');
    expect(parseInstant('2023-11-17T16:59:59')!.toISOString()).toBe('2023-11-17T09:59:59.000Z');
    expect(parseInstant('2023-11-17T17:00:00+0700')!.toISOString()).toBe('2023-11-17T10:00:00.000Z');
    expect(parseInstant('hôm qua')).toBeNull();
    expect(parseInstant('2023-13-45T99:00')).toBeNull();
  });
  it('formats for Vietnamese readers', () => {
    expect(toZonedIso(new Date('2023-11-17T10:00:00Z'))).toBe('2023-11-17T17:00:00+07:00');
    expect(formatDateTime(new Date('2023-11-17T09:59:59Z'), 'Asia/Ho_Chi_Minh', true)).toBe('17/11/2023 16:59:59');
    expect(formatNumber(85.5)).toBe('85,5');
    expect(formatNumber(1234.5, 2)).toBe('1.234,50');
    expect(formatChange(-1.25)).toBe('−1,25');
    expect(formatChange(2)).toBe('+2');
  });
});

describe('phases', () => {
  const at = (s: string) => parseInstant(s)!;
  it('closes the self-assessment window at 17:00:00 exactly, in any notation', () => {
    expect(editPolicy(campaign, at('2023-11-17T16:59:59+07:00')).mode).toBe('self-assessment');
    expect(editPolicy(campaign, at('2023-11-17T09:59:59Z')).mode).toBe('self-assessment');
    expect(editPolicy(campaign, at('2023-11-17T17:00:00+07:00')).mode).toBe('closed');
    expect(editPolicy(campaign, at('2023-11-17T10:00:00Z')).mode).toBe('closed');
    expect(editPolicy(campaign, at('2023-11-01T00:00:00+07:00')).mode).toBe('self-assessment');
    expect(editPolicy(campaign, at('2023-10-31T23:59:59+07:00')).mode).toBe('closed');
  });
  it('knows explanation rounds and what comes next', () => {
    const p = editPolicy(campaign, at('2023-12-05T10:00+07:00'));
    expect(p).toMatchObject({ mode: 'explanation', round: 2 });
    const closed = editPolicy(campaign, at('2023-11-20T10:00+07:00'));
    expect(closed.mode).toBe('closed');
    if (closed.mode === 'closed') {
      expect(closed.next?.phase.id).toBe('e1');
      expect(closed.last?.phase.id).toBe('self');
    }
    expect(openPhases(campaign, at('2023-11-10T09:00+07:00')).map((w) => w.phase.id)).toEqual(['self']);
    expect(nextDeadline([campaign], at('2023-11-10T09:00+07:00'))?.phase.id).toBe('self');
    expect(nextDeadline([campaign], at('2024-01-01T00:00+07:00'))).toBeUndefined();
  });
});
