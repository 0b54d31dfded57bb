// A self-assessment's items between Decap (an Immutable list, or nothing for a new entry) and
// the file: one item per self-scored leaf in framework order, keys in the schema's order, empty
// optional fields left out. Items whose code is not in the framework are kept (the rules flag
// them) rather than silently dropped.
import type { Evidence, FrameworkIndex, Item } from '../../scripts/core/model.js';

interface ToJs { toJS(): unknown }

/** A Decap value (Immutable or not) as plain data. */
export function plain(value: unknown): unknown {
  return value && typeof (value as ToJs).toJS === 'function' ? (value as ToJs).toJS() : value;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whatever Decap holds for an items field (the officers' or the council's), as plain items
 * with a code (malformed entries are skipped). */
export function codedItemsFromValue<T extends { code: string }>(value: unknown): T[] {
  const list = plain(value);
  if (!Array.isArray(list)) return [];
  return list.filter((i): i is T => isRecord(i) && typeof i.code === 'string');
}

export const itemsFromValue = (value: unknown): Item[] => codedItemsFromValue<Item>(value);

const EVIDENCE_KEYS = ['number', 'date', 'issuer', 'title', 'file', 'url', 'sha256', 'locator', 'statisticsTable'] as const;

export function canonicalEvidence(ev: Partial<Evidence>): Evidence {
  const out: Record<string, unknown> = {};
  for (const k of EVIDENCE_KEYS) {
    const v = ev[k];
    if (v === undefined || v === null) continue;
    // Required text stays even when empty, so the schema names what is missing.
    if (typeof v === 'string' && v.trim() === '' && !['number', 'date', 'issuer', 'title'].includes(k)) continue;
    if (k === 'statisticsTable' && v !== true) continue;
    out[k] = typeof v === 'string' ? v.trim().normalize('NFC') : v;
  }
  for (const [k, v] of Object.entries(ev)) if (!(EVIDENCE_KEYS as readonly string[]).includes(k) && !k.startsWith('_') && v !== undefined) out[k] = v;
  return out as unknown as Evidence;
}

export function canonicalItem(item: Item): Item {
  // A criterion the officer has not scored has no score (the rules say it is not scored yet).
  const out: Record<string, unknown> = { code: item.code };
  if (typeof item.score === 'number' && Number.isFinite(item.score)) out.score = item.score;
  if (item.notApplicable) out.notApplicable = true;
  if (item.figures && Object.keys(item.figures).length) {
    const figures: Record<string, number> = {};
    for (const [k, v] of Object.entries(item.figures)) if (typeof v === 'number' && Number.isFinite(v)) figures[k] = v;
    if (Object.keys(figures).length) out.figures = figures;
  }
  const explanation = typeof item.explanation === 'string' ? item.explanation.replace(/\r\n?/g, '\n').trim().normalize('NFC') : '';
  if (explanation) out.explanation = explanation;
  if (item.evidence?.length) out.evidence = item.evidence.map(canonicalEvidence);
  // Fields the form does not know (added by hand in git) survive a save; the schema judges them.
  for (const [k, v] of Object.entries(item)) if (!(k in out) && !['score', 'notApplicable', 'figures', 'explanation', 'evidence'].includes(k) && v !== undefined) out[k] = v;
  return out as unknown as Item;
}

/** An item that says nothing: no score, flag, figure, explanation, evidence or other field. */
export function isEmptyItem(item: Item): boolean {
  return Object.keys(canonicalItem(item)).length === 1;
}

/**
 * Framework order, extras last. Only criteria the officer touched are written: an unscored
 * criterion stays absent (never `score: 0`), so the rules report it as not scored yet.
 */
export function normalizeItems(items: Item[], fw: FrameworkIndex | undefined): Item[] {
  if (!fw) return items.map(canonicalItem);
  const byCode = new Map<string, Item>();
  const extras: Item[] = [];
  for (const item of items) {
    if (byCode.has(item.code)) { extras.push(item); continue; }
    byCode.set(item.code, item);
  }
  const known = new Set(fw.selfLeaves.map((l) => l.code));
  const out = fw.selfLeaves.flatMap((leaf) => { const item = byCode.get(leaf.code); return item && !isEmptyItem(item) ? [canonicalItem(item)] : []; });
  for (const [code, item] of byCode) if (!known.has(code)) out.push(canonicalItem(item));
  return [...out, ...extras.map(canonicalItem)];
}
