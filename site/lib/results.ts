// Which results the public may see: only a campaign marked published, scored by the same engine
// as `npm run score`, at the best stage the data allows (the council's final score when
// appraisals exist, else the units' self-scores), and the page says which one it shows.
import type { Content } from '../../scripts/core/load/content.js';
import type { Campaign } from '../../scripts/core/model.js';
import type { CampaignResult, Stage, UnitResult } from '../../scripts/core/score/index.js';
import { scoreYear, ScoringError } from '../../scripts/core/score/year.js';
import { isPublishedAt } from '../../scripts/core/publication.js';

export interface Published {
  year: number;
  campaign: Campaign;
  stage: Stage;
  result: CampaignResult;
}

const cache = new WeakMap<Content, Map<string, unknown>>();

function memo<T>(content: Content, key: string, make: () => T): T {
  let m = cache.get(content);
  if (!m) cache.set(content, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

/** Whether a year's results are public at `now` (the site's clock: siteNow()). */
export function isPublished(content: Content, year: number, now: Date): boolean {
  const campaign = content.registry.campaigns.get(year);
  return !!campaign && isPublishedAt(campaign, now);
}

/** Published years, newest first. */
export function publishedYears(content: Content, now: Date): number[] {
  return [...content.registry.campaigns.keys()].filter((y) => isPublished(content, y, now)).sort((a, b) => b - a);
}

/** The published result of a year, or null while the campaign is unpublished. */
export function publishedResult(content: Content, year: number, now: Date): Published | null {
  if (!isPublished(content, year, now)) return null;
  return memo(content, `published:${year}`, () => {
    const campaign = content.registry.campaigns.get(year)!;
    let stage: Stage = 'final';
    let result: CampaignResult;
    try {
      result = scoreYear(content, year, 'final');
    } catch (error) {
      if (!(error instanceof ScoringError)) throw error;
      stage = 'self';
      result = scoreYear(content, year, 'self');
    }
    return { year, campaign, stage, result };
  });
}

/** Self-scores of a year, to show beside appraised scores on a unit page. */
export function selfResult(content: Content, year: number): CampaignResult | null {
  return memo(content, `self:${year}`, () => {
    try {
      return scoreYear(content, year, 'self');
    } catch (error) {
      if (error instanceof ScoringError) return null;
      throw error;
    }
  });
}

/** A unit's row in a result, with the size of its group (for "rank n/N"). */
export function unitRow(result: CampaignResult, unit: string): { row: UnitResult; groupSize: number; groupName: string } | null {
  for (const g of result.groups) {
    const row = g.units.find((u) => u.unit === unit);
    if (row) return { row, groupSize: g.units.length, groupName: g.name };
  }
  return null;
}
