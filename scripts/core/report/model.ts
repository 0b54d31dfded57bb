// What the council's signed report contains, independent of its file format: the ranking per
// group with every component of the score, and each unit's domain table (self beside appraised).
import type { Content } from '../load/content.js';
import { scoreYear } from '../score/year.js';
import { surveyTotal, type Stage } from '../score/index.js';
import { appraisedPoints } from '../score/terms.js';

export interface ReportRow {
  rank: number | null; unit: string; name: string; selfPoints: number | null; appraisedPoints: number | null; surveyPoints: number;
  bonus: number; penalty: number; points: number; applicableMax: number; index: number | null; classification: string;
}
/** One domain of a unit, in the words of scripts/core/score/terms.ts (appraised: survey excluded). */
export interface ReportDomain { code: string; title: string; max: number; applicableMax: number; self: number | null; appraised: number | null; survey: number; index: number | null }
export interface CouncilReport {
  year: number; province: string; stage: Stage; title: string;
  publication?: { decision?: string; date?: string };
  groups: { id: string; name: string; rows: ReportRow[] }[];
  units: { unit: string; name: string; group: string; domains: ReportDomain[]; points: number; index: number | null }[];
}

export function buildCouncilReport(content: Content, year: number, stage: Stage = 'final'): CouncilReport {
  const result = scoreYear(content, year, stage);
  const self = stage === 'self' ? result : scoreYear(content, year, 'self');
  const selfByUnit = new Map(self.groups.flatMap((g) => g.units.map((u) => [u.unit, u] as const)));
  const campaign = content.registry.campaigns.get(year)!;
  return {
    year, province: campaign.province, stage, title: campaign.title,
    publication: campaign.publication.status === 'published' ? { decision: campaign.publication.decision, date: campaign.publication.date } : undefined,
    groups: result.groups.map((g) => ({
      id: g.id, name: g.name,
      rows: g.units.map((u) => ({
        rank: u.rank, unit: u.unit, name: u.name, selfPoints: u.selfPoints,
        appraisedPoints: appraisedPoints(u.tree, stage), surveyPoints: u.surveyPoints,
        bonus: u.bonus, penalty: u.penalty, points: u.points, applicableMax: u.applicableMax, index: u.index, classification: u.classification?.name ?? '',
      })),
    })),
    units: result.groups.flatMap((g) => g.units.map((u) => {
      const selfTree = selfByUnit.get(u.unit)?.tree;
      return {
        unit: u.unit, name: u.name, group: g.name, points: u.points, index: u.index,
        domains: (u.tree.children ?? []).map((d, i) => ({
          code: d.code, title: d.title, max: d.max, applicableMax: d.applicableMax,
          self: selfTree?.children?.[i]?.points ?? null, appraised: appraisedPoints(d, stage), survey: surveyTotal(d), index: d.index,
        })),
      };
    })),
  };
}
