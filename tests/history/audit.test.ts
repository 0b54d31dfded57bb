// The audit log: item-by-item differences (pure), then a unit's log on the campaign scenario,
// compared with native git.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSelfAssessments, openHistory, type HistoryRepo } from '../../scripts/core/history/index.js';
import { buildScenario, EV, SA, type Scenario } from './scenario.js';
import { GitFixture, selfAssessment } from './fixture.js';

describe('diffSelfAssessments', () => {
  const ev = (number: string, file?: string, title = 'Báo cáo') => ({ number, date: '2023-10-12', issuer: 'UBND', title, ...(file ? { file } : {}) });
  const doc = (items: unknown[], preparedBy = 'An') => ({ unit: 'x', year: 2023, framework: 'f', preparedBy: { name: preparedBy }, items });

  it('reports score deltas, explanations, evidence and items added or removed', () => {
    const before = doc([
      { code: '1.1', score: 1, explanation: 'a', evidence: [ev('55/UBND-BC', 'a.pdf'), ev('12/KH-UBND')] },
      { code: '1.2', score: 0.5, explanation: 'b' },
      { code: '1.3', score: 2, explanation: 'c' },
      { code: '2.1', score: 1, explanation: 'same', evidence: [ev('1/BC')] },
    ]);
    const after = doc([
      { code: '1.1', score: 1.5, explanation: 'a2', evidence: [ev('55/UBND-BC', 'a.pdf', 'Báo cáo năm'), ev('7/QĐ')] },
      { code: '1.2', score: 0.5, explanation: 'b', notApplicable: true, figures: { done: 3, total: 4 } },
      { code: '2.1', score: 1, explanation: 'same', evidence: [ev('1/BC')] },
      { code: '3.1', score: 0, explanation: 'd' },
    ], 'Bình');
    expect(diffSelfAssessments(before, after)).toEqual({
      fields: ['preparedBy'],
      items: [
        {
          code: '1.1', change: 'changed', score: { before: 1, after: 1.5, delta: 0.5 }, notApplicable: null, figuresChanged: false, explanationChanged: true,
          evidence: {
            added: [{ number: '7/QĐ', file: null, url: null }],
            removed: [{ number: '12/KH-UBND', file: null, url: null }],
            changed: [{ number: '55/UBND-BC', file: 'a.pdf', url: null }],
          },
        },
        { code: '1.2', change: 'changed', score: null, notApplicable: { before: false, after: true }, figuresChanged: true, explanationChanged: false, evidence: { added: [], removed: [], changed: [] } },
        { code: '1.3', change: 'removed', score: { before: 2, after: null, delta: null }, notApplicable: null, figuresChanged: false, explanationChanged: true, evidence: { added: [], removed: [], changed: [] } },
        { code: '3.1', change: 'added', score: { before: null, after: 0, delta: null }, notApplicable: null, figuresChanged: false, explanationChanged: true, evidence: { added: [], removed: [], changed: [] } },
      ],
    });
  });

  it('rounds float deltas and tolerates documents that are not self-assessments', () => {
    expect(diffSelfAssessments(doc([{ code: '1', score: 0.1 }]), doc([{ code: '1', score: 0.3 }])).items[0]!.score).toEqual({ before: 0.1, after: 0.3, delta: 0.2 });
    expect(diffSelfAssessments(null, doc([{ code: '1', score: 1 }])).items.map((i) => i.change)).toEqual(['added']);
    expect(diffSelfAssessments('text', [1, 2])).toEqual({ items: [], fields: [] });
    expect(diffSelfAssessments(doc([]), doc([]))).toEqual({ items: [], fields: [] });
  });
});

describe('audit on the campaign scenario', () => {
  let s: Scenario;
  let h: HistoryRepo;
  beforeAll(async () => {
    s = buildScenario();
    h = await openHistory(s.fx.dir, { cacheDir: null });
  });
  afterAll(() => s?.fx.cleanup());

  it('lists every change to the unit’s files, as git log --first-parent does, with item changes', async () => {
    const log = await h.audit({ year: 2023, unit: 'so-noi-vu' });
    const native = new Set([...s.fx.nativePathLog(`${SA}/so-noi-vu.yaml`), ...s.fx.nativePathLog(`${EV}/so-noi-vu`)]);
    expect(log.entries.map((e) => e.sha)).toEqual(s.fx.git(['rev-list', '--first-parent', '--reverse', 'main']).split('\n').filter((x) => native.has(x)));
    expect(log.entries.map((e) => e.sha)).toEqual([s.c.noiVu1, s.c.noiVu2, s.c.evidence, s.c.noiVu3, s.c.revert, s.c.atLock]);
    expect(log.lock).toBe('2023-11-17T17:00:00+07:00');

    const [first, second, evidence, raise, revert, atLock] = log.entries;
    expect(first!.selfAssessment).toMatchObject({ status: 'added', blobBefore: null });
    expect(first!.selfAssessment!.items.map((i) => [i.code, i.change, i.score])).toEqual([
      ['1.1', 'added', { before: null, after: 1, delta: null }], ['1.2', 'added', { before: null, after: 0.5, delta: null }]]);
    expect(first!.phase).toEqual({ id: 'tu-danh-gia', name: 'Tự đánh giá, chấm điểm' });
    expect(second!.selfAssessment!.items.map((i) => [i.code, i.score])).toEqual([['1.1', { before: 1, after: 2, delta: 1 }]]);
    expect(evidence!.selfAssessment!.items[0]!.evidence.added).toEqual([{ number: '55/UBND-BC', file: 'bao-cao-55.pdf', url: null }]);
    expect(evidence!.evidence).toEqual([{ path: `${EV}/so-noi-vu/bao-cao-55.pdf`, status: 'added', blobBefore: null, blobAfter: expect.stringMatching(/^[0-9a-f]{40}$/), afterLock: false }]);
    expect(raise!.selfAssessment!.items.map((i) => i.score)).toEqual([{ before: 2, after: 3, delta: 1 }]);
    expect(revert!.selfAssessment!.items.map((i) => i.score)).toEqual([{ before: 3, after: 2, delta: -1 }]);
    expect(revert!.selfAssessment!.blobAfter).toBe(raise!.selfAssessment!.blobBefore);

    expect(atLock).toMatchObject({ afterLock: true, time: '2023-11-17T17:00:00+07:00', phase: null, timeSource: 'committer' });
    expect(atLock!.selfAssessment!.items.map((i) => [i.code, i.explanationChanged, i.score])).toEqual([
      ['1.1', true, null], ['1.2', false, { before: 0.5, after: 1, delta: 0.5 }]]);
    expect(atLock!.evidence).toMatchObject([{ path: `${EV}/so-noi-vu/bao-cao-55.pdf`, status: 'modified', afterLock: true }]);
    expect(log.evidenceChangedAfterLock).toEqual([{ path: `${EV}/so-noi-vu/bao-cao-55.pdf`, status: 'modified' }]);
    // Net change from the beginning: both items exist, at their final scores.
    expect(log.net.items.map((i) => [i.code, i.change, i.score?.after])).toEqual([['1.1', 'added', 2], ['1.2', 'added', 1]]);
  });

  it('limits the log to (from, to], by commit id or instant', async () => {
    const log = await h.audit({ year: 2023, unit: 'so-noi-vu', from: s.c.noiVu2.slice(0, 8), to: '2023-11-17T16:59:59+07:00' });
    expect(log.from!.sha).toBe(s.c.noiVu2);
    expect(log.to!.sha).toBe(s.c.beforeLock);
    expect(log.entries.map((e) => e.sha)).toEqual([s.c.evidence, s.c.noiVu3, s.c.revert]);
    expect(log.evidenceChangedAfterLock).toEqual([]);
    // Net: 1.1 gained its evidence, the raise was reverted.
    expect(log.net.items.map((i) => [i.code, i.score, i.evidence.added.length])).toEqual([['1.1', null, 1]]);
    await expect(h.audit({ year: 2023, unit: 'so-noi-vu', from: s.c.tuPhapBranch })).rejects.toMatchObject({ code: 'bad-point' });
    await expect(h.audit({ year: 2023, unit: 'so-noi-vu', from: 'hôm qua' })).rejects.toMatchObject({ code: 'bad-point' });
  });

  it('names the branch authors of a merged pull request, as git log main^1..main^2 does', async () => {
    const log = await h.audit({ year: 2023, unit: 'so-tu-phap' });
    const merge = log.entries.find((e) => e.sha === s.c.mergeTuPhap)!;
    expect(merge).toMatchObject({ via: 'pull-request-merge', pr: 3, author: { name: 'Trần Văn Bình' } });
    const native = s.fx.git(['log', '--format=%H', `${s.c.mergeTuPhap}^1..${s.c.mergeTuPhap}^2`, '--', `${SA}/so-tu-phap.yaml`]).split('\n').filter(Boolean);
    expect(merge.contributors.map((c) => c.sha)).toEqual(native);
    expect(merge.contributors).toEqual([{ sha: s.c.tuPhapBranch, name: 'Trần Văn Bình', email: 'binh@sotuphap.gov.vn', committedAt: '2023-11-03T10:00:00+07:00' }]);
    const squash = log.entries.find((e) => e.sha === s.c.squashTuPhap)!;
    expect(squash).toMatchObject({ via: 'squash-merge', pr: 4, contributors: [] });
    expect(squash.selfAssessment!.items.map((i) => [i.code, i.change, i.score])).toEqual([
      ['1.1', 'changed', { before: 2, after: 1.5, delta: -0.5 }], ['1.2', 'added', { before: null, after: 1, delta: null }]]);
  });

  it('follows a renamed unit file back to its old name', async () => {
    const log = await h.audit({ year: 2023, unit: 'so-khdt' });
    expect(log.entries.map((e) => [e.sha, e.selfAssessment!.status, e.selfAssessment!.path])).toEqual([
      [s.c.khdt, 'added', `${SA}/so-kh-dt.yaml`],
      [s.c.rename, 'renamed', `${SA}/so-khdt.yaml`],
    ]);
    expect(log.entries[1]!.selfAssessment).toMatchObject({ renamedFrom: `${SA}/so-kh-dt.yaml`, items: [] });
  });

  it('keeps an old name only up to its rename: an id created again later is another unit', async () => {
    const g = new GitFixture();
    try {
      const a = `${SA}/so-a.yaml`;
      g.write(a, selfAssessment('so-a', [{ code: '1.1', score: 1 }]));
      const created = g.commit('so-a', '2023-11-02T08:00:00+07:00');
      g.git(['mv', a, `${SA}/so-b.yaml`]);
      const renamed = g.commit('so-a → so-b', '2023-11-03T08:00:00+07:00');
      g.write(a, selfAssessment('so-a', [{ code: '1.1', score: 2 }]));
      const again = g.commit('so-a again', '2023-11-04T08:00:00+07:00');
      const hg = await openHistory(g.dir, { cacheDir: null });
      const b = await hg.audit({ year: 2023, unit: 'so-b' });
      expect(b.entries.map((e) => [e.sha, e.selfAssessment!.status])).toEqual([[created, 'added'], [renamed, 'renamed']]);
      expect(b.net.items.map((i) => [i.code, i.change, i.score?.after])).toEqual([['1.1', 'added', 1]]);
      const olda = await hg.audit({ year: 2023, unit: 'so-a' });
      expect(olda.entries.map((e) => [e.sha, e.selfAssessment!.status])).toEqual([[created, 'added'], [renamed, 'deleted'], [again, 'added']]);
      expect(olda.entries.map((e) => e.sha).reverse()).toEqual(g.nativePathLog(a));
    } finally {
      g.cleanup();
    }
  });
});
