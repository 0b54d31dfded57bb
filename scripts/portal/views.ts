// The changes a direct write to main makes (Decap's media library and non-workflow saves commit
// straight to the branch): judged like any other change, as files added, modified or removed.
import type { ContentSource } from '../core/source.js';
import { memorySource, overlaySource } from '../core/source.js';
import type { ChangedFile } from '../core/gate/index.js';

export interface DirectWrite {
  changes: ChangedFile[];
  /** `base` with the written files in and the deleted ones gone. */
  head: ContentSource;
}

export async function directWrite(base: ContentSource, written: Record<string, Uint8Array | string>, deleted: readonly string[] = []): Promise<DirectWrite> {
  const changes: ChangedFile[] = [];
  for (const path of Object.keys(written)) changes.push({ path, status: (await base.read(path)) ? 'modified' : 'added' });
  for (const path of deleted) if (!(path in written) && (await base.read(path))) changes.push({ path, status: 'removed' });
  const gone = new Set(deleted.filter((p) => !(p in written)));
  const remaining: ContentSource = {
    list: async (dir) => (await base.list(dir)).filter((p) => !gone.has(p)),
    read: async (p) => (gone.has(p) ? null : base.read(p)),
  };
  return { changes, head: overlaySource(memorySource(written), remaining) };
}
