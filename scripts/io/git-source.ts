// A repository on disk read through isomorphic-git, so the gate runs on any clone without a git
// binary (CI runners, the portal, a province officer's laptop). One shared object cache per
// repository: without it every read re-inflates the same pack objects (platform notes).
import fs from 'node:fs';
import git from 'isomorphic-git';
import type { ContentSource } from '../core/source.js';

export interface GitRepo {
  dir: string;
  gitdir?: string;
  cache: object;
}

export class GitRefError extends Error {}

export function openGitRepo(dir: string, gitdir?: string): GitRepo {
  return { dir, ...(gitdir ? { gitdir } : {}), cache: {} };
}

const FULL_OID = /^[0-9a-f]{40}$/i;

/** A commit id, abbreviated id, branch, tag or remote ref → the full commit id. */
export async function resolveCommit(repo: GitRepo, ref: string): Promise<string> {
  const args = { fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache };
  let oid: string | null = null;
  if (FULL_OID.test(ref)) oid = ref.toLowerCase();
  if (!oid) {
    try { oid = await git.resolveRef({ ...args, ref }); } catch { oid = null; }
  }
  if (!oid && /^[0-9a-f]{4,39}$/i.test(ref)) {
    try { oid = await git.expandOid({ ...args, oid: ref.toLowerCase() }); } catch { oid = null; }
  }
  if (!oid) throw new GitRefError(`Không tìm thấy phiên bản “${ref}” trong kho ${repo.dir}.`);
  try {
    // Annotated tags and branch names both end at a commit; anything else is a usage mistake.
    const { oid: commit } = await git.readCommit({ ...args, oid });
    return commit;
  } catch {
    try {
      const tag = await git.readTag({ ...args, oid });
      return resolveCommit(repo, tag.tag.object);
    } catch {
      throw new GitRefError(`“${ref}” không phải là một commit trong kho ${repo.dir}.`);
    }
  }
}

/** Every file of `commit` as a ContentSource. Trees are read lazily and once per folder. */
export function gitSource(repo: GitRepo, commit: string): ContentSource {
  const args = { fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache };
  const trees = new Map<string, Promise<{ path: string; oid: string; type: string }[] | null>>();
  const readDir = (dir: string) => {
    let hit = trees.get(dir);
    if (!hit) {
      hit = git.readTree({ ...args, oid: commit, ...(dir ? { filepath: dir } : {}) })
        .then((t) => t.tree.map((e) => ({ path: e.path, oid: e.oid, type: e.type })))
        .catch(() => null);
      trees.set(dir, hit);
    }
    return hit;
  };
  return {
    async list(dir) {
      const root = dir.replace(/\/+$/, '');
      const out: string[] = [];
      const visit = async (d: string) => {
        const entries = await readDir(d);
        if (!entries) return;
        await Promise.all(entries.map(async (e) => {
          const p = d ? `${d}/${e.path}` : e.path;
          if (e.type === 'tree') await visit(p);
          else if (e.type === 'blob') out.push(p);
        }));
      };
      await visit(root);
      return out.sort();
    },
    async read(path) {
      if (!path || path.split('/').some((s) => s === '..' || s === '.' || s === '')) return null;
      try {
        const { blob } = await git.readBlob({ ...args, oid: commit, filepath: path });
        return blob;
      } catch {
        return null;
      }
    },
  };
}
