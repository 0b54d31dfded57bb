// The CLI as users run it: the launcher, exit codes, output formats, Vietnamese errors.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'scripts', 'bin', 'parindex.mjs');
const base = join(root, 'tests', 'fixtures', 'base');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let broken: string;

beforeAll(() => {
  broken = mkdtempSync(join(tmpdir(), 'parindex-cli-'));
  cpSync(base, broken, { recursive: true });
  const sa = join(broken, 'content/self-assessments/2023/don-vi-a.yaml');
  writeFileSync(sa, readFileSync(sa, 'utf8').replace('  - code: "1.2"\n    score: 2\n', '  - code: "1.2"\n    score: 7\n').replace('number: 12/KH-SNV', 'number: 12a/KH-SNV'));
}, 120_000);

describe('parindex validate', () => {
  it('exits 0 on valid data and says so in Vietnamese', () => {
    const r = run(['validate', '--root', base]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã kiểm tra 7 tệp: 0 lỗi, 0 cảnh báo\./);
  });

  it('exits 1 with errors; json has the fixed shape with line and criterion code', () => {
    const r = run(['validate', '--root', broken, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.files).toBe(7);
    const above = json.findings.find((f: { rule: string }) => f.rule === 'score-above-max');
    expect(above).toEqual({ rule: 'score-above-max', severity: 'error', file: 'content/self-assessments/2023/don-vi-a.yaml', line: 40, column: 12, code: '1.2', message: expect.stringMatching(/Điểm 7 vượt điểm tối đa 2 của tiêu chí 1\.2/) });
    const suffix = json.findings.find((f: { rule: string }) => f.rule === 'evidence-number-suffix');
    expect(suffix).toMatchObject({ severity: 'warning', code: '1.1', line: 17 });
    for (const f of json.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'file', 'line', 'column', 'code', 'message']);
  });

  it('prints GitHub annotations with escaped properties', () => {
    const r = run(['validate', '--root', broken, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^::error file=content\/self-assessments\/2023\/don-vi-a\.yaml,line=40,col=12,title=Tiêu chí 1\.2 · score-above-max::Điểm 7/m);
    expect(r.out).toMatch(/^::warning file=.*line=17,.*::Văn bản “12a\/KH-SNV”/m);
  });

  it('checks only the given file, and maps an evidence file to its self-assessment', () => {
    const r = run(['validate', '--root', broken, join(broken, 'content/evidence/2023/don-vi-a/chua-ky.pdf'), '--format', 'json']);
    expect(JSON.parse(r.out).files).toBe(1);
  });

  it('exits 2 on bad usage, with a Vietnamese message and no stack trace', () => {
    for (const args of [['validate', '--bogus'], ['validate', '--format', 'xml'], ['validate', '/nonexistent/file.yaml'], ['nope'], ['score'], ['score', '--year', 'abc']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
      expect(r.err).toMatch(/[ạảãáàâăđêôơưếềểễệốồổỗộớờởỡợứừửữự]/);
    }
  });
});

describe('parindex score', () => {
  it('prints a ranking table, JSON and CSV', () => {
    const table = run(['score', '--year', '2023', '--root', base]);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/Sở, ban, ngành \(1 đơn vị\)/);
    expect(table.out).toMatch(/1\s+Sở Thử nghiệm A\s+4,5\s+6\s+75,00\s+Khá/);
    const json = JSON.parse(run(['score', '--year', '2023', '--root', base, '--format', 'json']).out);
    expect(json.groups[0].units[0]).toMatchObject({ unit: 'don-vi-a', rank: 1, points: 4.5, index: 75 });
    expect(run(['score', '--year', '2023', '--root', base, '--format', 'csv']).out).toMatch(/^\uFEFFNhóm;Hạng;/);
  });
  it('breaks one unit down by domain, criterion and leaf', () => {
    const r = run(['score', '--year', '2023', '--root', base, '--unit', 'don-vi-a']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Sở Thử nghiệm A tỉnh Thái Nguyên: 4,5\/6 điểm, Chỉ số 75,00%, hạng 1/);
    expect(r.out).toMatch(/^1\.3\s+Giải quyết thủ tục hành chính của đơn vị \(không áp dụng\)\s+2\s+0\s+0\s+—$/m);
    expect(r.out).toMatch(/^2\.1\.1\s+Đánh giá, xếp loại công chức đúng quy định\s+1\s+1\s+0,5\s+50,00$/m);
  });
  it('says a unit that is not in the registry does not exist (exit 2), instead of "no result"', () => {
    const r = run(['score', '--year', '2023', '--root', base, '--unit', 'khong-co']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Đơn vị “khong-co” không tồn tại: không có tệp content\/units\/khong-co\.yaml\./);
  });
  it('explains a missing campaign or appraisal stage', () => {
    const r = run(['score', '--year', '2031', '--root', base]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Không có đợt đánh giá năm 2031/);
    expect(run(['score', '--year', '2023', '--stage', 'final', '--root', base]).err).toMatch(/chưa có kết quả thẩm định/);
  });
});

describe('usage and output conventions', () => {
  it('prints usage on --help, also after `--` (npm run score -- --help), and exits 0', () => {
    for (const args of [['score', '--help'], ['score', '--', '--help'], ['history', '-h'], ['report', '--year', '2023', '--help']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out, args.join(' ')).toMatch(new RegExp(`^Cách dùng: npm run ${args[0]} -- `));
      expect(r.err).toBe('');
    }
  });

  it('clips long criterion titles at a word boundary, never mid-word', () => {
    const r = run(['score', '--year', '2023', '--unit', 'so-noi-vu']);
    expect(r.code, r.err).toBe(0);
    const words = new Set(readdirSync(join(root, 'content/frameworks')).flatMap((f) => readFileSync(join(root, 'content/frameworks', f), 'utf8').split(/[\s"']+/)));
    const clipped = r.out.split('\n').filter((l) => l.includes('…'));
    expect(clipped.length).toBeGreaterThan(0);
    for (const line of clipped) {
      const last = /(\S+)…/.exec(line)![1]!;
      expect(words.has(last) || words.has(`${last},`) || words.has(last.replace(/,$/, '')), line).toBe(true);
    }
  });

  it('prints every change with two decimals, like the index it changes', () => {
    // The self stage of the sample data has changes like +4,3 beside +4,04.
    const r = run(['score', '--year', '2023']);
    expect(r.code, r.err).toBe(0);
    const changes = r.out.split('\n').filter((l) => /^\d+\s/.test(l)).map((l) => l.trim().split(/\s+/).at(-1));
    expect(changes.length).toBe(8);
    for (const c of changes) expect(c).toMatch(/^(?:[+−]\d+,\d\d|0,00|—)$/);
  });

  it('documents every command of `parindex --help` in the README, each with its npm script', () => {
    const help = run(['--help']).out;
    const names = [...help.matchAll(/^  (\S+)  /gm)].map((m) => m[1]!);
    expect(names).toContain('pr-report');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    for (const name of names) {
      expect(readme, name).toMatch(name === 'start' ? /npm start/ : new RegExp(`npm run ${name}\\b`));
      expect(scripts[name], name).toBe(`node scripts/bin/parindex.mjs ${name}`);
    }
  });
});
