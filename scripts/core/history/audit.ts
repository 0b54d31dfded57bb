// The audit log of one unit: each change to its self-assessment and evidence files on main,
// who made it and when, and what changed item by item. `diffSelfAssessments` is the pure part
// (two parsed documents in, item changes out); `buildAuditLog` lays the walk's changes out in
// order and asks an injected reader for the file versions.
import { toZonedIso } from '../time.js';
import type { Oid } from './objects.js';
import type { PathChange } from './store.js';
import { arrivalRecord, pairRenames, unitOfPath, type ArrivalRecord } from './timeline.js';
import type { Arrival } from './times.js';
import type { WalkedCommit } from './walk.js';

export interface EvidenceRef {
  number: string;
  file: string | null;
  url: string | null;
}

export interface ItemChange {
  code: string;
  change: 'added' | 'removed' | 'changed';
  /** Set when the score differs (null values: no score on that side). */
  score: { before: number | null; after: number | null; delta: number | null } | null;
  notApplicable: { before: boolean; after: boolean } | null;
  figuresChanged: boolean;
  explanationChanged: boolean;
  evidence: { added: EvidenceRef[]; removed: EvidenceRef[]; changed: EvidenceRef[] };
}

export interface DocumentDiff {
  items: ItemChange[];
  /** Top-level fields other than `items` that differ (preparedBy, framework…). */
  fields: string[];
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with sorted keys: two values are equal when their canonical forms are. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRec(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

function itemsByCode(doc: unknown): Map<string, Rec> {
  const out = new Map<string, Rec>();
  const items = isRec(doc) && Array.isArray(doc.items) ? doc.items : [];
  for (const it of items) if (isRec(it) && (typeof it.code === 'string' || typeof it.code === 'number')) out.set(String(it.code), it);
  return out;
}

function evidenceRef(e: unknown): EvidenceRef {
  const r = isRec(e) ? e : {};
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
  return { number: str(r.number) ?? '', file: str(r.file), url: str(r.url) };
}

/** Evidence records keyed by document number and file/url (numbered on repeats). */
function evidenceByKey(item: Rec | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const list = item && Array.isArray(item.evidence) ? item.evidence : [];
  for (const e of list) {
    const ref = evidenceRef(e);
    const base = `${ref.number}|${ref.file ?? ref.url ?? ''}`;
    let key = base;
    for (let n = 2; out.has(key); n++) key = `${base}#${n}`;
    out.set(key, e);
  }
  return out;
}

const scoreOf = (it: Rec | undefined): number | null => (it && typeof it.score === 'number' ? it.score : null);
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** What changed between two versions of a self-assessment, item by item (by criterion code). */
export function diffSelfAssessments(before: unknown, after: unknown): DocumentDiff {
  const a = itemsByCode(before);
  const b = itemsByCode(after);
  const codes = [...new Set([...a.keys(), ...b.keys()])];
  const items: ItemChange[] = [];
  for (const code of codes) {
    const x = a.get(code);
    const y = b.get(code);
    if (x && y && canonical(x) === canonical(y)) continue;
    const sx = scoreOf(x);
    const sy = scoreOf(y);
    const ex = evidenceByKey(x);
    const ey = evidenceByKey(y);
    const evidence = { added: [] as EvidenceRef[], removed: [] as EvidenceRef[], changed: [] as EvidenceRef[] };
    for (const [k, e] of ey) {
      if (!ex.has(k)) evidence.added.push(evidenceRef(e));
      else if (canonical(ex.get(k)) !== canonical(e)) evidence.changed.push(evidenceRef(e));
    }
    for (const [k, e] of ex) if (!ey.has(k)) evidence.removed.push(evidenceRef(e));
    const na = (it: Rec | undefined) => it?.notApplicable === true;
    items.push({
      code,
      change: !x ? 'added' : !y ? 'removed' : 'changed',
      score: sx !== sy ? { before: sx, after: sy, delta: sx !== null && sy !== null ? round(sy - sx) : null } : null,
      notApplicable: na(x) !== na(y) ? { before: na(x), after: na(y) } : null,
      figuresChanged: canonical(x?.figures ?? null) !== canonical(y?.figures ?? null),
      explanationChanged: (x?.explanation ?? null) !== (y?.explanation ?? null),
      evidence,
    });
  }
  // A file that did not exist (or was not a mapping) has no fields to compare: a creation is
  // reported by its items, not as "every field changed".
  if (!isRec(before) || !isRec(after)) return { items, fields: [] };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('items');
  const fields = [...keys].filter((k) => canonical(before[k]) !== canonical(after[k])).sort();
  return { items, fields };
}

export interface EvidenceFileChange {
  path: string;
  status: 'added' | 'modified' | 'deleted';
  blobBefore: Oid | null;
  blobAfter: Oid | null;
  /** Arrived on main at or after the lock (the self-assessment deadline). */
  afterLock: boolean;
}

export interface SelfAssessmentChange {
  path: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  renamedFrom: string | null;
  blobBefore: Oid | null;
  blobAfter: Oid | null;
  items: ItemChange[];
  fields: string[];
  /** Why a version could not be read as YAML (then `items` is empty). */
  unreadable: string | null;
}

export interface Contributor {
  sha: Oid;
  name: string;
  email: string;
  committedAt: string;
}

export interface AuditEntry extends ArrivalRecord {
  /** For a merge: the commits of the merged branch that changed the unit's files. */
  contributors: Contributor[];
  /** The campaign phase open when the change arrived, if any. */
  phase: { id: string; name: string } | null;
  afterLock: boolean;
  selfAssessment: SelfAssessmentChange | null;
  evidence: EvidenceFileChange[];
}

export interface AuditLog {
  unit: string;
  year: number;
  ref: string;
  tip: Oid;
  /** Changes after `from` (exclusive) up to `to` (inclusive); null `from`: from the beginning. */
  from: { sha: Oid; time: string } | null;
  to: { sha: Oid; time: string } | null;
  lock: string | null;
  entries: AuditEntry[];
  /** The self-assessment at `from` against the one at `to`. */
  net: DocumentDiff;
  /** Evidence files whose content at `to` differs from the lock snapshot. */
  evidenceChangedAfterLock: { path: string; status: 'added' | 'modified' | 'deleted' }[];
}

export interface AuditInput {
  unit: string;
  year: number;
  ref: string;
  /** The self-assessment folder ("content/self-assessments/2023") and the unit's evidence folder. */
  folder: string;
  evidenceFolder: string;
  walked: WalkedCommit[];
  arrivals: Arrival[];
  /** indexByUnit(walked, …): which commits touch which unit's files. */
  index: Map<string, number[]>;
  /** Range in `walked`: entries with fromIndex < i ≤ toIndex. */
  fromIndex: number;
  toIndex: number;
  lock: Date | null;
  phaseAt: (t: Date) => { id: string; name: string } | null;
  /** Parsed YAML of a blob, or the reason it cannot be read. */
  readYaml: (oid: Oid, path: string) => Promise<{ data: unknown; error: string | null }>;
  /** For merge commits: who changed the given paths on the merged branch. */
  contributors?: (index: number, paths: string[]) => Promise<Contributor[]>;
}

const inFolder = (folder: string, path: string) => path.startsWith(`${folder.replace(/\/+$/, '')}/`);

/**
 * For each unit, the indices (ascending) of the commits that touch its self-assessment in
 * `folder` or anything under `<evidenceRoot>/<unit>/`. Built once per walk: an audit log then
 * reads only its unit's commits.
 */
export function indexByUnit(walked: WalkedCommit[], folder: string, evidenceRoot: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const evidencePrefix = `${evidenceRoot.replace(/\/+$/, '')}/`;
  for (let i = 0; i < walked.length; i++) {
    for (const c of walked[i]!.changes) {
      let unit = unitOfPath(folder, c.path);
      if (unit === null && c.path.startsWith(evidencePrefix)) {
        const rest = c.path.slice(evidencePrefix.length);
        const slash = rest.indexOf('/');
        unit = slash > 0 ? rest.slice(0, slash) : null;
      }
      if (unit === null) continue;
      let list = out.get(unit);
      if (!list) out.set(unit, (list = []));
      if (list[list.length - 1] !== i) list.push(i);
    }
  }
  return out;
}

export async function buildAuditLog(input: AuditInput): Promise<AuditLog> {
  const { walked, arrivals, folder, fromIndex, toIndex, lock, index } = input;
  const evidenceFolder = input.evidenceFolder.replace(/\/+$/, '');
  const isEvidence = (p: string) => inFolder(evidenceFolder, p);
  // Follow exact renames backwards: the unit's history includes its file's earlier names, each
  // up to the commit that renamed it (an old id created again later is another unit's file).
  // Only a commit adding one of the names can have renamed a file into it; a rename found
  // brings in the commits of the old name's unit.
  const names = new Map([[`${folder}/${input.unit}.yaml`, Infinity], [`${folder}/${input.unit}.yml`, Infinity]]);
  const owns = (path: string, i: number) => i <= (names.get(path) ?? -1);
  const units = new Set([input.unit]);
  const candidates = new Set(index.get(input.unit) ?? []);
  for (let grew = true; grew;) {
    grew = false;
    for (const i of [...candidates].sort((a, b) => b - a)) {
      const changes = walked[i]!.changes;
      if (i > toIndex || !changes.some((c) => c.status === 'A' && owns(c.path, i))) continue;
      for (const [name, rename] of pairRenames(changes)) {
        if (!rename.from || !owns(name, i) || names.has(rename.from)) continue;
        names.set(rename.from, i);
        const old = unitOfPath(folder, rename.from);
        if (old && !units.has(old)) {
          units.add(old);
          for (const j of index.get(old) ?? []) candidates.add(j);
          grew = true;
        }
      }
    }
  }
  const touching = [...candidates].sort((a, b) => a - b);
  // Each version is read once: a change's "after" is the next change's "before" and the net diff's end.
  const parsed = new Map<Oid, Promise<{ data: unknown; error: string | null }>>();
  const read = (oid: Oid | null, path: string) => {
    if (!oid) return Promise.resolve({ data: null, error: null });
    let p = parsed.get(oid);
    if (!p) parsed.set(oid, (p = input.readYaml(oid, path)));
    return p;
  };
  const entries: AuditEntry[] = [];
  for (const i of touching) {
    if (i <= fromIndex || i > toIndex) continue;
    const { meta, changes } = walked[i]!;
    const own = changes.filter((c) => owns(c.path, i));
    const evidence = changes.filter((c) => isEvidence(c.path));
    if (own.length === 0 && evidence.length === 0) continue;
    const arrival = arrivals[i]!;
    const afterLock = lock !== null && arrival.time.getTime() >= lock.getTime();
    let selfAssessment: SelfAssessmentChange | null = null;
    if (own.length > 0) {
      // A rename shows as a deletion and an addition: report it once, as the new name.
      const added = own.find((c) => c.status !== 'D') ?? own[0]!;
      const removed = own.find((c) => c.status === 'D' && c !== added);
      const before: PathChange['before'] = added.status === 'A' && removed ? removed.before : added.before;
      const renamed = added.status === 'A' && removed !== undefined && removed.before?.oid === added.after?.oid;
      const x = await read(before?.oid ?? null, removed?.path ?? added.path);
      const y = await read(added.after?.oid ?? null, added.path);
      const diff = diffSelfAssessments(x.data, y.data);
      selfAssessment = {
        path: added.path,
        status: renamed ? 'renamed' : added.status === 'A' && !removed ? 'added' : added.status === 'D' ? 'deleted' : 'modified',
        renamedFrom: removed && added.status === 'A' ? removed.path : null,
        blobBefore: before?.oid ?? null,
        blobAfter: added.after?.oid ?? null,
        items: x.error || y.error ? [] : diff.items,
        fields: x.error || y.error ? [] : diff.fields,
        unreadable: x.error ?? y.error,
      };
    }
    const contributors = meta.parents.length > 1 && input.contributors
      ? await input.contributors(i, [...own, ...evidence].map((c) => c.path))
      : [];
    entries.push({
      ...arrivalRecord(meta, arrival),
      contributors,
      phase: input.phaseAt(arrival.time),
      afterLock,
      selfAssessment,
      evidence: evidence.map((c) => ({
        path: c.path,
        status: c.status === 'A' ? 'added' : c.status === 'D' ? 'deleted' : 'modified',
        blobBefore: c.before?.oid ?? null,
        blobAfter: c.after?.oid ?? null,
        afterLock,
      })),
    });
  }

  // The file's version at an index: the last change at or before it, under any of its names.
  const versionAt = (index: number, paths: (p: string, i: number) => boolean) => {
    const files = new Map<string, Oid>();
    for (const i of touching) {
      if (i > index) break;
      for (const c of walked[i]!.changes) {
        if (!paths(c.path, i)) continue;
        if (c.after) files.set(c.path, c.after.oid);
        else files.delete(c.path);
      }
    }
    return files;
  };
  const ownAt = (index: number) => {
    const files = versionAt(index, owns);
    const current = [...names.keys()].find((n) => files.has(n));
    return current ? { path: current, oid: files.get(current)! } : null;
  };
  const fromDoc = ownAt(fromIndex);
  const toDoc = ownAt(toIndex);
  const [x, y] = await Promise.all([read(fromDoc?.oid ?? null, fromDoc?.path ?? ''), read(toDoc?.oid ?? null, toDoc?.path ?? '')]);
  const net = x.error || y.error ? { items: [], fields: [] } : diffSelfAssessments(x.data, y.data);

  const evidenceChangedAfterLock: AuditLog['evidenceChangedAfterLock'] = [];
  let lockIndex = -1;
  if (lock !== null) for (let i = 0; i < arrivals.length && arrivals[i]!.time.getTime() < lock.getTime(); i++) lockIndex = i;
  if (lock !== null && toIndex > lockIndex) {
    const atLock = versionAt(lockIndex, isEvidence);
    const atTo = versionAt(toIndex, isEvidence);
    for (const [path, oid] of atTo) {
      if (!atLock.has(path)) evidenceChangedAfterLock.push({ path, status: 'added' });
      else if (atLock.get(path) !== oid) evidenceChangedAfterLock.push({ path, status: 'modified' });
    }
    for (const path of atLock.keys()) if (!atTo.has(path)) evidenceChangedAfterLock.push({ path, status: 'deleted' });
    evidenceChangedAfterLock.sort((p, q) => (p.path < q.path ? -1 : 1));
  }

  const stamp = (i: number) => (i >= 0 && i < walked.length ? { sha: walked[i]!.meta.oid, time: toZonedIso(arrivals[i]!.time) } : null);
  return {
    unit: input.unit,
    year: input.year,
    ref: input.ref,
    tip: walked[walked.length - 1]?.meta.oid ?? '',
    from: stamp(fromIndex),
    to: stamp(toIndex),
    lock: lock ? toZonedIso(lock) : null,
    entries,
    net,
    evidenceChangedAfterLock,
  };
}
