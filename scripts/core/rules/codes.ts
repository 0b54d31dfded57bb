// Items must list exactly the framework's self-scored leaves, once each, in framework order,
// so that the council reads every unit's table the same way.
import { defineRule } from './types.js';
import { isLeaf } from '../model.js';

export const codeRules = [
  defineRule({
    id: 'item-code-unknown', kind: 'self-assessment', severity: 'error',
    description: 'Mã tiêu chí phải có trong bộ tiêu chí và là tiêu chí được chấm điểm',
    check(ctx, report) {
      const fw = ctx.framework;
      if (!fw) return;
      ctx.data.items.forEach((item, i) => {
        const info = fw.byCode.get(item.code);
        if (!info) report({ path: ['items', i, 'code'], code: item.code, message: `Mã tiêu chí ${item.code} không có trong bộ tiêu chí ${fw.framework.id}.` });
        else if (!isLeaf(info.node)) report({ path: ['items', i, 'code'], code: item.code, message: `${item.code} là tiêu chí có tiêu chí thành phần: chỉ chấm điểm các tiêu chí thành phần.` });
        else if (info.node.method === 'survey') report({ path: ['items', i, 'code'], code: item.code, message: `${item.code} được chấm bằng điều tra xã hội học, đơn vị không tự chấm.` });
      });
    },
  }),
  defineRule({
    id: 'item-code-duplicate', kind: 'self-assessment', severity: 'error',
    description: 'Mỗi tiêu chí chỉ được chấm một lần',
    check(ctx, report) {
      const seen = new Map<string, number>();
      ctx.data.items.forEach((item, i) => {
        const first = seen.get(item.code);
        if (first !== undefined) report({ path: ['items', i, 'code'], code: item.code, message: `Tiêu chí ${item.code} bị chấm hai lần (mục thứ ${first + 1} và ${i + 1}).` });
        else seen.set(item.code, i);
      });
    },
  }),
  defineRule({
    id: 'item-code-missing', kind: 'self-assessment', severity: 'error',
    description: 'Phải chấm đủ mọi tiêu chí tự chấm của bộ tiêu chí',
    check(ctx, report) {
      if (!ctx.framework) return;
      const present = new Set(ctx.data.items.map((i) => i.code));
      const missing = ctx.framework.selfLeaves.filter((l) => !present.has(l.code));
      for (const leaf of missing) {
        report({ path: ['items'], code: leaf.code, message: `Chưa chấm điểm tiêu chí ${leaf.code} “${leaf.title}”.` });
      }
    },
  }),
  defineRule({
    id: 'item-code-order', kind: 'self-assessment', severity: 'error',
    description: 'Các tiêu chí phải theo đúng thứ tự của bộ tiêu chí',
    check(ctx, report) {
      if (!ctx.framework) return;
      const order = new Map(ctx.framework.selfLeaves.map((l, i) => [l.code, i]));
      let last = -1;
      let lastCode = '';
      ctx.data.items.forEach((item, i) => {
        const pos = order.get(item.code);
        if (pos === undefined) return;
        if (pos < last) {
          report({ path: ['items', i, 'code'], code: item.code, message: `Tiêu chí ${item.code} phải đứng trước ${lastCode} (theo thứ tự bộ tiêu chí).` });
        } else {
          last = pos;
          lastCode = item.code;
        }
      });
    },
  }),
];
