// History that changes under us: a force-pushed main, the on-disk memo across runs, a shallow
// clone, a linked worktree, and a client clock that lies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryError, openHistory, openSnapshot } from '../../scripts/core/history/index.js';
import { openRepository } from '../../scripts/core/history/repo.js';
import { ObjectStore, type ObjectReader } from '../../scripts/core/history/store.js';
import { walkFirstParent } from '../../scripts/core/history/walk.js';
import { DiskMemo } from '../../scripts/core/history/disk-memo.js';
import { ALICE, BINH, CAMPAIGN_2023, GitFixture, selfAssessment } from './fixture.js';

const SA = 'content/self-assessments/2023';
const path = (u: string) => `${SA}/${u}.yaml`;
let fx: GitFixture;
let cache: string;

beforeAll(() => {
  fx = new GitFixture();
  cache = mkdtempSync(join(tmpdir(), 'parindex-memo-'));
  fx.write('content/campaigns/2023.yaml', CAMPAIGN_2023);
  fx.write(path('don-vi-a'), selfAssessment('don-vi-a', [{ code: '1.1', score: 1 }]));
  fx.commit('A', '2023-11-01T08:00:00+07:00');
  fx.write(path('don-vi-b'), selfAssessment('don-vi-b', [{ code: '1.1', score: 1 }]));
  fx.commit('B', '2023-11-02T08:00:00+07:00');
  fx.write(path('don-vi-c'), selfAssessment('don-vi-c', [{ code: '1.1', score: 1 }]));
  fx.commit('C', '2023-11-03T08:00:00+07:00');
});
afterAll(() => {
  fx?.cleanup();
  rmSync(cache, { recursive: true, force: true });
});

function countingStore(dir: string): { store: ObjectStore; reads: () => number } {
  const inner = openRepository(dir)!.store.reader;
  let n = 0;
  const reader: ObjectReader = { engine: 'counting', read: (oid) => (n++, inner.read(oid)) };
  return { store: new ObjectStore(reader), reads: () => n };
}

async function unitsAndShas(dir: string, cacheDir: string | null) {
  const h = await openHistory(dir, { cacheDir });
  const t = await h.timeline({ year: 2023, at: new Date('2030-01-01T00:00:00Z') });
  h.save();
  return Object.fromEntries(t.units.map((u) => [u.unit, u.submissions.map((s) => s.sha)]));
}

describe('a force-pushed main', () => {
  it('answers from the rewritten history, memo or not, like native git', async () => {
    const before = await unitsAndShas(fx.dir, cache);
    expect(Object.keys(before)).toEqual(['don-vi-a', 'don-vi-b', 'don-vi-c']);
    expect(readdirSync(cache).sort()).toEqual(expect.arrayContaining(['commits.json']));
    expect(readdirSync(cache).some((f) => f.startsWith('changes-content_self-assessments_2023'))).toBe(true);

    // Rewrite: drop B and C, commit other changes in their place.
    fx.git(['reset', '-q', '--hard', 'HEAD~2']);
    fx.write(path('don-vi-d'), selfAssessment('don-vi-d', [{ code: '1.1', score: 2 }]));
    fx.commit("B'", '2023-11-04T08:00:00+07:00', BINH);
    fx.write(path('don-vi-a'), selfAssessment('don-vi-a', [{ code: '1.1', score: 2 }]));
    fx.commit("C'", '2023-11-05T08:00:00+07:00');

    const withMemo = await unitsAndShas(fx.dir, cache);
    const cold = await unitsAndShas(fx.dir, null);
    expect(withMemo).toEqual(cold);
    expect(Object.keys(cold)).toEqual(['don-vi-a', 'don-vi-d']); // b and c left with the rewritten commits
    for (const [unit, shas] of Object.entries(cold)) expect([...shas].reverse()).toEqual(fx.nativePathLog(path(unit)));
  });

  it('reads only new commits on a second run (incremental), and survives a damaged memo', async () => {
    const tip = fx.head();
    const first = countingStore(fx.dir);
    const memo1 = new DiskMemo(join(cache, 'incremental'));
    await walkFirstParent(first.store, tip, [SA], memo1);
    memo1.save();
    expect(first.reads()).toBeGreaterThan(10);

    fx.write(path('don-vi-e'), selfAssessment('don-vi-e', [{ code: '1.1', score: 1 }]));
    const newTip = fx.commit('E', '2023-11-06T08:00:00+07:00');
    const second = countingStore(fx.dir);
    const walked = await walkFirstParent(second.store, newTip, [SA], new DiskMemo(join(cache, 'incremental')));
    // The new commit, its root tree and the trees down to the year folder; nothing older.
    expect(second.reads()).toBeLessThanOrEqual(1 + 2 * 4);
    expect(walked.at(-1)!.changes.map((c) => c.path)).toEqual([path('don-vi-e')]);

    writeFileSync(join(cache, 'incremental', 'commits.json'), '{"version":1,"commits":');
    const damaged = await walkFirstParent(countingStore(fx.dir).store, newTip, [SA], new DiskMemo(join(cache, 'incremental')));
    expect(damaged.map((w) => w.changes.map((c) => c.path))).toEqual(walked.map((w) => w.changes.map((c) => c.path)));
  });
});

describe('a shallow clone', () => {
  it('is detected and reported, never answered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-shallow-'));
    try {
      fx.git(['clone', '-q', '--depth', '1', `file://${fx.dir}`, dir]);
      expect(existsSync(join(dir, '.git', 'shallow'))).toBe(true);
      await expect(openHistory(dir, { cacheDir: null })).rejects.toMatchObject({ code: 'shallow' });
      await expect(openHistory(dir, { cacheDir: null })).rejects.toBeInstanceOf(HistoryError);
      const snap = await openSnapshot(dir, new Date(), { cacheDir: null });
      expect(snap).toMatchObject({ status: 'shallow', shallow: true });
      expect(snap.status !== 'ok' && snap.message).toMatch(/bản sao nông.*fetch-depth: 0/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a linked worktree', () => {
  it('reads the shared objects and refs', async () => {
    const wt = join(mkdtempSync(join(tmpdir(), 'parindex-wt-')), 'wt');
    try {
      fx.git(['worktree', 'add', '-q', '--detach', wt, 'main']);
      expect(await unitsAndShas(wt, null)).toEqual(await unitsAndShas(fx.dir, null));
      const h = await openHistory(wt, { ref: 'HEAD', cacheDir: null });
      expect(h.tip).toBe(fx.head());
    } finally {
      fx.git(['worktree', 'remove', '--force', wt]);
    }
  });
});

describe('a client clock that lies', () => {
  it('cannot slip a commit pushed after the lock into the lock snapshot', async () => {
    const g = new GitFixture();
    try {
      g.write('content/campaigns/2023.yaml', CAMPAIGN_2023);
      const ok = g.commit('Before the lock', '2023-11-17T16:00:00+07:00');
      g.write(path('don-vi-a'), selfAssessment('don-vi-a', [{ code: '1.1', score: 1 }]));
      const late = g.commit('Merged after the lock', '2023-11-17T17:30:00+07:00');
      g.write(path('don-vi-a'), selfAssessment('don-vi-a', [{ code: '1.1', score: 5 }]));
      const backdated = g.commit('Pushed later with a date before the lock', '2023-11-17T16:30:00+07:00', ALICE);
      const lock = new Date('2023-11-17T17:00:00+07:00');
      // Native git takes the commit date at its word…
      expect(g.nativeUntil(new Date(lock.getTime() - 1000))).toBe(backdated);
      // …the history module does not: the backdated commit arrived after its parent (17:30).
      const h = await openHistory(g.dir, { cacheDir: null });
      expect((await h.snapshotAt(lock, { strict: true }))!.commit).toBe(ok);
      const t = await h.timeline({ year: 2023, at: lock });
      expect(t.units[0]!.submissions.map((s) => [s.sha, s.time, s.timeSource, s.onTime, s.committedAt])).toEqual([
        [late, '2023-11-17T17:30:00+07:00', 'committer', false, '2023-11-17T17:30:00+07:00'],
        [backdated, '2023-11-17T17:30:00+07:00', 'inherited', false, '2023-11-17T16:30:00+07:00'],
      ]);
    } finally {
      g.cleanup();
    }
  });
});

describe('pack files', () => {
  it.skipIf(!existsSync('/proc/self/fd'))('are closed by close() and reopened by a later read', async () => {
    const g = new GitFixture();
    try {
      g.write(path('don-vi-a'), selfAssessment('don-vi-a', [{ code: '1.1', score: 1 }]));
      g.commit('A', '2023-11-01T08:00:00+07:00');
      g.git(['gc', '-q']);
      const fdsTo = (dir: string) => readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir);
        } catch {
          return false;
        }
      }).length;
      const h = await openHistory(g.dir, { cacheDir: null });
      const snap = (await h.snapshotAt(new Date('2030-01-01T00:00:00Z')))!;
      expect(fdsTo(g.dir)).toBe(1);
      h.close();
      expect(fdsTo(g.dir)).toBe(0);
      expect(new TextDecoder().decode((await snap.source.read(path('don-vi-a')))!)).toContain('unit: don-vi-a');
      expect(fdsTo(g.dir)).toBe(1);
      h.close();
    } finally {
      g.cleanup();
    }
  });
});
