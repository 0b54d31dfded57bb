// The self-assessment's header must agree with its path, the unit registry and the campaign.
import { defineRule } from './types.js';
import { unitIsActive } from '../model.js';

export const headerRules = [
  defineRule({
    id: 'sa-unit-path', kind: 'self-assessment', severity: 'error',
    description: 'Mã đơn vị trong tệp phải trùng tên tệp',
    check(ctx, report) {
      if (ctx.data.unit !== ctx.pathUnit) {
        report({ path: ['unit'], message: `Mã đơn vị “${ctx.data.unit}” không khớp tên tệp (${ctx.pathUnit}.yaml).` });
      }
    },
  }),
  defineRule({
    id: 'sa-year-path', kind: 'self-assessment', severity: 'error',
    description: 'Năm trong tệp phải trùng thư mục năm',
    check(ctx, report) {
      if (ctx.data.year !== ctx.pathYear) {
        report({ path: ['year'], message: `Năm ${ctx.data.year} không khớp thư mục ${ctx.pathYear}.` });
      }
    },
  }),
  defineRule({
    id: 'sa-unit-unknown', kind: 'self-assessment', severity: 'error',
    description: 'Đơn vị phải có trong danh mục đơn vị',
    check(ctx, report) {
      if (!ctx.unit && !ctx.registry.broken.has(`unit:${ctx.data.unit}`)) {
        report({ path: ['unit'], message: `Đơn vị “${ctx.data.unit}” không có trong danh mục (content/units/).` });
      }
    },
  }),
  defineRule({
    id: 'sa-unit-inactive', kind: 'self-assessment', severity: 'error',
    description: 'Đơn vị phải còn hoạt động trong năm đánh giá',
    check(ctx, report) {
      if (ctx.unit && !unitIsActive(ctx.unit, ctx.data.year)) {
        report({ path: ['unit'], message: `Đơn vị “${ctx.unit.shortName}” không hoạt động trong năm ${ctx.data.year} (hiệu lực ${ctx.unit.activeFrom} – ${ctx.unit.activeTo ?? 'nay'}).` });
      }
    },
  }),
  defineRule({
    id: 'sa-campaign-missing', kind: 'self-assessment', severity: 'error',
    description: 'Năm đánh giá phải có kế hoạch (content/campaigns/<năm>.yaml)',
    check(ctx, report) {
      if (!ctx.campaign && !ctx.registry.broken.has(`campaign:${ctx.data.year}`)) {
        report({ path: ['year'], message: `Chưa có đợt đánh giá năm ${ctx.data.year} (content/campaigns/${ctx.data.year}.yaml).` });
      }
    },
  }),
  defineRule({
    id: 'sa-framework-mismatch', kind: 'self-assessment', severity: 'error',
    description: 'Bộ tiêu chí phải là bộ mà đợt đánh giá áp dụng cho nhóm của đơn vị',
    check(ctx, report) {
      if (ctx.registry.broken.has(`framework:${ctx.data.framework}`)) return;
      if (!ctx.registry.frameworks.has(ctx.data.framework)) {
        report({ path: ['framework'], message: `Bộ tiêu chí “${ctx.data.framework}” không tồn tại (content/frameworks/).` });
        return;
      }
      if (!ctx.unit || !ctx.campaign) return;
      const group = ctx.campaign.groups.find((g) => g.id === ctx.unit!.group);
      if (!group) {
        report({ path: ['unit'], message: `Nhóm “${ctx.unit.group}” của đơn vị không được đánh giá trong năm ${ctx.campaign.year}.` });
      } else if (group.framework !== ctx.data.framework) {
        report({ path: ['framework'], message: `Năm ${ctx.campaign.year}, nhóm “${group.name}” dùng bộ tiêu chí “${group.framework}”, không phải “${ctx.data.framework}”.` });
      }
    },
  }),
];
