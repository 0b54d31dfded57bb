// `parindex gate` on a real clone: exit codes 0/1/2, the three output formats, and the bundled
// launcher (`npm run gate` runs it) with no git binary on PATH.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { run } from '../../scripts/cli/gate.js';
import type { CliContext } from '../../scripts/cli/context.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { TestRepo, baseFiles, edit, text, type Files } from './git-repo.js';

const SA_A = 'content/self-assessments/2023/don-vi-a.yaml';
let repo: TestRepo;
let files: Files;
let main: string;
let own: string;
let foreign: string;
let scratch: string;

beforeAll(async () => {
  repo = await TestRepo.create();
  files = baseFiles();
  main = await repo.commit(files, { branch: 'main' });
  const changed = edit(files, { [SA_A]: text(files, SA_A).replace('Chưa công khai kết quả đánh giá.', 'Chưa công khai kết quả đánh giá, minh chứng tại Mục III, Báo cáo số 55/BC-SNV.') });
  own = await repo.commit(changed, { branch: 'don-vi-a', parents: [main] });
  foreign = await repo.commit(edit(files, { 'content/evidence/2023/don-vi-a/chua-ky.pdf': null }), { branch: 'la', parents: [main] });
  scratch = mkdtempSync(join(tmpdir(), 'parindex-gate-cli-'));
});
afterAll(() => { repo?.remove(); rmSync(scratch, { recursive: true, force: true }); });

async function call(args: string[]) {
  let out = '';
  let err = '';
  const ctx: CliContext = { root: repo.dir, env: {}, out: (t) => { out += t; }, err: (t) => { err += t; }, now: () => new Date('2023-11-10T10:00:00+07:00') };
  const code = await run(args, ctx);
  return { code, out, err };
}

describe('npm run gate', () => {
  it('exits 0 and explains itself in Vietnamese when allowed', async () => {
    const r = await call(['--base', 'main', '--head', own.slice(0, 10), '--author', 'officer-a']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Kết luận: ĐƯỢC NHẬP vào nhánh chính.');
    expect(r.out).toContain('10/11/2023 10:00:00 (giờ Việt Nam)');
    expect(r.out).toContain(`sửa     ${SA_A}`);
  });

  it('exits 1 with reasons; JSON carries the decision and the changes', async () => {
    const jsonOut = join(scratch, 'decision.json');
    const r = await call(['--base', main, '--head', foreign, '--author', 'officer-b', '--format', 'json', '--json-out', jsonOut]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ allowed: false, authors: ['officer-b'], role: 'unit', units: ['don-vi-b'], base: main, head: foreign, now: '2023-11-10T10:00:00+07:00', submittedAt: null });
    expect(j.reasons[0].rule).toBe('gate-not-owner');
    expect(j.changes).toEqual([{ path: 'content/evidence/2023/don-vi-a/chua-ky.pdf', status: 'removed' }]);
    expect(JSON.parse(readFileSync(jsonOut, 'utf8'))).toEqual(j);
  });

  it('honours --now and --submitted-at at the deadline, in either notation', async () => {
    const late = await call(['--base', main, '--head', own, '--author', 'officer-a', '--now', '2023-11-17T10:00:00Z']);
    expect(late.code).toBe(1);
    expect(late.out).toContain('Đã hết hạn “Tự đánh giá, chấm điểm” năm 2023 lúc 17/11/2023 17:00');
    const sent = await call(['--base', main, '--head', own, '--author', 'officer-a', '--now', '2023-11-17T17:00:20+07:00', '--submitted-at', '2023-11-17T16:59:50+07:00']);
    expect(sent.code).toBe(0);
    expect(sent.out).toContain('theo thời điểm gửi');
  });

  it('needs every repeated --author to pass', async () => {
    const r = await call(['--base', main, '--head', own, '--author', 'officer-a', '--author', 'officer-b', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).reasons[0].message).toMatch(/^\[officer-b\] /);
  });

  it('prints workflow annotations for --format github', async () => {
    const r = await call(['--base', main, '--head', foreign, '--author', 'officer-b', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^::error file=content\/evidence\/2023\/don-vi-a\/chua-ky.pdf,title=Cổng kiểm soát · gate-not-owner::Tệp /m);
    expect(r.out).toContain('Kết luận: BỊ TỪ CHỐI (1 lý do).');
  });

  it('exits 2 on usage errors, without a stack trace', async () => {
    for (const args of [
      ['--head', own, '--author', 'a'],
      ['--base', main, '--head', own],
      ['--base', main, '--head', 'khong-co-nhanh-nay', '--author', 'a'],
      ['--base', main, '--head', own, '--author', 'a', '--now', 'hôm qua'],
      ['--base', main, '--head', own, '--author', 'a', '--format', 'xml'],
    ]) {
      const r = await call(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('Cách dùng: npm run gate');
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('runs through the bundled launcher without a git binary on PATH', async () => {
    // The launcher rebuilds when a source is newer than its cached bundle; a bundle written from
    // another checkout sharing node_modules (a test clone) can look fresh, so make ours newer.
    const now = new Date();
    utimesSync(join(REPO_ROOT, 'scripts/cli/gate.ts'), now, now);
    const { stdout } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts/bin/parindex.mjs'), 'gate',
      '--root', repo.dir, '--base', main, '--head', own, '--author', 'officer-a', '--now', '2023-11-17T16:59:59+07:00', '--format', 'json'],
    { env: { PATH: '/nonexistent', HOME: scratch }, cwd: scratch });
    expect(JSON.parse(stdout).allowed).toBe(true);
  });
});
