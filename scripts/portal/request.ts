// The shape of a decap-server request, checked before anything else (docs/security.md §Portal):
// a known action, the main branch, canonical paths under content/, safe collection and slug
// names (they become branch names), no moves, uploads under the size cap. Deny by default: an
// action this table does not name is refused, whatever decap-server would do with it.
import { canonicalPath, pathProblemMessage } from '../core/paths.js';
import { CONTENT_DIRS } from '../core/kinds.js';
import { MAIN_BRANCH } from './clone.js';
import { msg } from './messages.js';

/** Actions that only read; they still get their paths checked (decap-server reads from disk). */
export const READ_ACTIONS = new Set([
  'info', 'entriesByFolder', 'entriesByFiles', 'getEntry', 'unpublishedEntries', 'unpublishedEntry',
  'unpublishedEntryDataFile', 'unpublishedEntryMediaFile', 'getMedia', 'getMediaFile', 'getDeployPreview',
]);

/** Actions that write (or decide what main receives): judged one at a time. */
export const GUARDED_ACTIONS = new Set([
  'persistEntry', 'persistMedia', 'deleteFile', 'deleteFiles',
  'updateUnpublishedEntryStatus', 'publishUnpublishedEntry', 'deleteUnpublishedEntry',
]);

/** Everything decap-server's editorial workflow writes lives here; code and `.git` never do. */
const CONTENT_ROOT = 'content/';

/** Collection names and slugs become `cms/<collection>/<slug>` branch names. */
const NAME = /^[a-z0-9][a-z0-9_-]{0,99}$/i;

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

interface FileParam { path?: unknown; newPath?: unknown; slug?: unknown; raw?: unknown }
interface AssetParam { path?: unknown; content?: unknown; encoding?: unknown }

export type Shape = { ok: true } | { ok: false; status: number; text: string };

const refuse = (text: string, status = 403): Shape => ({ ok: false, status, text });

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Every path a request names, with the field it came from (for the message). */
function pathsOf(action: string, p: Record<string, unknown>): unknown[] {
  const files = [...asArray(p.dataFiles), ...(p.entry ? [p.entry] : [])] as FileParam[];
  switch (action) {
    case 'entriesByFolder': return [p.folder];
    case 'entriesByFiles': return asArray(p.files).map((f) => (f as FileParam)?.path);
    case 'getEntry': case 'getMediaFile': case 'unpublishedEntryDataFile': case 'unpublishedEntryMediaFile': case 'deleteFile':
      return [p.path];
    case 'getMedia': return [typeof p.mediaFolder === 'string' ? p.mediaFolder.replace(/\/+$/, '') : p.mediaFolder];
    case 'deleteFiles': return asArray(p.paths);
    case 'persistMedia': return [(p.asset as AssetParam | undefined)?.path];
    case 'persistEntry': return [...files.flatMap((f) => [f.path, ...(f.newPath !== undefined ? [f.newPath] : [])]),
      ...asArray(p.assets).map((a) => (a as AssetParam)?.path)];
    default: return [];
  }
}

/** Names that become a branch: collection and slug of the entry the action is about. */
function namesOf(action: string, p: Record<string, unknown>): unknown[] {
  switch (action) {
    case 'unpublishedEntry':
      if (typeof p.id === 'string') return p.id.split('/').length === 2 ? p.id.split('/') : [p.id];
      return [p.collection, p.slug];
    case 'unpublishedEntryDataFile': case 'unpublishedEntryMediaFile': case 'deleteUnpublishedEntry':
    case 'updateUnpublishedEntryStatus': case 'publishUnpublishedEntry':
      return [p.collection, p.slug];
    case 'persistEntry': {
      const options = (p.options ?? {}) as { useWorkflow?: unknown; collectionName?: unknown };
      const files = [...asArray(p.dataFiles), ...(p.entry ? [p.entry] : [])] as FileParam[];
      return options.useWorkflow ? [options.collectionName, ...files.map((f) => f.slug)] : [];
    }
    default: return [];
  }
}

/** The decoded size of a base64 (or other) asset, without decoding it. */
function assetBytes(a: AssetParam): number {
  if (typeof a.content !== 'string') return 0;
  if (a.encoding === 'base64') return Math.floor((a.content.replace(/=+$/, '').length * 3) / 4);
  return Buffer.byteLength(a.content, (typeof a.encoding === 'string' ? a.encoding : 'utf8') as BufferEncoding);
}

/** The CMS's editorial collections (scripts/generate/cms.ts): `<folder>-<year>`, one file per unit. */
const COLLECTION_FOLDERS = [CONTENT_DIRS.selfAssessments, CONTENT_DIRS.appraisals];

/** The one file an entry of this collection and slug may be, or null for an unknown collection. */
export function entryPath(collection: string, slug: string): string | null {
  const m = /^([a-z-]+)-(\d{4})$/.exec(collection);
  const folder = m && COLLECTION_FOLDERS.find((f) => f === `content/${m[1]}`);
  return folder ? `${folder}/${m[2]}/${slug}.yaml` : null;
}

export function checkRequest(action: string, params: unknown, maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES): Shape {
  if (!READ_ACTIONS.has(action) && !GUARDED_ACTIONS.has(action)) return refuse(msg.unknownAction(action), 400);
  if (action === 'info') return { ok: true };
  const p = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  // Every action runs against one branch decap-server checks out; only main is the CMS's.
  if (p.branch !== MAIN_BRANCH) return refuse(msg.wrongBranch(String(p.branch ?? '')));

  for (const path of pathsOf(action, p)) {
    const canon = canonicalPath(path);
    if (!canon.ok) return refuse(pathProblemMessage(path, canon.problem));
    if (!canon.path.startsWith(CONTENT_ROOT)) return refuse(msg.outsideContent(canon.path));
  }
  const names = namesOf(action, p);
  for (const name of names) {
    if (typeof name !== 'string' || !NAME.test(name)) return refuse(msg.badName(String(name ?? '')));
  }
  if (names.length && entryPath(String(names[0]), 'x') === null) return refuse(msg.badName(String(names[0])));

  if (action === 'persistEntry') {
    const files = [...asArray(p.dataFiles), ...(p.entry ? [p.entry] : [])] as FileParam[];
    if (!files.length) return refuse(msg.badRequest, 400);
    for (const f of files) {
      // Decap moves a file when a slug field changes; a unit's files have fixed names, and
      // decap-server's move renames whole folders in the working tree.
      if (f.newPath !== undefined && f.newPath !== f.path) return refuse(msg.moveRefused(String(f.path), String(f.newPath)));
      const options = (p.options ?? {}) as { useWorkflow?: unknown; collectionName?: unknown };
      // Collection and slug name the draft branch: the file must be that entry's own file, or a
      // save of one unit's file would land on another unit's (or the council's) branch.
      if (options.useWorkflow && f.path !== entryPath(String(options.collectionName), String(f.slug))) {
        return refuse(msg.slugMismatch(String(f.slug), String(f.path)));
      }
    }
  }
  const assets = [...asArray(p.assets), ...(p.asset ? [p.asset] : [])] as AssetParam[];
  for (const a of assets) {
    if (assetBytes(a) > maxUploadBytes) return refuse(msg.uploadTooLarge(String(a.path), assetBytes(a), maxUploadBytes), 413);
  }
  return { ok: true };
}
