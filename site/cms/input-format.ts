// Officers type numbers with a decimal comma and dates as dd/mm/yyyy; the files store floats and
// ISO dates. These are the only conversions between the two.
import { formatNumber, formatDate } from '../../scripts/core/format.js';

/** "1,5" or "1.5" → 1.5; "" → null; anything else → undefined (not a number). */
export function parseDecimal(text: string): number | null | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

export function showDecimal(n: number | undefined | null): string {
  return n === undefined || n === null ? '' : formatNumber(n);
}

/** "12/11/2023" → "2023-11-12"; also accepts ISO as typed. Invalid → undefined, empty → "". */
export function parseViDate(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return '';
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) { d = +m[1]!; mo = +m[2]!; y = +m[3]!; } else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (!m) return undefined;
    y = +m[1]!; mo = +m[2]!; d = +m[3]!;
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function showViDate(iso: string | undefined): string {
  return iso ? formatDate(iso) : '';
}
