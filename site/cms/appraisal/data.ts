// An appraisal between Decap and the file: the year is the collection's, the framework follows
// the unit's group, items come in framework order with only what the council entered (an item
// the council has not scored yet is simply absent), and empty optional inputs are left out.
// Applied before every save (preSave) and before every live check, so the check sees exactly
// what will be written. Unknown fields are kept for the schema to judge, never dropped.
import type { Appraisal, FrameworkIndex } from '../../../scripts/core/model.js';
import type { Registry } from '../../../scripts/core/rules/types.js';
import { frameworkFor } from '../registry.js';
import { codedItemsFromValue, isRecord, plain } from '../items.js';
import { fileData } from '../entry-format.js';

export type AppraisalItem = Appraisal['items'][number];
type Round = AppraisalItem['round1'];

/** Whatever Decap holds for the field, as plain items (malformed entries are skipped). */
export const appraisalItemsFromValue = (value: unknown): AppraisalItem[] => codedItemsFromValue<AppraisalItem>(value);

export function cleanText(text: unknown): string {
  return typeof text === 'string' ? text.replace(/\r\n?/g, '\n').trim().normalize('NFC') : '';
}

function canonicalRound(round: unknown): Round | undefined {
  if (!isRecord(round)) return undefined;
  const out: Record<string, unknown> = {};
  // A round without a score stays (with what was typed) so the schema names the missing score.
  if (typeof round.score === 'number' && Number.isFinite(round.score)) out.score = round.score;
  const remark = cleanText(round.remark);
  if (remark) out.remark = remark;
  if (round.requestExplanation === true) out.requestExplanation = true;
  for (const [k, v] of Object.entries(round)) if (!['score', 'remark', 'requestExplanation'].includes(k) && v !== undefined) out[k] = v;
  return Object.keys(out).length ? (out as unknown as Round) : undefined;
}

/** One item as written, or null when nothing was entered for it. */
export function canonicalAppraisalItem(item: AppraisalItem): AppraisalItem | null {
  const round1 = canonicalRound(item.round1);
  const round2 = canonicalRound(item.round2);
  const rest = Object.entries(item).filter(([k, v]) => !['code', 'round1', 'round2'].includes(k) && v !== undefined);
  if (!round1 && !round2 && !rest.length) return null;
  const out: Record<string, unknown> = { code: item.code, round1: round1 ?? {} };
  if (round2) out.round2 = round2;
  for (const [k, v] of rest) out[k] = v;
  return out as unknown as AppraisalItem;
}

/** Framework order (self-scored leaves), extras and duplicates last for the rules to name. */
export function normalizeAppraisalItems(items: AppraisalItem[], fw: FrameworkIndex | undefined): AppraisalItem[] {
  const firsts = new Map<string, AppraisalItem>();
  const duplicates: AppraisalItem[] = [];
  for (const item of items) {
    if (firsts.has(item.code)) duplicates.push(item);
    else firsts.set(item.code, item);
  }
  const order = fw ? fw.selfLeaves.map((l) => l.code) : [];
  const known = new Set(order);
  const ordered = [...order.filter((c) => firsts.has(c)).map((c) => firsts.get(c)!), ...[...firsts.values()].filter((i) => !known.has(i.code)), ...duplicates];
  return ordered.map(canonicalAppraisalItem).filter((i): i is AppraisalItem => i !== null);
}

function adjustment(value: unknown): Record<string, unknown> | undefined {
  const v = plain(value);
  if (!isRecord(v)) return undefined;
  const out: Record<string, unknown> = {};
  if (typeof v.points === 'number' && Number.isFinite(v.points)) out.points = v.points;
  const reason = cleanText(v.reason);
  if (reason) out.reason = reason;
  for (const [k, x] of Object.entries(v)) if (!['points', 'reason'].includes(k) && x !== undefined && x !== null && x !== '') out[k] = x;
  return Object.keys(out).length ? out : undefined;
}

export function normalizeAppraisalData(data: Record<string, unknown>, year: number, reg?: Registry): Record<string, unknown> {
  const unit = typeof data.unit === 'string' ? data.unit : undefined;
  const fw = frameworkFor(year, unit, reg);
  const out: Record<string, unknown> = { ...fileData(data), year };
  if (fw.ok) out.framework = fw.framework.framework.id;
  const appraisers = plain(data.appraisers);
  const names = Array.isArray(appraisers) ? appraisers.map(cleanText).filter(Boolean) : [];
  if (names.length) out.appraisers = names; else delete out.appraisers;
  for (const key of ['bonus', 'penalty'] as const) {
    const adj = adjustment(data[key]);
    if (adj) out[key] = adj; else delete out[key];
  }
  out.items = normalizeAppraisalItems(appraisalItemsFromValue(data.items), fw.ok ? fw.framework : undefined);
  return out;
}
