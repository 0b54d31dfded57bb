// When each commit of main's first-parent chain arrived on main, and where that time comes from.
// Commit dates are written by the client, so: the server's merge time when a GitHub lookup knows
// the pull request; else the committer date (on a server-side merge that is the server's clock).
// A commit cannot reach main before its first parent did, so a date earlier than the parent's
// arrival (a backdated or skewed commit) takes the parent's time, marked "inherited": otherwise
// a commit pushed after the lock with a date before it would pull the lock snapshot forward.
// A merge that records when the unit sent it ("submitted") arrives at that send time, so history
// agrees with the gate at the deadline: only when the merge bot made the merge and sealed the
// trailer (seal.ts); any other trailer is ignored and reported (`ignoredSendTime`).
import type { Oid } from './objects.js';
import { parseMergeMessage, type MergeInfo } from './messages.js';
import { SEAL_REFUSAL_VI, verifySeal, type SealTrust } from './seal.js';
import type { CommitMeta } from './walk.js';

export type TimeSource = 'github' | 'committer' | 'inherited' | 'submitted';

/** The server's merge time of a pull request (e.g. from the GitHub API), or null when unknown. */
export type MergeTimeLookup = (pr: number, commit: Oid) => Promise<Date | null>;

export interface Arrival {
  oid: Oid;
  /** When the commit arrived on main (monotonic along the chain). */
  time: Date;
  source: TimeSource;
  /** The commit's own committer date. */
  committedAt: Date;
  merge: MergeInfo;
  /** A send-time trailer this history did not trust: what it claimed and why it was ignored. */
  ignoredSendTime?: { claimed: Date | null; reason: string };
}

/** No merge bot, no keys: no trailer is trusted (history falls back to commit times). */
export const NO_TRUST: SealTrust = { identities: [], keys: [] };

export async function arrivalTimes(chain: CommitMeta[], lookup?: MergeTimeLookup, trust: SealTrust = NO_TRUST): Promise<Arrival[]> {
  const out: Arrival[] = [];
  let previous = -Infinity;
  for (const c of chain) {
    const parsed = parseMergeMessage(c.message, c.parents.length);
    let ignoredSendTime: Arrival['ignoredSendTime'];
    let merge = parsed;
    if (parsed.submittedAt) {
      const seal = verifySeal(c, trust);
      if (!seal.trusted) {
        const { submittedAt: _claimed, ...rest } = parsed;
        merge = rest;
        ignoredSendTime = { claimed: seal.claimed, reason: SEAL_REFUSAL_VI[seal.reason] };
      }
    }
    const committedAt = new Date(c.committer.timestamp * 1000);
    let time = committedAt.getTime();
    let source: TimeSource = 'committer';
    if (lookup && merge.pr !== null) {
      const server = await lookup(merge.pr, c.oid);
      if (server && !Number.isNaN(server.getTime())) {
        time = server.getTime();
        source = 'github';
      }
    }
    // Sent before it arrived (pressed "Gửi đi" at 16:59:50, merged at 17:00:20): the send time
    // is what the deadline is about, as the gate judged it (docs/deadline-semantics.md).
    if (merge.submittedAt && merge.submittedAt.getTime() < time) {
      time = merge.submittedAt.getTime();
      source = 'submitted';
    }
    if (time < previous) {
      time = previous;
      source = 'inherited';
    }
    previous = time;
    out.push({ oid: c.oid, time: new Date(time), source, committedAt, merge, ...(ignoredSendTime ? { ignoredSendTime } : {}) });
  }
  return out;
}

/**
 * Index of the last commit that arrived at or before `at` (strict: before `at`, for a deadline
 * whose instant is already closed), or -1 when history starts later. Arrivals are monotonic.
 */
export function lastArrivalIndex(arrivals: Arrival[], at: Date, strict = false): number {
  const t = at.getTime();
  let lo = 0;
  let hi = arrivals.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = arrivals[mid]!.time.getTime();
    if (strict ? v < t : v <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
