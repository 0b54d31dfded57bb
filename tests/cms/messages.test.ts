// What the officer reads around a deadline and a refusal (issue 13, item 11): the editor's
// deadline notice from the campaign clock, refusals without Decap's "API_ERROR:" prefix, and the
// portal banner's clock to the second when it has seconds.
import { beforeAll, describe, expect, test } from 'vitest';
import { deadlineText } from '../../site/cms/deadline-notice.js';
import { guardBackend, plainRefusal } from '../../site/cms/backend-guard.js';
import { setRegistry } from '../../site/cms/registry.js';
import { msg } from '../../scripts/portal/messages.js';
import { loadRegistry } from '../../scripts/core/validate/engine.js';
import { baseSource, baseText, BASE_SELF_ASSESSMENT } from '../helpers/fixtures.js';
import type { Campaign } from '../../scripts/core/model.js';

let campaign: Campaign;
beforeAll(async () => {
  const { registry } = await loadRegistry(baseSource());
  setRegistry(registry);
  campaign = registry.campaigns.get(2023)!;
});

/** Decap's APIError: an Error named "API_ERROR", which String() prefixes. */
function apiError(message: string): Error {
  const e = new Error(message);
  e.name = 'API_ERROR';
  return e;
}

describe('deadline notice in the editor', () => {
  test('silent inside the window, explicit after the deadline, to the second', () => {
    expect(deadlineText(campaign, new Date('2023-11-17T09:59:59Z'))).toBeNull();
    expect(deadlineText(campaign, new Date('2023-11-17T10:00:00Z')))
      .toMatch(/^Đã hết hạn “Tự đánh giá, chấm điểm” năm 2023 lúc 17\/11\/2023 17:00\. Vẫn lưu nháp được, nhưng bảng không gửi đi được nữa\. “Giải trình lần 1” bắt đầu \d\d\/\d\d\/2023 \d\d:\d\d\.$/);
    expect(deadlineText(campaign, new Date('2023-10-01T00:00:00Z'))).toMatch(/^Chưa đến thời hạn “Tự đánh giá, chấm điểm”/);
  });
});

describe('refusals read plainly', () => {
  test('a backend refusal keeps its object but loses the API_ERROR prefix', async () => {
    expect(String(apiError('x'))).toBe('API_ERROR: x');
    expect(String(plainRefusal(apiError('Chưa gửi được bài: đã hết hạn.')))).toBe('Chưa gửi được bài: đã hết hạn.');
    class Refusing {
      async unpublishedEntry() { return { status: 'draft', diffs: [{ path: BASE_SELF_ASSESSMENT, id: 'x' }] }; }
      async unpublishedEntryDataFile() { return baseText(BASE_SELF_ASSESSMENT); }
      async getMediaFile() { return { file: new Blob([]) }; }
      async updateUnpublishedEntryStatus() { throw apiError('Đã hết hạn lúc 17/11/2023 17:00.'); }
      async persistEntry() { throw apiError('Tài khoản x không được sửa y.'); }
    }
    const Guarded = guardBackend(Refusing, { allowPublish: false }) as unknown as new () => {
      updateUnpublishedEntryStatus(c: string, s: string, st: string): Promise<unknown>;
      persistEntry(e: unknown, o: unknown): Promise<unknown>;
    };
    const b = new Guarded();
    const status = await b.updateUnpublishedEntryStatus('self-assessments-2023', 'don-vi-a', 'draft').catch((e: unknown) => e);
    expect(String(status)).toBe('Đã hết hạn lúc 17/11/2023 17:00.');
    expect((status as Error).name).toBe('API_ERROR');
    const save = await b.persistEntry({ dataFiles: [] }, {}).catch((e: unknown) => e);
    expect(String(save)).toBe('Tài khoản x không được sửa y.');
  });
});

describe('portal banner clock', () => {
  test('a fixed clock with seconds shows them', () => {
    expect(msg.clockFixed(new Date('2023-11-17T10:00:01Z'))).toContain('dừng tại 17/11/2023 17:00:01');
    expect(msg.clockFixed(new Date('2023-11-10T02:00:00Z'))).toContain('dừng tại 10/11/2023 09:00 ');
  });
});
