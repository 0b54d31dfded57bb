// Small lookups about units shared by the unit, progress and print pages.
import type { Content } from '../../scripts/core/load/content.js';
import { selfAssessmentPath } from '../../scripts/core/kinds.js';

/** Group id → its name in the most recent campaign that has it. */
export function groupNames(content: Content): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of [...content.registry.campaigns.values()].sort((a, b) => a.year - b.year)) {
    for (const g of c.groups) out.set(g.id, g.name);
  }
  return out;
}

export type FileState = 'submitted' | 'invalid' | 'missing';

/** Whether a unit's self-assessment file for a year exists and is valid. */
export function fileState(content: Content, year: number, unit: string): FileState {
  const y = content.years.get(year);
  if (y?.selfAssessments.has(unit)) return 'submitted';
  const path = selfAssessmentPath(year, unit);
  return y?.invalid.some((p) => p === path || p === path.replace(/\.yaml$/, '.yml')) ? 'invalid' : 'missing';
}
