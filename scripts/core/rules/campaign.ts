// A campaign's clock drives the gate and the lock: its times must parse and its windows make sense.
import { defineRule } from './types.js';
import { localToInstant, isCalendarDate } from '../time.js';

export const campaignRules = [
  defineRule({
    id: 'campaign-year-path', kind: 'campaign', severity: 'error',
    description: 'Năm của đợt đánh giá phải trùng tên tệp',
    check(ctx, report) {
      if (ctx.data.year !== ctx.pathYear) report({ path: ['year'], message: `Năm ${ctx.data.year} không khớp tên tệp (${ctx.pathYear}.yaml).` });
    },
  }),
  defineRule({
    id: 'campaign-framework', kind: 'campaign', severity: 'error',
    description: 'Mỗi nhóm dùng một bộ tiêu chí có thật, cùng năm và cùng nhóm',
    check(ctx, report) {
      ctx.data.groups.forEach((g, i) => {
        if (ctx.registry.broken.has(`framework:${g.framework}`)) return;
        const fw = ctx.registry.frameworks.get(g.framework)?.framework;
        if (!fw) report({ path: ['groups', i, 'framework'], message: `Bộ tiêu chí “${g.framework}” của nhóm “${g.name}” không tồn tại.` });
        else if (fw.group !== g.id || fw.year !== ctx.data.year) report({ path: ['groups', i, 'framework'], message: `Bộ tiêu chí “${g.framework}” dành cho nhóm ${fw.group} năm ${fw.year}, không phải nhóm ${g.id} năm ${ctx.data.year}.` });
      });
    },
  }),
  defineRule({
    id: 'campaign-phases', kind: 'campaign', severity: 'error',
    description: 'Thời gian các giai đoạn hợp lệ: kết thúc sau bắt đầu, mã không trùng',
    check(ctx, report) {
      const ids = new Set<string>();
      ctx.data.phases.forEach((p, i) => {
        if (ids.has(p.id)) report({ path: ['phases', i, 'id'], message: `Mã giai đoạn “${p.id}” bị trùng.` });
        ids.add(p.id);
        const start = localToInstant(p.start, ctx.data.timezone);
        const end = localToInstant(p.end, ctx.data.timezone);
        if (!start || !isCalendarDate(p.start.slice(0, 10))) report({ path: ['phases', i, 'start'], message: `Thời điểm bắt đầu “${p.start}” không hợp lệ.` });
        if (!end || !isCalendarDate(p.end.slice(0, 10))) report({ path: ['phases', i, 'end'], message: `Thời điểm kết thúc “${p.end}” không hợp lệ.` });
        if (start && end && end <= start) report({ path: ['phases', i, 'end'], message: `Giai đoạn “${p.name}” kết thúc (${p.end}) không sau thời điểm bắt đầu (${p.start}).` });
      });
      if (!ctx.data.phases.some((p) => p.kind === 'self-assessment')) report({ path: ['phases'], message: 'Chưa có giai đoạn tự đánh giá (kind: self-assessment).' });
    },
  }),
  defineRule({
    id: 'campaign-bands', kind: 'campaign', severity: 'error',
    description: 'Xếp loại sắp theo ngưỡng giảm dần, ngưỡng cuối là 0',
    check(ctx, report) {
      const b = ctx.data.bands;
      b.forEach((band, i) => {
        if (i > 0 && band.min >= b[i - 1]!.min) report({ path: ['bands', i, 'min'], message: `Ngưỡng xếp loại “${band.name}” (${band.min}) phải nhỏ hơn ngưỡng trước (${b[i - 1]!.min}).` });
      });
      if (b.length && b[b.length - 1]!.min !== 0) report({ path: ['bands', b.length - 1, 'min'], message: 'Ngưỡng xếp loại thấp nhất phải là 0 để mọi đơn vị đều được xếp loại.' });
    },
  }),
];
