// One vocabulary for the parts of a score, shared by the site, its CSV/JSON/XLSX downloads, the CLI
// and the council's report (docs/site.md, "One vocabulary"). "Thẩm định" used to mean the council's
// points without the survey in the ranking but with it in the domain tables, and the CSV called the
// latter "Điểm các tiêu chí": now each word has one meaning everywhere.
//
//   Tổng điểm = Điểm các tiêu chí + Thưởng − Trừ;  Điểm các tiêu chí = Thẩm định + Điều tra XHH.
import { round2, surveyTotal, type NodeResult, type Stage } from './index.js';

export const TERMS = {
  /** The unit's own self-score. */
  self: 'Tự chấm',
  /** The council's points for the criteria it appraises: never the survey criteria. */
  appraised: 'Thẩm định',
  /** The points of the criteria scored by the sociological survey. */
  survey: 'Điều tra XHH',
  /** Every criterion's points: Thẩm định + Điều tra XHH (at the self stage, the self-score). */
  criteria: 'Điểm các tiêu chí',
  bonus: 'Thưởng',
  penalty: 'Trừ',
  total: 'Tổng điểm',
} as const;

/** The council's points in a (sub)tree, survey criteria excluded; null before any appraisal. */
export function appraisedPoints(node: NodeResult, stage: Stage): number | null {
  return stage === 'self' ? null : round2(node.points - surveyTotal(node));
}

/** Whether a (sub)tree holds any survey criterion: its "Điều tra XHH" cell is a number, else a dash. */
export function hasSurveyCriteria(node: NodeResult): boolean {
  return node.leaf ? node.leaf.method === 'survey' : (node.children ?? []).some(hasSurveyCriteria);
}
