// Hostile and careless inputs to the one YAML loader: each must end as a positioned finding with
// a Vietnamese message, quickly, and never as a thrown error, a hang or a stack overflow.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseYaml, DEFAULT_LIMITS } from '../../scripts/core/load/yaml.js';
import { parseText, validate } from '../../scripts/core/validate/engine.js';
import { loadContent } from '../../scripts/core/load/content.js';
import type { Finding, RawFinding } from '../../scripts/core/findings.js';
import { BASE_SELF_ASSESSMENT, baseText, withFiles } from '../helpers/fixtures.js';

const P = BASE_SELF_ASSESSMENT;
const BASE = baseText(P);

/** Parses and times; the loader's contract is that it returns, whatever the input. */
function timed(text: string) {
  const start = performance.now();
  const result = parseYaml(text, P);
  return { ...result, ms: performance.now() - start };
}

function only(findings: RawFinding[] | Finding[]) {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

async function validateText(text: string | Uint8Array) {
  return (await validate(withFiles({ [P]: text }), { targets: [P] })).findings;
}

function billionLaughs(levels = 10): string {
  const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

afterEach(() => vi.restoreAllMocks());

describe('resource limits', () => {
  it('rejects a billion-laughs alias bomb in well under a second', () => {
    const r = timed(billionLaughs());
    expect(r.ms).toBeLessThan(1000);
    expect(r.data).toBeUndefined();
    const f = only(r.findings);
    expect(f.rule).toBe('yaml-limits');
    expect(f.message).toMatch(/tham chiếu \(alias\)/);
  });

  it('rejects the bomb in JSON-like flow style, anchors glued to ":" ({"a":&x …})', () => {
    const parts = ['"a0":&a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) parts.push(`"a${i}":&a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    const r = timed(`{${parts.join(',')}}`);
    expect(r.ms).toBeLessThan(1000);
    expect(only(r.findings).rule).toBe('yaml-limits');
  });

  it('accepts a handful of aliases, and "KH&CN" is text, not an anchor', () => {
    const r = timed('a: &x [1, 2]\nb: *x\nc: Sở KH&CN\n');
    expect(r.findings).toEqual([]);
    expect(r.data).toEqual({ a: [1, 2], b: [1, 2], c: 'Sở KH&CN' });
  });

  it.each([
    ['10,000 nested flow lists', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['10,000 unclosed flow lists', '['.repeat(10_000)],
    ['10,000 nested flow mappings', '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['1,000 nested block mappings', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n'],
    ['10,000 nested lists after an anchor (the alias-limited parser)', '&a ' + '['.repeat(10_000) + ']'.repeat(10_000)],
    ['60 nested lists (parses, but deeper than the 48-level limit)', '['.repeat(60) + ']'.repeat(60)],
  ])('%s: a yaml-limits finding, not a stack overflow', (_name, text) => {
    const r = timed(text);
    expect(r.ms).toBeLessThan(2000);
    expect(r.data).toBeUndefined();
    const f = only(r.findings);
    expect(f.rule).toBe('yaml-limits');
    expect(f.message).toMatch(/lồng nhau quá sâu/);
  });

  it('a depth within the limit still loads', () => {
    const r = timed('['.repeat(DEFAULT_LIMITS.maxDepth) + ']'.repeat(DEFAULT_LIMITS.maxDepth));
    expect(r.findings).toEqual([]);
  });

  it('rejects a file over the size limit before parsing it, saying how big it is', () => {
    const huge = `unit: don-vi-a\nexplanation: "${'x'.repeat(DEFAULT_LIMITS.maxBytes)}"\n`;
    const r = timed(huge);
    expect(r.ms).toBeLessThan(200);
    const f = only(r.findings);
    expect(f).toMatchObject({ rule: 'yaml-limits', line: 1, column: 1 });
    expect(f.message).toMatch(/^Tệp quá lớn \(5,0 MB; tối đa 5 MB\)\.$/);
  });

  it('the whole pipeline survives a bomb in a registry file: the unit is broken, not the run', async () => {
    const findings = (await validate(withFiles({ 'content/units/don-vi-a.yaml': billionLaughs() }))).findings;
    expect(findings.map((f) => [f.rule, f.file])).toEqual([['yaml-limits', 'content/units/don-vi-a.yaml']]);
  });
});

describe('duplicate keys', () => {
  it('reports the second occurrence, on its own line', () => {
    const text = BASE.replace('  - code: "1.2"\n    score: 2\n', '  - code: "1.2"\n    score: 2\n    score: 1\n');
    const f = only(timed(text).findings);
    expect(f).toMatchObject({ rule: 'yaml-duplicate-key', line: 41, column: 5 });
    expect(f.message).toContain('khóa trùng');
  });

  it('does the same in a file with anchors (the other parser)', () => {
    const f = only(timed('unit: &u don-vi-a\nyear: 2023\nunit: *u\n').findings);
    expect(f).toMatchObject({ rule: 'yaml-duplicate-key', line: 3, column: 1 });
  });

  it('is reported by validate with the same position', async () => {
    const findings = await validateText('unit: don-vi-a\nyear: 2023\nyear: 2024\n');
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml-duplicate-key', 3, 1]]);
  });
});

describe('encodings and text', () => {
  it('reads a UTF-8 file with a byte-order mark', async () => {
    const r = timed(`\uFEFF${BASE}`);
    expect(r.findings).toEqual([]);
    expect((r.data as { unit: string }).unit).toBe('don-vi-a');
    expect(await validateText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(BASE)]))).toEqual([]);
  });

  it('normalises decomposed (NFD) input to NFC, in values and keys', () => {
    const nfd = 'tên: Sở Nội vụ\nlist: [Ủy ban nhân dân]\n'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const r = timed(nfd);
    expect(r.findings).toEqual([]);
    expect(r.data).toEqual({ 'tên': 'Sở Nội vụ', list: ['Ủy ban nhân dân'] });
    const keys = Object.keys(r.data as object);
    expect(keys).toContain('tên'.normalize('NFC'));
    expect(keys).not.toContain('tên'.normalize('NFD'));
  });

  it('an NFD self-assessment validates exactly like its NFC twin', async () => {
    expect(await validateText(BASE.normalize('NFD'))).toEqual([]);
  });

  it('keeps unquoted dates as strings (never JS Dates), with YAML 1.2 core scalars only', () => {
    const r = timed('date: 2023-11-12\nat: 2023-11-17T17:00\nscore: 0.5\nphone: 0208 3851 234\nyes: yes\non: on\nempty: ~\n');
    // YAML 1.1's yes/on booleans and timestamps would silently change what an officer typed.
    expect(r.data).toEqual({ date: '2023-11-12', at: '2023-11-17T17:00', score: 0.5, phone: '0208 3851 234', yes: 'yes', on: 'on', empty: null });
  });

  it('an unquoted evidence date passes the schema as the string it looks like', async () => {
    expect(await validateText(BASE.replace('        date: "2023-11-12"\n', '        date: 2023-11-12\n'))).toEqual([]);
  });

  it('invalid UTF-8 bytes → yaml-encoding at the first bad byte', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('unit: don-vi-a\nyear: 2023\npreparedBy:\n  name: Nguy'), 0xe1, 0xbb, 0x20, 0x6e, 0x0a]);
    const f = only(await validateText(bytes));
    expect(f).toMatchObject({ rule: 'yaml-encoding', severity: 'error', line: 4, column: 13 });
    expect(f.message).toContain('UTF-8');
  });

  it('a UTF-16 file (as Windows Notepad may save it) is an encoding error too', async () => {
    const utf16 = new Uint8Array(Buffer.from(`\uFEFF${BASE}`, 'utf16le'));
    expect(only(await validateText(utf16)).rule).toBe('yaml-encoding');
  });
});

describe('syntax', () => {
  it('a syntax error has a line, a column and a Vietnamese reason', () => {
    const f = only(timed('unit: don-vi-a\n  year: 2023\n').findings);
    expect(f).toMatchObject({ rule: 'yaml-syntax', severity: 'error', line: 2, column: 7 });
    expect(f.message).toBe('Lỗi cú pháp YAML: thụt lề không đúng.');
  });

  it('tabs used for indentation are named as the cause', () => {
    const f = only(timed('unit: don-vi-a\nitems:\n\t- code: "1.1"\n').findings);
    expect(f).toMatchObject({ rule: 'yaml-syntax', line: 3 });
    expect(f.message).toContain('tab');
  });

  it('an unterminated quote or flow collection is a syntax error, not a crash', () => {
    expect(only(timed('unit: "don-vi-a\nyear: 2023\n').findings).rule).toBe('yaml-syntax');
    expect(only(timed('figures: { onTime: 46, total: 50\nscore: 2\n').findings).rule).toBe('yaml-syntax');
  });

  it.each([
    ['an explicit key', '? {a: 1}\n: x\nunit: don-vi-a\n'],
    ['a flow mapping as an implicit key', '{a: 1}: x\nunit: don-vi-a\n'],
    ['a mapping inside a flow sequence key', 'unit: don-vi-a\nitems:\n  [{a: 1}]  : x\n'],
  ])('a mapping used as a key (%s) is refused, not read as "[object Object]"', (_name, text) => {
    const r = timed(text);
    expect(r.data).toBeUndefined();
    expect(only(r.findings).rule).toBe('yaml-syntax');
  });

  it('two documents in one file are refused', () => {
    expect(only(timed('unit: a\n---\nunit: b\n').findings).rule).toBe('yaml-syntax');
  });

  it.each([
    ['!!js/function', 'score: !!js/function "function () { return 2 }"\n'],
    ['!!js/undefined', 'score: !!js/undefined ""\n'],
    ['!!binary', 'score: !!binary aGVsbG8=\n'],
    ['a custom tag', 'score: !diem 2\n'],
    ['!!js/function beside an anchor', 'a: &x 1\nscore: !!js/function "function () {}"\n'],
    ['a custom tag beside an anchor', 'a: &x 1\nscore: !diem 2\n'],
  ])('%s is refused, never executed or silently stringified', (_name, text) => {
    const warn = vi.spyOn(process, 'emitWarning');
    const r = timed(text);
    expect(r.data).toBeUndefined();
    const f = only(r.findings);
    expect(f.rule).toBe('yaml-syntax');
    expect(f.message).toContain('thẻ (tag) YAML không được hỗ trợ');
    expect(f.line).toBe(text.split('\n').length - 1);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('shapes that are not a self-assessment', () => {
  it.each([
    ['an empty file', ''],
    ['only a comment', '# chưa nhập\n'],
    ['a top-level list', '- unit: don-vi-a\n- year: 2023\n'],
    ['a top-level scalar', 'don-vi-a\n'],
    ['a top-level number', '2023\n'],
    ['null', '~\n'],
  ])('%s → one schema finding at line 1, no crash', async (_name, text) => {
    const parsed = parseText(text, P);
    expect(parsed.valid).toBe(false);
    const f = only(await validateText(text));
    expect(f).toMatchObject({ rule: 'schema', severity: 'error', line: 1, column: 1 });
    expect(f.message).toBe('Giá trị phải là một khối trường.');
  });

  it('loadContent lists a hostile self-assessment as invalid and still loads the year', async () => {
    const content = await loadContent(withFiles({
      [P]: billionLaughs(),
      'content/self-assessments/2023/don-vi-b.yaml': '- not\n- an object\n',
    }));
    const year = content.years.get(2023)!;
    expect(year.campaign?.year).toBe(2023);
    expect(year.invalid.sort()).toEqual([P, 'content/self-assessments/2023/don-vi-b.yaml']);
    expect(year.selfAssessments.size).toBe(0);
  });
});

describe('positions of schema findings', () => {
  it('an error inside items[3].evidence[1].number is reported on that line', async () => {
    // items[3] is 2.1.1; give it a second evidence record whose number is a YAML integer.
    const text = BASE.replace('        locator: Điều 2\n', `        locator: Điều 2
      - number: 102
        date: "2023-11-25"
        issuer: Sở Thử nghiệm A
        title: Thông báo kết quả
        url: https://example.gov.vn/van-ban/102.pdf
`);
    const lines = text.split('\n');
    const expectedLine = lines.indexOf('      - number: 102') + 1;
    expect(expectedLine).toBe(65);
    const f = only(await validateText(text));
    expect(f).toMatchObject({ rule: 'schema', line: expectedLine, column: 17, code: '2.1.1' });
    expect(f.message).toBe('“number” (số ký hiệu) phải là chuỗi ký tự.');
  });

  it('positions survive a BOM and CRLF line endings', async () => {
    const text = `\uFEFF${BASE.replace('    score: 0.5\n', '    score: "0,5"\n')}`.replace(/\n/g, '\r\n');
    const f = only(await validateText(text));
    expect(f).toMatchObject({ rule: 'schema', line: 56, column: 12, code: '2.1.1' });
  });

  it('positions survive NFD text before the error', async () => {
    const text = BASE.normalize('NFD').replace('    score: 0.5\n', '    score: "0,5"\n');
    expect(only(await validateText(text))).toMatchObject({ rule: 'schema', line: 56, column: 12 });
  });
});
