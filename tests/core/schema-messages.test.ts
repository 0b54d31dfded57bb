// Structural (JSON Schema) errors as an officer reads them: Vietnamese, one message per mistake,
// on the line of the mistake, with the criterion code when it is inside an item.
import { describe, expect, it } from 'vitest';
import { validate } from '../../scripts/core/validate/engine.js';
import type { Finding } from '../../scripts/core/findings.js';
import { BASE_SELF_ASSESSMENT, baseText, withFiles } from '../helpers/fixtures.js';

const SA = BASE_SELF_ASSESSMENT;
const BASE = baseText(SA);
const FRAMEWORK = 'content/frameworks/fw-so-2023.yaml';
const CAMPAIGN = 'content/campaigns/2023.yaml';
const UNIT = 'content/units/don-vi-a.yaml';

// ajv's English must never reach an officer.
const ENGLISH = /\b(must|should|have|property|required|additional|match|equal|allowed|schema)\b/i;

async function schemaFindings(path: string, text: string): Promise<Finding[]> {
  const { findings } = await validate(withFiles({ [path]: text }), { targets: [path] });
  for (const f of findings) {
    expect(f.rule).toBe('schema');
    expect(f.message).not.toMatch(ENGLISH);
    expect(f.message).toBe(f.message.normalize('NFC'));
    expect(f.message).toMatch(/\.$/);
  }
  return findings;
}

function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

const brief = (f: Finding) => ({ line: f.line, column: f.column, code: f.code, message: f.message });

describe('self-assessment schema messages', () => {
  it('a missing required field names the field in both languages, at the item', async () => {
    const fs = await schemaFindings(SA, edit(BASE, '    score: 0.5\n', ''));
    expect(fs.map(brief)).toEqual([{ line: 55, column: 5, code: '2.1.1', message: 'Thiếu trường bắt buộc “score” (điểm).' }]);
  });

  it('an unknown field points at the key, on its own line, and suggests a typo', async () => {
    const fs = await schemaFindings(SA, edit(BASE, '    notApplicable: true\n', '    notApplicable: true\n    ghiChu: không có hồ sơ\n'));
    expect(fs.map(brief)).toEqual([{ line: 54, column: 5, code: '1.3', message: 'Trường “ghiChu” không có trong mẫu dữ liệu (gõ sai tên trường?).' }]);
  });

  it('a misspelt required field gives both halves of the story: unknown name, missing field', async () => {
    const fs = await schemaFindings(SA, edit(BASE, '    score: 0.5\n', '    scrore: 0.5\n'));
    expect(fs.map((f) => [f.line, f.message])).toEqual([
      [55, 'Thiếu trường bắt buộc “score” (điểm).'],
      [56, 'Trường “scrore” không có trong mẫu dữ liệu (gõ sai tên trường?).'],
    ]);
  });

  it('a wrong type says what was expected, in Vietnamese', async () => {
    const fs = await schemaFindings(SA, edit(BASE, '    score: 0.5\n', '    score: "0,5"\n'));
    expect(fs.map(brief)).toEqual([{ line: 56, column: 12, code: '2.1.1', message: '“score” (điểm) phải là số.' }]);
  });

  it('an unquoted code like 1.2 is a number in YAML: the message asks for text', async () => {
    const fs = await schemaFindings(SA, edit(BASE, '  - code: "1.2"\n', '  - code: 1.2\n'));
    expect(fs.map((f) => [f.line, f.message])).toEqual([[39, '“code” (mã tiêu chí) phải là chuỗi ký tự.']]);
  });

  it('evidence with both a file and a link gets one oneOf message, not three', async () => {
    const fs = await schemaFindings(SA, edit(BASE, '        url: https://example.gov.vn/van-ban/101-qd-snv.pdf\n',
      '        url: https://example.gov.vn/van-ban/101-qd-snv.pdf\n        file: content/evidence/2023/don-vi-a/ke-hoach-12-kh-snv.pdf\n'));
    expect(fs.map(brief)).toEqual([{ line: 59, column: 9, code: '2.1.1',
      message: 'Tài liệu kiểm chứng phải có đúng một trong hai trường “file” (tệp đính kèm) hoặc “url” (địa chỉ).' }]);
  });

  it('evidence with neither gets the same single message', async () => {
    const fs = await schemaFindings(SA, edit(BASE, '        url: https://example.gov.vn/van-ban/101-qd-snv.pdf\n', ''));
    expect(fs.map((f) => [f.line, f.message])).toEqual([[59, expect.stringMatching(/^Tài liệu kiểm chứng phải có đúng một/)]]);
  });

  it('a date typed dd/mm/yyyy gets one date message with the expected form', async () => {
    const fs = await schemaFindings(SA, edit(BASE, '        date: "2023-11-25"\n', '        date: "25/11/2023"\n'));
    expect(fs.map(brief)).toEqual([{ line: 60, column: 15, code: '2.1.1',
      message: '“date” (ngày) không phải ngày hợp lệ (dạng YYYY-MM-DD, ví dụ "2023-11-17").' }]);
  });

  it('an impossible calendar date (30 February) is refused the same way', async () => {
    const fs = await schemaFindings(SA, edit(BASE, '        date: "2023-11-25"\n', '        date: "2023-02-30"\n'));
    expect(fs.map((f) => f.message)).toEqual(['“date” (ngày) không phải ngày hợp lệ (dạng YYYY-MM-DD, ví dụ "2023-11-17").']);
  });

  it('a figure name with diacritics gets one message about the name', async () => {
    const fs = await schemaFindings(SA, edit(BASE, 'figures: { onTime: 46, total: 50 }', 'figures: { đúngHạn: 46, total: 50 }'));
    expect(fs.map((f) => [f.line, f.code, f.message])).toEqual([[41, '1.2', 'Tên trường “đúngHạn” không hợp lệ.']]);
  });

  it('fields named like Object.prototype members are just unknown fields', async () => {
    const fs = await schemaFindings(SA, `${BASE}__proto__: 1\ntoString: 2\nconstructor: 3\n`);
    expect(fs.map((f) => [f.line, f.message])).toEqual([
      [68, 'Trường “__proto__” không có trong mẫu dữ liệu (gõ sai tên trường?).'],
      [69, 'Trường “toString” không có trong mẫu dữ liệu (gõ sai tên trường?).'],
      [70, 'Trường “constructor” không có trong mẫu dữ liệu (gõ sai tên trường?).'],
    ]);
  });

  it('a hash in upper case explains the expected form', async () => {
    const fs = await schemaFindings(SA, edit(BASE, 'sha256: 70f976d5', 'sha256: 70F976D5'));
    expect(fs.map((f) => [f.line, f.message])).toEqual([[22, '“sha256” (mã băm SHA-256) không đúng định dạng (64 ký tự hex chữ thường).']]);
  });

  it('a negative figure and a bad e-mail are explained', async () => {
    const fs = await schemaFindings(SA, edit(edit(BASE, 'onTime: 46', 'onTime: -1'), 'hoa.nt@example.gov.vn', 'hoa.nt'));
    expect(fs.map((f) => [f.line, f.message])).toEqual([
      [8, '“email” không phải địa chỉ thư điện tử hợp lệ.'],
      [41, '“onTime” không được nhỏ hơn 0.'],
    ]);
  });
});

describe('registry schema messages', () => {
  it('a framework leaf without a scoring method', async () => {
    const text = edit(baseText(FRAMEWORK), '            method: self\n            levels:\n              - { score: 1, condition: Có công khai }',
      '            levels:\n              - { score: 1, condition: Có công khai }');
    const fs = await schemaFindings(FRAMEWORK, text);
    expect(fs.map(brief)).toEqual([{ line: 63, column: 13, code: '2.1.2', message: 'Thiếu trường bắt buộc “method” (phương pháp chấm).' }]);
  });

  it('an enum lists the allowed values', async () => {
    const fs = await schemaFindings(CAMPAIGN, edit(baseText(CAMPAIGN), 'kind: appraisal', 'kind: tham-dinh'));
    expect(fs.map((f) => [f.line, f.message])).toEqual([[12, '“kind” (loại) phải là một trong: “self-assessment”, “explanation”, “appraisal”, “survey”, “publication”.']]);
  });

  it('publishing without a decision asks for the decision number and date', async () => {
    const fs = await schemaFindings(CAMPAIGN, edit(baseText(CAMPAIGN), 'publication: { status: unpublished }', 'publication: { status: published }'));
    expect(fs.map((f) => f.message)).toEqual(['Thiếu trường bắt buộc “decision” (số quyết định).', 'Thiếu trường bắt buộc “date” (ngày).']);
  });

  it('"a date or empty" (activeTo) gives the date message only, not "phải là để trống"', async () => {
    const fs = await schemaFindings(UNIT, `${baseText(UNIT)}activeTo: "31/12/2020"\n`);
    expect(fs.map((f) => [f.line, f.message])).toEqual([[9, '“activeTo” (ngày kết thúc) không phải ngày hợp lệ (dạng YYYY-MM-DD, ví dụ "2023-11-17").']]);
  });

  it('an id with capitals and diacritics explains the slug form', async () => {
    const fs = await schemaFindings(UNIT, edit(baseText(UNIT), 'group: so-ban-nganh', 'group: Sở ban ngành'));
    expect(fs.map((f) => [f.line, f.message])).toEqual([[4, '“group” (nhóm) không đúng định dạng (chữ thường không dấu, số, nối bằng gạch ngang, ví dụ so-noi-vu).']]);
  });
});
