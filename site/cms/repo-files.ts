// Evidence bytes for the rules in the browser, read the way Decap itself sees the entry: first
// the files the officer uploaded in this session, then the entry's workflow branch, then the
// main branch, through the backend Decap is using (GitHub API or the portal's git server).
import type { ContentSource } from '../../scripts/core/source.js';

export interface MediaFileLike { file?: Blob; url?: string }

/** The part of a Decap backend implementation the CMS reads through. */
export interface BackendReader {
  unpublishedEntry(args: { collection: string; slug: string }): Promise<{ diffs?: { path: string; id: string }[] }>;
  unpublishedEntryDataFile(collection: string, slug: string, path: string, id: string): Promise<string>;
  unpublishedEntryMediaFile(collection: string, slug: string, path: string, id: string): Promise<MediaFileLike>;
  getMediaFile(path: string): Promise<MediaFileLike>;
}

let backend: BackendReader | null = null;
const uploads = new Map<string, Uint8Array>();
const mainCache = new Map<string, Promise<Uint8Array | null>>();

export function setActiveBackend(b: BackendReader): void {
  backend = b;
}

export function activeBackend(): BackendReader | null {
  return backend;
}

/** Bytes the officer just uploaded: the rules read them before they reach any branch. */
export function rememberUpload(path: string, bytes: Uint8Array): void {
  uploads.set(path, bytes);
}

export function sessionUpload(path: string): Uint8Array | undefined {
  return uploads.get(path);
}

async function bytesOf(file: MediaFileLike): Promise<Uint8Array | null> {
  if (file.file) return new Uint8Array(await file.file.arrayBuffer());
  if (file.url) return new Uint8Array(await (await fetch(file.url)).arrayBuffer());
  return null;
}

function readMain(reader: BackendReader, path: string): Promise<Uint8Array | null> {
  let hit = mainCache.get(path);
  if (!hit) {
    // A failed read is reported by the rules as a missing file: the message names the file,
    // and the gate re-checks on the server anyway.
    hit = reader.getMediaFile(path).then(bytesOf, () => null);
    mainCache.set(path, hit);
    void hit.then((b) => { if (b === null) mainCache.delete(path); });
  }
  return hit;
}

export async function branchDiffs(reader: BackendReader, collection: string, slug: string): Promise<Map<string, string>> {
  try {
    const entry = await reader.unpublishedEntry({ collection, slug });
    return new Map((entry.diffs ?? []).map((d) => [d.path, d.id]));
  } catch {
    return new Map(); // not under the editorial workflow: everything is on main
  }
}

/**
 * Evidence as one ContentSource. `entry` names the workflow entry whose branch is read first;
 * `diffs` may be given when the caller already fetched them.
 */
export function evidenceSource(entry: { collection: string; slug: string } | null, diffs?: Map<string, string>,
  reader: BackendReader | null = backend): ContentSource {
  let branch: Promise<Map<string, string>> | null = diffs ? Promise.resolve(diffs) : null;
  const branchCache = new Map<string, Promise<Uint8Array | null>>();
  return {
    async list() {
      return [];
    },
    async read(path) {
      const own = uploads.get(path);
      if (own) return own;
      if (!reader) return null;
      if (entry) {
        branch ??= branchDiffs(reader, entry.collection, entry.slug);
        const id = (await branch).get(path);
        if (id !== undefined) {
          let hit = branchCache.get(path);
          if (!hit) {
            hit = reader.unpublishedEntryMediaFile(entry.collection, entry.slug, path, id).then(bytesOf, () => null);
            branchCache.set(path, hit);
          }
          return hit;
        }
      }
      return readMain(reader, path);
    },
  };
}
