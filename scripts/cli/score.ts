// `parindex score --year 2023 [--stage self|appraisal|final] [--format table|json|csv] [--at <ISO>]`
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { fsSource } from '../io/fs-source.js';
import { loadContent } from '../core/load/content.js';
import { scoreYear, ScoringError } from '../core/score/year.js';
import { STAGES, type Stage, type CampaignResult, type NodeResult, type UnitResult } from '../core/score/index.js';
import { resultsCsv, resultsJson } from '../core/score/export.js';
import { clipWords, formatChange, formatDateTime, formatNumber } from '../core/format.js';
import { parseInstant } from '../core/time.js';
import type { ContentSource } from '../core/source.js';
import { resolve } from 'node:path';
import { requireUnit } from './unit-arg.js';
import { appraisedPoints, TERMS } from '../core/score/terms.js';

const USAGE = 'Cách dùng: npm run score -- --year <năm> [--stage self|appraisal|final] [--format table|json|csv] [--at <thời điểm ISO>] [--unit <mã đơn vị>] [--root <thư mục kho>]\n  --unit: bảng chi tiết của một đơn vị theo lĩnh vực, tiêu chí (định dạng table).';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, {
      year: { type: 'string' }, stage: { type: 'string', default: 'self' }, format: { type: 'string', default: 'table' }, at: { type: 'string' }, root: { type: 'string' }, unit: { type: 'string' },
    });
    const year = Number(values.year);
    if (!values.year || !Number.isInteger(year)) throw new UsageError('Thiếu hoặc sai --year (ví dụ --year 2023).');
    const stage = values.stage as Stage;
    if (!STAGES.includes(stage)) throw new UsageError(`Giai đoạn không hợp lệ: ${values.stage} (self, appraisal hoặc final).`);
    if (!['table', 'json', 'csv'].includes(values.format!)) throw new UsageError(`Định dạng không hợp lệ: ${values.format} (table, json hoặc csv).`);
    const root = values.root ? resolve(values.root) : ctx.root;
    let source: ContentSource = fsSource(root);
    let snapshotNote = '';
    if (values.at) {
      const at = parseInstant(values.at);
      if (!at) throw new UsageError(`Thời điểm không hợp lệ: ${values.at} (ví dụ 2023-11-17T17:00+07:00).`);
      const snap = await openSnapshotAt(ctx, root, at);
      if (!snap) return 1;
      source = snap.source;
      snapshotNote = snap.note;
    }
    const content = await loadContent(source);
    if (values.unit) await requireUnit(values.unit, (u) => content.registry.units.has(u));
    let result: CampaignResult;
    try {
      result = scoreYear(content, year, stage);
    } catch (error) {
      if (error instanceof ScoringError) { ctx.err(error.message + '\n'); return 1; }
      throw error;
    }
    const invalid = content.years.get(year)?.invalid ?? [];
    if (values.format === 'json') ctx.out(JSON.stringify(resultsJson(result), null, 2) + '\n');
    else if (values.format === 'csv') ctx.out(resultsCsv(result));
    else if (values.unit) {
      const u = result.groups.flatMap((g) => g.units).find((x) => x.unit === values.unit);
      if (!u) { ctx.err(`Đơn vị “${values.unit}” không có kết quả năm ${year}.\n`); return 1; }
      ctx.out(unitTable(u) + snapshotNote);
    } else ctx.out(table(result) + snapshotNote);
    for (const p of invalid) ctx.err(`Bỏ qua tệp có lỗi (chạy npm run validate để xem): ${p}\n`);
    return 0;
  });
}

async function openSnapshotAt(ctx: CliContext, root: string, at: Date): Promise<{ source: ContentSource; note: string } | null> {
  const history = await import('../core/history/index.js');
  const snap = await history.openSnapshot(root, at);
  if (snap.status !== 'ok') {
    ctx.err(snap.message + '\n');
    return null;
  }
  return { source: snap.source, note: `\nTính trên ảnh chụp của nhánh chính tại commit ${snap.commit.slice(0, 10)} (${formatDateTime(snap.time, undefined, true)}, nguồn thời gian: ${snap.timeSource}).\n` };
}

function table(result: CampaignResult): string {
  const stageVi = { self: 'tự chấm', appraisal: 'thẩm định', final: 'kết quả cuối cùng' }[result.stage];
  const out: string[] = [`Chỉ số CCHC năm ${result.year} (${stageVi})`];
  for (const g of result.groups) {
    out.push('', `${g.name} (${g.units.length} đơn vị)`);
    // Council stages show every component of the total beside the unit's self-score.
    const council = result.stage !== 'self';
    const header = council
      ? ['Hạng', 'Đơn vị', TERMS.self, TERMS.appraised, TERMS.survey, TERMS.bonus, TERMS.penalty, TERMS.total, 'Tối đa', 'Chỉ số %', 'Xếp loại', 'Thay đổi']
      : ['Hạng', 'Đơn vị', 'Điểm', 'Tối đa', 'Chỉ số %', 'Xếp loại', 'Thay đổi'];
    const rows = [header, ...g.units.map((u) => [String(u.rank ?? '—'), u.shortName,
      ...(council ? [formatNumber(u.selfPoints), formatNumber(appraisedPoints(u.tree, result.stage)), formatNumber(u.surveyPoints), formatNumber(u.bonus), formatNumber(u.penalty)] : []),
      formatNumber(u.points), formatNumber(u.applicableMax), formatNumber(u.index, 2), u.classification?.name ?? '—', formatChange(u.change, 2)])];
    const numeric = new Set(header.map((h, i) => (['Đơn vị', 'Hạng', 'Xếp loại'].includes(h) ? -1 : i)));
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
    for (const r of rows) out.push(r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
    if (!g.units.length) out.push('(chưa có đơn vị nào nộp)');
  }
  return out.join('\n') + '\n';
}

/** One unit's breakdown by domain, criterion and leaf: the same tree the site's unit page shows. */
function unitTable(u: UnitResult): string {
  const rows: string[][] = [['Mã', 'Tiêu chí', 'Tối đa', 'Áp dụng', 'Điểm', 'Chỉ số %']];
  const visit = (n: NodeResult, depth: number) => {
    const note = n.leaf?.notApplicable ? ' (không áp dụng)' : n.leaf?.method === 'survey' ? ' (ĐTXHH)' : '';
    rows.push([n.code, `${'  '.repeat(depth)}${clipWords(n.title, 70 - 2 * depth - note.length)}${note}`, formatNumber(n.max), formatNumber(n.applicableMax), formatNumber(n.points), formatNumber(n.index, 2)]);
    for (const c of n.children ?? []) visit(c, depth + 1);
  };
  for (const d of u.tree.children ?? []) visit(d, 0);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  const lines = rows.map((r) => r.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
  return `${u.name}: ${formatNumber(u.points)}/${formatNumber(u.applicableMax)} điểm, Chỉ số ${formatNumber(u.index, 2)}%, hạng ${u.rank ?? '—'}\n\n${lines.join('\n')}\n`;
}
