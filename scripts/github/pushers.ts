// Who put the commits of a pull request on its branch (issue 11, item 10). The gate must judge
// every one of them, on every event: a label event used to judge the pull request's author
// alone and, through cancel-in-progress, cancel the run that judged the pusher.
// GitHub's repository activity API records each push, force push and branch creation on a ref
// with the account that made it (server side: a commit's author line is written by the client).
// A push counts when its resulting tip is one of the pull request's commits: older pushes to a
// reused branch name (Decap's cms/<collection>/<slug>) name commits this pull request lacks.
import type { GitHub, RepoRef } from './client.js';

export interface PrPushers {
  /** The pull request's author, then every pusher found, each once (lower-case comparison). */
  logins: string[];
  author: string;
  headSha: string;
  /** False when no recorded push left the head commit at the tip: who pushed it is unknown. */
  headPusherKnown: boolean;
  /** The head branch lives in another repository, whose pushes this repository cannot see. */
  fork: boolean;
  /** GitHub lists at most 250 commits of a pull request: past that, pushers may be missed. */
  commitsListed: boolean;
}

const PUSH_TYPES = new Set(['push', 'force_push', 'branch_creation']);

export async function prPushers(gh: GitHub, ref: RepoRef, pull: number): Promise<PrPushers> {
  const { data: pr } = await gh.rest.pulls.get({ ...ref, pull_number: pull });
  const author = pr.user?.login ?? '';
  const headSha = pr.head.sha;
  const fork = (pr.head.repo?.full_name ?? '').toLowerCase() !== `${ref.owner}/${ref.repo}`.toLowerCase();
  const logins = new Map<string, string>();
  const add = (login: string) => { if (login && !logins.has(login.toLowerCase())) logins.set(login.toLowerCase(), login); };
  add(author);
  if (fork) return { logins: [...logins.values()], author, headSha, headPusherKnown: false, fork, commitsListed: true };

  const commits = new Set((await gh.paginate(gh.rest.pulls.listCommits, { ...ref, pull_number: pull, per_page: 100 })).map((c) => c.sha));
  const commitsListed = commits.size >= pr.commits;
  commits.add(headSha);
  const activity = await gh.paginate(gh.rest.repos.listActivities, { ...ref, ref: `refs/heads/${pr.head.ref}`, per_page: 100 });
  let headPusherKnown = false;
  for (const a of activity) {
    if (!PUSH_TYPES.has(a.activity_type) || !commits.has(a.after)) continue;
    // A deleted account shows as null: "ghost" owns no unit, so the gate refuses.
    add(a.actor?.login ?? 'ghost');
    if (a.after === headSha) headPusherKnown = true;
  }
  return { logins: [...logins.values()], author, headSha, headPusherKnown, fork, commitsListed };
}
