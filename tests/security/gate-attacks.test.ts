// Issue 11, the gate: histories and tree entries crafted with native git, judged by the real
// `parindex gate` process (what CI and `npm run gate` run). What merging would change is checked
// with git itself (`git merge-tree`), so the test shows the attack is real, not only refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BASE_ROOT, REPO_ROOT } from '../helpers/fixtures.js';

const A = 'content/self-assessments/2023/don-vi-a.yaml';
const B = 'content/evidence/2023/don-vi-b/bao-cao-b.pdf';
const ACCESS = `admins:\n  users: [admin-snv]\ncouncil:\n  users: [council-1]\nmergeBot: parindex-bot[bot]\n`;
const NOW = '2023-11-10T10:00:00+07:00';

let root: string;
let dir: string;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@example.vn', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@example.vn' },
  }).trim();
}

function append(path: string, line: string): void {
  writeFileSync(join(dir, path), `${readFileSync(join(dir, path), 'utf8')}# ${line}\n`);
}

async function gate(base: string, head: string, author: string): Promise<{ code: number; json: { allowed: boolean; reasons: { rule: string; message: string; file?: string }[]; changes: unknown[] } }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts/bin/parindex.mjs'), 'gate',
      '--root', dir, '--base', base, '--head', head, '--author', author, '--now', NOW, '--format', 'json'], { cwd: root });
    return { code: 0, json: JSON.parse(stdout) };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    if (!e.stdout) throw new Error(`gate failed: ${e.stderr}`);
    return { code: e.code, json: JSON.parse(e.stdout) };
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'parindex-gate-attack-'));
  dir = join(root, 'repo');
  cpSync(BASE_ROOT, dir, { recursive: true });
  writeFileSync(join(dir, 'content/access.yaml'), ACCESS);
  git('init', '--quiet', '-b', 'main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Dữ liệu ban đầu');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('7. a criss-cross merge cannot hide a revert of another unit\'s send', () => {
  it('is judged by what merging would change, and refused', async () => {
    const m0 = git('rev-parse', 'main');
    // Unit A's send, merged.
    git('checkout', '--quiet', '-b', 'a1', m0);
    append(A, 'gửi lần 1 của A');
    git('commit', '--quiet', '-am', 'A gửi');
    git('checkout', '--quiet', 'main');
    git('merge', '--quiet', '--no-ff', '-m', 'Nhập A', 'a1');
    const m1 = git('rev-parse', 'main');
    // Unit B's send, merged after.
    git('checkout', '--quiet', '-b', 'b1', m0);
    mkdirSync(join(dir, 'content/evidence/2023/don-vi-b'), { recursive: true });
    writeFileSync(join(dir, B), '%PDF-1.4\n% bài của B\n%%EOF\n');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'B gửi');
    git('checkout', '--quiet', 'main');
    git('merge', '--quiet', '--no-ff', '-m', 'Nhập B', 'b1');
    const tip = git('rev-parse', 'main');
    // A's officer: a merge of the same two parents as main's tip, with B's document taken out
    // again and one change of A's own. Its merge bases with main are both parents.
    git('checkout', '--quiet', '--detach', m1);
    git('merge', '--quiet', '--no-ff', '--no-commit', 'b1');
    git('rm', '--quiet', '-f', B);
    append(A, 'sửa thêm của A');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'Cập nhật A');
    const head = git('rev-parse', 'HEAD');
    git('checkout', '--quiet', 'main');

    expect(git('merge-base', '--all', tip, head).split('\n').sort()).toEqual([m1, git('rev-parse', 'b1')].sort());
    // What git would do: B's send is reverted by the merge.
    const merged = git('merge-tree', '--write-tree', tip, head);
    expect(git('ls-tree', '-r', '--name-only', merged)).not.toContain(B);
    expect(git('ls-tree', '-r', '--name-only', tip)).toContain(B);

    const r = await gate(tip, head, 'officer-a');
    expect(r.code).toBe(1);
    expect(r.json.allowed).toBe(false);
    expect(r.json.reasons.map((x) => x.rule)).toContain('gate-merge-shape');
    expect(r.json.reasons.find((x) => x.rule === 'gate-merge-shape')!.message).toContain('2 điểm rẽ nhánh chung');
  });

  it('a branch that restores another unit\'s older file is judged on that file, not hidden by the merge base', async () => {
    const tip = git('rev-parse', 'main');
    // From main's tip, A's officer takes B's document out again.
    git('checkout', '--quiet', '-b', 'a-revert', tip);
    git('rm', '--quiet', B);
    append(A, 'thêm');
    git('commit', '--quiet', '-am', 'A');
    const head = git('rev-parse', 'HEAD');
    git('checkout', '--quiet', 'main');
    const r = await gate(tip, head, 'officer-a');
    expect(r.code).toBe(1);
    expect(r.json.reasons.some((x) => x.rule === 'gate-not-owner' && x.file === B)).toBe(true);
  });
});

describe('8. symlinks, submodules and mode changes are not "0 files"', () => {
  async function branch(name: string, make: () => void): Promise<{ tip: string; head: string }> {
    const tip = git('rev-parse', 'main');
    git('checkout', '--quiet', '-b', name, tip);
    make();
    git('commit', '--quiet', '-m', name);
    const head = git('rev-parse', 'HEAD');
    git('checkout', '--quiet', '--force', 'main');
    return { tip, head };
  }

  it('a unit file turned into a symlink is refused for its own officer', async () => {
    const { tip, head } = await branch('symlink', () => {
      unlinkSync(join(dir, A));
      symlinkSync('../../../README.md', join(dir, A));
      git('add', '-A');
    });
    const r = await gate(tip, head, 'officer-a');
    expect(r.code).toBe(1);
    expect(r.json.reasons.find((x) => x.rule === 'gate-special-entry')?.message).toContain('liên kết tượng trưng');
  });

  it('a submodule entry under .github/workflows is refused, even for an admin', async () => {
    const { tip, head } = await branch('gitlink', () => {
      git('update-index', '--add', '--cacheinfo', `160000,${git('rev-parse', 'main')},.github/workflows/check`);
    });
    for (const who of ['officer-a', 'admin-snv']) {
      const r = await gate(tip, head, who);
      expect(r.code, who).toBe(1);
      expect(r.json.changes).toEqual([{ path: '.github/workflows/check', status: 'added', kind: 'gitlink' }]);
      expect(r.json.reasons.find((x) => x.rule === 'gate-special-entry')?.message).toContain('mô-đun con');
    }
  });

  it('an executable bit on a unit\'s file (mode only, same content) is refused', async () => {
    const { tip, head } = await branch('mode', () => {
      chmodSync(join(dir, A), 0o755);
      git('add', '-A');
    });
    const r = await gate(tip, head, 'officer-a');
    expect(r.code).toBe(1);
    expect(r.json.changes).toEqual([{ path: A, status: 'modified', kind: 'executable', modeChanged: true }]);
    expect(r.json.reasons.map((x) => x.rule)).toContain('gate-mode-change');
  });

  it('a file name that is not NFC is refused with a Vietnamese reason', async () => {
    const nfd = 'content/evidence/2023/don-vi-a/ba\u0301o-ca\u0301o.pdf';
    const { tip, head } = await branch('nfd', () => {
      writeFileSync(join(dir, nfd), '%PDF-1.4\n%%EOF\n');
      git('add', '-A');
    });
    const r = await gate(tip, head, 'officer-a');
    expect(r.code).toBe(1);
    expect(r.json.reasons.find((x) => x.rule === 'gate-bad-path')?.message).toContain('chưa chuẩn hóa Unicode (NFC)');
  });
});
