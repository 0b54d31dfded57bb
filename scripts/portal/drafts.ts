// Reading a draft back: decap-server's git mode answers `unpublishedEntry` with `git diff main
// cms/…` (two dots), i.e. every difference between the two tips. Once anything else reaches main
// after the draft branched (another unit's send, an appraisal), that list holds files the draft
// never touched, and Decap opens the first YAML of the list as the entry: another unit's sheet, or
// the council's file, which the next save then tries to write. A pull request shows the changes
// since the merge base (three dots), and so does this answer. The other draft reads
// (`unpublishedEntryDataFile`, `unpublishedEntryMediaFile`) read a named path on the branch and
// are right as they are; `unpublishedEntries` lists branch names, also right.
// See docs/portal.md ("Drafts read from the merge base").
import type { NextFunction, Request, Response } from 'express';
import { allowCors } from './cors.js';
import { configGet, git, mergeBase, resolveRef } from './git.js';
import { msg } from './messages.js';

const CMS_PREFIX = 'cms/';
const DEFAULT_LABEL_PREFIX = 'decap-cms/';

export interface DraftDiff {
  oldPath: string;
  newPath: string;
  status: 'added' | 'deleted' | 'modified';
  newFile: boolean;
  path: string;
  id: string;
  binary: boolean;
}

export interface DraftEntry {
  collection: string;
  slug: string;
  status: string;
  diffs: DraftDiff[];
  updatedAt: string;
}

interface EntryParams {
  branch?: unknown;
  id?: unknown;
  collection?: unknown;
  slug?: unknown;
  cmsLabelPrefix?: unknown;
}

const STATUS: Record<string, DraftDiff['status']> = { A: 'added', D: 'deleted', M: 'modified', T: 'modified' };

/** The files a draft branch changed since it left `base`, in decap-server's diff shape. */
export async function draftDiffs(repo: string, base: string, branch: string): Promise<DraftDiff[]> {
  const from = await mergeBase(repo, base, branch);
  if (!from) return [];
  const range = [from, branch, '--'];
  const [names, counts] = await Promise.all([
    git(['diff', '--no-renames', '--name-status', '-z', ...range], { cwd: repo }),
    git(['diff', '--no-renames', '--numstat', '-z', ...range], { cwd: repo }),
  ]);
  const binary = new Set<string>();
  // numstat -z: "added\tdeleted\tpath\0"; "-\t-" marks a binary file.
  for (const record of counts.stdout.split('\0')) {
    const [added, deleted, path] = record.split('\t');
    if (added === '-' && deleted === '-' && path) binary.add(path);
  }
  const fields = names.stdout.split('\0');
  const diffs: DraftDiff[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = STATUS[fields[i]!.charAt(0)] ?? 'modified';
    const path = fields[i + 1]!;
    diffs.push({
      oldPath: status === 'added' ? '' : path,
      newPath: status === 'deleted' ? '' : path,
      status,
      newFile: status === 'added',
      path,
      id: path,
      binary: binary.has(path) || path.endsWith('.svg'),
    });
  }
  return diffs;
}

/** decap-server's `unpublishedEntry` answer, computed from the merge base; null when no branch. */
export async function readDraftEntry(repo: string, params: EntryParams): Promise<DraftEntry | null> {
  let collection = typeof params.collection === 'string' ? params.collection : '';
  let slug = typeof params.slug === 'string' ? params.slug : '';
  if (typeof params.id === 'string' && params.id.includes('/')) {
    const cut = params.id.indexOf('/');
    collection = params.id.slice(0, cut);
    slug = params.id.slice(cut + 1);
  }
  const base = typeof params.branch === 'string' ? params.branch : 'main';
  const branch = `${CMS_PREFIX}${collection}/${slug}`;
  if (!collection || !slug || !(await resolveRef(repo, branch))) return null;
  const prefix = typeof params.cmsLabelPrefix === 'string' && params.cmsLabelPrefix ? params.cmsLabelPrefix : DEFAULT_LABEL_PREFIX;
  const label = (await configGet(repo, `branch.${branch}.description`)) ?? '';
  const status = label.startsWith(prefix) ? label.slice(prefix.length) : '';
  const diffs = await draftDiffs(repo, base, branch);
  const { stdout } = await git(['log', '-1', '--format=%cI', branch], { cwd: repo });
  return { collection, slug, status, diffs, updatedAt: new Date(stdout.trim()).toISOString() };
}

/**
 * Express middleware for POST /api/v1, mounted after the veto (which has parsed the body) and
 * before decap-server: answers `unpublishedEntry` itself, passes everything else on.
 */
export function draftReads(options: { repo: string; log?: (line: string) => void }) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const body = req.body as { action?: unknown; params?: EntryParams } | undefined;
    if (body?.action !== 'unpublishedEntry') return next();
    try {
      const entry = await readDraftEntry(options.repo, body.params ?? {});
      allowCors(req, res);
      if (!entry) res.status(404).json({ message: 'Not Found' });
      else res.json(entry);
    } catch (error) {
      options.log?.(`${msg.draftReadFailed} ${error instanceof Error ? error.message : String(error)}`);
      allowCors(req, res);
      res.status(500).json({ error: msg.draftReadFailed });
    }
  };
}
