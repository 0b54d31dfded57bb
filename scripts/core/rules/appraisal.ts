// The council's scores obey the same framework as the units': levels and max, a remark whenever
// a unit loses points, round 2 only where an explanation was requested or data was deferred,
// and bonus/penalty within the campaign's caps.
import { defineRule, type AppraisalContext } from './types.js';
import { isLeaf, type FrameworkLeaf } from '../model.js';
import { allowedScores } from './scores.js';
import { viNumber } from './text.js';
import type { Appraisal } from '../model.js';

const EPS = 1e-9;
type AppraisalItem = Appraisal['items'][number];

function eachItem(ctx: AppraisalContext, fn: (item: AppraisalItem, i: number, leaf: FrameworkLeaf) => void) {
  ctx.data.items.forEach((item, i) => {
    const node = ctx.framework?.byCode.get(item.code)?.node;
    if (node && isLeaf(node) && node.method === 'self') fn(item, i, node);
  });
}

const ROUNDS = ['round1', 'round2'] as const;
const ROUND_VI = { round1: 'đợt 1', round2: 'đợt 2' } as const;

export const appraisalRules = [
  defineRule({
    id: 'appraisal-header', kind: 'appraisal', severity: 'error',
    description: 'Đơn vị, năm, bộ tiêu chí của kết quả thẩm định khớp đường dẫn và bảng tự chấm',
    check(ctx, report) {
      if (ctx.data.unit !== ctx.pathUnit) report({ path: ['unit'], message: `Mã đơn vị “${ctx.data.unit}” không khớp tên tệp (${ctx.pathUnit}.yaml).` });
      if (ctx.data.year !== ctx.pathYear) report({ path: ['year'], message: `Năm ${ctx.data.year} không khớp thư mục ${ctx.pathYear}.` });
      if (!ctx.unit) report({ path: ['unit'], message: `Đơn vị “${ctx.data.unit}” không có trong danh mục.` });
      if (!ctx.framework && !ctx.registry.broken.has(`framework:${ctx.data.framework}`)) report({ path: ['framework'], message: `Bộ tiêu chí “${ctx.data.framework}” không tồn tại.` });
      else if (ctx.selfAssessment && ctx.selfAssessment.framework !== ctx.data.framework) report({ path: ['framework'], message: `Bộ tiêu chí “${ctx.data.framework}” khác bộ tiêu chí của bảng tự chấm (“${ctx.selfAssessment.framework}”).` });
      if (!ctx.selfAssessment) report({ path: ['unit'], message: `Đơn vị chưa có bảng tự chấm hợp lệ năm ${ctx.data.year}: chưa thể thẩm định.` });
    },
  }),
  defineRule({
    id: 'appraisal-code', kind: 'appraisal', severity: 'error',
    description: 'Mỗi mục thẩm định là một tiêu chí tự chấm của bộ tiêu chí, không trùng',
    check(ctx, report) {
      const seen = new Set<string>();
      ctx.data.items.forEach((item, i) => {
        const node = ctx.framework?.byCode.get(item.code)?.node;
        if (ctx.framework && (!node || !isLeaf(node) || node.method !== 'self')) report({ path: ['items', i, 'code'], code: item.code, message: `${item.code} không phải tiêu chí tự chấm của bộ tiêu chí ${ctx.data.framework}.` });
        if (seen.has(item.code)) report({ path: ['items', i, 'code'], code: item.code, message: `Tiêu chí ${item.code} được thẩm định hai lần.` });
        seen.add(item.code);
      });
    },
  }),
  defineRule({
    id: 'appraisal-score', kind: 'appraisal', severity: 'error',
    description: 'Điểm thẩm định là một mức điểm của tiêu chí, không vượt điểm tối đa',
    check(ctx, report) {
      eachItem(ctx, (item, i, leaf) => {
        for (const r of ROUNDS) {
          const round = item[r];
          if (!round) continue;
          const allowed = allowedScores(leaf);
          if (round.score > leaf.max + EPS) report({ path: ['items', i, r, 'score'], code: item.code, message: `Điểm thẩm định ${ROUND_VI[r]} ${viNumber(round.score)} vượt điểm tối đa ${viNumber(leaf.max)} của tiêu chí ${item.code}.` });
          else if (allowed && !allowed.some((s) => Math.abs(s - round.score) < EPS)) report({ path: ['items', i, r, 'score'], code: item.code, message: `Điểm thẩm định ${ROUND_VI[r]} ${viNumber(round.score)} không phải mức điểm của tiêu chí ${item.code} (các mức: ${[...new Set(allowed)].sort((a, b) => b - a).map(viNumber).join('; ')}).` });
        }
      });
    },
  }),
  defineRule({
    id: 'appraisal-remark-required', kind: 'appraisal', severity: 'error',
    description: 'Phải có nhận xét khi điểm thẩm định thấp hơn điểm tự chấm',
    check(ctx, report) {
      const self = new Map((ctx.selfAssessment?.items ?? []).map((i) => [i.code, i.score]));
      ctx.data.items.forEach((item, i) => {
        const selfScore = self.get(item.code);
        if (selfScore === undefined) return;
        for (const r of ROUNDS) {
          const round = item[r];
          if (round && round.score < selfScore - EPS && !round.remark?.trim()) {
            report({ path: ['items', i, r, 'score'], code: item.code, message: `Tiêu chí ${item.code}: điểm thẩm định ${ROUND_VI[r]} (${viNumber(round.score)}) thấp hơn điểm tự chấm (${viNumber(selfScore)}) nên phải có nhận xét nêu lý do.` });
          }
        }
      });
    },
  }),
  defineRule({
    id: 'appraisal-round2-scope', kind: 'appraisal', severity: 'error',
    description: 'Thẩm định đợt 2 chỉ với tiêu chí đã yêu cầu giải trình hoặc tiêu chí bổ sung số liệu sau',
    check(ctx, report) {
      eachItem(ctx, (item, i, leaf) => {
        if (item.round2 && !item.round1.requestExplanation && !leaf.deferred) {
          report({ path: ['items', i, 'round2'], code: item.code, message: `Tiêu chí ${item.code} không được yêu cầu giải trình ở đợt 1 và không thuộc diện bổ sung số liệu sau: không thẩm định đợt 2.` });
        }
        if (item.round2?.requestExplanation) {
          report({ path: ['items', i, 'round2', 'requestExplanation'], code: item.code, message: `Tiêu chí ${item.code}: yêu cầu giải trình chỉ đặt ở đợt 1.` });
        }
      });
    },
  }),
  defineRule({
    id: 'appraisal-adjustment-cap', kind: 'appraisal', severity: 'error',
    description: 'Điểm thưởng, điểm trừ trong mức trần của đợt đánh giá',
    check(ctx, report) {
      const caps = ctx.campaign?.adjustments;
      for (const [key, cap, vi] of [['bonus', caps?.bonusMax, 'thưởng'], ['penalty', caps?.penaltyMax, 'trừ']] as const) {
        const adj = ctx.data[key];
        if (!adj || !ctx.campaign) continue;
        if (cap === undefined) report({ path: [key], message: `Đợt đánh giá năm ${ctx.campaign.year} không có điểm ${vi}.` });
        else if (adj.points > cap + EPS) report({ path: [key, 'points'], message: `Điểm ${vi} ${viNumber(adj.points)} vượt mức trần ${viNumber(cap)} của đợt đánh giá.` });
      }
    },
  }),
];

export const surveyRules = [
  defineRule({
    id: 'survey-score', kind: 'survey', severity: 'error',
    description: 'Điểm điều tra xã hội học: đúng năm, đơn vị có thật, tiêu chí điều tra của bộ tiêu chí, không vượt điểm tối đa',
    check(ctx, report) {
      if (ctx.data.year !== ctx.pathYear) report({ path: ['year'], message: `Năm ${ctx.data.year} không khớp tên tệp (${ctx.pathYear}.yaml).` });
      for (const [unitId, scores] of Object.entries(ctx.data.units)) {
        const unit = ctx.registry.units.get(unitId);
        if (!unit) { report({ path: ['units', unitId], atKey: true, message: `Đơn vị “${unitId}” không có trong danh mục.` }); continue; }
        const fwId = ctx.campaign?.groups.find((g) => g.id === unit.group)?.framework;
        const fw = fwId ? ctx.registry.frameworks.get(fwId) : undefined;
        if (!fw) continue;
        for (const [code, points] of Object.entries(scores ?? {})) {
          const node = fw.byCode.get(code)?.node;
          if (!node || !isLeaf(node) || node.method !== 'survey') report({ path: ['units', unitId, code], atKey: true, code, message: `${code} không phải tiêu chí điều tra xã hội học của bộ tiêu chí ${fw.framework.id}.` });
          else if (points! > node.max + EPS) report({ path: ['units', unitId, code], code, message: `Điểm ${viNumber(points!)} của đơn vị ${unit.shortName} vượt điểm tối đa ${viNumber(node.max)} của tiêu chí ${code}.` });
        }
      }
    },
  }),
];
