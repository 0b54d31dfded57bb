// Scoring: totals per node, the applicable maximum, the index, ranks within a group and the
// classification. One engine for every stage; a stage only decides where a leaf's points come
// from (self-score now; appraisal and survey scores plug in through `LeafScores`).
import { isLeaf, type Appraisal, type Campaign, type FrameworkIndex, type FrameworkNode, type SelfAssessment, type Survey, type Unit } from '../model.js';

export type Stage = 'self' | 'appraisal' | 'final';
export const STAGES: Stage[] = ['self', 'appraisal', 'final'];

export interface LeafScore {
  /** Points earned; null when not (yet) scored: counts 0 but stays visible as missing. */
  points: number | null;
  /** Removed from the applicable maximum. */
  notApplicable?: boolean;
  /** Not part of this stage at all (survey leaves before survey scores exist). */
  excluded?: boolean;
}

export type LeafScores = (leaf: FrameworkNode & { method: 'self' | 'survey' }) => LeafScore;

export interface NodeResult {
  code: string;
  title: string;
  max: number;
  applicableMax: number;
  points: number;
  /** points / applicableMax × 100, or null when nothing applies. */
  index: number | null;
  children?: NodeResult[];
  leaf?: { method: 'self' | 'survey'; notApplicable: boolean; excluded: boolean; scored: boolean };
}

/** Two decimals, the precision results are published and ranked at (avoids float noise ties). */
export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

export function scoreTree(fw: FrameworkIndex, scores: LeafScores): NodeResult {
  const visit = (node: FrameworkNode): NodeResult => {
    if (isLeaf(node)) {
      const s = scores(node);
      const out = !!(s.notApplicable || s.excluded);
      const points = out ? 0 : Math.min(node.max, Math.max(0, s.points ?? 0));
      return {
        code: node.code, title: node.title, max: node.max, applicableMax: out ? 0 : node.max, points,
        index: out ? null : node.max ? round2((points / node.max) * 100) : null,
        leaf: { method: node.method, notApplicable: !!s.notApplicable, excluded: !!s.excluded, scored: s.points !== null },
      };
    }
    const children = node.children.map(visit);
    return aggregate(node.code, node.title, node.max, children);
  };
  const domains = fw.framework.children.map(visit);
  return aggregate('', fw.framework.title, fw.framework.max, domains);
}

function aggregate(code: string, title: string, max: number, children: NodeResult[]): NodeResult {
  const applicableMax = round2(children.reduce((s, c) => s + c.applicableMax, 0));
  const points = round2(children.reduce((s, c) => s + c.points, 0));
  return { code, title, max, applicableMax, points, index: applicableMax ? round2((points / applicableMax) * 100) : null, children };
}

/** Self-assessment stage: the unit's own scores; survey leaves are not part of it yet. */
export function selfScores(sa: SelfAssessment | undefined): LeafScores {
  const byCode = new Map((sa?.items ?? []).map((i) => [i.code, i]));
  return (leaf) => {
    if (leaf.method === 'survey') return { points: null, excluded: true };
    const item = byCode.get(leaf.code);
    return { points: typeof item?.score === 'number' ? item.score : null, notApplicable: item?.notApplicable === true };
  };
}

/**
 * Council stages. `appraisal`: round-1 scores; `final`: round 2 where the council re-scored,
 * round 1 elsewhere. Both add survey points when the year's survey exists. N/A stays the unit's
 * declaration. An item the council has not appraised yet scores null (0, shown as missing).
 */
export function councilScores(sa: SelfAssessment | undefined, appraisal: Appraisal | undefined, survey: Survey | undefined,
  unit: string, stage: 'appraisal' | 'final'): LeafScores {
  const self = new Map((sa?.items ?? []).map((i) => [i.code, i]));
  const appraised = new Map((appraisal?.items ?? []).map((i) => [i.code, i]));
  const surveyPoints = survey?.units[unit];
  return (leaf) => {
    if (leaf.method === 'survey') {
      if (!survey) return { points: null, excluded: true };
      const p = surveyPoints?.[leaf.code];
      return { points: p ?? null };
    }
    const item = appraised.get(leaf.code);
    const round = stage === 'final' ? (item?.round2 ?? item?.round1) : item?.round1;
    return { points: round ? round.score : null, notApplicable: self.get(leaf.code)?.notApplicable === true };
  };
}

/** Bonus and penalty, each capped by the campaign (no adjustments section → none allowed). */
export function adjustments(appraisal: Appraisal | undefined, campaign: Campaign): { bonus: number; penalty: number } {
  const bonus = Math.min(appraisal?.bonus?.points ?? 0, campaign.adjustments?.bonusMax ?? 0);
  const penalty = Math.min(appraisal?.penalty?.points ?? 0, campaign.adjustments?.penaltyMax ?? 0);
  return { bonus: round2(bonus), penalty: round2(penalty) };
}

/** Points earned on survey leaves within a (sub)tree. */
export function surveyTotal(tree: NodeResult): number {
  if (tree.leaf) return tree.leaf.method === 'survey' && !tree.leaf.excluded ? tree.points : 0;
  return round2((tree.children ?? []).reduce((s, c) => s + surveyTotal(c), 0));
}

export interface Classification { id: string; name: string }

export function classify(index: number | null, bands: Campaign['bands']): Classification | null {
  if (index === null) return null;
  const band = [...bands].sort((a, b) => b.min - a.min).find((b) => index + 1e-9 >= b.min);
  return band ? { id: band.id, name: band.name } : null;
}

/** Competition ranking (1, 2, 2, 4) by index, compared at published precision. */
export function rank<T>(rows: T[], key: (row: T) => number | null): (T & { rank: number | null })[] {
  const sorted = rows.map((r) => ({ r, k: key(r) })).sort((a, b) => (b.k ?? -Infinity) - (a.k ?? -Infinity));
  let prev: number | null | undefined;
  let prevRank = 0;
  return sorted.map(({ r, k }, i) => {
    let rnk: number | null = null;
    if (k !== null) {
      rnk = prev !== undefined && prev !== null && round2(k) === round2(prev) ? prevRank : i + 1;
      prev = k;
      prevRank = rnk;
    }
    return { ...r, rank: rnk };
  });
}

export interface UnitResult {
  unit: string;
  name: string;
  shortName: string;
  group: string;
  /** Total: criteria points + bonus − penalty. */
  points: number;
  /** Criteria points alone (the tree's total, survey leaves included). */
  criteriaPoints: number;
  /** Of which from survey leaves. */
  surveyPoints: number;
  /** The unit's own self-score total, beside council stages (equals criteriaPoints at stage self). */
  selfPoints: number | null;
  bonus: number;
  penalty: number;
  applicableMax: number;
  index: number | null;
  rank: number | null;
  classification: Classification | null;
  /** Index change in percentage points against the previous year's same stage, when known. */
  change: number | null;
  previousIndex: number | null;
  tree: NodeResult;
}

export interface GroupResult {
  id: string;
  name: string;
  framework: string;
  units: UnitResult[];
}

export interface CampaignResult {
  year: number;
  stage: Stage;
  groups: GroupResult[];
}

export interface ScoreInput {
  campaign: Campaign;
  units: Map<string, Unit>;
  frameworks: Map<string, FrameworkIndex>;
  /** Unit ids scored this year (those with a valid self-assessment). */
  scoredUnits: string[];
  scoresFor: (unitId: string) => LeafScores;
  /** Self-score totals per unit, shown beside council stages. */
  selfPointsFor?: (unitId: string) => number | null;
  /** Bonus/penalty per unit (council stages only). */
  adjustmentsFor?: (unitId: string) => { bonus: number; penalty: number };
  /** Index of each unit in the previous year at the same stage. */
  previous?: Map<string, number | null>;
}

export function scoreCampaign(input: ScoreInput, stage: Stage): CampaignResult {
  const groups = input.campaign.groups.map((g): GroupResult => {
    const fw = input.frameworks.get(g.framework);
    const rows = fw ? input.scoredUnits
      .map((id) => input.units.get(id))
      .filter((u): u is Unit => !!u && u.group === g.id)
      .map((u) => {
        const tree = scoreTree(fw, input.scoresFor(u.id));
        const previousIndex = input.previous?.get(u.id) ?? null;
        const { bonus, penalty } = input.adjustmentsFor?.(u.id) ?? { bonus: 0, penalty: 0 };
        const points = round2(tree.points + bonus - penalty);
        const index = tree.applicableMax ? round2((points / tree.applicableMax) * 100) : null;
        return {
          unit: u.id, name: u.name, shortName: u.shortName, group: g.id,
          points, criteriaPoints: tree.points, surveyPoints: surveyTotal(tree), selfPoints: input.selfPointsFor ? input.selfPointsFor(u.id) : tree.points,
          bonus, penalty, applicableMax: tree.applicableMax, index,
          classification: classify(index, input.campaign.bands),
          previousIndex,
          change: previousIndex !== null && index !== null ? round2(index - previousIndex) : null,
          tree,
        };
      }) : [];
    const ranked = rank(rows, (r) => r.index)
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.shortName.localeCompare(b.shortName, 'vi'));
    return { id: g.id, name: g.name, framework: g.framework, units: ranked };
  });
  return { year: input.campaign.year, stage, groups };
}
