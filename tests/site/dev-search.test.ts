// Search under `npm start`: the portal serves the site with `astro dev`, where no build has
// written a Pagefind index. The real dev server (scripts/portal/site.ts) and real Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../scripts/core/load/content.js';
import { fsSource } from '../../scripts/io/fs-source.js';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { chromiumAvailable, launchBrowser } from '../helpers/browser.js';
import { startSite, type SiteServer } from '../../scripts/portal/site.js';
import { offlineContext, openPage } from './pages.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
}

let site: SiteServer;
let browser: Browser;
const lines: string[] = [];

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error('Chromium không có ở /usr/bin/chromium (đặt CHROMIUM_PATH).');
  const port = await freePort();
  site = await startSite({
    repoRoot: REPO_ROOT, contentRoot: REPO_ROOT, port, backendPort: 1, backendUrl: 'http://127.0.0.1:1/api/v1',
    env: { PARINDEX_NOW: '2023-11-10T09:00+07:00' }, onLine: (l) => lines.push(l),
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('search under astro dev', () => {
  it('finds a guidance page from the search page, with no console errors', async () => {
    const ctx = await offlineContext(browser, site.url);
    const { page, errors } = await openPage(ctx, `${site.url}/huong-dan/tim-kiem/?q=${encodeURIComponent('giải trình')}`);
    await page.waitForSelector('.search-results li a, #ket-qua-tim-kiem p', { timeout: 90_000 });
    await page.waitForFunction(() => !document.querySelector('#ket-qua-tim-kiem')?.textContent?.includes('Đang'), undefined, { timeout: 90_000 });
    expect(await page.textContent('#ket-qua-tim-kiem')).not.toContain('Không tải được');
    const hrefs = await page.$$eval('.search-results li a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/huong-dan/giai-trinh/');
    // The same pages as in a build: every guidance page and every framework (data-pagefind-body).
    const content = await loadContent(fsSource(REPO_ROOT));
    const frameworks = [...content.registry.campaigns.values()].reduce((n, c) => n + c.groups.length, 0);
    const entry = await (await fetch(`${site.url}/pagefind/pagefind-entry.json`)).json();
    expect(entry.languages.vi.page_count).toBe(readdirSync(join(REPO_ROOT, 'content/guidance')).length + frameworks);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);
});
