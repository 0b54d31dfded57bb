// The registry in the browser: parsed once from the files the page embeds, with the same loader,
// schemas and indexes CI uses, plus the lookups the form needs (a unit's framework for a year).
import { loadRegistry } from '../../scripts/core/validate/engine.js';
import { memorySource } from '../../scripts/core/source.js';
import { CONTENT_DIRS } from '../../scripts/core/kinds.js';
import type { Campaign, FrameworkIndex, Unit } from '../../scripts/core/model.js';
import type { Registry } from '../../scripts/core/rules/types.js';
import { S } from './strings.js';

let current: Registry | null = null;
let trust: Record<string, string> = {};

export async function initRegistry(files: Record<string, string>): Promise<Registry> {
  trust = Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith(`${CONTENT_DIRS.trust}/`)));
  current = (await loadRegistry(memorySource(files))).registry;
  return current;
}

/** The province's trust store files (content/trust/), embedded in the page like the registry. */
export function trustFiles(): Record<string, string> {
  return trust;
}

/** For tests and the benchmark, which build a registry without a page. */
export function setRegistry(registry: Registry): void {
  current = registry;
}

export function registry(): Registry {
  if (!current) throw new Error('CMS registry not initialised');
  return current;
}

export type UnitFramework =
  | { ok: true; unit: Unit; campaign: Campaign; framework: FrameworkIndex }
  | { ok: false; reason: string };

export function frameworkFor(year: number, unitId: string | undefined | null, reg: Registry = registry()): UnitFramework {
  if (!unitId) return { ok: false, reason: S.pickUnitFirst };
  const campaign = reg.campaigns.get(year);
  if (!campaign) return { ok: false, reason: S.noCampaign(year) };
  const unit = reg.units.get(unitId);
  if (!unit) return { ok: false, reason: S.unknownUnit(unitId) };
  const group = campaign.groups.find((g) => g.id === unit.group);
  if (!group) return { ok: false, reason: S.noGroup(unitId) };
  const framework = reg.frameworks.get(group.framework);
  if (!framework) return { ok: false, reason: S.noFramework(group.framework) };
  return { ok: true, unit, campaign, framework };
}
