// When a pull request was SENT, from server-side times only (docs/deadline-semantics.md):
//   headSeenAt — the first check suite GitHub created for the head commit: GitHub's clock at the
//                push of that exact commit (a commit's own date is written by the client);
//   readyAt    — the last time the "ready to publish" label (Decap's “Gửi đi”) was put on the
//                pull request, while it still carries it.
// The send time is the later of the two: pressing “Gửi đi” before 17:00 counts only for the
// commit that was already there, and a commit pushed after 17:00 is late whatever the label says.
import type { GitHub, RepoRef } from './client.js';

export const READY_LABEL = 'decap-cms/pending_publish';

export interface Submission {
  submittedAt: Date | null;
  headSeenAt: Date | null;
  readyAt: Date | null;
}

export async function submissionTime(gh: GitHub, ref: RepoRef, pull: number, headSha: string, readyLabel = READY_LABEL): Promise<Submission> {
  const suites = await gh.paginate(gh.rest.checks.listSuitesForRef, { ...ref, ref: headSha, per_page: 100 });
  let headSeenAt: Date | null = null;
  for (const s of suites) {
    const t = s.created_at ? new Date(s.created_at) : null;
    if (t && !Number.isNaN(t.getTime()) && (!headSeenAt || t < headSeenAt)) headSeenAt = t;
  }
  const { data: pr } = await gh.rest.pulls.get({ ...ref, pull_number: pull });
  let readyAt: Date | null = null;
  if (pr.labels.some((l) => l.name === readyLabel)) {
    const events = await gh.paginate(gh.rest.issues.listEvents, { ...ref, issue_number: pull, per_page: 100 });
    for (const e of events) {
      if (e.event !== 'labeled' || (e as { label?: { name?: string } }).label?.name !== readyLabel) continue;
      const t = new Date(e.created_at);
      if (!readyAt || t > readyAt) readyAt = t;
    }
  }
  const times = [headSeenAt, readyAt].filter((t): t is Date => t !== null);
  const submittedAt = times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null;
  return { submittedAt, headSeenAt, readyAt };
}
