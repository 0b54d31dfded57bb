// The header fields Decap does not let an officer type: the year is the collection's and the
// framework follows the unit's group. Applied before every save (preSave) and before every live
// check, so the check sees exactly what will be written.
import type { Item, SelfAssessment } from '../../scripts/core/model.js';
import { frameworkFor } from './registry.js';
import { normalizeItems } from './items.js';
import { fileData } from './entry-format.js';
import type { Registry } from '../../scripts/core/rules/types.js';

export function normalizeEntryData(data: Record<string, unknown>, year: number, reg?: Registry): Record<string, unknown> {
  const unit = typeof data.unit === 'string' ? data.unit : undefined;
  const fw = frameworkFor(year, unit, reg);
  const out: Record<string, unknown> = { ...fileData(data), year };
  if (fw.ok) out.framework = fw.framework.framework.id;
  // Decap keeps untouched optional inputs as "", which the schema's patterns would reject.
  if (data.preparedBy && typeof data.preparedBy === 'object') {
    out.preparedBy = Object.fromEntries(Object.entries(data.preparedBy as Record<string, unknown>)
      .filter(([k, v]) => k === 'name' || (v !== '' && v !== null && v !== undefined))
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim().normalize('NFC') : v]));
  }
  const items = Array.isArray(data.items) ? (data.items as Item[]) : [];
  out.items = normalizeItems(items, fw.ok ? fw.framework : undefined);
  return out as Partial<SelfAssessment> as Record<string, unknown>;
}
