// `parindex history` and `parindex audit`: Vietnamese output, JSON for the site, exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as history } from '../../scripts/cli/history.js';
import { run as audit } from '../../scripts/cli/audit.js';
import type { CliContext } from '../../scripts/cli/context.js';
import type { AuditLog, Timeline } from '../../scripts/core/history/index.js';
import { buildScenario, EV, type Scenario } from './scenario.js';

let s: Scenario;
beforeAll(() => {
  s = buildScenario();
});
afterAll(() => s?.fx.cleanup());

async function call(cmd: typeof history, args: string[], root = s.fx.dir) {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    root, env: {}, out: (t) => { out += t; }, err: (t) => { err += t; },
    now: () => new Date('2023-11-20T08:00:00+07:00'),
  };
  const code = await cmd(['--no-cache', ...args], ctx);
  return { code, out, err };
}

describe('npm run history', () => {
  it('prints JSON the site can read, with +07:00 times and time sources', async () => {
    const r = await call(history, ['--year', '2023', '--at', '2023-11-17T17:00+07:00', '--format', 'json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out) as Timeline;
    expect(t.at).toBe('2023-11-17T17:00:00+07:00');
    expect(t.snapshot).toEqual({ sha: s.c.atLock, time: '2023-11-17T17:00:00+07:00', timeSource: 'committer' });
    const noiVu = t.units.find((u) => u.unit === 'so-noi-vu')!;
    expect(noiVu.last).toMatchObject({ sha: s.c.atLock, onTime: false, inSnapshot: true, pr: null, via: 'direct' });
    expect(noiVu.first).toMatchObject({ sha: s.c.noiVu1, time: '2023-11-02T08:00:00+07:00' });
  });

  it('prints a Vietnamese table, and one unit’s timeline', async () => {
    const all = await call(history, ['--year', '2023', '--at', '2023-11-17T16:59:59+07:00']);
    expect(all.code).toBe(0);
    expect(all.out).toContain('Lịch sử nộp bảng tự chấm điểm năm 2023 — nhánh main');
    expect(all.out).toContain(`ảnh chụp: commit ${s.c.beforeLock.slice(0, 10)}, vào nhánh lúc 17/11/2023 16:59:59 (giờ commit)`);
    expect(all.out).toContain('Hạn tự đánh giá: 01/11/2023 07:00:00 – 17/11/2023 17:00:00');
    expect(all.out).toMatch(/so-tu-phap\s+03\/11\/2023 12:00:00\s+17\/11\/2023 16:59:59\s+giờ commit\s+\w{10}\s+—\s+đúng hạn\s+3/);
    expect(all.out).toMatch(/so-xay-dung \(không có trong ảnh chụp\)\s+18\/11\/2023 09:00:00\s+—/);
    const one = await call(history, ['--year', '2023', '--unit', 'so-noi-vu']);
    expect(one.out).toContain('Đơn vị so-noi-vu (content/self-assessments/2023/so-noi-vu.yaml)');
    expect(one.out).toMatch(/17\/11\/2023 17:00:00\s+giờ commit\s+\w{10}\s+commit trực tiếp\s+—\s+Nguyễn Thị An <an@sonoivu.gov.vn>\s+sửa\s+QUÁ HẠN\s+có/);
    // A unit missing from the registry is named as such, not reported as "no changes" (issue 13).
    const none = await call(history, ['--year', '2023', '--unit', 'khong-co']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Đơn vị “khong-co” không tồn tại: không có tệp content/units/khong-co.yaml.');
  });

  it('refuses bad arguments with exit 2 and a shallow clone with exit 1', async () => {
    expect((await call(history, [])).code).toBe(2);
    expect((await call(history, ['--year', '2023', '--format', 'xml'])).code).toBe(2);
    const badAt = await call(history, ['--year', '2023', '--at', 'hôm qua']);
    expect(badAt.code).toBe(2);
    expect(badAt.err).toContain('Thời điểm không hợp lệ');
    const dir = mkdtempSync(join(tmpdir(), 'parindex-shallow-cli-'));
    try {
      s.fx.git(['clone', '-q', '--depth', '2', `file://${s.fx.dir}`, join(dir, 'c')]);
      const r = await call(history, ['--year', '2023'], join(dir, 'c'));
      expect(r.code).toBe(1);
      expect(r.err).toContain('bản sao nông (shallow clone)');
      expect(r.out).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run audit', () => {
  it('prints the log with score changes and flags evidence changed after the lock', async () => {
    const r = await call(audit, ['--unit', 'so-noi-vu', '--year', '2023']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Nhật ký thay đổi của đơn vị so-noi-vu, năm 2023 — nhánh main');
    expect(r.out).toContain('Hạn khóa tự đánh giá: 17/11/2023 17:00:00');
    expect(r.out).toContain('1.1: điểm 2 → 3 (+1)');
    expect(r.out).toContain('1.1: điểm 3 → 2 (−1)');
    expect(r.out).toContain('1.2: điểm 0,5 → 1 (+0,5)');
    expect(r.out).toMatch(/17\/11\/2023 17:00:00 \(giờ commit\)\s+\w{10}\s+commit trực tiếp\s+Nguyễn Thị An <an@sonoivu.gov.vn>\s+⚠ SAU HẠN KHÓA/);
    expect(r.out).toContain(`Minh chứng: sửa nội dung ${EV}/so-noi-vu/bao-cao-55.pdf  ⚠ sau hạn khóa`);
    expect(r.out).toContain(`⚠ Tệp minh chứng khác với lúc khóa:\n  sửa nội dung ${EV}/so-noi-vu/bao-cao-55.pdf`);
    const merged = await call(audit, ['--unit', 'so-tu-phap', '--year', '2023']);
    expect(merged.out).toContain('gộp PR #3  Trần Văn Bình');
    expect(r.out).not.toContain('thông tin chung thay đổi');
    expect(merged.out).toContain('người sửa trên nhánh: Trần Văn Bình <binh@sotuphap.gov.vn>');
  });

  it('prints JSON and checks its arguments', async () => {
    const r = await call(audit, ['--unit', 'so-noi-vu', '--year', '2023', '--to', s.c.revert, '--format', 'json']);
    const log = JSON.parse(r.out) as AuditLog;
    expect(log.to!.sha).toBe(s.c.revert);
    expect(log.entries).toHaveLength(5);
    expect((await call(audit, ['--year', '2023'])).code).toBe(2);
    const bad = await call(audit, ['--unit', 'so-noi-vu', '--year', '2023', '--from', 'deadbeef']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('“deadbeef” không phải thời điểm ISO');
    const off = await call(audit, ['--unit', 'so-noi-vu', '--year', '2023', '--from', s.c.tuPhapBranch]);
    expect(off.code).toBe(2);
    expect(off.err).toContain('không nằm trên lịch sử chính của main');
  });
});
