// Whatever an officer's editor, keyboard or a hostile contributor produces, validation returns
// findings and never throws; every finding is positioned, known and written in Vietnamese, and no
// rule ever reports its own internal error. Runs are bounded so the file stays well under 20 s.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { load, CORE_SCHEMA } from 'js-yaml';
import { BUILTIN_CHECKS, RULES } from '../../scripts/core/rules/index.js';
import { loadRegistry, parseText, validate, type LoadedRegistry } from '../../scripts/core/validate/engine.js';
import type { Finding } from '../../scripts/core/findings.js';
import { BASE_SELF_ASSESSMENT, baseSource, baseText, withFiles } from '../helpers/fixtures.js';

const P = BASE_SELF_ASSESSMENT;
const BASE = baseText(P);
const SEVERITY = new Map<string, string>([...BUILTIN_CHECKS, ...RULES].map((r) => [r.id, r.severity]));
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const RUNS = 250;

let registry: LoadedRegistry;
beforeAll(async () => { registry = await loadRegistry(baseSource()); });

function wellFormed(f: Finding, lines: number): void {
  const where = `${f.rule} ${f.line}:${f.column} ${f.message}`;
  expect(SEVERITY.get(f.rule), `unknown rule: ${where}`).toBe(f.severity);
  expect(f.file, where).toBe(P);
  expect(Number.isInteger(f.line) && f.line >= 1 && f.line <= lines + 1, where).toBe(true);
  expect(Number.isInteger(f.column) && f.column >= 1, where).toBe(true);
  expect(f.message.trim().length, where).toBeGreaterThan(10);
  expect(f.message, where).toMatch(VIETNAMESE);
  expect(f.message, where).not.toMatch(/Lỗi nội bộ|undefined|NaN|\[object Object\]/);
}

/** Validates one self-assessment text; the property is that this returns and is well formed. */
async function check(text: string): Promise<Finding[]> {
  expect(() => parseText(text, P)).not.toThrow();
  const { findings } = await validate(withFiles({ [P]: text }), { targets: [P], registry });
  // Editors (and the parsers) break lines at CR too.
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const f of findings) wellFormed(f, lines);
  return findings;
}

const TOKENS = ['\n', ' ', '  ', '- ', ': ', ':', ',', '[', ']', '{', '}', '"', "'", '#', '&a ', '*a', '&b ', '*b', '!!str ', '!x ',
  '? ', '|', '>-', '---', '...', '\t', '%YAML 1.2', '<<: ', 'unit', 'items', 'code', 'score', 'evidence', 'file', '1.1', '2', '-1',
  '0.5', 'null', '~', 'true', '2023-11-12', 'Mục I', 'Sở Nội vụ', 'Sở Nội vụ'.normalize('NFD'), '\uFEFF', '\u0000', '\uFFFD', '😀', '\r\n'];

describe('never throws, always well-formed findings', () => {
  it('random YAML-ish token soup', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), async (parts) => {
      await check(parts.join(''));
    }), { numRuns: RUNS, examples: [[['? ', '<<: ']], [['\r', '\u0000']]] });
  });

  it('random unicode text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
      await check(text);
    }), { numRuns: RUNS });
  });

  it('random JSON values written as YAML', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
      await check(stringify(value));
    }), { numRuns: RUNS, examples: [[JSON.parse('{"__proto__": 0}')], [{ toString: 1, constructor: 'x', unit: 'don-vi-a' }]] });
  });
});

// ---- mutations of the valid base self-assessment ------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const baseData = () => load(BASE, { schema: CORE_SCHEMA }) as { [k: string]: Json };

/** Every container path in the document, so a mutation can pick one. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function at(root: Json, path: (string | number)[]): Json | undefined {
  let node: Json | undefined = root;
  for (const step of path) node = node && typeof node === 'object' ? (node as Record<string, Json>)[step as string] : undefined;
  return node;
}

const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    fc.constantFrom<Json>(-1, 0, 0.5, 3, 1e308, '', '1.1', '2.1', '9.9', '../don-vi-b/x.pdf', '2023-02-30', 'javascript:alert(1)', [], {}, null, true)) }),
  fc.record({ op: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ op: fc.constant('text' as const), pick: fc.nat(), value: fc.string({ unit: 'grapheme', maxLength: 20 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(doc: { [k: string]: Json }, m: Mutation): void {
  const all = paths(doc).filter((p) => p.length > 0);
  const target = all.length ? all[('pick' in m ? m.pick : 0) % all.length]! : undefined;
  const parent = target && at(doc, target.slice(0, -1)) as Record<string, Json> | Json[];
  const key = target?.[target.length - 1];
  if (!parent || key === undefined) return;
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1); else delete parent[key as string];
      break;
    case 'replace':
      (parent as Record<string, Json>)[key as string] = m.value;
      break;
    case 'text': {
      const old = (parent as Record<string, Json>)[key as string];
      (parent as Record<string, Json>)[key as string] = typeof old === 'string' ? old + m.value : m.value;
      break;
    }
    case 'swap': {
      const items = doc.items;
      if (!Array.isArray(items) || !items.length) break;
      const a = m.i % items.length;
      const b = m.j % items.length;
      [items[a], items[b]] = [items[b]!, items[a]!];
      break;
    }
  }
}

describe('mutations of the valid base self-assessment', () => {
  it('the unmutated base is clean (so the properties below start from a known state)', async () => {
    expect(await check(BASE)).toEqual([]);
  });

  it('structural mutations (delete, replace with any value, swap items, append text)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
      const doc = baseData();
      for (const m of ms) mutate(doc, m);
      await check(stringify(doc));
    }), { numRuns: RUNS });
  });

  it('text mutations: truncation at any offset, insertion of any character anywhere', async () => {
    await fc.assert(fc.asyncProperty(
      fc.nat({ max: BASE.length }), fc.nat({ max: BASE.length }), fc.string({ unit: 'binary', maxLength: 8 }), fc.boolean(),
      async (cut, where, insert, truncate) => {
        const text = truncate ? BASE.slice(0, cut) : BASE.slice(0, where) + insert + BASE.slice(where);
        await check(text);
      }), { numRuns: RUNS });
  });
});

// ---- schema-valid random self-assessments: every rule runs, none may crash ----------------

const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
const isoDate = fc.tuple(fc.integer({ min: 2019, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const docNumber = fc.oneof(
  fc.constantFrom('55/BC-SNV', '55a/UBND-BC', '12b/KH-UBND', '05-NQ/TW', 'Số: 7A/TB', '01/2023/QĐ-UBND', 'x'),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('', 'a', 'b'), fc.constantFrom('BC-SNV', 'QĐ-UBND', 'KH')).map(([n, s, t]) => `${n}${s}/${t}`),
  fc.string({ minLength: 1, maxLength: 30 }),
);
const FILES = ['content/evidence/2023/don-vi-a/ke-hoach-12-kh-snv.pdf', 'content/evidence/2023/don-vi-a/chua-ky.pdf',
  'content/evidence/2023/don-vi-a/khong-phai-pdf.pdf', 'content/evidence/2023/don-vi-a/khong-co.pdf',
  'content/evidence/2023/don-vi-a/../don-vi-b/x.pdf', '../x.pdf', '/etc/passwd', 'C:\\x.pdf', 'content/evidence/2023/don-vi-a/'];
const evidence = fc.record({
  number: docNumber,
  date: isoDate,
  issuer: fc.constantFrom('Sở Thử nghiệm A', 'UBND tỉnh'),
  title: fc.constantFrom('Báo cáo', 'Kế hoạch CCHC'),
  locator: fc.constantFrom('Mục I', 'trang 2', ''),
  statisticsTable: fc.boolean(),
  sha256: fc.oneof(fc.constant('70f976d5930c82059e079653e30d47738d4123e380c0e13b55b733d58dae83ed'), digits(8).map((d) => d.repeat(8))),
  where: fc.oneof(fc.record({ file: fc.constantFrom(...FILES) }), fc.record({ url: fc.constantFrom('https://example.gov.vn/a.pdf', 'ftp://x', 'javascript:alert(1)', 'https://', 'http://[::1]/x') })),
}, { requiredKeys: ['number', 'date', 'issuer', 'title', 'where'] }).map(({ where, ...rest }) => ({ ...rest, ...where }));
const explanation = fc.array(fc.constantFrom('Đạt 23/23 nhiệm vụ', ' tại ', 'Khoản 11, Mục I', 'mục tiêu', 'điểm a', ', Báo cáo số ', '55/BC-SNV', '12b/KH-UBND',
  ' ', '.', 'chấm 2 điểm'), { maxLength: 8 }).map((a) => a.join(''));
const item = fc.record({
  code: fc.constantFrom('1.1', '1.2', '1.3', '2.1.1', '2.1.2', '2.1', '2.2', '9.9', '1'),
  score: fc.constantFrom(-1, 0, 0.5, 1, 1.5, 2, 3, 0.1 + 0.2, 1e-12, 1e300),
  notApplicable: fc.boolean(),
  figures: fc.record({ onTime: fc.nat({ max: 60 }), total: fc.nat({ max: 60 }) }, { requiredKeys: [] }),
  explanation,
  evidence: fc.array(evidence, { maxLength: 3 }),
}, { requiredKeys: ['code', 'score'] });

describe('schema-valid random self-assessments', () => {
  it('run every semantic rule without an internal error', async () => {
    let semantic = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(item, { maxLength: 8 }), fc.constantFrom('don-vi-a', 'don-vi-b', 'don-vi-cu', 'khong-co'),
      fc.constantFrom(2022, 2023, 2024), fc.constantFrom('fw-so-2023', 'fw-huyen-2023', 'fw-khong-co'),
      async (items, unit, year, framework) => {
        const doc = { unit, year, framework, preparedBy: { name: 'Nguyễn Thị Hoa' }, items };
        const findings = await check(stringify(doc));
        expect(findings.filter((f) => f.rule === 'schema').map((f) => f.message)).toEqual([]);
        semantic += findings.length;
      }), { numRuns: RUNS });
    // The generator must actually reach the rules, or this property proves nothing.
    expect(semantic).toBeGreaterThan(RUNS);
  });
});
