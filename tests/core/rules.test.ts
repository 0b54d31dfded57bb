// Every rule id has fixtures that pass and fixtures that fail, in the SchemaStore spirit: a
// complete file dropped into the base repository, validated with the real engine, and the
// findings compared with the `# expect:` lines of its header (rule, line, criterion code, file).
// A new rule without fixtures fails here, and so does a fixture folder for a rule that is gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CHECKS, RULES } from '../../scripts/core/rules/index.js';
import { validate } from '../../scripts/core/validate/engine.js';
import { inspectPdf, sha256Hex } from '../../scripts/core/evidence/pdf.js';
import type { Finding } from '../../scripts/core/findings.js';
import {
  BASE_SELF_ASSESSMENT, RULE_FIXTURES_ROOT, baseSource, baseText, listRuleFixtures, ruleFixtureDirs, withFiles, type RuleFixture,
} from '../helpers/fixtures.js';
import { makePdf } from '../helpers/pdf.js';

const SEVERITY = new Map<string, string>([...BUILTIN_CHECKS, ...RULES].map((r) => [r.id, r.severity]));
const RULE_IDS = [...SEVERITY.keys()];
const FIXTURES = listRuleFixtures();

function show(f: Pick<Finding, 'rule' | 'line' | 'file'> & { code?: string }): string {
  return `${f.rule} line ${f.line}${f.code ? ` code ${f.code}` : ''} in ${f.file}`;
}

async function findingsFor(fx: RuleFixture): Promise<Finding[]> {
  return (await validate(withFiles({ [fx.target]: fx.bytes }))).findings;
}

describe('rule fixtures: coverage', () => {
  it('the base repository is clean, so every finding below comes from the fixture', async () => {
    expect((await validate(baseSource())).findings).toEqual([]);
  });

  it.each(RULE_IDS)('%s has valid and invalid fixtures', (rule) => {
    const mine = FIXTURES.filter((f) => f.rule === rule);
    expect(mine.filter((f) => f.kind === 'valid').map((f) => f.name), `tests/fixtures/rules/${rule}/valid/*.yaml`).not.toEqual([]);
    expect(mine.filter((f) => f.kind === 'invalid').map((f) => f.name), `tests/fixtures/rules/${rule}/invalid/*.yaml`).not.toEqual([]);
  });

  it('every fixture folder belongs to a rule that exists', () => {
    expect(ruleFixtureDirs().filter((d) => !SEVERITY.has(d))).toEqual([]);
  });

  it('headers are well formed: invalid fixtures expect their rule, valid ones expect nothing', () => {
    for (const fx of FIXTURES) {
      expect(fx.problems, `${fx.fixture}: unreadable directives`).toEqual([]);
      expect(fx.target, fx.fixture).toMatch(/^content\/.+\.ya?ml$/);
      for (const e of fx.expects) expect(SEVERITY.has(e.rule), `${fx.fixture}: unknown rule in "${e.source}"`).toBe(true);
      if (fx.kind === 'valid') expect(fx.expects, fx.fixture).toEqual([]);
      else expect(fx.expects.some((e) => e.rule === fx.rule), `${fx.fixture} must expect ${fx.rule}`).toBe(true);
    }
  });
});

describe('rule fixtures: valid files pass', () => {
  const valid = FIXTURES.filter((f) => f.kind === 'valid');
  it.each(valid.map((f) => [f.fixture, f] as const))('%s', async (_name, fx) => {
    const findings = await findingsFor(fx);
    expect(findings.filter((f) => f.rule === fx.rule).map(show)).toEqual([]);
    // Stricter than "no finding of this rule": a valid fixture is clean, so it cannot pass for
    // the wrong reason (e.g. a file the engine never reached because another check failed).
    expect(findings.map((f) => `${show(f)}: ${f.message}`)).toEqual([]);
  });
});

describe('rule fixtures: invalid files fail exactly as declared', () => {
  const invalid = FIXTURES.filter((f) => f.kind === 'invalid');
  it.each(invalid.map((f) => [f.fixture, f] as const))('%s', async (_name, fx) => {
    const findings = await findingsFor(fx);
    // Exact multiset: every expectation met, and nothing undeclared (no cascades slip in unseen).
    const actual = findings.map((f) => show(f)).sort();
    const expected = fx.expects.map((e) => show(e)).sort();
    expect(actual, findings.map((f) => `${show(f)}: ${f.message}`).join('\n')).toEqual(expected);
    for (const f of findings) {
      expect(f.severity, `${show(f)} severity`).toBe(SEVERITY.get(f.rule));
      expect(f.column, show(f)).toBeGreaterThanOrEqual(1);
      expect(f.message.trim().length, show(f)).toBeGreaterThan(10);
    }
  });

  it('item-level findings carry the criterion code', async () => {
    // Any finding located inside `items[i]` of a self-assessment names a code; the fixtures above
    // pin which one. This guards against an expectation that simply forgot to declare it.
    const itemRules = RULES.filter((r) => r.kind === 'self-assessment' && !r.id.startsWith('sa-')).map((r) => r.id);
    for (const fx of FIXTURES.filter((f) => f.kind === 'invalid' && f.target.startsWith('content/self-assessments/'))) {
      for (const e of fx.expects) {
        if (itemRules.includes(e.rule)) expect(e.code, `${fx.fixture}: "${e.source}" needs a code`).toBeTruthy();
      }
    }
  });
});

describe('appraisal-adjustment-cap against a campaign that grants bonus and penalty', () => {
  // Two files change together here (campaign caps and the appraisal), which one fixture cannot do.
  const appraisal = readFileSync(join(RULE_FIXTURES_ROOT, 'appraisal-adjustment-cap/valid/no-adjustments.yaml'), 'utf8');
  const campaign = `${baseText('content/campaigns/2023.yaml')}adjustments: { bonusMax: 2, penaltyMax: 1 }\n`;
  const run = async (extra: string) => (await validate(withFiles({
    'content/campaigns/2023.yaml': campaign,
    'content/appraisals/2023/don-vi-a.yaml': appraisal.replace('items:\n', `${extra}items:\n`),
  }))).findings.map((f) => [f.rule, f.file, f.line, f.message]);

  it('adjustments within the caps pass', async () => {
    expect(await run('bonus: { points: 2, reason: Sáng kiến cấp tỉnh }\npenalty: { points: 0.5, reason: Chậm báo cáo }\n')).toEqual([]);
  });

  it('adjustments over the caps are refused at their points', async () => {
    const lines = appraisal.split('\n').indexOf('items:') + 1;
    expect(await run('bonus: { points: 2.5, reason: Sáng kiến cấp tỉnh }\npenalty: { points: 1.5, reason: Chậm báo cáo }\n')).toEqual([
      ['appraisal-adjustment-cap', 'content/appraisals/2023/don-vi-a.yaml', lines, 'Điểm thưởng 2,5 vượt mức trần 2 của đợt đánh giá.'],
      ['appraisal-adjustment-cap', 'content/appraisals/2023/don-vi-a.yaml', lines + 1, 'Điểm trừ 1,5 vượt mức trần 1 của đợt đánh giá.'],
    ]);
  });
});

describe('rule messages read as Vietnamese and name the thing to fix', () => {
  it('suffix, locator and cut-off messages quote the document and the criterion', async () => {
    const text = baseText(BASE_SELF_ASSESSMENT)
      .replace('      - number: 12/KH-SNV\n', '      - number: 12b/KH-UBND\n')
      .replace('    explanation: Ban hành đúng hạn 46/50 văn bản (92%), minh chứng tại Mục II, Báo cáo số 55/BC-SNV.\n',
        '    explanation: Ban hành đúng hạn 46/50 văn bản, theo Báo cáo số 55/BC-SNV.\n')
      .replace('        date: "2023-11-25"\n', '        date: "2023-12-01"\n');
    const { findings } = await validate(withFiles({ [BASE_SELF_ASSESSMENT]: text }));
    const by = (rule: string) => findings.find((f) => f.rule === rule)?.message ?? '';
    expect(by('evidence-number-suffix')).toContain('“12b/KH-UBND”');
    expect(by('evidence-number-suffix')).toContain('tiêu chí 1.1');
    expect(by('explanation-no-locator')).toMatch(/Mục\/Khoản\/Điểm/);
    expect(by('evidence-date-cutoff')).toContain('01/12/2023');
    expect(by('evidence-date-cutoff')).toContain('30/11/2023');
    for (const f of findings) expect(f.message, f.rule).toBe(f.message.normalize('NFC'));
  });
});

describe('inspectPdf: what counts as a digital signature', () => {
  // Generated, not committed: the edge cases are byte surgery on a real signed PDF.
  let signed: Uint8Array;
  let unsigned: Uint8Array;
  const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
  const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

  it('a PDF signed over its whole byte range is signed', async () => {
    signed = await makePdf('Ke hoach 12/KH-SNV', { sign: true });
    expect(inspectPdf(signed)).toEqual({ isPdf: true, signed: true, signatures: 1 });
  });

  it('a plain PDF is a PDF without signatures', async () => {
    unsigned = await makePdf('Bao cao chua ky');
    expect(inspectPdf(unsigned)).toEqual({ isPdf: true, signed: false, signatures: 0 });
  });

  it('bytes appended after signing: the signature no longer covers the file', () => {
    const tampered = new Uint8Array([...signed, ...new TextEncoder().encode('\n% them noi dung sau khi ky\n')]);
    expect(inspectPdf(tampered)).toMatchObject({ isPdf: true, signed: false, signatures: 1, problem: 'partial-coverage' });
  });

  it('a signature placeholder never filled is not a signature', () => {
    // Zero the /Contents hole: what a signing tool leaves when it prepares but never signs.
    const text = latin1(signed);
    const m = /\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+\d+\s*\]/.exec(text)!;
    const [b, c] = [Number(m[1]), Number(m[2])];
    const emptied = text.slice(0, b + 1) + '0'.repeat(c - b - 2) + text.slice(c - 1);
    expect(emptied.length).toBe(text.length);
    expect(inspectPdf(fromLatin1(emptied))).toMatchObject({ signed: false, signatures: 1, problem: 'empty-signature' });
  });

  it('an unfilled @signpdf placeholder (ByteRange still asterisks) is not a signature', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const { pdflibAddPlaceholder } = await import('@signpdf/placeholder-pdf-lib');
    const doc = await PDFDocument.load(unsigned);
    pdflibAddPlaceholder({ pdfDoc: doc, reason: 'Ky so', contactInfo: 'x@example.vn', name: 'X', location: 'TN', signatureLength: 1024 });
    const prepared = await doc.save({ useObjectStreams: false });
    expect(latin1(prepared)).toMatch(/\/Type\s*\/Sig/);
    expect(inspectPdf(prepared)).toMatchObject({ isPdf: true, signed: false });
  });

  it('a file that merely mentions /Sig and /ByteRange in its text is not signed', () => {
    const text = latin1(unsigned).replace('%%EOF', '% /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 10 20 30]\n%%EOF');
    const info = inspectPdf(fromLatin1(text));
    expect(info.signed).toBe(false);
    expect(info.problem).toBe('malformed-byte-range');
    expect(inspectPdf(fromLatin1(latin1(unsigned).replace('%%EOF', '% /Sig\n%%EOF')))).toEqual({ isPdf: true, signed: false, signatures: 0 });
  });

  it('a file that is not a PDF says so, whatever its name', () => {
    expect(inspectPdf(new TextEncoder().encode('Day khong phai PDF /Type /Sig /ByteRange [0 1 2 3]'))).toEqual({ isPdf: false, signed: false, signatures: 0 });
    expect(inspectPdf(new Uint8Array())).toEqual({ isPdf: false, signed: false, signatures: 0 });
  });

  it('the evidence-unsigned message says why: a file modified after signing', async () => {
    const tampered = new Uint8Array([...signed, ...new TextEncoder().encode('\n%%EOF\n')]);
    const path = 'content/evidence/2023/don-vi-a/ke-hoach-sua-sau-ky.pdf';
    const text = baseText(BASE_SELF_ASSESSMENT)
      .replace('file: content/evidence/2023/don-vi-a/ke-hoach-12-kh-snv.pdf', `file: ${path}`)
      .replace('70f976d5930c82059e079653e30d47738d4123e380c0e13b55b733d58dae83ed', await sha256Hex(tampered));
    const { findings } = await validate(withFiles({ [BASE_SELF_ASSESSMENT]: text, [path]: tampered }));
    expect(findings.map((f) => [f.rule, f.line, f.code])).toEqual([['evidence-unsigned', 21, '1.1']]);
    expect(findings[0]!.message).toContain('tệp bị sửa sau khi ký');
  });
});
