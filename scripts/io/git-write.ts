// Writing commits without a working tree or an index, in process (isomorphic-git): the demo
// replay (scripts/portal/replay.ts) writes dozens of commits, and a git process per step cost
// about 90 ms each on these machines (250 spawns, 22 s) against milliseconds here.
import fs from 'node:fs';
import git from 'isomorphic-git';
import type { GitRepo } from './git-source.js';

export interface TreeFile { mode: string; oid: string; path: string }

type TreeEntry = { mode: string; path: string; oid: string; type: 'blob' | 'tree' | 'commit' };

const args = (repo: GitRepo) => ({ fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache });

export async function writeText(repo: GitRepo, text: string): Promise<string> {
  return git.writeBlob({ ...args(repo), blob: new TextEncoder().encode(text) });
}

export async function readText(repo: GitRepo, commit: string, path: string): Promise<string> {
  const { blob } = await git.readBlob({ ...args(repo), oid: commit, filepath: path });
  return new TextDecoder().decode(blob);
}

export async function commitTree(repo: GitRepo, commit: string): Promise<string> {
  return (await git.readCommit({ ...args(repo), oid: commit })).commit.tree;
}

/**
 * `base` (a tree id, or null for an empty tree) with `put` written and `remove` deleted. Only the
 * folders on the changed paths are rewritten; everything else keeps its tree id.
 */
export async function editTree(repo: GitRepo, base: string | null, put: readonly TreeFile[], remove: readonly string[] = []): Promise<string> {
  const entries: TreeEntry[] = base ? (await git.readTree({ ...args(repo), oid: base })).tree as TreeEntry[] : [];
  const byName = new Map(entries.map((e) => [e.path, e]));
  const below = new Map<string, { put: TreeFile[]; remove: string[] }>();
  const child = (name: string) => below.get(name) ?? below.set(name, { put: [], remove: [] }).get(name)!;
  for (const f of put) {
    const slash = f.path.indexOf('/');
    if (slash < 0) byName.set(f.path, { mode: f.mode, path: f.path, oid: f.oid, type: f.mode === '160000' ? 'commit' : 'blob' });
    else child(f.path.slice(0, slash)).put.push({ ...f, path: f.path.slice(slash + 1) });
  }
  for (const p of remove) {
    const slash = p.indexOf('/');
    if (slash < 0) byName.delete(p);
    else child(p.slice(0, slash)).remove.push(p.slice(slash + 1));
  }
  for (const [name, change] of below) {
    const current = byName.get(name);
    const oid = await editTree(repo, current?.type === 'tree' ? current.oid : null, change.put, change.remove);
    const empty = (await git.readTree({ ...args(repo), oid })).tree.length === 0;
    if (empty) byName.delete(name);
    else byName.set(name, { mode: '040000', path: name, oid, type: 'tree' });
  }
  return git.writeTree({ ...args(repo), tree: [...byName.values()] });
}

/** Git's +HHMM zone as isomorphic-git wants it: minutes west of UTC, like Date#getTimezoneOffset. */
export interface Signature { name: string; email: string; at: Date; offsetMinutes: number }

const person = (who: Signature) => ({ name: who.name, email: who.email, timestamp: Math.floor(who.at.getTime() / 1000), timezoneOffset: -who.offsetMinutes });

/** A commit by `author`, committed by `committer` (default: the author). */
export async function writeCommit(repo: GitRepo, tree: string, parents: string[], message: string, author: Signature, committer: Signature = author): Promise<string> {
  return git.writeCommit({ ...args(repo), commit: { tree, parent: parents, author: person(author), committer: person(committer), message } });
}
