// One way to get an authenticated Octokit: token and API base URL (GitHub Enterprise Server:
// https://HOST/api/v3) from the environment or the command line. Tests pass a local fake's URL.
import { Octokit } from 'octokit';

export type GitHub = InstanceType<typeof Octokit>;

// A type alias, not an interface: Octokit's parameter types carry an index signature.
export type RepoRef = { owner: string; repo: string };

export interface ClientOptions {
  token?: string;
  /** REST API root; default https://api.github.com (GITHUB_API_URL in Actions). */
  baseUrl?: string;
  /** Tests and dry runs: retries and rate-limit waits only hide a wrong request. */
  quiet?: boolean;
}

export class GithubConfigError extends Error {}

export function createGithub(options: ClientOptions): GitHub {
  return new Octokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'parindex',
    ...(options.quiet ? { retry: { enabled: false }, throttle: { enabled: false } } : {}),
  });
}

/** Token: the named variables in order. API URL: PARINDEX_GITHUB_API_URL, else GITHUB_API_URL. */
export function githubFromEnv(env: Record<string, string | undefined>, tokenVars: string[], required = true): GitHub | null {
  const token = tokenVars.map((v) => env[v]).find((v) => v && v.trim());
  if (!token && required) {
    throw new GithubConfigError(`Thiếu mã truy cập GitHub: đặt một trong các biến môi trường ${tokenVars.join(', ')}.`);
  }
  if (!token) return null;
  return createGithub({ token, baseUrl: env.PARINDEX_GITHUB_API_URL ?? env.GITHUB_API_URL });
}

export function parseRepository(value: string | undefined): RepoRef | null {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value?.trim() ?? '');
  return m ? { owner: m[1]!, repo: m[2]! } : null;
}

/** HTTP status of an Octokit error, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  const s = (error as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}
