// Small helpers shared by the sample-data generators: a seeded PRNG, Vietnamese formatting,
// ASCII transliteration for the PDFs, and minimal types of the content files they read.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: every stream is seeded from a string, so adding a unit or a leaf
// never reshuffles the numbers of another one.

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(xs: readonly T[]): T[];
}

export function rng(seed: string): Rng {
  const h = createHash('sha256').update(seed).digest();
  let a = h.readUInt32LE(0);
  const next = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
    shuffle: (xs) => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
  return r;
}

/** A byte stream for node-forge's `prng` option (key generation), derived from a seed. */
export function forgePrng(seed: string): { getBytesSync(n: number): string } {
  let counter = 0;
  let buf = Buffer.alloc(0);
  return {
    getBytesSync(n: number) {
      while (buf.length < n) {
        buf = Buffer.concat([buf, createHash('sha256').update(`${seed}:${counter++}`).digest()]);
      }
      const out = buf.subarray(0, n);
      buf = buf.subarray(n);
      return out.toString('binary');
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Vietnamese formatting

/** 4523 → "4.523"; 99.85 → "99,85". */
export function viNum(n: number, decimals = 0): string {
  const fixed = n.toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const f = frac?.replace(/0+$/, '');
  return f ? `${grouped},${f}` : grouped;
}

/** A percentage shown without ever rounding up across a threshold: floor to 2 decimals. */
export function viPct(num: number, den: number): string {
  const p = Math.floor((num * 10000) / den) / 100;
  return `${viNum(p, 2)}%`;
}

/** "2023-11-12" → "12/11/2023". */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Vietnamese → ASCII for the standard PDF fonts (WinAnsi has no ư, ơ, ạ…). */
export function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** File name for a document number: "55/BC-UBND" → "55-bc-ubnd". */
export function slugNumber(number: string): string {
  return ascii(number).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Dates

export function dayOfYear(iso: string): number {
  const d = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return Math.round((d - Date.UTC(+iso.slice(0, 4), 0, 1)) / 86400000) + 1;
}

/** A working day (Mon–Fri) between two "MM-DD" bounds of a year, inclusive. */
export function pickDate(r: Rng, year: number, from: string, to: string): string {
  const start = Date.UTC(year, +from.slice(0, 2) - 1, +from.slice(3, 5));
  const end = Date.UTC(year, +to.slice(0, 2) - 1, +to.slice(3, 5));
  for (let tries = 0; tries < 50; tries++) {
    const t = start + r.int(0, Math.round((end - start) / 86400000)) * 86400000;
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) return new Date(t).toISOString().slice(0, 10);
  }
  return new Date(start).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Minimal shapes of the content files (the schemas are the contract)

export interface Level { score: number; condition: string }
export interface Figure { key: string; label: string }
export interface Measure { kind: 'ratio'; numerator: Figure; denominator: Figure; thresholds: { atLeast: number; score: number }[] }
export interface FwNode {
  code: string;
  title: string;
  max: number;
  guidance?: string;
  children?: FwNode[];
  method?: 'self' | 'survey';
  levels?: Level[];
  measure?: Measure;
  evidence?: { required?: boolean; statisticsTable?: boolean; hint?: string };
  notApplicableAllowed?: boolean;
  deferred?: boolean;
}
export interface Framework { id: string; title: string; group: string; year: number; max: number; children: FwNode[] }
export interface Unit { id: string; name: string; shortName: string; group: string; activeFrom: string; activeTo?: string | null }
export interface Campaign {
  year: number;
  groups: { id: string; name: string; framework: string }[];
  dataCutoff: string;
  deferredCutoff?: string;
}

export function readYaml<T>(path: string): T {
  return yaml.load(readFileSync(path, 'utf8')) as T;
}

export function loadDir<T>(dir: string): T[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => readYaml<T>(join(dir, f)));
}

/** The self-scored leaves of a framework, depth-first in framework order. */
export function selfLeaves(fw: Framework): FwNode[] {
  const out: FwNode[] = [];
  const walk = (n: FwNode) => {
    if (n.children) n.children.forEach(walk);
    else if (n.method === 'self') out.push(n);
  };
  fw.children.forEach(walk);
  return out;
}
