// Browser-side checks shared by the site tests: open a built page offline (every request outside
// the local server is refused), run axe-core, read tables, run the CLI for comparisons.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectErrors } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A context that can only reach the local server: proves pages need no network. */
export async function offlineContext(browser: Browser, origin: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
  await ctx.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  return ctx;
}

export async function openPage(ctx: BrowserContext, url: string): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res || res.status() !== 200) errors.push(`status ${res?.status()} for ${url}`);
  return { page, errors, dialogs };
}

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: string[] }

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, WCAG_TAGS);
}

/** Rows of the ranking table of a group, as shown. */
export async function rankingRows(page: Page, group: string): Promise<{ unit: string; rank: string; cells: string[] }[]> {
  return page.$$eval(`table.ranking[data-group="${group}"] tbody tr`, (trs) => trs.map((tr) => ({
    unit: tr.getAttribute('data-unit') ?? '',
    rank: tr.children[0]?.textContent?.trim() ?? '',
    cells: [...tr.children].map((c) => c.textContent?.trim() ?? ''),
  })));
}

/** `npm run score -- …` exactly as a user runs it (the bundled CLI), parsed. */
export function scoreCli(args: string[]): unknown {
  const out = execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'bin', 'parindex.mjs'), 'score', ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out);
}

/** Every HTML file of a build, relative to it. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export function readHtml(dir: string, path: string): string {
  return readFileSync(join(dir, path.replace(/^\//, ''), path.endsWith('/') || path === '' ? 'index.html' : ''), 'utf8');
}
