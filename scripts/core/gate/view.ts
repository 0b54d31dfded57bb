// What the target branch would hold after a change: the base with the changed paths taken from
// the head and removed (or renamed-away) paths gone. The gate judges this, not the branch alone:
// a branch started before main moved lacks other units' newer files, and validating it would
// report stale errors or miss what the merge breaks.
import type { ContentSource } from '../source.js';
import type { ChangedFile } from './index.js';

export function mergedView(base: ContentSource, head: ContentSource, changes: readonly ChangedFile[]): ContentSource {
  const fromHead = new Set<string>();
  const gone = new Set<string>();
  for (const c of changes) {
    if (c.status === 'removed') gone.add(c.path);
    else fromHead.add(c.path);
    if (c.previousPath) gone.add(c.previousPath);
  }
  for (const p of fromHead) gone.delete(p);
  return {
    async list(dir) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const listed = new Set((await base.list(dir)).filter((p) => !gone.has(p)));
      for (const p of fromHead) if (p.startsWith(prefix)) listed.add(p);
      return [...listed].sort();
    },
    async read(path) {
      if (gone.has(path)) return null;
      return fromHead.has(path) ? head.read(path) : base.read(path);
    },
  };
}
