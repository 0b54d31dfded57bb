// The adapter between the history module and a repository on disk: the only file of the module
// that touches fs or isomorphic-git. Refs, short ids and any object the fast reader cannot find
// go through isomorphic-git; objects are read by a small pack/loose reader on node:zlib (see
// objects.ts for why). Both engines answer the same ObjectReader interface, and the tests run
// the walk with each against native git.
import fs from 'node:fs';
import { join, isAbsolute, resolve as resolvePath } from 'node:path';
import { inflateSync } from 'node:zlib';
import git from 'isomorphic-git';
import {
  applyDelta, entryExtent, findInIndex, parseLooseObject, parsePackEntryHeader, parsePackIndex,
  type ObjectType, type Oid, type PackIndex,
} from './objects.js';
import { MissingObjectError, ObjectStore, type ObjectReader, type ObjectStoreOptions } from './store.js';

export type Engine = 'fast' | 'isomorphic-git';

export interface Repository {
  /** The working tree (or the bare repository) given to openRepository. */
  dir: string;
  /** The per-worktree git directory (HEAD lives here). */
  gitdir: string;
  /** Where objects, refs and `shallow` live (differs from gitdir in a linked worktree). */
  commondir: string;
  store: ObjectStore;
  /** Resolves a ref name ("main", "origin/main", "HEAD", "refs/heads/x") to a commit id, or null. */
  resolveRef(ref: string): Promise<Oid | null>;
  /** Expands an abbreviated commit id; null when unknown or ambiguous. */
  expandOid(short: string): Promise<Oid | null>;
  /** True when the clone is shallow: its history is cut and any answer would be silently wrong. */
  isShallow(): boolean;
  /** Every value of a key in the repository's own git config (e.g. `parindex.sealKey`). */
  configAll(key: string): Promise<string[]>;
  /** Closes the pack files (also done when the repository object is garbage-collected). */
  close(): void;
}

function readIfExists(path: string): string | null {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Finds the git directory for `dir`: a `.git` folder, a `.git` file (worktree), or a bare repo. */
export function findGitdir(dir: string): { gitdir: string; commondir: string } | null {
  const dotgit = join(dir, '.git');
  let gitdir: string | null = null;
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(dotgit);
  } catch {
    stat = null;
  }
  if (stat?.isDirectory()) gitdir = dotgit;
  else if (stat?.isFile()) {
    const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotgit, 'utf8'));
    if (m) gitdir = isAbsolute(m[1]!.trim()) ? m[1]!.trim() : resolvePath(dir, m[1]!.trim());
  } else if (fs.existsSync(join(dir, 'objects')) && fs.existsSync(join(dir, 'HEAD'))) {
    gitdir = dir; // bare
  }
  if (!gitdir || !fs.existsSync(gitdir)) return null;
  const common = readIfExists(join(gitdir, 'commondir'))?.trim();
  const commondir = common ? (isAbsolute(common) ? common : resolvePath(gitdir, common)) : gitdir;
  return { gitdir, commondir };
}

const WINDOW = 1 << 20;
const MAX_WINDOWS = 32;

function readAt(pack: { fd: number; path: string }, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = fs.readSync(pack.fd, buf, got, length - got, position + got);
    if (n <= 0) throw new Error(`short read in ${pack.path}`);
    got += n;
  }
  return buf;
}

// A snapshot's ContentSource reads lazily, so nobody may call close() at the right time: pack
// descriptors are also closed when the reader is garbage-collected.
const openFds = new FinalizationRegistry<number[]>((fds) => {
  for (const fd of fds.splice(0)) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
  }
});

interface Pack {
  path: string;
  index: PackIndex;
  fd: number;
  size: number;
}

/**
 * Reads objects from packs (v2 index) and loose files with node:zlib, keeping resolved delta
 * bases in a bounded cache so that a delta chain is resolved once, whichever direction the
 * walk goes. Objects it cannot find are asked of isomorphic-git before giving up.
 */
class FastReader implements ObjectReader {
  readonly engine = 'fast';
  private packs: Pack[] = [];
  private scanned = new Set<string>();
  private cache = new Map<string, { type: ObjectType; data: Buffer }>();
  private windows = new Map<string, Buffer>();
  private cached = 0;
  // Enough for a delta chain of ~100 versions of a 128 KB folder tree; more only feeds the GC.
  private readonly budget = 24 * 1024 * 1024;

  private fds: number[] = [];

  constructor(private objectsDir: string, private fallback: ObjectReader, private window = WINDOW) {
    openFds.register(this, this.fds, this);
    this.scanPacks();
  }

  private scanPacks(): boolean {
    const dir = join(this.objectsDir, 'pack');
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith('.idx')).sort();
    } catch {
      return false;
    }
    let added = false;
    for (const name of names) {
      if (this.scanned.has(name)) continue;
      this.scanned.add(name);
      const packPath = join(dir, name.replace(/\.idx$/, '.pack'));
      let index: PackIndex | null = null;
      try {
        index = parsePackIndex(fs.readFileSync(join(dir, name)));
      } catch {
        index = null;
      }
      if (!index || !fs.existsSync(packPath)) continue; // v1 index or half-written pack: the fallback reads it
      const fd = fs.openSync(packPath, 'r');
      this.fds.push(fd);
      this.packs.push({ path: packPath, index, fd, size: fs.fstatSync(fd).size });
      added = true;
    }
    return added;
  }

  private remember(key: string, value: { type: ObjectType; data: Buffer }): void {
    const size = value.data.length;
    if (size > this.budget / 8) return;
    this.cache.set(key, value);
    this.cached += size;
    if (this.cached > this.budget) {
      for (const [k, v] of this.cache) {
        this.cache.delete(k);
        this.cached -= v.data.length;
        if (this.cached <= this.budget / 2) break;
      }
    }
  }

  /**
   * The bytes of the pack entry at `offset`. Reads go through 1 MB windows kept in a small LRU,
   * like git's mmap windows: a walk reads neighbouring entries, so most entries are a view into
   * a window already read (no syscall, no copy); an entry larger than a window is read alone.
   */
  private readEntryBytes(pack: Pack, offset: number): Buffer {
    const end = entryExtent(pack.index, offset, pack.size);
    const size = this.window;
    const start = Math.floor(offset / size) * size;
    if (end <= start + size) {
      const key = `${pack.path}:${start}`;
      let win = this.windows.get(key);
      if (win) {
        this.windows.delete(key);
      } else {
        win = readAt(pack, start, Math.min(size, pack.size - start));
        if (this.windows.size >= MAX_WINDOWS) this.windows.delete(this.windows.keys().next().value!);
      }
      this.windows.set(key, win);
      return win.subarray(offset - start, end - start);
    }
    return readAt(pack, offset, end - offset);
  }

  private fromPack(pack: Pack, offset: number): { type: ObjectType; data: Buffer } {
    const packId = this.packs.indexOf(pack);
    const chain: { key: string; delta: Buffer }[] = [];
    let base: { type: ObjectType; data: Buffer } | null = null;
    let at = offset;
    while (!base) {
      const key = `${packId}:${at}`;
      const hit = this.cache.get(key);
      if (hit) {
        base = hit;
        break;
      }
      const entry = this.readEntryBytes(pack, at);
      const h = parsePackEntryHeader(entry, at);
      const data = inflateSync(entry.subarray(h.dataStart));
      if (h.kind === 'ofs') {
        chain.push({ key, delta: data });
        at = h.baseOffset!;
      } else if (h.kind === 'ref') {
        chain.push({ key, delta: data });
        base = this.readSync(h.baseOid!);
        if (!base) throw new MissingObjectError(h.baseOid!);
      } else {
        base = { type: h.kind, data };
        this.remember(key, base);
      }
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base = { type: base.type, data: applyDelta(chain[i]!.delta, base.data) };
      this.remember(chain[i]!.key, base);
    }
    return base;
  }

  private readSync(oid: Oid): { type: ObjectType; data: Buffer } | null {
    const raw = Buffer.from(oid, 'hex');
    for (const pack of this.packs) {
      const off = findInIndex(pack.index, raw);
      if (off >= 0) return this.fromPack(pack, off);
    }
    let file: Buffer | null = null;
    try {
      file = fs.readFileSync(join(this.objectsDir, oid.slice(0, 2), oid.slice(2)));
    } catch {
      file = null;
    }
    if (file) return parseLooseObject(inflateSync(file));
    // A repack or fetch may have added a pack since we opened the repository.
    if (this.scanPacks()) return this.readSync(oid);
    return null;
  }

  async read(oid: Oid): Promise<{ type: ObjectType; data: Buffer }> {
    if (!/^[0-9a-f]{40}$/.test(oid)) throw new MissingObjectError(oid);
    return this.readSync(oid) ?? this.fallback.read(oid);
  }

  /** Closes the packs now; a later read reopens them (and they close again on GC). */
  close(): void {
    for (const fd of this.fds.splice(0)) fs.closeSync(fd);
    this.packs = [];
    this.scanned.clear();
    this.cache.clear();
    this.windows.clear();
  }
}

function isomorphicReader(gitdir: string): ObjectReader {
  const cache = {};
  return {
    engine: 'isomorphic-git',
    async read(oid) {
      try {
        const r = await git.readObject({ fs, gitdir, oid, format: 'content', cache });
        const data = Buffer.from(r.object as Uint8Array);
        return { type: r.type as ObjectType, data };
      } catch (error) {
        if ((error as { code?: string }).code === 'NotFoundError') throw new MissingObjectError(oid);
        throw error;
      }
    },
  };
}

export interface OpenOptions extends ObjectStoreOptions {
  /** 'fast' (default): the pack reader, isomorphic-git for the rest. 'isomorphic-git': all of it. */
  engine?: Engine;
  /** Bytes per pack read window (default 1 MB); tests shrink it to cross window edges. */
  packWindowBytes?: number;
}

/** Opens the repository whose working tree (or bare directory) is `dir`; null when there is none. */
export function openRepository(dir: string, options: OpenOptions = {}): Repository | null {
  const found = findGitdir(dir);
  if (!found) return null;
  const { gitdir, commondir } = found;
  const iso = isomorphicReader(commondir);
  const fast = options.engine === 'isomorphic-git' ? null : new FastReader(join(commondir, 'objects'), iso, options.packWindowBytes);
  const reader = fast ?? iso;
  const store = new ObjectStore(reader, options);
  return {
    dir,
    gitdir,
    commondir,
    store,
    async resolveRef(ref) {
      try {
        // HEAD is per worktree; every other ref lives in the common directory.
        const oid = await git.resolveRef({ fs, gitdir: ref === 'HEAD' ? gitdir : commondir, ref });
        if (ref === 'HEAD' && gitdir !== commondir && !/^[0-9a-f]{40}$/.test(oid)) return null;
        return await store.peelToCommit(oid);
      } catch {
        return null;
      }
    },
    async expandOid(short) {
      if (!/^[0-9a-f]{4,40}$/i.test(short)) return null;
      try {
        return await git.expandOid({ fs, gitdir: commondir, oid: short.toLowerCase() });
      } catch {
        return null;
      }
    },
    async configAll(key) {
      try {
        return (await git.getConfigAll({ fs, gitdir: commondir, path: key })).filter((v): v is string => typeof v === 'string');
      } catch {
        return [];
      }
    },
    close() {
      fast?.close();
    },
    isShallow() {
      const text = readIfExists(join(commondir, 'shallow')) ?? readIfExists(join(gitdir, 'shallow'));
      return text !== null && text.trim().length > 0;
    },
  };
}
