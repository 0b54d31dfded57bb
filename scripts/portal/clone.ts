// The portal's own clone. decap-server checks branches out in its repository and commits with
// `git add .`, which would sweep a developer's uncommitted work into an officer's commit: so it
// only ever sees this clone, made from the developer's committed HEAD and never written back.
import { ensureLocalSealKey } from '../core/history/seal-local.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { currentBranch, git, GitError, resolveRef } from './git.js';
import { recoverClone } from './recover.js';
import { replayCampaign } from './replay.js';
import { DEMO_2023 } from './demo-campaign.js';
import type { GateFn } from './gate-api.js';
import { PortalError } from './errors.js';
import { msg } from './messages.js';

/** The branch Decap's config publishes to; the clone always has it checked out. */
export const MAIN_BRANCH = 'main';

export interface CloneInfo {
  dir: string;
  created: boolean;
  branch: string;
  head: string;
  /** What start-up repaired after an unclean stop (Vietnamese, for the terminal). */
  recovered: string[];
  /** The demo campaign replayed into a new clone (Vietnamese, for the terminal); empty when not. */
  replayed: string[];
}

/**
 * Set by the veto for a gated merge: the send-time trailer and its seal (docs/deadline-semantics.md
 * §9, docs/security-github.md §The local portal), written by the portal as its clone's merge bot.
 */
export const MERGE_TRAILERS_ENV = 'PARINDEX_MERGE_TRAILERS';

/** The committer of the portal's merges: its clone's merge bot (git config parindex.mergeBot). */
export const PORTAL_MERGER = { name: 'parindex portal', email: 'portal@parindex.local' };

// decap-server runs a plain `git merge`: a hook is the one place to add the trailers history
// reads. It acts only when the portal sets the variable, i.e. on gated merges.
const PREPARE_COMMIT_MSG = `#!/bin/sh
if [ -n "$${MERGE_TRAILERS_ENV}" ] && [ "$2" = "merge" ]; then
  printf '\\n\\n%s\\n' "$${MERGE_TRAILERS_ENV}" >> "$1"
fi
`;

/**
 * The clone's hooks live beside it, not in its .git/hooks: no path the CMS can name reaches them
 * (request.ts allows only content/), and a hook written into .git/hooks by any route never runs.
 */
export function hooksDir(cloneDir: string): string {
  return join(dirname(resolve(cloneDir)), 'hooks');
}

/** Settings the portal relies on, written into the clone's own config on every start. */
async function configure(dir: string): Promise<void> {
  const hooks = hooksDir(dir);
  mkdirSync(hooks, { recursive: true });
  for (const name of readdirSync(hooks)) if (name !== 'prepare-commit-msg') rmSync(join(hooks, name), { force: true, recursive: true });
  writeFileSync(join(hooks, 'prepare-commit-msg'), PREPARE_COMMIT_MSG, { mode: 0o755 });
  const settings: [string, string][] = [
    ['core.hooksPath', hooks],
    // A publish must leave a merge commit: it is the record of when a unit's work reached main
    // (the history command reads "Merge branch 'cms/…'" subjects).
    ['merge.ff', 'false'],
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
    // Fallback identity; each write sets the acting officer through the environment.
    ['user.name', 'parindex portal'],
    ['user.email', 'portal@parindex.local'],
    ['core.autocrlf', 'false'],
  ];
  for (const [key, value] of settings) await git(['config', key, value], { cwd: dir });
  // The portal merges sends itself: the seal key that makes history trust their send times.
  await ensureLocalSealKey(dir, PORTAL_MERGER.email);
}

/**
 * Files tools write next to the content they read (the history module's disk memo under .cache/,
 * Astro's and Vite's caches): decap-server commits with `git add .`, so they are excluded in the
 * clone itself, whatever the source repository's .gitignore says.
 */
export const CLONE_EXCLUDES = ['.cache/', '.astro/', 'node_modules/', 'dist/', '.portal/', '.bench/'];

function writeExcludes(dir: string): void {
  const file = join(dir, '.git', 'info', 'exclude');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lines = new Set(current.split('\n').map((l) => l.trim()));
  const missing = CLONE_EXCLUDES.filter((p) => !lines.has(p));
  if (!missing.length) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${current}${current && !current.endsWith('\n') ? '\n' : ''}# parindex portal\n${missing.join('\n')}\n`);
}

function isEmptyDir(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch {
    return true;
  }
}

/**
 * Creates the clone from `sourceRepo`'s HEAD on first use, reuses it afterwards. The source is
 * only read (`git clone` of a local path), whatever state its working tree is in.
 */
export interface DemoOptions {
  /** The portal's clock: the demo campaign is replayed up to it. */
  now: Date;
  gate?: GateFn;
}

export async function ensureClone(sourceRepo: string, dir: string, demo?: DemoOptions): Promise<CloneInfo> {
  const target = resolve(dir);
  let created = false;
  if (!existsSync(target) || isEmptyDir(target)) {
    if (!(await resolveRef(sourceRepo, 'HEAD'))) throw new PortalError(msg.sourceNotRepo(sourceRepo));
    mkdirSync(dirname(target), { recursive: true });
    try {
      await git(['clone', '--quiet', '--no-hardlinks', sourceRepo, target], { cwd: dirname(target) });
    } catch (error) {
      throw new PortalError(msg.cloneFailed(target, error instanceof GitError ? error.stderr.trim() : String(error)));
    }
    created = true;
  } else if (!existsSync(resolve(target, '.git'))) {
    throw new PortalError(msg.cloneNotRepo(target));
  }
  await configure(target);
  writeExcludes(target);

  let recovered: string[] = [];
  let replayed: string[] = [];
  if (created) {
    // The developer's HEAD may be any branch; the CMS publishes to main.
    if ((await currentBranch(target)) !== MAIN_BRANCH) await git(['checkout', '--quiet', '-B', MAIN_BRANCH], { cwd: target });
    if (demo) {
      try {
        replayed = (await replayCampaign(target, DEMO_2023, demo.now, demo.gate)).notes;
      } catch (error) {
        throw new PortalError(msg.replayFailed(error instanceof Error ? error.message : String(error)));
      }
    }
  } else {
    if (!(await resolveRef(target, MAIN_BRANCH))) throw new PortalError(msg.cloneNoMain(target));
    // A portal killed in the middle of a decap-server operation leaves locks, a cms/ branch
    // checked out or a half-written tree: repaired here, every draft branch kept.
    recovered = (await recoverClone(target, MAIN_BRANCH, { locks: true, at: new Date() })).notes;
  }
  const head = (await resolveRef(target, MAIN_BRANCH))!;
  return { dir: target, created, branch: MAIN_BRANCH, head, recovered, replayed };
}
