// Every URL the site writes: internal paths under the configured base, external links that
// only ever use http(s), and evidence files (published copies, or the repository when
// PARINDEX_REPO_URL says where it lives).
import { resolveEvidencePath } from '../../scripts/core/rules/evidence.js';
import { CONTENT_DIRS } from '../../scripts/core/kinds.js';
import { siteBase } from '../../scripts/site/config.js';

/** An internal path under Astro's base ("/parindex/" on Pages, "/" locally). */
export function href(path: string): string {
  return `${siteBase()}${path.replace(/^\/+/, '')}`;
}

/** Only http: and https: become links: a `javascript:` or `data:` URL stays inert text. */
export function safeExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** Where published evidence copies live in the built site. */
export const EVIDENCE_ROUTE = 'minh-chung';

const SAFE_SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]*$/u;

/**
 * The repository path of an evidence file an item cites, when it is inside that unit's own
 * folder (the same resolution the evidence rules use); null for anything else.
 */
export function evidencePath(file: string, year: number, unit: string): string | null {
  const resolved = resolveEvidencePath(file, year, unit);
  if (!resolved?.inside) return null;
  const rest = resolved.path.slice(`${CONTENT_DIRS.evidence}/`.length).split('/');
  return rest.every((s) => SAFE_SEGMENT.test(s) && s !== '..') ? resolved.path : null;
}

/** The route parameter of a published evidence copy: the path below content/evidence/. */
export function evidenceRouteParam(path: string): string {
  return path.slice(`${CONTENT_DIRS.evidence}/`.length);
}

/** Link to an evidence file: PARINDEX_REPO_URL/<path> when set, else the copy the site publishes. */
export function evidenceHref(path: string): string {
  const repo = safeExternalUrl(process.env.PARINDEX_REPO_URL ?? '');
  const encoded = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  if (repo) return `${repo.replace(/\/+$/, '')}/${encoded(path)}`;
  return href(`${EVIDENCE_ROUTE}/${encoded(evidenceRouteParam(path))}`);
}
