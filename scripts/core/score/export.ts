// Flat tables of results, shared by the CLI's CSV/JSON, the site's downloads and reports.
import { surveyTotal, type CampaignResult, type NodeResult, type Stage } from './index.js';
import { appraisedPoints, TERMS } from './terms.js';

export const RESULT_COLUMNS = [
  ['group', 'Nhóm'], ['rank', 'Hạng'], ['unit', 'Mã đơn vị'], ['name', 'Đơn vị'], ['selfPoints', TERMS.self],
  ['appraisedPoints', TERMS.appraised], ['surveyPoints', TERMS.survey], ['criteriaPoints', TERMS.criteria],
  ['bonus', TERMS.bonus], ['penalty', TERMS.penalty], ['points', TERMS.total],
  ['applicableMax', 'Điểm tối đa áp dụng'], ['index', 'Chỉ số (%)'], ['classification', 'Xếp loại'], ['change', 'Thay đổi so với năm trước (điểm %)'],
] as const;

export interface ResultRow {
  group: string; rank: number | null; unit: string; name: string; selfPoints: number | null; appraisedPoints: number | null;
  surveyPoints: number; criteriaPoints: number; bonus: number; penalty: number;
  points: number; applicableMax: number;
  index: number | null; classification: string; change: number | null;
}

export function resultRows(result: CampaignResult): ResultRow[] {
  return result.groups.flatMap((g) => g.units.map((u) => ({
    group: g.name, rank: u.rank, unit: u.unit, name: u.name, selfPoints: u.selfPoints, appraisedPoints: appraisedPoints(u.tree, result.stage),
    surveyPoints: u.surveyPoints, criteriaPoints: u.criteriaPoints, bonus: u.bonus, penalty: u.penalty,
    points: u.points, applicableMax: u.applicableMax,
    index: u.index, classification: u.classification?.name ?? '', change: u.change,
  })));
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v).replace('.', ',') : String(v);
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV as Vietnamese spreadsheet users open it: semicolon-separated (the decimal comma is taken),
 * UTF-8 with BOM so Excel shows the diacritics.
 */
export function resultsCsv(result: CampaignResult): string {
  const header = RESULT_COLUMNS.map(([, vi]) => vi).join(';');
  const rows = resultRows(result).map((r) => RESULT_COLUMNS.map(([k]) => csvCell(r[k])).join(';'));
  return '\uFEFF' + [header, ...rows].join('\r\n') + '\r\n';
}

/** The domain breakdown of each unit, for JSON output and the site: `points` is the domain's Điểm các tiêu chí. */
export function domainSummary(tree: NodeResult, stage: Stage) {
  return (tree.children ?? []).map((d) => ({
    code: d.code, title: d.title, max: d.max, applicableMax: d.applicableMax,
    appraisedPoints: appraisedPoints(d, stage), surveyPoints: surveyTotal(d), points: d.points, index: d.index,
  }));
}

export function resultsJson(result: CampaignResult) {
  return {
    year: result.year,
    stage: result.stage,
    groups: result.groups.map((g) => ({
      id: g.id, name: g.name, framework: g.framework,
      units: g.units.map((u) => ({
        rank: u.rank, unit: u.unit, name: u.name, shortName: u.shortName, points: u.points, selfPoints: u.selfPoints,
        appraisedPoints: appraisedPoints(u.tree, result.stage), surveyPoints: u.surveyPoints, criteriaPoints: u.criteriaPoints,
        bonus: u.bonus, penalty: u.penalty, applicableMax: u.applicableMax,
        index: u.index, classification: u.classification, change: u.change, previousIndex: u.previousIndex,
        domains: domainSummary(u.tree, result.stage),
      })),
    })),
  };
}
