// Commits, trees and blobs over any object reader (the pack reader or isomorphic-git), with the
// one shared cache every history question goes through. No fs here: the reader is injected.
import {
  deriveTree, entryAt, entryCount, findEntry, isTreeMode, parseCommit, parseTree,
  type CommitObject, type EntryChange, type ObjectType, type Oid, type RawTree, type TreeEntry,
} from './objects.js';

export interface ObjectReader {
  /** Which implementation answers: figures and bug reports name it. */
  readonly engine: string;
  /** The object's type and content; throws MissingObjectError when the repository lacks it. */
  read(oid: Oid): Promise<{ type: ObjectType; data: Buffer }>;
}

export class MissingObjectError extends Error {
  constructor(readonly oid: Oid) {
    super(`missing git object ${oid}`);
  }
}

/** A changed file (folders are recursed into) between two trees; paths are repository-relative. */
export interface PathChange {
  path: string;
  status: 'A' | 'M' | 'D';
  before: { mode: string; oid: Oid } | null;
  after: { mode: string; oid: Oid } | null;
}

/** Bounded map that forgets the least recently used values first, by an estimated size. */
class Lru<V> {
  private map = new Map<string, { value: V; size: number }>();
  private total = 0;
  constructor(private budget: number) {}
  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }
  set(key: string, value: V, size: number): void {
    if (size > this.budget / 4) return; // one huge object must not flush everything else
    const old = this.map.get(key);
    if (old) {
      this.total -= old.size;
      this.map.delete(key);
    }
    this.map.set(key, { value, size });
    this.total += size;
    for (const [k, v] of this.map) {
      if (this.total <= this.budget) break;
      this.map.delete(k);
      this.total -= v.size;
    }
  }
}

export interface ObjectStoreOptions {
  /** Bytes of parsed trees kept (default 16 MB: the walk needs the last few of each folder). */
  treeCacheBytes?: number;
}

export class ObjectStore {
  private commits = new Map<Oid, CommitObject>();
  private trees: Lru<RawTree>;
  readonly engine: string;

  constructor(readonly reader: ObjectReader, options: ObjectStoreOptions = {}) {
    this.trees = new Lru(options.treeCacheBytes ?? 16 * 1024 * 1024);
    this.engine = reader.engine;
  }

  private async readTyped(oid: Oid, type: ObjectType): Promise<Buffer> {
    const obj = await this.reader.read(oid);
    if (obj.type === 'tag' && type !== 'tag') {
      // Refs may point at annotated tags: follow "object <oid>".
      const target = /^object ([0-9a-f]{40})/m.exec(obj.data.toString('latin1'))?.[1];
      if (target) return this.readTyped(target, type);
    }
    if (obj.type !== type) throw new Error(`git object ${oid} is a ${obj.type}, expected a ${type}`);
    return obj.data;
  }

  /** Follows annotated tags to the commit they name. */
  async peelToCommit(oid: Oid): Promise<Oid> {
    for (let depth = 0; depth < 10; depth++) {
      const obj = await this.reader.read(oid);
      if (obj.type === 'commit') return oid;
      const target = obj.type === 'tag' ? /^object ([0-9a-f]{40})/m.exec(obj.data.toString('latin1'))?.[1] : undefined;
      if (!target) throw new Error(`git object ${oid} is a ${obj.type}, not a commit`);
      oid = target;
    }
    throw new Error(`tag chain too long at ${oid}`);
  }

  async commit(oid: Oid): Promise<CommitObject> {
    let c = this.commits.get(oid);
    if (!c) {
      c = parseCommit(oid, await this.readTyped(oid, 'commit'));
      this.commits.set(oid, c);
    }
    return c;
  }

  /**
   * A parsed tree. `near` is the same folder in a neighbouring commit, already parsed: the new
   * tree's entry boundaries are then derived from it instead of parsing 4,000 entries again.
   */
  async tree(oid: Oid, near?: RawTree | null): Promise<RawTree> {
    const hit = this.trees.get(oid);
    if (hit) return hit;
    return near ? (await this.derive(near, oid)).tree : this.remember(parseTree(oid, await this.readTyped(oid, 'tree')));
  }

  private remember(tree: RawTree): RawTree {
    this.trees.set(tree.oid, tree, tree.buf.length + tree.bounds.byteLength);
    return tree;
  }

  /** Reads tree `oid` by deriving it from `known`, with the one-level diff known → oid. */
  private async derive(known: RawTree, oid: Oid): Promise<{ tree: RawTree; changes: EntryChange[] }> {
    const derived = deriveTree(known, oid, await this.readTyped(oid, 'tree'));
    this.remember(derived.tree);
    return derived;
  }

  async blob(oid: Oid): Promise<Buffer> {
    return this.readTyped(oid, 'blob');
  }

  /** The one-level difference before → after (either may be null: an absent folder). */
  async diffLevel(before: Oid | null, after: Oid | null): Promise<EntryChange[]> {
    if (before === after) return [];
    if (before === null || after === null) {
      const t = await this.tree((after ?? before)!);
      const out: EntryChange[] = [];
      for (let i = 0; i < entryCount(t); i++) {
        const e = entryAt(t, i);
        out.push({ name: e.name, before: before ? e : null, after: after ? e : null });
      }
      return out;
    }
    // Derive the tree we do not hold yet from the one we hold (the walk holds `after`, the
    // child's folder); the diff comes with it.
    const fromBefore = !this.trees.get(after) && this.trees.get(before) !== undefined;
    if (fromBefore) return (await this.derive(await this.tree(before), after)).changes;
    const { changes } = await this.derive(await this.tree(after), before);
    return changes.map((c) => ({ name: c.name, before: c.after, after: c.before }));
  }

  /** Every file that differs between two trees under `prefix` (recursing into changed folders). */
  async diffTrees(before: Oid | null, after: Oid | null, prefix: string): Promise<PathChange[]> {
    const out: PathChange[] = [];
    const visit = async (b: Oid | null, a: Oid | null, base: string): Promise<void> => {
      for (const c of await this.diffLevel(b, a)) {
        const path = base ? `${base}/${c.name}` : c.name;
        const bt = c.before && isTreeMode(c.before.mode) ? c.before : null;
        const at = c.after && isTreeMode(c.after.mode) ? c.after : null;
        if (bt || at) await visit(bt?.oid ?? null, at?.oid ?? null, path);
        const bf = c.before && !bt ? c.before : null;
        const af = c.after && !at ? c.after : null;
        if (bf || af) {
          out.push({
            path,
            status: bf && af ? 'M' : af ? 'A' : 'D',
            before: bf ? { mode: bf.mode, oid: bf.oid } : null,
            after: af ? { mode: af.mode, oid: af.oid } : null,
          });
        }
      }
    };
    await visit(before, after, prefix);
    out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    return out;
  }

  /** The entry at `path` ("" is the root tree itself) inside the tree `root`, or null. */
  async resolvePath(root: Oid, path: string, kind: 'tree' | 'blob' | 'any' = 'any'): Promise<TreeEntry | null> {
    const parts = path.split('/').filter(Boolean);
    if (parts.length === 0) return { mode: '40000', name: '', oid: root };
    let oid = root;
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      const e = findEntry(await this.tree(oid), parts[i]!, last ? kind : 'tree');
      if (!e) return null;
      if (last) return e;
      oid = e.oid;
    }
    return null;
  }

  /** Every file under the folder `path` of tree `root`, sorted, with blob ids. */
  async listFiles(root: Oid, path: string): Promise<{ path: string; oid: Oid; mode: string }[]> {
    const dir = path.replace(/\/+$/, '');
    const start = await this.resolvePath(root, dir, 'tree');
    if (!start || !isTreeMode(start.mode)) return [];
    const out: { path: string; oid: Oid; mode: string }[] = [];
    const visit = async (oid: Oid, base: string): Promise<void> => {
      const t = await this.tree(oid);
      for (let i = 0; i < entryCount(t); i++) {
        const e = entryAt(t, i);
        const p = base ? `${base}/${e.name}` : e.name;
        if (isTreeMode(e.mode)) await visit(e.oid, p);
        else if (e.mode !== '160000') out.push({ path: p, oid: e.oid, mode: e.mode }); // skip submodules
      }
    };
    await visit(start.oid, dir);
    out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    return out;
  }
}
