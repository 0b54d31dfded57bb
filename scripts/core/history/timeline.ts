// Submission timelines: for each unit of a year, every arrival of its self-assessment on main,
// the first one, and the last one inside the snapshot at `at`. Pure: built from the walk's
// per-commit changes and the arrival times; the site reads the JSON this produces.
import { isOpen } from '../phases.js';
import { DEFAULT_TIMEZONE, zoneOffsetMinutes, toZonedIso } from '../time.js';
import type { ArrivalKind } from './messages.js';
import type { Oid } from './objects.js';
import type { PathChange } from './store.js';
import type { Arrival, TimeSource } from './times.js';
import type { WalkedCommit } from './walk.js';

export type SubmissionStatus = 'added' | 'modified' | 'deleted' | 'renamed';

/** The ArrivalRecord of a walked commit: one shape for timeline submissions and audit entries. */
export function arrivalRecord(meta: { oid: Oid; author: { name: string; email: string } }, arrival: Arrival,
  iso: (d: Date) => string = toZonedIso): ArrivalRecord {
  return {
    sha: meta.oid,
    time: iso(arrival.time),
    timeSource: arrival.source,
    committedAt: iso(arrival.committedAt),
    pr: arrival.merge.pr,
    branch: arrival.merge.branch,
    via: arrival.merge.kind,
    author: { name: meta.author.name, email: meta.author.email },
    ...(arrival.ignoredSendTime ? { ignoredSendTime: { claimed: arrival.ignoredSendTime.claimed ? iso(arrival.ignoredSendTime.claimed) : null, reason: arrival.ignoredSendTime.reason } } : {}),
  };
}

/** How a commit reached main: shared by timeline submissions and audit entries. */
export interface ArrivalRecord {
  sha: Oid;
  /** Arrival on main, ISO with the +07:00 offset. */
  time: string;
  timeSource: TimeSource;
  /** The commit's own (client-set) committer date. */
  committedAt: string;
  pr: number | null;
  branch: string | null;
  via: ArrivalKind;
  author: { name: string; email: string };
  /** Present when the merge claimed a send time that history did not trust (seal.ts). */
  ignoredSendTime?: { claimed: string | null; reason: string };
}

export interface Submission extends ArrivalRecord {
  status: SubmissionStatus;
  path: string;
  /** Set on a rename's new path: the unit file it came from (same content, same commit). */
  renamedFrom: string | null;
  /** Set on a rename's old path: where the file went. */
  renamedTo: string | null;
  /** The file's blob id after the change (null when deleted). */
  blob: Oid | null;
  /** Before, inside or after the self-assessment window; null without a campaign. */
  window: 'before' | 'inside' | 'after' | null;
  /** Arrived before the self-assessment deadline (end exclusive), or inside an explanation round's window; null without a campaign. */
  onTime: boolean | null;
  /** The explanation round whose window it arrived in (a reply to the council), else null. */
  explanationRound: number | null;
  /** Part of the snapshot at `at` (arrived at or before it). */
  inSnapshot: boolean;
}

export interface UnitTimeline {
  unit: string;
  /** The unit's file path (its latest name). */
  path: string;
  /** Whether the file exists in the snapshot at `at`. */
  present: boolean;
  first: Submission | null;
  /** The last change at or before `at`: what the snapshot holds. */
  last: Submission | null;
  submissions: Submission[];
}

export interface Timeline {
  year: number;
  ref: string;
  tip: Oid;
  at: string;
  /** The commit the snapshot at `at` is taken from; null when history starts later. */
  snapshot: { sha: Oid; time: string; timeSource: TimeSource } | null;
  window: { id: string; name: string; start: string; end: string } | null;
  units: UnitTimeline[];
}

export interface TimelineInput {
  year: number;
  ref: string;
  folder: string;
  walked: WalkedCommit[];
  arrivals: Arrival[];
  at: Date;
  /** Index in `walked` of the snapshot commit at `at` (-1: none). */
  snapshotIndex: number;
  window: { id: string; name: string; start: Date; end: Date } | null;
  /** The campaign's explanation rounds: changes inside them are replies, not late sends. */
  explanationWindows?: { round: number; start: Date; end: Date }[];
  /** Only this unit. */
  unit?: string;
}

/**
 * toZonedIso for thousands of instants: the same string, with the zone's offset looked up once
 * per quarter hour (the Intl lookup is most of the cost of a 5,000-submission timeline).
 */
export function zonedIsoFormatter(timeZone: string = DEFAULT_TIMEZONE): (instant: Date) => string {
  const offsets = new Map<number, number>();
  return (instant) => {
    const bucket = Math.floor(instant.getTime() / 900_000);
    let off = offsets.get(bucket);
    if (off === undefined) offsets.set(bucket, (off = zoneOffsetMinutes(instant, timeZone)));
    const local = new Date(instant.getTime() + off * 60000).toISOString().slice(0, 19);
    const abs = Math.abs(off);
    return `${local}${off >= 0 ? '+' : '-'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  };
}

/** "content/self-assessments/2023/so-noi-vu.yaml" → "so-noi-vu"; null for other files. */
export function unitOfPath(folder: string, path: string): string | null {
  const prefix = `${folder.replace(/\/+$/, '')}/`;
  if (!path.startsWith(prefix)) return null;
  const m = /^([^/]+)\.ya?ml$/.exec(path.slice(prefix.length));
  return m ? m[1]! : null;
}

/** Exact renames inside one commit: a deleted and an added file with the same blob. */
export function pairRenames(changes: PathChange[]): Map<string, { from?: string; to?: string }> {
  const out = new Map<string, { from?: string; to?: string }>();
  const deleted = new Map<Oid, string[]>();
  for (const c of changes) if (c.status === 'D') deleted.set(c.before!.oid, [...(deleted.get(c.before!.oid) ?? []), c.path]);
  for (const c of changes) {
    if (c.status !== 'A') continue;
    const from = deleted.get(c.after!.oid)?.shift();
    if (from) {
      out.set(c.path, { from });
      out.set(from, { to: c.path });
    }
  }
  return out;
}

export function buildTimeline(input: TimelineInput): Timeline {
  const { folder, walked, arrivals, at, snapshotIndex, window } = input;
  const toZonedIso = zonedIsoFormatter();
  const units = new Map<string, Submission[]>();
  for (let i = 0; i < walked.length; i++) {
    const { meta, changes } = walked[i]!;
    const relevant = changes.filter((c) => unitOfPath(folder, c.path) !== null);
    if (relevant.length === 0) continue;
    const arrival = arrivals[i]!;
    const renames = pairRenames(relevant);
    for (const c of relevant) {
      const unit = unitOfPath(folder, c.path)!;
      if (input.unit && unit !== input.unit) continue;
      const rename = renames.get(c.path);
      const status: SubmissionStatus = rename?.from ? 'renamed' : c.status === 'A' ? 'added' : c.status === 'D' ? 'deleted' : 'modified';
      const time = arrival.time;
      const round = input.explanationWindows?.find((w) => isOpen(w, time))?.round ?? null;
      const list = units.get(unit) ?? [];
      list.push({
        ...arrivalRecord(meta, arrival, toZonedIso),
        status,
        path: c.path,
        renamedFrom: rename?.from ?? null,
        renamedTo: rename?.to ?? null,
        blob: c.after?.oid ?? null,
        window: window ? (time < window.start ? 'before' : time < window.end ? 'inside' : 'after') : null,
        onTime: window ? time.getTime() < window.end.getTime() || round !== null : null,
        explanationRound: round,
        inSnapshot: i <= snapshotIndex,
      });
      units.set(unit, list);
    }
  }
  const out: UnitTimeline[] = [...units.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([unit, submissions]) => {
      const counted = submissions.filter((s) => s.inSnapshot);
      const last = counted[counted.length - 1] ?? null;
      return {
        unit,
        path: submissions[submissions.length - 1]!.path,
        present: last !== null && last.status !== 'deleted',
        first: submissions[0] ?? null,
        last,
        submissions,
      };
    });
  const snap = snapshotIndex >= 0 ? arrivals[snapshotIndex]! : null;
  return {
    year: input.year,
    ref: input.ref,
    tip: walked[walked.length - 1]?.meta.oid ?? '',
    at: toZonedIso(at),
    snapshot: snap ? { sha: snap.oid, time: toZonedIso(snap.time), timeSource: snap.source } : null,
    window: window ? { id: window.id, name: window.name, start: toZonedIso(window.start), end: toZonedIso(window.end) } : null,
    units: out,
  };
}
