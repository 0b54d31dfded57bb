// The one load of content/ per build. Astro renders every page in the same process, so a
// module-level promise means the YAML is parsed once however many pages read it (platform
// notes: content collections deep-copy per page and bundle the whole store).
import { resolve } from 'node:path';
import { loadContent, type Content } from '../../scripts/core/load/content.js';
import { fsSource } from '../../scripts/io/fs-source.js';
import { parseInstant } from '../../scripts/core/time.js';

export interface SiteData {
  /** Absolute path of the checkout whose content/ the site shows. */
  root: string;
  content: Content;
}

/** PARINDEX_CONTENT_ROOT lets the local portal (and tests, benches) point the site at a clone. */
export function contentRoot(): string {
  return resolve(process.env.PARINDEX_CONTENT_ROOT ?? process.cwd());
}

let pending: Promise<SiteData> | undefined;
let loadedAt = 0;
/** `astro dev` (the local portal) must show edits: there the load is reused for a moment only. */
const DEV_REUSE_MS = 2000;

export function getData(): Promise<SiteData> {
  if (pending && import.meta.env.DEV && performance.now() - loadedAt > DEV_REUSE_MS) pending = undefined;
  if (!pending) loadedAt = performance.now();
  pending ??= (async () => {
    const root = contentRoot();
    const started = performance.now();
    const content = await loadContent(fsSource(root));
    const files = [...content.years.values()].reduce((n, y) => n + y.selfAssessments.size, 0);
    // One line per build: the tests count it to prove the data is read once, not per page.
    console.info(`[parindex] Đã đọc dữ liệu từ ${root}: ${content.registry.units.size} đơn vị, ${files} bảng tự chấm (${Math.round(performance.now() - started)} ms).`);
    return { root, content };
  })();
  return pending;
}

let buildNow: Date | undefined;

/** The instant the site is built for: PARINDEX_NOW (demos, tests) or the clock, fixed per build. */
export function siteNow(): Date {
  if (!buildNow || (import.meta.env.DEV && !process.env.PARINDEX_NOW)) {
    const fixed = process.env.PARINDEX_NOW ? parseInstant(process.env.PARINDEX_NOW) : null;
    buildNow = fixed ?? new Date();
  }
  return buildNow;
}

/**
 * True when the site runs on a set clock (PARINDEX_NOW, as `npm start` passes the portal's): the
 * page's own script must then count from that instant, not from the reader's clock, or a demo in
 * the 2023 window would say every deadline has passed.
 */
export function siteClockIsFixed(): boolean {
  return !!process.env.PARINDEX_NOW && parseInstant(process.env.PARINDEX_NOW) !== null;
}
