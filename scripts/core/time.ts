// Instants and campaign-local wall-clock times. Campaign times are written as local wall-clock
// strings ("2023-11-17T17:00") in the campaign's IANA zone; every comparison happens on instants.

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const ISO_OFFSET = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/i;

export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at `instant`, in minutes (e.g. +420 for Asia/Ho_Chi_Minh). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  let fmt = offsetFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    offsetFormatters.set(timeZone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** A local wall-clock string in `timeZone` → the instant. Returns null when the string is malformed. */
export function localToInstant(local: string, timeZone: string = DEFAULT_TIMEZONE): Date | null {
  const m = ISO_LOCAL.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', ms = '0'] = m;
  // Date.UTC silently rolls over (month 13 → next year): reject out-of-range fields instead.
  if (!isCalendarDate(`${y}-${mo}-${d}`) || +h > 23 || +mi > 59 || +s > 59) return null;
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, +ms.padEnd(3, '0'));
  if (Number.isNaN(wall)) return null;
  // Two passes settle zones whose offset changes near the instant (not Vietnam's, but cheap).
  let guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60000;
  guess = wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}

/**
 * Parses an instant given on the command line or in PARINDEX_NOW: ISO 8601 with an offset or Z,
 * or a local wall-clock time (then read in `timeZone`). Returns null when it is not a time.
 */
export function parseInstant(text: string, timeZone: string = DEFAULT_TIMEZONE): Date | null {
  const t = text.trim();
  const withOffset = ISO_OFFSET.exec(t);
  if (withOffset) {
    let offset = withOffset[2]!;
    if (/^[+-]\d{4}$/.test(offset)) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
    const d = new Date(`${withOffset[1]!.replace(' ', 'T')}${offset.toUpperCase()}`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return localToInstant(t, timeZone);
}

/** End of a local calendar day: the first instant of the next day (exclusive bound). */
export function endOfLocalDay(date: string, timeZone: string = DEFAULT_TIMEZONE): Date | null {
  const start = localToInstant(date, timeZone);
  if (!start) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const next = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]! + 1));
  return localToInstant(next.toISOString().slice(0, 10), timeZone);
}

/** A date-only string is a real calendar date (2023-02-30 is not). */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** ISO string with the zone's offset, e.g. 2023-11-17T17:00:00+07:00 (for JSON output). */
export function toZonedIso(instant: Date, timeZone: string = DEFAULT_TIMEZONE): string {
  const off = zoneOffsetMinutes(instant, timeZone);
  const local = new Date(instant.getTime() + off * 60000).toISOString().slice(0, 19);
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
