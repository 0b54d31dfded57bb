// `parindex audit --unit <id> --year 2023 [--from <ISO|sha>] [--to <ISO|sha>] [--format table|json]`
// Every change to a unit's self-assessment and evidence files on main between two points:
// who, when (and the source of the time), and which items changed. Evidence changed after the
// self-assessment lock is flagged.
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { formatChange, formatNumber } from '../core/format.js';
import type { AuditEntry, AuditLog, ItemChange } from '../core/history/index.js';
import { COMMON_OPTIONS, TIME_SOURCE_LEGEND, TIME_SOURCE_VI, VIA_VI, openForCli, parseYear, reportHistoryErrors, short, unitInWorkingTree, when } from './history.js';
import { requireUnit } from './unit-arg.js';
import { resolve } from 'node:path';

const USAGE = 'Cách dùng: npm run audit -- --unit <mã đơn vị> --year <năm> [--from <thời điểm ISO|commit>] [--to <thời điểm ISO|commit>] [--format table|json] [--ref main] [--no-cache] [--no-github] [--root <thư mục kho>]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, { ...COMMON_OPTIONS, unit: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
    const year = parseYear(values.year);
    if (!values.unit || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.unit)) throw new UsageError('Thiếu hoặc sai --unit (mã đơn vị, ví dụ --unit so-noi-vu).');
    const history = await openForCli(ctx, values);
    if (!history) return 1;
    return reportHistoryErrors(ctx, async () => {
      const log = await history.audit({ year, unit: values.unit!, ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) });
      history.save();
      history.close();
      if (log.entries.length === 0) await requireUnit(values.unit!, (u) => unitInWorkingTree(values.root ? resolve(values.root) : ctx.root, u));
      if (values.format === 'json') ctx.out(JSON.stringify(log, null, 2) + '\n');
      else ctx.out(table(log));
      return 0;
    });
  });
}

const ref = (e: { number: string; file: string | null; url: string | null }) => e.number || e.file || e.url || '(không số)';

export function describeItem(c: ItemChange): string {
  if (c.change === 'added') return `${c.code}: thêm mục${c.score?.after != null ? `, điểm ${formatNumber(c.score.after)}` : ''}`;
  if (c.change === 'removed') return `${c.code}: xóa mục${c.score?.before != null ? ` (điểm cũ ${formatNumber(c.score.before)})` : ''}`;
  const parts: string[] = [];
  if (c.score) parts.push(`điểm ${formatNumber(c.score.before)} → ${formatNumber(c.score.after)}${c.score.delta !== null ? ` (${formatChange(c.score.delta)})` : ''}`);
  if (c.notApplicable) parts.push(c.notApplicable.after ? 'chuyển thành không áp dụng' : 'chuyển thành có áp dụng');
  if (c.figuresChanged) parts.push('số liệu thay đổi');
  if (c.explanationChanged) parts.push('giải trình thay đổi');
  if (c.evidence.added.length) parts.push(`thêm minh chứng ${c.evidence.added.map(ref).join(', ')}`);
  if (c.evidence.removed.length) parts.push(`bỏ minh chứng ${c.evidence.removed.map(ref).join(', ')}`);
  if (c.evidence.changed.length) parts.push(`sửa minh chứng ${c.evidence.changed.map(ref).join(', ')}`);
  return `${c.code}: ${parts.join('; ') || 'thay đổi khác'}`;
}

const SA_STATUS = { added: 'tạo mới', modified: 'sửa', deleted: 'xóa', renamed: 'đổi tên' } as const;
const EV_STATUS = { added: 'thêm', modified: 'sửa nội dung', deleted: 'xóa' } as const;

function entry(e: AuditEntry): string[] {
  const out: string[] = [];
  const via = e.pr ? `${VIA_VI[e.via]} #${e.pr}` : e.branch ? `${VIA_VI[e.via]} ${e.branch}` : VIA_VI[e.via];
  out.push(`${when(e.time)} (${TIME_SOURCE_VI[e.timeSource]})  ${short(e.sha)}  ${via}  ${e.author.name} <${e.author.email}>` +
    `${e.phase ? `  [${e.phase.name}]` : ''}${e.afterLock ? '  ⚠ SAU HẠN KHÓA' : ''}`);
  if (e.ignoredSendTime) {
    out.push(`    ⚠ bỏ qua thời điểm gửi ghi trong commit${e.ignoredSendTime.claimed ? ` (${when(e.ignoredSendTime.claimed)})` : ''}: ${e.ignoredSendTime.reason}; dùng giờ commit`);
  }
  for (const c of e.contributors) out.push(`    người sửa trên nhánh: ${c.name} <${c.email}>, commit ${short(c.sha)} lúc ${when(c.committedAt)}`);
  const sa = e.selfAssessment;
  if (sa) {
    out.push(`    Bảng tự chấm: ${SA_STATUS[sa.status]}${sa.renamedFrom ? ` từ ${sa.renamedFrom}` : ''} (${sa.path})`);
    if (sa.unreadable) out.push(`      không đọc được một phiên bản: ${sa.unreadable}`);
    if (sa.fields.length) out.push(`      thông tin chung thay đổi: ${sa.fields.join(', ')}`);
    for (const c of sa.items) out.push(`      ${describeItem(c)}`);
  }
  for (const f of e.evidence) out.push(`    Minh chứng: ${EV_STATUS[f.status]} ${f.path}${f.afterLock ? '  ⚠ sau hạn khóa' : ''}`);
  return out;
}

function table(log: AuditLog): string {
  const out: string[] = [`Nhật ký thay đổi của đơn vị ${log.unit}, năm ${log.year} — nhánh ${log.ref}`];
  out.push(`Từ: ${log.from ? `commit ${short(log.from.sha)} (${when(log.from.time)})` : 'đầu lịch sử'} · Đến: ${log.to ? `commit ${short(log.to.sha)} (${when(log.to.time)})` : 'đầu lịch sử'}`);
  out.push(log.lock ? `Hạn khóa tự đánh giá: ${when(log.lock)}` : 'Không đọc được hạn tự đánh giá: không đánh dấu thay đổi sau hạn.');
  out.push('');
  if (log.entries.length === 0) out.push('(không có thay đổi nào trong khoảng này)');
  for (const e of log.entries) out.push(...entry(e), '');
  if (log.net.items.length || log.net.fields.length) {
    out.push('Tổng hợp thay đổi của bảng tự chấm trong khoảng:');
    if (log.net.fields.length) out.push(`  thông tin chung: ${log.net.fields.join(', ')}`);
    for (const c of log.net.items) out.push(`  ${describeItem(c)}`);
    out.push('');
  }
  if (log.evidenceChangedAfterLock.length) {
    out.push('⚠ Tệp minh chứng khác với lúc khóa:');
    for (const f of log.evidenceChangedAfterLock) out.push(`  ${EV_STATUS[f.status]} ${f.path}`);
    out.push('');
  }
  out.push(TIME_SOURCE_LEGEND);
  return out.join('\n') + '\n';
}
