// Puts the portal's clone back into the one state decap-server may work in: main checked out,
// nothing uncommitted, no operation half done (docs/security.md §Crash safety). decap-server
// commits with `git add .`, so anything left in the working tree — by a killed save, an aborted
// merge, a move that renamed a whole folder — would be swept into the next officer's commit.
// Every branch is kept (drafts and sends live there); what the working tree held is saved as a
// patch beside the clone first, so nothing is lost.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { currentBranch, dirtyPaths, git } from './git.js';

/** Lock files git leaves when killed; safe to remove only while no git process runs on the clone. */
function staleLocks(gitdir: string): string[] {
  const out: string[] = [];
  for (const name of ['index.lock', 'HEAD.lock', 'config.lock', 'packed-refs.lock', 'ORIG_HEAD.lock', 'MERGE_HEAD.lock']) {
    if (existsSync(join(gitdir, name))) out.push(join(gitdir, name));
  }
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.lock')) out.push(p);
    }
  };
  walk(join(gitdir, 'refs'));
  return out;
}

export interface Recovery {
  /** What was repaired, for the terminal log (Vietnamese). */
  notes: string[];
  /** The patch holding what the working tree had, when it had anything. */
  saved?: string;
}

/**
 * Repairs the clone. `locks`: also remove git's lock files (only at start, when nothing else can
 * be running git on the clone). Returns what it did; an already clean clone costs one `git status`.
 */
export async function recoverClone(dir: string, main: string, options: { locks: boolean; at: Date }): Promise<Recovery> {
  const gitdir = join(dir, '.git');
  const notes: string[] = [];
  if (options.locks) {
    for (const lock of staleLocks(gitdir)) {
      rmSync(lock, { force: true });
      notes.push(`đã xóa tệp khóa còn sót: ${lock.slice(dir.length + 1)}`);
    }
  }
  const inMerge = existsSync(join(gitdir, 'MERGE_HEAD'));
  const inRebase = existsSync(join(gitdir, 'rebase-merge')) || existsSync(join(gitdir, 'rebase-apply'));
  const dirty = await dirtyPaths(dir);
  const branch = await currentBranch(dir);
  if (!inMerge && !inRebase && !dirty.length && branch === main) return { notes };

  let saved: string | undefined;
  if (dirty.length) {
    const { stdout: diff } = await git(['diff', '--binary', 'HEAD'], { cwd: dir, okCodes: [128] });
    const untracked = dirty.filter((l) => l.startsWith('?? ')).map((l) => l.slice(3));
    const stamp = options.at.toISOString().replace(/[:.]/g, '-');
    saved = join(dirname(dir), 'recovered', `${stamp}.patch`);
    mkdirSync(dirname(saved), { recursive: true });
    writeFileSync(saved, `# parindex: working tree of ${dir} on ${branch ?? '(detached)'} at ${options.at.toISOString()}\n` +
      (untracked.length ? `# untracked files (removed): ${untracked.join(', ')}\n` : '') + diff);
    notes.push(`bản sao có ${dirty.length} thay đổi chưa commit: đã lưu vào ${saved} rồi đưa về commit gần nhất`);
  }
  if (inRebase) await git(['rebase', '--abort'], { cwd: dir, okCodes: [1, 128] });
  if (inMerge) notes.push('đã hủy một lần hợp nhất dở dang');
  await git(['reset', '--hard', '--quiet'], { cwd: dir });
  // -d: folders too; not -x: ignored caches (.cache/, .astro/) stay.
  await git(['clean', '-fdq'], { cwd: dir });
  if (branch !== main) {
    await git(['checkout', '--quiet', main], { cwd: dir });
    notes.push(`đã chuyển bản sao từ ${branch ?? '(không ở nhánh nào)'} về ${main}`);
  }
  return { notes, ...(saved ? { saved } : {}) };
}
