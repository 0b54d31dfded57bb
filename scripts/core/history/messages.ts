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
}

export function subjectOf(message: string): string {
  const nl = message.indexOf('\n');
  return (nl >= 0 ? message.slice(0, nl) : message).trim();
}

export function parseMergeMessage(message: string, parentCount: number): MergeInfo {
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
