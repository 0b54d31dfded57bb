// The files a change touches, between two commits of a repository on disk (isomorphic-git).
// Renames are detected like `git diff -M`: identical content first, then similar text. The gate
// never depends on it for safety (a removal and an addition are both checked for ownership);
// it makes the decision and the PR comment say "moved" instead of "deleted + added".
import fs from 'node:fs';
import git from 'isomorphic-git';
import type { ChangedFile } from '../core/gate/index.js';
import type { GitRepo } from './git-source.js';

interface RawChange { path: string; before: string | null; after: string | null }

/** Two-tree walk that skips every folder whose tree id is the same on both sides. */
async function treeDiff(repo: GitRepo, from: string, to: string): Promise<RawChange[]> {
  const out: RawChange[] = [];
  await git.walk({
    fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache,
    trees: [git.TREE({ ref: from }), git.TREE({ ref: to })],
    map: async (filepath, [a, b]) => {
      if (filepath === '.') return true;
      const [ta, tb] = await Promise.all([a?.type(), b?.type()]);
      const [oa, ob] = await Promise.all([a?.oid(), b?.oid()]);
      if (ta === tb && oa === ob) return null;
      const blobA = ta === 'blob' ? oa ?? null : null;
      const blobB = tb === 'blob' ? ob ?? null : null;
      if (blobA !== blobB) out.push({ path: filepath, before: blobA, after: blobB });
      // Descend only where a side is a folder; a file on both sides has no children.
      return ta === 'tree' || tb === 'tree' ? true : null;
    },
  });
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

const MAX_SIMILARITY_BYTES = 1024 * 1024;
const SIMILARITY_THRESHOLD = 0.5;

/** Share of lines the two texts have in common (multiset), like git's default 50 % rule. */
export function lineSimilarity(a: string, b: string): number {
  const count = (t: string) => {
    const m = new Map<string, number>();
    for (const line of t.split('\n')) m.set(line, (m.get(line) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  let common = 0;
  for (const [line, n] of ca) common += Math.min(n, cb.get(line) ?? 0);
  const total = Math.max(a.split('\n').length, b.split('\n').length);
  return total ? common / total : 1;
}

async function blobText(repo: GitRepo, oid: string): Promise<string | null> {
  const { blob } = await git.readBlob({ fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache, oid });
  if (blob.byteLength > MAX_SIMILARITY_BYTES || blob.includes(0)) return null;
  return new TextDecoder().decode(blob);
}

/** Files changed from `from` to `to`, with renames paired. Sorted by path. */
export async function changedFiles(repo: GitRepo, from: string, to: string): Promise<ChangedFile[]> {
  const raw = await treeDiff(repo, from, to);
  const added = raw.filter((c) => c.before === null && c.after !== null);
  const removed = raw.filter((c) => c.before !== null && c.after === null);
  const renames = new Map<string, string>(); // added path → removed path
  const usedRemoved = new Set<string>();
  // Exact renames: same blob id on both sides.
  const removedByOid = new Map<string, RawChange[]>();
  for (const r of removed) removedByOid.set(r.before!, [...(removedByOid.get(r.before!) ?? []), r]);
  for (const a of added) {
    const candidate = removedByOid.get(a.after!)?.find((r) => !usedRemoved.has(r.path));
    if (candidate) { renames.set(a.path, candidate.path); usedRemoved.add(candidate.path); }
  }
  // Inexact renames among what is left: the most similar text above the threshold.
  const leftAdded = added.filter((a) => !renames.has(a.path));
  const leftRemoved = removed.filter((r) => !usedRemoved.has(r.path));
  if (leftAdded.length && leftRemoved.length && leftAdded.length * leftRemoved.length <= 10_000) {
    const removedTexts = new Map<string, string | null>();
    for (const r of leftRemoved) removedTexts.set(r.path, await blobText(repo, r.before!));
    for (const a of leftAdded) {
      const text = await blobText(repo, a.after!);
      if (text === null) continue;
      let best: { path: string; score: number } | null = null;
      for (const r of leftRemoved) {
        if (usedRemoved.has(r.path)) continue;
        const other = removedTexts.get(r.path);
        if (other === null || other === undefined) continue;
        const score = lineSimilarity(other, text);
        if (score >= SIMILARITY_THRESHOLD && (!best || score > best.score)) best = { path: r.path, score };
      }
      if (best) { renames.set(a.path, best.path); usedRemoved.add(best.path); }
    }
  }
  const out: ChangedFile[] = [];
  for (const c of raw) {
    if (c.before === null) {
      const previousPath = renames.get(c.path);
      out.push(previousPath ? { path: c.path, status: 'renamed', previousPath } : { path: c.path, status: 'added' });
    } else if (c.after === null) {
      if (!usedRemoved.has(c.path)) out.push({ path: c.path, status: 'removed' });
    } else {
      out.push({ path: c.path, status: 'modified' });
    }
  }
  return out;
}

/** The best common ancestor of two commits, or null when the histories are unrelated. */
export async function mergeBase(repo: GitRepo, a: string, b: string): Promise<string | null> {
  const bases = await git.findMergeBase({ fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache, oids: [a, b] });
  return (bases[0] as string | undefined) ?? null;
}

/** True when the clone's history is cut (a shallow CI checkout): merge bases would be wrong. */
export function isShallow(repo: GitRepo): boolean {
  return fs.existsSync(`${repo.gitdir ?? `${repo.dir}/.git`}/shallow`);
}
