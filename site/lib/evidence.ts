// The evidence files the site publishes: those a valid self-assessment cites, inside the
// citing unit's own folder, and present on disk. Computed once per build.
import { CONTENT_DIRS } from '../../scripts/core/kinds.js';
import { fsSource } from '../../scripts/io/fs-source.js';
import type { SiteData } from './data.js';
import { evidencePath } from './links.js';

const cache = new WeakMap<SiteData, Promise<Set<string>>>();

export function publishedEvidence(data: SiteData): Promise<Set<string>> {
  let pending = cache.get(data);
  if (pending) return pending;
  pending = (async () => {
    const onDisk = new Set(await fsSource(data.root).list(CONTENT_DIRS.evidence));
    const cited = new Set<string>();
    for (const [year, y] of data.content.years) {
      for (const [unit, sa] of y.selfAssessments) {
        for (const item of sa.items) {
          for (const ev of item.evidence ?? []) {
            const p = ev.file ? evidencePath(ev.file, year, unit) : null;
            if (p && onDisk.has(p)) cited.add(p);
          }
        }
      }
    }
    return cited;
  })();
  cache.set(data, pending);
  return pending;
}
