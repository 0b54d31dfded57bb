// The history module against native git on a campaign's history: merge commits, a squash merge,
// a rename, a revert, commits one second either side of the lock. Every answer is compared with
// what native git says, with both object engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistory, openSnapshot, type Engine } from '../../scripts/core/history/index.js';
import { buildScenario, EV, LOCK, SA, type Scenario } from './scenario.js';

let s: Scenario;
beforeAll(() => {
  s = buildScenario();
});
afterAll(() => s?.fx.cleanup());

const engines: Engine[] = ['fast', 'isomorphic-git'];

describe.each(engines)('history with the %s engine', (engine) => {
  const open = () => openHistory(s.fx.dir, { engine, cacheDir: null });

  it('walks the same first-parent changes as git log --first-parent --name-status', async () => {
    const h = await open();
    const walked = await h.walk([SA, EV]);
    const native = new Map([...s.fx.nativeChanges(SA), ...s.fx.nativeChanges(EV)].map(([k]) => [k, [] as string[]]));
    for (const dir of [SA, EV]) for (const [sha, lines] of s.fx.nativeChanges(dir)) native.get(sha)!.push(...lines);
    const ours = new Map(walked.filter((w) => w.changes.length).map((w) => [w.meta.oid, w.changes.map((c) => `${c.status}\t${c.path}`).sort()]));
    for (const v of native.values()) v.sort();
    expect(ours).toEqual(native);
    // Concrete: the merge commit carries the pull request's file, the branch commit is not on the chain.
    expect(ours.get(s.c.mergeTuPhap)).toEqual([`A\t${SA}/so-tu-phap.yaml`]);
    expect(walked.some((w) => w.meta.oid === s.c.tuPhapBranch)).toBe(false);
    expect(ours.get(s.c.rename)).toEqual([`A\t${SA}/so-khdt.yaml`, `D\t${SA}/so-kh-dt.yaml`]);
  });

  it('gives each unit the commits git log --first-parent -- <path> gives', async () => {
    const h = await open();
    const t = await h.timeline({ year: 2023, at: new Date('2024-01-01T00:00:00+07:00') });
    expect(t.units.map((u) => u.unit)).toEqual(['so-kh-dt', 'so-khdt', 'so-noi-vu', 'so-tu-phap', 'so-xay-dung']);
    for (const u of t.units) {
      expect(u.submissions.map((x) => x.sha).reverse()).toEqual(s.fx.nativePathLog(u.path.replace(/so-khdt/, u.unit)));
      for (const x of u.submissions) expect(Date.parse(x.time) / 1000).toBe(s.fx.nativeCommitTime(x.sha));
    }
    const noiVu = t.units.find((u) => u.unit === 'so-noi-vu')!;
    expect(noiVu.submissions.map((x) => x.sha)).toEqual([s.c.noiVu1, s.c.noiVu2, s.c.evidence, s.c.noiVu3, s.c.revert, s.c.atLock]);
    // The revert restores the earlier content: the same blob as before the reverted change.
    expect(noiVu.submissions[4]!.blob).toBe(noiVu.submissions[2]!.blob);
    expect(noiVu.submissions[5]).toMatchObject({ time: '2023-11-17T17:00:00+07:00', onTime: false, window: 'after', timeSource: 'committer' });
    expect(noiVu.submissions[0]).toMatchObject({ time: '2023-11-02T08:00:00+07:00', onTime: true, window: 'inside', via: 'direct', pr: null });

    const tuPhap = t.units.find((u) => u.unit === 'so-tu-phap')!;
    expect(tuPhap.submissions.map((x) => [x.sha, x.via, x.pr, x.author.name])).toEqual([
      [s.c.mergeTuPhap, 'pull-request-merge', 3, 'Trần Văn Bình'],
      [s.c.squashTuPhap, 'squash-merge', 4, 'Trần Văn Bình'],
      [s.c.beforeLock, 'direct', null, 'Trần Văn Bình'],
    ]);
    expect(tuPhap.submissions[0]!.branch).toBe('cms/self-assessments/so-tu-phap');
    expect(tuPhap.last).toMatchObject({ sha: s.c.beforeLock, time: '2023-11-17T16:59:59+07:00', onTime: true });

    expect(t.units.find((u) => u.unit === 'so-kh-dt')!.submissions.at(-1)).toMatchObject({ status: 'deleted', renamedTo: `${SA}/so-khdt.yaml` });
    expect(t.units.find((u) => u.unit === 'so-khdt')!.submissions[0]).toMatchObject({ status: 'renamed', renamedFrom: `${SA}/so-kh-dt.yaml` });
    expect(t.units.find((u) => u.unit === 'so-xay-dung')!.submissions[0]).toMatchObject({ via: 'branch-merge', branch: 'cms/self-assessments/so-xay-dung', onTime: false });
  });

  it('takes the lock snapshot from the last commit before 17:00:00, as git rev-list --until does', async () => {
    const h = await open();
    const strict = await h.snapshotAt(LOCK, { strict: true });
    expect(strict!.commit).toBe(s.c.beforeLock);
    expect(strict!.commit).toBe(s.fx.nativeUntil(new Date(LOCK.getTime() - 1000)));
    const inclusive = await h.snapshotAt(LOCK);
    expect(inclusive!.commit).toBe(s.c.atLock);
    expect(inclusive!.commit).toBe(s.fx.nativeUntil(LOCK));
    expect(await h.snapshotAt(new Date('2023-10-01T00:00:00+07:00'))).toBeNull();
    for (const at of ['2023-11-03T11:30:00+07:00', '2023-11-03T12:00:00+07:00', '2023-11-16T00:00:00+07:00', '2030-01-01T00:00:00Z']) {
      expect((await h.snapshotAt(new Date(at)))!.commit).toBe(s.fx.nativeUntil(new Date(at)));
    }

    // The snapshot's files are native git's files at that commit, byte for byte.
    const files = await strict!.source.list('content');
    expect(files).toEqual(s.fx.nativeLsTree(s.c.beforeLock, 'content'));
    for (const f of files) expect(Buffer.from((await strict!.source.read(f))!)).toEqual(s.fx.nativeShow(s.c.beforeLock, f));
    expect(await strict!.source.read(`${SA}/so-xay-dung.yaml`)).toBeNull();
    expect(await strict!.source.list(`${SA}/`)).toEqual([`${SA}/so-khdt.yaml`, `${SA}/so-noi-vu.yaml`, `${SA}/so-tu-phap.yaml`]);
    expect(await strict!.source.list('content/nothing')).toEqual([]);
  });

  it('marks what the snapshot at --at holds in the timeline', async () => {
    const h = await open();
    const t = await h.timeline({ year: 2023, at: new Date('2023-11-17T16:59:59+07:00') });
    expect(t.snapshot).toEqual({ sha: s.c.beforeLock, time: '2023-11-17T16:59:59+07:00', timeSource: 'committer' });
    expect(t.window).toEqual({ id: 'tu-danh-gia', name: 'Tự đánh giá, chấm điểm', start: '2023-11-01T07:00:00+07:00', end: '2023-11-17T17:00:00+07:00' });
    const noiVu = t.units.find((u) => u.unit === 'so-noi-vu')!;
    expect(noiVu.last!.sha).toBe(s.c.revert);
    expect(noiVu.last!.sha).toBe(s.fx.nativePathLog(`${SA}/so-noi-vu.yaml`, s.c.beforeLock)[0]);
    expect(noiVu.submissions.filter((x) => !x.inSnapshot).map((x) => x.sha)).toEqual([s.c.atLock]);
    const xd = t.units.find((u) => u.unit === 'so-xay-dung')!;
    expect(xd.last).toBeNull();
    expect(xd.present).toBe(false);
    const one = await h.timeline({ year: 2023, at: LOCK, unit: 'so-tu-phap' });
    expect(one.units.map((u) => u.unit)).toEqual(['so-tu-phap']);
  });
});

describe('openSnapshot (the entry point of score --at)', () => {
  it('returns the content source and the commit, or says why not', async () => {
    const r = await openSnapshot(s.fx.dir, LOCK, { strict: true, cacheDir: null });
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.commit).toBe(s.c.beforeLock);
    expect(r.timeSource).toBe('committer');
    expect(r.committedAt.toISOString()).toBe('2023-11-17T09:59:59.000Z');
    expect(new TextDecoder().decode((await r.source.read('content/campaigns/2023.yaml'))!)).toContain('kind: self-assessment');

    const early = await openSnapshot(s.fx.dir, new Date('2020-01-01T00:00:00Z'), { cacheDir: null });
    expect(early.status).toBe('before-history');
    const none = await openSnapshot('/', LOCK, { cacheDir: null });
    expect(none.status).toBe('no-repository');
    const badRef = await openSnapshot(s.fx.dir, LOCK, { ref: 'khong-co', cacheDir: null });
    expect(badRef).toMatchObject({ status: 'no-ref' });
  });
});
