// A framework is data the whole year depends on: its arithmetic and codes must be sound.
import { defineRule, type FrameworkContext } from './types.js';
import { isLeaf, type FrameworkNode } from '../model.js';
import { viNumber } from './text.js';
import type { JsonPath } from '../findings.js';

const EPS = 1e-9;

function walk(ctx: FrameworkContext, fn: (node: FrameworkNode, path: JsonPath, parent?: FrameworkNode) => void) {
  const visit = (nodes: FrameworkNode[], path: JsonPath, parent?: FrameworkNode) => nodes.forEach((n, i) => {
    const here = [...path, 'children', i];
    fn(n, here, parent);
    if (!isLeaf(n)) visit(n.children, here, n);
  });
  visit(ctx.data.children, []);
}

const sum = (nodes: FrameworkNode[]) => nodes.reduce((s, n) => s + n.max, 0);

export const frameworkRules = [
  defineRule({
    id: 'framework-id-path', kind: 'framework', severity: 'error',
    description: 'Mã bộ tiêu chí phải trùng tên tệp',
    check(ctx, report) {
      if (ctx.data.id !== ctx.pathId) report({ path: ['id'], message: `Mã bộ tiêu chí “${ctx.data.id}” không khớp tên tệp (${ctx.pathId}.yaml).` });
    },
  }),
  defineRule({
    id: 'framework-max-sum', kind: 'framework', severity: 'error',
    description: 'Điểm tối đa của mỗi nút bằng tổng điểm tối đa của các nút con',
    check(ctx, report) {
      if (Math.abs(sum(ctx.data.children) - ctx.data.max) > EPS) {
        report({ path: ['max'], message: `Tổng điểm tối đa ${viNumber(ctx.data.max)} khác tổng các lĩnh vực (${viNumber(sum(ctx.data.children))}).` });
      }
      walk(ctx, (node, path) => {
        if (!isLeaf(node) && Math.abs(sum(node.children) - node.max) > EPS) {
          report({ path: [...path, 'max'], code: node.code, message: `Tiêu chí ${node.code}: điểm tối đa ${viNumber(node.max)} khác tổng các tiêu chí con (${viNumber(sum(node.children))}).` });
        }
      });
    },
  }),
  defineRule({
    id: 'framework-code-duplicate', kind: 'framework', severity: 'error',
    description: 'Mã tiêu chí không được trùng',
    check(ctx, report) {
      const seen = new Set<string>();
      walk(ctx, (node, path) => {
        if (seen.has(node.code)) report({ path: [...path, 'code'], code: node.code, message: `Mã tiêu chí ${node.code} bị trùng.` });
        seen.add(node.code);
      });
    },
  }),
  defineRule({
    id: 'framework-code-prefix', kind: 'framework', severity: 'error',
    description: 'Mã tiêu chí con bắt đầu bằng mã tiêu chí cha (1.2 → 1.2.1)',
    check(ctx, report) {
      walk(ctx, (node, path, parent) => {
        const ok = parent ? node.code.startsWith(`${parent.code}.`) && !node.code.slice(parent.code.length + 1).includes('.')
          : !node.code.includes('.');
        if (!ok) report({ path: [...path, 'code'], code: node.code, message: parent ? `Mã ${node.code} phải có dạng ${parent.code}.<số> (con của ${parent.code}).` : `Mã lĩnh vực ${node.code} phải là một số (1, 2, …).` });
      });
    },
  }),
  defineRule({
    id: 'framework-levels', kind: 'framework', severity: 'error',
    description: 'Tiêu chí tự chấm có mức điểm hoặc cách tính; mức điểm trong khoảng 0 – điểm tối đa, có mức tối đa',
    check(ctx, report) {
      walk(ctx, (node, path) => {
        if (!isLeaf(node) || node.method !== 'self') return;
        if (!node.levels && !node.measure) {
          report({ path, code: node.code, message: `Tiêu chí ${node.code} tự chấm nhưng chưa có mức điểm (levels) hoặc cách tính (measure).` });
          return;
        }
        const scores = [...(node.levels ?? []).map((l, j) => ({ s: l.score, p: [...path, 'levels', j, 'score'] })),
          ...(node.measure?.thresholds ?? []).map((t, j) => ({ s: t.score, p: [...path, 'measure', 'thresholds', j, 'score'] }))];
        for (const { s, p } of scores) {
          if (s > node.max + EPS) report({ path: p, code: node.code, message: `Mức ${viNumber(s)} điểm vượt điểm tối đa ${viNumber(node.max)} của tiêu chí ${node.code}.` });
        }
        if (!scores.some(({ s }) => Math.abs(s - node.max) < EPS)) {
          report({ path: [...path, 'max'], code: node.code, message: `Tiêu chí ${node.code} không có mức nào đạt điểm tối đa ${viNumber(node.max)}.` });
        }
        if (node.levels && node.measure) {
          const levelSet = node.levels.map((l) => l.score);
          node.measure.thresholds.forEach((t, j) => {
            if (!levelSet.some((s) => Math.abs(s - t.score) < EPS)) report({ path: [...path, 'measure', 'thresholds', j, 'score'], code: node.code, message: `Ngưỡng ${t.atLeast}% cho ${viNumber(t.score)} điểm, không phải một mức điểm của tiêu chí ${node.code}.` });
          });
        }
      });
    },
  }),
];
