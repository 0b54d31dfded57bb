// `parindex bench --only start`: a first start as after a fresh install. The site's dev server
// (what `npm start` runs, scripts/portal/site.ts) on an empty Vite cache, then /admin/ in Chromium
// until Decap shows its login button; then the same on the cache that run left. Issue 13 item 15:
// the goal is a usable /admin/ within 10 s of `npm start`.
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite } from '../portal/site.js';
import { launch } from './cms-harness.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
}

async function once(root: string, cacheDir: string, log: (l: string) => void): Promise<{ ready: number; admin: number }> {
  const started = performance.now();
  const site = await startSite({
    repoRoot: root, contentRoot: root, port: await freePort(), backendPort: 1, backendUrl: 'http://127.0.0.1:1/api/v1',
    env: { PARINDEX_VITE_CACHE_DIR: cacheDir }, readyTimeoutMs: 300_000,
  });
  const ready = performance.now() - started;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}/admin/`, { timeout: 300_000 });
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ timeout: 300_000 });
    const admin = performance.now() - started;
    log(`  dev server ready ${(ready / 1000).toFixed(1)} s, /admin/ usable ${(admin / 1000).toFixed(1)} s after start`);
    return { ready, admin };
  } finally {
    await browser.close();
    await site.stop();
  }
}

export async function benchStart(opts: { dir: string; log: (line: string) => void; root: string }): Promise<Record<string, number>> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'parindex-vite-'));
  try {
    opts.log('first start (empty Vite cache):');
    const cold = await once(opts.root, cacheDir, opts.log);
    opts.log('second start (cache of the first):');
    const warm = await once(opts.root, cacheDir, opts.log);
    return {
      'cold: dev server ready (s)': round1(cold.ready / 1000), 'cold: /admin/ usable (s)': round1(cold.admin / 1000),
      'warm: dev server ready (s)': round1(warm.ready / 1000), 'warm: /admin/ usable (s)': round1(warm.admin / 1000),
    };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
