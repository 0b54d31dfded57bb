// Real repositories for the portal tests: a "developer" repository made from the mini fixture
// (tests/fixtures/base), committed with git, and the portal's clone of it in a temp folder.
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { BASE_ROOT } from '../helpers/fixtures.js';

export const FIXED_ENV = {
  GIT_AUTHOR_NAME: 'Developer', GIT_AUTHOR_EMAIL: 'dev@example.vn', GIT_AUTHOR_DATE: '2023-10-01T08:00:00+07:00',
  GIT_COMMITTER_NAME: 'Developer', GIT_COMMITTER_EMAIL: 'dev@example.vn', GIT_COMMITTER_DATE: '2023-10-01T08:00:00+07:00',
};

export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...FIXED_ENV } }).trim();
}

/** The access file the fixture lacks: an admin and a council member, so roles can be tested. */
export const ACCESS_YAML = `admins:
  users: [admin-snv]
council:
  users: [council-1]
`;

export interface DevRepo {
  root: string;
  dir: string;
  cleanup(): void;
}

/** A temp folder holding `dev/` (a committed copy of the fixture repository). */
export function makeDevRepo(extra: Record<string, string> = {}): DevRepo {
  const root = mkdtempSync(join(tmpdir(), 'parindex-portal-'));
  const dir = join(root, 'dev');
  cpSync(BASE_ROOT, dir, { recursive: true });
  writeFileSync(join(dir, 'content/access.yaml'), ACCESS_YAML);
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n.portal/\n');
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  sh(dir, 'init', '--quiet', '-b', 'main');
  sh(dir, 'add', '.');
  sh(dir, 'commit', '--quiet', '-m', 'Fixture repository');
  return { root, dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function listen(app: (req: never, res: never) => void): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = (app as unknown as { listen: (port: number, host: string, cb: () => void) => Server })
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        resolve({ server, url: `http://127.0.0.1:${port}/api/v1` });
      });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); });
}

export interface ApiReply {
  status: number;
  body: { error?: string; message?: string } & Record<string, unknown>;
  headers: Headers;
}

export const ORIGIN = 'http://localhost:4321';

export async function api(url: string, action: string, params: Record<string, unknown>, origin = ORIGIN): Promise<ApiReply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', Origin: origin },
    body: JSON.stringify({ action, params: { branch: 'main', ...params } }),
  });
  const text = await res.text();
  let body: ApiReply['body'];
  try { body = JSON.parse(text) as ApiReply['body']; } catch { body = { raw: text }; }
  return { status: res.status, body, headers: res.headers };
}

export function readAt(repo: string, rev: string, path: string): string {
  return execFileSync('git', ['show', `${rev}:${path}`], { cwd: repo, encoding: 'utf8' });
}

export function fixtureText(path: string): string {
  return readFileSync(join(BASE_ROOT, path), 'utf8');
}

/**
 * A draft as Decap's proxy backend sends it (editorial workflow). `collection` names the cms/
 * branch: the officers' `self-assessments-<year>`, the council's `appraisals-<year>`.
 */
export function persistParams(slug: string, files: { path: string; raw: string }[], assets: { path: string; bytes: Uint8Array }[] = [], collection = 'self-assessments-2023') {
  return {
    dataFiles: files.map((f) => ({ slug, path: f.path, raw: f.raw })),
    assets: assets.map((a) => ({ path: a.path, content: Buffer.from(a.bytes).toString('base64'), encoding: 'base64' })),
    options: { collectionName: collection, commitMessage: `Cập nhật ${slug}`, useWorkflow: true, status: 'draft' },
  };
}
