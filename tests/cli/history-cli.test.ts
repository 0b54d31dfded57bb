// score --at, history and audit on a real git repository built with native git: a change that
// slipped in after the 17:00 lock never counts.
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'scripts', 'bin', 'parindex.mjs');
let repo: string;

function git(args: string[], date: string) {
  execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'Cán bộ A', GIT_AUTHOR_EMAIL: 'a@example.vn', GIT_COMMITTER_NAME: 'Cán bộ A', GIT_COMMITTER_EMAIL: 'a@example.vn' } });
}
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'parindex-hist-'));
  cpSync(join(root, 'tests/fixtures/base'), repo, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  git(['add', '-A'], '2023-11-10T09:00:00+07:00');
  git(['commit', '-qm', 'Gửi bài tự chấm'], '2023-11-10T09:00:00+07:00');
  const sa = join(repo, 'content/self-assessments/2023/don-vi-a.yaml');
  // 16:59:59 local: on time. 17:00:00: late, by the exclusive phase end.
  writeFileSync(sa, readFileSync(sa, 'utf8').replace('  - code: "2.1.2"\n    score: 0\n', '  - code: "2.1.2"\n    score: 1\n'));
  git(['commit', '-qam', 'Sửa 2.1.2'], '2023-11-17T16:59:59+07:00');
  writeFileSync(sa, readFileSync(sa, 'utf8').replace('  - code: "2.1.1"\n    score: 0.5\n', '  - code: "2.1.1"\n    score: 1\n'));
  git(['commit', '-qam', 'Sửa 2.1.1 sau hạn'], '2023-11-17T10:00:00Z');
}, 60_000);

describe('score --at', () => {
  it('scores the snapshot at the lock, not the late change', () => {
    const at = JSON.parse(run(['score', '--year', '2023', '--root', repo, '--format', 'json', '--at', '2023-11-17T16:59:59+07:00']).out);
    const now = JSON.parse(run(['score', '--year', '2023', '--root', repo, '--format', 'json']).out);
    // 4.5 + 1 (2.1.2 on time) = 5.5 of 6; the late 2.1.1 raise (+0.5) only exists on the tip.
    expect(at.groups[0].units[0].points).toBe(5.5);
    expect(now.groups[0].units[0].points).toBe(6);
  });
  it('says when there is no commit yet', () => {
    const r = run(['score', '--year', '2023', '--root', repo, '--at', '2023-11-01T00:00+07:00']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Chưa có commit nào/);
  });
});

describe('history and audit', () => {
  it('lists the last on-time submission and flags the late one', () => {
    const r = run(['history', '--year', '2023', '--root', repo, '--format', 'json', '--no-cache']);
    expect(r.code, r.err).toBe(0);
    const t = JSON.parse(r.out);
    const a = t.units.find((u: { unit: string }) => u.unit === 'don-vi-a');
    expect(a.submissions.map((s: { time: string; onTime: boolean }) => [s.time, s.onTime])).toEqual([
      ['2023-11-10T09:00:00+07:00', true], ['2023-11-17T16:59:59+07:00', true], ['2023-11-17T17:00:00+07:00', false]]);
  });
  it('says a unit that is not in the registry does not exist', () => {
    for (const cmd of ['history', 'audit']) {
      const r = run([cmd, '--year', '2023', '--root', repo, '--unit', 'khong-co', '--no-cache']);
      expect(r.code, cmd).toBe(2);
      expect(r.err, cmd).toMatch(/^Đơn vị “khong-co” không tồn tại: không có tệp content\/units\/khong-co\.yaml\./);
    }
  });
  it('audits item changes with score deltas', () => {
    const r = run(['audit', '--unit', 'don-vi-a', '--year', '2023', '--root', repo, '--format', 'json', '--no-cache']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('2.1.1');
    expect(r.out).toContain('2.1.2');
  });
});
