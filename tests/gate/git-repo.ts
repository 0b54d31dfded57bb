// Real git repositories for the gate tests, written object by object with isomorphic-git: no
// working tree, no checkout, no git binary. Each commit is a full snapshot (a flat path → bytes
// map) so a test states exactly what the branch holds. Commit dates are set on purpose to
// misleading values: the gate must never read them.
import fs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import git from 'isomorphic-git';
import { BASE_ROOT } from '../helpers/fixtures.js';

export type Files = Map<string, Uint8Array>;

const enc = new TextEncoder();

export const ACCESS_YAML = `admins:
  team: so-noi-vu-cchc
  users: [admin-snv]
council:
  team: hoi-dong-tham-dinh
  users: [council-1]
mergeBot: parindex-bot[bot]
`;

/** The mini fixture repository (tests/fixtures/base) plus content/access.yaml. */
export function baseFiles(): Files {
  const out: Files = new Map();
  const walk = (abs: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const p = join(abs, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(BASE_ROOT, p).split(sep).join('/'), new Uint8Array(readFileSync(p)));
    }
  };
  walk(join(BASE_ROOT, 'content'));
  out.set('content/access.yaml', enc.encode(ACCESS_YAML));
  out.set('README.md', enc.encode('# Kho thử nghiệm\n'));
  return out;
}

export function text(files: Files, path: string): string {
  const b = files.get(path);
  if (!b) throw new Error(`no ${path} in snapshot`);
  return new TextDecoder().decode(b);
}

/** A copy of `files` with these paths written (string or bytes) or deleted (null). */
export function edit(files: Files, changes: Record<string, string | Uint8Array | null>): Files {
  const out: Files = new Map(files);
  for (const [p, v] of Object.entries(changes)) {
    if (v === null) out.delete(p);
    else out.set(p, typeof v === 'string' ? enc.encode(v) : v);
  }
  return out;
}

export class TestRepo {
  private constructor(readonly dir: string) {}
  static async create(): Promise<TestRepo> {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-gate-'));
    await git.init({ fs, dir, defaultBranch: 'main' });
    return new TestRepo(dir);
  }

  private async tree(files: Files, prefix = ''): Promise<string> {
    const blobs: { mode: string; path: string; oid: string; type: 'blob' | 'tree' }[] = [];
    const dirs = new Set<string>();
    for (const [p, bytes] of files) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash >= 0) { dirs.add(rest.slice(0, slash)); continue; }
      blobs.push({ mode: '100644', path: rest, type: 'blob', oid: await git.writeBlob({ fs, dir: this.dir, blob: bytes }) });
    }
    for (const d of dirs) blobs.push({ mode: '040000', path: d, type: 'tree', oid: await this.tree(files, `${prefix}${d}/`) });
    return git.writeTree({ fs, dir: this.dir, tree: blobs });
  }

  /** Commits a full snapshot on `branch` (created or moved) and returns the commit id. */
  async commit(files: Files, options: { branch: string; parents?: string[]; message?: string; date?: string; author?: string }): Promise<string> {
    const tree = await this.tree(files);
    const when = Math.floor(new Date(options.date ?? '2023-11-10T09:00:00+07:00').getTime() / 1000);
    const who = { name: options.author ?? 'Cán bộ', email: `${options.author ?? 'can-bo'}@example.gov.vn`, timestamp: when, timezoneOffset: -420 };
    const oid = await git.writeCommit({
      fs, dir: this.dir,
      commit: { message: `${options.message ?? 'Cập nhật'}\n`, tree, parent: options.parents ?? [], author: who, committer: who },
    });
    await git.writeRef({ fs, dir: this.dir, ref: `refs/heads/${options.branch}`, value: oid, force: true });
    return oid;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
