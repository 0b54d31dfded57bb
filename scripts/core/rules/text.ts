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
const LOCATOR_LOWER = /(mục|khoản|điểm|điều|phụ lục|trang|tr\.|chương|phần|biểu|bảng)\s*(?:\d+|[ivxlc]+|[a-zđ])(?![\p{L}\d])/gu;
const LETTER = /\p{L}/u;

/**
 * Whether a text cites a locator (the keyword must start a word: "tổng mục 1" counts, "cmục 1"
 * does not). Lower-casing once beats a case-insensitive Unicode regex, and checking the letter
 * before each candidate beats a lookbehind tried at every position (this runs on every item).
 */
export function hasLocator(text: string): boolean {
  const s = text.toLowerCase();
  LOCATOR_LOWER.lastIndex = 0;
  for (let m = LOCATOR_LOWER.exec(s); m; m = LOCATOR_LOWER.exec(s)) {
    if (m.index === 0 || !LETTER.test(s[m.index - 1]!)) return true;
    LOCATOR_LOWER.lastIndex = m.index + 1;
  }
  return false;
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
