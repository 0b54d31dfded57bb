// The CMS of a browser test file: a git repository whose first commit holds a copy of a content/
// folder, decap-server's git backend and /admin/ on it, and one watched page in real Chromium,
// started before the file's tests and stopped after them; plus what the collection tests do
// alike on that page (save, change the workflow status, read the toast it causes, wait for the
// rules).
import { afterAll, beforeAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { git, launch, makeRepo, openPage, startCms, type CmsServer, type TempRepo, type Watched } from '../../scripts/bench/cms-harness.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

/** Words of Decap's English UI that must never reach an officer or a council member. */
export const ENGLISH = /\b(Save|Saving|Publish|Published|Unpublished|Status|Draft|Drafts|Ready|In review|Delete|Entries|Collections|Workflow|Media|Login|Log in|Search|Quick add|Add|New|Changes saved|Unsaved|Loading|Preview|Toggle|Editorial)\b/;

export class CmsInChromium {
  repo!: TempRepo;
  server!: CmsServer;
  browser!: Browser;
  w!: Watched;
  /** main's commit as the repository was made, before the CMS ran. */
  mainAtStart!: string;

  get page(): Page { return this.w.page; }
  get adminUrl(): string { return this.server.adminUrl; }
  get repoDir(): string { return this.repo.dir; }

  // Bound, so that a test may hand it on: `cms.toastAfter(/Đã lưu/, cms.save)`.
  readonly save = (): Promise<void> => this.page.getByRole('button', { name: 'Lưu', exact: true }).click();

  async setStatus(label: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Trạng thái:/ }).click();
    await this.page.getByRole('menuitem', { name: label }).click();
  }

  /** Runs `action` and returns the text of the new toast matching `text` it causes. */
  async toastAfter(text: RegExp, action: () => Promise<void>): Promise<string> {
    await this.page.locator('.Toastify__toast').evaluateAll((els) => els.forEach((e) => e.setAttribute('data-seen', '1')));
    await action();
    const fresh = this.page.locator('.Toastify__toast:not([data-seen])', { hasText: text }).first();
    await fresh.waitFor({ timeout: 20_000 });
    return fresh.innerText();
  }

  /** Waits for the rules' findings on what the table holds now (the panel done checking). */
  async findingsChecked(): Promise<void> {
    await this.page.waitForSelector('[data-findings-panel][data-checking="false"]');
  }

  /** The workflow status decap-server keeps for an entry's branch ('' while there is none). */
  async branchStatus(branch: string): Promise<string> {
    try { return git(this.repo.dir, 'config', '--get', `branch.${branch}.description`); } catch { return ''; }
  }
}

/**
 * Registers the hooks that start the CMS on a copy of `contentDir` before the file's tests and
 * stop it after them; the returned object's fields are set from the first test on.
 */
export function cmsInChromium(contentDir: string): CmsInChromium {
  const cms = new CmsInChromium();
  beforeAll(async () => {
    cms.repo = repoWithContent(contentDir);
    cms.mainAtStart = git(cms.repo.dir, 'rev-parse', 'main');
    cms.server = await startCms(REPO_ROOT, cms.repo.dir);
    cms.browser = await launch();
    cms.w = await openPage(cms.browser);
  }, 180_000);
  afterAll(async () => {
    await cms.browser?.close();
    await cms.server?.close();
    cms.repo?.cleanup();
  });
  return cms;
}

/** A committed repository holding a copy of `contentDir` as its content/ and nothing else. */
function repoWithContent(contentDir: string): TempRepo {
  const base = mkdtempSync(join(tmpdir(), 'parindex-cms-content-'));
  try {
    cpSync(contentDir, join(base, 'content'), { recursive: true });
    return makeRepo({}, base);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
