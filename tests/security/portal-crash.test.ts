// Issue 11, item 6: the portal killed with SIGKILL (power cut, OOM killer, `kill -9`) must not
// leave its Astro child holding the site's port, and the next start must repair the clone —
// locks, a draft branch checked out, stray files — while keeping every draft branch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRANCH_PREFIX, git, makeClone, makeDraft, portBusy, startPortalProcess } from './portal-process.js';

let env: ReturnType<typeof makeClone>;

beforeAll(() => { env = makeClone(); });
afterAll(() => env?.cleanup());

async function waitFree(port: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!(await portBusy(port))) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe('6. SIGKILL in the middle of the work', () => {
  it('takes the site child down with the portal, and the next start repairs the clone keeping drafts', async () => {
    const draft = makeDraft(env.clone, 'so-y-te', 'draft');
    const portal = await startPortalProcess(env.clone, { site: true });
    try {
      expect(await portBusy(portal.sitePort)).toBe(true);
      portal.child.kill('SIGKILL');
      await portal.exited;
      expect(await waitFree(portal.backendPort, 5_000)).toBe(true);
      // The Astro child (its own process group) notices its lifeline is gone and stops.
      expect(await waitFree(portal.sitePort, 20_000)).toBe(true);
    } finally {
      if (portal.child.exitCode === null && portal.child.signalCode === null) portal.child.kill('SIGKILL');
    }

    // What a save killed half-way leaves in the clone: a draft branch checked out, git's index
    // lock, a half-written file and a stray one.
    git(env.clone, 'checkout', '--quiet', `${BRANCH_PREFIX}so-y-te`);
    writeFileSync(join(env.clone, '.git/index.lock'), '');
    writeFileSync(join(env.clone, 'content/self-assessments/2023/so-y-te.yaml'), 'year: 20');
    writeFileSync(join(env.clone, 'content/self-assessments/2023/rac.yaml'), 'x: 1\n');

    const again = await startPortalProcess(env.clone);
    try {
      expect(again.output()).toContain('Lần dừng trước chưa trọn vẹn; cổng đã khôi phục bản sao (giữ nguyên mọi bản nháp):');
      expect(again.output()).toContain('đã xóa tệp khóa còn sót: .git/index.lock');
      expect(git(env.clone, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
      expect(git(env.clone, 'status', '--porcelain', '--untracked-files=all')).toBe('');
      expect(git(env.clone, 'rev-parse', `${BRANCH_PREFIX}so-y-te`)).toBe(draft);
      expect(existsSync(join(env.clone, '.git/index.lock'))).toBe(false);
      expect(readdirSync(join(env.root, 'recovered'))).toHaveLength(1);
      const info = await fetch(again.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'info' }) });
      expect(info.status).toBe(200);
    } finally {
      await again.stop();
    }
  }, 240_000);
});
