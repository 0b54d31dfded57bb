// Shortcuts taken for speed on the validation hot path must answer exactly what the plain,
// slower way answers: each is checked against that way on tricky and random inputs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8 } from '../../scripts/io/fs-source.js';
import { isHttpUrl } from '../../scripts/core/rules/evidence.js';
import { hasLocator } from '../../scripts/core/rules/text.js';
import { mayHaveCollectionKey } from '../../scripts/core/load/yaml.js';

describe('decodeUtf8 (ICU transcoder, ASCII shortcut)', () => {
  it('equals Buffer#toString("utf8"), U+FFFD on invalid bytes included', () => {
    const cases = [[], [0x61], [0xef, 0xbb, 0xbf, 0x61], [0x61, 0xff, 0x62], [0xc3], [0xe1, 0xba], [0xed, 0xa0, 0x80, 0x41],
      [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [...Buffer.from('Nguyễn Văn An 𝔸 Khoản 1')]];
    for (const bytes of cases) expect(decodeUtf8(Buffer.from(bytes))).toBe(Buffer.from(bytes).toString('utf8'));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => decodeUtf8(Buffer.from(bytes)) === Buffer.from(bytes).toString('utf8')));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => decodeUtf8(Buffer.from(s)) === s));
  });
});

describe('isHttpUrl (plain-link shortcut before the URL parser)', () => {
  const slow = (url: string) => {
    try {
      const u = new URL(url);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
    } catch {
      return false;
    }
  };
  it('agrees with the URL parser', () => {
    for (const url of ['https://example.gov.vn/a.pdf', 'http://a.b', 'https://1.2.3.999/', 'http://0x7f.1/', 'https://x.vn:99999/',
      'ftp://a.vn/x', 'javascript:alert(1)', 'https:///x', 'https://a..vn/', 'HTTPS://A.VN/X?y#z', 'https://a.vn/ space', 'https://xn--.vn', 'https://XN--a.vn/', 'https://a-.vn', 'https://ab--c.vn']) {
      expect(isHttpUrl(url), url).toBe(slow(url));
    }
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => isHttpUrl(url) === slow(url)));
    fc.assert(fc.property(fc.string(), (s) => isHttpUrl(`https://${s}`) === slow(`https://${s}`)));
  });
});

describe('hasLocator (keyword then the letter before it, instead of a lookbehind)', () => {
  const slow = (text: string) =>
    /(?<!\p{L})(mục|khoản|điểm|điều|phụ lục|trang|tr\.|chương|phần|biểu|bảng)\s*(\d+|[ivxlc]+|[a-zđ])(?![\p{L}\d])/u.test(text.toLowerCase());
  it('agrees with the lookbehind pattern', () => {
    for (const t of ['tại Khoản 9, Mục II', 'xmục 1', 'xmục 1 và Điểm a', 'Phụ lục II', 'tr.3', 'trang', 'Mục', 'mụcmục 2', 'ĐIỀU 5', '']) {
      expect(hasLocator(t), t).toBe(slow(t));
    }
    const piece = fc.constantFrom('Mục', 'mục', 'Khoản', 'điểm', 'Điều', 'phụ lục', 'trang', 'tr.', 'Chương', 'phần', 'Biểu', 'bảng',
      ' ', 'x', 'ạ', '1', '12', 'II', 'a', 'đ', ',', '.', '\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => hasLocator(parts.join('')) === slow(parts.join(''))));
  });
});

describe('mayHaveCollectionKey (indexOf instead of a regex over the whole text)', () => {
  it('agrees with the pattern', () => {
    const slow = (t: string) => /\?|[\]}]\s*:/.test(t);
    for (const t of ['a: 1', '? a', '{a: 1}: x', '[a] :x', '}\n\t :', ']x:', 'a: [1, 2]\nb: {c: d}\n', '}\u00a0:', '']) {
      expect(mayHaveCollectionKey(t), JSON.stringify(t)).toBe(slow(t));
    }
    const piece = fc.constantFrom('a', ':', ' ', '\n', '\t', ']', '}', '[', '{', '?', '\u00a0', 'ạ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }), (parts) => mayHaveCollectionKey(parts.join('')) === slow(parts.join(''))));
  });
});
