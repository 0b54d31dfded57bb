// What a commit message says about where the change came from. GitHub writes "Merge pull request
// #12 from owner/branch" for merge commits and "Title (#12)" for squash merges; decap-server's
// local git mode and plain `git merge` write "Merge branch 'cms/…'".

export type ArrivalKind = 'pull-request-merge' | 'squash-merge' | 'branch-merge' | 'merge' | 'direct';

export interface MergeInfo {
  kind: ArrivalKind;
  /** Pull request number, when the message names one. */
  pr: number | null;
  /** The merged branch, when the message names it (without the "owner/" of GitHub's form). */
  branch: string | null;
  /**
   * When the unit pressed "Gửi đi", as recorded by the trusted merger (the merge bot or the
   * local portal) in a `Parindex-Submitted-At:` trailer. Honoured on merge commits only: an
   * officer can push neither to main nor a merge commit onto it.
   */
  submittedAt?: Date;
}

export const SUBMITTED_TRAILER = 'Parindex-Submitted-At';

/** The trailer line the merger writes: `Parindex-Submitted-At: 2023-11-17T16:59:50+07:00`. */
export function submittedTrailer(isoWithOffset: string): string {
  return `${SUBMITTED_TRAILER}: ${isoWithOffset}`;
}

function trailerTime(message: string): Date | undefined {
  const m = new RegExp(`^${SUBMITTED_TRAILER}:\\s*(\\S+)\\s*$`, 'm').exec(message);
  if (!m) return undefined;
  const d = new Date(m[1]!);
  return Number.isNaN(d.getTime()) || !/(Z|[+-]\d{2}:\d{2})$/.test(m[1]!) ? undefined : d;
}

export function subjectOf(message: string): string {
  const nl = message.indexOf('\n');
  return (nl >= 0 ? message.slice(0, nl) : message).trim();
}

export function parseMergeMessage(message: string, parentCount: number): MergeInfo {
  const info = parseSubject(message, parentCount);
  const submittedAt = parentCount > 1 ? trailerTime(message) : undefined;
  return submittedAt ? { ...info, submittedAt } : info;
}

function parseSubject(message: string, parentCount: number): MergeInfo {
  const subject = subjectOf(message);
  let m = /^Merge pull request #(\d+) from (\S+)/.exec(subject);
  if (m) {
    const from = m[2]!;
    const slash = from.indexOf('/');
    return { kind: 'pull-request-merge', pr: Number(m[1]), branch: slash >= 0 ? from.slice(slash + 1) : from };
  }
  m = /^Merge (?:remote-tracking )?branch '([^']+)'/.exec(subject);
  if (m) return { kind: 'branch-merge', pr: null, branch: m[1]!.replace(/^origin\//, '') };
  if (parentCount > 1) return { kind: 'merge', pr: null, branch: null };
  m = /\(#(\d+)\)\s*$/.exec(subject);
  if (m) return { kind: 'squash-merge', pr: Number(m[1]), branch: null };
  return { kind: 'direct', pr: null, branch: null };
}
