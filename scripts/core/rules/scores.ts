// Scores must be what the framework allows: within max, one of the levels, consistent with the
// figures of a measured leaf, and N/A only where the framework permits it.
import { defineRule, type SelfAssessmentContext } from './types.js';
import { isLeaf, type FrameworkLeaf, type Item } from '../model.js';
import { viNumber } from './text.js';

const EPS = 1e-9;

function eachScoredItem(ctx: SelfAssessmentContext, fn: (item: Item, i: number, leaf: FrameworkLeaf) => void) {
  const fw = ctx.framework;
  if (!fw) return;
  ctx.data.items.forEach((item, i) => {
    const node = fw.byCode.get(item.code)?.node;
    if (node && isLeaf(node) && node.method === 'self') fn(item, i, node);
  });
}

/** Scores the leaf allows: its levels, else its measure's threshold scores. */
export function allowedScores(leaf: FrameworkLeaf): number[] | null {
  if (leaf.levels) return leaf.levels.map((l) => l.score);
  if (leaf.measure) return leaf.measure.thresholds.map((t) => t.score);
  return null;
}

/** The score a measured leaf's figures earn, or a reason it cannot be computed. */
export function measuredScore(leaf: FrameworkLeaf, figures: { [key: string]: number | undefined } | undefined):
  { score: number; ratio: number } | { missing: string[] } | { zeroDenominator: true } {
  const m = leaf.measure!;
  const num = figures?.[m.numerator.key];
  const den = figures?.[m.denominator.key];
  const missing = [...(num === undefined ? [m.numerator] : []), ...(den === undefined ? [m.denominator] : [])];
  if (missing.length) return { missing: missing.map((f) => `“${f.label}”`) };
  if (den === 0) return { zeroDenominator: true };
  const ratio = (num! / den!) * 100;
  const sorted = [...m.thresholds].sort((a, b) => b.atLeast - a.atLeast);
  const hit = sorted.find((t) => ratio + EPS >= t.atLeast);
  return { score: hit ? hit.score : 0, ratio };
}

export const scoreRules = [
  defineRule({
    id: 'score-negative', kind: 'self-assessment', severity: 'error',
    description: 'Điểm không được âm',
    check(ctx, report) {
      ctx.data.items.forEach((item, i) => {
        if (item.score < 0) report({ path: ['items', i, 'score'], code: item.code, message: `Điểm ${viNumber(item.score)} của tiêu chí ${item.code} là số âm.` });
      });
    },
  }),
  defineRule({
    id: 'score-above-max', kind: 'self-assessment', severity: 'error',
    description: 'Điểm không được vượt điểm tối đa của tiêu chí',
    check(ctx, report) {
      eachScoredItem(ctx, (item, i, leaf) => {
        if (item.score > leaf.max + EPS) report({ path: ['items', i, 'score'], code: item.code, message: `Điểm ${viNumber(item.score)} vượt điểm tối đa ${viNumber(leaf.max)} của tiêu chí ${item.code}.` });
      });
    },
  }),
  defineRule({
    id: 'score-not-a-level', kind: 'self-assessment', severity: 'error',
    description: 'Điểm phải là một trong các mức điểm của tiêu chí',
    check(ctx, report) {
      eachScoredItem(ctx, (item, i, leaf) => {
        if (item.notApplicable || item.score < 0 || item.score > leaf.max + EPS) return;
        const allowed = allowedScores(leaf);
        if (allowed && !allowed.some((s) => Math.abs(s - item.score) < EPS)) {
          const list = [...new Set(allowed)].sort((a, b) => b - a).map(viNumber).join('; ');
          report({ path: ['items', i, 'score'], code: item.code, message: `Điểm ${viNumber(item.score)} không phải mức điểm của tiêu chí ${item.code} (các mức: ${list}).` });
        }
      });
    },
  }),
  defineRule({
    id: 'score-measure-mismatch', kind: 'self-assessment', severity: 'error',
    description: 'Điểm của tiêu chí tính theo tỉ lệ phải khớp số liệu',
    check(ctx, report) {
      eachScoredItem(ctx, (item, i, leaf) => {
        if (!leaf.measure || item.notApplicable) return;
        const r = measuredScore(leaf, item.figures);
        if ('missing' in r) {
          report({ path: ['items', i, item.figures ? 'figures' : 'score'], code: item.code, message: `Tiêu chí ${item.code} tính theo tỉ lệ: thiếu số liệu ${r.missing.join(', ')}.` });
        } else if ('zeroDenominator' in r) {
          report({ path: ['items', i, 'figures', leaf.measure.denominator.key], code: item.code, message: `Tiêu chí ${item.code}: “${leaf.measure.denominator.label}” bằng 0, không tính được tỉ lệ (nếu không phát sinh, đánh dấu không áp dụng nếu được phép).` });
        } else if (Math.abs(r.score - item.score) > EPS) {
          report({ path: ['items', i, 'score'], code: item.code, message: `Tiêu chí ${item.code}: tỉ lệ ${viNumber(Math.round(r.ratio * 100) / 100)}% ứng với ${viNumber(r.score)} điểm, không phải ${viNumber(item.score)} điểm.` });
        }
      });
    },
  }),
  defineRule({
    id: 'not-applicable-forbidden', kind: 'self-assessment', severity: 'error',
    description: 'Chỉ được đánh dấu “không áp dụng” ở tiêu chí cho phép',
    check(ctx, report) {
      eachScoredItem(ctx, (item, i, leaf) => {
        if (item.notApplicable && !leaf.notApplicableAllowed) report({ path: ['items', i, 'notApplicable'], code: item.code, message: `Tiêu chí ${item.code} không được đánh dấu “không áp dụng”.` });
      });
    },
  }),
  defineRule({
    id: 'not-applicable-score', kind: 'self-assessment', severity: 'error',
    description: 'Tiêu chí không áp dụng thì không chấm điểm (điểm 0)',
    check(ctx, report) {
      ctx.data.items.forEach((item, i) => {
        if (item.notApplicable && item.score !== 0) report({ path: ['items', i, 'score'], code: item.code, message: `Tiêu chí ${item.code} đánh dấu “không áp dụng” nhưng có điểm ${viNumber(item.score)}: để điểm 0.` });
      });
    },
  }),
];
