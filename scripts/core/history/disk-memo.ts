// The walk's memo on disk (`.cache/history/`, git-ignored), so that the next run reads only the
// commits that arrived since. Entries are keyed by commit id and never go stale (a commit id
// fixes its parents and trees); a rewritten main simply has new ids. A damaged or foreign file
// is ignored and rewritten. Adapter: the only fs in the memo.
import fs from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Oid, Person } from './objects.js';
import type { PathChange } from './store.js';
import { MemoryMemo } from './walk.js';

// Bump when what is stored, or how a diff is computed, changes: old files are then ignored.
const VERSION = 1;

type PersonRow = [string, string, number, string];
type CommitRow = [Oid, Oid[], PersonRow, PersonRow, string];
type ChangeRow = [string, 'A' | 'M' | 'D', string, Oid, string, Oid];

const personRow = (p: Person): PersonRow => [p.name, p.email, p.timestamp, p.tz];
const rowPerson = (r: PersonRow): Person => ({ name: r[0], email: r[1], timestamp: r[2], tz: r[3] });

function readJson(path: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value));
  fs.renameSync(tmp, path);
}

export class DiskMemo extends MemoryMemo {
  private loadedPrefixes = new Set<string>();

  constructor(private dir: string) {
    super();
    const data = readJson(join(dir, 'commits.json')) as { version?: number; commits?: Record<Oid, CommitRow> } | null;
    if (data?.version === VERSION && data.commits) {
      for (const [oid, r] of Object.entries(data.commits)) {
        this.commits.set(oid, { oid, tree: r[0], parents: r[1], author: rowPerson(r[2]), committer: rowPerson(r[3]), message: r[4] });
      }
    }
  }

  private fileFor(prefix: string): string {
    const slug = prefix.replace(/[^a-zA-Z0-9-]+/g, '_').slice(0, 80);
    return join(this.dir, `changes-${slug}-${createHash('sha1').update(prefix).digest('hex').slice(0, 8)}.json`);
  }

  override changes(prefix: string, oid: Oid): PathChange[] | undefined {
    if (!this.loadedPrefixes.has(prefix)) {
      this.loadedPrefixes.add(prefix);
      const data = readJson(this.fileFor(prefix)) as { version?: number; prefix?: string; changes?: Record<Oid, ChangeRow[]> } | null;
      if (data?.version === VERSION && data.prefix === prefix && data.changes) {
        const m = new Map<Oid, PathChange[]>();
        for (const [c, rows] of Object.entries(data.changes)) {
          m.set(c, rows.map((r) => ({
            path: r[0],
            status: r[1],
            before: r[3] ? { mode: r[2], oid: r[3] } : null,
            after: r[5] ? { mode: r[4], oid: r[5] } : null,
          })));
        }
        // Entries computed in this process before the load stay.
        for (const [c, v] of this.byPrefix.get(prefix) ?? []) m.set(c, v);
        this.byPrefix.set(prefix, m);
      }
    }
    return super.changes(prefix, oid);
  }

  /** Writes the memo back when the walk added to it. Best effort: a read-only disk is no error. */
  save(): void {
    if (this.added === 0) return;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const commits: Record<Oid, CommitRow> = {};
      for (const [oid, c] of this.commits) commits[oid] = [c.tree, c.parents, personRow(c.author), personRow(c.committer), c.message];
      writeJsonAtomic(join(this.dir, 'commits.json'), { version: VERSION, commits });
      for (const [prefix, m] of this.byPrefix) {
        const changes: Record<Oid, ChangeRow[]> = {};
        for (const [oid, list] of m) {
          changes[oid] = list.map((c) => [c.path, c.status, c.before?.mode ?? '', c.before?.oid ?? '', c.after?.mode ?? '', c.after?.oid ?? '']);
        }
        writeJsonAtomic(this.fileFor(prefix), { version: VERSION, prefix, changes });
      }
      this.added = 0;
    } catch {
      // The memo only saves time; a run without it is still right.
    }
  }
}

