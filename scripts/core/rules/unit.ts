// The unit registry decides who may edit what: ids and dates must be exact.
import { defineRule } from './types.js';

export const unitRules = [
  defineRule({
    id: 'unit-id-path', kind: 'unit', severity: 'error',
    description: 'Mã đơn vị phải trùng tên tệp',
    check(ctx, report) {
      if (ctx.data.id !== ctx.pathId) report({ path: ['id'], message: `Mã đơn vị “${ctx.data.id}” không khớp tên tệp (${ctx.pathId}.yaml).` });
    },
  }),
  defineRule({
    id: 'unit-dates', kind: 'unit', severity: 'error',
    description: 'Ngày kết thúc hoạt động không trước ngày bắt đầu',
    check(ctx, report) {
      const to = ctx.data.activeTo;
      if (to && to < ctx.data.activeFrom) report({ path: ['activeTo'], message: `Ngày kết thúc ${to} trước ngày bắt đầu ${ctx.data.activeFrom}.` });
    },
  }),
  defineRule({
    id: 'unit-group-unknown', kind: 'unit', severity: 'warning',
    description: 'Nhóm của đơn vị phải được ít nhất một đợt đánh giá sử dụng',
    check(ctx, report) {
      const groups = new Set([...ctx.registry.campaigns.values()].flatMap((c) => c.groups.map((g) => g.id)));
      if (ctx.registry.campaigns.size && !groups.has(ctx.data.group)) report({ path: ['group'], message: `Nhóm “${ctx.data.group}” không thuộc đợt đánh giá nào.` });
    },
  }),
];
