// Reopening a draft after main moved on: the local backend must describe the draft by what its
// branch changed since the merge base, as a pull request does, not by every difference between
// main and the branch (issue 13, item 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createBackendApp } from '../../scripts/portal/backend.js';
import { ensureClone } from '../../scripts/portal/clone.js';
import { createClock } from '../../scripts/portal/clock.js';
import { api, close, fixtureText, listen, makeDevRepo, persistParams, sh, type DevRepo } from './helpers.js';
import { portalGate } from './gate.js';

const COLLECTION = 'self-assessments-2023';
const SA_A = 'content/self-assessments/2023/don-vi-a.yaml';
const SA_OTHER = 'content/self-assessments/2023/don-vi-cu.yaml';
const APPRAISAL_A = 'content/appraisals/2023/don-vi-a.yaml';

interface Diff { path: string; newFile: boolean; binary: boolean }
interface Entry { collection: string; slug: string; status: string; diffs: Diff[]; updatedAt: string }

/** Something else reaches main, as a merged send or appraisal would (a commit on main). */
function mergeIntoMain(clone: string, files: Record<string, string>, message: string) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(clone, path)), { recursive: true });
    writeFileSync(join(clone, path), text);
  }
  sh(clone, 'add', '.');
  sh(clone, 'commit', '--quiet', '-m', message);
}

describe('drafts read from the merge base', () => {
  let dev: DevRepo;
  let clone: string;
  let server: Server;
  let url: string;
  const draftA = fixtureText(SA_A).replace(/- code: "1\.1"\n {4}score: 2/, '- code: "1.1"\n    score: 1');

  beforeAll(async () => {
    dev = makeDevRepo();
    clone = (await ensureClone(dev.dir, join(dev.root, 'clone'))).dir;
    const app = await createBackendApp({ repo: clone, clock: createClock('2023-11-10T09:00+07:00'), gate: portalGate });
    ({ server, url } = await listen(app as never));
  });
  afterAll(async () => { await close(server); dev.cleanup(); });

  it('lists only the draft\'s own file after other work was merged into main', async () => {
    const saved = await api(url, 'persistEntry', persistParams('don-vi-a', [{ path: SA_A, raw: draftA }]));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // Another unit's sheet and the council's appraisal (a shorter path, which Decap would open
    // first) arrive on main after the draft branched.
    mergeIntoMain(clone, {
      [SA_OTHER]: fixtureText(SA_A).replace('unit: don-vi-a', 'unit: don-vi-cu'),
      [APPRAISAL_A]: 'unit: don-vi-a\nyear: 2023\nframework: fw-so-2023\nitems: []\n',
    }, 'Merge branch \'cms/self-assessments-2023/don-vi-cu\'');

    const r = await api(url, 'unpublishedEntry', { id: `${COLLECTION}/don-vi-a`, collection: COLLECTION, slug: 'don-vi-a' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const entry = r.body as unknown as Entry;
    expect(entry.diffs.map((d) => d.path)).toEqual([SA_A]);
    expect(entry.diffs[0]).toMatchObject({ newFile: false, binary: false });
    expect(entry).toMatchObject({ collection: COLLECTION, slug: 'don-vi-a', status: 'draft' });
    expect(Number.isNaN(Date.parse(entry.updatedAt))).toBe(false);

    const data = await api(url, 'unpublishedEntryDataFile', { collection: COLLECTION, slug: 'don-vi-a', path: SA_A, id: SA_A });
    expect((data.body as { data: string }).data).toBe(draftA);
  });

  it('describes a draft created after main moved by its own new file only', async () => {
    const fresh = 'content/self-assessments/2023/don-vi-b.yaml';
    mergeIntoMain(clone, { 'content/guidance/ghi-chu.md': '# Ghi chú\n' }, 'Hướng dẫn');
    const saved = await api(url, 'persistEntry', persistParams('don-vi-b', [{ path: fresh, raw: 'unit: don-vi-b\n' }]));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    mergeIntoMain(clone, { 'content/guidance/ghi-chu-2.md': '# Ghi chú 2\n' }, 'Hướng dẫn 2');
    const r = await api(url, 'unpublishedEntry', { id: `${COLLECTION}/don-vi-b`, collection: COLLECTION, slug: 'don-vi-b' });
    const entry = r.body as unknown as Entry;
    expect(entry.diffs.map((d) => [d.path, d.newFile])).toEqual([[fresh, true]]);
  });

  it('answers 404 for a draft that does not exist, with CORS', async () => {
    const r = await api(url, 'unpublishedEntry', { id: `${COLLECTION}/khong-co`, collection: COLLECTION, slug: 'khong-co' });
    expect(r.status).toBe(404);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
  });
});
