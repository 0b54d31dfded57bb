// Server-side merge times from GitHub: the time a pull request was merged is set by GitHub,
// not by the client that wrote the commit. One paginated listing of closed pull requests
// (100 per request) answers every lookup, so a year of 4,000 submissions costs ~40 requests.
// Adapter (network); the walk sees only the MergeTimeLookup function.
import type { Oid } from './objects.js';
import type { MergeTimeLookup } from './times.js';

export interface PullSummary {
  number: number;
  merged_at: string | null;
  merge_commit_sha: string | null;
}

/**
 * A lookup over a list of pull requests. A time is given only when the pull request's merge
 * commit is the commit on main: a number in a message that GitHub did not merge proves nothing.
 */
export function mergeTimesFromPulls(listPulls: () => Promise<PullSummary[]>, onError?: (error: Error) => void): MergeTimeLookup {
  let byNumber: Promise<Map<number, PullSummary>> | null = null;
  return async (pr: number, commit: Oid) => {
    // An unreachable API costs the server times, not the answer: committer dates remain, and
    // every time says which source it came from.
    byNumber ??= listPulls().then(
      (list) => new Map(list.map((p) => [p.number, p])),
      (error: unknown) => {
        onError?.(error instanceof Error ? error : new Error(String(error)));
        return new Map<number, PullSummary>();
      });
    const p = (await byNumber).get(pr);
    if (!p?.merged_at || p.merge_commit_sha !== commit) return null;
    const d = new Date(p.merged_at);
    return Number.isNaN(d.getTime()) ? null : d;
  };
}

/** The lookup for `owner/repo` with a token (GITHUB_TOKEN in CI). */
export function githubMergeTimes(options: { token: string; repository: string; onError?: (error: Error) => void }): MergeTimeLookup {
  const [owner, repo] = options.repository.split('/');
  return mergeTimesFromPulls(async () => {
    const { Octokit } = await import('octokit');
    const octokit = new Octokit({ auth: options.token });
    const pulls = await octokit.paginate('GET /repos/{owner}/{repo}/pulls', { owner: owner!, repo: repo!, state: 'closed', per_page: 100 });
    return pulls.map((p) => ({ number: p.number, merged_at: p.merged_at, merge_commit_sha: p.merge_commit_sha }));
  }, options.onError);
}
