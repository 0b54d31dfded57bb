// Native git for the portal's clone. decap-server drives the same binary (simple-git), so the
// portal needs it anyway; reading refs and config through it keeps one view of the repository.
import { execFile } from 'node:child_process';

export class GitError extends Error {
  constructor(message: string, readonly args: string[], readonly stderr: string, readonly exitCode: number | null) {
    super(message);
  }
}

export class GitMissingError extends Error {}

export interface GitOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Exit codes that are answers rather than failures (e.g. 1 for `config --get` of an unset key). */
  okCodes?: number[];
}

export interface GitResult {
  stdout: string;
  code: number;
}

export function git(args: string[], options: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    }, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout, code: 0 });
      // execFile reports a spawn failure as a string code ("ENOENT"), an exit status as a number.
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT') return reject(new GitMissingError('git not found'));
      const exit = typeof code === 'number' ? code : null;
      if (exit !== null && options.okCodes?.includes(exit)) return resolve({ stdout, code: exit });
      reject(new GitError(`git ${args.join(' ')} failed: ${stderr.trim() || error.message}`, args, stderr, exit));
    });
  });
}

/** The git version string, or null when the binary is not on PATH. */
export async function gitVersion(): Promise<string | null> {
  try {
    return (await git(['--version'], { cwd: process.cwd() })).stdout.trim();
  } catch (error) {
    if (error instanceof GitMissingError) return null;
    throw error;
  }
}

/** The commit a ref points at, or null when the ref does not exist. */
export async function resolveRef(cwd: string, ref: string): Promise<string | null> {
  const { stdout, code } = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, okCodes: [1, 128] });
  return code === 0 ? stdout.trim() : null;
}

export async function mergeBase(cwd: string, a: string, b: string): Promise<string | null> {
  const { stdout, code } = await git(['merge-base', a, b], { cwd, okCodes: [1] });
  return code === 0 ? stdout.trim() : null;
}

export async function currentBranch(cwd: string): Promise<string | null> {
  const { stdout, code } = await git(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd, okCodes: [1, 128] });
  return code === 0 ? stdout.trim() : null;
}

export async function configGet(cwd: string, key: string): Promise<string | null> {
  const { stdout, code } = await git(['config', '--get', key], { cwd, okCodes: [1] });
  return code === 0 ? stdout.trim() : null;
}

export async function configSet(cwd: string, key: string, value: string): Promise<void> {
  await git(['config', key, value], { cwd });
}

export async function configUnset(cwd: string, key: string): Promise<void> {
  await git(['config', '--unset-all', key], { cwd, okCodes: [5] });
}

/** Uncommitted changes and untracked files (porcelain lines), empty when clean. */
export async function dirtyPaths(cwd: string): Promise<string[]> {
  const { stdout } = await git(['status', '--porcelain', '--untracked-files=all'], { cwd });
  return stdout.split('\n').filter(Boolean);
}
