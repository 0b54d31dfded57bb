// Who has submitted a year's self-assessment and when. The files say who; git history (issue 6)
// says when. History is optional: a build from a tarball, a shallow clone or a fresh checkout
// must still show who has submitted, so any history failure falls back to the files alone.
import { unitIsActive, type Campaign, type Unit } from '../../scripts/core/model.js';
import { selfAssessmentWindow, type PhaseWindow } from '../../scripts/core/phases.js';
import type { Timeline, UnitTimeline } from '../../scripts/core/history/index.js';
import type { SiteData } from './data.js';
import { fileState, type FileState } from './units.js';

export type SubmissionState = FileState;

export interface UnitProgress {
  unit: Unit;
  state: SubmissionState;
  first: Date | null;
  last: Date | null;
  /** Whether the latest arrival came before the self-assessment deadline (null: unknown). */
  onTime: boolean | null;
}

export interface GroupProgress {
  id: string;
  name: string;
  units: UnitProgress[];
  submitted: number;
}

export interface YearProgress {
  year: number;
  campaign: Campaign;
  window: PhaseWindow | undefined;
  groups: GroupProgress[];
  submitted: number;
  total: number;
  /** Where submission times come from ('imported': the year's data entered git after its window). */
  source: 'history' | 'files' | 'imported';
}

// Per loaded data, so a reload (dev) drops the old answers with it.
const caches = new WeakMap<SiteData, Map<string, Promise<unknown>>>();

function cached<T>(data: SiteData, key: string, make: () => Promise<T>): Promise<T> {
  let m = caches.get(data);
  if (!m) caches.set(data, (m = new Map()));
  let hit = m.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = make();
    m.set(key, hit);
  }
  return hit;
}

/** The history module's timeline for a year, or null when there is no usable git history. */
export function yearTimeline(data: SiteData, year: number, at: Date): Promise<Timeline | null> {
  if (process.env.PARINDEX_SITE_HISTORY === 'off') return Promise.resolve(null);
  const root = data.root;
  return cached(data, `timeline|${year}|${at.getTime()}`, async () => {
    try {
      const history = await import('../../scripts/core/history/index.js');
      const repo = await history.openHistory(root);
      const timeline = await repo.timeline({ year, at });
      try { repo.save(); } catch { /* a read-only checkout only loses the walk memo */ }
      return timeline;
    } catch {
      return null;
    }
  });
}

export function yearProgress(data: SiteData, year: number, now: Date): Promise<YearProgress | null> {
  return cached(data, `progress|${year}|${now.getTime()}`, () => computeProgress(data, year, now));
}

async function computeProgress(data: SiteData, year: number, now: Date): Promise<YearProgress | null> {
  const { content } = data;
  const campaign = content.registry.campaigns.get(year);
  if (!campaign) return null;
  const found = await yearTimeline(data, year, now);
  const window = selfAssessmentWindow(campaign);
  // No file of the year reached git before its deadline: the data was imported afterwards (a
  // past year's records, the sample data), so git times say nothing about when units submitted.
  const imported = !!found && !!window && found.units.some((u) => u.present && u.first) &&
    found.units.every((u) => !u.first || new Date(u.first.time) >= window.end);
  const timeline = imported ? null : found;
  const byUnit = new Map<string, UnitTimeline>((timeline?.units ?? []).map((u) => [u.unit, u]));
  const groupIds = new Set(campaign.groups.map((g) => g.id));
  const units = [...content.registry.units.values()].filter((u) => groupIds.has(u.group));
  const groups = campaign.groups.map((g): GroupProgress => {
    const rows = units
      .filter((u) => u.group === g.id)
      .map((u): UnitProgress => {
        const state = fileState(content, year, u.id);
        const t = state !== 'missing' ? byUnit.get(u.id) : undefined;
        const known = t?.present ? t : undefined;
        return {
          unit: u, state,
          first: known?.first ? new Date(known.first.time) : null,
          last: known?.last ? new Date(known.last.time) : null,
          onTime: known?.last?.onTime ?? null,
        };
      })
      // Units that closed before the year are not expected, unless they submitted anyway.
      .filter((r) => r.state !== 'missing' || unitIsActive(r.unit, year))
      .sort((a, b) => a.unit.shortName.localeCompare(b.unit.shortName, 'vi'));
    return { id: g.id, name: g.name, units: rows, submitted: rows.filter((r) => r.state !== 'missing').length };
  });
  return {
    year, campaign, window, groups,
    submitted: groups.reduce((s, g) => s + g.submitted, 0),
    total: groups.reduce((s, g) => s + g.units.length, 0),
    source: imported ? 'imported' : timeline ? 'history' : 'files',
  };
}

/** Every year with a campaign, newest first. */
export function campaignYears(data: SiteData): number[] {
  return [...data.content.registry.campaigns.keys()].sort((a, b) => b - a);
}
