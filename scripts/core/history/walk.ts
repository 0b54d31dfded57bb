// The first-parent walk: main's own history, one commit per arrival on main (a merge commit
// brings its pull request in one step, a squash merge is one commit). For each commit it
// diffs only the watched folders, and only when their tree ids differ from the parent's.
// Results are memoised per commit id: a commit's id fixes its parents and trees, so a memo
// never goes stale, and a force-push simply walks into commits the memo has not seen.
import { findEntry, type CommitObject, type Oid, type RawTree } from './objects.js';
import type { ObjectStore, PathChange } from './store.js';

export type CommitMeta = CommitObject;

export interface WalkMemo {
  commit(oid: Oid): CommitMeta | undefined;
  putCommit(meta: CommitMeta): void;
  changes(prefix: string, oid: Oid): PathChange[] | undefined;
  putChanges(prefix: string, oid: Oid, changes: PathChange[]): void;
}

/** A memo that lives as long as the process (the disk memo builds on it). */
export class MemoryMemo implements WalkMemo {
  protected commits = new Map<Oid, CommitMeta>();
  protected byPrefix = new Map<string, Map<Oid, PathChange[]>>();
  /** Entries added since load: the disk memo saves only when this is non-zero. */
  added = 0;
  commit(oid: Oid) {
    return this.commits.get(oid);
  }
  putCommit(meta: CommitMeta) {
    if (!this.commits.has(meta.oid)) this.added++;
    this.commits.set(meta.oid, meta);
  }
  changes(prefix: string, oid: Oid) {
    return this.byPrefix.get(prefix)?.get(oid);
  }
  putChanges(prefix: string, oid: Oid, changes: PathChange[]) {
    let m = this.byPrefix.get(prefix);
    if (!m) this.byPrefix.set(prefix, (m = new Map()));
    if (!m.has(oid)) this.added++;
    m.set(oid, changes);
  }
}

export interface WalkedCommit {
  meta: CommitMeta;
  /** Files changed against the first parent, under the watched prefixes (sorted by path). */
  changes: PathChange[];
}

/** Normalises a folder prefix: "content/self-assessments/2023/" → "content/self-assessments/2023". */
export function normalisePrefix(prefix: string): string {
  return prefix.split('/').filter(Boolean).join('/');
}

/** The commits of `tip`'s first-parent chain, oldest first. Throws MissingObjectError on a cut history. */
export async function firstParentChain(store: ObjectStore, tip: Oid, memo?: WalkMemo): Promise<CommitMeta[]> {
  const chain: CommitMeta[] = [];
  const seen = new Set<Oid>();
  let oid: Oid | undefined = tip;
  while (oid && !seen.has(oid)) {
    seen.add(oid);
    let meta: CommitMeta | undefined = memo?.commit(oid);
    if (!meta) {
      meta = await store.commit(oid);
      memo?.putCommit(meta);
    }
    chain.push(meta);
    oid = meta.parents[0];
  }
  return chain.reverse();
}

/**
 * The folder's tree id in a commit and in its parent, descending level by level and stopping
 * as soon as both are equal (then nothing under it changed). Each level's parent tree is
 * derived from the child's, which the previous step of the walk has just parsed.
 */
async function folderPair(store: ObjectStore, child: Oid, parent: Oid | null, segments: string[]): Promise<[Oid | null, Oid | null]> {
  let c: Oid | null = child;
  let p: Oid | null = parent;
  for (const seg of segments) {
    if (c === p) return [c, p];
    const cNode: RawTree | null = c ? await store.tree(c) : null;
    const pNode: RawTree | null = p ? await store.tree(p, cNode) : null;
    c = cNode ? findEntry(cNode, seg, 'tree')?.oid ?? null : null;
    p = pNode ? findEntry(pNode, seg, 'tree')?.oid ?? null : null;
  }
  return [c, p];
}

/**
 * Walks `tip`'s first parents and returns, oldest first, every commit with the files it changed
 * under `prefixes` (folders). Walks newest to oldest so each tree is parsed once and derived
 * into its parent's.
 */
export async function walkFirstParent(store: ObjectStore, tip: Oid, prefixes: string[], memo?: WalkMemo): Promise<WalkedCommit[]> {
  const chain = await firstParentChain(store, tip, memo);
  const folders = prefixes.map(normalisePrefix);
  const out: WalkedCommit[] = new Array(chain.length);
  for (let i = chain.length - 1; i >= 0; i--) {
    const meta = chain[i]!;
    const parent = i > 0 ? chain[i - 1]! : null;
    const changes: PathChange[] = [];
    for (const prefix of folders) {
      let found = memo?.changes(prefix, meta.oid);
      if (!found) {
        const [c, p] = await folderPair(store, meta.tree, parent?.tree ?? null, prefix.split('/'));
        found = c === p ? [] : await store.diffTrees(p, c, prefix);
        memo?.putChanges(prefix, meta.oid, found);
      }
      changes.push(...found);
    }
    if (folders.length > 1) changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    out[i] = { meta, changes };
  }
  return out;
}
