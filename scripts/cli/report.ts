// `parindex report --year 2023 [--stage final|appraisal|self] [--out reports]`
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve, relative } from 'node:path';
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { fsSource } from '../io/fs-source.js';
import { loadContent } from '../core/load/content.js';
import { buildCouncilReport } from '../core/report/model.js';
import { ScoringError } from '../core/score/year.js';
import { STAGES, type Stage } from '../core/score/index.js';
import { councilReportDocx } from '../report/docx.js';
import { councilReportXlsx } from '../report/xlsx.js';

const USAGE = 'Cách dùng: npm run report -- --year <năm> [--stage final|appraisal|self] [--out <thư mục>]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, { year: { type: 'string' }, stage: { type: 'string', default: 'final' }, out: { type: 'string', default: 'reports' } });
    const year = Number(values.year);
    if (!values.year || !Number.isInteger(year)) throw new UsageError('Thiếu hoặc sai --year.');
    if (!STAGES.includes(values.stage as Stage)) throw new UsageError(`Giai đoạn không hợp lệ: ${values.stage}.`);
    const content = await loadContent(fsSource(ctx.root));
    let report;
    try {
      report = buildCouncilReport(content, year, values.stage as Stage);
    } catch (error) {
      if (error instanceof ScoringError) { ctx.err(error.message + '\n'); return 1; }
      throw error;
    }
    const dir = resolve(ctx.root, values.out!);
    await mkdir(dir, { recursive: true });
    const base = `bao-cao-chi-so-cchc-${year}-${values.stage}`;
    await writeFile(join(dir, `${base}.docx`), await councilReportDocx(report, ctx.now()));
    await writeFile(join(dir, `${base}.xlsx`), await councilReportXlsx(report));
    ctx.out(`Đã ghi ${relative(process.cwd(), join(dir, `${base}.docx`))} và ${relative(process.cwd(), join(dir, `${base}.xlsx`))}.\n`);
    return 0;
  });
}
