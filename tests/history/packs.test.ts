// The pack reader against native git: a fast-import pack (deltas against older versions), the
// same repository repacked by git (deltas against newer versions, the layout of a clone), and
// loose objects on top. Every first-parent change and every snapshot file must match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBenchRepo } from '../../scripts/bench/history.js';
import { openHistory } from '../../scripts/core/history/index.js';
import { GitFixture } from './fixture.js';
import { buildScenario, LOCK, SA, EV, type Scenario } from './scenario.js';

const FOLDER = 'content/self-assessments/2023';
let root: string;
let fx: GitFixture;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'parindex-packs-'));
  generateBenchRepo({ dir: join(root, 'repo'), commits: 600, units: 300, bootstrapUnits: 100 });
  fx = new GitFixture(join(root, 'repo'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function compareWithNative(): Promise<number> {
  // A 4 KB read window: many pack entries straddle a window edge.
  const h = await openHistory(fx.dir, { cacheDir: null, packWindowBytes: 4096 });
  const walked = await h.walk([FOLDER]);
  const ours = new Map(walked.filter((w) => w.changes.length).map((w) => [w.meta.oid, w.changes.map((c) => `${c.status}\t${c.path}`).sort()]));
  const native = fx.nativeChanges(FOLDER);
  expect(ours.size).toBe(native.size);
  expect(ours).toEqual(native);
  // The last snapshot's files, byte for byte (blobs resolved through delta chains).
  const tip = walked.at(-1)!.meta.oid;
  const snap = await h.snapshotAt(new Date('2100-01-01T00:00:00Z'));
  expect(snap!.commit).toBe(tip);
  const files = await snap!.source.list(FOLDER);
  expect(files).toEqual(fx.nativeLsTree(tip, FOLDER));
  for (const f of files.filter((_, i) => i % 7 === 0)) expect(Buffer.from((await snap!.source.read(f))!)).toEqual(fx.nativeShow(tip, f));
  return walked.length;
}

describe('reading packs', () => {
  it('reads a fast-import pack like native git', async () => {
    expect(fx.git(['count-objects', '-v'])).toMatch(/^count: 0$/m); // everything is packed
    const commits = await compareWithNative();
    expect(commits).toBe(Number(fx.git(['rev-list', '--first-parent', '--count', 'main']).trim()));
  });

  it('reads the same history after git repack -adf (deltas the other way round), with loose objects on top', async () => {
    fx.git(['repack', '-adf', '-q', '--depth=50', '--window=50']);
    fx.git(['config', 'user.name', 'Test']);
    fx.git(['config', 'user.email', 'test@example.org']);
    fx.git(['checkout', '-q', '-f', 'main']);
    fx.write(`${FOLDER}/don-vi-0007.yaml`, 'unit: don-vi-0007\nyear: 2023\nitems: []\n');
    fx.commit('Loose commit on top of the pack', '2023-11-30T10:00:00+07:00');
    expect(fx.git(['count-objects', '-v'])).toMatch(/^count: [1-9]/m);
    await compareWithNative();
  });
});

describe('the campaign scenario, packed', () => {
  let s: Scenario;
  beforeAll(() => {
    s = buildScenario();
    s.fx.git(['gc', '-q', '--aggressive']);
  });
  afterAll(() => s?.fx.cleanup());

  it('gives the same changes and lock snapshot as before packing', async () => {
    const h = await openHistory(s.fx.dir, { cacheDir: null });
    const walked = await h.walk([SA, EV]);
    const native = new Map<string, string[]>();
    for (const dir of [SA, EV]) for (const [sha, lines] of s.fx.nativeChanges(dir)) native.set(sha, [...(native.get(sha) ?? []), ...lines].sort());
    expect(new Map(walked.filter((w) => w.changes.length).map((w) => [w.meta.oid, w.changes.map((c) => `${c.status}\t${c.path}`).sort()]))).toEqual(native);
    const snap = await h.snapshotAt(LOCK, { strict: true });
    expect(snap!.commit).toBe(s.c.beforeLock);
    for (const f of await snap!.source.list('content')) expect(Buffer.from((await snap!.source.read(f))!)).toEqual(s.fx.nativeShow(s.c.beforeLock, f));
  });
});
