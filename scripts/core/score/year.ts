// Glue between loaded content and the scoring engine: which units count in a year, where
// their leaf scores come from at each stage, and the previous year for the change column.
import type { Content } from '../load/content.js';
import { adjustments, councilScores, scoreCampaign, selfScores, type CampaignResult, type LeafScores, type Stage } from './index.js';

export class ScoringError extends Error {}

/** Leaf scores per stage: the only place a stage decides where points come from. */
export function stageScores(content: Content, year: number, stage: Stage): (unit: string) => LeafScores {
  const y = content.years.get(year);
  if (stage === 'self') return (unit) => selfScores(y?.selfAssessments.get(unit));
  if (!y?.appraisals.size) {
    throw new ScoringError(`Năm ${year} chưa có kết quả thẩm định (content/appraisals/${year}/): chưa tính được giai đoạn “${stage}”.`);
  }
  return (unit) => councilScores(y.selfAssessments.get(unit), y.appraisals.get(unit), y.survey, unit, stage);
}

function scoreYearOnly(content: Content, year: number, stage: Stage, previous?: Map<string, number | null>): CampaignResult {
  const campaign = content.registry.campaigns.get(year);
  if (!campaign) throw new ScoringError(`Không có đợt đánh giá năm ${year} (content/campaigns/${year}.yaml).`);
  const y = content.years.get(year);
  const base = {
    campaign, units: content.registry.units, frameworks: content.registry.frameworks,
    scoredUnits: [...(y?.selfAssessments.keys() ?? [])],
  };
  // Council stages show the unit's own total beside the council's.
  let selfPointsFor: ((unit: string) => number | null) | undefined;
  if (stage !== 'self') {
    const self = scoreCampaign({ ...base, scoresFor: stageScores(content, year, 'self') }, 'self');
    const totals = new Map(self.groups.flatMap((g) => g.units.map((u) => [u.unit, u.points] as const)));
    selfPointsFor = (unit) => totals.get(unit) ?? null;
  }
  return scoreCampaign({
    ...base, scoresFor: stageScores(content, year, stage), previous, selfPointsFor,
    adjustmentsFor: stage === 'self' ? undefined : (unit) => adjustments(y?.appraisals.get(unit), campaign),
  }, stage);
}

export function scoreYear(content: Content, year: number, stage: Stage = 'self'): CampaignResult {
  let previous: Map<string, number | null> | undefined;
  if (content.registry.campaigns.has(year - 1)) {
    try {
      const prev = scoreYearOnly(content, year - 1, stage);
      previous = new Map(prev.groups.flatMap((g) => g.units.map((u) => [u.unit, u.index] as const)));
    } catch (error) {
      if (!(error instanceof ScoringError)) throw error;
    }
  }
  return scoreYearOnly(content, year, stage, previous);
}
