// The real portal process for the attack suite: `parindex start` (as `npm start` runs it) on a
// clone of this repository prepared with native git, on free ports, with a fixed clock.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/fixtures.js';

export const NOW = '2023-11-10T09:00+07:00';
export const COLLECTION = 'self-assessments-2023';
export const BRANCH_PREFIX = `cms/${COLLECTION}/`;

const FIXED = {
  GIT_AUTHOR_NAME: 'Setup', GIT_AUTHOR_EMAIL: 'setup@example.vn', GIT_AUTHOR_DATE: '2023-11-05T08:00:00+07:00',
  GIT_COMMITTER_NAME: 'Setup', GIT_COMMITTER_EMAIL: 'setup@example.vn', GIT_COMMITTER_DATE: '2023-11-05T08:00:00+07:00',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...FIXED } }).trim();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Is something listening on this loopback port? */
export function portBusy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(true));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
  });
}

/** A temp folder with `clone/`: this repository's HEAD, as the portal would clone it. */
export function makeClone(): { root: string; clone: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'parindex-security-'));
  const clone = join(root, 'clone');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', REPO_ROOT, clone]);
  git(clone, 'checkout', '--quiet', '-B', 'main');
  return { root, clone, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A unit's draft branch made directly with git (the setup, not the attack), back on main after. */
export function makeDraft(clone: string, unit: string, status = 'pending_publish'): string {
  const branch = `${BRANCH_PREFIX}${unit}`;
  git(clone, 'checkout', '--quiet', '-b', branch);
  const file = `content/self-assessments/2023/${unit}.yaml`;
  execFileSync('sh', ['-c', `printf '# bản nháp của đơn vị\\n' >> ${file}`], { cwd: clone });
  git(clone, 'commit', '--quiet', '-am', `Bản nháp ${unit}`);
  git(clone, 'config', `branch.${branch}.description`, status);
  git(clone, 'checkout', '--quiet', 'main');
  return git(clone, 'rev-parse', branch);
}

export interface PortalProcess {
  child: ChildProcess;
  backendPort: number;
  sitePort: number;
  url: string;
  output(): string;
  /** Ctrl+C, waiting for the exit. */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

export async function startPortalProcess(clone: string, options: { user?: string; site?: boolean; env?: Record<string, string> } = {}): Promise<PortalProcess> {
  const [backendPort, sitePort] = [await freePort(), await freePort()];
  const args = [join(REPO_ROOT, 'scripts/bin/parindex.mjs'), 'start', '--clone', clone, ...(options.site ? [] : ['--backend-only'])];
  const env: NodeJS.ProcessEnv = {
    ...process.env, PARINDEX_NOW: NOW, PARINDEX_BACKEND_PORT: String(backendPort), PARINDEX_PORT: String(sitePort),
    ...(options.user ? { PARINDEX_USER: options.user } : {}), ...options.env,
  };
  if (!options.user) delete env.PARINDEX_USER;
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + (options.site ? 180_000 : 60_000);
  while (!out.includes('Nhấn Ctrl+C để dừng.')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`portal did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child, backendPort, sitePort, url: `http://127.0.0.1:${backendPort}/api/v1`, output: () => out, exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

export interface Reply { status: number; body: { error?: string } & Record<string, unknown> }

/** A raw HTTP call, so that Host and Origin can be anything a browser could be made to send. */
export function call(port: number, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const data = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, path: '/api/v1', method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, Origin: 'http://localhost:4321', ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: Reply['body'];
        try { parsed = JSON.parse(text) as Reply['body']; } catch { parsed = { raw: text }; }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

export function action(port: number, name: string, params: Record<string, unknown>, headers?: Record<string, string>): Promise<Reply> {
  return call(port, { action: name, params: { branch: 'main', ...params } }, headers);
}

export function persist(slug: string, files: { path: string; raw: string; newPath?: string }[], assets: { path: string; bytes: Uint8Array }[] = []) {
  return {
    dataFiles: files.map((f) => ({ slug, ...f })),
    assets: assets.map((a) => ({ path: a.path, content: Buffer.from(a.bytes).toString('base64'), encoding: 'base64' })),
    options: { collectionName: COLLECTION, commitMessage: `Cập nhật ${slug}`, useWorkflow: true, status: 'draft' },
  };
}

export const PDF = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
