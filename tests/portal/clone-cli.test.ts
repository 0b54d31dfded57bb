// The clone and the `start` command's failure paths, on real repositories (no browser).
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { ensureClone } from '../../scripts/portal/clone.js';
import { PortalError } from '../../scripts/portal/errors.js';
import { createClock } from '../../scripts/portal/clock.js';
import { run } from '../../scripts/cli/start.js';
import type { CliContext } from '../../scripts/cli/context.js';
import { makeDevRepo, sh, type DevRepo } from './helpers.js';

const repos: DevRepo[] = [];
afterEach(() => { while (repos.length) repos.pop()!.cleanup(); });

function dev(): DevRepo {
  const r = makeDevRepo();
  repos.push(r);
  return r;
}

function ctxFor(root: string, env: Record<string, string>): CliContext & { output: () => string; errors: () => string } {
  let out = '';
  let err = '';
  return {
    root, env, now: () => new Date(),
    out: (t) => { out += t; }, err: (t) => { err += t; },
    output: () => out, errors: () => err,
  };
}

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe('the portal clone', () => {
  it('is made from HEAD without touching the developer\'s working tree, then reused', async () => {
    const d = dev();
    // Uncommitted work in the developer's tree: modified, staged and untracked files.
    writeFileSync(join(d.dir, 'content/units/don-vi-b.yaml'), 'id: sua-do\n');
    writeFileSync(join(d.dir, 'nhap.txt'), 'chưa commit\n');
    sh(d.dir, 'add', 'nhap.txt');
    const status = sh(d.dir, 'status', '--porcelain');
    const devHead = sh(d.dir, 'rev-parse', 'HEAD');
    const stash = sh(d.dir, 'stash', 'list');

    const target = join(d.root, 'portal', 'repo');
    const first = await ensureClone(d.dir, target);
    expect(first).toMatchObject({ created: true, branch: 'main', head: devHead });
    expect(readFileSync(join(target, 'content/units/don-vi-b.yaml'), 'utf8')).toContain('id: don-vi-b');
    expect(existsSync(join(target, 'nhap.txt'))).toBe(false);
    expect(sh(target, 'config', 'merge.ff')).toBe('false');

    expect(sh(d.dir, 'status', '--porcelain')).toBe(status);
    expect(sh(d.dir, 'rev-parse', 'HEAD')).toBe(devHead);
    expect(sh(d.dir, 'stash', 'list')).toBe(stash);

    const again = await ensureClone(d.dir, target);
    expect(again.created).toBe(false);
    // Caches that tools write beside the content never count as changes, so `git add .` skips them.
    mkdirSync(join(target, '.cache/history'), { recursive: true });
    writeFileSync(join(target, '.cache/history/commits.json'), '{}');
    expect(sh(target, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect((await ensureClone(d.dir, target)).created).toBe(false);
  });

  it('returns to main when left on a cms/ branch, and repairs a dirty clone keeping every draft branch', async () => {
    const d = dev();
    const target = join(d.root, 'clone');
    await ensureClone(d.dir, target);
    sh(target, 'checkout', '--quiet', '-b', 'cms/self-assessments-2023/don-vi-a');
    expect((await ensureClone(d.dir, target)).branch).toBe('main');
    expect(sh(target, 'symbolic-ref', '--short', 'HEAD')).toBe('main');

    // What a killed save leaves: a stray file, an edited tracked file, git's index lock.
    writeFileSync(join(target, 'content/rac.txt'), 'rác\n');
    writeFileSync(join(target, 'content/units/don-vi-b.yaml'), 'id: hong\n');
    writeFileSync(join(target, '.git/index.lock'), '');
    const again = await ensureClone(d.dir, target);
    expect(again.recovered.join('\n')).toContain('index.lock');
    expect(again.recovered.join('\n')).toMatch(/2 thay đổi chưa commit: đã lưu vào .*\.patch/);
    expect(sh(target, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(existsSync(join(target, '.git/index.lock'))).toBe(false);
    expect(sh(target, 'branch', '--list', 'cms/*')).toContain('cms/self-assessments-2023/don-vi-a');
    const saved = readdirSync(join(d.root, 'recovered'));
    expect(saved).toHaveLength(1);
    expect(readFileSync(join(d.root, 'recovered', saved[0]!), 'utf8')).toContain('id: hong');
  });

  it('refuses a non-empty folder that is not a clone, and creates into an empty one', async () => {
    const d = dev();
    const plain = join(d.root, 'plain');
    mkdirSync(plain);
    writeFileSync(join(plain, 'ghi-chu.txt'), 'x');
    const error = await ensureClone(d.dir, plain).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalError);
    expect((error as Error).message).toBe(`Thư mục ${plain} đã có nhưng không phải kho git. Hãy xóa thư mục này (rm -rf ${plain}) rồi chạy lại npm start.`);
    const empty = join(d.root, 'empty');
    mkdirSync(empty);
    expect((await ensureClone(d.dir, empty)).created).toBe(true);
  });
});

describe('npm start failures', () => {
  it('names a busy port and the variable that moves it, before creating anything', async () => {
    const d = dev();
    const { server, port } = await occupy();
    try {
      const ctx = ctxFor(d.dir, { PARINDEX_PORT: String(port) });
      const code = await run(['--clone', join(d.root, 'c')], ctx);
      expect(code).toBe(1);
      expect(ctx.errors()).toContain(`Cổng ${port} (trang và CMS) đang được một chương trình khác sử dụng`);
      expect(ctx.errors()).toContain('PARINDEX_PORT=<số cổng> npm start');
      expect(existsSync(join(d.root, 'c'))).toBe(false);
    } finally {
      server.close();
    }
  });

  it('says git is missing in Vietnamese', async () => {
    const d = dev();
    const saved = process.env.PATH;
    process.env.PATH = join(d.root, 'khong-co-git');
    try {
      const ctx = ctxFor(d.dir, { PARINDEX_PORT: '1', PARINDEX_BACKEND_PORT: '2' });
      expect(await run(['--clone', join(d.root, 'c')], ctx)).toBe(1);
      expect(ctx.errors()).toContain('Không tìm thấy chương trình git');
    } finally {
      process.env.PATH = saved;
    }
  });

  it('rejects a malformed PARINDEX_NOW and a bad port value, and bad flags with usage', async () => {
    const d = dev();
    const bad = ctxFor(d.dir, { PARINDEX_NOW: '10/11/2023 9h' });
    expect(await run([], bad)).toBe(1);
    expect(bad.errors()).toContain('PARINDEX_NOW=10/11/2023 9h không phải thời điểm hợp lệ');
    const port = ctxFor(d.dir, { PARINDEX_BACKEND_PORT: '80a' });
    expect(await run([], port)).toBe(1);
    expect(port.errors()).toContain('PARINDEX_BACKEND_PORT=80a');
    const flag = ctxFor(d.dir, {});
    expect(await run(['--bogus'], flag)).toBe(2);
    expect(flag.errors()).toContain('Tùy chọn không hợp lệ: --bogus');
  });
});

describe('the portal clock', () => {
  it('is fixed at an instant, movable while running, or the system clock', () => {
    let system = Date.parse('2026-01-01T00:00:00Z');
    const clock = createClock('2023-11-17T16:59:59+07:00', () => new Date(system));
    expect(clock.fixed).toBe(true);
    system += 3000;
    expect(clock.now().toISOString()).toBe('2023-11-17T09:59:59.000Z');
    clock.set('2023-11-17T17:00Z');
    expect(clock.now().toISOString()).toBe('2023-11-17T17:00:00.000Z');
    clock.set(null);
    expect(clock.fixed).toBe(false);
    expect(clock.now().getTime()).toBe(system);
    expect(() => clock.set('không phải giờ')).toThrow(RangeError);
  });
});
