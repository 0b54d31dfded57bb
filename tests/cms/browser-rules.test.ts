// The rules the CMS runs in the browser are CI's: the same engine over the same file gives the
// same findings; and the form's conversions (items order, decimal comma, dd/mm/yyyy) hold.
import { describe, expect, test } from 'vitest';
import { load } from 'js-yaml';
import { validate, loadRegistry, EvidenceInspector } from '../../scripts/core/validate/engine.js';
import { checkEntry, checkText } from '../../site/cms/check.js';
import { normalizeItems, itemsFromValue } from '../../site/cms/items.js';
import { normalizeEntryData } from '../../site/cms/entry-data.js';
import { parseDecimal, parseViDate, showDecimal } from '../../site/cms/input-format.js';
import { fileStem, prepareUpload } from '../../site/cms/upload.js';
import { setRegistry } from '../../site/cms/registry.js';
import { baseSource, baseText, withFiles, BASE_SELF_ASSESSMENT } from '../helpers/fixtures.js';
import { sha256Hex } from '../../scripts/core/evidence/pdf.js';
import type { Item, SelfAssessment } from '../../scripts/core/model.js';

const strip = (fs: { rule: string; severity: string; line: number; code?: string; message: string }[]) =>
  fs.map((f) => `${f.severity} ${f.rule} ${f.code ?? ''} ${f.line} ${f.message}`);

describe('browser rule adapter', () => {
  test('same findings as the CI engine for the same text', async () => {
    const broken = baseText(BASE_SELF_ASSESSMENT)
      .replace('number: 55/BC-SNV', 'number: 55a/BC-SNV')
      .replace('score: 0.5', 'score: 3');
    const source = withFiles({ [BASE_SELF_ASSESSMENT]: broken });
    const ci = await validate(source, { targets: [BASE_SELF_ASSESSMENT] });
    const { registry } = await loadRegistry(source);
    const browser = await checkText(broken, BASE_SELF_ASSESSMENT, registry, new EvidenceInspector(source));
    expect(strip(browser)).toEqual(strip(ci.findings));
    expect(browser.map((f) => f.rule)).toEqual(expect.arrayContaining(['evidence-number-suffix', 'score-above-max']));
  });

  test('an entry as the form holds it is checked as the file it will become', async () => {
    const source = baseSource();
    const { registry } = await loadRegistry(source);
    setRegistry(registry);
    const data = load(baseText(BASE_SELF_ASSESSMENT)) as SelfAssessment;
    // A new entry: no year or framework typed, items in the wrong order and one missing.
    const form = { unit: data.unit, preparedBy: { ...data.preparedBy, phone: '' }, items: [...data.items].reverse().slice(1) };
    const normalized = normalizeEntryData(form, 2023);
    expect(normalized.framework).toBe('fw-so-2023');
    expect((normalized.items as Item[]).map((i) => i.code)).toEqual(['1.1', '1.2', '1.3', '2.1.1']);
    expect((normalized.preparedBy as Record<string, unknown>).phone).toBeUndefined();
    const findings = await checkEntry(normalized, 2023, registry, new EvidenceInspector(source));
    // 2.1.2 was never scored: it stays unscored (no `score: 0` written), and the one error says so.
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.code, f.message]))
      .toEqual([['item-code-missing', '2.1.2', expect.stringMatching(/^Chưa chấm điểm tiêu chí 2\.1\.2 “.+”\.$/)]]);
    const withoutNormalizing = await checkEntry(form as never, 2023, registry, new EvidenceInspector(source));
    expect(withoutNormalizing.some((f) => f.severity === 'error')).toBe(true);
  });
});

describe('form conversions', () => {
  test('items: framework order, only what the officer entered, extras and duplicates kept for the rules', async () => {
    const { registry } = await loadRegistry(baseSource());
    const fw = registry.frameworks.get('fw-so-2023')!;
    const items = normalizeItems([
      { code: '9.9', score: 1 }, { code: '1.2', score: 1, explanation: '  a\r\nb ' }, { code: '1.2', score: 2 },
    ] as Item[], fw);
    expect(items.map((i) => i.code)).toEqual(['1.2', '9.9', '1.2']);
    expect(items[0]).toEqual({ code: '1.2', score: 1, explanation: 'a\nb' });
    // An explanation without a score is kept without inventing one; an empty item is dropped.
    expect(normalizeItems([{ code: '1.1', explanation: 'x' }, { code: '1.3' }] as Item[], fw)).toEqual([{ code: '1.1', explanation: 'x' }]);
    expect(itemsFromValue({ toJS: () => [{ code: '1.1', score: 2 }, 'junk'] })).toEqual([{ code: '1.1', score: 2 }]);
  });

  test('numbers with a decimal comma, dates as dd/mm/yyyy', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal('0.25')).toBe(0.25);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1,5,2')).toBeUndefined();
    expect(parseDecimal('abc')).toBeUndefined();
    expect(showDecimal(1.5)).toBe('1,5');
    expect(parseViDate('12/11/2023')).toBe('2023-11-12');
    expect(parseViDate('1/2/2023')).toBe('2023-02-01');
    expect(parseViDate('31/02/2023')).toBeUndefined();
    expect(parseViDate('2023-11-12')).toBe('2023-11-12');
  });

  test('uploads are named after their content and hashed with WebCrypto', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const up = await prepareUpload({ name: 'Báo cáo 55/BC (bản ký số).PDF', arrayBuffer: async () => bytes.buffer as ArrayBuffer }, 2023, 'don-vi-a');
    expect(up.sha256).toBe(await sha256Hex(bytes));
    expect(up.path).toBe(`content/evidence/2023/don-vi-a/bao-cao-55-bc-ban-ky-so-${up.sha256.slice(0, 12)}.pdf`);
    expect(up.isPdf).toBe(true);
    expect(fileStem('Đề án.pdf')).toBe('de-an');
    expect(fileStem('....pdf')).toBe('tai-lieu');
  });
});
