// The files a change touches, between two commits of a repository on disk (isomorphic-git).
// Renames are detected like `git diff -M`: identical content first, then similar text. The gate
// never depends on it for safety (a removal and an addition are both checked for ownership);
// it makes the decision and the PR comment say "moved" instead of "deleted + added".
import fs from 'node:fs';
import git from 'isomorphic-git';
import type { ChangedFile } from '../core/gate/index.js';
import type { GitRepo } from './git-source.js';

/** A tree entry as the gate compares it: content and mode together (a mode change is a change). */
export type EntryKind = 'file' | 'executable' | 'symlink' | 'gitlink';

interface Side { oid: string; kind: EntryKind }
interface RawChange { path: string; before: Side | null; after: Side | null }

const KIND_BY_MODE: Record<number, EntryKind> = { 0o100644: 'file', 0o100755: 'executable', 0o120000: 'symlink', 0o160000: 'gitlink' };

type WalkEntry = { type(): Promise<string>; oid(): Promise<string>; mode(): Promise<number> } | null;

async function side(e: WalkEntry): Promise<{ tree: string | null; leaf: Side | null }> {
  if (!e) return { tree: null, leaf: null };
  const [type, oid, mode] = await Promise.all([e.type(), e.oid(), e.mode()]);
  if (type === 'tree') return { tree: oid, leaf: null };
  // An unknown mode (git writes only these four) is compared as a gitlink: refused for everyone.
  return { tree: null, leaf: { oid, kind: KIND_BY_MODE[mode] ?? 'gitlink' } };
}

const same = (a: Side | null, b: Side | null) => (a === null ? b === null : b !== null && a.oid === b.oid && a.kind === b.kind);

/**
 * What merging `head` into `tip` would change on `tip`, given their merge base `mb`: a three-tree
 * walk (docs/security.md §Gate). A path changes only where the head differs from both the merge
 * base and the tip; where the tip moved too, it is a conflict the gate refuses. With `mb = tip`
 * this is the plain diff tip → head. Folders equal on the head and either other side are skipped.
 */
async function mergeDiff(repo: GitRepo, mb: string, tip: string, head: string): Promise<{ changes: RawChange[]; conflicts: string[] }> {
  const changes: RawChange[] = [];
  const conflicts: string[] = [];
  await git.walk({
    fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache,
    trees: [git.TREE({ ref: mb }), git.TREE({ ref: tip }), git.TREE({ ref: head })],
    map: async (filepath, entries) => {
      const [m, t, h] = await Promise.all((entries as WalkEntry[]).map(side)) as [Awaited<ReturnType<typeof side>>, Awaited<ReturnType<typeof side>>, Awaited<ReturnType<typeof side>>];
      if (filepath === '.') return true;
      // The head left this folder as it was on either side: merging changes nothing below it.
      if (h.tree !== null && (h.tree === m.tree || h.tree === t.tree)) return null;
      if (!same(h.leaf, m.leaf) && !same(h.leaf, t.leaf)) {
        if (same(t.leaf, m.leaf)) changes.push({ path: filepath, before: t.leaf, after: h.leaf });
        else conflicts.push(filepath);
      }
      return m.tree !== null || t.tree !== null || h.tree !== null ? true : null;
    },
  });
  const byPath = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return { changes: changes.sort((x, y) => byPath(x.path, y.path)), conflicts: conflicts.sort(byPath) };
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
  return pairRenames(repo, (await mergeDiff(repo, from, from, to)).changes);
}

/**
 * What merging `head` into `tip` (merge base `mb`) would change on `tip`, renames paired, and the
 * paths both sides changed differently (conflicts: the gate refuses them).
 */
export async function mergeChanges(repo: GitRepo, mb: string, tip: string, head: string): Promise<{ changes: ChangedFile[]; conflicts: string[] }> {
  const { changes, conflicts } = await mergeDiff(repo, mb, tip, head);
  return { changes: await pairRenames(repo, changes), conflicts };
}

async function pairRenames(repo: GitRepo, raw: RawChange[]): Promise<ChangedFile[]> {
  const added = raw.filter((c) => c.before === null && c.after !== null);
  const removed = raw.filter((c) => c.before !== null && c.after === null);
  const renames = new Map<string, string>(); // added path → removed path
  const usedRemoved = new Set<string>();
  // Exact renames: same blob id on both sides.
  const removedByOid = new Map<string, RawChange[]>();
  for (const r of removed) removedByOid.set(r.before!.oid, [...(removedByOid.get(r.before!.oid) ?? []), r]);
  for (const a of added) {
    const candidate = removedByOid.get(a.after!.oid)?.find((r) => !usedRemoved.has(r.path));
    if (candidate) { renames.set(a.path, candidate.path); usedRemoved.add(candidate.path); }
  }
  // Inexact renames among what is left: the most similar text above the threshold.
  const leftAdded = added.filter((a) => !renames.has(a.path));
  const leftRemoved = removed.filter((r) => !usedRemoved.has(r.path));
  if (leftAdded.length && leftRemoved.length && leftAdded.length * leftRemoved.length <= 10_000) {
    const removedTexts = new Map<string, string | null>();
    for (const r of leftRemoved) removedTexts.set(r.path, await blobText(repo, r.before!.oid));
    for (const a of leftAdded) {
      const text = await blobText(repo, a.after!.oid);
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
  // Only what is not a plain file is spelled out, so the usual change reads as before.
  const entry = (c: RawChange, previous: Side | null) => ({
    ...(c.after && c.after.kind !== 'file' ? { kind: c.after.kind } : {}),
    ...(c.after && previous && previous.kind !== c.after.kind ? { modeChanged: true as const } : {}),
  });
  const removedSide = new Map(removed.map((r) => [r.path, r.before]));
  for (const c of raw) {
    if (c.before === null) {
      const previousPath = renames.get(c.path);
      out.push(previousPath
        ? { path: c.path, status: 'renamed', previousPath, ...entry(c, removedSide.get(previousPath) ?? null) }
        : { path: c.path, status: 'added', ...entry(c, null) });
    } else if (c.after === null) {
      if (!usedRemoved.has(c.path)) out.push({ path: c.path, status: 'removed' });
    } else {
      out.push({ path: c.path, status: 'modified', ...entry(c, c.before) });
    }
  }
  return out;
}

/** The best common ancestors of two commits: none when unrelated, several in criss-cross histories. */
export async function mergeBases(repo: GitRepo, a: string, b: string): Promise<string[]> {
  return (await git.findMergeBase({ fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache, oids: [a, b] })) as string[];
}

/** True when the clone's history is cut (a shallow CI checkout): merge bases would be wrong. */
export function isShallow(repo: GitRepo): boolean {
  return fs.existsSync(`${repo.gitdir ?? `${repo.dir}/.git`}/shallow`);
}
