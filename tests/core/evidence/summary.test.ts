// The lines the officer and the council read beside a document (scripts/core/evidence/summary.ts)
// and the header parser (scripts/core/evidence/header.ts) on the administrative layout.
import { describe, expect, it } from 'vitest';
import { summarizeEvidence } from '../../../scripts/core/evidence/summary.js';
import { parseHeaderText, sameNumber } from '../../../scripts/core/evidence/header.js';
import type { SignatureCheck } from '../../../scripts/core/evidence/verdict.js';

const signer = { name: 'Nguyễn Văn An', organization: 'Sở Thử nghiệm A', issuer: 'CA Chuyên dùng', notBefore: '2020-01-01T00:00:00.000Z', notAfter: '2030-01-01T00:00:00.000Z' };
const good: SignatureCheck = { status: 'valid', coverage: 'whole', updates: 'none', signer, signingTime: '2023-11-12T02:00:00.000Z', timeSource: 'attribute', certificateValid: true, trusted: true };
const info = (signatures: SignatureCheck[], header?: { text: boolean; number?: string; date?: string }) =>
  ({ path: 'x.pdf', exists: true, sha256: 'a', pdf: { isPdf: true, signed: true, signatures: signatures.length }, signatures, trustConfigured: true, ...(header ? { header } : {}) });

describe('summarizeEvidence', () => {
  it('names the signer, the local signing time, the chain and the printed header', () => {
    const lines = summarizeEvidence(info([good], { text: true, number: '55/BC-SNV', date: '2023-11-12' }), { number: '55/BC-SNV', date: '2023-11-12' });
    expect(lines).toEqual([
      { tone: 'ok', text: 'Chữ ký 1: Nguyễn Văn An (Sở Thử nghiệm A) · CA: CA Chuyên dùng · ký lúc 12/11/2023 09:00 · chữ ký hợp lệ · bao trùm toàn bộ tệp · chuỗi chứng thực tin cậy' },
      { tone: 'ok', text: 'Trên văn bản: Số: 55/BC-SNV, ngày 12/11/2023.' },
    ]);
  });

  it('warns on a header that differs, notes a scan, flags a change after signing', () => {
    expect(summarizeEvidence(info([good], { text: true, number: '13/KH-SNV', date: '2023-01-11' }), { number: '12/KH-SNV', date: '2023-01-10' })[1])
      .toEqual({ tone: 'warn', text: 'Trên văn bản: Số: 13/KH-SNV, ngày 11/01/2023, khác với đã khai (12/KH-SNV, ngày 10/01/2023).' });
    expect(summarizeEvidence(info([good], { text: false }), {})[1]!.tone).toBe('note');
    expect(summarizeEvidence(info([{ ...good, coverage: 'revision', updates: 'content' }]), {})[0]).toMatchObject({ tone: 'bad', text: expect.stringContaining('tệp bị sửa sau khi ký') });
    expect(summarizeEvidence(info([{ ...good, trusted: false }]), {})[0]).toMatchObject({ tone: 'warn', text: expect.stringContaining('CA không thuộc danh sách tin cậy') });
    expect(summarizeEvidence(info([]), {})).toEqual([{ tone: 'bad', text: 'Tệp chưa được ký số.' }]);
  });
});

describe('parseHeaderText', () => {
  it('reads the number and the date line, with or without diacritics', () => {
    expect(parseHeaderText('UBND TỈNH THÁI NGUYÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc Số: 55/BC-SNV Thái Nguyên, ngày 12 tháng 11 năm 2023'))
      .toEqual({ number: '55/BC-SNV', date: '2023-11-12' });
    expect(parseHeaderText('So: 101/QD-UBND Thai Nguyen, ngay 5 thang 3 nam 2023')).toEqual({ number: '101/QD-UBND', date: '2023-03-05' });
    expect(parseHeaderText('Số:  7 / KH-UBND')).toEqual({ number: '7/KH-UBND' });
    expect(parseHeaderText('BÁO CÁO không có số')).toEqual({});
  });

  it('compares numbers regardless of case, spaces and Unicode form', () => {
    expect(sameNumber('101/QĐ-SNV', '101/qđ-snv'.normalize('NFD'))).toBe(true);
    expect(sameNumber('12/KH-SNV', '13/KH-SNV')).toBe(false);
  });
});
