// Vietnamese text helpers shared by the rules: number formatting and the patterns the council
// reads for (locators, document numbers).

/** 1.5 → "1,5" (vi-VN decimal comma), trimming float noise. */
export function viNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000).replace('.', ',');
}

/** "2023-11-17" → "17/11/2023". */
export function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A locator the council can follow: "Khoản 11", "Mục I", "Điểm a", "Phụ lục II", "trang 3". */
const LOCATOR_LOWER = /(?<!\p{L})(mục|khoản|điểm|điều|phụ lục|trang|tr\.|chương|phần|biểu|bảng)\s*(\d+|[ivxlc]+|[a-zđ])(?![\p{L}\d])/u;

/** Whether a text cites a locator. Lower-casing once beats a case-insensitive Unicode regex. */
export function hasLocator(text: string): boolean {
  return LOCATOR_LOWER.test(text.toLowerCase());
}

/**
 * A document number squeezed into the register after the fact: "55a/UBND-BC", "12b/KH-UBND",
 * "Số: 55a/…". One letter only: Party documents legitimately read "05-NQ/TW", "123-KH/TU".
 */
export const LETTER_SUFFIX = /^\s*(?:số\s*:?\s*)?\d+\s*[-.]?\s*\p{L}\s*\//iu;

/** Normalises a document number for comparison: case and spaces (text is NFC since loading). */
export function normalizeNumber(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}
