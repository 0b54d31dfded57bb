// vi-VN presentation of numbers, dates and times, shared by the CLI, the site and reports.
import { DEFAULT_TIMEZONE } from './time.js';

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 85.5 → "85,5"; fixed digits when asked ("85,50"). */
export function formatNumber(n: number | null | undefined, digits?: number): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  const key = digits ?? -1;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', digits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** "2023-11-17" → "17/11/2023". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as "17/11/2023 17:00" in the campaign's zone (seconds when asked). */
export function formatDateTime(instant: Date, timeZone: string = DEFAULT_TIMEZONE, seconds = false): string {
  const key = `${timeZone}|${seconds}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) });
    dateTimeFormats.set(key, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

/** Signed change: "+2,5" / "−1,25" / "0"; with digits, fixed like the figure it changes ("+4,30"). */
export function formatChange(n: number | null | undefined, digits?: number): string {
  if (n === null || n === undefined) return '—';
  if (n === 0) return digits === undefined ? '0' : formatNumber(0, digits);
  return `${n > 0 ? '+' : '−'}${formatNumber(Math.abs(n), digits)}`;
}

/** Shortens text to at most `max` characters at a word boundary, marking the cut with "…". */
export function clipWords(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > 0 ? head.slice(0, space) : head).trimEnd()}…`;
}
